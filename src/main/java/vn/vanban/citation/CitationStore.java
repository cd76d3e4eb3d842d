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

    /**
     * Replaces the citations of document {@code documentId} (whose own key is {@code ownKey}, may be null); the
     * nodes were created beforehand by {@link CitedNodes#ensure} and are given by key in {@code nodes}.
     */
    @Transactional
    public void replace(long documentId, String ownKey, List<CitedDocument> refs, java.util.Map<String, Long> nodes) {
        citations.deleteByDocumentId(documentId);
        List<CitationRecord> rows = new java.util.ArrayList<>();
        for (CitedDocument r : refs) {
            long node = nodes.get(r.key());
            for (Mention m : r.mentions()) {
                String sentence = m.sentence().length() > 2000 ? m.sentence().substring(0, 1999) + "…" : m.sentence();
                rows.add(new CitationRecord(null, documentId, node, m.start(), m.end(), sentence, m.relation()));
            }
        }
        citations.saveAll(rows);
        if (ownKey != null) {
            cited.linkHeld(ownKey, documentId);
        }
    }
}
