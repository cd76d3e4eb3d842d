package vn.vanban.deadline;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.vanban.store.DeadlineRecord;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.TaskRecord;
import vn.vanban.store.TaskRepository;

/** Keeps the deadlines and tasks of each document. */
@Singleton
public class DeadlineStore {

    private final DeadlineRepository deadlines;
    private final TaskRepository tasks;

    public DeadlineStore(DeadlineRepository deadlines, TaskRepository tasks) {
        this.deadlines = deadlines;
        this.tasks = tasks;
    }

    /** Characters of a deadline's "what" and of a task's text the store keeps (the columns' widths). */
    public static final int WHAT_WIDTH = 1000;
    public static final int TASK_WIDTH = 4000;

    /** Replaces what document {@code documentId} sets. */
    @Transactional
    public void replace(long documentId, List<Deadline> found, List<Task> assigned) {
        deadlines.deleteByDocumentId(documentId);
        tasks.deleteByDocumentId(documentId);
        add(documentId, found, assigned);
    }

    /** Stores what a document just inserted sets (it has nothing yet). */
    @Transactional
    public void add(long documentId, List<Deadline> found, List<Task> assigned) {
        List<DeadlineRecord> rows = new ArrayList<>();
        for (Deadline d : found) {
            rows.add(new DeadlineRecord(null, documentId, d.due(), lastDay(d.due()), d.rrule(), cut(d.what(), WHAT_WIDTH),
                    cut(d.who(), 500), d.guide(), d.start(), d.end()));
        }
        if (!rows.isEmpty()) {
            deadlines.saveAll(rows);
        }
        List<TaskRecord> taskRows = new ArrayList<>();
        for (Task t : assigned) {
            taskRows.add(new TaskRecord(null, documentId, cut(t.text(), TASK_WIDTH), t.period(), cut(t.assignee(), 500),
                    cut(t.field(), 500), t.due(), t.status(), t.start(), t.end()));
        }
        if (!taskRows.isEmpty()) {
            tasks.saveAll(taskRows);
        }
    }

    /** The last day a due date at its precision allows: "2019-10" → 2019-10-31, "2015" → 2015-12-31. */
    static LocalDate lastDay(String due) {
        return switch (due.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(due), 12, 31);
            case 7 -> YearMonth.parse(due).atEndOfMonth();
            default -> LocalDate.parse(due);
        };
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
