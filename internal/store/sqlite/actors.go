package sqlite

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"bilat/internal/engagement"
)

// The actor tables (migration 0004) hold store.ActorsOf's counts for every
// engagement (scope "") and for each country's: Put keeps them as it
// writes engagements, and Actors reads them.

// actorState is what one engagement counts for in the actor tables.
type actorState struct {
	participants []engagement.Participant
	countries    []string // sorted, as Engagement.Countries
	order        string   // date_lo; "" when the date is unknown
}

// variant is a row key of actor_variants.
type variant struct {
	scope, name, country, title string
	rank                        int
}

// link is a row key of actor_links.
type link struct{ scope, a, b string }

// orderKey is the listing position of engagement id whose date_lo is order
// (see actor_variants.first).
func orderKey(id int64, order string) string {
	if order == "" {
		return fmt.Sprintf("1%020d", id)
	}
	return fmt.Sprintf("0%s%020d", order, id)
}

// rows lists the variants and links s counts for, in every scope: the
// first participant of each name (as store.ActorTally counts them), and
// each pair of participants of different countries and names.
func (s *actorState) rows() ([]variant, map[link]int) {
	if s == nil {
		return nil, nil
	}
	scopes := append([]string{""}, s.countries...)
	var vs []variant
	seen := map[string]bool{}
	for _, p := range s.participants {
		if seen[p.Name] {
			continue
		}
		seen[p.Name] = true
		for _, sc := range scopes {
			vs = append(vs, variant{sc, p.Name, p.Country, p.Title, p.Rank})
		}
	}
	ls := map[link]int{}
	for i, p := range s.participants {
		for _, q := range s.participants[i+1:] {
			if p.Country == q.Country || p.Name == q.Name {
				continue
			}
			a, b := p.Name, q.Name
			if b < a {
				a, b = b, a
			}
			for _, sc := range scopes {
				ls[link{sc, a, b}]++
			}
		}
	}
	return vs, ls
}

// loadActors reads what engagement eid counts for as stored.
func (w *writer) loadActors(eid int64) (actorState, error) {
	var (
		s     actorState
		order sql.NullString
		host  string
	)
	if err := w.st(w.s.actorEngagement).QueryRowContext(w.ctx, eid).Scan(&order, &host); err != nil {
		return s, fmt.Errorf("engagement %d: %w", eid, err)
	}
	s.order = order.String
	rows, err := w.st(w.s.actorParticipants).QueryContext(w.ctx, eid)
	if err != nil {
		return s, fmt.Errorf("engagement %d: participants: %w", eid, err)
	}
	defer rows.Close()
	for rows.Next() {
		var p engagement.Participant
		if err := rows.Scan(&p.Name, &p.Title, &p.Country, &p.Rank); err != nil {
			return s, fmt.Errorf("engagement %d: participants: %w", eid, err)
		}
		s.participants = append(s.participants, p)
		if p.Country != "" && !slices.Contains(s.countries, p.Country) {
			s.countries = append(s.countries, p.Country)
		}
	}
	if err := rows.Err(); err != nil {
		return s, fmt.Errorf("engagement %d: participants: %w", eid, err)
	}
	if host != "" && !slices.Contains(s.countries, host) {
		s.countries = append(s.countries, host)
	}
	slices.Sort(s.countries)
	return s, nil
}

// updateActors moves engagement eid's counts from what old gave to what
// now gives (nil: nothing, the engagement is new or goes). The changes
// wait in w.actors until the document is stored, and are written when the
// batch ends (flushActors), all in a few statements.
func (w *writer) updateActors(eid int64, old, now *actorState) error {
	if old != nil && now != nil && old.order == now.order && slices.Equal(old.countries, now.countries) &&
		slices.Equal(old.participants, now.participants) {
		return nil
	}
	ov, ol := old.rows()
	nv, nl := now.rows()
	d := &w.actors.doc
	if old != nil {
		key := orderKey(eid, old.order)
		for _, v := range ov {
			d.variant(v, key, -1)
		}
		for k, n := range ol {
			d.link(k, -n)
		}
	}
	if now != nil {
		key := orderKey(eid, now.order)
		for _, v := range nv {
			d.variant(v, key, +1)
		}
		for k, n := range nl {
			d.link(k, n)
		}
	}
	return nil
}

