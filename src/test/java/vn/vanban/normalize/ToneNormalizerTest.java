package vn.vanban.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToneNormalizerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // old/new placement of oa, oe, uy
            "hoà, hòa", "hòa, hòa", "HOÀ, HÒA", "thuỷ, thủy", "khoẻ, khỏe", "uỷ ban, ủy ban", "Uỷ ban, Ủy ban",
            // misplaced tone after qu / gi
            "Qúy, Quý", "qúy, quý", "quý, quý", "giá, giá", "gìn, gìn",
            // marked vowels carry the tone whatever the input
            "người, người", "tiếng, tiếng", "quốc, quốc", "giữa, giữa",
            // final consonant: tone on the last vowel
            "hoàn, hoàn", "toán, toán", "khuỷu, khuỷu", "ngoài, ngoài",
            // not syllables: unchanged
            "café, café", "2099/QĐ-UBND, 2099/QĐ-UBND", "Hòa Bình, Hòa Bình"
    })
    void placesToneLikeTheClassicOrthography(String input, String expected) {
        assertEquals(expected, ToneNormalizer.normalize(input));
    }

    @ParameterizedTest
    @CsvSource({"Quyết định", "Hướng dẫn", "thủy lợi"})
    void decomposedInputComesOutComposed(String word) {
        assertEquals(word, ToneNormalizer.normalize(Normalizer.normalize(word, Normalizer.Form.NFD)));
    }
}
