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

    private static final Pattern NUMBERING = Pattern.compile("^(?:[IVX]{1,4}|\\d{1,2}(?:\\.\\d{1,2})*|[a-zđ])[.)]\\s*");

    private final List<String> headingStarts;
    private final List<String> headingContains;
    private final List<String> headingNotAfter;
    private final List<String> unitStarts;
    private final List<String> leadAttributes;
    private final List<String> otherAttributes;
    private final Map<Column, List<String>> columns = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private PlanGrammar(Map<String, Object> t) {
        Map<String, Object> h = (Map<String, Object>) t.get("task_headings");
        headingStarts = (List<String>) h.get("starts");
        headingContains = (List<String>) h.get("contains");
        headingNotAfter = (List<String>) h.get("not_after");
        examples.put("task_headings", (List<String>) h.get("examples"));
        examples.put("not task_headings", (List<String>) h.get("counterexamples"));
        Map<String, Object> u = (Map<String, Object>) t.get("units");
        unitStarts = (List<String>) u.get("starts");
        examples.put("units", (List<String>) u.get("examples"));
        examples.put("not units", (List<String>) u.get("counterexamples"));
        Map<String, Object> a = (Map<String, Object>) t.get("attributes");
        leadAttributes = (List<String>) a.get("lead");
        otherAttributes = (List<String>) a.get("other");
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

    /** {@code line} without its numbering ("II. ", "1.2. ", "a) "). */
    static String unnumbered(String line) {
        Matcher m = NUMBERING.matcher(line.strip());
        return m.lookingAt() ? line.strip().substring(m.end()).strip() : line.strip();
    }

    /** Whether heading {@code line} introduces tasks. */
    public boolean isTaskHeading(String line) {
        String f = Folding.fold(unnumbered(line));
        for (String s : headingStarts) {
            if (f.startsWith(s)) {
                return true;
            }
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
        if (!unit) {
            return null;
        }
        int colon = s.indexOf(':');
        String name = colon > 0 ? s.substring(0, colon) : s;
        name = name.replaceAll("[.;]+$", "").strip();
        // a unit's name, not a sentence about one: short, and no full stop inside
        return name.length() > 150 || name.contains(". ") ? null : name;
    }

    /** The text after a unit's colon on {@code line} ("Sở Nội vụ: chủ trì …" → "chủ trì …"), or "". */
    public static String afterUnit(String line) {
        String s = unnumbered(line);
        int colon = s.indexOf(':');
        return colon > 0 ? s.substring(colon + 1).strip() : "";
    }

    /** {"lead", value}, {"other", value} for an attribute line of an item, or null. */
    public String[] attribute(String line) {
        String s = line.strip();
        if (s.startsWith("-") || s.startsWith("+") || s.startsWith("•")) {
            s = s.substring(1).strip();
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
        for (String a : otherAttributes) {
            if (key.equals(a) || key.startsWith(a + " ") || key.startsWith(a)) {
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

    /** Column kinds of a header made of {@code rows} (a header may span two rows): one per cell index. */
    public List<Column> header(List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            StringBuilder b = new StringBuilder();
            for (String[] r : rows) {
                if (i < r.length) {
                    b.append(' ').append(r[i]);
                }
            }
            out.add(column(b.toString()));
        }
        return out;
    }
}