// actorChanges are changes to the actor tables not yet written: the
// current document's, and those of the batch's documents stored so far.
type actorChanges struct {
	doc, batch actorDelta
}

// actorDelta is a change to the actor tables: for each variant, the
// engagements (by order key) that joined (+1) or left (-1) it; for each
// link, how much its count moves.
type actorDelta struct {
	variants map[variant]map[string]int
	links    map[link]int
}

func (d *actorDelta) variant(v variant, key string, by int) {
	if d.variants == nil {
		d.variants = map[variant]map[string]int{}
	}
	ks := d.variants[v]
	if ks == nil {
		ks = map[string]int{}
		d.variants[v] = ks
	}
	if ks[key] += by; ks[key] == 0 {
		delete(ks, key)
	}
}

func (d *actorDelta) link(k link, by int) {
	if d.links == nil {
		d.links = map[link]int{}
	}
	if d.links[k] += by; d.links[k] == 0 {
		delete(d.links, k)
	}
}

// keep adds the document's changes to the batch's; drop forgets them
// (the document was rolled back).
func (c *actorChanges) keep() {
	for v, ks := range c.doc.variants {
		for k, n := range ks {
			c.batch.variant(v, k, n)
		}
	}
	for k, n := range c.doc.links {
		c.batch.link(k, n)
	}
	c.drop()
}

func (c *actorChanges) drop() { c.doc = actorDelta{} }

// flushActors writes the batch's changes to the actor tables, in key
// order, then finds the earliest engagement of each variant that lost its
// own.
func (w *writer) flushActors() error {
	b := w.actors.batch
	w.actors = actorChanges{}
	vs := make([]variant, 0, len(b.variants))
	for v, ks := range b.variants {
		if len(ks) > 0 {
			vs = append(vs, v)
		}
	}
	slices.SortFunc(vs, func(x, y variant) int {
		return cmp.Or(strings.Compare(x.scope, y.scope), strings.Compare(x.name, y.name), strings.Compare(x.country, y.country),
			strings.Compare(x.title, y.title), cmp.Compare(x.rank, y.rank))
	})
	var (
		stale []variant
		adds  [][]any // variants that engagements only joined: one statement for all
	)
	for _, v := range vs {
		var (
			n       int
			added   string // the earliest engagement that joined
			removed []string
		)
		for k, by := range b.variants[v] {
			n += by
			switch {
			case by > 0 && (added == "" || k < added):
				added = k
			case by < 0:
				removed = append(removed, k)
			}
		}
		args := []any{v.scope, v.name, v.country, v.title, v.rank}
		if len(removed) == 0 { // the usual case: engagements joined
			adds = append(adds, append(args, n, added))
			continue
		}
		var (
			had   int
			known sql.NullString
		)
		if err := w.st(w.s.getVariant).QueryRowContext(w.ctx, args...).Scan(&had, &known); err != nil {
			return fmt.Errorf("actor %q: %w", v.name, err)
		}
		first := known.String
		switch {
		case had+n <= 0:
			if _, err := w.st(w.s.deleteVariant).ExecContext(w.ctx, args...); err != nil {
				return err
			}
			continue
		case !known.Valid || slices.Contains(removed, first):
			first = "" // found again below
			stale = append(stale, v)
		case added != "" && added < first:
			first = added
		}
		if _, err := w.st(w.s.setVariant).ExecContext(w.ctx, append(args, had+n, sql.NullString{String: first, Valid: first != ""})...); err != nil {
			return err
		}
	}
	if err := w.execRows(w.s.addVariants, adds); err != nil {
		return err
	}
	ls := make([]link, 0, len(b.links))
	for k := range b.links {
		ls = append(ls, k)
	}
	slices.SortFunc(ls, func(x, y link) int {
		return cmp.Or(strings.Compare(x.scope, y.scope), strings.Compare(x.a, y.a), strings.Compare(x.b, y.b))
	})
	var moved, fewer [][]any
	for _, k := range ls {
		d := b.links[k]
		moved = append(moved, []any{k.scope, k.a, k.b, d})
		if d < 0 {
			fewer = append(fewer, []any{k.scope, k.a, k.b})
		}
	}
	for _, x := range []struct {
		s    *sql.Stmt
		rows [][]any
	}{{w.s.addLinks, moved}, {w.s.deleteLinks, fewer}} {
		if err := w.execRows(x.s, x.rows); err != nil {
			return err
		}
	}
	for _, v := range stale {
		if _, err := w.st(w.s.fixFirst).ExecContext(w.ctx, strings.ToLower(v.name), v.scope, v.name, v.country, v.title, v.rank); err != nil {
			return err
		}
	}
	return nil
}

