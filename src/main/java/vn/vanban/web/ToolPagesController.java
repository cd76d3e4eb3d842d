package vn.vanban.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vanban.citation.CitationCompiler;
import vn.vanban.citation.CitationQueries;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;

/** The pages that change or compile: upload, and the "Căn cứ" compiler. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ToolPagesController {

    private final IngestService ingest;
    private final CitationCompiler compiler;
    private final CitationQueries citations;

    private final vn.vanban.auth.AuditLog audit;
    private final vn.vanban.auth.Csrf csrf;
    private final vn.vanban.citation.ValidityService validity;

    public ToolPagesController(IngestService ingest, CitationCompiler compiler, CitationQueries citations,
                               vn.vanban.auth.AuditLog audit, vn.vanban.auth.Csrf csrf,
                               vn.vanban.citation.ValidityService validity) {
        this.validity = validity;
        this.audit = audit;
        this.csrf = csrf;
        this.ingest = ingest;
        this.compiler = compiler;
        this.citations = citations;
    }

    /** The upload form: several files at once. */
    @Get("/tai-len")
    @Produces(MediaType.TEXT_HTML)
    @io.micronaut.security.annotation.Secured(vn.vanban.auth.Role.EDITOR_NAME)
    public ModelAndView<Map<String, Object>> uploadForm() {
        return new ModelAndView<>("upload", Map.of("results", List.of()));
    }

    /** Ingests every file sent (field {@code files}) and shows each one's result with a link to the document. */
    @Post(value = "/tai-len", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @io.micronaut.security.annotation.Secured(vn.vanban.auth.Role.EDITOR_NAME)
    public ModelAndView<Map<String, Object>> upload(@Body MultipartBody body, io.micronaut.http.HttpRequest<?> request,
                                                    io.micronaut.security.authentication.Authentication who) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (IngestOutcome o : ingestAll(body, request, who)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", o.fileName());
            r.put("status", switch (o.status()) {
                case ADDED -> "Đã thêm";
                case UNCHANGED -> "Đã có trong kho";
                case NEW_VERSION -> "Phiên bản mới";
                case FAILED -> "Không nhận được";
            });
            r.put("ok", o.status() != IngestOutcome.Status.FAILED);
            r.put("detail", vn.vanban.ingest.FailureReasons.of(o));
            r.put("url", o.id() == null ? "" : "/van-ban/" + o.id());
            results.add(r);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("results", results);
        if (results.isEmpty()) {
            model.put("error", "Chưa chọn tệp nào.");
        }
        return new ModelAndView<>("upload", model);
    }

    /** The same for the page's script: each file's outcome as JSON (the form's CSRF token in X-CSRF-TOKEN). */
    @Post(value = "/tai-len", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @io.micronaut.security.annotation.Secured(vn.vanban.auth.Role.EDITOR_NAME)
    public List<UploadRow> uploadJson(@Body MultipartBody body, io.micronaut.http.HttpRequest<?> request,
                                      io.micronaut.security.authentication.Authentication who) {
        return ingestAll(body, request, who).stream().map(UploadRow::of).toList();
    }

    /** One file's outcome for the page's script: the outcome as the API gives it, and what the page says of it. */
    @io.micronaut.serde.annotation.Serdeable
    record UploadRow(IngestOutcome.Status status, String fileName, @Nullable Long id, @Nullable String failureKind,
                     @Nullable String reason, String detail) {

        static UploadRow of(IngestOutcome o) {
            return new UploadRow(o.status(), o.fileName(), o.id(), o.failureKind(), o.reason(), vn.vanban.ingest.FailureReasons.of(o));
        }
    }

    private List<IngestOutcome> ingestAll(MultipartBody body, io.micronaut.http.HttpRequest<?> request,
                                          io.micronaut.security.authentication.Authentication who) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        List<io.micronaut.http.multipart.CompletedPart> parts = parts(body);
        String token = null;
        for (var part : parts) {
            if (!(part instanceof CompletedFileUpload) && "csrfToken".equals(part.getName())) {
                try {
                    token = new String(part.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    token = null;
                }
            }
        }
        csrf.require(request, token);
        for (var part : parts) {
            if (part instanceof CompletedFileUpload f && f.getFilename() != null && !f.getFilename().isBlank()) {
                IngestOutcome o;
                try {
                    o = ingest.ingest("upload:" + f.getFilename(), f.getFilename(), f.getBytes(), true);
                } catch (java.io.IOException e) {
                    o = new IngestOutcome(IngestOutcome.Status.FAILED, "upload:" + f.getFilename(), f.getFilename(),
                            null, null, "UNREADABLE", "không đọc được tệp: " + e.getMessage());
                }
                audit.uploaded(who, request, o);
                outcomes.add(o);
            }
        }
        return outcomes;
    }

    /** Every part of a multipart body, each received whole (the route runs on a blocking thread). */
    private static List<io.micronaut.http.multipart.CompletedPart> parts(MultipartBody body) {
        try {
            return reactor.core.publisher.Flux.from(body).collectList().block();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the upload could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The compiler: documents by id ({@code doc}) and cited documents by number or key, one per line ({@code refs}),
     * give the ordered "Căn cứ" block, to copy or download.
     */
    @Get("/can-cu")
    @Produces(MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> compile(@Nullable @QueryValue List<Long> doc, @Nullable @QueryValue String refs) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<Long> ids = doc == null ? List.of() : doc;
        model.put("refs", refs == null ? "" : refs);
        model.put("docs", ids);
        model.put("items", List.of());
        model.put("notes", List.of());
        if (ids.isEmpty() && (refs == null || refs.isBlank())) {
            return new ModelAndView<>("compile", model);
        }
        try {
            CitationCompiler.Compiled compiled = compiler.compileWithNotes(ids, keys(refs));
            List<CitationCompiler.Item> items = compiled.items();
            model.put("notes", compiled.notes()); // what could not be written, beside the lines that could
            // a basis no longer in force is flagged before anyone pastes it, with what replaced it where known
            var states = validity.of(items.stream().map(CitationCompiler.Item::key).toList());
            List<Map<String, Object>> lines = new java.util.ArrayList<>();
            for (CitationCompiler.Item i : items) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("text", "Căn cứ " + i.text() + ";");
                var s = states.get(i.key());
                String warning = null;
                if (s != null && (s.status().equals("het_hieu_luc_toan_bo") || s.status().equals("het_hieu_luc_mot_phan"))) {
                    var v = s.derived();
                    warning = s.label() + (v.since() == null ? "" : " từ ngày " + Display.date(v.since()))
                            + (v.articles() == null ? "" : " (" + v.articles() + ")")
                            + (v.by() == null ? "" : s.status().equals("het_hieu_luc_toan_bo")
                                    ? " — văn bản thay thế: " + v.by() : " — theo " + v.by())
                            + (s.correction() != null ? " (theo biên tập viên)" : "");
                }
                line.put("warning", warning);
                lines.add(line);
            }
            model.put("items", lines);
            model.put("text", compiler.text(items));
            String query = query(ids, refs);
            model.put("docxUrl", "/can-cu.docx?" + query);
            model.put("mdUrl", "/can-cu.md?" + query);
        } catch (IllegalArgumentException e) {
            model.put("error", e.getMessage());
        }
        return new ModelAndView<>("compile", model);
    }

    @Get("/can-cu.docx")
    public HttpResponse<byte[]> docx(@Nullable @QueryValue List<Long> doc, @Nullable @QueryValue String refs) {
        byte[] bytes = compiler.docx(compiler.compileWithNotes(doc == null ? List.of() : doc, keys(refs)).items());
        return HttpResponse.ok(bytes).contentType(CitationCompiler.Format.DOCX.contentType)
                .header("Content-Disposition", "attachment; filename=\"can-cu.docx\"");
    }

    @Get("/can-cu.md")
    public HttpResponse<String> markdown(@Nullable @QueryValue List<Long> doc, @Nullable @QueryValue String refs) {
        String md = compiler.markdown(compiler.compileWithNotes(doc == null ? List.of() : doc, keys(refs)).items());
        return HttpResponse.ok(md).contentType(CitationCompiler.Format.MARKDOWN.contentType)
                .header("Content-Disposition", "attachment; filename=\"can-cu.md\"");
    }

    /**
     * Each line a citation key or a number as printed ("2099/QĐ-UBND", with "|2018|Bắc Kạn" to pick one): a bare
     * number takes the key of the cited document with that number when there is exactly one.
     */
    private List<String> keys(String refs) {
        return refs == null ? List.of() : citations.keys(List.of(refs.split("\\R")));
    }

    private static String query(List<Long> ids, String refs) {
        StringBuilder b = new StringBuilder();
        for (Long id : ids) {
            b.append(b.isEmpty() ? "" : "&").append("doc=").append(id);
        }
        if (refs != null && !refs.isBlank()) {
            b.append(b.isEmpty() ? "" : "&").append("refs=")
                    .append(java.net.URLEncoder.encode(refs, java.nio.charset.StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
