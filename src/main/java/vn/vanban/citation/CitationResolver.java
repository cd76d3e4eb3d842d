package vn.vanban.citation;

import vn.vanban.extract.DocumentNumbers;
import vn.vanban.normalize.Folding;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.extract.DocumentTypes;

/**
 * Turns the mentions of one text into distinct cited documents (the second pass of find-then-resolve): one per
 * canonical number, a year-less citation of a normative document merged into its full form when the dates agree,
 * short back-references attached to the document they repeat, the citing document's own number and its "Nơi nhận"
 * block left out, implausible dates not trusted, issuers completed from the symbol table or the citing document's
 * province. Unresolvable mentions stay unlinked; nothing is guessed. Stateless; thread-safe.
 */
@Singleton
public final class CitationResolver {

    /** A symbol that carries its year ("45/2016/QĐ-TTg"): numbered once, never anew each year. */
    private static final Pattern YEAR_IN_SYMBOL = Pattern.compile("/(?:19|20)\\d{2}/");

    private static final Pattern STATE = Pattern.compile("^(\\d+[a-z]?)(?:/((?:19|20)\\d{2}))?/(.+)$");
    private static final Pattern PARTY = Pattern.compile("^(\\d+)-([^/]+)/(.+)$");

    private final DocumentTypes types;
    private final Issuers issuers;

    public CitationResolver(DocumentTypes types, Issuers issuers) {
        this.types = types;
        this.issuers = issuers;
    }

    /** The documents cited in {@code text}, whose own metadata is {@code self}, in order of first mention. */
    public List<CitedDocument> resolve(String text, List<Mention> mentions, DocumentMetadata self) {
        String ownKey = self.number() == null ? null : DocumentNumbers.canonical(self.number());
        String province = province(self);
        int[] recipients = recipientsBlock(text);
        Map<String, List<Mention>> groups = new LinkedHashMap<>();
        List<Mention> shortRefs = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= recipients[0] && m.start() < recipients[1]) {
                continue;
            }
            if (m.shortForm()) {
                shortRefs.add(m);
                continue;
            }
            String key = DocumentNumbers.canonical(m.number());
            if (key.equals(ownKey)) {
                continue;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        mergeYearless(groups);
        splitByYear(groups);
        for (Mention s : shortRefs) {
            for (var e : groups.entrySet()) {
                Mention first = e.getValue().get(0);
                if (s.typeName().equals(typeOf(first)) && (e.getKey().startsWith(s.number() + "-")
                        || e.getKey().startsWith(s.number() + "/")) && first.start() < s.start()) {
                    e.getValue().add(s);
                    break;
                }
            }
        }
        List<CitedDocument> out = new ArrayList<>();
        for (var e : groups.entrySet()) {
            out.add(document(e.getValue(), self, province));
        }
        return out;
    }

    /**
     * A state document's number without a year in its symbol is numbered anew each year ("02/CT-TTg ngày 04/7/2018" and
     * "02/CT-TTg ngày 15/11/2019" are two directives): a group whose mentions are dated in different years becomes one
     * group a year; an undated mention stays with the first.
     */
    private static void splitByYear(Map<String, List<Mention>> groups) {
        for (String key : List.copyOf(groups.keySet())) {
            if (YEAR_IN_SYMBOL.matcher(key).find() || PARTY.matcher(key).matches()) {
                continue; // numbered once; a Party document ("59-NQ/TW") is numbered over a term, not a year
            }
            Map<String, List<Mention>> byYear = new LinkedHashMap<>();
            for (Mention m : groups.get(key)) {
                String year = m.date() == null ? null : m.date().substring(0, 4);
                byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(m);
            }
            byYear.values().removeIf(List::isEmpty);
            List<String> years = byYear.keySet().stream().filter(java.util.Objects::nonNull).toList();
            if (years.size() < 2) {
                continue;
            }
            List<Mention> undated = byYear.remove(null);
            Map<String, List<Mention>> rebuilt = new LinkedHashMap<>();
            for (var e : groups.entrySet()) {
                if (!e.getKey().equals(key)) {
                    rebuilt.put(e.getKey(), e.getValue());
                    continue;
                }
                boolean first = true;
                for (var y : byYear.entrySet()) {
                    List<Mention> ms = new ArrayList<>(y.getValue());
                    if (first && undated != null) {
                        ms.addAll(undated);
                        ms.sort(java.util.Comparator.comparingInt(Mention::start));
                    }
                    rebuilt.put(first ? key : key + "|" + y.getKey(), ms);
                    first = false;
                }
            }
            groups.clear();
            groups.putAll(rebuilt);
        }
    }

