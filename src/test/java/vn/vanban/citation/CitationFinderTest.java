package vn.vanban.citation;

import vn.vanban.extract.CitationPatterns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.extract.DocumentTypes;
import vn.vanban.normalize.TextNormalizer;

class CitationFinderTest {

    static final DocumentTypes TYPES = new DocumentTypes();
    static final CitationFinder FINDER = new CitationFinder(TYPES, new Relations());
    static final CitationResolver RESOLVER = new CitationResolver(TYPES, new Issuers());
    static final TextNormalizer NORMALIZER = new TextNormalizer();
    static final DocumentMetadata BAC_KAN_2019 = new DocumentMetadata("43/HD-STTTT", null, "Hướng dẫn",
            "Sở Thông tin và Truyền thông", "UBND tỉnh Bắc Kạn", "Bắc Kạn", "2019-01-11", null, null, null, null, false, List.of());

    static List<CitedDocument> cited(String text) {
        String norm = NORMALIZER.normalize(text);
        return RESOLVER.resolve(norm, FINDER.find(norm), BAC_KAN_2019);
    }

    @Test
    void everyPatternExampleMatchesWholeAndNoCounterexample() {
        for (CitationPatterns.Entry e : FINDER.grammar().patterns()) {
            for (String ex : e.examples()) {
                assertTrue(e.pattern().matcher(ex).matches(), e.name() + " matches [" + ex + "]");
            }
            for (String ex : e.counterexamples()) {
                assertTrue(!e.pattern().matcher(ex).matches(), e.name() + " does not match [" + ex + "]");
            }
        }
        for (String ex : FINDER.grammar().finderCounterexamples()) {
            assertEquals(List.of(), FINDER.find(ex), "nothing cited in [" + ex + "]");
        }
    }

    @Test
    void everyIssuerExampleResolves() {
        Issuers issuers = new Issuers();
        for (Map.Entry<String, String> e : issuers.examples().entrySet()) {
            String number = e.getKey().contains("/") ? "1-" + e.getKey() : "1/2020/" + e.getKey();
            assertEquals(e.getValue(), issuers.fromCodes(RESOLVER.issuerCodes(number), "Bắc Kạn"), e.getKey());
        }
    }

