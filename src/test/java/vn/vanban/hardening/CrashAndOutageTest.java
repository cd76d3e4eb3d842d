package vn.vanban.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanban.bench.GenerateCommand;
import vn.vanban.extract.DocumentTypes;
import vn.vanban.extract.MetadataExtractor;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.normalize.TextNormalizer;
import vn.vanban.store.BlobStore;
import vn.vanban.store.DocumentRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.MariaDbServer;
import vn.vanban.support.TestApp;

/**
 * The server killed with SIGKILL ten times while it ingests a drop folder of 1,000 documents, on the embedded
 * database and on MariaDB; and MariaDB restarted in the middle of a batch. Each time: nothing lost, nothing
 * duplicated, and the index holds exactly the database's current documents.
 */
@org.junit.jupiter.api.Tag("slow")
class CrashAndOutageTest {

    /** {@code count} generated documents from the fixtures, in {@code dir}, with their SHA-256s. */
    static Set<String> generate(Path dir, int count, long seed) throws Exception {
        assertEquals(0, GenerateCommand.of(List.of(Fixtures.path("dev"), Fixtures.path("gazette")), dir, count, seed,
                new TextNormalizer(), new MetadataExtractor(new DocumentTypes())).call());
        Set<String> shas = new HashSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                shas.add(BlobStore.sha256(Files.readAllBytes(p)));
            }
        }
        return shas;
    }

    /** Every expected file stored exactly once, nothing failed, and the index equal to the database. */
    static void assertIntact(TestApp app, Set<String> expected) {
        assertEquals(List.of(), Integrity.check(app.context, expected));
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void serverKilledTenTimesDuringAThousandDocumentIngest(Databases db, @TempDir Path work) throws Exception {
        Path folder = work.resolve("ingest");
        Set<String> expected = generate(folder, 1000, 11);
        Map<String, Object> props = new HashMap<>(db.properties(work.resolve("data")));
        CrashRun run = CrashRun.run(props, folder, expected.size(), 10, 20261122, work.resolve("logs"), Duration.ofMinutes(8));
        run.report().forEach(System.out::println);
        assertEquals(10, run.kills());
        assertTrue(run.storedAtKill().get(0) < expected.size() && run.storedAtKill().get(9) < expected.size(),
                "every kill came before the end: " + run.storedAtKill());
        assertEquals(expected.size(), run.stored());
        // what the server had stored (and acknowledged) before a kill is still there after it: the counts never drop
        // (the embedded database writes each commit out at once, WRITE_DELAY=0)
        for (int i = 1; i < run.storedAtKill().size(); i++) {
            assertTrue(run.storedAtKill().get(i) >= run.storedAtKill().get(i - 1), "a kill lost committed documents: " + run.storedAtKill());
        }
        props.put("vanban.watch", false);
        try (TestApp app = TestApp.reopen(props)) {
            assertIntact(app, expected);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void mariaDbRestartedMidBatchIsWaitedFor(@TempDir Path work) throws Exception {
        MariaDbServer server = MariaDbServer.startPrivate();
        Path folder = work.resolve("batch");
        Set<String> expected = generate(folder, 600, 12);
        Map<String, Object> props = new HashMap<>(Databases.MARIADB.properties(work.resolve("data"), server));
        try (TestApp app = TestApp.start(Databases.MARIADB, props)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(folder)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            CompletableFuture<List<IngestOutcome>> batch = CompletableFuture.supplyAsync(
                    () -> app.bean(BatchIngest.class).run(files, 2, false, o -> { }));
            DocumentRepository docs = app.bean(DocumentRepository.class);
            while (docs.count() < 100 && !batch.isDone()) {
                Thread.sleep(20);
            }
            long before = docs.count();
            server.restart(Duration.ofSeconds(3), false);
            List<IngestOutcome> outcomes = batch.get(8, TimeUnit.MINUTES);
            assertTrue(before < files.size(), "the restart came in the middle of the batch (" + before + " stored)");
            assertEquals(List.of(), outcomes.stream().filter(o -> o.status() == IngestOutcome.Status.FAILED).toList());
            assertIntact(app, expected);
            // and again with the server killed outright
            Path more = work.resolve("more");
            Set<String> moreShas = generate(more, 300, 13);
            List<Path> moreFiles;
            try (Stream<Path> s = Files.walk(more)) {
                moreFiles = s.filter(Files::isRegularFile).sorted().toList();
            }
            CompletableFuture<List<IngestOutcome>> second = CompletableFuture.supplyAsync(
                    () -> app.bean(BatchIngest.class).run(moreFiles, 2, false, o -> { }));
            while (docs.count() < expected.size() + 50 && !second.isDone()) {
                Thread.sleep(20);
            }
            server.restart(Duration.ofSeconds(2), true);
            assertEquals(List.of(), second.get(8, TimeUnit.MINUTES).stream()
                    .filter(o -> o.status() == IngestOutcome.Status.FAILED).toList());
            Set<String> all = new HashSet<>(expected);
            all.addAll(moreShas);
            assertIntact(app, all);
        }
    }
}
