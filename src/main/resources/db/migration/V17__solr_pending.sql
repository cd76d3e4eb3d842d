-- Documents whose write to the SolrCloud collection failed or waited (the cluster down): sent again when it answers,
-- so the collection catches up on what it missed. Keyed by the document; no identity column (Galera).
CREATE TABLE solr_pending (
    document_id BIGINT      NOT NULL,
    since       DATETIME(3) NOT NULL,
    PRIMARY KEY (document_id)
);
