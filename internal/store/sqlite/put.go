package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/fuse"
	"bilat/internal/store"
)

// Put implements store.Store. Documents are written batchSize to a
// transaction, each inside its own savepoint: a document that fails is
// rolled back alone and reported in a *store.PutError.
func (db *DB) Put(ctx context.Context, items []store.Item) ([]store.Outcome, error) {
	out := make([]store.Outcome, len(items))
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.stmts == nil {
		return out, errors.New("store: sqlite: put: database is closed")
	}
	var failed []store.DocError
	for start := 0; start < len(items); start += batchSize {
		end := min(start+batchSize, len(items))
		n := len(failed)
		err := db.putBatch(ctx, items[start:end], start, out, &failed, false)
		if errors.Is(err, errCareful) {
			err = db.putBatch(ctx, items[start:end], start, out, &failed, true)
		}
		if err != nil {
			for i := start; i < end; i++ {
				out[i] = store.NotStored
			}
			failed = failed[:n]
			err = fmt.Errorf("store: sqlite: put: %w", err)
			if len(failed) > 0 {
				err = errors.Join(err, &store.PutError{Docs: failed})
			}
			return out, err
		}
	}
	if len(failed) > 0 {
		return out, &store.PutError{Docs: failed}
	}
	return out, nil
}

// errCareful stops a batch run without savepoints when a document fails:
// the batch is rolled back and run again with one savepoint per document.
var errCareful = errors.New("a document failed: retry the batch with savepoints")

// putBatch stores items in one transaction. Savepoints cost (SQLite copies
// each page a document touches into a sub-journal), and documents rarely
// fail, so a batch first runs without them (careful false); only if one
// document fails is it run again with a savepoint per document.
func (db *DB) putBatch(ctx context.Context, items []store.Item, base int, out []store.Outcome, failed *[]store.DocError, careful bool) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w := &writer{ctx: ctx, tx: tx, s: db.stmts, bound: map[*sql.Stmt]*sql.Stmt{}, now: db.now().UTC().Format(time.RFC3339)}
	defer w.closeBound()
	if err := w.st(w.s.maxMention).QueryRowContext(ctx).Scan(&w.firstNew); err != nil {
		return err
	}
	var ftsDeletes []ftsRow
	for i := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if careful {
			if _, err := w.st(w.s.savepoint).ExecContext(ctx); err != nil {
				return err
			}
		}
		w.ftsDeletes = w.ftsDeletes[:0]
		o, err := w.putDoc(&items[i])
		if err == nil {
			w.actors.keep()
			w.stats.add(w.docStats)
		}
		w.actors.drop()
		w.docStats = statsDelta{}
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if !careful {
				return errCareful
			}
			// If SQLite has already rolled back the whole transaction
			// (I/O error, disk full), this fails and the batch fails.
			if _, rerr := w.st(w.s.rollbackTo).ExecContext(ctx); rerr != nil {
				return errors.Join(err, rerr)
			}
			name := items[i].Doc.Path
			if name == "" {
				name = items[i].Doc.URL
			}
			*failed = append(*failed, store.DocError{Index: base + i, Path: name, Err: err})
			o = store.Failed
		} else {
			ftsDeletes = append(ftsDeletes, w.ftsDeletes...)
		}
		if careful {
			if _, err := w.st(w.s.release).ExecContext(ctx); err != nil {
				return err
			}
		}
		out[base+i] = o
	}
	if err := w.flushActors(); err != nil {
		return fmt.Errorf("actor counts: %w", err)
	}
	st := w.stats
	if _, err := w.st(w.s.addStats).ExecContext(ctx, st.documents, st.mentions, st.engagements, st.longest); err != nil {
		return fmt.Errorf("counts: %w", err)
	}
	for _, r := range ftsDeletes {
		if _, err := w.st(w.s.ftsDelete).ExecContext(ctx, r.id, r.evidence); err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
	}
	if _, err := w.st(w.s.ftsInsert).ExecContext(ctx, w.firstNew); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if db.ckpt != nil {
		db.ckpt.committed()
	}
	return nil
}

