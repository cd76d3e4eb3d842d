package vn.vanban.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** So sánh văn bản: cutting an article out of a text, and the word diff of two texts. */
class TextComparisonTest {

    static final String LAW = "Chương I\\nĐiều 31. Phạm vi\\nNội dung điều 31.\\nĐiều 32. Trách nhiệm\\n1. Lực lượng tham gia bảo vệ an ninh"
            + " có trách nhiệm.\\n2. Kinh phí do ngân sách bảo đảm.\\nĐiều 33. Hiệu lực\\nLuật này có hiệu lực.";
    static final String AMENDING = "Điều 1. Sửa đổi, bổ sung một số điều của Luật số 30/2023/QH15\\n1. Sửa đổi, bổ sung Điều 32 như sau:\\n"
            + "“Điều 32. Trách nhiệm\\n1. Lực lượng tham gia bảo vệ an ninh, trật tự có trách nhiệm.”\\n2. Bãi bỏ Điều 40.\\nĐiều 2. Hiệu lực";

    @Test
    void anArticleIsCutFromItsHeadingToTheNextOrFromTheAmendingPassage() {
        String law = LAW.replace("\\n", "\n");
        assertEquals("Điều 32. Trách nhiệm\n1. Lực lượng tham gia bảo vệ an ninh có trách nhiệm.\n2. Kinh phí do ngân sách bảo đảm.",
                TextComparison.part(law, "điều 32"));
        String amending = AMENDING.replace("\\n", "\n");
        assertEquals("1. Sửa đổi, bổ sung Điều 32 như sau:\n“Điều 32. Trách nhiệm\n1. Lực lượng tham gia bảo vệ an ninh, trật tự "
                + "có trách nhiệm.”", TextComparison.part(amending, "Điều 32"));
        assertNull(TextComparison.part(law, "Điều 99"));
        assertEquals(law, TextComparison.part(law, " "));
        assertThrows(IllegalArgumentException.class, () -> TextComparison.part(law, "khoản 2"));
    }

    @Test
    void wordsDeletedAndInsertedAreMarkedAndMarkupEscaped() {
        List<TextComparison.Row> rows = TextComparison.rows("Giữ nguyên.\nGửi về Sở trước ngày 20/7/2023.",
                "Giữ nguyên.\nGửi về Sở <b>trước</b> ngày 25/7/2023.\nĐoạn mới.");
        assertEquals("same", rows.get(0).kind());
        assertEquals("changed", rows.get(1).kind());
        assertEquals("Gửi về Sở <del>trước</del> ngày <del>20</del>/7/2023.", rows.get(1).left());
        assertEquals("Gửi về Sở <ins>&lt;b&gt;trước&lt;/b&gt;</ins> ngày <ins>25</ins>/7/2023.", rows.get(1).right());
        assertEquals("inserted", rows.get(2).kind());
    }
}
