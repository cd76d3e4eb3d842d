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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Quyết định số 2099/QĐ-UBND “về việc” – Ủy ban|true",
            // a combining mark, a singleton that NFC replaces (Ω, U+2126), a Hangul vowel that composes backward
            "Quye\u0301t|false", "\u2126|false", "\u1100\u1161|false"
    })
    void theQuickCheckSaysNfcOnlyForTextThatIs(String text, boolean quick) {
        String t = text.translateEscapes();
        assertEquals(quick, ToneNormalizer.quickNfc(t));
        if (quick) {
            assertEquals(Normalizer.normalize(t, Normalizer.Form.NFC), t);
        } else {
            assertEquals(Normalizer.normalize(t, Normalizer.Form.NFC), ToneNormalizer.normalize(t));
        }
    }
}
