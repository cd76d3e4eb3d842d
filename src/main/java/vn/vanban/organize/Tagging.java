package vn.vanban.organize;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.vanban.ingest.DocumentIndexer;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;

/**
 * Tagging as users do it: one document, or every result of a search at once; the documents whose tags changed are
 * indexed again, so that the tag facet and filter show them at once.
 */
@Singleton
public class Tagging {

    /** Most results a search may tag at once. */
    public static final int MAX_BULK = 10_000;

    /** What a bulk tagging did: how many results, how many gained the tag. */
    public record Bulk(long matched, int tagged) {
    }

    private final Tags tags;
    private final DocumentIndexer indexer;
    private final vn.vanban.search.DocumentSearch search;

    public Tagging(Tags tags, DocumentIndexer indexer, vn.vanban.search.DocumentSearch search) {
        this.tags = tags;
        this.indexer = indexer;
        this.search = search;
    }

    /** Puts {@code tag} on documents {@code ids}; returns those that gained it. */
    public List<Long> add(String user, List<Long> ids, String tag) {
        List<Long> gained = tags.add(user, ids, tag);
        reindex(gained);
        return gained;
    }

    /** Takes {@code tag} off document {@code id}; whether it was there. */
    public boolean remove(long id, String tag) {
        boolean removed = tags.remove(id, tag);
        if (removed) {
            reindex(List.of(id));
        }
        return removed;
    }

    /**
     * Puts {@code tag} on every result of the search {@code params} describes (as the search page's URL does).
     *
     * @throws IllegalArgumentException when the search has more than {@link #MAX_BULK} results, or is not one
     */
    public Bulk tagResults(String user, Map<String, String> params, String tag) {
        Tags.clean(tag);
        List<Long> ids = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || (long) page * SearchService.MAX_PAGE_SIZE < total; page++) {
            SearchResult r = search.search(SearchRequest.fromPage(params, page, SearchService.MAX_PAGE_SIZE));
            total = r.total();
            if (total > MAX_BULK) {
                throw new IllegalArgumentException("Tìm kiếm có " + total + " kết quả, quá " + MAX_BULK
                        + " văn bản gắn thẻ một lần: hãy lọc bớt.");
            }
            if (r.hits().isEmpty()) {
                break;
            }
            r.hits().stream().map(SearchHit::id).forEach(ids::add);
        }
        return new Bulk(Math.max(total, 0), add(user, ids, tag).size());
    }

    private void reindex(List<Long> ids) {
        if (!ids.isEmpty()) {
            indexer.revalidated(ids);
            indexer.commit();
        }
    }
}
