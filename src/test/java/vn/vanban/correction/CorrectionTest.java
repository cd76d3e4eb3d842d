package vn.vanban.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanban.auth.AuditRepository;
import vn.vanban.auth.AuthTest;
import vn.vanban.auth.Role;
import vn.vanban.citation.CitationQueries;
import vn.vanban.ingest.IngestService;
import vn.vanban.correction.Reextractor;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchService;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;
import vn.vanban.store.TaskRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** An editor's corrections of metadata, citations, deadlines and tasks: applied at once, kept through re-extraction. */
class CorrectionTest {

    static HttpResponse<String> send(HttpClient http, String method, String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Databases.class)
    void correctionsApplyAtOnceAndSurviveReextraction(Databases db) throws Exception {
        try (TestApp app = TestApp.start(db)) {
            long id = app.bean(IngestService.class).ingestFile(Fixtures.path("dev/002_4722339fd0f083dc.txt"), false).id();
            String base = app.serve();
            HttpClient http = HttpClient.newHttpClient();
            String editor = app.apiToken(Role.EDITOR);
            String viewer = app.apiToken(Role.VIEWER);
            CitationQueries citations = app.bean(CitationQueries.class);
            DeadlineRepository deadlines = app.bean(DeadlineRepository.class);
            TaskRepository tasks = app.bean(TaskRepository.class);
            List<CitationQueries.Reference> refs = citations.referencesOf(id);
            String removedKey = refs.get(0).key();
            var dl = deadlines.findByDocumentIdOrderByStartOffset(id).get(0);
            var task = tasks.findByDocumentIdOrderByStartOffset(id).get(0);
            int taskCount = tasks.findByDocumentIdOrderByStartOffset(id).size();

            // viewers may not correct; a bad field or date is refused with a reason and changes nothing
            assertEquals(403, send(http, "PATCH", base + "/api/documents/" + id, viewer, "{\"number\":\"1/X\"}").statusCode());
            HttpResponse<String> bad = send(http, "PATCH", base + "/api/documents/" + id, editor, "{\"colour\":\"red\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("field of METADATA must be one of"), bad.body());
            assertEquals(400, send(http, "PATCH", base + "/api/documents/" + id, editor, "{\"date\":\"31/02/2024\"}").statusCode());

            HttpResponse<String> ok = send(http, "PATCH", base + "/api/documents/" + id, editor,
                    "{\"number\":\"77/KH-THU\",\"subject\":\"Kế hoạch đã sửa tay về chuyển đổi số\"}");
            assertEquals(200, ok.statusCode(), ok.body());
            String items = "[{\"kind\":\"CITATION\",\"item\":\"" + removedKey + "\",\"action\":\"REMOVE\"},"
                    + "{\"kind\":\"CITATION\",\"action\":\"ADD\",\"value\":\"Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của UBND tỉnh Bắc Kạn\"},"
                    + "{\"kind\":\"DEADLINE\",\"item\":\"" + Corrections.itemKey(dl.what()) + "\",\"action\":\"SET\",\"field\":\"due\",\"value\":\"2031-05-20\"},"
                    + "{\"kind\":\"TASK\",\"item\":\"" + Corrections.itemKey(task.textContent()) + "\",\"action\":\"REMOVE\"}]";
            HttpResponse<String> applied = send(http, "POST", base + "/api/documents/" + id + "/corrections", editor, items);
            assertEquals(200, applied.statusCode(), applied.body());

            Runnable check = () -> {
                StoredDocument d = app.bean(DocumentRepository.class).findById(id).orElseThrow();
                assertEquals("77/KH-THU", d.docNumber());
                assertEquals("Kế hoạch đã sửa tay về chuyển đổi số", d.subject());
                List<String> keys = citations.referencesOf(id).stream().map(CitationQueries.Reference::key).toList();
                assertFalse(keys.contains(removedKey), "the removed citation is gone: " + keys);
                assertTrue(citations.referencesOf(id).stream().anyMatch(r -> r.number().equals("2099/QĐ-UBND")), keys.toString());
                assertTrue(deadlines.findByDocumentIdOrderByStartOffset(id).stream().anyMatch(x -> x.due().equals("2031-05-20")));
                assertEquals(taskCount - 1, tasks.findByDocumentIdOrderByStartOffset(id).size());
                assertTrue(app.bean(SearchService.class).search(SearchRequest.of("77/KH-THU", 0, 5)).hits().stream()
                        .anyMatch(h -> h.id() == id), "search finds the corrected number");
            };
            check.run();
            // re-extraction (reindex --extract) keeps every correction
            app.bean(Reextractor.class).all(x -> { });
            check.run();

            HttpResponse<String> history = http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents/" + id + "/corrections")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(history.body().contains("\"username\":\"test-editor\"") && history.body().contains("\"oldValue\""), history.body());
            assertTrue(app.bean(AuditRepository.class).findAll().stream().anyMatch(e -> e.action().equals("correction.metadata")));

            // the page: an editor signed in corrects through the form (with its CSRF token)
            HttpClient browser = AuthTest.signedIn(base, app.user(Role.EDITOR));
            HttpResponse<String> form = AuthTest.get(browser, base + "/van-ban/" + id + "/sua", "Accept", AuthTest.HTML);
            assertEquals(200, form.statusCode());
            HttpResponse<String> saved = AuthTest.postForm(browser, base + "/van-ban/" + id + "/sua",
                    Map.of("csrfToken", AuthTest.csrf(form.body()), "meta.place", "Thái Bình"));
            assertEquals(303, saved.statusCode(), saved.body());
            assertEquals("Thái Bình", app.bean(DocumentRepository.class).findById(id).orElseThrow().place());
            HttpResponse<String> page = AuthTest.get(browser, base + "/van-ban/" + id, "Accept", AuthTest.HTML);
            assertTrue(page.body().contains("đã sửa tay"), "the document page says it was corrected");

            // dates are written and typed as dd/mm/yyyy; one wrong field saves nothing, says so in Vietnamese and keeps
            // everything typed
            form = AuthTest.get(browser, base + "/van-ban/" + id + "/sua", "Accept", AuthTest.HTML);
            String stored = app.bean(DocumentRepository.class).findById(id).orElseThrow().docDate();
            assertTrue(form.body().contains(vn.vanban.deadline.Periods.date(stored)), "the date as dd/mm/yyyy");
            assertTrue(form.body().contains("Ngày có hiệu lực"), "an effective-date field");
            HttpResponse<String> wrong = AuthTest.postForm(browser, base + "/van-ban/" + id + "/sua",
                    Map.of("csrfToken", AuthTest.csrf(form.body()), "meta.place", "Hưng Yên", "meta.date", "31/02/2024",
                            "meta.effective", "01/07/2024"));
            assertEquals(200, wrong.statusCode());
            assertTrue(wrong.body().contains("không phải là ngày") && wrong.body().contains("31/02/2024")
                    && wrong.body().contains("Hưng Yên") && wrong.body().contains("01/07/2024"), wrong.body());
            assertEquals("Thái Bình", app.bean(DocumentRepository.class).findById(id).orElseThrow().place(), "nothing saved");
            HttpResponse<String> right = AuthTest.postForm(browser, base + "/van-ban/" + id + "/sua",
                    Map.of("csrfToken", AuthTest.csrf(wrong.body()), "meta.place", "Hưng Yên", "meta.date", "5/3/2024",
                            "meta.effective", "01/07/2024"));
            assertEquals(303, right.statusCode(), right.body());
            var corrected = app.bean(DocumentRepository.class).findById(id).orElseThrow();
            assertEquals("2024-03-05", corrected.docDate());
            assertEquals("2024-07-01", corrected.effectiveDate());
            assertEquals("Hưng Yên", corrected.place());
        }
    }
}
