package vn.vanban.bench;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.sax.BodyContentHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.vanban.config.Contexts;
import vn.vanban.index.DocumentIndex;
import vn.vanban.index.IndexedDocument;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.search.QueryFactory;
import vn.vanban.search.SearchService;

/**
 * Measures Vanban against the bare libraries in one run, in a temporary data directory (the repository is not
 * touched): end-to-end ingest of a text corpus vs bare Lucene indexing the same texts with the same analyzer, fields
 * and threads; Tika parse alone vs ingest of office files; search latency vs bare Lucene running the same queries.
 */
@Command(name = "bench", description = "Benchmarks: ingest vs bare Lucene, Tika parse vs ingest, search latency. Prints figures.")
public class BenchCommand implements Callable<Integer> {

    /** A fixed query list: words with and without diacritics, phrases, numbers. */
    static final List<String> QUERIES = List.of(
            "bảo hiểm xã hội", "bao hiem xa hoi", "hợp đồng lao động", "hop dong lao dong", "thuế thu nhập cá nhân",
            "thue thu nhap ca nhan", "công đoàn cơ sở", "ưu đãi đầu tư", "uu dai dau tu", "doanh nghiệp nhỏ và vừa",
            "74/2025/NĐ-CP", "70/2015/ND-CP", "Luật Bảo hiểm y tế", "người lao động", "quyết định", "quyet dinh",
            "trợ cấp thất nghiệp", "khấu trừ thuế", "hộ kinh doanh", "chính sách hỗ trợ", "mức lương tối thiểu",
            "thời hạn nộp hồ sơ", "Bộ Lao động - Thương binh và Xã hội", "bo tai chinh", "hiệu lực thi hành",
            "kinh phí công đoàn", "hợp đồng kinh tế", "giao khoán", "quy định chi tiết", "thong tu huong dan");

    @Option(names = "--corpus", description = "folder of texts to ingest, e.g. ../shared/corpus/gazette (without it, only --office runs)")
    Path corpus;

    @Option(names = "--office", description = "folder of office files for Tika vs ingest, e.g. ../shared/corpus/dev-office")
    Path office;

    @Option(names = "--threads", description = "workers for ingest and for bare Lucene (default: cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--rounds", description = "passes over the query list (default 20)")
    int rounds = 20;

    @Option(names = "--passes", description = "timed passes over the corpus for each side, after the warm-up (default 5; the medians are reported)")
    int passes = 5;

    @Option(names = "--warmup", description = "untimed passes over the corpus for each side first (default 12: code that runs "
            + "once a document or a group reaches the optimizing compiler only after thousands of documents; after 6 passes "
            + "over the gazette the compilers still took 0.2-1.3 s of CPU in each timed ingest pass, after 12 0.1-0.7 s)")
    int warmup = 12;

    /** One timed pass of either side. */
    private record Timing(double seconds, double cpu, double jit) {
    }

