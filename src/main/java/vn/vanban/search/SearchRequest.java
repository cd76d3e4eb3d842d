package vn.vanban.search;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/**
 * A search: the words (may be blank, to browse by filters alone), filters, sort and page.
 *
 * @param query        the user's query; blank lists every document that passes the filters
 * @param type         loại văn bản as printed in the facet ("Quyết định")
 * @param issuer       cơ quan ban hành as in the facet
 * @param province     province as in the facet ("Bắc Kạn", "Trung ương")
 * @param field        lĩnh vực as in the facet
 * @param yearFrom     first year issued, inclusive
 * @param yearTo       last year issued, inclusive
 * @param dateFrom     issued on or after (documents dated only by year or month count from its first day)
 * @param dateTo       issued on or before
 * @param draft        true: drafts only; false: final documents only; null: both
 * @param hasDeadlines true: documents that set deadlines; false: ones that do not; null: both
 * @param validity     a validity status code ("con_hieu_luc" …), or null for any
 * @param sort         order of hits
 * @param page         page from 0
 * @param size         hits per page, 1 to {@link SearchService#MAX_PAGE_SIZE}
 */
public record SearchRequest(String query, @Nullable String type, @Nullable String issuer, @Nullable String province,
                            @Nullable String field, @Nullable Integer yearFrom, @Nullable Integer yearTo,
                            @Nullable LocalDate dateFrom, @Nullable LocalDate dateTo, @Nullable Boolean draft,
                            @Nullable Boolean hasDeadlines, @Nullable String validity, Sort sort, int page, int size) {

    /** Order of hits. Relevance falls back to newest first when there are no words to rank by. */
    public enum Sort {
        RELEVANCE, NEWEST, OLDEST;

        /** "relevance", "newest", "oldest" (any case); null or blank is relevance. */
        public static Sort parse(String s) {
            if (s == null || s.isBlank()) {
                return RELEVANCE;
            }
            try {
                return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown sort [" + s + "]: use relevance, newest or oldest");
            }
        }
    }

    /** Words only, relevance order. */
    public static SearchRequest of(String query, int page, int size) {
        return new SearchRequest(query, null, null, null, null, null, null, null, null, null, null, null, Sort.RELEVANCE,
                page, size);
    }
}
