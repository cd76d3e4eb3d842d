package vn.vanban.store;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A document without its text, for lists. */
@Introspected
@Serdeable
public record DocumentSummary(
        Long id,
        String sha256,
        String fileName,
        String mediaType,
        long sizeBytes,
        Instant ingestedAt,
        String parseStatus,
        @Nullable String parseReason,
        @Nullable Long previousVersionId,
        boolean currentVersion,
        @Nullable String docNumber,
        @Nullable String docType,
        @Nullable String issuer,
        @Nullable String docDate,
        @Nullable String subject) {
}
