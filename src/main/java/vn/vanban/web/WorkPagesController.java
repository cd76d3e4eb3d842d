package vn.vanban.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.vanban.deadline.DeadlineQueries;
import vn.vanban.deadline.Periods;
import vn.vanban.deadline.Recurrences;

/** The pages of the work documents set: deadlines (list and month calendar) and tasks (grouped). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class WorkPagesController {

    private final DeadlineQueries queries;
    private final vn.vanban.store.DeadlineRepository deadlines;
    private final vn.vanban.store.DocumentRepository documents;

    public WorkPagesController(DeadlineQueries queries, vn.vanban.store.DeadlineRepository deadlines,
                               vn.vanban.store.DocumentRepository documents) {
        this.queries = queries;
        this.deadlines = deadlines;
        this.documents = documents;
    }

    /**
     * Deadlines of one month (the current one by default): a list and a calendar, filtered by unit and status, with
     * the links to subscribe to the same selection as a calendar feed or download it as CSV.
     */
    @Get("/thoi-han")
    public ModelAndView<Map<String, Object>> deadlines(HttpRequest<?> request, @Nullable @QueryValue String month,
                                                       @Nullable @QueryValue String unit, @Nullable @QueryValue String status,
                                                       @Nullable @QueryValue("document") String documentAsked,
                                                       @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                                       @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        LocalDate today = LocalDate.now();
        int perPage = size == null ? ROWS_PER_PAGE : Math.max(10, Math.min(ROWS_PER_PAGE, size));
        Map<String, Object> model = new LinkedHashMap<>();
        YearMonth ym;
        try {
            ym = month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            model.put("error", "Tháng không hợp lệ: " + month + " (dạng 2023-07)");
            ym = YearMonth.from(today);
        }
        // the document by its id (the document page links it so) or by its number as typed or picked ("2099/QĐ-UBND")
        Long document = null;
        String asked = documentAsked == null ? "" : documentAsked.strip();
        if (!asked.isEmpty()) {
            List<Long> ids = documentIds(asked);
            if (ids.size() == 1) {
                document = ids.get(0);
                documents.findById(document).ifPresent(d -> model.put("documentLabel", "Thời hạn của "
                        + (d.docType() == null ? "văn bản" : d.docType()) + (d.docNumber() == null ? "" : " số " + d.docNumber())
                        + (d.subject() == null ? "" : " — " + d.subject())));
                model.put("documentUrl", "/van-ban/" + document);
            } else {
                model.put("error", ids.isEmpty() ? "Không có văn bản \u201c" + asked + "\u201d trong kho."
                        : "Có " + ids.size() + " văn bản số \u201c" + asked + "\u201d trong kho: mở thời hạn từ trang của văn bản cần xem.");
            }
        }
        // the newest documents that set deadlines, for the picker (kept short: the page stays light at 100,000 documents)
        model.put("setters", deadlines.findSetters(SETTERS).stream().map(d -> Map.of("value",
                d.docNumber() != null ? d.docNumber() : d.id().toString(), "label", Display.clip(d.subject(), 80))).toList());
        String st = "overdue".equals(status) || "upcoming".equals(status) ? status : null;
        String u = unit == null || unit.isBlank() ? null : unit.strip();
        Window w;
        try {
            w = Window.of(ym, from, to);
        } catch (DateTimeParseException e) {
            model.put("error", "Ngày không hợp lệ (dạng 2023-07-20)");
            w = Window.of(ym, null, null);
        }
        List<DeadlineQueries.Occurrence> found;
        try {
            found = queries.occurrences(w.from(), w.to(), u, document, st, today);
        } catch (IllegalArgumentException e) {
            model.put("error", e.getMessage());
            found = List.of();
        }
        ym = YearMonth.from(w.from());
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<LocalDate, List<Map<String, Object>>> byDay = new TreeMap<>();
        for (DeadlineQueries.Occurrence o : found) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", Display.date(o.date().toString()));
            m.put("what", o.what());
            m.put("who", o.who() == null ? "" : o.who());
            m.put("recurring", o.rrule() != null);
            m.put("recurrence", o.rrule() == null ? "" : Recurrences.describe(o.rrule()));
            m.put("overdue", o.overdue());
            m.put("docUrl", "/van-ban/" + o.documentId());
            m.put("doc", o.documentNumber() != null ? o.documentNumber()
                    : o.documentSubject() != null ? o.documentSubject() : "văn bản " + o.documentId());
            rows.add(m);
            byDay.computeIfAbsent(o.date(), d -> new ArrayList<>()).add(m);
        }
        // the list a page at a time (the calendar of a month shows them all, briefly)
        Paging paging = Paging.of(rows.size(), perPage, page);
        int p = paging.page();
        int pages = paging.pages();
        model.put("rows", paging.of(rows));
        model.put("total", rows.size());
        model.put("page", p);
        model.put("pages", pages);
        // the calendar shows a month; a window spanning more is listed only
        model.put("weeks", YearMonth.from(w.from()).equals(YearMonth.from(w.to())) ? weeks(ym, byDay, today) : List.of());
        model.put("monthLabel", w.chosen() ? "từ " + Display.date(w.from().toString()) + " đến " + Display.date(w.to().toString())
                : "Tháng " + ym.getMonthValue() + "/" + ym.getYear());
        model.put("from", w.chosen() ? w.from().toString() : "");
        model.put("to", w.chosen() ? w.to().toString() : "");
        model.put("document", asked);
        model.put("month", ym.toString());
        model.put("unit", u == null ? "" : u);
        model.put("status", st == null ? "" : st);
        Map<String, String> params = new LinkedHashMap<>();
        if (u != null) {
            params.put("unit", u);
        }
        if (st != null) {
            params.put("status", st);
        }
        if (document != null) {
            params.put("document", document.toString());
        }
        Map<String, String> window = new LinkedHashMap<>(params);
        if (size != null) {
            window.put("size", Integer.toString(perPage));
        }
        if (w.chosen()) {
            window.put("from", w.from().toString());
            window.put("to", w.to().toString());
        } else {
            window.put("month", ym.toString());
        }
        model.put("prevPageUrl", p > 1 ? link("/thoi-han", window, "page", Integer.toString(p - 1)) : "");
        model.put("nextPageUrl", p < pages ? link("/thoi-han", window, "page", Integer.toString(p + 1)) : "");
        model.put("prevUrl", link("/thoi-han", params, "month", ym.minusMonths(1).toString()));
        model.put("nextUrl", link("/thoi-han", params, "month", ym.plusMonths(1).toString()));
        Map<String, String> shown = new LinkedHashMap<>(params);
        shown.put("from", w.from().toString());
        shown.put("to", w.to().toString());
        model.put("csvUrl", link("/api/deadlines.csv", shown, null, null));
        String host = request.getHeaders().get("Host");
        String feed = link("/api/calendar.ics", params, null, null); // rolling: a year back and ahead
        model.put("icsUrl", link("/api/calendar.ics", shown, null, null)); // what the page shows
        model.put("webcalUrl", host == null ? feed : "webcal://" + host + feed);
        return new ModelAndView<>("deadlines", model);
    }

    /**
     * The dates a deadlines page shows: a month, or a window the user chose ({@code chosen}); a window given by one
     * end only runs a month from it (or up to it).
     */
    record Window(LocalDate from, LocalDate to, boolean chosen) {

        static Window of(YearMonth month, String from, String to) {
            LocalDate f = from == null || from.isBlank() ? null : LocalDate.parse(from.strip());
            LocalDate t = to == null || to.isBlank() ? null : LocalDate.parse(to.strip());
            if (f == null && t == null) {
                return new Window(month.atDay(1), month.atEndOfMonth(), false);
            }
            return new Window(f != null ? f : t.withDayOfMonth(1), t != null ? t : f.plusMonths(1).minusDays(1), true);
        }
    }

    /** The current documents {@code asked} names: an id, or a number in any spelling whatever its year and province. */
    private List<Long> documentIds(String asked) {
        if (asked.matches("\\d{1,18}")) {
            long id = Long.parseLong(asked);
            return documents.findById(id).filter(vn.vanban.store.StoredDocument::currentVersion).map(d -> List.of(d.id()))
                    .orElse(List.of());
        }
        return documents.findCurrentIdsByNumber(asked);
    }

    /** Page {@code page} of {@code pages} over a list, {@code size} rows each (the page asked for, kept in range). */
    record Paging(int page, int pages, int size) {

        static Paging of(int total, int size, Integer asked) {
            int pages = Math.max(1, (total + size - 1) / size);
            return new Paging(asked == null ? 1 : Math.max(1, Math.min(asked, pages)), pages, size);
        }

        <T> List<T> of(List<T> all) {
            return all.subList(Math.min(all.size(), (page - 1) * size), Math.min(all.size(), page * size));
        }
    }

    /** Documents the deadlines page's picker lists (older ones are typed by number). */
    static final int SETTERS = 200;

    /** Rows a page of the tasks page holds. */
    static final int TASKS_PER_PAGE = 100;
    /** Rows a page of the deadlines list holds (at most; {@code size=} asks for fewer, down to 10). */
    static final int ROWS_PER_PAGE = 100;

    /**
     * Tasks grouped by period (newest first, in calendar order), then unit, then field; filtered by any of them (the
     * period as the page writes it, "Quý II/2023", or as a code, "2023-Q2") or by words; a page of
     * {@value #TASKS_PER_PAGE} rows at a time.
     */
    @Get("/nhiem-vu")
    public ModelAndView<Map<String, Object>> tasks(@Nullable @QueryValue String period, @Nullable @QueryValue String unit,
                                                   @Nullable @QueryValue String field, @Nullable @QueryValue String q,
                                                   @Nullable @QueryValue Integer page) {
        Map<String, Object> model = new LinkedHashMap<>();
        String code = Periods.parse(period);
        if (period != null && !period.isBlank() && code == null) {
            model.put("error", "Không hiểu kỳ \"" + period.strip() + "\": hãy viết như Quý II/2023, 6 tháng đầu năm 2015 hoặc Năm 2019.");
        }
        List<DeadlineQueries.TaskView> found = new ArrayList<>(code == null && period != null && !period.isBlank() ? List.of()
                : queries.tasks(code, unit, field, q));
        found.sort(java.util.Comparator.comparing((DeadlineQueries.TaskView t) -> t.period() == null ? "" : t.period(),
                        Periods.NEWEST_FIRST)
                .thenComparing(t -> t.assignee() == null ? "\uffff" : t.assignee())
                .thenComparing(t -> t.field() == null ? "" : t.field()));
        Paging paging = Paging.of(found.size(), TASKS_PER_PAGE, page);
        int p = paging.page();
        int pages = paging.pages();
        List<DeadlineQueries.TaskView> shown = paging.of(found);
        Map<String, Map<String, Map<String, List<Map<String, String>>>>> groups = new LinkedHashMap<>();
        for (DeadlineQueries.TaskView t : shown) {
            String label = t.period() == null ? "Không rõ kỳ" : Periods.label(t.period());
            String who = t.assignee() == null ? "Chưa rõ đơn vị" : t.assignee();
            Map<String, String> m = new LinkedHashMap<>();
            m.put("text", t.text());
            m.put("due", Display.date(t.due()));
            m.put("docUrl", "/van-ban/" + t.documentId());
            m.put("doc", t.documentNumber() != null ? t.documentNumber()
                    : t.documentSubject() != null ? t.documentSubject() : "văn bản " + t.documentId());
            String f = t.field() == null ? "Chung" : t.field();
            groups.computeIfAbsent(label, k -> new LinkedHashMap<>()).computeIfAbsent(who, k -> new LinkedHashMap<>())
                    .computeIfAbsent(f, k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((label, units) -> {
            List<Map<String, Object>> us = new ArrayList<>();
            units.forEach((who, fields) -> {
                List<Map<String, Object>> fs = new ArrayList<>();
                fields.forEach((f, list) -> fs.add(Map.of("field", f, "tasks", list)));
                us.add(Map.of("unit", who, "fields", fs));
            });
            out.add(Map.of("period", label, "units", us));
        });
        model.put("groups", out);
        model.put("total", found.size());
        model.put("period", code == null ? period == null ? "" : period : Periods.label(code));
        model.put("unit", unit == null ? "" : unit);
        model.put("field", field == null ? "" : field);
        model.put("q", q == null ? "" : q);
        Map<String, String> params = new LinkedHashMap<>();
        for (String[] kv : new String[][] {{"period", code == null ? null : Periods.label(code)}, {"unit", unit}, {"field", field},
                {"q", q}}) {
            if (kv[1] != null && !kv[1].isBlank()) {
                params.put(kv[0], kv[1].strip());
            }
        }
        model.put("page", p);
        model.put("pages", pages);
        model.put("prevUrl", p > 1 ? link("/nhiem-vu", params, "page", Integer.toString(p - 1)) : "");
        model.put("nextUrl", p < pages ? link("/nhiem-vu", params, "page", Integer.toString(p + 1)) : "");
        return new ModelAndView<>("tasks", model);
    }

    /** The month as weeks from Monday, each day with its deadlines. */
    private static List<List<Map<String, Object>>> weeks(YearMonth ym, Map<LocalDate, List<Map<String, Object>>> byDay,
                                                         LocalDate today) {
        List<List<Map<String, Object>>> weeks = new ArrayList<>();
        LocalDate d = ym.atDay(1).with(DayOfWeek.MONDAY);
        while (!d.isAfter(ym.atEndOfMonth())) {
            List<Map<String, Object>> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, d = d.plusDays(1)) {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("day", d.getDayOfMonth());
                day.put("inMonth", YearMonth.from(d).equals(ym));
                day.put("today", d.equals(today));
                day.put("entries", byDay.getOrDefault(d, List.of()));
                week.add(day);
            }
            weeks.add(week);
        }
        return weeks;
    }

    private static String link(String path, Map<String, String> params, String key, String value) {
        UriBuilder b = UriBuilder.of(path);
        params.forEach(b::queryParam);
        if (key != null) {
            b.queryParam(key, value);
        }
        return b.toString();
    }
}
