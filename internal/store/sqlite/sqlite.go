// Package sqlite is bilat's default store: one SQLite file (pure Go, no cgo)
// in WAL mode. Writes go through a single connection, reads through a pool.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"bilat/internal/store"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrSchemaTooNew is returned by Open for a database written by a newer bilat.
var ErrSchemaTooNew = errors.New("database schema is newer than this program")

// batchSize is how many documents share one transaction at most: big
// enough to amortise the commit (each writes every page its documents
// changed), small enough that a cancel loses little work. The ingest
// pipeline's batches (512 documents) fit in one.
const batchSize = 512

// DB is a SQLite store. It implements store.Store.
type DB struct {
	w     *sql.DB // one connection: SQLite has one writer at a time
	r     *sql.DB // readers (WAL lets them run beside the writer); == w for :memory:
	stmts *stmts
	mu    sync.Mutex // serialises Put so batches do not queue on the one connection mid-transaction
	now   func() time.Time
	// ckpt copies the write-ahead log into the database beside Put (see
	// checkpointer); nil for :memory:.
	ckpt *checkpointer
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the database at path and brings its schema
// up to date. ":memory:" gives a private in-memory database.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("store: sqlite: empty path")
	}
	if strings.Contains(path, "?") {
		return nil, fmt.Errorf("store: sqlite: path %q: '?' is not allowed in a file name", path)
	}
	memory := path == ":memory:"
	params := "_txlock=immediate" + // take the write lock at BEGIN: no upgrade deadlocks between writers
		"&_pragma=busy_timeout(10000)" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_pragma=cache_size(-32000)" + // 32 MB: indexes and document rows stay in cache
		"&_pragma=temp_store(MEMORY)" // savepoint sub-journals in memory, not temp files
	if !memory {
		params += "&_pragma=journal_mode(WAL)"
	}
	wparams := params
	if !memory {
		// The checkpointer copies the log into the database, beside Put
		// (see checkpointer); the writer does it itself only if the log
		// reaches 40,000 pages (160 MB). Its cache holds the pages a batch
		// changes (with 64 MB it spilled them mid-transaction: a 100k
		// ingest ran at 915 docs/s instead of 1,073).
		wparams += "&_pragma=wal_autocheckpoint(40000)&_pragma=cache_size(-98304)"
	}
	w, err := sql.Open("sqlite", path+"?"+wparams)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
	}
	// One connection that is never recycled: a :memory: database lives and
	// dies with its connection.
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	db := &DB{w: w, r: w, now: time.Now}
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("store: sqlite: %s: %w", path, err)
	}
	if !memory {
		// Readers map the file: a lookup by id then costs no read system
		// call per page, which is most of the time of a query over a large
		// store whose pages are in the OS cache but not in SQLite's.
		r, err := sql.Open("sqlite", path+"?"+params+"&_pragma=query_only(1)&_pragma=mmap_size(4294967296)")
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
		}
		r.SetMaxOpenConns(4)
		r.SetMaxIdleConns(4)
		db.r = r
		if db.ckpt, err = newCheckpointer(path + "?" + params); err != nil {
			db.Close()
			return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
		}
	}
	if db.stmts, err = prepare(ctx, w); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: sqlite: %s: %w", path, err)
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	var errs []error
	if db.stmts != nil {
		errs = append(errs, db.stmts.close())
		db.stmts = nil
	}
	if db.ckpt != nil {
		errs = append(errs, db.ckpt.close())
		db.ckpt = nil
	}
	if db.r != db.w {
		errs = append(errs, db.r.Close())
	}
	errs = append(errs, db.w.Close())
	return errors.Join(errs...)
}

// checkpointer copies the write-ahead log into the database on its own
// connection, every few batches Put commits (PASSIVE: it waits for no one,
// and Put goes on meanwhile). An ingest spends a tenth of its time there;
// on another core it leaves Put's.
type checkpointer struct {
	db      *sql.DB
	nudge   chan struct{}
	done    chan struct{}
	batches int // Put's batches since the last nudge (under DB.mu)
}

// checkpointEvery is how many batches Put commits between checkpoints
// (tens of megabytes of log): a page they all change (an index's inner
// pages, the counts) is copied into the database once for all of them.
const checkpointEvery = 8

func newCheckpointer(dsn string) (*checkpointer, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	c := &checkpointer{db: db, nudge: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for range c.nudge {
			// errors (a busy database) leave the log to the next one
			_, _ = db.Exec("PRAGMA wal_checkpoint(PASSIVE)")
		}
	}()
	return c, nil
}

// committed counts a batch, and asks for a checkpoint every few.
func (c *checkpointer) committed() {
	if c.batches++; c.batches < checkpointEvery {
		return
	}
	c.batches = 0
	select {
	case c.nudge <- struct{}{}:
	default: // one is on its way
	}
}

