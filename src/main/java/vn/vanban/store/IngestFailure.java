package vn.vanban.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A file that could not be ingested, with the reason a user can act on; one record per distinct content. */
@MappedEntity("ingest_failure")
@Serdeable
public record IngestFailure(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable String sha256,
        String sourcePath,
        String fileName,
        long sizeBytes,
        @Nullable String mediaType,
        String kind,
        String reason,
        int attempts,
        Instant firstAt,
        Instant lastAt) {
}
