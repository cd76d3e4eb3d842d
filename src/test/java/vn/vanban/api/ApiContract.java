package vn.vanban.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.vanban.hardening.HostileFiles;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** The REST API over real HTTP, on a real database; run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {

    abstract Databases database();

    TestApp app;
    String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        app = TestApp.start(database(), Map.of("vanban.max-file-size", 300_000));
        base = app.serve();
        editorToken = app.apiToken(vn.vanban.auth.Role.EDITOR);
    }

    String editorToken;

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void uploadThenReadBack() throws Exception {
        byte[] docx = Fixtures.bytes("dev-office/docx/000_dfb5246ff8e502db.docx");
        HttpResponse<String> created = upload("huong-dan.docx", docx);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"status\":\"ADDED\""), created.body());
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

        HttpResponse<String> again = upload("huong-dan.docx", docx);
        assertEquals(200, again.statusCode(), "same bytes: unchanged");
        assertTrue(again.body().contains("UNCHANGED"));

        HttpResponse<String> doc = get("/api/documents/" + id);
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("\"number\":\"43/HD-STTTT\""), doc.body());
        assertTrue(doc.body().contains("\"versions\""), doc.body());

        HttpResponse<String> text = get("/api/documents/" + id + "/text");
        assertEquals(200, text.statusCode());
        assertTrue(text.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        assertTrue(text.body().contains("Quyết định số 2099/QĐ-UBND"));

        HttpResponse<byte[]> original = http.send(request("/api/documents/" + id + "/original").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, original.statusCode());
        assertArrayEquals(docx, original.body());
        assertTrue(original.headers().firstValue("content-disposition").orElse("").contains("huong-dan.docx"));

        HttpResponse<String> list = get("/api/documents?page=0&size=5");
        assertTrue(list.body().contains("\"total\":"), list.body());

        HttpResponse<String> refs = get("/api/documents/" + id + "/references");
        assertEquals(200, refs.statusCode());
        assertTrue(refs.body().contains("\"number\":\"2099/QĐ-UBND\""), refs.body());
        HttpResponse<String> cites = get("/api/citations?number=" + enc("2099/QD-UBND") + "&year=2018");
        assertEquals(200, cites.statusCode());
        assertTrue(cites.body().contains("\"documentId\":" + id) && cites.body().contains("\"sentence\":\"Hoàn thành xuất sắc"), cites.body());
        assertTrue(get("/api/citations/top?limit=5").body().contains("\"citingDocuments\":"));
        assertEquals(200, get("/api/documents/" + id + "/cited-by").statusCode());
        assertEquals(400, get("/api/citations").statusCode());

        HttpResponse<String> search = get("/api/search?q=" + enc("quyet dinh 2099"));
        assertEquals(200, search.statusCode());
        assertTrue(search.body().contains("\"id\":" + id), search.body());
        assertTrue(search.body().contains("<mark>"), search.body());

        // a number not held: its citing document, and the result says so
        HttpResponse<String> lookup = get("/api/search?q=" + enc("QĐ 2099/QĐ-UBND"));
        assertTrue(lookup.body().contains("\"numbers\":[{\"number\":\"2099/QĐ-UBND\",\"held\":0,\"citing\":1}]"), lookup.body());
        // nothing matches: the same shape, empty
        HttpResponse<String> none = get("/api/search?q=" + enc("zqxw vvqz"));
        assertEquals(200, none.statusCode());
        for (String field : new String[] {"\"total\":0", "\"hits\":[]", "\"facets\":{}", "\"numbers\":[]", "\"suggestions\":[]"}) {
            assertTrue(none.body().contains(field), field + " in " + none.body());
        }
    }

    @Test
    void badUploadsGetClearErrorsAndAreRecorded() throws Exception {
        HttpResponse<String> unsupported = upload("random.bin", HostileFiles.random(4096, 1));
        assertEquals(415, unsupported.statusCode(), unsupported.body());
        assertTrue(unsupported.body().contains("unsupported file type"), unsupported.body());

        byte[] docx = Fixtures.bytes("dev-office/docx/002_4722339fd0f083dc.docx");
        HttpResponse<String> broken = upload("broken.docx", HostileFiles.truncated(docx, 0.5));
        assertEquals(400, broken.statusCode(), broken.body());
        assertTrue(broken.body().contains("CORRUPT"), broken.body());

        HttpResponse<String> encrypted = upload("secret.pdf", HostileFiles.encryptedPdf(0));
        assertEquals(400, encrypted.statusCode(), encrypted.body());
        assertTrue(encrypted.body().contains("encrypted"), encrypted.body());

        HttpResponse<String> tooLarge = upload("big.txt", "a".repeat(400_000).getBytes(StandardCharsets.UTF_8));
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("file too large"), tooLarge.body());

        HttpResponse<String> traversal = upload("../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, traversal.statusCode(), traversal.body());

        HttpResponse<String> failures = get("/api/failures");
        assertEquals(200, failures.statusCode());
        assertTrue(failures.body().contains("broken.docx") && failures.body().contains("secret.pdf")
                && failures.body().contains("random.bin") && failures.body().contains("big.txt"), failures.body());
    }

    @Test
    void deadlinesTasksAndTheCalendarFeed() throws Exception {
        HttpResponse<String> created = upload("000-huong-dan.docx", Fixtures.bytes("dev-office/docx/000_dfb5246ff8e502db.docx"));
        assertTrue(created.statusCode() == 201 || created.statusCode() == 200, created.body());
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

        // what is due in the 30 days after the Hướng dẫn for the Phòng Văn hóa
        HttpResponse<String> due = get("/api/deadlines?from=2019-01-11&to=2019-02-10&unit=" + enc("Phòng Văn hóa") + "&document=" + id);
        assertEquals(200, due.statusCode(), due.body());
        assertTrue(due.body().contains("\"date\":\"2019-01-15\"") && due.body().contains("Báo cáo hoạt động Thông tin điện tử"), due.body());
        assertTrue(due.body().contains("\"overdue\":true"), "2019 is past");
        assertEquals("[]", get("/api/deadlines?from=2019-01-11&to=2019-02-10&status=upcoming&document=" + id).body());
        // a recurring deadline is expanded into its occurrences in the window
        HttpResponse<String> year = get("/api/deadlines?from=2019-01-01&to=2019-12-31&document=" + id);
        for (String month : new String[] {"02", "04", "06", "08", "10", "12"}) {
            assertTrue(year.body().contains("\"date\":\"2019-" + month + "-25\""), "even month " + month);
        }
        HttpResponse<String> csv = get("/api/deadlines.csv?from=2019-01-01&to=2019-12-31&document=" + id);
        assertEquals(200, csv.statusCode());
        // headers and values a person reads; the rule stays as the last column
        assertTrue(csv.body().contains("Ngày,Thời hạn,Định kỳ,Nội dung") && csv.body().contains("30/06/2019")
                && csv.body().contains("ngày 25 các tháng chẵn") && csv.body().contains("FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12")
                && !csv.body().contains("false"), csv.body());
        // a long window is listed a page at a time (100 rows, or fewer when asked)
        String window = "from=2019-01-01&to=2023-12-31&size=20&document=" + id;
        int occurrences = get("/api/deadlines?" + window).body().split("\"deadlineId\"", -1).length - 1;
        assertTrue(occurrences > 40, occurrences + " occurrences in five years");
        String first = get("/thoi-han?" + window).body();
        assertEquals(20, first.split("class=\"what\"", -1).length - 1);
        assertTrue(first.contains("id=\"next-page\"") && first.contains("(" + occurrences + " thời hạn)"), first);
        int last = (occurrences + 19) / 20;
        String lastPage = get("/thoi-han?" + window + "&page=" + last).body();
        assertEquals(occurrences - 20 * (last - 1), lastPage.split("class=\"what\"", -1).length - 1);
        assertFalse(lastPage.contains("id=\"next-page\""));
        // the deadlines page writes a recurring deadline in Vietnamese, not as its rule
        HttpResponse<String> page = get("/thoi-han?month=2019-02&document=" + id);
        assertTrue(page.body().contains("định kỳ: ngày 25 các tháng chẵn") && !page.body().contains("FREQ="), page.body());
        // the document picked by its number, as the list offers it or as typed without diacritics, shows the same
        assertTrue(page.body().contains("<option value=\"43/HD-STTTT\">"), "the picker lists the documents that set deadlines");
        String byNumber = get("/thoi-han?month=2019-02&document=" + enc("43/HD-STTTT")).body();
        assertEquals(page.body().split("class=\"what\"", -1).length, byNumber.split("class=\"what\"", -1).length);
        assertTrue(byNumber.contains("Thời hạn của Hướng dẫn số 43/HD-STTTT"), byNumber);
        assertTrue(get("/thoi-han?month=2019-02&document=" + enc("43/hd-stttt")).body()
                .contains("Thời hạn của Hướng dẫn số 43/HD-STTTT"));
        assertTrue(get("/thoi-han?document=" + enc("999/XYZ")).body().contains("Không có văn bản \u201c999/XYZ\u201d trong kho."));
        assertEquals(400, get("/api/deadlines?status=soon").statusCode());

        HttpResponse<String> tasks = get("/api/tasks?period=2019&assignee=" + enc("Phòng Văn hóa") + "&q=ipv6");
        assertEquals(200, tasks.statusCode());
        assertTrue(tasks.body().contains("Tuyên truyền về sử dụng IPv6") && tasks.body().contains("\"field\":\"Viễn thông\""), tasks.body());
        assertEquals("[]", get("/api/tasks?period=2023-Q2&q=ipv6").body());
        assertTrue(get("/api/tasks.csv?period=2019").body().contains("Kỳ,Đơn vị,Lĩnh vực,Nhiệm vụ"));
        // the period as the pages write it finds what its code finds
        assertEquals(tasks.body(), get("/api/tasks?period=" + enc("Năm 2019") + "&assignee=" + enc("Phòng Văn hóa") + "&q=ipv6").body());
        assertEquals(400, get("/api/tasks?period=" + enc("tuần sau")).statusCode());
        // a page at a time: the total in a header, the next page linked, the pages together are the whole list
        HttpResponse<String> all = get("/api/tasks?size=1000");
        int total = Integer.parseInt(all.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(total >= 3, "the dev documents set tasks: " + total);
        HttpResponse<String> firstTwo = get("/api/tasks?size=2");
        assertEquals(String.valueOf(total), firstTwo.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(firstTwo.headers().firstValue("Link").orElse("").contains("page=1"), firstTwo.headers().map().toString());
        StringBuilder pages = new StringBuilder();
        for (int p = 0; p * 2 < total; p++) {
            String body = get("/api/tasks?size=2&page=" + p).body();
            pages.append(pages.isEmpty() ? "" : ",").append(body, 1, body.length() - 1);
        }
        assertEquals(all.body(), "[" + pages + "]");
        assertTrue(get("/api/tasks?size=2&page=" + total).body().equals("[]"));
        assertEquals(400, get("/api/tasks?size=5000").statusCode());
        HttpResponse<String> tasksPage = get("/nhiem-vu?period=" + enc("Năm 2019") + "&q=ipv6");
        assertTrue(tasksPage.body().contains("Tuyên truyền về sử dụng IPv6") && tasksPage.body().contains("value=\"Năm 2019\""),
                tasksPage.body());
        HttpResponse<String> bad = get("/nhiem-vu?period=" + enc("tuần sau"));
        assertTrue(bad.body().contains("Không hiểu kỳ"), bad.statusCode() + " " + bad.body());

        HttpResponse<String> ics = get("/api/calendar.ics?from=2019-01-01&to=2019-12-31&document=" + id);
        assertEquals(200, ics.statusCode());
        assertTrue(ics.headers().firstValue("content-type").orElse("").startsWith("text/calendar"));
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(ics.body()));
        java.util.Set<String> rules = new java.util.HashSet<>();
        for (var event : calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT")) {
            event.<net.fortuna.ical4j.model.property.RRule<?>>getProperty("RRULE").ifPresent(r -> rules.add(r.getValue()));
            assertTrue(event.getProperty("URL").isPresent() && event.getProperty("UID").isPresent());
            // an event opens the document's page, not its JSON
            assertTrue(event.getProperty("URL").get().getValue().endsWith("/van-ban/" + id), event.toString());
            // a reminder a week before (vanban.reminders.days, default 7)
            var alarms = event.getAlarms();
            assertEquals(1, alarms.size(), event.toString());
            String trigger = alarms.get(0).getProperty("TRIGGER").orElseThrow().getValue();
            assertTrue(trigger.equals("-P7D") || trigger.equals("-P1W"), trigger); // seven days before, as RFC 5545 writes it
            assertEquals("DISPLAY", alarms.get(0).getProperty("ACTION").orElseThrow().getValue());
        }
        assertTrue(rules.contains("FREQ=MONTHLY;BYMONTH=2,4,6,8,10,12;BYMONTHDAY=25"), rules.toString());
        assertTrue(rules.contains("FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=10"), rules.toString());
        assertTrue(rules.contains("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"), rules.toString());
    }

    @Test
    void missingAndInvalidRequests() throws Exception {
        assertEquals(404, get("/api/documents/999999").statusCode());
        assertEquals(400, get("/api/search?q=x&size=1000").statusCode());
        assertEquals(400, get("/api/documents?page=-1").statusCode());
        HttpResponse<String> spec = get("/openapi/vanban-0.1.yml");
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().contains("openapi:") && spec.body().contains("/api/search:")
                && spec.body().contains("/api/citations:") && spec.body().contains("/api/calendar.ics:"), spec.body());
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    }

    /**
     * Searches run on a pool of platform threads of their own: with every thread of it busy, a search waits while other
     * routes (on virtual threads) still answer, and it answers once a thread is free; with the queue full too, a
     * search is refused at once with 503 and Retry-After.
     */
    @Test
    void searchesRunOnAPoolOfTheirOwn() throws Exception {
        var pool = app.context.getBean(java.util.concurrent.ExecutorService.class,
                Qualifiers.byName(vn.vanban.search.SearchPool.EXECUTOR));
        var settings = app.context.getBean(vn.vanban.search.SearchPool.Settings.class);
        int threads = settings.threadCount();
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), threads, "default size: twice the cores");
        var started = new java.util.concurrent.CountDownLatch(threads);
        var release = new java.util.concurrent.CountDownLatch(1);
        var virtual = new java.util.concurrent.atomic.AtomicBoolean();
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                virtual.compareAndSet(false, Thread.currentThread().isVirtual());
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertTrue(started.await(30, java.util.concurrent.TimeUnit.SECONDS), "every search thread taken");
            assertEquals(false, virtual.get(), "platform threads");
            var search = http.sendAsync(request("/api/search?q=" + enc("kế hoạch")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, get("/api/documents?page=0&size=1").statusCode(), "other routes answer meanwhile");
            assertEquals(200, get("/health").statusCode());
            // the search waits in the queue for a thread of its pool (however slowly a busy machine brings it there)
            var factory = app.context.getBean(vn.vanban.search.SearchPool.class);
            long patience = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (factory.waiting() < 1 && !search.isDone() && System.nanoTime() < patience) {
                Thread.sleep(10);
            }
            assertEquals(1, factory.waiting(), "the search waits for a thread of its pool");
            assertFalse(search.isDone(), "and has no answer yet");

            // the waiting search holds one place of the queue; fill the others
            int filled = 0;
            try {
                while (filled <= settings.queue()) {
                    pool.execute(() -> { });
                    filled++;
                }
            } catch (java.util.concurrent.RejectedExecutionException full) {
                // the queue is full
            }
            assertEquals(settings.queue() - 1, filled, "places left in the queue beside the waiting search");
            HttpResponse<String> busy = get("/api/search?q=" + enc("báo cáo"));
            assertEquals(503, busy.statusCode(), busy.body());
            assertEquals("1", busy.headers().firstValue("retry-after").orElse(""));
            assertTrue(busy.body().contains("try again"), busy.body());

            release.countDown();
            HttpResponse<String> answer = search.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"total\":"), answer.body());
            assertEquals(200, get("/api/search?q=" + enc("báo cáo")).statusCode(), "served again once the queue drained");
        } finally {
            release.countDown();
        }
    }

    private HttpResponse<String> upload(String name, byte[] bytes) throws Exception {
        return http.send(vn.vanban.hardening.MultipartUpload.of(URI.create(base + "/api/documents"), "file", name, bytes)
                .header("Authorization", "Bearer " + editorToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
