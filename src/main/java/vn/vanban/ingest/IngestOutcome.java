package vn.vanban.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What happened to one file.
 *
 * @param status     ADDED, UNCHANGED (same bytes already held), NEW_VERSION (changed file at a known path) or FAILED
 * @param id         the document's id (null when FAILED)
 * @param previousId the version this one replaces (NEW_VERSION only)
 * @param failureKind for FAILED: EMPTY, TOO_LARGE, UNSUPPORTED, ENCRYPTED, CORRUPT, UNSAFE_NAME, …
 * @param reason     for FAILED, or a note such as "needs OCR"
 */
@Serdeable
public record IngestOutcome(Status status, String source, String fileName, @Nullable Long id,
                            @Nullable Long previousId, @Nullable String failureKind, @Nullable String reason) {

    /** The four outcomes a user sees. */
    public enum Status { ADDED, UNCHANGED, NEW_VERSION, FAILED }

    static IngestOutcome failed(String source, String fileName, String kind, String reason) {
        return new IngestOutcome(Status.FAILED, source, fileName, null, null, kind, reason);
    }
}
