package vn.vanban.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** Users, roles, sign-in, API tokens, CSRF, rate limiting and the audit trail, over real HTTP. */
public class AuthTest {

    /** What a browser sends for a page. */
    public static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    /** A browser-like client: keeps cookies, does not follow redirects. */
    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static HttpResponse<String> get(HttpClient c, String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> postForm(HttpClient c, String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return c.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", HTML).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(HttpClient c, String url, String field, String name, byte[] bytes,
                                       String... headers) throws Exception {
        HttpRequest.Builder b = vn.vanban.hardening.MultipartUpload.of(URI.create(url), field, name, bytes);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Refused: 403, or for a browser the redirect to the sign-in page saying so. */
    static void assertRefused(HttpResponse<String> r) {
        assertTrue(r.statusCode() == 403 || r.statusCode() == 303
                && r.headers().firstValue("location").orElse("").equals("/dang-nhap?cam=1"), r.statusCode() + " " + r.headers().map());
    }

    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "the page carries a CSRF token");
        return m.group(1);
    }

    public static HttpClient signedIn(String base, String user) throws Exception {
        HttpClient c = browser();
        HttpResponse<String> r = postForm(c, base + "/login", Map.of("username", user, "password", TestApp.PASSWORD));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/", r.headers().firstValue("location").orElse(""));
        return c;
    }

