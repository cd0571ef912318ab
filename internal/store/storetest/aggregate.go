package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"bilat/internal/engagement"
	"bilat/internal/store"
)

// The aggregate methods must answer what the same computation over
// Engagements gives. aggregateStore fills s with a corpus, then replaces
// some of its documents (so engagements are rewritten, merged and deleted
// after their first write) and adds hand-built engagements around one call.
func aggregateStore(t *testing.T, s store.Store) {
	t.Helper()
	items := Corpus(400, 11)
	put(t, s, items...)
	var again []store.Item
	for i := 0; i < len(items); i += 7 {
		it := items[i]
		it.Doc.Text += " Corrected."
		for j := range it.Mentions {
			m := &it.Mentions[j]
			switch j % 3 {
			case 0: // another day and kind: the engagement moves
				m.Date = m.Date.Truncate(2)
				m.DateEnd = engagement.Date{}
			case 1: // someone from elsewhere joins
				m.Participants = append(slices.Clip(m.Participants), engagement.Participant{Name: "Olaf Extra", Title: "Envoy", Country: "NOR", Rank: 3})
			case 2:
				m.Status = engagement.Cancelled
			}
		}
		if i%14 == 0 {
			it.Mentions = nil // its engagements lose a report, some vanish
		}
		again = append(again, it)
	}
	for i, o := range put(t, s, again...) {
		if o != store.Replaced {
			t.Fatalf("replacing item %d: %v", i, o)
		}
	}
	put(t, s, encounterFixture()...)
}

func encounterFixture() []store.Item {
	occ := engagement.Occurred
	m := func(url, sentence string, mention engagement.Mention) store.Item {
		return item(spec{url: url, title: "Encounter " + url[len(url)-2:], published: "2025-07-30", sentences: []string{sentence},
			mentions: []engagement.Mention{mention}})
	}
	// Distinct people, kinds or hosts, so fusion keeps them apart.
	return []store.Item{
		m("https://enc.example/01", "Rubio called Dar on 23 July.", call("2025-07-23", occ, Rubio, Dar)),
		m("https://enc.example/02", "Dar was in Washington from 20 to 26 July.", visit("2025-07-20", "2025-07-26", "USA", occ, Dar)),
		m("https://enc.example/03", "A planned visit by Sharif in July.", visit("2025-07-21", "2025-07-24", "USA", engagement.Planned, Sharif)),
		m("https://enc.example/04", "Dar met Wang in Beijing on 23 July.", meeting("2025-07-23", "Beijing", occ, Dar, Wang)),
		m("https://enc.example/05", "Jaishankar met Wang sometime in July.", meeting("2025-07", "Delhi", occ, Jaishankar, Wang)),
		m("https://enc.example/06", "ISHAQ DAR visited China on 22 July.", visit("2025-07-22", "2025-07-23", "CHN",
			occ, engagement.Participant{Name: "ISHAQ DAR", Title: "Foreign Minister", Country: "PAK", Rank: 2})),
		m("https://enc.example/07", "Rubio's long stay in Pakistan.", visit("2025-06-20", "2025-08-10", "PAK", occ, Rubio)),
		m("https://enc.example/08", "Rubio met Jaishankar with no place given on 23 July.", meeting("2025-07-23", "", occ, Rubio, Jaishankar)),
		m("https://enc.example/09", "Rubio was in Delhi on 1 August.", visit("2025-08-01", "2025-08-02", "IND", occ, Rubio)),
	}
}

func testPairs(t *testing.T, s store.Store) {
	aggregateStore(t, s)
	got, err := s.Pairs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := store.PairsOf(all(t, s, store.Filter{}))
	if len(want) < 10 {
		t.Fatalf("only %d pairs in the corpus", len(want))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Pairs differs from PairsOf(Engagements):\ngot  %v\nwant %v", got, want)
	}
	// The pair filter finds what a scan of the countries finds.
	every := all(t, s, store.Filter{})
	for _, pc := range want[:10] {
		a, b, _ := strings.Cut(pc.Pair, "-")
		for _, f := range []store.Filter{{Pair: [2]string{a, b}}, {Pair: [2]string{strings.ToLower(b), a}}} {
			var wantIDs []int64
			for _, e := range every {
				if cs := e.Countries(); slices.Contains(cs, a) && slices.Contains(cs, b) {
					wantIDs = append(wantIDs, e.ID)
				}
			}
			if got := ids(all(t, s, f)); !slices.Equal(got, wantIDs) || len(got) != pc.Count {
				t.Errorf("Engagements(pair %v) = %v\nwant %v (count %d)", f.Pair, got, wantIDs, pc.Count)
			}
		}
	}
}

