package vn.vanban.ingest;

import jakarta.inject.Singleton;
import vn.vanban.auth.AuditLog;
import vn.vanban.index.DocumentIndex;
import vn.vanban.index.ItemIndex;

/** Deletes a document version for an editor: the database first (one transaction), then both indexes, audited. */
@Singleton
public class Deletions {

    private final DocumentRemoval removal;
    private final DocumentIndex index;
    private final ItemIndex items;
    private final IndexingView view;
    private final ItemsView itemsView;
    private final AuditLog audit;

    public Deletions(DocumentRemoval removal, DocumentIndex index, ItemIndex items, IndexingView view,
                     ItemsView itemsView, AuditLog audit) {
        this.removal = removal;
        this.index = index;
        this.items = items;
        this.view = view;
        this.itemsView = itemsView;
        this.audit = audit;
    }

    /** Deletes version {@code id}; throws NoSuchElementException when there is none. */
    public DocumentRemoval.Removed delete(long id, String user, String remote) {
        DocumentRemoval.Removed r = removal.delete(id);
        index.delete(id);
        items.delete(id);
        r.restored().ifPresent(p -> {
            index.put(view.of(p));
            items.put(p.id(), itemsView.of(p.id()));
        });
        // the cited documents it held now lead to the restored version, or to none
        items.putCited(itemsView.cited(r.relinked()));
        index.commit();
        items.commit();
        var d = r.deleted();
        audit.record(user, remote, "document.delete", "document " + id,
                "file=" + d.fileName() + " sha256=" + d.sha256() + " number=" + d.docNumber() + " type=" + d.docType()
                        + " subject=" + d.subject(),
                r.restored().map(p -> "version " + p.id() + " is current again").orElse("deleted; the original stays in the store"));
        return r;
    }
}
