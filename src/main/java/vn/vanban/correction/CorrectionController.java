package vn.vanban.correction;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.vanban.api.ApiError;
import vn.vanban.auth.Role;

/**
 * Corrections over the API: metadata with {@code PATCH /api/documents/{id}}, citations, deadlines and tasks with
 * {@code POST /api/documents/{id}/corrections}; the history with {@code GET}. Editors only (API token).
 */
@Controller("/api/documents/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CorrectionController {

    private final CorrectionService service;
    private final Corrections corrections;

    public CorrectionController(CorrectionService service, Corrections corrections) {
        this.service = service;
        this.corrections = corrections;
    }

    /** One correction as JSON. */
    @Serdeable
    public record CorrectionBody(String kind, String item, String action, String field, String value) {
    }

    /** Every correction of the document, oldest first (the newest of each field wins). */
    @Get("/corrections")
    public List<Correction> history(@PathVariable long id) {
        return corrections.history(id);
    }

    /** Sets metadata fields: {@code {"number": "12/QĐ-UBND", "date": "2024-03-05", …}}; an empty value clears one. */
    @Patch
    @Secured(Role.EDITOR_NAME)
    public HttpResponse<?> patch(@PathVariable long id, @Body Map<String, String> fields, Authentication who, HttpRequest<?> request) {
        List<CorrectionService.Request> rs = new ArrayList<>();
        fields.forEach((f, v) -> rs.add(new CorrectionService.Request(Corrections.METADATA, "document", Corrections.SET, f, v)));
        return run(id, rs, who, request);
    }

    /** Adds corrections of citations, deadlines or tasks (or metadata), one or several. */
    @Post("/corrections")
    @Secured(Role.EDITOR_NAME)
    public HttpResponse<?> correct(@PathVariable long id, @Body List<CorrectionBody> body, Authentication who, HttpRequest<?> request) {
        return run(id, body.stream().map(b -> new CorrectionService.Request(b.kind(), b.item(), b.action(), b.field(), b.value())).toList(),
                who, request);
    }

    private HttpResponse<?> run(long id, List<CorrectionService.Request> rs, Authentication who, HttpRequest<?> request) {
        try {
            service.correct(id, who.getName(), request.getRemoteAddress().getAddress().getHostAddress(), rs);
            return HttpResponse.ok(corrections.history(id));
        } catch (java.util.NoSuchElementException e) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ApiError(e.getMessage(), null));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(new ApiError(e.getMessage(), null));
        }
    }
}
