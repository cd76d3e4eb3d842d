package vn.vanban.citation;

import vn.vanban.extract.DocumentNumbers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.vanban.store.CitationRecord;
import vn.vanban.store.CitationRepository;
import vn.vanban.store.CitedDocumentRecord;
import vn.vanban.store.CitedDocumentRepository;
import vn.vanban.store.DocumentRepository;
import vn.vanban.store.DocumentSummary;

/** Read side of the citation graph: a cited document with everything citing it, a document's references, most cited. */
@Singleton
public class CitationQueries {

    /** A place where a document cites. */
    @Serdeable
    public record Citing(long documentId, @Nullable String fileName, @Nullable String number, @Nullable String type,
                         @Nullable String subject, @Nullable String date, String sentence, String relation, int start, int end) {
    }

    /**
     * A cited document, who cites it, and where it stands (validity, what held documents say of it; null in lists: the
     * most cited, those a held document is).
     */
    @Serdeable
    public record Cited(long id, String key, String number, String type, @Nullable Integer year, @Nullable String date,
                        @Nullable String issuer, @Nullable String title, boolean held, @Nullable Long heldDocumentId,
                        int citingDocuments, List<Citing> citedBy, @Nullable Standings.Standing standing) {
    }

    /** One mention inside a citing document. */
    @Serdeable
    public record MentionView(int start, int end, String sentence, String relation) {
    }

    /** A reference of a document: the cited node and the mentions in this document. */
    @Serdeable
    public record Reference(long citedId, String key, String number, String type, @Nullable Integer year,
                            @Nullable String date, @Nullable String issuer, @Nullable String title,
                            @Nullable Long heldDocumentId, List<MentionView> mentions) {
    }

    private final CitedDocumentRepository cited;
    private final CitationRepository citations;
    private final DocumentRepository documents;
    private final Standings standings;

    public CitationQueries(CitedDocumentRepository cited, CitationRepository citations, DocumentRepository documents,
                           Standings standings) {
        this.standings = standings;
        this.cited = cited;
        this.citations = citations;
        this.documents = documents;
    }