    /** Measures {@code work}: wall time, CPU time of the whole process, time the JIT compilers spent within it. */
    private static Timing timed(ThrowingRunnable work) throws Exception {
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        double jit0 = jitSeconds();
        work.run();
        return new Timing((System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0, jitSeconds() - jit0);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * The ingest side: one repository on the embedded database, open for the whole run as in a running server, emptied
     * (untimed) before every pass but the first, so that each pass ingests the whole corpus into an empty repository.
     */
    private final class Repository implements AutoCloseable {
        final ApplicationContext context;
        private final BatchIngest batch;
        private final List<Path> files;
        private final int workers;
        private int made;
        private long added = -1;
        long failed;

        Repository(Path dir, List<Path> files) {
            this(dir, files, threads);
        }

        Repository(Path dir, List<Path> files, int workers) {
            this.context = context(dir);
            this.batch = context.getBean(BatchIngest.class); // the pipeline's beans are built before any timing
            this.files = files;
            this.workers = workers;
        }

        Timing pass() throws Exception {
            if (made++ > 0) {
                empty(context);
            }
            List<List<IngestOutcome>> out = new ArrayList<>();
            Timing t = timed(() -> out.add(batch.run(files, workers, false, o -> { })));
            long a = out.get(0).stream().filter(o -> o.status() == IngestOutcome.Status.ADDED).count();
            if (added >= 0 && a != added) {
                throw new IllegalStateException("an ingest pass added " + a + " documents, the first " + added
                        + ": the repository was not empty");
            }
            added = a;
            failed = out.get(0).stream().filter(o -> o.status() == IngestOutcome.Status.FAILED).count();
            return t;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** The bare Lucene side, kept open like the repository: one writer, emptied (untimed) before every pass but the first. */
    private final class Bare implements AutoCloseable {
        final Path dir;
        private final FSDirectory directory;
        private final IndexWriter writer;
        private final List<String> texts;
        private int made;

        Bare(Path dir, List<String> texts) throws IOException {
            this.dir = dir;
            this.texts = texts;
            this.directory = FSDirectory.open(dir);
            this.writer = new IndexWriter(directory, new IndexWriterConfig(DocumentIndex.newAnalyzer()).setRAMBufferSizeMB(64));
        }

        Timing pass() throws Exception {
            if (made++ > 0) {
                writer.deleteAll();
                writer.commit();
            }
            return timed(() -> index(writer, texts));
        }

        @Override
        public void close() throws IOException {
            writer.close();
            directory.close();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    @Override
    public Integer call() throws Exception {
        if (passes < 1 || threads < 1 || warmup < 0) {
            System.err.println("--passes and --threads must be at least 1, --warmup at least 0");
            return 2;
        }
        if (corpus == null && office == null) {
            System.err.println("Cần --corpus (văn bản), --office (tệp văn phòng) hoặc cả hai.");
            return 2;
        }
        Path work = Files.createTempDirectory("vanban-bench");
        try {
            if (corpus != null) {
                corpusIngest(work);
            }
            if (office != null) {
                officeParse(work);
            }
        } finally {
            delete(work);
        }
        return 0;
    }

    private void corpusIngest(Path work) throws Exception {
        List<Path> files = list(corpus, p -> p.toString().endsWith(".txt"));
        long bytes = 0;
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            bytes += b.length;
            texts.add(new String(b, StandardCharsets.UTF_8));
        }
        double mb = bytes / 1e6;
        System.out.printf("corpus: %d files, %.1f MB, %d threads, %d cores%n", files.size(), mb, threads,
                Runtime.getRuntime().availableProcessors());
        try (Bare bare = new Bare(work.resolve("lucene"), texts); Repository repo = new Repository(work.resolve("ingest"), files)) {
            // whole passes of each side first, not timed: the ingest side runs far more code (Tika, H2, the
            // extractors) than bare Lucene, and a short warm-up left the compiler busy for the whole timed ingest
            System.out.printf("warm-up: %d untimed passes of each side, then %d timed passes of each, alternating; each "
                    + "side open throughout (a running server), emptied before each pass%n", warmup, passes);
            for (int w = 0; w < warmup; w++) {
                bare.pass();
                repo.pass();
            }
            double[] luceneSec = new double[passes];
            double[] luceneCpu = new double[passes];
            double[] ingestSec = new double[passes];
            double[] ingestCpu = new double[passes];
            for (int pass = 0; pass < passes; pass++) {
                Timing l = bare.pass();
                Timing i = repo.pass();
                luceneSec[pass] = l.seconds();
                luceneCpu[pass] = l.cpu();
                ingestSec[pass] = i.seconds();
                ingestCpu[pass] = i.cpu();
                System.out.printf("  pass %d: bare Lucene %.2f s (CPU %.2f s, compiler %.2f s), vanban ingest %.2f s (CPU %.2f s, "
                        + "compiler %.2f s), ratio %.2f%n", pass + 1, l.seconds(), l.cpu(), l.jit(), i.seconds(), i.cpu(),
                        i.jit(), l.seconds() / i.seconds());
            }
            double l = median(luceneSec);
            double i = median(ingestSec);
            System.out.printf("bare Lucene index : %7.1f docs/s %6.2f MB/s (median %.2f s, CPU %.2f s)%n", files.size() / l,
                    mb / l, l, median(luceneCpu));
            System.out.printf("vanban ingest     : %7.1f docs/s %6.2f MB/s (median %.2f s, CPU %.2f s, %d failed; parse+normalize+extract+store+index, embedded H2)%n",
                    files.size() / i, mb / i, i, median(ingestCpu), repo.failed);
            System.out.printf("ingest / bare Lucene throughput: %.2f%n", l / i);
            fresh(files, texts, work, mb);
            searchLatency(repo.context, bare.dir);
            extraction(repo.context, texts);
        }
    }

    /**
     * One more pass of each side into a new index and a new repository (database file, index and originals created
     * as the pass goes), printed beside the running figures: what a first ingest costs on top.
     */
    private void fresh(List<Path> files, List<String> texts, Path work, double mb) throws Exception {
        Timing l = timed(() -> {
            try (FSDirectory d = FSDirectory.open(work.resolve("lucene-new"));
                 IndexWriter w = new IndexWriter(d, new IndexWriterConfig(DocumentIndex.newAnalyzer()).setRAMBufferSizeMB(64))) {
                index(w, texts);
            }
        });
        try (Repository repo = new Repository(work.resolve("ingest-new"), files)) {
            Timing i = repo.pass();
            System.out.printf("into a new index / a new repository: bare Lucene %.2f s, vanban ingest %.2f s (%.1f docs/s, "
                    + "%.2f MB/s, CPU %.2f s, compiler %.2f s), ratio %.2f%n", l.seconds(), i.seconds(), files.size() / i.seconds(),
                    mb / i.seconds(), i.cpu(), i.jit(), l.seconds() / i.seconds());
        }
    }

    /** Indexes {@code texts} with {@code threads} threads and commits. */
    private void index(IndexWriter w, List<String> texts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                int id = i;
                done.add(pool.submit(() -> {
                    w.addDocument(DocumentIndex.toLucene(IndexedDocument.textOnly(id, texts.get(id))));
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        w.commit();
    }

    /** Empties the repository of {@code ctx} (untimed, between passes): its rows, both indexes, the originals. */
    private static void empty(ApplicationContext ctx) throws Exception {
        Path dataDir = ctx.getBean(vn.vanban.config.VanbanConfig.class).dataDir();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(Contexts.embeddedUrl(dataDir), "sa", "");
             java.sql.Statement s = c.createStatement()) {
            for (String table : List.of("citation", "relation", "validity", "validity_correction", "task", "deadline",
                    "correction", "document_text", "cited_document", "ingest_failure", "document")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        for (var index : List.of(ctx.getBean(DocumentIndex.class), ctx.getBean(vn.vanban.index.ItemIndex.class))) {
            index.deleteAll();
            index.commit();
        }
        if (Files.exists(dataDir.resolve("originals"))) {
            delete(dataDir.resolve("originals"));
        }
    }

    private void searchLatency(ApplicationContext ctx, Path luceneDir) throws IOException {
        SearchService search = ctx.getBean(SearchService.class);
        QueryFactory factory = new QueryFactory(DocumentIndex.newAnalyzer());
        try (FSDirectory dir = FSDirectory.open(luceneDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher bare = new IndexSearcher(reader);
            for (String q : QUERIES) { // warm-up
                search.search(q, 0, 10);
                bare.search(factory.build(q), 10);
            }
            long[] ours = new long[rounds * QUERIES.size()];
            long[] lucene = new long[rounds * QUERIES.size()];
            int k = 0;
            for (int r = 0; r < rounds; r++) {
                for (String q : QUERIES) {
                    long a = System.nanoTime();
                    search.search(q, 0, 10);
                    ours[k] = System.nanoTime() - a;
                    long b = System.nanoTime();
                    Query query = factory.build(q);
                    bare.search(query, 10);
                    lucene[k++] = System.nanoTime() - b;
                }
            }
            Percentiles o = Percentiles.of(ours);
            Percentiles l = Percentiles.of(lucene);
            System.out.printf("search, vanban (query + top 10 + snippets): %s%n", o);
            System.out.printf("search, bare Lucene (same query, top 10)  : %s%n", l);
            System.out.printf("search p50 ratio vanban / bare Lucene: %.2f%n", o.p50() / Math.max(l.p50(), 1e-6));
        }
    }

    /** Citation and metadata extraction alone, one thread, over the normalized texts; regex baseline for scale. */
    private void extraction(ApplicationContext ctx, List<String> raw) {
        var normalizer = ctx.getBean(vn.vanban.normalize.TextNormalizer.class);
        var metadata = ctx.getBean(vn.vanban.extract.MetadataExtractor.class);
        var citations = ctx.getBean(vn.vanban.citation.CitationExtractor.class);
        List<String> texts = raw.stream().map(normalizer::normalize).toList();
        long chars = texts.stream().mapToLong(String::length).sum();
        long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        int found = 0;
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) { // best of three passes, after the first warms up
            long t0 = System.nanoTime();
            found = 0;
            for (String t : texts) {
                found += citations.extract(t, metadata.extract(t)).size();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (pass > 0) {
                best = Math.min(best, s);
            }
        }
        // the bare regex doing the least of the same work: finding every number-like token
        java.util.regex.Pattern bare = java.util.regex.Pattern.compile("\\d{1,5}(?:/\\d{4})?/[A-ZĐ][A-ZĐa-z0-9&-]*");
        long t1 = System.nanoTime();
        int bareHits = 0;
        for (String t : texts) {
            var m = bare.matcher(t);
            while (m.find()) {
                bareHits++;
            }
        }
        double bareSec = (System.nanoTime() - t1) / 1e9;
        System.out.printf("extraction (metadata + citations), 1 thread: %.1f MB/s, %.0f cited documents/s (%d in %.1f MB of %,d chars)%n",
                bytes / 1e6 / best, found / best, found, bytes / 1e6, chars);
        System.out.printf("bare number regex, 1 thread              : %.1f MB/s (%d hits)%n", bytes / 1e6 / bareSec, bareHits);
    }

    private void officeParse(Path work) throws Exception {
        List<Path> files = list(office, p -> !p.toString().contains("/scanned/"));
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        AutoDetectParser tika = new AutoDetectParser();
        ParseContext noOcr = new ParseContext(); // the same work as Vanban's first pass: text layers, no OCR
        org.apache.tika.parser.ocr.TesseractOCRConfig ocr = new org.apache.tika.parser.ocr.TesseractOCRConfig();
        ocr.setSkipOcr(true);
        noOcr.set(org.apache.tika.parser.ocr.TesseractOCRConfig.class, ocr);
        org.apache.tika.parser.pdf.PDFParserConfig pdf = new org.apache.tika.parser.pdf.PDFParserConfig();
        pdf.setOcrStrategy(org.apache.tika.parser.pdf.PDFParserConfig.OCR_STRATEGY.NO_OCR);
        noOcr.set(org.apache.tika.parser.pdf.PDFParserConfig.class, pdf);
        // Each side is warmed by untimed passes over every file (--warmup), then timed passes (--passes) alternate; each
        // side stays open throughout, as in a running server: Tika's classes in this JVM, the ingest's parser children
        // (office files are parsed in child JVMs, kept warm across files) and its repository, emptied (untimed) before
        // each pass. CPU is counted for the whole work: this JVM's (compilers and collectors included) and, for the
        // ingest, its parser children's.
        try (Repository repo = new Repository(work.resolve("office"), files, 1)) {
            System.out.printf("office files (%d, %.1f MB, no scans), 1 thread, %d untimed passes of each side, then %d "
                    + "timed, alternating:%n", files.size(), bytes / 1e6, warmup, passes);
            double[] tikaSec = new double[passes];
            double[] tikaCpu = new double[passes];
            double[] ingestSec = new double[passes];
            double[] ingestCpu = new double[passes];
            double[] childCpu = new double[passes];
            for (int pass = -warmup; pass < passes; pass++) {
                Timing t = timed(() -> {
                    for (Path f : files) {
                        try (var in = Files.newInputStream(f)) {
                            tika.parse(in, new BodyContentHandler(-1), new Metadata(), noOcr);
                        }
                    }
                });
                double children = childrenCpuSeconds();
                Timing i = repo.pass();
                children = childrenCpuSeconds() - children;
                if (pass >= 0) {
                    tikaSec[pass] = t.seconds();
                    tikaCpu[pass] = t.cpu();
                    ingestSec[pass] = i.seconds();
                    ingestCpu[pass] = i.cpu();
                    childCpu[pass] = children;
                    System.out.printf("  pass %d: bare Tika %.2f s (CPU %.2f s), vanban ingest %.2f s (CPU %.2f s here + "
                            + "%.2f s in parser children), ratio %.2f%n", pass + 1, t.seconds(), t.cpu(), i.seconds(), i.cpu(),
                            children, t.seconds() / i.seconds());
                }
            }
            double t = median(tikaSec);
            double i = median(ingestSec);
            System.out.printf("  bare Tika parse : %6.1f files/s %6.2f MB/s (median %.2f s, CPU %.2f s)%n", files.size() / t,
                    bytes / 1e6 / t, t, median(tikaCpu));
            System.out.printf("  vanban ingest   : %6.1f files/s %6.2f MB/s (median %.2f s, CPU %.2f s + %.2f s in parser "
                    + "children, %d failed; parse in a child JVM, up to a group of files ahead of normalize, extract, store, index)%n",
                    files.size() / i, bytes / 1e6 / i, i, median(ingestCpu), median(childCpu), repo.failed);
            System.out.printf("  ingest / bare Tika throughput: %.2f (CPU: %.2f)%n", t / i,
                    median(tikaCpu) / (median(ingestCpu) + median(childCpu)));
            breakdown(repo.context, files);
        }
    }

    /**
     * Where an ingest's time goes, file by file through the same beans (one more pass, untimed above): the parse in
     * the child JVM, the analysis (normalize and extract), the Lucene indexing of what the analysis gives (into a
     * scratch index with the product's analyzer and fields). A batch parses the next files while its worker does the
     * rest, so these are not parts of the ingest's time to subtract from it.
     */
    private static void breakdown(ApplicationContext context, List<Path> files) throws Exception {
        var parser = context.getBean(vn.vanban.parse.IsolatedParser.class);
        var analysis = context.getBean(vn.vanban.analysis.DocumentAnalysis.class);
        long parseNs = 0;
        long analysisNs = 0;
        long indexNs = 0;
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory();
             var writer = new IndexWriter(dir, new IndexWriterConfig(DocumentIndex.newAnalyzer()).setRAMBufferSizeMB(64))) {
            long id = 0;
            for (Path f : files) {
                long t0 = System.nanoTime();
                vn.vanban.parse.ParsedText parsed;
                try {
                    parsed = parser.parse(Files.readAllBytes(f), f.getFileName().toString());
                } catch (Exception e) {
                    continue;
                }
                long t1 = System.nanoTime();
                var r = analysis.run(parsed.text());
                long t2 = System.nanoTime();
                var m = r.meta();
                writer.addDocument(DocumentIndex.toLucene(new vn.vanban.index.IndexedDocument(++id, r.normalized(),
                        m.number(), m.type(), m.subject(), m.date() == null ? null : m.date().toString(), m.issuer(),
                        f.getFileName().toString(), List.of(), null, null, m.draft(), !r.work().deadlines().isEmpty(), null, List.of())));
                long t3 = System.nanoTime();
                parseNs += t1 - t0;
                analysisNs += t2 - t1;
                indexNs += t3 - t2;
            }
            long t4 = System.nanoTime();
            writer.commit();
            indexNs += System.nanoTime() - t4;
        }
        double p = parseNs / 1e9;
        double a = analysisNs / 1e9;
        double x = indexNs / 1e9;
        // file by file, measured: in a batch the parse of the next files overlaps the worker's work on the ones before,
        // so these do not add up to the ingest's time, and what storing takes is not read off as a remainder
        System.out.printf("  where the work goes (one more pass, file by file): parse in child JVM %.2f s; in process "
                + "analysis %.2f s, Lucene %.2f s (a batch parses the next files while the worker does these, stores "
                + "and commits)%n", p, a, x);
    }

    /**
     * CPU time of this process's children so far (the parser JVMs): those alive, plus, on Linux, those that have
     * exited (a child is replaced after {@code vanban.parse.files-per-worker} files), from /proc/self/stat.
     */
    private static double childrenCpuSeconds() {
        double alive = ProcessHandle.current().children()
                .mapToDouble(h -> h.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum();
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command's closing parenthesis: state is field 3; cutime and cstime are fields 16 and 17
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return alive + (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // USER_HZ
        } catch (IOException | RuntimeException e) {
            return alive;
        }
    }

    /** Time the JIT compilers have spent so far (their threads run beside the work and share the cores with it). */
    private static double jitSeconds() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
    }

    /** CPU time of the whole process so far (every thread: workers, merges, garbage collection, compilers). */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    public static ApplicationContext context(Path dataDir) {
        return context(dataDir, Map.of());
    }

    /** A repository on the embedded database under {@code dataDir}, not watching, OCR off, plus {@code extra}. */
    public static ApplicationContext context(Path dataDir, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(embedded(dataDir));
        p.putAll(extra);
        p.put("vanban.watch", false);
        p.put("vanban.parse.ocr-enabled", false);
        return Contexts.builder(true, p).start();
    }

    /** The settings of a repository on the embedded database under {@code dataDir}. */
    public static Map<String, Object> embedded(Path dataDir) {
        return Map.of("vanban.data-dir", dataDir.toString(), "datasources.default.url", Contexts.embeddedUrl(dataDir),
                "datasources.default.username", "sa", "datasources.default.password", "");
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(keep).sorted().toList();
        }
    }

    static void delete(Path dir) throws IOException {
        org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
    }
}
