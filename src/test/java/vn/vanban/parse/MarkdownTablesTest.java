package vn.vanban.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Markdown as converters write it: wrapped paragraphs joined, blocks kept, pipe tables as rows of cells. */
class MarkdownTablesTest {

    @Test
    void aWrappedParagraphIsOneLineAndEveryBlockKeepsItsOwn() {
        String md = """

                a) Nhiệm vụ: Tham mưu UBND
                Thành phố phối hợp với Bộ Công an.

                Kính gửi:
                - Sở Tài chính;
                - Sở Nội vụ.
                -------
                **1.1. Xây
                dựng chiến lược:**
                Điều 2. Tổ chức thực hiện
                | Số: 12/KH-UBND | Hà Nội, ngày 17 |
                tiếp theo""";
        String out = MarkdownTables.paragraphs(md);
        assertTrue(out.startsWith("\na) Nhiệm vụ: Tham mưu UBND Thành phố phối hợp với Bộ Công an.\n"), out);
        assertTrue(out.contains("\nKính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.\n-------\n"), out);
        assertTrue(out.contains("**1.1. Xây dựng chiến lược:**\nĐiều 2. Tổ chức thực hiện\n"), out);
        assertTrue(out.endsWith("| Số: 12/KH-UBND | Hà Nội, ngày 17 |\ntiếp theo"), out); // rows are never joined
        assertEquals(md.lines().count() - 2, out.lines().count(), out); // two lines joined onto the ones before
    }

    @Test
    void onlyMarkdownHasItsParagraphsJoined() {
        assertTrue(MarkdownTables.isMarkdown("text/x-web-markdown"));
        assertFalse(MarkdownTables.isMarkdown("text/plain"));
        assertTrue(MarkdownTables.appliesTo("text/plain"));
    }
}
