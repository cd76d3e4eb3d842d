package vn.vanban.deadline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A date a text sets for someone to act.
 *
 * @param due   ISO at the precision given ("2019-02-25", "2019-10", "2015"); for a recurring deadline its first
 *              occurrence on or after the document's date
 * @param rrule RFC 5545 recurrence rule, or null
 * @param what  what is due (the report's name in a table, else the clause)
 * @param who   who must act, when the text says
 * @param start span of the time expression in the normalized text
 * @param guide the canonical key of the document that guides it (a table's "Văn bản hướng dẫn" column), or null
 */
@Serdeable
public record Deadline(String due, @Nullable String rrule, String what, @Nullable String who, int start, int end,
                       String expression, @Nullable String guide) {

    /** This deadline owed by {@code unit}. */
    public Deadline withWho(String unit) {
        return new Deadline(due, rrule, what, unit, start, end, expression, guide);
    }

    /** This deadline guided by the cited document with key {@code key}. */
    public Deadline withGuide(String key) {
        return new Deadline(due, rrule, what, who, start, end, expression, key);
    }
}
