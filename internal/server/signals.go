package server

import (
	"context"
	"slices"
	"sort"

	"bilat/internal/analyse"
	"bilat/internal/engagement"
	"bilat/internal/store"
)

// signalEngagements returns what analyse.Analyse needs for the pair under
// f (a pair and dates): the pair's engagements and, for co-location, each
// side's engagements with anyone that can place a caller of one of the
// pair's calls on its day. The list equals, for the analysis, every
// engagement of side A followed by those of side B not already listed —
// the same engagements in the same order — without loading either side's
// whole history. The pair's engagements come without their sources (the
// analysis reads none).
func signalEngagements(ctx context.Context, st store.Store, p analyse.Pair, f store.Filter) ([]engagement.Engagement, error) {
	es, _, err := st.Records(ctx, f)
	if err != nil {
		return nil, err
	}
	// The calls that analyse.CoLocatedCalls examines: occurred, at day
	// precision; their participants and days.
	var at []store.Sighting
	for i := range es {
		c := &es[i]
		if c.Kind != engagement.Call || c.Status != engagement.Occurred {
			continue
		}
		d, err := engagement.ParseDate(c.Date)
		if err != nil || d.Precision() < 3 {
			continue
		}
		for _, q := range c.Participants {
			at = append(at, store.Sighting{Name: q.Name, Day: d})
		}
	}
	if len(at) == 0 {
		return es, nil
	}
	g := f
	g.Pair, g.Limit, g.Offset = [2]string{}, 0, 0
	more, err := st.Encounters(ctx, g, at)
	if err != nil {
		return nil, err
	}
	ids := make(map[int64]bool, len(es))
	for i := range es {
		ids[es[i].ID] = true
	}
	n := len(es)
	for i := range more {
		e := &more[i]
		if ids[e.ID] {
			continue
		}
		cs := e.Countries()
		if slices.Contains(cs, p[0]) || slices.Contains(cs, p[1]) {
			ids[e.ID] = true
			more[n-len(es)] = *e // kept in place: more[:n-len(es)] are the ones added
			n++
		}
	}
	more = more[:n-len(es)]
	nth := func(i int) *engagement.Engagement {
		if i < len(es) {
			return &es[i]
		}
		return &more[i-len(es)]
	}
	// Side A's engagements first, then side B's, each in the store's order.
	keys := make([]orderKey, n)
	idx := make([]int, n)
	for i := range n {
		keys[i], idx[i] = orderOf(nth(i), p[0]), i
	}
	sort.SliceStable(idx, func(i, j int) bool { return keys[idx[i]].less(&keys[idx[j]]) })
	out := make([]engagement.Engagement, n)
	for i, k := range idx {
		out[i] = *nth(k)
	}
	return out, nil
}

// orderKey places an engagement in signalEngagements' order: side A's
// first, then store.Store's order (by the first day the date can cover,
// unknown dates last, then by id).
type orderKey struct {
	notA, undated bool
	day           [3]int
	id            int64
}

func orderOf(e *engagement.Engagement, a string) orderKey {
	d, err := engagement.ParseDate(e.Date)
	k := orderKey{notA: !slices.Contains(e.Countries(), a), undated: err != nil || d.IsZero(), id: e.ID}
	if !k.undated {
		k.day = [3]int{d.Year, max(d.Month, 1), max(d.Day, 1)}
	}
	return k
}

func (k *orderKey) less(o *orderKey) bool {
	if k.notA != o.notA {
		return o.notA
	}
	if k.undated != o.undated {
		return o.undated
	}
	if !k.undated && k.day != o.day {
		return slices.Compare(k.day[:], o.day[:]) < 0
	}
	return k.id < o.id
}
