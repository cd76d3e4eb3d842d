package vn.vanban.correction;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vanban.auth.Csrf;
import vn.vanban.auth.Role;
import vn.vanban.ingest.IngestOutcome;

/** The trash, for editors: the page "Thùng rác" ({@code /thung-rac}) and {@code /api/trash}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.EDITOR_NAME)
public class TrashController {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Trash trash;
    private final Deletions deletions;
    private final Csrf csrf;

    public TrashController(Trash trash, Deletions deletions, Csrf csrf) {
        this.trash = trash;
        this.deletions = deletions;
        this.csrf = csrf;
    }

    /** What is in the trash, the latest deleted first. */
    @Get("/api/trash")
    public List<Trash.Entry> entries() {
        return trash.entries();
    }

    /** Restores a deleted version: the outcome of ingesting its original again (its new id). */
    @Post("/api/trash/{id}/restore")
    public IngestOutcome restore(@PathVariable long id, Authentication who, HttpRequest<?> request) {
        return deletions.restore(id, who.getName(), request.getRemoteAddress().getAddress().getHostAddress());
    }

    @Get("/thung-rac")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> page(@Nullable @QueryValue("thong-bao") String notice, @Nullable @QueryValue("loi") String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("days", trash.days());
        m.put("notice", notice);
        m.put("error", error);
        m.put("entries", trash.entries().stream().map(e -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", e.documentId());
            r.put("title", e.title() == null ? e.fileName() : e.title());
            r.put("file", e.fileName());
            r.put("tags", String.join(", ", e.tags()));
            r.put("deleted", AT.format(e.deletedAt()) + " — " + e.deletedBy());
            r.put("until", AT.format(e.restorableUntil()));
            r.put("restoredUrl", e.restoredId() == null ? "" : "/van-ban/" + e.restoredId());
            r.put("restored", e.restoredAt() == null ? "" : "đã khôi phục " + AT.format(e.restoredAt()) + " — " + e.restoredBy());
            return r;
        }).toList());
        return new ModelAndView<>("trash", m);
    }

    @Post(value = "/thung-rac/{id}/khoi-phuc", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> restoreFromPage(@PathVariable long id, @Body Map<String, String> form, Authentication who, HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        try {
            IngestOutcome o = deletions.restore(id, who.getName(), request.getRemoteAddress().getAddress().getHostAddress());
            return HttpResponse.seeOther(URI.create("/van-ban/" + o.id()));
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            return HttpResponse.seeOther(io.micronaut.http.uri.UriBuilder.of("/thung-rac").queryParam("loi", e.getMessage()).build());
        }
    }
}
