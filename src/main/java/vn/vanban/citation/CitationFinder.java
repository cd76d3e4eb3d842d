package vn.vanban.citation;

import vn.vanban.normalize.Folding;
import vn.vanban.extract.CitationPatterns;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vanban.extract.DocumentTypes;
import vn.vanban.normalize.CharTables;

/**
 * Finds every place a text cites a document by number (the first pass of eyecite's find-then-resolve). It anchors
 * on digits followed closely by "/" or "-", matches the number patterns there, then reads what surrounds the
 * number: type words before it (compared without diacritics, so "Nghi định" and "Quyết dịnh" still count), and the
 * date, issuer and title after it. Short back-references ("Nghị quyết 36") are returned marked as such. Stateless
 * after construction; thread-safe.
 */
@Singleton
public final class CitationFinder {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_COMMAS = Pattern.compile("^[\\s,]+");

    private static final int LOOKBACK = 60;
    private static final Pattern DATE_NUMERIC = Pattern.compile(
            "^[\\s,]*(?:ban hành\\s+)?ngày\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})(\\d{0,2})(?!\\d)");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "^[\\s,]*(?:ban hành\\s+)?ngày\\s*(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})(\\d{0,2})(?!\\d)");
    private static final Pattern ISSUER = Pattern.compile("^[\\s,]*(?:của|do)\\s+");
    /**
     * A date and issuer said before the citation, at the start of its sentence: "Ngày 24 tháng 6 năm 1977 Hội đồng
     * Chính phủ đã ra Quyết định số 169-CP", "Ngày 26/4/2013, Thủ tướng Chính phủ đã ban hành Quyết định số …".
     */
    private static final Pattern DATE_BEFORE = Pattern.compile(
            "(?:(?<![\\p{L}\\d])Ngày|(?:^|[.;:]\\s+|\\n)ngày)\\s*(\\d{1,2})\\s*(?:[/.-]|\\s+tháng\\s+)\\s*(\\d{1,2})\\s*(?:[/.-]|\\s+năm\\s+)\\s*(\\d{4}),?"
            + "\\s+(\\p{Lu}[^.;:\\n\\d]{1,100}?)\\s+(?:đã\\s+)?(?:ban hành|ra|ký|có)\\s+$");

    private final CitationPatterns grammar;
    private final Relations relations;
    private final Pattern typeBefore;
    private final Pattern typeNamedBefore;
    private final List<String> foldedNames;
    private final boolean[] typeNameEnds;
    private final Map<String, DocumentTypes.Type> typeByFolded;
    private final Pattern notDocumentBefore;
    private final int longestName;
    private final int longestNotDocument;
    private final Pattern titleStart;
    private final DocumentTypes types;

    public CitationFinder(DocumentTypes types, Relations relations) {
        this.types = types;
        this.relations = relations;
        this.grammar = CitationPatterns.load();
        List<String> names = new ArrayList<>();
        for (DocumentTypes.Type t : types.all()) {
            names.add(Folding.fold(t.name()));
            t.variants().forEach(v -> names.add(Folding.fold(v)));
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        this.foldedNames = List.copyOf(new java.util.LinkedHashSet<>(names));
        this.typeNameEnds = new boolean[128];
        Map<String, DocumentTypes.Type> byFolded = new java.util.HashMap<>();
        for (DocumentTypes.Type t : types.all()) {
            byFolded.putIfAbsent(Folding.fold(t.name()), t);
            t.variants().forEach(v -> byFolded.putIfAbsent(Folding.fold(v), t));
        }
        this.typeByFolded = Map.copyOf(byFolded);
        for (String name : foldedNames) {
            typeNameEnds[Math.min(name.charAt(name.length() - 1), 127)] = true;
        }
        String alternatives = String.join("|", names.stream().map(Pattern::quote).toList());
        // on folded text: "<type> [số] [:]" right before the number
        this.typeBefore = Pattern.compile("(?:^|[^\\p{L}])(" + alternatives + ")(?:\\s+so)?\\s*:?\\s*$");
        // "<type> <its name, a few words> số" before the number: "Pháp lệnh Ưu đãi người có công với cách mạng số"
        this.typeNamedBefore = Pattern.compile("(?:^|[^\\p{L}])(" + alternatives + ")(?=\\s[^.;:\\n]{1,60}?\\sso\\s*:?\\s*$)");
        this.longestName = foldedNames.isEmpty() ? 0 : foldedNames.get(0).length();
        this.longestNotDocument = grammar.notDocuments().stream().mapToInt(String::length).max().orElse(0);
        List<String> nd = grammar.notDocuments().stream().map(Folding::fold).map(Pattern::quote).toList();
        this.notDocumentBefore = Pattern.compile("(?:^|[^\\p{L}])(?:" + String.join("|", nd)
                + ")(?:\\s+so)?\\s*:?\\s*(?:[\\d.]+\\s*[:-]?\\s*)?$");
        this.titleStart = Pattern.compile("^\\s*(" + String.join("|", grammar.titleStarts().stream().map(Pattern::quote).toList())
                + ")\\s+([^;\\n(]{3,300}?)\\s*(?=[;\\n(]|\\.(?:\\s|$)|$)");
    }

    public CitationPatterns grammar() {
        return grammar;
    }

    /** Every citation of a numbered document in {@code text}, in text order. */
    public List<Mention> find(String text) {
        FoldedView folded = new FoldedView(text);
        List<Mention> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || (i > 0 && continuesNumberOrWord(text, i))) {
                i++;
                continue;
            }
            int end = matchNumber(text, i);
            if (end < 0) {
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            Mention m = read(text, folded, i, end);
            if (m != null) {
                out.add(m);
            }
            i = end;
        }
        out.addAll(shortReferences(text, folded));
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    /** Whether the digit at {@code i} continues a word, a number ("1.307") or a path rather than starting one. */
    private static boolean continuesNumberOrWord(String text, int i) {
        char p = text.charAt(i - 1);
        if (CharTables.isLetterOrDigit(p) || p == '/' || p == ':' || p == '%') {
            return true;
        }
        return (p == '.' || p == ',' || p == '-') && i >= 2 && Character.isDigit(text.charAt(i - 2));
    }

    /** End of the number pattern matching at {@code at}, or -1. */
    private int matchNumber(String text, int at) {
        // cheap prefilter: a "/" or "-" within the next few characters
        int limit = Math.min(text.length(), at + 8);
        boolean sep = false;
        for (int k = at; k < limit; k++) {
            char ch = text.charAt(k);
            if (ch == '/' || ch == '-') {
                sep = true;
                break;
            }
        }
        if (!sep) {
            return -1;
        }
        int best = -1;
        for (CitationPatterns.Entry e : grammar.patterns()) {
            Matcher m = e.pattern().matcher(text).region(at, Math.min(text.length(), at + 80));
            if (m.lookingAt() && m.end() > best && !continuesAsWord(text, m.end())
                    && !PROSE_PART.matcher(text.substring(at, m.end())).find()) {
                best = m.end();
            }
        }
        return best;
    }

    private static boolean continuesAsWord(String text, int end) {
        return end < text.length() && (CharTables.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '/'
                || text.charAt(end) == '%');
    }

    /** Symbols are codes: a part with three small letters in a row ("Long", "January") is prose. */
    private static final Pattern PROSE_PART = Pattern.compile("\\p{Ll}{3}");

    private Mention read(String text, FoldedView folded, int numStart, int numEnd) {
        int from = Math.max(0, numStart - LOOKBACK);
        String before = folded.subSequence(from, numStart).toString();
        int tail = suffixStart(before);
        if (notDocumentBefore.matcher(before).find(Math.max(0, tail - longestNotDocument - 1))) {
            return null;
        }
        String typeName = null;
        int start = numStart;
        Matcher tm = typeBefore.matcher(before);
        if (!tm.find(Math.max(0, tail - longestName - 1))) {
            tm = nearestNamedType(text, from, before);
        }
        if (tm != null) {
            DocumentTypes.Type t = typeByFolded.get(tm.group(1));
            if (t != null) {
                typeName = t.name();
                start = from + tm.start(1);
            }
        }
        String number = SPACES.matcher(text.substring(numStart, numEnd)).replaceAll("");
        int end = numEnd;
        String rest = text.substring(end, Math.min(text.length(), end + 400));
        String dateText = null;
        String date = null;
        Matcher dm = DATE_NUMERIC.matcher(rest);
        if (!dm.find()) {
            dm = DATE_WORDS.matcher(rest);
            if (!dm.find()) {
                dm = null;
            }
        }
        if (dm != null) {
            dateText = LEADING_COMMAS.matcher(rest.substring(0, dm.end())).replaceFirst("");
            date = isoDate(dm.group(3), dm.group(2), dm.group(1));
            end += dm.end();
            rest = rest.substring(dm.end());
        }
        String issuer = null;
        String saidBefore = null;
        if (date == null) {
            Matcher db = DATE_BEFORE.matcher(text.substring(Math.max(0, start - 200), start));
            if (db.find()) {
                date = isoDate(db.group(3), db.group(2), db.group(1));
                saidBefore = date == null ? null : db.group(4).strip();
            }
        }
        Matcher im = ISSUER.matcher(rest);
        if (im.find()) {
            String after = rest.substring(im.end());
            int stop = issuerEnd(after);
            issuer = after.substring(0, stop).strip();
            // an issuer is an organ's name, capitalized ("của Bộ …", "của UBND tỉnh"); "của các Sở" is not one
            if (issuer.isEmpty() || issuer.length() > 120 || !CharTables.isUpperCase(issuer.charAt(0))) {
                issuer = null;
            } else {
                end += im.end() + stop;
                rest = after.substring(stop);
            }
        }
        if (issuer == null) {
            issuer = saidBefore;
        }
        String title = null;
        Matcher ttl = titleStart.matcher(rest);
        if (ttl.find()) {
            title = (ttl.group(1) + " " + ttl.group(2)).strip();
        }
        int[] sentence = sentenceAround(text, start, end);
        String sentenceText = text.substring(sentence[0], sentence[1]).strip();
        String relation = relations.of(text.substring(sentence[0], start));
        return new Mention(start, end, number, typeName, dateText, date, issuer, title, sentenceText, relation, false);
    }

    /** The characters that can follow a type word or a not-document word up to the number: "số", ":", digits, spaces. */
    private static final String SUFFIX_CHARS = " \t\n\u000B\f\r:so0123456789.-";

    /**
     * Where the run of {@link #SUFFIX_CHARS} that ends {@code before} starts. {@link #typeBefore} and
     * {@link #notDocumentBefore} match a word, then only such characters, up to the end: the word ends at or after
     * this, so no match starts more than the longest word and the character before it earlier. Searching from there
     * finds the same first match as searching the whole window, without trying every position of it.
     */
    private static int suffixStart(String before) {
        int q = before.length();
        while (q > 0 && SUFFIX_CHARS.indexOf(before.charAt(q - 1)) >= 0) {
            q--;
        }
        return q;
    }

    /** The nearest capitalized type word that a name and "số" separate from the number, or null. */
    private Matcher nearestNamedType(String text, int from, String before) {
        Matcher m = typeNamedBefore.matcher(before);
        Matcher found = null;
        int at = 0;
        while (at < before.length() && m.find(at)) {
            if (CharTables.isUpperCase(text.charAt(from + m.start(1)))) {
                found = typeNamedBefore.matcher(before);
                found.find(m.start());
            }
            at = m.start(1) + 1;
        }
        return found;
    }

    /** Where the issuer phrase after "của" ends: at a title word, punctuation, or a line end. */
    private int issuerEnd(String after) {
        int limit = Math.min(after.length(), 140);
        for (int k = 0; k < limit; k++) {
            char ch = after.charAt(k);
            if (ch == ',' || ch == ';' || ch == '.' || ch == '(' || ch == '\n' || ch == ')' || ch == ':' || ch == '"'
                    || ch == '“') {
                return k;
            }
            if (ch == ' ' && k > 0) {
                String tail = after.substring(k + 1);
                for (String w : grammar.titleStarts()) {
                    if (tail.startsWith(w + " ")) {
                        return k;
                    }
                }
            }
        }
        return limit;
    }

    /** "Nghị quyết 36": a type word, then a bare number that no symbol follows. Anchored on the digits. */
    private List<Mention> shortReferences(String text, FoldedView folded) {
        List<Mention> out = new ArrayList<>();
        int n = text.length();
        for (int i = 1; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || text.charAt(i - 1) != ' ') {
                continue;
            }
            int end = i;
            while (end < n && end - i < 5 && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end < n && (CharTables.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '/' || text.charAt(end) == '-'
                    || ((text.charAt(end) == '.' || text.charAt(end) == ',') && end + 1 < n && Character.isDigit(text.charAt(end + 1))))) {
                i = end;
                continue;
            }
            int start = typeNameEndingBefore(folded, i);
            if (start >= 0 && CharTables.isUpperCase(text.charAt(start))) {
                DocumentTypes.Type t = typeByFolded.get(folded.subSequence(start, lastNonSpace(folded, i)).toString());
                if (t != null) {
                    int[] sentence = sentenceAround(text, start, end);
                    out.add(new Mention(start, end, text.substring(i, end), t.name(), null, null, null, null,
                            text.substring(sentence[0], sentence[1]).strip(), relations.of(text.substring(sentence[0], start)), true));
                }
            }
            i = end;
        }
        return out;
    }

    /**
     * Where the longest type name (folded) that ends right before the spaces before {@code i} starts, when a
     * non-letter precedes it and it lies within 30 characters; -1 for none. Plain comparisons: this runs for
     * every number in the text.
     */
    private int typeNameEndingBefore(CharSequence folded, int i) {
        int p = lastNonSpace(folded, i);
        if (p == i || p == 0 || !typeNameEnds[Math.min(folded.charAt(p - 1), 127)]) {
            return -1;
        }
        for (String name : foldedNames) {
            int s = p - name.length();
            if (s >= 0 && s >= i - 30 && startsWith(folded, name, s) && (s == 0 || !CharTables.isLetter(folded.charAt(s - 1)))) {
                return s;
            }
        }
        return -1;
    }

    /** Whether {@code s} holds {@code prefix} at {@code at}. */
    private static boolean startsWith(CharSequence s, String prefix, int at) {
        if (at < 0 || at + prefix.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (s.charAt(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text} folded ({@link Folding#fold(char)}) one character at a time as it is read: the finder looks at
     * a few characters before each number, and folding only those spares a folded copy of every whole text.
     */
    private record FoldedView(String text) implements CharSequence {
        @Override
        public char charAt(int i) {
            return Folding.fold(text.charAt(i));
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public String subSequence(int from, int to) {
            return Folding.fold(text.substring(from, to));
        }

        @Override
        public String toString() {
            return Folding.fold(text);
        }
    }

    /** The end of the text before the whitespace that ends at {@code i}. */
    private static int lastNonSpace(CharSequence s, int i) {
        int p = i;
        while (p > 0 && " \t\n\u000B\f\r".indexOf(s.charAt(p - 1)) >= 0) {
            p--;
        }
        return p;
    }

    /** The sentence containing [start, end): from the last ". ", ";" or line break before to the next after. */
    static int[] sentenceAround(String text, int start, int end) {
        int s = start;
        while (s > 0) {
            char ch = text.charAt(s - 1);
            if (ch == '\n' || ch == ';' || (ch == ' ' && s >= 2 && text.charAt(s - 2) == '.')) {
                break;
            }
            s--;
        }
        int e = end;
        while (e < text.length()) {
            char ch = text.charAt(e);
            if (ch == '\n' || ch == ';' || (ch == '.' && (e + 1 == text.length() || Character.isWhitespace(text.charAt(e + 1))))) {
                if (ch == '.' || ch == ';') {
                    e++;
                }
                break;
            }
            e++;
        }
        if (e - s > 1200) {
            s = Math.max(s, start - 400);
            e = Math.min(e, end + 600);
        }
        return new int[] {s, e};
    }

    /** ISO date when the parts make a real date; the 5th and 6th year digits (footnote marks) are ignored. */
    static String isoDate(String year, String month, String day) {
        try {
            return java.time.LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
