package vn.vanban.normalize;

import java.text.Normalizer;

/**
 * Places the tone mark of each Vietnamese syllable on the vowel the classic orthography uses
 * ("hoà" → "hòa", "thuỷ" → "thủy", "Qúy" → "Quý"), so that old and new spellings match.
 * Input of any normalization form; output NFC. Letters, case and everything that is not a toned syllable are kept.
 * Works on precomputed tables (letter → base and tone, base and tone → letter): no per-word Unicode
 * normalization. Stateless and thread-safe.
 */
public final class ToneNormalizer {

    private static final char[] TONE_MARKS = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'};
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String MARKED_VOWELS = "ăâêôơư";
    private static final int FIRST = 0x00C0;
    private static final int LAST = 0x1EF9;
    /** For a toned letter: the letter without its tone; else 0. */
    private static final char[] BASE = new char[LAST - FIRST + 1];
    /** For a toned letter: 1 + index of its tone in TONE_MARKS; else 0. */
    private static final byte[] TONE = new byte[LAST - FIRST + 1];
    /** Toned letters by untoned letter and tone. */
    private static final java.util.Map<Integer, Character> TONED = new java.util.HashMap<>();

    static {
        for (int c = FIRST; c <= LAST; c++) {
            String nfd = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            int tone = -1;
            StringBuilder rest = new StringBuilder();
            for (int i = 0; i < nfd.length(); i++) {
                int t = toneIndex(nfd.charAt(i));
                if (t >= 0 && tone < 0) {
                    tone = t;
                } else {
                    rest.append(nfd.charAt(i));
                }
            }
            String base = Normalizer.normalize(rest, Normalizer.Form.NFC);
            if (tone >= 0 && base.length() == 1 && VOWELS.indexOf(Character.toLowerCase(base.charAt(0))) >= 0) {
                BASE[c - FIRST] = base.charAt(0);
                TONE[c - FIRST] = (byte) (tone + 1);
                TONED.put(key(base.charAt(0), tone + 1), (char) c);
            }
        }
        // plain ASCII vowels with a tone compose into the table above as well
        for (char v : "aeiouyAEIOUY".toCharArray()) {
            for (int t = 1; t <= TONE_MARKS.length; t++) {
                String composed = Normalizer.normalize("" + v + TONE_MARKS[t - 1], Normalizer.Form.NFC);
                if (composed.length() == 1) {
                    TONED.put(key(v, t), composed.charAt(0));
                }
            }
        }
    }

    private ToneNormalizer() {
    }

    private static int key(char base, int tone) {
        return base << 3 | tone;
    }