func ids(es []engagement.Engagement) []int64 {
	var out []int64
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func testActors(t *testing.T, s store.Store) {
	aggregateStore(t, s)
	for _, f := range []store.Filter{
		{},
		{Pair: [2]string{"PAK", "USA"}},
		{Pair: [2]string{"USA", "PAK"}, From: Date("2010"), To: Date("2018-06")},
		{Country: "CHN"},
		{Kind: engagement.Visit, Status: engagement.Occurred},
		{Actor: "khan"},
		{Query: "held"},
		{Limit: 50, Offset: 20},
		{Pair: [2]string{"NOR", "PAK"}},
		{Country: "XXX"},
		{Country: "USA"},
		{Country: " nor "},
		{Country: "PAK", Kind: engagement.Call},
	} {
		as, ls, n, err := s.Actors(context.Background(), f, 0)
		if err != nil {
			t.Fatalf("Actors(%+v): %v", f, err)
		}
		wantA, wantL := store.ActorsOf(all(t, s, f))
		if !reflect.DeepEqual(as, wantA) || !reflect.DeepEqual(ls, wantL) || n != len(wantL) {
			t.Errorf("Actors(%+v) differs from ActorsOf(Engagements):\nactors %v\nwant   %v\nlinks %v (%d)\nwant  %v", f, as, wantA, ls, n, wantL)
		}
		if f.Country == "" && f.Pair == [2]string{} && f.Actor == "" && len(as) < 10 {
			t.Errorf("Actors(%+v): only %d actors", f, len(as))
		}
		// with the links cut: the strongest, and how many there are
		for _, max := range []int{1, 7} {
			as, ls, n, err := s.Actors(context.Background(), f, max)
			if err != nil {
				t.Fatalf("Actors(%+v, %d): %v", f, max, err)
			}
			if !reflect.DeepEqual(as, wantA) || !reflect.DeepEqual(ls, wantL[:min(max, len(wantL))]) || n != len(wantL) {
				t.Errorf("Actors(%+v, %d links): %d links of %d, want the first %d of %d", f, max, len(ls), n, max, len(wantL))
			}
		}
	}
}

// encountersOf is the Encounters contract over es.
func encountersOf(es []engagement.Engagement, at []store.Sighting) []engagement.Engagement {
	out := []engagement.Engagement{}
	for _, e := range es {
		d, err := engagement.ParseDate(e.Date)
		if err != nil || d.Precision() < 3 || e.Status != engagement.Occurred ||
			!(e.Kind == engagement.Visit || (e.Mode == engagement.InPerson && e.Location != "")) {
			continue
		}
		last := d
		if end, err := engagement.ParseDate(e.DateEnd); err == nil && !end.IsZero() {
			last = end
		}
		lo, hi := d.String(), lastDayOf(last)
		if hi < lo {
			hi = lo
		}
		found := false
		for _, s := range at {
			day := s.Day.String()
			if s.Day.Precision() < 3 || day < lo || day > hi {
				continue
			}
			for _, p := range e.Participants {
				if strings.EqualFold(p.Name, s.Name) {
					found = true
				}
			}
		}
		if found {
			out = append(out, e)
		}
	}
	return out
}

// lastDayOf is the last day a date can cover, as YYYY-MM-DD.
func lastDayOf(d engagement.Date) string {
	switch d.Precision() {
	case 1:
		return fmt.Sprintf("%04d-12-31", d.Year)
	case 2:
		return fmt.Sprintf("%04d-%02d-31", d.Year, d.Month) // compares as the month's end
	}
	return d.String()
}

func testEncounters(t *testing.T, s store.Store) {
	aggregateStore(t, s)
	ctx := context.Background()
	byURL := func(es []engagement.Engagement) []string {
		var out []string
		for _, e := range es {
			if len(e.Sources) != 0 {
				t.Errorf("Encounters: engagement %d with its sources", e.ID)
			}
			full, err := s.Engagement(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range full.Sources {
				if strings.HasPrefix(src.URL, "https://enc.example/") {
					out = append(out, strings.TrimPrefix(src.URL, "https://enc.example/"))
				}
			}
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		f    store.Filter
		at   []store.Sighting
		want []string
	}{
		// Dar: the visit to Washington, the meeting in Beijing, the visit
		// to China written in capitals; not the call itself.
		{store.Filter{}, []store.Sighting{{Name: "ishaq dar", Day: Date("2025-07-23")}}, []string{"02", "04", "06"}},
		// Rubio: the long stay, and the visit to Delhi on 2 August only; the
		// meeting with no place does not place him.
		{store.Filter{}, []store.Sighting{{Name: "Marco Rubio", Day: Date("2025-07-23")}, {Name: "Marco Rubio", Day: Date("2025-08-02")}}, []string{"07", "09"}},
		// A meeting dated to the month, a planned visit: nowhere.
		{store.Filter{}, []store.Sighting{{Name: "Subrahmanyam Jaishankar", Day: Date("2025-07-23")}, {Name: "Shehbaz Sharif", Day: Date("2025-07-23")}}, nil},
		// Filters apply; a day coarser than a day places no one.
		{store.Filter{Country: "CHN"}, []store.Sighting{{Name: "Ishaq Dar", Day: Date("2025-07-23")}, {Name: "Marco Rubio", Day: Date("2025-07")}}, []string{"04", "06"}},
		{store.Filter{From: Date("2025-07-23")}, []store.Sighting{{Name: "Ishaq Dar", Day: Date("2025-07-23")}}, []string{"02", "04", "06"}},
		{store.Filter{To: Date("2025-07-21")}, []store.Sighting{{Name: "Ishaq Dar", Day: Date("2025-07-23")}}, []string{"02"}},
	} {
		got, err := s.Encounters(ctx, tc.f, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		if u := byURL(got); !slices.Equal(u, tc.want) {
			t.Errorf("Encounters(%+v, %v) = %v, want %v", tc.f, tc.at, u, tc.want)
		}
		if want := encountersOf(all(t, s, tc.f), tc.at); !slices.Equal(ids(got), ids(want)) {
			t.Errorf("Encounters(%+v, %v) = %v, contract says %v", tc.f, tc.at, ids(got), ids(want))
		}
	}
	// Over the corpus, against the contract computed from Engagements: the
	// participants of every engagement dated to the day, on its day and the
	// next.
	every := all(t, s, store.Filter{})
	var at []store.Sighting
	for _, e := range every {
		if d, err := engagement.ParseDate(e.Date); err == nil && d.Precision() == 3 {
			for _, p := range e.Participants {
				next := d
				next.Day++
				at = append(at, store.Sighting{Name: p.Name, Day: d}, store.Sighting{Name: strings.ToUpper(p.Name), Day: next})
			}
		}
	}
	for _, f := range []store.Filter{{}, {From: Date("2012"), To: Date("2019-03")}, {Country: "USA"}} {
		got, err := s.Encounters(ctx, f, at)
		if err != nil {
			t.Fatal(err)
		}
		want := encountersOf(all(t, s, f), at)
		if len(want) < 20 {
			t.Errorf("%+v: only %d encounters in the corpus", f, len(want))
		}
		if !slices.Equal(ids(got), ids(want)) {
			t.Errorf("Encounters(%+v) = %v\nwant %v", f, ids(got), ids(want))
		}
	}
	if got, err := s.Encounters(ctx, store.Filter{}, nil); err != nil || len(got) != 0 {
		t.Errorf("no sightings: %v, %v", got, err)
	}
}
