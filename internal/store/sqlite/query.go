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
	var (
		where []string
		args  []any
	)
	hasCountry := func(c string) {
		where = append(where, "instr(e.countries, ?) > 0")
		args = append(args, "|"+strings.ToUpper(strings.TrimSpace(c))+"|")
	}
	for _, c := range f.Pair {
		if strings.TrimSpace(c) != "" {
			hasCountry(c)
		}
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
		where = append(where, "EXISTS (SELECT 1 FROM participants p WHERE p.engagement_id = e.id AND instr(p.name_fold, ?) > 0)")
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
	q := "SELECT e.id, e.record FROM engagements e"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY e.date_lo IS NULL, e.date_lo, e.id"
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		q += " LIMIT ? OFFSET ?"
		args = append(args, limit, max(f.Offset, 0))
	}
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: engagements: %w", err)
	}
	defer rows.Close()
	out := []engagement.Engagement{}
	for rows.Next() {
		e, err := scanEngagement(rows)
		if err != nil {
			return nil, fmt.Errorf("store: sqlite: engagements: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sqlite: engagements: %w", err)
	}
	return out, nil
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
