package vn.vanban.solr;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;
import vn.vanban.ingest.IndexingView;
import vn.vanban.store.DocumentRepository;

/**
 * Fills SolrCloud from the database (the truth), as {@code reindex} does the local index. Every current document
 * version is sent in batches into a new generation of the collections (created from the configset this Vanban ships),
 * while the collections the names point to keep answering searches and taking writes; once it is full and committed,
 * the names move to it and the old generation is deleted; then the documents written meanwhile (stored, replaced or
 * removed while it was being filled) are brought in step by their ids. A reindex that fails leaves the live collections
 * as they were. This is how an existing repository moves to SolrCloud, and how it takes a changed configset.
 */
@Singleton
public class SolrReindex {

    /** Documents a request. */
    static final int BATCH = 200;

    private final DocumentRepository documents;
    private final IndexingView view;
    private final vn.vanban.ingest.ItemsView items;

    private final SolrCatchUp catchUp;

    public SolrReindex(DocumentRepository documents, IndexingView view, vn.vanban.ingest.ItemsView items, SolrCatchUp catchUp) {
        this.documents = documents;
        this.view = view;
        this.items = items;
        this.catchUp = catchUp;
    }

    /** What a reindex did: documents sent, the collections now named, those deleted, what catching up did after. */
    public record Result(int sent, String documents, String items, List<String> deleted, SolrCatchUp.Result caughtUp) {
    }

    /** Fills a new generation of {@code target}'s collections with the current documents and moves the names to it. */
    public Result run(SolrCollections target, LongConsumer progress) throws Exception {
        SolrCollections.Generation g = target.newGeneration(java.time.Duration.ofMinutes(5));
        int n;
        try {
            n = fill(target.client(), g.documents(), g.items(), progress);
        } catch (Exception | Error e) {
            g.discard();
            throw e;
        }
        List<String> deleted = g.promote();
        // written while the new generation filled (to the old one): the ids of the documents now current decide
        SolrCatchUp.Result caught = catchUp.inStep(target);
        return new Result(n, g.documents(), g.items(), deleted, caught);
    }

    private int fill(org.apache.solr.client.solrj.SolrClient client, String collection, String itemsCollection,
                     LongConsumer progress) throws IOException, SolrServerException {
        int n = 0;
        long after = 0;
        List<SolrInputDocument> batch = new ArrayList<>(BATCH);
        Map<String, SolrInputDocument> itemBatch = new java.util.LinkedHashMap<>(); // by key: a cited document once
        while (true) {
            List<Long> ids = documents.findCurrentIdsAfter(after, BATCH);
            if (ids.isEmpty()) {
                break;
            }
            for (Long id : ids) {
                var d = documents.findById(id);
                if (d.isPresent()) {
                    batch.add(SolrDocuments.of(view.of(d.get())));
                    items.of(id).forEach(i -> itemBatch.put(i.key(), SolrDocuments.of(i)));
                    n++;
                }
                progress.accept(id);
            }
            if (!batch.isEmpty()) {
                client.add(collection, batch);
                batch.clear();
            }
            if (!itemBatch.isEmpty()) {
                client.add(itemsCollection, new ArrayList<>(itemBatch.values()));
                itemBatch.clear();
            }
            after = ids.get(ids.size() - 1);
        }
        client.commit(collection);
        client.commit(itemsCollection);
        return n;
    }
}
