-- Documents as ingested. url is NULL when the document has none: its hash
-- is then its only identity. n_mentions is the number of mentions stored
-- with it, so a check can prove no document is half-stored. The text lives
-- in document_texts: fusion reads url/title/published of many documents,
-- and rows without the 3–6 KB text stay few pages and in cache.
CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	url         TEXT UNIQUE,
	hash        TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	author      TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	path        TEXT NOT NULL DEFAULT '',
	n_mentions  INTEGER NOT NULL,
	ingested_at TEXT NOT NULL
);

CREATE TABLE document_texts (
	document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	text        TEXT NOT NULL
);

-- Fused engagements. record is the fuse.Build result as JSON (with its
-- sources); the other columns are there to filter and sort. date_lo/date_hi
-- are the first and last day the date range can cover (NULL when unknown);
-- countries is "|PAK|USA|".
CREATE TABLE engagements (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL,
	mode         TEXT NOT NULL,
	status       TEXT NOT NULL,
	date         TEXT NOT NULL,
	date_end     TEXT NOT NULL,
	date_lo      TEXT,
	date_hi      TEXT,
	location     TEXT NOT NULL,
	host_country TEXT NOT NULL,
	countries    TEXT NOT NULL,
	n_sources    INTEGER NOT NULL,
	record       TEXT NOT NULL
);
CREATE INDEX engagements_date ON engagements(date_lo, id);
CREATE INDEX engagements_kind ON engagements(kind, status);
CREATE INDEX engagements_status ON engagements(status);

-- One report of an engagement in one document. body is the mention as JSON
-- (its dates are in date/date_end: the domain type does not serialise them).
CREATE TABLE mentions (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	engagement_id INTEGER NOT NULL REFERENCES engagements(id),
	kind          TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'visit')),
	mode          TEXT NOT NULL CHECK (mode IN ('', 'phone', 'video', 'in_person')),
	status        TEXT NOT NULL CHECK (status IN ('occurred', 'planned', 'cancelled')),
	date          TEXT NOT NULL,
	date_end      TEXT NOT NULL,
	evidence      TEXT NOT NULL,
	body          TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions(document_id);
CREATE INDEX mentions_engagement ON mentions(engagement_id);

CREATE TABLE participants (
	engagement_id INTEGER NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
	name          TEXT NOT NULL,
	name_fold     TEXT NOT NULL, -- lower-cased name for the actor filter
	title         TEXT NOT NULL,
	country       TEXT NOT NULL,
	rank          INTEGER NOT NULL
);
CREATE INDEX participants_engagement ON participants(engagement_id);

-- Blocking keys (fuse.Keys) of every engagement, with lo/hi: the hull of its
-- reports' date ranges as day numbers (unbounded when no report is dated),
-- so a lookup skips the same people's engagements in other years.
CREATE TABLE fusion_keys (
	key           TEXT NOT NULL,
	engagement_id INTEGER NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
	lo            INTEGER NOT NULL,
	hi            INTEGER NOT NULL,
	PRIMARY KEY (key, engagement_id)
) WITHOUT ROWID;
CREATE INDEX fusion_keys_engagement ON fusion_keys(engagement_id);

-- Full-text index over evidence. Put indexes a batch's new mentions when the
-- batch ends, outside the per-document savepoints: FTS5 flushes its pending
-- terms at every savepoint, which would write a tiny segment per document.
-- AUTOINCREMENT above keeps mention ids rising, so "id > the largest id
-- before the batch" is exactly the batch's new mentions.
CREATE VIRTUAL TABLE mention_fts USING fts5(evidence, content='mentions', content_rowid='id');
