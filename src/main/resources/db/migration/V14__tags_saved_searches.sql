-- Issue 22: tags that editors (or rules, at ingest) put on documents, and searches users save.

-- A tag on one document version; a new version takes its predecessor's tags.
CREATE TABLE document_tag (
    document_id BIGINT       NOT NULL,
    tag         VARCHAR(100) NOT NULL,
    added_by    VARCHAR(100) NOT NULL,
    added_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (document_id, tag)
);
CREATE INDEX ix_document_tag_tag ON document_tag (tag);

-- A search a user saved under a name: the search page's query string; seen_at is when its matches were last looked at.
CREATE TABLE saved_search (
    username   VARCHAR(100)  NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    params     VARCHAR(2000) NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    seen_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (username, name)
);
