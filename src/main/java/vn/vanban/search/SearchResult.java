package vn.vanban.search;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of hits and the total count. */
@Serdeable
public record SearchResult(String query, long total, int page, int size, List<SearchHit> hits) {
}
