package vn.vanban.web;

import vn.vanban.normalize.Folding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import vn.vanban.ingest.IngestService;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/**
 * The web pages in a real headless browser (Debian's Chromium and chromedriver, installed by .ci/run), on a real
 * server with the sample documents. Each test saves a screenshot under target/screenshots/.
 */
@org.junit.jupiter.api.Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    TestApp app;
    String base;
    ChromeDriver browser;
    Path profile;
    long hostile;

    @BeforeAll
    void start() throws Exception {
        app = TestApp.start(Databases.H2);
        IngestService ingest = app.bean(IngestService.class);
        for (var p : Fixtures.files("dev")) {
            ingest.ingestFile(p, false);
        }
        // a decree and the published list that declares it replaced (issue 19: validity, lược đồ)
        ingest.ingestFile(Fixtures.path("relations/gazette/hdld/nghi-dinh-so-38-2022-nd-cp-37348.txt"), false);
        ingest.ingestFile(Fixtures.path("relations/gazette/bhxh/quyet-dinh-so-169-qd-bldtbxh-44203.txt"), false);
        hostile = ingest.ingest("test:hostile", "hostile.txt", ("Công văn về thử nghiệm <script>document.title='hacked'</script> "
                + "và <b onmouseover=\"x()\">thẻ</b> trong văn bản.").getBytes(java.nio.charset.StandardCharsets.UTF_8), false).id();
        base = app.serve();
        assertTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "Chromium and chromedriver are needed: apt-get install chromium chromium-driver (.ci/run does)");
        profile = Files.createTempDirectory("vanban-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1280,1000", "--user-data-dir=" + profile, "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        app.close();
        if (profile != null) {
            // the browser's profile is the test's own: leave nothing in the temporary directory (best effort: a
            // browser process still closing may hold a file a moment longer)
            if (!org.apache.commons.io.FileUtils.deleteQuietly(profile.toFile())) {
                System.err.println("could not remove the browser profile " + profile);
            }
        }
    }

    /** Signs in through the sign-in page. */
    private void signIn(String user) throws InterruptedException {
        open("/dang-nhap");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("main form button")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("/dang-nhap"));
    }

    private void open(String path) {
        browser.get(base + path);
    }

    private void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Waits for a page loaded by a click (the form's submit) to be current. */
    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the page did not load in 10 s");
            }
            Thread.sleep(50);
        }
    }

    private List<String> hitTitles() {
        return browser.findElements(By.cssSelector(".hit h3 a")).stream().map(WebElement::getText).toList();
    }

    @Test
    void searchWithAndWithoutDiacriticsFindsTheSameDocuments() throws Exception {
        open("/");
        assertEquals("Tìm kiếm văn bản — Vanban", browser.getTitle());
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("chữ ký số");
        browser.findElement(By.cssSelector("form.search button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("q="));
        List<String> accented = hitTitles();
        assertFalse(accented.isEmpty(), "documents about chữ ký số");
        assertTrue(browser.getCurrentUrl().contains("q="), "the query is in the URL: " + browser.getCurrentUrl());
        assertFalse(browser.findElements(By.cssSelector(".snippet mark")).isEmpty(), "matched words highlighted");
        shot("search-accented");

        open("/?q=chu+ky+so");
        assertEquals(accented, hitTitles(), "typed without diacritics: the same documents in the same order");
        assertEquals("chu ky so", browser.findElement(By.id("q")).getDomProperty("value"));
        shot("search-unaccented");
    }

    @Test
    void facetsFilterAndCanBeRemoved() throws Exception {
        open("/?q=" + java.net.URLEncoder.encode("nhiệm vụ", java.nio.charset.StandardCharsets.UTF_8));
        String before = browser.findElement(By.cssSelector(".summary")).getText();
        WebElement bacKan = browser.findElements(By.cssSelector(".facets li a")).stream()
                .filter(a -> a.getText().startsWith("Bắc Kạn")).findFirst().orElseThrow();
        String count = bacKan.findElement(By.cssSelector(".count")).getText();
        bacKan.click();
        waitFor(() -> browser.getCurrentUrl().contains("province="));
        assertTrue(browser.getCurrentUrl().contains("province="), browser.getCurrentUrl());
        assertEquals(Integer.parseInt(count), hitTitles().size(), "the facet's count is the filtered total");
        assertFalse(browser.findElements(By.cssSelector(".filters a")).isEmpty(), "the active filter is shown");
        shot("search-facet");
        browser.findElement(By.cssSelector(".filters a")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("province="));
        assertEquals(before, browser.findElement(By.cssSelector(".summary")).getText(), "filter removed");
    }

    @Test
    void openADocumentAndFollowACitationToItsCrossReference() throws Exception {
        open("/?q=" + java.net.URLEncoder.encode("43/HD-STTTT", java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.cssSelector(".hit h3 a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/van-ban/"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("43/HD-STTTT"));
        assertTrue(browser.findElement(By.cssSelector(".panel dl")).getText().contains("11/01/2019"), "dates as dd/mm/yyyy");
        assertFalse(browser.findElements(By.cssSelector(".recipients li")).isEmpty(), "the Nơi nhận list");
        assertFalse(browser.findElements(By.cssSelector(".fulltext a.cite")).isEmpty(), "citations linked in the text");
        assertFalse(browser.findElements(By.cssSelector(".fulltext mark.deadline")).isEmpty(), "deadlines marked in the text");
        shot("document");

        browser.findElements(By.cssSelector(".refs a")).stream().filter(a -> a.getText().contains("2099/QĐ-UBND"))
                .findFirst().orElseThrow().click();
        waitFor(() -> browser.getCurrentUrl().contains("/trich-dan/"));
        assertEquals("Quyết định số 2099/QĐ-UBND", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".panel")).getText().contains("chưa có trong kho"), "not held");
        String citing = browser.findElement(By.cssSelector(".citing")).getText();
        assertTrue(citing.contains("43/HD-STTTT") && citing.contains("giao chỉ tiêu kế hoạch"), citing);
        shot("cross-reference");

        browser.findElement(By.cssSelector(".citing a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/van-ban/"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("43/HD-STTTT"), "back to the citing document");
        open("/trich-dan");
        assertFalse(browser.findElements(By.cssSelector("tbody tr")).isEmpty(), "most cited documents listed");
        shot("most-cited");
    }

    private static String enc(String q) {
        return java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aReplacedDecreeSaysSoWithItsBadgeItsPageAndItsDiagram() throws Exception {
        open("/?q=" + enc("38/2022/NĐ-CP"));
        WebElement badge = browser.findElement(By.cssSelector(".hit .validity"));
        assertEquals("Hết hiệu lực toàn bộ", badge.getText());
        assertTrue(browser.findElement(By.cssSelector(".facets")).getText().contains("Hiệu lực"), "the validity facet");
        browser.findElement(By.cssSelector(".hit h3 a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/van-ban/"));
        String standing = browser.findElement(By.cssSelector(".standing")).getText();
        assertTrue(standing.contains("Hết hiệu lực toàn bộ") && standing.contains("từ ngày 01/07/2024, theo 74/2024/NĐ-CP")
                && standing.contains("Bị thay thế bởi") && standing.contains("theo danh mục 169/QĐ-BLĐTBXH")
                && standing.contains("Ngày có hiệu lực: 01/07/2022") && standing.contains("Thay thế") && standing.contains("90/2019/NĐ-CP"),
                standing);
        shot("document-validity");

        browser.findElement(By.id("diagram")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/luoc-do"));
        WebElement centre = browser.findElement(By.cssSelector("svg rect.centre"));
        assertTrue(centre.getAttribute("class").contains("het_hieu_luc_toan_bo"), "coloured by status: " + centre.getAttribute("class"));
        List<WebElement> nodes = browser.findElements(By.cssSelector("svg a.diagram-node"));
        assertTrue(nodes.size() >= 3, "the decree, what replaced it, what it replaced: " + nodes.size());
        assertTrue(browser.findElement(By.cssSelector("svg")).getText().contains("thay thế"), "ties labelled");
        shot("diagram");
        nodes.stream().filter(n -> n.getText().contains("90/2019/NĐ-CP")).findFirst().orElseThrow().click();
        waitFor(() -> browser.getCurrentUrl().contains("/trich-dan"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("90/2019/NĐ-CP"));
        assertTrue(browser.findElement(By.cssSelector(".standing")).getText().contains("Hết hiệu lực toàn bộ"),
                "the cross-reference page says it ended too");
    }

    @Test
    void aNumberNotHeldSaysSoAndLeadsToItsCrossReference() throws Exception {
        open("/?q=" + enc("Quyết định 2099/QĐ-UBND"));
        WebElement note = browser.findElement(By.cssSelector(".numbers"));
        assertEquals("Văn bản 2099/QĐ-UBND chưa có trong kho; 1 văn bản dẫn chiếu", note.getText());
        assertTrue(hitTitles().get(0).contains("43/HD-STTTT"), "the citing document is the hit: " + hitTitles());
        assertTrue(browser.findElements(By.cssSelector(".hit .snippet mark")).stream().anyMatch(m -> m.getText().equals("2099")),
                "its snippet is the sentence citing the number: " + browser.findElement(By.cssSelector(".hit .snippet")).getText());
        shot("search-number-not-held");
        note.findElement(By.tagName("a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/trich-dan/"));
        assertEquals("Quyết định số 2099/QĐ-UBND", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void theSearchWordsAreMarkedInTheOpenedDocument() throws Exception {
        open("/?q=" + enc("chữ ký số"));
        browser.findElement(By.cssSelector(".hit h3 a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/van-ban/"));
        assertTrue(browser.getCurrentUrl().endsWith("#m"), browser.getCurrentUrl());
        List<WebElement> marks = browser.findElements(By.cssSelector(".fulltext mark.q"));
        assertFalse(marks.isEmpty(), "the query's words marked in the text");
        assertEquals("m", marks.get(0).getDomAttribute("id"));
        assertTrue(marks.stream().allMatch(m -> List.of("chữ", "ký", "số").contains(m.getText().toLowerCase(java.util.Locale.ROOT))),
                "only the query's words: " + marks.stream().map(WebElement::getText).distinct().toList());
        Object top = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.getElementById('m').getBoundingClientRect().top;");
        double y = ((Number) top).doubleValue();
        // the anchor lands at the top: a fraction of a pixel above it where the layout has fractional heights
        assertTrue(y > -2 && y < 1000, "scrolled to the first mark (at " + y + " px)");
        assertTrue(browser.findElement(By.cssSelector("#text-h + .note")).getText().startsWith("Đánh dấu "));
        shot("document-marked");
    }

    @Test
    void aPagePastTheLastAndAQueryWithNoHitSaySo() throws Exception {
        open("/?q=" + enc("nhiệm vụ") + "&page=99");
        String summary = browser.findElement(By.cssSelector(".summary")).getText();
        assertTrue(summary.startsWith("Không còn kết quả ở trang này"), summary);
        assertFalse(summary.contains("991"), summary);
        browser.findElement(By.cssSelector(".past-end a")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("page="));
        assertTrue(browser.findElement(By.cssSelector(".summary")).getText().startsWith("Kết quả 1–"));

        open("/?q=" + enc("chữ ký số zqxwv"));
        assertTrue(hitTitles().isEmpty());
        WebElement suggestion = browser.findElement(By.cssSelector(".suggest a"));
        assertEquals("chữ ký số", suggestion.getText(), "the query without its last word finds something");
        suggestion.click();
        waitFor(() -> !browser.getCurrentUrl().contains("zqxwv"));
        assertFalse(hitTitles().isEmpty());
    }

    @Test
    void markupInADocumentIsShownAsTextNeverRun() throws Exception {
        open("/?q=" + java.net.URLEncoder.encode("thử nghiệm", java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(browser.findElement(By.cssSelector(".snippet")).getText().contains("<script>"), "shown as text");
        open("/van-ban/" + hostile);
        assertFalse(browser.getTitle().contains("hacked"), "the script did not run");
        assertTrue(browser.findElement(By.cssSelector(".fulltext")).getText().contains("<b onmouseover=\"x()\">thẻ</b>"));
        assertTrue(browser.findElements(By.cssSelector(".fulltext b, .fulltext script")).isEmpty(), "no element made from the text");
        shot("escaped");
    }

    @Test
    void deadlinesOfAMonthFilteredByUnitWithTheirCalendarFeed() throws Exception {
        // the month of the first dated deadline the sample documents set
        var first = app.bean(vn.vanban.store.DeadlineRepository.class).findAll().stream()
                .filter(d -> d.rrule() == null).min(java.util.Comparator.comparing(vn.vanban.store.DeadlineRecord::dueLast))
                .orElseThrow();
        String month = java.time.YearMonth.from(first.dueLast()).toString();
        open("/thoi-han?month=" + month);
        var expected = app.bean(vn.vanban.deadline.DeadlineQueries.class).occurrences(
                java.time.YearMonth.parse(month).atDay(1), java.time.YearMonth.parse(month).atEndOfMonth(), null, null, null,
                java.time.LocalDate.now());
        assertEquals(expected.size(), browser.findElements(By.cssSelector(".deadline-list tbody tr")).size());
        assertFalse(browser.findElements(By.cssSelector(".calendar li a")).isEmpty(), "deadlines in the calendar");
        assertFalse(browser.findElements(By.cssSelector(".deadline-list tr.overdue")).isEmpty(), "past deadlines marked overdue");
        shot("deadlines");

        String unit = first.who() != null ? first.who().split("[,;(]")[0].strip() : first.what().split("\\s+")[0];
        WebElement field = browser.findElement(By.name("unit"));
        field.clear();
        field.sendKeys(unit);
        browser.findElement(By.cssSelector(".filters-form button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("unit="));
        int filtered = browser.findElements(By.cssSelector(".deadline-list tbody tr")).size();
        assertTrue(filtered >= 1 && filtered <= expected.size(), "filtered by " + unit + ": " + filtered);
        shot("deadlines-unit");

        String ics = browser.findElement(By.id("ics")).getDomAttribute("href");
        assertTrue(ics.contains("unit="), "the feed keeps the filter: " + ics);
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + ics)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().startsWith("BEGIN:VCALENDAR") && response.body().contains("BEGIN:VEVENT"), response.body());
        assertTrue(browser.findElement(By.id("subscribe")).getDomAttribute("href").startsWith("webcal://"));
    }

    @Test
    void deadlinesOfOneDocumentFromItsPage() throws Exception {
        open("/?q=" + java.net.URLEncoder.encode("43/HD-STTTT", java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.cssSelector(".hit h3 a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/van-ban/"));
        String doc = browser.getCurrentUrl().replaceAll(".*/van-ban/(\\d+).*", "$1");
        browser.findElement(By.id("deadlines-of")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/thoi-han"));
        List<WebElement> rows = browser.findElements(By.cssSelector(".deadline-list tbody tr"));
        assertFalse(rows.isEmpty());
        for (WebElement r : rows) {
            assertEquals("/van-ban/" + doc, r.findElement(By.tagName("a")).getDomAttribute("href"), "only this document's");
        }
        shot("deadlines-document");
    }

    @Test
    void tasksGroupedByPeriodAndUnit() throws Exception {
        open("/nhiem-vu");
        assertFalse(browser.findElements(By.cssSelector(".period h2")).isEmpty(), "grouped by period");
        assertFalse(browser.findElements(By.cssSelector(".period h4")).isEmpty(), "then by field");
        int all = browser.findElements(By.cssSelector(".tasks li")).size();
        assertEquals(app.bean(vn.vanban.deadline.DeadlineQueries.class).tasks(null, null, null, null).size(), all);
        // periods in calendar order, newest first, each as the page writes it — and what the page writes filters
        List<String> periods = browser.findElements(By.cssSelector(".period h2")).stream().map(WebElement::getText)
                .filter(t -> !t.equals("Không rõ kỳ")).map(vn.vanban.deadline.Periods::parse).toList();
        List<String> ordered = new java.util.ArrayList<>(periods);
        ordered.sort(vn.vanban.deadline.Periods.NEWEST_FIRST);
        assertEquals(ordered, periods);
        String label = browser.findElements(By.cssSelector(".period h2")).get(0).getText();
        browser.findElement(By.name("period")).sendKeys(label);
        browser.findElement(By.cssSelector(".filters-form button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("period="));
        assertFalse(browser.findElements(By.cssSelector(".tasks li")).isEmpty(), "the heading's own label finds its tasks");
        for (WebElement h : browser.findElements(By.cssSelector(".period h2"))) {
            assertEquals(label, h.getText());
        }
        open("/nhiem-vu");
        browser.findElement(By.name("q")).sendKeys("chu ky so");
        browser.findElement(By.cssSelector(".filters-form button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("q="));
        List<WebElement> tasks = browser.findElements(By.cssSelector(".tasks li"));
        assertTrue(!tasks.isEmpty() && tasks.size() < all, tasks.size() + " of " + all);
        for (WebElement t : tasks) {
            assertTrue(vn.vanban.normalize.Folding.fold(t.getText()).contains("chu ky so"), t.getText());
        }
        shot("tasks");
    }

    @Test
    void uploadSeveralFilesThenFindThem(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        signIn(app.user(vn.vanban.auth.Role.EDITOR));
        open("/tai-len");
        Path docx = Fixtures.path("dev-office/docx/002_4722339fd0f083dc.docx").toAbsolutePath();
        Path broken = tmp.resolve("hong.docx");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        browser.findElement(By.id("files")).sendKeys(docx + "\n" + broken);
        browser.findElement(By.cssSelector("form.upload button")).click();
        // the page's script sends the files one by one with a progress bar each, and fills in each result
        waitFor(() -> browser.findElements(By.cssSelector(".upload-results tbody tr.done")).size() == 2);
        assertTrue(browser.getCurrentUrl().endsWith("/tai-len"), "stayed on the page: " + browser.getCurrentUrl());
        List<WebElement> rows = browser.findElements(By.cssSelector(".upload-results tbody tr"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).getText().contains("Đã có trong kho") || rows.get(0).getText().contains("Phiên bản mới")
                || rows.get(0).getText().contains("Đã thêm"), rows.get(0).getText());
        assertTrue(rows.get(1).getText().contains("Không nhận được") && (rows.get(1).getText().contains("Tệp hỏng")
                        || rows.get(1).getText().contains("Không đọc được loại tệp")),
                "the broken file is refused with its reason, in Vietnamese: " + rows.get(1).getText());
        shot("upload");
        rows.get(0).findElement(By.tagName("a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/van-ban/"));
        String title = browser.findElement(By.tagName("h1")).getText();
        assertTrue(title.contains("6 tháng"), title);
        String id = browser.getCurrentUrl().replaceAll(".*/van-ban/(\\d+).*", "$1");
        open("/?q=" + java.net.URLEncoder.encode("đánh giá công tác 6 tháng đầu năm", java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(browser.findElements(By.cssSelector(".hit h3 a")).stream()
                .anyMatch(a -> a.getDomAttribute("href").startsWith("/van-ban/" + id + "?q=")), "the uploaded document is found");
    }

    @Test
    void everyChosenDocumentIsWrittenAndProblemsAreNotedInVietnamese() throws Exception {
        // a held document nothing cites, typed by its number; a cited one; one that is nowhere
        open("/can-cu?refs=" + java.net.URLEncoder.encode("43/HD-STTTT\n2099/QĐ-UBND\n999/XYZ-KHONGCO",
                java.nio.charset.StandardCharsets.UTF_8));
        List<String> items = browser.findElements(By.cssSelector(".can-cu li")).stream().map(WebElement::getText).toList();
        assertEquals(2, items.size(), items.toString());
        assertTrue(items.stream().anyMatch(i -> i.startsWith("Căn cứ Hướng dẫn số 43/HD-STTTT")), items.toString());
        List<String> notes = browser.findElements(By.cssSelector(".notes li")).stream().map(WebElement::getText).toList();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("Không tìm thấy văn bản") && notes.get(0).contains("999/XYZ-KHONGCO"), notes.get(0));
    }

    @Test
    void compileTheCitationsOfADocumentAndDownloadTheDocx() throws Exception {
        open("/?q=" + java.net.URLEncoder.encode("43/HD-STTTT", java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.cssSelector(".hit h3 a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/van-ban/"));
        browser.findElement(By.id("compile")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/can-cu"));
        List<String> items = browser.findElements(By.cssSelector(".can-cu li")).stream().map(WebElement::getText).toList();
        assertTrue(items.size() >= 10, items.toString());
        int nd = -1;
        int local = -1;
        for (int i = 0; i < items.size(); i++) {
            nd = nd < 0 && items.get(i).startsWith("Căn cứ Nghị định") ? i : nd;
            local = local < 0 && items.get(i).contains("2099/QĐ-UBND") ? i : local;
        }
        assertTrue(nd >= 0 && local > nd, "central documents before local ones: " + items);
        shot("compile");
        String docx = browser.findElement(By.id("docx")).getDomAttribute("href");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + docx)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals('P', response.body()[0]);
        assertEquals('K', response.body()[1]);
        assertTrue(response.headers().firstValue("content-disposition").orElse("").contains("can-cu.docx"));
    }

    @Test
    void tagResultsSaveTheSearchSetAUnitsAddressAndRestoreFromTheTrash() throws Exception {
        IngestService ingest = app.bean(IngestService.class);
        String text = "UBND TỈNH BẮC KẠN\nSỞ NÔNG NGHIỆP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                + "Số: 77/KH-SNN\nBắc Kạn, ngày 10 tháng 4 năm 2024\nKẾ HOẠCH\nNạo vét kênh mương nội đồng năm 2024\n\n"
                + "Kính gửi: UBND các huyện.\n\nCác huyện nạo vét kênh mương trước mùa mưa.\n\nGIÁM ĐỐC\nLê Văn Bình\n";
        long id = ingest.ingest("test:kenh-muong", "kenh-muong.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), false).id();
        signIn(app.user(vn.vanban.auth.Role.EDITOR));
        // every result of a search tagged at once, then shown filtered by the tag
        open("/?q=" + enc("kênh mương nội đồng"));
        assertEquals(1, hitTitles().size());
        browser.findElement(By.id("bulk-tag-name")).sendKeys("Thủy lợi");
        browser.findElement(By.cssSelector("#bulk-tag button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("tag="));
        assertTrue(browser.findElement(By.cssSelector(".results .notice")).getText().contains("Đã gắn thẻ “Thủy lợi” cho 1 văn bản"));
        assertTrue(browser.findElement(By.cssSelector(".filters")).getText().contains("Thẻ: Thủy lợi"));
        assertEquals(1, hitTitles().size());
        // the search saved under a name, listed on the follow page
        WebElement name = browser.findElement(By.id("save-search-name"));
        name.clear();
        name.sendKeys("Kênh mương");
        browser.findElement(By.cssSelector("#save-search button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/theo-doi"));
        assertTrue(browser.findElement(By.cssSelector(".saved-searches")).getText().contains("Kênh mương"));
        // the document's page shows its tag; an editor adds one there
        open("/van-ban/" + id);
        browser.findElement(By.id("new-tag")).sendKeys("Mùa mưa");
        browser.findElement(By.cssSelector("#add-tag button")).click();
        waitFor(() -> browser.findElements(By.cssSelector(".tag-list li")).size() == 2);
        shot("tags");
        // a unit's address for the deadline digests
        open("/nhac-han");
        browser.findElement(By.id("unit")).sendKeys("UBND các huyện");
        browser.findElement(By.id("emails")).sendKeys("vanthu@huyen.gov.vn, sai-dia-chi");
        browser.findElement(By.cssSelector("form.contact button")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("p.error")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().contains("“sai-dia-chi” không phải là một địa chỉ e-mail"));
        assertEquals("UBND các huyện", browser.findElement(By.id("unit")).getDomProperty("value"), "what was typed stays");
        WebElement emails = browser.findElement(By.id("emails"));
        emails.clear();
        emails.sendKeys("vanthu@huyen.gov.vn");
        browser.findElement(By.cssSelector("form.contact button")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("table.contacts")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("table.contacts")).getText().contains("vanthu@huyen.gov.vn"));
        shot("reminders");
        // deleted, then restored from the trash with its tags
        app.bean(vn.vanban.correction.Deletions.class).delete(id, app.user(vn.vanban.auth.Role.EDITOR), null);
        open("/thung-rac");
        assertTrue(browser.findElement(By.cssSelector("table.trash")).getText().contains("77/KH-SNN"));
        shot("trash");
        browser.findElement(By.cssSelector("table.trash button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/van-ban/"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("77/KH-SNN"));
        assertTrue(browser.findElement(By.cssSelector(".tag-list")).getText().contains("Thủy lợi"));
    }

    @Test
    void pickDocumentsFromSearchResultsForTheCompiler() throws Exception {
        open("/?q=" + java.net.URLEncoder.encode("báo cáo", java.nio.charset.StandardCharsets.UTF_8));
        List<WebElement> boxes = browser.findElements(By.cssSelector(".hit input[name=doc]"));
        assertTrue(boxes.size() >= 2);
        boxes.get(0).click();
        boxes.get(1).click();
        browser.findElement(By.cssSelector("#pick button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/can-cu"));
        assertEquals(2, browser.findElements(By.cssSelector(".can-cu li")).size());
        browser.findElements(By.cssSelector(".can-cu li")).forEach(li -> assertTrue(li.getText().startsWith("Căn cứ ")));
        shot("compile-picked");
    }

    @Test
    void aDocumentListsItsVersions() throws Exception {
        IngestService ingest = app.bean(IngestService.class);
        ingest.ingest("test:versions", "ke-hoach.txt", "Kế hoạch số 1, bản đầu.".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        long second = ingest.ingest("test:versions", "ke-hoach.txt",
                "Kế hoạch số 1, bản sửa lần hai.".getBytes(java.nio.charset.StandardCharsets.UTF_8), false).id();
        open("/van-ban/" + second);
        List<WebElement> versions = browser.findElements(By.cssSelector(".versions li"));
        assertEquals(2, versions.size());
        assertTrue(versions.get(0).getText().contains("đang xem"), "the newest first, marked as the one shown");
        assertTrue(browser.findElements(By.id("current-version")).isEmpty(), "the current version needs no notice");
        shot("versions");
        // an older version says so and links the current one
        versions.get(1).findElement(By.tagName("a")).click();
        waitFor(() -> !browser.getCurrentUrl().endsWith("/van-ban/" + second));
        assertTrue(browser.findElement(By.cssSelector(".old-version")).getText().contains("phiên bản cũ"));
        browser.findElement(By.id("current-version")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/van-ban/" + second));
        open("/van-ban/" + second);

        // so sánh: the two versions side by side, the words removed and added marked
        browser.findElement(By.id("compare-versions")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/so-sanh"));
        assertEquals(List.of("đầu"), browser.findElements(By.cssSelector(".diff del")).stream().map(WebElement::getText).toList());
        assertEquals(List.of("sửa lần hai"), browser.findElements(By.cssSelector(".diff ins")).stream()
                .map(WebElement::getText).toList());
        assertTrue(browser.findElement(By.cssSelector(".diff thead")).getText().contains("ke-hoach.txt"));
        shot("compare");
        // the form compares any two, one article each
        browser.findElement(By.id("phanA")).sendKeys("Điều 9");
        browser.findElement(By.cssSelector(".compare-form button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("phanA="));
        assertTrue(browser.findElement(By.cssSelector(".error")).getText().contains("Không tìm thấy Điều 9"));
    }

    @Test
    void readableOnAPhone() throws Exception {
        var size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            for (String page : List.of("/?q=chu+ky+so", "/van-ban/" + hostile, "/thoi-han", "/can-cu")) {
                open(page);
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + " px");
            }
            // the deadlines list reads as cards: the task has the width of the screen, not of one letter
            open("/thoi-han?from=2019-01-01&to=2019-12-31");
            List<WebElement> whats = browser.findElements(By.cssSelector(".deadline-list td.what"));
            assertFalse(whats.isEmpty());
            for (WebElement w : whats) {
                assertTrue(w.getSize().getWidth() >= 250, "task column " + w.getSize().getWidth() + " px wide");
            }
            shot("phone-deadlines");
            // facet counts stay on one line
            open("/?q=chu+ky+so");
            for (WebElement c : browser.findElements(By.cssSelector(".facets .count"))) {
                assertTrue(c.getSize().getHeight() < 30, "count '" + c.getText() + "' wraps: " + c.getSize().getHeight() + " px");
            }
            shot("phone-search");
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    @Test
    void markupInQueriesAndFileNamesIsShownAsText() throws Exception {
        // run, it would set the title to "XSS", a word the payload itself does not contain
        String payload = "<img src=x onerror=\"document.title=String.fromCharCode(88,83,83)\">";
        long id = app.bean(IngestService.class).ingest("test:xss-name", payload + ".txt",
                "Thông báo về lịch họp giao ban tuần.".getBytes(java.nio.charset.StandardCharsets.UTF_8), false).id();
        open("/?q=" + java.net.URLEncoder.encode(payload + " giao ban", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(payload + " giao ban", browser.findElement(By.id("q")).getDomProperty("value"), "the query kept as typed");
        open("/?q=" + java.net.URLEncoder.encode("giao ban", java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(browser.findElements(By.cssSelector(".hit h3 a")).stream().anyMatch(a -> a.getText().contains("<img")),
                "the file name shown as text");
        open("/van-ban/" + id);
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("<img"));
        assertTrue(browser.findElements(By.cssSelector("main img")).isEmpty(), "no element made from the name");
        assertFalse(browser.getTitle().contains("XSS"), browser.getTitle());
        open("/can-cu?refs=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(browser.findElement(By.cssSelector(".error")).getText().contains("<img"), "the error names the input as text");
        assertFalse(browser.getTitle().contains("XSS"), browser.getTitle());
    }

    @Test
    void unknownDocumentGetsAPageNotAStackTrace() throws Exception {
        open("/van-ban/987654");
        assertEquals("Không tìm thấy", browser.findElement(By.tagName("h1")).getText());
        shot("not-found");
    }
}
