package vn.vanban.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/** A stored deadline; {@code dueLast} is the last day of its precision ("2019-10" → 2019-10-31), for windows. */
@MappedEntity("deadline")
public record DeadlineRecord(@Id @GeneratedValue @Nullable Long id, long documentId, String due, LocalDate dueLast,
                             @Nullable String rrule, String what, @Nullable String who, @Nullable String guideKey,
                             int startOffset, int endOffset) {
}
