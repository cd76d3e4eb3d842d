package vn.vanban.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.vanban.search.SearchService;
import vn.vanban.store.DocumentRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** The drop folder: files there at start-up and files added while running are both ingested. */
class FolderWatcherTest {

    @Test
    void picksUpFilesPresentAtStartAndAddedWhileRunning() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2, Map.of("vanban.watch-poll-ms", 200))) {
            Path drop = Files.createDirectories(app.dataDir.resolve("ingest"));
            Files.copy(Fixtures.path("dev/003_c24bcc14e8e31b22.txt"), drop.resolve("baocao.txt"));
            FolderWatcher watcher = app.bean(FolderWatcher.class);
            watcher.start();
            DocumentRepository docs = app.bean(DocumentRepository.class);
            waitFor(() -> docs.count() == 1);
            Files.createDirectories(drop.resolve("2023"));
            Files.copy(Fixtures.path("dev-office/odt/004_cb4c592277384d8b.odt"), drop.resolve("2023/congvan.odt"));
            Files.writeString(drop.resolve("~$congvan.docx"), "office lock file");
            waitFor(() -> docs.count() == 2);
            SearchService search = app.bean(SearchService.class);
            assertTrue(search.search("thong tin co so 6 thang dau nam 2023", 0, 5).total() >= 1);
            Thread.sleep(1000);
            assertEquals(2, docs.count(), "lock files are ignored");
            watcher.close();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
