package vn.vanban.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.search.SearchService;
import vn.vanban.support.Databases;
import vn.vanban.support.MariaDbServer;
import vn.vanban.support.TestApp;

/**
 * Two Vanban processes over one MariaDB database, each with its own index (issue 21, part 2 as far as it goes): with
 * {@code vanban.index.follow-seconds} set, a document ingested through one is found through the other within that
 * time, and once deleted through one is no longer found through the other.
 */
@org.junit.jupiter.api.Tag("slow")
class TwoNodesTest {

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until {@code count} reaches {@code target}, as long as it keeps growing (60 s without progress fails). */
    private static void awaitCount(java.util.function.LongSupplier count, long target, String what) throws InterruptedException {
        long last = count.getAsLong();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (last < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": stuck at " + last + " of " + target + " for 60 s");
            }
            Thread.sleep(200);
            long now = count.getAsLong();
            if (now > last) {
                last = now;
                deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void whatOneNodeStoresTheOtherFinds(@TempDir Path work) throws Exception {
        Map<String, Object> shared = new HashMap<>(Databases.MARIADB.properties(work.resolve("a"), MariaDbServer.get()));
        shared.put("vanban.originals-dir", work.resolve("shared-originals").toString()); // one directory both reach
        Map<String, Object> b = new HashMap<>(shared);
        b.put("vanban.data-dir", work.resolve("b").toString());
        b.put("vanban.ingest-dir", work.resolve("b/ingest").toString());
        b.put("vanban.index.follow-seconds", 1);
        try (TestApp first = TestApp.start(Databases.MARIADB, shared); TestApp second = TestApp.start(Databases.MARIADB, b)) {
            second.serve(); // the follower starts with the HTTP server
            String text = "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\nSố: 77/KH-UBND\nCao Bằng, ngày 03 tháng 02 năm 2026\nKẾ HOẠCH\n"
                    + "Triển khai phần mềm quản lý đê điều xuyên tỉnh\n";
            IngestOutcome o = first.bean(IngestService.class).ingest("test:two-nodes", "kh-77.txt",
                    text.getBytes(StandardCharsets.UTF_8), false);
            assertEquals(IngestOutcome.Status.ADDED, o.status());
            SearchService there = second.bean(SearchService.class);
            await(() -> there.search("đê điều xuyên tỉnh", 0, 5).total() == 1, "the second node finding what the first stored");
            // and the second gives the original the first kept
            try (var in = second.bean(vn.vanban.store.BlobStore.class).open(
                    second.bean(vn.vanban.store.DocumentRepository.class).findById(o.id()).orElseThrow().sha256())) {
                assertEquals(text, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            first.bean(vn.vanban.correction.Deletions.class).delete(o.id(), "test", "127.0.0.1");
            await(() -> there.search("đê điều xuyên tỉnh", 0, 5).total() == 0, "the second node dropping what the first deleted");
            assertTrue(first.bean(SearchService.class).search("đê điều xuyên tỉnh", 0, 5).total() == 0);
        }
    }

    @Test
    @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
    void twoWatchersOfOneFolderTakeEachFileOnce(@TempDir Path work) throws Exception {
        Path drop = java.nio.file.Files.createDirectories(work.resolve("shared-drop"));
        Map<String, Object> a = new HashMap<>(Databases.MARIADB.properties(work.resolve("a"), MariaDbServer.get()));
        a.put("vanban.ingest-dir", drop.toString());
        a.put("vanban.watch-poll-ms", 200);
        Map<String, Object> b = new HashMap<>(a);
        b.put("vanban.data-dir", work.resolve("b").toString());
        try (TestApp first = TestApp.start(Databases.MARIADB, a); TestApp second = TestApp.start(Databases.MARIADB, b)) {
            var one = first.bean(vn.vanban.ingest.FolderWatcher.class);
            var two = second.bean(vn.vanban.ingest.FolderWatcher.class);
            one.start();
            two.start();
            java.util.Set<String> expected = CrashAndOutageTest.generate(drop.resolve("batch"), 1000, 24);
            var docs = first.bean(vn.vanban.store.DocumentRepository.class);
            awaitCount(docs::count, expected.size(), "files stored");
            assertEquals(expected.size(), docs.count());
            await(() -> one.pending() == 0 && two.pending() == 0 && one.taken() + two.taken() >= expected.size(), "both idle");
            // each file taken by one of the two, parsed once: together they took exactly the 1,000
            assertEquals(expected.size(), one.taken() + two.taken(), "taken: " + one.taken() + " + " + two.taken());
            try (var c = java.sql.DriverManager.getConnection(a.get("datasources.default.url").toString(),
                    MariaDbServer.get().user(), MariaDbServer.get().password()); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT node) FROM drop_claim WHERE done_at IS NOT NULL")) {
                rs.next();
                assertEquals(expected.size(), rs.getLong(1), "every claim done");
                System.out.printf("drop folder: %d files taken by %d processes (%d + %d)%n", rs.getLong(1), rs.getLong(2),
                        one.taken(), two.taken());
            }
            one.close();
            two.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aSignInAndAFormWorkWhicheverNodeAnswers(@TempDir Path work) throws Exception {
        Map<String, Object> a = new HashMap<>(Databases.MARIADB.properties(work.resolve("a"), MariaDbServer.get()));
        // the nodes of one deployment share the CSRF key (VANBAN_CSRF_KEY); sessions live in the database
        a.put("micronaut.security.csrf.signature-key", "kh0a-chung-cua-cac-may-trong-mot-trien-khai-32b");
        Map<String, Object> b = new HashMap<>(a);
        b.put("vanban.data-dir", work.resolve("b").toString());
        b.put("vanban.ingest-dir", work.resolve("b/ingest").toString());
        try (TestApp first = TestApp.start(Databases.MARIADB, a); TestApp second = TestApp.start(Databases.MARIADB, b)) {
            String one = first.serve();
            String two = second.serve();
            String editor = first.user(vn.vanban.auth.Role.EDITOR);
            java.net.http.HttpClient browser = vn.vanban.auth.AuthTest.signedIn(one, editor); // signed in through the first
            var page = vn.vanban.auth.AuthTest.get(browser, one + "/tai-len", "Accept", vn.vanban.auth.AuthTest.HTML);
            assertEquals(200, page.statusCode());
            String token = vn.vanban.auth.AuthTest.csrf(page.body());
            // the second knows the session, and takes the form the first wrote, with its token
            assertEquals(200, vn.vanban.auth.AuthTest.get(browser, two + "/tai-len", "Accept", vn.vanban.auth.AuthTest.HTML).statusCode());
            var sent = browser.send(MultipartUpload.of(java.net.URI.create(two + "/tai-len"), "files", "kh.docx",
                    vn.vanban.support.Fixtures.bytes("dev-office/docx/001_6f21706be8332ce4.docx"), Map.of("csrfToken", token))
                    .header("Accept", vn.vanban.auth.AuthTest.HTML).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, sent.statusCode(), sent.body());
            assertTrue(sent.body().contains("Đã thêm"), sent.body());
        }
    }
}