    private static int toneIndex(char c) {
        for (int i = 0; i < TONE_MARKS.length; i++) {
            if (TONE_MARKS[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code c} is a letter carrying a tone mark (NFC). */
    public static boolean hasTone(char c) {
        return toneOf(c) != 0;
    }

    private static int toneOf(char c) {
        return c >= FIRST && c <= LAST ? TONE[c - FIRST] : 0;
    }

    private static final com.ibm.icu.text.Normalizer2 NFC = com.ibm.icu.text.Normalizer2.getNFCInstance();

    /**
     * A bit per BMP char from U+0300 on: set when the char is NFC whatever surrounds it (Unicode's NFC quick check
     * says yes and its combining class is 0), from ICU's data. A text made only of such chars (and of those below
     * U+0300, which all are) is NFC: the quick check of UAX #15 answers yes for it.
     */
    private static final long[] NFC_INERT = new long[1 << 10];

    static {
        for (int c = 0; c <= 0xFFFF; c++) {
            if (!Character.isSurrogate((char) c)
                    && com.ibm.icu.lang.UCharacter.getIntPropertyValue(c, com.ibm.icu.lang.UProperty.NFC_QUICK_CHECK) == 1
                    && com.ibm.icu.lang.UCharacter.getCombiningClass(c) == 0) {
                NFC_INERT[c >>> 6] |= 1L << c;
            }
        }
    }

    /** Whether {@code text} is NFC by the quick check on {@link #NFC_INERT}; false when it cannot tell. */
    static boolean quickNfc(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if ((kind(text.charAt(i)) & NOT_NFC) != 0) {
                return false;
            }
        }
        return true;
    }

    private static final int LETTER = 1;
    private static final int UPPER = 2;
    private static final int LOWER = 4;
    private static final int HAS_TONE = 8;
    /** Not known to be NFC whatever surrounds it (see {@link #NFC_INERT}). */
    private static final int NOT_NFC = 16;
    /** What the scan asks of each char up to {@link #LAST}, one look-up: the bits above. */
    private static final byte[] KIND = new byte[LAST + 1];

    static {
        for (int c = 0; c <= LAST; c++) {
            KIND[c] = (byte) kindOf((char) c);
        }
    }

    private static int kindOf(char c) {
        return (CharTables.isLetter(c) ? LETTER : 0) | (CharTables.isUpperCase(c) ? UPPER : 0)
                | (CharTables.isLowerCase(c) ? LOWER : 0) | (toneOf(c) != 0 ? HAS_TONE : 0)
                | (c >= 0x300 && (NFC_INERT[c >>> 6] & (1L << c)) == 0 ? NOT_NFC : 0);
    }

    private static int kind(char c) {
        return c <= LAST ? KIND[c] : kindOf(c);
    }

    /** Normalizes every syllable of {@code text}; returns NFC text (the same instance when nothing moved). */
    public static String normalize(String text) {
        // most texts are NFC already: the scan checks it on the way (ICU's look-ups only for the others)
        char[] chars = text.toCharArray(); // one copy, scanned as an array; a new string only when a tone moved
        int moved = moveTones(chars, true);
        if (moved >= 0) {
            return moved > 0 ? new String(chars) : text;
        }
        String nfc = NFC.normalize(text); // ICU returns text itself when it was NFC after all
        chars = nfc.toCharArray();
        return moveTones(chars, false) > 0 ? new String(chars) : nfc;
    }

    /**
     * Moves the tone of every syllable of {@code chars}, in place: 1 when one moved, 0 when none; -1 as soon as a char
     * not known to be NFC comes when {@code checkNfc} (the text must then be normalized first).
     */
    private static int moveTones(char[] chars, boolean checkNfc) {
        char[] scratch = new char[8];
        boolean changed = false;
        int n = chars.length;
        int i = 0;
        while (i < n) {
            int k = kind(chars[i]);
            if ((k & LETTER) == 0) {
                if (checkNfc && (k & NOT_NFC) != 0) {
                    return -1;
                }
                i++;
                continue;
            }
            int start = i;
            boolean toned = false;
            int previous = 0;
            // a syllable never has a capital after a small letter: "thoaịTB" (cells glued by PDF layout) is two runs
            while (i < n) {
                k = kind(chars[i]);
                if (checkNfc && (k & NOT_NFC) != 0) {
                    return -1;
                }
                if ((k & LETTER) == 0 || (i > start && (k & UPPER) != 0 && (previous & LOWER) != 0)) {
                    break;
                }
                toned |= (k & HAS_TONE) != 0;
                previous = k;
                i++;
            }
            if (toned && i - start >= 2 && i - start <= 8) {
                changed |= moveTone(chars, start, i - start, scratch);
            }
        }
        return changed ? 1 : 0;
    }

    /**
     * Moves the tone of the syllable {@code buf[off, off+len)} (NFC, one letter run) to where the classic
     * orthography puts it, in place. Returns whether anything changed. No allocation.
     */
    public static boolean moveTone(char[] buf, int off, int len) {
        return len >= 2 && len <= 8 && moveTone(buf, off, len, BUFFER.get());
    }

    private static boolean moveTone(char[] buf, int off, int len, char[] lower) {
        if (len < 2 || len > 8) {
            return false;
        }
        int tonePos = -1;
        int tone = 0;
        int vowels = 0;
        for (int k = 0; k < len; k++) {
            char c = buf[off + k];
            int t = toneOf(c);
            char base = c;
            if (t != 0) {
                if (tonePos >= 0) {
                    return false; // two tones: not one syllable
                }
                tonePos = k;
                tone = t;
                base = BASE[c - FIRST];
            }
            char lc = CharTables.toLowerCase(base);
            if (lc > 0x7f && !isVowel(lc) && lc != 'đ') {
                return false; // not a Vietnamese syllable
            }
            lower[k] = lc;
            if (isVowel(lc)) {
                vowels++;
            }
        }
        if (tonePos < 0 || vowels < 2) {
            return false; // the tone sits on the only vowel there is (most syllables: "định", "số", "năm")
        }
        int target = tonePosition(lower, len);
        if (target < 0 || target == tonePos) {
            return false;
        }
        char untoned = BASE[buf[off + tonePos] - FIRST];
        Character moved = TONED.get(key(buf[off + target], tone));
        if (moved == null) {
            return false;
        }
        buf[off + tonePos] = untoned;
        buf[off + target] = moved;
        return true;
    }

    /** The letter run {@code s[from, to)} with its tone moved, or null when it needs no change. */
    static String syllable(String s, int from, int to) {
        char[] copy = s.substring(from, to).toCharArray();
        return moveTone(copy, 0, copy.length) ? new String(copy) : null;
    }

    /** Normalizes one word; for tests. */
    static String syllable(String word) {
        String fixed = syllable(word, 0, word.length());
        return fixed == null ? word : fixed;
    }

    /** Index in {@code lower} (untoned, NFC, lower case) of the vowel that carries the tone, or -1. */
    static int tonePosition(String lower) {
        return tonePosition(lower.toCharArray(), lower.length());
    }

    /** A per-thread scratch buffer for the lower-cased letters of one syllable (at most 8). */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8]);

