package vn.vanban.citation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.vanban.extract.DocumentNumbers;
import vn.vanban.store.BatchInsert;

/**
 * Keeps what each held document states of other documents ({@link DocumentRelations.Fact}), keyed as citations are
 * (the canonical key of the target, and of the document that did it where a published list declares it), and reads
 * them back for pages: what is said of a document, and what a document does.
 */
@Singleton
public class RelationStore {

    /**
     * One stored relation, ready to show: {@code relation} of {@code target} by the document that did it — the stating
     * document ({@code statedIn}) itself, or {@code byNumber} as the stating document (a list) declares it — with the
     * held documents behind each key when held (current versions), null when not.
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Link(String relation, @Nullable String articles, @Nullable String effective, long statedIn,
                       @Nullable String statedInKey, @Nullable String statedInNumber, @Nullable String statedInType,
                       @Nullable String statedInSubject,
                       String targetKey, String targetNumber, @Nullable Long targetHeld, @Nullable String byKey,
                       @Nullable String byNumber, @Nullable Long byHeld) {

        /** Whether a list declares it (the document that did it is another than the one stating it). */
        public boolean declared() {
            return byNumber != null;
        }

        /** The number of the document that did it. */
        public @Nullable String doer() {
            return declared() ? byNumber : statedInNumber;
        }

        /** The key of the document that did it, when known. */
        public @Nullable String doerKey() {
            return declared() ? byKey : statedInKey;
        }

        /** The held document that did it, when held. */
        public @Nullable Long doerHeld() {
            return declared() ? byHeld : Long.valueOf(statedIn);
        }
    }

    private static final String SELECT = "SELECT r.relation, r.articles, r.effective, r.document_id, d.cite_key, d.doc_number, d.doc_type, "
            + "d.subject, r.target_key, r.target_number, "
            + "(SELECT MAX(t.id) FROM document t WHERE t.cite_key = r.target_key AND t.current_version = TRUE), "
            + "r.by_key, r.by_number, "
            + "(SELECT MAX(b.id) FROM document b WHERE b.cite_key = r.by_key AND b.current_version = TRUE) "
            + "FROM relation r JOIN document d ON d.id = r.document_id WHERE d.current_version = TRUE AND ";

    private final JdbcOperations jdbc;
    private final BatchInsert batch;
    private final CitationResolver resolver;

    public RelationStore(JdbcOperations jdbc, BatchInsert batch, CitationResolver resolver) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.resolver = resolver;
    }

    /**
     * Replaces what document {@code documentId} states with {@code facts}, its targets keyed through its citations
     * {@code refs}; returns the keys concerned, before and after (their validity may change).
     */
    @Transactional
    public Set<String> replace(long documentId, List<DocumentRelations.Fact> facts, List<CitedDocument> refs) {
        Set<String> keys = new LinkedHashSet<>(deleteByDocument(documentId));
        record Row(DocumentRelations.Fact fact, String target, String by) {
        }
        List<Row> rows = new ArrayList<>();
        for (DocumentRelations.Fact f : facts) {
            Row r = new Row(f, keyOf(f.target(), refs), f.by() == null ? null : keyOf(f.by(), refs));
            rows.add(r);
            keys.add(r.target());
        }
        batch.insert("INSERT INTO relation (document_id, relation, target_key, target_number, articles, effective, by_key, "
                + "by_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows, (ps, r) -> {
                    ps.setLong(1, documentId);
                    ps.setString(2, r.fact().relation());
                    ps.setString(3, cut(r.target(), 300));
                    ps.setString(4, cut(r.fact().target(), 200));
                    ps.setString(5, cut(r.fact().articles(), 500));
                    ps.setString(6, r.fact().effective());
                    ps.setString(7, cut(r.by(), 300));
                    ps.setString(8, cut(r.fact().by(), 200));
                });
        return keys;
    }

    /** Deletes what document {@code documentId} states; returns the keys it concerned. */
    @Transactional
    public Set<String> deleteByDocument(long documentId) {
        Set<String> keys = new LinkedHashSet<>(strings("SELECT target_key FROM relation WHERE document_id = ?", documentId));
        jdbc.prepareStatement("DELETE FROM relation WHERE document_id = ?", ps -> {
            ps.setLong(1, documentId);
            return ps.executeUpdate();
        });
        return keys;
    }

    /** The keys of what document {@code documentId} states relations of. */
    @Transactional
    public Set<String> targetsOf(long documentId) {
        return new LinkedHashSet<>(strings("SELECT target_key FROM relation WHERE document_id = ?", documentId));
    }

    /** What current documents state of the document keyed {@code key}, oldest effect first. */
    @Transactional
    public List<Link> about(String key) {
        return links(SELECT + "r.target_key = ? ORDER BY r.effective, r.id", ps -> ps.setString(1, key));
    }

    /**
     * What document {@code documentId} (keyed {@code ownKey}, may be null) does: the relations it states itself, and
     * those that published lists say it did.
     */
    @Transactional
    public List<Link> doneBy(long documentId, @Nullable String ownKey) {
        if (ownKey == null) {
            return links(SELECT + "r.document_id = ? AND r.by_key IS NULL ORDER BY r.id", ps -> ps.setLong(1, documentId));
        }
        return links(SELECT + "((r.document_id = ? AND r.by_key IS NULL) OR r.by_key = ?) ORDER BY r.id", ps -> {
            ps.setLong(1, documentId);
            ps.setString(2, ownKey);
        });
    }

    /** The key of the document numbered {@code number}: that of the citation of it, else one from the number alone. */
    private String keyOf(String number, List<CitedDocument> refs) {
        String canonical = DocumentNumbers.canonical(number);
        for (CitedDocument c : refs) {
            if (DocumentNumbers.canonical(c.number()).equals(canonical)) {
                return c.key();
            }
        }
        return resolver.keyOf(number, CitationResolver.yearOf(number), null);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Link> links(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<Link> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            (Long) rs.getObject(11, Long.class), rs.getString(12), rs.getString(13),
                            (Long) rs.getObject(14, Long.class)));
                }
            }
            return out;
        });
    }

    private List<String> strings(String sql, long id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
