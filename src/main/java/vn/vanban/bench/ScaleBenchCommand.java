package vn.vanban.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.solr.common.SolrInputDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.solr.SolrCollections;
import vn.vanban.solr.SolrDocuments;

/**
 * Ingest against SolrCloud with one and with several Vanban nodes: for each count of nodes, that many repositories
 * over one database (the embedded one, shared in this JVM) each ingest their share of the corpus at once, every write
 * going to a new collection as well; then the same documents are sent to a new collection by SolrJ alone (batches of
 * 200, as {@code reindex --solr} sends them), the bare library doing the Solr part of the work. Prints docs/s of each and
 * checks that each collection holds every document once.
 */
@Command(name = "scalebench", description = "Ingest with 1 and 2 Vanban nodes against SolrCloud: java -jar vanban.jar scalebench "
        + "--corpus ../shared/corpus/gazette --solr http://solr1:8983/solr[,…] [--nodes 1,2]")
public class ScaleBenchCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, description = "folder of documents to ingest")
    Path corpus;

    @Option(names = "--solr", description = "the SolrCloud's Solr URLs, comma-separated")
    String solr;

    @Option(names = "--solr-zk", description = "the SolrCloud's ZooKeeper (host:port/chroot)")
    String solrZk;

    @Option(names = "--nodes", split = ",", defaultValue = "0,1,2", description = "counts of Vanban nodes to run; 0: one "
            + "node without SolrCloud, the reference (default 0,1,2)")
    List<Integer> nodes;

    @Option(names = "--shards", defaultValue = "2", description = "shards of each new collection (default 2)")
    int shards;

    @Option(names = "--replicas", defaultValue = "1", description = "replicas of each shard (default 1)")
    int replicas;

    @Override
    public Integer call() throws Exception {
        if (solr == null && solrZk == null) {
            throw new IllegalArgumentException("give --solr URL[,URL…] or --solr-zk HOST:PORT/CHROOT");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d files, %d cores; collections of %d shards × %d replicas%n", files.size(), cores, shards, replicas);
        List<SolrInputDocument> sent = null;
        for (int requested : nodes) {
            boolean onSolr = requested > 0;
            int n = Math.max(1, requested);
            String collection = "vanban_scale_" + n + "_" + System.currentTimeMillis();
            Path work = Files.createTempDirectory("vanban-scale");
            List<ApplicationContext> contexts = new ArrayList<>();
            try (SolrCollections made = cluster(collection)) {
                if (onSolr) {
                    made.ensure(java.time.Duration.ofMinutes(2)); // made once here, not raced for by the nodes
                }
                String dbUrl = null;
                for (int i = 0; i < n; i++) {
                    Map<String, Object> p = new HashMap<>();
                    if (dbUrl != null) {
                        p.put("datasources.default.url", dbUrl); // one database for all the nodes
                    }
                    if (onSolr) {
                        p.put(solrZk != null ? "vanban.solr.zk" : "vanban.solr.urls", solrZk != null ? solrZk : solr);
                    }
                    p.put("vanban.solr.collection", collection);
                    p.put("vanban.solr.shards", shards);
                    p.put("vanban.solr.replicas", replicas);
                    contexts.add(BenchCommand.context(work.resolve("node" + i), p));
                    dbUrl = dbUrl != null ? dbUrl : contexts.get(0).getProperty("datasources.default.url", String.class).orElseThrow();
                }
                long t0 = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                List<List<IngestOutcome>> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
                for (int i = 0; i < n; i++) {
                    List<Path> share = new ArrayList<>();
                    for (int f = i; f < files.size(); f += n) {
                        share.add(files.get(f));
                    }
                    BatchIngest ingest = contexts.get(i).getBean(BatchIngest.class);
                    threads.add(Thread.ofPlatform().start(() -> outcomes.add(ingest.run(share, cores, false, o -> { }))));
                }
                for (Thread t : threads) {
                    t.join();
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                if (!onSolr) {
                    System.out.printf("vanban, 1 node, no SolrCloud (the reference): %d files in %.1f s = %.1f docs/s%n",
                            files.size(), sec, files.size() / sec);
                    continue;
                }
                long failed = outcomes.stream().flatMap(List::stream).filter(o -> o.status() == IngestOutcome.Status.FAILED).count();
                var search = ((vn.vanban.solr.SolrSearch) contexts.get(0).getBean(vn.vanban.search.DocumentSearch.class)).strict();
                long stored = contexts.get(0).getBean(vn.vanban.store.DocumentRepository.class).findCurrentIds().size();
                long inSolr = awaitCount(search, stored);
                double visible = (System.nanoTime() - t0) / 1e9;
                System.out.printf("vanban, %d node%s, every write to SolrCloud too: %d files in %.1f s = %.1f docs/s (%d failed; "
                        + "%d documents stored, %d in the collection, all searchable there after %.1f s)%n", n,
                        n == 1 ? "" : "s", files.size(), sec, files.size() / sec, failed, stored, inSolr, visible);
                if (sent == null) {
                    sent = documents(contexts.get(0));
                }
                contexts.get(0).getBean(vn.vanban.solr.SolrMirror.class).connection().drop();
            } finally {
                for (ApplicationContext c : contexts) {
                    c.close();
                }
                BenchCommand.delete(work);
            }
        }
        if (sent != null) {
            String collection = "vanban_scale_bare_" + System.currentTimeMillis();
            try (SolrCollections c = cluster(collection)) {
                c.ensure(java.time.Duration.ofMinutes(2));
                long t0 = System.nanoTime();
                for (int i = 0; i < sent.size(); i += 200) {
                    c.client().add(collection, sent.subList(i, Math.min(sent.size(), i + 200)));
                }
                c.client().commit(collection);
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("bare SolrJ, the same %d documents in batches of 200 (the Solr part alone): %.1f s = %.1f docs/s%n",
                        sent.size(), sec, sent.size() / sec);
                c.drop();
            }
        }
        return 0;
    }

    private SolrCollections cluster(String collection) {
        return solrZk != null ? SolrCollections.viaZooKeeper(solrZk, collection, shards, replicas)
                : new SolrCollections(java.util.Arrays.asList(solr.split(",")), collection, shards, replicas);
    }

    /** Waits until the collection holds {@code want} documents (the last writes wait for Solr's soft commit). */
    private static long awaitCount(vn.vanban.search.DocumentSearch search, long want) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        long have = search.search("", 0, 1).total();
        while (have != want && System.nanoTime() < end) {
            Thread.sleep(250);
            have = search.search("", 0, 1).total();
        }
        return have;
    }

    /** The current documents of a repository as the collection takes them. */
    private static List<SolrInputDocument> documents(ApplicationContext ctx) {
        var repo = ctx.getBean(vn.vanban.store.DocumentRepository.class);
        var view = ctx.getBean(vn.vanban.ingest.IndexingView.class);
        List<SolrInputDocument> out = new ArrayList<>();
        for (Long id : repo.findCurrentIds()) {
            repo.findById(id).ifPresent(d -> out.add(SolrDocuments.of(view.of(d))));
        }
        return out;
    }
}
