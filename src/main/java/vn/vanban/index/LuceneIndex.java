package vn.vanban.index;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * One Lucene index on disk: the writer (Lucene's write lock: one writing process), near-real-time searchers, commits
 * stamped with a schema version, and a stale check. Disposable: the database is the truth. Thread-safe.
 */
public abstract class LuceneIndex implements AutoCloseable {

    private static final String SCHEMA_KEY = "vanban.schema";

    protected final Path path;
    private final Analyzer analyzer;
    private final int schema;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    /** Set by {@link #write} after every change, cleared by the search that refreshes. */
    private volatile boolean changed = true;

    protected LuceneIndex(Path path, Analyzer analyzer, int schema) {
        this.path = path;
        this.analyzer = analyzer;
        this.schema = schema;
    }

    /** The per-field analyzer, for queries too. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** Opens the writer (taking Lucene's write lock); a second process gets a clear error. Idempotent. */
    public synchronized void openForWriting() {
        if (writer != null) {
            return;
        }
        try {
            closeSearchers();
            Files.createDirectories(path);
            directory = directory != null ? directory : FSDirectory.open(path);
            IndexWriterConfig iwc = new IndexWriterConfig(analyzer);
            iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            iwc.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, iwc);
            searchers = new SearcherManager(writer, null);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("the index at " + path + " is in use by another Vanban process "
                    + "(a running server?): stop it, or send the files through its API", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index at " + path, e);
        }
    }

    /**
     * Whether the index holds documents written with another schema version (an older Vanban): it must then be
     * rebuilt from the database. An empty or absent index is never stale.
     */
    public synchronized boolean stale() {
        try {
            if (directory == null || !DirectoryReader.indexExists(directory)) {
                return false;
            }
            org.apache.lucene.index.SegmentInfos latest = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory);
            return latest.totalMaxDoc() > 0 && !Integer.toString(schema).equals(latest.getUserData().get(SCHEMA_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index at " + path, e);
        }
    }

    /** Removes every document. */
    public void deleteAll() {
        write("clear the index", IndexWriter::deleteAll);
    }

    /** Makes changes durable and visible to new searches. */
    public synchronized void commit() {
        if (writer == null) {
            return;
        }
        try {
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(schema)).entrySet());
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index", e);
        }
    }

    /** Work with a searcher over the latest visible state; the searcher must not escape {@code work}. */
    public <T> T withSearcher(SearcherWork<T> work) {
        SearcherManager sm = searchers();
        if (sm == null) {
            try {
                return work.apply(new IndexSearcher(new org.apache.lucene.index.MultiReader()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        IndexSearcher s = null;
        try {
            // a refresh flushes the writer's buffered documents (a near-real-time reader): shared like a write, so that
            // close never rolls the writer back under it (Lucene's "netBytes has unexpected value" on a busy shutdown)
            inFlight.readLock().lock();
            try {
                if (changed) {
                    // a search sees what was written before it; with nothing written since, no check of the disk at all
                    changed = false;
                    sm.maybeRefresh();
                }
                s = sm.acquire();
            } finally {
                inFlight.readLock().unlock();
            }
            return work.apply(s);
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed", e);
        } finally {
            if (s != null) {
                try {
                    sm.release(s);
                } catch (IOException ignored) {
                    // releasing a searcher only decrements a reference count
                }
            }
        }
    }

    /** A unit of work on a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private synchronized SearcherManager searchers() {
        if (searchers == null && writer == null) {
            try {
                if (directory == null) {
                    if (!Files.exists(path)) {
                        return null;
                    }
                    directory = FSDirectory.open(path);
                }
                if (!DirectoryReader.indexExists(directory)) {
                    return null;
                }
                searchers = new SearcherManager(directory, null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the index at " + path, e);
            }
        }
        return searchers;
    }

    /** A change made with the writer. */
    @FunctionalInterface
    protected interface Write {
        void apply(IndexWriter writer) throws IOException;
    }

    /**
     * Runs {@code change} with the writer (opened on first use), then records that the index changed so the next
     * search refreshes its view; an I/O failure becomes an unchecked one naming {@code what}.
     */
    protected void write(String what, Write change) {
        inFlight.readLock().lock(); // many writes at once (the writer is thread-safe); close waits for them all
        try {
            if (closed) {
                throw new IllegalStateException("the index is closed (shutting down): cannot " + what);
            }
            change.apply(writer());
            changed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what, e);
        } finally {
            inFlight.readLock().unlock();
        }
    }

    /** Writes in flight hold it shared; {@link #close} holds it alone, so it never closes the writer under a write. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock inFlight = new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** Set by {@link #close}: from then on writes are refused instead of reopening the writer. */
    private volatile boolean closed;

    private synchronized IndexWriter writer() {
        if (writer == null) {
            openForWriting();
        }
        return writer;
    }

    private void closeSearchers() throws IOException {
        if (searchers != null) {
            searchers.close();
            searchers = null;
        }
    }

    /**
     * Shuts the index down: takes no more writes, waits for those in flight to finish, commits (the writer commits as
     * it closes) and closes. Closing the writer under a write in flight would abort it (Lucene's own assertion
     * "netBytes has unexpected value" under a busy shutdown).
     */
    @Override
    @PreDestroy
    public void close() {
        inFlight.writeLock().lock();
        try {
            synchronized (this) {
                closed = true;
                closeSearchers();
                if (writer != null) {
                    writer.close();
                    writer = null;
                }
                if (directory != null) {
                    directory.close();
                    directory = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index", e);
        } finally {
            inFlight.writeLock().unlock();
        }
    }
}
