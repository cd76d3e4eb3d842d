package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.vanban.auth.Role;
import vn.vanban.citation.Standings;
import vn.vanban.citation.ValidityService;
import vn.vanban.ingest.DocumentIndexer;

/**
 * Validity over the API: the status of a document by key, an editor's correction of it (kept, and winning over what
 * is derived until withdrawn), and the stale bases of held documents ({@code GET /api/warnings}).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ValidityController {

    private final ValidityService validity;
    private final Standings standings;
    private final DocumentIndexer indexer;
    private final vn.vanban.auth.AuditLog audit;

    public ValidityController(ValidityService validity, Standings standings, DocumentIndexer indexer,
                              vn.vanban.auth.AuditLog audit) {
        this.validity = validity;
        this.standings = standings;
        this.indexer = indexer;
        this.audit = audit;
    }

    /** An editor's correction: the key of the document, the status code, why. */
    @Serdeable
    public record CorrectionBody(String key, String status, @Nullable String note) {
    }

    /** The validity of the document keyed {@code key} (as in {@code /api/citations?key=}); 404 when nothing is known. */
    @Get("/validity")
    public HttpResponse<?> get(@QueryValue String key) {
        return validity.of(key).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(new ApiError("nothing is known of the validity of " + key, null)));
    }

    /** Corrects the status of a document (editors); the correction is kept and shown with the editor's name. */
    @Put("/validity")
    @Secured(Role.EDITOR_NAME)
    public HttpResponse<?> correct(@Body CorrectionBody body, Authentication who, HttpRequest<?> request) {
        if (body.key() == null || body.key().isBlank()) {
            return HttpResponse.badRequest(new ApiError("give the key of the document", null));
        }
        String before = validity.statusOf(body.key());
        validity.correct(body.key(), body.status(), body.note(), who.getName());
        audit.record(who.getName(), request.getRemoteAddress().getAddress().getHostAddress(), "validity.correct",
                "key " + body.key(), before, body.status() + (body.note() == null ? "" : " " + body.note()));
        reindex(body.key());
        return HttpResponse.ok(validity.of(body.key()).orElseThrow());
    }

    /** Withdraws an editor's correction (editors): the derived status applies again. */
    @Delete("/validity")
    @Secured(Role.EDITOR_NAME)
    public HttpResponse<?> withdraw(@QueryValue String key, Authentication who, HttpRequest<?> request) {
        String before = validity.statusOf(key);
        validity.withdraw(key);
        audit.record(who.getName(), request.getRemoteAddress().getAddress().getHostAddress(), "validity.withdraw",
                "key " + key, before, validity.statusOf(key));
        reindex(key);
        return validity.of(key).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(HttpResponse::noContent);
    }

    /** Held documents whose "Căn cứ" cites a document no longer in force, newest first. */
    @Get("/warnings")
    public List<Standings.Warning> warnings(@QueryValue(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000");
        }
        return standings.warnings(limit);
    }

    private void reindex(String key) {
        indexer.revalidated(validity.heldIds(List.of(key)));
        indexer.commit();
    }
}
