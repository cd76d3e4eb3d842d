package vn.vanban.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.NoSuchElementException;

/** Answers a request for something that is not there (a tag a document lacks, an unknown saved search) with 404. */
@Produces
@Singleton
@Requires(classes = {NoSuchElementException.class, ExceptionHandler.class})
public class NotFoundHandler implements ExceptionHandler<NoSuchElementException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, NoSuchElementException e) {
        return HttpResponse.<ApiError>notFound().body(new ApiError(e.getMessage(), "NOT_FOUND"));
    }
}
