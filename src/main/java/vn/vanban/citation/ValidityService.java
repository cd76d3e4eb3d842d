package vn.vanban.citation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored validity of every known document, by canonical key: derived ({@link Validity}) from the held documents'
 * relations and the day each comes into force, recomputed for the keys a new, changed or deleted document concerns
 * (in that document's transaction), and again on the day a status changes by time alone ({@link #due}). An editor's
 * correction is kept apart and wins over what is derived until it is withdrawn.
 */
@Singleton
public class ValidityService {

    /** Days are Vietnam's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** An editor's correction of a status. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Correction(String status, String label, @Nullable String note, String editor, Instant at) {
    }

    /**
     * The validity of a document: the status that applies ({@code status}, {@code label}) — an editor's correction
     * when there is one, else what is derived — with what is derived and the correction.
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record State(String key, String status, String label, Validity.Verdict derived, @Nullable Correction correction) {

        static State of(String key, Validity.Verdict derived, @Nullable Correction correction) {
            return new State(key, correction != null ? correction.status() : derived.status(),
                    correction != null ? correction.label() : derived.label(), derived, correction);
        }
    }

    private final JdbcOperations jdbc;
    private final @Nullable LocalDate fixedDay;

    /**
     * @param day the day statuses are judged on (ISO, {@code vanban.validity-day}); blank for today in Vietnam, as in
     *            production — a fixed day serves tests and demonstrations of a past or future state
     */
    public ValidityService(JdbcOperations jdbc, @io.micronaut.context.annotation.Value("${vanban.validity-day:}") String day) {
        this.jdbc = jdbc;
        this.fixedDay = day == null || day.isBlank() ? null : LocalDate.parse(day.strip());
    }

    /** The day statuses are judged on: today in Vietnam, unless configured. */
    public LocalDate today() {
        return fixedDay != null ? fixedDay : LocalDate.now(ZONE);
    }

    /**
     * Derives again the validity of {@code keys} (in the transaction in progress, which sees its own writes) and
     * stores it; returns the keys whose status that applies changed. Give the keys sorted where concurrent writers may
     * derive the same ones: the rows are then locked in one order.
     */
    @Transactional
    public Set<String> recompute(Collection<String> keys) {
        Set<String> changed = new LinkedHashSet<>();
        LocalDate day = today();
        Map<String, State> stored = of(keys); // one read of what is stored, before
        for (String key : new LinkedHashSet<>(keys)) {
            if (key == null || key.isBlank()) {
                continue;
            }
            Optional<State> before = Optional.ofNullable(stored.get(key));
            String[] held = held(key);
            Validity.Verdict v = Validity.of(held != null, held == null ? null : held[1], changes(key), day);
            store(key, v, day);
            String after = before.map(State::correction).map(Correction::status).orElse(v.status());
            if (before.isEmpty() || !before.get().status().equals(after)) {
                changed.add(key);
            }
        }
        return changed;
    }

    /**
     * Derives again the validity of {@code keys} ({@link #recompute}) and returns the current held documents whose
     * status changed, but {@code except} (the document being written, which its caller indexes anyway; may be null).
     */
    @Transactional
    public List<Long> revalidate(Collection<String> keys, @Nullable Long except) {
        List<Long> out = new ArrayList<>(heldIds(recompute(new java.util.TreeSet<>(keys))));
        out.remove(except);
        return out;
    }

    /** The keys whose status changes by time alone on or before {@code day}. */
    @Transactional
    public List<String> due(LocalDate day) {
        return jdbc.prepareStatement("SELECT cite_key FROM validity WHERE next_change IS NOT NULL AND next_change <= ?", ps -> {
            ps.setString(1, day.toString());
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The validity stored for {@code key}, if any. */
    @Transactional
    public Optional<State> of(String key) {
        Map<String, State> m = of(List.of(key));
        return Optional.ofNullable(m.get(key));
    }

    /** The validity stored for each of {@code keys} that has one. */
    @Transactional
    public Map<String, State> of(Collection<String> keys) {
        Map<String, State> out = new HashMap<>();
        List<String> list = keys.stream().filter(k -> k != null && !k.isBlank()).distinct().toList();
        if (list.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(list.size(), "?"));
        jdbc.prepareStatement("SELECT v.cite_key, v.status, v.in_force, v.since, v.by_number, v.articles, v.next_change, "
                + "c.status, c.note, c.editor, c.corrected_at FROM validity v LEFT JOIN validity_correction c "
                + "ON c.cite_key = v.cite_key WHERE v.cite_key IN (" + marks + ")", ps -> {
                    for (int i = 0; i < list.size(); i++) {
                        ps.setString(i + 1, list.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Validity.Status s = Validity.Status.ofCode(rs.getString(2));
                            Validity.Verdict v = new Validity.Verdict(s.code(), s.label(), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getString(7));
                            Correction c = null;
                            Validity.Status cs = Validity.Status.ofCode(rs.getString(8));
                            if (cs != null) {
                                c = new Correction(cs.code(), cs.label(), rs.getString(9), rs.getString(10),
                                        rs.getTimestamp(11).toInstant());
                            }
                            out.put(rs.getString(1), State.of(rs.getString(1), v, c));
                        }
                    }
                    return null;
                });
        return out;
    }

    /** The status code that applies to {@code key}, or null when none is stored (a document without a key). */
    @Transactional
    public @Nullable String statusOf(@Nullable String key) {
        return key == null ? null : of(key).map(State::status).orElse(null);
    }

    /**
     * Records an editor's correction of the status of {@code key} (one of {@link Validity.Status}'s codes); throws
     * IllegalArgumentException for an unknown status or a key nothing is known of.
     */
    @Transactional
    public void correct(String key, String status, @Nullable String note, String editor) {
        if (Validity.Status.ofCode(status) == null) {
            throw new IllegalArgumentException("tình trạng không hợp lệ [" + status + "]: dùng một trong "
                    + java.util.Arrays.stream(Validity.Status.values()).map(Validity.Status::code).toList());
        }
        if (of(key).isEmpty()) {
            recompute(List.of(key));
        }
        jdbc.prepareStatement("INSERT INTO validity_correction (cite_key, status, note, editor, corrected_at) VALUES (?, ?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE status = VALUES(status), note = VALUES(note), editor = VALUES(editor), "
                + "corrected_at = VALUES(corrected_at)", ps -> {
                    ps.setString(1, key);
                    ps.setString(2, status);
                    ps.setString(3, note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(1000, note.strip().length())));
                    ps.setString(4, editor);
                    ps.setTimestamp(5, Timestamp.from(Instant.now()));
                    return ps.executeUpdate();
                });
    }

    /** Withdraws the editor's correction of {@code key}: what is derived applies again. */
    @Transactional
    public void withdraw(String key) {
        jdbc.prepareStatement("DELETE FROM validity_correction WHERE cite_key = ?", ps -> {
            ps.setString(1, key);
            return ps.executeUpdate();
        });
    }

    /** The current held documents keyed by any of {@code keys}. */
    @Transactional
    public List<Long> heldIds(Collection<String> keys) {
        List<String> list = keys.stream().filter(k -> k != null && !k.isBlank()).distinct().toList();
        if (list.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(list.size(), "?"));
        return jdbc.prepareStatement("SELECT id FROM document WHERE current_version = TRUE AND cite_key IN (" + marks + ")", ps -> {
            for (int i = 0; i < list.size(); i++) {
                ps.setString(i + 1, list.get(i));
            }
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** Sets the day document {@code documentId} comes into force (null: unknown). */
    @Transactional
    public void setInForce(long documentId, @Nullable String inForce) {
        jdbc.prepareStatement("UPDATE document SET in_force = ? WHERE id = ?", ps -> {
            ps.setString(1, inForce);
            ps.setLong(2, documentId);
            return ps.executeUpdate();
        });
    }

    /** {id, in force} of the newest current document keyed {@code key}, or null when none is held. */
    private String[] held(String key) {
        return jdbc.prepareStatement("SELECT id, in_force FROM document WHERE cite_key = ? AND current_version = TRUE "
                + "ORDER BY id DESC LIMIT 1", ps -> {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                    }
                });
    }

    /** What current documents state of {@code key}, with the number of the document that did each. */
    private List<Validity.Change> changes(String key) {
        return jdbc.prepareStatement("SELECT r.relation, r.articles, r.effective, COALESCE(r.by_number, d.doc_number) "
                + "FROM relation r JOIN document d ON d.id = r.document_id WHERE r.target_key = ? AND d.current_version = TRUE",
                ps -> {
                    ps.setString(1, key);
                    List<Validity.Change> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Validity.Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                    return out;
                });
    }

    private void store(String key, Validity.Verdict v, LocalDate day) {
        jdbc.prepareStatement("INSERT INTO validity (cite_key, status, in_force, since, by_number, articles, next_change, "
                + "computed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE status = VALUES(status), "
                + "in_force = VALUES(in_force), since = VALUES(since), by_number = VALUES(by_number), "
                + "articles = VALUES(articles), next_change = VALUES(next_change), computed_on = VALUES(computed_on)", ps -> {
                    ps.setString(1, key);
                    ps.setString(2, v.status());
                    ps.setString(3, v.inForce());
                    ps.setString(4, v.since());
                    ps.setString(5, v.by() == null ? null : v.by().substring(0, Math.min(200, v.by().length())));
                    ps.setString(6, v.articles() == null ? null : v.articles().substring(0, Math.min(500, v.articles().length())));
                    ps.setString(7, v.next());
                    ps.setString(8, day.toString());
                    return ps.executeUpdate();
                });
    }
}
