package vn.vanban.correction;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Corrections, oldest first. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface CorrectionRepository extends CrudRepository<Correction, Long> {

    List<Correction> findByDocumentIdOrderById(long documentId);

    boolean existsByDocumentId(long documentId);

    void deleteByDocumentId(long documentId);
}
