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
    private final io.micronaut.data.jdbc.runtime.JdbcOperations jdbc;

    public CitationStore(CitedDocumentRepository cited, CitationRepository citations,
                         io.micronaut.data.jdbc.runtime.JdbcOperations jdbc) {
        this.cited = cited;
        this.citations = citations;
        this.jdbc = jdbc;
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

    /**
     * Inserts {@code rows} in one JDBC batch, in the transaction in progress. Micronaut Data's saveAll inserts rows
     * with generated ids one statement at a time on MySQL and MariaDB (to read each id back), and these ids are never
     * read (the 401 gazette documents cite 5,239 documents, several times each).
     */
    private void insertAll(List<CitationRecord> rows) {
        jdbc.prepareStatement("INSERT INTO citation (document_id, cited_id, start_offset, end_offset, sentence, relation) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    for (CitationRecord r : rows) {
                        ps.setLong(1, r.documentId());
                        ps.setLong(2, r.citedId());
                        ps.setInt(3, r.startOffset());
                        ps.setInt(4, r.endOffset());
                        ps.setString(5, r.sentence());
                        ps.setString(6, r.relation());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    return null;
                });
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
        if (!rows.isEmpty()) {
            insertAll(rows);
        }
        if (ownKey != null) {
            cited.linkHeld(ownKey, documentId);
        }
    }
}
