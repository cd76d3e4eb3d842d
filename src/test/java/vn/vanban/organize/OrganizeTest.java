package vn.vanban.organize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.vanban.auth.Role;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.search.SearchRequest;
import vn.vanban.search.SearchResult;
import vn.vanban.search.SearchService;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * Tags and saved searches (issue 22, part 3): rules as data tag documents at ingest; editors tag one document or every
 * result of a search, through the pages, the API and the CLI's services; tags are a facet and a filter at once; a new
 * version keeps its tags; a saved search lists what came in since it was last looked at, on the page and as Atom.
 */
class OrganizeTest {

    private static String letter(String number, String issuerLine, String type, String subject, String body) {
        return "UBND TỈNH BẮC KẠN\n" + issuerLine + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                + "Số: " + number + "\nBắc Kạn, ngày 05 tháng 3 năm 2024\n" + type + "\n" + subject + "\n\nKính gửi: Các cơ quan, đơn vị.\n\n" + body
                + "\n\nGIÁM ĐỐC\nNguyễn Văn An\n";
    }

    private static Set<String> tagsOf(TestApp app, long id) {
        return Set.copyOf(app.bean(Tags.class).of(id));
    }

    @Test
    void rulesAreDataMatchingWholeWordsWithTheDiacriticsTyped() {
        List<TagRules.Rule> rules = TagRules.parse(new ByteArrayInputStream(("rules:\n  - tag: Bão\n    words: [bão]\n"
                + "  - tag: Bao\n    words: [bao cao]\n").getBytes(StandardCharsets.UTF_8)), "test");
        TagRules r = new TagRules(rules);
        var storm = doc("Về việc ứng phó với cơn bão số 3", null, null);
        var insurance = doc("Về việc đóng bảo hiểm xã hội", null, null);
        var report = doc("Về việc Báo cáo kết quả", null, null);
        assertEquals(Set.of("Bão"), r.tagsFor(storm, ""));
        assertEquals(Set.of(), r.tagsFor(insurance, ""), "“bão” typed with its mark does not match “bảo”");
        assertEquals(Set.of("Bao"), r.tagsFor(report, ""), "“bao cao” typed plain matches every spelling");
        assertEquals(Set.of(), r.tagsFor(doc("Về việc bãoxyz", null, null), ""), "whole words only");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagRules.parse(
                new ByteArrayInputStream("rules:\n  - tag: X\n".getBytes(StandardCharsets.UTF_8)), "test"));
        assertTrue(e.getMessage().contains("no condition"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TagRules.parse(
                new ByteArrayInputStream("rules:\n  - tag: X\n    words: [a]\n    in: body\n".getBytes(StandardCharsets.UTF_8)), "test"));
        // the rules shipped parse
        assertFalse(new TagRules("").rules().isEmpty());
    }

    private static vn.vanban.store.StoredDocument doc(String subject, String issuer, String type) {
        return new vn.vanban.store.StoredDocument(1L, "sha", "key", "path", "a.txt", "text/plain", 1, java.time.Instant.now(),
                "OK", null, false, null, true, null, null, type, issuer, null, null, null, null, subject, null, null, false, null, null);
    }

