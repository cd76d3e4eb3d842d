package vn.vanban.correction;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import vn.vanban.store.StoredDocument;

/**
 * The trash ({@code trash}): what was deleted, by whom and when, with what it needs to come back — its original's
 * hash (the original itself stays in the content-addressed store), its source and file name, its tags. Restorable
 * for {@code vanban.trash.days} days (default 30); older entries are purged.
 */
@Singleton
public class Trash {

    /** A deleted document version. */
    @Serdeable
    public record Entry(long documentId, String sha256, String sourcePath, String fileName, @Nullable String title,
                        List<String> tags, String deletedBy, Instant deletedAt, Instant restorableUntil,
                        @Nullable String restoredBy, @Nullable Instant restoredAt, @Nullable Long restoredId) {
    }

    private final JdbcOperations jdbc;
    private final int days;

    public Trash(JdbcOperations jdbc, @Value("${vanban.trash.days:30}") int days) {
        if (days < 1) {
            throw new IllegalArgumentException("vanban.trash.days must be at least 1, not " + days);
        }
        this.jdbc = jdbc;
        this.days = days;
    }

    /** How many days a deleted document can be restored. */
    public int days() {
        return days;
    }

    /**
     * Puts version {@code d}, with tags {@code tags} and its hand corrections, in the trash (in the transaction that
     * deletes it, before its corrections go).
     */
    @Transactional
    public void put(StoredDocument d, String title, List<String> tags, String user) {
        for (String table : List.of("trash_correction", "trash")) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE document_id = ?", ps -> {
                ps.setLong(1, d.id());
                return ps.executeUpdate();
            });
        }
        jdbc.prepareStatement("INSERT INTO trash_correction (document_id, correction_id, kind, item, action, field, new_value, "
                + "old_value, username, at) SELECT document_id, id, kind, item, action, field, new_value, old_value, username, at "
                + "FROM correction WHERE document_id = ?", ps -> {
                    ps.setLong(1, d.id());
                    return ps.executeUpdate();
                });
        String joined = String.join("\n", tags);
        jdbc.prepareStatement("INSERT INTO trash (document_id, sha256, source_path, file_name, title, tags, deleted_by, deleted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, d.id());
                    ps.setString(2, d.sha256());
                    ps.setString(3, d.sourcePath());
                    ps.setString(4, d.fileName());
                    ps.setString(5, title == null ? null : title.length() > 1000 ? title.substring(0, 1000) : title);
                    ps.setString(6, joined.length() > 4000 ? joined.substring(0, 4000) : joined);
                    ps.setString(7, user.length() > 100 ? user.substring(0, 100) : user);
                    ps.setTimestamp(8, Timestamp.from(Instant.now()));
                    return ps.executeUpdate();
                });
    }

    /** What is in the trash, the latest deleted first (entries past their time are purged first). */
    @Transactional
    public List<Entry> entries() {
        purge();
        return jdbc.prepareStatement("SELECT document_id, sha256, source_path, file_name, title, tags, deleted_by, deleted_at, "
                + "restored_by, restored_at, restored_id FROM trash ORDER BY deleted_at DESC, document_id DESC", ps -> {
                    List<Entry> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(entry(rs));
                        }
                    }
                    return out;
                });
    }

    /** Entry {@code documentId}, if it is in the trash. */
    @Transactional(readOnly = true)
    public Optional<Entry> find(long documentId) {
        return jdbc.prepareStatement("SELECT document_id, sha256, source_path, file_name, title, tags, deleted_by, deleted_at, "
                + "restored_by, restored_at, restored_id FROM trash WHERE document_id = ?", ps -> {
                    ps.setLong(1, documentId);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(entry(rs)) : Optional.<Entry>empty();
                    }
                });
    }

    /**
     * The entry to restore, checked: in the trash, not restored yet, within its days.
     *
     * @throws NoSuchElementException  when it is not in the trash (or was purged)
     * @throws IllegalArgumentException in Vietnamese, when it was restored already or its time has passed
     */
    public Entry restorable(long documentId) {
        Entry e = find(documentId).orElseThrow(() -> new NoSuchElementException("văn bản " + documentId + " không có trong thùng rác"));
        if (e.restoredAt() != null) {
            throw new IllegalArgumentException("Văn bản " + documentId + " đã được khôi phục (thành văn bản " + e.restoredId() + ").");
        }
        if (Instant.now().isAfter(e.restorableUntil())) {
            throw new IllegalArgumentException("Văn bản " + documentId + " đã quá " + days + " ngày trong thùng rác.");
        }
        return e;
    }

    /** Marks entry {@code documentId} restored as document {@code newId}. */
    @Transactional
    public void restored(long documentId, long newId, String user) {
        jdbc.prepareStatement("UPDATE trash SET restored_by = ?, restored_at = ?, restored_id = ? WHERE document_id = ?", ps -> {
            ps.setString(1, user.length() > 100 ? user.substring(0, 100) : user);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setLong(3, newId);
            ps.setLong(4, documentId);
            return ps.executeUpdate();
        });
    }

    /** Removes the entries deleted more than {@link #days()} days ago; returns how many. */
    @Transactional
    public int purge() {
        Timestamp before = Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
        jdbc.prepareStatement("DELETE FROM trash_correction WHERE document_id IN (SELECT document_id FROM trash WHERE deleted_at < ?)", ps -> {
            ps.setTimestamp(1, before);
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("DELETE FROM trash WHERE deleted_at < ?", ps -> {
            ps.setTimestamp(1, before);
            return ps.executeUpdate();
        });
    }

    /** The hand corrections deleted version {@code documentId} had, oldest first (their ids are not kept). */
    @Transactional
    public List<Correction> corrections(long documentId) {
        return jdbc.prepareStatement("SELECT kind, item, action, field, new_value, old_value, username, at FROM trash_correction "
                + "WHERE document_id = ? ORDER BY correction_id", ps -> {
                    ps.setLong(1, documentId);
                    List<Correction> out = new java.util.ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Correction(null, documentId, rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
                        }
                    }
                    return out;
                });
    }

    private Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        String tags = rs.getString(6);
        Instant deleted = rs.getTimestamp(8).toInstant();
        Timestamp restoredAt = rs.getTimestamp(10);
        long restoredId = rs.getLong(11);
        Long restored = rs.wasNull() ? null : restoredId;
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                tags == null || tags.isEmpty() ? List.of() : List.of(tags.split("\n")), rs.getString(7), deleted,
                deleted.plus(Duration.ofDays(days)), rs.getString(9), restoredAt == null ? null : restoredAt.toInstant(), restored);
    }
}
