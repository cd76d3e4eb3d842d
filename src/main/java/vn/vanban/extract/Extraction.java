package vn.vanban.extract;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Everything extracted from one document, in the JSON shape of {@code shared/gold/README.md}: the document's own
 * metadata, the documents it cites, the deadlines it sets and the tasks it assigns.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Extraction(Doc document, List<Map<String, Object>> references, List<Map<String, Object>> deadlines,
                         List<Map<String, Object>> tasks) {

    /** The document part. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Doc(@Nullable String number, @Nullable String symbol, @Nullable String type, @Nullable String issuer,
                      @Nullable String parent_issuer, @Nullable String place, @Nullable String date,
                      @Nullable String effective, @Nullable String subject, @Nullable Signer signer, boolean draft,
                      List<String> recipients) {
    }

    /** Who signed. */
    @Serdeable
    public record Signer(String name, @Nullable String title) {
    }

    /** The document part of {@code m}. */
    public static Doc doc(DocumentMetadata m) {
        return new Doc(m.number(), m.symbol(), m.type(), m.issuer(), m.parentIssuer(), m.place(), m.date(),
                m.effective(), m.subject(), m.signerName() == null ? null : new Signer(m.signerName(), m.signerTitle()),
                m.draft(), m.recipients());
    }
}
