package vn.vanban.search;

import java.util.List;
import java.util.Optional;

/**
 * Where documents are searched: the local Lucene index ({@link SearchService}, the default) or a SolrCloud collection
 * ({@code vn.vanban.solr.SolrSearch}, when one is set). Both take the same requests, read the same query syntax (built
 * by one {@link QueryFactory}) and give the same results: hits ranked in the same two passes, snippets, facet counts,
 * the numbers the query names, suggestions when nothing matches, and documents like a document. Thread-safe.
 */
public interface DocumentSearch {

    /** The hits of {@code r}: filtered, sorted and paged, with facet counts over all hits. */
    SearchResult search(SearchRequest r);

    /** Page {@code page} (from 0) of {@code size} hits for {@code userQuery}, by relevance, no filters. */
    default SearchResult search(String userQuery, int page, int size) {
        return search(SearchRequest.of(userQuery, page, size));
    }

    /** Documents like document {@code id} (more-like-this on its distinctive words); empty when it is not indexed. */
    Optional<List<SearchHit>> similar(long id, int size);

    /**
     * Tasks, deadlines and cited documents matching {@code userQuery} (the same syntax as documents), best first;
     * {@code kind} one of {@link SearchService#ITEM_KINDS}, or null for all.
     */
    ItemResult searchItems(String userQuery, String kind, int page, int size);

    /** Where the searches run, for logs and the status page: "local" or the SolrCloud collection. */
    String backend();
}
