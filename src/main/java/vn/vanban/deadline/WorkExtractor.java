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
        List<Task> t = tasks.extract(text, meta.subject(), meta.date());
        Set<String> units = new LinkedHashSet<>();
        t.stream().map(Task::assignee).filter(a -> a != null).forEach(units::add);
        meta.recipients().stream().limit(4).forEach(units::add);
        String who = units.isEmpty() ? null : String.join("; ", units);
        List<Deadline> out = new ArrayList<>();
        for (Deadline d : deadlines.extract(text, meta.date(), refs)) {
            out.add(d.who() != null ? d : new Deadline(d.due(), d.rrule(), d.what(), who, d.start(), d.end(), d.expression()));
        }
        return new Work(out, t);
    }
}
