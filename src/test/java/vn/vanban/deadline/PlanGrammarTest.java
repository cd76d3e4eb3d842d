package vn.vanban.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** plans.yml, table-wide, and the tasks and deadlines a plan in each of its layouts gives. */
class PlanGrammarTest {

    static final PlanGrammar GRAMMAR = PlanGrammar.load();

    @Test
    void everyExampleIsReadAsItsPart() {
        var ex = GRAMMAR.examples();
        ex.get("task_headings").forEach(h -> assertTrue(GRAMMAR.isTaskHeading(h), h));
        ex.get("not task_headings").forEach(h -> assertFalse(GRAMMAR.isTaskHeading(h), h));
        ex.get("units").forEach(u -> assertNotNull(GRAMMAR.unitAt(u), u));
        ex.get("not units").forEach(u -> assertNull(GRAMMAR.unitAt(u), u));
        ex.get("attributes").forEach(a -> assertNotNull(GRAMMAR.attribute(a), a));
        ex.get("request_lead_ins").forEach(r -> assertTrue(GRAMMAR.opensRequests(r), r));
        ex.get("not request_lead_ins").forEach(r -> assertFalse(GRAMMAR.opensRequests(r), r));
        for (String g : ex.get("glued_starts")) {
            String[] lineAndHeading = g.split(" \\| ");
            int at = GRAMMAR.gluedAt(lineAndHeading[0]);
            assertTrue(at > 0, g);
            assertEquals(lineAndHeading[1], lineAndHeading[0].substring(0, at).strip(), g);
        }
        ex.get("not glued_starts").forEach(g -> assertEquals(-1, GRAMMAR.gluedAt(g), g));
        for (PlanGrammar.Column c : PlanGrammar.Column.values()) {
            for (String header : ex.get("column " + c.name().toLowerCase(java.util.Locale.ROOT))) {
                assertEquals(c, GRAMMAR.column(header), header);
            }
        }
    }

    static final String PLAN = """
            BỘ TƯ PHÁP
            Số: 173/QĐ-BTP
            Hà Nội, ngày 29 tháng 01 năm 2015
            KẾ HOẠCH
            Triển khai Chương trình phối hợp năm 2015
            I. MỤC ĐÍCH, YÊU CẦU
            1. Mục đích
            a) Triển khai kịp thời, có hiệu quả Chương trình phối hợp công tác giữa hai cơ quan.
            II. NỘI DUNG THỰC HIỆN
            1. Công tác xây dựng pháp luật
            a) Phối hợp rà soát, tổng kết, đánh giá các văn bản quy phạm pháp luật về công tác dân tộc
            - Đơn vị chủ trì: Vụ Pháp luật hình sự - hành chính.
            - Đơn vị phối hợp: Vụ Pháp luật quốc tế.
            - Thời gian thực hiện: Cả năm 2015.
            b) Gửi dự kiến chương trình xây dựng luật, pháp lệnh năm 2016 để lấy ý kiến
            - Đơn vị chủ trì: Vụ Các vấn đề chung về xây dựng pháp luật.
            - Thời gian thực hiện: Quý II, III/2015.
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương
            a) Chỉ đạo, hướng dẫn Phòng Tư pháp cấp huyện triển khai các nội dung của Kế hoạch.
            2. Văn phòng Bộ: bố trí kinh phí cho các hoạt động của Kế hoạch này.
            PHỤ LỤC
            | STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
            |---|---|---|---|---|
            | I | Nhóm nhiệm vụ về hoàn thiện thể chế | | | |
            | 1 | Xây dựng Nghị định về xử phạt vi phạm hành chính | Vụ Đất đai | Vụ Pháp chế | Tháng 11/2015 |
            | 2 | Tổng kết việc thi hành Luật Tài nguyên biển | Cục Biển | | Quý IV/2015 |
            """;

