package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A bearer token for the REST API, acting as its user; only the SHA-256 of the secret is stored. */
@MappedEntity("api_token")
public record ApiToken(
        @Id @GeneratedValue @Nullable Long id,
        long userId,
        String name,
        String tokenHash,
        Instant createdAt,
        boolean revoked) {
}