    /**
     * The citation keys of what a person typed, one document per entry: a key ("2099/QĐ-UBND|2018|bac kan") as it is, a
     * number in any spelling ("45/2019/QH14", "2099/QĐ-UBND") as the one cited document that bears it, else as typed
     * (the compiler then names it as unknown).
     *
     * @throws IllegalArgumentException (a Vietnamese message) when a number fits several cited documents
     */
    public List<String> keys(List<String> refs) {
        List<String> out = new ArrayList<>();
        for (String line : refs) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!l.contains("|")) {
                List<Cited> found = byNumber(l, null);
                if (found.size() == 1) {
                    out.add(found.get(0).key());
                    continue;
                }
                if (found.size() > 1) {
                    throw new IllegalArgumentException("Số " + l + " ứng với " + found.size() + " văn bản: thêm năm và tỉnh,"
                            + " ví dụ " + found.get(0).key());
                }
            }
            out.add(l);
        }
        return out;
    }

    /** Cited documents with number {@code number} in any spelling, of {@code year} when given. */
    public List<Cited> byNumber(String number, @Nullable Integer year) {
        List<Cited> out = new ArrayList<>();
        for (CitedDocumentRecord r : cited.findByNumberKey(DocumentNumbers.canonical(number))) {
            if (year == null || year.equals(r.citedYear())) {
                out.add(view(r));
            }
        }
        if (out.isEmpty()) {
            // "45/QĐ-TTg" asked, "45/2016/QĐ-TTg" held: try the forms with a year in the symbol
            String key = DocumentNumbers.canonical(number);
            if (year != null && key.contains("/")) {
                String withYear = key.replaceFirst("/", "/" + year + "/");
                for (CitedDocumentRecord r : cited.findByNumberKey(withYear)) {
                    out.add(view(r));
                }
            }
        }
        return out;
    }

    public @Nullable Cited byKey(String key) {
        return cited.findByCiteKey(key).map(this::view).orElse(null);
    }

    public @Nullable Cited byId(long id) {
        return cited.findById(id).map(this::view).orElse(null);
    }

    /** Everything citing the held document {@code documentId}. */
    public List<Cited> citedBy(long documentId) {
        return cited.findByHeldDocumentId(documentId).stream().map(r -> view(r, false)).toList();
    }

    /**
     * The most cited documents, by number of citing current documents: each with its count, not its citing sentences
     * (the cited document's own page and {@code /api/citations/{id}} have those) — two queries in all, whatever the
     * counts; listing every citing sentence of 200 documents took seconds and megabytes.
     */
    public List<Cited> top(int limit) {
        List<CitedDocumentRepository.Count> counts = cited.mostCited(limit);
        Map<Long, CitedDocumentRecord> nodes = new java.util.HashMap<>();
        for (CitedDocumentRecord r : cited.findByIdIn(counts.stream().map(CitedDocumentRepository.Count::citedId).toList())) {
            nodes.put(r.id(), r);
        }
        List<Cited> out = new ArrayList<>();
        for (CitedDocumentRepository.Count c : counts) {
            CitedDocumentRecord r = nodes.get(c.citedId());
            if (r != null) {
                out.add(new Cited(r.id(), r.citeKey(), r.docNumber(), r.docType(), r.citedYear(), r.docDate(), r.issuer(),
                        r.title(), r.heldDocumentId() != null, r.heldDocumentId(), c.citing().intValue(), List.of(), null));
            }
        }
        return out;
    }

    /** The references of document {@code documentId}, in order of first mention. */
    public List<Reference> referencesOf(long documentId) {
        Map<Long, List<MentionView>> byCited = new LinkedHashMap<>();
        for (CitationRecord c : citations.findByDocumentIdOrderByStartOffset(documentId)) {
            byCited.computeIfAbsent(c.citedId(), k -> new ArrayList<>())
                    .add(new MentionView(c.startOffset(), c.endOffset(), c.sentence(), c.relation()));
        }
        List<Reference> out = new ArrayList<>();
        if (byCited.isEmpty()) {
            return out;
        }
        Map<Long, CitedDocumentRecord> nodes = new java.util.HashMap<>();
        for (CitedDocumentRecord r : cited.findByIdIn(byCited.keySet())) { // one query, not one per reference
            nodes.put(r.id(), r);
        }
        for (var e : byCited.entrySet()) {
            CitedDocumentRecord r = nodes.get(e.getKey());
            if (r != null) {
                out.add(new Reference(r.id(), r.citeKey(), r.docNumber(), r.docType(), r.citedYear(), r.docDate(),
                        r.issuer(), r.title(), r.heldDocumentId(), e.getValue()));
            }
        }
        return out;
    }

    private Cited view(CitedDocumentRecord r) {
        return view(r, true);
    }

    /** A cited document as shown; where it stands only with {@code standing} (lists leave it out: three queries each). */
    private Cited view(CitedDocumentRecord r, boolean standing) {
        List<Citing> citing = new ArrayList<>();
        java.util.Set<Long> docs = new java.util.HashSet<>();
        for (CitationRecord c : citations.findCurrentByCitedId(r.id())) {
            DocumentSummary d = documents.queryById(c.documentId()).orElse(null);
            docs.add(c.documentId());
            citing.add(new Citing(c.documentId(), d == null ? null : d.fileName(), d == null ? null : d.docNumber(),
                    d == null ? null : d.docType(), d == null ? null : d.subject(), d == null ? null : d.docDate(),
                    c.sentence(), c.relation(), c.startOffset(), c.endOffset()));
        }
        return new Cited(r.id(), r.citeKey(), r.docNumber(), r.docType(), r.citedYear(), r.docDate(), r.issuer(),
                r.title(), r.heldDocumentId() != null, r.heldDocumentId(), docs.size(), citing,
                standing ? standings.of(r.citeKey(), r.heldDocumentId()) : null);
    }
}
