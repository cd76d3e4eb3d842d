package vn.vanban.citation;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.extract.DocumentNumbers;

/**
 * What a document does to the documents it cites — amends, replaces, repeals (whole or the articles named), guides,
 * consolidates — read from its effect clauses, amending articles, title and, for a consolidated text, its preamble,
 * by the grammar of {@code vanban/citation/effects.yml}. A clause (between ";", ":", ". " or a new list item) is
 * about its first citation; later ones describe it. Immutable and thread-safe.
 */
public final class DocumentRelations {

    /**
     * One relation: this document — or, where {@code by} is set, the document {@code by} as this one declares it (a
     * published list of documents no longer in force) — {@code relation} the document {@code target} (numbers as
     * printed), in {@code articles} when only those are concerned, from {@code effective} (ISO) when known.
     */
    public record Fact(String relation, String target, @Nullable String articles, @Nullable String effective,
                       @Nullable String by) {

        /** A relation this document itself states. */
        public Fact(String relation, String target, @Nullable String articles, @Nullable String effective) {
            this(relation, target, articles, effective, null);
        }
    }

    /** One example of the table: a clause (after its list's lead, when it is an item) and the facts it gives. */
    public record Example(@Nullable String lead, String clause, List<String> facts) {
    }

    private record Clause(int start, int end, char before) {
    }

    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[a-zđ]\\)|\\d{1,2}\\.|[-+•])?\\s*");
    /** A line that starts a clause of its own: a list item, an article, a legal basis. */
    private static final Pattern NEW_ITEM = Pattern.compile("\\n\\s*(?:[a-zđ]\\)\\s|\\d{1,2}\\.\\s|[-+•]\\s|Điều \\d|Căn cứ\\s)");
    /** An article's heading line ("Điều 2. Sửa đổi, bổ sung Luật …"): it ends its clause where the line ends. */
    private static final Pattern HEADING = Pattern.compile("\\s*Điều \\d+[a-z]?\\.");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:\\d{1,2}\\.|Điều \\d)");
    private static final Pattern BASIS = Pattern.compile("^\\s*(?:[-+•]\\s*)?[Cc]ăn cứ(?![\\p{L}\\p{N}])");
    private static final Pattern DATE = Pattern.compile(
            "(?:kể )?từ ngày (\\d{1,2}) tháng (\\d{1,2}) năm (\\d{4})|(?:kể )?từ ngày (\\d{1,2})/(\\d{1,2})/(\\d{4})");
    /** Words that make a citation describe another rather than stand beside it as a co-subject. */
    private static final Pattern DESCRIBES = Pattern.compile("hướng dẫn|quy định|sửa đổi|bổ sung|ban hành|thực hiện|về ");

    /**
     * A citation's own name before its number ("Luật Người lao động … theo hợp đồng số", "Bộ luật Lao động số"): a
     * type's name and words with nothing that describes.
     */
    private static final Pattern OWN_NAME = Pattern.compile("^(?:" + String.join("|", vn.vanban.extract.DocumentTypes.standard()
            .all().stream().map(t -> Pattern.quote(t.name())).toList()) + ")(?:\\s[^;:]*)?$");

    /**
     * A row of a published list of documents no longer in force: "… Được thay thế bởi Nghị định số 74/2024/NĐ-CP …".
     * The list declares what other documents did; it is not this document's act.
     */
    static final Pattern DECLARED = Pattern.compile("[Đđ]ược (?:sửa đổi, bổ sung|thay thế|bãi bỏ|[^.;:]{0,40}?) bởi");

    private static final DocumentRelations STANDARD = load();

    private final List<String> ends;
    private final List<String> repeals;
    private final List<String> replaces;
    private final List<String> amends;
    private final List<String> guides;
    private final List<String> corrects;
    private final List<String> passive;
    private final Pattern repealPrefix;
    private final Pattern articlesPrefix;
    private final List<Example> examples;
    private final PublishedLists lists;

    private DocumentRelations(Map<String, Object> t) {
        ends = strings(t, "ends");
        repeals = strings(t, "repeals");
        replaces = strings(t, "replaces");
        amends = strings(t, "amends");
        guides = strings(t, "guides");
        corrects = strings(t, "corrects");
        passive = strings(t, "passive");
        String articles = (String) t.get("articles");
        articlesPrefix = Pattern.compile("^(" + articles + ")\\s*(?:của\\s*)?$");
        repealPrefix = Pattern.compile("^(?:" + String.join("|", repeals.stream().map(Pattern::quote).toList()) + ")\\s*(?:("
                + articles + ")\\s*(?:của\\s*)?)?$");
        List<Example> ex = new ArrayList<>();
        for (Object o : (List<?>) t.get("examples")) {
            Map<?, ?> m = (Map<?, ?>) o;
            ex.add(new Example((String) m.get("lead"), (String) m.get("clause"), ((List<?>) m.get("facts")).stream()
                    .map(String::valueOf).toList()));
        }
        examples = List.copyOf(ex);
        lists = new PublishedLists((Map<?, ?>) t.get("lists"), replaces, repeals);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> t, String key) {
        return List.copyOf((List<String>) t.get(key));
    }

    @SuppressWarnings("unchecked")
    private static DocumentRelations load() {
        try (InputStream in = DocumentRelations.class.getResourceAsStream("/vanban/citation/effects.yml")) {
            if (in == null) {
                throw new IllegalStateException("effects table not found: /vanban/citation/effects.yml");
            }
            return new DocumentRelations((Map<String, Object>) new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table in the jar. */
    public static DocumentRelations standard() {
        return STANDARD;
    }

    public List<Example> examples() {
        return examples;
    }

    /**
     * The day the document comes into force: the date it prints ("có hiệu lực … từ ngày 01 tháng 7 năm 2025"), or,
     * where it is in force from the day it is signed ("… này có hiệu lực (sau 45 ngày) kể từ ngày ký"), that day
     * counted from its date; null when neither is known. (The metadata's {@code effective} is only a printed date.)
     */
    public static String inForce(String text, DocumentMetadata meta) {
        if (meta.effective() != null) {
            return meta.effective();
        }
        Matcher signed = SIGNED.matcher(text);
        if (meta.date() != null && meta.date().length() == 10 && signed.find()) {
            java.time.LocalDate d = java.time.LocalDate.parse(meta.date());
            return (signed.group(1) == null ? d : d.plusDays(Integer.parseInt(signed.group(1)))).toString();
        }
        return null;
    }

    private static final Pattern SIGNED = Pattern.compile("này có hiệu lực(?: thi hành)?(?: sau (\\d{1,3}) ngày,?)?(?: kể)? từ ngày ký");

    /** What a relation is called among the relations of citations ({@code relations.yml}); null when it has no name there. */
    private static final Map<String, String> MENTION_RELATION = Map.of("amends", "amends", "replaces", "replaces",
            "repeals", "repeals", "guides", "guides");

    /**
     * {@code refs} with the relation of each citation that its sentence left unnamed ("other") named by what the
     * document states of the cited document (replaces, repeals, amends, guides); bases stay bases.
     */
    public static List<CitedDocument> labelled(List<CitedDocument> refs, List<Fact> facts) {
        Map<String, String> by = new java.util.HashMap<>();
        for (Fact f : facts) {
            String r = MENTION_RELATION.get(f.relation());
            if (f.by() == null && r != null) {
                by.putIfAbsent(DocumentNumbers.canonical(f.target()), r);
            }
        }
        if (by.isEmpty()) {
            return refs;
        }
        List<CitedDocument> out = new ArrayList<>(refs.size());
        for (CitedDocument c : refs) {
            String r = by.get(DocumentNumbers.canonical(c.number()));
            if (r == null) {
                out.add(c);
                continue;
            }
            List<Mention> ms = new ArrayList<>(c.mentions().size());
            for (Mention m : c.mentions()) {
                ms.add(!m.relation().equals("other") ? m : new Mention(m.start(), m.end(), m.number(), m.typeName(),
                        m.dateText(), m.date(), m.issuer(), m.title(), m.sentence(), r, m.shortForm()));
            }
            out.add(new CitedDocument(c.key(), c.type(), c.number(), c.year(), c.date(), c.issuer(), c.title(), List.copyOf(ms)));
        }
        return out;
    }

    /** The relations {@code text} (normalized) states, given its citations {@code refs} and metadata {@code meta}. */
    public List<Fact> extract(String text, List<CitedDocument> refs, DocumentMetadata meta) {
        String own = meta.number() == null ? null : DocumentNumbers.canonical(meta.number());
        List<Mention> mentions = new ArrayList<>();
        for (CitedDocument c : refs) {
            for (Mention m : c.mentions()) {
                if (!m.shortForm() && m.start() >= 0 && m.start() < text.length()
                        && (own == null || !DocumentNumbers.canonical(m.number()).equals(own))) {
                    mentions.add(m);
                }
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        PublishedLists.Rows rows = lists.read(text, mentions);
        if (!rows.facts().isEmpty()) { // a list's rows describe documents: no act of its own is read in them
            mentions.removeIf(m -> m.start() >= rows.from());
        }
        Map<String, Fact> facts = new LinkedHashMap<>();
        boolean vbhn = "Văn bản hợp nhất".equals(meta.type()) || meta.number() != null && meta.number().contains("VBHN");
        if (!vbhn) { // a consolidated text's effect clauses are those of the texts it consolidates, not its own acts
            new Scan(text, mentions, inForce(text, meta), facts).run();
        }
        guided(meta, facts);
        if (vbhn) {
            consolidated(text, mentions, facts);
        }
        for (Fact f : rows.facts()) {
            facts.putIfAbsent(f.relation() + " " + DocumentNumbers.canonical(f.target()) + " by "
                    + DocumentNumbers.canonical(f.by()), f);
        }
        return List.copyOf(facts.values());
    }

    /**
     * {@code lead} (what stands before a citation's number, in its clause) without the citation's own type and name at
     * its end ("Luật Người lao động … theo hợp đồng số", "Thông tư số", "Nghị định"), never one that says "này" (this
     * document) or describes.
     */
    private static String withoutOwnName(String lead) {
        String p = lead.strip();
        for (int i = 0; i < p.length(); i++) {
            String name = p.substring(i);
            if ((i == 0 || p.charAt(i - 1) == ' ') && OWN_NAME.matcher(name).matches()
                    && !DESCRIBES.matcher(name).find() && !name.contains(" này")) {
                return p.substring(0, i).strip();
            }
        }
        return p;
    }

    /** One pass over a document's clauses, with what a clause leaves for the next (a basis, a list's lead). */
    private final class Scan {
        private final String text;
        private final List<Mention> mentions;
        private final String inForce;
        private final Map<String, Fact> facts;
        private final List<Clause> clauses;
        private boolean basis;
        /** In a list of what ends or is repealed: "repeals" or "ends"; null outside one. */
        private String list;
        private String listDate;

        Scan(String text, List<Mention> mentions, String inForce, Map<String, Fact> facts) {
            this.text = text;
            this.mentions = mentions;
            this.inForce = inForce;
            this.facts = facts;
            this.clauses = clauses(text);
        }

        void run() {
            int mi = 0;
            for (int ci = 0; ci < clauses.size(); ci++) {
                Clause c = clauses.get(ci);
                List<Mention> in = new ArrayList<>();
                while (mi < mentions.size() && mentions.get(mi).start() < c.end()) {
                    if (mentions.get(mi).start() >= c.start()) {
                        in.add(mentions.get(mi));
                    }
                    mi++;
                }
                clause(ci, in);
            }
        }

        private void clause(int ci, List<Mention> in) {
            Clause c = clauses.get(ci);
            String clause = text.substring(c.start(), c.end());
            if (list != null && NUMBERED.matcher(clause).find() && c.before() != ';') {
                list = null; // the next numbered clause or article ends the list
            }
            // "Căn cứ Luật A số …; Luật sửa đổi, bổ sung … số …;": a basis goes on over ";" through the documents it lists
            basis = BASIS.matcher(clause).find() || basis && c.before() == ';'
                    && OWN_NAME.matcher(ITEM.matcher(clause).replaceFirst("").strip()).lookingAt();
            if (basis) {
                list = null;
                return;
            }
            if (in.isEmpty()) {
                if (clause.endsWith(":") || c.end() < text.length() && text.charAt(c.end()) == ':') {
                    String lead = listLead(clause);
                    if (lead != null) {
                        list = lead;
                        listDate = date(clause, inForce);
                    }
                }
                return;
            }
            if (DECLARED.matcher(clause).find()) {
                return; // what another document did, as a list declares it
            }
            Mention head = in.get(0);
            // what stands before the number: the clause's words, then the citation's own type and name
            int numberAt = head.start();
            while (numberAt < head.end() && !Character.isDigit(text.charAt(numberAt))) {
                numberAt++;
            }
            String prefix = withoutOwnName(ITEM.matcher(text.substring(c.start(), numberAt)).replaceFirst(""));
            if (list != null && listItem(head, prefix)) {
                return;
            }
            Matcher repeal = repealPrefix.matcher(prefix);
            if (repeal.matches()) {
                put(facts, new Fact("repeals", head.number(), repeal.group(1) == null ? null : repeal.group(1).strip(),
                        date(clause, inForce)));
                return;
            }
            // from the citation on: its end may take in a title the finder read after it ("… hết hiệu lực kể từ …")
            if (contains(text.substring(head.start(), c.end()), ends) && ending(ci, in, prefix, date(clause, inForce))) {
                return;
            }
            act(head, prefix, date(clause, inForce));
        }

        /** An item of a list of what ends or is repealed: the whole, or the articles named before the citation. */
        private boolean listItem(Mention head, String prefix) {
            Matcher a = articlesPrefix.matcher(prefix);
            if (!prefix.isBlank() && !a.matches()) {
                return false;
            }
            String articles = prefix.isBlank() ? null : a.group(1).strip();
            put(facts, new Fact(articles != null || list.equals("repeals") ? "repeals" : "replaces", head.number(),
                    articles, listDate));
            return true;
        }

        /**
         * "<citation> hết hiệu lực": the citation (and those joined to it, and the heads of the clauses before it that
         * ";" joins) ends from {@code date}; the articles named before it, where they are, are repealed.
         */
        private boolean ending(int ci, List<Mention> in, String prefix, String date) {
            Matcher a = articlesPrefix.matcher(prefix);
            if (!prefix.isBlank() && !a.matches()) {
                return false;
            }
            String articles = prefix.isBlank() ? null : a.group(1).strip();
            put(facts, new Fact(articles == null ? "replaces" : "repeals", in.get(0).number(), articles, date));
            for (Mention co : coSubjects(text, in)) {
                put(facts, new Fact("replaces", co.number(), null, date));
            }
            // "2. Nghị định số 38/2020/NĐ-CP …; Thông tư liên tịch số 17/2007/… hết hiệu lực": the clauses before
            for (int back = ci; back > 0 && clauses.get(back).before() == ';'; back--) {
                Clause p = clauses.get(back - 1);
                Mention ph = firstIn(mentions, p);
                if (ph == null || !ITEM.matcher(text.substring(p.start(), ph.start())).replaceFirst("").isBlank()) {
                    break;
                }
                put(facts, new Fact("replaces", ph.number(), null, date));
            }
            return true;
        }

        /** "Sửa đổi, bổ sung (Điều 5 của) <citation>" amends it; "thay thế <citation>" replaces it. */
        private void act(Mention head, String prefix, String date) {
            String act = lastAct(prefix);
            if (act == null) {
                return;
            }
            String between = prefix.substring(prefix.lastIndexOf(act) + act.length()).strip();
            Matcher a = articlesPrefix.matcher(between);
            // "Thay thế một số phụ lục của <citation>" amends it
            if (replaces.contains(act) && between.isEmpty()) {
                put(facts, new Fact("replaces", head.number(), null, date));
            } else {
                put(facts, new Fact("amends", head.number(), a.matches() ? a.group(1).strip() : null, null));
            }
        }
    }

    private static void put(Map<String, Fact> facts, Fact f) {
        facts.putIfAbsent(f.relation() + " " + DocumentNumbers.canonical(f.target()), f);
    }

    private static Mention firstIn(List<Mention> mentions, Clause c) {
        for (Mention m : mentions) {
            if (m.start() >= c.start() && m.start() < c.end()) {
                return m;
            }
        }
        return null;
    }

    /** Citations after the head joined to it by "và" or "," alone: subjects of the same verb. */
    private static List<Mention> coSubjects(String text, List<Mention> in) {
        List<Mention> out = new ArrayList<>();
        Mention prev = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            Mention m = in.get(i);
            String gap = text.substring(Math.min(prev.end(), m.start()), m.start()).strip();
            String span = text.substring(in.get(0).start(), m.start());
            if (!(gap.equals("và") || gap.equals(",") || gap.isEmpty()) || DESCRIBES.matcher(span).find()) {
                break;
            }
            out.add(m);
            prev = m;
        }
        return out;
    }

    /** The last amending or replacing keyword of {@code prefix} that is this document's act (not "đã được …"). */
    private String lastAct(String prefix) {
        String best = null;
        int at = -1;
        for (List<String> words : List.of(amends, replaces)) {
            for (String k : words) {
                int i = prefix.lastIndexOf(k);
                if (i > at && !passiveBefore(prefix, startOfRun(prefix, i))) {
                    at = i;
                    best = k;
                }
            }
        }
        return best;
    }

    /** Where the run of act keywords that ends with the one at {@code i} starts ("sửa đổi, bổ sung, thay thế"). */
    private int startOfRun(String s, int i) {
        boolean moved = true;
        while (moved) {
            moved = false;
            String before = s.substring(0, i);
            for (List<String> words : List.of(amends, replaces, repeals)) {
                for (String k : words) {
                    if (before.endsWith(k + ", ") || before.endsWith(k + " và ")) {
                        i = before.lastIndexOf(k);
                        moved = true;
                        break;
                    }
                }
                if (moved) {
                    break;
                }
            }
        }
        return i;
    }

    private boolean passiveBefore(String s, int i) {
        String before = s.substring(0, i).stripTrailing();
        for (String p : passive) {
            if (before.endsWith(" " + p) || before.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** "repeals" or "ends" when {@code clause} leads a list of what ends or is repealed; else null. */
    private String listLead(String clause) {
        if (!clause.contains("sau")) {
            return null;
        }
        if (contains(clause, repeals)) {
            return "repeals";
        }
        return contains(clause, ends) ? "ends" : null;
    }

    /** The date a clause names for its effect ("kể từ ngày 01 tháng 7 năm 2025"), else the day the document is in force. */
    private static String date(String clause, String inForce) {
        Matcher d = DATE.matcher(clause);
        if (d.find()) {
            int g = d.group(1) != null ? 1 : 4;
            try {
                return java.time.LocalDate.of(Integer.parseInt(d.group(g + 2)), Integer.parseInt(d.group(g + 1)),
                        Integer.parseInt(d.group(g))).toString();
            } catch (java.time.DateTimeException e) {
                return inForce;
            }
        }
        return inForce;
    }

    /**
     * A title "Hướng dẫn / Quy định chi tiết … &lt;number&gt;": the document guides that number; a title "(Về việc) Đính
     * chính &lt;number&gt;": it corrects that one.
     */
    private void guided(DocumentMetadata meta, Map<String, Fact> facts) {
        String subject = meta.subject();
        if (subject == null) {
            return;
        }
        for (var rule : List.of(Map.entry("corrects", corrects), Map.entry("guides", guides))) {
            for (String k : rule.getValue()) {
                int at = subject.indexOf(k);
                if (at >= 0) {
                    List<String> numbers = DocumentNumbers.find(subject.substring(at));
                    if (!numbers.isEmpty()) {
                        put(facts, new Fact(rule.getKey(), numbers.get(0), null, null));
                        return;
                    }
                }
            }
        }
    }

    /** A consolidated text: the document it consolidates and the amending ones its preamble names. */
    private static void consolidated(String text, List<Mention> mentions, Map<String, Fact> facts) {
        int end = text.indexOf("Căn cứ");
        end = end < 0 ? Math.min(text.length(), 4000) : end;
        for (Clause c : clauses(text.substring(0, end))) {
            Mention head = firstIn(mentions, c);
            if (head != null) {
                put(facts, new Fact("consolidates", head.number(), null, null));
            }
        }
    }

    /**
     * The clauses of {@code text}: split after ";", ":" and ". ", after an article's heading line, and before a line
     * that starts a list item, an article or a legal basis.
     */
    private static List<Clause> clauses(String text) {
        List<Clause> out = new ArrayList<>();
        int start = 0;
        char before = '\n';
        int n = text.length();
        int lineStart = 0;
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (i > 0 && text.charAt(i - 1) == '\n') {
                lineStart = i;
            }
            boolean cut = ch == ';' || ch == ':' || ch == '.' && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)))
                    && !(i > 0 && Character.isDigit(text.charAt(i - 1)) && isItemNumber(text, i));
            if (cut) {
                out.add(new Clause(start, i, before));
                before = ch;
                start = i + 1;
            } else if (ch == '\n' && (NEW_ITEM.matcher(text).region(i, Math.min(n, i + 12)).lookingAt()
                    || HEADING.matcher(text).region(lineStart, i).lookingAt() && text.charAt(i - 1) != '-')) {
                if (i > start) {
                    out.add(new Clause(start, i, before));
                }
                before = '\n';
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(new Clause(start, n, before));
        }
        return out;
    }

    /** Whether the "." at {@code i} ends a list number ("2.") at the start of a line: it belongs to its clause. */
    private static boolean isItemNumber(String text, int i) {
        int k = i - 1;
        while (k >= 0 && Character.isDigit(text.charAt(k))) {
            k--;
        }
        return k < 0 || text.charAt(k) == '\n' || (k >= 1 && text.charAt(k) == ' ' && text.charAt(k - 1) == '\n');
    }

    private static boolean contains(String s, List<String> words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
