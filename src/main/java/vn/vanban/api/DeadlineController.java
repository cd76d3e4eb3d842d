package vn.vanban.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
        return csv("thoi-han.csv", new String[] {"ngay", "thoi_han", "rrule", "noi_dung", "don_vi", "van_ban", "so_ky_hieu",
                "trich_yeu", "qua_han"}, find(from, to, unit, document, status).stream().map(o -> List.<Object>of(
                o.date(), o.due(), nz(o.rrule()), o.what(), nz(o.who()), o.documentId(), nz(o.documentNumber()),
                nz(o.documentSubject()), o.overdue())).toList());
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

    @Get("/tasks")
    public List<DeadlineQueries.TaskView> tasks(@QueryValue @Nullable String period, @QueryValue @Nullable String assignee,
                                                @QueryValue @Nullable String field, @QueryValue @Nullable String q) {
        return queries.tasks(period, assignee, field, q);
    }

    @Get(value = "/tasks.csv", produces = "text/csv;charset=utf-8")
    public HttpResponse<String> tasksCsv(@QueryValue @Nullable String period, @QueryValue @Nullable String assignee,
                                         @QueryValue @Nullable String field, @QueryValue @Nullable String q) {
        return csv("nhiem-vu.csv", new String[] {"ky", "don_vi", "linh_vuc", "nhiem_vu", "thoi_han", "tinh_trang", "van_ban",
                "so_ky_hieu"}, queries.tasks(period, assignee, field, q).stream().map(t -> List.<Object>of(
                nz(t.period()), nz(t.assignee()), nz(t.field()), t.text(), nz(t.due()), nz(t.status()), t.documentId(),
                nz(t.documentNumber()))).toList());
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
