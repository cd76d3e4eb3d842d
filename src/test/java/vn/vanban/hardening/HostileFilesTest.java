package vn.vanban.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.index.DocumentIndex;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.parse.DocumentParser;
import vn.vanban.parse.IsolatedParser;
import vn.vanban.parse.ParseConfig;
import vn.vanban.parse.ParseFailure;
import vn.vanban.parse.ParsedText;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchService;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.FailureRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** A thousand hostile files with good ones mixed in, and the child-JVM parser's limits, on real parsers. */
@org.junit.jupiter.api.Tag("slow")
class HostileFilesTest {

    static HostileFiles generator() throws java.io.IOException {
        List<String> texts = Fixtures.files("dev").stream().map(p -> {
            try {
                return Files.readString(p);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        return new HostileFiles(texts, Fixtures.bytes("dev-office/odt/000_dfb5246ff8e502db.odt"), 200L << 20);
    }

    @Test
    // a guard against a hang, not a budget: about 5 minutes on two cores, more than 15 pinned to one busy core
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void aThousandHostileFilesCostNothingButThemselves(@TempDir Path dir) throws Exception {
        try (TestApp app = TestApp.start(Databases.H2)) {
            HostileRun run = HostileRun.run(generator(), app.bean(BatchIngest.class), dir, 1000, 7, 2);
            run.report().forEach(System.out::println);
            assertEquals(List.of(), run.violations());
            assertEquals(1000, run.ingested() + run.failed());
            // every refused file is on the failures list with its reason; every stored one in the index too
            long docs = app.bean(DocumentRepository.class).count();
            assertEquals(run.ingested(), docs);
            // failures are kept once per distinct bytes (or per path when the file was never read)
            java.util.Set<String> refused = new java.util.HashSet<>();
            for (var o : run.outcomes()) {
                if (o.status() == vn.vanban.ingest.IngestOutcome.Status.FAILED) {
                    Path p = Path.of(o.source());
                    refused.add(Files.size(p) > 32 << 20 ? o.source() : vn.vanban.store.BlobStore.sha256(Files.readAllBytes(p)));
                }
            }
            assertEquals(refused.size(), app.bean(FailureRepository.class).count());
            assertEquals(docs, app.bean(DocumentIndex.class).ids().size());
            assertTrue(run.failed() > 250, "the bad files were refused: " + run.failed());
            assertTrue(run.reasons().get("encrypted-pdf").startsWith("ENCRYPTED"), run.reasons().toString());
            assertTrue(run.reasons().get("huge-file").startsWith("TOO_LARGE"), run.reasons().toString());
            assertTrue(run.reasons().get("control-name").startsWith("UNSAFE_NAME"), run.reasons().toString());
            assertTrue(run.reasons().get("empty").startsWith("EMPTY"), run.reasons().toString());
            // and the service still answers: a good DOCX is found by its words
            var hits = app.bean(SearchService.class).search(SearchRequest.of("Bản số 2", 0, 5));
            assertTrue(hits.total() > 0);
        }
    }

    static IsolatedParser isolated(ParseConfig config) {
        return new IsolatedParser(config, new DocumentParser(config.inProcess()));
    }

    @Test
    void childJvmGivesWhatTheParserGivesInProcess() throws Exception {
        ParseConfig config = new ParseConfig(10_000_000, false, "vie", 300, true, 120, 512, 1, 3);
        try (IsolatedParser parser = isolated(config)) {
            DocumentParser local = new DocumentParser(config.inProcess());
            for (Path p : Fixtures.files("dev-office/docx")) {
                byte[] b = Files.readAllBytes(p);
                ParsedText a = parser.parse(b, p.getFileName().toString());
                ParsedText e = local.parse(b, p.getFileName().toString());
                assertEquals(e, a, p.toString());
            }
            ParseFailure encrypted = assertThrows(ParseFailure.class, () -> parser.parse(HostileFiles.encryptedPdf(1), "x.pdf"));
            assertEquals(ParseFailure.Kind.ENCRYPTED, encrypted.kind());
        }
    }

    @Test
    void aParserPastItsTimeIsStoppedAndTheNextFileParses() throws Exception {
        // OCR of a scanned page takes seconds: with a one-second limit the child is stopped
        ParseConfig config = new ParseConfig(10_000_000, true, "vie", 300, true, 2, 512, 1, 100);
        java.util.Set<Path> before = parserTempDirs();
        java.util.Set<Path> tikaBefore = tikaTempFiles();
        try (IsolatedParser parser = isolated(config)) {
            byte[] scan = Fixtures.bytes("dev-office/scanned/003_c24bcc14e8e31b22.scanned.pdf");
            ParseFailure f = assertThrows(ParseFailure.class, () -> parser.parse(scan, "scan.pdf"));
            assertEquals(ParseFailure.Kind.TIMEOUT, f.kind(), f.getMessage());
            assertTrue(f.getMessage().contains("vanban.parse.timeout-seconds"));
            // the child stopped mid-OCR could not delete its copies of the scan: its temporary directory went with it
            assertEquals(java.util.Set.of(), newDirs(before), "no temporary files left by the stopped child");
            java.util.Set<Path> tika = tikaTempFiles();
            tika.removeAll(tikaBefore);
            assertEquals(java.util.Set.of(), tika, "none in the shared temporary directory either");
            byte[] docx = HostileFiles.docx("Quyết định số 5/QĐ-UBND");
            assertTrue(parser.parse(docx, "a.docx").text().contains("Quyết định số 5/QĐ-UBND"));
            assertEquals(1, newDirs(before).size(), "the live child's temporary directory");
        }
        assertEquals(java.util.Set.of(), newDirs(before), "a child closed takes its temporary directory with it");
    }

    /** The temporary directories of this process's parser children. */
    static java.util.Set<Path> parserTempDirs() throws java.io.IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            String mine = "vanban-parse-" + ProcessHandle.current().pid() + "-";
            return s.filter(p -> p.getFileName().toString().startsWith(mine)).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Tika's temporary files in the shared temporary directory. */
    static java.util.Set<Path> tikaTempFiles() throws java.io.IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("apache-tika-"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    static java.util.Set<Path> newDirs(java.util.Set<Path> before) throws java.io.IOException {
        java.util.Set<Path> now = new java.util.HashSet<>(parserTempDirs());
        now.removeAll(before);
        return now;
    }

    @Test
    void theTemporaryDirectoriesOfAParentThatDiedAreSwept(@TempDir Path tmp) throws Exception {
        // a process id that no process has now: the pid of a child that has ended
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        Path dead = Files.createDirectories(tmp.resolve("vanban-parse-" + gone.pid() + "-1/x"));
        Files.writeString(dead.resolve("apache-tika-1.tmp"), "left by a killed child");
        Path live = Files.createDirectories(tmp.resolve("vanban-parse-" + ProcessHandle.current().pid() + "-2"));
        Path other = Files.createDirectories(tmp.resolve("vanban-parse-notapid"));
        IsolatedParser.sweepTempDirs(tmp);
        assertFalse(Files.exists(dead.getParent()), "the dead parent's directory is deleted");
        assertTrue(Files.exists(live), "a live process's directory stays");
        assertTrue(Files.exists(other), "a directory not named by a process id stays");
    }

    @Test
    void aParserOutOfMemoryCostsOneFile() throws Exception {
        ParseConfig config = new ParseConfig(200_000_000, false, "vie", 300, true, 300, 64, 1, 100);
        try (IsolatedParser parser = isolated(config)) {
            String para = "<p>Ủy ban nhân dân tỉnh giao các sở, ban, ngành thực hiện nhiệm vụ trước ngày 20/7/2023.</p>\n";
            byte[] html = ("<html><body>" + para.repeat(400_000) + "</body></html>").getBytes(StandardCharsets.UTF_8);
            ParseFailure f = assertThrows(ParseFailure.class, () -> parser.parse(html, "big.html"));
            assertEquals(ParseFailure.Kind.OUT_OF_MEMORY, f.kind(), f.getMessage());
            assertEquals(1, parser.started(), "a fresh child that runs out of memory is not tried again");
            byte[] docx = HostileFiles.docx("Kế hoạch số 7/KH-UBND");
            assertTrue(parser.parse(docx, "a.docx").text().contains("Kế hoạch số 7/KH-UBND"));
        }
    }

    @Test
    void aFileThatAUsedParserRunsOutOfMemoryOnIsTriedOnceInAFreshOne() throws Exception {
        ParseConfig config = new ParseConfig(200_000_000, false, "vie", 300, true, 300, 64, 1, 100);
        try (IsolatedParser parser = isolated(config)) {
            assertTrue(parser.parse(HostileFiles.docx("Kế hoạch số 7/KH-UBND"), "a.docx").text().contains("7/KH-UBND"));
            assertEquals(1, parser.started());
            String para = "<p>Ủy ban nhân dân tỉnh giao các sở, ban, ngành thực hiện nhiệm vụ trước ngày 20/7/2023.</p>\n";
            byte[] html = ("<html><body>" + para.repeat(400_000) + "</body></html>").getBytes(StandardCharsets.UTF_8);
            // the child that parsed the first file runs out of memory: what it kept from before might be the cause,
            // so a fresh child gets the file once more, and runs out of memory too: now the file is the cause
            ParseFailure f = assertThrows(ParseFailure.class, () -> parser.parse(html, "big.html"));
            assertEquals(ParseFailure.Kind.OUT_OF_MEMORY, f.kind(), f.getMessage());
            assertEquals(2, parser.started(), "the first child and the fresh one that parsed the file again");
            assertTrue(parser.parse(HostileFiles.docx("Báo cáo số 9/BC-UBND"), "b.docx").text().contains("9/BC-UBND"));
        }
    }

    @Test
    void aParserProcessThatDiesCostsOneFile() throws Exception {
        ParseConfig config = new ParseConfig(10_000_000, true, "vie", 300, true, 300, 512, 1, 100);
        try (IsolatedParser parser = isolated(config)) {
            byte[] scan = Fixtures.bytes("dev-office/scanned/004_cb4c592277384d8b.scanned.pdf");
            CompletableFuture<ParsedText> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return parser.parse(scan, "scan.pdf");
                } catch (ParseFailure e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            List<Long> pids = List.of();
            for (int i = 0; i < 300 && pids.isEmpty(); i++) {
                Thread.sleep(100);
                pids = parser.workerPids();
            }
            assertEquals(1, pids.size(), "a parser process runs");
            Thread.sleep(2000); // past its start-up, into the OCR
            ProcessHandle.of(pids.get(0)).orElseThrow().destroyForcibly();
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> running.get(60, TimeUnit.SECONDS));
            ParseFailure f = (ParseFailure) e.getCause();
            assertEquals(ParseFailure.Kind.CRASHED, f.kind(), f.getMessage());
            assertFalse(f.getMessage().isBlank());
            assertTrue(parser.parse(HostileFiles.docx("Báo cáo số 9/BC-UBND"), "b.docx").text().contains("9/BC-UBND"));
        }
    }

    @Test
    void generatorIsDeterministic(@TempDir Path a, @TempDir Path b) throws Exception {
        HostileFiles g = generator();
        var x = g.write(a, 60, 3);
        var y = g.write(b, 60, 3);
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i).kind().equals("encrypted-pdf")) {
                continue; // PDF encryption draws a fresh random salt by design
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(x.get(i).path()),
                    Files.readAllBytes(y.get(i).path()), x.get(i).path().toString());
        }
    }
}
