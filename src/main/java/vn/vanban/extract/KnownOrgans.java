package vn.vanban.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The names of bodies as they are officially written, from the central bodies of the issuer table
 * ({@code vanban/citation/issuers.yml}): whole names ("Chính phủ", "Ngân hàng Nhà nước Việt Nam") and the field part
 * of a ministry's name ("Lao động - Thương binh và Xã hội"), which a provincial department (Sở) shares. They set
 * the capitals of a name printed all in capitals, and tell a name wrapped onto a second header line from two names.
 * Immutable.
 */
public final class KnownOrgans {

    private static final List<String> NAMES = load();

    private KnownOrgans() {
    }

    @SuppressWarnings("unchecked")
    private static List<String> load() {
        try (InputStream in = KnownOrgans.class.getResourceAsStream("/vanban/citation/issuers.yml")) {
            if (in == null) {
                throw new IllegalStateException("issuer table not found: /vanban/citation/issuers.yml");
            }
            Map<String, Object> t = new Yaml().load(in);
            Set<String> names = new LinkedHashSet<>();
            for (String name : ((Map<String, String>) t.get("central")).values()) {
                names.add(name);
                if (name.startsWith("Bộ ")) {
                    names.add(name.substring(3)); // "Lao động - Thương binh và Xã hội" of Bộ and Sở alike
                }
            }
            List<String> out = new ArrayList<>(names);
            out.sort(Comparator.comparingInt(String::length).reversed()); // the longest name wins
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name} with every known name in it (in any case) written as the table writes it. */
    public static String official(String name) {
        String out = name;
        String upper = upper(name);
        for (String known : NAMES) {
            String k = upper(known);
            int at = upper.indexOf(k);
            if (at >= 0 && boundary(upper, at - 1) && boundary(upper, at + k.length())) {
                out = out.substring(0, at) + known + out.substring(at + k.length());
                upper = upper.substring(0, at) + "\u0000".repeat(k.length()) + upper.substring(at + k.length());
            }
        }
        return out;
    }

    /** Whether a known name runs from the caps line {@code first} on into {@code second} ("… THƯƠNG" / "BINH …"). */
    static boolean wraps(String first, String second) {
        String joined = upper(first) + " " + upper(second);
        int cut = first.length();
        for (String known : NAMES) {
            String k = upper(known);
            for (int at = joined.indexOf(k); at >= 0; at = joined.indexOf(k, at + 1)) {
                if (at < cut && at + k.length() > cut + 1 && boundary(joined, at - 1) && boundary(joined, at + k.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
