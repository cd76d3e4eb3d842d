package vn.vanban.bench;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.normalize.Folding;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchService;

/**
 * Search quality on a judged query set: ingests the corpora into a temporary repository, runs every query and
 * prints MRR@10, nDCG@10 and recall@10 (overall and by kind), how often the query typed without diacritics returns
 * the same top 3 as with them, and how often a number lookup puts a relevant document first.
 */
@Command(name = "eval", description = "Search quality on judged queries: vanban eval --corpus ../shared/corpus/gazette "
        + "--corpus ../shared/corpus/dev [--queries FILE]")
public class EvalCommand implements Callable<Integer> {

    static final int K = 10;
    /** Queries whose accents decide the meaning ("bão" is not "bảo"): not twinned with their unaccented spelling. */
    static final String ACCENTS = "accents";

    @Option(names = "--corpus", required = true, description = "folder of documents to search (repeatable)")
    List<Path> corpora;

    @Option(names = "--queries", description = "judged queries (YAML; default: the set in the jar, vanban/eval/queries.yml)")
    Path queries;

    @Option(names = "--verbose", description = "print every query, not only the ones that miss")
    boolean verbose;

    @Option(names = "--solr", description = "also serve the searches from a new collection on this SolrCloud (its Solr URLs, "
            + "comma-separated), filled as ingest goes, and compare its first ten with the local index's; the collection "
            + "is deleted at the end")
    String solr;

    @Option(names = "--solr-zk", description = "as --solr, the SolrCloud reached through its ZooKeeper (host:port/chroot)")
    String solrZk;

    /** One judged query. */
    record Judged(String query, String kind, Map<String, Integer> relevant) {
    }

