-- Issue 22: documents that arrive by e-mail, and reminder digests sent by e-mail.

-- One message of a mailbox, keyed by the mailbox and its Message-ID: inserting the row claims the message (one node
-- takes it, on one server and on a Galera cluster alike); done_at is set once every attachment has been ingested, so a
-- message is never taken twice, and one left unfinished by a crash is taken again (its attachments are content-addressed:
-- taken again, nothing is stored twice).
CREATE TABLE mail_message (
    message_key VARCHAR(64)   NOT NULL PRIMARY KEY,
    mailbox     VARCHAR(200)  NOT NULL,
    message_id  VARCHAR(1000) NOT NULL,
    sender      VARCHAR(500),
    subject     VARCHAR(1000),
    sent_at     DATETIME(3),
    node        VARCHAR(200)  NOT NULL,
    claimed_at  DATETIME(3)   NOT NULL,
    done_at     DATETIME(3)
);
CREATE INDEX ix_mail_message_claimed ON mail_message (claimed_at);

-- Each attachment of a message and what became of it: the document it is (new or already held), or why it failed.
CREATE TABLE mail_attachment (
    message_key VARCHAR(64)   NOT NULL,
    part_no     INT           NOT NULL,
    file_name   VARCHAR(500)  NOT NULL,
    document_id BIGINT,
    status      VARCHAR(20)   NOT NULL,
    reason      VARCHAR(1000),
    PRIMARY KEY (message_key, part_no)
);
CREATE INDEX ix_mail_attachment_document ON mail_attachment (document_id);

-- The e-mail addresses of a unit (as deadlines name it), which receives a daily digest of its deadlines.
CREATE TABLE unit_contact (
    unit_key VARCHAR(64)   NOT NULL PRIMARY KEY,
    unit     VARCHAR(500)  NOT NULL,
    emails   VARCHAR(2000) NOT NULL
);

-- One digest per unit per day: the row is inserted (claimed) before the message is sent and removed again if sending
-- fails, so that several nodes, or a restart, send it once.
CREATE TABLE reminder_sent (
    unit_key   VARCHAR(64)  NOT NULL,
    sent_day   DATE         NOT NULL,
    node       VARCHAR(200) NOT NULL,
    claimed_at DATETIME(3)  NOT NULL,
    sent_at    DATETIME(3),
    deadlines  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_key, sent_day)
);
