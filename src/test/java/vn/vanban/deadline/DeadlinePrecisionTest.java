package vn.vanban.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What laws and circulars state as rules, reference points and templates are not deadlines; duties are. */
class DeadlinePrecisionTest {

    static final DeadlineExtractor EXTRACTOR = new DeadlineExtractor();

    static String dues(String text, String date) {
        return EXTRACTOR.extract(text, date, List.of()).stream()
                .map(d -> d.due() + (d.rrule() == null ? "" : " " + d.rrule()))
                .collect(Collectors.joining(" + "));
    }

    @Test
    void referencePointsAndValidityAreNotDeadlines() {
        assertEquals("", dues("Ghi nhận thời gian chủ hộ kinh doanh đã đóng bảo hiểm xã hội bắt buộc trước ngày 01 tháng 7 "
                + "năm 2025 để làm căn cứ giải quyết chế độ.", "2025-05-17"));
        assertEquals("", dues("Nghị quyết này có hiệu lực thi hành kể từ ngày 29 tháng 4 năm 2026 đến trước ngày 01 tháng 3 "
                + "năm 2027, trừ trường hợp quy định tại khoản 2.", "2026-04-29"));
        assertEquals("", dues("c) Hợp đồng lao động điện tử giao kết trước ngày 01 tháng 7 năm 2026 không bảo đảm theo quy định.",
                "2026-05-01"));
        assertEquals("", dues("Ví dụ 9: Trong tháng 10, công ty X bố trí cho công nhân A làm việc 8 giờ vào thứ bảy hằng tuần.",
                "2021-12-18"));
        // what was not done, or what the law provided, before a date: a reference point
        assertEquals("", dues("Hợp đồng cung ứng lao động đã đăng ký và người lao động chưa xuất cảnh trước ngày 15 tháng 5 năm "
                + "2024 nếu có nội dung trái quy định của Thông tư này.", "2024-03-01"));
        assertEquals("", dues("a) Đối tượng tham gia bảo hiểm y tế được pháp luật quy định trước ngày 01 tháng 01 năm 2025;",
                "2024-06-27"));
        assertEquals("", dues("1. Điều chỉnh quy hoạch đã được phê duyệt nhưng chưa công bố điều chỉnh quy hoạch trước ngày 01 "
                + "tháng 3 năm năm 2026 thì tiếp tục quản lý chi phí.", "2026-01-15"));
        assertEquals("", dues("Người sử dụng lao động đang tham gia bảo hiểm thất nghiệp trước ngày 01 tháng 10 năm 2021, không "
                + "bao gồm các trường hợp sau:", "2021-09-24"));
        // a cut-over: the same date as the start of what goes on after it
        assertEquals("", dues("b) Đối tượng quy định tại điểm a khoản này khám bệnh, chữa bệnh trước ngày 01 tháng 01 năm 2025 "
                + "và kết thúc đợt điều trị từ ngày 01 tháng 01 năm 2025.", "2024-06-27"));
        // a condition that lists its objects with commas still states what was done before the date
        assertEquals("", dues("Trường hợp cơ sở khám bệnh, chữa bệnh tư nhân đã ký hợp đồng cung ứng thuốc, hóa chất, vật tư xét "
                + "nghiệm, thiết bị y tế trước ngày 01 tháng 07 năm 2025 theo quy định thì được sử dụng hết số lượng.", "2025-06-30"));
        // the end of a span is no deadline
        assertEquals("", dues("Năm tài chính là năm dương lịch bắt đầu từ ngày 01 tháng 01 và kết thúc ngày 31 tháng 12 hằng năm.",
                "2025-12-31"));
        // "chưa" with a duty after it is a duty
        assertEquals("2026-06-30", dues("Đơn vị nào chưa báo cáo thì gửi về Sở trước ngày 30/6/2026.", "2026-04-01"));
        // open-ended: "trong tháng 5 và thời gian tới"
        assertEquals("", dues("Tạo động lực để tiếp tục thúc đẩy công việc trong tháng 5 và thời gian tới.", "2026-05-02"));
        // a duty in the same words is one
        assertEquals("2026-06-30", dues("Các bộ, ngành hoàn thành việc rà soát trước ngày 30 tháng 6 năm 2026.", "2026-04-01"));
        // a period someone has before a date, a state begun before it, the day a figure stands at
        assertEquals("", dues("b) Cán bộ có thời gian công tác tại vùng khó khăn trước ngày 01 tháng 01 năm 2024 là người được "
                + "hưởng phụ cấp theo quy định.", "2024-05-01"));
        assertEquals("", dues("Trường hợp hộ gia đình vừa thuộc diện hỗ trợ vừa thuộc diện vay vốn mà đã đăng ký theo quy định tại "
                + "điểm a, b và c khoản 2 Điều 4 của Nghị định này từ trước ngày 01 tháng 3 năm 2025 và có đủ hồ sơ.", "2025-02-01"));
        assertEquals("", dues("Biểu 02\tSố dư nợ cuối năm (tại ngày 31 tháng 12)\tNăm\n", "2025-02-01"));
        // a year and the period beyond it is a scope, the sentence's deadline is its date
        assertEquals("2026-05-06", dues("a) Rà soát các chỉ tiêu của ngành trong năm 2026 và giai đoạn 2026 - 2030, gửi Bộ Tài chính "
                + "trước ngày 06 tháng 5 năm 2026;", "2026-04-10"));
    }

