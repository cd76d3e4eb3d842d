package vn.vanban.search;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of matching tasks, deadlines and cited documents, and their total. */
@Serdeable
public record ItemResult(String query, String kind, long total, int page, int size, List<ItemHit> hits) {
}
