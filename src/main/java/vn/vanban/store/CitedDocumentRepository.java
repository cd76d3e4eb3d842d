package vn.vanban.store;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;

/** Cited documents. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CitedDocumentRepository extends CrudRepository<CitedDocumentRecord, Long> {

    Optional<CitedDocumentRecord> findByCiteKey(String citeKey);

    List<CitedDocumentRecord> findByNumberKey(String numberKey);

    List<CitedDocumentRecord> findByCiteKeyIn(java.util.Collection<String> citeKeys);

    List<CitedDocumentRecord> findByIdIn(java.util.Collection<Long> ids);

    List<CitedDocumentRecord> findByHeldDocumentId(Long heldDocumentId);

    /** The documents that document {@code documentId} cites, each once (without reading the citations' sentences). */
    @Query("SELECT * FROM cited_document WHERE id IN (SELECT cited_id FROM citation WHERE document_id = :documentId) ORDER BY id")
    List<CitedDocumentRecord> findCitedBy(long documentId);

    @Query("UPDATE cited_document SET held_document_id = :documentId WHERE cite_key = :citeKey")
    void linkHeld(String citeKey, Long documentId);

    /** Cited documents held as {@code id} are now held as {@code replacement} (null: no longer held). */
    @Query("UPDATE cited_document SET held_document_id = :replacement WHERE held_document_id = :id")
    void relinkHeld(Long id, @io.micronaut.core.annotation.Nullable Long replacement);

    /** How many current documents cite a cited document. */
    @Introspected
    @Serdeable
    record Count(Long citedId, Long citing) {
    }

    @Query("SELECT c.cited_id AS cited_id, COUNT(DISTINCT c.document_id) AS citing FROM citation c "
            + "JOIN document d ON d.id = c.document_id WHERE d.current_version = TRUE "
            + "GROUP BY c.cited_id ORDER BY citing DESC, c.cited_id LIMIT :limit")
    List<Count> mostCited(int limit);
}
