package vn.vanban.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.vanban.analysis.DocumentAnalysis;
import vn.vanban.support.Fixtures;

/**
 * What a document does to the documents it cites: every example of the grammar table ({@code effects.yml}), and the
 * hand-annotated gazette set (issue 19) scored as {@code vanban relations-eval} scores it.
 */
class DocumentRelationsTest {

    static final DocumentAnalysis ANALYSIS = DocumentAnalysis.standalone();

    static List<DocumentRelations.Example> examples() {
        return DocumentRelations.standard().examples();
    }

    /** The facts of a text as "relation number [articles]". */
    static List<String> facts(String text) {
        DocumentAnalysis.Result r = ANALYSIS.run(text);
        return DocumentRelations.standard().extract(r.normalized(), r.refs(), r.meta()).stream()
                .map(f -> f.relation() + " " + f.target() + (f.articles() == null ? "" : " " + f.articles())).toList();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleOfTheTableGivesItsFacts(DocumentRelations.Example e) {
        String text = "Điều 9. Hiệu lực thi hành\n" + (e.lead() == null ? "" : "2. " + e.lead() + "\n") + e.clause() + "\n";
        assertEquals(e.facts(), facts(text), e.clause());
    }

    @Test
    void endingDatesComeFromTheClauseOrTheDayTheDocumentIsInForce() {
        DocumentAnalysis.Result r = ANALYSIS.run("CHÍNH PHỦ\nSố: 117/2022/NĐ-CP\nHà Nội, ngày 30 tháng 12 năm 2022\nNGHỊ ĐỊNH\n"
                + "Biểu thuế xuất khẩu ưu đãi\nCăn cứ Luật Tổ chức Chính phủ;\nĐiều 7. Hiệu lực thi hành\n"
                + "1. Nghị định này có hiệu lực từ ngày ký ban hành.\n2. Nghị định số 53/2021/NĐ-CP ngày 21 tháng 5 năm 2021 "
                + "của Chính phủ hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.\n"
                + "3. Thông tư số 01/2020/TT-BTC hết hiệu lực kể từ ngày 01 tháng 3 năm 2023.\n");
        List<DocumentRelations.Fact> f = DocumentRelations.standard().extract(r.normalized(), r.refs(), r.meta());
        assertEquals(List.of(new DocumentRelations.Fact("replaces", "53/2021/NĐ-CP", null, "2022-12-30"),
                new DocumentRelations.Fact("replaces", "01/2020/TT-BTC", null, "2023-03-01")), f);
        assertEquals(f, r.relations(), "the analysis carries them");
        // the citation's own sentence put nothing before it: the relations name what it is
        assertEquals(List.of("replaces"), r.refs().stream().filter(c -> c.number().equals("53/2021/NĐ-CP"))
                .flatMap(c -> c.mentions().stream()).map(Mention::relation).toList());
    }

    @Test
    void theAnnotatedGazetteSet() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var r = vn.vanban.bench.RelationsEvalCommand.evaluate(Fixtures.path("relations/gazette.yml"),
                Fixtures.path("relations/gazette"), new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        var all = r.byRelation().get("all");
        // the target is F1 0.90; the set was annotated before the rules (first run 0.874) and the rules were
        // then written against it, so it guards them rather than measuring them
        assertTrue(all.f1() >= 0.95, "relations F1 " + all.f1() + "\n" + out);
        assertTrue(r.datesRight() >= 0.9 * r.datesAnnotated(), r.datesRight() + "/" + r.datesAnnotated() + "\n" + out);
        // the rows of the published list (declared facts) were annotated before the list reader was written (first run
        // recall 0.765: numbers wrapped after the year's slash, dates read as issue dates); statuses rest on all files
        assertTrue(r.byRelation().get("declared").f1() >= 0.95, "declared " + r.byRelation().get("declared") + "\n" + out);
        assertEquals(25, r.statusesAnnotated());
        assertTrue(r.statusAccuracy() >= 0.95, "statuses " + r.statusesRight() + "/25\n" + out);
    }

    @Test
    void titlesThatGuideOrCorrectNameTheirTarget() {
        assertEquals(List.of("corrects 10/2022/TT-BKHĐT"), facts("BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 1373/QĐ-BKHĐT\n"
                + "Hà Nội, ngày 20 tháng 9 năm 2022\nQUYẾT ĐỊNH\nVề việc đính chính Thông tư số 10/2022/TT-BKHĐT ngày 15 tháng 6 "
                + "năm 2022\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật;\nĐiều 1. Đính chính lỗi kỹ thuật tại Thông tư số "
                + "10/2022/TT-BKHĐT như sau:\n"));
        assertEquals(List.of("guides 145/2020/NĐ-CP"), facts("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 10/2021/TT-BLĐTBXH\n"
                + "Hà Nội, ngày 10 tháng 9 năm 2021\nTHÔNG TƯ\nHướng dẫn thi hành một số điều của Nghị định số 145/2020/NĐ-CP "
                + "về điều kiện lao động\nCăn cứ Nghị định số 145/2020/NĐ-CP;\n"));
    }

    @Test
    void aPublishedListDeclaresWhatOtherDocumentsDid() {
        String text = "BỘ TÀI CHÍNH\nSố: 12/QĐ-BTC\nHà Nội, ngày 10 tháng 01 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố Danh mục văn bản"
                + " hết hiệu lực\nĐiều 1. Công bố Danh mục kèm theo.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
                + "A. VĂN BẢN HẾT HIỆU LỰC TOÀN BỘ\n| STT | Văn bản | Lý do | Ngày hết hiệu lực |\n"
                + "| 1 | Thông tư số 15/2019/TT-BTC ngày 20/3/2019 quy định phí | Được thay thế bởi Thông tư số 40/2024/TT-BTC "
                + "ngày 12/6/2024 sửa đổi, bổ sung Thông tư số 16/2019/TT-BTC | 01/8/2024 |\n"
                + "B. VĂN BẢN HẾT HIỆU LỰC MỘT PHẦN\n"
                + "| 1 | Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 | Khoản 2 Điều 4 | Được sửa đổi, bổ sung bởi Nghị định số "
                + "76/2024/NĐ-CP ngày 01/7/2024 | 01/7/2024 |\n"
                // a row whose listed document the layout lost: nothing is guessed
                + "Điểm a Khoản 1 Điều 8 | Được thay thế bởi Nghị định số 104/2022/NĐ-CP | 01/01/2023 |\n";
        DocumentAnalysis.Result r = ANALYSIS.run(text);
        assertEquals(List.of(new DocumentRelations.Fact("replaces", "15/2019/TT-BTC", null, "2024-08-01", "40/2024/TT-BTC"),
                new DocumentRelations.Fact("repeals", "20/2021/NĐ-CP", "Khoản 2 Điều 4", "2024-07-01", "76/2024/NĐ-CP")),
                DocumentRelations.standard().extract(r.normalized(), r.refs(), r.meta()));
    }

    @Test
    void statusesFollowWhatHeldDocumentsSay() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 1);
        var replaced = new Validity.Change("replaces", null, "2024-07-01", "74/2024/NĐ-CP");
        var partly = new Validity.Change("repeals", "Khoản 2 Điều 4", "2024-07-01", "76/2024/NĐ-CP");
        var amended = new Validity.Change("amends", null, null, "51/2025/NĐ-CP");
        var later = new Validity.Change("replaces", null, "2027-01-01", "9/2026/NĐ-CP");
        assertEquals(new Validity.Verdict("het_hieu_luc_toan_bo", "Hết hiệu lực toàn bộ", "2022-07-01", "2024-07-01",
                "74/2024/NĐ-CP", null, null), Validity.of(true, "2022-07-01", List.of(partly, replaced), day));
        assertEquals("het_hieu_luc_mot_phan", Validity.of(false, null, List.of(partly, amended), day).status());
        assertEquals("con_hieu_luc", Validity.of(true, "2022-07-01", List.of(amended), day).status());
        // an end that is yet to come leaves it in force and says when the verdict changes
        Validity.Verdict pending = Validity.of(true, "2022-07-01", List.of(later), day);
        assertEquals("con_hieu_luc", pending.status());
        assertEquals("2027-01-01", pending.next());
        assertEquals("chua_co_hieu_luc", Validity.of(true, "2027-02-01", List.of(), day).status());
        // nothing in the repository tells: never guessed
        assertEquals("chua_xac_dinh", Validity.of(false, null, List.of(amended), day).status());
        assertEquals("chua_xac_dinh", Validity.of(true, null, List.of(), day).status());
    }
}
