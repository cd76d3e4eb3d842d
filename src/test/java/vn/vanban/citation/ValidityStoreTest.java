package vn.vanban.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.vanban.auth.Role;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.search.SearchHit;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchService;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * Validity as the repository keeps it (issue 19), on a real database and index: statuses derived as documents arrive
 * and recomputed when one changes them, the annotated statuses matched through the store, search filtering and
 * faceting on them, the API and pages showing them, an editor's correction winning and withdrawn, a deletion undoing
 * what the deleted document said.
 */
class ValidityStoreTest {

    static final String DAY = "2026-12-01"; // the annotation's as_of

    @ParameterizedTest
    @EnumSource(Databases.class)
    void statusesFollowTheDocumentsThatArrive(Databases db) throws Exception {
        try (TestApp app = TestApp.start(db, Map.of("vanban.validity-day", DAY))) {
            IngestService ingest = app.bean(IngestService.class);
            ValidityService validity = app.bean(ValidityService.class);
            SearchService search = app.bean(SearchService.class);
            Path dir = Fixtures.path("relations/gazette");
            Path decree = dir.resolve("hdld/nghi-dinh-so-38-2022-nd-cp-37348.txt");
            Path list = dir.resolve("bhxh/quyet-dinh-so-169-qd-bldtbxh-44203.txt");

            // alone, the decree is in force (from 1 July 2022, nothing held ends it)
            IngestOutcome d = ingest.ingestFile(decree, false);
            StoredDocument held = app.bean(DocumentRepository.class).findById(d.id()).orElseThrow();
            String key = held.citeKey();
            assertEquals("con_hieu_luc", validity.statusOf(key));
            assertEquals("2022-07-01", validity.of(key).orElseThrow().derived().inForce());
            assertTrue(ids(search, "con_hieu_luc").contains(d.id()));

            // the published list arrives: the decree was replaced by 74/2024/NĐ-CP from 1 July 2024, and the index knows
            IngestOutcome l = ingest.ingestFile(list, false);
            var v = validity.of(key).orElseThrow();
            assertEquals("het_hieu_luc_toan_bo", v.status());
            assertEquals("2024-07-01", v.derived().since());
            assertEquals("74/2024/NĐ-CP", v.derived().by());
            assertTrue(ids(search, "het_hieu_luc_toan_bo").contains(d.id()), "the decree's facet moved on arrival");
            assertFalse(ids(search, "con_hieu_luc").contains(d.id()));

            // every other annotated file; then the statuses through the store against the annotation
            try (var files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    ingest.ingestFile(f, false);
                }
            }
            List<String> wrong = new ArrayList<>();
            List<Map<String, Object>> annotated = statuses();
            for (Map<String, Object> s : annotated) {
                String number = String.valueOf(s.get("number"));
                String status = statusOf(app, number);
                if (!s.get("status").equals(status)) {
                    wrong.add(number + ": " + status + ", annotated " + s.get("status"));
                }
            }
            System.out.printf("statuses through the store: %d/%d as annotated%n", annotated.size() - wrong.size(), annotated.size());
            assertTrue(wrong.size() <= annotated.size() / 20, "statuses through the store: " + wrong);

            String base = app.serve();
            HttpClient http = HttpClient.newHttpClient();
            // the API: the document carries its status and what held documents say of it
            String json = get(http, base + "/api/documents/" + d.id(), null).body();
            assertTrue(json.contains("\"validity\":{\"key\":\"" + key + "\",\"status\":\"het_hieu_luc_toan_bo\",\"label\":\"Hết hiệu lực toàn bộ\""),
                    json);
            assertTrue(json.contains("\"byNumber\":\"74/2024/NĐ-CP\""), json);
            assertTrue(json.contains("\"targetNumber\":\"90/2019/NĐ-CP\""), "what it replaced itself: " + json);
            String cited = get(http, base + "/api/citations?number=" + enc("90/2019/NĐ-CP"), null).body();
            assertTrue(cited.contains("het_hieu_luc_toan_bo") && cited.contains("\"relation\":\"replaces\""), cited);
            String warnings = get(http, base + "/api/warnings", null).body();
            assertTrue(warnings.contains("\"basisNumber\":\"115/2015/NĐ-CP\"") && warnings.contains("158/2025/NĐ-CP"), warnings);
            assertEquals(400, get(http, base + "/api/search?validity=hieu_luc", null).statusCode());

            // the pages: status, "Bị thay thế bởi" with the list, the lược đồ as SVG, the warnings page
            String page = get(http, base + "/van-ban/" + d.id(), null).body();
            assertTrue(page.contains("Hết hiệu lực toàn bộ") && page.contains("Bị thay thế bởi") && page.contains("74/2024/NĐ-CP")
                    && page.contains("/van-ban/" + l.id()), page);
            String diagram = get(http, base + "/luoc-do?key=" + enc(key), null).body();
            assertTrue(diagram.contains("<svg") && diagram.contains("het_hieu_luc_toan_bo") && diagram.contains("90/2019/NĐ-CP"),
                    diagram);
            assertTrue(get(http, base + "/canh-bao", null).body().contains("115/2015/NĐ-CP"));
            // the compiler warns before a stale basis is pasted, naming what replaced it
            String compiled = get(http, base + "/can-cu?refs=" + enc("115/2015/NĐ-CP\n69/2020/QH14"), null).body();
            assertTrue(compiled.contains("Cảnh báo: Hết hiệu lực toàn bộ từ ngày 01/07/2025 — văn bản thay thế: 158/2025/NĐ-CP"),
                    compiled);
            assertEquals(1, compiled.split("Cảnh báo:", -1).length - 1, "only the stale one is flagged");

            // an editor's correction wins, is kept with the editor's name, and can be withdrawn
            String body = "{\"key\":\"" + key.replace("\\", "\\\\") + "\",\"status\":\"con_hieu_luc\",\"note\":\"kiểm tra lại\"}";
            assertEquals(403, put(http, base + "/api/validity", body, app.apiToken(Role.VIEWER)).statusCode());
            String editor = app.apiToken(Role.EDITOR);
            HttpResponse<String> corrected = put(http, base + "/api/validity", body, editor);
            assertEquals(200, corrected.statusCode(), corrected.body());
            assertEquals("con_hieu_luc", validity.statusOf(key));
            assertTrue(ids(search, "con_hieu_luc").contains(d.id()));
            assertEquals(400, put(http, base + "/api/validity", body.replace("con_hieu_luc", "mat_hieu_luc"), editor).statusCode());
            ingest.ingestFile(dir.resolve("hdld/nghi-dinh-so-12-2022-nd-cp-36716.txt"), true); // a recompute keeps it
            validity.recompute(List.of(key));
            assertEquals("con_hieu_luc", validity.statusOf(key));
            HttpResponse<String> withdrawn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/validity?key=" + enc(key)))
                    .header("Authorization", "Bearer " + editor).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, withdrawn.statusCode(), withdrawn.body());
            assertEquals("het_hieu_luc_toan_bo", validity.statusOf(key));
            // the same from the document page, for editors only
            assertFalse(vn.vanban.auth.AuthTest.get(vn.vanban.auth.AuthTest.signedIn(base, app.user(Role.VIEWER)),
                    base + "/van-ban/" + d.id(), "Accept", vn.vanban.auth.AuthTest.HTML).body().contains("Sửa tình trạng hiệu lực"));
            HttpClient editorPage = vn.vanban.auth.AuthTest.signedIn(base, app.user(Role.EDITOR));
            String form = vn.vanban.auth.AuthTest.get(editorPage, base + "/van-ban/" + d.id(), "Accept",
                    vn.vanban.auth.AuthTest.HTML).body();
            assertTrue(form.contains("Sửa tình trạng hiệu lực") && form.contains("id=\"correct\""), "the editor's forms");
            HttpResponse<String> saved = vn.vanban.auth.AuthTest.postForm(editorPage, base + "/hieu-luc", Map.of(
                    "csrfToken", vn.vanban.auth.AuthTest.csrf(form), "key", key, "status", "chua_xac_dinh",
                    "note", "chờ xác minh", "back", "/van-ban/" + d.id()));
            assertEquals(303, saved.statusCode(), saved.body());
            assertEquals("chua_xac_dinh", validity.statusOf(key));
            String shown = vn.vanban.auth.AuthTest.get(editorPage, base + "/van-ban/" + d.id(), "Accept",
                    vn.vanban.auth.AuthTest.HTML).body();
            assertTrue(shown.contains("chờ xác minh") && shown.contains("theo dữ liệu: hết hiệu lực toàn bộ"), "kept and shown");
            vn.vanban.auth.AuthTest.postForm(editorPage, base + "/hieu-luc", Map.of("csrfToken",
                    vn.vanban.auth.AuthTest.csrf(shown), "key", key, "status", "", "back", "/van-ban/" + d.id()));
            assertEquals("het_hieu_luc_toan_bo", validity.statusOf(key), "back to what is derived");

