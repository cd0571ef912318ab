package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/store"
)

// Engagements implements store.Store.
func (db *DB) Engagements(ctx context.Context, f store.Filter) ([]engagement.Engagement, error) {
	where, args := conditions(f)
	q := "SELECT e.id, e.record FROM engagements e" + where + " ORDER BY e.date_lo IS NULL, e.date_lo, e.id"
	q, args = page(q, args, f)
	out, err := db.engagements(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: engagements: %w", err)
	}
	return out, nil
}

func (db *DB) engagements(ctx context.Context, q string, args ...any) ([]engagement.Engagement, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []engagement.Engagement{}
	for rows.Next() {
		e, err := scanEngagement(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
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
	row := db.r.QueryRowContext(ctx, "SELECT id, record FROM engagements WHERE id = ?", id)
	e, err := scanEngagement(row)
	if errors.Is(err, sql.ErrNoRows) {
		return engagement.Engagement{}, fmt.Errorf("store: sqlite: engagement %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return engagement.Engagement{}, fmt.Errorf("store: sqlite: engagement %d: %w", id, err)
	}
	return e, nil
}

func scanEngagement(s interface{ Scan(...any) error }) (engagement.Engagement, error) {
	var (
		id   int64
		body []byte
	)
	if err := s.Scan(&id, &body); err != nil {
		return engagement.Engagement{}, err
	}
	var rec record
	if err := json.Unmarshal(body, &rec); err != nil {
		return engagement.Engagement{}, fmt.Errorf("engagement %d: decode: %w", id, err)
	}
	e := rec.Engagement
	e.ID = id
	for i := range e.Sources {
		if i < len(rec.SourceDocs) {
			e.Sources[i].DocumentID = rec.SourceDocs[i]
		}
	}
	if e.Participants == nil {
		e.Participants = []engagement.Participant{}
	}
	if e.Topics == nil {
		e.Topics = []string{}
	}
	if e.Sources == nil {
		e.Sources = []engagement.Source{}
	}
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
