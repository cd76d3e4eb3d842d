-- Cited documents (one node per canonical key) and the citations that link documents to them.
ALTER TABLE document ADD COLUMN cite_key VARCHAR(300);
CREATE INDEX ix_document_cite_key ON document (cite_key);

CREATE TABLE cited_document (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cite_key           VARCHAR(300)  NOT NULL,
    number_key         VARCHAR(200)  NOT NULL,
    doc_number         VARCHAR(200)  NOT NULL,
    doc_type           VARCHAR(100)  NOT NULL,
    cited_year         INT,
    doc_date           VARCHAR(10),
    issuer             VARCHAR(500),
    title              VARCHAR(1000),
    held_document_id   BIGINT,
    CONSTRAINT uk_cited_key UNIQUE (cite_key),
    CONSTRAINT fk_cited_held FOREIGN KEY (held_document_id) REFERENCES document (id)
);
CREATE INDEX ix_cited_number ON cited_document (number_key);

CREATE TABLE citation (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id  BIGINT        NOT NULL,
    cited_id     BIGINT        NOT NULL,
    start_offset INT           NOT NULL,
    end_offset   INT           NOT NULL,
    sentence     VARCHAR(2000) NOT NULL,
    relation     VARCHAR(20)   NOT NULL,
    CONSTRAINT fk_citation_document FOREIGN KEY (document_id) REFERENCES document (id),
    CONSTRAINT fk_citation_cited FOREIGN KEY (cited_id) REFERENCES cited_document (id)
);
CREATE INDEX ix_citation_document ON citation (document_id);
CREATE INDEX ix_citation_cited ON citation (cited_id);
