package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/store"
)

// Pairs implements store.Store: the distinct country sets are counted from
// the index on engagements.countries ("|PAK|USA|", sorted), then each set's
// count goes to every pair in it.
func (db *DB) Pairs(ctx context.Context) ([]store.PairCount, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT countries, count(*) FROM engagements GROUP BY countries")
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: pairs: %w", err)
	}
	defer rows.Close()
	by := map[string]int{}
	for rows.Next() {
		var (
			cs string
			n  int
		)
		if err := rows.Scan(&cs, &n); err != nil {
			return nil, fmt.Errorf("store: sqlite: pairs: %w", err)
		}
		list := strings.Split(strings.Trim(cs, "|"), "|")
		for i, a := range list {
			for _, b := range list[i+1:] {
				if a != "" && b != "" {
					by[a+"-"+b] += n
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sqlite: pairs: %w", err)
	}
	return store.SortPairs(by), nil
}

// Actors implements store.Store: the participant rows of the selected
// engagements, in the engagements' order, feed a store.ActorTally; the
// records (with their sources) are never decoded.
func (db *DB) Actors(ctx context.Context, f store.Filter) ([]store.Actor, []store.Link, error) {
	where, args := conditions(f)
	sel := "SELECT e.id, e.date_lo FROM engagements e" + where + " ORDER BY e.date_lo IS NULL, e.date_lo, e.id"
	sel, args = page(sel, args, f)
	q := `SELECT p.engagement_id, p.name, p.title, p.country, p.rank FROM (` + sel + `) m
		JOIN participants p ON p.engagement_id = m.id
		ORDER BY m.date_lo IS NULL, m.date_lo, m.id, p.rowid`
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: sqlite: actors: %w", err)
	}
	defer rows.Close()
	var (
		t   store.ActorTally
		cur int64 = -1
		ps  []engagement.Participant
	)
	for rows.Next() {
		var (
			id int64
			p  engagement.Participant
		)
		if err := rows.Scan(&id, &p.Name, &p.Title, &p.Country, &p.Rank); err != nil {
			return nil, nil, fmt.Errorf("store: sqlite: actors: %w", err)
		}
		if id != cur && len(ps) > 0 {
			t.Add(ps)
			ps = ps[:0]
		}
		cur = id
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: sqlite: actors: %w", err)
	}
	if len(ps) > 0 {
		t.Add(ps)
	}
	as, ls := t.Result()
	return as, ls, nil
}

// Encounters implements store.Store. The engagements come from the
// presence table: for each sighting, the person's short stays that began in
// the 31 days up to it, and their long ones.
func (db *DB) Encounters(ctx context.Context, f store.Filter, at []store.Sighting) ([]engagement.Engagement, error) {
	type probe [3]string // name_fold, day, day - 31
	seen := map[probe]bool{}
	var ps []probe
	for _, s := range at {
		if s.Day.Precision() < 3 || s.Name == "" {
			continue
		}
		d := firstDay(s.Day)
		p := probe{strings.ToLower(s.Name), d.Format(time.DateOnly), d.AddDate(0, 0, -31).Format(time.DateOnly)}
		if !seen[p] {
			seen[p] = true
			ps = append(ps, p)
		}
	}
	if len(ps) == 0 {
		return []engagement.Engagement{}, nil
	}
	list, _ := json.Marshal(ps)
	where, args := conditions(f, `e.id IN (
		SELECT pr.engagement_id FROM json_each(?1) j CROSS JOIN presence pr
		WHERE pr.name_fold = j.value ->> 0 AND pr.long = 0 AND pr.date_lo BETWEEN j.value ->> 2 AND j.value ->> 1
			AND pr.date_hi >= j.value ->> 1
		UNION ALL
		SELECT pr.engagement_id FROM json_each(?1) j CROSS JOIN presence pr
		WHERE pr.name_fold = j.value ->> 0 AND pr.long = 1 AND pr.date_lo <= j.value ->> 1 AND pr.date_hi >= j.value ->> 1)`)
	q := "SELECT e.id, e.record, e.date_lo FROM engagements e" + where + " ORDER BY e.date_lo IS NULL, e.date_lo, e.id"
	out, err := db.engagements(ctx, q, append([]any{string(list)}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: encounters: %w", err)
	}
	return out, nil
}
