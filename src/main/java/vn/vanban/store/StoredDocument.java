package vn.vanban.store;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One version of one document: the original's identity (sha256, source, type) and the metadata extraction found;
 * its texts are in {@link DocumentText}. Immutable; a new version is a new record.
 */
@MappedEntity("document")
public record StoredDocument(
        @Id @GeneratedValue @Nullable Long id,
        String sha256,
        String sourceKey,
        String sourcePath,
        String fileName,
        String mediaType,
        long sizeBytes,
        Instant ingestedAt,
        String parseStatus,
        @Nullable String parseReason,
        boolean ocr,
        @Nullable Long previousVersionId,
        boolean currentVersion,
        @Nullable String docNumber,
        @Nullable String docSymbol,
        @Nullable String docType,
        @Nullable String issuer,
        @Nullable String parentIssuer,
        @Nullable String place,
        @Nullable String docDate,
        @Nullable String effectiveDate,
        @Nullable String subject,
        @Nullable String signerName,
        @Nullable String signerTitle,
        boolean draft,
        @Nullable String citeKey,
        @Nullable String recipients) {

    /** The recipients, one per entry; empty when none were found. */
    public java.util.List<String> recipientList() {
        return recipients == null || recipients.isBlank() ? java.util.List.of() : java.util.List.of(recipients.split("\n"));
    }

    /** Recipients as stored: one per line, within the column's 4,000 characters. */
    public static String joinRecipients(java.util.List<String> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        String joined = String.join("\n", list);
        return joined.length() <= 4000 ? joined : joined.substring(0, joined.lastIndexOf('\n', 4000) > 0 ? joined.lastIndexOf('\n', 4000) : 4000);
    }
}
