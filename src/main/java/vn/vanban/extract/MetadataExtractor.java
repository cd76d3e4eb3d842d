package vn.vanban.extract;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vanban.normalize.CharTables;

/**
 * Reads a document's own metadata from its normalized text, following the layout of Nghị định 30/2020/NĐ-CP:
 * issuer block, "Số: N/CODE", "Place, ngày … tháng … năm …", type title and trích yếu (or "V/v …"), body,
 * signature block (KT./TL./Q. + title + name), "Nơi nhận". Stateless and thread-safe.
 */
@Singleton
public final class MetadataExtractor {

    private static final int HEADER_LINES = 100;
    private static final Pattern EFFECTIVE = Pattern.compile(
            "có hiệu lực(?: thi hành)?(?: kể)? từ ngày\\s*(\\d{1,2})\\s*(?:/|tháng)\\s*(\\d{1,2})\\s*(?:/|năm)\\s*(\\d{4})");
    private static final Pattern DRAFT = Pattern.compile("\\bDỰ\\s+THẢO\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ITEM = Pattern.compile("^[-–+•]\\s*(.+?)\\s*[;.,]?$");

    private final DocumentTypes types;
    private final HeaderLandmarks landmarks;
    /** The số ký hiệu patterns of the citation grammar, each anchored where the number starts. */
    private final List<Pattern> ownNumber;
    /** A type's name in capitals as a title ("QUYẾT ĐỊNH", "KẾ HOẠCH"), from the type table. */
    private final Pattern typeTitle;
    /** A signature: a title run in capitals, then (after a signing note) the name; group 2 is empty when the name is elsewhere. */
    private final Pattern signature;
    /** A name led by a surname at the end of a line: the signer where two columns were read across. */
    private final Pattern lateName;
    private final List<String> authorityPrefixes;

    @SuppressWarnings("unchecked")
    public MetadataExtractor(DocumentTypes types) {
        this.types = types;
        this.landmarks = HeaderLandmarks.load();
        this.ownNumber = CitationPatterns.load().patterns().stream().map(e -> e.pattern()).toList();
        List<String> names = new ArrayList<>();
        for (DocumentTypes.Type t : types.all()) {
            names.add(t.name().toUpperCase(Locale.ROOT));
            t.variants().forEach(v -> names.add(v.toUpperCase(Locale.ROOT)));
        }
        names.sort((x, y) -> y.length() - x.length());
        String run = "((?:" + landmarks.authority().pattern().pattern() + ")(?:(?:[ ,–-]|\\n(?![ \\t]*[-+•]))+[\\p{Lu}\\d&.()/-]+(?![\\p{Ll}]))*)";
        this.signature = Pattern.compile("(?<![\\p{L}])" + run + "[ \\t\\n\\u001F\\u001E]*" + "(?:" + SIGN_NOTE + PERSON + ")?");
        this.lateName = Pattern.compile("(?<=[\\s.,;:])((?:" + String.join("|", landmarks.surnames()) + ")(?:[ \\t]+\\p{Lu}\\p{Ll}+){1,3})"
                + "(?=[ \\t]*(?:[\\n\\u001F\\u001E]|$))");
        this.typeTitle = Pattern.compile("(?<![\\p{L}])(" + String.join("|", names.stream().map(n -> n.replace(" ", "\\s+")).toList())
                + ")(?![\\p{L}])");
        this.authorityPrefixes = landmarks.authorityPrefixes();
    }

    /** The metadata of the document whose normalized text is {@code text}. */
    public DocumentMetadata extract(String text) {
        List<String> lines = text.lines().map(MetadataExtractor::unmark).toList();
        String header = flatten(lines, 0, headerEnd(lines));

        // the number: "Số:" (or "Số hiệu:", "Luật số:") and a số ký hiệu of the citation grammar, wherever it sits
        // the number and the date stand before the body: a "Số:" or a date further on belongs to something else
        String front = header.substring(0, bodyStart(header));
        int[] numberAt = new int[2];
        String[] own = ownNumber(front, numberAt);
        String number = own[0];
        String symbol = own[1];
        int numberStart = numberAt[0];
        int numberEnd = numberAt[1];

        String place = null;
        String date = null;
        int dateStart = -1;
        int dateEnd = -1;
        Matcher pd = landmarks.placeDate().pattern().matcher(front);
        if (pd.find()) {
            place = pd.group(1).strip();
            date = isoDate(pd.group(4), pd.group(3), pd.group(2));
            dateStart = pd.start();
            dateEnd = pd.end();
        }

        // a consolidated text is numbered and dated where it is authenticated, at its end
        String consolidatedType = null;
        String issuerOverride = null;
        int auth = authenticationLine(lines);
        if (auth >= 0) {
            String zone = flatten(lines, Math.max(0, auth - 12), Math.min(lines.size(), auth + 12));
            String[] n = ownNumber(zone, new int[2]);
            Matcher z = landmarks.placeDate().pattern().matcher(zone);
            if (n[0] != null && z.find()) {
                int[] at = new int[2];
                ownNumber(zone, at);
                // the body that authenticates, without the heading that may share its line ("… XÁC THỰC VĂN BẢN HỢP NHẤT")
                List<String> authenticating = issuerLines(landmarks.consolidation().pattern().matcher(zone.substring(0, at[0]))
                        .replaceAll(String.valueOf(HARD)));
                if (!authenticating.isEmpty()) {
                    issuerOverride = OrganNames.display(authenticating.get(authenticating.size() - 1));
                }
                number = n[0];
                symbol = null;
                place = z.group(1).strip();
                date = isoDate(z.group(4), z.group(3), z.group(2));
                consolidatedType = types.fromNumber(number) == null ? null : types.fromNumber(number).name();
            }
        }
        if (date == null) {
            Matcher adopted = landmarks.adopted().pattern().matcher(text);
            String last = null;
            while (adopted.find()) {
                last = isoDate(adopted.group(3), adopted.group(2), adopted.group(1));
            }
            date = last;
        }

        boolean draft = false;
        for (int i = 0; i < Math.min(lines.size(), HEADER_LINES); i++) {
            String l = lines.get(i);
            if (DRAFT.matcher(l).find() && l.length() < 40) {
                draft = true;
                break;
            }
        }

        // issuer: the capitals before the number (or the date), without quốc hiệu and tiêu ngữ
        int issuerEnd = numberStart >= 0 ? numberStart : dateStart >= 0 ? dateStart : Math.min(header.length(), 400);
        if (dateStart >= 0 && dateStart < issuerEnd) {
            issuerEnd = dateStart;
        }
        List<String> issuerLines = issuerLines(header.substring(0, issuerEnd));
        issuerLines.replaceAll(this::withoutTypePrefix); // "VĂN BẢN HỢP NHẤT - BỘ …" of a consolidated text
        issuerLines.removeIf(this::notABody); // "THÔNG TƯ" of a consolidated text, "PHÓ THỦ TƯỚNG" of a signed copy
        String issuer = null;
        String parentIssuer = null;
        if (issuerOverride != null) {
            issuer = issuerOverride;
        } else if (!issuerLines.isEmpty()) {
            issuer = OrganNames.display(issuerLines.get(issuerLines.size() - 1));
            if (issuerLines.size() > 1 && !issuerLines.get(issuerLines.size() - 2).equals(issuerLines.get(issuerLines.size() - 1))) {
                parentIssuer = OrganNames.display(issuerLines.get(issuerLines.size() - 2)); // not the same block printed twice
            }
        }

        // type and subject: "V/v …" of a letter, or the type's title in capitals and the subject after it
        String type = null;
        String subject = null;
        Matcher vv = landmarks.letterSubject().pattern().matcher(header);
        if (vv.find(Math.max(0, numberStart)) && (dateEnd < 0 || vv.start() < dateEnd + 400)) {
            subject = letterSubject(header, vv.end(), dateStart > vv.end() ? dateStart : header.length());
            type = "Công văn";
        }
        if (subject == null) {
            int from = Math.max(Math.max(numberEnd, dateEnd), mottoEnd(header));
            // the title stands on a line (or in a cell) of its own, or right after the number or the date
            int right = from >= 0 ? skipGaps(header, from) : 0;
            Matcher t = typeTitle.matcher(header);
            int at = Math.max(0, from);
            while (t.find(at)) {
                at = t.end();
                char before = t.start() == 0 ? '\n' : header.charAt(t.start() - 1);
                if (t.start() != right && before != '\n' && before != HARD && before != BLANK) {
                    continue;
                }
                DocumentTypes.Type found = types.byName(t.group(1));
                if (found != null) {
                    type = found.name();
                    subject = titleSubject(header, t.end(), issuerLines);
                }
                break;
            }
        }
        if (consolidatedType != null) {
            type = consolidatedType;
        }
        if (type == null) {
            DocumentTypes.Type t = types.fromNumber(number != null ? number : symbol == null ? null : "0/" + symbol);
            if (t != null) {
                type = t.name();
            }
        }

        String effective = null;
        Matcher eff = EFFECTIVE.matcher(text);
        if (eff.find()) {
            effective = isoDate(eff.group(3), eff.group(2), eff.group(1));
        }

        String[] signer = signer(lines);
        return new DocumentMetadata(upTo(number, MAX_NUMBER), upTo(symbol, MAX_NUMBER), type, clip(issuer, 500),
                clip(parentIssuer, 500), clip(place, 200), date, effective, clip(subject, 2000), clip(signer[0], 200),
                clip(signer[1], 300), draft, recipients(lines));
    }

    /** The lines read as the header: up to {@link #HEADER_LINES} non-empty lines, at most {@link #HEADER_CHARS} characters. */
    private static int headerEnd(List<String> lines) {
        int chars = 0;
        int nonEmpty = 0;
        for (int i = 0; i < lines.size(); i++) {
            chars += lines.get(i).length() + 1;
            nonEmpty += lines.get(i).isEmpty() ? 0 : 1;
            if (nonEmpty > HEADER_LINES || chars > HEADER_CHARS) {
                return i;
            }
        }
        return lines.size();
    }

    private static final int HEADER_CHARS = 8_000;

    /**
     * The document's own number in {@code header}: {number, null}, or {null, symbol} for a number left blank; the
     * label's start and the number's end in {@code at} (-1 when none).
     */
    private String[] ownNumber(String header, int[] at) {
        at[0] = -1;
        at[1] = -1;
        Matcher label = landmarks.numberLabel().pattern().matcher(header);
        while (label.find()) {
            // "Số:" with its colon, or "Số" opening a line or cell ("SỐ 32/CT-TTG" inside a title is not the label)
            int before = label.start() - 1;
            if (!label.group().strip().endsWith(":") && before >= 0 && header.charAt(before) != '\n'
                    && header.charAt(before) != HARD && header.charAt(before) != BLANK) {
                continue;
            }
            int from = skipGaps(header, label.end());
            for (Pattern p : ownNumber) {
                Matcher m = p.matcher(header).region(from, header.length());
                if (m.lookingAt()) {
                    at[0] = label.start();
                    at[1] = m.end();
                    return new String[] {m.group().replaceAll("\\s+", ""), null};
                }
            }
            Matcher blank = BLANK_NUMBER.matcher(header).region(from, header.length());
            if (blank.lookingAt()) {
                at[0] = label.start();
                at[1] = blank.end();
                return new String[] {null, blank.group(1).replaceAll("\\s+", "")};
            }
        }
        return new String[] {null, null};
    }

    /**
     * Where the quốc hiệu and the tiêu ngữ under it end among the first lines: the title comes after them; 0 for none.
     * Only the first pair counts (a signing stamp further down may print the country's name again).
     */
    private int mottoEnd(String header) {
        Matcher m = landmarks.motto().pattern().matcher(header).region(0, Math.min(header.length(), 2000));
        if (!m.find()) {
            return 0;
        }
        int end = m.end();
        while (m.find() && skipGaps(header, end) >= m.start() - 1) {
            end = m.end();
        }
        return end;
    }

    private static final Pattern BODY = Pattern.compile("(?<![\\p{L}])(?:Căn cứ|CĂN CỨ|Điều 1[.:]|Kính gửi|KÍNH GỬI)");

    /** Where the body starts after the quốc hiệu (its first "Căn cứ", "Điều 1." or "Kính gửi"); the end when none. */
    private int bodyStart(String header) {
        Matcher m = BODY.matcher(header);
        return m.find(mottoEnd(header)) ? m.start() : header.length();
    }

    /** The line of a consolidated text's authentication block ("XÁC THỰC VĂN BẢN HỢP NHẤT"), -1 for none. */
    private int authenticationLine(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains("XÁC THỰC") && landmarks.consolidation().pattern().matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    /** Where a cell, a column or a block of the layout ends (a line break inside a cell stays a line break). */
    static final char HARD = '\u001F';
    /** Where an empty line stood: a block end in text, but only a line break in what a PDF gives (a blank line a line). */
    static final char BLANK = '\u001E';
    private static final Pattern MARKUP = Pattern.compile("[*]|^#+\\s*|\\\\");
    private static final Pattern TAGS = Pattern.compile("<[^<>]{1,80}>");
    private static final Pattern CELL_BREAKS = Pattern.compile("\\s*(?:\\t|\\||[-_=–]{3,})\\s*");

    /** A line without markdown emphasis, headings and HTML tags. */
    static String unmark(String line) {
        String l = line.indexOf('\u00A0') >= 0 ? line.replace('\u00A0', ' ') : line;
        if (l.indexOf('<') >= 0) {
            l = TAGS.matcher(l).replaceAll(" ");
        }
        if (l.indexOf('*') >= 0 || l.indexOf('#') >= 0 || l.indexOf('\\') >= 0) {
            l = MARKUP.matcher(l).replaceAll("");
        }
        return l.strip();
    }

    /**
     * Lines {@code from} to {@code to} as one string: '\n' where a line broke, {@link #HARD} where a table cell, a tab
     * column, a separator rule or an empty line ended a block ({@link #BLANK} for an empty line alone), so that
     * landmarks are found whatever the layout. Blanks around a separator go; separators in a row are one.
     */
    static String flatten(List<String> lines, int from, int to) {
        return flatten(lines, from, to, null);
    }

    /** The same, noting in {@code starts[i - from]} where line {@code i} begins in the result. */
    static String flatten(List<String> lines, int from, int to, int[] starts) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (starts != null) {
                starts[i - from] = out.length();
            }
            String l = lines.get(i);
            if (l.isEmpty()) {
                separate(out, BLANK);
                continue;
            }
            if (isRule(l)) {
                separate(out, HARD);
                continue;
            }
            if (!hasCellBreak(l)) {
                out.append(l); // a stripped line of text: nothing to collapse
            } else {
                String cells = CELL_BREAKS.matcher(l).replaceAll(String.valueOf(HARD));
                for (int k = 0; k < cells.length(); k++) {
                    char c = cells.charAt(k);
                    if (c == HARD) {
                        separate(out, HARD);
                    } else if (!(isSpace(c) && endsWithSeparator(out))) {
                        out.append(c);
                    }
                }
            }
            if (!endsWithSeparator(out)) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Appends separator {@code sep}, dropping the blanks before it; a cell's end outweighs an empty line's. */
    private static void separate(StringBuilder out, char sep) {
        int n = out.length();
        while (n > 0 && isSpace(out.charAt(n - 1))) {
            n--;
        }
        out.setLength(n);
        char last = n == 0 ? 0 : out.charAt(n - 1);
        if (last == HARD || last == BLANK && sep == BLANK) {
            return;
        }
        if (last == BLANK) {
            out.setCharAt(n - 1, HARD);
            return;
        }
        out.append(sep);
    }

    private static boolean endsWithSeparator(StringBuilder out) {
        int n = out.length();
        return n > 0 && (out.charAt(n - 1) == HARD || out.charAt(n - 1) == BLANK);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** A line of nothing but rules and pipes ("|---|---|", "-------"). */
    private static boolean isRule(String l) {
        for (int i = 0; i < l.length(); i++) {
            if (" \t|:-_=–".indexOf(l.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasCellBreak(String l) {
        return l.indexOf('\t') >= 0 || l.indexOf('|') >= 0 || l.contains("---") || l.contains("___") || l.contains("===")
                || l.contains("–––");
    }

    private static int skipGaps(String s, int i) {
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == HARD || s.charAt(i) == BLANK)) {
            i++;
        }
        return i;
    }

    /** "Số:    /BC-STTTT": a number left blank for the registry, the symbol printed. */
    private static final Pattern BLANK_NUMBER = Pattern.compile("[.…_\\s]*/\\s*([A-ZĐÐ][A-ZĐÐa-z0-9&]*(?:-[A-ZĐÐ0-9][A-ZĐÐa-z0-9&]*)+)");

    /** A person's title alone ("PHÓ THỦ TƯỚNG", "THỨ TRƯỞNG"): the authority pattern with no body's name in it. */
    private static final Pattern PERSON_TITLE = Pattern.compile("TRƯỞNG|GIÁM ĐỐC|CHỦ TỊCH|THỦ TƯỚNG|BÍ THƯ|CHÁNH ÁN|CHỦ NHIỆM");

    private static final Pattern TYPE_PREFIX = Pattern.compile("^(.+?)\\s+-\\s+(.+)$");
    private static final Pattern BARE_PREFIX = Pattern.compile("^(?:KT|TM|TL|TUQ|Q|K/T|T/M)\\.?$");

    /** A caps line without a document type's name heading it ("VĂN BẢN HỢP NHẤT - BỘ TÀI CHÍNH" → "BỘ TÀI CHÍNH"). */
    private String withoutTypePrefix(String caps) {
        Matcher m = TYPE_PREFIX.matcher(caps);
        return m.matches() && types.byName(m.group(1)) != null ? m.group(2) : caps;
    }

    /**
     * Whether a caps line of the issuer zone names no body: a document type's name, a signature's "KT." alone, or a
     * person's title alone.
     */
    private boolean notABody(String caps) {
        if (types.byName(caps) != null || BARE_PREFIX.matcher(caps).matches()) {
            return true;
        }
        Matcher title = landmarks.authority().pattern().matcher(caps);
        return title.matches() && PERSON_TITLE.matcher(caps).find() && !caps.contains("BAN") && !caps.contains("HỘI ĐỒNG");
    }

    /** The caps left of the number: the issuing body's lines, quốc hiệu, tiêu ngữ and a portal's banner left out. */
    private List<String> issuerLines(String zone) {
        String z = landmarks.motto().pattern().matcher(zone).replaceAll(String.valueOf(HARD));
        List<String> out = new ArrayList<>();
        for (String cell : z.split("[\\u001F\\u001E]")) {
            for (String line : cell.split("\n")) {
                String c = line.strip();
                if (!c.isEmpty() && !isCapitalLine(c)) {
                    c = capsTail(c); // a portal's banner run into the issuer block: the capitals at its end
                }
                if (c.isEmpty() || !isCapitalLine(c) || DRAFT.matcher(c).find() || c.length() > 120) {
                    continue;
                }
                for (String name : organs(c)) {
                    if (!out.isEmpty() && continues(out.get(out.size() - 1), name)) {
                        out.set(out.size() - 1, out.get(out.size() - 1) + " " + name);
                    } else {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    /** The words in capitals that end {@code line} (at least two), or "". */
    private static String capsTail(String line) {
        String[] words = line.split("\\s+");
        int from = words.length;
        while (from > 0 && capsWord(words[from - 1]) && words[from - 1].chars().anyMatch(Character::isLetter)) {
            from--;
        }
        return words.length - from >= 2 ? String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length)) : "";
    }

    /** A caps line split where a second organ's name starts ("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN" → two names). */
    private List<String> organs(String caps) {
        String[] words = caps.split("\\s+");
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < words.length; i++) {
            if (landmarks.organInside().contains(words[i - 1])) {
                continue;
            }
            for (String head : landmarks.organStarts()) {
                String[] h = head.split(" ");
                if (i + h.length <= words.length && String.join(" ", java.util.Arrays.copyOfRange(words, i, i + h.length)).equals(head)) {
                    out.add(String.join(" ", java.util.Arrays.copyOfRange(words, start, i)));
                    start = i;
                    break;
                }
            }
        }
        out.add(String.join(" ", java.util.Arrays.copyOfRange(words, start, words.length)));
        return out;
    }

    private static final Pattern PLACE_LINE = Pattern.compile("^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG|THỊ XÃ|THỊ TRẤN|DÂN)(?![\\p{L}]).*");

    /** Whether caps line {@code next} continues the organ name on {@code prev} ("ỦY BAN NHÂN DÂN" / "TỈNH CÀ MAU",
     *  "BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI", or where a known name runs on: "NGÂN HÀNG NHÀ NƯỚC" / "VIỆT NAM"). */
    private static boolean continues(String prev, String next) {
        return PLACE_LINE.matcher(next).matches() && (prev.endsWith("NHÂN DÂN") || prev.endsWith("NHÂN"))
                || next.startsWith("VÀ ") || prev.endsWith(" VÀ") || prev.endsWith("-") // "… THƯƠNG BINH" / "VÀ XÃ HỘI"
                || KnownOrgans.wraps(prev, next); // "NGÂN HÀNG NHÀ NƯỚC" / "VIỆT NAM", "… - THƯƠNG" / "BINH VÀ XÃ HỘI"
    }

    /** The subject after "V/v": up to the place and date, "Kính gửi", the end of its cell, or capitals. */
    private String letterSubject(String header, int from, int limit) {
        int end = Math.min(limit, header.length());
        int hard = header.indexOf(HARD, from);
        if (hard >= 0 && hard < end) {
            end = hard;
        }
        String s = header.substring(from, end);
        Matcher body = KINH_GUI.matcher(s);
        if (body.find()) {
            s = s.substring(0, body.start());
        }
        // a subject wrapped over lines continues on lines that are not capitals (a caps line is the next block)
        StringBuilder out = new StringBuilder();
        for (String line : s.split("[\n\u001E]")) {
            if (out.length() > 0 && (isCapitalLine(line) || line.isBlank())) {
                break;
            }
            out.append(out.length() > 0 ? " " : "").append(line.strip());
        }
        String subject = TRAILING.matcher(out.toString().replaceAll("\\s+", " ")).replaceAll("");
        return subject.isBlank() ? null : subject;
    }

    private static final Pattern KINH_GUI = Pattern.compile("Kính gửi|KÍNH GỬI");
    private static final Pattern TRAILING = Pattern.compile("[\\s.;:,]+$");

    /** The subject after the type's title: the rest of the capitals, cut before the authority line, or the next lines. */
    private String titleSubject(String header, int from, List<String> issuerLines) {
        int i = from;
        while (i < header.length() && (header.charAt(i) == ' ' || header.charAt(i) == ':')) {
            i++;
        }
        // capitals: words without lower case, across line breaks, up to the first word with lower case or a block end
        List<String> words = new ArrayList<>();
        int j = i;
        while (j < header.length()) {
            while (j < header.length() && (header.charAt(j) == ' ' || header.charAt(j) == '\n' || header.charAt(j) == BLANK)) {
                j++;
            }
            if (j >= header.length() || header.charAt(j) == HARD && !words.isEmpty()) {
                break;
            }
            if (header.charAt(j) == HARD) {
                j++;
                continue;
            }
            int k = j;
            while (k < header.length() && !Character.isWhitespace(header.charAt(k)) && header.charAt(k) != HARD
                    && header.charAt(k) != BLANK) {
                k++;
            }
            String w = header.substring(j, k);
            if (!capsWord(w)) {
                break;
            }
            words.add(w);
            j = k;
        }
        if (words.stream().anyMatch(w -> w.chars().anyMatch(Character::isLetter))) {
            int cut = authorityStart(words, issuerLines);
            String s = String.join(" ", words.subList(0, cut));
            s = TRAILING.matcher(s).replaceAll("");
            return s.isBlank() ? null : s;
        }
        // a subject in sentence case: its lines (a blank line between them as a PDF gives) up to its cell's end,
        // capitals, the body, the place and date, or a line that ends a sentence
        String rest = header.substring(skipGaps(header, i));
        int hard = rest.indexOf(HARD);
        StringBuilder out = new StringBuilder();
        int lineNo = 0;
        for (String line : (hard >= 0 ? rest.substring(0, hard) : rest).split("[\\n\\u001E]")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            // a title wraps onto lines of a title's width; a longer line is the body's first paragraph
            if (isCapitalLine(l) || lineNo > 0 && (l.length() > 150 || landmarks.bodyStarts().pattern().matcher(l).lookingAt()
                    || landmarks.placeDate().pattern().matcher(l).find()) || lineNo > 3) {
                break;
            }
            out.append(out.length() > 0 ? " " : "").append(l);
            lineNo++;
            if (l.endsWith(".") || l.endsWith(":") || l.endsWith(";")) {
                break;
            }
        }
        String s = TRAILING.matcher(out.toString().replaceAll("\\s+", " ")).replaceAll("");
        return s.isBlank() ? null : s;
    }

    /** A word of a title in capitals: no lower-case letter, except in a symbol ("32/CT-TTg"). */
    private static boolean capsWord(String w) {
        boolean lower = false;
        int upper = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            lower |= Character.isLowerCase(c);
            upper += Character.isUpperCase(c) ? 1 : 0;
        }
        return !lower || upper >= 2 && (w.indexOf('/') >= 0 || w.indexOf('-') >= 0);
    }

    /**
     * Where the authority line starts among the title's words ("… BẢO HIỂM Y TẾ | TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT
     * NAM"): the first word from which the rest is a title or a collective body followed by at most a short name, not
     * joined to the subject by a preposition ("CỦA BỘ Y TẾ") and without a comma; the issuer's own name counts too.
     * {@code words.size()} when there is none.
     */
    private int authorityStart(List<String> words, List<String> issuerLines) {
        for (int p = 1; p < words.size(); p++) {
            if (landmarks.subjectJoiners().contains(words.get(p - 1))) {
                continue;
            }
            List<String> rest = words.subList(p, words.size());
            if (rest.size() > 14 || rest.stream().anyMatch(w -> w.contains(","))) {
                continue;
            }
            String r = String.join(" ", rest);
            if (landmarks.authority().pattern().matcher(r).lookingAt()) {
                return p;
            }
            for (String issuer : issuerLines) {
                if (issuer.split("\\s+").length >= 2 && (r.startsWith(issuer) || issuer.startsWith(r) && rest.size() >= 2)) {
                    return p;
                }
            }
        }
        return words.size();
    }

    /** Longest số ký hiệu taken as one: real ones are far shorter, longer is a header run together. */
    static final int MAX_NUMBER = 100;

    /** {@code s}, or null when it is longer than a value of its kind can be. */
    private static String upTo(String s, int max) {
        return s == null || s.length() <= max ? s : null;
    }

    /** {@code s} cut to {@code max} characters at a word boundary, with an ellipsis (fields as the store keeps them). */
    private static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    /** A note where the signature stands: "(Đã ký)", "Đóng dấu, ký tên", "(Ký, ghi rõ họ tên)". */
    private static final String SIGN_NOTE = "(?:\\(?(?:Đã ký|đã ký|ĐÃ KÝ|Đóng dấu[^\\n\\u001F\\u001E]{0,30}|Ký[^\\n\\u001F\\u001E]{0,30}|\\[daky\\])\\)?[\\s\\u001E\\u001F]*)?";
    /** A personal name: two to five capitalized words, ending its line or cell. */
    private static final String PERSON = "(\\p{Lu}\\p{Ll}+(?:[ \\t]+\\p{Lu}\\p{Ll}+){1,4})(?=[ \\t.]*(?:[\\n\\u001F\\u001E]|$|\\d|\\p{Lu}{2}))";

    /**
     * The signer's name and title: a title in capitals (with its authority prefixes and the capitals after it) and the
     * name right below it; where a PDF read two columns across, the name is the first one led by a surname in the
     * lines after the title. The first signature after "Nơi nhận" is taken, else the last one in the text.
     */
    private String[] signer(List<String> lines) {
        int after = -1;
        for (int i = 0; i < lines.size() && after < 0; i++) {
            int at = lines.get(i).indexOf("Nơi nhận");
            after = at >= 0 && at < 12 ? i : -1;
        }
        int[] starts = new int[lines.size()];
        String all = flatten(lines, 0, lines.size(), starts);
        // the first signature after "Nơi nhận", else the last one: look there first, then back from the end
        if (after >= 0) {
            for (int i = after + 1; i < lines.size(); i++) {
                String[] candidate = signatureAt(lines, i, all, starts);
                if (candidate != null) {
                    return candidate;
                }
            }
        }
        for (int i = after >= 0 ? after : lines.size() - 1; i >= 0; i--) {
            String[] candidate = signatureAt(lines, i, all, starts);
            if (candidate != null) {
                return candidate;
            }
        }
        return new String[] {null, null};
    }

    /** The signer whose title starts on line {@code i} ({@code all} is the lines flattened, each at {@code starts}), or null. */
    private String[] signatureAt(List<String> lines, int i, String all, int[] starts) {
        // a signature starts on a line holding a title in capitals: read on from there
        if (!mayHoldTitle(lines.get(i)) || !landmarks.authority().pattern().matcher(lines.get(i)).find()) {
            return null;
        }
        int lineEnd = i + 1 < lines.size() ? starts[i + 1] : all.length();
        int windowEnd = i + SIGNATURE_LINES < lines.size() ? starts[i + SIGNATURE_LINES] : all.length();
        Matcher m = signature.matcher(all).region(starts[i], windowEnd);
        int from = starts[i];
        while (from < lineEnd && m.region(from, windowEnd).find() && m.start() < lineEnd) {
            String name = m.group(2);
            if (name == null) {
                Matcher late = lateName.matcher(all).region(m.end(), windowEnd);
                name = late.find() ? late.group(1) : null;
            }
            if (name != null) {
                return new String[] {name.strip(), titleCase(lastTitle(m.group(1)))};
            }
            from = m.end();
        }
        return null;
    }

    /** How many lines after a title its signer's name may stand (a "Nơi nhận" list read across from a PDF). */
    private static final int SIGNATURE_LINES = 40;

    /** Whether {@code line} has two words in capitals side by side, as every title has ("CHỦ TỊCH", "BỘ TRƯỞNG"). */
    static boolean mayHoldTitle(String line) {
        // two capitals side by side first: most lines have none ("Điều 5. Nghị định …")
        boolean pair = false;
        for (int i = 1; i < line.length() && !pair; i++) {
            pair = CharTables.isUpperCase(line.charAt(i)) && CharTables.isUpperCase(line.charAt(i - 1));
        }
        if (!pair) {
            return false;
        }
        int capsWords = 0; // capital words in a row so far
        int letters = 0;   // letters of the current word, -1 once it has a lower-case one
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                letters = letters < 0 || Character.isLowerCase(c) ? -1 : letters + 1;
            } else if (c == ' ' || c == '\t' || c == '.' || c == ',' || c == '*') {
                if (letters >= 2) {
                    if (++capsWords >= 2) {
                        return true;
                    }
                } else if (letters != 0) {
                    capsWords = 0;
                }
                letters = 0;
            } else {
                capsWords = 0;
                letters = 0;
            }
        }
        return false;
    }

    /** The last title of a title run ("KT. BỘ TRƯỞNG THỨ TRƯỞNG" → "THỨ TRƯỞNG"), with the capitals after it. */
    private String lastTitle(String run) {
        Matcher t = landmarks.authority().pattern().matcher(run);
        int last = 0;
        while (t.find()) {
            last = t.start();
        }
        String title = TRAILING_DASHES.matcher(run.substring(last).replaceAll("\\s+", " ")).replaceAll("");
        return stripPrefix(title);
    }

    private static final Pattern TRAILING_DASHES = Pattern.compile("[\\s,\\-–]+$");

    private String stripPrefix(String l) {
        String t = l.strip();
        for (String p : authorityPrefixes) {
            if (t.startsWith(p)) {
                t = t.substring(p.length()).strip();
            }
        }
        return t;
    }

    private static List<String> recipients(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("Kính gửi")) {
                String rest = l.replaceFirst("^Kính gửi\\s*:?\\s*", "");
                if (!rest.isBlank()) {
                    out.add(clean(rest));
                }
                collectItems(lines, i + 1, out, 2);
            } else if (l.startsWith("Nơi nhận")) {
                collectItems(lines, i + 1, out, 3);
                break;
            }
        }
        return out;
    }

    private static void collectItems(List<String> lines, int from, List<String> out, int maxGap) {
        int gap = 0;
        for (int i = from; i < lines.size() && i < from + 60; i++) {
            String l = lines.get(i);
            Matcher m = ITEM.matcher(l);
            if (m.matches()) {
                gap = 0;
                String item = clean(m.group(1));
                if (!item.startsWith("Lưu") && !item.startsWith("Như trên") && !item.isEmpty()) {
                    out.add(item);
                }
            } else if (l.isEmpty() || l.endsWith(":")) {
                if (++gap > maxGap) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    private static String clean(String item) {
        return item.replaceAll("\\s*\\([^)]*\\)\\s*$", "").replaceAll("[;.,]+$", "").strip();
    }

    /** A line written in capitals (at least two letters, no lower-case letter). */
    static boolean isCapitalLine(String l) {
        int upper = 0;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                upper++;
            }
        }
        return upper >= 2;
    }

    /** "PHÓ GIÁM ĐỐC" → "Phó Giám đốc": sentence case, with the word after "Phó" capitalized. */
    static String titleCase(String caps) {
        String lower = caps.toLowerCase(Locale.ROOT).strip();
        if (lower.isEmpty()) {
            return lower;
        }
        String s = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        if (s.startsWith("Phó ") && s.length() > 4) {
            s = "Phó " + Character.toUpperCase(s.charAt(4)) + s.substring(5);
        }
        return s;
    }

    /** ISO date at the precision printed: "2019-01-11", "2019-12", or "2023". */
    static String isoDate(String year, String month, String day) {
        if (year == null) {
            return null;
        }
        if (month == null) {
            return year;
        }
        int m = Integer.parseInt(month);
        if (m < 1 || m > 12) {
            return year;
        }
        if (day == null) {
            return java.time.YearMonth.of(Integer.parseInt(year), m).toString();
        }
        int d = Integer.parseInt(day);
        try {
            return java.time.LocalDate.of(Integer.parseInt(year), m, d).toString();
        } catch (java.time.DateTimeException e) {
            return java.time.YearMonth.of(Integer.parseInt(year), m).toString();
        }
    }
}
