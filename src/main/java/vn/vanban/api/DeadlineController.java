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
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("ngay", "thoi_han", "rrule",
                "noi_dung", "don_vi", "van_ban", "so_ky_hieu", "trich_yeu", "qua_han").get())) {
            for (DeadlineQueries.Occurrence o : find(from, to, unit, document, status)) {
                csv.printRecord(o.date(), o.due(), o.rrule(), o.what(), o.who(), o.documentId(), o.documentNumber(),
                        o.documentSubject(), o.overdue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok("\uFEFF" + out).header("Content-Disposition", "attachment; filename=\"thoi-han.csv\"");
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
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("ky", "don_vi", "linh_vuc",
                "nhiem_vu", "thoi_han", "tinh_trang", "van_ban", "so_ky_hieu").get())) {
            for (DeadlineQueries.TaskView t : queries.tasks(period, assignee, field, q)) {
                csv.printRecord(t.period(), t.assignee(), t.field(), t.text(), t.due(), t.status(), t.documentId(), t.documentNumber());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok("\uFEFF" + out).header("Content-Disposition", "attachment; filename=\"nhiem-vu.csv\"");
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
