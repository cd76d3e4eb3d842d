-- Human corrections of what extraction found, kept as history (append-only): the newest per document, kind, item
-- and field wins, and is applied again after every re-extraction.
CREATE TABLE correction (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id BIGINT        NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    item        VARCHAR(300)  NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    field       VARCHAR(32)   NOT NULL,
    new_value   VARCHAR(4000),
    old_value   VARCHAR(4000),
    username    VARCHAR(100)  NOT NULL,
    at          DATETIME(3)   NOT NULL,
    CONSTRAINT fk_correction_document FOREIGN KEY (document_id) REFERENCES document (id)
);
CREATE INDEX ix_correction_document ON correction (document_id);
