-- The texts (often megabytes) leave the document row: rows stay small, so the many lookups of a document's row
-- (foreign-key checks of its citations, deadlines and tasks, listings, metadata) no longer read its texts.
CREATE TABLE document_text (
    document_id     BIGINT   NOT NULL PRIMARY KEY,
    text_content    LONGTEXT NOT NULL,
    normalized_text LONGTEXT NOT NULL,
    CONSTRAINT fk_document_text_document FOREIGN KEY (document_id) REFERENCES document (id)
);
INSERT INTO document_text (document_id, text_content, normalized_text)
    SELECT id, text_content, normalized_text FROM document;
ALTER TABLE document DROP COLUMN text_content;
ALTER TABLE document DROP COLUMN normalized_text;
