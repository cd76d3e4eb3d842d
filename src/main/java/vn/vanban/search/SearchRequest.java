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
 * @param tag          a tag the documents carry, or null for any
 */
public record SearchRequest(String query, @Nullable String type, @Nullable String issuer, @Nullable String province,
                            @Nullable String field, @Nullable Integer yearFrom, @Nullable Integer yearTo,
                            @Nullable LocalDate dateFrom, @Nullable LocalDate dateTo, @Nullable Boolean draft,
                            @Nullable Boolean hasDeadlines, @Nullable String validity, Sort sort, int page, int size,
                            @Nullable String tag) {

    /** A search without a tag filter. */
    public SearchRequest(String query, @Nullable String type, @Nullable String issuer, @Nullable String province,
                         @Nullable String field, @Nullable Integer yearFrom, @Nullable Integer yearTo,
                         @Nullable LocalDate dateFrom, @Nullable LocalDate dateTo, @Nullable Boolean draft,
                         @Nullable Boolean hasDeadlines, @Nullable String validity, Sort sort, int page, int size) {
        this(query, type, issuer, province, field, yearFrom, yearTo, dateFrom, dateTo, draft, hasDeadlines, validity, sort,
                page, size, null);
    }

    /**
     * The link to {@code path} with a search page's parameters, in one order whatever order they came in
     * ({@code /?issuer=…&q=…}); with an empty path, the query string alone without its "?".
     */
    public static String pageUrl(String path, java.util.Map<String, String> params) {
        io.micronaut.http.uri.UriBuilder b = io.micronaut.http.uri.UriBuilder.of(path);
        params.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> b.queryParam(e.getKey(), e.getValue()));
        String u = b.toString();
        return path.isEmpty() ? u.replaceFirst("^\\?", "") : u;
    }

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

    /**
     * The search the search page's parameters describe ({@code q, type, issuer, province, field, year, draft,
     * hasDeadlines, validity, sort, tag}, as in its URL), at {@code page} of {@code size}.
     *
     * @throws IllegalArgumentException for a value that is not one (a year that is not a number, an unknown validity)
     */
    public static SearchRequest fromPage(java.util.Map<String, String> params, int page, int size) {
        java.util.function.Function<String, String> get = k -> {
            String v = params.get(k);
            return v == null || v.isBlank() ? null : v.strip();
        };
        Integer year = null;
        if (get.apply("year") != null) {
            try {
                year = Integer.valueOf(get.apply("year"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("năm phải là một số: " + get.apply("year"));
            }
        }
        String validity = get.apply("validity");
        if (validity != null && vn.vanban.citation.Validity.Status.ofCode(validity) == null) {
            throw new IllegalArgumentException("không có tình trạng hiệu lực " + validity);
        }
        String draft = get.apply("draft");
        String deadlines = get.apply("hasDeadlines");
        String q = get.apply("q");
        return new SearchRequest(q == null ? "" : q, get.apply("type"), get.apply("issuer"), get.apply("province"),
                get.apply("field"), year, year, null, null, draft == null ? null : Boolean.valueOf(draft),
                deadlines == null ? null : Boolean.valueOf(deadlines), validity, Sort.parse(get.apply("sort")), page, size,
                get.apply("tag"));
    }

    /** Words only, relevance order. */
    public static SearchRequest of(String query, int page, int size) {
        return new SearchRequest(query, null, null, null, null, null, null, null, null, null, null, null, Sort.RELEVANCE,
                page, size);
    }
}
