package vn.vanban.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vanban.normalize.CharTables;

/**
 * Số ký hiệu in canonical keyword form, as indexed and queried: NFC, no spaces, upper case, Đ (and the Latin look-alike
 * Ð) as D. "2099/QĐ-UBND", "2099/QD-UBND" and "2099 / qđ-ubnd" share the key "2099/QD-UBND". Stateless.
 */
public final class DocumentNumbers {

    /** The số ký hiệu grammar of {@code citation-patterns.yml}, anchored where a number starts and ends. */
    private static final CitationPatterns GRAMMAR = CitationPatterns.load();
    /** A number followed by an optional year and a symbol: "2099/QĐ-UBND", "45/2016/QĐ-TTg", "06/2016/TTLT- BTTTT-BNV". */
    private static final Pattern NUMBER = anchored("state", "");
    /** Party documents: "36-NQ/TW", "206-KL/TU". */
    private static final Pattern PARTY = anchored("party", "(?![\\p{L}\\d])");

    private static Pattern anchored(String name, String after) {
        for (CitationPatterns.Entry e : GRAMMAR.patterns()) {
            if (e.name().equals(name)) {
                return Pattern.compile("(?=\\d)(?<![\\p{L}\\d/])(?:" + e.pattern().pattern() + ")" + after);
            }
        }
        throw new IllegalStateException("citation-patterns.yml has no pattern '" + name + "'");
    }

    /** A number typed in a query with a space for the slash: "2099 QĐ-UBND". */
    private static final Pattern QUERY_SPACED = Pattern.compile(
            "(?=\\d)(?<![\\p{L}\\d/])(\\d{1,5})[ \\t]+([A-ZĐÐa-zđ]{1,6}-[A-ZĐÐa-zđ0-9&-]+)", Pattern.UNICODE_CASE);

    private DocumentNumbers() {
    }

    /** The canonical key of a printed number. */
    public static String canonical(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            out.append(c == 'Đ' || c == 'đ' || c == 'Ð' ? 'D' : Character.toUpperCase(c));
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static final Pattern YEAR_IN_SYMBOL = Pattern.compile("^(\\d+[A-Z]?)/(?:19|20)\\d{2}/(.+)$");

    /** The key and, for a symbol carrying its year ("45/2016/QĐ-TTg"), the key without it ("45/QD-TTG"). */
    public static Set<String> keys(String raw) {
        String key = canonical(raw);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(key);
        Matcher m = YEAR_IN_SYMBOL.matcher(key);
        if (m.matches()) {
            keys.add(m.group(1) + "/" + m.group(2));
        }
        return keys;
    }

    /** A canonical key's number and the year its symbol carries: "125/2026/ND-CP" → 125, 2026; "2099/QD-UBND" → 2099. */
    private static final Pattern NUMBER_AND_YEAR = Pattern.compile("^(\\d+(?:\\.\\d+)?[A-Z]?)(?:/((?:19|20)\\d{2}))?/");

    /**
     * The keys a person's partial number finds a document by, for the document bearing {@code number}: number and year
     * ("125/2026"; the year of the symbol, else of {@code date}), the same with each of {@code typeKeys}
     * ("125/2026|nghi dinh"), and the number alone with each type ("125|nghi dinh"). Empty when the number or its year
     * is unknown.
     */
    public static Set<String> lookupKeys(String number, String date, java.util.Collection<String> typeKeys) {
        String numberYear = numberYear(number, date);
        if (numberYear == null) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(numberYear);
        String numberAlone = numberYear.substring(0, numberYear.indexOf('/'));
        for (String t : typeKeys) {
            keys.add(typedKey(numberYear, t));
            keys.add(typedKey(numberAlone, t)); // "quyết định 2099": the number alone, with its type
        }
        return keys;
    }

    /** "125/2026" of a printed number, the year from the symbol or else from an ISO {@code date}; null when neither. */
    public static String numberYear(String number, String date) {
        if (number == null) {
            return null;
        }
        Matcher m = NUMBER_AND_YEAR.matcher(canonical(number));
        if (!m.find()) {
            return null;
        }
        String year = m.group(2) != null ? m.group(2)
                : date != null && date.length() >= 4 && date.substring(0, 4).matches("(?:19|20)\\d{2}") ? date.substring(0, 4) : null;
        return year == null ? null : m.group(1) + "/" + year;
    }

    /** The lookup key of a number-and-year with a type ("125/2026", "nghi dinh" → "125/2026|nghi dinh"). */
    public static String typedKey(String numberYear, String typeKey) {
        return numberYear + "|" + typeKey;
    }

    /** Every số ký hiệu printed in {@code text}, as printed, in order. Anchored on digits; no full-text regex scan. */
    public static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        int n = text.length();
        Matcher number = NUMBER.matcher(text);
        Matcher party = PARTY.matcher(text);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || (i > 0 && (CharTables.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '/'
                    || (text.charAt(i - 1) == '.' && i > 1 && Character.isDigit(text.charAt(i - 2)))))) {
                continue;
            }
            // both patterns need, after at most 5 digits, a "-" (party) or a letter, blanks and a "/": most numbers
            // (dates, amounts, article numbers) are passed over without running either
            int digitsEnd = i;
            while (digitsEnd < n && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
                digitsEnd++;
            }
            if (!mayBeNumber(text, digitsEnd, digitsEnd - i)) {
                i = digitsEnd - 1;
                continue;
            }
            int limit = Math.min(n, i + 80);
            int end = -1;
            if (number.region(i, limit).lookingAt()) {
                end = number.end();
            } else if (party.region(i, limit).lookingAt()) {
                end = party.end();
            }
            if (end > 0) {
                found.add(text.substring(i, end));
                i = end - 1;
            } else {
                while (i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return found;
    }

    /** Whether what follows {@code digits} digits ending at {@code at} can continue a số ký hiệu. */
    private static boolean mayBeNumber(String text, int at, int digits) {
        int n = text.length();
        if (digits > 5 || at >= n) {
            return false;
        }
        if (text.charAt(at) == '-') {
            return true;
        }
        int k = at;
        if (text.charAt(k) == '.' && k + 1 < n && Character.isDigit(text.charAt(k + 1))) { // "66.17/2026/NQ-CP"
            k++;
            while (k < n && k - at <= 3 && Character.isDigit(text.charAt(k))) {
                k++;
            }
        }
        if (k < n && text.charAt(k) >= 'a' && text.charAt(k) <= 'z') {
            k++;
        }
        while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k++;
        }
        return k < n && text.charAt(k) == '/';
    }

    /** {@code query} with each number typed with a space for its slash ("2099 QĐ-UBND") written with the slash. */
    public static String joinSpaced(String query) {
        return QUERY_SPACED.matcher(query).replaceAll("$1/$2");
    }
}
