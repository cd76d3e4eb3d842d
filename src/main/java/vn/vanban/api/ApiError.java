package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of every error answer: a message a user can act on, and for failed uploads the failure kind. */
@Serdeable
public record ApiError(String message, @Nullable String kind) {
}
