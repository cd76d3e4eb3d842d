package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import vn.vanban.config.VanbanConfig;

/**
 * Answers an upload whose declared length exceeds the file size limit with 413 before its body is read. (Left to
 * the server's own request-size limit, such a request can hang instead of failing: micronaut-core#4864.) Uploads
 * without a Content-Length are checked after reading, by the ingest itself.
 */
@ServerFilter("/api/**")
public class UploadSizeFilter {

    /** Room for the multipart envelope around the file. */
    private static final long ENVELOPE = 64 * 1024;

    private final VanbanConfig config;

    public UploadSizeFilter(VanbanConfig config) {
        this.config = config;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> rejectOversized(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST && request.getMethod() != HttpMethod.PUT) {
            return null;
        }
        long length = request.getContentLength();
        if (length > config.maxFileSize() + ENVELOPE) {
            return HttpResponse.<ApiError>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .header("Connection", "close")
                    .body(new ApiError("request too large: " + length + " bytes, file size limit " + config.maxFileSize()
                            + " (vanban.max-file-size)", "TOO_LARGE"));
        }
        return null;
    }
}
