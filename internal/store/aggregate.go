package store

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"bilat/internal/engagement"
)

// PairCount is a pair of countries ("AAA-BBB", in alphabetical order) and
// how many engagements involve both.
type PairCount struct {
	Pair  string `json:"pair"`
	Count int    `json:"count"`
}

// PairsOf counts the engagements of each pair of countries among es (an
// engagement's countries are its participants' and its host country), most
// engagements first, then by pair.
func PairsOf(es []engagement.Engagement) []PairCount {
	by := map[string]int{}
	for i := range es {
		cs := es[i].Countries()
		sort.Strings(cs)
		for j, a := range cs {
			for _, b := range cs[j+1:] {
				by[a+"-"+b]++
			}
		}
	}
	return SortPairs(by)
}

// SortPairs lists counts by pair, most engagements first, then by pair.
func SortPairs(by map[string]int) []PairCount {
	out := make([]PairCount, 0, len(by))
	for p, n := range by {
		out = append(out, PairCount{p, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Pair < out[j].Pair
	})
	return out
}

// Actor is one participant and how many engagements they took part in.
type Actor struct {
	Name    string `json:"name"`
	Country string `json:"country"` // as first seen
	Title   string `json:"title"`   // the title of their highest rank (first seen at it)
	Rank    int    `json:"rank"`
	Count   int    `json:"count"`
}

// Link is how many engagements two actors of different countries shared;
// A < B.
type Link struct {
	A     string `json:"a"`
	B     string `json:"b"`
	Count int    `json:"count"`
}

// ActorsOf lists the participants of es, most engagements first, and the
// links between participants of different countries, most shared first.
func ActorsOf(es []engagement.Engagement) ([]Actor, []Link) {
	var t ActorTally
	for i := range es {
		t.Add(es[i].Participants)
	}
	return t.Result()
}

// ActorTally computes ActorsOf one engagement at a time, in the order of
// Engagements, so a store can feed it participant rows.
type ActorTally struct {
	by    map[string]*Actor
	links map[[2]string]int
	seen  map[string]bool
}

// Add counts the participants of one engagement.
func (t *ActorTally) Add(ps []engagement.Participant) {
	if t.by == nil {
		t.by, t.links, t.seen = map[string]*Actor{}, map[[2]string]int{}, map[string]bool{}
	}
	clear(t.seen)
	for _, p := range ps {
		if t.seen[p.Name] {
			continue
		}
		t.seen[p.Name] = true
		a := t.by[p.Name]
		if a == nil {
			a = &Actor{Name: p.Name, Country: p.Country, Title: p.Title, Rank: p.Rank}
			t.by[p.Name] = a
		}
		a.Count++
		if p.Rank > 0 && (a.Rank == 0 || p.Rank < a.Rank) {
			a.Rank, a.Title = p.Rank, p.Title
		}
	}
	for i, p := range ps {
		for _, q := range ps[i+1:] {
			if p.Country == q.Country || p.Name == q.Name {
				continue
			}
			k := [2]string{p.Name, q.Name}
			if k[1] < k[0] {
				k[0], k[1] = k[1], k[0]
			}
			t.links[k]++
		}
	}
}

// Result lists what was counted.
func (t *ActorTally) Result() ([]Actor, []Link) {
	as := make([]Actor, 0, len(t.by))
	for _, a := range t.by {
		as = append(as, *a)
	}
	SortActors(as)
	ls := make([]Link, 0, len(t.links))
	for k, n := range t.links {
		ls = append(ls, Link{k[0], k[1], n})
	}
	SortLinks(ls)
	return as, ls
}

// SortActors puts actors in ActorsOf's order: most engagements first,
// then by name.
func SortActors(as []Actor) {
	slices.SortFunc(as, func(x, y Actor) int {
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		return strings.Compare(x.Name, y.Name)
	})
}

// SortLinks puts links in ActorsOf's order: most shared first, then by A,
// then by B.
func SortLinks(ls []Link) {
	slices.SortFunc(ls, func(x, y Link) int {
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
}
