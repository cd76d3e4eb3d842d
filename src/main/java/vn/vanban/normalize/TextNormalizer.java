package vn.vanban.normalize;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Produces the normalized text that extraction and the index read from a document's parsed text, in named steps:
 * legacy encodings converted, characters cleaned, NFC with unified tone placement, page noise removed, and
 * lines that layout broke mid-sentence rejoined. Stateless after construction and thread-safe.
 */
@Singleton
public final class TextNormalizer {

    private final Map<Integer, String> symbolMap;
    /** A bit per BMP char: set when {@link #cleanCharacters} keeps the char as it is (see {@link #keptAsIs}). */
    private final long[] kept;
    private final NoisePatterns pageNoise;
    private final NoisePatterns portalPrefixes;
    private final LegacyEncodings legacy;

    public TextNormalizer() {
        this(LegacyEncodings.load());
    }

    TextNormalizer(LegacyEncodings legacy) {
        this.symbolMap = loadSymbols("/vanban/normalize/symbol-font.yml");
        this.kept = keptAsIs(symbolMap);
        this.pageNoise = NoisePatterns.load("/vanban/normalize/page-noise.yml");
        this.portalPrefixes = NoisePatterns.load("/vanban/normalize/portal-prefixes.yml");
        this.legacy = legacy;
    }

