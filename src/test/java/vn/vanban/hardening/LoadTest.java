package vn.vanban.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.auth.Role;
import vn.vanban.index.DocumentIndex;
import vn.vanban.ingest.IngestService;
import vn.vanban.store.DocumentRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** Sixteen clients searching and four uploading for 60 s over loopback HTTP: no errors, heap bounded. */
@org.junit.jupiter.api.Tag("slow")
class LoadTest {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void sixteenSearchersAndFourUploadersForAMinute(@TempDir Path work) throws Exception {
        Path uploads = work.resolve("uploads");
        CrashAndOutageTest.generate(uploads, 6000, 21);
        List<Path> files;
        try (Stream<Path> s = Files.walk(uploads)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (TestApp app = TestApp.start(Databases.H2, Map.of("vanban.security.login-attempts", 10))) {
            IngestService ingest = app.bean(IngestService.class);
            for (Path p : Fixtures.files("dev")) {
                ingest.ingestFile(p, false);
            }
            for (Path p : Fixtures.files("gazette")) {
                ingest.ingestFile(p, false);
            }
            long before = app.bean(DocumentRepository.class).count();
            String base = app.serve();
            LoadRun run = LoadRun.run(base, app.apiToken(Role.EDITOR), files, 16, 4, Duration.ofSeconds(60));
            run.report().forEach(System.out::println);
            assertEquals(0, run.errorCount(), String.join("\n", run.report()));
            assertTrue(run.searches().n() > 1000, "searches ran: " + run.searches().n());
            assertTrue(run.uploads().n() > 50, "uploads ran: " + run.uploads().n());
            assertTrue(run.liveHeapPeakMb() > 0 && run.liveHeapPeakMb() < 768, "heap bounded: " + run.liveHeapPeakMb() + " MB live");
            long docs = app.bean(DocumentRepository.class).count();
            assertEquals(before + run.uploads().n(), docs, "every upload stored");
            app.bean(DocumentIndex.class).commit();
            assertEquals(docs, app.bean(DocumentIndex.class).ids().size());
        }
    }
}
