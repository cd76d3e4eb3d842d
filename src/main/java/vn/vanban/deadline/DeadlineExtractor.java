package vn.vanban.deadline;

import vn.vanban.normalize.Folding;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vanban.citation.CitedDocument;
import vn.vanban.citation.Mention;
import vn.vanban.normalize.CharTables;

/**
 * Finds the deadlines a normalized text sets. A time expression ({@link TimeExpressions}) is a deadline when it
 * fills a table cell on its own (a "Thời hạn" column, also a table laid out one cell per line) or follows a cue
 * ("trước ngày", "chậm nhất", "trong tháng", …) in its sentence; never inside a citation ("Quyết định số … ngày …"),
 * nor after "tính đến", "kể từ", "có hiệu lực". Dates without a year take the document's; "năm sau" the next;
 * day-month deadlines in a table recur yearly. Recurring ones carry an RFC 5545 rule and their first occurrence on
 * or after the document's date. Stateless; thread-safe.
 */
@Singleton
public final class DeadlineExtractor {
    private static final java.util.regex.Pattern PARENTHESES = java.util.regex.Pattern.compile("\\s*\\([^)]*\\)\\s*");
    private static final java.util.regex.Pattern TRAILING_PUNCT = java.util.regex.Pattern.compile("[.;,]+$");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static final int CUE_WINDOW = 30;
    private static final String BEFORE = "trước ";
    private static final Pattern CELL_LEAD = Pattern.compile(
            "^(?:(?:trước|chậm nhất|hạn chót|hạn cuối|không quá|không muộn hơn|xong trước|hoàn thành|định kỳ|hạn|cả)\\s+)?"
                    + "(?:(?:là|vào|trong)\\s+)?(?=ngày|tháng|quý|năm|thứ|chủ|6\\s)");
    private static final Map<String, String> WEEKDAYS = Map.of("hai", "MO", "ba", "TU", "tư", "WE", "năm", "TH",
            "sáu", "FR", "bảy", "SA", "nhật", "SU");
    private static final Pattern BARE_MONTH = Pattern.compile("(?iu)tháng\\s+(\\d{1,2})[.;,]?");
    private final PlanGrammar plans = PlanGrammar.load();

    private static final Pattern CELL_NUMBER = Pattern.compile("^(?:\\d+|[IVX]+|[a-zđ])[.)]?$");
    private static final Pattern ROW = Pattern.compile("(?:\\d{1,3}|[IVX]{1,4})\\s+(?=\\p{Lu})");
    private static final Pattern CAPITAL_CELL = Pattern.compile("(?<=\\s)(Trước ngày|Tháng|Quý|Chậm nhất)(?=\\s)");

    private final TimeExpressions table = TimeExpressions.load();

    public TimeExpressions table() {
        return table;
    }

