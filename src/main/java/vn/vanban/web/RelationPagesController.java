package vn.vanban.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.vanban.citation.CitationQueries;
import vn.vanban.citation.RelationStore;
import vn.vanban.citation.Standings;
import vn.vanban.citation.Validity;
import vn.vanban.citation.ValidityService;
import vn.vanban.store.CitedDocumentRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;

/** The pages of relations between documents: the lược đồ of a document, and the stale bases (cảnh báo căn cứ). */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RelationPagesController {

    private final Standings standings;
    private final ValidityService validity;
    private final CitationQueries citations;
    private final DocumentRepository documents;
    private final CitedDocumentRepository cited;
    private final vn.vanban.store.DocumentTextRepository texts;
    private final vn.vanban.auth.Csrf csrf;
    private final vn.vanban.auth.AuditLog audit;
    private final vn.vanban.ingest.DocumentIndexer indexer;

    public RelationPagesController(Standings standings, ValidityService validity, CitationQueries citations,
                                   DocumentRepository documents, CitedDocumentRepository cited,
                                   vn.vanban.store.DocumentTextRepository texts, vn.vanban.auth.Csrf csrf,
                                   vn.vanban.auth.AuditLog audit, vn.vanban.ingest.DocumentIndexer indexer) {
        this.csrf = csrf;
        this.audit = audit;
        this.indexer = indexer;
        this.texts = texts;
        this.standings = standings;
        this.validity = validity;
        this.citations = citations;
        this.documents = documents;
        this.cited = cited;
    }

    /** A document's lược đồ, drawn on the server as SVG: bases above, amended/guided by left, replaced by right, acts below. */
    @Get("/luoc-do")
    public HttpResponse<?> diagram(@QueryValue String key) {
        List<Long> held = validity.heldIds(List.of(key));
        Long heldId = held.isEmpty() ? null : held.stream().max(Long::compare).orElseThrow();
        StoredDocument doc = heldId == null ? null : documents.findById(heldId).orElse(null);
        var node = cited.findByCiteKey(key).orElse(null);
        if (doc == null && node == null) {
            return HttpResponse.notFound(new ModelAndView<>("not-found",
                    Map.of("message", "Không có văn bản nào trong kho mang khóa " + key + ".")));
        }
        String label = doc != null ? name(doc.docType(), doc.docNumber()) : name(node.docType(), node.docNumber());
        String centreUrl = doc != null ? "/van-ban/" + doc.id() : "/trich-dan/" + node.id();
        Standings.Standing standing = standings.of(key, heldId);

        record Pending(String label, String url, String key, String relation) {
        }
        List<Pending> bases = new ArrayList<>();
        if (doc != null) {
            for (CitationQueries.Reference r : citations.referencesOf(doc.id())) {
                if (r.mentions().stream().anyMatch(m -> m.relation().equals("basis"))) {
                    bases.add(new Pending(name(r.type(), r.number()), r.heldDocumentId() != null
                            ? "/van-ban/" + r.heldDocumentId() : "/trich-dan/" + r.citedId(), r.key(), "căn cứ"));
                }
            }
        }
        List<Pending> left = new ArrayList<>();
        List<Pending> right = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RelationStore.Link l : standing.about()) {
            String doer = l.doer() == null ? "(văn bản không số)" : l.doer();
            String doerKey = l.doerKey();
            String type = l.declared() ? null : l.statedInType();
            Long doerHeld = l.doerHeld();
            String url = doerHeld != null ? "/van-ban/" + doerHeld : UriBuilder.of("/trich-dan").queryParam("so", doer).toString();
            String words = words(l);
            if (!seen.add(doer + " " + words)) {
                continue;
            }
            Pending p = new Pending(name(type, doer), url, doerKey, words);
            (l.relation().equals("replaces") || l.relation().equals("repeals") ? right : left).add(p);
        }
        List<Pending> below = new ArrayList<>();
        for (RelationStore.Link l : standing.done()) {
            if (!seen.add(l.targetNumber() + " " + words(l) + " done")) {
                continue;
            }
            String url = l.targetHeld() != null ? "/van-ban/" + l.targetHeld()
                    : UriBuilder.of("/trich-dan").queryParam("so", l.targetNumber()).toString();
            below.add(new Pending(l.targetNumber(), url, l.targetKey(), words(l)));
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key);
        for (List<Pending> ps : List.of(bases, left, right, below)) {
            ps.forEach(p -> keys.add(p.key()));
        }
        keys.remove(null);
        Map<String, ValidityService.State> states = validity.of(keys);
        java.util.function.Function<Pending, Diagram.Item> item = p -> {
            ValidityService.State s = p.key() == null ? null : states.get(p.key());
            String code = s == null ? Validity.Status.CHUA_XAC_DINH.code() : s.status();
            String statusLabel = s == null ? Validity.Status.CHUA_XAC_DINH.label() : s.label();
            return new Diagram.Item(p.label(), p.url(), code, statusLabel, p.relation());
        };
        Diagram d = Diagram.of(item.apply(new Pending(label, centreUrl, key, "")), bases.stream().map(item).toList(),
                left.stream().map(item).toList(), right.stream().map(item).toList(), below.stream().map(item).toList());
        Map<String, Object> model = new LinkedHashMap<>(d.model());
        model.put("title", label);
        return HttpResponse.ok(new ModelAndView<>("diagram", model));
    }

    /**
     * An editor corrects the status of the document keyed {@code key} (form fields {@code status}, {@code note}), or,
     * with the status left on "theo dữ liệu", withdraws the correction; then back to the page.
     */
    @io.micronaut.http.annotation.Post(value = "/hieu-luc", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @io.micronaut.security.annotation.Secured(vn.vanban.auth.Role.EDITOR_NAME)
    public HttpResponse<?> correct(@io.micronaut.http.annotation.Body Map<String, String> form,
                                   io.micronaut.security.authentication.Authentication who,
                                   io.micronaut.http.HttpRequest<?> request) {
        csrf.require(request, form.get("csrfToken"));
        String key = form.get("key");
        String status = form.getOrDefault("status", "").strip();
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("thiếu khóa văn bản");
        }
        String before = validity.statusOf(key);
        if (status.isEmpty()) {
            validity.withdraw(key);
        } else {
            validity.correct(key, status, form.get("note"), who.getName());
        }
        audit.record(who.getName(), request.getRemoteAddress().getAddress().getHostAddress(),
                status.isEmpty() ? "validity.withdraw" : "validity.correct", "key " + key, before,
                status.isEmpty() ? validity.statusOf(key) : status + (form.get("note") == null ? "" : " " + form.get("note")));
        indexer.revalidated(validity.heldIds(List.of(key)));
        indexer.commit();
        return HttpResponse.seeOther(java.net.URI.create(Display.localPath(form.get("back"), "/")));
    }

    /** Held documents whose "Căn cứ" cites a document no longer in force, with what replaced it where known. */
    @Get("/canh-bao")
    public ModelAndView<Map<String, Object>> warnings() {
        List<Standings.Warning> ws = standings.warnings(500);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Cảnh báo căn cứ hết hiệu lực");
        model.put("warnings", StandingView.warnings(ws));
        return new ModelAndView<>("warnings", model);
    }

    /**
     * So sánh văn bản: two held documents (two versions, or an amended document and the one amending it) side by side,
     * each whole or cut to one article ({@code phanA}, {@code phanB}: "Điều 32"), words deleted and inserted marked.
     */
    @Get("/so-sanh")
    public HttpResponse<?> compare(@Nullable @QueryValue Long a, @Nullable @QueryValue Long b,
                                   @Nullable @QueryValue String phanA, @Nullable @QueryValue String phanB) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "So sánh văn bản");
        model.put("a", a == null ? "" : a.toString());
        model.put("b", b == null ? "" : b.toString());
        model.put("phanA", phanA == null ? "" : phanA);
        model.put("phanB", phanB == null ? "" : phanB);
        model.put("rows", List.of());
        if (a == null || b == null) {
            return HttpResponse.ok(new ModelAndView<>("compare", model));
        }
        StoredDocument left = documents.findById(a).orElse(null);
        StoredDocument right = documents.findById(b).orElse(null);
        if (left == null || right == null) {
            model.put("error", "Không có văn bản số " + (left == null ? a : b) + " trong kho.");
            return HttpResponse.notFound(new ModelAndView<>("compare", model));
        }
        try {
            String l = TextComparison.part(texts.findNormalizedTextByDocumentId(a).orElse(""), phanA);
            String r = TextComparison.part(texts.findNormalizedTextByDocumentId(b).orElse(""), phanB);
            if (l == null || r == null) {
                model.put("error", "Không tìm thấy " + (l == null ? phanA + " trong văn bản bên trái" : phanB + " trong văn bản bên phải") + ".");
                return HttpResponse.ok(new ModelAndView<>("compare", model));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            int changed = 0;
            for (TextComparison.Row row : TextComparison.rows(l, r)) {
                rows.add(Map.of("left", row.left(), "right", row.right(), "kind", row.kind()));
                changed += row.kind().equals("same") ? 0 : 1;
            }
            model.put("rows", rows);
            model.put("changed", changed);
            model.put("leftTitle", side(left, phanA));
            model.put("rightTitle", side(right, phanB));
            model.put("leftUrl", "/van-ban/" + a);
            model.put("rightUrl", "/van-ban/" + b);
        } catch (IllegalArgumentException e) {
            model.put("error", e.getMessage());
            return HttpResponse.badRequest(new ModelAndView<>("compare", model));
        }
        return HttpResponse.ok(new ModelAndView<>("compare", model));
    }

    /** A side's heading: the document's name (or its file), its number in the repository, the article compared. */
    private static String side(StoredDocument d, @Nullable String part) {
        String name = name(d.docType(), d.docNumber());
        return (name.isEmpty() ? d.fileName() : name + " — " + d.fileName()) + " (số " + d.id() + " trong kho)"
                + (part == null || part.isBlank() ? "" : " — " + part.strip());
    }

    private static String words(RelationStore.Link l) {
        return switch (l.relation()) {
            case "amends" -> "sửa đổi, bổ sung";
            case "replaces" -> "thay thế";
            case "repeals" -> l.articles() == null ? "bãi bỏ" : "bãi bỏ một phần";
            case "guides" -> "hướng dẫn";
            case "consolidates" -> "hợp nhất";
            case "corrects" -> "đính chính";
            default -> l.relation();
        };
    }

    private static String name(@Nullable String type, @Nullable String number) {
        return ((type == null ? "" : type + " ") + (number == null ? "" : number)).strip();
    }
}
