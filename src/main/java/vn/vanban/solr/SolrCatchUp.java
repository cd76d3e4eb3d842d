package vn.vanban.solr;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanban.index.IndexFields;
import vn.vanban.ingest.IndexingView;
import vn.vanban.store.DocumentRepository;

/**
 * Brings the SolrCloud collection in step with the database, as {@link vn.vanban.ingest.IndexReconciler} does the local
 * index: at start-up, the collection's documents against the current documents (what it lacks is sent, what the
 * database no longer holds as current is removed); then every {@code vanban.solr.catch-up-seconds} (30), the documents
 * whose writes it missed while it was down ({@link SolrPending}) are sent again, each as the database holds it now.
 * Started with the HTTP server when a SolrCloud is set.
 */
@Singleton
public class SolrCatchUp implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SolrCatchUp.class);
    /** Documents a request. */
    static final int BATCH = 200;

    private final SolrMirror mirror;
    private final SolrPending pending;
    private final DocumentRepository documents;
    private final IndexingView view;
    private final vn.vanban.ingest.ItemsView items;
    private final TaskScheduler scheduler;
    private final long seconds;

    public SolrCatchUp(SolrMirror mirror, SolrPending pending, DocumentRepository documents, IndexingView view,
                       vn.vanban.ingest.ItemsView items, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                       @Value("${vanban.solr.catch-up-seconds:30}") long seconds) {
        this.mirror = mirror;
        this.pending = pending;
        this.documents = documents;
        this.view = view;
        this.items = items;
        this.scheduler = scheduler;
        this.seconds = seconds;
    }

    /** What catching up did: documents sent, documents removed. */
    public record Result(int sent, int removed) {
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (mirror.enabled()) {
            scheduler.schedule(Duration.ZERO, () -> run("reconcile with the database", this::reconcile));
            scheduler.scheduleWithFixedDelay(Duration.ofSeconds(seconds), Duration.ofSeconds(seconds),
                    () -> run("send the documents it missed", this::sendPending));
        }
    }

    private interface Step {
        Result run() throws Exception;
    }

    private void run(String what, Step step) {
        try {
            Result r = step.run();
            if (r.sent() + r.removed() > 0) {
                LOG.info("SolrCloud caught up ({}): {} documents sent, {} removed", what, r.sent(), r.removed());
            }
        } catch (Exception e) {
            LOG.debug("SolrCloud could not catch up ({}); tried again in {} s: {}", what, seconds, e.toString());
        }
    }

    /**
     * The collection in step with the database: the documents noted as missed sent again, then the current documents
     * it still lacks sent and those it holds that are no longer current removed.
     */
    public Result reconcile() throws Exception {
        Result noted = sendPending();
        Result diff = inStep(mirror.connection());
        return new Result(noted.sent() + diff.sent(), noted.removed() + diff.removed());
    }

    /**
     * {@code c}'s collections in step with the database by the documents' ids: the current documents it lacks sent,
     * those it holds that are no longer current removed (with their items).
     */
    public Result inStep(SolrCollections c) throws Exception {
        Set<Long> current = new HashSet<>(documents.findCurrentIds());
        Set<Long> held = ids(c);
        List<Long> missing = current.stream().filter(id -> !held.contains(id)).sorted().toList();
        List<Long> gone = held.stream().filter(id -> !current.contains(id)).sorted().toList();
        Result sent = send(c, missing);
        for (int i = 0; i < gone.size(); i += BATCH) {
            c.client().deleteById(c.collection(), gone.subList(i, Math.min(gone.size(), i + BATCH)).stream()
                    .map(String::valueOf).toList());
        }
        for (long id : gone) {
            c.client().deleteByQuery(c.items(), SolrMirror.ownedBy(id));
        }
        if (!gone.isEmpty()) {
            c.client().commit(c.collection(), false, true, true);
            c.client().commit(c.items(), false, true, true);
        }
        return new Result(sent.sent(), sent.removed() + gone.size());
    }

    /** Sends the documents noted as missed, as the database holds them now (removed when no longer current). */
    public Result sendPending() throws Exception {
        int sent = 0;
        int removed = 0;
        SolrCollections c = null;
        while (true) {
            List<Long> ids = pending.oldest(BATCH);
            if (ids.isEmpty()) {
                break;
            }
            c = c == null ? mirror.connection() : c;
            Result r = send(c, ids);
            pending.done(ids);
            sent += r.sent();
            removed += r.removed();
        }
        if (c != null) {
            mirror.resume(); // the cluster answers: writes need not wait
        }
        return new Result(sent, removed);
    }

    /** Sends {@code ids} as the database holds them: current documents added, others removed; commits. */
    private Result send(SolrCollections c, List<Long> ids) throws Exception {
        int sent = 0;
        List<String> remove = new ArrayList<>();
        List<SolrInputDocument> batch = new ArrayList<>(BATCH);
        for (Long id : ids) {
            var d = documents.findById(id).filter(doc -> doc.currentVersion());
            if (d.isPresent()) {
                batch.add(SolrDocuments.of(view.of(d.get())));
                SolrMirror.putItems(c, id, items.of(id));
                sent++;
            } else {
                remove.add(Long.toString(id));
                c.client().deleteByQuery(c.items(), SolrMirror.ownedBy(id));
            }
            if (batch.size() == BATCH) {
                c.client().add(c.collection(), batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            c.client().add(c.collection(), batch);
        }
        if (!remove.isEmpty()) {
            c.client().deleteById(c.collection(), remove);
        }
        if (!ids.isEmpty()) {
            c.client().commit(c.collection(), false, true, true);
            c.client().commit(c.items(), false, true, true);
        }
        return new Result(sent, remove.size());
    }

    /** Every document id the collection holds (paged by cursor). */
    private static Set<Long> ids(SolrCollections c) throws Exception {
        Set<Long> out = new HashSet<>();
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            SolrQuery q = new SolrQuery("*:*").setFields(IndexFields.ID).setRows(1000).setSort(IndexFields.ID, SolrQuery.ORDER.asc);
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            var rsp = c.client().query(c.collection(), q);
            for (var d : rsp.getResults()) {
                try {
                    out.add(Long.parseLong((String) d.getFieldValue(IndexFields.ID)));
                } catch (NumberFormatException e) {
                    // not a document of Vanban's: left alone
                }
            }
            if (cursor.equals(rsp.getNextCursorMark())) {
                return out;
            }
            cursor = rsp.getNextCursorMark();
        }
    }
}
