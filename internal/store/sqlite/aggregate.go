package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"
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

// Actors implements store.Store. Over every engagement or one country's,
// the counts are read from the actor tables (see actorsOf); otherwise the
// participant rows of the selected engagements, in the engagements' order,
// feed a store.ActorTally, and the records are never decoded.
func (db *DB) Actors(ctx context.Context, f store.Filter, maxLinks int) ([]store.Actor, []store.Link, int, error) {
	if scope, ok := actorScope(f); ok {
		as, ls, n, ok, err := db.actorsOf(ctx, scope, maxLinks)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("store: sqlite: actors: %w", err)
		}
		if ok {
			return as, ls, n, nil
		}
	}
	where, order, args, err := db.listing(ctx, f)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("store: sqlite: actors: %w", err)
	}
	sel := "SELECT e.id, e.date_lo FROM engagements e" + where + order
	sel, args = page(sel, args, f)
	q := `SELECT p.engagement_id, p.name, p.title, p.country, p.rank FROM (` + sel + `) m
		JOIN participants p ON p.engagement_id = m.id
		ORDER BY m.date_lo IS NULL, m.date_lo, m.id, p.rowid`
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("store: sqlite: actors: %w", err)
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
			return nil, nil, 0, fmt.Errorf("store: sqlite: actors: %w", err)
		}
		if id != cur && len(ps) > 0 {
			t.Add(ps)
			ps = ps[:0]
		}
		cur = id
		ps = append(ps, p)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, 0, fmt.Errorf("store: sqlite: actors: %w", err)
	}
	if len(ps) > 0 {
		t.Add(ps)
	}
	as, ls := t.Result()
	n := len(ls)
	if maxLinks > 0 && len(ls) > maxLinks {
		ls = ls[:maxLinks]
	}
	return as, ls, n, nil
}

// actorScope is the scope of the actor tables that f selects: "" for
// every engagement, a country code for one country's; false when f
// selects otherwise.
func actorScope(f store.Filter) (string, bool) {
	g := f
	g.Country = ""
	if g != (store.Filter{}) {
		return "", false
	}
	return strings.ToUpper(strings.TrimSpace(f.Country)), true
}

// actorsOf reads the actors of a scope from the actor tables, in one
// statement (one snapshot): each person's variants (country, title, rank)
// with their counts and earliest engagement give what store.ActorTally
// would, and the strongest links come from their index. false when an
// earliest engagement is unknown (never so once a Put has committed).
func (db *DB) actorsOf(ctx context.Context, scope string, maxLinks int) ([]store.Actor, []store.Link, int, bool, error) {
	if maxLinks <= 0 {
		maxLinks = math.MaxInt32
	}
	// The links shared more than once from their index, strongest first;
	// as many as are missing of those shared once, in (a, b) order.
	rows, err := db.r.QueryContext(ctx, `SELECT 0, name, country, title, rank, n, first FROM actor_variants WHERE scope = ?1
		UNION ALL
		SELECT 1, a, b, '', 0, n, '' FROM (SELECT a, b, n FROM actor_links WHERE scope = ?1 AND n > 1 ORDER BY n DESC, a, b LIMIT ?2)
		UNION ALL
		SELECT 1, a, b, '', 0, n, '' FROM (SELECT a, b, n FROM actor_links WHERE scope = ?1 AND n = 1 ORDER BY a, b
			LIMIT ?2 - (SELECT count(*) FROM (SELECT 1 FROM actor_links WHERE scope = ?1 AND n > 1 LIMIT ?2)))
		UNION ALL
		SELECT 2, '', '', '', 0, count(*), '' FROM actor_links WHERE scope = ?1`, scope, maxLinks)
	if err != nil {
		return nil, nil, 0, false, err
	}
	defer rows.Close()
	type seen struct {
		store.Actor
		first string
	}
	var (
		by     = map[string][]seen{}
		ls     = []store.Link{}
		nLinks int
		known  = true
	)
	for rows.Next() {
		var (
			part  int
			v     seen
			first sql.NullString
		)
		if err := rows.Scan(&part, &v.Name, &v.Country, &v.Title, &v.Rank, &v.Count, &first); err != nil {
			return nil, nil, 0, false, err
		}
		switch part {
		case 0:
			v.first, known = first.String, known && first.Valid
			by[v.Name] = append(by[v.Name], v)
		case 1:
			ls = append(ls, store.Link{A: v.Name, B: v.Country, Count: v.Count})
		case 2:
			nLinks = v.Count
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, 0, false, err
	}
	if !known {
		return nil, nil, 0, false, nil
	}
	// ActorTally keeps the first seen country, title and rank, and takes a
	// better rank's title where it first appears: the variants in the
	// order of their earliest engagements, each taken once, give the same.
	as := make([]store.Actor, 0, len(by))
	for _, vs := range by {
		slices.SortFunc(vs, func(x, y seen) int { return strings.Compare(x.first, y.first) })
		a := vs[0].Actor
		for _, v := range vs[1:] {
			a.Count += v.Count
			if v.Rank > 0 && (a.Rank == 0 || v.Rank < a.Rank) {
				a.Rank, a.Title = v.Rank, v.Title
			}
		}
		as = append(as, a)
	}
	store.SortActors(as)
	store.SortLinks(ls)
	if len(ls) > maxLinks {
		ls = ls[:maxLinks]
	}
	return as, ls, nLinks, true, nil
}

// Encounters implements store.Store. The engagements (without their
// sources) come from the presence table: for each sighting, the person's short stays that began in
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
	where, _, args, err := db.listing(ctx, f, `e.id IN (
		SELECT pr.engagement_id FROM json_each(?1) j CROSS JOIN presence pr
		WHERE pr.name_fold = j.value ->> 0 AND pr.long = 0 AND pr.date_lo BETWEEN j.value ->> 2 AND j.value ->> 1
			AND pr.date_hi >= j.value ->> 1
		UNION ALL
		SELECT pr.engagement_id FROM json_each(?1) j CROSS JOIN presence pr
		WHERE pr.name_fold = j.value ->> 0 AND pr.long = 1 AND pr.date_lo <= j.value ->> 1 AND pr.date_hi >= j.value ->> 1)`)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: encounters: %w", err)
	}
	q := "SELECT e.id, e.record, e.n_sources, e.date_lo FROM engagements e" + where
	out, _, err := db.records(ctx, q, append([]any{string(list)}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: encounters: %w", err)
	}
	return out, nil
}
