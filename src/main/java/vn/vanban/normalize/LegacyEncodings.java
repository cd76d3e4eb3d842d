package vn.vanban.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Recognizes text that an old office file stored in a legacy Vietnamese font encoding (TCVN3/ABC ".VnTime",
 * VNI Windows "VNI-Times") and converts it to Unicode. A parser hands such text over as Latin-1 look-alikes
 * ("Qu¶n lý" for "Quản lý", "Quaûn lyù" in VNI); lines that already hold Vietnamese Unicode are left alone.
 * Immutable and thread-safe.
 */
public final class LegacyEncodings {

    /** An encoding this class converts from. */
    public enum Encoding { TCVN3, VNI }

    /** Latin-1 letters that Vietnamese Unicode text uses itself. */
    private static final String VIETNAMESE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

    private final Map<String, String> tcvn3;
    private final Map<String, String> vni;

    private LegacyEncodings(Map<String, String> tcvn3, Map<String, String> vni) {
        this.tcvn3 = tcvn3;
        this.vni = vni;
    }

    /** Loads the mapping table from the class path. */
    @SuppressWarnings("unchecked")
    public static LegacyEncodings load() {
        String resource = "/vanban/normalize/legacy-encodings.yml";
        try (InputStream in = LegacyEncodings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("encoding table not found on the class path: [" + resource + "]");
            }
            List<List<String>> rows = new Yaml().load(in);
            Map<String, String> t = new HashMap<>();
            Map<String, String> v = new HashMap<>();
            for (List<String> row : rows) {
                t.put(row.get(1), row.get(0));
                v.put(row.get(2), row.get(0));
            }
            return new LegacyEncodings(Map.copyOf(t), Map.copyOf(v));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Which legacy encoding {@code text} is mostly written in, or null when it is Unicode (or plain ASCII). Text is
     * legacy when Latin-1 characters that Vietnamese Unicode never uses outnumber its Vietnamese letters; the
     * encoding is the one whose conversion yields more Vietnamese letters.
     */
    public Encoding detect(String text) {
        int markers = 0;
        int unicode = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '\u00A1') {
                continue;
            }
            if (isVietnameseUnicode(c)) {
                unicode++;
                if (unicode > 200 && markers * 10 < unicode) {
                    return null; // plainly Unicode Vietnamese: no need to read further
                }
            } else if (c <= '\u00FF' && VIETNAMESE_LATIN1.indexOf(c) < 0) {
                markers++;
            }
        }
        if (markers < 2 || markers <= unicode) {
            return null;
        }
        // VNI writes most marks as a second character after the vowel ("aø" for à); TCVN3 uses one character
        int vniPairs = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (vni.containsKey(text.substring(i, i + 2))) {
                vniPairs++;
            }
        }
        Encoding guess = vniPairs * 2 >= markers ? Encoding.VNI : Encoding.TCVN3;
        int converted = vietnameseLetters(convertLine(text, guess == Encoding.VNI ? vni : tcvn3, guess));
        return converted > unicode ? guess : null;
    }

    private static int vietnameseLetters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isVietnameseUnicode(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Converts {@code text} to Unicode when it is in a legacy encoding; returns it unchanged otherwise. */
    public String toUnicode(String text) {
        Encoding enc = detect(text);
        if (enc == null) {
            return text;
        }
        Map<String, String> table = enc == Encoding.TCVN3 ? tcvn3 : vni;
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(hasVietnameseUnicode(line) ? line : convertLine(line, table, enc));
        }
        return out.toString();
    }

    /** Converts one line with {@code table}, longest sequence first. */
    String convertLine(String line, Map<String, String> table, Encoding enc) {
        StringBuilder out = new StringBuilder(line.length());
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < line.length(); ) {
            String two = i + 2 <= line.length() ? table.get(line.substring(i, i + 2)) : null;
            if (two != null) {
                out.append(two);
                i += 2;
                continue;
            }
            char c = line.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper++;
            } else if (c >= 'a' && c <= 'z') {
                lower++;
            }
            String one = table.get(String.valueOf(c));
            out.append(one != null ? one : String.valueOf(c));
            i++;
        }
        String converted = out.toString();
        // TCVN3 capitals (.VnTimeH) reuse the lower-case codes: a line of ASCII capitals is a capital line
        if (enc == Encoding.TCVN3 && upper >= 3 && lower == 0) {
            return converted.toUpperCase(Locale.ROOT);
        }
        return converted;
    }

    private static boolean hasVietnameseUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isVietnameseUnicode(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVietnameseUnicode(char c) {
        return (c >= '\u1EA0' && c <= '\u1EF9') || "ăĂđĐơƠưƯĩĨũŨ".indexOf(c) >= 0;
    }
}
