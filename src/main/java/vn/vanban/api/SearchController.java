package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.vanban.search.ItemResult;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchPool;
import vn.vanban.search.SearchService;

/**
 * Full-text search with filters, facets and sorting. Runs on the search pool ({@link SearchPool}), not on
 * the virtual threads of the other routes. Measured with {@code loadbench} (4 clients, 100k documents, 2 cores): on
 * virtual threads the searches queue on as many carrier threads as there are cores, so short ones wait behind long
 * ones (p50 1.33× bare Lucene, whose 4 threads share the cores, against a p99 of 0.74×); on a pool of platform threads
 * they share the cores as bare Lucene's do (six runs: p50 1.13–1.26×, p99 0.96–1.14×; an HTTP request then costs
 * 0.4–0.8 ms of CPU more than the same search in process, clients included). Under the hardening load (16 searching and 4 uploading clients, 60 s, same machine,
 * back to back) the pool gave 326 searches/s and 66 uploads/s (upload p99 139 ms) against 532 and 32 (p99 698 ms) on
 * virtual threads, and the bounded pool of {@link SearchPool} later 394 and 65 (p99 153 ms): searches no longer take the cores from uploads. Answering on the event loop itself held up uploads
 * too (a long search holds every connection of its event loop).
 */
@Controller("/api/search")
@ExecuteOn(SearchPool.EXECUTOR)
public class SearchController {

    private final SearchService search;
    private final vn.vanban.search.DocumentSearch documentSearch;

    public SearchController(SearchService search, vn.vanban.search.DocumentSearch documentSearch) {
        this.documentSearch = documentSearch;
        this.search = search;
    }

    /** {@code value} when it is a validity status code (or null); else a 400 naming the codes. */
    public static String validity(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (vn.vanban.citation.Validity.Status.ofCode(value.strip()) == null) {
            throw new IllegalArgumentException("unknown validity [" + value + "]: use one of "
                    + java.util.Arrays.stream(vn.vanban.citation.Validity.Status.values())
                    .map(vn.vanban.citation.Validity.Status::code).toList());
        }
        return value.strip();
    }

    /**
     * Hits for {@code q} (words with or without diacritics, "phrases", -excluded, OR, or a số ký hiệu; blank to
     * browse by filters), with facet counts over all hits.
     *
     * @param type         loại văn bản, as in the {@code type} facet
     * @param issuer       cơ quan ban hành, as in the {@code issuer} facet
     * @param province     province, as in the {@code province} facet ("Trung ương" for central bodies)
     * @param field        lĩnh vực, as in the {@code field} facet
     * @param yearFrom     first year, inclusive
     * @param yearTo       last year, inclusive
     * @param dateFrom     issued on or after (YYYY-MM-DD)
     * @param dateTo       issued on or before (YYYY-MM-DD)
     * @param draft        true for drafts only, false for final documents only
     * @param hasDeadlines true for documents that set deadlines, false for those that do not
     * @param validity     a validity status, as in the {@code validity} facet: con_hieu_luc, chua_co_hieu_luc,
     *                     het_hieu_luc_mot_phan, het_hieu_luc_toan_bo, chua_xac_dinh
     * @param sort         relevance (default), newest or oldest
     * @param page         page from 0
     * @param size         hits per page (1 to 100)
     */
    @Get
    public SearchResult search(@QueryValue(defaultValue = "") String q,
                               @Nullable @QueryValue String type, @Nullable @QueryValue String issuer,
                               @Nullable @QueryValue String province, @Nullable @QueryValue String field,
                               @Nullable @QueryValue Integer yearFrom, @Nullable @QueryValue Integer yearTo,
                               @Nullable @QueryValue String dateFrom, @Nullable @QueryValue String dateTo,
                               @Nullable @QueryValue Boolean draft, @Nullable @QueryValue Boolean hasDeadlines,
                               @Nullable @QueryValue String validity, @Nullable @QueryValue String sort,
                               @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "10") int size,
                               @Nullable @QueryValue String tag) {
        // SearchService rejects a bad page, size or range (400)
        return documentSearch.search(new SearchRequest(q, type, issuer, province, field, yearFrom, yearTo,
                date("dateFrom", dateFrom), date("dateTo", dateTo), draft, hasDeadlines, validity(validity),
                SearchRequest.Sort.parse(sort),
                page, size, tag == null || tag.isBlank() ? null : tag.strip()));
    }

    /**
     * Tasks, deadlines and cited documents whose words match {@code q} ("chữ ký số" finds the tasks that mention
     * it), best first; {@code kind} task, deadline or cited to keep one kind.
     */
    @Get("/items")
    public ItemResult items(@QueryValue String q, @Nullable @QueryValue String kind,
                            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "10") int size) {
        return documentSearch.searchItems(q, kind, page, size);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date as YYYY-MM-DD (got [" + value + "])");
        }
    }
}
