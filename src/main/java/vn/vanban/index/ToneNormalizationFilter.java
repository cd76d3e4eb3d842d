package vn.vanban.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import vn.vanban.normalize.ToneNormalizer;

/** Rewrites each token to the classic tone placement ("hoà" → "hòa"), so both spellings match, in place. Expects NFC input. */
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
        // tokens are NFC (the analyzer's char filter) and one syllable each: move the tone in the term's own buffer
        ToneNormalizer.moveTone(term.buffer(), 0, term.length());
        return true;
    }
}
