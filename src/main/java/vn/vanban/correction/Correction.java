package vn.vanban.correction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One human correction of an extracted value.
 *
 * @param kind     METADATA, CITATION, DEADLINE or TASK
 * @param item     what is corrected: for METADATA "document"; for CITATION the cited document's key; for DEADLINE
 *                 and TASK the item's key ({@link Corrections#itemKey(String)} of its text), or "new" for an added one
 * @param action   SET (a field gets a value), REMOVE (the item is not real), ADD (an item extraction missed)
 * @param field    the field set (e.g. "number", "due", "assignee"); "-" for REMOVE and ADD
 * @param newValue the value given (for ADD, the text of the item)
 * @param oldValue what extraction had, for the history
 */
@MappedEntity("correction")
@Serdeable
public record Correction(
        @Id @GeneratedValue @Nullable Long id,
        long documentId,
        String kind,
        String item,
        String action,
        String field,
        @Nullable String newValue,
        @Nullable String oldValue,
        String username,
        Instant at) {
}