    @Test
    void aPlanGivesItsItemsUnitsTableRowsAndTheirDeadlines() {
        var analysis = vn.vanban.analysis.DocumentAnalysis.standalone();
        String text = vn.vanban.parse.MarkdownTables.cells(PLAN);
        var r = analysis.run(text);
        List<Task> tasks = r.work().tasks();
        String all = tasks.stream().map(t -> t.text() + " | " + t.assignee() + " | " + t.field() + " | " + t.due())
                .collect(Collectors.joining("\n"));
        assertEquals(6, tasks.size(), all);
        assertTrue(tasks.get(0).text().startsWith("Phối hợp rà soát"), all);
        assertEquals("Vụ Pháp luật hình sự - hành chính", tasks.get(0).assignee(), all);
        assertEquals("Xây dựng pháp luật", tasks.get(0).field(), all);
        assertEquals("2015", tasks.get(0).due(), all);
        assertEquals("2015-09", tasks.get(1).due(), all);
        assertEquals("Sở Tư pháp các tỉnh, thành phố trực thuộc Trung ương", tasks.get(2).assignee(), all);
        assertEquals("Văn phòng Bộ", tasks.get(3).assignee(), all);
        assertTrue(tasks.get(3).text().startsWith("Văn phòng Bộ: bố trí kinh phí"), all); // the item, its unit included
        assertEquals("Xây dựng Nghị định về xử phạt vi phạm hành chính", tasks.get(4).text(), all);
        assertEquals("Vụ Đất đai", tasks.get(4).assignee(), all);
        assertEquals("Nhóm nhiệm vụ về hoàn thiện thể chế", tasks.get(4).field(), all);
        assertEquals("2015-11", tasks.get(4).due(), all);
        assertEquals("2015-12", tasks.get(5).due(), all);
        List<String> dues = r.work().deadlines().stream().map(Deadline::due).toList();
        assertEquals(List.of("2015", "2015-09", "2015-11", "2015-12"), dues);
    }

    /** A plan as a converter writes markdown: paragraphs wrapped at any word, items as "a) Nhiệm vụ / b) … / c) …". */
    static final String WRAPPED_PLAN = """
            **ỦY BAN NHÂN DÂN**
            THÀNH PHỐ HÀ NỘI

            Số: 308/KH-UBND

            *Hà Nội, ngày 17
            tháng 11 năm 2025*

            **KẾ HOẠCH**

            **II. NHIỆM VỤ**

            **1.1. Xây
            dựng các chiến lược:**

            a) Nhiệm vụ: Tham mưu UBND
            Thành phố phối hợp với Bộ Công an rà soát chiến lược dữ liệu.

            b) Cơ quan thực hiện:

            - Đơn vị chủ trì: Sở Khoa học
            và Công nghệ.

            - Đơn vị phối hợp: Các Sở, ban, ngành.

            c) Thời gian thực hiện: Hoàn
            thành trong năm 2025.

            **1.2. Triển
            khai dữ liệu:**

            a) Nhiệm vụ:

            - Triển khai rà soát, chuẩn hóa cơ sở dữ liệu của đơn vị.

            - Phối hợp triển khai số hóa theo hướng dẫn của Bộ, ngành.

            b) Cơ quan thực hiện:

            - Đơn vị chủ trì: Các Sở, ban, ngành.

            c) Thời gian thực hiện: Hoàn thành trong năm 2025.

            **4.1. Kinh phí thực hiện**

            a) Nhiệm vụ: Các đơn vị lập dự toán kinh phí thực hiện Kế hoạch.

            **III. TỔ CHỨC THỰC HIỆN**

            1. Sở Khoa học và Công nghệ theo dõi, đôn đốc các đơn vị triển khai thực hiện Kế hoạch này.
            """;

    @Test
    void aWrappedMarkdownPlanInTheNhiemVuLayoutGivesOneTaskAnItemWithItsLeadAndDeadline() {
        String text = vn.vanban.parse.MarkdownTables.cells(vn.vanban.parse.MarkdownTables.paragraphs(WRAPPED_PLAN));
        assertTrue(text.contains("a) Nhiệm vụ: Tham mưu UBND Thành phố phối hợp"), text);
        assertTrue(text.contains("*Hà Nội, ngày 17 tháng 11 năm 2025*"), text);
        assertTrue(text.contains("- Đơn vị phối hợp: Các Sở, ban, ngành."), text); // a list item stays a line
        var r = vn.vanban.analysis.DocumentAnalysis.standalone().run(text);
        List<Task> tasks = r.work().tasks();
        String all = tasks.stream().map(t -> t.text() + " | " + t.assignee()).collect(Collectors.joining("\n"));
        assertEquals(4, tasks.size(), all); // not the funding item, not the attribute lines
        assertTrue(tasks.get(0).text().startsWith("Tham mưu UBND Thành phố"), all);
        assertEquals("Sở Khoa học và Công nghệ", tasks.get(0).assignee(), all);
        // the lead named after "a) Nhiệm vụ:" and its items leads every one of them
        assertEquals("Các Sở, ban, ngành", tasks.get(1).assignee(), all);
        assertEquals("Các Sở, ban, ngành", tasks.get(2).assignee(), all);
        // an item addressed to a unit without a colon: the line is the task, the unit its assignee
        assertTrue(tasks.get(3).text().startsWith("Sở Khoa học và Công nghệ theo dõi, đôn đốc"), all);
        assertEquals("Sở Khoa học và Công nghệ", tasks.get(3).assignee(), all);
        // each item's "Hoàn thành trong năm 2025" is its own deadline
        assertEquals(List.of("2025", "2025"), r.work().deadlines().stream().map(Deadline::due).toList());
    }

