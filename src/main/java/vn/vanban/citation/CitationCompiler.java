package vn.vanban.citation;

import vn.vanban.extract.DocumentNumbers;
import vn.vanban.normalize.Folding;
import vn.vanban.extract.CitationPatterns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import vn.vanban.extract.DocumentTypes;
import vn.vanban.search.Abbreviations;
import vn.vanban.store.CitedDocumentRecord;
import vn.vanban.store.CitedDocumentRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;

/**
 * Compiles the "Căn cứ …" block of a report from held documents and cited documents: each written in full
 * ("Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của Ủy ban nhân dân tỉnh Bắc Kạn về việc …", abbreviations
 * expanded) and ordered as drafting practice orders it: central legal documents by legal rank (Hiến pháp, luật,
 * nghị quyết of the National Assembly, pháp lệnh, nghị định, quyết định of the Prime Minister, thông tư …),
 * then Party documents, then local ones by rank; within a rank by date, then number. Thread-safe.
 */
@Singleton
public class CitationCompiler {

    /** One compiled item; {@code text} is the item as written after "Căn cứ". */
    @Serdeable
    public record Item(String key, @Nullable Long documentId, @Nullable String type, @Nullable String number,
                       @Nullable String date, @Nullable String issuer, @Nullable String title, int rank,
                       String scope, String text) {
    }

