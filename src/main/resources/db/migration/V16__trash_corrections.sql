-- The hand corrections of a document in the trash, kept with it so that restoring it gives them back (they are
-- applied again to the restored version). Keyed by the trash entry and the correction's own id: no identity column.
CREATE TABLE trash_correction (
    document_id   BIGINT        NOT NULL,
    correction_id BIGINT        NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    item          VARCHAR(300)  NOT NULL,
    action        VARCHAR(16)   NOT NULL,
    field         VARCHAR(32)   NOT NULL,
    new_value     VARCHAR(4000),
    old_value     VARCHAR(4000),
    username      VARCHAR(100)  NOT NULL,
    at            DATETIME(3)   NOT NULL,
    PRIMARY KEY (document_id, correction_id)
);
