package vn.vanban.deadline;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.HashMap;
import net.fortuna.ical4j.model.Recur;
import vn.vanban.normalize.Folding;
import vn.vanban.store.DeadlineRecord;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.DocumentSummary;
import vn.vanban.store.TaskRecord;
import vn.vanban.store.TaskRepository;

/** Deadlines in a window (recurring ones expanded with ical4j) and tasks, with filters. */
@Singleton
public class DeadlineQueries {

    /** One occurrence of a deadline. */
    @Serdeable
    public record Occurrence(long deadlineId, long documentId, @Nullable String documentNumber,
                             @Nullable String documentType, @Nullable String documentSubject, LocalDate date, String due,
                             @Nullable String rrule, String what, @Nullable String who, boolean overdue,
                             @Nullable String guideKey) {
    }

    /** A task as listed. */
    @Serdeable
    public record TaskView(long id, long documentId, @Nullable String documentNumber, @Nullable String documentSubject,
                           String text, @Nullable String period, @Nullable String assignee, @Nullable String field,
                           @Nullable String due, @Nullable String status) {
    }

    private final DeadlineRepository deadlines;
    private final TaskRepository tasks;
    private final DocumentRepository documents;

    public DeadlineQueries(DeadlineRepository deadlines, TaskRepository tasks, DocumentRepository documents) {
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.documents = documents;
    }

    /**
     * Occurrences in [from, to], oldest first, as seen on {@code today}.
     *
     * @param unit     a unit's name, matched without diacritics in who must act or in what is due
     * @param status   "overdue" (before today), "upcoming" (today or later), or null for both
     */
    public List<Occurrence> occurrences(LocalDate from, LocalDate to, @Nullable String unit, @Nullable Long documentId,
                                        @Nullable String status, LocalDate today) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new IllegalArgumentException("a window of at most 5 years, please (" + from + " to " + to + ")");
        }
        String unitKey = unit == null || unit.isBlank() ? null : Folding.fold(unit.strip());
        List<Occurrence> out = new ArrayList<>();
        Map<Long, Optional<DocumentSummary>> docs = new HashMap<>(); // a document sets many deadlines: read it once
        for (DeadlineRecord d : deadlines.findCandidates(from, to)) {
            if (documentId != null && d.documentId() != documentId) {
                continue;
            }
            if (unitKey != null && !Folding.fold((d.who() == null ? "" : d.who()) + " " + d.what()).contains(unitKey)) {
                continue;
            }
            DocumentSummary doc = docs.computeIfAbsent(d.documentId(), documents::queryById).orElse(null);
            for (LocalDate date : dates(d, from, to)) {
                boolean overdue = date.isBefore(today);
                if ("overdue".equals(status) && !overdue || "upcoming".equals(status) && overdue) {
                    continue;
                }
                out.add(new Occurrence(d.id(), d.documentId(), doc == null ? null : doc.docNumber(),
                        doc == null ? null : doc.docType(), doc == null ? null : doc.subject(), date, d.due(), d.rrule(),
                        d.what(), d.who(), overdue, d.guideKey()));
            }
        }
        out.sort(Comparator.comparing(Occurrence::date).thenComparing(Occurrence::deadlineId));
        return out;
    }

    /** The dates of {@code d} in [from, to]: its due date, or its recurrences from its first occurrence. */
    static List<LocalDate> dates(DeadlineRecord d, LocalDate from, LocalDate to) {
        if (d.rrule() == null) {
            return d.dueLast().isBefore(from) || d.dueLast().isAfter(to) ? List.of() : List.of(d.dueLast());
        }
        Recur<LocalDate> recur = new Recur<>(d.rrule());
        return recur.getDates(d.dueLast(), from, to.plusDays(1)).stream()
                .filter(x -> !x.isBefore(from) && !x.isAfter(to)).toList();
    }

    /** Tasks matching every filter given (period exactly; assignee, field and q without diacritics). */
    public List<TaskView> tasks(@Nullable String period, @Nullable String assignee, @Nullable String field, @Nullable String q) {
        List<TaskView> out = new ArrayList<>();
        Map<Long, Optional<DocumentSummary>> docs = new HashMap<>(); // a document sets many tasks: read it once
        for (TaskRecord t : tasks.findCurrent()) {
            if (period != null && !period.isBlank() && !period.equals(t.period())) {
                continue;
            }
            if (!matches(assignee, t.assignee()) || !matches(field, t.field()) || !matches(q, t.textContent())) {
                continue;
            }
            DocumentSummary doc = docs.computeIfAbsent(t.documentId(), documents::queryById).orElse(null);
            out.add(new TaskView(t.id(), t.documentId(), doc == null ? null : doc.docNumber(),
                    doc == null ? null : doc.subject(), t.textContent(), t.period(), t.assignee(), t.field(), t.due(), t.status()));
        }
        return out;
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.isBlank() || (value != null && Folding.fold(value).contains(Folding.fold(filter.strip())));
    }
}
