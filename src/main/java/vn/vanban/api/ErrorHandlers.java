package vn.vanban.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a bad argument (e.g. a page out of range) with 400 and its message, not 500. */
@Produces
@Singleton
@Requires(classes = {IllegalArgumentException.class, ExceptionHandler.class})
public class ErrorHandlers implements ExceptionHandler<IllegalArgumentException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, IllegalArgumentException e) {
        return HttpResponse.<ApiError>badRequest().body(new ApiError(e.getMessage(), null));
    }
}
