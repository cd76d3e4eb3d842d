package vn.vanban.correction;

import jakarta.inject.Singleton;
import vn.vanban.auth.AuditLog;
import vn.vanban.ingest.DocumentIndexer;

/** Deletes a document version for an editor: the database first (one transaction), then both indexes, audited. */
@Singleton
public class Deletions {

    private final DocumentRemoval removal;
    private final DocumentIndexer indexer;
    private final AuditLog audit;
    private final Trash trash;
    private final vn.vanban.store.BlobStore blobs;
    private final vn.vanban.ingest.IngestService ingest;
    private final vn.vanban.organize.Tagging tagging;
    private final CorrectionService corrections;

    public Deletions(DocumentRemoval removal, DocumentIndexer indexer, AuditLog audit, Trash trash,
                     vn.vanban.store.BlobStore blobs, vn.vanban.ingest.IngestService ingest, vn.vanban.organize.Tagging tagging,
                     CorrectionService corrections) {
        this.corrections = corrections;
        this.trash = trash;
        this.blobs = blobs;
        this.ingest = ingest;
        this.tagging = tagging;
        this.removal = removal;
        this.indexer = indexer;
        this.audit = audit;
    }

    /** Deletes version {@code id}; throws NoSuchElementException when there is none. */
    public DocumentRemoval.Removed delete(long id, String user, String remote) {
        DocumentRemoval.Removed r = removal.delete(id, user);
        indexer.delete(id);
        r.restored().ifPresent(indexer::put);
        // the cited documents it held now lead to the restored version, or to none
        indexer.putCited(r.relinked());
        // documents whose validity rested on the deleted one (it had replaced them, say)
        indexer.revalidated(r.revalidated());
        indexer.commit();
        var d = r.deleted();
        audit.record(user, remote, "document.delete", "document " + id,
                "file=" + d.fileName() + " sha256=" + d.sha256() + " number=" + d.docNumber() + " type=" + d.docType()
                        + " subject=" + d.subject(),
                r.restored().map(p -> "version " + p.id() + " is current again; in the trash").orElse("in the trash; the original stays in the store"));
        return r;
    }

    /**
     * Restores version {@code id} from the trash: its original is ingested again under its old source (a new id; the
     * current version of that source when there is none newer), with its tags and its hand corrections.
     *
     * @throws java.util.NoSuchElementException when it is not in the trash
     * @throws IllegalArgumentException in Vietnamese, when restored already, past its days, or its original is gone
     */
    public vn.vanban.ingest.IngestOutcome restore(long id, String user, String remote) {
        Trash.Entry e = trash.restorable(id);
        byte[] bytes;
        try {
            try (var in = blobs.open(e.sha256())) {
                bytes = in.readAllBytes();
            }
        } catch (java.io.IOException ex) {
            throw new IllegalArgumentException("Không còn tệp gốc của văn bản " + id + " trong kho (" + ex.getMessage() + ").");
        }
        vn.vanban.ingest.IngestOutcome o = ingest.ingest(e.sourcePath(), e.fileName(), bytes, true);
        if (o.id() == null) {
            throw new IllegalArgumentException("Không khôi phục được văn bản " + id + ": " + o.reason());
        }
        for (String tag : e.tags()) {
            tagging.add(user, java.util.List.of(o.id()), tag);
        }
        // marked restored first: the document is back whatever becomes of its corrections (kept in the trash until purged)
        trash.restored(id, o.id(), user);
        java.util.List<Correction> kept = trash.corrections(id);
        if (!kept.isEmpty()) {
            corrections.carryOver(o.id(), kept); // as they were, on top of what extraction finds in the restored version
        }
        audit.record(user, remote, "document.restore", "document " + id, "in the trash since " + e.deletedAt(),
                "restored as document " + o.id() + " (" + o.status() + ")");
        return o;
    }
}
