package vn.vanban.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.index.DocumentIndex;
import vn.vanban.index.IndexFields;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.search.QueryFactory;

/**
 * Search under load at scale: ingests a corpus (once; the repository is kept for the next run), serves it over
 * HTTP, and runs a mixed query list from concurrent clients; then runs the same queries on bare Lucene — the same
 * query, facet counts, top 10, stored fields and snippets through Lucene's own API — from as many threads, and
 * prints p50/p95/p99 of both and their ratio, and the peak heap.
 */
@Command(name = "loadbench", description = "Search latency at scale over HTTP vs bare Lucene: java -Xmx1g -jar vanban.jar loadbench "
        + "--corpus /tmp/c100k --data /tmp/d100k [--clients 4] [--rounds 10]")
public class LoadBenchCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, description = "folder of documents (vanban generate writes one)")
    Path corpus;

    @Option(names = "--data", required = true, description = "repository to build (first run) and reuse")
    Path data;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent clients (default 4)")
    int clients;

    @Option(names = "--rounds", defaultValue = "10", description = "measured passes of each client over the query list (default 10)")
    int rounds;

    @Option(names = "--warmup", defaultValue = "80", description = "untimed passes of each client over the query list, "
            + "every side, before any is measured (default 80)")
    int warmup;

    @Option(names = "--pages", description = "time the heavy pages instead (each loaded --rounds times after a warm-up, one "
            + "client): p50, p95 and size of each")
    boolean pages;

    /** The pages staff open most and the heaviest ones, over whatever the repository holds. */
    static final List<String> PAGES = List.of("/", "/?q=ng%C6%B0%E1%BB%9Di+lao+%C4%91%E1%BB%99ng", "/trich-dan",
            "/api/citations/top?limit=200", "/nhiem-vu", "/thoi-han", "/thoi-han?from=2020-01-01&to=2024-12-31",
            "/canh-bao", "/van-ban/1", "/trich-dan/1", "/api/tasks", "/can-cu?doc=1");

    @Option(names = "--solr", description = "serve the searches from this SolrCloud (Solr URLs, comma-separated), filled "
            + "from the repository's database when it holds fewer documents, and time them beside the local index's")
    String solr;

    @Option(names = "--solr-zk", description = "as --solr, the SolrCloud reached through its ZooKeeper (host:port/chroot)")
    String solrZk;

    @Option(names = "--collection", defaultValue = "vanban", description = "the SolrCloud collection (default vanban)")
    String collection;

    @Option(names = "--per-query", description = "also print each query's median, one client, service and bare Lucene")
    boolean perQuery;

    /** Words, unaccented words, phrases, abbreviations, numbers, and filters, as staff type them. */
    public static final List<String> QUERIES = List.of(
            "q=" + enc("chữ ký số"), "q=" + enc("chu ky so"), "q=" + enc("bảo hiểm xã hội"), "q=" + enc("bao hiem y te"),
            "q=" + enc("\"công nghệ thông tin\""), "q=" + enc("kế hoạch phát triển kinh tế - xã hội"),
            "q=" + enc("thủ tục hành chính"), "q=" + enc("TTHC một cửa"), "q=" + enc("UBND tỉnh"), "q=" + enc("CNTT"),
            "q=" + enc("hợp đồng lao động"), "q=" + enc("thuế thu nhập cá nhân"), "q=" + enc("ưu đãi đầu tư"),
            "q=" + enc("người có công với cách mạng"), "q=" + enc("giảm nghèo bền vững"), "q=" + enc("liệt sĩ"),
            "q=" + enc("đào tạo nghề"), "q=" + enc("tiền lương -thưởng"), "q=" + enc("kiểm định OR thẩm định"),
            "q=" + enc("xử phạt vi phạm hành chính"), "q=" + enc("2099/QĐ-UBND"), "q=" + enc("158/2025/NĐ-CP"),
            "q=" + enc("45/2016/QĐ-TTg"), "q=" + enc("báo cáo kết quả") + "&province=" + enc("Bắc Kạn"),
            "q=" + enc("kế hoạch") + "&type=" + enc("Kế hoạch") + "&yearFrom=2020&yearTo=2022",
            "q=" + enc("ngân sách") + "&sort=newest", "q=&province=" + enc("Thái Bình") + "&hasDeadlines=true",
            "q=" + enc("quyết định") + "&field=" + enc("Tài chính, thuế"), "q=" + enc("bảo trợ xã hội trẻ em"),
            "q=" + enc("an toàn thông tin mạng"));

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("micronaut.server.port", -1));
        boolean onSolr = solr != null || solrZk != null;
        if (onSolr) {
            settings.put(solrZk != null ? "vanban.solr.zk" : "vanban.solr.urls", solrZk != null ? solrZk : solr);
            settings.put("vanban.solr.collection", collection);
        }
        try (ApplicationContext ctx = BenchCommand.context(data, settings)) {
            if (!Files.exists(data.resolve("lucene")) || ctx.getBean(DocumentIndex.class).ids().isEmpty()) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(corpus)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                long t0 = System.nanoTime();
                var outcomes = ctx.getBean(BatchIngest.class).run(files, Runtime.getRuntime().availableProcessors(), false, o -> { });
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("ingested %d documents in %.0f s (%.0f docs/s)%n", outcomes.size(), sec, outcomes.size() / sec);
            }
            DocumentIndex index = ctx.getBean(DocumentIndex.class);
            System.out.printf("index: %d documents%n", index.ids().size());
            vn.vanban.solr.SolrSearch onCloud = null;
            if (onSolr) {
                onCloud = ((vn.vanban.solr.SolrSearch) ctx.getBean(vn.vanban.search.DocumentSearch.class)).strict();
                long held = onCloud.search("", 0, 1).total();
                if (held < index.ids().size()) {
                    long t0 = System.nanoTime();
                    int n = ctx.getBean(vn.vanban.solr.SolrReindex.class).run(
                            ctx.getBean(vn.vanban.solr.SolrMirror.class).connection(), id -> { }).sent();
                    double sec = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("SolrCloud filled from the database: %d documents in %.0f s (%.0f docs/s)%n", n, sec, n / sec);
                }
                System.out.printf("searches over HTTP served by %s (%d documents)%n", onCloud.backend(),
                        onCloud.search("", 0, 1).total());
            }
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
            server.start();
            // the heap in use, sampled (per-pool peaks would add up maxima reached at different times)
            java.util.concurrent.atomic.AtomicLong peakHeap = new java.util.concurrent.atomic.AtomicLong();
            java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            if (pages) {
                pageLatency("http://localhost:" + server.getPort());
                return 0;
            }
            String base = "http://localhost:" + server.getPort() + "/api/search?size=10&";
            for (String q : QUERIES) { // a check that every query answers
                int status = get(base + q);
                if (status != 200) {
                    throw new IllegalStateException("query " + q + " answered " + status);
                }
            }
            vn.vanban.search.SearchService service = ctx.getBean(vn.vanban.search.SearchService.class);
            org.apache.lucene.analysis.Analyzer analyzer = DocumentIndex.newAnalyzer(); // one, as the service keeps one
            QueryFactory factory = new QueryFactory(analyzer);
            try (FSDirectory dir = FSDirectory.open(data.resolve("lucene")); DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, DocumentIndex.FACETS);
                Bare bare = new Bare(searcher, state, factory, analyzer);
                Call viaHttp = q -> get(base + q);
                Call inProcess = q -> {
                    service.search(request(q));
                    return 200;
                };
                String staticFile = "http://localhost:" + server.getPort() + "/static/vanban.css";
                // every side warmed up before any is measured, in alternating blocks: the JIT and the page cache serve all
                // of them alike. The HTTP server's own code (Netty, routing, JSON) runs a few times a request, so the
                // compiler takes thousands of requests to reach it: after 12 passes (1,440 requests) an HTTP request
                // still cost 1.4 ms of CPU more than the same search in process, after 80 passes 0.35–0.8 ms.
                vn.vanban.solr.SolrSearch cloud = onCloud;
                Call inProcessSolr = q -> {
                    cloud.search(request(q));
                    return 200;
                };
                // on SolrCloud: HTTP (served by Solr), Solr in process, the local index in process, bare Lucene
                List<Call> compared = onSolr ? List.of(viaHttp, inProcess, bare::search, inProcessSolr)
                        : List.of(viaHttp, inProcess, bare::search);
                for (int done = 0; done < warmup; ) {
                    int block = Math.min(10, warmup - done);
                    for (Call side : compared) {
                        run(clients, block, side);
                    }
                    done += block;
                    System.out.printf("warm-up: %d of %d passes of each side%n", done, warmup);
                }
                // measured in alternating passes (HTTP, service, bare): a drift of the machine's speed over the run
                // weighs on every side alike
                List<Side> measured = new ArrayList<>(interleaved(clients, rounds, compared));
                // the two sides for reference apart, after a warm-up of their own: plain query + top 10 scores every
                // match with the full query, other code than the rest, which the compiler would be recompiling for
                // in the middle of the comparison
                List<Call> reference = List.of(bare::topTen, q -> get(staticFile));
                for (Call side : reference) {
                    run(clients, Math.max(1, warmup / 8), side);
                }
                measured.addAll(interleaved(clients, rounds, reference));
                Percentiles http = measured.get(0).latency();
                Percentiles alone = measured.get(1).latency();
                Percentiles lucene = measured.get(2).latency();
                Percentiles plain = measured.get(onSolr ? 4 : 3).latency();
                Percentiles file = measured.get(onSolr ? 5 : 4).latency();
                System.out.printf("%d clients, %d queries each pass, %d passes%n", clients, QUERIES.size(), rounds);
                System.out.printf("vanban over HTTP (search + facets + snippets, JSON)%s: %s%n", onSolr ? ", SolrCloud" : "", http);
                if (onSolr) {
                    System.out.printf("vanban in process, SolrCloud (SolrSearch, no HTTP)          : %s%n",
                            measured.get(3).latency());
                }
                System.out.printf("vanban in process, local index (SearchService, no HTTP)    : %s%n", alone);
                System.out.printf("bare Lucene, same work (query + facets + top 10 + snippets)  : %s%n", lucene);
                System.out.printf("bare Lucene, query + top 10 only                             : %s%n", plain);
                System.out.printf("HTTP round trip of a small static file (no search)           : %s%n", file);
                System.out.printf("ratio HTTP / bare Lucene same work: p50 %.2f, p99 %.2f%n", http.p50() / lucene.p50(),
                        http.p99() / lucene.p99());
                System.out.printf("CPU a request (whole process, clients included) / cores busy: HTTP %.2f ms / %.2f, "
                        + "in process %.2f ms / %.2f, bare same work %.2f ms / %.2f, static file %.2f ms / %.2f%n",
                        measured.get(0).cpuMsPerRequest(), measured.get(0).coresBusy(), measured.get(1).cpuMsPerRequest(),
                        measured.get(1).coresBusy(), measured.get(2).cpuMsPerRequest(), measured.get(2).coresBusy(),
                        measured.get(onSolr ? 5 : 4).cpuMsPerRequest(), measured.get(onSolr ? 5 : 4).coresBusy());
                if (onSolr) {
                    System.out.printf("SolrCloud / local index in process: p50 %.2f, p99 %.2f (the HTTP layer adds the same "
                            + "to both: over HTTP on the local index ≈ %.2f ms p50)%n", measured.get(3).latency().p50() / alone.p50(),
                            measured.get(3).latency().p99() / alone.p99(), alone.p50() + http.p50() - measured.get(3).latency().p50());
                }
                if (perQuery) {
                    System.out.println("median of 15 runs, one client: service ms, bare Lucene ms, query");
                    for (String q : QUERIES) {
                        long[] a = new long[15];
                        long[] b = new long[15];
                        for (int i = 0; i < a.length; i++) {
                            long t0 = System.nanoTime();
                            inProcess.run(q);
                            a[i] = System.nanoTime() - t0;
                            long t1 = System.nanoTime();
                            bare.search(q);
                            b[i] = System.nanoTime() - t1;
                        }
                        System.out.printf("%7.2f %7.2f  %s%n", Percentiles.of(a).p50(), Percentiles.of(b).p50(),
                                java.net.URLDecoder.decode(q, StandardCharsets.UTF_8));
                    }
                }
            }
            server.stop();
            sampler.interrupt();
            System.out.printf("heap: max %d MB (-Xmx); used, sampled every 20 ms during the queries: peak %d MB%n",
                    Runtime.getRuntime().maxMemory() >> 20, peakHeap.get() >> 20);
        }
        return 0;
    }

    /** Each page of {@link #PAGES}: a warm-up, then {@code rounds} × 10 timed loads by one client; p50, p95 and size. */
    private void pageLatency(String base) throws IOException {
        System.out.printf("%-42s %8s %8s %8s %10s%n", "page", "p50 ms", "p95 ms", "p99 ms", "bytes");
        for (String page : PAGES) {
            for (int i = 0; i < Math.max(3, warmup / 10); i++) {
                get(base + page);
            }
            int n = Math.max(10, rounds * 10);
            long[] t = new long[n];
            long bytes = 0;
            int status = 0;
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                long[] answer = fetch(base + page);
                t[i] = System.nanoTime() - a;
                status = (int) answer[0];
                bytes = answer[1];
            }
            Percentiles p = Percentiles.of(t);
            System.out.printf("%-42s %8.1f %8.1f %8.1f %10d%s%n", page, p.p50(), p.p95(), p.p99(), bytes,
                    status == 200 ? "" : "  (HTTP " + status + ")");
        }
    }

    /**
     * One GET, answer read in full, on the calling thread: a blocking client with kept-alive connections (the JDK's
     * HttpURLConnection), so that the client adds no thread hand-offs of its own to what is measured.
     */
    private static int get(String url) throws IOException {
        return (int) fetch(url)[0];
    }

    /** {@link #get}, with the size of the answer: {status, bytes}. */
    private static long[] fetch(String url) throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        int status = c.getResponseCode();
        long bytes = 0;
        try (java.io.InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                bytes = in.readAllBytes().length; // read to the end, so the connection is kept for the next request
            }
        }
        return new long[] {status, bytes};
    }

    /** The request {@code encoded} asks the HTTP API for. */
    private static vn.vanban.search.SearchRequest request(String encoded) {
        Map<String, String> p = Bare.params(encoded);
        return new vn.vanban.search.SearchRequest(p.getOrDefault("q", ""), p.get("type"), null, p.get("province"),
                p.get("field"), p.containsKey("yearFrom") ? Integer.valueOf(p.get("yearFrom")) : null,
                p.containsKey("yearTo") ? Integer.valueOf(p.get("yearTo")) : null, null, null, null,
                p.containsKey("hasDeadlines") ? Boolean.valueOf(p.get("hasDeadlines")) : null, null,
                vn.vanban.search.SearchRequest.Sort.parse(p.get("sort")), 0, 10);
    }

    @FunctionalInterface
    interface Call {
        int run(String query) throws Exception;
    }

    /** What was measured of one side: its latencies, the process CPU a request cost, and the cores kept busy. */
    private record Side(Percentiles latency, double cpuMsPerRequest, double coresBusy) {
    }

    /**
     * {@code rounds} passes of each side in turn, one pass at a time; the percentiles of each side, with the CPU the
     * whole process (clients included) spent per request and the cores it kept busy while that side ran.
     */
    private static List<Side> interleaved(int clients, int rounds, List<Call> sides) throws Exception {
        List<List<long[]>> samples = new ArrayList<>();
        long[] cpu = new long[sides.size()];
        long[] wall = new long[sides.size()];
        for (int i = 0; i < sides.size(); i++) {
            samples.add(new ArrayList<>());
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < sides.size(); i++) {
                long c0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                samples.get(i).add(times(clients, 1, sides.get(i)));
                wall[i] += System.nanoTime() - w0;
                cpu[i] += os.getProcessCpuTime() - c0;
            }
        }
        List<Side> out = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            long[] all = samples.get(i).stream().flatMapToLong(java.util.Arrays::stream).toArray();
            out.add(new Side(Percentiles.of(all), cpu[i] / 1e6 / all.length, (double) cpu[i] / wall[i]));
        }
        return out;
    }

    private static Percentiles run(int clients, int rounds, Call call) throws Exception {
        return Percentiles.of(times(clients, rounds, call));
    }

    /** Each call's time in nanoseconds: {@code clients} threads, each {@code rounds} times over the query list. */
    private static long[] times(int clients, int rounds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c * 7; // clients walk the list from different places
                futures.add(pool.submit(() -> {
                    long[] t = new long[rounds * QUERIES.size()];
                    int k = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < QUERIES.size(); i++) {
                            String q = QUERIES.get((i + offset) % QUERIES.size());
                            long a = System.nanoTime();
                            int status = call.run(q);
                            t[k++] = System.nanoTime() - a;
                            if (status != 200) {
                                throw new IllegalStateException(q + " answered " + status);
                            }
                        }
                    }
                    return t;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            return all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        } finally {
            pool.shutdown();
        }
    }

    /** The same Lucene work as a search request, through Lucene's API alone. */
    private record Bare(IndexSearcher searcher, SortedSetDocValuesReaderState state, QueryFactory factory,
                        org.apache.lucene.analysis.Analyzer analyzer) {

        int search(String encoded) throws Exception {
            Map<String, String> p = params(encoded);
            String q = p.getOrDefault("q", "");
            Query base = q.isBlank() ? new org.apache.lucene.search.MatchAllDocsQuery() : factory.build(q);
            // each term looked up once for all passes, as the service does
            vn.vanban.search.SharedTermStates terms = new vn.vanban.search.SharedTermStates(searcher);
            DrillDownQuery ddq = new DrillDownQuery(DocumentIndex.FACETS, q.isBlank() ? base
                    : vn.vanban.search.SearchService.matchingQuery(factory, terms, q));
            for (String dim : List.of("type", "province", "field")) {
                if (p.containsKey(dim)) {
                    ddq.add(dim, p.get(dim));
                }
            }
            if (p.containsKey("hasDeadlines")) {
                ddq.add(IndexFields.FACET_DEADLINES, "yes");
            }
            Query query = ddq;
            if (p.containsKey("yearFrom")) {
                query = new org.apache.lucene.search.BooleanQuery.Builder()
                        .add(ddq, org.apache.lucene.search.BooleanClause.Occur.MUST)
                        .add(org.apache.lucene.document.IntPoint.newRangeQuery(IndexFields.YEAR_POINT,
                                Integer.parseInt(p.get("yearFrom")), Integer.parseInt(p.get("yearTo"))),
                                org.apache.lucene.search.BooleanClause.Occur.FILTER).build();
            }
            boolean byDate = q.isBlank() || "newest".equals(p.get("sort"));
            org.apache.lucene.search.SortField date = new org.apache.lucene.search.SortField(IndexFields.DATE_SORT,
                    org.apache.lucene.search.SortField.Type.LONG, true);
            date.setMissingValue(Long.MIN_VALUE);
            vn.vanban.search.SearchService.FirstPass fr = byDate
                    ? vn.vanban.search.SearchService.FirstPass.of(FacetsCollectorManager.search(searcher, query, 10,
                            new org.apache.lucene.search.Sort(date, org.apache.lucene.search.SortField.FIELD_SCORE), true,
                            new FacetsCollectorManager()))
                    : vn.vanban.search.SearchService.firstPass(searcher, query, vn.vanban.search.SearchService.RESCORE_WINDOW, terms);
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fr.facetsCollector());
            for (String dim : IndexFields.FACETS) {
                try {
                    counts.getTopChildren(vn.vanban.search.SearchService.FACET_VALUES, dim);
                } catch (IllegalArgumentException e) {
                    // dimension absent
                }
            }
            if (!byDate) {
                base = vn.vanban.search.SearchService.rankingQuery(factory, searcher, q, fr.topDocs().scoreDocs);
            }
            TopDocs top = byDate ? fr.topDocs()
                    : vn.vanban.search.SearchService.rescorer(terms.apply(base)).rescore(searcher, fr.topDocs(), 10);
            if (!q.isBlank() && top.scoreDocs.length > 0) {
                int[] ids = new int[top.scoreDocs.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = top.scoreDocs[i].doc;
                }
                vn.vanban.search.SearchService.snippets(searcher, analyzer, base, ids);
            }
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc, vn.vanban.search.SearchService.HIT_FIELDS);
                d.get(IndexFields.DOC_SUBJECT);
            }
            return 200;
        }

        int topTen(String encoded) throws Exception {
            String q = params(encoded).getOrDefault("q", "");
            searcher.search(q.isBlank() ? new org.apache.lucene.search.MatchAllDocsQuery() : factory.build(q), 10);
            // (the full query, no facets: what a search engine without facets would run)
            return 200;
        }

        private static Map<String, String> params(String encoded) {
            Map<String, String> p = new HashMap<>();
            for (String kv : encoded.split("&")) {
                int eq = kv.indexOf('=');
                p.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return p;
        }
    }
}
