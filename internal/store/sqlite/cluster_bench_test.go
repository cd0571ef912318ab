package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/store"
	"bilat/internal/store/storetest"
)

// clusterItem is document i of a generated set: with same, every document
// reports one phone call (same two people, same day); otherwise document i
// reports its own call (a different pair of people).
func clusterItem(i int, same bool) store.Item {
	a := engagement.Participant{Name: "Ishaq Dar", Title: "Foreign Minister", Country: "PAK", Rank: 2}
	b := engagement.Participant{Name: "Marco Rubio", Title: "Secretary of State", Country: "USA", Rank: 2}
	day, _ := engagement.ParseDate("2025-06-12")
	if !same {
		a = engagement.Participant{Name: letters(i) + "ana " + letters(i) + "ova", Title: "Foreign Minister", Country: "PAK", Rank: 2}
		b = engagement.Participant{Name: letters(i) + "bert " + letters(i) + "son", Title: "Foreign Minister", Country: "USA", Rank: 2}
	}
	ev := fmt.Sprintf("%s spoke by telephone with %s, outlet %d reported.", a.Name, b.Name, i)
	text := "Report " + strconv.Itoa(i) + ".\n\n" + ev + " Other news followed in this article about trade and security."
	start := len("Report " + strconv.Itoa(i) + ".\n\n")
	return store.Item{
		Doc: engagement.Document{URL: fmt.Sprintf("https://news%d.example/call", i), Title: fmt.Sprintf("Call report %d", i),
			Outlet: "Wire", Published: day, Text: text},
		Mentions: []engagement.Mention{{Kind: engagement.Call, Mode: engagement.Phone, Status: engagement.Occurred,
			Date: day, Participants: []engagement.Participant{a, b}, Topics: []string{"trade"},
			Evidence: ev, Start: start, End: start + len(ev)}},
	}
}

// BenchmarkCluster puts N documents (BILAT_BENCH_DOCS, default 2000) in
// batches of 100 that all report one engagement (Same) or each their own
// (Distinct), and reports documents per second: fusing into a big cluster
// should cost about what creating distinct engagements does.
func BenchmarkCluster(b *testing.B) {
	n := 2000
	if s := os.Getenv("BILAT_BENCH_DOCS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	for _, same := range []bool{true, false} {
		name := "Distinct"
		if same {
			name = "Same"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db := mustOpen(b, filepath.Join(b.TempDir(), "bench.db"))
				var spent time.Duration
				for i := 0; i < n; i += 100 {
					var batch []store.Item
					for j := i; j < min(i+100, n); j++ {
						batch = append(batch, clusterItem(j, same))
					}
					start := time.Now()
					if _, err := db.Put(context.Background(), batch); err != nil {
						b.Fatal(err)
					}
					spent += time.Since(start)
				}
				st, _ := db.Stats(context.Background())
				if same && st.Engagements != 1 || !same && st.Engagements != int64(n) {
					b.Fatalf("%d engagements", st.Engagements)
				}
				b.ReportMetric(float64(n)/spent.Seconds(), "docs/s")
				db.Close()
				b.StartTimer()
			}
		})
	}
}

// letters spells i in letters ("ba", "bb", …): names hold no digits.
func letters(i int) string {
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i /= 26
		if i == 0 {
			return "B" + s
		}
	}
}

// TestFoldMissing: engagements written before migration 0003 have no fold;
// Put computes it from their mentions, and the store ends as one that had
// folds all along.
func TestFoldMissing(t *testing.T) {
	ctx := context.Background()
	items := storetest.Corpus(400, 9)
	var got [2][]engagement.Engagement
	for k := range got {
		db := mustOpen(t, filepath.Join(t.TempDir(), "f.db"))
		if _, err := db.Put(ctx, items[:200]); err != nil {
			t.Fatal(err)
		}
		if k == 1 {
			if _, err := db.w.ExecContext(ctx, "UPDATE engagements SET fold = NULL"); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.Put(ctx, items[200:]); err != nil {
			t.Fatal(err)
		}
		var err error
		if got[k], err = db.Engagements(ctx, store.Filter{}); err != nil {
			t.Fatal(err)
		}
		// the actor tables followed the engagements
		as, ls, _, err := db.Actors(ctx, store.Filter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if wa, wl := store.ActorsOf(got[k]); !reflect.DeepEqual(as, wa) || !reflect.DeepEqual(ls, wl) {
			t.Errorf("with folds dropped %v: Actors differs from ActorsOf", k == 1)
		}
		db.Close()
	}
	if len(got[0]) < 100 || !reflect.DeepEqual(got[0], got[1]) {
		t.Errorf("with folds dropped: %d engagements, differ from %d with folds", len(got[1]), len(got[0]))
	}
}
