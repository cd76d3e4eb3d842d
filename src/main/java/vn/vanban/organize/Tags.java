package vn.vanban.organize;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Tags on documents ({@code document_tag}): one document can carry many, a tag many documents. The index carries them
 * as the facet "Thẻ" (multi-valued), so that they filter a search; callers index the documents whose tags changed.
 */
@Singleton
public class Tags {

    /** The user name recorded for tags that a rule put at ingest. */
    public static final String RULE = "quy-tac";

    /** A tag and how many current documents carry it. */
    @Serdeable
    public record TagCount(String tag, long documents) {
    }

    private final JdbcOperations jdbc;
    private final TagRules rules;

    public Tags(JdbcOperations jdbc, TagRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /**
     * The tags of a version just stored: those of the version it replaces ({@code previousId}, or null), and those the
     * rules give it; returns them all, sorted, as {@link #of} would.
     */
    @Transactional
    public List<String> atIngest(vn.vanban.store.StoredDocument doc, @io.micronaut.core.annotation.Nullable Long previousId,
                                 String text) {
        if (previousId != null) {
            inherit(doc.id(), previousId);
        }
        java.util.Set<String> ruled = rules.tagsFor(doc, text);
        for (String tag : ruled) {
            add(RULE, List.of(doc.id()), tag);
        }
        return previousId == null ? ruled.stream().map(Tags::clean).distinct().sorted().toList() : of(doc.id());
    }

    /**
     * Applies the rules to document {@code doc} again (its text extracted anew, or the rules changed): a tag the
     * rules gave that they no longer give is taken off, one they now give is put on; tags put on by people stay.
     * Returns the tags the rules gave that were not there.
     */
    @Transactional
    public List<String> reapplyRules(vn.vanban.store.StoredDocument doc, String text) {
        java.util.Set<String> ruled = new java.util.TreeSet<>();
        rules.tagsFor(doc, text).forEach(t -> ruled.add(clean(t)));
        List<String> byRule = tagsWhere(doc.id(), RULE);
        for (String t : byRule) {
            if (!ruled.contains(t)) {
                remove(doc.id(), t); // a row that is there: no gap locked
            }
        }
        List<String> gained = new ArrayList<>();
        for (String t : ruled) {
            if (!add(RULE, List.of(doc.id()), t).isEmpty()) {
                gained.add(t);
            }
        }
        return gained;
    }

    /**
     * A tag as stored: spaces collapsed, at most 100 characters.
     *
     * @throws IllegalArgumentException in Vietnamese, for a blank or too long tag
     */
    public static String clean(String tag) {
        String t = tag == null ? "" : java.text.Normalizer.normalize(tag, java.text.Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Chưa nhập thẻ.");
        }
        if (t.length() > 100) {
            throw new IllegalArgumentException("Thẻ dài quá 100 ký tự.");
        }
        return t;
    }

    /** The tags of document {@code id}, sorted. */
    @Transactional(readOnly = true)
    public List<String> of(long id) {
        return tagsWhere(id, null);
    }

    /** The tags of document {@code id} in order, those {@code addedBy} put on only (all when null). */
    private List<String> tagsWhere(long id, String addedBy) {
        String sql = "SELECT tag FROM document_tag WHERE document_id = ?" + (addedBy == null ? "" : " AND added_by = ?") + " ORDER BY tag";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            if (addedBy != null) {
                ps.setString(2, addedBy);
            }
            List<String> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Puts {@code tag} on each of {@code ids} that lacks it; returns the ids that gained it. */
    @Transactional
    public List<Long> add(String user, Collection<Long> ids, String tag) {
        String t = clean(tag);
        List<Long> gained = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (Long id : ids) {
            boolean has = jdbc.prepareStatement("SELECT 1 FROM document_tag WHERE document_id = ? AND tag = ?", ps -> {
                ps.setLong(1, id);
                ps.setString(2, t);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
            if (!has) {
                jdbc.prepareStatement("INSERT INTO document_tag (document_id, tag, added_by, added_at) VALUES (?, ?, ?, ?)", ps -> {
                    ps.setLong(1, id);
                    ps.setString(2, t);
                    ps.setString(3, user.length() > 100 ? user.substring(0, 100) : user);
                    ps.setTimestamp(4, now);
                    return ps.executeUpdate();
                });
                gained.add(id);
            }
        }
        return gained;
    }

    /** Takes {@code tag} off document {@code id}; whether it was there. */
    @Transactional
    public boolean remove(long id, String tag) {
        String t = clean(tag);
        return jdbc.prepareStatement("DELETE FROM document_tag WHERE document_id = ? AND tag = ?", ps -> {
            ps.setLong(1, id);
            ps.setString(2, t);
            return ps.executeUpdate() > 0;
        });
    }

    /** Gives version {@code id} the tags of the version it replaces. */
    @Transactional
    public void inherit(long id, long previousId) {
        jdbc.prepareStatement("INSERT INTO document_tag (document_id, tag, added_by, added_at) "
                + "SELECT ?, tag, added_by, added_at FROM document_tag p WHERE p.document_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM document_tag n WHERE n.document_id = ? AND n.tag = p.tag)", ps -> {
                    ps.setLong(1, id);
                    ps.setLong(2, previousId);
                    ps.setLong(3, id);
                    return ps.executeUpdate();
                });
    }

    /** Every tag on current documents, with how many carry it, most used first. */
    @Transactional(readOnly = true)
    public List<TagCount> counts() {
        return jdbc.prepareStatement("SELECT t.tag, COUNT(*) FROM document_tag t JOIN document d ON d.id = t.document_id "
                + "WHERE d.current_version = TRUE GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag", ps -> {
                    List<TagCount> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new TagCount(rs.getString(1), rs.getLong(2)));
                        }
                    }
                    return out;
                });
    }

    /** Removes every tag of document {@code id} (it is being deleted). */
    @Transactional
    public void deleteAll(long id) {
        jdbc.prepareStatement("DELETE FROM document_tag WHERE document_id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }
}
