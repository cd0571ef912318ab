package storetest

import (
	"fmt"
	"reflect"
	"testing"

	"bilat/internal/engagement"
	"bilat/internal/fuse"
	"bilat/internal/store"
)

// testBigCluster stores 300 reports of one call, varied in everything the
// fused record is folded from, in several batches (and replaces some
// documents, whose ids then come before later ones), and checks the store's
// record and sources against fuse.Build of all the reports at once.
func testBigCluster(t *testing.T, s store.Store) {
	const n = 300
	modes := []engagement.Mode{engagement.Phone, engagement.Video, "", engagement.Phone}
	statuses := []engagement.Status{engagement.Occurred, engagement.Planned, engagement.Occurred, engagement.Cancelled, engagement.Occurred}
	dates := []string{"2025-06-12", "2025-06-13", "2025-06", "2025-06-12", "", "2025-06-12"}
	locs := []string{"", "Islamabad", "", "Islamabad, Pakistan"}
	pak := []engagement.Participant{Dar, darFull, {Name: "Dar", Country: "PAK"}, {Name: "Ishaq Dar", Country: ""}}
	usa := []engagement.Participant{Rubio, {Name: "Rubio", Title: "Secretary", Country: "USA", Rank: 2}, {Name: "Marco Rubio"}}
	topics := [][]string{nil, {"trade"}, {"security", "trade"}, {"kashmir"}, {"energy"}}
	mk := func(i, v int) store.Item {
		m := call(dates[(i+v)%len(dates)], statuses[(i+v)%len(statuses)], pak[(i+2*v)%len(pak)], usa[(i+v)%len(usa)])
		if i%7 == 3 {
			m.Participants[0], m.Participants[1] = m.Participants[1], m.Participants[0]
		}
		m.Mode = modes[(i+v)%len(modes)]
		m.Location = locs[(i/3+v)%len(locs)]
		m.Topics = topics[(i+v)%len(topics)]
		return item(spec{url: fmt.Sprintf("https://c%d.example/call", i), title: fmt.Sprintf("Call %d v%d", i, v), published: "2025-06-14",
			sentences: []string{fmt.Sprintf("Dar and Rubio spoke, report %d version %d.", i, v)},
			mentions:  []engagement.Mention{m}})
	}
	items := make([]store.Item, n)
	for i := range items {
		items[i] = mk(i, 0)
	}
	for start := 0; start < n; start += 70 {
		put(t, s, items[start:min(start+70, n)]...)
	}
	for _, i := range []int{5, 150, 299, 17} {
		items[i] = mk(i, 1)
		put(t, s, items[i])
	}
	es := all(t, s, store.Filter{})
	if len(es) != 1 {
		t.Fatalf("%d engagements, want 1", len(es))
	}
	got := es[0]
	docs := map[string]int64{}
	for _, src := range got.Sources {
		docs[src.URL] = src.DocumentID
	}
	var rs []fuse.Report
	for _, it := range items {
		id, ok := docs[it.Doc.URL]
		if !ok {
			t.Fatalf("no source from %s", it.Doc.URL)
		}
		rs = append(rs, fuse.Report{Mention: it.Mentions[0], DocID: id, URL: it.Doc.URL, Title: it.Doc.Title,
			Published: it.Doc.Published.String()})
	}
	want := fuse.Build(got.ID, rs)
	if len(got.Sources) != n {
		t.Errorf("%d sources, want %d", len(got.Sources), n)
	}
	if !reflect.DeepEqual(got, want) {
		g, w := got, want
		g.Sources, w.Sources = nil, nil
		t.Errorf("stored record differs from fuse.Build:\ngot  %+v\nwant %+v\nsources equal: %v", g, w,
			reflect.DeepEqual(got.Sources, want.Sources))
	}
	byID, err := s.Engagement(t.Context(), got.ID)
	if err != nil || !reflect.DeepEqual(byID, want) {
		t.Errorf("Engagement(%d) differs from fuse.Build (%v)", got.ID, err)
	}
}