    /** "45/QĐ-TTg" (year missing) joins "45/2016/QĐ-TTg" when its date, if printed, falls in 2016. */
    private void mergeYearless(Map<String, List<Mention>> groups) {
        List<String> keys = new ArrayList<>(groups.keySet());
        for (String k : keys) {
            Matcher m = STATE.matcher(k);
            if (!m.matches() || m.group(2) != null) {
                continue;
            }
            for (String other : keys) {
                Matcher o = STATE.matcher(other);
                if (other.equals(k) || !o.matches() || o.group(2) == null || !groups.containsKey(other)) {
                    continue;
                }
                if (o.group(1).equals(m.group(1)) && o.group(3).equals(m.group(3))) {
                    String year = o.group(2);
                    boolean datesAgree = groups.get(k).stream().allMatch(x -> x.date() == null || x.date().startsWith(year));
                    if (datesAgree && groups.containsKey(k)) {
                        groups.get(other).addAll(groups.remove(k));
                    }
                    break;
                }
            }
        }
    }

    private CitedDocument document(List<Mention> ms, DocumentMetadata self, String province) {
        Mention full = ms.stream().filter(m -> !m.shortForm() && yearOf(m.number()) != null).findFirst()
                .orElse(ms.stream().filter(m -> !m.shortForm()).findFirst().orElse(ms.get(0)));
        String number = full.number();
        Integer symbolYear = yearOf(number);
        String date = null;
        for (Mention m : ms) {
            if (m.date() != null && plausible(m.date(), self.date(), symbolYear)) {
                date = m.date();
                break;
            }
        }
        Integer year = symbolYear != null ? symbolYear : date != null ? Integer.valueOf(date.substring(0, 4)) : null;
        String type = null;
        for (Mention m : ms) {
            if (m.typeName() != null && !m.shortForm()) {
                type = m.typeName();
                break;
            }
        }
        if (type == null) {
            type = typeFromNumber(number);
        }
        String issuer = null;
        for (Mention m : ms) {
            if (m.issuer() != null) {
                issuer = issuers.completePrinted(m.issuer(), province);
                break;
            }
        }
        List<String> codes = issuerCodes(number);
        if (issuer == null) {
            issuer = issuers.fromCodes(codes, province);
        }
        String title = ms.stream().map(Mention::title).filter(t -> t != null).findFirst().orElse(null);
        return new CitedDocument(keyOf(number, year, province), type, number, year, date, issuer, title, List.copyOf(ms));
    }

    /**
     * The canonical key of a document numbered {@code number}, of {@code year}: canonical number, year, and the
     * province for bodies that number their documents per province (UBND, HĐND, Tỉnh ủy, Sở …).
     */
    public String keyOf(String number, Integer year, String province) {
        boolean local = issuerCodes(number).stream().anyMatch(issuers::isLocal);
        String scope = local && province != null ? Folding.fold(province).strip() : "";
        return DocumentNumbers.canonical(number) + "|" + (year == null ? "" : year) + "|" + scope;
    }

    /** The key of the document described by {@code self} (its own number), or null when it has none. */
    public String ownKey(DocumentMetadata self) {
        if (self.number() == null || !Character.isDigit(self.number().charAt(0))) {
            return null;
        }
        Integer year = yearOf(self.number());
        if (year == null && self.date() != null && self.date().length() >= 4) {
            year = Integer.valueOf(self.date().substring(0, 4));
        }
        return keyOf(self.number(), year, province(self));
    }

    /** A cited date is trusted when it is not later than the citing document (or today, when undated). */
    static boolean plausible(String cited, String citingDate, Integer symbolYear) {
        String limit = citingDate != null ? citingDate : java.time.LocalDate.now().toString();
        String c = cited.substring(0, Math.min(cited.length(), limit.length()));
        if (c.compareTo(limit) > 0) {
            return false;
        }
        return symbolYear == null || cited.startsWith(symbolYear.toString());
    }

    private String typeOf(Mention m) {
        return m.typeName() != null ? m.typeName() : typeFromNumber(m.number());
    }

    /** The type a symbol names: "QĐ-UBND" → Quyết định, "36-NQ/TW" → Nghị quyết, "UBND-THVX" → Công văn. */
    String typeFromNumber(String number) {
        DocumentTypes.Type t = types.fromNumber(number);
        if (t != null) {
            return t.name();
        }
        // no type code: a letter's symbol names its issuer and drafting unit ("UBND-THVX")
        Matcher s = STATE.matcher(number);
        return s.matches() && s.group(3).contains("-") ? "Công văn" : "Văn bản";
    }

