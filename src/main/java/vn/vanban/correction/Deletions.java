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

    public Deletions(DocumentRemoval removal, DocumentIndexer indexer, AuditLog audit) {
        this.removal = removal;
        this.indexer = indexer;
        this.audit = audit;
    }

    /** Deletes version {@code id}; throws NoSuchElementException when there is none. */
    public DocumentRemoval.Removed delete(long id, String user, String remote) {
        DocumentRemoval.Removed r = removal.delete(id);
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
                r.restored().map(p -> "version " + p.id() + " is current again").orElse("deleted; the original stays in the store"));
        return r;
    }
}
