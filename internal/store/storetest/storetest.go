// Package storetest is the test suite every store backend runs:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { return mustOpen(t) })
//	}
//
// open must return an empty store; the suite closes it.
//
// It also holds fixtures for other packages' tests: the people of the
// hand-written cases, the small Fixture, and the generated Corpus.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/store"
)

// Run runs the suite against the stores open returns.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"Outcomes", testOutcomes},
		{"Replace", testReplace},
		{"CrossDocumentFusion", testFusion},
		{"DistinctEngagementsSamePeople", testDistinct},
		{"Sources", testSources},
		{"Filters", testFilters},
		{"EngagementByID", testByID},
		{"FailedDocument", testFailedDocument},
		{"CancelledBeforePut", testCancelledBefore},
		{"CancelledMidPut", testCancelledMid},
		{"Corpus", testCorpus},
		{"BigCluster", testBigCluster},
		{"Pairs", testPairs},
		{"Actors", testActors},
		{"Encounters", testEncounters},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.fn(t, s)
		})
	}
}

// darFull is Dar as a report that gives his full name and both offices
// names him; the other people of the hand-written cases are in fixture.go.
var darFull = engagement.Participant{Name: "Mohammad Ishaq Dar", Title: "Deputy Prime Minister and Foreign Minister", Country: "PAK", Rank: 2}

// doc builds an item whose text is the sentences joined; each mention's
// evidence is the sentence with the same index as the mention (offsets set).
type spec struct {
	url, title, published string
	sentences             []string
	mentions              []engagement.Mention // Evidence is filled from sentences[i]
}

func item(sp spec) store.Item {
	var b strings.Builder
	b.WriteString(sp.title + ".\n\n")
	starts := make([]int, len(sp.sentences))
	for i, s := range sp.sentences {
		starts[i] = b.Len()
		b.WriteString(s)
		b.WriteString(" ")
	}
	it := store.Item{Doc: engagement.Document{
		Path: "test/" + strings.ReplaceAll(sp.title, " ", "_") + ".txt", URL: sp.url, Title: sp.title,
		Outlet: "Test Wire", Published: Date(sp.published), Text: b.String(),
	}}
	for i, m := range sp.mentions {
		m.Evidence = sp.sentences[i]
		m.Start, m.End = starts[i], starts[i]+len(sp.sentences[i])
		it.Mentions = append(it.Mentions, m)
	}
	return it
}

func call(d string, st engagement.Status, ps ...engagement.Participant) engagement.Mention {
	return engagement.Mention{Kind: engagement.Call, Mode: engagement.Phone, Status: st, Date: Date(d), Participants: ps}
}

func meeting(d, loc string, st engagement.Status, ps ...engagement.Participant) engagement.Mention {
	return engagement.Mention{Kind: engagement.Meeting, Mode: engagement.InPerson, Status: st, Date: Date(d), Location: loc, Participants: ps}
}

func visit(d, end, host string, st engagement.Status, ps ...engagement.Participant) engagement.Mention {
	return engagement.Mention{Kind: engagement.Visit, Mode: engagement.InPerson, Status: st, Date: Date(d), DateEnd: Date(end),
		HostCountry: host, Location: "", Participants: ps}
}

func put(t *testing.T, s store.Store, items ...store.Item) []store.Outcome {
	t.Helper()
	out, err := s.Put(context.Background(), items)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if len(out) != len(items) {
		t.Fatalf("Put returned %d outcomes for %d items", len(out), len(items))
	}
	return out
}

