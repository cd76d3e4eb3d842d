package vn.vanban.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One write: who, what, when, on what, the value before and after (JSON or text), and from where. */
@MappedEntity("audit_event")
@Serdeable
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        Instant at,
        String username,
        String action,
        @Nullable String target,
        @Nullable String beforeValue,
        @Nullable String afterValue,
        @Nullable String remote) {
}
