package vn.vanban.citation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of a published list of documents no longer in force (the yearly "Danh mục văn bản quy phạm pháp luật hết
 * hiệu lực toàn bộ hoặc một phần"), each a fact another document made that the list declares: row number, the listed
 * document, in a part list the articles concerned, "Được thay thế / bãi bỏ / sửa đổi, bổ sung … bởi &lt;document&gt;",
 * the date the listed document ended. Words come from the {@code lists} section of {@code effects.yml}. A row whose
 * listed document the layout lost (no row number since the previous row) gives nothing rather than a guess.
 * Immutable and thread-safe.
 */
final class PublishedLists {

    /** A row's number alone on its line, or in the first cell of a markdown table row. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\|?[ \\t]*\\d{1,3}\\.?[ \\t]*(?:\\||$)");
    /** The date a row gives as its own cell, not the date of a document it names ("ngày 30/6/2024"). */
    private static final Pattern DAY = Pattern.compile("(?<![\\p{N}/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\p{N}/])");
    private static final Pattern ISSUED = Pattern.compile("ngày\\s*$");
    /** How far after "… bởi" the document that did it must start. */
    private static final int BY_WITHIN = 40;

    private final List<String> whole;
    private final List<String> part;
    private final List<String> replaces;
    private final List<String> repeals;
    private final Pattern articles;

    /**
     * @param words    the {@code lists} section of the table (section headings)
     * @param replaces the table's words of replacing, {@code repeals} of repealing (any case)
     */
    @SuppressWarnings("unchecked")
    PublishedLists(Map<?, ?> words, List<String> replaces, List<String> repeals) {
        whole = List.copyOf((List<String>) words.get("whole"));
        part = List.copyOf((List<String>) words.get("part"));
        this.replaces = replaces.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
        this.repeals = repeals.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
        // the first part named: "Khoản 1 Điều 1", "Điều 4", "Điểm a khoản 1 Điều 8", "Phụ lục II"
        articles = Pattern.compile("(?:[Đđ]iểm\\s+[a-zđ]|(?:[Kk]hoản|[Đđ]iều|[Cc]hương|[Mm]ục|[Pp]hụ lục)\\s+(?:\\d+[a-zđ]?|[IVXL]+))"
                + "(?![\\p{L}\\p{N}])(?:\\s+(?:[Kk]hoản|[Đđ]iều)\\s+\\d+[a-zđ]?(?![\\p{L}\\p{N}]))*");
    }

    /**
     * What the rows of a text's lists declare, and where the first row starts (the text's length when it has none):
     * the rows describe documents, and what their descriptions say is no act of the list's.
     */
    record Rows(List<DocumentRelations.Fact> facts, int from) {
    }

    /** The facts the rows of {@code text}'s lists declare; {@code mentions} are its citations in text order. */
    Rows read(String text, List<Mention> mentions) {
        List<int[]> sections = sections(text); // {offset, 1 whole | 2 part}
        if (sections.isEmpty()) {
            return new Rows(List.of(), text.length());
        }
        int first = text.length();
        List<Integer> rows = new ArrayList<>();
        for (Matcher r = ROW.matcher(text); r.find(); ) {
            rows.add(r.start());
        }
        List<DocumentRelations.Fact> out = new ArrayList<>();
        Matcher m = DocumentRelations.DECLARED.matcher(text);
        int previous = 0;
        while (m.find()) {
            int from = previous;
            previous = m.end();
            int mode = modeAt(sections, m.start());
            Mention by = firstFrom(mentions, m.end(), m.end() + BY_WITHIN);
            Integer row = lastIn(rows, from, m.start());
            if (mode == 0 || by == null || row == null) {
                continue;
            }
            Mention target = firstFrom(mentions, row, m.start());
            if (target == null) {
                continue;
            }
            first = Math.min(first, row);
            String marker = m.group().toLowerCase(Locale.ROOT);
            String relation;
            String named = null;
            if (mode == 2) {
                relation = "repeals";
                Matcher a = articles.matcher(text).region(Math.min(target.end(), m.start()), m.start());
                named = a.find() ? a.group().replaceAll("\\s+", " ") : "một phần";
            } else {
                relation = repeals.stream().anyMatch(marker::contains) && replaces.stream().noneMatch(marker::contains)
                        ? "repeals" : "replaces";
            }
            int next = nextFrom(rows, by.end(), text.length());
            Matcher nextMarker = DocumentRelations.DECLARED.matcher(text);
            int rowEnd = nextMarker.find(by.end()) ? Math.min(next, nextMarker.start()) : next;
            out.add(new DocumentRelations.Fact(relation, target.number(), named, dayIn(text, by.end(), rowEnd),
                    by.number()));
        }
        return new Rows(out, first);
    }

    /** The section headings of {@code text}: lines naming whole or part lists (not both, as an intro does). */
    private List<int[]> sections(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String line = text.substring(start, end).toLowerCase(Locale.ROOT);
            boolean w = whole.stream().anyMatch(line::contains);
            boolean p = part.stream().anyMatch(line::contains);
            if (w != p) {
                out.add(new int[] {start, w ? 1 : 2});
            }
            start = end + 1;
        }
        return out;
    }

    private static int modeAt(List<int[]> sections, int at) {
        int mode = 0;
        for (int[] s : sections) {
            if (s[0] < at) {
                mode = s[1];
            }
        }
        return mode;
    }

    private static Mention firstFrom(List<Mention> mentions, int from, int before) {
        for (Mention x : mentions) {
            if (x.start() >= from && x.start() < before) {
                return x;
            }
        }
        return null;
    }

    private static Integer lastIn(List<Integer> offsets, int from, int before) {
        Integer last = null;
        for (int o : offsets) {
            if (o >= from && o < before) {
                last = o;
            }
        }
        return last;
    }

    private static int nextFrom(List<Integer> offsets, int from, int otherwise) {
        for (int o : offsets) {
            if (o >= from) {
                return o;
            }
        }
        return otherwise;
    }

    /** The first date of {@code text[from, to)} that stands as a cell of its own (ISO), or null. */
    private static String dayIn(String text, int from, int to) {
        Matcher d = DAY.matcher(text).region(from, to);
        d.useTransparentBounds(true).useAnchoringBounds(false);
        while (d.find()) {
            if (ISSUED.matcher(text.substring(Math.max(0, d.start() - 6), d.start())).find()) {
                continue;
            }
            try {
                return java.time.LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)),
                        Integer.parseInt(d.group(1))).toString();
            } catch (java.time.DateTimeException e) {
                // not a calendar day: look on
            }
        }
        return null;
    }
}
