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

    /** The items of document {@code documentId}. */
    public List<ItemIndex.Item> of(long documentId) {
        List<ItemIndex.Item> out = new ArrayList<>();
        for (TaskRecord t : tasks.findByDocumentIdOrderByStartOffset(documentId)) {
            out.add(new ItemIndex.Item("task:" + t.id(), "task", documentId, documentId, t.textContent(), t.assignee(),
                    t.due(), t.field(), null));
        }
        for (DeadlineRecord d : deadlines.findByDocumentIdOrderByStartOffset(documentId)) {
            out.add(new ItemIndex.Item("deadline:" + d.id(), "deadline", documentId, documentId, d.what(), d.who(),
                    d.rrule() != null ? d.rrule() : d.due(), null, null));
        }
        for (CitedDocumentRecord r : cited.findCitedBy(documentId)) {
            String label = r.docType() + " " + r.docNumber();
            String text = label + (r.title() == null ? "" : " " + r.title()) + (r.issuer() == null ? "" : " của " + r.issuer());
            out.add(new ItemIndex.Item("cited:" + r.id(), "cited", 0, r.heldDocumentId(), text, r.issuer(), r.docDate(),
                    label, r.docNumber()));
        }
        return out;
    }
}