    @Test
    void everyRelationExampleGivesItsRelation() {
        Relations relations = new Relations();
        for (Relations.Relation r : relations.all()) {
            for (String ex : r.examples()) {
                List<Mention> ms = FINDER.find(ex);
                assertEquals(1, ms.size(), ex);
                assertEquals(r.name(), ms.get(0).relation(), ex);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | number | year | date | type | issuer
            "Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của Ủy ban nhân dân tỉnh Bắc Kạn về việc giao chỉ tiêu|2099/QĐ-UBND|2018|2018-12-08|Quyết định|UBND tỉnh Bắc Kạn",
            "theo Thông tư Liên tịch số 06/2016/TTLT- BTTTT-BNV ngày 10/3/2016 của Bộ|06/2016/TTLT-BTTTT-BNV|2016|2016-03-10|Thông tư liên tịch|Bộ",
            "Nghị định số 70/2015/NĐ-CP ngày 31 tháng 12 \\nnăm 2015 của Chính phủ|70/2015/NĐ-CP|2015|2015-12-31|Nghị định|Chính phủ",
            "theo Nghi định 85/2016/NĐ-CP của các Sở, UBND các huyện|85/2016/NĐ-CP|2016||Nghị định|Chính phủ",
            "theo Quyết dịnh số 12/QĐ-UBND ngày 03/01/2018|12/QĐ-UBND|2018|2018-01-03|Quyết định|UBND tỉnh Bắc Kạn",
            "triển khai quyết định số 45/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ|45/QĐ-TTg|2016|2016-10-19|Quyết định|Thủ tướng Chính phủ",
            "Thực hiện Nghị quyết số 36-NQ/TW, ngày 01/7/2014 của Bộ Chính trị về đẩy mạnh|36-NQ/TW|2014|2014-07-01|Nghị quyết|Bộ Chính trị",
            "Kết luận số 206-KL/TU ngày 03/02/2018 của Ban Thường vụ Tỉnh ủy về tiếp tục|206-KL/TU|2018|2018-02-03|Kết luận|Ban Thường vụ Tỉnh ủy Bắc Kạn",
            "Công văn số 5479/UBND-THVX ngày 02/10/2018 của UBND tỉnh về việc thực hiện|5479/UBND-THVX|2018|2018-10-02|Công văn|UBND tỉnh Bắc Kạn",
            "Quyết định số 308/QĐ-TTg ngày 13/3/2108 của Thủ tướng Chính phủ|308/QĐ-TTg|||Quyết định|Thủ tướng Chính phủ",
            "Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008|25/2008/QH12|2008|2008-11-14|Luật|Quốc hội",
            "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;|02/2020/UBTVQH14|2020||Pháp lệnh|Ủy ban Thường vụ Quốc hội",
            "Luật Nhà ở số 65/2014/QH13 ngày 25 tháng 11 năm 20147 thì|65/2014/QH13|2014|2014-11-25|Luật|Quốc hội",
    })
    void readsOneCitation(String text, String number, Integer year, String date, String type, String issuer) {
        List<CitedDocument> docs = cited(TextNormalizerTestAccess.unescape(text));
        assertEquals(1, docs.size(), docs.toString());
        CitedDocument d = docs.get(0);
        assertEquals(number, d.number());
        assertEquals(year, d.year());
        assertEquals(date, d.date());
        assertEquals(type, d.type());
        assertTrue(d.issuer() != null && d.issuer().startsWith(issuer), d.issuer());
    }

    @Test
    void yearlessCitationOfANormativeDocumentIsTheSameDocument() {
        List<CitedDocument> docs = cited("theo quyết định số 45/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ. "
                + "Thực hiện Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ về tiếp nhận hồ sơ.");
        assertEquals(1, docs.size(), docs.toString());
        assertEquals("45/2016/QĐ-TTg", docs.get(0).number());
        assertEquals(2, docs.get(0).mentions().size());
    }

    @Test
    void aDateAndIssuerSaidBeforeTheCitationAreItsOwn() {
        List<CitedDocument> docs = cited("Ngày 24 tháng 6 năm 1977 Hội đồng Chính phủ đã ra Quyết định số 169-CP về công "
                + "tác điều tra ruộng đất. Theo Nghị định 404-CP ngày 09/11/1979 của Hội đồng Chính phủ, các tỉnh thành lập "
                + "Ban Quản lý ruộng đất. Ngày 25/3/2020 Quyết định số 30/QĐ-UBND được sửa đổi.");
        assertEquals(List.of("169-CP", "404-CP", "30/QĐ-UBND"), docs.stream().map(CitedDocument::number).toList());
        assertEquals("1977-06-24", docs.get(0).date());
        assertEquals(1977, docs.get(0).year());
        assertEquals("1979-11-09", docs.get(1).date());
        assertEquals(null, docs.get(2).date(), "a date followed by no issuer and verb is not the citation's");
    }

    @Test
    void aNumberWithoutYearDatedInTwoYearsIsTwoDocumentsButAPartyNumberIsOne() {
        List<CitedDocument> docs = cited("Chỉ thị số 02/CT-TTg ngày 15 tháng 11 năm 2017 về tăng cường công tác bảo vệ bí "
                + "mật nhà nước; Chỉ thị số 02/CT-TTg ngày 04/7/2018 của Thủ tướng Chính phủ về công tác bảo vệ. Nghị quyết "
                + "59-NQ/TW ngày 24 tháng 01 năm 2018 của Bộ Chính trị. Các mục tiêu của Nghị quyết số 59-NQ/TW ngày 24 "
                + "tháng 01 năm 2017 của Bộ Chính trị. Kế hoạch số 186/KH-\n\nUBND ngày 17/9/2018 của UBND tỉnh.");
        // the Party resolution's second date is a typo of the first: one document, dated as first cited
        assertEquals(List.of("02/CT-TTg|2017", "02/CT-TTg|2018", "59-NQ/TW|2018", "186/KH-UBND|2018"),
                docs.stream().map(d -> d.number() + "|" + d.year()).toList());
    }

    @Test
    void shortBackReferenceIsTheSameDocument() {
        List<CitedDocument> docs = cited("Thực hiện Nghị quyết số 36-NQ/TW ngày 01/7/2014 của Bộ Chính trị (gọi tắt là Nghị quyết 36). "
                + "Tỉnh ủy ban hành Chương trình hành động số 56-CTr/TU ngày 06/05/2015 của Tỉnh ủy thực hiện Nghị quyết 36.");
        assertEquals(List.of("36-NQ/TW", "56-CTr/TU"), docs.stream().map(CitedDocument::number).toList());
        assertEquals(3, docs.get(0).mentions().size(), "full citation and two short ones");
        assertEquals("Chương trình hành động", docs.get(1).type());
        assertEquals("Tỉnh ủy Bắc Kạn", docs.get(1).issuer());
    }

    @Test
    void ownNumberAndRecipientsAreNotCitations() {
        String text = "Số: 43/HD-STTTT\nBắc Kạn, ngày 11 tháng 01 năm 2019\nHƯỚNG DẪN\nThực hiện Quyết định số 2099/QĐ-UBND ngày 08/12/2018.\n\n"
                + "Nơi nhận:\n- Như trên;\n- Đơn vị nhận Công văn số 12/UBND-VP;\n- Lưu: VT.\n\nGIÁM ĐỐC";
        assertEquals(List.of("2099/QĐ-UBND"), cited(text).stream().map(CitedDocument::number).toList());
    }

    @Test
    void relationsFromTheSentence() {
        List<CitedDocument> docs = cited("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n"
                + "Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 70/2015/NĐ-CP ngày 01/9/2015.\n"
                + "Thông tư này thay thế Thông tư số 09/2014/TT-BTTTT.\n");
        assertEquals(List.of("basis", "amends", "replaces"),
                docs.stream().map(d -> d.mentions().get(0).relation()).toList());
        assertEquals("về công tác văn thư", docs.get(0).title());
    }

    @Test
    void canonicalKeysSeparateProvincesAndKeepTheYear() {
        CitedDocument local = cited("Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của UBND tỉnh").get(0);
        CitedDocument central = cited("Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016").get(0);
        assertEquals("2099/QD-UBND|2018|bac kan", local.key());
        assertEquals("45/2016/QD-TTG|2016|", central.key());
        assertTrue(cited("Số 12 đường Trần Phú").isEmpty(), "an address is not a citation");
    }
}
