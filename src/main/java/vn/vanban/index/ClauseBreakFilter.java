package vn.vanban.index;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Keeps a gap in token positions where punctuation ends a clause (", ", ". ", "; ", ": ", "! ", "? ", "… "), so a phrase
 * never spans one: "quý, hiếm" is not the phrase "quý hiếm", nor is "hiếm" the neighbour of a "bảo" before the
 * comma. The text is read through {@link Breaks} (a char filter that changes nothing, so offsets need no correction
 * of its own), which notes where each such mark stands; each token after one or more of them moves one position
 * further per mark. Punctuation inside numbers ("1.500", "66.17/2026") is not followed by a space and is no break.
 */
public final class ClauseBreakFilter extends TokenFilter {

    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private Breaks breaks;
    /** How many of {@link #breaks}' marks lie before the tokens given so far. */
    private int passed;

    public ClauseBreakFilter(TokenStream in) {
        super(in);
    }

    /** The marks of the text being read (set with each new text, before {@link #reset}). */
    void setBreaks(Breaks breaks) {
        this.breaks = breaks;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (breaks != null) {
            int start = offsets.startOffset();
            int gap = 0;
            while (passed < breaks.count && breaks.correctOffset(breaks.at[passed]) < start) {
                passed++;
                gap++;
            }
            if (gap > 0) {
                posInc.setPositionIncrement(posInc.getPositionIncrement() + gap);
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        passed = 0;
    }

    private static boolean ends(char c) {
        return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\u00a0';
    }

    /** A reader that passes its text on unchanged, noting where a punctuation mark followed by a space stands. */
    static final class Breaks extends CharFilter {
        private int[] at = new int[16];
        private int count;
        /** Characters given out so far. */
        private int read;
        /** A character read ahead (to know what follows a mark at the end of a chunk), not yet given out; -1: none. */
        private int held = -1;

        Breaks(Reader in) {
            super(in);
        }

        @Override
        protected int correct(int currentOff) {
            return currentOff;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            if (held >= 0) {
                cbuf[off] = (char) held;
                held = -1;
                n = 1;
            }
            if (n < len) {
                int r = input.read(cbuf, off + n, len - n);
                if (r < 0 && n == 0) {
                    return -1;
                }
                n += Math.max(r, 0);
            }
            for (int i = off; i < off + n - 1; i++) {
                if (ends(cbuf[i]) && space(cbuf[i + 1])) {
                    note(read + i - off);
                }
            }
            if (ends(cbuf[off + n - 1])) {
                // whether it ends a clause depends on the next character: read it now, give it out next time
                int next = input.read();
                if (next >= 0) {
                    held = next;
                    if (space(next)) {
                        note(read + n - 1);
                    }
                }
            }
            read += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        private void note(int position) {
            if (count == at.length) {
                at = java.util.Arrays.copyOf(at, count * 2);
            }
            at[count++] = position;
        }
    }
}
