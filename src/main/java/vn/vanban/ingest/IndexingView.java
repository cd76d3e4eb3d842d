package vn.vanban.ingest;

import jakarta.inject.Singleton;
import java.util.List;
import vn.vanban.citation.DocumentNumbers;
import vn.vanban.index.IndexedDocument;
import vn.vanban.store.StoredDocument;

/** Derives what the index holds of a stored document. Stateless. */
@Singleton
public class IndexingView {

    /** The indexed form of {@code doc}: its normalized text, display fields and the numbers it cites. */
    public IndexedDocument of(StoredDocument doc) {
        String own = doc.docNumber() == null ? null : DocumentNumbers.canonical(doc.docNumber());
        List<String> cited = DocumentNumbers.find(doc.normalizedText()).stream()
                .filter(n -> own == null || !DocumentNumbers.canonical(n).equals(own))
                .toList();
        return new IndexedDocument(doc.id(), doc.normalizedText(), doc.docNumber(), doc.docType(), doc.subject(),
                doc.docDate(), doc.issuer(), doc.fileName(), cited);
    }
}
