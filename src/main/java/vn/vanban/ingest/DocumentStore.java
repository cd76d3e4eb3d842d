package vn.vanban.ingest;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import vn.vanban.parse.ParseFailure;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.FailureRepository;
import vn.vanban.store.IngestFailure;
import vn.vanban.store.StoredDocument;

/** The database writes of an ingest, each in one transaction. */
@Singleton
public class DocumentStore {

    private final DocumentRepository documents;
    private final vn.vanban.store.DocumentTextRepository texts;
    private final FailureRepository failures;

    private final vn.vanban.citation.CitationStore citations;
    private final vn.vanban.deadline.DeadlineStore deadlines;
    private final vn.vanban.citation.RelationStore relations;
    private final vn.vanban.citation.ValidityService validity;
    private final vn.vanban.organize.Tags tags;

    public DocumentStore(DocumentRepository documents, FailureRepository failures,
                         vn.vanban.citation.CitationStore citations, vn.vanban.deadline.DeadlineStore deadlines,
                         vn.vanban.store.DocumentTextRepository texts, vn.vanban.citation.RelationStore relations,
                         vn.vanban.citation.ValidityService validity, vn.vanban.organize.Tags tags) {
        this.tags = tags;
        this.relations = relations;
        this.validity = validity;
        this.texts = texts;
        this.deadlines = deadlines;
        this.documents = documents;
        this.failures = failures;
        this.citations = citations;
    }

    /**
     * One document version to save, with what was extracted from it and the ids of the cited-document nodes it
     * points at (made beforehand by {@link vn.vanban.citation.CitedNodes#ensure}).
     */
    public record Version(StoredDocument doc, String text, String normalized, Optional<StoredDocument> previous,
                          java.util.List<vn.vanban.citation.CitedDocument> refs, java.util.Map<String, Long> nodes,
                          vn.vanban.deadline.WorkExtractor.Work work,
                          java.util.List<vn.vanban.citation.DocumentRelations.Fact> relations, String inForce) {
    }

    /**
     * A saved version, the other held documents whose validity it changed (an amended or replaced law: callers index
     * those again after the transaction), and its tags (its predecessor's and the rules', written in its transaction).
     */
    public record Saved(StoredDocument doc, java.util.List<Long> revalidated, java.util.List<String> tags) {
    }

    /** Saves {@code v} as the current version of its source, superseding the previous one; returns it with its id. */
    @Transactional
    public Saved saveVersion(Version v) {
        return save(v);
    }

    /** Saves several versions in one transaction (all or none); returns them with their ids, in order. */
    @Transactional
    public java.util.List<Saved> saveVersions(java.util.List<Version> versions) {
        return versions.stream().map(this::save).toList();
    }

    private Saved save(Version v) {
        java.util.Set<String> keys = new java.util.HashSet<>(); // what this version and the one it supersedes concern
        v.previous().ifPresent(p -> {
            documents.markSuperseded(p.id());
            keys.addAll(relations.targetsOf(p.id()));
            if (p.citeKey() != null) {
                keys.add(p.citeKey());
            }
        });
        StoredDocument saved = documents.save(v.doc());
        texts.save(new vn.vanban.store.DocumentText(saved.id(), v.text(), v.normalized()));
        // a new row: nothing of it to replace
        citations.add(saved.id(), saved.citeKey(), v.refs(), v.nodes());
        deadlines.add(saved.id(), v.work().deadlines(), v.work().tasks());
        validity.setInForce(saved.id(), v.inForce());
        keys.addAll(relations.replace(saved.id(), v.relations(), v.refs()));
        if (saved.citeKey() != null) {
            keys.add(saved.citeKey());
        }
        java.util.List<Long> revalidated = validity.revalidate(keys, saved.id());
        if (saved.sha256() != null) {
            failures.deleteBySha256(saved.sha256());
        }
        java.util.List<String> tagged = tags.atIngest(saved, v.previous().map(StoredDocument::id).orElse(null), v.normalized());
        return new Saved(saved, revalidated, tagged);
    }

    /** Records (or counts again) a failure; one record per distinct content. */
    @Transactional
    public void recordFailure(String sha256, String source, String fileName, long size, String mediaType,
                              String kind, String reason) {
        Instant now = Instant.now();
        String safeReason = reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason;
        Optional<IngestFailure> existing = sha256 == null ? Optional.empty() : failures.findBySha256(sha256);
        if (existing.isPresent()) {
            IngestFailure f = existing.get();
            failures.update(new IngestFailure(f.id(), f.sha256(), truncate(source, 2000), truncate(fileName, 512), size,
                    mediaType, kind, safeReason, f.attempts() + 1, f.firstAt(), now));
        } else {
            failures.save(new IngestFailure(null, sha256, truncate(source, 2000), truncate(fileName, 512), size,
                    mediaType, kind, safeReason, 1, now, now));
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Kinds of failure beyond the parser's. */
    static final String UNSAFE_NAME = "UNSAFE_NAME";
    static final String TOO_LARGE = ParseFailure.Kind.TOO_LARGE.name();
    static final String UNREADABLE = "UNREADABLE";
}
