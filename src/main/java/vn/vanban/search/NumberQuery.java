package vn.vanban.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vanban.extract.DocumentNumbers;
import vn.vanban.normalize.Folding;

/**
 * The document numbers a query names, in the forms staff type them, and the query's other words. A full số ký hiệu in
 * any spelling ("125/2026/NĐ-CP", "125/2026/nd-cp", "125-2026-nđ-cp", "2099 QĐ-UBND"); a number with its year
 * ("125/2026", "66.17/2026"), with the type word that says what it numbers when one starts the query or stands
 * just before the number ("nghị định 125/2026", "NĐ 152/2026", "thong tu 20/2021", "bo luat lao dong 45/2019"), a
 * type's code glued to its number too ("NĐ152/2026", "QĐ2099").
 * The type words come from the document-type table (names, variants, symbol codes). Immutable and thread-safe.
 */
final class NumberQuery {

    /**
     * A number named by its number and year ({@code key} "125/2026"), or by its number alone after its type word
     * ({@code key} "2099", {@code withYear} false), and the types the query says it is (empty: any).
     */
    record Partial(String printed, String key, Set<String> typeKeys, boolean withYear) {
    }

    /**
     * What a query names: full numbers (canonical keys, with how each was typed), partial ones, and the words without
     * the full numbers and their type words (a partial number and its type word stay among the words).
     */
    record Parsed(List<String> full, List<String> fullPrinted, List<Partial> partial, String words) {
        boolean any() {
            return !full.isEmpty() || !partial.isEmpty();
        }
    }

