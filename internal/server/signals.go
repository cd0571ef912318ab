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
// whole history.
func signalEngagements(ctx context.Context, st store.Store, p analyse.Pair, f store.Filter) ([]engagement.Engagement, error) {
	es, err := st.Engagements(ctx, f)
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
	ids := map[int64]bool{}
	for i := range es {
		ids[es[i].ID] = true
	}
	for _, e := range more {
		if ids[e.ID] {
			continue
		}
		cs := e.Countries()
		if slices.Contains(cs, p[0]) || slices.Contains(cs, p[1]) {
			ids[e.ID] = true
			es = append(es, e)
		}
	}
	// Side A's engagements first, then side B's, each in the store's order.
	sort.SliceStable(es, func(i, j int) bool {
		ai, aj := slices.Contains(es[i].Countries(), p[0]), slices.Contains(es[j].Countries(), p[0])
		if ai != aj {
			return ai
		}
		return storeOrder(&es[i], &es[j])
	})
	return es, nil
}

// storeOrder is store.Store's order of engagements: by the first day their
// date can cover, unknown dates last, then by id.
func storeOrder(a, b *engagement.Engagement) bool {
	da, ea := engagement.ParseDate(a.Date)
	db, eb := engagement.ParseDate(b.Date)
	ua, ub := ea != nil || da.IsZero(), eb != nil || db.IsZero()
	if ua != ub {
		return ub
	}
	if !ua {
		ka := [3]int{da.Year, max(da.Month, 1), max(da.Day, 1)}
		kb := [3]int{db.Year, max(db.Month, 1), max(db.Day, 1)}
		if ka != kb {
			return slices.Compare(ka[:], kb[:]) < 0
		}
	}
	return a.ID < b.ID
}
