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
 * Fills a SolrCloud collection from the database (the truth), as {@code reindex} does the local index: what the
 * collection held is removed, every current document version is sent in batches, then committed once. This is how an
 * existing repository moves to SolrCloud.
 */
@Singleton
public class SolrReindex {

    /** Documents a request. */
    static final int BATCH = 200;

    private final DocumentRepository documents;
    private final IndexingView view;
    private final vn.vanban.ingest.ItemsView items;

    public SolrReindex(DocumentRepository documents, IndexingView view, vn.vanban.ingest.ItemsView items) {
        this.documents = documents;
        this.view = view;
        this.items = items;
    }

    /** Replaces what {@code target}'s collection holds with the current documents; returns how many it sent. */
    public int run(SolrCollections target, LongConsumer progress) throws IOException, SolrServerException {
        var client = target.client();
        client.deleteByQuery(target.collection(), "*:*");
        client.deleteByQuery(target.items(), "*:*");
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
                client.add(target.collection(), batch);
                batch.clear();
            }
            if (!itemBatch.isEmpty()) {
                client.add(target.items(), new ArrayList<>(itemBatch.values()));
                itemBatch.clear();
            }
            after = ids.get(ids.size() - 1);
        }
        client.commit(target.collection());
        client.commit(target.items());
        return n;
    }
}
