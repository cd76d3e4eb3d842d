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
        return of(d::get, score, snippet);
    }

    /** A hit from its stored fields, {@code field} giving each by name (null when absent). */
    public static SearchHit of(java.util.function.Function<String, String> field, float score, String snippet) {
        String v = field.apply(vn.vanban.index.IndexFields.DOC_VALIDITY);
        var status = vn.vanban.citation.Validity.Status.ofCode(v);
        return new SearchHit(Long.parseLong(field.apply(vn.vanban.index.IndexFields.ID)),
                field.apply(vn.vanban.index.IndexFields.DOC_TYPE), field.apply(vn.vanban.index.IndexFields.DOC_NUMBER),
                field.apply(vn.vanban.index.IndexFields.DOC_SUBJECT), field.apply(vn.vanban.index.IndexFields.DOC_DATE),
                field.apply(vn.vanban.index.IndexFields.DOC_ISSUER), field.apply(vn.vanban.index.IndexFields.FILE_NAME),
                score, snippet, v, status == null ? null : status.label());
    }
}
