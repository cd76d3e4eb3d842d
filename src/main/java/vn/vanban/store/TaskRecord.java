package vn.vanban.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A stored task. */
@MappedEntity("task")
public record TaskRecord(@Id @GeneratedValue @Nullable Long id, long documentId, String textContent,
                         @Nullable String period, @Nullable String assignee, @Nullable String field,
                         @Nullable String due, @Nullable String status, int startOffset, int endOffset) {
}
