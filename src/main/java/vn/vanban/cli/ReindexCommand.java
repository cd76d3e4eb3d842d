package vn.vanban.cli;

import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import vn.vanban.ingest.IndexReconciler;
import vn.vanban.store.DocumentRepository;

/** Rebuilds the Lucene index from the database. */
@Command(name = "reindex", description = "Rebuild the index from the database (the database is the truth); --extract re-extracts first.")
public class ReindexCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--extract", description = "first run normalization and extraction again on every document (after the rules improved)")
    boolean extract;

    @picocli.CommandLine.Option(names = "--solr", split = ",", paramLabel = "URL",
            description = "fill the SolrCloud collection reached at these Solr URLs (http://host:8983/solr) instead of the "
                    + "local index; the configset and the collection are made when missing")
    java.util.List<String> solr;

    @picocli.CommandLine.Option(names = "--solr-zk", paramLabel = "HOST:PORT[,HOST:PORT]/CHROOT",
            description = "the same for a SolrCloud reached through its ZooKeeper ensemble (as Solr's ZK_HOST)")
    String solrZk;

    @picocli.CommandLine.Option(names = "--collection", defaultValue = "vanban", description = "the SolrCloud collection (default: ${DEFAULT-VALUE})")
    String collection;

    @picocli.CommandLine.Option(names = "--shards", defaultValue = "2", description = "shards of a new collection (default: ${DEFAULT-VALUE})")
    int shards;

    @picocli.CommandLine.Option(names = "--replicas", defaultValue = "2", description = "replicas of each shard of a new collection (default: ${DEFAULT-VALUE})")
    int replicas;

    @Inject
    vn.vanban.solr.SolrReindex solrReindex;

    @Inject
    vn.vanban.correction.Reextractor reextractor;
    @Inject
    IndexReconciler reconciler;
    @Inject
    DocumentRepository documents;

    @Override
    public Integer call() {
        if (extract) {
            try (ProgressBar bar = new ProgressBar("Extract", documents.count())) {
                int n = reextractor.all(id -> bar.step());
                System.out.printf("đã trích xuất lại %d văn bản%n", n);
            }
        }
        long total = documents.countByCurrentVersion(true);
        if ((solr != null && !solr.isEmpty()) || solrZk != null) {
            return toSolr(total);
        }
        int n;
        try (ProgressBar bar = new ProgressBar("Reindex", total)) {
            n = reconciler.rebuild(id -> bar.step());
        }
        System.out.printf("đã lập chỉ mục lại %d văn bản%n", n);
        return 0;
    }

    private int toSolr(long total) {
        String where = solrZk != null ? "ZooKeeper " + solrZk : String.join(",", solr);
        try (var target = solrZk != null ? vn.vanban.solr.SolrCollections.viaZooKeeper(solrZk, collection, shards, replicas)
                : new vn.vanban.solr.SolrCollections(solr, collection, shards, replicas)) {
            // no ensure() first: the reindex makes its own generation of the collections (and the configset when missing)
            vn.vanban.solr.SolrReindex.Result r;
            try (ProgressBar bar = new ProgressBar("Solr", total)) {
                r = solrReindex.run(target, id -> bar.step());
            }
            System.out.printf("đã lập chỉ mục %d văn bản vào SolrCloud: %s là %s, %s là %s%s%n", r.sent(), collection, r.documents(),
                    target.items(), r.items(), r.deleted().isEmpty() ? "" : "; đã xoá bản cũ " + String.join(", ", r.deleted()));
            if (r.caughtUp().sent() + r.caughtUp().removed() > 0) {
                System.out.printf("văn bản ghi trong lúc lập chỉ mục: %d gửi thêm, %d gỡ%n", r.caughtUp().sent(), r.caughtUp().removed());
            }
            return 0;
        } catch (Exception e) {
            System.err.println("Không lập được chỉ mục SolrCloud (" + where + "): " + e.getMessage());
            return 1;
        }
    }
}
