package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.util.List;
import vn.vanban.citation.CitationResolver;
import vn.vanban.extract.DocumentNumbers;
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

    private final vn.vanban.store.DocumentTextRepository texts;
    private final vn.vanban.citation.ValidityService validity;

    private final vn.vanban.organize.Tags tags;

    public IndexingView(DeadlineRepository deadlines, CitationResolver resolver, vn.vanban.store.DocumentTextRepository texts,
                        vn.vanban.citation.ValidityService validity, vn.vanban.organize.Tags tags) {
        this.tags = tags;
        this.validity = validity;
        this.texts = texts;
        this.deadlines = deadlines;
        this.resolver = resolver;
    }

    /** The indexed form of {@code doc}: its normalized text, display and facet fields, and the numbers it cites. */
    public IndexedDocument of(StoredDocument doc) {
        return of(doc, texts.findNormalizedTextByDocumentId(doc.id()).orElse(""));
    }

    /** The same, with the normalized text at hand. */
    public IndexedDocument of(StoredDocument doc, String normalizedText) {
        return of(doc, normalizedText, deadlines.existsByDocumentId(doc.id()));
    }

    /** The same, knowing whether the document sets deadlines (as ingest does, having just stored them). */
    public IndexedDocument of(StoredDocument doc, String normalizedText, boolean hasDeadlines) {
        return of(doc, normalizedText, hasDeadlines, tags.of(doc.id()));
    }

    /** The same, knowing its tags too (as ingest does, having just written them). */
    public IndexedDocument of(StoredDocument doc, String normalizedText, boolean hasDeadlines, List<String> docTags) {
        String own = doc.docNumber() == null ? null : DocumentNumbers.canonical(doc.docNumber());
        List<String> cited = DocumentNumbers.find(normalizedText).stream()
                .filter(n -> own == null || !DocumentNumbers.canonical(n).equals(own))
                .toList();
        String printedProvince = CitationResolver.province(doc.issuer(), doc.parentIssuer(), doc.place());
        String issuer = resolver.issuerName(doc.docNumber(), doc.issuer(), doc.parentIssuer(),
                printedProvince == null ? null : displayName(printedProvince.strip()));
        String province = issuers.isCentral(issuer) ? CENTRAL
                : printedProvince == null || printedProvince.isBlank() ? null : displayName(printedProvince.strip());
        return new IndexedDocument(doc.id(), normalizedText, doc.docNumber(), doc.docType(), doc.subject(),
                doc.docDate(), issuer, doc.fileName(), cited, province,
                fields.classify(doc.subject(), normalizedText), doc.draft(), hasDeadlines, validity.statusOf(doc.citeKey()),
                docTags);
    }

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
