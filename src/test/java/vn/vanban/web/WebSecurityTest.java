package vn.vanban.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vanban.ingest.IngestService;
import vn.vanban.store.DocumentRepository;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * Hostile requests against every route the server has: SQL metacharacters in every query parameter, path traversal
 * in every path parameter and in static paths, markup in queries, oversized requests. None may succeed: no server
 * error, no file from outside the served folders, no markup echoed unescaped, no change to the data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSecurityTest {

    static final List<String> SQL = List.of("' OR '1'='1", "1; DROP TABLE document; --", "\" OR \"\"=\"", "1' UNION SELECT password_hash FROM app_user --",
            "%' AND SLEEP(5) AND '%'='", "\\'; SHUTDOWN; --");
    static final List<String> TRAVERSAL = List.of("../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fapplication.yml",
            "....//....//etc/passwd", "..\\..\\windows\\win.ini", "%252e%252e%252fetc%252fpasswd", "/etc/passwd", "..%00/etc/passwd");
    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'><svg onload=alert(2)>";
    /** Query parameters the routes read. */
    static final List<String> PARAMS = List.of("q", "type", "issuer", "province", "year", "from", "to", "field", "status",
            "draft", "deadlines", "sort", "page", "size", "unit", "month", "doc", "refs", "key", "format", "trang", "loi", "cam",
            "token", "overdue", "upcoming", "start", "end", "kind");

    TestApp app;
    String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    long documents;
    long accounts;

    @BeforeAll
    void start() {
        app = TestApp.start(Databases.H2);
        IngestService ingest = app.bean(IngestService.class);
        for (var p : Fixtures.files("dev")) {
            ingest.ingestFile(p, false);
        }
        documents = app.bean(DocumentRepository.class).count();
        base = app.serve();
        accounts = app.bean(vn.vanban.auth.UserRepository.class).count(); // the admin made at start-up
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Every GET route template, e.g. "/api/documents/{id}". */
    List<String> getRoutes() {
        Set<String> out = new TreeSet<>();
        app.bean(Router.class).uriRoutes().filter(r -> r.getHttpMethod() == HttpMethod.GET)
                .forEach(r -> out.add(r.getUriMatchTemplate().toString()));
        return new ArrayList<>(out);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Accept", "text/html,application/json,*/*").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]*}", value).replaceAll("\\{\\?[^}]*}", "");
    }

    static void assertNoLeak(String what, HttpResponse<String> r) {
        assertTrue(r.statusCode() < 500, what + " → " + r.statusCode() + " " + r.body().substring(0, Math.min(400, r.body().length())));
        String body = r.body();
        assertFalse(body.contains("root:x:0:0"), what + " leaked /etc/passwd");
        assertFalse(body.contains("datasources:") || body.contains("<configuration>"), what + " leaked a configuration file");
        assertFalse(body.contains("$argon2id$"), what + " leaked a password hash");
        String type = r.headers().firstValue("content-type").orElse("");
        if (type.startsWith("text/html")) {
            assertFalse(body.contains("<script>alert('x')</script>") || body.contains("<svg onload=alert(2)>"), what + " echoed markup unescaped");
        } else {
            // markup quoted in JSON or text is inert as long as the browser never sniffs it into HTML
            assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""), what);
        }
    }

    @Test
    void sqlMetacharactersAndMarkupInEveryParameterOfEveryRoute() throws Exception {
        List<String> routes = getRoutes();
        assertTrue(routes.size() > 20, "routes found: " + routes);
        int requests = 0;
        for (String route : routes) {
            if (route.startsWith("/static") || route.startsWith("/openapi")) {
                continue;
            }
            String path = fill(route.replaceAll("\\{[^}/]*:[^}]*}", "1"), "1");
            for (String param : PARAMS) {
                for (String payload : concat(SQL, List.of(XSS))) {
                    HttpResponse<String> r = get(path + "?" + param + "=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
                    assertNoLeak(route + " ?" + param + "=" + payload, r);
                    requests++;
                }
            }
        }
        HttpResponse<String> home = get("/");
        assertTrue(home.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
        assertEquals("DENY", home.headers().firstValue("x-frame-options").orElse(""));
        System.out.println("SQL/markup requests: " + requests + " on " + routes.size() + " routes, none succeeded");
        assertEquals(documents, app.bean(DocumentRepository.class).count(), "the data is unchanged");
        assertEquals(accounts, app.bean(vn.vanban.auth.UserRepository.class).count(), "no account was made or lost");
    }

    @Test
    void traversalInEveryPathParameterAndStaticPath() throws Exception {
        int requests = 0;
        for (String route : getRoutes()) {
            if (!route.contains("{")) {
                continue;
            }
            for (String payload : TRAVERSAL) {
                String path = route.replaceAll("\\{[^}]*}", payload.replace("\\", "%5C"));
                HttpResponse<String> r;
                try {
                    r = get(path);
                } catch (IllegalArgumentException e) {
                    continue; // a URI the client itself refuses to send
                }
                assertNoLeak(route + " ← " + payload, r);
                assertTrue(r.statusCode() != 200 || !r.body().contains("root:"), route + " ← " + payload);
                requests++;
            }
        }
        for (String p : List.of("/static/../application.yml", "/static/%2e%2e/application.yml", "/static/..%2fapplication.yml",
                "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/openapi/../../logback.xml", "/static/../../../../etc/passwd",
                "/static/..%5c..%5capplication.yml", "/api/documents/..%2f..%2f..%2fetc%2fpasswd/original")) {
            HttpResponse<String> r = get(p);
            assertNoLeak(p, r);
            assertTrue(r.statusCode() >= 400, p + " → " + r.statusCode());
            requests++;
        }
        System.out.println("traversal requests: " + requests + ", none succeeded");
    }

    @Test
    void oversizedRequestsAreRefusedCleanly() throws Exception {
        String longQuery = "quyết định ".repeat(20_000);
        HttpResponse<String> q = get("/api/search?q=" + URLEncoder.encode(longQuery, StandardCharsets.UTF_8));
        assertTrue(q.statusCode() >= 400 && q.statusCode() < 500, "a 400 KB query line → " + q.statusCode());
        HttpResponse<String> header = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=a"))
                .header("X-Big", "x".repeat(200_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(header.statusCode() >= 400 && header.statusCode() < 500, "a 200 KB header → " + header.statusCode());
        byte[] big = new byte[300 << 20];
        HttpResponse<String> body;
        try {
            body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/citations/compile"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(body.statusCode() == 413 || body.statusCode() == 400, "a 300 MB body → " + body.statusCode());
        } catch (java.io.IOException e) {
            // the server closed the connection on the oversized body: refused too
        }
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base + "/api/citations/compile"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[" + "1,".repeat(200_000) + "1]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(json.statusCode() < 500, "a compile of 200,000 ids → " + json.statusCode());
        // and the server still answers
        assertEquals(200, get("/api/search?q=quyet").statusCode());
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
