package vn.vanban.citation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import vn.vanban.store.CitationRecord;
import vn.vanban.store.CitationRepository;
import vn.vanban.store.CitedDocumentRepository;

/**
 * Keeps the citations of each document, pointing at cited-document nodes ({@link CitedNodes}), and links the
 * nodes with a document's own key to it when it arrives (a node created later finds it by itself).
 */
@Singleton
public class CitationStore {

    private final CitedDocumentRepository cited;
    private final CitationRepository citations;
    private final vn.vanban.store.BatchInsert batch;

    public CitationStore(CitedDocumentRepository cited, CitationRepository citations, vn.vanban.store.BatchInsert batch) {
        this.cited = cited;
        this.citations = citations;
        this.batch = batch;
    }

    /**
     * Replaces the citations of document {@code documentId} (whose own key is {@code ownKey}, may be null); the
     * nodes were created beforehand by {@link CitedNodes#ensure} and are given by key in {@code nodes}.
     */
    @Transactional
    public void replace(long documentId, String ownKey, List<CitedDocument> refs, java.util.Map<String, Long> nodes) {
        citations.deleteByDocumentId(documentId);
        add(documentId, ownKey, refs, nodes);
    }

    /** Stores the citations of a document just inserted (it has none yet); as {@link #replace} otherwise. */
    @Transactional
    public void add(long documentId, String ownKey, List<CitedDocument> refs, java.util.Map<String, Long> nodes) {
        List<CitationRecord> rows = new java.util.ArrayList<>();
        for (CitedDocument r : refs) {
            long node = nodes.get(r.key());
            for (Mention m : r.mentions()) {
                String sentence = m.sentence().length() > 2000 ? m.sentence().substring(0, 1999) + "…" : m.sentence();
                rows.add(new CitationRecord(null, documentId, node, m.start(), m.end(), sentence, m.relation()));
            }
        }
        // one batch: the rows' ids are never read back
        batch.insert("INSERT INTO citation (document_id, cited_id, start_offset, end_offset, sentence, relation) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rows, (ps, r) -> {
                    ps.setLong(1, r.documentId());
                    ps.setLong(2, r.citedId());
                    ps.setInt(3, r.startOffset());
                    ps.setInt(4, r.endOffset());
                    ps.setString(5, r.sentence());
                    ps.setString(6, r.relation());
                });
        if (ownKey != null) {
            cited.linkHeld(ownKey, documentId);
        }
    }
}
