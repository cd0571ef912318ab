package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/store"
)

// Engagements implements store.Store.
func (db *DB) Engagements(ctx context.Context, f store.Filter) ([]engagement.Engagement, error) {
	where, order, args, err := db.listing(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: engagements: %w", err)
	}
	q := "SELECT e.id, e.record, e.date_lo FROM engagements e" + where + order
	q, args = page(q, args, f)
	out, err := db.engagements(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: engagements: %w", err)
	}
	return out, nil
}

// Records implements store.Store.
func (db *DB) Records(ctx context.Context, f store.Filter) ([]engagement.Engagement, []int, error) {
	where, order, args, err := db.listing(ctx, f)
	if err != nil {
		return nil, nil, fmt.Errorf("store: sqlite: records: %w", err)
	}
	q := "SELECT e.id, e.record, e.n_sources, e.date_lo FROM engagements e" + where
	if f.Limit > 0 || f.Offset > 0 { // otherwise records puts them in order
		q, args = page(q+order, args, f)
	}
	es, ns, err := db.records(ctx, q, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: sqlite: records: %w", err)
	}
	return es, ns, nil
}

// records runs q, a query of engagements selecting their id, record,
// n_sources and date_lo, and returns them in the listing order without
// their sources, with their counts. Sorting here costs less than having
// SQLite sort the records.
func (db *DB) records(ctx context.Context, q string, args ...any) ([]engagement.Engagement, []int, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var (
		es     = make([]engagement.Engagement, 0, 256)
		ns     = make([]int, 0, 256)
		orders []sql.NullString
		intern = map[string]string{} // a pair's engagements name the same people, titles and topics
		sorted = true
	)
	for rows.Next() {
		var (
			id    int64
			body  sql.RawBytes // decoded before the next row: not copied
			n     int
			order sql.NullString
		)
		if err := rows.Scan(&id, &body, &n, &order); err != nil {
			return nil, nil, err
		}
		e, err := decodeEngagementIn(id, body, intern)
		if err != nil {
			return nil, nil, err
		}
		if k := len(orders); k > 0 && listingCompare(orders[k-1], es[k-1].ID, order, id) > 0 {
			sorted = false
		}
		es, ns, orders = append(es, e), append(ns, n), append(orders, order)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	if sorted {
		return es, ns, nil
	}
	idx := make([]int, len(es))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return listingCompare(orders[a], es[a].ID, orders[b], es[b].ID) })
	outE, outN := make([]engagement.Engagement, len(es)), make([]int, len(es))
	for i, k := range idx {
		outE[i], outN[i] = es[k], ns[k]
	}
	return outE, outN, nil
}

// listingCompare compares two engagements, by date_lo and id, in the
// listing order: unknown dates last, then by date and id.
func listingCompare(a sql.NullString, aID int64, b sql.NullString, bID int64) int {
	if a.Valid != b.Valid {
		if a.Valid {
			return -1
		}
		return 1
	}
	return cmp.Or(strings.Compare(a.String, b.String), cmp.Compare(aID, bID))
}

