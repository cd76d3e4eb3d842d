-- Documents, their versions and ingest failures. SQL kept to what both MariaDB and H2 (MODE=MariaDB) accept.
CREATE TABLE document (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256              CHAR(64)      NOT NULL,
    source_key          CHAR(64)      NOT NULL,
    source_path         VARCHAR(2000) NOT NULL,
    file_name           VARCHAR(512)  NOT NULL,
    media_type          VARCHAR(255)  NOT NULL,
    size_bytes          BIGINT        NOT NULL,
    ingested_at         DATETIME(3)   NOT NULL,
    parse_status        VARCHAR(16)   NOT NULL,
    parse_reason        VARCHAR(1000),
    ocr                 BOOLEAN       NOT NULL DEFAULT FALSE,
    previous_version_id BIGINT,
    current_version     BOOLEAN       NOT NULL,
    text_content        LONGTEXT      NOT NULL,
    normalized_text     LONGTEXT      NOT NULL,
    doc_number          VARCHAR(200),
    doc_symbol          VARCHAR(200),
    doc_type            VARCHAR(100),
    issuer              VARCHAR(500),
    parent_issuer       VARCHAR(500),
    place               VARCHAR(200),
    doc_date            VARCHAR(10),
    effective_date      VARCHAR(10),
    subject             VARCHAR(2000),
    signer_name         VARCHAR(200),
    signer_title        VARCHAR(300),
    draft               BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT uk_document_sha256 UNIQUE (sha256),
    CONSTRAINT fk_document_previous FOREIGN KEY (previous_version_id) REFERENCES document (id)
);
CREATE INDEX ix_document_source ON document (source_key, current_version);
CREATE INDEX ix_document_number ON document (doc_number);

CREATE TABLE ingest_failure (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256      CHAR(64),
    source_path VARCHAR(2000) NOT NULL,
    file_name   VARCHAR(512)  NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    media_type  VARCHAR(255),
    kind        VARCHAR(32)   NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    attempts    INT           NOT NULL,
    first_at    DATETIME(3)   NOT NULL,
    last_at     DATETIME(3)   NOT NULL,
    CONSTRAINT uk_failure_sha256 UNIQUE (sha256)
);