// all returns Engagements(f), and checks that Records(f) gives the same
// engagements without their sources.
func all(t *testing.T, s store.Store, f store.Filter) []engagement.Engagement {
	t.Helper()
	es, err := s.Engagements(context.Background(), f)
	if err != nil {
		t.Fatalf("Engagements(%+v): %v", f, err)
	}
	rs, ns, err := s.Records(context.Background(), f)
	if err != nil {
		t.Fatalf("Records(%+v): %v", f, err)
	}
	if len(rs) != len(es) || len(ns) != len(es) {
		t.Fatalf("Records(%+v): %d engagements, %d counts; Engagements gives %d", f, len(rs), len(ns), len(es))
	}
	for i := range es {
		e := es[i]
		e.Sources = []engagement.Source{}
		if !reflect.DeepEqual(rs[i], e) || ns[i] != len(es[i].Sources) {
			t.Fatalf("Records(%+v)[%d] = %+v with %d sources\nwant %+v with %d", f, i, rs[i], ns[i], e, len(es[i].Sources))
		}
	}
	return es
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func wantStats(t *testing.T, s store.Store, docs, mentions, engagements int64) {
	t.Helper()
	got := stats(t, s)
	want := store.Stats{Documents: docs, Mentions: mentions, Engagements: engagements}
	if got != want {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
}

var (
	callSentence    = "Foreign Minister Ishaq Dar spoke by telephone with Secretary of State Marco Rubio on Thursday."
	callSentence2   = "Dar and Rubio discussed regional security in a phone call on Friday."
	meetingSentence = "Prime Minister Shehbaz Sharif met Secretary Rubio in Washington on Tuesday."
)

func testOutcomes(t *testing.T, s store.Store) {
	a := item(spec{url: "https://a.example/1", title: "Call report", published: "2025-03-14",
		sentences: []string{callSentence}, mentions: []engagement.Mention{call("2025-03-13", engagement.Occurred, Dar, Rubio)}})
	if got := put(t, s, a); got[0] != store.New {
		t.Fatalf("first put: %v, want new", got[0])
	}
	wantStats(t, s, 1, 1, 1)
	if got := put(t, s, a); got[0] != store.Unchanged {
		t.Errorf("same url and hash: %v, want unchanged", got[0])
	}
	other := a
	other.Doc.URL = "https://mirror.example/1"
	if got := put(t, s, other); got[0] != store.Unchanged {
		t.Errorf("same hash, other url: %v, want unchanged", got[0])
	}
	wantStats(t, s, 1, 1, 1)

	changed := item(spec{url: "https://a.example/1", title: "Call report (updated)", published: "2025-03-14",
		sentences: []string{callSentence2}, mentions: []engagement.Mention{call("2025-03-14", engagement.Occurred, Dar, Rubio)}})
	if got := put(t, s, changed); got[0] != store.Replaced {
		t.Errorf("same url, new hash: %v, want replaced", got[0])
	}
	wantStats(t, s, 1, 1, 1)
	es := all(t, s, store.Filter{})
	if len(es) != 1 || len(es[0].Sources) != 1 || es[0].Sources[0].Evidence != callSentence2 || es[0].Date != "2025-03-14" {
		t.Errorf("after replace: %+v", es)
	}

	// No URL: the hash is the identity.
	noURL := item(spec{title: "Untitled wire", published: "2025-03-15",
		sentences: []string{meetingSentence}, mentions: []engagement.Mention{meeting("2025-03-11", "Washington", engagement.Occurred, Sharif, Rubio)}})
	if got := put(t, s, noURL); got[0] != store.New {
		t.Errorf("no url: %v, want new", got[0])
	}
	if got := put(t, s, noURL); got[0] != store.Unchanged {
		t.Errorf("no url again: %v, want unchanged", got[0])
	}
	noURL2 := noURL
	noURL2.Doc.Text += "Correction appended."
	noURL2.Doc.Hash = ""
	if got := put(t, s, noURL2); got[0] != store.New {
		t.Errorf("no url, other text: %v, want new (no url to replace by)", got[0])
	}
	// Duplicates inside one batch.
	d1 := item(spec{url: "https://b.example/dup", title: "Dup", published: "2025-01-01"})
	out := put(t, s, d1, d1)
	if out[0] != store.New || out[1] != store.Unchanged {
		t.Errorf("duplicate in one batch: %v", out)
	}
	if st := stats(t, s); st.Documents != 4 {
		t.Errorf("documents = %d, want 4", st.Documents)
	}
}

func testReplace(t *testing.T, s store.Store) {
	d1 := item(spec{url: "https://a.example/1", title: "First", published: "2025-03-14",
		sentences: []string{callSentence, meetingSentence},
		mentions: []engagement.Mention{
			call("2025-03-13", engagement.Occurred, Dar, Rubio),
			meeting("2025-03-11", "Washington", engagement.Occurred, Sharif, Rubio),
		}})
	d2 := item(spec{url: "https://b.example/2", title: "Second", published: "2025-03-12",
		sentences: []string{"Dar is expected to call Rubio this week."},
		mentions:  []engagement.Mention{call("2025-03", engagement.Planned, darFull, Rubio)}})
	put(t, s, d1, d2)
	wantStats(t, s, 2, 3, 2)
	es := all(t, s, store.Filter{Kind: engagement.Call})
	if len(es) != 1 || len(es[0].Sources) != 2 || es[0].Status != engagement.Occurred || es[0].Date != "2025-03-13" {
		t.Fatalf("fused call before replace: %+v", es)
	}
	callID := es[0].ID

	// d1 now reports only a visit: its call leaves the fused call (rebuilt
	// from d2 alone: planned, month precision), its meeting disappears.
	d1b := item(spec{url: "https://a.example/1", title: "First, corrected", published: "2025-03-14",
		sentences: []string{"Jaishankar will visit Beijing next week."},
		mentions:  []engagement.Mention{visit("2025-03-20", "2025-03-22", "CHN", engagement.Planned, Jaishankar, Wang)}})
	if got := put(t, s, d1b); got[0] != store.Replaced {
		t.Fatalf("replace: %v", got[0])
	}
	wantStats(t, s, 2, 2, 2)
	e, err := s.Engagement(context.Background(), callID)
	if err != nil {
		t.Fatalf("call after replace: %v", err)
	}
	if len(e.Sources) != 1 || e.Sources[0].URL != "https://b.example/2" || e.Status != engagement.Planned || e.Date != "2025-03" ||
		e.Participants[0].Name != "Mohammad Ishaq Dar" {
		t.Errorf("rebuilt call: %+v", e)
	}
	if es := all(t, s, store.Filter{Kind: engagement.Meeting}); len(es) != 0 {
		t.Errorf("meeting should be gone with its only report: %+v", es)
	}
	if es := all(t, s, store.Filter{Kind: engagement.Visit}); len(es) != 1 || es[0].Sources[0].Title != "First, corrected" {
		t.Errorf("visit from the replacement: %+v", es)
	}
	// d2 replaced by a text with no engagement: the call is deleted.
	d2b := item(spec{url: "https://b.example/2", title: "Second, no news", published: "2025-03-12"})
	put(t, s, d2b)
	wantStats(t, s, 2, 1, 1)
	if _, err := s.Engagement(context.Background(), callID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("call after its last report left: err = %v, want ErrNotFound", err)
	}
	// Inserted and replaced within one Put.
	x1 := item(spec{url: "https://c.example/x", title: "X first", published: "2025-03-12",
		sentences: []string{"Wang Yi received a call from Jaishankar on Monday."},
		mentions:  []engagement.Mention{call("2025-03-10", engagement.Occurred, Wang, Jaishankar)}})
	x2 := item(spec{url: "https://c.example/x", title: "X second", published: "2025-03-12",
		sentences: []string{"Jaishankar phoned Wang Yi on Monday, officials said."},
		mentions:  []engagement.Mention{call("2025-03-10", engagement.Occurred, Wang, Jaishankar)}})
	if out := put(t, s, x1, x2); out[0] != store.New || out[1] != store.Replaced {
		t.Errorf("insert and replace in one Put: %v", out)
	}
	if es := all(t, s, store.Filter{Query: "received"}); len(es) != 0 {
		t.Errorf("query for evidence replaced in the same Put found %d", len(es))
	}
	if es := all(t, s, store.Filter{Query: "phoned"}); len(es) != 1 || len(es[0].Sources) != 1 || es[0].Sources[0].Title != "X second" {
		t.Errorf("query for the replacement: %+v", es)
	}
	wantStats(t, s, 3, 2, 2)
	// Full-text search forgets replaced evidence.
	if es := all(t, s, store.Filter{Query: "telephone"}); len(es) != 0 {
		t.Errorf("query for replaced evidence found %d", len(es))
	}
	if es := all(t, s, store.Filter{Query: "jaishankar visit"}); len(es) != 1 {
		t.Errorf("query for the replacement's evidence found %d", len(es))
	}
}

func testFusion(t *testing.T, s store.Store) {
	// Outlets disagree on the day (Thursday / Friday across time zones), on
	// the status and on the location; it is still one call.
	a := item(spec{url: "https://a.example/call", title: "Dar, Rubio speak", published: "2025-03-14",
		sentences: []string{callSentence}, mentions: []engagement.Mention{call("2025-03-13", engagement.Occurred, Dar, Rubio)}})
	bm := call("2025-03-14", engagement.Planned, darFull, Rubio)
	bm.Location = "Islamabad"
	b := item(spec{url: "https://b.example/call", title: "Call expected", published: "2025-03-13",
		sentences: []string{callSentence2}, mentions: []engagement.Mention{bm}})
	c := item(spec{url: "https://c.example/call", title: "Readout", published: "2025-03-20",
		sentences: []string{"The two spoke by phone in March."}, mentions: []engagement.Mention{call("2025-03", engagement.Occurred, Dar, Rubio)}})
	put(t, s, a)
	put(t, s, b, c)
	es := all(t, s, store.Filter{})
	if len(es) != 1 {
		t.Fatalf("got %d engagements, want 1: %+v", len(es), es)
	}
	e := es[0]
	if len(e.Sources) != 3 {
		t.Fatalf("sources = %d, want 3", len(e.Sources))
	}
	if e.Status != engagement.Occurred || e.Kind != engagement.Call {
		t.Errorf("fused status/kind = %s/%s", e.Status, e.Kind)
	}
	byURL := map[string]engagement.Source{}
	for _, src := range e.Sources {
		byURL[src.URL] = src
	}
	if src := byURL["https://a.example/call"]; src.Date != "2025-03-13" || src.Status != engagement.Occurred || src.Location != "" {
		t.Errorf("source a keeps its own reading: %+v", src)
	}
	if src := byURL["https://b.example/call"]; src.Date != "2025-03-14" || src.Status != engagement.Planned || src.Location != "Islamabad" {
		t.Errorf("source b keeps its own reading: %+v", src)
	}
	if src := byURL["https://c.example/call"]; src.Date != "2025-03" {
		t.Errorf("source c keeps its own reading: %+v", src)
	}
	names := []string{}
	for _, p := range e.Participants {
		names = append(names, p.Name)
	}
	if !slices.Contains(names, "Mohammad Ishaq Dar") || !slices.Contains(names, "Marco Rubio") || len(names) != 2 {
		t.Errorf("participants = %v", names)
	}
	wantStats(t, s, 3, 3, 1)
}

func testDistinct(t *testing.T, s store.Store) {
	// A call in May and one in December, a meeting in December, between the
	// same people: three engagements. Two calls in one document stay apart.
	may := item(spec{url: "https://a.example/may", title: "May call", published: "2022-05-07",
		sentences: []string{"Dar and Rubio spoke on Friday."}, mentions: []engagement.Mention{call("2022-05-06", engagement.Occurred, Dar, Rubio)}})
	dec := item(spec{url: "https://a.example/dec", title: "December", published: "2022-12-21",
		sentences: []string{"Dar called Rubio on Tuesday.", "Dar met Rubio in Washington on Monday."},
		mentions: []engagement.Mention{
			call("2022-12-20", engagement.Occurred, Dar, Rubio),
			meeting("2022-12-19", "Washington", engagement.Occurred, Dar, Rubio),
		}})
	two := item(spec{url: "https://a.example/two", title: "Two calls", published: "2022-12-30",
		sentences: []string{"Dar called Rubio in December.", "Dar called Rubio again later in December."},
		mentions: []engagement.Mention{
			call("2022-12", engagement.Occurred, Dar, Rubio),
			call("2022-12", engagement.Occurred, Dar, Rubio),
		}})
	put(t, s, may, dec)
	es := all(t, s, store.Filter{})
	if len(es) != 3 {
		t.Fatalf("got %d engagements, want 3", len(es))
	}
	put(t, s, two)
	es = all(t, s, store.Filter{Kind: engagement.Call})
	// The first December call of "two" joins the December call (finest
	// agreement); the second stays its own engagement.
	if len(es) != 3 {
		t.Fatalf("calls = %d, want 3: %+v", len(es), es)
	}
	for _, e := range es {
		seen := map[string]bool{}
		for _, src := range e.Sources {
			if seen[src.URL] {
				t.Errorf("engagement %d joins two mentions of %s", e.ID, src.URL)
			}
			seen[src.URL] = true
		}
	}
	if es[0].Date != "2022-05-06" || len(es[0].Sources) != 1 {
		t.Errorf("May call absorbed something: %+v", es[0])
	}
}

func testSources(t *testing.T, s store.Store) {
	it := item(spec{url: "https://a.example/src", title: "Sourced", published: "2025-02-03",
		sentences: []string{"Filler sentence first.", callSentence},
		mentions:  nil})
	m := call("2025-02-01", engagement.Occurred, Dar, Rubio)
	m.Evidence = callSentence
	m.Start = strings.Index(it.Doc.Text, callSentence)
	m.End = m.Start + len(callSentence)
	m.Topics = []string{"security", "trade"}
	it.Mentions = []engagement.Mention{m}
	put(t, s, it)
	es := all(t, s, store.Filter{})
	if len(es) != 1 || len(es[0].Sources) != 1 {
		t.Fatalf("engagements: %+v", es)
	}
	src := es[0].Sources[0]
	want := engagement.Source{URL: "https://a.example/src", Title: "Sourced", Published: "2025-02-03", Evidence: callSentence,
		Start: m.Start, End: m.End, Date: "2025-02-01", Status: engagement.Occurred}
	src.DocumentID = 0
	if src != want {
		t.Errorf("source = %+v\nwant %+v", src, want)
	}
	if it.Doc.Text[src.Start:src.End] != src.Evidence {
		t.Errorf("offsets do not point at the evidence")
	}
	if es[0].Sources[0].DocumentID == 0 {
		t.Errorf("source has no document id")
	}
	if !slices.Equal(es[0].Topics, []string{"security", "trade"}) {
		t.Errorf("topics = %v", es[0].Topics)
	}
	// A visit's range travels with its source.
	v := item(spec{url: "https://a.example/visit", title: "Visit", published: "2025-04-01",
		sentences: []string{"Jaishankar visited China from 20 to 22 March."},
		mentions:  []engagement.Mention{visit("2025-03-20", "2025-03-22", "CHN", engagement.Occurred, Jaishankar, Wang)}})
	put(t, s, v)
	es = all(t, s, store.Filter{Kind: engagement.Visit})
	if len(es) != 1 || es[0].DateEnd != "2025-03-22" || es[0].Sources[0].DateEnd != "2025-03-22" || es[0].HostCountry != "CHN" {
		t.Errorf("visit: %+v", es)
	}
}

// fixture stores one engagement per entry; each is found by its evidence.
func filterFixture(t *testing.T, s store.Store) map[string]int64 {
	t.Helper()
	type fx struct {
		name string
		m    engagement.Mention
	}
	unknown := meeting("", "", engagement.Occurred, Dar, Rubio) // alone: no other Dar–Rubio meeting
	video := call("2024-06-10", engagement.Planned, Sharif, Rubio)
	video.Mode = engagement.Video
	fxs := []fx{
		{"pakusa-call-2023", call("2023-05-06", engagement.Occurred, Dar, Rubio)},
		{"pakusa-meeting-2024", meeting("2024-01-15", "Washington", engagement.Occurred, Sharif, Rubio)},
		{"indchn-visit-2024", visit("2024-03-30", "2024-04-02", "CHN", engagement.Occurred, Jaishankar, Wang)},
		{"pakchn-cancelled-2022", meeting("2022-11", "Beijing", engagement.Cancelled, Dar, Wang)},
		{"pakusa-video-planned", video},
		{"pakusa-unknown-date", unknown},
		{"indusa-year-2023", meeting("2023", "", engagement.Occurred, Jaishankar, Rubio)},
	}
	ids := map[string]int64{}
	for i, f := range fxs {
		sentence := fmt.Sprintf("Sentence about %s with marker%d.", f.name, i)
		put(t, s, item(spec{url: "https://f.example/" + f.name, title: f.name, published: "2025-01-01",
			sentences: []string{sentence}, mentions: []engagement.Mention{f.m}}))
	}
	for _, e := range all(t, s, store.Filter{}) {
		name := strings.Fields(e.Sources[0].Evidence)[2]
		ids[name] = e.ID
	}
	if len(ids) != len(fxs) {
		t.Fatalf("fixture: %d engagements, want %d", len(ids), len(fxs))
	}
	return ids
}

func testFilters(t *testing.T, s store.Store) {
	ids := filterFixture(t, s)
	names := func(es []engagement.Engagement) []string {
		out := []string{}
		for _, e := range es {
			for n, id := range ids {
				if id == e.ID {
					out = append(out, n)
				}
			}
		}
		return out
	}
	cases := []struct {
		name string
		f    store.Filter
		want []string // in order
	}{
		{"all, by date, unknown last", store.Filter{}, []string{"pakchn-cancelled-2022", "indusa-year-2023", "pakusa-call-2023",
			"pakusa-meeting-2024", "indchn-visit-2024", "pakusa-video-planned", "pakusa-unknown-date"}},
		{"pair", store.Filter{Pair: [2]string{"PAK", "USA"}}, []string{"pakusa-call-2023", "pakusa-meeting-2024", "pakusa-video-planned", "pakusa-unknown-date"}},
		{"pair either order, lower case", store.Filter{Pair: [2]string{"usa", "pak"}}, []string{"pakusa-call-2023", "pakusa-meeting-2024", "pakusa-video-planned", "pakusa-unknown-date"}},
		{"pair via host country", store.Filter{Pair: [2]string{"IND", "CHN"}}, []string{"indchn-visit-2024"}},
		{"country", store.Filter{Country: "CHN"}, []string{"pakchn-cancelled-2022", "indchn-visit-2024"}},
		{"kind", store.Filter{Kind: engagement.Visit}, []string{"indchn-visit-2024"}},
		{"mode", store.Filter{Mode: engagement.Video}, []string{"pakusa-video-planned"}},
		{"status planned", store.Filter{Status: engagement.Planned}, []string{"pakusa-video-planned"}},
		{"status cancelled", store.Filter{Status: engagement.Cancelled}, []string{"pakchn-cancelled-2022"}},
		{"actor, case-insensitive substring", store.Filter{Actor: "jaishank"}, []string{"indusa-year-2023", "indchn-visit-2024"}},
		{"actor and kind", store.Filter{Actor: "RUBIO", Kind: engagement.Meeting}, []string{"indusa-year-2023", "pakusa-meeting-2024", "pakusa-unknown-date"}},
		{"from", store.Filter{From: Date("2024-04-01")}, []string{"indchn-visit-2024", "pakusa-video-planned"}},
		{"to, month precision", store.Filter{To: Date("2022-11")}, []string{"pakchn-cancelled-2022"}},
		{"from-to day inside a month-precision date", store.Filter{From: Date("2022-11-15"), To: Date("2022-11-15")}, []string{"pakchn-cancelled-2022"}},
		{"from-to year", store.Filter{From: Date("2023"), To: Date("2023")}, []string{"indusa-year-2023", "pakusa-call-2023"}},
		{"day inside a year-precision date", store.Filter{From: Date("2023-08-01"), To: Date("2023-08-31")}, []string{"indusa-year-2023"}},
		{"query", store.Filter{Query: "marker3"}, []string{"pakchn-cancelled-2022"}},
		{"query words all required, case-folded", store.Filter{Query: "SENTENCE pakusa"}, []string{"pakusa-call-2023", "pakusa-meeting-2024", "pakusa-video-planned", "pakusa-unknown-date"}},
		{"query with FTS syntax characters", store.Filter{Query: `"Dar's" (x`}, []string{}},
		{"limit", store.Filter{Limit: 2}, []string{"pakchn-cancelled-2022", "indusa-year-2023"}},
		{"limit offset", store.Filter{Limit: 2, Offset: 5}, []string{"pakusa-video-planned", "pakusa-unknown-date"}},
		{"offset only", store.Filter{Offset: 6}, []string{"pakusa-unknown-date"}},
		{"combined", store.Filter{Pair: [2]string{"PAK", "USA"}, Status: engagement.Occurred, From: Date("2023")}, []string{"pakusa-call-2023", "pakusa-meeting-2024"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := names(all(t, s, tc.f))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %v\nwant %v", got, tc.want)
			}
		})
	}
}

func testByID(t *testing.T, s store.Store) {
	put(t, s, item(spec{url: "https://a.example/1", title: "One", published: "2025-03-14",
		sentences: []string{callSentence}, mentions: []engagement.Mention{call("2025-03-13", engagement.Occurred, Dar, Rubio)}}))
	es := all(t, s, store.Filter{})
	e, err := s.Engagement(context.Background(), es[0].ID)
	if err != nil || e.ID != es[0].ID || len(e.Sources) != 1 {
		t.Errorf("Engagement(%d) = %+v, %v", es[0].ID, e, err)
	}
	if _, err := s.Engagement(context.Background(), es[0].ID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing id: err = %v, want ErrNotFound", err)
	}
}

// A mention that violates the schema (an unknown kind) fails its document
// alone; the rest of the batch is stored.
func testFailedDocument(t *testing.T, s store.Store) {
	good1 := item(spec{url: "https://a.example/good1", title: "Good one", published: "2025-03-14",
		sentences: []string{callSentence}, mentions: []engagement.Mention{call("2025-03-13", engagement.Occurred, Dar, Rubio)}})
	badM := call("2025-03-13", engagement.Occurred, Dar, Rubio)
	badM.Kind = "teleportation"
	bad := item(spec{url: "https://a.example/bad", title: "Bad one", published: "2025-03-14",
		sentences: []string{callSentence2, meetingSentence},
		// the first mention fuses into good1's engagement before the bad one fails
		mentions: []engagement.Mention{call("2025-03-14", engagement.Occurred, Dar, Rubio), badM}})
	good2 := item(spec{url: "https://a.example/good2", title: "Good two", published: "2025-03-15",
		sentences: []string{meetingSentence}, mentions: []engagement.Mention{meeting("2025-03-11", "Washington", engagement.Occurred, Sharif, Rubio)}})
	out, err := s.Put(context.Background(), []store.Item{good1, bad, good2})
	var pe *store.PutError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want a *store.PutError", err)
	}
	if len(pe.Docs) != 1 || pe.Docs[0].Index != 1 || pe.Docs[0].Path != bad.Doc.Path {
		t.Errorf("PutError = %+v", pe)
	}
	if !slices.Equal(out, []store.Outcome{store.New, store.Failed, store.New}) {
		t.Errorf("outcomes = %v", out)
	}
	wantStats(t, s, 2, 2, 2)
	for _, e := range all(t, s, store.Filter{}) {
		if len(e.Sources) != 1 {
			t.Errorf("engagement %d kept a source of the failed document: %+v", e.ID, e.Sources)
		}
	}
	// The failed document can be stored once fixed.
	bad.Mentions = bad.Mentions[:1]
	if got := put(t, s, bad); got[0] != store.New {
		t.Errorf("fixed document: %v", got[0])
	}
}

