package vn.vanban.correction;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import vn.vanban.auth.AuditLog;
import vn.vanban.ingest.DocumentIndexer;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;

/**
 * Records an editor's correction (validated, audited, kept as history), then extracts the document again with all
 * its corrections on top and updates both indexes, so that search, cross-references and deadlines show it at once.
 */
@Singleton
public class CorrectionService {

    private static final Set<String> ACTIONS = Set.of(Corrections.SET, Corrections.REMOVE, Corrections.ADD);

    private final CorrectionRepository corrections;
    private final DocumentRepository documents;
    private final Reextractor reextractor;
    private final DocumentIndexer indexer;
    private final AuditLog audit;

    public CorrectionService(CorrectionRepository corrections, DocumentRepository documents, Reextractor reextractor,
                             DocumentIndexer indexer, AuditLog audit) {
        this.corrections = corrections;
        this.documents = documents;
        this.reextractor = reextractor;
        this.indexer = indexer;
        this.audit = audit;
    }

    /** A correction as asked for (API or form). */
    public record Request(String kind, String item, String action, String field, String value) {
    }

    /**
     * Applies {@code requests} to document {@code documentId} as {@code user}; throws IllegalArgumentException with a
     * message for the user when one is not valid (then none is recorded).
     */
    public StoredDocument correct(long documentId, String user, String remote, List<Request> requests) {
        StoredDocument doc = documents.findById(documentId)
                .orElseThrow(() -> new java.util.NoSuchElementException("không có văn bản " + documentId));
        List<Correction> rows = requests.stream().map(r -> validate(documentId, user, r, doc)).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("không có sửa đổi nào");
        }
        corrections.saveAll(rows);
        for (Correction c : rows) {
            audit.record(user, remote, "correction." + c.kind().toLowerCase(java.util.Locale.ROOT),
                    "document " + documentId + " " + c.item() + (c.field().equals("-") ? "" : "." + c.field()),
                    c.oldValue(), c.action() + (c.newValue() == null ? "" : " " + c.newValue()));
        }
        return reapply(doc);
    }

    /**
     * Gives document {@code documentId} the corrections {@code kept} (made on a version since deleted and now restored
     * as this one), as they were written — by whom, when — and applies them.
     */
    public StoredDocument carryOver(long documentId, List<Correction> kept) {
        StoredDocument doc = documents.findById(documentId)
                .orElseThrow(() -> new java.util.NoSuchElementException("không có văn bản " + documentId));
        corrections.saveAll(kept.stream().map(c -> new Correction(null, documentId, c.kind(), c.item(), c.action(), c.field(),
                c.newValue(), c.oldValue(), c.username(), c.at())).toList());
        return reapply(doc);
    }

    /** Extracts {@code doc} again with its corrections on top and puts it back into the indexes. */
    private StoredDocument reapply(StoredDocument doc) {
        long documentId = doc.id();
        List<Long> revalidated = reextractor.one(doc);
        StoredDocument updated = documents.findById(documentId).orElseThrow();
        indexer.revalidated(revalidated);
        if (updated.currentVersion()) {
            indexer.put(updated);
        } else {
            indexer.putItems(documentId);
        }
        indexer.commit();
        return updated;
    }

    private Correction validate(long documentId, String user, Request r, StoredDocument doc) {
        String kind = upper(r.kind());
        String action = upper(r.action());
        if (!Corrections.FIELDS.containsKey(kind)) {
            throw new IllegalArgumentException("kind must be one of " + Corrections.FIELDS.keySet());
        }
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS);
        }
        String value = r.value() == null ? null : r.value().strip();
        if (value != null && value.length() > 4000) {
            throw new IllegalArgumentException("value longer than 4000 characters");
        }
        String field = "-";
        String item = r.item() == null ? "" : r.item().strip();
        String old = null;
        if (kind.equals(Corrections.METADATA)) {
            if (!action.equals(Corrections.SET)) {
                throw new IllegalArgumentException("metadata is corrected with SET");
            }
            item = "document";
        }
        if (action.equals(Corrections.SET)) {
            field = r.field() == null ? "" : r.field().strip();
            if (!Corrections.FIELDS.get(kind).contains(field)) {
                throw new IllegalArgumentException("field of " + kind + " must be one of " + Corrections.FIELDS.get(kind));
            }
            if ((field.equals("date") || field.equals("effective") || field.equals("due")) && value != null && !value.isEmpty()) {
                checkDate(value, field);
            }
            if (kind.equals(Corrections.METADATA)) {
                old = metadataValue(doc, field);
            }
        } else if (action.equals(Corrections.ADD)) {
            if (kind.equals(Corrections.TASK) || kind.equals(Corrections.METADATA)) {
                throw new IllegalArgumentException("ADD is for citations and deadlines");
            }
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(kind.equals(Corrections.CITATION)
                        ? "give the citation as written, e.g. \"Quyết định số 2099/QĐ-UBND ngày 08/12/2018 của UBND tỉnh Bắc Kạn\""
                        : "give the deadline as \"yyyy-mm-dd|what is due\"");
            }
            if (kind.equals(Corrections.DEADLINE)) {
                checkDate(value.split("\\|", 2)[0], "due");
            }
            item = "new";
        }
        if (item.isEmpty() || item.length() > 300) {
            throw new IllegalArgumentException("item (the cited document's key, or the deadline's or task's key) is missing");
        }
        return new Correction(null, documentId, kind, item, action, field, value, old, user,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static void checkDate(String v, String field) {
        try {
            switch (v.length()) {
                case 4 -> Integer.parseInt(v);
                case 7 -> YearMonth.parse(v);
                case 10 -> LocalDate.parse(v);
                default -> throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " must be a date as yyyy-mm-dd (or yyyy-mm, yyyy): " + v);
        }
    }

    private static String metadataValue(StoredDocument d, String field) {
        return switch (field) {
            case "number" -> d.docNumber();
            case "symbol" -> d.docSymbol();
            case "type" -> d.docType();
            case "issuer" -> d.issuer();
            case "place" -> d.place();
            case "date" -> d.docDate();
            case "effective" -> d.effectiveDate();
            case "subject" -> d.subject();
            case "signerName" -> d.signerName();
            case "signerTitle" -> d.signerTitle();
            default -> null;
        };
    }

    private static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
