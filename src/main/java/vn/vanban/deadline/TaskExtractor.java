package vn.vanban.deadline;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vanban.normalize.Folding;

/**
 * Finds the tasks a document assigns: the items under a heading that names "nhiệm vụ" (not the results of past
 * tasks, nor the solutions for them), and in a document whose subject is about tasks, the items of each section
 * addressed to a unit. Each task takes the period of its heading (or the document's subject), the unit of its
 * section and the field (lĩnh vực) of its sub-heading. Stateless; thread-safe.
 */
@Singleton
public final class TaskExtractor {
    private static final java.util.regex.Pattern TRAILING_COLON = java.util.regex.Pattern.compile("[.:]+$");
    private static final java.util.regex.Pattern TRAILING_PUNCT = java.util.regex.Pattern.compile("[.:;]+$");
    private static final java.util.regex.Pattern FIELD_LEAD = java.util.regex.Pattern.compile("^(?i)(?:lĩnh vực|về lĩnh vực|về|công tác)\\s+");

    private static final Pattern ROMAN = Pattern.compile("^[IVX]{1,4}\\.\\s+");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,2}\\.\\s+");
    private static final Pattern SUB_NUMBERED = Pattern.compile("^\\d{1,2}\\.\\d{1,2}\\.?\\s+");
    private static final Pattern LETTERED = Pattern.compile("^[a-zđ]\\)\\s+");
    /** A part of a legal text: "Chương VI", "Phần III", "Mục 2", "Điều 23." — a heading of the first level. */
    static final Pattern PART = Pattern.compile("(?:Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC)\\s+(?:[IVXLC]+|\\d{1,2})\\b[.:]?\\s*|Điều\\s+\\d{1,3}[a-z]?\\.\\s*");
    /** An article of a legal text ("Điều 39."). */
    static final Pattern ARTICLE = Pattern.compile("Điều\\s+\\d{1,3}[a-z]?\\.");
    private static final Pattern CHAPTER = Pattern.compile("(?:Chương|CHƯƠNG|Phần|PHẦN)\\s+(?:[IVXLC]+|\\d{1,2})\\b");
    private static final Pattern LONE_MARKER = Pattern.compile("(?:[IVX]{1,4}|\\d{1,2}(?:\\.\\d{1,2})*)\\.|[a-zđ]\\)");
    /** A bullet; not the end of a range that a copy wrapped at its dash ("giai đoạn 2022" / "- 2025, tầm nhìn …"). */
    private static final Pattern BULLET = Pattern.compile("^[-–•]\\s*(?!\\d{4}[,)])");
    private static final Pattern SUB_BULLET = Pattern.compile("^\\+\\s*");
    private static final Pattern QUARTER = Pattern.compile("quý\\s+(IV|I{1,3}|[1-4])\\s*(?:/|năm)\\s*(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HALF = Pattern.compile("6\\s+tháng\\s+(đầu|cuối)\\s+năm\\s+(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern YEAR = Pattern.compile("năm\\s+(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> STATUSES = List.of("Đang thực hiện", "Chưa thực hiện", "Hoàn thành", "Đã hoàn thành",
            "Đã thực hiện");

    private final PlanGrammar grammar = PlanGrammar.load();

    /** One line with its structural role. */
    private record Line(String text, int start, int level, boolean bullet, boolean subBullet, boolean blankBefore,
            boolean glued) {
        boolean heading() {
            return level > 0;
        }
    }

    /** Tasks in {@code text}, whose subject is {@code subject} and date {@code documentDate}. */
    public List<Task> extract(String text, String subject, String documentDate) {
        List<Line> lines = lines(text);
        byte[] items = new byte[lines.size()]; // per line: 0 not yet known, 1 a bullet item, 2 not
        String docPeriod = period(subject == null ? "" : subject);
        if (docPeriod == null && documentDate != null && documentDate.length() >= 4) {
            docPeriod = documentDate.substring(0, 4);
        }
        // a document about tasks ("Nhiệm vụ trọng tâm … năm 2019"), not a report on results that also lists tasks
        String foldedSubject = subject == null ? "" : Folding.fold(subject);
        boolean taskDocument = foldedSubject.contains("nhiem vu") && !foldedSubject.contains("ket qua")
                && !foldedSubject.contains("danh gia");
        List<Task> out = new ArrayList<>();
        int sectionLevel = 0;
        String sectionPeriod = null;
        String assignee = null;
        String field = null;
        boolean inTasks = false;
        boolean inGoals = false;
        boolean subItem = false;
        boolean explicit = false; // under a heading that names "nhiệm vụ" (not only a unit's section)
        int lastItemLine = -2;
        boolean attributesOf = false; // the attribute lines that follow belong to the last task
        int headingLevel = 0; // the level of the last numbered heading (1–4): a lead-in's section ends at the next such
        boolean chapterTasks = false; // the section was opened by a chapter ("Chương VI TỔ CHỨC THỰC HIỆN")
        int group = 0; // the first task an item's "Đơn vị chủ trì" line names the lead of (the items under "Nhiệm vụ:")
        boolean afterAttributes = false;
        boolean lastItemPlain = false; // the last task is a paragraph without bullet or numbering
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            // a numbered line under a task heading that reads as a sentence is an item, not a heading
            // — unless lower items follow it ("2.3. Chủ động ứng phó …" over "a) …", "b) …"), or a flattened copy ran
            // its first sentence into it: then it heads them
            boolean numberedItem = l.heading() && inTasks && l.level > sectionLevel && l.level < 5 && !l.glued()
                    && isSentence(l.text()) && !(l.level <= 3 && grammar.opensTaskHeading(l.text()))
                    && !grammar.isGoalHeading(l.text()) && !headsLowerItems(lines, i);
            if (grammar.opensAnnex(l.text())) {
                inTasks = false; // an annex: its tables are read as tables, its lines are not the body's tasks
                assignee = null;
                field = null;
                lastItemLine = -2;
                continue;
            }
            String[] attribute = grammar.attribute(l.text());
            // "b) Cơ quan thực hiện:", "c) Thời gian thực hiện: …" are lettered like headings but are the item's attributes
            boolean attributeLine = attribute != null && !(attribute[0].equals("content") && strip(attribute[1]).length() < 8);
            // a sentence that opens requests ("Ủy ban nhân dân tỉnh yêu cầu:") or gives a unit its duties ("Giám đốc
            // Sở … có trách nhiệm:"): the numbered items, unit sections and bullets below are tasks (of that unit)
            boolean leadIn = l.level == 0 || l.level == 5;
            String dutiesOf = leadIn ? grammar.unitWithDuties(l.text()) : null;
            if (dutiesOf != null || leadIn && grammar.opensRequests(l.text())) {
                inTasks = true;
                explicit = true;
                inGoals = false;
                subItem = false;
                sectionLevel = headingLevel;
                sectionPeriod = sectionPeriod == null ? docPeriod : sectionPeriod;
                assignee = dutiesOf;
                field = null;
                group = out.size();
                continue;
            }
            if (l.heading() && !numberedItem && !attributeLine) {
                if (l.level < 5) {
                    headingLevel = l.level;
                }
                group = out.size();
                afterAttributes = false;
                String folded = Folding.fold(l.text());
                subItem = false;
                inGoals = false;
                if (folded.startsWith("noi nhan")) {
                    inTasks = false;
                    assignee = null;
                    continue;
                }
                // a unit's section: "1. Sở Nội vụ", "2. Các đơn vị thuộc Bộ:"; a lettered line only with its colon
                String unitName = l.level == 2 || l.level == 3 || l.level == 4 && l.text().contains(":")
                        ? grammar.unitAt(l.text()) : null;
                boolean unit = unitName != null;
                // under a heading that introduces tasks, a lower heading is a unit's section or a field, not the end
                boolean within = inTasks && explicit && l.level > sectionLevel && l.level < 5
                        // an article of a chapter that sets tasks: "Chương VI TỔ CHỨC THỰC HIỆN" / "Điều 39. Tổ chức …"
                        || inTasks && chapterTasks && ARTICLE.matcher(l.text()).lookingAt();
                if (l.level == 1 && CHAPTER.matcher(l.text()).lookingAt()) {
                    chapterTasks = grammar.isTaskHeading(l.text(), true);
                }
                if (!unit && grammar.isTaskHeading(l.text(), l.level < 5)) {
                    // "a) Nhiệm vụ:" inside a task section heads the items of one entry, it opens no section
                    if (!inTasks || l.level <= sectionLevel || l.level < 4) {
                        sectionLevel = l.level;
                    }
                    inTasks = true;
                    explicit = true;
                    String p = period(l.text());
                    sectionPeriod = p != null ? p : sectionPeriod != null && l.level == 5 ? sectionPeriod : docPeriod;
                    if (l.level <= 2) {
                        field = null;
                        if (!unit && l.level == 1) {
                            assignee = null;
                        }
                    }
                } else if (unit) {
                    assignee = unitName;
                    field = null;
                    if (within) {
                        sectionPeriod = sectionPeriod == null ? docPeriod : sectionPeriod;
                    } else {
                        inTasks = taskDocument;
                        explicit = false;
                        sectionLevel = l.level;
                        sectionPeriod = docPeriod;
                    }
                    // "1. Sở Nội vụ: chủ trì, hướng dẫn …", "1. Sở Y tế theo dõi, đôn đốc …": the whole item, its unit
                    // included, is the unit's task; "1. Sở Nội vụ" alone heads the unit's items
                    String action = grammar.runsOn(l.text()) ? strip(l.text()) : PlanGrammar.afterUnit(l.text());
                    if (inTasks && action.length() >= 8 && !l.text().endsWith(":")) {
                        out.add(new Task(strip(l.text()), sectionPeriod, assignee, field, null, status(lines, i), l.start(),
                                l.start() + l.text().length()));
                        lastItemLine = i;
                        lastItemPlain = false;
                    }
                } else if (grammar.isGoalHeading(l.text())) {
                    inGoals = true; // "1. Mục tiêu chung", "2. Yêu cầu": not tasks
                } else if (within) {
                    field = fieldOf(l.text()); // "1. Công tác xây dựng pháp luật" under "II. NỘI DUNG THỰC HIỆN"
                } else if (l.level <= 2) {
                    inTasks = false; // "3. Khó khăn, tồn tại": not a list of tasks
                    assignee = l.level == 1 ? null : assignee;
                    field = null;
                } else if (l.level == 3 || l.level == 4) {
                    field = fieldOf(l.text());
                } else if (folded.startsWith("muc tieu")) {
                    inGoals = true;
                }
                continue;
            }
            if (!inTasks || inGoals) {
                continue;
            }
            if (attribute != null && attribute[0].equals("content")) {
                // "a) Nhiệm vụ: Tham mưu …" is the item itself; "a) Nhiệm vụ:" alone heads the items below
                String value = strip(attribute[1]);
                group = out.size();
                afterAttributes = false;
                if (value.length() >= 8 && !grammar.notTask(value)) {
                    out.add(new Task(value, sectionPeriod, assignee, field, null, status(lines, i), l.start(),
                            l.start() + l.text().length()));
                    lastItemLine = i;
                    lastItemPlain = false;
                    attributesOf = true;
                }
                continue;
            }
            if (attribute != null) {
                // "- Đơn vị chủ trì: …" names who leads the item above, "- Thời gian thực hiện: …" its deadline (the
                // item spans its attribute lines); no attribute line is a task. A lead leads every item since the last
                // heading, "Nhiệm vụ:" or attribute block ("a) Nhiệm vụ: - …; - …; b) … - Đơn vị chủ trì: Sở Y tế")
                if (attributesOf && !out.isEmpty()) {
                    Task last = out.get(out.size() - 1);
                    out.set(out.size() - 1, new Task(last.text(), last.period(), last.assignee(), last.field(), last.due(),
                            last.status(), last.start(), l.start() + l.text().length()));
                    if (attribute[0].equals("lead") && !attribute[1].isBlank()) {
                        String lead = TRAILING_PUNCT.matcher(attribute[1]).replaceAll("").strip();
                        for (int k = Math.min(group, out.size() - 1); k < out.size(); k++) {
                            Task t = out.get(k);
                            out.set(k, new Task(t.text(), t.period(), lead, t.field(), t.due(), t.status(), t.start(), t.end()));
                        }
                    }
                }
                afterAttributes = true;
                lastItemLine = -2;
                continue;
            }
            attributesOf = false;
            // a line that layout wrapped (PDF): it follows the item directly, with no blank line and no bullet
            // — but where paragraphs are the items (no bullets, no numbering), one that starts a sentence after one
            // that ended is the next item ("… tài nguyên nước." / "Thực hiện Đề án tổng kiểm kê …")
            if (!l.bullet() && !l.subBullet() && !numberedItem && !l.blankBefore() && lastItemLine == i - 1
                    && !out.isEmpty() && !(lastItemPlain && startsSentence(l.text(), out.get(out.size() - 1).text()))) {
                Task last = out.remove(out.size() - 1);
                out.add(new Task(last.text() + " " + l.text(), last.period(), last.assignee(), last.field(), last.due(),
                        last.status(), last.start(), l.start() + l.text().length()));
                lastItemLine = i;
                continue;
            }
            if (l.subBullet()) {
                subItem = true;
                continue;
            }
            if (l.bullet()) {
                subItem = false;
            } else if (subItem || !explicit && !numberedItem || blockHasBullets(lines, i, items)) {
                continue; // the body of a "+ …" sub-point, or prose between bullets
            }
            String item = strip(l.text());
            if (item.length() < 8 || item.endsWith(":") || grammar.notTask(item)) {
                continue;
            }
            if (afterAttributes) {
                group = out.size(); // a new item after the attribute lines of the one before
                afterAttributes = false;
            }
            out.add(new Task(item, sectionPeriod, assignee, field, null, status(lines, i), l.start(), l.start() + l.text().length()));
            lastItemLine = i;
            lastItemPlain = !l.bullet() && !l.heading();
            attributesOf = true;
        }
        List<Task> rows = tableTasks(text, docPeriod);
        if (!rows.isEmpty()) {
            out.addAll(rows);
            out.sort(java.util.Comparator.comparingInt(Task::start));
        }
        return out;
    }

    private static final Pattern ROW_NUMBER = Pattern.compile("^(?:\\d{1,3}(?:\\.\\d{1,2})*\\.?|[IVX]{1,4}\\.?|[a-zđ]\\))$");
    private static final Pattern ROMAN_CELL = Pattern.compile("^[IVX]{1,4}\\.?$");

    /**
     * The rows of a plan's task tables (Nội dung | Cơ quan chủ trì | Phối hợp | Thời gian): each row a task with the
     * lead unit as assignee, spanning its row so that the deadline of its time cell is its due date; a row numbered
     * in Roman numerals ("I | Nhóm nhiệm vụ về …") names the field of the rows below it. Rows are the lines with tabs
     * (Word, HTML and markdown tables alike).
     */
    private List<Task> tableTasks(String text, String period) {
        List<Task> out = new ArrayList<>();
        if (text.indexOf('\t') < 0) {
            return out;
        }
        List<String[]> table = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            int start = offset;
            offset += line.length() + 1;
            if (line.indexOf('\t') >= 0) {
                String[] cells = line.split("\t", -1);
                for (int k = 0; k < cells.length; k++) {
                    cells[k] = cells[k].replace("*", "").strip();
                }
                table.add(cells);
                spans.add(new int[] {start, start + line.length()});
            } else if (!line.isBlank() && !table.isEmpty()) {
                readTable(table, spans, period, out);
                table.clear();
                spans.clear();
            }
        }
        readTable(table, spans, period, out);
        return out;
    }

    private void readTable(List<String[]> rows, List<int[]> spans, String period, List<Task> out) {
        // the header: the rows before the first numbered row, at most three
        int headerRows = 0;
        while (headerRows < Math.min(3, rows.size()) && !ROW_NUMBER.matcher(firstCell(rows.get(headerRows))).matches()) {
            headerRows++;
        }
        if (headerRows == 0 || headerRows == rows.size()) {
            return;
        }
        List<PlanGrammar.Column> kinds = grammar.header(rows.subList(0, headerRows));
        int content = kinds.indexOf(PlanGrammar.Column.CONTENT);
        boolean lead = kinds.contains(PlanGrammar.Column.LEAD);
        if (content < 0 || !lead && !kinds.contains(PlanGrammar.Column.TIME)) {
            return;
        }
        String field = null;
        for (int r = headerRows; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            String text = content < cells.length ? cells[content] : "";
            if (ROMAN_CELL.matcher(firstCell(cells)).matches()) {
                String group = longest(cells);
                field = group.isEmpty() ? field : fieldOf(group);
                continue;
            }
            if (text.length() < 8 || headsSubRows(rows, r, content)) {
                continue;
            }
            String assignee = null;
            for (int k = 0; k < cells.length && k < kinds.size(); k++) {
                if (kinds.get(k) == PlanGrammar.Column.LEAD && !cells[k].isEmpty()) {
                    assignee = TRAILING_PUNCT.matcher(cells[k].replaceAll("^[-+•]\\s*", "").replaceAll("\\s*;?\\s*-\\s+", "; "))
                            .replaceAll("").strip();
                    break;
                }
            }
            out.add(new Task(text, period, assignee, field, null, null, spans.get(r)[0], spans.get(r)[1]));
        }
    }

    /** Whether row {@code r} only heads the rows numbered under it ("2 | Tỷ lệ …" over "2.1. | …", its other cells empty). */
    private static boolean headsSubRows(List<String[]> rows, int r, int content) {
        String number = firstCell(rows.get(r)).replaceAll("\\.$", "");
        if (r + 1 >= rows.size() || number.isEmpty() || !firstCell(rows.get(r + 1)).startsWith(number + ".")
                || !ROW_NUMBER.matcher(number).matches()) {
            return false;
        }
        String[] cells = rows.get(r);
        for (int k = 0; k < cells.length; k++) {
            if (k != content && !cells[k].isEmpty() && !cells[k].equals(firstCell(cells))) {
                return false;
            }
        }
        return true;
    }

    private static String firstCell(String[] cells) {
        for (String c : cells) {
            if (!c.isEmpty()) {
                return c;
            }
        }
        return "";
    }

    private static String longest(String[] cells) {
        String best = "";
        for (String c : cells) {
            if (c.length() > best.length()) {
                best = c;
            }
        }
        return best;
    }

    /** Whether heading {@code i} is followed by lower items ("2.3. …" then "a) …"). */
    private static boolean headsLowerItems(List<Line> lines, int i) {
        int level = lines.get(i).level();
        return i + 1 < lines.size() && lines.get(i + 1).level() > level && lines.get(i + 1).level() < 5;
    }

    /** Whether {@code line} starts a new sentence after {@code before}: it ended, and this opens with a capital. */
    private static boolean startsSentence(String line, String before) {
        String b = before.strip();
        return !line.isEmpty() && Character.isUpperCase(line.charAt(0)) && !b.isEmpty() && ".;".indexOf(b.charAt(b.length() - 1)) >= 0;
    }

    /** Whether the block of plain lines around {@code i} (between headings) has bullet items. */
    private boolean blockHasBullets(List<Line> lines, int i, byte[] items) {
        for (int k = i - 1; k >= 0 && !lines.get(k).heading(); k--) {
            if (bulletItem(lines, k, items)) {
                return true;
            }
        }
        for (int k = i + 1; k < lines.size() && !lines.get(k).heading(); k++) {
            if (bulletItem(lines, k, items)) {
                return true;
            }
        }
        return false;
    }

    /** Whether line {@code k} is a bullet item, not an item's attribute; worked out once a line ({@code items}). */
    private boolean bulletItem(List<Line> lines, int k, byte[] items) {
        if (items[k] == 0) {
            String[] attribute = lines.get(k).bullet() ? grammar.attribute(lines.get(k).text()) : null;
            items[k] = (byte) (lines.get(k).bullet() && (attribute == null || attribute[0].equals("content")) ? 1 : 2);
        }
        return items[k] == 1;
    }

    private static String status(List<Line> lines, int i) {
        for (int k = i + 1; k < Math.min(lines.size(), i + 4); k++) {
            String t = lines.get(k).text().strip();
            for (String s : STATUSES) {
                if (t.equalsIgnoreCase(s) || t.startsWith(s + " ")) {
                    return s;
                }
            }
        }
        return null;
    }

    private boolean isSentence(String heading) {
        String body = strip(heading);
        return body.length() > 40 && !body.endsWith(":")
                && (grammar.unitAt(heading) == null || LETTERED.matcher(heading.strip()).lookingAt() && !body.contains(":"));
    }

    /** "1.1. Lĩnh vực báo chí, xuất bản:" → "Báo chí, xuất bản"; "a) Về công nghệ thông tin." → "Công nghệ thông tin". */
    static String fieldOf(String heading) {
        String f = TRAILING_PUNCT.matcher(strip(heading)).replaceAll("").strip();
        f = FIELD_LEAD.matcher(f).replaceFirst("");
        if (f.isEmpty() || f.length() > 200) {
            return null;
        }
        return Character.toUpperCase(f.charAt(0)) + f.substring(1);
    }

    /** The period a heading names: "2023-Q2", "2015-H2", "2019"; null for none. */
    static String period(String s) {
        Matcher q = QUARTER.matcher(s);
        if (q.find()) {
            int n = switch (q.group(1).toUpperCase(Locale.ROOT)) {
                case "I", "1" -> 1; case "II", "2" -> 2; case "III", "3" -> 3; default -> 4;
            };
            // a report on quarter N and tasks for quarter N+1 names both: the tasks' quarter is the last one
            Matcher last = q;
            String year = q.group(2);
            while (last.find()) {
                n = switch (last.group(1).toUpperCase(Locale.ROOT)) {
                    case "I", "1" -> 1; case "II", "2" -> 2; case "III", "3" -> 3; default -> 4;
                };
                year = last.group(2);
            }
            return year + "-Q" + n;
        }
        Matcher h = HALF.matcher(s);
        String half = null;
        while (h.find()) {
            half = h.group(2) + (h.group(1).equalsIgnoreCase("đầu") ? "-H1" : "-H2");
        }
        if (half != null) {
            return half;
        }
        Matcher y = YEAR.matcher(s);
        String year = null;
        while (y.find()) {
            year = y.group(1);
        }
        return year;
    }

    private static String strip(String line) {
        String s = line.strip();
        for (Pattern p : List.of(PART, SUB_NUMBERED, ROMAN, NUMBERED, LETTERED, BULLET, SUB_BULLET)) {
            Matcher m = p.matcher(s);
            if (m.lookingAt()) {
                return s.substring(m.end()).strip();
            }
        }
        return s;
    }

    private List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        // one matcher per pattern for the whole text, reset on each line
        Matcher roman = ROMAN.matcher("");
        Matcher subNumbered = SUB_NUMBERED.matcher("");
        Matcher numbered = NUMBERED.matcher("");
        Matcher lettered = LETTERED.matcher("");
        Matcher bullet = BULLET.matcher("");
        Matcher subBullet = SUB_BULLET.matcher("");
        int offset = 0;
        boolean blank = true;
        String marker = null; // a numbering left alone on its line ("2." above "Nhiệm vụ và giải pháp chủ yếu")
        for (String raw : text.split("\n", -1)) {
            int start = offset;
            offset += raw.length() + 1;
            String t = raw.replace("*", "").strip();
            if (t.length() <= 6 && LONE_MARKER.matcher(t).matches() && raw.indexOf('\t') < 0) {
                marker = t;
                continue;
            }
            int textStart = t.isEmpty() ? start : start + Math.max(0, raw.indexOf(t.charAt(0)));
            if (marker != null && !t.isEmpty()) {
                t = marker + " " + t;
                marker = null;
            }
            if (t.isEmpty() || raw.indexOf('\t') >= 0) {
                blank = true;
                continue;
            }
            boolean blankBefore = blank;
            blank = false;
            boolean isBullet = bullet.reset(t).lookingAt();
            boolean isSubBullet = subBullet.reset(t).lookingAt();
            int level = 0;
            if (roman.reset(t).lookingAt() || PART.matcher(t).lookingAt()) {
                level = 1; // "II. …", and the parts of a legal text: "Chương VI TỔ CHỨC THỰC HIỆN", "Điều 23. Trách nhiệm …"
            } else if (subNumbered.reset(t).lookingAt()) {
                level = 3;
            } else if (numbered.reset(t).lookingAt()) {
                level = 2;
            } else if (lettered.reset(t).lookingAt()) {
                level = 4;
            } else if (t.endsWith(":") && t.length() < 100 && !isBullet && !isSubBullet) {
                level = 5;
            }
            // a heading that a flattened copy ran into its first sentence: the heading, then the sentence (or sub-heading)
            int glued = level >= 1 && level <= 3 ? grammar.gluedAt(t) : -1;
            while (glued > 0) {
                out.add(new Line(t.substring(0, glued).strip(), textStart, level, false, false, blankBefore, true));
                t = t.substring(glued).strip();
                int at = raw.indexOf(t.length() > 30 ? t.substring(0, 30) : t);
                textStart = at >= 0 ? start + at : textStart;
                blankBefore = false;
                level = subNumbered.reset(t).lookingAt() ? 3 : 0;
                glued = level == 3 ? grammar.gluedAt(t) : -1;
            }
            out.add(new Line(t, textStart, level, level == 0 && isBullet, isSubBullet,
                    blankBefore, false));
        }
        return out;
    }
}
