package vn.vanban.index;

import com.ibm.icu.text.Normalizer2;
import java.util.Random;
import org.apache.lucene.tests.util.LuceneTestCase;

/** The table-driven normalization gives what ICU gives, character by character and over random strings. */
public class NormalizingFilterTest extends LuceneTestCase {

    private static final Normalizer2 NFKC_CF = Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);
    private static final Normalizer2 FOLD = org.apache.lucene.analysis.icu.ICUFoldingFilter.NORMALIZER;

    public void testVietnameseLettersAreReadFromTheTable() {
        assertEquals("quyết định qđ-ubnd", NormalizingFilter.CASE_FOLD.normalize("QUYẾT ĐỊNH QĐ-UBND"));
        assertEquals("quyet dinh qd-ubnd", NormalizingFilter.FOLD.normalize("Quyết Định QĐ-UBND"));
        // every precomposed Vietnamese letter takes the fast path: one character in, one out, no neighbour needed
        for (char c = 0x1EA0; c <= 0x1EF9; c++) {
            char[] one = {c};
            assertTrue(Integer.toHexString(c), NormalizingFilter.FOLD.tryInPlace(one, 1));
            assertTrue(Integer.toHexString(c), NormalizingFilter.CASE_FOLD.tryInPlace(new char[] {c}, 1));
        }
    }

    public void testEveryCharacterAloneAndAfterALetter() {
        for (char c = 1; c < 0x3000; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            for (String s : new String[] {String.valueOf(c), "a" + c, c + "a", "A" + c + "\u0301", "\u01b0" + c}) {
                assertEquals(Integer.toHexString(c), NFKC_CF.normalize(s), NormalizingFilter.CASE_FOLD.normalize(s));
                assertEquals(Integer.toHexString(c), FOLD.normalize(s), NormalizingFilter.FOLD.normalize(s));
            }
        }
    }

    public void testRandomStringsOfLettersMarksAndSymbols() {
        String pool = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ\u0300\u0301\u0303\u0309\u0323áàảãạấầẩẫậÁÀẢÃẠẤẦẨẪẬ0123²½ßẞﬁ  Ωω";
        Random r = random();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(8);
            for (int k = 0; k < n; k++) {
                b.append(pool.charAt(r.nextInt(pool.length())));
            }
            String s = b.toString();
            assertEquals(s, NFKC_CF.normalize(s), NormalizingFilter.CASE_FOLD.normalize(s));
            assertEquals(s, FOLD.normalize(s), NormalizingFilter.FOLD.normalize(s));
        }
    }
}