func testCancelledBefore(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, err := s.Put(ctx, Corpus(10, 1))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	for i, o := range out {
		if o != store.NotStored {
			t.Errorf("outcome %d = %v, want not stored", i, o)
		}
	}
	wantStats(t, s, 0, 0, 0)
}

// Cancel while a large Put runs: every document is whole or absent, and the
// outcomes say which.
func testCancelledMid(t *testing.T, s store.Store) {
	items := Corpus(3000, 2)
	ctx, cancel := context.WithCancel(context.Background())
	// Cancel once the first documents are in, so the cancel lands mid-Put.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer cancel()
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			if st, err := s.Stats(context.Background()); err == nil && st.Documents > 0 {
				return
			}
		}
	}()
	out, err := s.Put(ctx, items)
	cancel()
	if err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want nil or context.Canceled", err)
	}
	stored := 0
	for _, o := range out {
		if o == store.New {
			stored++
		} else if o != store.NotStored {
			t.Errorf("unexpected outcome %v", o)
		}
	}
	t.Logf("cancelled after %d of %d documents (err %v)", stored, len(items), err)
	checkWhole(t, s, items, out)
	// Storing everything again completes the rest and changes nothing else.
	out2 := put(t, s, items...)
	for i := range items {
		want := store.New
		if out[i] == store.New {
			want = store.Unchanged
		}
		if out2[i] != want {
			t.Fatalf("second put, item %d: %v, want %v", i, out2[i], want)
		}
	}
	checkWhole(t, s, items, out2)
}