    /** "125-2026-nđ-cp": a number written with dashes for slashes, as in web addresses and file names. */
    private static final Pattern DASHED = Pattern.compile(
            "(?<![\\p{L}\\d.])(\\d{1,5}(?:\\.\\d{1,3})?)-((?:19|20)\\d{2})-(\\p{L}{1,8})-([\\p{L}\\d]{1,12})(?![\\p{L}\\d])");
    /** A token that looks like a số ký hiệu typed in lower case ("125/2026/nd-cp"): its symbol is upper-cased. */
    private static final Pattern LOWER_SYMBOL = Pattern.compile(
            "(?<![\\p{L}\\d])\\d{1,5}(?:\\.\\d{1,3})?[a-z]?(?:/(?:19|20)\\d{2})?/\\p{L}[\\p{L}\\d&-]*");
    /** A number standing alone: no year, no symbol ("quyết định 1478"). */
    private static final Pattern BARE_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d/.])(\\d{1,5}(?:\\.\\d{1,3})?)(?![\\d/.\\p{L}-])");
    /** "125/2026", "66.17/2026": a number and its year, no symbol after. */
    private static final Pattern NUMBER_YEAR = Pattern.compile(
            "(?<![\\p{L}\\d/.])(\\d{1,5}(?:\\.\\d{1,3})?[a-zA-Z]?)[ \\t]*/[ \\t]*((?:19|20)\\d{2})(?![\\d/\\p{L}])");

    /** Letters glued to the digits after them ("NĐ161/2026", "QĐ2099"): a type's code typed without its space. */
    private static final Pattern GLUED = Pattern.compile("(?<![\\p{L}\\d/.&-])(\\p{L}{1,6})(?=\\d)");

    private final Map<String, Set<String>> typedForms;
    private final int longestForm;

    /** @param typedForms how types are typed, folded ("nghi dinh", "nd") → their lookup keys */
    NumberQuery(Map<String, Set<String>> typedForms) {
        this.typedForms = Map.copyOf(typedForms);
        this.longestForm = typedForms.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    Parsed parse(String query) {
        String q = Normalizer.normalize(query == null ? "" : query, Normalizer.Form.NFC).strip();
        // a type's code glued to its number is read as if typed apart; other letters before digits ("covid19", the
        // "QH14" of a symbol, after its slash) stay as they are
        q = GLUED.matcher(q).replaceAll(m -> Matcher.quoteReplacement(
                typedForms.containsKey(Folding.fold(m.group(1))) ? m.group(1) + " " : m.group(1)));
        q = DASHED.matcher(q).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "/" + m.group(2) + "/"
                + m.group(3).toUpperCase(Locale.ROOT) + "-" + m.group(4).toUpperCase(Locale.ROOT)));
        q = LOWER_SYMBOL.matcher(q).replaceAll(m -> Matcher.quoteReplacement(upperSymbol(m.group())));
        q = DocumentNumbers.joinSpaced(q);
        List<String> printed = DocumentNumbers.find(q);
        List<String> full = new ArrayList<>();
        for (String p : printed) {
            full.add(DocumentNumbers.canonical(p));
        }
        // spans of the numbers in q, to find the type word before each and to cut numbers and type words out
        List<int[]> cuts = new ArrayList<>();
        List<Partial> partial = new ArrayList<>();
        String folded = Folding.fold(q);
        for (String p : printed) {
            int at = q.indexOf(p);
            if (at >= 0) {
                cuts.add(new int[] {at, at + p.length()});
                typeBefore(folded, at, cuts, true);
            }
        }
        Matcher m = NUMBER_YEAR.matcher(q);
        List<int[]> withYear = new ArrayList<>();
        while (m.find()) {
            if (inside(cuts, m.start())) {
                continue;
            }
            withYear.add(new int[] {m.start(), m.end()});
            // a number and year stays among the words with its type word: when nothing bears it, the words still
            // find what they can ("kế hoạch 2024/2025" is a period, not a number)
            Set<String> types = typeBefore(folded, m.start(), new ArrayList<>(), true);
            partial.add(new Partial(m.group(), m.group(1).toUpperCase(Locale.ROOT) + "/" + m.group(2), types, true));
        }
        // "quyết định 1478", "NĐ 152": a number alone is a document number only right after its type word
        Matcher bare = BARE_NUMBER.matcher(q);
        while (bare.find()) {
            if (inside(cuts, bare.start()) || inside(withYear, bare.start())) {
                continue;
            }
            Set<String> types = typeBefore(folded, bare.start(), new ArrayList<>(), false);
            if (!types.isEmpty()) {
                partial.add(new Partial(bare.group(), bare.group(1).toUpperCase(Locale.ROOT), types, false));
            }
        }
        if (full.isEmpty()) {
            return new Parsed(List.of(), List.of(), List.copyOf(partial), q);
        }
        StringBuilder words = new StringBuilder(q);
        cuts.sort((a, b) -> Integer.compare(b[0], a[0]));
        int lastStart = Integer.MAX_VALUE;
        for (int[] c : cuts) {
            if (c[1] <= lastStart) { // spans do not overlap; a type word at the start may serve two numbers
                words.replace(c[0], c[1], " ");
                lastStart = c[0];
            }
        }
        return new Parsed(List.copyOf(full), List.copyOf(printed), List.copyOf(partial),
                words.toString().replaceAll("\\s+", " ").strip());
    }

    /**
     * The types of the type word standing just before position {@code at} of the folded query (with an optional
     * "số" between), or else, with {@code orAtStart}, at the query's start; its span is added to {@code cuts}. Empty
     * when none stands there.
     */
    private Set<String> typeBefore(String folded, int at, List<int[]> cuts, boolean orAtStart) {
        String before = folded.substring(0, at).stripTrailing();
        if (before.equals("so") || before.endsWith(" so")) {
            before = before.substring(0, before.length() - 2).stripTrailing();
        }
        String[] words = before.isEmpty() ? new String[0] : before.split("\\s+");
        // just before the number: the longest form ending there
        for (int n = Math.min(longestForm, words.length); n >= 1; n--) {
            String form = String.join(" ", java.util.Arrays.asList(words).subList(words.length - n, words.length));
            Set<String> keys = typedForms.get(form);
            if (keys != null) {
                cuts.add(new int[] {before.length() - form.length(), before.length()});
                return keys;
            }
        }
        if (!orAtStart) {
            return Set.of();
        }
        // at the query's start: the longest form starting it ("bo luat lao dong 45/2019")
        String[] all = folded.strip().split("\\s+");
        for (int n = Math.min(longestForm, all.length); n >= 1; n--) {
            String form = String.join(" ", java.util.Arrays.asList(all).subList(0, n));
            Set<String> keys = typedForms.get(form);
            int start = folded.indexOf(form);
            if (keys != null && start >= 0 && start + form.length() <= at) {
                cuts.add(new int[] {start, start + form.length()});
                return keys;
            }
        }
        return Set.of();
    }

    private static boolean inside(List<int[]> cuts, int pos) {
        for (int[] c : cuts) {
            if (pos >= c[0] && pos < c[1]) {
                return true;
            }
        }
        return false;
    }

    /** "125/2026/nd-cp" → "125/2026/ND-CP" (the number's own letter, "12a/…", stays as typed). */
    private static String upperSymbol(String token) {
        int slash = token.lastIndexOf('/');
        return token.substring(0, slash + 1) + token.substring(slash + 1).toUpperCase(Locale.ROOT);
    }
}