    /** Deadlines in {@code text}, a document dated {@code documentDate} (ISO, maybe partial) citing {@code refs}. */
    public List<Deadline> extract(String text, String documentDate, List<CitedDocument> refs) {
        LocalDate docDate = anchor(documentDate);
        List<int[]> citationSpans = new ArrayList<>();
        for (CitedDocument r : refs) {
            for (Mention m : r.mentions()) {
                citationSpans.add(new int[] {m.start(), m.end()});
            }
        }
        List<Deadline> out = new ArrayList<>();
        List<int[]> rows = new ArrayList<>(); // [start, end) of the table rows deadlines were found in
        java.util.BitSet monthCells = new java.util.BitSet(13); // the months of cells alone on their line ("Tháng 3")
        List<Deadline> monthDeadlines = new ArrayList<>(); // the deadlines those cells gave
        String[] lines = text.split("\n", -1);
        int offset = 0;
        String previousCell = null;
        String previousLine = null;
        String item = null; // the last line that is not an attribute of a plan's item ("- Đơn vị chủ trì: …")
        boolean inTable = false;
        boolean timeColumn = false;
        for (String line : lines) {
            int lineStart = offset;
            offset += line.length() + 1;
            if (line.indexOf('\t') >= 0 || line.startsWith(" \t")) {
                int before = out.size();
                if (!inTable) {
                    // a table's first row is its header: does it name a time column ("Thời gian hoàn thành")?
                    // (a table whose first row is already numbered shows no header: nothing is known of it)
                    String[] header = line.strip().split("\t");
                    timeColumn = header.length > 0 && CELL_NUMBER.matcher(header[0].strip()).matches();
                    for (String h : header) {
                        timeColumn |= h.length() < 80 && plans.column(h) == PlanGrammar.Column.TIME;
                    }
                }
                inTable = true;
                previousCell = tableLine(line, lineStart, docDate, out, previousCell, citationSpans);
                if (!timeColumn) {
                    // a month alone ("Tháng 2") in a table with no time column is a row's label (a calendar of rest
                    // days, a worked example), not its deadline
                    for (int k = out.size() - 1; k >= before; k--) {
                        if (BARE_MONTH.matcher(out.get(k).expression().strip()).matches()) {
                            out.remove(k);
                        }
                    }
                }
                if (out.size() > before) {
                    rows.add(new int[] {lineStart, lineStart + line.length(), before, out.size()});
                }
                continue;
            }
            String stripped = line.strip();
            inTable &= stripped.isEmpty(); // a blank line inside a table does not end it
            String[] attribute = plans.attribute(stripped);
            if (attribute != null && attribute[0].equals("time") && !inside(lineStart, citationSpans)) {
                // "- Thời gian thực hiện: Quý I/2015" under a plan's item: the value is the item's deadline cell
                String value = attribute[1];
                List<Deadline> cell = value.isEmpty() ? List.of()
                        : deadlineCell(value, lineStart + line.lastIndexOf(value), docDate, item);
                if (!cell.isEmpty()) {
                    out.addAll(cell);
                    continue;
                }
            } else if ((attribute == null || attribute[0].equals("content")) && !stripped.isEmpty()) {
                item = stripped;
            }
            if (!stripped.isEmpty()) {
                // a table whose cells lost their tabs (PDF): a line that is only a time expression is a cell, unless
                // it is the date of the document cited just before it ("Số 178/1998/TT-TCCP;⏎ngày 04/6/1998")
                List<Deadline> cell = inside(lineStart, citationSpans) || datesCitation(text, lineStart, citationSpans) ? List.of()
                        : deadlineCell(stripped, lineStart + line.indexOf(stripped.charAt(0)), docDate, previousLine);
                Matcher month = BARE_MONTH.matcher(stripped);
                if (month.matches()) {
                    monthCells.set(Math.min(12, Integer.parseInt(month.group(1))));
                    monthDeadlines.addAll(cell);
                }
                if (!cell.isEmpty()) {
                    out.addAll(cell);
                    continue;
                }
                int before = out.size();
                if (ROW.matcher(stripped).lookingAt() && tableRow(line, lineStart, docDate, out, citationSpans)) {
                    // a PDF row may wrap its guiding document onto the next line
                    int next = text.indexOf('\n', lineStart + line.length() + 1);
                    rows.add(new int[] {lineStart, next < 0 ? text.length() : next, before, out.size()});
                    previousLine = stripped;
                    continue;
                }
                if (!CELL_NUMBER.matcher(stripped).matches()) {
                    previousLine = stripped;
                }
                previousCell = null;
            }
            runningText(line, lineStart, docDate, out, citationSpans);
        }
        for (int[] row : rows) {
            String guide = guideIn(refs, row[0], row[1]);
            for (int k = row[2]; guide != null && k < row[3]; k++) {
                out.set(k, out.get(k).withGuide(guide));
            }
        }
        int forms = formsStart(text);
        if (forms >= 0) {
            out.removeIf(d -> d.start() >= forms);
        }
        if (calendar(monthCells)) {
            out.removeAll(monthDeadlines);
        }
        return distinct(out, text);
    }