func (c *checkpointer) close() error {
	close(c.nudge)
	<-c.done
	return c.db.Close()
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: want NNNN_name.sql", base)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, base, string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// migrate applies the pending migrations in one transaction (taken with the
// write lock, so two processes opening a new file do not both apply them).
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var cur int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&cur); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	if cur > latest {
		return fmt.Errorf("%w: schema version %d, this program knows up to %d; use a newer bilat", ErrSchemaTooNew, cur, latest)
	}
	for _, m := range ms {
		if m.version <= cur {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	return nil
}

// stmts are the writer's statements, prepared once at Open and bound to
// each transaction with Tx.StmtContext (same connection, so no re-prepare).
type stmts struct {
	docByHash, docByURL, insertDoc, updateDoc, putText *sql.Stmt
	docEngagements, docMentions, deleteDocMentions     *sql.Stmt
	maxMention, ftsInsert, ftsDelete                   *sql.Stmt
	candidates, reports, fold, docReports              *sql.Stmt
	insertEng, updateEng, deleteEng                    *sql.Stmt
	deleteParticipants, insertParticipant              *sql.Stmt
	deleteKeys, insertKey, insertMention               *sql.Stmt
	deletePairs, insertPair                            *sql.Stmt
	deletePresence, insertPresence                     *sql.Stmt
	savepoint, rollbackTo, release                     *sql.Stmt
	actorEngagement, actorParticipants                 *sql.Stmt
	addVariants, getVariant, setVariant, deleteVariant *sql.Stmt
	fixFirst, addLinks, deleteLinks, addStats          *sql.Stmt
	all                                                []*sql.Stmt
}

func prepare(ctx context.Context, db *sql.DB) (*stmts, error) {
	s := &stmts{}
	list := []struct {
		p *(*sql.Stmt)
		q string
	}{
		{&s.docByHash, `SELECT id FROM documents WHERE hash = ?`},
		{&s.docByURL, `SELECT id, hash FROM documents WHERE url = ?`},
		{&s.insertDoc, `INSERT INTO documents(url, hash, title, outlet, author, published, path, n_mentions, ingested_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`},
		{&s.updateDoc, `UPDATE documents SET hash = ?, title = ?, outlet = ?, author = ?, published = ?, path = ?,
			n_mentions = ?, ingested_at = ? WHERE id = ?`},
		{&s.putText, `INSERT OR REPLACE INTO document_texts(document_id, text) VALUES (?, ?)`},
		{&s.docEngagements, `SELECT DISTINCT engagement_id FROM mentions WHERE document_id = ? ORDER BY engagement_id`},
		{&s.docMentions, `SELECT id, evidence FROM mentions WHERE document_id = ?`},
		{&s.maxMention, `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'mentions'), 0)`},
		{&s.ftsInsert, `INSERT INTO mention_fts(rowid, evidence) SELECT id, evidence FROM mentions WHERE id > ?`},
		{&s.ftsDelete, `INSERT INTO mention_fts(mention_fts, rowid, evidence) VALUES ('delete', ?, ?)`},
		{&s.deleteDocMentions, `DELETE FROM mentions WHERE document_id = ?`},
		{&s.candidates, `SELECT engagement_id FROM fusion_keys WHERE key = ? AND lo <= ? AND hi >= ?`},
		{&s.reports, `SELECT m.body, m.date, m.date_end, d.id, coalesce(d.url, ''), d.title, d.published
			FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.engagement_id = ? ORDER BY m.id`},
		{&s.fold, `SELECT fold FROM engagements WHERE id = ?`},
		{&s.docReports, `SELECT EXISTS (SELECT 1 FROM mentions WHERE engagement_id = ? AND document_id = ?)`},
		{&s.insertEng, `INSERT INTO engagements(kind, mode, status, date, date_end, date_lo, date_hi, location, host_country,
			countries, n_sources, record, fold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`},
		{&s.updateEng, `UPDATE engagements SET kind = ?, mode = ?, status = ?, date = ?, date_end = ?, date_lo = ?, date_hi = ?,
			location = ?, host_country = ?, countries = ?, n_sources = ?, record = ?, fold = ? WHERE id = ?`},
		{&s.deleteEng, `DELETE FROM engagements WHERE id = ?`},
		{&s.deleteParticipants, `DELETE FROM participants WHERE engagement_id = ?`},
		{&s.insertParticipant, `INSERT INTO participants(engagement_id, name, name_fold, title, country, rank) VALUES (?, ?, ?, ?, ?, ?)`},
		{&s.deleteKeys, `DELETE FROM fusion_keys WHERE engagement_id = ?`},
		{&s.insertKey, `INSERT INTO fusion_keys(key, engagement_id, lo, hi) VALUES (?, ?, ?, ?)`},
		{&s.insertMention, `INSERT INTO mentions(document_id, engagement_id, kind, mode, status, date, date_end, evidence, body)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.deletePairs, `DELETE FROM engagement_pairs WHERE engagement_id = ?`},
		{&s.insertPair, `INSERT OR IGNORE INTO engagement_pairs(pair, engagement_id) VALUES (?, ?)`},
		{&s.deletePresence, `DELETE FROM presence WHERE engagement_id = ?`},
		{&s.insertPresence, `INSERT OR IGNORE INTO presence(name_fold, long, date_lo, date_hi, engagement_id) VALUES (?, ?, ?, ?, ?)`},
		{&s.savepoint, `SAVEPOINT doc`},
		{&s.rollbackTo, `ROLLBACK TO doc`},
		{&s.release, `RELEASE doc`},
	}
	for _, x := range actorStatements {
		list = append(list, struct {
			p *(*sql.Stmt)
			q string
		}{x.p(s), x.q})
	}
	for _, x := range list {
		st, err := db.PrepareContext(ctx, x.q)
		if err != nil {
			s.close()
			return nil, fmt.Errorf("prepare %q: %w", x.q, err)
		}
		*x.p = st
		s.all = append(s.all, st)
	}
	return s, nil
}

func (s *stmts) close() error {
	var errs []error
	for _, st := range s.all {
		errs = append(errs, st.Close())
	}
	return errors.Join(errs...)
}
