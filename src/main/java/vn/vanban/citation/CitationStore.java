package vn.vanban.citation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import vn.vanban.store.CitationRecord;
import vn.vanban.store.CitationRepository;
import vn.vanban.store.CitedDocumentRecord;
import vn.vanban.store.CitedDocumentRepository;
import vn.vanban.store.DocumentRepository;

/**
 * Keeps the citation graph: one cited-document node per canonical key, the citations of each document, and the
 * link from a node to the held document with that key (both ways: a new citation finds a held document, a new
 * document is linked to the nodes that cite it).
 */
@Singleton
public class CitationStore {

    private final CitedDocumentRepository cited;
    private final CitationRepository citations;
    private final DocumentRepository documents;

    public CitationStore(CitedDocumentRepository cited, CitationRepository citations, DocumentRepository documents) {
        this.cited = cited;
        this.citations = citations;
        this.documents = documents;
    }

    /** Replaces the citations of document {@code documentId} (whose own key is {@code ownKey}, may be null). */
    @Transactional
    public void replace(long documentId, String ownKey, List<CitedDocument> refs) {
        citations.deleteByDocumentId(documentId);
        // nodes in key order, so concurrent ingests lock shared nodes in the same order
        List<CitedDocument> ordered = refs.stream().sorted(java.util.Comparator.comparing(CitedDocument::key)).toList();
        java.util.Map<String, CitedDocumentRecord> known = new java.util.HashMap<>();
        if (!ordered.isEmpty()) {
            for (CitedDocumentRecord r : cited.findByCiteKeyIn(ordered.stream().map(CitedDocument::key).toList())) {
                known.put(r.citeKey(), r);
            }
        }
        List<CitationRecord> rows = new java.util.ArrayList<>();
        for (CitedDocument r : ordered) {
            CitedDocumentRecord node = node(r, known.get(r.key()));
            for (Mention m : r.mentions()) {
                String sentence = m.sentence().length() > 2000 ? m.sentence().substring(0, 1999) + "…" : m.sentence();
                rows.add(new CitationRecord(null, documentId, node.id(), m.start(), m.end(), sentence, m.relation()));
            }
        }
        citations.saveAll(rows);
        if (ownKey != null) {
            cited.linkHeld(ownKey, documentId);
        }
    }

    private CitedDocumentRecord node(CitedDocument r, CitedDocumentRecord existing) {
        if (existing != null) {
            CitedDocumentRecord e = existing;
            // fill what earlier citations left open
            if ((e.docDate() == null && r.date() != null) || (e.title() == null && r.title() != null)
                    || (e.issuer() == null && r.issuer() != null)) {
                return cited.update(new CitedDocumentRecord(e.id(), e.citeKey(), e.numberKey(), e.docNumber(), e.docType(),
                        e.citedYear(), e.docDate() != null ? e.docDate() : r.date(), e.issuer() != null ? e.issuer() : r.issuer(),
                        e.title() != null ? e.title() : truncate(r.title(), 1000), e.heldDocumentId()));
            }
            return e;
        }
        Long held = documents.findCurrentIdByCiteKey(r.key()).orElse(null);
        return cited.save(new CitedDocumentRecord(null, r.key(), DocumentNumbers.canonical(r.number()), r.number(),
                r.type(), r.year(), r.date(), truncate(r.issuer(), 500), truncate(r.title(), 1000), held));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
