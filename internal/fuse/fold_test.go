package fuse

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"bilat/internal/engagement"
)

// randomReports gives n reports of one call, varied in every field Build
// folds, from documents 1..n in a shuffled order.
func randomReports(t testing.TB, rng *rand.Rand, n int) []Report {
	dates := []string{"2025-06-12", "2025-06-13", "2025-06", "2025", "", "2025-06-11", "2025-07-01"}
	ends := []string{"", "", "2025-06-14", "2025-06"}
	modes := []engagement.Mode{engagement.Phone, engagement.Video, "", engagement.InPerson}
	statuses := []engagement.Status{engagement.Occurred, engagement.Planned, engagement.Cancelled}
	locs := []string{"", "Islamabad", "Islamabad, Pakistan", "Washington"}
	hosts := []string{"", "PAK", "USA"}
	pak := []engagement.Participant{pp("Ishaq Dar", "PAK"), pp("Mohammad Ishaq Dar", "PAK"), pp("Dar", ""),
		{Name: "Ishaq Dar", Title: "Foreign Minister", Country: "PAK", Rank: 2}}
	usa := []engagement.Participant{pp("Marco Rubio", "USA"), {Name: "Rubio", Title: "Secretary of State", Country: "USA", Rank: 2},
		pp("Marco Rubio", "")}
	topics := []string{"trade", "security", "energy", "kashmir"}
	docs := rng.Perm(n)
	rs := make([]Report, n)
	for i := range rs {
		m := engagement.Mention{Kind: engagement.Call, Mode: modes[rng.IntN(len(modes))], Status: statuses[rng.IntN(len(statuses))],
			Date: date(t, dates[rng.IntN(len(dates))]), DateEnd: date(t, ends[rng.IntN(len(ends))]), Location: locs[rng.IntN(len(locs))],
			HostCountry: hosts[rng.IntN(len(hosts))], Evidence: "e", Start: i, End: i + 1,
			Participants: []engagement.Participant{pak[rng.IntN(len(pak))], usa[rng.IntN(len(usa))]}}
		if rng.IntN(3) == 0 {
			m.Participants = append(m.Participants, pp("Shehbaz Sharif", "PAK"))
		}
		if rng.IntN(4) == 0 {
			m.Participants[0], m.Participants[1] = m.Participants[1], m.Participants[0]
		}
		for _, tp := range topics {
			if rng.IntN(3) == 0 {
				m.Topics = append(m.Topics, tp)
			}
		}
		rs[i] = Report{Mention: m, DocID: int64(docs[i] + 1), URL: "u", Title: "t"}
	}
	return rs
}

// TestFoldIncremental: adding reports one at a time in document order,
// the fold passing through JSON between adds, gives Build's record, and
// the fold's Same and Score agree with Same and Score of the reports.
func TestFoldIncremental(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		rs := randomReports(t, rng, 1+rng.IntN(40))
		sorted := NewFold(rs)
		byDoc := make([]Report, len(rs))
		for _, r := range rs {
			byDoc[r.DocID-1] = r
		}
		probe := randomReports(t, rng, 20)
		f := &Fold{}
		for i, r := range byDoc {
			f.Add(r)
			b, err := json.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			f = &Fold{}
			if err := json.Unmarshal(b, f); err != nil {
				t.Fatal(err)
			}
			want := Build(7, byDoc[:i+1])
			want.Sources = []engagement.Source{}
			if got := f.Engagement(7); !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d, %d reports: fold gives\n%+v\nBuild gives\n%+v", trial, i+1, got, want)
			}
			for _, p := range probe {
				if got, want := f.Same(p.Mention), Same(byDoc[:i+1], p.Mention, 1000); got != want {
					t.Fatalf("trial %d, %d reports: Fold.Same = %v, Same = %v for %+v", trial, i+1, got, want, p.Mention)
				}
				if got, want := f.Score(p.Mention), Score(byDoc[:i+1], p.Mention); got != want {
					t.Fatalf("trial %d, %d reports: Fold.Score = %d, Score = %d", trial, i+1, got, want)
				}
			}
		}
		if !reflect.DeepEqual(f.Engagement(7), sorted.Engagement(7)) {
			t.Fatalf("trial %d: NewFold differs from folding in document order", trial)
		}
	}
}
