package vn.vanban.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Document records. MariaDB and H2 (MODE=MariaDB) both speak the MySQL dialect here. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DocumentRepository extends CrudRepository<StoredDocument, Long> {

    /** The id of the document with these bytes, without loading its text. */
    @Query("SELECT id FROM document WHERE sha256 = :sha256")
    Optional<Long> findIdBySha256(String sha256);

    Optional<StoredDocument> findBySourceKeyAndCurrentVersion(String sourceKey, boolean currentVersion);

    Page<DocumentSummary> findByCurrentVersion(boolean currentVersion, Pageable pageable);

    Optional<DocumentSummary> queryById(Long id);

    List<DocumentSummary> findBySourceKeyOrderByIdDesc(String sourceKey);

    @Query("SELECT id FROM document WHERE id = :id")
    Optional<Long> findIdById(Long id);

    /** Id and key of current documents with one of {@code citeKeys}. */
    @io.micronaut.core.annotation.Introspected
    record IdKey(Long id, String citeKey) {
    }

    @Query("SELECT id, cite_key FROM document WHERE cite_key IN (:citeKeys) AND current_version = TRUE ORDER BY id DESC")
    List<IdKey> findCurrentByCiteKeyIn(java.util.Collection<String> citeKeys);

    /** Current documents whose number is {@code number} whatever their year and province ("43/HD-STTTT|…"). */
    @Query("SELECT id, cite_key FROM document WHERE cite_key LIKE :prefix ESCAPE '!' AND current_version = TRUE ORDER BY id DESC")
    List<IdKey> findCurrentByCiteKeyLike(String prefix);

    /** The current documents bearing {@code number} (any spelling), whatever their year and province. */
    default List<Long> findCurrentIdsByNumber(String number) {
        String n = vn.vanban.extract.DocumentNumbers.canonical(number.strip()).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return findCurrentByCiteKeyLike(n + "|%").stream().map(IdKey::id).distinct().toList();
    }

    @Query("UPDATE document SET current_version = FALSE WHERE id = :id")
    void markSuperseded(Long id);

    @Query("UPDATE document SET current_version = TRUE WHERE id = :id")
    void markCurrent(Long id);

    /** Versions that followed {@code id} now follow {@code previous} (when {@code id} is deleted). */
    @Query("UPDATE document SET previous_version_id = :previous WHERE previous_version_id = :id")
    void relinkVersions(Long id, @io.micronaut.core.annotation.Nullable Long previous);

    @Query("SELECT id FROM document WHERE current_version = TRUE ORDER BY id")
    List<Long> findCurrentIds();

    @Query("SELECT id FROM document WHERE current_version = TRUE AND id > :after ORDER BY id LIMIT :limit")
    List<Long> findCurrentIdsAfter(long after, int limit);

    long countByCurrentVersion(boolean currentVersion);

    @Query("SELECT id FROM document WHERE id > :after ORDER BY id LIMIT :limit")
    List<Long> findAllIdsAfter(long after, int limit);
}
