package vn.vanban.citation;

import java.text.Normalizer;

/** Removes Vietnamese diacritics one character at a time, so folded text keeps the offsets of the original. */
public final class Folding {

    private static final char FIRST = '\u00C0';
    private static final char LAST = '\u1EF9';
    private static final char[] TABLE = new char[LAST - FIRST + 1];

    static {
        for (char c = FIRST; c <= LAST; c++) {
            TABLE[c - FIRST] = slowFold(c);
        }
    }

    private Folding() {
    }

    /** {@code s} lower-cased without diacritics ("Nghị Định" → "nghi dinh"), same length as {@code s}. */
    public static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < s.length(); i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    /** One character folded. */
    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        if (c >= FIRST && c <= LAST) {
            return TABLE[c - FIRST];
        }
        return slowFold(c);
    }

    private static char slowFold(char c) {
        if (c == 'đ' || c == 'Đ' || c == 'Ð') {
            return 'd';
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return ' ';
        }
        String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return Character.toLowerCase(nfd.charAt(0));
    }
}
