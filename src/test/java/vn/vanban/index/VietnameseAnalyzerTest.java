package vn.vanban.index;

import java.text.Normalizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** Analyzer tests in the style of Lucene's own: expected tokens per input, then random text through both analyzers. */
public class VietnameseAnalyzerTest extends BaseTokenStreamTestCase {

    public void testExactKeepsDiacriticsAndUnifiesTones() throws Exception {
        try (Analyzer a = VietnameseAnalyzer.exact()) {
            assertAnalyzesTo(a, "Quyết định số 2099/QĐ-UBND", new String[] {"quyết", "định", "số", "2099", "qđ", "ubnd"});
            assertAnalyzesTo(a, "HOÀ BÌNH thuỷ lợi Qúy I", new String[] {"hòa", "bình", "thủy", "lợi", "quý", "i"});
        }
    }

    public void testFoldedRemovesEveryDiacriticIncludingDStroke() throws Exception {
        try (Analyzer a = VietnameseAnalyzer.folded()) {
            assertAnalyzesTo(a, "Quyết định Đảng ủy", new String[] {"quyet", "dinh", "dang", "uy"});
            assertAnalyzesTo(a, "quyet dinh", new String[] {"quyet", "dinh"});
        }
    }

    public void testNfdInputGivesNfcTokens() throws Exception {
        String nfd = Normalizer.normalize("Hướng dẫn thủy lợi", Normalizer.Form.NFD);
        try (Analyzer a = VietnameseAnalyzer.exact()) {
            assertAnalyzesTo(a, nfd, new String[] {"hướng", "dẫn", "thủy", "lợi"});
        }
    }

    public void testOffsetsPointIntoTheOriginalText() throws Exception {
        try (Analyzer a = VietnameseAnalyzer.folded()) {
            assertAnalyzesTo(a, "Số: 43/HD", new String[] {"so", "43", "hd"}, new int[] {0, 4, 7}, new int[] {2, 6, 9});
        }
    }

    public void testPunctuationEndingAClauseLeavesAPositionGap() throws Exception {
        try (Analyzer a = VietnameseAnalyzer.folded()) {
            // "quý, hiếm": a gap between the two, so no phrase spans the comma; offsets still point into the text
            assertAnalyzesTo(a, "loài quý, hiếm. Bảo hiểm", new String[] {"loai", "quy", "hiem", "bao", "hiem"},
                    new int[] {0, 5, 10, 16, 20}, new int[] {4, 8, 14, 19, 24}, new int[] {1, 1, 2, 2, 1});
            // punctuation inside numbers and symbols is no clause break
            assertAnalyzesTo(a, "1.500 đồng 66.17/2026", new String[] {"1.500", "dong", "66.17", "2026"},
                    new int[] {0, 6, 11, 17}, new int[] {5, 10, 16, 21}, new int[] {1, 1, 1, 1});
        }
    }

    public void testRandomStrings() throws Exception {
        try (Analyzer exact = VietnameseAnalyzer.exact(); Analyzer folded = VietnameseAnalyzer.folded()) {
            checkRandomData(random(), exact, 200 * RANDOM_MULTIPLIER);
            checkRandomData(random(), folded, 200 * RANDOM_MULTIPLIER);
        }
    }
}
