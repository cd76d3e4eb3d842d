package vn.vanban.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanban.auth.Role;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.organize.Tagging;
import vn.vanban.organize.Tags;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchService;
import vn.vanban.store.DocumentRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * The trash (issue 22, part 4): a deleted document goes to the trash with its tags, is no longer found, and an editor
 * restores it — through the API or the page — with its metadata, text, tags and hand corrections, found again; once only; the audit says
 * who did what; entries older than vanban.trash.days are purged.
 */
class TrashTest {

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aDeletedDocumentComesBackFromTheTrashWithItsTags(Databases db) throws Exception {
        try (TestApp app = TestApp.start(db)) {
            IngestService ingest = app.bean(IngestService.class);
            var file = Fixtures.path("dev/000_dfb5246ff8e502db.txt");
            IngestOutcome added = ingest.ingest("upload:" + file.getFileName(), file.getFileName().toString(), Files.readAllBytes(file), false);
            long id = added.id();
            String number = app.bean(DocumentRepository.class).findById(id).orElseThrow().docNumber();
            app.bean(Tagging.class).add("test", List.of(id), "Lưu hồ sơ");
            // a hand correction, which must come back with it
            app.bean(CorrectionService.class).correct(id, "bien-tap", null, List.of(
                    new CorrectionService.Request("METADATA", null, "SET", "subject", "Trích yếu sửa tay")));
            assertEquals("Trích yếu sửa tay", app.bean(DocumentRepository.class).findById(id).orElseThrow().subject());
            SearchService search = app.bean(SearchService.class);
            assertEquals(1, search.search(SearchRequest.fromPage(Map.of("tag", "Lưu hồ sơ"), 0, 10)).total());

            String base = app.serve();
            String editor = app.apiToken(Role.EDITOR);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents/" + id))
                    .header("Authorization", "Bearer " + editor).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, deleted.statusCode(), deleted.body());
            assertEquals(0, search.search(SearchRequest.fromPage(Map.of("tag", "Lưu hồ sơ"), 0, 10)).total());
            assertTrue(app.bean(DocumentRepository.class).findById(id).isEmpty());

            String list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/trash")).header("Authorization", "Bearer " + editor).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(list.contains("\"documentId\":" + id) && list.contains("Lưu hồ sơ") && list.contains("\"deletedBy\":\"test-editor\""), list);
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/thung-rac")).header("Authorization", "Bearer " + editor).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Khôi phục") && page.contains(number), page);
            assertEquals(403, http.send(HttpRequest.newBuilder(URI.create(base + "/api/trash"))
                    .header("Authorization", "Bearer " + app.apiToken(Role.VIEWER)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

            HttpResponse<String> restored = http.send(HttpRequest.newBuilder(URI.create(base + "/api/trash/" + id + "/restore"))
                    .header("Authorization", "Bearer " + editor).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, restored.statusCode(), restored.body());
            assertTrue(restored.body().contains("\"status\":\"ADDED\""), restored.body());
            long newId = app.bean(Trash.class).find(id).orElseThrow().restoredId();
            assertEquals(number, app.bean(DocumentRepository.class).findById(newId).orElseThrow().docNumber());
            assertEquals(List.of("Lưu hồ sơ"), app.bean(Tags.class).of(newId));
            assertEquals("Trích yếu sửa tay", app.bean(DocumentRepository.class).findById(newId).orElseThrow().subject(),
                    "the hand correction applied to the restored version");
            var history = app.bean(Corrections.class).history(newId);
            assertEquals(1, history.size(), history.toString());
            assertEquals("bien-tap", history.get(0).username());
            assertEquals(1, search.search(SearchRequest.fromPage(Map.of("tag", "Lưu hồ sơ"), 0, 10)).total(), "found again");
            assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(base + "/api/trash/" + id + "/restore"))
                    .header("Authorization", "Bearer " + editor).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "restored once");
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/api/trash/999999/restore"))
                    .header("Authorization", "Bearer " + editor).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            var actions = app.bean(vn.vanban.auth.AuditRepository.class).findAll().stream().map(vn.vanban.auth.AuditEvent::action).toList();
            assertTrue(actions.contains("document.delete") && actions.contains("document.restore"), actions.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Databases.class, names = "H2")
    void entriesPastTheirDaysArePurged(Databases db) throws Exception {
        try (TestApp app = TestApp.start(db, Map.of("vanban.trash.days", 1))) {
            IngestService ingest = app.bean(IngestService.class);
            var file = Fixtures.path("dev/001_6f21706be8332ce4.txt");
            long id = ingest.ingest("upload:a.txt", "a.txt", Files.readAllBytes(file), false).id();
            app.bean(Deletions.class).delete(id, "test", null);
            Trash trash = app.bean(Trash.class);
            assertEquals(1, trash.entries().size());
            var jdbc = app.context.getEnvironment();
            try (var c = java.sql.DriverManager.getConnection(jdbc.getRequiredProperty("datasources.default.url", String.class), "sa", "");
                 var st = c.prepareStatement("UPDATE trash SET deleted_at = ?")) {
                st.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
                st.executeUpdate();
            }
            assertTrue(trash.entries().isEmpty(), "two days old, with one day kept: purged");
            assertThrows(java.util.NoSuchElementException.class, () -> app.bean(Deletions.class).restore(id, "test", null));
        }
    }
}
