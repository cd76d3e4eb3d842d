package vn.vanban.cli;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.deadline.DeadlineQueries;

/** Lists deadlines in a window. */
@Command(name = "deadlines", description = "List deadlines between --from and --to (default: the next 30 days), optionally for a --unit.")
public class DeadlinesCommand implements Callable<Integer> {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Option(names = "--from", description = "first day, 31/12/2026 or 2026-12-31 (default today)")
    LocalDate from;

    @Option(names = "--to", description = "last day, 31/12/2026 or 2026-12-31 (default 30 days after --from)")
    LocalDate to;

    @Option(names = "--unit", description = "a unit's name, e.g. \"Phòng Văn hóa\"")
    String unit;

    @Inject
    DeadlineQueries queries;

    @Override
    public Integer call() {
        LocalDate today = LocalDate.now();
        LocalDate f = from != null ? from : today;
        LocalDate t = to != null ? to : f.plusDays(30);
        var list = queries.occurrences(f, t, unit, null, null, today);
        System.out.printf("%d thời hạn từ %s đến %s%n", list.size(), VN.format(f), VN.format(t));
        for (var o : list) {
            System.out.printf("%s%s  %s  [%s %s]%s%n", VN.format(o.date()), o.overdue() ? " (quá hạn)" : "",
                    o.what().replaceAll("\\s+", " "), o.documentType() == null ? "" : o.documentType(),
                    o.documentNumber() == null ? "#" + o.documentId() : o.documentNumber(),
                    o.rrule() == null ? "" : "  (" + vn.vanban.deadline.Recurrences.describe(o.rrule()) + ")");
        }
        return 0;
    }
}
