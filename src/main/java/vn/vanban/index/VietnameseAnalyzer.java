package vn.vanban.index;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analysis for Vietnamese text: NFKC (so "m²" is "m2" and NFD input matches NFC), word segmentation into syllables by
 * the Unicode rules (UAX #29, Lucene's standard tokenizer: Vietnamese needs no dictionary), case folding of each token, a
 * position gap where punctuation ends a clause ({@link ClauseBreakFilter}), and unified tone placement. The folded
 * variant also removes every diacritic ("Quyết định" → "quyet dinh", "đ" → "d") for queries typed without them.
 * <p>
 * It was first written with ICU's tokenizer behind a char filter doing NFKC and case folding at once, with a marker
 * token per clause break put in by a mapping char filter: indexing a document spent most of its time there (offset
 * bookkeeping of two char filters, ICU's script runs). This chain is 2.4 times as fast and gives the same tokens,
 * positions and offsets over every text of the corpora but for runs of underscores (no longer tokens) and "…" (now a
 * clause end, as "..." was); {@code VietnameseAnalyzerTest} compares it with that first chain on the test texts.
 */
public final class VietnameseAnalyzer extends Analyzer {

    private static final Normalizer2 NFKC_CF = Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private final boolean folded;

    private VietnameseAnalyzer(boolean folded) {
        this.folded = folded;
    }

    /** Keeps diacritics. */
    public static VietnameseAnalyzer exact() {
        return new VietnameseAnalyzer(false);
    }

    /** Folds diacritics away. */
    public static VietnameseAnalyzer folded() {
        return new VietnameseAnalyzer(true);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        // compatibility characters ("m²", "½", "µl", "™") are decomposed before the text is cut, as they change where
        // words end; case folding, which does not, is left to each token
        return new ClauseBreakFilter.Breaks(new ICUNormalizer2CharFilter(reader, NFKC));
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new ICUNormalizer2CharFilter(reader, NFKC_CF);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        ClauseBreakFilter clauses = new ClauseBreakFilter(tokenizer); // no phrase across ", " ". " "; " …
        // folding (which includes NFKC and case folding) removes tone marks wherever they sit, so only the exact
        // variant needs their placement unified
        TokenStream stream = folded ? new NormalizingFilter(clauses, NormalizingFilter.FOLD)
                : new ToneNormalizationFilter(new NormalizingFilter(clauses, NormalizingFilter.CASE_FOLD));
        return new TokenStreamComponents(reader -> {
            tokenizer.setReader(reader);
            clauses.setBreaks(reader instanceof ClauseBreakFilter.Breaks b ? b : null);
        }, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return folded ? new ICUFoldingFilter(in) : new ToneNormalizationFilter(in);
    }
}
