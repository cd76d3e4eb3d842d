package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A signed-in browser: the cookie carries the secret, only its SHA-256 is stored; ends at sign-out or expiry. */
@MappedEntity("user_session")
public record UserSession(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        String tokenHash,
        Instant createdAt,
        Instant expiresAt) {
}
