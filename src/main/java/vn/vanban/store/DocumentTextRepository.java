package vn.vanban.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** Document texts. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DocumentTextRepository extends CrudRepository<DocumentText, Long> {

    @Query("SELECT normalized_text FROM document_text WHERE document_id = :documentId")
    Optional<String> findNormalizedTextByDocumentId(long documentId);

    @Query("SELECT text_content FROM document_text WHERE document_id = :documentId")
    Optional<String> findTextContentByDocumentId(long documentId);

    @Query("UPDATE document_text SET normalized_text = :normalizedText WHERE document_id = :documentId")
    void updateNormalizedText(long documentId, String normalizedText);
}