// writer is the state of one batch transaction.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	s     *stmts
	bound map[*sql.Stmt]*sql.Stmt
	now   string
	// firstNew is the largest mention id before the batch: mentions above
	// it are not in the full-text index yet.
	firstNew int64
	// ftsDeletes are the indexed mentions the current document removed;
	// their index entries go when the batch ends (if the document stays).
	ftsDeletes []ftsRow
	// actors are the changes to the actor tables, written when the batch
	// ends; stats, docStats what the batch's stored documents and the
	// current one add to store_stats.
	actors          actorChanges
	stats, docStats statsDelta
	// foldless are the engagements whose fold was computed from their
	// reports (written before migration 0003).
	foldless map[int64]bool
}

type ftsRow struct {
	id       int64
	evidence string
}

func (w *writer) st(s *sql.Stmt) *sql.Stmt {
	b, ok := w.bound[s]
	if !ok {
		b = w.tx.StmtContext(w.ctx, s)
		w.bound[s] = b
	}
	return b
}

func (w *writer) closeBound() {
	for _, b := range w.bound {
		b.Close()
	}
}

func (w *writer) putDoc(it *store.Item) (store.Outcome, error) {
	ctx := w.ctx
	d := it.Doc
	if d.Hash == "" {
		sum := sha256.Sum256([]byte(d.Text))
		d.Hash = hex.EncodeToString(sum[:])
	}
	var id int64
	switch err := w.st(w.s.docByHash).QueryRowContext(ctx, d.Hash).Scan(&id); {
	case err == nil:
		return store.Unchanged, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, fmt.Errorf("look up hash: %w", err)
	}
	outcome := store.New
	var url any // NULL without a URL: the hash is then the identity
	if d.URL != "" {
		url = d.URL
		var oldHash string
		switch err := w.st(w.s.docByURL).QueryRowContext(ctx, d.URL).Scan(&id, &oldHash); {
		case err == nil:
			outcome = store.Replaced
		case !errors.Is(err, sql.ErrNoRows):
			return 0, fmt.Errorf("look up url: %w", err)
		}
	}
	published := d.Published.String()
	if outcome == store.Replaced {
		// The document keeps its id; its old mentions leave their
		// engagements before the new ones are fused.
		affected, err := w.ids(w.s.docEngagements, id)
		if err != nil {
			return 0, fmt.Errorf("old mentions: %w", err)
		}
		if err := w.noteFTSDeletes(id); err != nil {
			return 0, fmt.Errorf("old mentions: %w", err)
		}
		res, err := w.st(w.s.deleteDocMentions).ExecContext(ctx, id)
		if err != nil {
			return 0, fmt.Errorf("delete old mentions: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, fmt.Errorf("delete old mentions: %w", err)
		}
		w.docStats.mentions -= n
		if _, err := w.st(w.s.updateDoc).ExecContext(ctx, d.Hash, d.Title, d.Outlet, d.Author, published, d.Path,
			len(it.Mentions), w.now, id); err != nil {
			return 0, fmt.Errorf("update document: %w", err)
		}
		for _, eid := range affected {
			rs, err := w.reports(eid)
			if err != nil {
				return 0, err
			}
			if len(rs) == 0 {
				old, err := w.loadActors(eid)
				if err != nil {
					return 0, err
				}
				if err := w.updateActors(eid, &old, nil); err != nil {
					return 0, err
				}
				if _, err := w.st(w.s.deleteEng).ExecContext(ctx, eid); err != nil {
					return 0, fmt.Errorf("delete engagement %d: %w", eid, err)
				}
				w.docStats.engagements--
				continue
			}
			if err := w.writeEngagement(eid, fuse.NewFold(rs), false, nil); err != nil {
				return 0, err
			}
		}
	} else {
		if err := w.st(w.s.insertDoc).QueryRowContext(ctx, url, d.Hash, d.Title, d.Outlet, d.Author, published, d.Path,
			len(it.Mentions), w.now).Scan(&id); err != nil {
			return 0, fmt.Errorf("insert document: %w", err)
		}
		w.docStats.documents++
	}
	if _, err := w.st(w.s.putText).ExecContext(ctx, id, d.Text); err != nil {
		return 0, fmt.Errorf("store text: %w", err)
	}
	for i := range it.Mentions {
		rep := fuse.Report{Mention: it.Mentions[i], DocID: id, URL: d.URL, Title: d.Title, Published: published}
		if err := w.fuseMention(rep); err != nil {
			return 0, fmt.Errorf("mention %d: %w", i, err)
		}
	}
	return outcome, nil
}

// fuseMention attaches one mention to the best matching engagement, or to a
// new one, and rewrites that engagement.
func (w *writer) fuseMention(rep fuse.Report) error {
	ctx := w.ctx
	m := rep.Mention
	lo, hi := span(m)
	// Widen by a few days: fuse allows a day's slack; more costs only a
	// few extra candidates, and keeps this a superset if fuse loosens.
	const slack = 3
	var cands []int64
	for _, k := range fuse.Keys(m) {
		ids, err := w.ids(w.s.candidates, k, hi+slack, lo-slack)
		if err != nil {
			return fmt.Errorf("candidates: %w", err)
		}
		cands = append(cands, ids...)
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	var (
		best      int64
		bestFold  *fuse.Fold
		bestScore = math.MinInt
	)
	for _, eid := range cands {
		f, err := w.fold(eid)
		if err != nil {
			return err
		}
		if !f.Same(m) {
			continue
		}
		// Two mentions of one document are never joined (see fuse.Same).
		var dup bool
		if err := w.st(w.s.docReports).QueryRowContext(ctx, eid, rep.DocID).Scan(&dup); err != nil {
			return fmt.Errorf("engagement %d: %w", eid, err)
		}
		if dup {
			continue
		}
		if s := f.Score(m); s > bestScore {
			best, bestFold, bestScore = eid, f, s
		}
	}
	body, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode mention: %w", err)
	}
	eid := best
	var prev *children
	f := bestFold
	if best == 0 {
		f = &fuse.Fold{}
		f.Add(rep)
		r, err := newRow(f.Engagement(0), f)
		if err != nil {
			return err
		}
		if err := w.st(w.s.insertEng).QueryRowContext(ctx, r.args()...).Scan(&eid); err != nil {
			return fmt.Errorf("insert engagement: %w", err)
		}
		w.docStats.engagements++
		w.docStats.longest = max(w.docStats.longest, r.span())
	} else {
		c := childrenOf(f.Engagement(best), f.Readings())
		// what the store holds is what the stored fold gives, not
		// necessarily what one computed from the reports gives
		c.actorsUnknown = w.foldless[best]
		prev = &c
	}
	if _, err := w.st(w.s.insertMention).ExecContext(ctx, rep.DocID, eid, string(m.Kind), string(m.Mode), string(m.Status),
		m.Date.String(), m.DateEnd.String(), m.Evidence, body); err != nil {
		return fmt.Errorf("insert mention: %w", err)
	}
	w.docStats.mentions++
	switch {
	case best == 0:
	case rep.DocID >= f.MaxDoc:
		// The usual case: a new document comes after every earlier one,
		// so the fold takes the report as Build would.
		f.Add(rep)
	default:
		// A replaced document keeps its id: fold its engagement again in
		// document order.
		rs, err := w.reports(eid)
		if err != nil {
			return err
		}
		f = fuse.NewFold(rs)
	}
	return w.writeEngagement(eid, f, best == 0, prev)
}

// fold loads the fusion state of engagement eid, computing it from the
// engagement's reports when the store has none (written before migration
// 0003).
func (w *writer) fold(eid int64) (*fuse.Fold, error) {
	var body sql.NullString
	if err := w.st(w.s.fold).QueryRowContext(w.ctx, eid).Scan(&body); err != nil {
		return nil, fmt.Errorf("engagement %d: load fold: %w", eid, err)
	}
	if !body.Valid {
		rs, err := w.reports(eid)
		if err != nil {
			return nil, err
		}
		if w.foldless == nil {
			w.foldless = map[int64]bool{}
		}
		w.foldless[eid] = true
		return fuse.NewFold(rs), nil
	}
	f := &fuse.Fold{}
	if err := json.Unmarshal([]byte(body.String), f); err != nil {
		return nil, fmt.Errorf("engagement %d: decode fold: %w", eid, err)
	}
	return f, nil
}

// writeEngagement writes engagement eid as fold f gives it: its row (unless
// just inserted), its participants and its keys (unless the same as prev,
// what they were before the new report).
func (w *writer) writeEngagement(eid int64, f *fuse.Fold, inserted bool, prev *children) error {
	ctx := w.ctx
	// what the engagement counted for in the actor tables before
	var old *actorState
	switch {
	case inserted:
	case prev != nil && !prev.actorsUnknown:
		old = &actorState{prev.participants, prev.countries, prev.order}
	default:
		s, err := w.loadActors(eid)
		if err != nil {
			return err
		}
		old = &s
	}
	e := f.Engagement(eid)
	if !inserted {
		r, err := newRow(e, f)
		if err != nil {
			return err
		}
		if _, err := w.st(w.s.updateEng).ExecContext(ctx, append(r.args(), eid)...); err != nil {
			return fmt.Errorf("update engagement %d: %w", eid, err)
		}
		w.docStats.longest = max(w.docStats.longest, r.span())
	}
	c := childrenOf(e, f.Readings())
	if err := w.updateActors(eid, old, &actorState{c.participants, c.countries, c.order}); err != nil {
		return err
	}
	if prev == nil || !slices.Equal(prev.participants, c.participants) {
		if !inserted {
			if _, err := w.st(w.s.deleteParticipants).ExecContext(ctx, eid); err != nil {
				return fmt.Errorf("engagement %d: delete participants: %w", eid, err)
			}
		}
		for _, p := range c.participants {
			if _, err := w.st(w.s.insertParticipant).ExecContext(ctx, eid, p.Name, strings.ToLower(p.Name), p.Title, p.Country, p.Rank); err != nil {
				return fmt.Errorf("engagement %d: insert participant: %w", eid, err)
			}
		}
	}
	if prev == nil || !slices.Equal(prev.pairs, c.pairs) {
		if !inserted {
			if _, err := w.st(w.s.deletePairs).ExecContext(ctx, eid); err != nil {
				return fmt.Errorf("engagement %d: delete pairs: %w", eid, err)
			}
		}
		for _, p := range c.pairs {
			if _, err := w.st(w.s.insertPair).ExecContext(ctx, p, eid); err != nil {
				return fmt.Errorf("engagement %d: insert pair: %w", eid, err)
			}
		}
	}
	if prev == nil || !slices.Equal(prev.presence, c.presence) {
		if !inserted {
			if _, err := w.st(w.s.deletePresence).ExecContext(ctx, eid); err != nil {
				return fmt.Errorf("engagement %d: delete presence: %w", eid, err)
			}
		}
		for _, p := range c.presence {
			if _, err := w.st(w.s.insertPresence).ExecContext(ctx, p.nameFold, p.long, p.lo, p.hi, eid); err != nil {
				return fmt.Errorf("engagement %d: insert presence: %w", eid, err)
			}
		}
	}
	if prev == nil || !slices.Equal(prev.keys, c.keys) || prev.lo != c.lo || prev.hi != c.hi {
		if !inserted {
			if _, err := w.st(w.s.deleteKeys).ExecContext(ctx, eid); err != nil {
				return fmt.Errorf("engagement %d: delete keys: %w", eid, err)
			}
		}
		for _, k := range c.keys {
			if _, err := w.st(w.s.insertKey).ExecContext(ctx, k, eid, c.lo, c.hi); err != nil {
				return fmt.Errorf("engagement %d: insert key: %w", eid, err)
			}
		}
	}
	return nil
}

// statsDelta is a change to store_stats.
type statsDelta struct{ documents, mentions, engagements, longest int64 }

func (s *statsDelta) add(d statsDelta) {
	s.documents += d.documents
	s.mentions += d.mentions
	s.engagements += d.engagements
	s.longest = max(s.longest, d.longest)
}

// children are the rows an engagement owns besides its own.
type children struct {
	participants []engagement.Participant
	keys         []string
	lo, hi       int64
	pairs        []string   // engagement_pairs
	presence     []presence // presence
	// for actor_variants and actor_links: the countries (sorted) and the
	// engagement's date_lo ("" when unknown); actorsUnknown when the
	// store may hold other participants than these
	countries     []string
	order         string
	actorsUnknown bool
}

// presence is a row of the presence table (see migration 0002).
type presence struct {
	nameFold string
	long     bool
	lo, hi   string
}

// childrenOf gives the child rows of e, whose reports read as rs (each
// distinct reading once is enough: see fuse.Fold.Readings).
func childrenOf(e engagement.Engagement, rs []engagement.Mention) children {
	c := children{participants: e.Participants, lo: unboundedLo, hi: unboundedHi}
	cs := e.Countries()
	slices.Sort(cs)
	c.countries = cs
	if lo, _ := dateRange(e); lo != nil {
		c.order = lo.(string)
	}
	for i, a := range cs {
		for _, b := range cs[i+1:] {
			c.pairs = append(c.pairs, a+"-"+b)
		}
	}
	if d, err := engagement.ParseDate(e.Date); err == nil && d.Precision() == 3 && e.Status == engagement.Occurred &&
		(e.Kind == engagement.Visit || (e.Mode == engagement.InPerson && e.Location != "")) {
		l, h := dateRange(e)
		lo, hi := l.(string), h.(string)
		tlo, _ := time.Parse(time.DateOnly, lo)
		thi, _ := time.Parse(time.DateOnly, hi)
		long := dayNum(thi)-dayNum(tlo) > 31
		seen := map[string]bool{}
		for _, p := range e.Participants {
			if f := strings.ToLower(p.Name); !seen[f] {
				seen[f] = true
				c.presence = append(c.presence, presence{f, long, lo, hi})
			}
		}
	}
	for _, r := range rs {
		c.keys = append(c.keys, fuse.Keys(r)...)
	}
	slices.Sort(c.keys)
	c.keys = slices.Compact(c.keys)
	// The keys carry the hull of the dated reports' ranges: an undated
	// report is compatible with any date, but the dated ones still bound
	// where a matching mention can fall. With none dated, unbounded.
	dated := false
	for _, r := range rs {
		if r.Date.IsZero() {
			continue
		}
		l, h := span(r)
		if !dated {
			c.lo, c.hi, dated = l, h, true
		}
		c.lo, c.hi = min(c.lo, l), max(c.hi, h)
	}
	return c
}

// noteFTSDeletes records the indexed mentions of document id, about to be
// deleted, so their index entries can be removed when the batch ends.
func (w *writer) noteFTSDeletes(id int64) error {
	rows, err := w.st(w.s.docMentions).QueryContext(w.ctx, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r ftsRow
		if err := rows.Scan(&r.id, &r.evidence); err != nil {
			return err
		}
		if r.id <= w.firstNew { // newer ones were never indexed
			w.ftsDeletes = append(w.ftsDeletes, r)
		}
	}
	return rows.Err()
}

// reports loads the reports of engagement eid.
func (w *writer) reports(eid int64) ([]fuse.Report, error) {
	rows, err := w.st(w.s.reports).QueryContext(w.ctx, eid)
	if err != nil {
		return nil, fmt.Errorf("engagement %d: load reports: %w", eid, err)
	}
	defer rows.Close()
	var rs []fuse.Report
	for rows.Next() {
		var (
			body          []byte
			date, dateEnd string
			r             fuse.Report
		)
		if err := rows.Scan(&body, &date, &dateEnd, &r.DocID, &r.URL, &r.Title, &r.Published); err != nil {
			return nil, fmt.Errorf("engagement %d: load reports: %w", eid, err)
		}
		if err := json.Unmarshal(body, &r.Mention); err != nil {
			return nil, fmt.Errorf("engagement %d: decode mention: %w", eid, err)
		}
		// Stored by this package from Date.String(), so they parse.
		r.Mention.Date, _ = engagement.ParseDate(date)
		r.Mention.DateEnd, _ = engagement.ParseDate(dateEnd)
		rs = append(rs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("engagement %d: load reports: %w", eid, err)
	}
	return rs, nil
}

// ids runs a query returning one integer column.
func (w *writer) ids(s *sql.Stmt, args ...any) ([]int64, error) {
	rows, err := w.st(s).QueryContext(w.ctx, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// row is an engagement as stored in the engagements table.
type row struct {
	e              engagement.Engagement
	dateLo, dateHi any // "YYYY-MM-DD" or NULL
	countries      string
	sources        int
	record, fold   []byte
}

// newRow is the row of e, whose reports fold to f. The record is e without
// its sources: they are read from the mentions (see sources).
func newRow(e engagement.Engagement, f *fuse.Fold) (row, error) {
	r := row{e: e, sources: f.N}
	r.dateLo, r.dateHi = dateRange(e)
	cs := e.Countries()
	slices.Sort(cs)
	if len(cs) > 0 {
		r.countries = "|" + strings.Join(cs, "|") + "|"
	}
	e.Sources = nil
	var err error
	if r.record, err = json.Marshal(e); err != nil {
		return r, fmt.Errorf("encode engagement: %w", err)
	}
	if r.fold, err = json.Marshal(f); err != nil {
		return r, fmt.Errorf("encode fold: %w", err)
	}
	return r, nil
}

// dateRange is the first and last day e's date range can cover, as
// "YYYY-MM-DD", or NULL for both when its date is unknown.
func dateRange(e engagement.Engagement) (lo, hi any) {
	d, err := engagement.ParseDate(e.Date)
	if err != nil || d.IsZero() {
		return nil, nil
	}
	end := d
	if de, err := engagement.ParseDate(e.DateEnd); err == nil && !de.IsZero() {
		end = de
	}
	l, h := firstDay(d), lastDay(end)
	if h.Before(l) {
		h = lastDay(d)
	}
	return l.Format(time.DateOnly), h.Format(time.DateOnly)
}

// span is the number of days from the row's date_lo to its date_hi (0
// when its date is unknown), as store_stats.longest counts them.
func (r row) span() int64 {
	lo, ok1 := r.dateLo.(string)
	hi, ok2 := r.dateHi.(string)
	if !ok1 || !ok2 {
		return 0
	}
	l, err1 := time.Parse(time.DateOnly, lo)
	h, err2 := time.Parse(time.DateOnly, hi)
	if err1 != nil || err2 != nil {
		return 0
	}
	return dayNum(h) - dayNum(l)
}

func (r row) args() []any {
	e := r.e
	return []any{string(e.Kind), string(e.Mode), string(e.Status), e.Date, e.DateEnd, r.dateLo, r.dateHi,
		e.Location, e.HostCountry, r.countries, r.sources, r.record, r.fold}
}

const (
	unboundedLo = math.MinInt32
	unboundedHi = math.MaxInt32
)

// span is the range of days a mention's date range can cover, as day
// numbers; unbounded when its date is unknown.
func span(m engagement.Mention) (lo, hi int64) {
	if m.Date.IsZero() {
		return unboundedLo, unboundedHi
	}
	end := m.DateEnd
	if end.IsZero() {
		end = m.Date
	}
	lo, hi = dayNum(firstDay(m.Date)), dayNum(lastDay(end))
	if hi < lo {
		hi = dayNum(lastDay(m.Date))
	}
	return lo, hi
}

func dayNum(t time.Time) int64 { return t.Unix() / 86400 }

func firstDay(d engagement.Date) time.Time {
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

func lastDay(d engagement.Date) time.Time {
	switch d.Precision() {
	case 1:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case 2:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return firstDay(d)
}