    /** Output formats. */
    public enum Format {
        JSON("application/json", "json"), TEXT("text/plain; charset=utf-8", "txt"),
        MARKDOWN("text/markdown; charset=utf-8", "md"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        CSV("text/csv; charset=utf-8", "csv");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        /** json (default), text/txt, markdown/md, docx, csv — any case. */
        public static Format parse(@Nullable String s) {
            if (s == null || s.isBlank()) {
                return JSON;
            }
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(s.strip()) || f.extension.equalsIgnoreCase(s.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format [" + s + "]: use json, text, markdown, docx or csv");
        }
    }

    private static final String CENTRAL = "central";
    private static final String PARTY = "party";
    private static final String LOCAL = "local";
    private static final Pattern PARTY_NUMBER = Pattern.compile("^\\d+-[A-ZĐ]+/[A-ZĐ]+");
    private static final Pattern LOCAL_ISSUER = Pattern.compile(
            "(?i)(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|^Sở )");

    private final DocumentRepository documents;
    private final CitedDocumentRepository cited;
    private final CitationResolver resolver;
    private final DocumentTypes types;
    private final Issuers issuers = new Issuers();
    private final List<Map.Entry<Pattern, String>> expansions = new ArrayList<>();

    private final vn.vanban.store.CitationRepository citations;

    public CitationCompiler(DocumentRepository documents, CitedDocumentRepository cited, CitationResolver resolver,
                            DocumentTypes types, vn.vanban.store.CitationRepository citations) {
        this.citations = citations;
        this.documents = documents;
        this.cited = cited;
        this.resolver = resolver;
        this.types = types;
        for (Abbreviations.Entry e : Abbreviations.load().entries()) {
            // whole words only, never inside a số ký hiệu ("2099/QĐ-UBND" keeps its codes)
            expansions.add(Map.entry(Pattern.compile("(?<![\\p{L}\\p{N}/&-])" + Pattern.quote(e.abbr()) + "(?![\\p{L}\\p{N}/&-])"),
                    e.expansion()));
        }
    }

    /**
     * The ordered items for held documents {@code documentIds} and cited documents {@code keys} (a key of a held
     * document and its id give one item).
     *
     * @throws IllegalArgumentException when nothing is asked, or an id or key is unknown (all are named)
     */
    public List<Item> compile(List<Long> documentIds, List<String> keys) {
        Compiled c = compileWithNotes(documentIds, keys);
        if (!c.unknown().isEmpty()) {
            throw new IllegalArgumentException("not found: " + String.join(", ", c.unknown()));
        }
        return c.items();
    }

    /**
     * What a page shows: the items that could be written, ordered, and a note in Vietnamese for each one asked that
     * could not ({@code notes}); {@code unknown} names them as the API does.
     */
    public record Compiled(List<Item> items, List<String> notes, List<String> unknown) {
    }

    /** Like {@link #compile} but never refused for one unknown document: the others are written, the problem noted. */
    public Compiled compileWithNotes(List<Long> documentIds, List<String> keys) {
        List<Long> ids = documentIds == null ? List.of() : documentIds;
        List<String> ks = keys == null ? List.of() : keys;
        if (ids.isEmpty() && ks.isEmpty()) {
            throw new IllegalArgumentException("give document ids and/or citation keys to compile");
        }
        Map<String, Item> items = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Long id : ids) {
            Optional<StoredDocument> d = id == null ? Optional.empty() : documents.findById(id);
            if (d.isEmpty()) {
                unknown.add("document " + id);
                notes.add("Không có văn bản mã số " + id + " trong kho (có thể đã bị xóa).");
                continue;
            }
            Item item = fromDocument(d.get(), null);
            items.putIfAbsent(item.key(), item);
        }
        for (String key : ks) {
            Optional<CitedDocumentRecord> node = key == null ? Optional.empty() : cited.findByCiteKey(key.strip());
            if (node.isEmpty() && key != null) {
                node = cited.findByCiteKey(canonicalKey(key)); // the number as printed: "2099/QĐ-UBND|2018|Bắc Kạn"
            }
            if (node.isEmpty()) {
                // a held document nothing cites has no node: found by its own key
                List<Long> held = key == null ? List.of() : heldByKey(key);
                if (held.size() == 1) {
                    Item item = fromDocument(documents.findById(held.get(0)).orElseThrow(), null);
                    items.putIfAbsent(item.key(), item);
                } else {
                    unknown.add("key " + key);
                    notes.add(held.isEmpty()
                            ? "Không tìm thấy văn bản \u201c" + key + "\u201d trong kho hay trong các văn bản được trích dẫn."
                            : "Có " + held.size() + " văn bản số \u201c" + key + "\u201d trong kho: chọn văn bản cần dẫn từ trang"
                                    + " của nó (nút \u201cLập căn cứ\u201d) hoặc thêm năm và tỉnh, ví dụ " + key + "|2019|Cao Bằng.");
                }
                continue;
            }
            CitedDocumentRecord n = node.get();
            Optional<StoredDocument> held = n.heldDocumentId() == null ? Optional.empty() : documents.findById(n.heldDocumentId());
            Item item = held.isPresent() ? fromDocument(held.get(), n) : fromNode(n);
            items.putIfAbsent(item.key(), item);
        }
        List<Item> out = new ArrayList<>(items.values());
        out.sort(ORDER);
        for (Item i : out) {
            if (i.type() == null && i.number() == null) {
                // written as far as it is known; the drafter is told what to complete
                notes.add("Văn bản " + (i.documentId() == null ? i.key() : "mã số " + i.documentId()) + " chưa có loại và số"
                        + " ký hiệu: dòng căn cứ của nó chưa đủ; hãy sửa thông tin văn bản (trang \u201cSửa\u201d) rồi lập lại.");
            }
        }
        return new Compiled(out, notes, unknown);
    }

    /**
     * The held documents a key names: by the whole key, or — a number alone, as a person types it ("43/HD-STTTT") — by
     * every current document bearing that number, whatever its year and province.
     */
    private List<Long> heldByKey(String key) {
        for (String k : List.of(key.strip(), canonicalKey(key))) {
            var found = documents.findCurrentByCiteKeyIn(List.of(k));
            if (!found.isEmpty()) {
                return List.of(found.get(0).id());
            }
        }
        if (key.contains("|")) {
            return List.of();
        }
        return documents.findCurrentIdsByNumber(key);
    }

    /** A key with its number and province in any spelling, as keys are stored: "2099/QD-UBND|2018|bac kan". */
    static String canonicalKey(String key) {
        String[] parts = key.strip().split("\\|", -1);
        parts[0] = DocumentNumbers.canonical(parts[0].strip());
        if (parts.length > 2) {
            parts[2] = Folding.fold(parts[2].strip());
        }
        return String.join("|", parts);
    }

