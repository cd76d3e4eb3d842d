package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import vn.vanban.index.ItemIndex;
import vn.vanban.store.CitedDocumentRecord;
import vn.vanban.store.CitedDocumentRepository;
import vn.vanban.store.DeadlineRecord;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.TaskRecord;
import vn.vanban.store.TaskRepository;

/** Derives the searchable items of a stored document — its tasks, deadlines and the documents it cites — from the database. */
@Singleton
public class ItemsView {

    private final TaskRepository tasks;
    private final DeadlineRepository deadlines;
    private final CitedDocumentRepository cited;

    public ItemsView(TaskRepository tasks, DeadlineRepository deadlines, CitedDocumentRepository cited) {
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.cited = cited;
    }

    /** The items of document {@code documentId}, all read from the database. */
    public List<ItemIndex.Item> of(long documentId) {
        return of(documentId, tasks.findByDocumentIdOrderByStartOffset(documentId),
                deadlines.findByDocumentIdOrderByStartOffset(documentId));
    }

    /**
     * The items of document {@code doc} just stored with {@code work}: its tasks and deadlines are the rows the store
     * wrote (in the order they are read back); the documents it cites are read from the database (their nodes are
     * shared, and other documents may have filled them in), and so is the node of {@code doc} itself when something
     * cited it before: it is held now, and its item opens it.
     */
    public List<ItemIndex.Item> of(vn.vanban.store.StoredDocument doc, vn.vanban.deadline.WorkExtractor.Work work) {
        long documentId = doc.id();
        java.util.Comparator<TaskRecord> byTask = java.util.Comparator.comparingInt(TaskRecord::startOffset);
        java.util.Comparator<DeadlineRecord> byDeadline = java.util.Comparator.comparingInt(DeadlineRecord::startOffset);
        List<CitedDocumentRecord> nodes = new ArrayList<>(cited.findCitedBy(documentId));
        if (doc.citeKey() != null) {
            cited.findByCiteKey(doc.citeKey())
                    .filter(n -> Long.valueOf(documentId).equals(n.heldDocumentId()))
                    .filter(n -> nodes.stream().noneMatch(c -> c.id().equals(n.id())))
                    .ifPresent(nodes::add);
        }
        return items(documentId,
                vn.vanban.deadline.DeadlineStore.taskRows(documentId, work.tasks()).stream().sorted(byTask).toList(),
                vn.vanban.deadline.DeadlineStore.deadlineRows(documentId, work.deadlines()).stream().sorted(byDeadline).toList(),
                nodes);
    }

    /** The items of cited documents {@code nodes}, as they stand (a held document's link included). */
    public List<ItemIndex.Item> cited(List<CitedDocumentRecord> nodes) {
        return items(0, List.of(), List.of(), nodes);
    }

    private List<ItemIndex.Item> of(long documentId, List<TaskRecord> taskRows, List<DeadlineRecord> deadlineRows) {
        return items(documentId, taskRows, deadlineRows, cited.findCitedBy(documentId));
    }

    private static List<ItemIndex.Item> items(long documentId, List<TaskRecord> taskRows, List<DeadlineRecord> deadlineRows,
                                              List<CitedDocumentRecord> nodes) {
        List<ItemIndex.Item> out = new ArrayList<>();
        // a document's own items are keyed by their place in it: their rows' ids are not needed (nor read back)
        int k = 0;
        for (TaskRecord t : taskRows) {
            out.add(new ItemIndex.Item("task:" + documentId + ":" + k++, "task", documentId, documentId, t.textContent(),
                    t.assignee(), t.due(), t.field(), null));
        }
        k = 0;
        for (DeadlineRecord d : deadlineRows) {
            out.add(new ItemIndex.Item("deadline:" + documentId + ":" + k++, "deadline", documentId, documentId, d.what(),
                    d.who(), d.rrule() != null ? d.rrule() : d.due(), null, null));
        }
        for (CitedDocumentRecord r : nodes) {
            String label = r.docType() + " " + r.docNumber();
            String text = label + (r.title() == null ? "" : " " + r.title()) + (r.issuer() == null ? "" : " của " + r.issuer());
            out.add(new ItemIndex.Item("cited:" + r.id(), "cited", 0, r.heldDocumentId(), text, r.issuer(), r.docDate(),
                    label, r.docNumber()));
        }
        return out;
    }
}
