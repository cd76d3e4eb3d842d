package vn.vanban.citation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents a user follows (by canonical key, held or only cited), and what documents the repository holds do to
 * them — amend, replace, repeal — newest first: the "Theo dõi" page and the user's Atom feed.
 */
@Singleton
public class Follows {

    /** A followed document. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Followed(String key, String label, Instant followedAt, @Nullable String status,
                           @Nullable String statusLabel) {
    }

    /**
     * Something a held document did to a followed one: {@code relation} (amends, replaces, repeals) of {@code key}
     * ({@code label}) by the document numbered {@code doer} (held as {@code doerHeld}), stated in held document
     * {@code statedIn} that arrived at {@code arrivedAt}; {@code afterFollowing} when it arrived after the user followed.
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Event(String key, String label, String relation, @Nullable String articles, @Nullable String effective,
                        @Nullable String doer, @Nullable Long doerHeld, long statedIn, @Nullable String statedInSubject,
                        Instant arrivedAt, boolean afterFollowing) {
    }

    private final JdbcOperations jdbc;
    private final ValidityService validity;

    public Follows(JdbcOperations jdbc, ValidityService validity) {
        this.jdbc = jdbc;
        this.validity = validity;
    }

    /** {@code username} follows the document keyed {@code key} ({@code label}: how it is named); again is harmless. */
    @Transactional
    public void follow(String username, String key, String label) {
        if (key == null || key.isBlank() || key.length() > 300) {
            throw new IllegalArgumentException("give the key of the document to follow");
        }
        long user = userId(username);
        if (isFollowing(username, key)) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO follow (user_id, cite_key, label, followed_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setLong(1, user);
            ps.setString(2, key);
            ps.setString(3, label == null || label.isBlank() ? key : label.length() > 500 ? label.substring(0, 500) : label);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            return ps.executeUpdate();
        });
    }

    /** {@code username} no longer follows {@code key}. */
    @Transactional
    public void unfollow(String username, String key) {
        long user = userId(username);
        jdbc.prepareStatement("DELETE FROM follow WHERE user_id = ? AND cite_key = ?", ps -> {
            ps.setLong(1, user);
            ps.setString(2, key);
            return ps.executeUpdate();
        });
    }

    @Transactional
    public boolean isFollowing(String username, String key) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM follow f JOIN app_user u ON u.id = f.user_id "
                + "WHERE u.username = ? AND f.cite_key = ?", ps -> {
                    ps.setString(1, username);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getLong(1) > 0;
                    }
                });
    }

    /** What {@code username} follows, most recently followed first, with each document's validity. */
    @Transactional
    public List<Followed> followed(String username) {
        List<Followed> rows = jdbc.prepareStatement("SELECT f.cite_key, f.label, f.followed_at FROM follow f "
                + "JOIN app_user u ON u.id = f.user_id WHERE u.username = ? ORDER BY f.followed_at DESC, f.id DESC", ps -> {
                    ps.setString(1, username);
                    List<Followed> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Followed(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), null, null));
                        }
                    }
                    return out;
                });
        var states = validity.of(rows.stream().map(Followed::key).toList());
        return rows.stream().map(f -> {
            var s = states.get(f.key());
            return new Followed(f.key(), f.label(), f.followedAt(), s == null ? null : s.status(), s == null ? null : s.label());
        }).toList();
    }

    /** What current held documents did to the documents {@code username} follows: amend, replace, repeal; newest first. */
    @Transactional
    public List<Event> events(String username, int limit) {
        return jdbc.prepareStatement("SELECT f.cite_key, f.label, r.relation, r.articles, r.effective, "
                + "COALESCE(r.by_number, d.doc_number), "
                + "CASE WHEN r.by_key IS NULL THEN d.id ELSE (SELECT MAX(b.id) FROM document b WHERE b.cite_key = r.by_key "
                + "AND b.current_version = TRUE) END, d.id, d.subject, d.ingested_at, f.followed_at "
                + "FROM follow f JOIN app_user u ON u.id = f.user_id JOIN relation r ON r.target_key = f.cite_key "
                + "JOIN document d ON d.id = r.document_id AND d.current_version = TRUE "
                + "WHERE u.username = ? AND r.relation IN ('amends', 'replaces', 'repeals') "
                + "ORDER BY d.ingested_at DESC, r.id DESC LIMIT " + Math.max(1, Math.min(limit, 1000)), ps -> {
                    ps.setString(1, username);
                    List<Event> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Instant arrived = rs.getTimestamp(10).toInstant();
                            out.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class), rs.getLong(8),
                                    rs.getString(9), arrived, arrived.isAfter(rs.getTimestamp(11).toInstant())));
                        }
                    }
                    return out;
                });
    }

    private long userId(String username) {
        Long id = jdbc.prepareStatement("SELECT id FROM app_user WHERE username = ?", ps -> {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
        if (id == null) {
            throw new IllegalArgumentException("no user " + username);
        }
        return id;
    }
}
