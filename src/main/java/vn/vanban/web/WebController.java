package vn.vanban.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vanban.citation.CitationQueries;
import vn.vanban.citation.Standings;
import vn.vanban.citation.ValidityService;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;
import vn.vanban.store.DeadlineRecord;
import vn.vanban.store.DocumentTitle;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;
import vn.vanban.store.TaskRecord;
import vn.vanban.store.TaskRepository;

/**
 * The web pages, in Vietnamese, rendered on the server (Thymeleaf through Micronaut Views) and working without
 * JavaScript: search (the home page), a document, a cross-reference, the most cited documents. Every value is
 * escaped by the templates; the only markup passed through is built here from escaped text.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class WebController {

    private static final int PAGE_SIZE = 10;

    private final SearchService search;
    /** Where searches run: the local index or the SolrCloud collection. */
    private final vn.vanban.search.DocumentSearch documentSearch;
    private final DocumentRepository documents;
    private final CitationQueries citations;
    private final DeadlineRepository deadlines;
    private final TaskRepository tasks;

    private final vn.vanban.correction.Corrections corrections;
    private final vn.vanban.store.DocumentTextRepository texts;
    private final Standings standings;
    private final ValidityService validity;
    private final vn.vanban.citation.Follows follows;

    private final vn.vanban.mail.MailIntake mail;
    private final vn.vanban.organize.Tags tags;

    public WebController(SearchService search, DocumentRepository documents, CitationQueries citations,
                         DeadlineRepository deadlines, TaskRepository tasks, vn.vanban.correction.Corrections corrections,
                         vn.vanban.store.DocumentTextRepository texts, Standings standings, ValidityService validity,
                         vn.vanban.citation.Follows follows, vn.vanban.mail.MailIntake mail, vn.vanban.organize.Tags tags,
                         vn.vanban.search.DocumentSearch documentSearch) {
        this.documentSearch = documentSearch;
        this.tags = tags;
        this.mail = mail;
        this.follows = follows;
        this.standings = standings;
        this.validity = validity;
        this.corrections = corrections;
        this.texts = texts;
        this.search = search;
        this.documents = documents;
        this.citations = citations;
        this.deadlines = deadlines;
        this.tasks = tasks;
    }

    /** The search page: one box, filters and facets, results; everything in the URL, so a search can be shared. */
    @Get
    @ExecuteOn(vn.vanban.search.SearchPool.EXECUTOR)
    public ModelAndView<Map<String, Object>> home(@Nullable @QueryValue String q, @Nullable @QueryValue String type,
                                                  @Nullable @QueryValue String issuer, @Nullable @QueryValue String province,
                                                  @Nullable @QueryValue String field, @Nullable @QueryValue Integer year,
                                                  @Nullable @QueryValue Boolean draft, @Nullable @QueryValue Boolean hasDeadlines,
                                                  @Nullable @QueryValue String validity, @Nullable @QueryValue String tag,
                                                  @Nullable @QueryValue String sort, @Nullable @QueryValue Integer page,
                                                  @Nullable @QueryValue("thong-bao") String notice,
                                                  @Nullable @QueryValue("loi") String noticeError) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "q", q);
        put(params, "type", type);
        put(params, "issuer", issuer);
        put(params, "province", province);
        put(params, "field", field);
        put(params, "year", year == null ? null : year.toString());
        put(params, "draft", draft == null ? null : draft.toString());
        put(params, "hasDeadlines", hasDeadlines == null ? null : hasDeadlines.toString());
        put(params, "validity", validity);
        put(params, "tag", tag);
        put(params, "sort", sort);
        int p = page == null || page < 0 ? 0 : Math.min(page, 999);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("notice", Display.clip(notice, 300));
        model.put("noticeError", Display.clip(noticeError, 300));
        model.put("q", q == null ? "" : q);
        model.put("sort", sort == null ? "relevance" : sort);
        SearchResult r;
        try {
            r = documentSearch.search(SearchRequest.fromPage(params, p, PAGE_SIZE));
        } catch (IllegalArgumentException e) {
            model.put("error", e.getMessage());
            model.put("hits", List.of());
            model.put("facets", List.of());
            model.put("filters", List.of());
            model.put("total", 0L);
            return new ModelAndView<>("search", model);
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchHit h : r.hits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("url", q == null || q.isBlank() ? "/van-ban/" + h.id()
                    : UriBuilder.of("/van-ban/" + h.id()).queryParam("q", q).fragment("m").toString());
            m.put("title", titleOf(h.type(), h.number(), h.subject(), h.fileName()));
            m.put("issuer", h.issuer() == null ? "" : h.issuer());
            m.put("date", Display.date(h.date()));
            m.put("snippet", h.snippet()); // escaped by the highlighter, <mark> around matches
            m.put("validity", h.validity());
            m.put("validityLabel", h.validityLabel());
            hits.add(m);
        }
        List<Map<String, Object>> facets = new ArrayList<>();
        r.facets().forEach((dim, values) -> {
            String param = dim.equals("status") ? "draft" : dim.equals("deadlines") ? "hasDeadlines" : dim;
            List<Map<String, Object>> vs = new ArrayList<>();
            for (SearchResult.FacetCount c : values) {
                String v = dim.equals("status") ? Boolean.toString(c.value().equals("draft"))
                        : dim.equals("deadlines") ? Boolean.toString(c.value().equals("yes")) : c.value();
                Map<String, String> next = new LinkedHashMap<>(params);
                next.put(param, v);
                next.remove("page");
                Map<String, Object> fv = new LinkedHashMap<>();
                fv.put("label", Display.facetValue(dim, c.value()));
                fv.put("count", c.count());
                fv.put("url", url("/", next));
                fv.put("active", v.equals(params.get(param)));
                vs.add(fv);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("label", Display.dimension(dim));
            f.put("options", vs);
            facets.add(f);
        });
        List<Map<String, Object>> filters = new ArrayList<>();
        // the search as a query string, for the forms that tag its results or save it
        Map<String, String> asSaved = new LinkedHashMap<>(params);
        asSaved.remove("page");
        model.put("searchParams", url("", asSaved).replaceFirst("^\\?", ""));
        model.put("hasSearch", !asSaved.isEmpty());
        for (String k : List.of("type", "issuer", "province", "field", "year", "draft", "hasDeadlines", "validity", "tag")) {
            if (params.containsKey(k)) {
                Map<String, String> without = new LinkedHashMap<>(params);
                without.remove(k);
                filters.add(Map.of("label", filterLabel(k, params.get(k)), "url", url("/", without)));
            }
        }
        model.put("hits", hits);
        model.put("total", r.total());
        List<Map<String, Object>> numbers = new ArrayList<>();
        for (SearchResult.NumberFound n : r.numbers()) {
            boolean symbol = n.number().matches(".*/\\p{L}.*"); // "125/2026" alone may be a period ("2024/2025")
            if (n.held() == 0 && (symbol || n.citing() > 0)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", "Văn bản " + n.number() + " chưa có trong kho; " + n.citing() + " văn bản dẫn chiếu");
                m.put("url", n.citing() > 0 && symbol
                        ? UriBuilder.of("/trich-dan").queryParam("so", n.number()).toString() : null);
                numbers.add(m);
            }
        }
        model.put("numbers", numbers);
        List<Map<String, String>> suggestions = new ArrayList<>();
        for (String sq : r.suggestions()) {
            Map<String, String> next = new LinkedHashMap<>(params);
            next.put("q", sq);
            next.remove("page");
            suggestions.add(Map.of("label", sq, "url", url("/", next)));
        }
        model.put("suggestions", suggestions);
        if (hits.isEmpty() && r.total() > 0) {
            // a page past the last: say so, and lead back to the first
            Map<String, String> first = new LinkedHashMap<>(params);
            first.remove("page");
            model.put("pastEnd", "Không còn kết quả ở trang này: " + r.total() + " văn bản nằm ở các trang trước.");
            model.put("firstUrl", url("/", first));
        }
        model.put("facets", facets);
        model.put("filters", filters);
        model.put("from", r.total() == 0 ? 0 : p * PAGE_SIZE + 1);
        model.put("to", p * PAGE_SIZE + hits.size());
        if (p > 0 && !hits.isEmpty()) {
            Map<String, String> prev = new LinkedHashMap<>(params);
            prev.put("page", Integer.toString(p - 1));
            model.put("prevUrl", url("/", prev));
        }
        if ((long) (p + 1) * PAGE_SIZE < r.total()) {
            Map<String, String> next = new LinkedHashMap<>(params);
            next.put("page", Integer.toString(p + 1));
            model.put("nextUrl", url("/", next));
        }
        model.put("sorts", sortLinks(params));
        return new ModelAndView<>("search", model);
    }

    /** A document: metadata, its text with citations linked and deadlines marked, citations, deadlines, tasks. */
    @Get("/van-ban/{id}")
    public HttpResponse<?> document(@PathVariable long id, @Nullable @QueryValue String q,
                                    @Nullable @QueryValue("loi") String noticeError,
                                    @Nullable io.micronaut.security.authentication.Authentication who) {
        StoredDocument d = documents.findById(id).orElse(null);
        if (d == null) {
            return notFound("Không tìm thấy văn bản số " + id + " trong kho.");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", d.id());
        model.put("title", titleOf(d.docType(), d.docNumber(), d.subject(), d.fileName()));
        List<Map<String, String>> meta = new ArrayList<>();
        row(meta, "Số, ký hiệu", d.docNumber());
        row(meta, "Loại văn bản", d.docType());
        row(meta, "Cơ quan ban hành", d.issuer() == null ? d.parentIssuer() : d.issuer()
                + (d.parentIssuer() == null ? "" : " (" + d.parentIssuer() + ")"));
        row(meta, "Nơi ban hành", d.place());
        row(meta, "Ngày ban hành", Display.date(d.docDate()));
        row(meta, "Trích yếu", d.subject());
        row(meta, "Người ký", d.signerName() == null ? null
                : d.signerName() + (d.signerTitle() == null ? "" : " — " + d.signerTitle()));
        row(meta, "Bản", d.draft() ? "Dự thảo" : "Chính thức");
        row(meta, "Tệp gốc", d.fileName());
        mail.sourceOf(d.id()).ifPresent(m -> row(meta, "Nhận qua e-mail", "thư"
                + (m.sender() == null ? "" : " của " + m.sender())
                + (m.subject() == null ? "" : ", tiêu đề “" + m.subject() + "”")
                + (m.sentAt() == null ? "" : ", gửi " + Display.instantDay(m.sentAt()))));
        model.put("meta", meta);
        model.put("tags", tags.of(d.id()));
        model.put("noticeError", Display.clip(noticeError, 300));
        model.put("recipients", d.recipientList());
        model.put("originalUrl", "/api/documents/" + d.id() + "/original");
        List<Map<String, Object>> versions = new ArrayList<>();
        // an older version says so and links the current one
        model.put("currentVersionUrl", documents.findBySourceKeyAndCurrentVersion(d.sourceKey(), true)
                .filter(c -> !c.id().equals(d.id())).map(c -> "/van-ban/" + c.id()).orElse(null));
        for (var v : documents.findBySourceKeyOrderByIdDesc(d.sourceKey())) {
            versions.add(Map.of("url", "/van-ban/" + v.id(), "label", v.fileName() + " — "
                    + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(java.time.ZoneId.systemDefault())
                    .format(v.ingestedAt()), "current", v.id().equals(d.id())));
        }
        model.put("versions", versions.size() > 1 ? versions : List.of());
        model.put("compareVersionsUrl", d.previousVersionId() == null ? null
                : "/so-sanh?a=" + d.previousVersionId() + "&b=" + d.id());
        List<CitationQueries.Reference> refs = citations.referencesOf(d.id());
        List<DeadlineRecord> dls = deadlines.findByDocumentIdOrderByStartOffset(d.id());
        // opened from a search: the query's words marked, the page scrolled to the first (#m)
        List<int[]> words = q == null || q.isBlank() ? List.of() : search.matchOffsets(d.id(), q).orElse(List.of());
        model.put("text", TextMarkup.render(texts.findNormalizedTextByDocumentId(d.id()).orElse(""), refs, dls, words));
        model.put("q", q == null ? "" : q);
        model.put("marks", words.size());
        List<Map<String, Object>> refRows = new ArrayList<>();
        Map<String, ValidityService.State> validities = validity.of(refs.stream().map(CitationQueries.Reference::key).toList());
        for (CitationQueries.Reference r : refs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", "/trich-dan/" + r.citedId());
            m.put("label", r.type() + " số " + r.number() + (r.date() == null ? "" : " ngày " + Display.date(r.date())));
            m.put("issuer", r.issuer() == null ? "" : r.issuer());
            m.put("relation", Display.relation(r.mentions().isEmpty() ? null : r.mentions().get(0).relation()));
            m.put("held", r.heldDocumentId() != null);
            ValidityService.State v = validities.get(r.key());
            m.put("validity", v == null || v.status().equals("chua_xac_dinh") ? null : v.status());
            m.put("validityLabel", v == null ? null : v.label());
            refRows.add(m);
        }
        model.put("references", refRows);
        model.put("compileUrl", refs.isEmpty() ? null : UriBuilder.of("/can-cu").queryParam("refs",
                String.join("\n", refs.stream().map(CitationQueries.Reference::key).toList())).toString());
        List<Map<String, String>> dlRows = new ArrayList<>();
        for (DeadlineRecord dl : dls) {
            dlRows.add(Map.of("due", dl.rrule() != null ? "định kỳ: " + vn.vanban.deadline.Recurrences.describe(dl.rrule()) : Display.date(dl.due()),
                    "what", dl.what(), "who", dl.who() == null ? "" : dl.who(),
                    "overdue", Boolean.toString(dl.rrule() == null && dl.dueLast().isBefore(LocalDate.now()))));
        }
        model.put("deadlines", dlRows);
        if (!dls.isEmpty()) {
            LocalDate first = dls.stream().map(DeadlineRecord::dueLast).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = dls.stream().map(DeadlineRecord::dueLast).max(LocalDate::compareTo).orElseThrow();
            model.put("deadlinesUrl", UriBuilder.of("/thoi-han").queryParam("document", d.id())
                    .queryParam("from", first.withDayOfMonth(1).toString())
                    .queryParam("to", (last.isBefore(first.plusYears(5)) ? last : first.plusYears(5).minusDays(1)).toString())
                    .toString());
        }
        List<Map<String, String>> taskRows = new ArrayList<>();
        for (TaskRecord t : tasks.findByDocumentIdOrderByStartOffset(d.id())) {
            taskRows.add(Map.of("text", t.textContent(), "who", t.assignee() == null ? "" : t.assignee(),
                    "due", Display.date(t.due()), "period", t.period() == null ? "" : t.period()));
        }
        model.put("tasks", taskRows);
        List<Map<String, Object>> citedBy = new ArrayList<>();
        for (CitationQueries.Cited c : citations.citedBy(d.id())) {
            for (CitationQueries.Citing x : c.citedBy()) {
                citedBy.add(citingRow(x));
            }
        }
        model.put("citedBy", citedBy);
        model.put("corrections", corrections.history(d.id()).size());
        Standings.Standing standing = standings.of(d.citeKey(), d.id());
        model.put("validity", d.citeKey() == null ? null : StandingView.validity(standing.validity()));
        model.put("about", StandingView.about(standing.about(), d.id()));
        model.put("done", StandingView.done(standing.done(), d.id()));
        model.put("warnings", StandingView.warnings(standings.warnings(d.id())));
        model.put("diagramUrl", d.citeKey() == null ? null : UriBuilder.of("/luoc-do").queryParam("key", d.citeKey()).toString());
        model.put("following", FollowPages.following(follows, who, d.citeKey()));
        model.put("followKey", d.citeKey());
        model.put("backUrl", "/van-ban/" + d.id());
        return HttpResponse.ok(new ModelAndView<>("document", model));
    }

    /** A cited document: what is known of it, whether it is held, every document citing it with the sentence. */
    @Get("/trich-dan/{id}")
    public HttpResponse<?> cited(@PathVariable long id, @Nullable io.micronaut.security.authentication.Authentication who) {
        CitationQueries.Cited c = citations.byId(id);
        if (c == null) {
            return notFound("Không có văn bản được trích dẫn số " + id + ".");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", c.type() + " số " + c.number());
        List<Map<String, String>> meta = new ArrayList<>();
        row(meta, "Số, ký hiệu", c.number());
        row(meta, "Loại văn bản", c.type());
        row(meta, "Ngày ban hành", Display.date(c.date()));
        row(meta, "Cơ quan ban hành", c.issuer());
        row(meta, "Trích yếu", c.title());
        row(meta, "Khóa", c.key());
        model.put("meta", meta);
        model.put("heldUrl", c.held() && c.heldDocumentId() != null ? "/van-ban/" + c.heldDocumentId() : null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CitationQueries.Citing x : c.citedBy()) {
            rows.add(citingRow(x));
        }
        model.put("citing", rows);
        model.put("count", c.citingDocuments());
        model.put("validity", StandingView.validity(c.standing().validity()));
        model.put("about", StandingView.about(c.standing().about(), c.heldDocumentId()));
        model.put("done", StandingView.done(c.standing().done(), c.heldDocumentId()));
        model.put("diagramUrl", UriBuilder.of("/luoc-do").queryParam("key", c.key()).toString());
        model.put("following", FollowPages.following(follows, who, c.key()));
        model.put("followKey", c.key());
        model.put("backUrl", "/trich-dan/" + c.id());
        return HttpResponse.ok(new ModelAndView<>("cited", model));
    }

    /**
     * The most cited documents; with {@code so=}, the cited documents of that number in any spelling (straight to its
     * page when there is one).
     */
    @Get("/trich-dan")
    public HttpResponse<?> mostCited(@Nullable @QueryValue("so") String number) {
        boolean byNumber = number != null && !number.isBlank();
        List<CitationQueries.Cited> found = byNumber ? citations.byNumber(number.strip(), null) : citations.top(50);
        if (byNumber && found.size() == 1) {
            return HttpResponse.seeOther(java.net.URI.create("/trich-dan/" + found.get(0).id()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CitationQueries.Cited c : found) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", "/trich-dan/" + c.id());
            m.put("label", c.type() + " số " + c.number() + (c.date() == null ? "" : " ngày " + Display.date(c.date())));
            m.put("issuer", c.issuer() == null ? "" : c.issuer());
            m.put("count", c.citingDocuments());
            m.put("held", c.held());
            rows.add(m);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", rows);
        model.put("heading", byNumber ? "Văn bản số " + number.strip() + " được trích dẫn" : "Văn bản được trích dẫn nhiều");
        model.put("empty", byNumber && rows.isEmpty() ? "Chưa văn bản nào trong kho dẫn chiếu số " + number.strip() + "." : null);
        return HttpResponse.ok(new ModelAndView<>("most-cited", model));
    }

    private static Map<String, Object> citingRow(CitationQueries.Citing x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", "/van-ban/" + x.documentId());
        m.put("label", titleOf(x.type(), x.number(), x.subject(), x.fileName()));
        m.put("date", Display.date(x.date()));
        m.put("relation", Display.relation(x.relation()));
        m.put("sentence", x.sentence());
        return m;
    }

    private static HttpResponse<?> notFound(String message) {
        return HttpResponse.notFound(new ModelAndView<>("not-found", Map.of("message", message)));
    }

    private static String titleOf(String type, String number, String subject, String fileName) {
        return DocumentTitle.of(type, number, subject, fileName);
    }

    private static void row(List<Map<String, String>> rows, String label, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(Map.of("label", label, "value", value));
        }
    }

    private static void put(Map<String, String> params, String k, String v) {
        if (v != null && !v.isBlank()) {
            params.put(k, v.strip());
        }
    }

    private static String filterLabel(String k, String v) {
        return switch (k) {
            case "draft" -> Boolean.parseBoolean(v) ? "Dự thảo" : "Chính thức";
            case "hasDeadlines" -> Boolean.parseBoolean(v) ? "Có thời hạn" : "Không có thời hạn";
            case "year" -> "Năm " + v;
            case "tag" -> "Thẻ: " + v;
            case "validity" -> Display.facetValue("validity", v);
            default -> v;
        };
    }

    private static List<Map<String, Object>> sortLinks(Map<String, String> params) {
        List<Map<String, Object>> out = new ArrayList<>();
        String current = params.getOrDefault("sort", "relevance");
        for (String[] s : new String[][] {{"relevance", "Liên quan nhất"}, {"newest", "Mới nhất"}, {"oldest", "Cũ nhất"}}) {
            Map<String, String> p = new LinkedHashMap<>(params);
            p.put("sort", s[0]);
            p.remove("page");
            out.add(Map.of("label", s[1], "url", url("/", p), "active", s[0].equals(current)));
        }
        return out;
    }

    private static String url(String path, Map<String, String> params) {
        return SearchRequest.pageUrl(path, params);
    }
}
