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
 * Answers a request whose declared length exceeds the server's hard cap ({@code micronaut.server.max-request-size})
 * with 413 before its body is read: left to the server, such a request can hang instead of failing
 * (micronaut-core#4864). Uploads under the cap but over {@code vanban.max-file-size} are read and refused by the
 * ingest itself, which also records the failure; answering those early would race the client's upload.
 */
@ServerFilter("/api/**")
public class UploadSizeFilter {

    private final VanbanConfig config;
    private final long hardCap;

    public UploadSizeFilter(VanbanConfig config,
                            @io.micronaut.context.annotation.Value("${micronaut.server.max-request-size:268435456}") long hardCap) {
        this.config = config;
        this.hardCap = hardCap;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ApiError> rejectOversized(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST && request.getMethod() != HttpMethod.PUT) {
            return null;
        }
        long length = request.getContentLength();
        if (length > hardCap) {
            return HttpResponse.<ApiError>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .header("Connection", "close")
                    .body(new ApiError("request too large: " + length + " bytes, file size limit " + config.maxFileSize()
                            + " (vanban.max-file-size), request limit " + hardCap, "TOO_LARGE"));
        }
        return null;
    }
}
