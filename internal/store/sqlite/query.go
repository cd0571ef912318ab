package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/store"
)

// Engagements implements store.Store.
func (db *DB) Engagements(ctx context.Context, f store.Filter) ([]engagement.Engagement, error) {
	where, args := conditions(f)
	q := "SELECT e.id, e.record, e.date_lo FROM engagements e" + where + " ORDER BY e.date_lo IS NULL, e.date_lo, e.id"
	q, args = page(q, args, f)
	out, err := db.engagements(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: engagements: %w", err)
	}
	return out, nil
}

// engagements runs sel, a query of engagements e selecting e.id, e.record
// and e.date_lo in the listing order, and returns them with their sources.
// The sources are read from the mentions and their documents in the same
// statement, so from the same snapshot of the store.
func (db *DB) engagements(ctx context.Context, sel string, args ...any) ([]engagement.Engagement, error) {
	q := `WITH sel(id, record, date_lo) AS MATERIALIZED (` + sel + `)
		SELECT 0, date_lo IS NULL, date_lo, id, record, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM sel
		UNION ALL
		SELECT 1, m.engagement_id, m.document_id, m.id, NULL, coalesce(d.url, ''), d.title, d.published, m.evidence,
			coalesce(m.body ->> '$.start', 0), coalesce(m.body ->> '$.end', 0), m.date, m.date_end, m.status,
			coalesce(m.body ->> '$.location', '')
		FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.engagement_id IN (SELECT id FROM sel)
		ORDER BY 1, 2, 3, 4`
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []engagement.Engagement{}
	at := map[int64]int{}
	for rows.Next() {
		var (
			part   int
			k1, k2 any
			id     int64
			body   []byte
			s      engagement.Source
			p      struct{ url, title, published, evidence, date, dateEnd, status, location sql.NullString }
			st, en sql.NullInt64
		)
		if err := rows.Scan(&part, &k1, &k2, &id, &body, &p.url, &p.title, &p.published, &p.evidence, &st, &en,
			&p.date, &p.dateEnd, &p.status, &p.location); err != nil {
			return nil, err
		}
		if part == 0 {
			e, err := decodeEngagement(id, body)
			if err != nil {
				return nil, err
			}
			at[id] = len(out)
			out = append(out, e)
			continue
		}
		eid, _ := k1.(int64)
		i, ok := at[eid]
		if !ok {
			return nil, fmt.Errorf("source of engagement %d not selected", eid)
		}
		s.DocumentID, _ = k2.(int64)
		s.URL, s.Title, s.Published, s.Evidence = p.url.String, p.title.String, p.published.String, p.evidence.String
		s.Start, s.End = int(st.Int64), int(en.Int64)
		s.Date, s.DateEnd, s.Status, s.Location = p.date.String, p.dateEnd.String, engagement.Status(p.status.String), p.location.String
		out[i].Sources = append(out[i].Sources, s)
	}
	return out, rows.Err()
}

// conditions turns f, but its Limit and Offset, into a WHERE clause over
// engagements e (empty when f selects everything).
func conditions(f store.Filter, more ...string) (string, []any) {
	var (
		where = more
		args  []any
	)
	// A country is found through the indexes on participants' countries
	// and on the host country; instr on the "|PAK|USA|" column would read
	// every row.
	hasCountry := func(c string) {
		c = strings.ToUpper(strings.TrimSpace(c))
		where = append(where, `e.id IN (SELECT engagement_id FROM participants WHERE country = ?
			UNION ALL SELECT id FROM engagements WHERE host_country = ?)`)
		args = append(args, c, c)
	}
	a, b := strings.ToUpper(strings.TrimSpace(f.Pair[0])), strings.ToUpper(strings.TrimSpace(f.Pair[1]))
	switch {
	case a != "" && b != "" && a != b:
		// A pair's engagements are one range of engagement_pairs.
		if b < a {
			a, b = b, a
		}
		where = append(where, "e.id IN (SELECT engagement_id FROM engagement_pairs WHERE pair = ?)")
		args = append(args, a+"-"+b)
	case a != "":
		hasCountry(a)
	case b != "":
		hasCountry(b)
	}
	if strings.TrimSpace(f.Country) != "" {
		hasCountry(f.Country)
	}
	if f.Kind != "" {
		where = append(where, "e.kind = ?")
		args = append(args, string(f.Kind))
	}
	if f.Mode != "" {
		where = append(where, "e.mode = ?")
		args = append(args, string(f.Mode))
	}
	if f.Status != "" {
		where = append(where, "e.status = ?")
		args = append(args, string(f.Status))
	}
	if a := strings.TrimSpace(f.Actor); a != "" {
		// The matching names first (from the index on names), then their
		// engagements: testing each engagement's participants in turn reads
		// every row when few match.
		where = append(where, `e.id IN (SELECT engagement_id FROM participants WHERE name_fold IN
			(SELECT DISTINCT name_fold FROM participants WHERE instr(name_fold, ?) > 0))`)
		args = append(args, strings.ToLower(a))
	}
	if !f.From.IsZero() {
		where = append(where, "e.date_hi >= ?") // NULL (unknown date) never matches
		args = append(args, firstDay(f.From).Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		where = append(where, "e.date_lo <= ?")
		args = append(args, lastDay(f.To).Format(time.DateOnly))
	}
	if q := ftsQuery(f.Query); q != "" {
		where = append(where, `e.id IN (SELECT m.engagement_id FROM mention_fts
			JOIN mentions m ON m.id = mention_fts.rowid WHERE mention_fts MATCH ?)`)
		args = append(args, q)
	}
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), args
}

// page adds f's Limit and Offset to q.
func page(q string, args []any, f store.Filter) (string, []any) {
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += " LIMIT ? OFFSET ?"
		args = append(args, limit, max(f.Offset, 0))
	}
	return q, args
}

// ftsQuery turns free text into an FTS5 query: each word a quoted term, all
// required. Users type names and words, not FTS syntax ("Dar's" or a stray
// quote would otherwise be a syntax error).
func ftsQuery(s string) string {
	var terms []string
	for _, w := range strings.Fields(s) {
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}

// Engagement implements store.Store.
func (db *DB) Engagement(ctx context.Context, id int64) (engagement.Engagement, error) {
	es, err := db.engagements(ctx, "SELECT e.id, e.record, e.date_lo FROM engagements e WHERE e.id = ?", id)
	if err != nil {
		return engagement.Engagement{}, fmt.Errorf("store: sqlite: engagement %d: %w", id, err)
	}
	if len(es) == 0 {
		return engagement.Engagement{}, fmt.Errorf("store: sqlite: engagement %d: %w", id, store.ErrNotFound)
	}
	return es[0], nil
}

// decodeEngagement decodes an engagement's record (without its sources).
func decodeEngagement(id int64, body []byte) (engagement.Engagement, error) {
	var e engagement.Engagement
	if err := json.Unmarshal(body, &e); err != nil {
		return engagement.Engagement{}, fmt.Errorf("engagement %d: decode: %w", id, err)
	}
	e.ID = id
	if e.Participants == nil {
		e.Participants = []engagement.Participant{}
	}
	if e.Topics == nil {
		e.Topics = []string{}
	}
	e.Sources = []engagement.Source{}
	return e, nil
}

// Stats implements store.Store.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := db.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM engagements)`).Scan(&s.Documents, &s.Mentions, &s.Engagements)
	if err != nil {
		return s, fmt.Errorf("store: sqlite: stats: %w", err)
	}
	return s, nil
}
