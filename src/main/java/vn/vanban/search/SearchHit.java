package vn.vanban.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One ranked document: what a result list shows. The snippet is HTML-escaped text with {@code <mark>} around matches;
 * {@code validity} is its validity status code (còn hiệu lực …) with its label, null when unknown to the index.
 */
@Serdeable
public record SearchHit(long id, @Nullable String type, @Nullable String number, @Nullable String subject,
                        @Nullable String date, @Nullable String issuer, @Nullable String fileName, float score,
                        String snippet, @Nullable String validity, @Nullable String validityLabel) {

    /** A hit from the stored fields of the index. */
    static SearchHit of(org.apache.lucene.document.Document d, float score, String snippet) {
        String v = d.get(vn.vanban.index.IndexFields.DOC_VALIDITY);
        var status = vn.vanban.citation.Validity.Status.ofCode(v);
        return new SearchHit(Long.parseLong(d.get(vn.vanban.index.IndexFields.ID)), d.get(vn.vanban.index.IndexFields.DOC_TYPE),
                d.get(vn.vanban.index.IndexFields.DOC_NUMBER), d.get(vn.vanban.index.IndexFields.DOC_SUBJECT),
                d.get(vn.vanban.index.IndexFields.DOC_DATE), d.get(vn.vanban.index.IndexFields.DOC_ISSUER),
                d.get(vn.vanban.index.IndexFields.FILE_NAME), score, snippet, v, status == null ? null : status.label());
    }
}