            // deleting the list undoes what it declared
            HttpResponse<String> gone = http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents/" + l.id()))
                    .header("Authorization", "Bearer " + editor).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, gone.statusCode(), gone.body());
            assertEquals("con_hieu_luc", validity.statusOf(key));
            assertTrue(ids(search, "con_hieu_luc").contains(d.id()));
        }
    }

    @org.junit.jupiter.api.Test
    void aStatusThatChangesByTimeAloneIsDerivedAgainOnItsDay() throws Exception {
        Path law = Fixtures.path("relations/gazette/hdld/luat-so-69-2020-qh14-32699.txt"); // in force from 1 January 2022
        try (TestApp before = TestApp.start(Databases.H2, Map.of("vanban.validity-day", "2021-12-01"))) {
            long id = before.bean(IngestService.class).ingestFile(law, false).id();
            String key = before.bean(DocumentRepository.class).findById(id).orElseThrow().citeKey();
            var v = before.bean(ValidityService.class).of(key).orElseThrow();
            assertEquals("chua_co_hieu_luc", v.status());
            assertEquals("2022-01-01", v.derived().next(), "the day it changes by time alone");
            assertTrue(ids(before.bean(SearchService.class), "chua_co_hieu_luc").contains(id));
            java.util.Map<String, Object> props = new java.util.HashMap<>(Databases.H2.properties(before.dataDir));
            props.put("vanban.watch", false);
            props.put("micronaut.server.port", -1);
            props.put("vanban.parse.ocr-enabled", false);
            props.put("vanban.validity-day", "2022-01-02");
            before.context.close(); // the same data, a day after the law came into force
            try (TestApp after = TestApp.reopen(props)) {
                ValidityService validity = after.bean(ValidityService.class);
                assertEquals("chua_co_hieu_luc", validity.statusOf(key), "stored until derived again");
                assertEquals(1, after.bean(vn.vanban.ingest.ValidityRefresh.class).refresh(), "one held document changed");
                assertEquals("con_hieu_luc", validity.statusOf(key));
                assertTrue(ids(after.bean(SearchService.class), "con_hieu_luc").contains(id), "and the index knows");
                assertEquals(0, after.bean(vn.vanban.ingest.ValidityRefresh.class).refresh(), "nothing more is due");
            }
        }
    }

    /** The status the store holds for the document numbered {@code number}: by the citation of it, else its held copy. */
    static String statusOf(TestApp app, String number) {
        ValidityService validity = app.bean(ValidityService.class);
        for (CitationQueries.Cited c : app.bean(CitationQueries.class).byNumber(number, null)) {
            return validity.statusOf(c.key());
        }
        Long held = app.bean(Standings.class).heldByNumber(number);
        return held == null ? null : validity.statusOf(app.bean(DocumentRepository.class).findById(held).orElseThrow().citeKey());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statuses() throws Exception {
        try (InputStream in = Files.newInputStream(Fixtures.path("relations/gazette.yml"))) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return (List<Map<String, Object>>) root.get("statuses");
        }
    }

    static Set<Long> ids(SearchService search, String validity) {
        return search.search(new SearchRequest("", null, null, null, null, null, null, null, null, null, null, validity,
                SearchRequest.Sort.NEWEST, 0, 100)).hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> put(HttpClient http, String url, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
