-- Deadlines and tasks that documents set, re-extracted with reindex --extract.
CREATE TABLE deadline (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id  BIGINT        NOT NULL,
    due          VARCHAR(10)   NOT NULL,
    due_last     DATE          NOT NULL,
    rrule        VARCHAR(200),
    what         VARCHAR(1000) NOT NULL,
    who          VARCHAR(500),
    guide_key    VARCHAR(300),
    start_offset INT           NOT NULL,
    end_offset   INT           NOT NULL,
    CONSTRAINT fk_deadline_document FOREIGN KEY (document_id) REFERENCES document (id)
);
CREATE INDEX ix_deadline_document ON deadline (document_id);
CREATE INDEX ix_deadline_due ON deadline (due_last);

CREATE TABLE task (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id  BIGINT        NOT NULL,
    text_content VARCHAR(4000) NOT NULL,
    period       VARCHAR(10),
    assignee     VARCHAR(500),
    field        VARCHAR(500),
    due          VARCHAR(10),
    status       VARCHAR(50),
    start_offset INT           NOT NULL,
    end_offset   INT           NOT NULL,
    CONSTRAINT fk_task_document FOREIGN KEY (document_id) REFERENCES document (id)
);
CREATE INDEX ix_task_document ON task (document_id);
CREATE INDEX ix_task_period ON task (period);
