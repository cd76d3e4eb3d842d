package vn.vanban.index;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * Analysis for Vietnamese text: NFKC with case folding before tokenizing (so NFD input matches NFC), ICU word
 * segmentation into syllables, a position gap where punctuation ends a clause ({@link ClauseBreakFilter}), and
 * unified tone placement. The folded variant also removes every diacritic
 * ("Quyết định" → "quyet dinh", "đ" → "d") for queries typed without them.
 */
public final class VietnameseAnalyzer extends Analyzer {

    private static final Normalizer2 NFKC_CF = Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);

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
        return new ICUNormalizer2CharFilter(ClauseBreakFilter.mark(reader), NFKC_CF);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new ICUNormalizer2CharFilter(reader, NFKC_CF);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new ICUTokenizer();
        TokenStream clauses = new ClauseBreakFilter(tokenizer); // no phrase across ", " ". " "; " …
        // folding removes tone marks wherever they sit, so only the exact variant needs their placement unified
        TokenStream stream = folded ? new ICUFoldingFilter(clauses) : new ToneNormalizationFilter(clauses);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return folded ? new ICUFoldingFilter(in) : new ToneNormalizationFilter(in);
    }
}
