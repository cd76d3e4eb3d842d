package vn.vanban.solr;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.index.IndexMirror;
import vn.vanban.index.IndexedDocument;

/**
 * Keeps a SolrCloud collection in step with the local index when one is set ({@code vanban.solr.urls} —
 * VANBAN_SOLR_URLS, comma-separated — or {@code vanban.solr.zk} — VANBAN_SOLR_ZK); without either it does nothing. The
 * collection is made from the shipped configset at the first write if the cluster lacks it. A write Solr refuses or
 * cannot take is logged and noted ({@link SolrPending}): the database is the truth, the local index is written all the
 * same, and {@link SolrCatchUp} sends what the collection missed when it answers again.
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

    private final SolrPending pending;

    public SolrMirror(@Value("${vanban.solr.urls:}") String urls, @Value("${vanban.solr.zk:}") String zk,
                      @Value("${vanban.solr.collection:vanban}") String collection,
                      @Value("${vanban.solr.shards:2}") int shards, @Value("${vanban.solr.replicas:2}") int replicas,
                      SolrPending pending) {
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
            run("add document " + doc.id(), doc.id(), t -> t.client().add(collection, SolrDocuments.of(doc), COMMIT_WITHIN_MS));
        }
    }

    @Override
    public void delete(long id) {
        if (enabled()) {
            run("delete document " + id, id, t -> {
                t.client().deleteById(collection, Long.toString(id), COMMIT_WITHIN_MS);
                t.client().deleteByQuery(t.items(), ownedBy(id), COMMIT_WITHIN_MS);
            });
        }
    }

    @Override
    public void putItems(long owner, List<vn.vanban.index.ItemIndex.Item> items) {
        if (enabled()) {
            run("index the items of document " + owner, owner, t -> putItems(t, owner, items));
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
            run("index " + items.size() + " cited documents", null,
                    t -> t.client().add(t.items(), items.stream().map(SolrDocuments::of).toList(), COMMIT_WITHIN_MS));
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

    /** Runs a write of document {@code id} (null: not one document's), noting the document as missed if it fails. */
    private void run(String what, Long id, Write write) {
        if (paused()) {
            if (id != null) {
                pending.add(id); // sent when the cluster answers again
            }
            return;
        }
        try {
            write.to(target());
            warned = false;
        } catch (Exception e) {
            if (id != null) {
                pending.add(id);
            }
            pauseUntil = System.nanoTime() + PAUSE.toNanos();
            if (!warned) { // once until a write succeeds again, not once a document
                LOG.warn("SolrCloud ({}) out of step: {} failed ({}); writes pause {} s; the local index and the database "
                        + "have everything, and the documents missed are sent again when the cluster answers",
                        zk != null ? zk : String.join(",", urls), what, e.toString(), PAUSE.toSeconds());
                warned = true;
            }
        }
    }

    @PreDestroy
    public synchronized void close() throws Exception {
        if (target != null) {
            target.close();
            target = null;
        }
    }
}