    @Test
    void theDateOfADocumentListedInATableIsNoDeadline() {
        String text = "BỘ TÀI CHÍNH\nSố: 225/QĐ-BTC\nHà Nội, ngày 14 tháng 4 năm 2024\nQUYẾT ĐỊNH\n"
                + "Danh mục văn bản còn hiệu lực\nTT\nTên loại\nSố, ký hiệu; ngày ban hành\nTrích yếu\n18\nThông tư\nSố 12/2015/TT-BTC;\nngày 04/6/2015\n"
                + "Hướng dẫn thực hiện chế độ kế toán\n";
        // the whole analysis: the cited documents it finds are what tells the date of a listed one
        assertEquals(List.of(), vn.vanban.analysis.DocumentAnalysis.standalone().run(text).work().deadlines());
    }

    @Test
    void aTemplateRepeatedInTheAnnexesCountsOnceAndFormsSetNothing() {
        String row = "Thời hạn nhận báo cáo: Tháng: Ngày 02 tháng sau tháng báo cáo\n";
        String text = "Điều 5. Chế độ báo cáo\nBáo cáo tháng gửi trước ngày 05 của tháng sau.\nNơi nhận:\n- Như trên.\n"
                + "PHỤ LỤC\n1. Báo cáo tình hình A\n" + row + "2. Báo cáo tình hình B\n" + row
                + "Mẫu số 01/BC\n(Thời hạn thực hiện báo cáo: Trước ngày 20 của tháng sau kỳ báo cáo)\n";
        assertEquals("2025-02-05 FREQ=MONTHLY;BYMONTHDAY=5 + 2025-02-02 FREQ=MONTHLY;BYMONTHDAY=2", dues(text, "2025-01-10"));
    }

    @Test
    void aFormNumberedWithinItsAnnexSetsNothing() {
        String text = "Điều 5. Báo cáo năm gửi trước ngày 15 tháng 2 năm sau.\nNơi nhận:\n- Như trên.\nMẫu I.16\n"
                + "BÁO CÁO ĐỊNH KỲ NĂM\n(Thời hạn thực hiện báo cáo: Trước ngày 20 tháng 2 của năm sau năm báo cáo)\n";
        assertEquals("2027-02-15", dues(text, "2026-04-29"));
    }

    @Test
    void aMonthAloneIsADeadlineOnlyInATimeColumn() {
        assertEquals("", dues("Tháng\tSố ngày nghỉ\nTháng 2\t05 ngày nghỉ hằng tuần\n", "2021-01-01"));
        // a table whose rows are the months of the year, read from a PDF with its cells one per line
        assertEquals("", dues("Ghi chú\nTháng 1\n26\nNghỉ 01 ngày tết dương lịch\nTháng 2\n20\nTháng 3\n27\nTháng 4\n26\nTháng 5\n"
                + "25\nTháng 6\n26\nNghỉ 04 ngày nghỉ hằng tuần\nTháng 7\n26\nTháng 8\n27\nTháng 9\n", "2021-01-01"));
        // the same table read from a PDF, its cells one per line
        assertEquals("", dues("27\n189\n04 ngày nghỉ hằng tuần\nTháng 4\n", "2021-01-01"));
        assertEquals("2021-02", dues("Nội dung\tThời gian hoàn thành\nBáo cáo sơ kết\tTháng 2\n", "2021-01-01"));
    }

    @Test
    void theWordsAroundADateShapeIt() {
        assertEquals("2026-07-10 FREQ=MONTHLY;BYMONTH=1,4,7,10;BYMONTHDAY=10",
                dues("Định kỳ hằng quý, trước ngày 10 của tháng tiếp theo, tổ chức gửi báo cáo về Bộ Nội vụ.", "2026-06-01"));
        assertEquals("2024-06-30 FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30 + 2024-12-31 FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
                dues("b) Định kỳ trước ngày 30 tháng 6 và 31 tháng 12 hàng năm tổng hợp, báo cáo gửi Sở.", "2024-01-05"));
        assertEquals("2024", dues("Các bộ hoàn thành việc kết nối trước năm 2025.", "2023-12-01"));
        assertEquals("2023-12-15 FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15",
                dues("Trước 15 tháng 12 hằng năm, doanh nghiệp báo cáo bằng văn bản kết quả hoạt động về Bộ.", "2023-05-01"));
    }
}
