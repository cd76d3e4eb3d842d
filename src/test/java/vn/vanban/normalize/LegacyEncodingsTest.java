package vn.vanban.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyEncodingsTest {

    private final LegacyEncodings legacy = LegacyEncodings.load();

    @ParameterizedTest(name = "TCVN3 {0}")
    @CsvSource(delimiter = '|', value = {
            // .VnTime text as a parser reads it from an old Word file
            "Céng hoµ x· héi chñ nghÜa ViÖt Nam|Cộng hoà xã hội chủ nghĩa Việt Nam",
            "Quy\u00D5t \u00AE\u00DEnh vÒ viÖc giao chØ tiªu kÕ ho¹ch|Quyết định về việc giao chỉ tiêu kế hoạch",
            "Së Th«ng tin vµ TruyÒn th«ng tØnh B¾c K¹n|Sở Thông tin và Truyền thông tỉnh Bắc Kạn",
    })
    void convertsTcvn3(String legacyText, String unicode) {
        assertEquals(LegacyEncodings.Encoding.TCVN3, legacy.detect(legacyText));
        assertEquals(unicode, legacy.toUnicode(legacyText));
    }

    @ParameterizedTest(name = "VNI {0}")
    @CsvSource(delimiter = '|', value = {
            "Xin chaøo caùc baïn, quaûn lyù vaên baûn|Xin chào các bạn, quản lý văn bản",
            "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam|Cộng hòa xã hội chủ nghĩa Việt Nam",
    })
    void convertsVni(String legacyText, String unicode) {
        assertEquals(LegacyEncodings.Encoding.VNI, legacy.detect(legacyText));
        assertEquals(unicode, legacy.toUnicode(legacyText));
    }

    @Test
    void leavesUnicodeAlone() {
        String text = "Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của Ủy ban nhân dân tỉnh Bắc Kạn; café « guillemets »";
        assertNull(legacy.detect(text));
        assertEquals(text, legacy.toUnicode(text));
    }

    @Test
    void capitalTcvn3LinesStayCapital() {
        assertEquals("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCộng hoà xã hội",
                legacy.toUnicode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM\nCéng hoµ x· héi"));
    }
}
