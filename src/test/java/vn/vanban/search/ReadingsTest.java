package vn.vanban.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Words typed without diacritics are read as the best hits spell them where the words stand together. */
class ReadingsTest {

    @Test
    void theRunOfWordsDecidesTheReadingNotEachSyllableAlone() {
        String text = "Mục 1. Điều chỉnh mức lương cơ sở. Mục lục, mục tiêu, có số liệu; số, sở, mục. "
                + "Áp dụng mức lương cơ sở từ ngày 01/7.";
        assertEquals("mức lương cơ sở", Readings.of(List.of(text), "muc luong co so"));
    }

    @Test
    void aRunInsideAWordIsNotRead() {
        // "an" stands inside each of the first eight words, spelled "ản" twice: only the word "Ăn" votes
        assertEquals("ăn", Readings.of(List.of("Ban bàn bán bản bạn quán quản quận. Ăn."), "an"));
        assertEquals("bạn", Readings.of(List.of("Ban bàn bán bản bạn quán quản quận. Bạn, bạn."), "ban"));
    }

    @Test
    void wordsTypedWithDiacriticsKeepThem() {
        assertNull(Readings.of(List.of("mức lương cơ sở"), "mức lương"));
    }
}
