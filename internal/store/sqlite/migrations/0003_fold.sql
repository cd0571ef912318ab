-- Fusion without rereading every report (Put's cost per mention no longer
-- grows with the number of reports of its engagement).
--
-- fold is the engagement's fuse.Fold as JSON: what the fused record needs
-- from its reports, so a new report updates it without loading the others.
-- NULL (engagements written before this migration) until Put next writes
-- the engagement: Put computes it from the mentions when it finds none.
ALTER TABLE engagements ADD COLUMN fold TEXT;

-- The sources are no longer in record: they are read from the mentions
-- and their documents (by engagement, in document order), so a new report
-- does not rewrite every source of its engagement.
UPDATE engagements SET record = json_remove(record, '$.sources', '$.source_docs');

-- An engagement's mentions in document order: its sources, and whether a
-- document already reports it.
CREATE INDEX mentions_engagement_document ON mentions(engagement_id, document_id, id);
DROP INDEX mentions_engagement;
