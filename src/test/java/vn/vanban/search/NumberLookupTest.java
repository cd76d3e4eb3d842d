package vn.vanban.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.vanban.ingest.IngestService;
import vn.vanban.support.Databases;
import vn.vanban.support.TestApp;

/**
 * Known-item lookup: a number in any form people type puts the documents bearing it first, above the documents
 * that cite it (which mention it, and its words, far more often), with the type word typed agreeing.
 */
class NumberLookupTest extends SearchFixture {

    @Override
    void documents() {
        // issuer, number, date, type, trích yếu: one held document a row
        String[][] held = {
            {"nd125", "CHÍNH PHỦ", "125/2026/NĐ-CP", "06 tháng 4 năm 2026", "NGHỊ ĐỊNH",
                "Quy định về hoạt động khoa học, công nghệ và đổi mới sáng tạo"},
            {"nd12", "CHÍNH PHỦ", "12/2022/NĐ-CP", "17 tháng 01 năm 2022", "NGHỊ ĐỊNH",
                "Quy định xử phạt vi phạm hành chính trong lĩnh vực lao động"},
            {"tt12", "BỘ TÀI CHÍNH", "12/2022/TT-BTC", "20 tháng 02 năm 2022", "THÔNG TƯ",
                "Hướng dẫn chế độ kế toán hành chính sự nghiệp"},
            {"nq66", "CHÍNH PHỦ", "66.17/2026/NQ-CP", "15 tháng 5 năm 2026", "NGHỊ QUYẾT",
                "Cắt giảm ngành, nghề đầu tư kinh doanh có điều kiện"},
        };
        for (String[] d : held) {
            add(d[0], header(d[1], d[2], d[3], d[4], d[5]) + "Điều 1. Phạm vi điều chỉnh\n" + d[5] + ".\n");
        }
        // a document that cites 125/2026/NĐ-CP in every paragraph, with the words of the queries all around it
        StringBuilder citing = new StringBuilder(header("UBND TỈNH BẮC KẠN", "15/KH-UBND", "10 tháng 5 năm 2026",
                "KẾ HOẠCH", "Triển khai Nghị định số 125/2026/NĐ-CP về khoa học, công nghệ và đổi mới sáng tạo"));
        for (int i = 1; i <= 12; i++) {
            citing.append(i).append(". Thực hiện Nghị định số 125/2026/NĐ-CP ngày 06/4/2026 của Chính phủ quy định về ")
                    .append("hoạt động khoa học, công nghệ và đổi mới sáng tạo; nghị định 125/2026 đổi mới sáng tạo.\n");
        }
        citing.append("Căn cứ Thông tư số 35/2017/TT-BLĐTBXH ngày 25/12/2017 của Bộ Lao động - Thương binh và Xã hội.\n");
        add("citing", citing.toString());
        add("period", "Kế hoạch năm học 2024/2025 của các trường trung học.");
    }

    private static String header(String issuer, String number, String date, String type, String subject) {
        return issuer + "\nSố: " + number + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                + "Hà Nội, ngày " + date + "\n" + type + "\n" + subject + "\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"125/2026/NĐ-CP", "125/2026/ND-CP", "125/2026/nd-cp", "125-2026-nđ-cp", "125/2026",
            "nghị định 125/2026", "Nghị định số 125/2026", "NĐ 125/2026", "nd 125/2026", "nghi dinh 125/2026",
            "nghị định 125/2026 đổi mới sáng tạo", "nghi dinh 125/2026 doi moi sang tao", "NĐ125/2026", "nd125/2026"})
    void theBearerComesFirstAboveTheDocumentCitingIt(String q) {
        List<Long> hits = top(q);
        assertEquals(ids.get("nd125"), hits.get(0), q + " -> " + hits);
        assertTrue(hits.contains(ids.get("citing")), "the citing plan follows: " + hits);
    }

    @Test
    void theTypeWordTypedMustAgree() {
        assertEquals(ids.get("nd12"), top("nghị định 12/2022").get(0));
        assertEquals(ids.get("tt12"), top("thông tư 12/2022").get(0));
        assertEquals(ids.get("tt12"), top("TT 12/2022").get(0));
        assertEquals(Set.of(ids.get("nd12"), ids.get("tt12")), Set.copyOf(top("12/2022").subList(0, 2)),
                "no type word: every bearer first");
    }

    @Test
    void aNumberAndYearNobodyBearsStillFindsItsWords() {
        assertEquals(ids.get("period"), top("kế hoạch 2024/2025").get(0), "a school year, not a number");
        assertEquals(List.of(new SearchResult.NumberFound("2024/2025", 0, 0)), search.search("kế hoạch 2024/2025", 0, 10).numbers());
    }

    @Test
    void aNumberAloneRightAfterItsTypeWordFindsItsDocument() {
        assertEquals(ids.get("nd125"), top("nghị định 125").get(0));
        assertEquals(ids.get("tt12"), top("thông tư 12").get(0));
        assertEquals(ids.get("tt12"), top("TT12").get(0), "the type's code glued to the number");
        assertEquals(List.of(), search.search("covid19", 0, 10).numbers(), "letters that are no type's code stay glued");
        assertEquals(ids.get("citing"), top("kế hoạch 15").get(0), "an individual plan, numbered 15/KH-UBND");
        assertEquals(List.of(new SearchResult.NumberFound("125", 1, 0)), search.search("NĐ 125", 0, 10).numbers());
        assertEquals(List.of(), search.search("125 đổi mới", 0, 10).numbers(), "a number with no type word is a word");
    }

    @Test
    void aSubNumberAfterADotIsPartOfTheNumber() {
        assertEquals(ids.get("nq66"), top("66.17/2026").get(0));
        assertEquals(ids.get("nq66"), top("nghị quyết 66.17/2026/NQ-CP").get(0));
    }

    @Test
    void theResultSaysWhetherANumberIsHeldAndWhoCitesIt() {
        SearchResult held = search.search("nghị định 125/2026", 0, 10);
        assertEquals(List.of(new SearchResult.NumberFound("125/2026", 1, 1)), held.numbers());
        SearchResult notHeld = search.search("35/2017/TT-BLĐTBXH", 0, 10);
        assertEquals(List.of(new SearchResult.NumberFound("35/2017/TT-BLĐTBXH", 0, 1)), notHeld.numbers());
        assertEquals(List.of(ids.get("citing")), notHeld.hits().stream().map(SearchHit::id).toList());
        assertEquals(List.of(), search.search("đổi mới sáng tạo", 0, 10).numbers(), "no number, no lookups");
        // vanban search says the same
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        vn.vanban.cli.SearchCommand.print(notHeld, false, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("35/2017/TT-BLĐTBXH: not held; 1 document(s) cite it"), out);
        assertTrue(out.contains(" 1. [" + ids.get("citing") + "] Kế hoạch 15/KH-UBND"), out);
    }
}
