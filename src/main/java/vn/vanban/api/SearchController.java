package vn.vanban.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;

/** Full-text search. */
@Controller("/api/search")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

    private final SearchService search;

    public SearchController(SearchService search) {
        this.search = search;
    }

    /** Hits for {@code q} (words with or without diacritics, or a số ký hiệu), page from 0. */
    @Get
    public SearchResult search(@QueryValue String q, @QueryValue(defaultValue = "0") int page,
                               @QueryValue(defaultValue = "10") int size) {
        return search.search(q, page, size); // SearchService rejects a bad page or size (400)
    }
}
