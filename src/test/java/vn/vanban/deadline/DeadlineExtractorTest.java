package vn.vanban.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineExtractorTest {

    static final DeadlineExtractor EXTRACTOR = new DeadlineExtractor();

    static String found(String text, String docDate) {
        return EXTRACTOR.extract(text, docDate, List.of()).stream()
                .map(d -> d.due() + (d.rrule() == null ? "" : " " + d.rrule()))
                .collect(Collectors.joining(" + "));
    }

    @Test
    void everyTableExampleGivesItsResult() {
        for (TimeExpressions.Entry e : EXTRACTOR.table().expressions()) {
            assertTrue(!e.examples().isEmpty(), e.name() + " has examples");
            e.examples().forEach((text, expected) -> {
                // examples are written as a deadline cell of a table, as they appear in "Thời hạn" columns
                assertEquals(expected, found("1\tBáo cáo\t" + text + "\tThông tư", "2019-01-11"), e.name() + ": " + text);
            });
        }
    }

    @ParameterizedTest(name = "{0} → [{1}]")
    @CsvSource(delimiter = '|', value = {
            "ngày\\s+(?<d>\\d{1,2})|ngày",
            "6\\s+tháng|6",
            "(?<wd>thứ\\s+hai)|''",
            "năm|năm",
            "thángs?\\s|tháng",
            "quý+|quý",
    })
    void anExpressionsLiteralPrefixIsWhatEveryMatchStartsWith(String regex, String prefix) {
        assertEquals(prefix, TimeExpressions.literalPrefix(regex));
    }

    @Test
    void everyExampleStartsWithItsExpressionsPrefix() {
        // the extractor tries an expression only where the text starts with its prefix: no example may be lost
        for (TimeExpressions.Entry e : EXTRACTOR.table().expressions()) {
            e.examples().keySet().forEach(text -> {
                String lower = text.toLowerCase(java.util.Locale.ROOT);
                java.util.regex.Matcher m = e.pattern().matcher(lower);
                assertTrue(m.find(), e.name() + ": " + text);
                assertTrue(e.canStartAt(lower, m.start()), e.name() + " [" + e.prefix() + "]: " + text);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "đề nghị báo cáo gửi về Sở trước ngày 20/7/2023 để tổng hợp.|2023-07-20",
            "Các đơn vị gửi báo cáo chậm nhất ngày 31 tháng 3 năm 2026.|2026-03-31",
            "tổng hợp trong tháng 02/2019.|2019-02",
            "Các phòng gửi báo cáo năm Trước ngày 15/01.|2019-01-15",
            "Tổng hợp số liệu trước ngày 31/3 năm sau.|2020-03-31",
            "xin lùi thời gian ban hành vào tháng 9/2019.|2019-09",
            "Hoàn thành xây dựng chương trình trong quý II/2020.|2020-06",
            "Dự kiến sẽ trang bị cổng thông tin cho các huyện còn lại trong năm 2019.|2019",
            "Sở đã triển khai các nội dung trong năm 2018.|",
            "gửi Vụ Pháp chế trước ngày 15 tháng cuối của quý hoặc đột xuất|2019-03-15 FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=15",
            "báo cáo về Bộ chậm nhất là ngày thứ 20 của tháng tiếp theo|2019-01-20 FREQ=MONTHLY;BYMONTHDAY=20",
            "gửi Bộ Tài chính trước ngày 31 tháng 3 hằng năm|2019-03-31 FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31",
            "Họp giao ban vào thứ Sáu hàng tuần.|2019-01-11 FREQ=WEEKLY;BYDAY=FR",
    })
    void deadlinesInRunningText(String text, String expected) {
        assertEquals(expected == null ? "" : expected, found(text, "2019-01-11"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a reporting period's cut-off, a start, an effective date, a past event, a reference point
            "(Báo cáo tính đến hết ngày 30/6/2023).",
            "Thông tư này có hiệu lực từ ngày 01/3/2019.",
            "Trong Quý I/2019, Sở đã tiếp nhận và trả lời 23 kiến nghị.",
            "Đến tháng 6/2019, Sở đã tiến hành các quy trình.",
            "hợp đồng được ký trước ngày 01 tháng 7 năm 2019 mà còn hiệu lực",
            "người hoạt động cách mạng trước ngày 01 tháng 01 năm 1945",
            "trong thời hạn 30 ngày kể từ ngày nhận hồ sơ",
    })
    void notDeadlines(String text) {
        assertEquals("", found(text, "2019-01-11"));
    }

    @Test
    void beforeAYearInATimeCellIsDueTheYearBefore() {
        assertEquals("2024", found("1\tHoàn thành cơ sở dữ liệu\tBộ Công an\tTrước năm 2025", "2023-05-10"));
        assertEquals("2025", found("1\tHoàn thành cơ sở dữ liệu\tBộ Công an\tTrong năm 2025", "2023-05-10"));
    }

    @Test
    void aYearToCompleteSomethingInIsADeadlineOnlyWhenTheSentenceAsksForIt() {
        // "hoàn thành", "bảo đảm" earlier in the sentence make "trong năm 2025" the time to finish in
        assertEquals("2025", found("Chỉ đạo các nhà thầu tăng mũi thi công để có thể hoàn thành Dự án thành phần 1 thuộc "
                + "Dự án cao tốc Biên Hòa - Vũng Tàu trong năm 2025, bảo đảm chất lượng.", "2025-11-20"));
        assertEquals("2025", found("Đẩy nhanh tiến độ thi công để đảm bảo thông xe tuyến chính (Dự án thành phần 2) "
                + "trong năm 2025.", "2025-11-20"));
        assertEquals("", found("Trong năm 2025, tỉnh đã hoàn thành 12 dự án.", "2025-11-20"));
    }

    @Test
    void citedDocumentsDatesAreNotDeadlines() {
        String text = "Thực hiện trước ngày 20/3/2019 theo Quyết định số 2099/QĐ-UBND ngày 08/12/2018.";
        var types = new vn.vanban.extract.DocumentTypes();
        var citations = new vn.vanban.citation.CitationExtractor(
                new vn.vanban.citation.CitationFinder(types, new vn.vanban.citation.Relations()),
                new vn.vanban.citation.CitationResolver(types, new vn.vanban.citation.Issuers()));
        var refs = citations.extract(text, new vn.vanban.extract.DocumentMetadata(null, null, null, null, null, "Bắc Kạn",
                "2019-01-11", null, null, null, null, false, List.of()));
        assertEquals(List.of("2019-03-20"), EXTRACTOR.extract(text, "2019-01-11", refs).stream().map(Deadline::due).toList());
    }

    @Test
    void aTableRowLinksItsGuidingDocumentAndATaskCarriesItsDeadline() {
        String text = "HƯỚNG DẪN\nNhiệm vụ trọng tâm năm 2019\n\n1. Phòng Văn hóa và Thông tin huyện.\n\nNhiệm vụ cụ thể:\n\n"
                + "- Hoàn thành rà soát đài truyền thanh xã trước ngày 30/6/2019.\n\n"
                + "Phụ lục\n1\tBáo cáo hoạt động Thông tin điện tử\tTrước ngày 15/01\tThông tư số 09/2014/TT-BTTTT\n";
        var types = new vn.vanban.extract.DocumentTypes();
        var meta = new vn.vanban.extract.MetadataExtractor(types).extract(text);
        var citations = new vn.vanban.citation.CitationExtractor(
                new vn.vanban.citation.CitationFinder(types, new vn.vanban.citation.Relations()),
                new vn.vanban.citation.CitationResolver(types, new vn.vanban.citation.Issuers()));
        var meta2019 = new vn.vanban.extract.DocumentMetadata(null, null, "Hướng dẫn", null, null, "Bắc Kạn", "2019-01-11",
                null, meta.subject(), null, null, false, List.of());
        var work = new WorkExtractor(EXTRACTOR, new TaskExtractor()).extract(text, meta2019, citations.extract(text, meta2019));
        Deadline row = work.deadlines().stream().filter(d -> d.due().equals("2019-01-15")).findFirst().orElseThrow();
        assertEquals("09/2014/TT-BTTTT|2014|", row.guide());
        assertEquals("Báo cáo hoạt động Thông tin điện tử", row.what());
        assertEquals("Phòng Văn hóa và Thông tin huyện", row.who());
        assertEquals(1, work.tasks().size());
        assertEquals("2019-06-30", work.tasks().get(0).due());
        assertEquals("2019", work.tasks().get(0).period());
    }

    @Test
    void aTableLaidOutOneCellPerLine() {
        String text = "\t1\n\tBáo cáo tình hình triển khai chuyển đổi số quý I năm 2023\n\t\n\tTháng 4/2023\n\tĐang thực hiện\n";
        List<Deadline> d = EXTRACTOR.extract(text, "2023", List.of());
        assertEquals(1, d.size());
        assertEquals("2023-04", d.get(0).due());
        assertEquals("Báo cáo tình hình triển khai chuyển đổi số quý I năm 2023", d.get(0).what());
    }

    @Test
    void periodsOfTaskHeadings() {
        assertEquals("2023-Q2", TaskExtractor.period("II. NHIỆM VỤ CÔNG TÁC TRỌNG TÂM QUÝ II NĂM 2023"));
        assertEquals("2020-Q1", TaskExtractor.period("Kết quả quý IV/2019 và nhiệm vụ trọng tâm quý I năm 2020"));
        assertEquals("2015-H2", TaskExtractor.period("Nhiệm vụ công tác 6 tháng cuối năm 2015"));
        assertEquals("2019", TaskExtractor.period("Nhiệm vụ trọng tâm công tác thông tin truyền thông năm 2019"));
        assertEquals("Báo chí, xuất bản", TaskExtractor.fieldOf("1.1. Lĩnh vực báo chí, xuất bản:"));
        assertEquals("Công nghệ thông tin", TaskExtractor.fieldOf("c) Về công nghệ thông tin."));
    }
}
