-- Nơi nhận: the recipients a document lists, one per line (filled at ingest; reindex --extract fills older rows).
ALTER TABLE document ADD COLUMN recipients VARCHAR(4000);
