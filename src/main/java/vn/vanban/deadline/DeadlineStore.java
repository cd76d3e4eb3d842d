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
    private final vn.vanban.store.BatchInsert batch;

    public DeadlineStore(DeadlineRepository deadlines, TaskRepository tasks, vn.vanban.store.BatchInsert batch) {
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.batch = batch;
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
        List<DeadlineRecord> rows = deadlineRows(documentId, found);
        // one batch each: the rows' ids are never read back
        batch.insert("INSERT INTO deadline (document_id, due, due_last, rrule, what, who, guide_key, start_offset, end_offset) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, (ps, r) -> {
                    ps.setLong(1, r.documentId());
                    ps.setString(2, r.due());
                    ps.setObject(3, r.dueLast());
                    ps.setString(4, r.rrule());
                    ps.setString(5, r.what());
                    ps.setString(6, r.who());
                    ps.setString(7, r.guideKey());
                    ps.setInt(8, r.startOffset());
                    ps.setInt(9, r.endOffset());
                });
        List<TaskRecord> taskRows = taskRows(documentId, assigned);
        batch.insert("INSERT INTO task (document_id, text_content, period, assignee, field, due, status, start_offset, end_offset) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", taskRows, (ps, t) -> {
                    ps.setLong(1, t.documentId());
                    ps.setString(2, t.textContent());
                    ps.setString(3, t.period());
                    ps.setString(4, t.assignee());
                    ps.setString(5, t.field());
                    ps.setString(6, t.due());
                    ps.setString(7, t.status());
                    ps.setInt(8, t.startOffset());
                    ps.setInt(9, t.endOffset());
                });
    }

    /** The rows {@link #add} stores for {@code found} (without ids: the database gives them). */
    public static List<DeadlineRecord> deadlineRows(long documentId, List<Deadline> found) {
        List<DeadlineRecord> rows = new ArrayList<>(found.size());
        for (Deadline d : found) {
            rows.add(new DeadlineRecord(null, documentId, d.due(), lastDay(d.due()), d.rrule(), cut(d.what(), WHAT_WIDTH),
                    cut(d.who(), 500), d.guide(), d.start(), d.end()));
        }
        return rows;
    }

    /** The rows {@link #add} stores for {@code assigned} (without ids). */
    public static List<TaskRecord> taskRows(long documentId, List<Task> assigned) {
        List<TaskRecord> rows = new ArrayList<>(assigned.size());
        for (Task t : assigned) {
            rows.add(new TaskRecord(null, documentId, cut(t.text(), TASK_WIDTH), t.period(), cut(t.assignee(), 500),
                    cut(t.field(), 500), t.due(), t.status(), t.start(), t.end()));
        }
        return rows;
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
