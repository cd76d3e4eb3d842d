package vn.vanban.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

/** Ingest failures. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface FailureRepository extends CrudRepository<IngestFailure, Long> {

    Optional<IngestFailure> findBySha256(String sha256);

    Page<IngestFailure> findAll(Pageable pageable);

    void deleteBySha256(String sha256);
}
