package vn.vanban.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanban.auth.AuthTest;
import vn.vanban.auth.Role;
import vn.vanban.ingest.IngestOutcome;
import vn.vanban.ingest.IngestService;
import vn.vanban.store.DocumentRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * Following a document (issue 19): a user follows a circular, a new one amends it, the user sees it on the API, the
 * "Theo dõi" page and the Atom feed; and so sánh: the amended and the amending document, two versions, side by side.
 */
class FollowAndCompareTest {

    @ParameterizedTest
    @EnumSource(Databases.class)
    void aFollowerSeesWhatAmendsTheDocumentAndCanCompare(Databases db) throws Exception {
        try (TestApp app = TestApp.start(db, Map.of("vanban.validity-day", "2026-12-01"))) {
            IngestService ingest = app.bean(IngestService.class);
            Path dir = Fixtures.path("relations/gazette/hdld");
            IngestOutcome followed = ingest.ingestFile(dir.resolve("thong-tu-so-21-2021-tt-bldtbxh-36486.txt"), false);
            String key = app.bean(DocumentRepository.class).findById(followed.id()).orElseThrow().citeKey();
            String base = app.serve();
            HttpClient http = HttpClient.newHttpClient();
            String token = app.apiToken(Role.VIEWER);
            assertEquals(401, send(http, base + "/api/follows", null, "GET", null).statusCode(), "signed-in users only");
            HttpResponse<String> f = send(http, base + "/api/follows", token, "POST",
                    "{\"key\":\"" + key + "\",\"label\":\"Thông tư 21/2021/TT-BLĐTBXH\"}");
            assertEquals(201, f.statusCode(), f.body());
            assertTrue(f.body().contains("\"status\":\"con_hieu_luc\""), f.body());
            assertEquals("[]", send(http, base + "/api/follows/events", token, "GET", null).body());

            // a new circular amends the followed one
            IngestOutcome amending = ingest.ingestFile(dir.resolve("thong-tu-so-02-2024-tt-bldtbxh-41394.txt"), false);
            String events = send(http, base + "/api/follows/events", token, "GET", null).body();
            assertTrue(events.contains("\"relation\":\"amends\"") && events.contains("\"doer\":\"02/2024/TT-BLĐTBXH\"")
                    && events.contains("\"afterFollowing\":true") && events.contains("\"doerHeld\":" + amending.id()), events);

            // the Atom feed, read by a feed reader that passes the token
            HttpResponse<String> atom = http.send(HttpRequest.newBuilder(URI.create(base + "/theo-doi.atom?token=" + token))
                    .header("Accept", "application/atom+xml, application/xml;q=0.9, */*;q=0.8").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, atom.statusCode(), atom.body());
            assertTrue(atom.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
            SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
            assertEquals(1, feed.getEntries().size());
            assertEquals("Thông tư 21/2021/TT-BLĐTBXH bị sửa đổi, bổ sung bởi 02/2024/TT-BLĐTBXH",
                    feed.getEntries().get(0).getTitle());
            assertTrue(feed.getEntries().get(0).getLink().endsWith("/van-ban/" + amending.id()));

            // the pages, signed in: "Theo dõi" lists it; the document page unfollows with its CSRF token
            HttpClient browser = AuthTest.signedIn(base, app.user(Role.VIEWER));
            String page = AuthTest.get(browser, base + "/theo-doi", "Accept", AuthTest.HTML).body();
            assertTrue(page.contains("bị sửa đổi, bổ sung bởi 02/2024/TT-BLĐTBXH"), page);
            String doc = AuthTest.get(browser, base + "/van-ban/" + followed.id(), "Accept", AuthTest.HTML).body();
            assertTrue(doc.contains("Bỏ theo dõi") && doc.contains("Bị sửa đổi, bổ sung bởi"), doc);

            // so sánh from the amendment's link: the followed circular against the amending one
            Matcher compare = Pattern.compile("href=\"(/so-sanh\\?[^\"]+)\"").matcher(doc);
            assertTrue(compare.find(), "a comparison link by the amendment");
            String compared = AuthTest.get(browser, base + compare.group(1).replace("&amp;", "&"), "Accept", AuthTest.HTML).body();
            assertTrue(compared.contains("<table class=\"diff\">") && compared.contains("<ins>") && compared.contains("<del>"),
                    compared);

            HttpResponse<String> gone = AuthTest.postForm(browser, base + "/theo-doi", Map.of("csrfToken", AuthTest.csrf(doc),
                    "key", key, "action", "unfollow", "back", "/van-ban/" + followed.id()));
            assertEquals(303, gone.statusCode(), gone.body());
            assertEquals("[]", send(http, base + "/api/follows", token, "GET", null).body());
            HttpResponse<String> elsewhere = AuthTest.postForm(browser, base + "/theo-doi", Map.of("csrfToken",
                    AuthTest.csrf(doc), "key", key, "back", "//evil.example/"));
            assertEquals("/theo-doi", elsewhere.headers().firstValue("Location").orElse(""), "never sent elsewhere");

            // two versions of one source: the words added and removed, markup in them shown as text
            String text = Files.readString(Fixtures.path("dev/000_dfb5246ff8e502db.txt"));
            IngestOutcome v1 = ingest.ingest("upload:kh.txt", "kh.txt", text.getBytes(StandardCharsets.UTF_8), false);
            IngestOutcome v2 = ingest.ingest("upload:kh.txt", "kh.txt", (text.replaceFirst("Bắc Kạn", "Bắc Giang")
                    + "\nBổ sung <script>x()</script> lần hai.").getBytes(StandardCharsets.UTF_8), false);
            String vpage = AuthTest.get(browser, base + "/van-ban/" + v2.id(), "Accept", AuthTest.HTML).body();
            assertTrue(vpage.contains("/so-sanh?a=" + v1.id() + "&amp;b=" + v2.id()), "the versions compared from the page");
            String versions = AuthTest.get(browser, base + "/so-sanh?a=" + v1.id() + "&b=" + v2.id(), "Accept", AuthTest.HTML).body();
            assertTrue(versions.contains("<del>Kạn</del>") && versions.contains("<ins>Giang</ins>"), versions);
            assertTrue(versions.contains("&lt;script&gt;") && !versions.contains("<script>x()"), "markup escaped");
            assertTrue(AuthTest.get(browser, base + "/so-sanh?a=" + v1.id() + "&b=" + v2.id() + "&phanA=" + enc("Điều 99"),
                    "Accept", AuthTest.HTML).body().contains("Không tìm thấy Điều 99"));
            assertEquals(400, AuthTest.get(browser, base + "/so-sanh?a=" + v1.id() + "&b=" + v2.id() + "&phanA=abc",
                    "Accept", AuthTest.HTML).statusCode());
            assertFalse(versions.contains("Hai bên giống nhau"));
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> send(HttpClient http, String url, String token, String method, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