// rowsPerStatement is how many rows execRows passes to one statement. Over
// one large JSON array SQLite's allocations grow with the array for every
// row it reads: with a batch's thousands of rows in one array a 100k ingest
// spent 7 s in SQLite's malloc, with 256 a statement 1.5 s.
const rowsPerStatement = 256

// execRows runs s, a statement over json_each(?), on rows, a few hundred at
// a time.
func (w *writer) execRows(s *sql.Stmt, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), rowsPerStatement)
		list, err := json.Marshal(rows[:n])
		if err != nil {
			return err
		}
		if _, err := w.st(s).ExecContext(w.ctx, string(list)); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// The writer's statements on the actor tables, prepared with the others.
var actorStatements = []struct {
	p func(*stmts) **sql.Stmt
	q string
}{
	{func(s *stmts) **sql.Stmt { return &s.actorEngagement }, `SELECT date_lo, host_country FROM engagements WHERE id = ?`},
	{func(s *stmts) **sql.Stmt { return &s.actorParticipants },
		`SELECT name, title, country, rank FROM participants WHERE engagement_id = ? ORDER BY rowid`},
	// Rows as JSON arrays, all of a batch in one statement ("WHERE true"
	// tells the parser that ON CONFLICT is the upsert's).
	{func(s *stmts) **sql.Stmt { return &s.addVariants }, `INSERT INTO actor_variants(scope, name, country, title, rank, n, first)
		SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?) WHERE true
		ON CONFLICT DO UPDATE SET n = n + excluded.n, first = min(first, excluded.first)`},
	{func(s *stmts) **sql.Stmt { return &s.getVariant },
		`SELECT n, first FROM actor_variants WHERE scope = ? AND name = ? AND country = ? AND title = ? AND rank = ?`},
	{func(s *stmts) **sql.Stmt { return &s.setVariant },
		`UPDATE actor_variants SET n = ?6, first = ?7 WHERE scope = ?1 AND name = ?2 AND country = ?3 AND title = ?4 AND rank = ?5`},
	{func(s *stmts) **sql.Stmt { return &s.deleteVariant },
		`DELETE FROM actor_variants WHERE scope = ? AND name = ? AND country = ? AND title = ? AND rank = ?`},
	{func(s *stmts) **sql.Stmt { return &s.addLinks }, `INSERT INTO actor_links(scope, a, b, n)
		SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?) WHERE true
		ON CONFLICT DO UPDATE SET n = n + excluded.n`},
	{func(s *stmts) **sql.Stmt { return &s.deleteLinks }, `DELETE FROM actor_links
		WHERE (scope, a, b) IN (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)) AND n <= 0`},
	{func(s *stmts) **sql.Stmt { return &s.addStats }, `UPDATE store_stats SET documents = documents + ?, mentions = mentions + ?,
		engagements = engagements + ?, longest = max(longest, ?)`},
	// The variant's engagements: the first participant of that name in
	// each engagement of the scope.
	{func(s *stmts) **sql.Stmt { return &s.fixFirst }, `UPDATE actor_variants SET first = (
		SELECT min(CASE WHEN e.date_lo IS NULL THEN '1' ELSE '0' || e.date_lo END || printf('%020d', e.id))
		FROM participants p JOIN engagements e ON e.id = p.engagement_id
		WHERE p.name_fold = ?1 AND p.name = ?3 AND p.country = ?4 AND p.title = ?5 AND p.rank = ?6
			AND p.rowid = (SELECT min(q.rowid) FROM participants q WHERE q.engagement_id = p.engagement_id AND q.name = p.name)
			AND (?2 = '' OR e.host_country = ?2 OR EXISTS (SELECT 1 FROM participants c WHERE c.engagement_id = e.id AND c.country = ?2)))
		WHERE scope = ?2 AND name = ?3 AND country = ?4 AND title = ?5 AND rank = ?6 AND first IS NULL`},
}