    /**
     * Whether the month cells of a table whose cells lost their tabs (PDF), one per line, are the months of the year
     * ("Tháng 1", "Tháng 2", … each a row of working days or rest days): they label rows, they are no time column.
     * Told by eight months or more in a row; a plan's time column names a few months, not the calendar.
     */
    private static boolean calendar(java.util.BitSet months) {
        int longest = 0;
        for (int m = months.nextSetBit(1); m >= 0; m = months.nextSetBit(months.nextClearBit(m))) {
            longest = Math.max(longest, months.nextClearBit(m) - m);
        }
        return longest >= 8;
    }

    /** A form's heading: "Mẫu số 01", "Biểu số 2", "Mẫu I.16" (numbered within an annex). */
    private static final Pattern FORM = Pattern.compile("(?m)^[ \\t]*(?:Mẫu|MẪU|Biểu|BIỂU)(?:\\s+số)?\\s*:?\\s*(?:\\d|[IVX]{1,4}\\.\\d)");

    /**
     * Where the forms annexed to a document begin ("Mẫu số 01" after its "Nơi nhận"): a form's printed fields
     * ("Ngày nhận báo cáo: …", "(Thời hạn thực hiện báo cáo: …)") repeat the rules, they set nothing. -1 for none.
     */
    private static int formsStart(String text) {
        int recipients = text.indexOf("Nơi nhận");
        if (recipients < 0) {
            return -1;
        }
        Matcher m = FORM.matcher(text);
        return m.find(recipients) ? m.start() : -1;
    }

    /**
     * {@code found} without repeats: the same deadline printed again on another line (a report's template repeated in
     * every annex form: "Tháng: ngày 02 tháng sau tháng báo cáo") is one deadline, the first.
     */
    private static List<Deadline> distinct(List<Deadline> found, String text) {
        Map<String, Integer> lineOf = new java.util.HashMap<>();
        List<Deadline> out = new ArrayList<>(found.size());
        for (Deadline d : found) {
            String key = d.due() + "|" + d.rrule() + "|" + SPACES.matcher(String.valueOf(d.what())).replaceAll(" ").strip()
                    .toLowerCase(Locale.ROOT);
            int line = text.lastIndexOf('\n', Math.max(0, Math.min(d.start(), text.length()) - 1));
            Integer first = lineOf.putIfAbsent(key, line);
            // two cells of one row may set the same date (to the minister, then to the government): both count
            if (first == null || first == line) {
                out.add(d);
            }
        }
        return out;
    }

    private static final Pattern MONTHLY_DAY = Pattern.compile("FREQ=MONTHLY;BYMONTHDAY=(\\d{1,2})");

    /**
     * {@code d} read with the words before it: "Định kỳ hằng quý, trước ngày 10 của tháng tiếp theo" is due in the
     * month after each quarter, not every month; "Trước năm 2025" is due in 2024.
     */
    private static Deadline inContext(Deadline d, String lower, int start, LocalDate doc) {
        String before = lower.substring(Math.max(0, start - 120), start);
        int stop = Math.max(before.lastIndexOf(". "), before.lastIndexOf(';'));
        before = stop >= 0 ? before.substring(stop + 1) : before;
        Matcher monthly = d.rrule() == null ? null : MONTHLY_DAY.matcher(d.rrule());
        if (monthly != null && monthly.matches() && (before.contains("hằng quý") || before.contains("hàng quý"))) {
            String rule = "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYMONTHDAY=" + monthly.group(1);
            return new Deadline(firstOccurrence(rule, doc).toString(), rule, d.what(), d.who(), d.start(), d.end(),
                    d.expression(), d.guide());
        }
        return before.stripTrailing().endsWith("trước") ? yearBefore(d) : d;
    }

    /** A year due "before" a year ("Trước năm 2025") is due the year before; any other deadline is {@code d}. */
    private static Deadline yearBefore(Deadline d) {
        return d.due().length() != 4 || d.rrule() != null ? d : new Deadline(Integer.toString(Integer.parseInt(d.due()) - 1),
                null, d.what(), d.who(), d.start(), d.end(), d.expression(), d.guide());
    }

    /** The key of the first document cited within [from, to), or null. */
    private static String guideIn(List<CitedDocument> refs, int from, int to) {
        String best = null;
        int bestStart = Integer.MAX_VALUE;
        for (CitedDocument r : refs) {
            for (Mention m : r.mentions()) {
                if (m.start() >= from && m.start() < to && m.start() < bestStart) {
                    best = r.key();
                    bestStart = m.start();
                }
            }
        }
        return best;
    }

