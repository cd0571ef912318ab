-- Indexes and index tables for the read side (the API and the dashboard
-- over large stores). Put keeps engagement_pairs and presence up to date
-- with each engagement it writes; deleting an engagement deletes its rows.

-- Engagements in their listing order (unknown dates last, then by date and
-- id), so a page is read from the index instead of sorting every row.
CREATE INDEX engagements_order ON engagements((date_lo IS NULL), date_lo);
-- The engagements of a country: as a participant's, or as the host.
CREATE INDEX participants_country ON participants(country, engagement_id);
CREATE INDEX engagements_host ON engagements(host_country);
-- Pairs are counted from the distinct country sets, read from the index.
CREATE INDEX engagements_countries ON engagements(countries);

-- Every pair of an engagement's countries ("PAK-USA", in alphabetical
-- order): a pair's engagements are one range of this table.
CREATE TABLE engagement_pairs (
	pair          TEXT NOT NULL,
	engagement_id INTEGER NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
	PRIMARY KEY (pair, engagement_id)
) WITHOUT ROWID;
CREATE INDEX engagement_pairs_engagement ON engagement_pairs(engagement_id);

WITH RECURSIVE split(id, rest, c) AS (
	SELECT id, substr(countries, 2), NULL FROM engagements WHERE countries != ''
	UNION ALL
	SELECT id, substr(rest, instr(rest, '|') + 1), substr(rest, 1, instr(rest, '|') - 1) FROM split WHERE rest != ''
), cs AS (SELECT id, c FROM split WHERE c IS NOT NULL AND c != '')
INSERT OR IGNORE INTO engagement_pairs(pair, engagement_id)
SELECT a.c || '-' || b.c, a.id FROM cs a JOIN cs b ON a.id = b.id AND a.c < b.c;

-- Where people were in person: one row per participant (name_fold as in
-- participants) of each occurred visit, and of each occurred in-person
-- engagement with a location, dated to the day. long marks a date range
-- over 31 days, so a lookup for a day reads the short ones from a 32-day
-- range of date_lo and the few long ones apart.
CREATE TABLE presence (
	name_fold     TEXT NOT NULL,
	long          INTEGER NOT NULL,
	date_lo       TEXT NOT NULL,
	date_hi       TEXT NOT NULL,
	engagement_id INTEGER NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
	PRIMARY KEY (name_fold, long, date_lo, engagement_id)
) WITHOUT ROWID;
CREATE INDEX presence_engagement ON presence(engagement_id);

INSERT OR IGNORE INTO presence(name_fold, long, date_lo, date_hi, engagement_id)
SELECT p.name_fold, julianday(e.date_hi) - julianday(e.date_lo) > 31, e.date_lo, e.date_hi, e.id
FROM engagements e JOIN participants p ON p.engagement_id = e.id
WHERE e.status = 'occurred' AND (e.kind = 'visit' OR (e.mode = 'in_person' AND e.location != ''))
	AND length(e.date) >= 10 AND e.date_lo IS NOT NULL;