    private static final Comparator<Item> ORDER = Comparator
            .comparingInt((Item i) -> scopeOrder(i.scope()))
            .thenComparingInt(Item::rank)
            .thenComparing(i -> i.date() == null ? "9999" : i.date())
            .thenComparing(i -> i.number() == null ? "" : i.number());

    private static int scopeOrder(String scope) {
        return switch (scope) {
            case CENTRAL -> 0;
            case PARTY -> 1;
            default -> 2;
        };
    }

    private Item fromDocument(StoredDocument d, @Nullable CitedDocumentRecord node) {
        String province = CitationResolver.province(d.issuer(), d.parentIssuer(), d.place());
        String issuer = resolver.issuerName(d.docNumber(), d.issuer(), d.parentIssuer(), province);
        if (issuer == null && node != null) {
            issuer = node.issuer();
        }
        String key = d.citeKey() != null ? d.citeKey() : node != null ? node.citeKey() : "document:" + d.id();
        String type = d.docType() != null ? d.docType() : node == null ? null : node.docType();
        String title = d.subject() != null ? d.subject() : node == null ? null : node.title();
        String date = d.docDate() != null ? d.docDate() : node == null ? null : node.docDate();
        String number = d.docNumber() != null ? d.docNumber() : node == null ? null : node.docNumber();
        String amenders = node == null || number == null ? null : fromCitations(node).amenders();
        return item(key, d.id(), type, number, date, issuer, title, amenders);
    }

    private Item fromNode(CitedDocumentRecord n) {
        String title = n.title() == null ? null : LAW_NAMES.citedTitle(n.title());
        Stated stated = n.docNumber() == null ? new Stated(null, null) : fromCitations(n);
        if (title == null && NAMED_TYPES.contains(n.docType())) {
            title = stated.name(); // a law not held: its name as the citing documents write it
        }
        return item(n.citeKey(), null, n.docType(), n.docNumber(), n.docDate(), n.issuer(), title, stated.amenders());
    }

    /** Types written by their name ("Luật Đầu tư số 61/2020/QH14"), not by issuer and subject. */
    private static final List<String> NAMED_TYPES = List.of("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh");
    /** How those names are written ({@code law-names.yml}). */
    private static final LawNames LAW_NAMES = LawNames.load();

    /**
     * What the citing sentences say of a document beside its number: the name most of them give a law before it ("Luật Tổ
     * chức Chính phủ số 63/2025/QH15" → "Tổ chức Chính phủ"), and the documents that amended it, as the fullest list a
     * "Căn cứ" line gives after it ("… số 25/2008/QH12 được sửa đổi, bổ sung bởi Luật số 46/2014/QH13 và Luật số 51/2024/QH15"
     * → "Luật số 46/2014/QH13 và Luật số 51/2024/QH15"); each null when none says it.
     */
    private record Stated(@Nullable String name, @Nullable String amenders) {
    }

    /** An amending act after a number: "được sửa đổi, bổ sung (một số điều) bởi/theo/tại (các) …", no other "số N" between. */
    private static final Pattern AMENDED_BY = Pattern.compile(
            "(?iu)^(?:(?!(?<![\\p{L}])số\\s+\\d)[^;()])*?được\\s+sửa\\s+đổi,\\s*bổ\\s+sung(?:\\s+một\\s+số\\s+điều)?\\s+(?:bởi|theo|tại)\\s+(?:các\\s+)?");
    /** One amending document in such a list: its type (or that of the one before it) and number. */
    private static final Pattern AMENDER = Pattern.compile(
            "(?u)(?:(Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định)\\s+)?số\\s+(\\d[\\p{L}\\p{N}./-]*[\\p{L}\\p{N}])");

