package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A person who signs in; the password is kept only as an Argon2id hash (PHC string). */
@MappedEntity("app_user")
public record AppUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        String role,
        boolean active,
        Instant createdAt) {

    public Role roleValue() {
        return Role.valueOf(role);
    }
}
