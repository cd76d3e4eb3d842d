package vn.vanban.search;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total count, and the facet counts over all hits (the 20 most frequent values of each dimension,
 * most frequent first; a dimension no hit has is absent).
 */
@Serdeable
public record SearchResult(String query, long total, int page, int size, String sort, List<SearchHit> hits,
                           Map<String, List<FacetCount>> facets) {

    /** How many hits have one value of a facet dimension. */
    @Serdeable
    public record FacetCount(String value, long count) {
    }
}
