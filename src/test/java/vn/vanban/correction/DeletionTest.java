package vn.vanban.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanban.auth.AuditRepository;
import vn.vanban.auth.AuthTest;
import vn.vanban.auth.Role;
import vn.vanban.index.DocumentIndex;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** An editor deletes a version: what it set goes with it, the previous version is current again, all audited. */
class DeletionTest {

    static HttpResponse<String> delete(HttpClient http, String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void deletingAVersionRestoresThePreviousOne(Databases db) throws Exception {
        try (TestApp app = TestApp.start(db)) {
            IngestService ingest = app.bean(IngestService.class);
            String text = Files.readString(Fixtures.path("dev/000_dfb5246ff8e502db.txt"));
            IngestOutcome v1 = ingest.ingest("upload:huong-dan.txt", "huong-dan.txt", text.getBytes(StandardCharsets.UTF_8), false);
            IngestOutcome v2 = ingest.ingest("upload:huong-dan.txt", "huong-dan.txt",
                    (text + "\nBổ sung lần hai.").getBytes(StandardCharsets.UTF_8), false);
            assertEquals(IngestOutcome.Status.NEW_VERSION, v2.status());
            assertTrue(app.bean(DeadlineRepository.class).findByDocumentIdOrderByStartOffset(v2.id()).size() > 0);
            String base = app.serve();
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(403, delete(http, base + "/api/documents/" + v2.id(), app.apiToken(Role.VIEWER)).statusCode());
            String editor = app.apiToken(Role.EDITOR);
            assertEquals(404, delete(http, base + "/api/documents/999999", editor).statusCode());
            HttpResponse<String> r = delete(http, base + "/api/documents/" + v2.id(), editor);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"current\":" + v1.id()), r.body());

            DocumentRepository docs = app.bean(DocumentRepository.class);
            assertTrue(docs.findById(v2.id()).isEmpty());
            assertTrue(docs.findById(v1.id()).orElseThrow().currentVersion(), "the previous version is current again");
            assertEquals(0, app.bean(DeadlineRepository.class).findByDocumentIdOrderByStartOffset(v2.id()).size());
            assertEquals(new HashSet<>(docs.findCurrentIds()), app.bean(DocumentIndex.class).ids(), "index and database agree");
            assertTrue(app.bean(AuditRepository.class).findAll().stream().anyMatch(e -> e.action().equals("document.delete")
                    && e.beforeValue().contains("huong-dan.txt")));

            // from the page, with the confirmation and the CSRF token
            HttpClient browser = AuthTest.signedIn(base, app.user(Role.EDITOR));
            HttpResponse<String> form = AuthTest.get(browser, base + "/van-ban/" + v1.id() + "/sua", "Accept", AuthTest.HTML);
            HttpResponse<String> gone = AuthTest.postForm(browser, base + "/van-ban/" + v1.id() + "/xoa",
                    Map.of("csrfToken", AuthTest.csrf(form.body()), "confirm", "1"));
            assertEquals(303, gone.statusCode(), gone.body());
            assertEquals(0, docs.count());
            assertEquals(java.util.Set.of(), app.bean(DocumentIndex.class).ids());
        }
    }
}
