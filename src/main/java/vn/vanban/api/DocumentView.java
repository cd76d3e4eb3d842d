package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import vn.vanban.store.DocumentSummary;
import vn.vanban.store.StoredDocument;

/**
 * A document as the API shows it: identity, parse status, metadata and its versions (newest first), its references,
 * where it stands (validity, amended / replaced / guided by, what it does to others) and its stale bases.
 */
@Serdeable
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
public record DocumentView(long id, String sha256, String fileName, String mediaType, long sizeBytes,
                           Instant ingestedAt, String parseStatus, @Nullable String parseReason, boolean ocr,
                           boolean current, @Nullable Long previousVersionId, Metadata metadata,
                           List<DocumentSummary> versions, List<vn.vanban.citation.CitationQueries.Reference> references,
                           vn.vanban.citation.Standings.Standing standing, List<vn.vanban.citation.Standings.Warning> warnings,
                           @Nullable vn.vanban.mail.MailIntake.MailSource mail) {

    /** What extraction found. */
    @Serdeable
    public record Metadata(@Nullable String number, @Nullable String symbol, @Nullable String type,
                           @Nullable String issuer, @Nullable String parentIssuer, @Nullable String place,
                           @Nullable String date, @Nullable String effective, @Nullable String subject,
                           @Nullable String signerName, @Nullable String signerTitle, boolean draft) {
    }

    static DocumentView of(StoredDocument d, List<DocumentSummary> versions,
                           List<vn.vanban.citation.CitationQueries.Reference> references,
                           vn.vanban.citation.Standings.Standing standing, List<vn.vanban.citation.Standings.Warning> warnings,
                           @Nullable vn.vanban.mail.MailIntake.MailSource mail) {
        return new DocumentView(d.id(), d.sha256(), d.fileName(), d.mediaType(), d.sizeBytes(), d.ingestedAt(),
                d.parseStatus(), d.parseReason(), d.ocr(), d.currentVersion(), d.previousVersionId(),
                new Metadata(d.docNumber(), d.docSymbol(), d.docType(), d.issuer(), d.parentIssuer(), d.place(),
                        d.docDate(), d.effectiveDate(), d.subject(), d.signerName(), d.signerTitle(), d.draft()),
                versions, references, standing, warnings, mail);
    }
}