    /** A table row: a cell that is only a time expression is a deadline for the row's name cell. */
    private String tableLine(String line, int lineStart, LocalDate docDate, List<Deadline> out, String previousCell,
                             List<int[]> citations) {
        String[] cells = line.split("\t", -1);
        int pos = lineStart;
        String lastText = previousCell;
        List<String> texts = new ArrayList<>();
        for (String cell : cells) {
            String c = cell.strip();
            int cellStart = pos + cell.indexOf(c.isEmpty() ? "" : c.substring(0, 1));
            pos += cell.length() + 1;
            if (c.isEmpty()) {
                continue;
            }
            List<Deadline> found = deadlineCell(c, cellStart, docDate, lastText);
            if (!found.isEmpty() && !inside(cellStart, citations)) {
                out.addAll(found);
                continue;
            }
            if (!CELL_NUMBER.matcher(c).matches()) {
                texts.add(c);
                if (lastText == null || texts.size() == 1) {
                    lastText = c;
                }
            }
        }
        // a table laid out one cell per line: the name is the previous non-number cell
        return texts.isEmpty() ? previousCell : texts.get(texts.size() - 1);
    }

    private List<Deadline> deadlineCell(String cell, int cellStart, LocalDate docDate, String what) {
        if (cell.length() > 120 || !(hasDigit(cell) || cell.contains("tuần"))) {
            return List.of(); // prefilter: a deadline cell is short and names a number (or a weekday)
        }
        String probe = vn.vanban.normalize.Folding.lower(cell);
        if (nextAnchor(probe, 0) < 0) {
            return List.of(); // prefilter: a deadline cell is short and names a day, month, quarter or year
        }
        String c = TRAILING_PUNCT.matcher(PARENTHESES.matcher(cell).replaceAll(" ")).replaceAll("").strip();
        String lower = c.toLowerCase(Locale.ROOT);
        // the words a deadline cell starts with, up to where the time expression itself begins
        String rest = CELL_LEAD.matcher(lower).replaceFirst("");
        for (TimeExpressions.Entry e : table.expressions()) {
            if (!e.canStartAt(rest, 0)) {
                continue;
            }
            Matcher m = e.pattern().matcher(rest);
            // a bare "Năm 2021" is a heading; "Trong năm 2021" in a deadline column is a deadline
            // a bare "Tháng 5" beside a count ("04 ngày nghỉ hằng tuần") is a row of a table of quantities, not a time cell
            if (m.lookingAt() && rest.substring(m.end()).isBlank() && !(e.kind().equals("year") && rest.equals(lower))
                    && !(e.kind().equals("doc-month") && rest.equals(lower) && what != null && !what.isEmpty()
                            && Character.isDigit(what.charAt(0)))) {
                List<Deadline> found = resolve(e, m, docDate, true, what == null ? cell : what, cellStart,
                        cellStart + cell.length(), cell);
                // "Trước năm 2025" in a time cell is due in 2024, as in running text
                String lead = lower.substring(0, lower.length() - rest.length()).strip();
                return !lead.endsWith("trước") ? found : found.stream().map(DeadlineExtractor::yearBefore).toList();
            }
        }
        return List.of();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The words a time expression starts with ("trước" for a day written without "ngày": "trước 15 tháng 12 …"). */
    private static final String[] ANCHORS = {"ngày", "tháng", "quý", "năm", "thứ", "chủ", "6 tháng", "trước"};

    /**
     * The next position at or after {@code from} where a word that starts a time expression begins, or -1.
     * {@code next} holds each anchor's position found by an earlier call on the same line (-1: none left; calls come
     * with {@code from} increasing), so that the line is scanned once per anchor, not once per call.
     */
    private static int nextAnchor(String lower, int from, int[] next) {
        int best = -1;
        for (int a = 0; a < ANCHORS.length; a++) {
            int k = next[a];
            if (k >= 0 && k < from || k == UNKNOWN) {
                k = lower.indexOf(ANCHORS[a], from);
                while (k > 0 && CharTables.isLetter(lower.charAt(k - 1))) {
                    k = lower.indexOf(ANCHORS[a], k + 1);
                }
                next[a] = k;
            }
            if (k >= 0 && (best < 0 || k < best)) {
                best = k;
            }
        }
        return best;
    }

    private static final int UNKNOWN = -2;

    private static int nextAnchor(String lower, int from) {
        int[] next = new int[ANCHORS.length];
        java.util.Arrays.fill(next, UNKNOWN);
        return nextAnchor(lower, from, next);
    }

    /** A numbered row whose cells lost their tabs: "1 Báo cáo … Trước ngày 15/01 Thông tư số …". */
    private boolean tableRow(String line, int lineStart, LocalDate docDate, List<Deadline> out, List<int[]> citations) {
        Matcher cell = CAPITAL_CELL.matcher(line);
        while (cell.find()) {
            int at = cell.start(1);
            if (inside(lineStart + at, citations)) {
                continue;
            }
            String rest = line.substring(at);
            String lower = rest.toLowerCase(Locale.ROOT);
            String body = lower.startsWith(BEFORE) ? lower.substring(BEFORE.length()) : lower;
            int shift = rest.length() - body.length();
            for (TimeExpressions.Entry e : table.expressions()) {
                if (!e.canStartAt(body, 0)) {
                    continue;
                }
                Matcher m = e.pattern().matcher(body);
                if (m.lookingAt()) {
                    Matcher row = ROW.matcher(line.strip());
                    String what = row.lookingAt() ? line.strip().substring(row.end()) : line.strip();
                    int cut = what.indexOf(cell.group(1));
                    what = (cut > 0 ? what.substring(0, cut) : what).strip();
                    out.addAll(resolve(e, m, docDate, true, what, lineStart + at, lineStart + at + shift + m.end(),
                            rest.substring(0, shift + m.end())));
                    return true;
                }
            }
        }
        return false;
    }

    /** Running text: an expression after a cue in its sentence. */
    private void runningText(String line, int lineStart, LocalDate docDate, List<Deadline> out, List<int[]> citations) {
        if (!hasDigit(line) && !line.contains("tuần")) {
            return; // every time expression has a number, but for "thứ Sáu hàng tuần"
        }
        String lower = vn.vanban.normalize.Folding.lower(line);
        Matcher[] matchers = null;
        int[] anchors = new int[ANCHORS.length];
        java.util.Arrays.fill(anchors, UNKNOWN);
        int i = 0;
        int lastEnd = -1;
        while (i < line.length()) {
            // anchored: time expressions start with one of a few words; try the expressions there, most specific first
            int at = nextAnchor(lower, i, anchors);
            if (at < 0) {
                return;
            }
            Matcher hit = null;
            TimeExpressions.Entry which = null;
            if (matchers == null) {
                matchers = new Matcher[table.expressions().size()];
            }
            for (int k = 0; k < matchers.length; k++) {
                TimeExpressions.Entry e = table.expressions().get(k);
                if (!e.canStartAt(lower, at)) {
                    continue;
                }
                if (matchers[k] == null) {
                    matchers[k] = e.pattern().matcher(lower); // one per expression and line, reused at each anchor
                }
                Matcher m = matchers[k].region(at, lower.length());
                if (m.lookingAt()) {
                    hit = m;
                    which = e;
                    break;
                }
            }
            if (hit == null) {
                i = at + 1;
                continue;
            }
            int start = hit.start();
            int end = hit.end();
            i = end;
            boolean recurring = which.kind().equals("rrule") || which.kind().equals("weekly");
            if (inside(lineStart + start, citations) || !(recurring || cued(lower, start) || planned(lower, start))
                    || notDeadline(lower, start) || pastEvent(lower, end) || explains(line, lastEnd, start)
                    || cutOver(lower, start, end)) {
                continue;
            }
            lastEnd = end;
            String sentence = sentence(line, start, end);
            for (Deadline found : resolve(which, hit, docDate, false, sentence, lineStart + start, lineStart + end, line.substring(start, end))) {
                Deadline d = inContext(found, lower, start, docDate);
                // a dated deadline after the document's date; an earlier date is a reference point, not a deadline
                String docAtPrecision = docDate.toString().substring(0, d.due().length());
                if (d.due().compareTo(docAtPrecision) >= 0) {
                    out.add(d);
                }
            }
        }
    }

    private boolean cued(String lower, int start) {
        String before = lower.substring(Math.max(0, start - CUE_WINDOW), start);
        int stop = Math.max(before.lastIndexOf(". "), before.lastIndexOf(';'));
        if (stop >= 0) {
            before = before.substring(stop + 1);
        }
        for (String cue : table.cues()) {
            String c = cue.toLowerCase(Locale.ROOT);
            // the cue may end where the expression begins ("trong tháng" + "tháng 02/2019" share "tháng")
            if (before.contains(c) || (before + lowerHead(lower, start)).contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** "Trước ngày 25 tháng chẵn (tháng 2, 4, 6 …)": a parenthesis right after a deadline explains it. */
    private static boolean explains(String line, int lastEnd, int start) {
        if (lastEnd < 0 || lastEnd > start) {
            return false;
        }
        String between = line.substring(lastEnd, start);
        return between.contains("(") && !between.contains(")");
    }

    /**
     * A date the same sentence also gives as a start ("khám bệnh … trước ngày 01 tháng 7 năm 2025 và kết thúc … từ ngày 01
     * tháng 7 năm 2025"): the cut-over of a transitional provision, not a deadline.
     */
    private static boolean cutOver(String lower, int start, int end) {
        String date = lower.substring(start, end);
        if (!date.startsWith("ngày")) {
            return false;
        }
        int from = Math.max(Math.max(lower.lastIndexOf(". ", start), lower.lastIndexOf(';', start)), 0);
        int to = lower.indexOf(". ", end);
        String sentence = lower.substring(from, to < 0 ? lower.length() : to);
        return sentence.contains("từ " + date);
    }

    /** "… sẽ … trong năm 2015": a planned period in a sentence that announces the future. */
    private boolean planned(String lower, int start) {
        String before = lower.substring(0, start);
        if (!before.endsWith("trong ")) {
            return false;
        }
        int s = Math.max(before.lastIndexOf(". "), before.lastIndexOf(';'));
        String sentence = before.substring(s + 1);
        for (String cue : table.sentenceCues()) {
            if (sentence.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /** "Trong Quý I/2023, Sở đã tiếp nhận …": the period of something done, not a deadline. */
    private boolean pastEvent(String lower, int end) {
        String after = lower.substring(end, Math.min(lower.length(), end + 40));
        // "trong tháng 5 và thời gian tới": open-ended, no deadline
        String next = SPACES.matcher(after).replaceAll(" ").stripLeading();
        if (table.afterNotDeadlines().stream().anyMatch(next::startsWith)) {
            return true;
        }
        // "… mà trước ngày 01/01/2025 đã được xác định": what was done by then, not a duty
        return after.startsWith(",") && after.contains(" đã ") || after.stripLeading().startsWith("đã ");
    }

    private static String lowerHead(String lower, int start) {
        return lower.substring(start, Math.min(lower.length(), start + 6));
    }

    private boolean notDeadline(String lower, int start) {
        String before = lower.substring(Math.max(0, start - 25), start);
        String around = before + lowerHead(lower, start); // "từ ngày" straddles the expression's start
        for (String n : table.notDeadlines()) {
            if (around.contains(n)) {
                return true;
            }
        }
        String sentence = lower.substring(Math.max(0, start - 240), start);
        int stop = Math.max(sentence.lastIndexOf(". "), sentence.lastIndexOf(';'));
        sentence = stop >= 0 ? sentence.substring(stop + 1) : sentence;
        for (String n : table.sentenceNotDeadlines()) {
            if (sentence.contains(n)) {
                return true;
            }
        }
        int comma = Math.max(sentence.lastIndexOf(','), sentence.lastIndexOf(':'));
        String clause = " " + (comma >= 0 ? sentence.substring(comma + 1) : sentence) + " ";
        // "… đã đóng bảo hiểm xã hội trước ngày 01/7/2025": what was done before a date is a reference point
        boolean reference = clause.stripTrailing().endsWith("trước") || clause.stripTrailing().endsWith("trước ngày");
        if (reference && (stateBefore(clause) || stateBefore(condition(sentence)))) {
            return true;
        }
        // "Đến tháng 6/2015, Sở đã …": a past state, not a deadline
        return before.strip().endsWith("đến") || before.strip().isEmpty() && lower.startsWith("đến");
    }

    /** Whether {@code clause} holds a state marker ("đã", "chưa", "đang" …) with no duty word after it. */
    private boolean stateBefore(String clause) {
        for (String n : table.clauseNotDeadlines()) {
            int at = clause.lastIndexOf(" " + n + " ");
            if (at >= 0 && table.clauseDutyWords().stream().noneMatch(w -> clause.indexOf(" " + w + " ", at) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /** The condition {@code sentence} is in, from its "Trường hợp"/"Nếu" on, when no "thì" has closed it; else "". */
    private String condition(String sentence) {
        int open = -1;
        for (String c : table.conditionOpens()) {
            int at = sentence.lastIndexOf(c + " ");
            open = Math.max(open, at > 0 && !Character.isLetter(sentence.charAt(at - 1)) || at == 0 ? at : -1);
        }
        if (open < 0) {
            return "";
        }
        String c = " " + sentence.substring(open) + " ";
        return c.contains(" thì ") ? "" : c;
    }

    private List<Deadline> resolve(TimeExpressions.Entry e, Matcher m, LocalDate doc, boolean inTable, String what,
                                   int start, int end, String expression) {
        String w = what.length() > 500 ? what.substring(0, 500) : what;
        int year = doc.getYear();
        java.util.function.BiFunction<String, String, List<Deadline>> at =
                (due, rule) -> List.of(new Deadline(due, rule, w, null, start, end, expression, null));
        try {
            switch (e.kind()) {
                case "rrule": {
                    String rule = e.rrule().replace("{d}", Integer.toString(Integer.parseInt(m.group("d"))));
                    if (rule.contains("{m}")) {
                        rule = rule.replace("{m}", Integer.toString(Integer.parseInt(m.group("m"))));
                    }
                    return at.apply(firstOccurrence(rule, doc).toString(), rule);
                }
                case "weekly": {
                    String word = SPACES.matcher(m.group("wd").toLowerCase(Locale.ROOT)).replaceAll(" ");
                    String day = WEEKDAYS.get(word.substring(word.lastIndexOf(' ') + 1));
                    String rule = "FREQ=WEEKLY;BYDAY=" + day;
                    LocalDate first = doc;
                    while (!first.getDayOfWeek().name().startsWith(dayName(day))) {
                        first = first.plusDays(1);
                    }
                    return at.apply(first.toString(), rule);
                }
                case "date":
                    return at.apply(LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                            Integer.parseInt(m.group("d"))).toString(), null);
                case "pair": {
                    List<Deadline> two = new ArrayList<>();
                    two.addAll(dayMonth(Integer.parseInt(m.group("d")), Integer.parseInt(m.group("m")), doc, true, w, start, end, expression));
                    two.addAll(dayMonth(Integer.parseInt(m.group("d2")), Integer.parseInt(m.group("m2")), doc, true, w, start, end, expression));
                    return two;
                }
                case "next-year":
                    return at.apply(LocalDate.of(year + 1, Integer.parseInt(m.group("m")),
                            Integer.parseInt(m.group("d"))).toString(), null);
                case "day-month":
                    return dayMonth(Integer.parseInt(m.group("d")), Integer.parseInt(m.group("m")), doc, inTable, w, start, end, expression);
                case "month":
                    return at.apply(java.time.YearMonth.of(Integer.parseInt(m.group("y")), month(m.group("m"))).toString(), null);
                case "quarter":
                    return at.apply(java.time.YearMonth.of(Integer.parseInt(m.group("y")), 3 * quarter(m.group("q"))).toString(), null);
                case "half":
                    return at.apply(m.group("y") + (m.group("h").equalsIgnoreCase("đầu") ? "-06" : "-12"), null);
                case "year":
                    return at.apply(m.group("y"), null);
                case "doc-month":
                    return at.apply(java.time.YearMonth.of(year, month(m.group("m"))).toString(), null);
                default:
                    throw new IllegalStateException("unknown time expression kind [" + e.kind() + "] in " + e.name());
            }
        } catch (java.time.DateTimeException | IllegalArgumentException ex) {
            return List.of(); // "ngày 31/02": not a date
        }
    }

    private List<Deadline> dayMonth(int d, int m, LocalDate doc, boolean recurring, String what, int start, int end, String expr) {
        if (recurring) {
            String rule = "FREQ=YEARLY;BYMONTH=" + m + ";BYMONTHDAY=" + d;
            return List.of(new Deadline(firstOccurrence(rule, doc).toString(), rule, what, null, start, end, expr, null));
        }
        return List.of(new Deadline(LocalDate.of(doc.getYear(), m, d).toString(), null, what, null, start, end, expr, null));
    }

    /** The first date on or after {@code from} that {@code rule} (MONTHLY/YEARLY with BYMONTH, BYMONTHDAY) gives. */
    static LocalDate firstOccurrence(String rule, LocalDate from) {
        int day = Integer.parseInt(part(rule, "BYMONTHDAY"));
        String months = part(rule, "BYMONTH");
        for (int k = 0; k < 24 * 31; k++) {
            LocalDate month = from.withDayOfMonth(1).plusMonths(k);
            if (months != null && !("," + months + ",").contains("," + month.getMonthValue() + ",")) {
                continue;
            }
            if (day > month.lengthOfMonth()) {
                continue;
            }
            LocalDate candidate = month.withDayOfMonth(day);
            if (!candidate.isBefore(from)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no occurrence for " + rule);
    }

    private static String part(String rule, String name) {
        for (String p : rule.split(";")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String dayName(String byday) {
        return switch (byday) {
            case "MO" -> "MONDAY"; case "TU" -> "TUESDAY"; case "WE" -> "WEDNESDAY"; case "TH" -> "THURSDAY";
            case "FR" -> "FRIDAY"; case "SA" -> "SATURDAY"; default -> "SUNDAY";
        };
    }

    private static int month(String m) {
        int v = Integer.parseInt(m);
        if (v < 1 || v > 12) {
            throw new IllegalArgumentException("month " + m);
        }
        return v;
    }

    private static int quarter(String q) {
        return switch (q.toUpperCase(Locale.ROOT)) {
            case "I", "1" -> 1; case "II", "2" -> 2; case "III", "3" -> 3; case "IV", "4" -> 4;
            default -> throw new IllegalArgumentException("quarter " + q);
        };
    }

    /** The document's date as a day: a partial date ("2023-07", "2023") is its first day. */
    static LocalDate anchor(String documentDate) {
        if (documentDate == null || documentDate.isBlank()) {
            return LocalDate.now();
        }
        String[] p = documentDate.split("-");
        return LocalDate.of(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 1, p.length > 2 ? Integer.parseInt(p[2]) : 1);
    }

    /** Whether a cited document's number ends just before {@code pos}, with nothing but punctuation between. */
    private static boolean datesCitation(String text, int pos, List<int[]> spans) {
        for (int[] s : spans) {
            if (s[1] <= pos && pos - s[1] <= 8 && text.substring(s[1], pos).chars().noneMatch(Character::isLetterOrDigit)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(int pos, List<int[]> spans) {
        for (int[] s : spans) {
            if (pos >= s[0] && pos < s[1]) {
                return true;
            }
        }
        return false;
    }

    private static String sentence(String line, int start, int end) {
        int s = Math.max(line.lastIndexOf(". ", start) + 1, line.lastIndexOf(';', start) + 1);
        int e = line.indexOf(". ", end);
        return line.substring(Math.max(0, s), e < 0 ? line.length() : e + 1).strip();
    }
}
