-- Actor counts kept with the engagements, so the actors of every
-- engagement, or of one country's, are read from a few thousand rows
-- instead of every participant (store.ActorsOf gives what they must
-- answer). Put updates them in the transaction that fuses the mentions.
--
-- Scopes: '' is every engagement; a country code is the engagements that
-- have that country among their countries (participants' and host, as the
-- country filter selects them).
--
-- actor_variants: in how many engagements of the scope (n) a person appears
-- with this country, title and rank (an engagement counts the first of its
-- participants of that name, as ActorsOf does). first is the listing
-- position of the earliest of them: '0' || date_lo || id (20 digits), or
-- '1' || id when the date is unknown, so ActorsOf's "as first seen" is the
-- variant with the smallest first.
CREATE TABLE actor_variants (
	scope   TEXT NOT NULL,
	name    TEXT NOT NULL,
	country TEXT NOT NULL,
	title   TEXT NOT NULL,
	rank    INTEGER NOT NULL,
	n       INTEGER NOT NULL,
	first   TEXT,
	PRIMARY KEY (scope, name, country, title, rank)
) WITHOUT ROWID;

-- actor_links: how many times two participants of different countries
-- (a < b) share an engagement of the scope.
CREATE TABLE actor_links (
	scope TEXT NOT NULL,
	a     TEXT NOT NULL,
	b     TEXT NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (scope, a, b)
) WITHOUT ROWID;
-- The strongest links of a scope first, read without sorting them all:
-- those shared more than once (most are shared once, and would cost an
-- index entry for nothing: those come from the table, in (a, b) order).
CREATE INDEX actor_links_strongest ON actor_links(scope, n DESC, a, b) WHERE n > 1;

-- A person's engagements by folded name (the actor filter, and finding the
-- earliest engagement of a variant again when it leaves).
CREATE INDEX participants_name ON participants(name_fold, engagement_id);

-- Engagements in their listing order (unknown dates last, then by date and
-- id) with the columns the filters test: a listing walks this index and
-- reads an engagement's row only when it is listed. It replaces
-- engagements_order (0002), which had only the order.
CREATE INDEX engagements_listing ON engagements((date_lo IS NULL), date_lo, id, date_hi, kind, status, mode);
DROP INDEX engagements_order;
-- (date_lo, id), from 0001: this one serves its queries too.
DROP INDEX engagements_date;

-- Backfill from what is stored.
WITH scopes(eid, scope) AS (
	SELECT id, '' FROM engagements
	UNION SELECT engagement_id, country FROM participants WHERE country != ''
	UNION SELECT id, host_country FROM engagements WHERE host_country != ''
), firsts AS (
	SELECT p.engagement_id AS eid, p.name, p.country, p.title, p.rank FROM participants p
	WHERE p.rowid = (SELECT min(q.rowid) FROM participants q WHERE q.engagement_id = p.engagement_id AND q.name = p.name)
)
INSERT INTO actor_variants(scope, name, country, title, rank, n, first)
SELECT s.scope, f.name, f.country, f.title, f.rank, count(*),
	min(CASE WHEN e.date_lo IS NULL THEN '1' ELSE '0' || e.date_lo END || printf('%020d', e.id))
FROM firsts f JOIN scopes s ON s.eid = f.eid JOIN engagements e ON e.id = f.eid
GROUP BY s.scope, f.name, f.country, f.title, f.rank;

WITH scopes(eid, scope) AS (
	SELECT id, '' FROM engagements
	UNION SELECT engagement_id, country FROM participants WHERE country != ''
	UNION SELECT id, host_country FROM engagements WHERE host_country != ''
)
INSERT INTO actor_links(scope, a, b, n)
SELECT s.scope, min(p.name, q.name), max(p.name, q.name), count(*)
FROM participants p JOIN participants q ON q.engagement_id = p.engagement_id AND q.rowid > p.rowid
JOIN scopes s ON s.eid = p.engagement_id
WHERE p.country != q.country AND p.name != q.name
GROUP BY 1, 2, 3;

-- What is stored, counted: Put adds what each batch changes, so Stats
-- (asked before every cached answer of the API) reads one row instead of
-- counting three tables. longest is at least the longest date range of any
-- engagement, in days (it never shrinks): a date filter's walk in date
-- order starts that far before From.
CREATE TABLE store_stats (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	documents   INTEGER NOT NULL,
	mentions    INTEGER NOT NULL,
	engagements INTEGER NOT NULL,
	longest     INTEGER NOT NULL
);
INSERT INTO store_stats(id, documents, mentions, engagements, longest)
VALUES (1, (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions), (SELECT count(*) FROM engagements),
	(SELECT coalesce(max(CAST(julianday(date_hi) - julianday(date_lo) AS INTEGER)), 0) FROM engagements));
