package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"bilat/internal/engagement"
	"bilat/internal/store"
	"bilat/internal/store/storetest"
)

// TestActorTables checks the actor tables Put keeps (migration 0004)
// against the same tables computed afresh by the migration's backfill,
// after documents are replaced so that engagements move in time (the
// earliest of a person's engagements moves or goes), change participants
// and titles, and vanish; and that Actors reads from them what ActorsOf
// gives.
func TestActorTables(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t, filepath.Join(t.TempDir(), "a.db"))
	defer db.Close()
	items := storetest.Corpus(300, 8)
	if _, err := db.Put(ctx, items); err != nil {
		t.Fatal(err)
	}
	for round := range 2 {
		var again []store.Item
		for i := round; i < len(items); i += 3 {
			it := items[i]
			it.Doc.Text += fmt.Sprintf(" Updated %d.", round)
			it.Mentions = slices.Clone(it.Mentions)
			for j := range it.Mentions {
				m := &it.Mentions[j]
				m.Participants = slices.Clone(m.Participants)
				switch (i + j + round) % 5 {
				case 0: // much earlier: now the person's earliest
					m.Date, m.DateEnd = engagement.Date{Year: 1990 + i%7, Month: 1 + i%12}, engagement.Date{}
				case 1: // undated
					m.Date, m.DateEnd = engagement.Date{}, engagement.Date{}
				case 2: // another title, a better rank
					m.Participants[0].Title, m.Participants[0].Rank = "Acting "+m.Participants[0].Title, 1
				case 3: // someone from elsewhere, twice
					x := engagement.Participant{Name: "Olaf Extra", Title: "Envoy", Country: "NOR", Rank: 3}
					m.Participants = append(m.Participants, x, x)
				case 4:
					m.HostCountry = "CHE"
				}
			}
			if i%7 == 0 {
				it.Mentions = nil
			}
			again = append(again, it)
		}
		if _, err := db.Put(ctx, again); err != nil {
			t.Fatal(err)
		}
	}
	dump := func() []string {
		var out []string
		for _, q := range []string{
			"SELECT scope, name, country, title, rank, n, coalesce(first, 'NULL') FROM actor_variants ORDER BY 1, 2, 3, 4, 5",
			"SELECT scope, a, b, n, '', '', '' FROM actor_links ORDER BY 1, 2, 3",
		} {
			rows, err := db.w.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var v [7]any
				if err := rows.Scan(&v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6]); err != nil {
					t.Fatal(err)
				}
				out = append(out, fmt.Sprint(v))
			}
			rows.Close()
		}
		return out
	}
	// the counts the triggers keep are the tables' counts
	var counted, counts [3]int64
	if err := db.w.QueryRowContext(ctx, `SELECT documents, mentions, engagements FROM store_stats`).Scan(&counted[0], &counted[1], &counted[2]); err != nil {
		t.Fatal(err)
	}
	if err := db.w.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM engagements)`).Scan(&counts[0], &counts[1], &counts[2]); err != nil {
		t.Fatal(err)
	}
	if counted != counts {
		t.Errorf("store_stats %v, the tables hold %v", counted, counts)
	}
	var longest, span int
	if err := db.w.QueryRowContext(ctx, `SELECT longest, (SELECT max(julianday(date_hi) - julianday(date_lo)) FROM engagements)
		FROM store_stats`).Scan(&longest, &span); err != nil {
		t.Fatal(err)
	}
	if longest < span || span < 28 {
		t.Errorf("store_stats.longest %d, the longest engagement spans %d days", longest, span)
	}
	kept := dump()
	if len(kept) < 500 {
		t.Fatalf("only %d rows in the actor tables", len(kept))
	}
	for _, r := range kept {
		if strings.Contains(r, "NULL") {
			t.Errorf("a variant without its earliest engagement: %s", r)
		}
	}
	b, err := migrationFS.ReadFile("migrations/0004_actors.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.ExecContext(ctx, "DELETE FROM actor_variants; DELETE FROM actor_links"); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, stmt := range strings.Split(string(b), ";\n") {
		if strings.Contains(stmt, "INSERT INTO actor_") {
			if _, err := db.w.ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d backfill statements in migration 0004, want 2", n)
	}
	if got := dump(); !slices.Equal(got, kept) {
		for i := range min(len(got), len(kept)) {
			if got[i] != kept[i] {
				t.Errorf("first difference: backfilled %s, kept by Put %s", got[i], kept[i])
				break
			}
		}
		t.Fatalf("the actor tables Put kept differ from the backfilled ones: %d rows, backfill %d", len(kept), len(got))
	}
	every, err := db.Engagements(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"", "PAK", "NOR", "CHE", "USA"} {
		es := every
		if c != "" {
			if es, err = db.Engagements(ctx, store.Filter{Country: c}); err != nil {
				t.Fatal(err)
			}
		}
		wa, wl := store.ActorsOf(es)
		as, ls, nl, err := db.Actors(ctx, store.Filter{Country: c}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(as, wa) || !reflect.DeepEqual(ls, wl) || nl != len(wl) {
			t.Errorf("Actors(%q) differs from ActorsOf", c)
		}
		if scope, _ := actorScope(store.Filter{Country: c}); scope != c {
			t.Errorf("scope of %q: %q", c, scope)
		}
	}
}
