package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.analysis.DocumentAnalysis;
import vn.vanban.config.VanbanConfig;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.parse.IsolatedParser;
import vn.vanban.parse.ParseFailure;
import vn.vanban.parse.ParsedText;
import vn.vanban.store.BlobStore;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.FailureRepository;
import vn.vanban.store.StoredDocument;

/**
 * The ingest pipeline for one file: hash → skip if held → parse → normalize → extract → keep the original →
 * store (database first, the truth) → index. A bad file is recorded as a failure with its reason and never
 * throws; a crash at any step leaves nothing half-done that a re-run would duplicate (the sha256 is unique, the
 * original is written atomically, and {@link IndexReconciler} restores the index from the database).
 * Thread-safe.
 */
@Singleton
public class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final VanbanConfig config;
    private final IsolatedParser parser;
    private final DocumentAnalysis analysis;
    private final BlobStore blobs;
    private final DocumentRepository documents;
    private final FailureRepository failures;
    private final DocumentStore store;
    private final DocumentIndexer indexer;
    private final vn.vanban.citation.CitationResolver resolver;
    private final vn.vanban.citation.CitedNodes nodes;

    public IngestService(VanbanConfig config, IsolatedParser parser, DocumentAnalysis analysis, BlobStore blobs,
                         DocumentRepository documents, FailureRepository failures, DocumentStore store,
                         DocumentIndexer indexer, vn.vanban.citation.CitationResolver resolver,
                         vn.vanban.citation.CitedNodes nodes) {
        this.indexer = indexer;
        this.nodes = nodes;
        this.resolver = resolver;
        this.config = config;
        this.parser = parser;
        this.analysis = analysis;
        this.blobs = blobs;
        this.documents = documents;
        this.failures = failures;
        this.store = store;
    }

    /** Ingests the file at {@code path}; its absolute path is its source (versions follow the path). */
    public IngestOutcome ingestFile(Path path, boolean retryFailed) {
        return finish(prepareFile(path, retryFailed));
    }

    /**
     * Ingests {@code bytes} named {@code fileName} from {@code source} (a path, or "upload:" + name).
     *
     * @param retryFailed parse again bytes that failed before (false: report the recorded failure)
     */
    public IngestOutcome ingest(String source, String fileName, byte[] bytes, boolean retryFailed) {
        return finish(prepare(source, fileName, bytes, retryFailed));
    }

    private IngestOutcome finish(Prepared p) {
        return p.outcome() != null ? p.outcome() : store(List.of(p)).get(0);
    }

    /**
     * A file taken as far as it goes without the database's document tables: read, hashed, checked against what is
     * held, parsed, normalized, extracted, original kept. Either it has its final {@link #outcome} (held already,
     * or failed — the failure is recorded), or it is ready for {@link #store}.
     */
    public record Prepared(IngestOutcome outcome, Ready ready) {

        static Prepared done(IngestOutcome outcome) {
            return new Prepared(outcome, null);
        }

        /** Characters of text this file brings to a transaction (0 when done). */
        public long size() {
            return ready == null ? 0 : ready.text().length() + (long) ready.normalized().length();
        }
    }

    /** What {@link #store} writes for one file. */
    record Ready(String source, String fileName, String sha, String sourceKey, StoredDocument doc, String text,
                 String normalized, String note, Optional<StoredDocument> previous,
                 List<vn.vanban.citation.CitedDocument> refs, vn.vanban.deadline.WorkExtractor.Work work,
                 List<vn.vanban.citation.DocumentRelations.Fact> relations, String inForce) {

        /** The version to save, superseding {@code current}, its citations pointing at the nodes {@code nodes}. */
        DocumentStore.Version version(Optional<StoredDocument> current, java.util.Map<String, Long> nodes) {
            return new DocumentStore.Version(doc, text, normalized, current, refs, nodes, work, relations, inForce);
        }
    }

    /** Reads and prepares the file at {@code path} (see {@link Prepared}). */
    public Prepared prepareFile(Path path, boolean retryFailed) {
        return complete(fetchFile(path, retryFailed));
    }

    /** Prepares {@code bytes} (see {@link Prepared}); a failure is recorded here. */
    public Prepared prepare(String source, String fileName, byte[] bytes, boolean retryFailed) {
        return complete(fetch(source, fileName, bytes, retryFailed));
    }

    /**
     * The first half of {@link #prepareFile}: the file read, hashed, checked against what is held and parsed — the
     * part that waits on a parser child, so a batch runs it for its next file while it analyses and stores the one
     * before ({@link BatchIngest}). Either done (held, or failed and recorded) or parsed, for {@link #complete}.
     */
    public record Fetched(Prepared done, String source, String fileName, byte[] bytes, String sha, ParsedText parsed) {

        static Fetched done(IngestOutcome outcome) {
            return new Fetched(Prepared.done(outcome), null, null, null, null, null);
        }
    }

    /** Reads, hashes, checks and parses the file at {@code path} (see {@link Fetched}). */
    public Fetched fetchFile(Path path, boolean retryFailed) {
        String source = path.toAbsolutePath().normalize().toString();
        String name = path.getFileName() == null ? source : path.getFileName().toString();
        try {
            long size = Files.size(path);
            if (size > config.maxFileSize()) {
                return Fetched.done(tooLarge(null, source, name, size));
            }
            return fetch(source, name, Files.readAllBytes(path), retryFailed);
        } catch (IOException | SecurityException e) {
            String reason = "cannot read file: " + e.getMessage();
            store.recordFailure(null, source, name, 0, null, DocumentStore.UNREADABLE, reason);
            return Fetched.done(IngestOutcome.failed(source, name, DocumentStore.UNREADABLE, reason));
        }
    }

    private Fetched fetch(String source, String fileName, byte[] bytes, boolean retryFailed) {
        String unsafe = unsafeNameReason(fileName);
        String sha = BlobStore.sha256(bytes);
        if (unsafe != null) {
            store.recordFailure(sha, source, printable(fileName), bytes.length, null, DocumentStore.UNSAFE_NAME, unsafe);
            return Fetched.done(IngestOutcome.failed(source, printable(fileName), DocumentStore.UNSAFE_NAME, unsafe));
        }
        if (bytes.length > config.maxFileSize()) {
            return Fetched.done(tooLarge(sha, source, fileName, bytes.length));
        }
        Optional<Long> held = documents.findIdBySha256(sha);
        if (held.isPresent()) {
            return Fetched.done(new IngestOutcome(IngestOutcome.Status.UNCHANGED, source, fileName, held.get(), null, null, null));
        }
        if (!retryFailed) {
            var known = failures.findBySha256(sha);
            if (known.isPresent()) {
                return Fetched.done(IngestOutcome.failed(source, fileName, known.get().kind(), known.get().reason()));
            }
        }
        ParsedText parsed;
        try {
            parsed = parser.parse(bytes, fileName);
        } catch (ParseFailure e) {
            store.recordFailure(sha, source, fileName, bytes.length, null, e.kind().name(), e.getMessage());
            return Fetched.done(IngestOutcome.failed(source, fileName, e.kind().name(), e.getMessage()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String reason = "parser crashed: " + e;
            LOG.warn("parser crashed on {}", source, e);
            store.recordFailure(sha, source, fileName, bytes.length, null, "CORRUPT", reason);
            return Fetched.done(IngestOutcome.failed(source, fileName, "CORRUPT", reason));
        }
        return new Fetched(null, source, fileName, bytes, sha, parsed);
    }

    /** The second half of {@link #prepareFile}: normalize and extract, keep the original, build the row. */
    public Prepared complete(Fetched fetched) {
        if (fetched.done() != null) {
            return fetched.done();
        }
        String source = fetched.source();
        String fileName = fetched.fileName();
        byte[] bytes = fetched.bytes();
        String sha = fetched.sha();
        ParsedText parsed = fetched.parsed();
        DocumentAnalysis.Result analyzed = analysis.run(parsed.text());
        DocumentMetadata meta = analyzed.meta();
        blobs.put(sha, bytes);
        String sourceKey = BlobStore.sha256(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Optional<StoredDocument> previous = documents.findBySourceKeyAndCurrentVersion(sourceKey, true);
        StoredDocument doc = new StoredDocument(null, sha, sourceKey, DocumentStore.truncate(source, 2000),
                DocumentStore.truncate(fileName, 512), parsed.mediaType(), bytes.length,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), parsed.status().name(),
                DocumentStore.truncate(parsed.reason(), 1000), parsed.ocr(), previous.map(StoredDocument::id).orElse(null), true,
                meta.number(), meta.symbol(), meta.type(), meta.issuer(),
                meta.parentIssuer(), meta.place(), meta.date(), meta.effective(), meta.subject(),
                meta.signerName(), meta.signerTitle(), meta.draft(), resolver.ownKey(meta),
                StoredDocument.joinRecipients(meta.recipients()));
        return new Prepared(null, new Ready(source, fileName, sha, sourceKey, doc, parsed.text(), analyzed.normalized(),
                parsed.reason(), previous, analyzed.refs(), analyzed.work(), analyzed.relations(), analyzed.inForce()));
    }

    /**
     * Stores prepared files — in one transaction when there are several (one commit, and one pass over the
     * cited-document nodes they share) — and indexes them. Should the shared transaction fail, each file is stored on
     * its own, so one file's conflict never costs the others. Outcomes in the order given.
     */
    public List<IngestOutcome> store(List<Prepared> prepared) {
        List<IngestOutcome> out = new java.util.ArrayList<>(prepared.size());
        List<Ready> ready = new java.util.ArrayList<>();
        for (Prepared p : prepared) {
            if (p.ready() != null) {
                ready.add(p.ready());
            }
        }
        List<DocumentStore.Saved> saved = ready.size() > 1 ? storeTogether(ready) : null;
        int k = 0;
        for (Prepared p : prepared) {
            if (p.outcome() != null) {
                out.add(p.outcome());
                continue;
            }
            Ready r = p.ready();
            if (saved == null) {
                out.add(storeAlone(r));
            } else {
                out.add(indexed(r, saved.get(k++), r.previous()));
            }
        }
        return out;
    }

    /** Stores all of {@code ready} in one transaction; null when that failed for a reason other than a lost connection. */
    private List<DocumentStore.Saved> storeTogether(List<Ready> ready) {
        try {
            List<vn.vanban.citation.CitedDocument> refs = new java.util.ArrayList<>();
            for (Ready r : ready) {
                refs.addAll(r.refs());
            }
            var ids = nodes.ensure(refs);
            List<DocumentStore.Saved> saved = store.saveVersions(ready.stream().map(r -> r.version(r.previous(), ids)).toList());
            for (DocumentStore.Saved s : saved) {
                committed(s);
            }
            return saved;
        } catch (RuntimeException e) {
            if (DatabaseOutage.isConnectionLoss(e)) {
                throw e;
            }
            LOG.debug("storing {} files together failed, storing them one by one: {}", ready.size(), e.toString());
            return null;
        }
    }

    private IngestOutcome storeAlone(Ready r) {
        Optional<StoredDocument> previous = r.previous();
        DocumentStore.Saved saved = null;
        for (int attempt = 1; saved == null; attempt++) {
            try {
                saved = committed(store.saveVersion(r.version(previous, nodes.ensure(r.refs()))));
            } catch (RuntimeException e) {
                saved = null;
                Optional<Long> now = documents.findIdBySha256(r.sha());
                if (now.isPresent()) {
                    // another worker stored the same bytes between our check and our insert — or this ingest did, the
                    // reply to its commit lost (a connection dropped after it; a Galera node failed over to that had
                    // not applied it yet when the row was read back): what the database holds is indexed
                    indexer.putHeld(now.get(), previous.map(StoredDocument::id));
                    return new IngestOutcome(IngestOutcome.Status.UNCHANGED, r.source(), r.fileName(), now.get(), null, null, null);
                }
                if (attempt >= 5 || !isTransient(e)) {
                    throw e;
                }
                // a concurrent ingest created a shared cited-document node or held a lock: the retry sees its commit
                sleepQuietly(50L * attempt);
                previous = documents.findBySourceKeyAndCurrentVersion(r.sourceKey(), true);
            }
        }
        return indexed(r, saved, previous);
    }

    /**
     * {@code saved}, once its row is read back: a transaction that a Galera cluster rolled back (a write from another
     * node won, the brute-force abort racing the last statement's reply) can reach the driver as if nothing were open,
     * and the driver's commit then sends nothing and says nothing — seen in {@code GaleraClusterTest}: a file reported
     * added under an id no row has. One read by primary key a stored file.
     */
    private DocumentStore.Saved committed(DocumentStore.Saved saved) {
        if (!documents.existsById(saved.doc().id())) {
            throw new LostCommit(saved.doc().id());
        }
        return saved;
    }

    /** A commit that returned without error while the database rolled the transaction back. */
    static final class LostCommit extends RuntimeException {
        LostCommit(long id) {
            super("the database rolled back the transaction that stored document " + id + " without an error");
        }
    }

    /** Indexes a stored document (the database already holds it: the index can always be rebuilt from there). */
    private IngestOutcome indexed(Ready r, DocumentStore.Saved stored, Optional<StoredDocument> previous) {
        StoredDocument saved = stored.doc();
        previous.ifPresent(p -> indexer.delete(p.id()));
        indexer.put(saved, r.normalized(), r.work(), stored.tags());
        // held documents whose validity this one changed (it replaced or amended them): their status facet moves
        indexer.revalidated(stored.revalidated());
        IngestOutcome.Status status = previous.isPresent() ? IngestOutcome.Status.NEW_VERSION : IngestOutcome.Status.ADDED;
        return new IngestOutcome(status, r.source(), r.fileName(), saved.id(), previous.map(StoredDocument::id).orElse(null),
                null, r.note());
    }

    /** Records {@code fileName} from {@code source}, of {@code size} bytes, as too large, without reading it. */
    public IngestOutcome refuseTooLarge(String source, String fileName, long size) {
        return tooLarge(null, source, fileName, size);
    }

    /** The largest file ingested, in bytes. */
    public long maxFileSize() {
        return config.maxFileSize();
    }

    private IngestOutcome tooLarge(String sha, String source, String name, long size) {
        String reason = "file too large: " + size + " bytes, limit " + config.maxFileSize() + " (vanban.max-file-size)";
        store.recordFailure(sha, source, name, size, null, DocumentStore.TOO_LARGE, reason);
        return IngestOutcome.failed(source, name, DocumentStore.TOO_LARGE, reason);
    }

    /** Why {@code name} is not acceptable as a file name (path parts, control characters), or null. */
    static String unsafeNameReason(String name) {
        if (name == null || name.isBlank()) {
            return "missing file name";
        }
        if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            return "unsafe file name [" + printable(name) + "]: it contains a path; send the bare name";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "unsafe file name [" + printable(name) + "]: it contains control characters";
            }
        }
        if (name.length() > 255) {
            return "file name longer than 255 characters";
        }
        return null;
    }

    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(300).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A conflict with a concurrent transaction (duplicate key, lock timeout, deadlock) that a retry resolves. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LostCommit || t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("duplicate") || m.contains("unique index") || m.contains("lock") || m.contains("deadlock")
                    || m.contains("concurrent update")) {
                return true;
            }
        }
        return false;
    }

}
