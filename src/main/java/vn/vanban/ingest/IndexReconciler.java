package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.index.DocumentIndex;
import vn.vanban.store.DocumentRepository;

/**
 * Brings the index in step with the database, which is the truth: indexes current versions the index lacks
 * (a crash between store and index) and removes what the database no longer holds as current.
 */
@Singleton
public class IndexReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(IndexReconciler.class);
    private static final int BATCH = 200;

    private final DocumentRepository documents;
    private final DocumentIndex index;
    private final vn.vanban.index.ItemIndex items;
    private final DocumentIndexer indexer;

    public IndexReconciler(DocumentRepository documents, DocumentIndex index, vn.vanban.index.ItemIndex items,
                           DocumentIndexer indexer) {
        this.items = items;
        this.documents = documents;
        this.index = index;
        this.indexer = indexer;
    }

    /** What reconciling changed. */
    public record Result(int added, int removed) {
    }

    /** Reconciles and commits; returns what changed. */
    public Result reconcile() {
        index.openForWriting();
        if (index.stale()) {
            LOG.info("the index was written by another version of Vanban: rebuilding it from the database");
            int n = rebuild(id -> { });
            return new Result(n, 0);
        }
        Set<Long> current = new HashSet<>(documents.findCurrentIds());
        Result r = sync(current, index.ids(), id -> documents.findById(id).ifPresent(indexer::putDocument), index::delete);
        index.commit();
        if (r.added() + r.removed() > 0) {
            LOG.info("index reconciled with the database: {} added, {} removed", r.added(), r.removed());
        }
        reconcileItems(current);
        return r;
    }

    /** The items index (tasks, deadlines, cited documents) in step with the current documents. */
    private void reconcileItems(Set<Long> current) {
        items.openForWriting();
        if (items.stale()) {
            items.deleteAll();
        }
        Result r = sync(current, items.owners(), indexer::putItems, items::delete);
        items.commit();
        if (r.added() + r.removed() > 0) {
            LOG.info("items index reconciled with the database: {} documents added, {} removed", r.added(), r.removed());
        }
    }

    /** Adds what {@code current} has and {@code indexed} lacks, removes what only {@code indexed} has. */
    private static Result sync(Set<Long> current, Set<Long> indexed, LongConsumer add, LongConsumer remove) {
        int added = 0;
        for (Long id : current) {
            if (!indexed.contains(id)) {
                add.accept(id);
                added++;
            }
        }
        int removed = 0;
        for (Long id : indexed) {
            if (!current.contains(id)) {
                remove.accept(id);
                removed++;
            }
        }
        return new Result(added, removed);
    }

    /** Rebuilds the whole index from the database, reporting each indexed id to {@code progress}. */
    public int rebuild(LongConsumer progress) {
        index.openForWriting();
        index.deleteAll();
        items.openForWriting();
        items.deleteAll();
        int n = 0;
        long after = 0;
        while (true) {
            List<Long> ids = documents.findCurrentIdsAfter(after, BATCH);
            if (ids.isEmpty()) {
                break;
            }
            for (Long id : ids) {
                documents.findById(id).ifPresent(indexer::put);
                progress.accept(id);
                n++;
            }
            after = ids.get(ids.size() - 1);
        }
        index.commit();
        items.commit();
        return n;
    }
}
