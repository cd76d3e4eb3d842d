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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.vanban.auth.Role;
import vn.vanban.citation.CitationQueries;
import vn.vanban.deadline.Periods;
import vn.vanban.store.DeadlineRecord;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;
import vn.vanban.store.TaskRecord;
import vn.vanban.store.TaskRepository;

/** The correction page of a document (editors): metadata, citations, deadlines and tasks, with the history. */
@Controller("/van-ban/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured(Role.EDITOR_NAME)
public class CorrectionPages {

    /** Metadata fields on the form, with their labels. */
    static final Map<String, String> META = new LinkedHashMap<>();

    static {
        META.put("number", "Số, ký hiệu");
        META.put("type", "Loại văn bản");
        META.put("issuer", "Cơ quan ban hành");
        META.put("place", "Nơi ban hành");
        META.put("date", "Ngày ban hành (dd/mm/yyyy)");
        META.put("effective", "Ngày có hiệu lực (dd/mm/yyyy)");
        META.put("subject", "Trích yếu");
        META.put("signerName", "Người ký");
        META.put("signerTitle", "Chức vụ người ký");
    }

    private final DocumentRepository documents;
    private final DeadlineRepository deadlines;
    private final TaskRepository tasks;
    private final CitationQueries citations;
    private final CorrectionService service;
    private final Corrections corrections;
    private final vn.vanban.correction.Deletions deletions;
    private final vn.vanban.auth.Csrf csrf;

    public CorrectionPages(DocumentRepository documents, DeadlineRepository deadlines, TaskRepository tasks,
                           CitationQueries citations, CorrectionService service, Corrections corrections,
                           vn.vanban.correction.Deletions deletions, vn.vanban.auth.Csrf csrf) {
        this.deletions = deletions;
        this.csrf = csrf;
        this.documents = documents;
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.citations = citations;
        this.service = service;
        this.corrections = corrections;
    }

    @Get("/sua")
    public HttpResponse<?> form(@PathVariable long id) {
        return documents.findById(id).<HttpResponse<?>>map(d -> HttpResponse.ok(page(d, null, Map.of())))
                .orElseGet(() -> HttpResponse.notFound());
    }

    /** Deletes this version (the form asks to confirm); the previous version, if any, becomes current again. */
    @Post(value = "/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> delete(@PathVariable long id, @Body Map<String, String> form, Authentication who, HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        StoredDocument d = documents.findById(id).orElse(null);
        if (d == null) {
            return HttpResponse.notFound();
        }
        if (!"1".equals(form.get("confirm"))) {
            return HttpResponse.ok(page(d, "Hãy đánh dấu ô xác nhận để xóa.", Map.of()));
        }
        var r = deletions.delete(id, who.getName(), request.getRemoteAddress().getAddress().getHostAddress());
        return HttpResponse.seeOther(URI.create(r.restored().map(p -> "/van-ban/" + p.id()).orElse("/")));
    }

    @Post(value = "/sua", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> save(@PathVariable long id, @Body Map<String, String> form, Authentication who, HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        StoredDocument d = documents.findById(id).orElse(null);
        if (d == null) {
            return HttpResponse.notFound();
        }
        List<CorrectionService.Request> rs = new ArrayList<>();
        List<String> badDates = new ArrayList<>();
        Map<String, String> current = metadata(d);
        for (String f : META.keySet()) {
            String v = form.get("meta." + f);
            if (DATES.contains(f)) {
                v = iso(v, META.get(f), badDates);
            }
            if (v != null && !Objects.equals(blank(v), blank(current.get(f)))) {
                rs.add(new CorrectionService.Request(Corrections.METADATA, "document", Corrections.SET, f, v));
            }
        }
        for (CitationQueries.Reference r : citations.referencesOf(id)) {
            if (form.containsKey("rm.citation." + r.key())) {
                rs.add(new CorrectionService.Request(Corrections.CITATION, r.key(), Corrections.REMOVE, "-", null));
            }
        }
        String add = form.get("add.citations");
        if (add != null) {
            add.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .forEach(l -> rs.add(new CorrectionService.Request(Corrections.CITATION, "new", Corrections.ADD, "-", l)));
        }
        for (DeadlineRecord dl : deadlines.findByDocumentIdOrderByStartOffset(id)) {
            String key = Corrections.itemKey(dl.what());
            if (form.containsKey("rm.deadline." + key)) {
                rs.add(new CorrectionService.Request(Corrections.DEADLINE, key, Corrections.REMOVE, "-", null));
                continue;
            }
            changed(rs, Corrections.DEADLINE, key, "due", iso(form.get("deadline." + key + ".due"), "Hạn của \u201c"
                    + shortText(dl.what()) + "\u201d", badDates), dl.due());
            changed(rs, Corrections.DEADLINE, key, "who", form.get("deadline." + key + ".who"), dl.who());
        }
        for (TaskRecord t : tasks.findByDocumentIdOrderByStartOffset(id)) {
            String key = Corrections.itemKey(t.textContent());
            if (form.containsKey("rm.task." + key)) {
                rs.add(new CorrectionService.Request(Corrections.TASK, key, Corrections.REMOVE, "-", null));
                continue;
            }
            changed(rs, Corrections.TASK, key, "assignee", form.get("task." + key + ".assignee"), t.assignee());
        }
        if (!badDates.isEmpty()) {
            // nothing is saved; the form comes back with what was typed, so only the wrong field needs retyping
            return HttpResponse.ok(page(d, String.join(" ", badDates), form));
        }
        if (rs.isEmpty()) {
            return HttpResponse.ok(page(d, "Không có gì thay đổi.", form));
        }
        try {
            service.correct(id, who.getName(), request.getRemoteAddress().getAddress().getHostAddress(), rs);
        } catch (IllegalArgumentException e) {
            return HttpResponse.ok(page(d, "Chưa lưu được: " + e.getMessage(), form));
        }
        return HttpResponse.seeOther(URI.create("/van-ban/" + id));
    }

    private static void changed(List<CorrectionService.Request> rs, String kind, String key, String field, String given, String current) {
        if (given != null && !Objects.equals(blank(given), blank(current))) {
            rs.add(new CorrectionService.Request(kind, key, Corrections.SET, field, given));
        }
    }

    /** The form for {@code d}, showing what was {@code typed} where given (a form sent back), else the stored values. */
    private ModelAndView<Map<String, Object>> page(StoredDocument d, String error, Map<String, String> typed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("error", error);
        Map<String, String> values = metadata(d);
        List<Map<String, String>> fields = new ArrayList<>();
        META.forEach((f, label) -> fields.add(Map.of("name", "meta." + f, "label", label, "value",
                typed.getOrDefault("meta." + f, DATES.contains(f) ? Periods.date(values.get(f)) : Objects.toString(values.get(f), "")))));
        m.put("fields", fields);
        List<Map<String, String>> refs = new ArrayList<>();
        for (CitationQueries.Reference r : citations.referencesOf(d.id())) {
            refs.add(Map.of("name", "rm.citation." + r.key(), "label", r.type() + " số " + r.number()
                    + (r.issuer() == null ? "" : " — " + r.issuer())));
        }
        m.put("references", refs);
        List<Map<String, String>> dls = new ArrayList<>();
        for (DeadlineRecord dl : deadlines.findByDocumentIdOrderByStartOffset(d.id())) {
            String key = Corrections.itemKey(dl.what());
            dls.add(Map.of("key", key, "what", dl.what(), "due", typed.getOrDefault("deadline." + key + ".due", Periods.date(dl.due())),
                    "who", typed.getOrDefault("deadline." + key + ".who", Objects.toString(dl.who(), ""))));
        }
        m.put("deadlines", dls);
        List<Map<String, String>> ts = new ArrayList<>();
        for (TaskRecord t : tasks.findByDocumentIdOrderByStartOffset(d.id())) {
            String key = Corrections.itemKey(t.textContent());
            ts.add(Map.of("key", key, "text", t.textContent(), "who",
                    typed.getOrDefault("task." + key + ".assignee", Objects.toString(t.assignee(), ""))));
        }
        m.put("tasks", ts);
        m.put("history", corrections.history(d.id()));
        return new ModelAndView<>("correct", m);
    }

    private static Map<String, String> metadata(StoredDocument d) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("number", d.docNumber());
        v.put("type", d.docType());
        v.put("issuer", d.issuer());
        v.put("place", d.place());
        v.put("date", d.docDate());
        v.put("effective", d.effectiveDate());
        v.put("subject", d.subject());
        v.put("signerName", d.signerName());
        v.put("signerTitle", d.signerTitle());
        return v;
    }

    /** The metadata fields that are dates: shown and typed as dd/mm/yyyy (or mm/yyyy, yyyy), stored in ISO. */
    private static final java.util.Set<String> DATES = java.util.Set.of("date", "effective");
    private static final java.util.regex.Pattern TYPED_DATE =
            java.util.regex.Pattern.compile("(?:(\\d{1,2})[/.-])?(?:(\\d{1,2})[/.-])?(\\d{4})");

    /**
     * A date typed as pages write it ("08/12/2018", "8/12/2018", "12/2019", "2019", or ISO "2018-12-08") in ISO; blank
     * stays blank (clearing the field); anything else adds a Vietnamese message to {@code bad} and keeps the text.
     */
    static String iso(String typed, String label, List<String> bad) {
        if (typed == null || typed.isBlank()) {
            return typed;
        }
        String t = typed.strip();
        if (t.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
            t = t.length() == 10 ? t.substring(8) + "/" + t.substring(5, 7) + "/" + t.substring(0, 4) : t.substring(5) + "/" + t.substring(0, 4);
        }
        java.util.regex.Matcher m = TYPED_DATE.matcher(t);
        try {
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                if (m.group(1) != null && m.group(2) != null) {
                    return java.time.LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))).toString();
                }
                if (m.group(1) != null) {
                    return java.time.YearMonth.of(year, Integer.parseInt(m.group(1))).toString();
                }
                return Integer.toString(year);
            }
        } catch (java.time.DateTimeException e) {
            // fall through: not a day of the calendar ("31/02/2024")
        }
        bad.add(label.replaceAll("\\s*\\(dd/mm/yyyy\\)", "") + ": \u201c" + typed.strip()
                + "\u201d không phải là ngày (viết như 08/12/2018, 12/2019 hoặc 2019).");
        return typed;
    }

    private static String shortText(String s) {
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
