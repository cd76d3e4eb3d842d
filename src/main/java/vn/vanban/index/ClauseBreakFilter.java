package vn.vanban.index;

import java.io.Reader;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps a gap in token positions where punctuation ends a clause (", ", ". ", "; ", ": ", "! ", "? "), so a phrase
 * never spans one: "quý, hiếm" is not the phrase "quý hiếm", nor is "hiếm" the neighbour of a "bảo" before the
 * comma. The punctuation is turned into a marker token by {@link #mark} (a char filter, so offsets still point into
 * the text) and the marker is dropped here, leaving its position empty. Punctuation inside numbers ("1.500",
 * "66.17/2026") is not followed by a space and stays as it was.
 */
public final class ClauseBreakFilter extends FilteringTokenFilter {

    /** The marker: a Latin letter no Vietnamese text uses, so the tokenizer makes it a word of its own. */
    static final String MARKER = "\u0298";
    private static final NormalizeCharMap MAP;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (char p : ",.;:!?".toCharArray()) {
            for (char space : " \n\t\u00a0".toCharArray()) {
                b.add(String.valueOf(p) + space, " " + MARKER + " ");
            }
        }
        MAP = b.build();
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public ClauseBreakFilter(TokenStream in) {
        super(in);
    }

    /** {@code reader} with each clause-ending punctuation replaced by the marker token. */
    static Reader mark(Reader reader) {
        return new MappingCharFilter(MAP, reader);
    }

    @Override
    protected boolean accept() {
        return !(term.length() == 1 && term.charAt(0) == MARKER.charAt(0));
    }
}
