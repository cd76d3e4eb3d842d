-- Issue 19: what held documents state of other documents (amends, replaces, repeals whole or in part, guides,
-- consolidates; and the rows of published lists, which declare what another document did: by_key/by_number), the
-- day each document comes into force, and the validity derived from them, stored per canonical key so that search
-- can filter and facet on it. An editor's correction of a status is kept apart and overrides what is derived.
CREATE TABLE relation (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id   BIGINT       NOT NULL,
    relation      VARCHAR(20)  NOT NULL,
    target_key    VARCHAR(300) NOT NULL,
    target_number VARCHAR(200) NOT NULL,
    articles      VARCHAR(500),
    effective     VARCHAR(10),
    by_key        VARCHAR(300),
    by_number     VARCHAR(200),
    CONSTRAINT fk_relation_document FOREIGN KEY (document_id) REFERENCES document (id)
);
CREATE INDEX ix_relation_document ON relation (document_id);
CREATE INDEX ix_relation_target ON relation (target_key);
CREATE INDEX ix_relation_by ON relation (by_key);

ALTER TABLE document ADD COLUMN in_force VARCHAR(10);

CREATE TABLE validity (
    cite_key    VARCHAR(300) NOT NULL PRIMARY KEY,
    status      VARCHAR(30)  NOT NULL,
    in_force    VARCHAR(10),
    since       VARCHAR(10),
    by_number   VARCHAR(200),
    articles    VARCHAR(500),
    next_change VARCHAR(10),
    computed_on VARCHAR(10)  NOT NULL
);
CREATE INDEX ix_validity_next ON validity (next_change);

CREATE TABLE validity_correction (
    cite_key     VARCHAR(300)  NOT NULL PRIMARY KEY,
    status       VARCHAR(30)   NOT NULL,
    note         VARCHAR(1000),
    editor       VARCHAR(100)  NOT NULL,
    corrected_at TIMESTAMP(3)  NOT NULL
);
