package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.util.List;
import vn.vanban.deadline.WorkExtractor;
import vn.vanban.index.DocumentIndex;
import vn.vanban.index.ItemIndex;
import vn.vanban.store.CitedDocumentRecord;
import vn.vanban.store.StoredDocument;

/**
 * Writes documents into both Lucene indexes — the document index (text, fields, facets) and the items index (tasks,
 * deadlines, cited documents) — from what the database holds. The one place that does; ingest, corrections,
 * deletions and reconciliation all go through it; a mirror of the document index (a SolrCloud collection, when one is
 * set) takes what the document index takes. Thread-safe as the indexes are.
 */
@Singleton
public class DocumentIndexer {

    private final DocumentIndex index;
    private final ItemIndex items;
    private final IndexingView view;
    private final ItemsView itemsView;
    private final vn.vanban.store.DocumentRepository documents;
    private final List<vn.vanban.index.IndexMirror> mirrors;

    public DocumentIndexer(DocumentIndex index, ItemIndex items, IndexingView view, ItemsView itemsView,
                           vn.vanban.store.DocumentRepository documents, List<vn.vanban.index.IndexMirror> mirrors) {
        this.mirrors = List.copyOf(mirrors);
        this.documents = documents;
        this.index = index;
        this.items = items;
        this.view = view;
        this.itemsView = itemsView;
    }

    /** Indexes {@code doc} (a current version) and its items, all read from the database. */
    public void put(StoredDocument doc) {
        putIndexed(view.of(doc));
        putItems(doc.id(), itemsView.of(doc.id()), false);
    }

    /**
     * Writes the items document {@code owner} sets into the items index and every mirror of it ({@code fresh}: the
     * document was just stored and has none to replace).
     */
    private void putItems(long owner, List<ItemIndex.Item> list, boolean fresh) {
        items.put(owner, list);
        for (var m : mirrors) {
            m.putItems(owner, list, fresh);
        }
    }

    /** Writes {@code d} into the document index and every mirror of it. */
    private void putIndexed(vn.vanban.index.IndexedDocument d) {
        index.put(d);
        for (var m : mirrors) {
            m.put(d);
        }
    }

    /** Indexes {@code doc} just stored, with its normalized text, work and tags at hand (no reading back). */
    public void put(StoredDocument doc, String normalized, WorkExtractor.Work work, java.util.List<String> tags) {
        putIndexed(view.of(doc, normalized, !work.deadlines().isEmpty(), tags));
        putItems(doc.id(), itemsView.of(doc, work), true); // a new version is a new document: no items yet
    }

    /** Indexes {@code doc} in the document index alone (reconciliation compares each index with the database). */
    public void putDocument(StoredDocument doc) {
        putIndexed(view.of(doc));
    }

    /**
     * Indexes again, in the document index, documents {@code ids} whose validity changed (their status facet and
     * badge), each still current; returns how many.
     */
    public int revalidated(java.util.Collection<Long> ids) {
        int n = 0;
        for (Long id : ids) {
            StoredDocument d = documents.findById(id).orElse(null);
            if (d != null && d.currentVersion()) {
                putDocument(d);
                n++;
            }
        }
        return n;
    }

    /** Opens both indexes for writing. */
    public void openForWriting() {
        index.openForWriting();
        items.openForWriting();
    }

    /** Indexes the items of {@code doc} alone (a version that is not current keeps its items). */
    public void putItems(long documentId) {
        putItems(documentId, itemsView.of(documentId), false);
    }

    /** Indexes cited documents {@code nodes} as they stand. */
    public void putCited(List<CitedDocumentRecord> nodes) {
        List<ItemIndex.Item> cited = itemsView.cited(nodes);
        items.putCited(cited);
        for (var m : mirrors) {
            m.putCited(cited);
        }
    }

    /**
     * Brings document {@code id}, found held by the database, into the indexes as it stands there: indexed with its
     * items when it is a current version, and the version {@code replaced} (if any) taken out when it no longer is
     * one. For a file whose row turned out to be there already at its insert — another worker's, or this ingest's own
     * commit whose reply was lost; either way, writing it again is a no-op when it is indexed.
     */
    public void putHeld(long id, java.util.Optional<Long> replaced) {
        documents.findById(id).filter(StoredDocument::currentVersion).ifPresent(this::put);
        replaced.filter(p -> documents.findById(p).map(d -> !d.currentVersion()).orElse(true)).ifPresent(this::delete);
    }

    /** Removes document {@code id} and its items. */
    public void delete(long id) {
        index.delete(id);
        items.delete(id);
        for (var m : mirrors) {
            m.delete(id);
        }
    }

    /** Makes what was written visible to searches. */
    public void commit() {
        index.commit();
        items.commit();
        for (var m : mirrors) {
            m.commit();
        }
    }
}