    @Test
    void rolesDecideWhoWritesAndEveryWriteIsAudited() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2)) {
            String base = app.serve();
            HttpClient anon = browser();
            byte[] docx = Fixtures.bytes("dev-office/docx/000_dfb5246ff8e502db.docx");
            // anonymous reading is on by default; writing is not
            assertEquals(200, get(anon, base + "/api/search?q=quyet").statusCode());
            assertEquals(200, get(anon, base + "/").statusCode());
            assertEquals(401, upload(anon, base + "/api/documents", "file", "a.docx", docx).statusCode());
            // a viewer's token reads but does not upload; an editor's does
            String viewer = app.apiToken(Role.VIEWER);
            assertEquals(403, upload(anon, base + "/api/documents", "file", "a.docx", docx, "Authorization", "Bearer " + viewer).statusCode());
            assertEquals(401, upload(anon, base + "/api/documents", "file", "a.docx", docx, "Authorization", "Bearer vbt_forged").statusCode());
            String editor = app.apiToken(Role.EDITOR);
            HttpResponse<String> created = upload(anon, base + "/api/documents", "file", "a.docx", docx, "Authorization", "Bearer " + editor);
            assertEquals(201, created.statusCode(), created.body());
            var events = app.bean(AuditRepository.class).findAll();
            assertTrue(events.stream().anyMatch(e -> e.action().equals("document.upload") && e.username().equals("test-editor")
                    && e.afterValue().contains("status=ADDED")), events.toString());
            // passwords are stored as Argon2id hashes only
            AppUser u = app.bean(UserRepository.class).findByUsername("test-editor").orElseThrow();
            assertTrue(u.passwordHash().startsWith("$argon2id$"), u.passwordHash());
            assertFalse(u.passwordHash().contains(TestApp.PASSWORD));
            // a revoked token stops working
            Users users = app.bean(Users.class);
            long tokenId = users.tokensOf("test-editor").get(0).id();
            users.revokeToken("test", "test-editor", tokenId);
            assertEquals(401, upload(anon, base + "/api/documents", "file", "b.docx", docx, "Authorization", "Bearer " + editor).statusCode());
        }
    }

    @Test
    void signInPagesAndCsrf() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2)) {
            String base = app.serve();
            String editor = app.user(Role.EDITOR);
            // pages for editors and admins send a signed-out browser to the sign-in page, GET or not
            for (String page : List.of("/tai-len", "/van-ban/1/sua", "/tai-khoan", "/quan-tri")) {
                HttpResponse<String> form = get(browser(), base + page, "Accept", HTML);
                assertEquals(303, form.statusCode(), page);
                assertTrue(form.headers().firstValue("location").orElse("").startsWith("/dang-nhap"), page);
            }
            assertEquals(200, get(browser(), base + "/api/documents/1/corrections", "Accept", "application/json").statusCode(),
                    "the corrections history is reading");
            // a wrong password goes back with an error
            HttpResponse<String> wrong = postForm(browser(), base + "/login", Map.of("username", editor, "password", "sai-mat-khau-1"));
            assertEquals("/dang-nhap?loi=1", wrong.headers().firstValue("location").orElse(""), wrong.statusCode() + " " + wrong.body());
            HttpClient c = signedIn(base, editor);
            HttpResponse<String> page = get(c, base + "/tai-len", "Accept", HTML);
            assertEquals(200, page.statusCode());
            String token = csrf(page.body());
            byte[] docx = Fixtures.bytes("dev-office/docx/001_6f21706be8332ce4.docx");
            // a form post without the CSRF token is refused; with it, the upload goes through
            assertRefused(upload(c, base + "/tai-len", "files", "b.docx", docx, "Accept", HTML));
            assertEquals(0, app.bean(vn.vanban.store.DocumentRepository.class).count(), "nothing was stored");
            HttpResponse<String> ok = upload(c, base + "/tai-len", "files", "b.docx", docx, "Accept", "application/json", "X-CSRF-TOKEN", token);
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(ok.body().contains("\"status\":\"ADDED\""), ok.body());
            // the form without JavaScript sends the token as a field of the multipart body
            HttpResponse<String> plainForm = c.send(vn.vanban.hardening.MultipartUpload.of(URI.create(base + "/tai-len"), "files",
                    "d.docx", Fixtures.bytes("dev-office/docx/002_4722339fd0f083dc.docx"), Map.of("csrfToken", token))
                    .header("Accept", HTML).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plainForm.statusCode());
            assertTrue(plainForm.body().contains("Đã thêm"), plainForm.body());
            // the session cookie does not write through the API (only API tokens do)
            assertEquals(403, upload(c, base + "/api/documents", "file", "c.docx", docx, "X-CSRF-TOKEN", token).statusCode());
            // the editor is not an admin
            assertEquals(303, get(c, base + "/quan-tri", "Accept", HTML).statusCode());
            // sign-out ends the session on the server: the old cookie no longer works
            HttpResponse<String> out = postForm(c, base + "/logout", Map.of("csrfToken", token));
            assertEquals(303, out.statusCode(), out.body());
            assertEquals(303, get(c, base + "/tai-len", "Accept", HTML).statusCode());
        }
    }

    @Test
    void signingInReturnsToThePageItWasAskedFrom() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2, Map.of("vanban.security.admin-password", "quan-tri-vien-123"))) {
            String base = app.serve();
            HttpClient reader = browser();
            // the header's link on a page names the page
            HttpResponse<String> search = get(reader, base + "/?q=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh", "Accept", HTML);
            assertTrue(search.body().contains("href=\"/dang-nhap?next=/?q%3Dngh"), search.body());
            assertEquals(200, get(reader, base + "/dang-nhap?next=" + java.net.URLEncoder.encode("/thoi-han?month=2019-02",
                    java.nio.charset.StandardCharsets.UTF_8), "Accept", HTML).statusCode());
            HttpResponse<String> in = postForm(reader, base + "/login", Map.of("username", "admin", "password", "quan-tri-vien-123"));
            assertEquals("/thoi-han?month=2019-02", in.headers().firstValue("location").orElse(""), "back to the page");
            // once: the next sign-in goes home
            get(reader, base + "/dang-nhap", "Accept", HTML);
            assertEquals("/", postForm(reader, base + "/login", Map.of("username", "admin", "password", "quan-tri-vien-123"))
                    .headers().firstValue("location").orElse(""));
            // another host is never where signing in leads
            HttpClient other = browser();
            get(other, base + "/dang-nhap?next=" + java.net.URLEncoder.encode("//evil.example/x", java.nio.charset.StandardCharsets.UTF_8),
                    "Accept", HTML);
            assertEquals("/", postForm(other, base + "/login", Map.of("username", "admin", "password", "quan-tri-vien-123"))
                    .headers().firstValue("location").orElse(""));
            // a page refused to an anonymous reader is returned to as well
            HttpClient refused = browser();
            HttpResponse<String> admin = get(refused, base + "/quan-tri", "Accept", HTML);
            assertEquals(303, admin.statusCode());
            assertEquals("/quan-tri", postForm(refused, base + "/login", Map.of("username", "admin", "password", "quan-tri-vien-123"))
                    .headers().firstValue("location").orElse(""));
        }
    }

    @Test
    void adminManagesUsersAndReadsTheAudit() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2, Map.of("vanban.security.admin-password", "quan-tri-vien-123"))) {
            String base = app.serve();
            HttpClient admin = browser();
            HttpResponse<String> in = postForm(admin, base + "/login", Map.of("username", "admin", "password", "quan-tri-vien-123"));
            assertEquals("/", in.headers().firstValue("location").orElse(""), "the admin from configuration signs in");
            HttpResponse<String> page = get(admin, base + "/quan-tri", "Accept", HTML);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("href=\"/quan-tri\""), "the admin's page links to administration");
            String token = csrf(page.body());
            HttpResponse<String> created = postForm(admin, base + "/quan-tri/tai-khoan",
                    Map.of("csrfToken", token, "username", "van-thu", "password", "mot-mat-khau-dai", "role", "EDITOR"));
            assertEquals(200, created.statusCode());
            assertTrue(created.body().contains("van-thu"), created.body());
            // the audit shows the change in Vietnamese, from an address as people write it
            assertTrue(created.body().contains("Tạo tài khoản") && created.body().contains("tài khoản van-thu")
                    && created.body().contains("Đăng nhập") && !created.body().contains("user.create")
                    && !created.body().contains("0:0:0:0:0:0:0:1"), created.body());
            assertTrue(created.body().contains("(máy chủ này)"), "the loopback address is named");
            // without the CSRF token the same form is refused
            assertRefused(postForm(admin, base + "/quan-tri/tai-khoan",
                    Map.of("username", "x-user", "password", "mot-mat-khau-dai", "role", "ADMIN")));
            assertTrue(app.bean(Users.class).find("x-user").isEmpty());
            // the last admin cannot be demoted
            HttpResponse<String> demote = postForm(admin, base + "/quan-tri/tai-khoan/admin",
                    Map.of("csrfToken", token, "role", "VIEWER", "active", "true"));
            assertTrue(demote.body().contains("ít nhất một quản trị viên"), demote.body());
        }
    }

    @Test
    void anonymousReadingCanBeSwitchedOffAndSignInIsRateLimited() throws Exception {
        try (TestApp app = TestApp.start(Databases.H2, Map.of("vanban.security.anonymous-read", false,
                "vanban.security.login-attempts", 5))) {
            String base = app.serve();
            HttpClient anon = browser();
            assertEquals(401, get(anon, base + "/api/search?q=quyet", "Accept", "application/json").statusCode());
            HttpResponse<String> home = get(anon, base + "/", "Accept", HTML);
            assertEquals(303, home.statusCode(), home.body());
            assertEquals(200, get(anon, base + "/dang-nhap").statusCode());
            assertEquals(200, get(anon, base + "/static/vanban.css").statusCode());
            // a viewer's token reads, also a calendar feed given as ?token=
            String viewer = app.apiToken(Role.VIEWER);
            assertEquals(200, get(anon, base + "/api/search?q=quyet", "Authorization", "Bearer " + viewer).statusCode());
            assertEquals(200, get(anon, base + "/api/calendar.ics?token=" + viewer).statusCode());
            assertEquals(401, get(anon, base + "/api/calendar.ics").statusCode());
            // the sixth attempt within a minute is refused before the password is even checked
            String user = app.user(Role.VIEWER);
            for (int i = 0; i < 5; i++) {
                assertEquals(303, postForm(anon, base + "/login", Map.of("username", user, "password", "sai-" + i)).statusCode());
            }
            HttpResponse<String> limited = postForm(anon, base + "/login", Map.of("username", user, "password", TestApp.PASSWORD));
            assertEquals(429, limited.statusCode());
            assertTrue(limited.headers().firstValue("retry-after").isPresent());
        }
    }

    @Test
    void firstStartCreatesAnAdminWithAOneTimePassword() {
        try (TestApp app = TestApp.start(Databases.H2)) {
            Users users = app.bean(Users.class);
            // no server started here, so no account exists yet: the first bootstrap makes the admin
            String password = users.bootstrap();
            assertTrue(password != null && password.length() >= Passwords.MIN_LENGTH, "a one-time password is generated");
            assertTrue(users.authenticate("admin", password).isPresent());
            assertEquals(Role.ADMIN, users.find("admin").orElseThrow().roleValue());
            assertEquals(null, users.bootstrap(), "only once");
        }
    }
}
