package vn.vanban.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;

/** Deadlines of current document versions. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DeadlineRepository extends CrudRepository<DeadlineRecord, Long> {

    /** A current document that sets deadlines: its id, number and trích yếu (for a picker). */
    @io.micronaut.core.annotation.Introspected
    record Setter(Long id, @io.micronaut.core.annotation.Nullable String docNumber,
                  @io.micronaut.core.annotation.Nullable String subject) {
    }

    /** The current documents that set deadlines, newest first, at most {@code limit}. */
    @Query("SELECT d.id, d.doc_number, d.subject FROM document d WHERE d.current_version = TRUE "
            + "AND EXISTS (SELECT 1 FROM deadline dl WHERE dl.document_id = d.id) ORDER BY d.doc_date DESC, d.id DESC LIMIT :limit")
    List<Setter> findSetters(int limit);

    /** One-off deadlines ending in [from, to] and every recurring one (expanded by the caller). */
    @Query("SELECT dl.* FROM deadline dl JOIN document d ON d.id = dl.document_id WHERE d.current_version = TRUE "
            + "AND (dl.rrule IS NOT NULL OR (dl.due_last >= :from AND dl.due_last <= :to)) ORDER BY dl.due_last, dl.id")
    List<DeadlineRecord> findCandidates(LocalDate from, LocalDate to);

    List<DeadlineRecord> findByDocumentIdOrderByStartOffset(long documentId);

    void deleteByDocumentId(long documentId);

    boolean existsByDocumentId(long documentId);
}
