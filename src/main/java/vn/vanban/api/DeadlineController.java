package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.vanban.deadline.CalendarFeed;
import vn.vanban.deadline.DeadlineQueries;
import vn.vanban.deadline.Periods;
import vn.vanban.deadline.Recurrences;

/**
 * Deadlines (recurring ones expanded into the window), tasks, their CSV exports and an RFC 5545 calendar feed with
 * the same filters. The default window is from 30 days ago to 90 days ahead.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeadlineController {

    private final DeadlineQueries queries;
    private final CalendarFeed calendar;

    public DeadlineController(DeadlineQueries queries, CalendarFeed calendar) {
        this.queries = queries;
        this.calendar = calendar;
    }

    @Get("/deadlines")
    public List<DeadlineQueries.Occurrence> deadlines(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                                      @QueryValue @Nullable String unit, @QueryValue @Nullable Long document,
                                                      @QueryValue @Nullable String status) {
        return find(from, to, unit, document, status);
    }

    @Get(value = "/deadlines.csv", produces = "text/csv;charset=utf-8")
    public HttpResponse<String> deadlinesCsv(@QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                             @QueryValue @Nullable String unit, @QueryValue @Nullable Long document,
                                             @QueryValue @Nullable String status) {
        return csv("thoi-han.csv", new String[] {"Ngày", "Thời hạn", "Định kỳ", "Nội dung", "Đơn vị", "Số ký hiệu", "Trích yếu",
                "Quá hạn", "Mã văn bản", "RRULE"}, find(from, to, unit, document, status).stream().map(o -> List.<Object>of(
                Periods.date(o.date().toString()), Periods.date(o.due()), nz(Recurrences.describe(o.rrule())), o.what(), nz(o.who()),
                nz(o.documentNumber()), nz(o.documentSubject()), o.overdue() ? "Có" : "Không", o.documentId(), nz(o.rrule())))
                .toList());
    }

    @Get(value = "/calendar.ics", produces = "text/calendar;charset=utf-8")
    public HttpResponse<String> ics(HttpRequest<?> request, @QueryValue @Nullable LocalDate from, @QueryValue @Nullable LocalDate to,
                                    @QueryValue @Nullable String unit, @QueryValue @Nullable Long document,
                                    @QueryValue @Nullable String status) {
        LocalDate today = LocalDate.now();
        LocalDate f = from != null ? from : today.minusYears(1);
        LocalDate t = to != null ? to : today.plusYears(1);
        String host = request.getHeaders().get("Host");
        String base = host == null ? "" : "http://" + host;
        return HttpResponse.ok(calendar.ics(queries.occurrences(f, t, unit, document, status, today), base))
                .header("Content-Disposition", "inline; filename=\"vanban.ics\"");
    }

    /** Most tasks one answer of {@code /api/tasks} holds ({@code size=} asks for fewer). */
    static final int MAX_TASKS_PER_PAGE = 1000;

    /**
     * Tasks, a page at a time ({@code page} from 0, {@code size} tasks, default 200, at most {@value #MAX_TASKS_PER_PAGE}):
     * the body stays a JSON array; {@code X-Total-Count} says how many match and {@code Link} gives the next page.
     */
    @Get("/tasks")
    public HttpResponse<List<DeadlineQueries.TaskView>> tasks(HttpRequest<?> request, @QueryValue @Nullable String period,
                                                              @QueryValue @Nullable String assignee,
                                                              @QueryValue @Nullable String field, @QueryValue @Nullable String q,
                                                              @QueryValue(defaultValue = "0") int page,
                                                              @QueryValue(defaultValue = "200") int size) {
        String code = Periods.parse(period); // "2023-Q2", or as the pages write it: "Quý II/2023"
        if (period != null && !period.isBlank() && code == null) {
            throw new IllegalArgumentException("period: not a period (2023-Q2, 2015-H2, 2019, or Quý II/2023): " + period);
        }
        if (page < 0 || size < 1 || size > MAX_TASKS_PER_PAGE) {
            throw new IllegalArgumentException("page must be ≥ 0 and size 1–" + MAX_TASKS_PER_PAGE);
        }
        List<DeadlineQueries.TaskView> all = queries.tasks(code, assignee, field, q);
        long from = (long) page * size;
        List<DeadlineQueries.TaskView> part = from >= all.size() ? List.of()
                : all.subList((int) from, (int) Math.min(all.size(), from + size));
        MutableHttpResponse<List<DeadlineQueries.TaskView>> response = HttpResponse.ok(part)
                .header("X-Total-Count", Integer.toString(all.size()));
        if (from + size < all.size()) {
            String next = io.micronaut.http.uri.UriBuilder.of(request.getUri()).replaceQueryParam("page", page + 1)
                    .replaceQueryParam("size", size).build().toString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response;
    }

    @Get(value = "/tasks.csv", produces = "text/csv;charset=utf-8")
    public HttpResponse<String> tasksCsv(@QueryValue @Nullable String period, @QueryValue @Nullable String assignee,
                                         @QueryValue @Nullable String field, @QueryValue @Nullable String q) {
        return csv("nhiem-vu.csv", new String[] {"Kỳ", "Đơn vị", "Lĩnh vực", "Nhiệm vụ", "Thời hạn", "Tình trạng", "Số ký hiệu",
                "Mã văn bản"}, queries.tasks(Periods.parse(period), assignee, field, q).stream().map(t -> List.<Object>of(
                t.period() == null ? "" : Periods.label(t.period()), nz(t.assignee()), nz(t.field()), t.text(), Periods.date(t.due()),
                nz(t.status()), nz(t.documentNumber()), t.documentId())).toList());
    }

    /** A CSV download (UTF-8 with a BOM, so spreadsheet programs read the Vietnamese right). */
    private static HttpResponse<String> csv(String fileName, String[] header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok("\uFEFF" + out).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private static Object nz(Object v) {
        return v == null ? "" : v;
    }

    private List<DeadlineQueries.Occurrence> find(LocalDate from, LocalDate to, String unit, Long document, String status) {
        if (status != null && !status.isBlank() && !status.equals("overdue") && !status.equals("upcoming")) {
            throw new IllegalArgumentException("status is overdue or upcoming (got " + status + ")");
        }
        LocalDate today = LocalDate.now();
        return queries.occurrences(from != null ? from : today.minusDays(30), to != null ? to : today.plusDays(90),
                unit, document, status == null || status.isBlank() ? null : status, today);
    }
}
