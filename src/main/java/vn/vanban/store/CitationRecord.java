package vn.vanban.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** One mention: document {@code documentId} cites {@code citedId} at [startOffset, endOffset) of its normalized text. */
@MappedEntity("citation")
@Serdeable
public record CitationRecord(
        @Id @GeneratedValue @Nullable Long id,
        long documentId,
        long citedId,
        int startOffset,
        int endOffset,
        String sentence,
        String relation) {
}
