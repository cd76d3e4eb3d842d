package vn.vanban.citation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import vn.vanban.extract.DocumentNumbers;

/**
 * Where a document stands: its validity, what held documents say of it (amended, replaced, repealed, guided,
 * consolidated by …), what it does to others; and the stale bases of held documents — a "Căn cứ" that cites a
 * document no longer in force.
 */
@Singleton
public class Standings {

    /**
     * A document's standing: its validity (null when nothing is known of it), what current documents say of it, what
     * it does (for a held document).
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Standing(@Nullable ValidityService.State validity, List<RelationStore.Link> about,
                           List<RelationStore.Link> done) {
    }

    /**
     * A stale basis: held document {@code documentId} cites as its basis {@code basisNumber}, which is no longer in
     * force since {@code since} ({@code atIssue}: already when the document was issued); {@code replacement} is the
     * document that ended it, {@code replacementHeld} its held copy, when known.
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Warning(long documentId, @Nullable String number, @Nullable String type, @Nullable String subject,
                          @Nullable String date, String basisKey, String basisNumber, @Nullable String basisType,
                          @Nullable String since, boolean atIssue, @Nullable String replacement,
                          @Nullable Long replacementHeld, String sentence) {
    }

    private final RelationStore relations;
    private final ValidityService validity;
    private final JdbcOperations jdbc;
    public Standings(RelationStore relations, ValidityService validity, JdbcOperations jdbc) {
        this.relations = relations;
        this.validity = validity;
        this.jdbc = jdbc;
    }

    /** The standing of the document keyed {@code key} (may be null), held as {@code heldId} (may be null). */
    @Transactional
    public Standing of(@Nullable String key, @Nullable Long heldId) {
        ValidityService.State v = key == null ? null : validity.of(key).orElse(null);
        List<RelationStore.Link> about = key == null ? List.of() : relations.about(key);
        List<RelationStore.Link> done = heldId == null ? List.of() : relations.doneBy(heldId, key);
        return new Standing(v, about, done);
    }

    /** The stale bases of held document {@code documentId}. */
    @Transactional
    public List<Warning> warnings(long documentId) {
        return warnings(documentId, 1000);
    }

    /** The stale bases of every current held document, newest documents first, at most {@code limit}. */
    @Transactional
    public List<Warning> warnings(int limit) {
        return warnings(null, limit);
    }

    /** The stale bases of document {@code documentId}, or of every current document when null. */
    private List<Warning> warnings(@Nullable Long documentId, int limit) {
        String sql = "SELECT c.document_id, d.doc_number, d.doc_type, d.subject, d.doc_date, cd.cite_key, cd.doc_number, "
                + "cd.doc_type, v.since, v.by_number, MIN(c.sentence) FROM citation c "
                + "JOIN document d ON d.id = c.document_id AND d.current_version = TRUE "
                + "JOIN cited_document cd ON cd.id = c.cited_id JOIN validity v ON v.cite_key = cd.cite_key "
                + "LEFT JOIN validity_correction vc ON vc.cite_key = cd.cite_key "
                + "WHERE c.relation = 'basis' AND COALESCE(vc.status, v.status) = 'het_hieu_luc_toan_bo'"
                + (documentId == null ? "" : " AND c.document_id = ?")
                + " GROUP BY c.document_id, d.doc_number, d.doc_type, d.subject, d.doc_date, cd.cite_key, cd.doc_number, "
                + "cd.doc_type, v.since, v.by_number ORDER BY d.doc_date DESC, c.document_id DESC, cd.cite_key LIMIT " + limit;
        List<Warning> out = jdbc.prepareStatement(sql, ps -> {
            if (documentId != null) {
                ps.setLong(1, documentId);
            }
            List<Warning> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String date = rs.getString(5);
                    String since = rs.getString(9);
                    boolean atIssue = since != null && date != null && date.length() == 10 && since.compareTo(date) <= 0;
                    rows.add(new Warning(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), date,
                            rs.getString(6), rs.getString(7), rs.getString(8), since, atIssue, rs.getString(10), null,
                            rs.getString(11)));
                }
            }
            return rows;
        });
        List<Warning> withHeld = new ArrayList<>(out.size());
        for (Warning w : out) {
            withHeld.add(new Warning(w.documentId(), w.number(), w.type(), w.subject(), w.date(), w.basisKey(),
                    w.basisNumber(), w.basisType(), w.since(), w.atIssue(), w.replacement(), heldByNumber(w.replacement()),
                    w.sentence()));
        }
        return withHeld;
    }

    /** The held document numbered {@code number} (any spelling), or null. */
    @Transactional
    public @Nullable Long heldByNumber(@Nullable String number) {
        if (number == null) {
            return null;
        }
        String like = DocumentNumbers.canonical(number).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "|%";
        return jdbc.prepareStatement("SELECT MAX(id) FROM document WHERE cite_key LIKE ? AND current_version = TRUE", ps -> {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
            }
        });
    }
}
