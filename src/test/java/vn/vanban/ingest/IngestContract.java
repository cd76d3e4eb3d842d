package vn.vanban.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.vanban.index.DocumentIndex;
import vn.vanban.search.SearchService;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.FailureRepository;
import vn.vanban.store.StoredDocument;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** The ingest pipeline against a real database and a real index on disk; run once per database. */
abstract class IngestContract {

    abstract Databases database();

    TestApp app;
    IngestService ingest;
    DocumentRepository documents;
    FailureRepository failures;
    DocumentIndex index;
    SearchService search;

    @BeforeEach
    void start() {
        app = TestApp.start(database(), Map.of("vanban.max-file-size", 40L * 1024 * 1024));
        ingest = app.bean(IngestService.class);
        documents = app.bean(DocumentRepository.class);
        failures = app.bean(FailureRepository.class);
        index = app.bean(DocumentIndex.class);
        search = app.bean(SearchService.class);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void ingestingTheSameBytesTwiceChangesNothing() {
        for (Path p : Fixtures.files("dev")) {
            assertEquals(IngestOutcome.Status.ADDED, ingest.ingestFile(p, false).status(), p.toString());
        }
        for (Path p : Fixtures.files("dev")) {
            assertEquals(IngestOutcome.Status.UNCHANGED, ingest.ingestFile(p, false).status(), p.toString());
        }
        assertEquals(5, documents.count());
        index.commit();
        assertEquals(new HashSet<>(documents.findCurrentIds()), index.ids());
    }

    @Test
    void storesMetadataTextAndTheOriginal() throws Exception {
        Path file = Fixtures.path("dev-office/docx/000_dfb5246ff8e502db.docx");
        IngestOutcome o = ingest.ingestFile(file, false);
        StoredDocument d = documents.findById(o.id()).orElseThrow();
        assertEquals("43/HD-STTTT", d.docNumber());
        assertEquals("Hướng dẫn", d.docType());
        assertEquals("2019-01-11", d.docDate());
        assertEquals("Bắc Kạn", d.place());
        assertEquals("OK", d.parseStatus());
        assertTrue(d.normalizedText().contains("Quyết định số 2099/QĐ-UBND"));
        Path original = app.dataDir.resolve("originals").resolve(d.sha256().substring(0, 2))
                .resolve(d.sha256().substring(2, 4)).resolve(d.sha256());
        assertEquals(Files.size(file), Files.size(original));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(original)));
    }

    @Test
    void aChangedFileAtTheSamePathIsANewVersion() throws Exception {
        Path dir = Files.createTempDirectory(app.dataDir, "src");
        Path file = dir.resolve("congvan.txt");
        Files.writeString(file, "Số: 12/UBND-VP\nVề việc triển khai chữ ký số chuyên dùng trong cơ quan nhà nước.\n");
        IngestOutcome first = ingest.ingestFile(file, false);
        Files.writeString(file, "Số: 12/UBND-VP\nVề việc triển khai thư điện tử công vụ cho cán bộ.\n");
        IngestOutcome second = ingest.ingestFile(file, false);
        assertEquals(IngestOutcome.Status.ADDED, first.status());
        assertEquals(IngestOutcome.Status.NEW_VERSION, second.status());
        assertEquals(first.id(), second.previousId());
        assertFalse(documents.findById(first.id()).orElseThrow().currentVersion());
        assertEquals(2, documents.findBySourceKeyOrderByIdDesc(documents.findById(second.id()).orElseThrow().sourceKey()).size());
        assertEquals(0, search.search("chu ky so", 0, 10).total(), "the old version is no longer searched");
        assertEquals(List.of(second.id()), search.search("thu dien tu cong vu", 0, 10).hits().stream().map(h -> h.id()).toList());
    }

    @Test
    void badFilesAreRecordedAndTheBatchGoesOn() throws Exception {
        Path dir = Files.createTempDirectory(app.dataDir, "bad");
        Files.write(dir.resolve("empty.docx"), new byte[0]);
        byte[] random = new byte[8192];
        new Random(7).nextBytes(random);
        Files.write(dir.resolve("random.bin"), random);
        byte[] docx = Fixtures.bytes("dev-office/docx/001_6f21706be8332ce4.docx");
        Files.write(dir.resolve("broken.docx"), java.util.Arrays.copyOf(docx, docx.length / 3));
        Files.write(dir.resolve("secret.pdf"), vn.vanban.support.BadFiles.encryptedPdf());
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        Files.write(dir.resolve("huge.txt"), huge);
        Files.copy(Fixtures.path("dev/004_cb4c592277384d8b.txt"), dir.resolve("good.txt"));

        Map<String, String> kinds = new java.util.TreeMap<>();
        for (Path p : FolderWatcher.listFiles(dir)) {
            IngestOutcome o = ingest.ingestFile(p, false);
            kinds.put(p.getFileName().toString(), o.status() == IngestOutcome.Status.FAILED ? o.failureKind() : o.status().name());
            if (o.status() == IngestOutcome.Status.FAILED) {
                assertNotNull(o.reason());
                assertFalse(o.reason().isBlank());
            }
        }
        IngestOutcome traversal = ingest.ingest("upload:../../etc/passwd", "../../etc/passwd",
                "root:x:0:0".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(Map.of("broken.docx", "CORRUPT", "empty.docx", "EMPTY", "good.txt", "ADDED",
                "huge.txt", "TOO_LARGE", "random.bin", "UNSUPPORTED", "secret.pdf", "ENCRYPTED"), kinds);
        assertEquals("UNSAFE_NAME", traversal.failureKind());
        assertEquals(6, failures.count());
        assertEquals(1, documents.count());
        // the same bad bytes again: counted, not duplicated
        ingest.ingestFile(dir.resolve("broken.docx"), true);
        assertEquals(6, failures.count());
    }

    @Test
    void theIndexIsRebuiltFromTheDatabase() {
        for (Path p : Fixtures.files("dev")) {
            ingest.ingestFile(p, false);
        }
        index.deleteAll();
        index.commit();
        assertEquals(0, index.ids().size());
        IndexReconciler.Result r = app.bean(IndexReconciler.class).reconcile();
        assertEquals(5, r.added());
        assertEquals(new HashSet<>(documents.findCurrentIds()), index.ids());
        assertTrue(search.search("quyet dinh", 0, 10).total() >= 4);
        Set<Long> before = index.ids();
        assertEquals(5, app.bean(IndexReconciler.class).rebuild(id -> { }));
        assertEquals(before, index.ids());
    }
}
