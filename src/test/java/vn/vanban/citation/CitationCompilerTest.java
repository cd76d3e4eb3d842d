package vn.vanban.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.vanban.ingest.IngestService;
import vn.vanban.support.Databases;
import vn.vanban.support.Fixtures;
import vn.vanban.support.TestApp;

/** The "Căn cứ" compiler over the dev documents' citations: wording, order, every format, the HTTP endpoint. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitationCompilerTest {

    TestApp app;
    CitationCompiler compiler;
    CitationQueries queries;
    String base;
    final List<Long> devIds = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        app = TestApp.start(Databases.H2);
        IngestService ingest = app.bean(IngestService.class);
        for (var p : Fixtures.files("dev")) {
            devIds.add(ingest.ingestFile(p, false).id());
        }
        compiler = app.bean(CitationCompiler.class);
        queries = app.bean(CitationQueries.class);
        base = app.serve();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** Every key the dev documents cite. */
    private List<String> allCitedKeys() {
        List<String> keys = new ArrayList<>();
        for (long id : devIds) {
            for (CitationQueries.Reference r : queries.referencesOf(id)) {
                if (!keys.contains(r.key())) {
                    keys.add(r.key());
                }
            }
        }
        return keys;
    }

    @Test
    void everyLawNameExampleIsWrittenAsItsTableSays() {
        LawNames names = LawNames.load();
        names.examples().forEach((title, name) -> assertEquals(name, names.name(title), title));
    }

    @Test
    void aLawNotHeldIsNamedAsTheDocumentsCitingItNameIt() throws Exception {
        IngestService ingest = app.bean(IngestService.class);
        ingest.ingest("test:law-names", "cv-luat.txt", ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 15/UBND-VX\n"
                + "Bắc Kạn, ngày 05 tháng 3 năm 2026\nV/v triển khai thực hiện\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n"
                + "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 51/2024/QH15;\n")
                .getBytes(StandardCharsets.UTF_8), false);
        List<String> lines = compiler.compile(List.of(), List.of("63/2025/QH15|2025|", "51/2024/QH15|2024|")).stream()
                .map(CitationCompiler.Item::text).toList();
        assertTrue(lines.contains("Luật Tổ chức Chính phủ số 63/2025/QH15"), lines.toString());
        assertTrue(lines.contains("Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 51/2024/QH15"), lines.toString());
    }

    @Test
    void aDocumentWithoutTypeOrNumberIsWrittenWithANote() {
        long id = app.bean(IngestService.class).ingest("test:bare", "ghi-chu.txt",
                "Một ghi chú không có số hiệu.".getBytes(StandardCharsets.UTF_8), false).id();
        CitationCompiler.Compiled c = compiler.compileWithNotes(List.of(id, devIds.get(0)), List.of());
        assertEquals(2, c.items().size(), "both written");
        assertTrue(c.notes().size() == 1 && c.notes().get(0).contains("mã số " + id) && c.notes().get(0).contains("chưa có loại"),
                c.notes().toString());
    }

    @Test
    void writesAnItemInFullWithAbbreviationsExpanded() {
        List<CitationCompiler.Item> items = compiler.compile(List.of(), List.of("2099/QĐ-UBND|2018|Bắc Kạn"));
        assertEquals(1, items.size());
        assertEquals("Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của Ủy ban nhân dân tỉnh Bắc Kạn về việc giao chỉ tiêu "
                + "kế hoạch phát triển kinh tế - xã hội năm 2019", items.get(0).text());
        assertEquals("Căn cứ " + items.get(0).text() + ";\n", compiler.text(items));
    }

    @Test
    void ordersByScopeThenLegalRankThenDate() {
        List<String> keys = new ArrayList<>(allCitedKeys());
        java.util.Collections.reverse(keys); // the input order must not matter
        List<CitationCompiler.Item> items = compiler.compile(List.of(), keys);
        assertEquals(keys.size(), items.size());
        List<String> scopes = items.stream().map(CitationCompiler.Item::scope).toList();
        assertEquals(scopes.stream().sorted(java.util.Comparator.comparingInt(s -> List.of("central", "party", "local").indexOf(s))).toList(),
                scopes, "central, then Party, then local documents");
        for (int i = 1; i < items.size(); i++) {
            CitationCompiler.Item a = items.get(i - 1);
            CitationCompiler.Item b = items.get(i);
            if (a.scope().equals(b.scope())) {
                assertTrue(a.rank() <= b.rank(), a.text() + " before " + b.text());
                if (a.rank() == b.rank() && a.date() != null && b.date() != null) {
                    assertTrue(a.date().compareTo(b.date()) <= 0, a.text() + " before " + b.text());
                }
            }
        }
        // the drafting order of central documents: a nghị định before a quyết định of the Prime Minister before a thông tư
        int nd = indexOf(items, "27/2018/NĐ-CP");
        int qd = indexOf(items, "45/2016/QĐ-TTg");
        int tt = indexOf(items, "27/2017/TT-BTTTT");
        int local = indexOf(items, "2099/QĐ-UBND");
        assertTrue(nd >= 0 && nd < qd && qd < tt && tt < local, "NĐ " + nd + ", QĐ-TTg " + qd + ", TT " + tt + ", local " + local);
        int ministerial = indexOf(items, "2342/QĐ-BTTTT");
        assertTrue(ministerial > tt && ministerial < local, "a minister's decision after the circulars: " + ministerial);
    }

    private static int indexOf(List<CitationCompiler.Item> items, String number) {
        for (int i = 0; i < items.size(); i++) {
            if (number.equals(items.get(i).number())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void heldDocumentAndItsKeyGiveOneItem() {
        long guide = devIds.get(0); // 43/HD-STTTT, held
        List<CitationCompiler.Item> byId = compiler.compile(List.of(guide), List.of());
        assertEquals(1, byId.size());
        assertEquals("Hướng dẫn số 43/HD-STTTT ngày 11/01/2019 của Sở Thông tin và Truyền thông tỉnh Bắc Kạn về nhiệm vụ "
                + "trọng tâm công tác thông tin truyền thông năm 2019", byId.get(0).text());
        List<CitationCompiler.Item> both = compiler.compile(List.of(guide, guide), List.of(byId.get(0).key()));
        assertEquals(1, both.size());
    }

    @Test
    void unknownIdsAndKeysAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> compiler.compile(List.of(987654L), List.of("1/QĐ-XYZ|1900|nowhere")));
        assertTrue(e.getMessage().contains("document 987654") && e.getMessage().contains("1/QĐ-XYZ"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> compiler.compile(List.of(), List.of()));
    }

    @Test
    void docxOpensInLibreOfficeWithTheItemsInOrder(@TempDir Path dir) throws Exception {
        List<CitationCompiler.Item> items = compiler.compile(List.of(), allCitedKeys());
        Path docx = dir.resolve("can-cu.docx");
        Files.write(docx, compiler.docx(items));
        String soffice = Files.isExecutable(Path.of("/usr/bin/soffice")) ? "/usr/bin/soffice" : "soffice";
        Process p = new ProcessBuilder(soffice, "--headless", "-env:UserInstallation=file://" + dir.resolve("profile"),
                "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir.toString(), docx.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LibreOffice finished");
        assertEquals(0, p.exitValue(), "LibreOffice (soffice, installed by .ci/run) converted the DOCX: " + log);
        String text = Files.readString(dir.resolve("can-cu.txt"), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(compiler.text(items).lines().toList(), lines);
    }

    @Test
    void csvAndMarkdownCarryEveryItemInOrder() throws Exception {
        List<CitationCompiler.Item> items = compiler.compile(devIds.subList(0, 1), allCitedKeys());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(compiler.csv(items))).getRecords();
        assertEquals(items.size(), rows.size());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(Integer.toString(i + 1), rows.get(i).get("order"));
            assertEquals("Căn cứ " + items.get(i).text() + ";", rows.get(i).get("text"));
            assertEquals(items.get(i).key(), rows.get(i).get("key"));
        }
        String md = compiler.markdown(items);
        int at = -1;
        for (CitationCompiler.Item i : items) {
            int next = md.indexOf(i.number() == null ? "Căn cứ" : i.number(), at + 1);
            assertTrue(next > at, "in order: " + i.text());
            at = next;
        }
        // markup and Markdown syntax in a title come out as literal characters
        assertEquals("Căn cứ \\<b\\> \\*Luật\\* \\[1\\];", CitationCompiler.escapeMarkdown("Căn cứ <b> *Luật* [1];"));
    }

    @Test
    void compileOverHttp() throws Exception {
        HttpResponse<String> text = post("/api/citations/compile?format=text",
                "{\"keys\":[\"2099/QĐ-UBND|2018|Bắc Kạn\",\"27/2018/NĐ-CP|2018|\"]}");
        assertEquals(200, text.statusCode(), text.body());
        assertTrue(text.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        List<String> lines = text.body().lines().toList();
        assertEquals(2, lines.size(), text.body());
        assertTrue(lines.get(0).startsWith("Căn cứ Nghị định số 27/2018/NĐ-CP"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Căn cứ Quyết định số 2099/QĐ-UBND"), lines.get(1));

        HttpResponse<byte[]> docx = http.send(HttpRequest.newBuilder(uri("/api/citations/compile"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"documents\":[" + devIds.get(0) + "],\"format\":\"docx\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, docx.statusCode());
        assertTrue(docx.headers().firstValue("content-disposition").orElse("").contains("can-cu.docx"));
        assertEquals('P', docx.body()[0]);
        assertEquals('K', docx.body()[1]);

        HttpResponse<String> json = post("/api/citations/compile", "{\"documents\":[" + devIds.get(0) + "]}");
        assertEquals(200, json.statusCode());
        assertTrue(json.body().contains("\"text\":\"Hướng dẫn số 43/HD-STTTT"), json.body());

        HttpResponse<String> unknown = post("/api/citations/compile", "{\"documents\":[987654]}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("document 987654"), unknown.body());
        HttpResponse<String> badFormat = post("/api/citations/compile?format=pdf", "{\"documents\":[" + devIds.get(0) + "]}");
        assertEquals(400, badFormat.statusCode());
        assertTrue(badFormat.body().contains("json, text, markdown, docx or csv"), badFormat.body());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
