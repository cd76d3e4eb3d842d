package vn.vanban.normalize;

/**
 * {@link Character}'s answers for the characters Vietnamese text is made of, looked up in tables: every char up to
 * U+20FF (Latin, the Vietnamese letters of Latin Extended Additional, and the dashes, quotes and ellipsis of General
 * Punctuation). The text scans ask these for nearly every character, and {@code Character} answers a char past
 * Latin-1 through a multi-level lookup; beyond the tables the answer is {@code Character}'s own.
 */
public final class CharTables {

    private static final int LAST = 0x20FF;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte UPPER = 4;
    private static final byte LOWER = 8;
    private static final byte[] KIND = new byte[LAST + 1];
    private static final char[] LOWER_OF = new char[LAST + 1];

    static {
        for (int c = 0; c <= LAST; c++) {
            KIND[c] = (byte) ((Character.isLetter(c) ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0)
                    | (Character.isUpperCase(c) ? UPPER : 0) | (Character.isLowerCase(c) ? LOWER : 0));
            LOWER_OF[c] = (char) Character.toLowerCase(c);
        }
    }

    private CharTables() {
    }

    /** {@link Character#isLetter(char)}. */
    public static boolean isLetter(char c) {
        return c <= LAST ? (KIND[c] & LETTER) != 0 : Character.isLetter(c);
    }

    /** {@link Character#isLetterOrDigit(char)}. */
    public static boolean isLetterOrDigit(char c) {
        return c <= LAST ? (KIND[c] & (LETTER | DIGIT)) != 0 : Character.isLetterOrDigit(c);
    }

    /** {@link Character#isUpperCase(char)}. */
    public static boolean isUpperCase(char c) {
        return c <= LAST ? (KIND[c] & UPPER) != 0 : Character.isUpperCase(c);
    }

    /** {@link Character#isLowerCase(char)}. */
    public static boolean isLowerCase(char c) {
        return c <= LAST ? (KIND[c] & LOWER) != 0 : Character.isLowerCase(c);
    }

    /** {@link Character#toLowerCase(char)}. */
    public static char toLowerCase(char c) {
        return c <= LAST ? LOWER_OF[c] : Character.toLowerCase(c);
    }
}