    @Override
    public Integer call() throws Exception {
        List<Judged> judged = load();
        List<Path> files = new ArrayList<>();
        for (Path c : corpora) {
            try (Stream<Path> s = Files.walk(c)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        Path work = Files.createTempDirectory("vanban-eval");
        Map<String, Object> settings = new java.util.HashMap<>();
        boolean onSolr = solr != null || solrZk != null;
        String collection = "vanban_eval_" + System.currentTimeMillis();
        if (onSolr) {
            settings.put(solrZk != null ? "vanban.solr.zk" : "vanban.solr.urls", solrZk != null ? solrZk : solr);
            settings.put("vanban.solr.collection", collection);
        }
        try (ApplicationContext ctx = BenchCommand.context(work, settings)) {
            var outcomes = ctx.getBean(BatchIngest.class).run(files, Runtime.getRuntime().availableProcessors(), false, o -> { });
            System.out.printf("%d documents ingested (%d failed), %d judged queries%n", outcomes.size(),
                    outcomes.stream().filter(o -> o.status() == vn.vanban.ingest.IngestOutcome.Status.FAILED).count(),
                    judged.size());
            outcomes.stream().filter(o -> o.status() == vn.vanban.ingest.IngestOutcome.Status.FAILED)
                    .forEach(o -> System.out.printf("  failed: %s (%s: %s)%n", o.source(), o.failureKind(), o.reason()));
            SearchService local = ctx.getBean(SearchService.class);
            vn.vanban.search.DocumentSearch search = ctx.getBean(vn.vanban.search.DocumentSearch.class);
            if (search instanceof vn.vanban.solr.SolrSearch s) {
                search = s.strict(); // Solr's own answers, not the local index's should the cluster fail
            }
            if (onSolr) {
                awaitCollection(search, local);
                System.out.printf("searches served by %s (filled as the corpus was ingested)%n", search.backend());
            }
            double overlap = 0;
            double localMrr = 0;
            int withHits = 0;
            Map<String, double[]> byKind = new LinkedHashMap<>(); // kind -> {n, mrr, ndcg, recall, twins, twins agreeing}
            int sameTop3 = 0;
            int accented = 0;
            int numbersFirst = 0;
            int numbers = 0;
            for (Judged j : judged) {
                List<String> ranked = ranked(search, j.query());
                double rr = RankingMetrics.reciprocalRank(ranked, j.relevant(), K);
                if (onSolr) {
                    List<String> own = ranked(local, j.query());
                    localMrr += RankingMetrics.reciprocalRank(own, j.relevant(), K);
                    if (!own.isEmpty()) {
                        overlap += (double) own.stream().filter(ranked::contains).count() / own.size();
                        withHits++;
                    }
                }
                double ndcg = RankingMetrics.ndcg(ranked, j.relevant(), K);
                double recall = RankingMetrics.recall(ranked, j.relevant(), K);
                for (String kind : List.of("all", j.kind())) {
                    double[] m = byKind.computeIfAbsent(kind, x -> new double[6]);
                    m[0]++;
                    m[1] += rr;
                    m[2] += ndcg;
                    m[3] += recall;
                }
                if (j.kind().equals("number")) {
                    numbers++;
                    numbersFirst += rr == 1.0 ? 1 : 0;
                }
                String folded = fold(j.query());
                boolean agrees = true;
                List<String> plain = List.of();
                if (!folded.equals(j.query()) && !j.kind().equals(ACCENTS)) {
                    accented++;
                    plain = ranked(search, folded);
                    agrees = new java.util.HashSet<>(top(ranked, 3)).equals(new java.util.HashSet<>(top(plain, 3)));
                    sameTop3 += agrees ? 1 : 0;
                    for (String kind : List.of("all", j.kind())) {
                        byKind.get(kind)[4]++;
                        byKind.get(kind)[5] += agrees ? 1 : 0;
                    }
                }
                if (verbose || rr < 1.0 || recall < 1.0 || !agrees) {
                    System.out.printf("  %-8s RR %.2f nDCG %.2f R %.2f%s  %s -> %s%n", j.kind(), rr, ndcg, recall,
                            agrees ? "" : " (unaccented top 3 differs: " + top(plain, 3) + ")", j.query(), top(ranked, 3));
                }
            }
            System.out.printf("%-14s %5s %8s %8s %9s %12s%n", "kind", "n", "MRR@10", "nDCG@10", "recall@10", "same top 3");
            byKind.forEach((kind, m) -> System.out.printf("%-14s %5d %8.3f %8.3f %9.3f %12s%n", kind, (int) m[0],
                    m[1] / m[0], m[2] / m[0], m[3] / m[0],
                    m[4] == 0 ? "-" : String.format("%.3f (%d)", m[5] / m[4], (int) m[4])));
            System.out.printf("without diacritics, same top 3 as with them: %d/%d = %.3f%n", sameTop3, accented,
                    accented == 0 ? 1.0 : (double) sameTop3 / accented);
            System.out.printf("number lookups with a relevant document first: %d/%d = %.3f%n", numbersFirst, numbers,
                    numbers == 0 ? 1.0 : (double) numbersFirst / numbers);
            double all = byKind.get("all")[1] / byKind.get("all")[0];
            if (onSolr) {
                System.out.printf("SolrCloud against the local index: mean top-10 overlap %.3f over %d queries with hits; "
                        + "MRR@10 Solr %.3f, local %.3f (targets: overlap >= 0.90 %s, MRR within 0.02 %s)%n",
                        overlap / withHits, withHits, all, localMrr / judged.size(), met(overlap / withHits, 0.90),
                        Math.abs(all - localMrr / judged.size()) <= 0.02 ? "(met)" : "(NOT met)");
                try (var c = solrZk != null ? vn.vanban.solr.SolrCollections.viaZooKeeper(solrZk, collection, 1, 1)
                        : new vn.vanban.solr.SolrCollections(java.util.Arrays.asList(solr.split(",")), collection, 1, 1)) {
                    c.drop();
                }
            }
            double worst = byKind.values().stream().mapToDouble(m -> m[1] / m[0]).min().orElse(1);
            double number = byKind.containsKey("number") ? byKind.get("number")[1] / byKind.get("number")[0] : 1;
            double twins = accented == 0 ? 1.0 : (double) sameTop3 / accented;
            System.out.printf("targets: MRR@10 %.3f >= %.2f %s; every kind %.3f >= %.2f %s; number %.3f >= %.2f %s; "
                    + "same top 3 %.3f >= %.2f %s%n", all, TARGET_ALL, met(all, TARGET_ALL), worst, TARGET_KIND,
                    met(worst, TARGET_KIND), number, TARGET_NUMBER, met(number, TARGET_NUMBER), twins, TARGET_TWINS,
                    met(twins, TARGET_TWINS));
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(work.toFile());
        }
        return 0;
    }

    /** The targets of the search issue: MRR@10 overall, of every kind, of number lookups, and the twins' agreement. */
    static final double TARGET_ALL = 0.95;
    static final double TARGET_KIND = 0.90;
    static final double TARGET_NUMBER = 0.95;
    static final double TARGET_TWINS = 0.95;

    private static String met(double value, double target) {
        return value >= target ? "(met)" : "(NOT met)";
    }

    /** Waits until the collection holds what the local index holds (Solr's soft commit makes the last writes visible). */
    private static void awaitCollection(vn.vanban.search.DocumentSearch search, SearchService local) throws InterruptedException {
        long want = local.search("", 0, 1).total();
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        long have = search.search("", 0, 1).total();
        while (have != want && System.nanoTime() < end) {
            Thread.sleep(500);
            have = search.search("", 0, 1).total();
        }
        if (have != want) {
            throw new IllegalStateException("the collection holds " + have + " documents, the local index " + want);
        }
    }

    private static List<String> ranked(vn.vanban.search.DocumentSearch search, String q) {
        return search.search(q, 0, K).hits().stream().map(SearchHit::fileName).toList();
    }

    private static List<String> top(List<String> ranked, int n) {
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    /** The query as typed without diacritics: "Quyết định" → "Quyet dinh" (case kept). */
    static String fold(String q) {
        StringBuilder b = new StringBuilder(q.length());
        for (char c : q.toCharArray()) {
            char f = Folding.fold(c);
            b.append(Character.isUpperCase(c) ? Character.toUpperCase(f) : f);
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Judged> load() throws IOException {
        try (InputStream in = queries != null ? Files.newInputStream(queries)
                : EvalCommand.class.getResourceAsStream("/vanban/eval/queries.yml")) {
            List<Map<String, Object>> rows = new Yaml().load(in);
            List<Judged> out = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Map<String, Integer> rel = new LinkedHashMap<>();
                ((Map<String, Object>) r.get("relevant")).forEach((k, v) -> rel.put(k, ((Number) v).intValue()));
                out.add(new Judged((String) r.get("q"), (String) r.get("kind"), rel));
            }
            return out;
        }
    }
}
