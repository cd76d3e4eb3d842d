package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.apache.commons.io.monitor.FileAlterationListenerAdaptor;
import org.apache.commons.io.monitor.FileAlterationMonitor;
import org.apache.commons.io.monitor.FileAlterationObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.config.VanbanConfig;

/**
 * Watches the drop folder: at start it ingests every file there (those added while the server was down), then it
 * polls for new and changed files. Files are taken once their size has stopped changing, one at a time, on a
 * worker thread. Hidden and temporary files ("~$x.docx", "x.part") are ignored.
 */
@Singleton
public class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final VanbanConfig config;
    private final IngestService ingest;
    private final DropClaims claims;
    private final java.util.concurrent.atomic.AtomicLong taken = new java.util.concurrent.atomic.AtomicLong();
    private final BlockingQueue<Path> queue = new LinkedBlockingQueue<>();
    private FileAlterationMonitor monitor;
    private Thread worker;

    private final java.time.Duration patience;

    public FolderWatcher(VanbanConfig config, IngestService ingest, DropClaims claims) {
        this.patience = java.time.Duration.ofSeconds(config.dbPatienceSeconds());
        this.config = config;
        this.ingest = ingest;
        this.claims = claims;
    }

    /** How many files this process has taken from the folder (claimed and ingested) since it started watching. */
    public long taken() {
        return taken.get();
    }

    /** Starts watching; returns at once. */
    public synchronized void start() throws Exception {
        Path dir = config.ingestDir();
        Files.createDirectories(dir);
        for (Path p : listFiles(dir)) {
            queue.add(p);
        }
        FileAlterationObserver observer = FileAlterationObserver.builder()
                .setFile(dir.toFile()).setFileFilter(f -> f.isDirectory() || accept(f.toPath())).get();
        observer.addListener(new FileAlterationListenerAdaptor() {
            @Override
            public void onFileCreate(File file) {
                queue.add(file.toPath());
            }

            @Override
            public void onFileChange(File file) {
                queue.add(file.toPath());
            }
        });
        monitor = new FileAlterationMonitor(config.watchPollMs(), observer);
        monitor.setThreadFactory(r -> Thread.ofPlatform().daemon().name("vanban-watch-poll").unstarted(r));
        monitor.start();
        worker = Thread.ofPlatform().daemon().name("vanban-watch-ingest").start(this::work);
        LOG.info("watching {} for documents ({} already there)", dir.toAbsolutePath(), queue.size());
    }

    /** How many files wait to be ingested. */
    public int pending() {
        return queue.size();
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Path p = queue.take();
                if (!Files.isRegularFile(p) || !waitUntilStable(p)) {
                    continue;
                }
                IngestOutcome o;
                try {
                    // several processes may watch one shared folder: the one whose claim wins takes the file
                    String key = claims.keyOf(p);
                    if (key == null || !claimed(key, p)) {
                        continue;
                    }
                    o = DatabaseOutage.retry(() -> ingest.ingestFile(p, false), patience, "ingest of " + p.getFileName());
                    DatabaseOutage.retry(() -> {
                        claims.done(key);
                        return null;
                    }, patience, "claim of " + p.getFileName());
                    taken.incrementAndGet();
                } catch (RuntimeException e) {
                    if (DatabaseOutage.isConnectionLoss(e)) {
                        queue.put(p); // the database is still away: the file waits for its return
                        Thread.sleep(5000);
                        continue;
                    }
                    throw e;
                }
                if (o.status() == IngestOutcome.Status.FAILED) {
                    LOG.warn("{}: {} ({})", p.getFileName(), o.failureKind(), o.reason());
                } else if (o.status() != IngestOutcome.Status.UNCHANGED) {
                    LOG.info("{}: {} as document {}", p.getFileName(), o.status(), o.id());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("ingest of a watched file failed", e);
            }
        }
    }

    /** Whether this process's claim of {@code p} wins (waiting out an outage; a conflict lost is "no"). */
    private boolean claimed(String key, Path p) {
        return DatabaseOutage.retry(() -> {
            try {
                return claims.claim(key, p);
            } catch (RuntimeException e) {
                if (DropClaims.lostToAnother(e)) {
                    return false;
                }
                throw e;
            }
        }, patience, "claim of " + p.getFileName());
    }

    /**
     * Waits until the file's size and modification time hold still for a moment (a copy has finished). A file last
     * changed over {@value #SETTLED_MS} ms ago is settled already: a folder of files dropped earlier goes at full speed.
     */
    private static boolean waitUntilStable(Path p) throws InterruptedException {
        try {
            long size = Files.size(p);
            long time = Files.getLastModifiedTime(p).toMillis();
            if (System.currentTimeMillis() - time > SETTLED_MS) {
                return true;
            }
            for (int i = 0; i < 600; i++) {
                Thread.sleep(300);
                long s = Files.size(p);
                long t = Files.getLastModifiedTime(p).toMillis();
                if (s == size && t == time) {
                    return true;
                }
                size = s;
                time = t;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Age after which a file is taken as completely written. */
    static final long SETTLED_MS = 2000;

    /** Every acceptable file below {@code dir}, sorted by path. */
    public static List<Path> listFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).filter(FolderWatcher::accept).sorted().forEach(out::add);
        }
        return out;
    }

    static boolean accept(Path p) {
        String n = p.getFileName().toString();
        return !(n.startsWith(".") || n.startsWith("~$") || n.endsWith(".tmp") || n.endsWith(".part")
                || n.endsWith(".crdownload"));
    }

    @Override
    public synchronized void close() throws Exception {
        if (monitor != null) {
            monitor.stop(0);
            monitor = null;
        }
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }
}
