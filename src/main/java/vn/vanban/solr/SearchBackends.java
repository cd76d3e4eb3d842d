package vn.vanban.solr;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.vanban.index.DocumentIndex;
import vn.vanban.search.DocumentSearch;
import vn.vanban.search.SearchService;

/**
 * Which index answers searches: the SolrCloud collection when one is set ({@code vanban.solr.urls} or
 * {@code vanban.solr.zk}) and {@code vanban.solr.search} (VANBAN_SOLR_SEARCH) is not false; else the local index.
 */
@Factory
public class SearchBackends {

    @Singleton
    @Primary
    DocumentSearch documentSearch(SearchService local, SolrMirror cluster, DocumentIndex index,
                                  @Value("${vanban.solr.search:true}") boolean solrSearch) {
        return cluster.enabled() && solrSearch ? new SolrSearch(local, cluster::connection, index.analyzer()) : local;
    }
}
