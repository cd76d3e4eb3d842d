package vn.vanban.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    TestApp app;
    EmbeddedServer server;
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
        hostile = ingest.ingest("test:hostile", "hostile.txt", ("Công văn về thử nghiệm <script>document.title='hacked'</script> "
                + "và <b onmouseover=\"x()\">thẻ</b> trong văn bản.").getBytes(java.nio.charset.StandardCharsets.UTF_8), false).id();
        server = app.bean(EmbeddedServer.class);
        server.start();
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
        server.stop();
        app.close();
    }

    private void open(String path) {
        browser.get("http://localhost:" + server.getPort() + path);
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
    void unknownDocumentGetsAPageNotAStackTrace() throws Exception {
        open("/van-ban/987654");
        assertEquals("Không tìm thấy", browser.findElement(By.tagName("h1")).getText());
        shot("not-found");
    }
}