    /** Returns the normalized form of {@code text}; never null. */
    public String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = legacy.toUnicode(text);
        s = cleanCharacters(s);
        s = ToneNormalizer.normalize(s);
        s = removePageNoise(s);
        s = removePortalPrefixes(s);
        s = rejoinLines(s);
        return s.strip();
    }

    /** Drops control, format and private-use characters (mapping Symbol-font ones), keeps tabs and newlines. */
    String cleanCharacters(String s) {
        int n = s.length();
        int clean = keptRun(s, 0);
        if (clean == n) {
            return s; // the usual case: nothing to clean, no copy
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; ) {
            // what stays as it is (nearly everything) is copied a run at a time
            int run = keptRun(s, i);
            if (run > i) {
                out.append(s, i, run);
                i = run;
                if (i == n) {
                    break;
                }
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < n && s.charAt(i) == '\n') {
                    continue;
                }
                out.append('\n');
                continue;
            }
            String mapped = symbolMap.get(cp);
            if (mapped != null) {
                out.append(mapped);
                continue;
            }
            char replacement = replacement(cp);
            if (replacement != 0) {
                out.append(replacement);
            } else if (!dropped(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** The end of the run of chars from {@code from} on that {@link #cleanCharacters} keeps as they are. */
    private int keptRun(String s, int from) {
        long[] bits = kept;
        int i = from;
        int n = s.length();
        while (i < n) {
            char ch = s.charAt(i);
            if ((bits[ch >>> 6] & (1L << ch)) == 0) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * The BMP chars that {@link #cleanCharacters} copies unchanged, one bit each: the same rules as its loop, decided
     * once per char instead of once per occurrence. Surrogates are never in it (they are read as code points).
     */
    private static long[] keptAsIs(Map<Integer, String> symbols) {
        long[] bits = new long[1 << 10];
        for (int c = 0; c <= 0xFFFF; c++) {
            if (c == '\n' || c == '\t' || (c != '\r' && !Character.isSurrogate((char) c) && !symbols.containsKey(c)
                    && replacement(c) == 0 && !dropped(c))) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return bits;
    }

    /** What {@link #cleanCharacters} writes for a space or line separator (' ' or '\n'); 0 for any other char. */
    private static char replacement(int cp) {
        return switch (cp) {
            case '\u00A0', '\u2007', '\u202F', '\u3000' -> ' ';
            case '\u000B', '\u000C', '\u2028', '\u2029' -> '\n';
            default -> 0;
        };
    }

    /** What {@link #cleanCharacters} drops: NUL and other controls, private-use glyphs, BOM, zero width space, soft hyphen, selectors. */
    private static boolean dropped(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.UNASSIGNED || cp == '\uFEFF' || cp == '\u200B' || cp == '\u00AD'
                || (cp >= 0xE0100 && cp <= 0xE01EF) || (cp >= 0xFE00 && cp <= 0xFE0F);
    }

    /** {@code s} without what a portal put at the start of lines ({@code portal-prefixes.yml}), the rest of each line kept. */
    String removePortalPrefixes(String s) {
        List<int[]> matches = matches(portalPrefixes, s);
        if (matches.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int copied = 0;
        for (int[] m : matches) {
            out.append(s, copied, m[0]);
            copied = m[1];
        }
        return out.append(s, copied, s.length()).toString();
    }

    /** The [start, end) of the matches of {@code table}'s entries in {@code s}, in text order; of two that overlap, the earlier. */
    private static List<int[]> matches(NoisePatterns table, String s) {
        List<int[]> found = new ArrayList<>();
        for (NoisePatterns.Entry e : table.entries()) {
            e.matches(s, found);
        }
        found.sort(java.util.Comparator.comparingInt(m -> m[0]));
        List<int[]> matches = new ArrayList<>(found.size());
        for (int[] m : found) {
            if (matches.isEmpty() || m[0] >= matches.get(matches.size() - 1)[1]) {
                matches.add(m);
            }
        }
        return matches;
    }

    /**
     * Removes repeated page headers and signature stamps, with the page-number lines printed beside them. Works on
     * the matches' offsets: the text is copied once, into the result.
     */
    String removePageNoise(String s) {
        List<int[]> matches = matches(pageNoise, s);
        if (matches.isEmpty()) {
            return s;
        }
        // lines, where the lines a match spans count as one (with what precedes and follows the match on them):
        // four ints a line — from, to, first match, last match + 1 (no match: -1) — in one array
        int n = s.length();
        int[] lines = new int[4 * 64];
        int count = 0;
        int r = 0;
        for (int pos = 0; pos <= n; ) {
            int end = s.indexOf('\n', pos);
            end = end < 0 ? n : end;
            int first = r;
            for (; r < matches.size() && matches.get(r)[0] < end; r++) {
                if (matches.get(r)[1] > end) {
                    int next = s.indexOf('\n', matches.get(r)[1]);
                    end = next < 0 ? n : next;
                }
            }
            if (4 * count + 4 > lines.length) {
                lines = java.util.Arrays.copyOf(lines, lines.length * 2);
            }
            lines[4 * count] = pos;
            lines[4 * count + 1] = end;
            lines[4 * count + 2] = r > first ? first : -1;
            lines[4 * count + 3] = r;
            count++;
            pos = end + 1;
        }
        boolean[] drop = new boolean[count];
        for (int i = 0; i < count; i++) {
            if (lines[4 * i + 2] < 0) {
                continue;
            }
            drop[i] = true;
            // the page number and blank lines printed around a header belong to the page furniture too
            for (int j = i - 1; j >= 0 && lines[4 * j + 2] < 0 && furniture(s, lines[4 * j], lines[4 * j + 1]); j--) {
                drop[j] = true;
            }
            for (int j = i + 1; j < count && lines[4 * j + 2] < 0 && furniture(s, lines[4 * j], lines[4 * j + 1]); j++) {
                drop[j] = true;
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < count; i++) {
            int from = lines[4 * i];
            int to = lines[4 * i + 1];
            if (!drop[i]) {
                out.append(s, from, to).append('\n');
            } else if (lines[4 * i + 2] >= 0) {
                // what the line holds beside its matches stays
                int mark = out.length();
                for (int k = lines[4 * i + 2]; k < lines[4 * i + 3]; k++) {
                    out.append(s, from, matches.get(k)[0]);
                    from = matches.get(k)[1];
                }
                out.append(s, from, to);
                if (out.substring(mark).isBlank()) {
                    out.setLength(mark);
                } else {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** Where each line of {@code s} starts, and one more entry: the text's length + 1. */
    private static int[] lineStarts(String s) {
        int count = 1;
        for (int k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) {
            count++;
        }
        int[] start = new int[count + 1];
        int c = 1;
        for (int k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) {
            start[c++] = k + 1;
        }
        start[count] = s.length() + 1;
        return start;
    }

    /** Whether [from, to) is blank or only a page number ("  12 "), what pages print beside their headers. */
    private static boolean furniture(String s, int from, int to) {
        if (skipSpace(s, from, to) == to) {
            return true;
        }
        int i = from;
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        int digits = 0;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i == to && digits >= 1 && digits <= 4;
    }

    /**
     * Joins a line to the next when layout broke a sentence: the line does not end a sentence or heading and the
     * next non-blank line (at most two blank lines further, as at a page break) starts in lower case.
     * Lines with tabs (table rows) are never joined. Trailing spaces are trimmed.
     */
    String rejoinLines(String s) {
        // by index over the text, no String per line: this runs over every document's whole text
        int[] start = lineStarts(s); // line k is [start[k], start[k+1] - 1)
        int count = start.length - 1;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        boolean joined = false; // line i continues the previous one: its leading blanks go
        while (i < count) {
            int from = start[i];
            int to = start[i + 1] - 1;
            if (joined) {
                from = skipSpace(s, from, to);
            }
            to = trimSpace(s, from, to);
            out.append(s, from, to);
            int next = i + 1;
            int blanks = 0;
            while (next < count && skipSpace(s, start[next], start[next + 1] - 1) == start[next + 1] - 1 && blanks < 3) {
                next++;
                blanks++;
            }
            if (next < count && blanks <= 2 && continues(s, from, to, start[next], start[next + 1] - 1)) {
                out.append(' ');
                joined = true;
                i = next;
                continue;
            }
            joined = false;
            if (i + 1 < count) {
                out.append('\n');
            }
            i++;
        }
        return out.toString();
    }

    private static boolean hasTab(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\t') {
                return true;
            }
        }
        return false;
    }

    /** The first index in [from, to) that is not whitespace, or {@code to}. */
    private static int skipSpace(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The end of [from, to) without its trailing whitespace. */
    private static int trimSpace(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** Whether the line [from, to) (trailing blanks trimmed) runs on into the line [nextFrom, nextTo). */
    private static boolean continues(String s, int from, int to, int nextFrom, int nextTo) {
        int p0 = skipSpace(s, from, to);
        int n0 = skipSpace(s, nextFrom, nextTo);
        int n1 = trimSpace(s, n0, nextTo);
        if (p0 == to || n0 == n1 || hasTab(s, from, to) || hasTab(s, nextFrom, nextTo)) {
            return false;
        }
        char last = s.charAt(to - 1);
        if (".:;!?".indexOf(last) >= 0) {
            return false;
        }
        // a lettered item ("a) …", "đ. …") starts a line of its own, whatever the line before ends with
        if (n1 - n0 > 2 && (s.charAt(n0 + 1) == ')' || s.charAt(n0 + 1) == '.') && s.charAt(n0 + 2) == ' ') {
            return false;
        }
        return Character.isLowerCase(s.codePointAt(n0));
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, String> loadSymbols(String resource) {
        try (InputStream in = TextNormalizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("symbol table not found on the class path: [" + resource + "]");
            }
            Map<String, String> table = new Yaml().load(in);
            Map<Integer, String> map = new HashMap<>();
            table.forEach((k, v) -> map.put(k.codePointAt(0), v));
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
