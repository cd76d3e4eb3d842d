package vn.vanban.citation;

import jakarta.inject.Singleton;
import java.util.List;
import vn.vanban.extract.DocumentMetadata;

/** Finds and resolves the documents a normalized text cites. Thread-safe. */
@Singleton
public final class CitationExtractor {

    private final CitationFinder finder;
    private final CitationResolver resolver;

    public CitationExtractor(CitationFinder finder, CitationResolver resolver) {
        this.finder = finder;
        this.resolver = resolver;
    }

    /** The documents cited by the document with normalized text {@code text} and metadata {@code self}. */
    public List<CitedDocument> extract(String text, DocumentMetadata self) {
        return resolver.resolve(text, finder.find(text), self);
    }
}
