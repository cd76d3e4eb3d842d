package vn.vanban.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total count, and the facet counts over all hits (the 20 most frequent values of each dimension,
 * most frequent first; a dimension no hit has is absent). Every field is present, empty when nothing matches.
 *
 * @param numbers     the document numbers the query names: how many held documents bear each, how many cite it
 * @param suggestions when nothing matches: queries that may (the words without diacritics, without the last word)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchResult(String query, long total, int page, int size, String sort, List<SearchHit> hits,
                           Map<String, List<FacetCount>> facets, List<NumberFound> numbers, List<String> suggestions) {

    /** How many hits have one value of a facet dimension. */
    @Serdeable
    public record FacetCount(String value, long count) {
    }

    /** A number the query names, as typed: how many held documents bear it and how many cite it. */
    @Serdeable
    public record NumberFound(String number, long held, long citing) {
    }
}
