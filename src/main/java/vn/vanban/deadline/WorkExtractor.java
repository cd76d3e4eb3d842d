package vn.vanban.deadline;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.vanban.citation.CitedDocument;
import vn.vanban.extract.DocumentMetadata;

/**
 * The work a document sets: its deadlines and tasks. A deadline whose text names no unit is owed by the units the
 * document addresses (its task sections' units, then its recipients).
 */
@Singleton
public class WorkExtractor {

    /** Deadlines and tasks of one document. */
    public record Work(List<Deadline> deadlines, List<Task> tasks) {
    }

    private final DeadlineExtractor deadlines;
    private final TaskExtractor tasks;

    public WorkExtractor(DeadlineExtractor deadlines, TaskExtractor tasks) {
        this.deadlines = deadlines;
        this.tasks = tasks;
    }

    public Work extract(String text, DocumentMetadata meta, List<CitedDocument> refs) {
        List<Task> found = tasks.extract(text, meta.subject(), meta.date());
        List<Deadline> dated = deadlines.extract(text, meta.date(), refs);
        // a task that sets its own deadline carries it
        List<Task> t = new ArrayList<>();
        for (Task task : found) {
            String due = dated.stream().filter(d -> d.start() >= task.start() && d.start() < task.end())
                    .map(Deadline::due).findFirst().orElse(null);
            t.add(due == null ? task : new Task(task.text(), task.period(), task.assignee(), task.field(), due,
                    task.status(), task.start(), task.end()));
        }
        Set<String> units = new LinkedHashSet<>();
        t.stream().map(Task::assignee).filter(a -> a != null).forEach(units::add);
        meta.recipients().stream().limit(4).forEach(units::add);
        String who = units.isEmpty() ? null : String.join("; ", units);
        List<Deadline> out = new ArrayList<>();
        for (Deadline d : dated) {
            out.add(d.who() != null || who == null ? d : d.withWho(who));
        }
        return new Work(out, t);
    }
}