// checkWhole checks that the documents with outcome New are stored with all
// their mentions as sources, and that nothing else is stored.
func checkWhole(t *testing.T, s store.Store, items []store.Item, out []store.Outcome) {
	t.Helper()
	wantMentions := map[string]int{}
	var docs, mentions int64
	for i, it := range items {
		if out[i] == store.New || out[i] == store.Unchanged {
			wantMentions[it.Doc.URL] = len(it.Mentions)
			docs++
			mentions += int64(len(it.Mentions))
		}
	}
	st := stats(t, s)
	if st.Documents != docs || st.Mentions != mentions {
		t.Errorf("stats %+v, want %d documents and %d mentions", st, docs, mentions)
	}
	gotMentions := map[string]int{}
	for _, e := range all(t, s, store.Filter{}) {
		if len(e.Sources) == 0 {
			t.Errorf("engagement %d has no source", e.ID)
		}
		for _, src := range e.Sources {
			gotMentions[src.URL]++
		}
	}
	for url, n := range gotMentions {
		if wantMentions[url] != n {
			t.Errorf("%s: %d sources, want %d", url, n, wantMentions[url])
		}
	}
	for url, n := range wantMentions {
		if gotMentions[url] != n {
			t.Errorf("%s: %d sources, want %d", url, gotMentions[url], n)
		}
	}
}

// The generated corpus fuses across documents and stores every mention.
func testCorpus(t *testing.T, s store.Store) {
	items := Corpus(600, 3)
	out := put(t, s, items...)
	for i, o := range out {
		if o != store.New {
			t.Fatalf("item %d: %v", i, o)
		}
	}
	checkWhole(t, s, items, out)
	st := stats(t, s)
	if st.Engagements >= st.Mentions*3/4 {
		t.Errorf("little fusion: %+v", st)
	}
	t.Logf("corpus: %+v", st)
}
