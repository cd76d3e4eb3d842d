package vn.vanban.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A document version's text as parsed and as normalized, kept apart from its (small) metadata row. */
@MappedEntity("document_text")
public record DocumentText(@Id Long documentId, String textContent, String normalizedText) {
}
