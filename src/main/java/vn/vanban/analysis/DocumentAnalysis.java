package vn.vanban.analysis;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import vn.vanban.citation.CitationExtractor;
import vn.vanban.citation.CitationFinder;
import vn.vanban.citation.CitationResolver;
import vn.vanban.citation.CitedDocument;
import vn.vanban.citation.Issuers;
import vn.vanban.citation.Relations;
import vn.vanban.deadline.DeadlineExtractor;
import vn.vanban.deadline.TaskExtractor;
import vn.vanban.deadline.WorkExtractor;
import vn.vanban.extract.DocumentMetadata;
import vn.vanban.extract.DocumentTypes;
import vn.vanban.extract.MetadataExtractor;
import vn.vanban.normalize.TextNormalizer;

/**
 * The one analysis pipeline: a parsed text → normalized text → the document's metadata → the documents it cites →
 * the deadlines and tasks it sets, with an editor's corrections laid over what extraction finds. Ingest,
 * {@code reindex --extract}, {@code extract}, the benchmarks and the tests all call it, so what {@code extract}
 * prints is what ingest stores. Stateless and thread-safe.
 */
@Singleton
public final class DocumentAnalysis {

    /**
     * Everything the analysis of one text gives: what it says of other documents ({@code relations}) and the day it
     * comes into force ({@code inForce}, ISO, null when unknown) follow from the rest, corrections included.
     */
    public record Result(String normalized, DocumentMetadata meta, List<CitedDocument> refs, WorkExtractor.Work work,
                         List<vn.vanban.citation.DocumentRelations.Fact> relations, String inForce) {

        /** A result whose relations are yet to be read ({@link #withRelations}). */
        public Result(String normalized, DocumentMetadata meta, List<CitedDocument> refs, WorkExtractor.Work work) {
            this(normalized, meta, refs, work, List.of(), null);
        }

        /**
         * This result with the relations and day in force its text, metadata and citations give; a citation the
         * relations say more of than its own sentence did ("Nghị định số 90/2019/NĐ-CP … hết hiệu lực": replaced, not
         * merely cited) takes their word.
         */
        public Result withRelations() {
            var facts = vn.vanban.citation.DocumentRelations.standard().extract(normalized, refs, meta);
            return new Result(normalized, meta, vn.vanban.citation.DocumentRelations.labelled(refs, facts), work, facts,
                    vn.vanban.citation.DocumentRelations.inForce(normalized, meta));
        }
    }

    /** Corrections to lay over what extraction finds: the metadata first (dates and numbers shape the rest), then the rest. */
    public interface Fixes {
        /** No corrections. */
        Fixes NONE = new Fixes() {
            @Override
            public DocumentMetadata metadata(DocumentMetadata extracted) {
                return extracted;
            }

            @Override
            public Result apply(Result extracted) {
                return extracted;
            }
        };

        DocumentMetadata metadata(DocumentMetadata extracted);

        Result apply(Result extracted);
    }

    private final TextNormalizer normalizer;
    private final MetadataExtractor metadata;
    private final CitationExtractor citations;
    private final WorkExtractor work;

    @Inject
    public DocumentAnalysis(TextNormalizer normalizer, MetadataExtractor metadata, CitationExtractor citations,
                            WorkExtractor work) {
        this.normalizer = normalizer;
        this.metadata = metadata;
        this.citations = citations;
        this.work = work;
    }

    /** The pipeline with its parts built here, for code that runs without the application context (tests, tools). */
    public static DocumentAnalysis standalone() {
        DocumentTypes types = new DocumentTypes();
        return new DocumentAnalysis(new TextNormalizer(), new MetadataExtractor(types),
                new CitationExtractor(new CitationFinder(types, new Relations()), new CitationResolver(types, new Issuers())),
                new WorkExtractor(new DeadlineExtractor(), new TaskExtractor()));
    }

    /** Analyzes a parsed text. */
    public Result run(String parsedText) {
        return run(parsedText, Fixes.NONE);
    }

    /** Analyzes a parsed text and lays {@code fixes} over what it finds. */
    public Result run(String parsedText, Fixes fixes) {
        String normalized = normalizer.normalize(parsedText);
        DocumentMetadata meta = fixes.metadata(metadata.extract(normalized));
        List<CitedDocument> refs = citations.extract(normalized, meta);
        return fixes.apply(new Result(normalized, meta, refs, work.extract(normalized, meta, refs))).withRelations();
    }
}
