package vn.vanban.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Tasks of current document versions. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface TaskRepository extends CrudRepository<TaskRecord, Long> {

    @Query("SELECT t.* FROM task t JOIN document d ON d.id = t.document_id WHERE d.current_version = TRUE "
            + "ORDER BY t.period DESC, t.document_id, t.start_offset")
    List<TaskRecord> findCurrent();

    List<TaskRecord> findByDocumentIdOrderByStartOffset(long documentId);

    void deleteByDocumentId(long documentId);
}
