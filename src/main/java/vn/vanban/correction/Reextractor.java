package vn.vanban.correction;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.LongConsumer;
import vn.vanban.analysis.DocumentAnalysis;
import vn.vanban.citation.CitationResolver;
import vn.vanban.citation.CitationStore;
import vn.vanban.citation.CitedDocument;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.StoredDocument;

/** Runs normalization and extraction again over every stored document, after the rules improved. */
@Singleton
public class Reextractor {

    private final DocumentRepository documents;
    private final DocumentAnalysis analysis;
    private final CitationResolver resolver;
    private final CitationStore store;
    private final vn.vanban.deadline.DeadlineStore deadlines;
    private final vn.vanban.citation.CitedNodes nodes;
    private final vn.vanban.correction.Corrections corrections;
    private final vn.vanban.store.DocumentTextRepository texts;
    private final vn.vanban.citation.RelationStore relations;
    private final vn.vanban.citation.ValidityService validity;
    private final vn.vanban.organize.Tags tags;
    /** This bean as the container wraps it: a call on {@code this} would bypass {@code @Transactional}. */
    private final io.micronaut.context.BeanProvider<Reextractor> self;

    public Reextractor(DocumentRepository documents, DocumentAnalysis analysis, CitationResolver resolver,
                       CitationStore store, vn.vanban.deadline.DeadlineStore deadlines,
                       vn.vanban.citation.CitedNodes nodes, vn.vanban.correction.Corrections corrections,
                       vn.vanban.store.DocumentTextRepository texts, vn.vanban.citation.RelationStore relations,
                       vn.vanban.citation.ValidityService validity, vn.vanban.organize.Tags tags,
                       io.micronaut.context.BeanProvider<Reextractor> self) {
        this.self = self;
        this.tags = tags;
        this.relations = relations;
        this.validity = validity;
        this.texts = texts;
        this.nodes = nodes;
        this.corrections = corrections;
        this.deadlines = deadlines;
        this.documents = documents;
        this.analysis = analysis;
        this.resolver = resolver;
        this.store = store;
    }

    /** Re-extracts every version of every document, each in its own transaction; returns how many. */
    public int all(LongConsumer progress) {
        Reextractor transactional = self.get();
        int n = 0;
        long after = 0;
        while (true) {
            List<Long> ids = documents.findAllIdsAfter(after, 100);
            if (ids.isEmpty()) {
                return n;
            }
            for (Long id : ids) {
                // the index is rebuilt after (reindex --extract)
                documents.findById(id).ifPresent(d -> transactional.one(d, true));
                progress.accept(id);
                n++;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * Re-extracts one document in one transaction; its human corrections go on top of what extraction finds. Returns
     * the other held documents whose validity changed (callers index them again).
     */
    @Transactional
    public List<Long> one(StoredDocument d) {
        return one(d, false);
    }

    /**
     * The same, applying the tag rules again to what it finds when {@code applyTagRules} ({@code reindex --extract}; not
     * after a correction, so that a rule's tag someone took off stays off until then).
     */
    @Transactional
    public List<Long> one(StoredDocument d, boolean applyTagRules) {
        var applied = analysis.run(texts.findTextContentByDocumentId(d.id()).orElse(""), corrections.of(d.id()));
        String normalized = applied.normalized();
        DocumentMetadata m = applied.meta();
        List<CitedDocument> refs = applied.refs();
        StoredDocument updated = new StoredDocument(d.id(), d.sha256(), d.sourceKey(), d.sourcePath(), d.fileName(),
                d.mediaType(), d.sizeBytes(), d.ingestedAt(), d.parseStatus(), d.parseReason(), d.ocr(),
                d.previousVersionId(), d.currentVersion(), m.number(), m.symbol(), m.type(),
                m.issuer(), m.parentIssuer(), m.place(), m.date(), m.effective(), m.subject(), m.signerName(),
                m.signerTitle(), m.draft(), resolver.ownKey(m), StoredDocument.joinRecipients(m.recipients()));
        documents.update(updated);
        texts.updateNormalizedText(d.id(), normalized);
        store.replace(d.id(), updated.citeKey(), refs, nodes.ensure(refs));
        var w = applied.work();
        deadlines.replace(d.id(), w.deadlines(), w.tasks());
        validity.setInForce(d.id(), applied.inForce());
        if (applyTagRules) {
            tags.reapplyRules(updated, normalized); // the rules read what extraction gives: the type, issuer, subject, text
        }
        java.util.Set<String> keys = new java.util.HashSet<>(relations.replace(d.id(), applied.relations(), refs));
        for (String k : new String[] {d.citeKey(), updated.citeKey()}) {
            if (k != null) {
                keys.add(k);
            }
        }
        return validity.revalidate(keys, d.id());
    }
}