    @Test
    void tagsByRuleByHandAndInBulkAreAFacetAndAFilterAndSavedSearchesShowWhatIsNew() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2, Map.of("vanban.tags.rules-file",
                Fixtures.path("../organize/tag-rules.yml").toString()))) {
            IngestService ingest = app.bean(IngestService.class);
            IngestOutcome storm = ingest.ingest("upload:bao.txt", "bao.txt", letter("12/KH-SNV", "SỞ NỘI VỤ", "KẾ HOẠCH",
                    "Ứng phó với bão và lũ quét năm 2024", "Các phòng chuẩn bị phương án.").getBytes(StandardCharsets.UTF_8), false);
            IngestOutcome insurance = ingest.ingest("upload:bh.txt", "bh.txt", letter("13/CV-STC", "SỞ TÀI CHÍNH", "CÔNG VĂN",
                    "V/v đóng bảo hiểm xã hội", "Đề nghị các đơn vị thực hiện chuyển đổi số trong công tác văn thư.").getBytes(StandardCharsets.UTF_8), false);
            long stormId = storm.id();
            long insuranceId = insurance.id();
            assertEquals(Set.of("Phòng, chống thiên tai", "Kế hoạch của Sở"), tagsOf(app, stormId));
            assertEquals(Set.of("Chuyển đổi số"), tagsOf(app, insuranceId), "words looked for in the text where the rule says so; "
                    + "“van thu” is in the text, not the subject");

            SearchService search = app.bean(SearchService.class);
            SearchResult all = search.search(SearchRequest.fromPage(Map.of(), 0, 10));
            assertTrue(all.facets().get("tag").stream().anyMatch(f -> f.value().equals("Kế hoạch của Sở") && f.count() == 1), all.facets().toString());

            // by hand and in bulk, through the API
            String base = app.serve();
            String editor = app.apiToken(Role.EDITOR);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> bulk = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tags"))
                    .header("Authorization", "Bearer " + editor).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tag\": \"Năm 2024\", \"search\": \"q=bắc kạn\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, bulk.statusCode(), bulk.body());
            assertTrue(bulk.body().contains("\"tagged\":2"), bulk.body());
            assertEquals(2, search.search(SearchRequest.fromPage(Map.of("tag", "Năm 2024"), 0, 10)).total());
            assertEquals(1, search.search(SearchRequest.fromPage(Map.of("tag", "Năm 2024", "q", "bảo hiểm"), 0, 10)).total());
            assertEquals(403, http.send(HttpRequest.newBuilder(URI.create(base + "/api/tags"))
                    .header("Authorization", "Bearer " + app.apiToken(Role.VIEWER)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tag\": \"x\", \"ids\": [1]}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "viewers do not tag");
            HttpResponse<String> untag = http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents/" + stormId
                    + "/tags?tag=" + java.net.URLEncoder.encode("Năm 2024", StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + editor).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, untag.statusCode(), untag.body());
            assertEquals(1, search.search(SearchRequest.fromPage(Map.of("tag", "Năm 2024"), 0, 10)).total(), "the index follows at once");
            String counts = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tags")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(counts.contains("{\"tag\":\"Năm 2024\",\"documents\":1}"), counts);

            // the document page shows its tags; the search page filters by one and names the filter
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/van-ban/" + stormId)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("Phòng, chống thiên tai"), page);
            String filtered = http.send(HttpRequest.newBuilder(URI.create(base + "/?tag=" + java.net.URLEncoder.encode("Chuyển đổi số",
                    StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(filtered.contains("Thẻ: Chuyển đổi số") && filtered.contains("bảo hiểm xã hội") && !filtered.contains("lũ quét"), filtered);

            // a new version keeps the tags of the one it replaces
            IngestOutcome v2 = ingest.ingest("upload:bao.txt", "bao.txt", letter("12/KH-SNV", "SỞ NỘI VỤ", "KẾ HOẠCH",
                    "Ứng phó với lũ quét năm 2024 (bản sửa)", "Các phòng chuẩn bị phương án.").getBytes(StandardCharsets.UTF_8), false);
            assertEquals(IngestOutcome.Status.NEW_VERSION, v2.status());
            app.bean(Tagging.class).add("test", List.of(stormId), "Riêng bản cũ");
            assertTrue(tagsOf(app, v2.id()).containsAll(Set.of("Phòng, chống thiên tai", "Kế hoạch của Sở")), tagsOf(app, v2.id()).toString());

            // re-extraction (reindex --extract) applies the rules again: a rule tag lost comes back, one the rules no
            // longer give goes, a tag put on by hand stays
            Tags tags = app.bean(Tags.class);
            tags.remove(insuranceId, "Chuyển đổi số");
            tags.add(Tags.RULE, List.of(insuranceId), "Theo quy tắc cũ");
            assertEquals(Set.of("Năm 2024", "Theo quy tắc cũ"), tagsOf(app, insuranceId));
            var reextractor = app.bean(vn.vanban.correction.Reextractor.class);
            var documents = app.bean(vn.vanban.store.DocumentRepository.class);
            reextractor.one(documents.findById(insuranceId).orElseThrow()); // as after a correction: tags left alone
            assertEquals(Set.of("Năm 2024", "Theo quy tắc cũ"), tagsOf(app, insuranceId));
            reextractor.one(documents.findById(insuranceId).orElseThrow(), true);
            assertEquals(Set.of("Năm 2024", "Chuyển đổi số"), tagsOf(app, insuranceId));

            // a saved search: nothing new when saved; a document that comes in later is new, on the page and in the feed
            String user = app.user(Role.VIEWER);
            String viewer = app.apiToken(Role.VIEWER);
            HttpResponse<String> save = http.send(HttpRequest.newBuilder(URI.create(base + "/api/saved-searches"))
                    .header("Authorization", "Bearer " + viewer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Lũ quét\", \"search\": \"q=lũ quét\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, save.statusCode(), save.body());
            SavedSearches saved = app.bean(SavedSearches.class);
            SavedSearches.Saved s = saved.find(user, "Lũ quét").orElseThrow();
            assertEquals(0, saved.newCount(s));
            Thread.sleep(5); // a later instant than the save, on any clock
            IngestOutcome later = ingest.ingest("upload:lu.txt", "lu.txt", letter("20/KH-SNV", "SỞ NỘI VỤ", "KẾ HOẠCH",
                    "Khắc phục hậu quả lũ quét", "Các xã báo cáo thiệt hại.").getBytes(StandardCharsets.UTF_8), false);
            assertEquals(1, saved.newCount(s));
            String follow = http.send(HttpRequest.newBuilder(URI.create(base + "/theo-doi"))
                    .header("Authorization", "Bearer " + viewer).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(follow.contains("Lũ quét") && follow.contains("1 văn bản mới") && follow.contains("/van-ban/" + later.id()), follow);
            String atom = http.send(HttpRequest.newBuilder(URI.create(base + "/theo-doi/tim-kiem.atom?ten="
                    + java.net.URLEncoder.encode("Lũ quét", StandardCharsets.UTF_8) + "&token=" + viewer)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(atom.contains("<feed") && atom.contains("/van-ban/" + later.id()) && atom.contains("Khắc phục hậu quả lũ quét"), atom);
            HttpResponse<String> matches = http.send(HttpRequest.newBuilder(URI.create(base + "/api/saved-searches/matches?name="
                    + java.net.URLEncoder.encode("Lũ quét", StandardCharsets.UTF_8) + "&seen=true"))
                    .header("Authorization", "Bearer " + viewer).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(matches.body().contains("\"isNew\":true"), matches.body());
            assertEquals(0, saved.newCount(saved.find(user, "Lũ quét").orElseThrow()), "looked at: no longer new");
            assertThrows(IllegalArgumentException.class, () -> saved.save(user, "", "q=x"));
            assertThrows(IllegalArgumentException.class, () -> saved.save(user, "rỗng", ""));

            // deleting a document takes its tags with it
            app.bean(vn.vanban.correction.Deletions.class).delete(insuranceId, "test", null);
            assertTrue(app.bean(Tags.class).of(insuranceId).isEmpty());
        }
    }
}