// engagements runs sel, a query of engagements e selecting e.id, e.record
// and e.date_lo in the listing order, and returns them with their sources.
// The sources are read from the mentions and their documents in the same
// statement, so from the same snapshot of the store.
func (db *DB) engagements(ctx context.Context, sel string, args ...any) ([]engagement.Engagement, error) {
	q := `WITH sel(id, record, date_lo) AS MATERIALIZED (` + sel + `)
		SELECT 0, date_lo IS NULL, date_lo, id, record, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM sel
		UNION ALL
		SELECT 1, m.engagement_id, m.document_id, m.id, NULL, coalesce(d.url, ''), d.title, d.published, m.evidence,
			coalesce(m.body ->> '$.start', 0), coalesce(m.body ->> '$.end', 0), m.date, m.date_end, m.status,
			coalesce(m.body ->> '$.location', ''), CASE WHEN coalesce(d.url, '') = '' THEN d.path END
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
			p      struct{ url, title, published, evidence, date, dateEnd, status, location, path sql.NullString }
			st, en sql.NullInt64
		)
		if err := rows.Scan(&part, &k1, &k2, &id, &body, &p.url, &p.title, &p.published, &p.evidence, &st, &en,
			&p.date, &p.dateEnd, &p.status, &p.location, &p.path); err != nil {
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
		s.URL, s.Path, s.Title, s.Published, s.Evidence = p.url.String, p.path.String, p.title.String, p.published.String, p.evidence.String
		s.Start, s.End = int(st.Int64), int(en.Int64)
		s.Date, s.DateEnd, s.Status, s.Location = p.date.String, p.dateEnd.String, engagement.Status(p.status.String), p.location.String
		out[i].Sources = append(out[i].Sources, s)
	}
	return out, rows.Err()
}

// listing turns f, but its Limit and Offset, into the WHERE clause (with
// more conditions; empty when f selects everything) and the ORDER BY
// clause of a query of engagements e in the listing order: unknown dates
// last, then by date and id.
//
// The query starts from the condition that the fewest engagements meet,
// when few do (fewer than denseRows): its set of ids, read from an index,
// is then all the engagements looked at. The other conditions are tested
// on each of those. When every condition is met by many engagements (a
// big country, calls, the search for a common word), none is gathered:
// the listing walks the engagements in order, testing each, and finds a
// page after a few hundred, where gathering a set would read tens of
// thousands of rows. A capped count of the rows behind each condition
// tells which it is. The more conditions are sets, and always start the
// query.
func (db *DB) listing(ctx context.Context, f store.Filter, more ...string) (where, order string, args []any, err error) {
	type cond struct {
		set, row string // the condition as a set of ids (or an indexed term), and as a test of one engagement
		args     []any
		count    string // a query of the rows behind the condition ("": it never starts the query)
		cargs    []any
		walk     bool // the set form is where a walk in order starts: use it when no condition starts the query
	}
	var cs []cond
	// A country is found through the indexes on participants' countries
	// and on the host country; instr on the "|PAK|USA|" column would read
	// every row.
	hasCountry := func(c string) {
		c = strings.ToUpper(strings.TrimSpace(c))
		cs = append(cs, cond{
			set: `e.id IN (SELECT engagement_id FROM participants WHERE country = ?
				UNION ALL SELECT id FROM engagements WHERE host_country = ?)`,
			row:   `(e.host_country = ? OR EXISTS (SELECT 1 FROM participants p WHERE p.engagement_id = e.id AND p.country = ?))`,
			args:  []any{c, c},
			count: `SELECT 1 FROM participants WHERE country = ? UNION ALL SELECT 1 FROM engagements WHERE host_country = ?`,
			cargs: []any{c, c},
		})
	}
	a, b := strings.ToUpper(strings.TrimSpace(f.Pair[0])), strings.ToUpper(strings.TrimSpace(f.Pair[1]))
	switch {
	case a != "" && b != "" && a != b:
		// A pair's engagements are one range of engagement_pairs.
		if b < a {
			a, b = b, a
		}
		cs = append(cs, cond{
			set:   "e.id IN (SELECT engagement_id FROM engagement_pairs WHERE pair = ?)",
			row:   "EXISTS (SELECT 1 FROM engagement_pairs WHERE pair = ? AND engagement_id = e.id)",
			args:  []any{a + "-" + b},
			count: "SELECT 1 FROM engagement_pairs WHERE pair = ?",
			cargs: []any{a + "-" + b},
		})
	case a != "":
		hasCountry(a)
	case b != "":
		hasCountry(b)
	}
	if strings.TrimSpace(f.Country) != "" {
		hasCountry(f.Country)
	}
	// kind and status have indexes; "+" keeps the query from using them
	// when they do not start it
	if f.Kind != "" {
		cs = append(cs, cond{set: "e.kind = ?", row: "+e.kind = ?", args: []any{string(f.Kind)},
			count: "SELECT 1 FROM engagements WHERE kind = ?", cargs: []any{string(f.Kind)}})
	}
	if f.Mode != "" {
		cs = append(cs, cond{set: "e.mode = ?", row: "e.mode = ?", args: []any{string(f.Mode)}})
	}
	if f.Status != "" {
		cs = append(cs, cond{set: "e.status = ?", row: "+e.status = ?", args: []any{string(f.Status)},
			count: "SELECT 1 FROM engagements WHERE status = ?", cargs: []any{string(f.Status)}})
	}
	if a := strings.TrimSpace(f.Actor); a != "" {
		// The matching names first, from the actor table's few thousand
		// (participants hold every engagement's), then their engagements
		// through the index on names.
		names, err := db.actorNames(ctx, strings.ToLower(a))
		if err != nil {
			return "", "", nil, fmt.Errorf("actor %q: %w", a, err)
		}
		cs = append(cs, cond{
			set:   `e.id IN (SELECT engagement_id FROM participants WHERE name_fold IN (SELECT value FROM json_each(?)))`,
			row:   `EXISTS (SELECT 1 FROM participants p WHERE p.engagement_id = e.id AND p.name_fold IN (SELECT value FROM json_each(?)))`,
			args:  []any{names},
			count: `SELECT 1 FROM participants WHERE name_fold IN (SELECT value FROM json_each(?))`,
			cargs: []any{names},
		})
	}
	// Dates: unknown ones are left out. The set form's terms on date_lo are
	// those of the index engagements_listing, so a query they start, or a
	// walk in order, reads the range of the index from the first
	// engagement that can reach From (none is longer than the longest
	// stored) to To; the other form ("+") keeps the index out of a query
	// another condition starts.
	if !f.From.IsZero() || !f.To.IsZero() {
		set, row := []string{"(e.date_lo IS NULL) = 0"}, []string{"+e.date_lo IS NOT NULL"}
		var args []any
		var reaches *cond
		if !f.From.IsZero() {
			var longest int
			if err := db.r.QueryRowContext(ctx, "SELECT longest FROM store_stats").Scan(&longest); err != nil {
				return "", "", nil, fmt.Errorf("dates: %w", err)
			}
			from := firstDay(f.From)
			set, row = append(set, "e.date_lo >= ?"), append(row, "+e.date_lo >= ?")
			args = append(args, from.AddDate(0, 0, -longest).Format(time.DateOnly))
			reaches = &cond{set: "e.date_hi >= ?", row: "e.date_hi >= ?", args: []any{from.Format(time.DateOnly)}}
		}
		if !f.To.IsZero() {
			set, row = append(set, "e.date_lo <= ?"), append(row, "+e.date_lo <= ?")
			args = append(args, lastDay(f.To).Format(time.DateOnly))
		}
		cs = append(cs, cond{set: strings.Join(set, " AND "), row: strings.Join(row, " AND "), args: args,
			count: "SELECT 1 FROM engagements e WHERE " + strings.Join(set, " AND "), cargs: args, walk: true})
		if reaches != nil {
			cs = append(cs, *reaches)
		}
	}
	if q := ftsQuery(f.Query); q != "" {
		cs = append(cs, cond{
			set: `e.id IN (SELECT m.engagement_id FROM mention_fts
				JOIN mentions m ON m.id = mention_fts.rowid WHERE mention_fts MATCH ?)`,
			// the matching mentions' ids are gathered once, from the
			// full-text index alone, and each engagement's mentions are
			// looked up among them
			row: `EXISTS (SELECT 1 FROM mentions m WHERE m.engagement_id = e.id
				AND m.id IN (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?))`,
			args:  []any{q},
			count: `SELECT 1 FROM mention_fts WHERE mention_fts MATCH ?`,
			cargs: []any{q},
		})
	}
	start, fewest := -1, denseRows
	if len(more) == 0 {
		for i, c := range cs {
			if c.count == "" {
				continue
			}
			n, err := db.countTo(ctx, fewest, c.count, c.cargs...)
			if err != nil {
				return "", "", nil, err
			}
			if n < fewest {
				start, fewest = i, n
			}
		}
	}
	terms := more
	for i, c := range cs {
		if i == start || start < 0 && len(more) == 0 && c.walk {
			terms = append(terms, c.set)
		} else {
			terms = append(terms, c.row)
		}
		args = append(args, c.args...)
	}
	// With a date, no date is unknown: SQLite reads the order from the
	// index only when the ORDER BY leaves out date_lo IS NULL, which the
	// WHERE clause fixes.
	order = " ORDER BY e.date_lo IS NULL, e.date_lo, e.id"
	if !f.From.IsZero() || !f.To.IsZero() {
		order = " ORDER BY e.date_lo, e.id"
	}
	if len(terms) > 0 {
		where = " WHERE " + strings.Join(terms, " AND ")
	}
	return where, order, args, nil
}

// denseRows is the most ids a condition that starts a query may gather
// (see listing): a few milliseconds' reading. A condition that as many
// engagements in 200,000 meet finds a page in a walk of a few thousand.
var denseRows = 5000 // a variable so tests can take either path

// countTo counts the rows of the query q, reading no more than max.
func (db *DB) countTo(ctx context.Context, max int, q string, args ...any) (int, error) {
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM ("+q+" LIMIT "+strconv.Itoa(max)+")", args...).Scan(&n)
	return n, err
}

// actorNames lists, as a JSON array, the folded names of every actor
// whose folded name contains sub.
func (db *DB) actorNames(ctx context.Context, sub string) (string, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT DISTINCT name FROM actor_variants WHERE scope = ''`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	names := []string{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return "", err
		}
		// as Put folds participants' names into name_fold
		if f := strings.ToLower(n); strings.Contains(f, sub) && !slices.Contains(names, f) {
			names = append(names, f)
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	b, err := json.Marshal(names)
	return string(b), err
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
	return decodeEngagementIn(id, body, nil)
}

// decodeEngagementIn is decodeEngagement sharing equal strings through
// intern (when not nil), so many records allocate each string once.
func decodeEngagementIn(id int64, body []byte, intern map[string]string) (engagement.Engagement, error) {
	var e engagement.Engagement
	if !decodeRecord(body, &e, intern) {
		e = engagement.Engagement{}
		if err := json.Unmarshal(body, &e); err != nil {
			return engagement.Engagement{}, fmt.Errorf("engagement %d: decode: %w", id, err)
		}
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
	// kept by triggers (migration 0004): counting the tables reads them
	err := db.r.QueryRowContext(ctx, `SELECT documents, mentions, engagements FROM store_stats`).Scan(
		&s.Documents, &s.Mentions, &s.Engagements)
	if err != nil {
		return s, fmt.Errorf("store: sqlite: stats: %w", err)
	}
	return s, nil
}
