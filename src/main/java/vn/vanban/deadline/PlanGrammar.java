package vn.vanban.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import vn.vanban.normalize.Folding;

/**
 * The grammar of plans ({@code vanban/deadline/plans.yml}): headings that introduce tasks, the units a section or
 * an item opens with, the attribute lines of an item ("- Đơn vị chủ trì: …") and the columns of a task table.
 * Immutable.
 */
public final class PlanGrammar {

    /** A column of a task table. */
    public enum Column { TIME, PARTNER, LEAD, CONTENT }

    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:(?:[IVX]{1,4}|\\d{1,2}(?:\\.\\d{1,2})*|[a-zđ])[.)]\\s*|" + TaskExtractor.PART.pattern() + ")");

    private final List<String> headingStarts;
    private final List<String> sectionStarts;
    private final List<String> headingContains;
    private final List<String> headingNotAfter;
    private final List<String> articleNotStarts;
    private final List<String> unitStarts;
    private final List<String> capitalizedUnitStarts;
    private final List<String> goalHeadings;
    private final List<String> notTasks;
    private final List<String> annexStarts;
    private final Pattern formDate;
    private final List<String> leadAttributes;
    private final List<String> timeAttributes;
    private final List<String> otherAttributes;
    private final List<String> contentAttributes;
    /** The words after a unit's name that say what it does ("Văn phòng Tổng cục Hải quan thực hiện:"). */
    private final Pattern unitVerb;
    private final Pattern requestLeadIn;
    private final List<String> unitDutyEnds;
    private final List<String> fundingHeadings;
    /** A sub-numbering mid-line ("… chủ yếu 2.1. Tiếp tục …"): where a sub-heading glued to its heading starts. */
    private final Pattern gluedNumbering = Pattern.compile(" \\d{1,2}\\.\\d{1,2}\\.\\s+\\p{Lu}");
    private final Pattern organBefore;
    private final Pattern opensWithVerb;
    /** A capitalized verb (or "Về") where a glued sentence starts. */
    private final Pattern gluedVerb;
    /** Words of a clause, not of a title: a heading that holds one is a sentence, its capitals name something. */
    private final Pattern clauseWord;
    private final Map<Column, List<String>> columns = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private PlanGrammar(Map<String, Object> t) {
        Map<String, Object> h = (Map<String, Object>) t.get("task_headings");
        headingStarts = (List<String>) h.get("starts");
        sectionStarts = (List<String>) h.get("section_starts");
        headingContains = (List<String>) h.get("contains");
        headingNotAfter = (List<String>) h.get("not_after");
        articleNotStarts = (List<String>) h.get("article_not_starts");
        examples.put("task_headings", (List<String>) h.get("examples"));
        examples.put("not task_headings", (List<String>) h.get("counterexamples"));
        goalHeadings = (List<String>) t.get("goal_headings");
        notTasks = (List<String>) t.get("not_tasks");
        annexStarts = (List<String>) t.get("annex_starts");
        formDate = Pattern.compile((String) t.get("form_date"));
        Map<String, Object> u = (Map<String, Object>) t.get("units");
        unitStarts = (List<String>) u.get("starts");
        capitalizedUnitStarts = (List<String>) u.get("capitalized_starts");
        examples.put("units", (List<String>) u.get("examples"));
        examples.put("not units", (List<String>) u.get("counterexamples"));
        Map<String, Object> a = (Map<String, Object>) t.get("attributes");
        leadAttributes = (List<String>) a.get("lead");
        timeAttributes = (List<String>) a.get("time");
        otherAttributes = (List<String>) a.get("other");
        contentAttributes = (List<String>) a.get("content");
        unitVerb = Pattern.compile("\\s+(?:" + String.join("|", ((List<String>) t.get("unit_verbs")).stream()
                .map(Pattern::quote).toList()) + ")(?=[\\s,.;:]|$).*$", Pattern.DOTALL);
        Map<String, Object> r = (Map<String, Object>) t.get("request_lead_ins");
        requestLeadIn = Pattern.compile((String) r.get("pattern"));
        unitDutyEnds = (List<String>) t.get("unit_duty_ends");
        examples.put("request_lead_ins", (List<String>) r.get("examples"));
        examples.put("not request_lead_ins", (List<String>) r.get("counterexamples"));
        fundingHeadings = (List<String>) t.get("funding_headings");
        Map<String, Object> g = (Map<String, Object>) t.get("glued_starts");
        List<String> starts = new ArrayList<>((List<String>) t.get("unit_verbs"));
        starts.addAll((List<String>) g.get("words"));
        String verbs = "(?:" + String.join("|", starts.stream()
                .map(w -> Pattern.quote(Character.toUpperCase(w.charAt(0)) + w.substring(1))).toList()) + ")(?![\\p{L}\\p{N}])";
        // "Về …" heads a field ("3.1. Về công tác …"): a heading that opens so is no item
        opensWithVerb = Pattern.compile("(?!Về )" + verbs);
        gluedVerb = Pattern.compile(verbs);
        organBefore = Pattern.compile("(?iu)(?:^|\\s)(?:" + String.join("|", ((List<String>) g.get("not_after")).stream()
                .map(Pattern::quote).toList()) + ")$");
        clauseWord = Pattern.compile("(?u)(?<![\\p{L}\\p{N}])(?:" + String.join("|", (List<String>) g.get("clause_words"))
                + ")(?![\\p{L}\\p{N}])");
        examples.put("glued_starts", (List<String>) g.get("examples"));
        examples.put("not glued_starts", (List<String>) g.get("counterexamples"));
        examples.put("attributes", (List<String>) a.get("examples"));
        Map<String, Map<String, Object>> c = (Map<String, Map<String, Object>>) t.get("columns");
        for (var e : c.entrySet()) {
            Column col = Column.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT));
            columns.put(col, (List<String>) e.getValue().get("words"));
            examples.put("column " + e.getKey(), (List<String>) e.getValue().get("examples"));
        }
    }

    /** The grammar of {@code vanban/deadline/plans.yml}. */
    public static PlanGrammar load() {
        try (InputStream in = PlanGrammar.class.getResourceAsStream("/vanban/deadline/plans.yml")) {
            return new PlanGrammar(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The examples of each part, for the table-wide test ("task_headings", "not units", "column time", …). */
    public Map<String, List<String>> examples() {
        return examples;
    }

    /**
     * Where the first sentence starts in a heading {@code line} that a flattened copy ran into it ("3.3. Lĩnh vực Tài
     * nguyên nước Tập trung xây dựng …" → the index of "Tập"; "2. Nhiệm vụ … chủ yếu 2.1. Tiếp tục …" → of "2.1."), or
     * -1. A sub-numbering is preferred: the sentence after it may itself be glued to that sub-heading.
     */
    public int gluedAt(String line) {
        // candidates: a space between a word in lower case and a capital or a digit (a few per line, most lines none)
        int verbAt = -1;
        String body = null;
        for (int i = 1; i + 1 < line.length(); i++) {
            if (line.charAt(i) != ' ') {
                continue;
            }
            char before = line.charAt(i - 1);
            char after = line.charAt(i + 1);
            if (Character.isDigit(after) && (Character.isLowerCase(before) || before == ',' || before == ';')
                    && gluedNumbering.matcher(line).region(i, line.length()).lookingAt()
                    && lowerWordBefore(line, before == ',' || before == ';' ? i - 1 : i)) {
                return i + 1; // a sub-numbering is preferred: the sentence after it may be glued to that sub-heading
            }
            if (verbAt < 0 && Character.isUpperCase(after) && Character.isLowerCase(before) && line.length() - i - 1 >= 20
                    && lowerWordBefore(line, i) && gluedVerb.matcher(line).region(i + 1, line.length()).lookingAt()) {
                if (body == null) {
                    body = unnumbered(line);
                    // a heading that opens with an action ("2.2. Tập trung thực hiện …") or holds a clause's word
                    // ("2.1. Khai thác thông tin từ phần mềm Giám sát, …") is a sentence: a capitalized verb inside it
                    // names something
                    if (opensWithVerb.matcher(body).lookingAt()) {
                        verbAt = Integer.MAX_VALUE;
                        continue;
                    }
                }
                String heading = line.substring(0, i);
                if (!organBefore.matcher(heading).find() && !clauseWord.matcher(heading).find()) {
                    verbAt = i + 1;
                }
            }
        }
        return verbAt == Integer.MAX_VALUE ? -1 : verbAt;
    }

    /** Whether the word that ends at {@code end} is written in lower case ("nước", not "Ban" nor "Sở"). */
    private static boolean lowerWordBefore(String line, int end) {
        int k = end;
        while (k > 0 && !Character.isWhitespace(line.charAt(k - 1))) {
            k--;
        }
        return k < end && Character.isLowerCase(line.charAt(k));
    }

    /** The first words of {@code line} without its numbering, folded: all a heading is judged by. */
    private static String head(String line) {
        String s = unnumbered(line.length() > 160 ? line.substring(0, 160) : line);
        return Folding.fold(s.length() > 120 ? s.substring(0, 120) : s);
    }

    /** {@code line} without its numbering ("II. ", "1.2. ", "a) "). */
    static String unnumbered(String line) {
        String s = line.strip();
        // numbering ends in '.', ')' or a space within its first few characters ("II. ", "a) ", "Chương VI ")
        boolean may = false;
        for (int i = 0; i < Math.min(s.length(), 12) && !may; i++) {
            char c = s.charAt(i);
            may = c == '.' || c == ')' || c == ' ';
        }
        if (!may) {
            return s;
        }
        Matcher m = NUMBERING.matcher(s);
        return m.lookingAt() ? s.substring(m.end()).strip() : s;
    }

    /** Whether {@code line} opens with the words of a heading that introduces tasks ("Nhiệm vụ và giải pháp …"). */
    public boolean opensTaskHeading(String line) {
        String f = head(line);
        return headingStarts.stream().anyMatch(f::startsWith) || sectionStarts.stream().anyMatch(f::startsWith);
    }

    /** Whether heading {@code line} introduces tasks. */
    public boolean isTaskHeading(String line) {
        return isTaskHeading(line, true);
    }

    /** Whether heading {@code line}, {@code numbered} or not ("Nhiệm vụ cụ thể:"), introduces tasks. */
    public boolean isTaskHeading(String line, boolean numbered) {
        String f = head(line);
        if (TaskExtractor.ARTICLE.matcher(line.strip()).lookingAt() && articleNotStarts.stream().anyMatch(f::startsWith)) {
            return false;
        }
        if (headingStarts.stream().anyMatch(f::startsWith) || numbered && sectionStarts.stream().anyMatch(f::startsWith)) {
            return true;
        }
        for (String s : headingContains) {
            int at = f.indexOf(s);
            if (at > 0) {
                String before = f.substring(0, at);
                if (headingNotAfter.stream().noneMatch(before::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether heading {@code line} names the plan's goals or requirements, whose items are not tasks. */
    public boolean isGoalHeading(String line) {
        String f = head(line);
        return goalHeadings.stream().anyMatch(f::startsWith) || fundingHeadings.stream().anyMatch(f::startsWith);
    }

    /** Whether item {@code text} (without its bullet) is something other than a task: an annex or form listed. */
    public boolean notTask(String text) {
        String f = Folding.fold(text.length() > 40 ? text.substring(0, 40) : text);
        return notTasks.stream().anyMatch(f::startsWith);
    }

    /** Whether {@code line} opens an annex (in capitals: "PHỤ LỤC 01 …"): the body and its tasks end there. */
    public boolean opensAnnex(String line) {
        String s = line.strip();
        for (String a : annexStarts) {
            if (s.startsWith(a)) {
                return true;
            }
        }
        return s.length() < 300 && (s.indexOf('…') >= 0 || s.contains("...")) && s.contains("tháng")
                && formDate.matcher(s).find();
    }

    /** The unit {@code line} opens with (up to its colon, or the whole line when it is a unit's name), or null. */
    public String unitAt(String line) {
        String s = unnumbered(line);
        boolean unit = false;
        for (String u : unitStarts) {
            if (s.startsWith(u)) {
                unit = true;
                break;
            }
        }
        for (String u : capitalizedUnitStarts) {
            if (s.startsWith(u) && s.length() > u.length() && Character.isUpperCase(s.charAt(u.length()))) {
                unit = true;
                break;
            }
        }
        if (!unit) {
            return null;
        }
        int colon = s.indexOf(':');
        String name = colon > 0 ? s.substring(0, colon) : s;
        name = unitVerb.matcher(name.replaceAll("[.;]+$", "").strip()).replaceFirst("");
        // a unit's name, not a sentence about one: short, and no full stop inside
        return name.length() > 150 || name.contains(". ") ? null : name;
    }

    /**
     * Whether {@code line} is an item addressed to a unit that runs on without a colon ("1. Sở Khoa học và Công nghệ
     * theo dõi, đôn đốc …"): the whole line is the unit's task.
     */
    public boolean runsOn(String line) {
        String s = unnumbered(line);
        String name = unitAt(line);
        int colon = s.indexOf(':');
        return name != null && (colon < 0 || colon > name.length() + 20) && s.length() >= name.length() + 20
                && s.startsWith(name);
    }

    /**
     * Whether {@code line} is the sentence that introduces a directive's or letter's requests ("Ủy ban nhân dân tỉnh
     * yêu cầu:", "… có ý kiến như sau:"): a subject, then one of the request words, then a colon.
     */
    public boolean opensRequests(String line) {
        if (!endsWithColon(line)) {
            return false; // most lines: no copy made
        }
        String s = line.replace("*", "").strip();
        if (!s.endsWith(":") || s.length() < 16) {
            return false;
        }
        String f = " " + Folding.fold(s.substring(Math.max(0, s.length() - 80), s.length() - 1)).strip();
        return requestLeadIn.matcher(f).find();
    }

    /**
     * The unit a line gives duties to ("Giám đốc Sở … có trách nhiệm:"): a unit's name, one of {@code unit_duty_ends},
     * a colon; null for any other line.
     */
    public String unitWithDuties(String line) {
        if (!endsWithColon(line)) {
            return null;
        }
        String s = line.replace("*", "").strip();
        if (!s.endsWith(":") || s.length() > 200) {
            return null;
        }
        String f = Folding.fold(s.substring(0, s.length() - 1)).strip();
        if (unitDutyEnds.stream().noneMatch(e -> f.endsWith(" " + e))) {
            return null;
        }
        return unitAt(s.substring(0, s.length() - 1));
    }

    /** Whether {@code line} ends with a colon, spaces and emphasis marks ("**") aside. */
    private static boolean endsWithColon(String line) {
        int k = line.length() - 1;
        while (k >= 0 && (line.charAt(k) == '*' || Character.isWhitespace(line.charAt(k)))) {
            k--;
        }
        return k >= 0 && line.charAt(k) == ':';
    }

    /** The text after a unit's colon on {@code line} ("Sở Nội vụ: chủ trì …" → "chủ trì …"), or "". */
    public static String afterUnit(String line) {
        String s = unnumbered(line);
        int colon = s.indexOf(':');
        return colon > 0 ? s.substring(colon + 1).strip() : "";
    }

    /**
     * {"lead", value}, {"time", value}, {"content", value} or {"other", value} for an attribute line of an item
     * ("- Đơn vị chủ trì: …", "c) Thời gian thực hiện: …", "a) Nhiệm vụ: …"), or null.
     */
    public String[] attribute(String line) {
        int colon0 = line.indexOf(':');
        if (colon0 < 0 || colon0 > 48) {
            return null; // an attribute's name is a few words before a colon
        }
        String s = line.strip();
        if (s.startsWith("-") || s.startsWith("+") || s.startsWith("•")) {
            s = s.substring(1).strip();
        } else if (s.length() > 2 && s.charAt(1) == ')') {
            s = s.substring(2).strip(); // "c) Thời gian thực hiện: …"
        }
        int colon = s.indexOf(':');
        if (colon < 2 || colon > 40) {
            return null;
        }
        String key = Folding.fold(s.substring(0, colon)).strip();
        String value = s.substring(colon + 1).strip();
        for (String a : leadAttributes) {
            if (key.equals(a) || key.startsWith(a + " ")) {
                return new String[] {"lead", value};
            }
        }
        for (String a : timeAttributes) {
            if (key.equals(a) || key.startsWith(a + " ")) {
                return new String[] {"time", value};
            }
        }
        for (String a : contentAttributes) {
            if (key.equals(a)) {
                return new String[] {"content", value};
            }
        }
        for (String a : otherAttributes) {
            if (key.startsWith(a)) {
                return new String[] {"other", value};
            }
        }
        return null;
    }

    /** The column a task table's header text names, or null. */
    public Column column(String header) {
        String f = Folding.fold(header);
        for (var e : columns.entrySet()) {
            for (String w : e.getValue()) {
                if (f.contains(w)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /**
     * Column kinds of a header made of {@code rows} (a header may span two rows): one per cell index. A header cell is
     * a few words; a long one ("Báo cáo nội dung sự việc và ý kiến đề xuất …" in a form) names no column.
     */
    public List<Column> header(List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            StringBuilder b = new StringBuilder();
            for (String[] r : rows) {
                // a shorter row holds the sub-headers of the cells spanned above it, which are the last ones
                // ("TT | Bộ chỉ số | Mục tiêu | Đơn vị đầu mối | | Thời gian" over "Chủ trì | Phối hợp | ")
                int k = i - (width - r.length);
                if (k >= 0) {
                    b.append(' ').append(r[k]);
                }
            }
            out.add(b.length() > 80 ? null : column(b.toString()));
        }
        return out;
    }
}
