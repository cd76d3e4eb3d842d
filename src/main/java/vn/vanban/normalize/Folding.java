package vn.vanban.normalize;

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
        char[] out = s.toString().toCharArray(); // folded in place: an array scan, no call per character
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(out[i]);
        }
        return new String(out);
    }

    /**
     * {@code s} lower-cased one character at a time, keeping its diacritics and its length (so offsets carry over);
     * for the Vietnamese alphabet the same as {@code toLowerCase(Locale.ROOT)}. Returns {@code s} itself when it has
     * no capital.
     */
    public static String lower(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && lowerOf(s.charAt(i)) == s.charAt(i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        char[] out = s.toCharArray();
        for (; i < n; i++) {
            out[i] = lowerOf(out[i]);
        }
        return new String(out);
    }

    private static char lowerOf(char c) {
        return vn.vanban.normalize.CharTables.toLowerCase(c);
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
