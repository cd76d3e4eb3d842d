package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.util.List;
import vn.vanban.citation.CitationResolver;
import vn.vanban.citation.DocumentNumbers;
import vn.vanban.citation.Issuers;
import vn.vanban.index.IndexedDocument;
import vn.vanban.search.Fields;
import vn.vanban.store.DeadlineRepository;
import vn.vanban.store.StoredDocument;

/** Derives what the index holds of a stored document, from the database alone (so the index can be rebuilt). */
@Singleton
public class IndexingView {

    /** The province facet of documents from central bodies. */
    public static final String CENTRAL = "Trung ương";

    private final DeadlineRepository deadlines;
    private final CitationResolver resolver;
    private final Issuers issuers = new Issuers();
    private final Fields fields = Fields.load();

    public IndexingView(DeadlineRepository deadlines, CitationResolver resolver) {
        this.deadlines = deadlines;
        this.resolver = resolver;
    }

    /** The indexed form of {@code doc}: its normalized text, display and facet fields, and the numbers it cites. */
    public IndexedDocument of(StoredDocument doc) {
        String own = doc.docNumber() == null ? null : DocumentNumbers.canonical(doc.docNumber());
        List<String> cited = DocumentNumbers.find(doc.normalizedText()).stream()
                .filter(n -> own == null || !DocumentNumbers.canonical(n).equals(own))
                .toList();
        String printedProvince = CitationResolver.province(doc.issuer(), doc.parentIssuer(), doc.place());
        String issuer = issuer(doc, printedProvince);
        String province = issuers.isCentral(issuer) ? CENTRAL
                : printedProvince == null || printedProvince.isBlank() ? null : displayName(printedProvince.strip());
        return new IndexedDocument(doc.id(), doc.normalizedText(), doc.docNumber(), doc.docType(), doc.subject(),
                doc.docDate(), issuer, doc.fileName(), cited, province,
                fields.classify(doc.subject(), doc.normalizedText()), doc.draft(), deadlines.existsByDocumentId(doc.id()));
    }

    /**
     * The issuing body as the facet and hit list show it: named by the codes of its số ký hiệu when the table
     * knows them ("…/NĐ-CP" → "Chính phủ"), else as printed in its issuer block when that reads as a body.
     */
    private String issuer(StoredDocument doc, String province) {
        String byNumber = resolver.issuerByNumber(doc.docNumber(), province == null ? null : displayName(province.strip()));
        if (byNumber != null) {
            return byNumber;
        }
        for (String printed : new String[] {doc.issuer(), doc.parentIssuer()}) {
            if (printed != null && ORGAN.matcher(printed.strip()).lookingAt()) {
                return issuers.completePrinted(printed.strip().replaceAll("\\s+", " "),
                        province == null ? null : displayName(province.strip()));
            }
        }
        return null;
    }

    /** The words an issuing body's name starts with. */
    private static final java.util.regex.Pattern ORGAN = java.util.regex.Pattern.compile(
            "(?:Bộ|BỘ|Ủy ban|Uỷ ban|ỦY BAN|UỶ BAN|UBND|HĐND|Hội đồng|HỘI ĐỒNG|Sở|SỞ|Chính phủ|CHÍNH PHỦ|Thủ tướng|THỦ TƯỚNG"
            + "|Quốc hội|QUỐC HỘI|Ban|BAN|Văn phòng|VĂN PHÒNG|Tổng cục|TỔNG CỤC|Cục|CỤC|Tỉnh ủy|TỈNH ỦY|Huyện ủy|HUYỆN ỦY"
            + "|Phòng|PHÒNG|Ngân hàng|NGÂN HÀNG|Kiểm toán|KIỂM TOÁN|Thanh tra|THANH TRA|Tòa án|TÒA ÁN|Viện|VIỆN"
            + "|Bảo hiểm xã hội Việt Nam|BẢO HIỂM XÃ HỘI VIỆT NAM|Trung tâm|TRUNG TÂM)(?=\\s|$)");

    /** "BẮC KẠN" → "Bắc Kạn"; a name printed in mixed case stays as printed. */
    static String displayName(String name) {
        if (!name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
            return name;
        }
        StringBuilder b = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetter(c);
        }
        return b.toString();
    }
}
