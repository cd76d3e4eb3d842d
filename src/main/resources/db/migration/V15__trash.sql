-- Issue 22: a deleted document version goes to the trash, from which an editor can restore it within
-- vanban.trash.days (30 by default). Its original stays in the content-addressed store; restoring ingests it again
-- from there, under its old source, and gives it back its tags.
CREATE TABLE trash (
    document_id BIGINT        NOT NULL PRIMARY KEY,
    sha256      VARCHAR(64)   NOT NULL,
    source_path VARCHAR(2000) NOT NULL,
    file_name   VARCHAR(500)  NOT NULL,
    title       VARCHAR(1000),
    tags        VARCHAR(4000),
    deleted_by  VARCHAR(100)  NOT NULL,
    deleted_at  DATETIME(3)   NOT NULL,
    restored_by VARCHAR(100),
    restored_at DATETIME(3),
    restored_id BIGINT
);
CREATE INDEX ix_trash_deleted ON trash (deleted_at);
