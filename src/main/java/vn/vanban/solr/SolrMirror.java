package vn.vanban.solr;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.index.IndexMirror;
import vn.vanban.index.IndexedDocument;

/**
 * Keeps a SolrCloud collection (and its items' collection) in step with the local indexes when one is set
 * ({@code vanban.solr.urls} — VANBAN_SOLR_URLS, comma-separated — or {@code vanban.solr.zk} — VANBAN_SOLR_ZK); without
 * either it does nothing. The collections are made from the shipped configset at the first write if the cluster lacks
 * them. Writes are queued and sent in order by one sender thread, the added documents next to each other in one
 * request (up to {@value #BATCH}), each made visible by Solr within {@value #COMMIT_WITHIN_MS} ms; ingest does not wait
 * for Solr unless the queue is full. Every document written is first noted in the database ({@link SolrPending}) and
 * the note removed once Solr took it: a write Solr refuses or cannot take (logged once, writes then pause), or one lost
 * with the process, is sent again by {@link SolrCatchUp}. The database is the truth; the local index is written all
 * the same.
 */
@Singleton
public class SolrMirror implements IndexMirror {

    private static final Logger LOG = LoggerFactory.getLogger(SolrMirror.class);

    private final List<String> urls;
    private final String zk;
    private final String collection;
    private final int shards;
    private final int replicas;
    private volatile SolrCollections target;
    private volatile boolean warned;
    /** After a failure, writes are left until then ({@link System#nanoTime}), so a cluster that is down costs no wait a document. */
    private volatile long pauseUntil;

    /** How long writes pause after one failed. */
    static final Duration PAUSE = Duration.ofSeconds(30);

    /**
     * Asked for at the first write: a command that only searches (which opens no database, so that it runs beside a
     * server holding the embedded one) makes no note and needs none.
     */
    private final jakarta.inject.Provider<SolrPending> pending;

    public SolrMirror(@Value("${vanban.solr.urls:}") String urls, @Value("${vanban.solr.zk:}") String zk,
                      @Value("${vanban.solr.collection:vanban}") String collection,
                      @Value("${vanban.solr.shards:2}") int shards, @Value("${vanban.solr.replicas:2}") int replicas,
                      jakarta.inject.Provider<SolrPending> pending) {
        this.pending = pending;
        this.urls = Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        this.zk = zk.isBlank() ? null : zk.strip();
        this.collection = collection;
        this.shards = shards;
        this.replicas = replicas;
        this.pauseUntil = System.nanoTime();
    }

    /** Whether a SolrCloud is set. */
    public boolean enabled() {
        return zk != null || !urls.isEmpty();
    }

    /** The collection on the cluster, connected (and made when missing) at the first call. */
    public SolrCollections connection() throws Exception {
        return target();
    }

    private SolrCollections target() throws Exception {
        SolrCollections t = target;
        return t != null ? t : connect(); // no lock on every write once connected
    }

    private synchronized SolrCollections connect() throws Exception {
        if (target == null) {
            SolrCollections t = zk != null ? SolrCollections.viaZooKeeper(zk, collection, shards, replicas)
                    : new SolrCollections(urls, collection, shards, replicas);
            try {
                LOG.info("SolrCloud: {}", t.ensure(Duration.ofMinutes(2)));
            } catch (Exception e) {
                t.close();
                throw e;
            }
            target = t;
        }
        return target;
    }

    @Override
    public void put(IndexedDocument doc) {
        if (enabled()) {
            write(new Op("add document " + doc.id(), doc.id(), SolrDocuments.of(doc), null, null));
        }
    }

    @Override
    public void delete(long id) {
        if (enabled()) {
            write(new Op("delete document " + id, id, null, null, t -> {
                t.client().deleteById(collection, Long.toString(id), COMMIT_WITHIN_MS);
                t.client().deleteByQuery(t.items(), ownedBy(id), COMMIT_WITHIN_MS);
            }));
        }
    }

    @Override
    public void putItems(long owner, List<vn.vanban.index.ItemIndex.Item> items, boolean fresh) {
        if (enabled()) {
            write(fresh ? new Op("index the items of document " + owner, owner, null,
                    items.stream().map(SolrDocuments::of).toList(), null) // nothing to replace: added with the next adds
                    : new Op("index the items of document " + owner, owner, null, null, t -> putItems(t, owner, items)));
        }
    }

    /** Replaces the items document {@code owner} sets with {@code items} in {@code t}'s items collection. */
    static void putItems(SolrCollections t, long owner, List<vn.vanban.index.ItemIndex.Item> items) throws Exception {
        t.client().deleteByQuery(t.items(), ownedBy(owner), COMMIT_WITHIN_MS);
        if (!items.isEmpty()) {
            t.client().add(t.items(), items.stream().map(SolrDocuments::of).toList(), COMMIT_WITHIN_MS);
        }
    }

    /** The query of the items document {@code owner} sets. */
    static String ownedBy(long owner) {
        return "{!term f=" + vn.vanban.index.ItemIndex.OWNER + "}" + owner;
    }

    @Override
    public void putCited(List<vn.vanban.index.ItemIndex.Item> items) {
        if (enabled() && !items.isEmpty()) {
            // not one document's: a failure leaves them to the next reconciliation (they are written with their citers)
            write(new Op("index " + items.size() + " cited documents", null, null,
                    items.stream().map(SolrDocuments::of).toList(), null)); // by key: added with the next adds
        }
    }

