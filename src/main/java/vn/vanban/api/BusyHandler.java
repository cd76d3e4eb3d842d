package vn.vanban.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.concurrent.RejectedExecutionException;

/**
 * Answers a request its pool could not take (every search thread busy and the search queue full) with 503 and
 * Retry-After, so that a client tries again in a moment instead of seeing a server error.
 */
@Produces
@Singleton
@Requires(classes = {RejectedExecutionException.class, ExceptionHandler.class})
public class BusyHandler implements ExceptionHandler<RejectedExecutionException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, RejectedExecutionException e) {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(new ApiError("too many searches waiting (vanban.search.queue); try again in a moment", null));
    }
}