    @Test
    void aLineGivingAUnitItsDutiesMakesTheItemsBelowItsTasks() {
        assertEquals("Giám đốc Sở Lao động - Thương binh và Xã hội",
                GRAMMAR.unitWithDuties("Giám đốc Sở Lao động - Thương binh và Xã hội có trách nhiệm:"));
        assertEquals(null, GRAMMAR.unitWithDuties("Sở hữu trí tuệ và các quyền liên quan có trách nhiệm:"));
        assertEquals(null, GRAMMAR.unitWithDuties("Giám đốc Sở Y tế có trách nhiệm phối hợp với các đơn vị."));
        String text = """
                BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
                Số: 5115/LĐTBXH-KHTC
                Hà Nội, ngày 03 tháng 12 năm 2018
                Bộ trưởng đồng ý mở rộng thí điểm chi trả trợ cấp qua hệ thống Bưu điện tại 07 địa phương.
                Giám đốc Sở Lao động - Thương binh và Xã hội có trách nhiệm:
                - Phối hợp với Tổng công ty Bưu điện Việt Nam hoàn thiện Đề án thí điểm.
                - Kịp thời giải đáp, hướng dẫn những vướng mắc (nếu có).
                Bộ Lao động - Thương binh và Xã hội thông báo để các địa phương biết, thực hiện./.
                """;
        List<Task> tasks = vn.vanban.analysis.DocumentAnalysis.standalone().run(text).work().tasks();
        String all = tasks.stream().map(t -> t.text() + " | " + t.assignee()).collect(Collectors.joining("\n"));
        assertEquals(2, tasks.size(), all);
        assertEquals("Giám đốc Sở Lao động - Thương binh và Xã hội", tasks.get(1).assignee(), all);
    }

    @Test
    void aDirectivesRequestsAreTasksOfEachAddressedUnit() {
        String text = """
                ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
                Số: 06/CT-UBND
                Quảng Trị, ngày 25 tháng 11 năm 2025
                CHỈ THỊ
                Về việc tăng cường xử lý lấn chiếm rừng
                Để nâng cao hiệu quả công tác, Ủy ban nhân dân tỉnh yêu cầu:
                1. Ủy ban nhân dân các xã, phường:
                - Thực hiện đầy đủ trách nhiệm quản lý nhà nước về lâm nghiệp.
                - Đẩy mạnh công tác quản lý bảo vệ rừng.
                2. Sở Tài chính
                - Cân đối, tham mưu bố trí kinh phí bảo vệ rừng.
                """;
        List<Task> tasks = vn.vanban.analysis.DocumentAnalysis.standalone().run(text).work().tasks();
        String all = tasks.stream().map(t -> t.text() + " | " + t.assignee()).collect(Collectors.joining("\n"));
        assertEquals(3, tasks.size(), all);
        assertEquals("Ủy ban nhân dân các xã, phường", tasks.get(0).assignee(), all);
        assertEquals("Sở Tài chính", tasks.get(2).assignee(), all);
    }

    @Test
    void theArticlesOfAChapterThatSetsTasksHoldTasksButAnArticleStatingContentDoesNot() {
        String text = """
                BẢO HIỂM XÃ HỘI VIỆT NAM
                Số: 3618/QĐ-BHXH
                Hà Nội, ngày 15 tháng 12 năm 2022
                QUY TRÌNH
                Chương II THẨM ĐỊNH ĐIỀU KIỆN
                Điều 4. Nội dung thẩm định điều kiện ký hợp đồng
                1. Hình thức tổ chức, phạm vi hoạt động chuyên môn của cơ sở khám bệnh.
                Chương VI TỔ CHỨC THỰC HIỆN
                Điều 39. Tổ chức công tác giám định bảo hiểm y tế tại địa phương
                1. Quản lý hợp đồng và thanh toán trực tiếp
                1.1. Phối hợp xác định cơ sở y tế đủ điều kiện khám bệnh, chữa bệnh ban đầu.
                1.2. Thẩm định hồ sơ, điều kiện đối với cơ sở y tế lần đầu ký hợp đồng.
                """;
        List<Task> tasks = vn.vanban.analysis.DocumentAnalysis.standalone().run(text).work().tasks();
        String all = tasks.stream().map(Task::text).collect(Collectors.joining("\n"));
        assertEquals(2, tasks.size(), all);
        assertTrue(tasks.get(0).text().startsWith("Phối hợp xác định"), all);
    }
}
