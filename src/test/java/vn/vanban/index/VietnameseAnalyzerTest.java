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

    /**
     * The chain as it was first written, normalizing the whole text before cutting it (a char filter, with a marker
     * token for each clause break put in by a mapping that corrects offsets), with the tokenizer and the clause marks of
     * today ("…" among them): the reference the faster chain must equal.
     */
    static Analyzer reference(boolean folded) {
        com.ibm.icu.text.Normalizer2 nfkcCf = com.ibm.icu.text.Normalizer2.getInstance(null, "nfkc_cf",
                com.ibm.icu.text.Normalizer2.Mode.COMPOSE);
        org.apache.lucene.analysis.charfilter.NormalizeCharMap.Builder marks =
                new org.apache.lucene.analysis.charfilter.NormalizeCharMap.Builder();
        for (char p : ",.;:!?\u2026".toCharArray()) {
            for (char space : " \n\t\u00a0".toCharArray()) {
                marks.add(String.valueOf(p) + space, " \u0298 ");
            }
        }
        var map = marks.build();
        return new Analyzer() {
            @Override
            protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
                return new org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter(
                        new org.apache.lucene.analysis.charfilter.MappingCharFilter(map, reader), nfkcCf);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                var tokenizer = new org.apache.lucene.analysis.standard.StandardTokenizer();
                var clauses = new org.apache.lucene.analysis.FilteringTokenFilter(tokenizer) {
                    private final org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
                            addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);

                    @Override
                    protected boolean accept() {
                        return !(term.length() == 1 && term.charAt(0) == '\u0298'); // the marker: a clause break
                    }
                };
                return new TokenStreamComponents(tokenizer, folded
                        ? new org.apache.lucene.analysis.icu.ICUFoldingFilter(clauses) : new ToneNormalizationFilter(clauses));
            }
        };
    }

    /** Terms, position increments and offsets of {@code text}, one line per token. */
    static java.util.List<String> tokensOf(Analyzer a, String text) throws java.io.IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (var ts = a.tokenStream("f", text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var pos = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            var off = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + pos.getPositionIncrement() + " " + off.startOffset() + "-" + off.endOffset());
            }
            ts.end();
        }
        return out;
    }

    public void testGivesWhatNormalizingTheWholeTextFirstGaveOverRealDocuments() throws Exception {
        java.nio.file.Path fixtures = java.nio.file.Path.of("src/test/resources/fixtures");
        java.util.List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(fixtures)) {
            files = walk.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue("fixture texts found: " + files.size(), files.size() > 40);
        long compared = 0;
        for (boolean folded : new boolean[] {false, true}) {
            try (Analyzer now = folded ? VietnameseAnalyzer.folded() : VietnameseAnalyzer.exact(); Analyzer ref = reference(folded)) {
                for (java.nio.file.Path f : files) {
                    String text = java.nio.file.Files.readString(f);
                    java.util.List<String> expected = tokensOf(ref, text);
                    assertEquals(f + (folded ? " (folded)" : " (exact)"), expected, tokensOf(now, text));
                    compared += expected.size();
                }
            }
        }
        assertTrue(compared > 1_000_000);
    }

    public void testRandomStrings() throws Exception {
        try (Analyzer exact = VietnameseAnalyzer.exact(); Analyzer folded = VietnameseAnalyzer.folded()) {
            checkRandomData(random(), exact, 200 * RANDOM_MULTIPLIER);
            checkRandomData(random(), folded, 200 * RANDOM_MULTIPLIER);
        }
    }
}