    private Stated fromCitations(CitedDocumentRecord n) {
        String number = Pattern.quote(n.docNumber()).replace("/", "\\E\\s*/\\s*\\Q").replace("-", "\\E\\s*-\\s*\\Q");
        Pattern before = Pattern.compile("(?iu)\\s+số\\s+" + number + "(?![\\p{L}\\p{N}/])");
        Pattern type = n.docType() == null ? null : Pattern.compile("(?u)(?<![\\p{L}])" + Pattern.quote(n.docType()) + "\\s+");
        Map<String, Integer> names = new LinkedHashMap<>();
        String amenders = null;
        int most = 0;
        for (vn.vanban.store.CitationRepository.DatedSentence c : citations.findCurrentSentencesByCitedId(n.id())) {
            String sentence = c.sentence() == null ? "" : c.sentence();
            Matcher at = before.matcher(sentence);
            if (!at.find()) {
                continue;
            }
            String name = type == null ? null : nameBefore(sentence.substring(0, at.start()), type);
            if (name != null) {
                names.merge(name, 1, Integer::sum);
            }
            Matcher amended = AMENDED_BY.matcher(sentence).region(at.end(), sentence.length());
            if (BASIS.matcher(sentence).lookingAt() && amended.lookingAt()) {
                // the fullest list a "Căn cứ" line gives (amendments only add up), the newest document's on a tie
                List<String> list = amenders(sentence.substring(amended.end()), n.docType());
                if (list.size() > most) {
                    most = list.size();
                    amenders = list.size() == 1 ? list.get(0)
                            : String.join(", ", list.subList(0, list.size() - 1)) + " và " + list.get(list.size() - 1);
                }
            }
        }
        String name = names.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new Stated(name, amenders);
    }

    /**
     * The name before a number: from the first type word from which the words up to it make one name — no ";", ":" or
     * parenthesis, and no other type word unless the name says what the law does ("Luật sửa đổi, bổ sung một số điều của
     * Luật …"); a comma may stand in a name ("Luật Thuế xuất khẩu, thuế nhập khẩu").
     */
    private static String nameBefore(String head, Pattern type) {
        Matcher t = type.matcher(head);
        while (t.find()) {
            String candidate = head.substring(t.end()).strip();
            if (candidate.length() >= 2 && candidate.length() <= 200 && !candidate.matches(".*[;:()].*")
                    && (!INNER_TYPE.matcher(candidate).find() || LAW_NAMES.saysWhatItDoes(candidate))) {
                return candidate; // the earliest that makes one name is the whole name
            }
        }
        return null;
    }

    private static final Pattern INNER_TYPE = Pattern.compile("(?u)(?<![\\p{L}])(Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết)(?![\\p{L}])");

    /** A sentence that is a "Căn cứ" line. */
    private static final Pattern BASIS = Pattern.compile("(?iu)\\s*căn\\s+cứ\\s");

