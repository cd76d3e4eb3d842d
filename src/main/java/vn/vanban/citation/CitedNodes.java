package vn.vanban.citation;

import vn.vanban.extract.DocumentNumbers;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.vanban.store.CitedDocumentRecord;
import vn.vanban.store.CitedDocumentRepository;
import vn.vanban.store.DocumentRepository;

/**
 * Creates the cited-document nodes a document needs, before (and outside) the document's own transaction: each
 * node is keyed and idempotent, so concurrent ingests citing the same law do not hold each other up, and a node
 * left without citations by a failed ingest is harmless (it counts no citing documents).
 */
@Singleton
public class CitedNodes {

    private final CitedDocumentRepository cited;
    private final DocumentRepository documents;

    public CitedNodes(CitedDocumentRepository cited, DocumentRepository documents) {
        this.cited = cited;
        this.documents = documents;
    }

    /** The node ids of {@code refs}, by key, creating the missing ones. */
    public Map<String, Long> ensure(List<CitedDocument> refs) {
        Map<String, Long> ids = new HashMap<>();
        if (refs.isEmpty()) {
            return ids;
        }
        Map<String, CitedDocumentRecord> known = new HashMap<>();
        for (CitedDocumentRecord r : cited.findByCiteKeyIn(refs.stream().map(CitedDocument::key).distinct().toList())) {
            known.put(r.citeKey(), r);
        }
        // by key, in key order; the first of several citations of one document (as when
        // several files stored together cite it)
        Map<String, CitedDocument> byKey = new java.util.TreeMap<>();
        refs.forEach(r -> byKey.putIfAbsent(r.key(), r));
        List<CitedDocument> missing = new java.util.ArrayList<>();
        for (CitedDocument r : byKey.values()) {
            CitedDocumentRecord e = known.get(r.key());
            if (e == null) {
                missing.add(r);
                continue;
            }
            if ((e.docDate() == null && r.date() != null) || (e.title() == null && r.title() != null)
                    || (e.issuer() == null && r.issuer() != null)) {
                e = fill(e, r);
            }
            ids.put(r.key(), e.id());
        }
        if (!missing.isEmpty()) {
            Map<String, Long> held = new HashMap<>();
            for (var h : documents.findCurrentByCiteKeyIn(missing.stream().map(CitedDocument::key).toList())) {
                held.putIfAbsent(h.citeKey(), h.id());
            }
            List<CitedDocumentRecord> rows = missing.stream().map(r -> new CitedDocumentRecord(null, r.key(),
                    DocumentNumbers.canonical(r.number()), r.number(), r.type(), r.year(), r.date(), cut(r.issuer(), 500),
                    cut(r.title(), 1000), held.get(r.key()))).toList();
            try {
                for (CitedDocumentRecord saved : insertAll(rows)) {
                    ids.put(saved.citeKey(), saved.id());
                }
            } catch (RuntimeException e) {
                // a concurrent ingest created some of them: one at a time, taking theirs where they won
                for (CitedDocument r : missing) {
                    ids.put(r.key(), create(r, held.get(r.key())).id());
                }
            }
        }
        return ids;
    }

    private CitedDocumentRecord create(CitedDocument r, Long held) {
        try {
            return insert(new CitedDocumentRecord(null, r.key(), DocumentNumbers.canonical(r.number()), r.number(),
                    r.type(), r.year(), r.date(), cut(r.issuer(), 500), cut(r.title(), 1000), held));
        } catch (RuntimeException e) {
            // another ingest created it first
            return cited.findByCiteKey(r.key()).orElseThrow(() -> e);
        }
    }

    /** Inserts nodes in one short transaction of their own. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    protected List<CitedDocumentRecord> insertAll(List<CitedDocumentRecord> nodes) {
        return cited.saveAll(nodes);
    }

    /** Inserts one node in its own short transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    protected CitedDocumentRecord insert(CitedDocumentRecord node) {
        return cited.save(node);
    }

    /** Fills what earlier citations left open (date, issuer, title). */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    protected CitedDocumentRecord fill(CitedDocumentRecord e, CitedDocument r) {
        return cited.update(new CitedDocumentRecord(e.id(), e.citeKey(), e.numberKey(), e.docNumber(), e.docType(),
                e.citedYear(), e.docDate() != null ? e.docDate() : r.date(), e.issuer() != null ? e.issuer() : cut(r.issuer(), 500),
                e.title() != null ? e.title() : cut(r.title(), 1000), e.heldDocumentId()));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
