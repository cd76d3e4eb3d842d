package vn.vanban.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a list and the total count. */
@Serdeable
public record PageView<T>(long total, int page, int size, List<T> items) {
}