    /**
     * "Luật số 46/2014/QH13 và Luật số 51/2024/QH15 (sau đây …" → ["Luật số 46/2014/QH13", "Luật số 51/2024/QH15"], for
     * a document of type {@code amendedType}: a law is amended by laws, ordinances and the National Assembly's
     * resolutions, anything else by its own type; a list naming any other is not read.
     */
    private List<String> amenders(String list, @Nullable String amendedType) {
        int end = list.length();
        for (char stop : new char[] {';', '(', '\n'}) {
            int at = list.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        List<String> out = new ArrayList<>();
        String lastType = null;
        Matcher m = AMENDER.matcher(list.substring(0, end));
        while (m.find()) {
            String t = m.group(1) != null ? m.group(1) : lastType;
            if (t == null) {
                DocumentTypes.Type byNumber = types.fromNumber(m.group(2));
                t = byNumber == null ? null : byNumber.name();
            }
            if (t == null) {
                break;
            }
            boolean fits = NAMED_TYPES.contains(amendedType) ? NAMED_TYPES.contains(t) || t.equals("Nghị quyết")
                    : t.equals(amendedType);
            if (!fits) {
                return List.of();
            }
            out.add(t + " số " + m.group(2));
            lastType = t;
        }
        return out;
    }

    private Item item(String key, @Nullable Long id, @Nullable String type, @Nullable String number,
                      @Nullable String date, @Nullable String issuer, @Nullable String title, @Nullable String amenders) {
        String scope = scope(number, issuer);
        int rank = rank(type, number, issuer);
        String fullIssuer = issuer == null ? null : expand(issuer.strip());
        String fullTitle = title == null || title.isBlank() ? null : expand(title.strip().replaceAll("\\s+", " "));
        return new Item(key, id, type, number, date, fullIssuer, fullTitle, rank, scope,
                write(type, number, date, fullIssuer, fullTitle) + (amenders == null ? "" : " được sửa đổi, bổ sung bởi " + amenders));
    }

    /** central, party or local: from the number's codes, else from the issuer's name. */
    private String scope(@Nullable String number, @Nullable String issuer) {
        if (number != null && PARTY_NUMBER.matcher(number).find()) {
            return PARTY;
        }
        if (number != null) {
            List<String> codes = resolver.issuerCodes(DocumentNumbers.canonical(number));
            if (!codes.isEmpty()) {
                return codes.stream().anyMatch(issuers::isLocal) ? LOCAL : CENTRAL;
            }
        }
        if (issuer != null && issuers.isCentral(issuer)) {
            return CENTRAL;
        }
        return issuer != null && LOCAL_ISSUER.matcher(issuer).find() ? LOCAL : CENTRAL;
    }

    /**
     * Legal rank: the type's rank from the table, with the National Assembly's and its Standing Committee's
     * nghị quyết beside the laws and ordinances, the Government's beside its nghị định, and a quyết định not of the
     * Prime Minister after the thông tư.
     */
    private int rank(@Nullable String type, @Nullable String number, @Nullable String issuer) {
        DocumentTypes.Type t = type == null ? null : types.byName(type);
        if (t == null && number != null) {
            t = types.fromNumber(number);
        }
        if (t == null) {
            return 99;
        }
        if (t.name().equals("Quyết định")) {
            String n = number == null ? "" : number.toUpperCase(Locale.ROOT);
            String who = issuer == null ? "" : Folding.fold(issuer);
            if (!n.endsWith("-TTG") && !who.startsWith("thu tuong")) {
                return types.byName("Thông tư").rank() + 1; // a minister's or a local body's decision: after the circulars
            }
        }
        if (t.name().equals("Nghị quyết")) {
            String n = number == null ? "" : number.toUpperCase(Locale.ROOT);
            String who = issuer == null ? "" : Folding.fold(issuer);
            if (n.contains("UBTVQH") || who.contains("uy ban thuong vu quoc hoi")) {
                return types.byName("Pháp lệnh").rank();
            }
            if (n.matches(".*-QH\\d*$") || who.startsWith("quoc hoi")) {
                return types.byName("Luật").rank();
            }
            if (n.endsWith("-CP") || who.startsWith("chinh phu")) {
                return types.byName("Nghị định").rank();
            }
        }
        return t.rank();
    }

    private String expand(String s) {
        String out = s;
        for (Map.Entry<Pattern, String> e : expansions) {
            Matcher m = e.getKey().matcher(out);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String expansion = e.getValue();
                String before = out.substring(0, m.start()).stripTrailing();
                if (before.endsWith("Bộ") || before.endsWith("Sở")) {
                    expansion = officeName(expansion); // "Bộ TTTT" → "Bộ Thông tin và Truyền thông"
                }
                m.appendReplacement(b, Matcher.quoteReplacement(expansion));
            }
            m.appendTail(b);
            out = b.toString();
        }
        return out;
    }

