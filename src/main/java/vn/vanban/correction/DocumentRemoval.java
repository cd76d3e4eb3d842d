package vn.vanban.correction;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import vn.vanban.store.CitationRepository;
import vn.vanban.store.CitedDocumentRecord;
import vn.vanban.store.CitedDocumentRepository;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;
import vn.vanban.store.TaskRepository;

/**
 * Deletes one version of a document (editors): its citations, deadlines, tasks and corrections go with it; deleting
 * the current version makes the previous one current again; cited-document links move to it. The original file
 * stays in the content-addressed store, so that ingesting it again brings the document back. Callers index the
 * result ({@link Removed}) after the transaction, the cited documents it held included.
 */
@Singleton
public class DocumentRemoval {

    private final DocumentRepository documents;
    private final CitationRepository citations;
    private final CitedDocumentRepository cited;
    private final DeadlineRepository deadlines;
    private final TaskRepository tasks;
    private final CorrectionRepository corrections;
    private final vn.vanban.store.DocumentTextRepository texts;
    private final vn.vanban.citation.RelationStore relations;
    private final vn.vanban.citation.ValidityService validity;

    private final vn.vanban.organize.Tags tags;
    private final Trash trash;

    public DocumentRemoval(DocumentRepository documents, CitationRepository citations, CitedDocumentRepository cited,
                           DeadlineRepository deadlines, TaskRepository tasks, CorrectionRepository corrections,
                           vn.vanban.store.DocumentTextRepository texts, vn.vanban.citation.RelationStore relations,
                           vn.vanban.citation.ValidityService validity, vn.vanban.organize.Tags tags, Trash trash) {
        this.trash = trash;
        this.tags = tags;
        this.relations = relations;
        this.validity = validity;
        this.texts = texts;
        this.documents = documents;
        this.citations = citations;
        this.cited = cited;
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.corrections = corrections;
    }

    /**
     * What a deletion did: the deleted row as it was, the version made current again (if any), and the cited documents
     * that the deleted row held, as they are now (held by the restored version, or by none), and the other held
     * documents whose validity the deletion changed.
     */
    public record Removed(StoredDocument deleted, Optional<StoredDocument> restored, List<CitedDocumentRecord> relinked,
                          List<Long> revalidated) {
    }

    @Transactional
    public Removed delete(long id, String user) {
        StoredDocument d = documents.findById(id).orElseThrow(() -> new NoSuchElementException("không có văn bản " + id));
        // to the trash first, with what restoring needs (its tags go with the row below)
        trash.put(d, vn.vanban.store.DocumentTitle.of(d.docType(), d.docNumber(), d.subject(), d.fileName()), tags.of(id), user);
        Long previous = d.previousVersionId();
        citations.deleteByDocumentId(id);
        java.util.Set<String> keys = new java.util.HashSet<>(relations.deleteByDocument(id));
        if (d.citeKey() != null) {
            keys.add(d.citeKey());
        }
        deadlines.deleteByDocumentId(id);
        tasks.deleteByDocumentId(id);
        corrections.deleteByDocumentId(id);
        tags.deleteAll(id);
        texts.deleteById(id);
        documents.relinkVersions(id, previous);
        boolean restore = d.currentVersion() && previous != null;
        List<Long> held = cited.findByHeldDocumentId(id).stream().map(CitedDocumentRecord::id).toList();
        cited.relinkHeld(id, restore ? previous : null);
        documents.deleteById(id);
        if (restore) {
            documents.markCurrent(previous);
            keys.addAll(relations.targetsOf(previous));
        }
        List<Long> revalidated = validity.revalidate(keys, restore ? previous : null);
        return new Removed(d, restore ? documents.findById(previous) : Optional.empty(),
                held.isEmpty() ? List.of() : cited.findByIdIn(held), revalidated);
    }
}
