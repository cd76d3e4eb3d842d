package vn.vanban.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanban.auth.Role;
import vn.vanban.ingest.BatchIngest;
import vn.vanban.ingest.IndexReconciler;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.search.SearchService;
import vn.vanban.store.Backups;
import vn.vanban.store.BlobStore;
import vn.vanban.store.DocumentRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.MariaDbServer;
import vn.vanban.support.TestApp;

/**
 * {@code vanban backup} while an ingest runs and {@code vanban restore} into an empty place (issue 22), on the embedded
 * database and on MariaDB: the copy taken mid-batch is whole (every document with its original, the index rebuilt equal
 * to the database), and the copy taken after it gives back the same documents, citations, deadlines, tasks, users and
 * search results.
 */
@org.junit.jupiter.api.Tag("slow")
class BackupRestoreTest {

    /** What a repository holds, to compare two. */
    private static Map<String, Object> contents(TestApp app) {
        Map<String, Object> m = new HashMap<>();
        Set<String> shas = new TreeSet<>();
        app.bean(DocumentRepository.class).findAll().forEach(d -> shas.add(d.id() + ":" + d.sha256() + ":" + d.currentVersion()));
        m.put("documents", shas);
        for (String table : List.of("citation", "cited_document", "deadline", "task", "app_user", "relation")) {
            m.put(table, count(app, table));
        }
        SearchService search = app.bean(SearchService.class);
        for (String q : List.of("quyết định", "bao cao", "2099/QĐ-UBND")) {
            // what each query finds (the order of equal scores follows the order the index was written in, which a
            // rebuild changes; what matches does not)
            Set<Long> found = new TreeSet<>();
            for (int page = 0; ; page++) {
                var r = search.search(q, page, SearchService.MAX_PAGE_SIZE);
                r.hits().forEach(h -> found.add(h.id()));
                if (r.hits().isEmpty() || found.size() >= r.total()) {
                    break;
                }
            }
            m.put("search " + q, found);
        }
        return m;
    }

    private static long count(TestApp app, String table) {
        var env = app.context.getEnvironment();
        try (var c = java.sql.DriverManager.getConnection(env.getRequiredProperty("datasources.default.url", String.class),
                env.getProperty("datasources.default.username", String.class).orElse(""),
                env.getProperty("datasources.default.password", String.class).orElse(""));
             var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A repository restored from {@code backup} into {@code dir} (and a new empty database on MariaDB), index rebuilt. */
    private static TestApp restored(Databases db, Path backup, Path dir) throws Exception {
        Map<String, Object> props = new HashMap<>(db.properties(dir));
        props.put("vanban.watch", false);
        props.put("micronaut.server.port", -1);
        props.put("vanban.parse.ocr-enabled", false);
        Backups.restore(backup, dir, dir.resolve("originals"), props.get("datasources.default.url").toString(),
                props.get("datasources.default.username").toString(), props.get("datasources.default.password").toString());
        TestApp app = TestApp.reopen(props);
        app.bean(IndexReconciler.class).rebuild(id -> { });
        return app;
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void backedUpDuringAnIngestAndRestoredIntoAnEmptyPlace(Databases db, @TempDir Path work) throws Exception {
        if (db == Databases.MARIADB) {
            MariaDbServer.get(); // started before the clock of the batch
        }
        Path folder = work.resolve("batch");
        CrashAndOutageTest.generate(folder, 200, 31);
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        ExecutorService one = Executors.newSingleThreadExecutor();
        try (TestApp source = TestApp.start(db)) {
            for (Path p : Fixtures.files("dev")) {
                source.bean(IngestService.class).ingestFile(p, false);
            }
            source.user(Role.EDITOR);
            DocumentRepository docs = source.bean(DocumentRepository.class);
            CompletableFuture<List<IngestOutcome>> batch = CompletableFuture.supplyAsync(
                    () -> source.bean(BatchIngest.class).run(files, 2, false, o -> { }), one);
            while (docs.count() < 60 && !batch.isDone()) {
                Thread.sleep(20);
            }
            Backups.Summary during = source.bean(Backups.class).backup(work.resolve("during"));
            assertEquals(List.of(), batch.get(8, TimeUnit.MINUTES).stream()
                    .filter(o -> o.status() == IngestOutcome.Status.FAILED).toList());
            long all = docs.count();
            assertTrue(during.documents() < all, "the backup came in the middle: " + during.documents() + " of " + all);
            source.bean(Backups.class).backup(work.resolve("after"));
            Map<String, Object> before = contents(source);

            // the copy taken in the middle is whole: each document with its original, the index equal to the database
            try (TestApp mid = restored(db, work.resolve("during"), work.resolve("restored-during"))) {
                BlobStore blobs = mid.bean(BlobStore.class);
                long held = 0;
                for (var d : mid.bean(DocumentRepository.class).findAll()) {
                    assertTrue(blobs.has(d.sha256()), "the original of document " + d.id());
                    held++;
                }
                assertTrue(held >= during.documents() && held < all, held + " documents restored from the middle");
                assertEquals(new java.util.HashSet<>(mid.bean(DocumentRepository.class).findCurrentIds()),
                        mid.bean(vn.vanban.index.DocumentIndex.class).ids());
            }
            // the copy taken after gives back the same repository
            try (TestApp after = restored(db, work.resolve("after"), work.resolve("restored-after"))) {
                Map<String, Object> now = contents(after);
                for (String k : before.keySet()) {
                    assertEquals(before.get(k), now.get(k), k);
                }
            }
        } finally {
            one.shutdownNow();
        }
    }
}