    /**
     * Nothing to send: every write asks Solr to make it visible within {@link #COMMIT_WITHIN_MS} (a commit of its own
     * after each document, as the local index commits, would open a new searcher on every shard each time).
     */
    @Override
    public void commit() {
    }

    /** How soon Solr makes a write visible to searches (its soft commit). */
    static final int COMMIT_WITHIN_MS = 1000;

    private interface Write {
        void to(SolrCollections target) throws Exception;
    }

    /** Whether writes wait after a failure (the cluster was down less than {@link #PAUSE} ago). */
    public boolean paused() {
        return System.nanoTime() - pauseUntil < 0;
    }

    /** Writes go on at once (the cluster answered a catch-up). */
    public void resume() {
        pauseUntil = System.nanoTime();
    }

    /**
     * One write, in the order given: a document added ({@code add}) or items added ({@code itemAdds}) — sent with the
     * adds queued next to them, one request for each collection — or another write, alone; {@code documentId} the
     * document it concerns (null: not one document's).
     */
    private record Op(String what, Long documentId, SolrInputDocument add, List<SolrInputDocument> itemAdds, Write write) {
        boolean adds() {
            return write == null;
        }
    }

    /** Writes waiting for the sender; ingest waits when it is full (the cluster slower than ingest). */
    private final java.util.concurrent.BlockingQueue<Op> queue = new java.util.concurrent.LinkedBlockingQueue<>(QUEUE);
    static final int QUEUE = 2000;
    /** Documents added in one request at most. */
    static final int BATCH = 200;
    /** Writes of each document queued or being sent: its note is removed when the last one is sent. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Integer> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Thread sender;
    private volatile boolean closing;

    /**
     * Queues a write for the sender, the document noted first as not yet in the collection ({@link SolrPending}): a
     * write that fails, waits while the cluster is down, or is lost with the process is sent again by the catch-up.
     */
    private void write(Op op) {
        if (op.documentId() != null) {
            pending.get().add(op.documentId());
        }
        if (paused() || closing) {
            return; // noted: sent when the cluster answers again
        }
        if (op.documentId() != null) {
            inFlight.merge(op.documentId(), 1, Integer::sum);
        }
        startSender();
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished(List.of(op), false);
        }
    }

    private synchronized void startSender() {
        if (sender == null) {
            sender = Thread.ofPlatform().daemon().name("solr-mirror").start(this::send);
        }
    }

    /** The sender: takes the writes in order, the adds next to each other in one request. */
    private void send() {
        List<Op> batch = new java.util.ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            Op op;
            try {
                op = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (op == null) {
                continue;
            }
            batch.clear();
            batch.add(op);
            while (op.adds() && batch.size() < BATCH && queue.peek() != null && queue.peek().adds()) {
                batch.add(queue.poll()); // the one consumer: what was peeked is what is taken
            }
            finished(batch, sendNow(batch));
        }
    }

    /** Sends one request's writes; false when the cluster is paused or failed them (their documents stay noted). */
    private boolean sendNow(List<Op> batch) {
        if (paused()) {
            return false;
        }
        try {
            SolrCollections t = target();
            if (batch.get(0).adds()) {
                List<SolrInputDocument> docs = batch.stream().map(Op::add).filter(java.util.Objects::nonNull).toList();
                List<SolrInputDocument> items = batch.stream().filter(o -> o.itemAdds() != null)
                        .flatMap(o -> o.itemAdds().stream()).toList();
                if (!docs.isEmpty()) {
                    t.client().add(collection, docs, COMMIT_WITHIN_MS);
                }
                if (!items.isEmpty()) {
                    t.client().add(t.items(), items, COMMIT_WITHIN_MS);
                }
            } else {
                batch.get(0).write().to(t);
            }
            warned = false;
            return true;
        } catch (Exception e) {
            pauseUntil = System.nanoTime() + PAUSE.toNanos();
            if (!warned) { // once until a write succeeds again, not once a document
                LOG.warn("SolrCloud ({}) out of step: {} failed ({}); writes pause {} s; the local index and the database "
                        + "have everything, and the documents missed are sent again when the cluster answers",
                        zk != null ? zk : String.join(",", urls), batch.get(0).what(), e.toString(), PAUSE.toSeconds());
                warned = true;
            }
            return false;
        }
    }

    /** Counts the writes done; the notes of documents with nothing left to send, all sent, are removed. */
    private void finished(List<Op> batch, boolean sent) {
        List<Long> done = new java.util.ArrayList<>();
        for (Op op : batch) {
            if (op.documentId() != null) {
                Integer left = inFlight.compute(op.documentId(), (id, n) -> n == null || n <= 1 ? null : n - 1);
                if (left == null && sent) {
                    done.add(op.documentId());
                }
            }
        }
        if (!done.isEmpty()) {
            try {
                pending.get().done(done);
            } catch (RuntimeException e) {
                LOG.debug("could not clear the notes of documents sent to SolrCloud (sent again later): {}", e.toString());
            }
        }
    }

    /** Waits until every write queued so far is sent (or given up), at most {@code timeout}. */
    public void flush(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while ((!queue.isEmpty() || !inFlight.isEmpty()) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    @PreDestroy
    public void close() throws Exception {
        closing = true; // what is queued is sent (or given up, paused) before the connection closes
        Thread t = sender;
        if (t != null) {
            t.join(Duration.ofSeconds(30).toMillis());
        }
        closeConnection();
    }

    private synchronized void closeConnection() throws Exception {
        if (target != null) {
            target.close();
            target = null;
        }
    }
}
