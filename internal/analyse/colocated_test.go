package analyse

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"bilat/internal/engagement"
)

// coLocatedScan is CoLocatedCalls as first written, scanning all of es for
// every call: the reference for the indexed one.
func coLocatedScan(es []engagement.Engagement, p Pair) []CoLocated {
	var out []CoLocated
	for _, c := range selected(es, p) {
		if c.Kind != engagement.Call {
			continue
		}
		cf, _, ok := span(c)
		if !ok {
			continue
		}
		found := false
		for i := range es {
			v := &es[i]
			if v.Kind != engagement.Visit || v.Status != engagement.Occurred || v.ID == c.ID {
				continue
			}
			vf, vl, ok := span(v)
			if !ok || cf < vf || cf > vl {
				continue
			}
			for _, vp := range v.Participants {
				if vp.Country == v.HostCountry || !hasPerson(c, vp.Name) {
					continue
				}
				other := p[0]
				if vp.Country == p[0] {
					other = p[1]
				}
				if v.HostCountry == other {
					out = append(out, CoLocated{Call: c.ID, Date: c.Date, Where: other, IDs: []int64{c.ID, v.ID},
						Note: fmt.Sprintf("%s: %s phoned while on a visit to %s (%s to %s)", c.Date, vp.Name, other, v.Date, orUnknown(v.DateEnd))})
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		if found {
			continue
		}
		where := map[string]map[string]int64{}
		for i := range es {
			m := &es[i]
			if m.ID == c.ID || m.Status != engagement.Occurred || m.Mode != engagement.InPerson || m.Location == "" {
				continue
			}
			mf, ml, ok := span(m)
			if !ok || cf < mf || cf > ml {
				continue
			}
			for _, mp := range m.Participants {
				if hasPerson(c, mp.Name) && (mp.Country == p[0] || mp.Country == p[1]) {
					if where[mp.Country] == nil {
						where[mp.Country] = map[string]int64{}
					}
					where[mp.Country][strings.ToLower(m.Location)] = m.ID
				}
			}
		}
		// with several cities, which one is found follows map order
		for city, ida := range where[p[0]] {
			if idb, ok := where[p[1]][city]; ok {
				ids := []int64{c.ID, ida}
				if idb != ida {
					ids = append(ids, idb)
				}
				out = append(out, CoLocated{Call: c.ID, Date: c.Date, Where: city, IDs: ids,
					Note: fmt.Sprintf("%s: the callers were both in %s that day", c.Date, city)})
				break
			}
		}
	}
	return out
}

// TestCoLocatedIndexed compares CoLocatedCalls with the full scan on random
// engagements: overlapping visits, long stays, dates at every precision.
func TestCoLocatedIndexed(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	people := []engagement.Participant{
		{Name: "A1", Country: "PAK", Rank: 2}, {Name: "A2", Country: "PAK", Rank: 1},
		{Name: "B1", Country: "USA", Rank: 2}, {Name: "B2", Country: "USA", Rank: 1}, {Name: "C1", Country: "CHN", Rank: 2},
	}
	hosts := []string{"PAK", "USA", "CHN", ""}
	p := Pair{"PAK", "USA"}
	found := 0
	for round := range 300 {
		var es []engagement.Engagement
		for i := range 60 {
			e := engagement.Engagement{ID: int64(i + 1), Kind: []engagement.Kind{engagement.Call, engagement.Meeting, engagement.Visit}[r.IntN(3)],
				Mode: engagement.InPerson, Status: engagement.Occurred}
			if e.Kind == engagement.Call {
				e.Mode = engagement.Phone
			}
			if r.IntN(8) == 0 {
				e.Status = engagement.Planned
			}
			day := 1 + r.IntN(20)
			switch r.IntN(6) {
			case 0:
				e.Date = "2024-03"
			case 1:
				e.Date = fmt.Sprintf("2024-03-%02d", day)
				e.DateEnd = fmt.Sprintf("2024-03-%02d", min(28, day+r.IntN(12)))
			default:
				e.Date = fmt.Sprintf("2024-03-%02d", day)
			}
			e.HostCountry = hosts[r.IntN(len(hosts))]
			if r.IntN(2) == 0 {
				e.Location = []string{"Beijing", "Washington", "beijing"}[r.IntN(3)]
			}
			for _, k := range r.Perm(len(people))[:1+r.IntN(2)] {
				e.Participants = append(e.Participants, people[k])
			}
			es = append(es, e)
		}
		got, want := CoLocatedCalls(es, p), coLocatedScan(es, p)
		// the city case may pick any of several cities (map order): compare it by call
		if len(got) != len(want) {
			t.Fatalf("round %d: %d co-located calls, the scan finds %d", round, len(got), len(want))
		}
		for i := range got {
			if got[i].Call != want[i].Call || (got[i].Where == "PAK" || got[i].Where == "USA") && !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("round %d: %+v\nscan: %+v", round, got[i], want[i])
			}
		}
		found += len(got)
	}
	if found < 100 {
		t.Errorf("only %d co-located calls in all rounds", found)
	}
}