    /**
     * The issuing body as lists and facets show it: named by the codes of its số ký hiệu when the table knows them
     * ("…/NĐ-CP" → "Chính phủ"), else as printed in its issuer block when that reads as a body (completed with the
     * province where it is printed without one); null when neither names one.
     */
    public String issuerName(String number, String issuer, String parentIssuer, String province) {
        String byNumber = issuerByNumber(number, province);
        if (byNumber != null) {
            return byNumber;
        }
        for (String printed : new String[] {issuer, parentIssuer}) {
            if (printed != null && ORGAN.matcher(printed.strip()).lookingAt()) {
                return issuers.completePrinted(printed.strip().replaceAll("\\s+", " "), province);
            }
        }
        return null;
    }

    /** The words an issuing body's name starts with. */
    private static final Pattern ORGAN = Pattern.compile(
            "(?:Bộ|BỘ|Ủy ban|Uỷ ban|ỦY BAN|UỶ BAN|UBND|HĐND|Hội đồng|HỘI ĐỒNG|Sở|SỞ|Chính phủ|CHÍNH PHỦ|Thủ tướng|THỦ TƯỚNG"
            + "|Quốc hội|QUỐC HỘI|Ban|BAN|Văn phòng|VĂN PHÒNG|Tổng cục|TỔNG CỤC|Cục|CỤC|Tỉnh ủy|TỈNH ỦY|Huyện ủy|HUYỆN ỦY"
            + "|Phòng|PHÒNG|Ngân hàng|NGÂN HÀNG|Kiểm toán|KIỂM TOÁN|Thanh tra|THANH TRA|Tòa án|TÒA ÁN|Viện|VIỆN"
            + "|Bảo hiểm xã hội Việt Nam|BẢO HIỂM XÃ HỘI VIỆT NAM|Trung tâm|TRUNG TÂM)(?=\\s|$)");

    /** The issuer a số ký hiệu names by its codes ("207/2026/NĐ-CP" → "Chính phủ"), with {@code province} for local bodies; null if unknown. */
    public String issuerByNumber(String number, String province) {
        return number == null ? null : issuers.fromCodes(issuerCodes(DocumentNumbers.canonical(number)), province);
    }

    /** The issuer codes of a number: the symbol's parts after its type code ("TTLT-BTTTT-BNV" → BTTTT, BNV). */
    List<String> issuerCodes(String number) {
        Matcher p = PARTY.matcher(number);
        if (p.matches()) {
            return List.of(p.group(3));
        }
        Matcher s = STATE.matcher(number);
        if (!s.matches()) {
            return List.of();
        }
        String[] parts = s.group(3).split("-");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (i == 0 && parts.length > 1 && types.byCode(parts[0]) != null) {
                continue;
            }
            if (i > 0 && types.byCode(parts[0]) == null) {
                break; // a letter's symbol: issuer code first, then the drafting unit ("UBND-THVX")
            }
            codes.add(parts[i]);
        }
        return codes;
    }

    static Integer yearOf(String number) {
        Matcher s = STATE.matcher(number);
        return s.matches() && s.group(2) != null ? Integer.valueOf(s.group(2)) : null;
    }

    private static final Pattern PROVINCE_IN_ISSUER = Pattern.compile("(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố)\\s+(.+)$");

    /** The citing document's province, from its place line or its issuer block ("UBND tỉnh Bắc Kạn"). */
    static String province(DocumentMetadata self) {
        return province(self.issuer(), self.parentIssuer(), self.place());
    }

    /** A document's province from its issuer block ("UBND tỉnh Bắc Kạn" → "Bắc Kạn"), else its place line. */
    public static String province(String issuer, String parentIssuer, String place) {
        for (String s : new String[] {parentIssuer, issuer}) {
            if (s != null) {
                Matcher m = PROVINCE_IN_ISSUER.matcher(s);
                if (m.find()) {
                    return m.group(1).strip();
                }
            }
        }
        return place;
    }

    /** [start, end) of the "Nơi nhận:" list, or an empty range. */
    static int[] recipientsBlock(String text) {
        int at = text.indexOf("Nơi nhận");
        while (at >= 0) {
            int lineStart = text.lastIndexOf('\n', at) + 1;
            if (text.substring(lineStart, at).isBlank()) {
                int end = at;
                int gap = 0;
                int pos = text.indexOf('\n', at);
                while (pos >= 0 && pos < text.length()) {
                    int next = text.indexOf('\n', pos + 1);
                    String line = text.substring(pos + 1, next < 0 ? text.length() : next).strip();
                    if (line.isEmpty() || line.endsWith(":")) {
                        if (++gap > 3) {
                            break;
                        }
                    } else if (line.startsWith("-") || line.startsWith("+") || line.startsWith("•")) {
                        gap = 0;
                        end = next < 0 ? text.length() : next;
                    } else {
                        break;
                    }
                    pos = next;
                }
                return new int[] {at, Math.max(end, at)};
            }
            at = text.indexOf("Nơi nhận", at + 1);
        }
        return new int[] {0, 0};
    }
}
