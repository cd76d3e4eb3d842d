package vn.vanban.parse;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses office files in child JVMs ({@link ParseWorker}) with a heap limit and a time limit, so that a parser that
 * hangs, loops, runs out of memory or crashes the JVM costs one file (recorded as {@link ParseFailure.Kind#TIMEOUT},
 * {@link ParseFailure.Kind#OUT_OF_MEMORY} or {@link ParseFailure.Kind#CRASHED}) and never the service. Children are
 * kept warm and reused, at most {@link ParseConfig#workers()} at once, each replaced after
 * {@link ParseConfig#filesPerWorker()} files; a file whose child runs out of memory or dies after parsing others is
 * tried once more in a fresh child (what the others left behind may be the cause). Plain text, which only our own
 * decoder reads, is parsed in process, as is everything when isolation is switched off. Thread-safe.
 */
@Singleton
public final class IsolatedParser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedParser.class);
    /** Exit status of a JVM run with -XX:+ExitOnOutOfMemoryError that ran out of memory. */
    private static final int OOM_EXIT = 3;
    /** Most seconds a child JVM may take to start and load its parsers. */
    private static final int STARTUP_SECONDS = 120;

    private final ParseConfig config;
    private final DocumentParser local;
    private final Semaphore slots;
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final java.util.Set<Worker> all = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parse-timeout");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();

    public IsolatedParser(ParseConfig config, DocumentParser local) {
        this.config = config;
        this.local = local;
        this.slots = new Semaphore(config.workers(), true);
        sweepTempDirs(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Prefix of a child's temporary directory, followed by the parent's process id. */
    static final String TEMP_PREFIX = "vanban-parse-";

    /**
     * Deletes the temporary directories of children whose parent process is gone (killed before it could delete
     * them); those of live processes, this one's included, are left alone.
     */
    public static void sweepTempDirs(Path tmp) {
        try (java.nio.file.DirectoryStream<Path> dirs = java.nio.file.Files.newDirectoryStream(tmp, TEMP_PREFIX + "*")) {
            for (Path d : dirs) {
                String rest = d.getFileName().toString().substring(TEMP_PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    continue; // not one of ours
                }
                deleteTree(d);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot sweep parser temporary directories in {}: {}", tmp, e.toString());
        }
    }

    /** Deletes {@code dir} and everything in it, as far as it can. */
    static void deleteTree(Path dir) {
        if (dir != null && !org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile())) {
            LOG.debug("cannot delete all of {}", dir);
        }
    }

    /** Parses {@code bytes} named {@code fileName}, in a child JVM unless it is plain text or isolation is off. */
    public ParsedText parse(byte[] bytes, String fileName) throws ParseFailure {
        if (!config.isolated() || bytes.length == 0) {
            return local.parse(bytes, fileName);
        }
        String type = local.detect(bytes, fileName);
        if (type.equals("text/plain")) {
            return local.parse(bytes, fileName, type);
        }
        try {
            return parseIn(bytes, fileName, type, false);
        } catch (Retry r) {
            // a child that had parsed other files ran out of memory or died: what they left behind (a leak, a
            // damaged state) may be the cause, so the file gets one fresh child before it is recorded as failed
            LOG.info("parsing {} again in a fresh parser process: {}", fileName, r.failure.getMessage());
            return parseIn(bytes, fileName, type, true);
        }
    }

    /** A failure in a child that had parsed other files before: worth one more try in a fresh child. */
    private static final class Retry extends ParseFailure {
        final ParseFailure failure;

        Retry(ParseFailure failure) {
            super(failure.kind(), failure.getMessage());
            this.failure = failure;
        }
    }

    private ParsedText parseIn(byte[] bytes, String fileName, String type, boolean fresh) throws ParseFailure {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseFailure(ParseFailure.Kind.CRASHED, "interrupted while waiting for a parser");
        }
        try {
            Worker w = fresh ? null : idle.pollFirst();
            if (w == null || !w.process.isAlive()) {
                if (w != null) {
                    w.kill();
                }
                w = start();
            }
            try {
                return w.parse(bytes, fileName, type);
            } catch (ParseFailure e) {
                boolean childGone = e.kind() == ParseFailure.Kind.OUT_OF_MEMORY || e.kind() == ParseFailure.Kind.CRASHED;
                if (childGone && w.files > 0 && !fresh && !closed) {
                    throw new Retry(e);
                }
                throw e;
            } finally {
                // after an answer, text or failure, the child is still good; after a timeout or crash it is dead
                if (!w.process.isAlive()) {
                    w.kill();
                } else if (++w.files >= config.filesPerWorker() || closed) {
                    w.close();
                } else {
                    idle.addFirst(w);
                }
            }
        } finally {
            slots.release();
        }
    }

    /** Process ids of the child JVMs alive now, idle or busy (for reports and tests). */
    public java.util.List<Long> workerPids() {
        all.removeIf(w -> !w.process.isAlive());
        return all.stream().map(w -> w.process.pid()).sorted().toList();
    }

    /** Child JVMs started so far (for reports and tests). */
    public int started() {
        return started.get();
    }

    private Worker start() throws ParseFailure {
        started.incrementAndGet();
        // a temporary directory of its own, deleted when it ends: a child stopped mid-parse (time limit, memory,
        // crash) cannot delete the copies Tika and Tesseract make of the file, and they would pile up in /tmp
        Path tmp;
        try {
            tmp = java.nio.file.Files.createTempDirectory(TEMP_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (IOException e) {
            throw new ParseFailure(ParseFailure.Kind.CRASHED, "cannot make a temporary directory for a parser process: "
                    + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-Xmx" + config.workerHeapMb() + "m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dvanban.parse.write-limit=" + config.writeLimit());
        cmd.add("-Dvanban.parse.ocr-enabled=" + config.ocrEnabled());
        cmd.add("-Dvanban.parse.ocr-language=" + config.ocrLanguage());
        cmd.add("-Dvanban.parse.ocr-timeout-seconds=" + config.ocrTimeoutSeconds());
        cmd.add("-Dvanban.parse.timeout-seconds=" + config.timeoutSeconds());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ParseWorker.class.getName());
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Worker w = new Worker(p, tmp);
            all.add(w);
            w.awaitReady();
            return w;
        } catch (IOException e) {
            deleteTree(tmp);
            throw new ParseFailure(ParseFailure.Kind.CRASHED, "cannot start a parser process: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        closed = true;
        for (Worker w; (w = idle.pollFirst()) != null; ) {
            w.close();
        }
        timer.shutdownNow();
    }

    /** One child JVM and its pipes. Used by one thread at a time. */
    private final class Worker {
        final Process process;
        final Path tmp;
        final DataOutputStream in;
        final DataInputStream out;
        int files;

        Worker(Process process, Path tmp) {
            this.process = process;
            this.tmp = tmp;
            this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
            this.out = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        }

        /** Waits until the child has loaded its parsers, so that start-up never counts against a file's time. */
        void awaitReady() throws ParseFailure {
            ScheduledFuture<?> stop = timer.schedule(process::destroyForcibly, STARTUP_SECONDS, TimeUnit.SECONDS);
            try {
                if (out.readByte() != ParseWorker.READY) {
                    throw new IOException("unexpected greeting");
                }
            } catch (IOException e) {
                kill();
                throw new ParseFailure(ParseFailure.Kind.CRASHED, "the parser process did not start (exit status "
                        + exitStatus() + ")");
            } finally {
                stop.cancel(false);
            }
        }

        ParsedText parse(byte[] bytes, String fileName, String type) throws ParseFailure {
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> stop = timer.schedule(() -> {
                timedOut.set(true);
                destroyTree(process);
            }, config.timeoutSeconds(), TimeUnit.SECONDS);
            try {
                in.writeUTF(fileName == null ? "" : clipUtf(fileName));
                in.writeUTF(type);
                in.writeInt(bytes.length);
                in.write(bytes);
                in.flush();
                byte tag = out.readByte();
                if (tag == ParseWorker.FAILURE) {
                    ParseFailure.Kind kind = ParseFailure.Kind.valueOf(out.readUTF());
                    throw new ParseFailure(kind, out.readUTF());
                }
                String mediaType = out.readUTF();
                ParseStatus status = ParseStatus.valueOf(out.readUTF());
                String reason = out.readBoolean() ? out.readUTF() : null;
                boolean ocr = out.readBoolean();
                byte[] text = new byte[out.readInt()];
                out.readFully(text);
                return new ParsedText(new String(text, StandardCharsets.UTF_8), mediaType, status, reason, ocr);
            } catch (IOException | RuntimeException e) {
                kill();
                if (timedOut.get()) {
                    throw new ParseFailure(ParseFailure.Kind.TIMEOUT, "parsing took longer than " + config.timeoutSeconds()
                            + " s and was stopped (vanban.parse.timeout-seconds)");
                }
                int exit = exitStatus();
                if (exit == OOM_EXIT) {
                    throw new ParseFailure(ParseFailure.Kind.OUT_OF_MEMORY, "the parser needed more than "
                            + config.workerHeapMb() + " MiB of memory and was stopped (vanban.parse.worker-heap-mb)");
                }
                LOG.warn("parser process died on {} (exit {})", fileName, exit, e);
                throw new ParseFailure(ParseFailure.Kind.CRASHED, "the parser process died (exit status " + exit + ")");
            } finally {
                stop.cancel(false);
            }
        }

        private int exitStatus() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Ends the child gently: end of input makes it exit. */
        void close() {
            try {
                in.close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
            ended();
        }

        void kill() {
            destroyTree(process);
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended();
        }

        /** Once the child has ended: its temporary files go with it. */
        private void ended() {
            if (!process.isAlive()) {
                deleteTree(tmp);
            }
        }
    }

    /**
     * Stops a child and what it started (Tesseract, reading a scan): a process orphaned by its parent's end would
     * run on, and write into a directory already deleted.
     */
    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** A file name short enough for writeUTF (64 KiB of modified UTF-8). */
    private static String clipUtf(String s) {
        return s.length() > 8000 ? s.substring(0, 8000) : s;
    }
}
