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
    void linesAreWrittenAsCurrentDraftingWritesThem() {
        // a law by name and number, no date; a day below 10 and January, February with a leading zero
        assertEquals("Bộ luật Lao động số 45/2019/QH14",
                CitationCompiler.write("Bộ luật", "45/2019/QH14", "2019-11-20", "Quốc hội", "Lao động"));
        assertEquals("Luật Đầu tư ngày 17 tháng 6 năm 2020", CitationCompiler.write("Luật", null, "2020-06-17", null, "ĐẦU TƯ"));
        // a thông tư by the head of the ministry; a trích yếu that says what it does follows without "về"
        assertEquals("Thông tư số 38/2026/TT-BTC ngày 31 tháng 3 năm 2026 của Bộ trưởng Bộ Tài chính quy định mẫu văn bản",
                CitationCompiler.write("Thông tư", "38/2026/TT-BTC", "2026-03-31", "Bộ Tài chính", "Quy định mẫu văn bản"));
        assertEquals("Nghị quyết số 19/2026/NQ-CP ngày 09 tháng 02 năm 2026 của Chính phủ cắt giảm, phân cấp thủ tục hành chính",
                CitationCompiler.write("Nghị quyết", "19/2026/NQ-CP", "2026-02-09", "Chính phủ", "Cắt giảm, phân cấp thủ tục hành chính"));
        // a subject, not an act, takes "về"; a joint circular keeps its bodies
        assertEquals("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
                CitationCompiler.write("Nghị định", "30/2020/NĐ-CP", "2020-03-05", "Chính phủ", "Về công tác văn thư"));
        assertEquals("Thông tư liên tịch số 08/2012/TTLT-BLĐTBXH-BNV của Bộ Lao động - Thương binh và Xã hội, Bộ Nội vụ",
                CitationCompiler.write("Thông tư liên tịch", "08/2012/TTLT-BLĐTBXH-BNV", null,
                        "Bộ Lao động - Thương binh và Xã hội, Bộ Nội vụ", null));
        assertEquals("Quyết định số 7/QĐ-UBND tháng 01 năm 2019", CitationCompiler.write("Quyết định", "7/QĐ-UBND", "2019-01", null, null));
    }

    @Test
    void aCitedDocumentIsWrittenWithTheAmendmentsItsBasisLinesList(@TempDir Path dir) throws Exception {
        IngestService ingest = app.bean(IngestService.class);
        // an older document lists one amendment, a newer one all three; a sentence that is no basis line says nothing
        ingest.ingest("test:chain-1", "tt-1.txt", ("BỘ TÀI CHÍNH\nSố: 5/2025/TT-BTC\nHà Nội, ngày 02 tháng 8 năm 2025\n"
                + "THÔNG TƯ\nHướng dẫn một số điều\nCăn cứ Luật Thuế giá trị gia tăng, thuế tiêu thụ đặc biệt số 13/2008/QH12 "
                + "được sửa đổi, bổ sung bởi Luật số 31/2013/QH13;\nCăn cứ Nghị định số 79/2025/NĐ-CP ngày 01 tháng 4 năm "
                + "2025 của Chính phủ về kiểm tra, rà soát văn bản quy phạm pháp luật đã được sửa đổi, bổ sung bởi Nghị định "
                + "số 187/2025/NĐ-CP;\n").getBytes(StandardCharsets.UTF_8), false);
        ingest.ingest("test:chain-2", "tt-2.txt", ("BỘ TÀI CHÍNH\nSố: 9/2026/TT-BTC\nHà Nội, ngày 10 tháng 3 năm 2026\n"
                + "THÔNG TƯ\nHướng dẫn thực hiện\nCăn cứ Luật Thuế giá trị gia tăng, thuế tiêu thụ đặc biệt số 13/2008/QH12 "
                + "được sửa đổi, bổ sung bởi các Luật số 31/2013/QH13, số 71/2014/QH13 và Luật số 106/2016/QH13;\n"
                + "Điều 1. Mẫu tờ khai theo Luật số 13/2008/QH12 được sửa đổi, bổ sung bởi Thông tư số 80/2021/TT-BTC.\n")
                .getBytes(StandardCharsets.UTF_8), false);
        List<String> lines = compiler.compile(List.of(), List.of("13/2008/QH12|2008|", "79/2025/NĐ-CP|2025|")).stream()
                .map(CitationCompiler.Item::text).toList();
        assertEquals(List.of("Luật Thuế giá trị gia tăng, thuế tiêu thụ đặc biệt số 13/2008/QH12 được sửa đổi, bổ sung bởi "
                        + "Luật số 31/2013/QH13, Luật số 71/2014/QH13 và Luật số 106/2016/QH13",
                "Nghị định số 79/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ về kiểm tra, rà soát văn bản quy phạm pháp luật "
                        + "được sửa đổi, bổ sung bởi Nghị định số 187/2025/NĐ-CP"), lines);

        // the checked lines' scorer: one line as printed, one that differs and is shown beside the printed one
        Path set = dir.resolve("set.json");
        Files.writeString(set, """
                {"items": [
                 {"file": "tt-2.txt", "ref": "13/2008/QH12", "line": "Căn cứ Luật Thuế giá trị gia tăng, thuế tiêu thụ đặc biệt \
                số 13/2008/QH12 được sửa đổi, bổ sung bởi Luật số 31/2013/QH13, Luật số 71/2014/QH13 và Luật số 106/2016/QH13;"},
                 {"file": "tt-1.txt", "ref": "79/2025/NĐ-CP", "line": "Căn cứ Nghị định số 79/2025/NĐ-CP của Chính phủ;"}
                ]}
                """);
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        vn.vanban.bench.CompileEvalCommand.Score score = vn.vanban.bench.CompileEvalCommand.score(set, compiler, queries,
                new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(new vn.vanban.bench.CompileEvalCommand.Score(1, 2), score);
        String shown = printed.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("printed : Căn cứ Nghị định số 79/2025/NĐ-CP của Chính phủ;") && !shown.contains("13/2008"), shown);
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
        assertEquals("Quyết định số 2099/QĐ-UBND ngày 08 tháng 12 năm 2018 của Ủy ban nhân dân tỉnh Bắc Kạn về việc giao chỉ tiêu "
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
        assertEquals("Hướng dẫn số 43/HD-STTTT ngày 11 tháng 01 năm 2019 của Sở Thông tin và Truyền thông tỉnh Bắc Kạn về nhiệm vụ "
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
