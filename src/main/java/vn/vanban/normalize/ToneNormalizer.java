package vn.vanban.normalize;

import java.text.Normalizer;

/**
 * Places the tone mark of each Vietnamese syllable on the vowel the classic orthography uses
 * ("hoà" → "hòa", "thuỷ" → "thủy", "Qúy" → "Quý"), so that old and new spellings match.
 * Input and output are NFC; letters, case and everything that is not a toned syllable are kept.
 * Stateless and thread-safe.
 */
public final class ToneNormalizer {

    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String MARKED_VOWELS = "ăâêôơư";

    private ToneNormalizer() {
    }

    /** Normalizes every syllable of {@code text}; returns NFC text. */
    public static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = null;
        int i = 0;
        int n = nfc.length();
        while (i < n) {
            char c = nfc.charAt(i);
            if (!Character.isLetter(c)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int start = i;
            // a syllable never has a capital after a small letter: "thoaịTB" (cells glued by PDF layout) is two runs
            while (i < n && Character.isLetter(nfc.charAt(i))
                    && !(i > start && Character.isUpperCase(nfc.charAt(i)) && Character.isLowerCase(nfc.charAt(i - 1)))) {
                i++;
            }
            String word = nfc.substring(start, i);
            String fixed = syllable(word);
            if (out == null && !fixed.equals(word)) {
                out = new StringBuilder(n).append(nfc, 0, start);
            }
            if (out != null) {
                out.append(fixed);
            }
        }
        return out == null ? nfc : out.toString();
    }

    /** Normalizes one letter run; returns it unchanged unless it is a syllable with exactly one tone mark. */
    static String syllable(String word) {
        if (word.length() < 2 || word.length() > 8) {
            return word;
        }
        String nfd = Normalizer.normalize(word, Normalizer.Form.NFD);
        char tone = 0;
        StringBuilder base = new StringBuilder(nfd.length());
        for (int k = 0; k < nfd.length(); k++) {
            char ch = nfd.charAt(k);
            if (TONES.indexOf(ch) >= 0) {
                if (tone != 0) {
                    return word;
                }
                tone = ch;
            } else {
                base.append(ch);
            }
        }
        if (tone == 0) {
            return word;
        }
        String letters = Normalizer.normalize(base, Normalizer.Form.NFC);
        String lower = letters.toLowerCase(java.util.Locale.ROOT);
        for (int k = 0; k < lower.length(); k++) {
            char ch = lower.charAt(k);
            if (ch > 0x7f && VOWELS.indexOf(ch) < 0 && ch != 'đ') {
                return word; // not a Vietnamese syllable
            }
        }
        int target = tonePosition(lower);
        if (target < 0) {
            return word;
        }
        String toned = letters.substring(0, target + 1) + tone + letters.substring(target + 1);
        return Normalizer.normalize(toned, Normalizer.Form.NFC);
    }

    /** Index in {@code lower} (untoned, NFC, lower case) of the vowel that carries the tone, or -1. */
    static int tonePosition(String lower) {
        int start = 0;
        if (lower.startsWith("qu")) {
            start = 2;
        } else if (lower.startsWith("gi") && lower.length() > 2 && VOWELS.indexOf(lower.charAt(2)) >= 0) {
            start = 2;
        }
        while (start < lower.length() && VOWELS.indexOf(lower.charAt(start)) < 0) {
            start++;
        }
        if (start == lower.length()) {
            // "gì", "quý" without another vowel: the onset vowel is the nucleus
            return lower.startsWith("gi") ? 1 : lower.startsWith("qu") && lower.length() == 2 ? 1 : -1;
        }
        int end = start;
        while (end < lower.length() && VOWELS.indexOf(lower.charAt(end)) >= 0) {
            end++;
        }
        for (int k = end; k < lower.length(); k++) {
            if (VOWELS.indexOf(lower.charAt(k)) >= 0) {
                return -1; // vowels after a consonant: not one syllable
            }
        }
        int count = end - start;
        if (count > 3) {
            return -1;
        }
        int marked = -1;
        for (int k = start; k < end; k++) {
            if (MARKED_VOWELS.indexOf(lower.charAt(k)) >= 0) {
                marked = k; // for "ươ" the last marked vowel (ơ) carries the tone
            }
        }
        if (marked >= 0) {
            return marked;
        }
        if (count == 1) {
            return start;
        }
        boolean finalConsonant = end < lower.length();
        if (finalConsonant) {
            return end - 1;
        }
        return count == 3 ? start + 1 : start;
    }
}
