package sqlite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/store"
	"bilat/internal/store/storetest"
)

func mustOpen(t testing.TB, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return mustOpen(t, filepath.Join(t.TempDir(), "bilat.db"))
	})
}

func TestStoreMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return mustOpen(t, ":memory:") })
}

// TestStoreDense runs the suite with every filter condition taken as one
// that many engagements meet (tested on each engagement in turn, see
// listing) instead of a set of ids.
func TestStoreDense(t *testing.T) {
	defer func(n int) { denseRows = n }(denseRows)
	denseRows = 1
	storetest.Run(t, func(t *testing.T) store.Store { return mustOpen(t, ":memory:") })
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	db := mustOpen(t, path)
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var n, maxV int
	if err := db.w.QueryRowContext(ctx, `SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &maxV); err != nil {
		t.Fatal(err)
	}
	if n != len(ms) || maxV != ms[len(ms)-1].version {
		t.Errorf("schema_migrations: %d rows up to %d, want %d up to %d", n, maxV, len(ms), ms[len(ms)-1].version)
	}
	var mode string
	if err := db.r.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := db.w.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v", fk, err)
	}
	if _, err := db.Put(ctx, storetest.Corpus(5, 9)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// Reopening applies nothing and keeps the data.
	db = mustOpen(t, path)
	if err := db.w.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(ms) {
		t.Errorf("after reopen: %d migrations recorded, %v", n, err)
	}
	if st, _ := db.Stats(ctx); st.Documents != 5 {
		t.Errorf("after reopen: %+v", st)
	}
	// A database from a newer bilat is refused, untouched.
	if _, err := db.w.ExecContext(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (9999, '9999_future.sql', '')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, path)
	if !errors.Is(err, ErrSchemaTooNew) || !strings.Contains(err.Error(), "9999") {
		t.Errorf("Open of a newer schema: err = %v", err)
	}
}

func TestMigrationFilesNumbered(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Errorf("migration %s: version %d, want %d (no gaps)", m.name, m.version, i+1)
		}
	}
}

func TestOpenBadPath(t *testing.T) {
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
	if _, err := Open(context.Background(), ""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
}

// Replacing documents (in later batches and in the batch that inserted them)
// keeps the full-text index and the fused engagements consistent.
func TestReplaceConsistent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	db := mustOpen(t, path)
	items := storetest.Corpus(400, 5)
	if _, err := db.Put(ctx, items[:300]); err != nil {
		t.Fatal(err)
	}
	// Rewrite every third document: other text, its mentions shifted to
	// other engagements (or dropped), interleaved with new documents.
	var batch []store.Item
	for i := 0; i < 400; i++ {
		if i%3 == 0 {
			it := items[i]
			it.Doc.Text = "Updated. " + it.Doc.Text
			it.Doc.Hash = ""
			ms := append([]engagement.Mention(nil), it.Mentions...)
			for j := range ms {
				ms[j].Start += len("Updated. ")
				ms[j].End += len("Updated. ")
			}
			it.Mentions = ms[:len(ms)/2+i%2]
			batch = append(batch, it)
		}
		if i >= 300 {
			batch = append(batch, items[i])
		}
	}
	out, err := db.Put(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[store.Outcome]int{}
	for _, o := range out {
		counts[o]++
	}
	t.Logf("outcomes: %v", counts)
	// 100 stored documents replaced; of the 100 new URLs, 34 come first
	// rewritten (new) and then as the original text (replaced in the same Put).
	if counts[store.Replaced] != 134 || counts[store.New] != 100 {
		t.Errorf("outcomes: %v, want 134 replaced and 100 new", counts)
	}
	db.Close()
	checkConsistent(t, path)
}

// The kill-safety test: a child process stores documents; SIGKILL it in the
// middle and the database must hold whole documents only.
const (
	helperEnv  = "BILAT_STORE_HELPER_DB"
	helperDocs = 6000
)

func TestHelperIngest(t *testing.T) {
	path := os.Getenv(helperEnv)
	if path == "" {
		t.Skip("helper process for TestKillSafety")
	}
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	items := storetest.Corpus(helperDocs, 42)
	for i := 0; i < len(items); i += 100 {
		if _, err := db.Put(ctx, items[i:min(i+100, len(items))]); err != nil {
			fmt.Println("put:", err)
			os.Exit(2)
		}
		fmt.Println("committed", min(i+100, len(items)))
	}
	db.Close()
	fmt.Println("done")
}

func TestKillSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	child := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperIngest$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperEnv+"="+path)
		return cmd
	}

	for round := 0; round < 2; round++ {
		cmd := child()
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill ~300 ms after the child's first commit (so it is mid-batch,
		// not still starting up).
		sc := bufio.NewScanner(stdout)
		first := make(chan string, 1)
		go func() {
			last := ""
			for sc.Scan() {
				last = sc.Text()
				select {
				case first <- last:
				default:
				}
			}
		}()
		select {
		case line := <-first:
			t.Logf("round %d: child says %q", round, line)
		case <-time.After(30 * time.Second):
			t.Log("child made no commit in 30 s; killing anyway")
		}
		time.Sleep(time.Duration(200+100*round) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		n := checkConsistent(t, path)
		t.Logf("round %d: %d documents stored when killed", round, n)
		if n == 0 || n >= helperDocs {
			t.Logf("round %d: the kill did not land mid-ingest (%d documents)", round, n)
		}
	}

	// Run to completion: every document exactly once.
	cmd := child()
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "done") {
		t.Fatalf("child to completion: %v\n%s", err, tail(out))
	}
	if n := checkConsistent(t, path); n != helperDocs {
		t.Errorf("after completion: %d documents, want %d", n, helperDocs)
	}
	db := mustOpen(t, path)
	defer db.Close()
	var dupURLs, dupHashes int
	db.r.QueryRow(`SELECT count(*) FROM (SELECT url FROM documents GROUP BY url HAVING count(*) > 1)`).Scan(&dupURLs)
	db.r.QueryRow(`SELECT count(*) FROM (SELECT hash FROM documents GROUP BY hash HAVING count(*) > 1)`).Scan(&dupHashes)
	if dupURLs+dupHashes != 0 {
		t.Errorf("duplicates: %d urls, %d hashes", dupURLs, dupHashes)
	}
	want := map[string]bool{}
	for _, it := range storetest.Corpus(helperDocs, 42) {
		want[it.Doc.URL] = true
	}
	rows, err := db.r.Query(`SELECT url FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var u string
		rows.Scan(&u)
		if !want[u] {
			t.Errorf("unexpected document %s", u)
		}
		delete(want, u)
	}
	if len(want) != 0 {
		t.Errorf("%d documents missing", len(want))
	}
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// checkConsistent opens the database (recovering the WAL) and checks that
// no document, mention or engagement is half-stored. It returns the number
// of documents.
func checkConsistent(t *testing.T, path string) int {
	t.Helper()
	db := mustOpen(t, path)
	defer db.Close()
	q := func(query string) int {
		t.Helper()
		var n int
		if err := db.w.QueryRow(query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return n
	}
	var ic string
	if err := db.w.QueryRow(`PRAGMA integrity_check`).Scan(&ic); err != nil || ic != "ok" {
		t.Errorf("integrity_check = %q, %v", ic, err)
	}
	if rows, err := db.w.Query(`PRAGMA foreign_key_check`); err != nil {
		t.Error(err)
	} else {
		if rows.Next() {
			t.Error("foreign_key_check reports violations")
		}
		rows.Close()
	}
	if _, err := db.w.Exec(`INSERT INTO mention_fts(mention_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("fts integrity-check: %v", err)
	}
	checks := map[string]string{
		"mentions without their document": `SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.document_id)`,
		"documents missing mentions": `SELECT count(*) FROM documents d
			WHERE d.n_mentions != (SELECT count(*) FROM mentions m WHERE m.document_id = d.id)`,
		"engagements without mentions": `SELECT count(*) FROM engagements e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.engagement_id = e.id)`,
		"mentions without engagement":  `SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM engagements e WHERE e.id = m.engagement_id)`,
		"engagements with a wrong source count": `SELECT count(*) FROM engagements e
			WHERE e.n_sources != (SELECT count(*) FROM mentions m WHERE m.engagement_id = e.id)`,
		"engagements without keys": `SELECT count(*) FROM engagements e WHERE NOT EXISTS (SELECT 1 FROM fusion_keys k WHERE k.engagement_id = e.id)`,
	}
	for what, query := range checks {
		if n := q(query); n != 0 {
			t.Errorf("%s: %d", what, n)
		}
	}
	return q(`SELECT count(*) FROM documents`)
}

// BenchmarkPut stores a generated corpus (3–6 KB texts, 1–3 mentions, each
// engagement reported by about three documents) in batches of 100, the way
// the ingest pipeline does, and reports documents per second (Put time
// only: documents are generated between batches, so the corpus is never
// held whole). BILAT_BENCH_DOCS sets the size (default 20,000);
// BILAT_BENCH_VERBOSE=1 logs the rate, Go heap and process RSS as it goes,
// to show memory stays flat.
func BenchmarkPut(b *testing.B) {
	n := 20000
	if s := os.Getenv("BILAT_BENCH_DOCS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	verbose := os.Getenv("BILAT_BENCH_VERBOSE") != ""
	g := storetest.NewGenerator(n, 7)
	for b.Loop() {
		b.StopTimer()
		db := mustOpen(b, filepath.Join(b.TempDir(), "bench.db"))
		cpu0 := cpuTime()
		var (
			spent time.Duration
			bytes int64
			batch = make([]store.Item, 0, 100)
		)
		for i := 0; i < n; i += 100 {
			batch = batch[:0]
			for j := i; j < min(i+100, n); j++ {
				it := g.Item(j)
				bytes += int64(len(it.Doc.Text))
				batch = append(batch, it)
			}
			b.StartTimer()
			start := time.Now()
			if _, err := db.Put(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			spent += time.Since(start)
			b.StopTimer()
			if verbose && (i/100)%100 == 99 {
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				b.Logf("%7d docs  %5.0f docs/s so far  Go heap %5.1f MB  RSS %5.1f MB", i+100,
					float64(i+100)/spent.Seconds(), float64(ms.HeapAlloc)/1e6, rssMB())
			}
		}
		// CPU time includes generating the documents (small beside Put):
		// docs per CPU-second is the figure to trust on a shared machine.
		cpu := cpuTime() - cpu0
		st, _ := db.Stats(context.Background())
		b.ReportMetric(float64(n)/spent.Seconds(), "docs/s")
		b.ReportMetric(float64(n)/cpu.Seconds(), "docs/cpu-s")
		b.Logf("%d docs (%.1f KB avg) in %v: %.0f docs/s; %+v", n, float64(bytes)/float64(n)/1e3, spent.Round(time.Millisecond),
			float64(n)/spent.Seconds(), st)
		db.Close()
		b.StartTimer()
	}
}

// cpuTime is the process's user+system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rssMB is the process's resident set (SQLite's memory lives outside the Go
// heap), or 0 where /proc is missing.
func rssMB() float64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.Atoi(f[1])
	return float64(pages) * float64(os.Getpagesize()) / 1e6
}

// TestBackfillMatchesPut checks that migration 0002's backfill of
// engagement_pairs and presence (run on stores written before it) gives the
// rows Put writes.
func TestBackfillMatchesPut(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, filepath.Join(t.TempDir(), "b.db"))
	defer db.Close()
	items := storetest.Corpus(300, 8)
	if _, err := db.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	// replace some documents, so engagements are rewritten after their first write
	var again []store.Item
	for i := 0; i < len(items); i += 5 {
		it := items[i]
		it.Doc.Text += " Updated."
		for j := range it.Mentions {
			it.Mentions[j].Status = engagement.Cancelled
		}
		again = append(again, it)
	}
	if _, err := db.Put(ctx, again); err != nil {
		t.Fatal(err)
	}
	dump := func(q string) []string {
		rows, err := db.w.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var a, b, c, d, e any
			if err := rows.Scan(&a, &b, &c, &d, &e); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(a, b, c, d, e))
		}
		return out
	}
	const (
		pairsQ    = "SELECT pair, engagement_id, 0, 0, 0 FROM engagement_pairs ORDER BY 1, 2"
		presenceQ = "SELECT name_fold, long, date_lo, date_hi, engagement_id FROM presence ORDER BY 1, 2, 3, 5"
	)
	pairs, presence := dump(pairsQ), dump(presenceQ)
	if len(pairs) < 100 || len(presence) < 100 {
		t.Fatalf("%d pairs, %d presence rows", len(pairs), len(presence))
	}
	b, err := migrationFS.ReadFile("migrations/0002_aggregates.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, "DELETE FROM engagement_pairs; DELETE FROM presence"); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, stmt := range strings.Split(string(b), ";\n") {
		if strings.Contains(stmt, "INSERT OR IGNORE") {
			if _, err := db.w.ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d backfill statements in migration 0002, want 2", n)
	}
	if got := dump(pairsQ); !slices.Equal(got, pairs) {
		t.Errorf("backfilled engagement_pairs differ from Put's: %d rows, want %d", len(got), len(pairs))
	}
	if got := dump(presenceQ); !slices.Equal(got, presence) {
		t.Errorf("backfilled presence differs from Put's: %d rows, want %d", len(got), len(presence))
	}
}
