package vn.vanban.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A task, deadline or cited document that matches a query. {@code documentId} is the document that sets the task
 * or deadline, or the held copy of a cited document (null when not held); {@code citedId} the cited document's id.
 * The snippet is HTML-escaped with {@code <mark>} around matches.
 */
@Serdeable
public record ItemHit(String kind, @Nullable Long documentId, @Nullable Long citedId, String snippet,
                      @Nullable String who, @Nullable String due, @Nullable String label, float score) {
}
