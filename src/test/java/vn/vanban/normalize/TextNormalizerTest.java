package vn.vanban.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.vanban.support.Fixtures;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
            // a citation broken across lines (gazette)
            "ngày 31 tháng 12 \\nnăm 2020 của Chính phủ|ngày 31 tháng 12 năm 2020 của Chính phủ",
            // a sentence split by a blank line where a page broke (dev/000)
            "phát động cuộc thi viết thư quốc tế UPU tại\\n\\ncác trường tiểu học|phát động cuộc thi viết thư quốc tế UPU tại các trường tiểu học",
            // a sentence that ends stays a paragraph
            "Đề nghị các đơn vị triển khai thực hiện./.\\n\\nNơi nhận:|Đề nghị các đơn vị triển khai thực hiện./.\\n\\nNơi nhận:",
            // list items are not joined
            "Kính gửi:\\n- Thường trực Tỉnh ủy;|Kính gửi:\\n- Thường trực Tỉnh ủy;",
            // table rows (tabs) are not joined
            "1\\tBáo cáo hoạt động\\tTrước ngày 15/01\\nnăm sau|1\\tBáo cáo hoạt động\\tTrước ngày 15/01\\nnăm sau",
            // NUL, soft hyphen, zero-width space and a private-use bullet removed; Symbol-font ≤ mapped
            "Luật\\u0000 Bảo\\u00ADhiểm\\u200B y tế \\uF0A3 10|Luật Bảohiểm y tế ≤ 10",
            // old-style tone placement unified
            "Kết quả Qúy I, hoà mạng|Kết quả Quý I, hòa mạng",
    })
    void normalizes(String input, String expected) {
        assertEquals(unescape(expected), normalizer.normalize(unescape(input)));
    }

    @Test
    void aPortalsNameOfTheDocumentBeforeAnArticleGoesAndTheArticleStays() {
        assertEquals("QUYẾT ĐỊNH:\n\nĐiều 2. Tổ chức thực hiện\n1. Bảo hiểm xã hội Việt Nam", normalizer.normalize(
                "QUYẾT ĐỊNH:\n\nQuyết định 3176/QĐ-BYT năm 2024. Điều 2. Tổ chức thực hiện\n1. Bảo hiểm xã hội Việt Nam"));
    }

    @Test
    void removesGazettePageHeadersWithTheirPageNumbers() {
        String text = "hoặc cấp cứu phải chuyển cơ sở khám bệnh\n \n18 \nCÔNG BÁO/Số 655 + 656/Ngày 21-4-2025 \n  \n"
                + "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nEmail: thongtinchinhphu@chinhphu.vn\n"
                + "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\nThời gian ký: 06.05.2025 09:58:16 +07:00\n\n"
                + "CÔNG BÁO/Số 655 + 656/Ngày 21-4-2025 \n19 \n \nthanh toán chi phí";
        assertEquals("hoặc cấp cứu phải chuyển cơ sở khám bệnh thanh toán chi phí", normalizer.normalize(text));
    }

    @Test
    void nfdAndNfcTextNormalizeAlike() {
        String nfc = "Quyết định số 2099/QĐ-UBND của Ủy ban nhân dân tỉnh Bắc Kạn";
        assertEquals(normalizer.normalize(nfc), normalizer.normalize(Normalizer.normalize(nfc, Normalizer.Form.NFD)));
    }

    @Test
    void realGazetteNoiseIsCleaned() throws Exception {
        String raw = Files.readString(Fixtures.path("gazette/thong-tu-so-10-2022-tt-bkhdt-37566.txt"), StandardCharsets.UTF_8);
        assertTrue(raw.indexOf('\u0000') >= 0, "fixture has NUL bytes");
        assertTrue(raw.contains("CÔNG BÁO/Số"), "fixture has page headers");
        String norm = normalizer.normalize(raw);
        assertFalse(norm.indexOf('\u0000') >= 0);
        assertFalse(norm.contains("CÔNG BÁO/Số"), "page headers removed");
        assertFalse(norm.contains("Thời gian ký:"), "signature stamps removed");
        assertEquals(Normalizer.normalize(norm, Normalizer.Form.NFC), norm);
    }

    @Test
    void nonNfcGazetteTextBecomesNfc() throws Exception {
        String raw = Files.readString(Fixtures.path("gazette/thong-tu-so-12-2021-tt-bldtbxh-34567.txt"));
        assertFalse(Normalizer.isNormalized(raw, Normalizer.Form.NFC), "fixture is not NFC");
        assertTrue(Normalizer.isNormalized(normalizer.normalize(raw), Normalizer.Form.NFC));
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                if (n == 'n') {
                    b.append('\n');
                    i++;
                    continue;
                }
                if (n == 't') {
                    b.append('\t');
                    i++;
                    continue;
                }
                if (n == 'u') {
                    b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
