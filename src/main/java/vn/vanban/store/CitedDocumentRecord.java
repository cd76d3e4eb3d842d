package vn.vanban.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** A document known because something cites it: one row per canonical key; held when the repository has it. */
@MappedEntity("cited_document")
@Serdeable
public record CitedDocumentRecord(
        @Id @GeneratedValue @Nullable Long id,
        String citeKey,
        String numberKey,
        String docNumber,
        String docType,
        @Nullable Integer citedYear,
        @Nullable String docDate,
        @Nullable String issuer,
        @Nullable String title,
        @Nullable Long heldDocumentId) {
}
