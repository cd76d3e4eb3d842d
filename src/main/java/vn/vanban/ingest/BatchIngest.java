package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import vn.vanban.index.DocumentIndex;

/**
 * Ingests many files with a pool of workers, committing the index every {@value #COMMIT_EVERY} files and at the
 * end. Outcomes come back in input order; {@code onEach} is called from the workers as files finish.
 */
@Singleton
public class BatchIngest {

    static final int COMMIT_EVERY = 500;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchIngest.class);

    private final IngestService ingest;
    private final DocumentIndex index;
    private final vn.vanban.index.ItemIndex items;

    private final java.time.Duration patience;
    private final IndexReconciler reconciler;

    public BatchIngest(IngestService ingest, DocumentIndex index, vn.vanban.index.ItemIndex items,
                       vn.vanban.config.VanbanConfig config, IndexReconciler reconciler) {
        this.patience = java.time.Duration.ofSeconds(config.dbPatienceSeconds());
        this.reconciler = reconciler;
        this.items = items;
        this.ingest = ingest;
        this.index = index;
    }

    /** Ingests {@code files} with {@code threads} workers. */
    public List<IngestOutcome> run(List<Path> files, int threads, boolean retryFailed, Consumer<IngestOutcome> onEach) {
        index.openForWriting();
        items.openForWriting();
        AtomicInteger done = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean outage = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads),
                r -> Thread.ofPlatform().name("vanban-ingest-", 0).daemon().unstarted(r));
        try {
            List<Future<IngestOutcome>> futures = new ArrayList<>(files.size());
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    IngestOutcome o;
                    try {
                        o = DatabaseOutage.retry(() -> {
                            try {
                                return ingest.ingestFile(f, retryFailed);
                            } catch (RuntimeException e) {
                                if (DatabaseOutage.isConnectionLoss(e)) {
                                    outage.set(true);
                                }
                                throw e;
                            }
                        }, patience, "ingest of " + f.getFileName());
                    } catch (RuntimeException e) {
                        // a store or index error on one file: reported with its reason, the batch goes on
                        LOG.error("ingest of {} failed", f, e);
                        o = IngestOutcome.failed(f.toString(), String.valueOf(f.getFileName()), "ERROR",
                                "could not store: " + e.getMessage());
                    }
                    onEach.accept(o);
                    if (done.incrementAndGet() % COMMIT_EVERY == 0) {
                        index.commit();
                        items.commit();
                    }
                    return o;
                }));
            }
            List<IngestOutcome> outcomes = new ArrayList<>(files.size());
            for (Future<IngestOutcome> f : futures) {
                outcomes.add(f.get());
            }
            if (outage.get()) {
                // a file whose commit reached the database just before the connection dropped was found held on
                // retry and not indexed by this run: bring the index in line with the database
                index.commit();
                items.commit();
                reconciler.reconcile();
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ingest failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            index.commit();
            items.commit();
        }
    }
}
