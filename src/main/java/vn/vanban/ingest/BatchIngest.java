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

/**
 * Ingests many files with a pool of workers, committing the index every {@value #COMMIT_EVERY} files and at the
 * end. Each worker has its next files read and parsed (office files in the parser children) while it analyses and
 * stores the ones before, so a parse overlaps the in-process work on another file; files parse at once on no more
 * threads than there are workers. Outcomes come back in input order; {@code onEach} is called from the workers as files finish.
 */
@Singleton
public class BatchIngest {

    static final int COMMIT_EVERY = 500;
    /** Files stored per transaction, at most. */
    static final int GROUP = 8;
    /** Characters of text per transaction, at most (a group closes once past it). */
    static final long GROUP_CHARS = 4_000_000;
    /** Bytes of files a worker reads and parses ahead of what it stores, at most (past one file). */
    static final long AHEAD_BYTES = 64L << 20;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BatchIngest.class);

    private final IngestService ingest;
    private final DocumentIndexer indexer;

    private final java.time.Duration patience;
    private final IndexReconciler reconciler;

    public BatchIngest(IngestService ingest, DocumentIndexer indexer, vn.vanban.config.VanbanConfig config,
                       IndexReconciler reconciler) {
        this.patience = java.time.Duration.ofSeconds(config.dbPatienceSeconds());
        this.reconciler = reconciler;
        this.ingest = ingest;
        this.indexer = indexer;
    }

    /**
     * Ingests {@code files} with {@code threads} workers. Each worker prepares files (parse, normalize, extract) and
     * stores them in groups of up to {@value #GROUP} files or {@value #GROUP_CHARS} characters of text per
     * transaction; a crash loses at most the groups not yet committed, which a new run ingests again.
     */
    public List<IngestOutcome> run(List<Path> files, int threads, boolean retryFailed, Consumer<IngestOutcome> onEach) {
        indexer.openForWriting();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean outage = new java.util.concurrent.atomic.AtomicBoolean();
        IngestOutcome[] outcomes = new IngestOutcome[files.size()];
        int workers = Math.max(1, Math.min(threads, files.size()));
        // one factory for the pool: vanban-ingest-0, -1, … (a builder per thread named every worker -0)
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("vanban-ingest-", 0).daemon().factory());
        // each worker reads and parses (in parser children) up to a group of files ahead while it analyses and stores
        // the ones before, on as many threads as there are workers: no more parses at once than workers
        ExecutorService ahead = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("vanban-parse-ahead-", 0).daemon().factory());
        try {
            List<Future<?>> running = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    List<Integer> group = new ArrayList<>();
                    List<IngestService.Prepared> prepared = new ArrayList<>();
                    long chars = 0;
                    Ahead queue = new Ahead(files, next, i -> fetch(ahead, files.get(i), retryFailed, outage));
                    for (Ahead.Next n = queue.take(); n != null; n = queue.take()) {
                        int i = n.index();
                        Path f = files.get(i);
                        IngestService.Fetched fetched;
                        try {
                            fetched = await(n.fetch());
                        } catch (RuntimeException e) {
                            fetched = IngestService.Fetched.done(storeFailed(f, e));
                        }
                        queue.fill();
                        IngestService.Fetched got = fetched;
                        IngestService.Prepared p;
                        try {
                            p = guarded(() -> ingest.complete(got), "ingest of " + f.getFileName(), outage);
                        } catch (RuntimeException e) {
                            p = IngestService.Prepared.done(storeFailed(f, e));
                        }
                        if (p.outcome() != null && prepared.isEmpty()) {
                            finish(i, p.outcome(), outcomes, onEach, done);
                        } else {
                            group.add(i);
                            prepared.add(p);
                            chars += p.size();
                            if (group.size() >= GROUP || chars >= GROUP_CHARS) {
                                storeGroup(files, group, prepared, outcomes, onEach, done, outage);
                                chars = 0;
                            }
                        }
                    }
                    storeGroup(files, group, prepared, outcomes, onEach, done, outage);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            if (outage.get()) {
                // a file whose commit reached the database just before the connection dropped was found held on
                // retry and not indexed by this run: bring the index in line with the database
                indexer.commit();
                reconciler.reconcile();
            }
            return java.util.Arrays.asList(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ingest failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            ahead.shutdownNow();
            indexer.commit();
        }
    }

    /**
     * A worker's files being read and parsed ahead of it, in the order it claimed them: up to {@value #GROUP} files
     * and {@value #AHEAD_BYTES} bytes of them (always at least one), so the parser children keep working while the
     * worker analyses and stores.
     */
    private static final class Ahead {

        record Next(int index, Future<IngestService.Fetched> fetch, long bytes) {
        }

        private final List<Path> files;
        private final AtomicInteger claims;
        private final java.util.function.IntFunction<Future<IngestService.Fetched>> start;
        private final java.util.ArrayDeque<Next> queue = new java.util.ArrayDeque<>();
        private long bytes;
        private boolean exhausted;

        Ahead(List<Path> files, AtomicInteger claims, java.util.function.IntFunction<Future<IngestService.Fetched>> start) {
            this.files = files;
            this.claims = claims;
            this.start = start;
            fill();
        }

        /** Claims and starts files until the queue is full or no file is left. */
        void fill() {
            while (!exhausted && (queue.isEmpty() || (queue.size() < GROUP && bytes < AHEAD_BYTES))) {
                int i = claims.getAndIncrement();
                if (i >= files.size()) {
                    exhausted = true;
                    return;
                }
                long size;
                try {
                    size = java.nio.file.Files.size(files.get(i));
                } catch (java.io.IOException | SecurityException e) {
                    size = 0; // the fetch reports why it cannot be read
                }
                queue.add(new Next(i, start.apply(i), size));
                bytes += size;
            }
        }

        /** The oldest file started, or null when every claimed file is taken and none is left. */
        Next take() {
            fill();
            Next n = queue.poll();
            if (n != null) {
                bytes -= n.bytes();
            }
            return n;
        }
    }

    /** Starts reading and parsing {@code file} on {@code ahead} (database work waits out an outage, as elsewhere). */
    private Future<IngestService.Fetched> fetch(ExecutorService ahead, Path file, boolean retryFailed,
                                                java.util.concurrent.atomic.AtomicBoolean outage) {
        return ahead.submit(() -> guarded(() -> ingest.fetchFile(file, retryFailed), "ingest of " + file.getFileName(), outage));
    }

    /** What a fetch gave; its failure rethrown as it was thrown. */
    private static IngestService.Fetched await(Future<IngestService.Fetched> fetch) {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stores and indexes a worker's group, then clears it. */
    private void storeGroup(List<Path> files, List<Integer> group, List<IngestService.Prepared> prepared,
                            IngestOutcome[] outcomes, Consumer<IngestOutcome> onEach, AtomicInteger done,
                            java.util.concurrent.atomic.AtomicBoolean outage) {
        if (group.isEmpty()) {
            return;
        }
        List<IngestOutcome> stored;
        try {
            stored = guarded(() -> ingest.store(prepared), "ingest of " + group.size() + " files", outage);
        } catch (RuntimeException e) {
            // the group could not be stored at all (the database stayed away): each file is reported with the reason
            stored = group.stream().map(i -> storeFailed(files.get(i), e)).toList();
        }
        for (int k = 0; k < group.size(); k++) {
            finish(group.get(k), stored.get(k), outcomes, onEach, done);
        }
        group.clear();
        prepared.clear();
    }

    private void finish(int i, IngestOutcome o, IngestOutcome[] outcomes, Consumer<IngestOutcome> onEach, AtomicInteger done) {
        outcomes[i] = o;
        onEach.accept(o);
        if (done.incrementAndGet() % COMMIT_EVERY == 0) {
            indexer.commit();
        }
    }

    /** Runs database work, waiting out an outage (noted, so that the index is reconciled at the end). */
    private <T> T guarded(java.util.function.Supplier<T> work, String what, java.util.concurrent.atomic.AtomicBoolean outage) {
        return DatabaseOutage.retry(() -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (DatabaseOutage.isConnectionLoss(e)) {
                    outage.set(true);
                }
                throw e;
            }
        }, patience, what);
    }

    private static IngestOutcome storeFailed(Path f, RuntimeException e) {
        // a store or index error on one file: reported with its reason, the batch goes on
        LOG.error("ingest of {} failed", f, e);
        return IngestOutcome.failed(f.toString(), String.valueOf(f.getFileName()), "ERROR", "could not store: " + e.getMessage());
    }
}