    /** A ministry's or department's name capitalized as official names are: "thông tin và truyền thông" → "Thông tin và Truyền thông". */
    static String officeName(String words) {
        StringBuilder b = new StringBuilder(words.length());
        boolean capital = true;
        for (String w : words.split(" ")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(capital && !w.isEmpty() ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            capital = w.equals("và") || w.equals("-");
        }
        return b.toString();
    }

    /**
     * A line as current drafting writes it: "Quyết định số 2099/QĐ-UBND ngày 08 tháng 12 năm 2018 của Ủy ban nhân dân
     * tỉnh Bắc Kạn về việc …"; a thông tư by the head who issues it ("… của Bộ trưởng Bộ Tài chính quy định …"); a law by
     * its name and number, without its date ("Luật Đầu tư số 61/2020/QH14"), or by its date when the number is unknown.
     */
    static String write(@Nullable String type, @Nullable String number, @Nullable String date, @Nullable String issuer,
                        @Nullable String title) {
        StringBuilder b = new StringBuilder(type == null ? "Văn bản" : type);
        boolean named = type != null && NAMED_TYPES.contains(type);
        if (named && title != null) {
            b.append(' ').append(LAW_NAMES.name(title)); // "ĐẦU TƯ" → "Đầu tư"
        }
        if (number != null) {
            b.append(" số ").append(number);
        }
        if (date != null && !(named && number != null)) {
            b.append(' ').append(datePhrase(date));
        }
        if (!named && issuer != null) {
            b.append(" của ").append(LAW_NAMES.issuedBy(type, issuer));
        }
        if (!named && title != null) {
            b.append(' ').append(aboutPhrase(title));
        }
        return b.toString();
    }

    /**
     * "2018-12-08" → "ngày 08 tháng 12 năm 2018" (a day below 10 and the months 1 and 2 with a leading zero, as Nghị định
     * 30/2020/NĐ-CP writes dates); "2019-12" → "tháng 12 năm 2019"; "2023" → "năm 2023".
     */
    static String datePhrase(String iso) {
        String year = "năm " + iso.substring(0, 4);
        if (iso.length() < 7) {
            return year;
        }
        int m = Integer.parseInt(iso.substring(5, 7));
        String month = "tháng " + (m <= 2 ? "0" + m : Integer.toString(m)) + " " + year;
        return iso.length() < 10 ? month : "ngày " + iso.substring(8, 10) + " " + month;
    }

    /**
     * How a trích yếu that says what the document does begins, folded: the title starts of the citation grammar
     * ({@code citation-patterns.yml}), each followed by a space.
     */
    private static final List<String> ACT_STARTS = CitationPatterns.load().titleStarts().stream()
            .map(x -> Folding.fold(x) + " ").toList();

    /** The trích yếu as it follows the issuer: "V/v …" becomes "về việc …", a capital that starts a sentence goes. */
    static String aboutPhrase(String title) {
        String t = title.strip();
        if (t.regionMatches(true, 0, "V/v", 0, 3)) {
            return "về việc " + t.substring(3).strip();
        }
        if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !Character.isUpperCase(t.charAt(1))) {
            t = Character.toLowerCase(t.charAt(0)) + t.substring(1);
        }
        String f = Folding.fold(t);
        for (String start : ACT_STARTS) {
            if (f.startsWith(start)) {
                return t; // "… của Chính phủ quy định chi tiết …"
            }
        }
        if (LAW_NAMES.opensWithAct(t)) {
            return t; // "… của Chính phủ cắt giảm, phân cấp …"
        }
        return "về " + t; // a subject, not an act: "… của Sở … về nhiệm vụ trọng tâm …""
    }



    /** The block as plain text: one "Căn cứ …;" line per item. */
    public String text(List<Item> items) {
        StringBuilder b = new StringBuilder();
        for (Item i : items) {
            b.append("Căn cứ ").append(i.text()).append(";\n");
        }
        return b.toString();
    }

    /** The block as Markdown: one italic paragraph per item, as Nghị định 30 sets the "Căn cứ" lines. */
    public String markdown(List<Item> items) {
        StringBuilder b = new StringBuilder();
        for (Item i : items) {
            b.append('*').append(escapeMarkdown("Căn cứ " + i.text() + ";")).append("*\n\n");
        }
        return b.toString();
    }

    static String escapeMarkdown(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]#<>|])", "\\\\$1");
    }

    /** One row per item with its parts, for a spreadsheet. */
    public String csv(List<Item> items) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("order", "text", "type", "number", "date", "issuer", "title", "scope", "rank", "key", "document_id")
                .get())) {
            int n = 1;
            for (Item i : items) {
                p.printRecord(n++, "Căn cứ " + i.text() + ";", i.type(), i.number(), i.date(), i.issuer(), i.title(),
                        i.scope(), i.rank(), i.key(), i.documentId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A Word document: one justified, italic Times New Roman 14 paragraph per item (Nghị định 30 layout). */
    public byte[] docx(List<Item> items) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Item i : items) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(567); // 1 cm
                p.setSpacingAfter(120);
                XWPFRun r = p.createRun();
                r.setFontFamily("Times New Roman");
                r.setFontSize(14);
                r.setItalic(true);
                r.setText("Căn cứ " + i.text() + ";");
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
