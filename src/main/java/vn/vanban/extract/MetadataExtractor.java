package vn.vanban.extract;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a document's own metadata from its normalized text, following the layout of Nghị định 30/2020/NĐ-CP:
 * issuer block, "Số: N/CODE", "Place, ngày … tháng … năm …", type title and trích yếu (or "V/v …"), body,
 * signature block (KT./TL./Q. + title + name), "Nơi nhận". Stateless and thread-safe.
 */
@Singleton
public final class MetadataExtractor {

    private static final int HEADER_LINES = 60;
    private static final Pattern NUMBER_LINE = Pattern.compile("^Số\\s*[:.]?\\s*(.*)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PLACE_DATE = Pattern.compile(
            "(?:^|\\t|\\s{2,})([\\p{Lu}][\\p{L} .'-]{1,40}?),\\s*ngày\\s*(\\d{1,2})?\\s*(?:/|tháng)\\s*(\\d{1,2})?\\s*(?:/|năm)\\s*(\\d{4})");
    private static final Pattern EFFECTIVE = Pattern.compile(
            "có hiệu lực(?: thi hành)?(?: kể)? từ ngày\\s*(\\d{1,2})\\s*(?:/|tháng)\\s*(\\d{1,2})\\s*(?:/|năm)\\s*(\\d{4})");
    private static final Pattern DRAFT = Pattern.compile("\\bDỰ\\s+THẢO\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern VV = Pattern.compile("^V/v\\s*[:.]?\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("^(\\p{Lu}\\p{Ll}*)(\\s+\\p{Lu}\\p{Ll}*){1,4}$");
    private static final Pattern ITEM = Pattern.compile("^[-–+•]\\s*(.+?)\\s*[;.,]?$");

    private final DocumentTypes types;
    private final List<String> titleWords;
    private final List<String> authorityPrefixes;

    @SuppressWarnings("unchecked")
    public MetadataExtractor(DocumentTypes types) {
        this.types = types;
        try (InputStream in = MetadataExtractor.class.getResourceAsStream("/vanban/extract/signer-titles.yml")) {
            Map<String, Object> table = new Yaml().load(in);
            this.authorityPrefixes = List.copyOf((List<String>) table.get("prefixes"));
            List<String> words = new ArrayList<>();
            for (Map<String, Object> t : (List<Map<String, Object>>) table.get("titles")) {
                words.add((String) t.get("words"));
            }
            this.titleWords = List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metadata of the document whose normalized text is {@code text}. */
    public DocumentMetadata extract(String text) {
        List<String> lines = text.lines().map(l -> l.replace("*", "").strip()).toList();
        int headerEnd = Math.min(lines.size(), HEADER_LINES);

        String number = null;
        String symbol = null;
        int numberLine = -1;
        for (int i = 0; i < headerEnd; i++) {
            Matcher m = NUMBER_LINE.matcher(lines.get(i));
            if (m.matches()) {
                String value = m.group(1).split("\\t|\\s{3,}(?=\\p{L})")[0].strip();
                if (value.length() > MAX_NUMBER) {
                    value = value.split("\\s")[0]; // a header run together into one line: the number is its first word
                }
                if (value.endsWith("-") && i + 1 < lines.size()) {
                    value = value + lines.get(i + 1).split("\\s")[0]; // a long joint symbol wrapped by layout
                }
                if (value.matches("^\\d.*")) {
                    number = value.replaceAll("\\s+", "");
                } else if (value.startsWith("/") || value.matches("^[\\p{Lu}].*-.*")) {
                    symbol = value.replaceFirst("^/\\s*", "").replaceAll("\\s+", "");
                } else {
                    continue;
                }
                numberLine = i;
                break;
            }
        }

        String place = null;
        String date = null;
        int dateLine = -1;
        for (int i = 0; i < headerEnd && date == null; i++) {
            Matcher m = PLACE_DATE.matcher(lines.get(i));
            if (m.find()) {
                place = m.group(1).strip();
                date = isoDate(m.group(4), m.group(3), m.group(2));
                dateLine = i;
            }
        }

        boolean draft = false;
        for (int i = 0; i < headerEnd; i++) {
            String l = lines.get(i);
            if (DRAFT.matcher(l).find() && l.length() < 40) {
                draft = true;
                break;
            }
        }

        String type = null;
        String subject = null;
        int start = Math.max(0, Math.max(numberLine, dateLine));
        for (int i = start; i < headerEnd; i++) {
            String l = lines.get(i);
            Matcher vv = VV.matcher(l);
            if (vv.matches()) {
                subject = vv.group(1).strip();
                if (type == null) {
                    type = "Công văn";
                }
                break;
            }
            if (isCapitalLine(l)) {
                DocumentTypes.Type t = types.byName(l.replaceAll("[:.]+$", ""));
                if (t != null) {
                    type = t.name();
                    subject = nextSubject(lines, i + 1, headerEnd);
                    break;
                }
            }
        }
        if (type == null) {
            DocumentTypes.Type t = types.fromNumber(number != null ? number : symbol == null ? null : "0/" + symbol);
            if (t != null) {
                type = t.name();
            }
        }

        String issuer = null;
        String parentIssuer = null;
        List<String> issuerLines = new ArrayList<>();
        int issuerEnd = numberLine >= 0 ? numberLine : Math.min(headerEnd, 12);
        for (int i = 0; i < issuerEnd; i++) {
            for (String cell : lines.get(i).split("\\t")) {
                String c = cell.strip();
                if (c.isEmpty() || c.startsWith("CỘNG HÒA") || c.startsWith("Độc lập") || c.startsWith("ĐỘC LẬP")
                        || DRAFT.matcher(c).find() || !isCapitalLine(c) || c.matches("^[-_=\\s]+$")) {
                    continue;
                }
                issuerLines.add(c);
            }
        }
        if (!issuerLines.isEmpty()) {
            issuer = OrganNames.display(issuerLines.get(issuerLines.size() - 1));
            if (issuerLines.size() > 1) {
                parentIssuer = OrganNames.display(issuerLines.get(issuerLines.size() - 2));
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

    private String nextSubject(List<String> lines, int from, int end) {
        for (int i = from; i < end; i++) {
            String l = lines.get(i);
            if (l.isEmpty() || l.matches("^[-_=]+$")) {
                continue;
            }
            if (l.startsWith("Căn cứ") || l.startsWith("Kính gửi") || NUMBER_LINE.matcher(l).matches()
                    || DRAFT.matcher(l).find() && l.length() < 20) {
                return null;
            }
            StringBuilder subject = new StringBuilder(l);
            // a title wrapped by layout continues on short lines up to a blank line or the body's first words
            for (int j = i + 1; j < end && j < i + 4; j++) {
                String next = lines.get(j);
                if (next.isEmpty() || next.length() > 100 || subject.toString().endsWith(".")
                        || BODY_START.matcher(next).lookingAt() || isCapitalLine(next)) {
                    break;
                }
                subject.append(' ').append(next);
            }
            return subject.toString().replaceAll("\\s+", " ");
        }
        return null;
    }

    /** Lines that begin a document's body rather than continue its title. */
    private static final Pattern BODY_START = Pattern.compile(
            "(?:Căn cứ|Kính gửi|Thực hiện|Theo|Để|Nhằm|Trên cơ sở|Số|[IVX]+\\.|\\d+\\.|[a-zđ]\\)|[-+•])");

    /** The signer's name and title: the first title line followed by a personal name after "Nơi nhận", else the last. */
    private String[] signer(List<String> lines) {
        int after = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Nơi nhận")) {
                after = i;
                break;
            }
        }
        String[] found = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!isTitleLine(l)) {
                continue;
            }
            int j = i + 1;
            while (j < lines.size() && (lines.get(j).isEmpty() || isTitleLine(lines.get(j)))) {
                if (isTitleLine(lines.get(j))) {
                    l = lines.get(j);
                }
                j++;
            }
            if (j < lines.size() && NAME.matcher(lines.get(j)).matches()) {
                String[] candidate = {lines.get(j), titleCase(stripPrefix(l))};
                if (i > after && after >= 0) {
                    return candidate;
                }
                found = candidate;
            }
            i = j - 1;
        }
        return found == null ? new String[] {null, null} : found;
    }

    private boolean isTitleLine(String l) {
        if (!isCapitalLine(l) || l.length() > 60) {
            return false;
        }
        String t = stripPrefix(l);
        for (String w : titleWords) {
            if (t.contains(w)) {
                return true;
            }
        }
        return false;
    }

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
