package vn.vanban.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One ranked document: what a result list shows. The snippet is HTML-escaped text with {@code <mark>} around matches. */
@Serdeable
public record SearchHit(long id, @Nullable String type, @Nullable String number, @Nullable String subject,
                        @Nullable String date, @Nullable String issuer, @Nullable String fileName, float score,
                        String snippet) {
}
