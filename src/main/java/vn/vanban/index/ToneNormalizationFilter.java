package vn.vanban.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import vn.vanban.normalize.ToneNormalizer;

/** Rewrites each token to the classic tone placement ("hoà" → "hòa"), so both spellings match. Expects NFC input. */
public final class ToneNormalizationFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public ToneNormalizationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String original = term.toString();
        String fixed = ToneNormalizer.normalize(original);
        if (!fixed.equals(original)) {
            term.setEmpty().append(fixed);
        }
        return true;
    }
}
