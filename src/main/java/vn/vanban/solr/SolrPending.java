package vn.vanban.solr;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The documents the SolrCloud collection missed (table {@code solr_pending}): a write that failed, or that waited while
 * the cluster was down, is noted here in the database every node shares, and sent again by {@link SolrCatchUp} when
 * the cluster answers. Noting a document twice is one note.
 */
@Singleton
public class SolrPending {

    private final JdbcOperations jdbc;

    public SolrPending(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes that the collection missed a write of document {@code id}. */
    @Transactional
    public void add(long id) {
        if (!isNoted(id)) {
            try {
                jdbc.prepareStatement("INSERT INTO solr_pending (document_id, since) VALUES (?, ?)", ps -> {
                    ps.setLong(1, id);
                    ps.setTimestamp(2, java.sql.Timestamp.from(java.time.Instant.now()));
                    return ps.executeUpdate();
                });
            } catch (RuntimeException e) {
                // another node noted it between the two statements: one note is enough
                if (!isNoted(id)) {
                    throw e;
                }
            }
        }
    }

    private boolean isNoted(long id) {
        return jdbc.prepareStatement("SELECT 1 FROM solr_pending WHERE document_id = ?", ps -> {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** Up to {@code limit} noted documents, oldest note first. */
    @Transactional
    public List<Long> oldest(int limit) {
        return jdbc.prepareStatement("SELECT document_id FROM solr_pending ORDER BY since, document_id", ps -> {
            ps.setMaxRows(limit);
            List<Long> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** Removes the notes of documents now sent. */
    @Transactional
    public void done(Collection<Long> ids) {
        for (long id : ids) {
            jdbc.prepareStatement("DELETE FROM solr_pending WHERE document_id = ?", ps -> {
                ps.setLong(1, id);
                return ps.executeUpdate();
            });
        }
    }

    /** How many documents are noted. */
    @Transactional
    public long count() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM solr_pending", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