    private static final boolean[] IS_VOWEL = new boolean[0x1B1];

    static {
        for (char v : VOWELS.toCharArray()) {
            IS_VOWEL[v] = true;
        }
    }

    /** The vowels with a shape mark (ă â ê ô ơ ư), which take the tone before any other. */
    private static final boolean[] IS_MARKED = new boolean[0x1B1];

    static {
        for (char v : MARKED_VOWELS.toCharArray()) {
            IS_MARKED[v] = true;
        }
    }

    private static boolean isVowel(char c) {
        return c < IS_VOWEL.length && IS_VOWEL[c];
    }

    static int tonePosition(char[] lower, int len) {
        int start = 0;
        if (len >= 2 && lower[0] == 'q' && lower[1] == 'u') {
            start = 2;
        } else if (len > 2 && lower[0] == 'g' && lower[1] == 'i' && isVowel(lower[2])) {
            start = 2;
        }
        while (start < len && !isVowel(lower[start])) {
            start++;
        }
        if (start == len) {
            return -1;
        }
        int end = start;
        while (end < len && isVowel(lower[end])) {
            end++;
        }
        for (int k = end; k < len; k++) {
            if (isVowel(lower[k])) {
                return -1; // vowels after a consonant: not one syllable
            }
        }
        int count = end - start;
        if (count > 3) {
            return -1;
        }
        int marked = -1;
        for (int k = start; k < end; k++) {
            if (lower[k] < IS_MARKED.length && IS_MARKED[lower[k]]) {
                marked = k; // for "ươ" the last marked vowel (ơ) carries the tone
            }
        }
        if (marked >= 0) {
            return marked;
        }
        if (count == 1) {
            return start;
        }
        boolean finalConsonant = end < len;
        if (finalConsonant) {
            return end - 1;
        }
        return count == 3 ? start + 1 : start;
    }
}
