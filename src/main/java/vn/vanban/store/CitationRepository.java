package vn.vanban.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Citations (mentions). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CitationRepository extends CrudRepository<CitationRecord, Long> {

    List<CitationRecord> findByDocumentIdOrderByStartOffset(long documentId);

    @Query("SELECT c.* FROM citation c JOIN document d ON d.id = c.document_id "
            + "WHERE c.cited_id = :citedId AND d.current_version = TRUE ORDER BY c.document_id, c.start_offset")
    List<CitationRecord> findCurrentByCitedId(long citedId);

    /** A sentence citing a document, with the date of the current document it is in (null when unknown). */
    @io.micronaut.core.annotation.Introspected
    record DatedSentence(String sentence, @io.micronaut.core.annotation.Nullable String docDate) {
    }

    /** The sentences citing {@code citedId} in current documents, those of the newest documents first. */
    @Query("SELECT c.sentence, d.doc_date FROM citation c JOIN document d ON d.id = c.document_id "
            + "WHERE c.cited_id = :citedId AND d.current_version = TRUE ORDER BY d.doc_date DESC, c.document_id DESC, c.start_offset")
    List<DatedSentence> findCurrentSentencesByCitedId(long citedId);

    void deleteByDocumentId(long documentId);
}
