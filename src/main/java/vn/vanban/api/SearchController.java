package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.vanban.search.ItemResult;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;

/**
 * Full-text search with filters, facets and sorting. Runs on the blocking executor (virtual threads), like the
 * other routes. Answering on the event loop itself was measured too: over HTTP with 4 read-only clients at 100k
 * documents it came out a little ahead (p50 1.31–1.43× bare Lucene against 1.37–1.49×, within the runs' spread), but
 * with searches and uploads together (hardening load, 16 + 4 clients) uploads fell from 49 to 31 a second and their
 * p50 rose from 64 to 110 ms, because a long search then holds every connection of its event loop. A cached pool of
 * platform threads ({@code TaskExecutors.IO}) gave p50 1.32–1.41× but p99 1.22× (against about 1.0×): searches then
 * share the cores instead of queuing on the two carrier threads, which favours the short ones and delays the long.
 * Either way the cores are saturated (4 clients, 2 cores) and an HTTP request costs the process about 1.7 ms of CPU
 * more than the same search in process (6.6 ms), clients included; a static file's round trip alone costs 0.6–1 ms.
 */
@Controller("/api/search")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
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
                               @Nullable @QueryValue String sort,
                               @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "10") int size) {
        // SearchService rejects a bad page, size or range (400)
        return search.search(new SearchRequest(q, type, issuer, province, field, yearFrom, yearTo,
                date("dateFrom", dateFrom), date("dateTo", dateTo), draft, hasDeadlines, SearchRequest.Sort.parse(sort),
                page, size));
    }

    /**
     * Tasks, deadlines and cited documents whose words match {@code q} ("chữ ký số" finds the tasks that mention
     * it), best first; {@code kind} task, deadline or cited to keep one kind.
     */
    @Get("/items")
    public ItemResult items(@QueryValue String q, @Nullable @QueryValue String kind,
                            @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "10") int size) {
        return search.searchItems(q, kind, page, size);
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
