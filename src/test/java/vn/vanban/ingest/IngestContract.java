package vn.vanban.ingest;

import vn.vanban.correction.Deletions;
import vn.vanban.correction.Reextractor;
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
import vn.vanban.citation.CitationQueries;
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
        assertTrue(app.bean(vn.vanban.store.DocumentTextRepository.class).findNormalizedTextByDocumentId(d.id()).orElseThrow()
                .contains("Quyết định số 2099/QĐ-UBND"));
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
        Files.write(dir.resolve("secret.pdf"), vn.vanban.hardening.HostileFiles.encryptedPdf(0));
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
    void aBatchStoresItsFilesInGroupsAndAFailedGroupFallsBackFileByFile() throws Exception {
        Path dir = Files.createTempDirectory(app.dataDir, "batch");
        List<Path> dev = Fixtures.files("dev");
        for (Path p : dev) {
            Files.copy(p, dir.resolve(p.getFileName()));
        }
        // the same bytes twice in one group (named to sort next to each other): the group's transaction fails on the
        // unique hash, and each file of the group is then stored alone
        Files.copy(dev.get(0), dir.resolve("000_copy.txt"));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        // two documents citing the same decision, in the same group: one node, two citing links
        for (String name : List.of("c1", "c2")) {
            Files.writeString(dir.resolve(name + ".txt"), "UBND TỈNH BẮC KẠN\nSỞ NỘI VỤ\nSố: 1" + name.charAt(1)
                    + "/SNV-VP\nBắc Kạn, ngày 20 tháng 01 năm 2019\nV/v triển khai\n\nCăn cứ Quyết định số 77/QĐ-UBND "
                    + "ngày 08/12/2018 của UBND tỉnh Bắc Kạn về việc giao chỉ tiêu, đề nghị các đơn vị thực hiện.\n");
        }
        List<Path> files = FolderWatcher.listFiles(dir);
        List<String> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<IngestOutcome> outcomes = app.bean(BatchIngest.class).run(files, 1, false, o -> seen.add(o.fileName()));

        assertEquals(files.size(), outcomes.size());
        assertEquals(files.size(), seen.size(), "every file reported once as it finished");
        for (int i = 0; i < files.size(); i++) {
            assertEquals(files.get(i).getFileName().toString(), outcomes.get(i).fileName(), "outcomes in input order");
        }
        Map<IngestOutcome.Status, Long> byStatus = outcomes.stream().collect(java.util.stream.Collectors.groupingBy(
                IngestOutcome::status, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        assertEquals(Map.of(IngestOutcome.Status.ADDED, 7L, IngestOutcome.Status.UNCHANGED, 1L,
                IngestOutcome.Status.FAILED, 1L), byStatus);
        long firstId = outcomes.get(files.indexOf(dir.resolve(dev.get(0).getFileName()))).id();
        assertEquals(firstId, outcomes.get(files.indexOf(dir.resolve("000_copy.txt"))).id(), "the copy and the file are one document");
        assertEquals(7, documents.count());
        assertEquals(1, failures.count());
        assertEquals(new HashSet<>(documents.findCurrentIds()), index.ids());
        List<CitationQueries.Cited> node = app.bean(CitationQueries.class).byNumber("77/QĐ-UBND", 2018);
        assertEquals(1, node.size());
        assertEquals(2, node.get(0).citingDocuments());
        assertEquals(2, search.search("77/QD-UBND", 0, 10).total(), "both citing documents are indexed");
        // the nodes the failed group's transaction had made are indexed by the files stored alone after it
        assertEquals(1, search.searchItems("77/QĐ-UBND", "cited", 0, 10).total());
        assertEquals(1, search.searchItems("2099/QĐ-UBND", "cited", 0, 10).total());
    }

    @Test
    void aBatchParsesAheadAndStillReportsEveryFileInOrder() throws Exception {
        // office files go to parser children a group ahead of what each worker stores: a bad file among them, and a
        // copy of a file parsed while the first is not yet stored, come out as they would one by one
        Path dir = Files.createTempDirectory(app.dataDir, "ahead");
        for (String format : List.of("docx", "odt", "pdf", "doc", "rtf")) {
            for (Path p : Fixtures.files("dev-office/" + format)) {
                Files.copy(p, dir.resolve(format + "_" + p.getFileName()));
            }
        }
        byte[] docx = Fixtures.bytes("dev-office/docx/001_6f21706be8332ce4.docx");
        Files.write(dir.resolve("docx_000_broken.docx"), java.util.Arrays.copyOf(docx, docx.length / 3));
        Files.write(dir.resolve("docx_001_copy.docx"), docx);
        byte[] random = new byte[8192];
        new Random(11).nextBytes(random);
        Files.write(dir.resolve("odt_000_random.bin"), random);
        List<Path> files = FolderWatcher.listFiles(dir);
        List<IngestOutcome> outcomes = app.bean(BatchIngest.class).run(files, 2, false, o -> { });

        assertEquals(files.size(), outcomes.size());
        Map<String, String> kinds = new java.util.TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            IngestOutcome o = outcomes.get(i);
            assertEquals(files.get(i).getFileName().toString(), o.fileName(), "outcomes in input order");
            kinds.merge(o.status() == IngestOutcome.Status.FAILED ? o.failureKind() : o.status().name(), "x", String::concat);
        }
        int office = files.size() - 3;
        assertEquals(Map.of("ADDED", "x".repeat(office), "UNCHANGED", "x", "CORRUPT", "x", "UNSUPPORTED", "x"), kinds);
        assertEquals(office, documents.count());
        assertEquals(2, failures.count());
        assertEquals(new HashSet<>(documents.findCurrentIds()), index.ids());
        long copy = outcomes.get(files.indexOf(dir.resolve("docx_001_copy.docx"))).id();
        assertEquals(outcomes.get(files.indexOf(dir.resolve("docx_001_6f21706be8332ce4.docx"))).id(), copy,
                "the copy and the file are one document");
    }

    @Test
    void aFileFoundHeldAtItsInsertIsIndexedAsTheDatabaseHoldsIt() throws Exception {
        // what a commit whose reply was lost leaves (a connection dropped after it, or a Galera node failed over to that
        // had not applied it yet when the row was read back): the row is there, the index never got it; the retry's
        // insert then meets the row, and the document is indexed from the database
        byte[] bytes = Fixtures.bytes("dev/004_cb4c592277384d8b.txt");
        IngestService.Prepared prepared = ingest.prepare("test:a", "a.txt", bytes, false);
        IngestOutcome stored = ingest.ingest("test:b", "b.txt", bytes, false);
        assertEquals(IngestOutcome.Status.ADDED, stored.status());
        DocumentIndexer indexer = app.bean(DocumentIndexer.class);
        indexer.delete(stored.id());
        indexer.commit();
        assertEquals(Set.of(), index.ids());

        IngestOutcome again = ingest.store(List.of(prepared)).get(0);
        indexer.commit();
        assertEquals(IngestOutcome.Status.UNCHANGED, again.status());
        assertEquals(stored.id(), again.id());
        assertEquals(Set.of(stored.id()), index.ids());
        assertEquals(1, search.search("thong tin co so", 0, 10).total());
    }

    private IngestOutcome text(String name, String body) {
        return ingest.ingest("test:" + name, name + ".txt", body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void aDecisionCitedByTwoHeldDocumentsIsOneNodeWithTwoCitingLinks() {
        IngestOutcome huongDan = ingest.ingestFile(Fixtures.path("dev/000_dfb5246ff8e502db.txt"), false);
        IngestOutcome congVan = text("congvan", "UBND TỈNH BẮC KẠN\nSỞ TÀI CHÍNH\nSố: 15/STC-NS\n"
                + "Bắc Kạn, ngày 20 tháng 01 năm 2019\nV/v triển khai chỉ tiêu\n\n"
                + "Căn cứ Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của UBND tỉnh về việc giao chỉ tiêu kế hoạch năm 2019, "
                + "Sở Tài chính đề nghị các đơn vị triển khai.\n");
        // the same number issued by another province is another document
        text("caobang", "UBND TỈNH CAO BẰNG\nSỞ NỘI VỤ\nSố: 7/SNV-VP\nCao Bằng, ngày 02 tháng 3 năm 2019\n"
                + "V/v báo cáo\n\nThực hiện Quyết định số 2099/QĐ-UBND ngày 10/12/2018 của UBND tỉnh.\n");
        CitationQueries queries = app.bean(CitationQueries.class);
        List<CitationQueries.Cited> bacKan = queries.byNumber("2099/QD-UBND", 2018).stream()
                .filter(c -> c.key().endsWith("bac kan")).toList();
        assertEquals(1, bacKan.size());
        CitationQueries.Cited node = bacKan.get(0);
        assertEquals(2, node.citingDocuments());
        assertEquals(Set.of(huongDan.id(), congVan.id()),
                node.citedBy().stream().map(CitationQueries.Citing::documentId).collect(java.util.stream.Collectors.toSet()));
        assertEquals("basis", node.citedBy().stream().filter(c -> c.documentId() == congVan.id()).findFirst().orElseThrow().relation());
        assertFalse(node.held());
        assertEquals(2, queries.byNumber("2099/QĐ-UBND", 2018).size(), "Bắc Kạn's and Cao Bằng's");

        // the decision itself arrives: both citing links now lead to it
        IngestOutcome decision = text("qd2099", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 2099/QĐ-UBND\n"
                + "Bắc Kạn, ngày 08 tháng 12 năm 2018\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2019\n");
        CitationQueries.Cited held = queries.byKey(node.key());
        assertTrue(held.held());
        assertEquals(decision.id(), held.heldDocumentId());
        assertEquals(List.of(node.id()), queries.citedBy(decision.id()).stream().map(CitationQueries.Cited::id).toList());
        // and the cited document found by item search opens it
        var hits = app.bean(vn.vanban.search.SearchService.class).searchItems("2099/QĐ-UBND", "cited", 0, 10).hits();
        assertEquals(List.of(decision.id()), hits.stream().filter(h -> Long.valueOf(node.id()).equals(h.citedId()))
                .map(vn.vanban.search.ItemHit::documentId).toList(), hits.toString());

        // a document citing it after it is held is linked at once
        text("later", "UBND TỈNH BẮC KẠN\nSỞ Y TẾ\nSố: 3/SYT-KH\nBắc Kạn, ngày 05 tháng 02 năm 2019\nV/v thực hiện\n\n"
                + "Triển khai Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của UBND tỉnh Bắc Kạn.\n");
        assertEquals(3, queries.byKey(node.key()).citingDocuments());
        assertTrue(queries.top(5).get(0).citingDocuments() >= 3);
        assertFalse(queries.referencesOf(huongDan.id()).isEmpty());

        // a new version of the decision: the cited document leads to it; that version deleted, back to the first
        IngestOutcome v2 = text("qd2099", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 2099/QĐ-UBND\n"
                + "Bắc Kạn, ngày 08 tháng 12 năm 2018\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2019\n"
                + "Điều 1. Giao chỉ tiêu kế hoạch năm 2019.\n");
        assertEquals(IngestOutcome.Status.NEW_VERSION, v2.status());
        assertEquals(v2.id(), queries.byKey(node.key()).heldDocumentId());
        app.bean(Deletions.class).delete(v2.id(), "test", "127.0.0.1");
        assertEquals(decision.id(), queries.byKey(node.key()).heldDocumentId());
        assertEquals(java.util.Collections.singletonList(decision.id()), heldByItem(node.id()));
        // the decision deleted: the cited document is no longer held, and its item says so
        app.bean(Deletions.class).delete(decision.id(), "test", "127.0.0.1");
        assertFalse(queries.byKey(node.key()).held());
        assertEquals(java.util.Collections.singletonList(null), heldByItem(node.id()));
    }

    /** The document that item search says cited document {@code citedId} opens, once per hit. */
    private List<Long> heldByItem(long citedId) {
        var hits = app.bean(vn.vanban.search.SearchService.class).searchItems("2099/QĐ-UBND", "cited", 0, 10).hits();
        return hits.stream().filter(h -> Long.valueOf(citedId).equals(h.citedId())).map(vn.vanban.search.ItemHit::documentId).toList();
    }

    @Test
    void reextractionRebuildsTheGraphWithoutDuplicates() {
        ingest.ingestFile(Fixtures.path("dev/000_dfb5246ff8e502db.txt"), false);
        CitationQueries queries = app.bean(CitationQueries.class);
        int before = queries.byNumber("2099/QĐ-UBND", 2018).get(0).citedBy().size();
        assertEquals(1, app.bean(Reextractor.class).all(id -> { }));
        assertEquals(before, queries.byNumber("2099/QĐ-UBND", 2018).get(0).citedBy().size());
        assertEquals(25, queries.referencesOf(documents.findCurrentIds().get(0)).size());
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
