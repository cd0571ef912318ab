// Package analyse reads a relationship out of fused engagements: the level
// of contact over time, protocol asymmetry, calls made while the sides were
// in the same place, reciprocity of visits, silences, topics, and the first
// contacts after taking office. Every function is pure: it takes engagements
// (as the store returns them) and a pair of countries, and each finding
// cites the ids of the engagements behind it so a reader can open their
// sources and evidence.
//
// Only engagements that occurred count; planned and cancelled ones appear
// in Counts alone. A side is the participants of one country of the pair;
// participants of third countries are ignored. Dates coarser than a month
// are left out of the monthly series, and dates coarser than a day out of
// the signals that compare days.
package analyse

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"bilat/internal/engagement"
)

// Pair is two ISO 3166-1 alpha-3 codes; side A is Pair[0], side B Pair[1].
type Pair [2]string

// ParsePair reads "PAK-USA".
func ParsePair(s string) (Pair, error) {
	a, b, ok := strings.Cut(strings.ToUpper(strings.TrimSpace(s)), "-")
	if !ok || len(a) != 3 || len(b) != 3 || a == b || !isAlpha(a) || !isAlpha(b) {
		return Pair{}, fmt.Errorf("pair %q: want two different ISO 3166-1 alpha-3 codes joined by -, like PAK-USA", s)
	}
	return Pair{a, b}, nil
}

func isAlpha(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func (p Pair) String() string { return p[0] + "-" + p[1] }

// involves reports whether both countries of the pair take part in e
// (as participants or host country).
func (p Pair) involves(e *engagement.Engagement) bool {
	return hasCountry(e, p[0]) && hasCountry(e, p[1])
}

// hasCountry reports whether c is among e.Countries(), without building
// the list: the analyses ask it of every engagement.
func hasCountry(e *engagement.Engagement, c string) bool {
	if c == "" {
		return false
	}
	if e.HostCountry == c {
		return true
	}
	for i := range e.Participants {
		if e.Participants[i].Country == c {
			return true
		}
	}
	return false
}

// top returns the highest rank (lowest number, 1–5) of a country's
// participants in e, 0 when it has none with a known rank.
func top(e *engagement.Engagement, country string) int {
	best := 0
	for _, p := range e.Participants {
		if p.Country == country && p.Rank > 0 && (best == 0 || p.Rank < best) {
			best = p.Rank
		}
	}
	return best
}

// topPerson names the highest-ranked participant of a country.
func topPerson(e *engagement.Engagement, country string) engagement.Participant {
	var best engagement.Participant
	for _, p := range e.Participants {
		if p.Country == country && p.Rank > 0 && (best.Rank == 0 || p.Rank < best.Rank) {
			best = p
		}
	}
	return best
}

// selected returns the engagements of the pair that occurred.
func selected(es []engagement.Engagement, p Pair) []*engagement.Engagement {
	var out []*engagement.Engagement
	for i := range es {
		e := &es[i]
		if e.Status == engagement.Occurred && p.involves(e) {
			out = append(out, e)
		}
	}
	return out
}

// day is a calendar day as a count of days since 1970-01-01, for gaps.
type day int

func dayOf(d engagement.Date) day {
	t := time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
	return day(t.Unix() / 86400)
}

func (d day) String() string { return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02") }

// span returns the first and last day of e when its date is at day
// precision (an end date coarser than a day is ignored).
func span(e *engagement.Engagement) (first, last day, ok bool) {
	d, err := engagement.ParseDate(e.Date)
	if err != nil || d.Precision() < 3 {
		return 0, 0, false
	}
	first, last = dayOf(d), dayOf(d)
	if end, err := engagement.ParseDate(e.DateEnd); err == nil && end.Precision() == 3 && dayOf(end) >= first {
		last = dayOf(end)
	}
	return first, last, true
}

func month(e *engagement.Engagement) (string, bool) {
	d, err := engagement.ParseDate(e.Date)
	if err != nil || d.Precision() < 2 {
		return "", false
	}
	return d.Truncate(2).String(), true
}

func year(e *engagement.Engagement) (int, bool) {
	d, err := engagement.ParseDate(e.Date)
	if err != nil || d.IsZero() {
		return 0, false
	}
	return d.Year, true
}

// Counts is how many engagements of each kind, mode and status a pair has.
type Counts struct {
	Total    int            `json:"total"`
	ByKind   map[string]int `json:"by_kind"`
	ByMode   map[string]int `json:"by_mode"`
	ByStatus map[string]int `json:"by_status"`
}

// Count counts the pair's engagements; kind and mode count occurred ones.
func Count(es []engagement.Engagement, p Pair) Counts {
	c := Counts{ByKind: map[string]int{}, ByMode: map[string]int{}, ByStatus: map[string]int{}}
	for i := range es {
		e := &es[i]
		if !p.involves(e) {
			continue
		}
		c.Total++
		c.ByStatus[string(e.Status)]++
		if e.Status == engagement.Occurred {
			c.ByKind[string(e.Kind)]++
			if e.Mode != "" {
				c.ByMode[string(e.Mode)]++
			}
		}
	}
	return c
}

// Level is the highest rank each side fielded in one month (0: none with a
// known rank), with the engagements where each side reached it.
type Level struct {
	Month string  `json:"month"` // YYYY-MM
	A     int     `json:"a"`
	B     int     `json:"b"`
	AIDs  []int64 `json:"a_engagements"`
	BIDs  []int64 `json:"b_engagements"`
	Count int     `json:"count"` // engagements that month
}

// Levels returns the level of contact per month, oldest first; months with
// no engagement are absent.
func Levels(es []engagement.Engagement, p Pair) []Level {
	by := map[string]*Level{}
	note := func(rank *int, ids *[]int64, r int, id int64) {
		switch {
		case r == 0:
		case *rank == 0 || r < *rank:
			*rank, *ids = r, []int64{id}
		case r == *rank:
			*ids = append(*ids, id)
		}
	}
	for _, e := range selected(es, p) {
		m, ok := month(e)
		if !ok {
			continue
		}
		l := by[m]
		if l == nil {
			l = &Level{Month: m}
			by[m] = l
		}
		l.Count++
		note(&l.A, &l.AIDs, top(e, p[0]), e.ID)
		note(&l.B, &l.BIDs, top(e, p[1]), e.ID)
	}
	return sortedValues(by, func(a, b Level) bool { return a.Month < b.Month })
}

// Asymmetry is one engagement where one side fielded a higher rank than the
// other: Higher is the country whose rank is higher (the lower number).
type Asymmetry struct {
	ID     int64  `json:"engagement"`
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	A      int    `json:"a"`
	B      int    `json:"b"`
	Higher string `json:"higher"`
	Note   string `json:"note"`
}

// Share is, for one year, how many engagements with both sides' rank known
// were asymmetric.
type Share struct {
	Year       int     `json:"year"`
	Total      int     `json:"total"`
	Asymmetric int     `json:"asymmetric"`
	Share      float64 `json:"share"`
}

// Asymmetries lists the asymmetric engagements and their share per year.
func Asymmetries(es []engagement.Engagement, p Pair) ([]Asymmetry, []Share) {
	var out []Asymmetry
	years := map[int]*Share{}
	for _, e := range selected(es, p) {
		a, b := top(e, p[0]), top(e, p[1])
		if a == 0 || b == 0 {
			continue
		}
		y, hasYear := year(e)
		if hasYear {
			if years[y] == nil {
				years[y] = &Share{Year: y}
			}
			years[y].Total++
		}
		if a == b {
			continue
		}
		if hasYear {
			years[y].Asymmetric++
		}
		hi, lo := p[0], p[1]
		if b < a {
			hi, lo = lo, hi
		}
		hp, lp := topPerson(e, hi), topPerson(e, lo)
		out = append(out, Asymmetry{ID: e.ID, Date: e.Date, Kind: string(e.Kind), A: a, B: b, Higher: hi,
			Note: fmt.Sprintf("%s %s: %s (%s, rank %d) of %s with %s (%s, rank %d) of %s",
				orUnknown(e.Date), e.Kind, hp.Name, hp.Title, hp.Rank, hi, lp.Name, lp.Title, lp.Rank, lo)})
	}
	shares := make([]Share, 0, len(years))
	for _, s := range years {
		s.Share = float64(s.Asymmetric) / float64(s.Total)
		shares = append(shares, *s)
	}
	sort.Slice(shares, func(i, j int) bool { return shares[i].Year < shares[j].Year })
	return out, shares
}

func orUnknown(d string) string {
	if d == "" {
		return "undated"
	}
	return d
}

// CoLocated is a call between the sides made while they could have met: a
// participant of the call was then visiting the other side's country, or
// both were in the same city that day.
type CoLocated struct {
	Call  int64   `json:"call"`
	Date  string  `json:"date"`
	Where string  `json:"where"` // the host country or the city
	IDs   []int64 `json:"engagements"`
	Note  string  `json:"note"`
}

// CoLocatedCalls finds the pair's calls made while one caller was on a visit
// to the other side's country, or while both callers had in-person
// engagements in the same city on the day of the call. es should hold every
// engagement of both countries, not only the pair's: the visit or meeting
// that places a caller may involve a third country.
func CoLocatedCalls(es []engagement.Engagement, p Pair) []CoLocated {
	var out []CoLocated
	// The visits, and the in-person engagements with a place, by their
	// first day, so each call looks only at those that cover its day (in
	// the order of es, as a scan of es would meet them).
	visits := spansOf(es, func(e *engagement.Engagement) bool {
		return e.Kind == engagement.Visit && e.Status == engagement.Occurred
	})
	placed := spansOf(es, func(e *engagement.Engagement) bool {
		return e.Status == engagement.Occurred && e.Mode == engagement.InPerson && e.Location != ""
	})
	for _, c := range selected(es, p) {
		if c.Kind != engagement.Call {
			continue
		}
		cf, _, ok := span(c)
		if !ok {
			continue
		}
		found := false
		// A caller on a visit to the other side's country.
		for _, i := range visits.covering(cf) {
			v := &es[i]
			if v.ID == c.ID {
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
		// Both callers in one city that day.
		where := map[string]map[string]int64{} // person → city → engagement
		for _, i := range placed.covering(cf) {
			m := &es[i]
			if m.ID == c.ID {
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

// spans are engagements dated to the day, by their first day.
type spans struct {
	list    []spanned
	longest day // the longest last - first
}

type spanned struct {
	i           int // index in es
	first, last day
}

func spansOf(es []engagement.Engagement, keep func(*engagement.Engagement) bool) spans {
	var s spans
	for i := range es {
		if !keep(&es[i]) {
			continue
		}
		if f, l, ok := span(&es[i]); ok {
			s.list = append(s.list, spanned{i, f, l})
			s.longest = max(s.longest, l-f)
		}
	}
	sort.Slice(s.list, func(a, b int) bool { return s.list[a].first < s.list[b].first })
	return s
}

// covering lists, in increasing order, the indexes of the engagements
// whose span covers d.
func (s spans) covering(d day) []int {
	var out []int
	for k := sort.Search(len(s.list), func(k int) bool { return s.list[k].first >= d-s.longest }); k < len(s.list) && s.list[k].first <= d; k++ {
		if s.list[k].last >= d {
			out = append(out, s.list[k].i)
		}
	}
	sort.Ints(out)
	return out
}

func hasPerson(e *engagement.Engagement, name string) bool {
	for _, p := range e.Participants {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// Travel is one visit between the pair: who went where, at what rank.
type Travel struct {
	ID      int64  `json:"engagement"`
	Date    string `json:"date"`
	From    string `json:"from"`
	To      string `json:"to"`
	Visitor string `json:"visitor"`
	Title   string `json:"title"`
	Rank    int    `json:"rank"`
}

// YearVisits counts the visits each way in one year; AtoB are visits by
// side A to side B's country. ByRank counts them by the visitor's rank.
type YearVisits struct {
	Year     int         `json:"year"`
	AtoB     int         `json:"a_to_b"`
	BtoA     int         `json:"b_to_a"`
	AtoBRank map[int]int `json:"a_to_b_by_rank"`
	BtoARank map[int]int `json:"b_to_a_by_rank"`
	Visits   []Travel    `json:"visits"`
}

// Reciprocity returns the visits each way per year, oldest first.
func Reciprocity(es []engagement.Engagement, p Pair) []YearVisits {
	by := map[int]*YearVisits{}
	for _, e := range selected(es, p) {
		if e.Kind != engagement.Visit || (e.HostCountry != p[0] && e.HostCountry != p[1]) {
			continue
		}
		y, ok := year(e)
		if !ok {
			continue
		}
		from := p[0]
		if e.HostCountry == p[0] {
			from = p[1]
		}
		v := topPerson(e, from)
		if v.Name == "" {
			continue
		}
		yv := by[y]
		if yv == nil {
			yv = &YearVisits{Year: y, AtoBRank: map[int]int{}, BtoARank: map[int]int{}}
			by[y] = yv
		}
		if from == p[0] {
			yv.AtoB++
			yv.AtoBRank[v.Rank]++
		} else {
			yv.BtoA++
			yv.BtoARank[v.Rank]++
		}
		yv.Visits = append(yv.Visits, Travel{ID: e.ID, Date: e.Date, From: from, To: e.HostCountry, Visitor: v.Name, Title: v.Title, Rank: v.Rank})
	}
	return sortedValues(by, func(a, b YearVisits) bool { return a.Year < b.Year })
}

// Silence is, for contacts at one level (both sides at rank ≤ MaxRank), the
// longest gap between two consecutive contacts and the time since the last.
type Silence struct {
	MaxRank     int     `json:"max_rank"`
	Contacts    int     `json:"contacts"`
	GapFrom     int64   `json:"gap_from,omitempty"` // engagement before the longest gap
	GapTo       int64   `json:"gap_to,omitempty"`   // engagement after it
	GapDays     int     `json:"gap_days"`
	GapStart    string  `json:"gap_start,omitempty"`
	GapEnd      string  `json:"gap_end,omitempty"`
	Last        int64   `json:"last,omitempty"`
	LastDate    string  `json:"last_date,omitempty"`
	DaysSince   int     `json:"days_since"`
	Note        string  `json:"note"`
	Engagements []int64 `json:"engagements"`
}

// Silences returns the silence at leader level (rank 1) and at minister
// level (rank ≤ 2), measured up to now. Contacts dated only to the month
// count from the month's first day; coarser dates are left out.
func Silences(es []engagement.Engagement, p Pair, now time.Time) []Silence {
	today := day(now.UTC().Unix() / 86400)
	var out []Silence
	for _, r := range []int{1, 2} {
		type contact struct {
			id   int64
			d    day
			date string
		}
		var cs []contact
		for _, e := range selected(es, p) {
			a, b := top(e, p[0]), top(e, p[1])
			if a == 0 || b == 0 || a > r || b > r {
				continue
			}
			d, err := engagement.ParseDate(e.Date)
			if err != nil || d.Precision() < 2 {
				continue
			}
			cs = append(cs, contact{e.ID, dayOf(d), e.Date})
		}
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
		s := Silence{MaxRank: r, Contacts: len(cs), Engagements: []int64{}}
		level := map[int]string{1: "leader", 2: "minister"}[r]
		if len(cs) == 0 {
			s.Note = fmt.Sprintf("no dated contact at %s level", level)
			out = append(out, s)
			continue
		}
		for i := 1; i < len(cs); i++ {
			if g := int(cs[i].d - cs[i-1].d); g > s.GapDays {
				s.GapDays, s.GapFrom, s.GapTo, s.GapStart, s.GapEnd = g, cs[i-1].id, cs[i].id, cs[i-1].date, cs[i].date
			}
		}
		last := cs[len(cs)-1]
		s.Last, s.LastDate, s.DaysSince = last.id, last.date, max(0, int(today-last.d))
		if s.GapFrom != 0 {
			s.Engagements = append(s.Engagements, s.GapFrom, s.GapTo)
			s.Note = fmt.Sprintf("at %s level: longest gap %d days (%s to %s); last contact %s, %d days ago",
				level, s.GapDays, s.GapStart, s.GapEnd, s.LastDate, s.DaysSince)
		} else {
			s.Note = fmt.Sprintf("at %s level: one contact, %s, %d days ago", level, s.LastDate, s.DaysSince)
		}
		if !slices.Contains(s.Engagements, last.id) {
			s.Engagements = append(s.Engagements, last.id)
		}
		out = append(out, s)
	}
	return out
}

// TopicCount is how many of the pair's engagements in one year had a topic.
type TopicCount struct {
	Year  int     `json:"year"`
	Topic string  `json:"topic"`
	Count int     `json:"count"`
	IDs   []int64 `json:"engagements"`
}

// Topics returns topic counts per year, by year then topic.
func Topics(es []engagement.Engagement, p Pair) []TopicCount {
	type key struct {
		y int
		t string
	}
	by := map[key]*TopicCount{}
	for _, e := range selected(es, p) {
		y, ok := year(e)
		if !ok {
			continue
		}
		for _, t := range e.Topics {
			k := key{y, t}
			if by[k] == nil {
				by[k] = &TopicCount{Year: y, Topic: t}
			}
			by[k].Count++
			by[k].IDs = append(by[k].IDs, e.ID)
		}
	}
	return sortedValues(by, func(a, b TopicCount) bool {
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Topic < b.Topic
	})
}

// Analysis is every finding for a pair.
type Analysis struct {
	Pair           string         `json:"pair"`
	Counts         Counts         `json:"counts"`
	Levels         []Level        `json:"levels"`
	Asymmetries    []Asymmetry    `json:"asymmetries"`
	AsymmetryShare []Share        `json:"asymmetry_share"`
	CoLocated      []CoLocated    `json:"colocated_calls"`
	Reciprocity    []YearVisits   `json:"reciprocity"`
	Silences       []Silence      `json:"silences"`
	Topics         []TopicCount   `json:"topics"`
	FirstContacts  []FirstContact `json:"first_contacts"`
}

// Analyse runs every analysis for the pair. offices may be nil (no
// first-contact signal).
func Analyse(es []engagement.Engagement, p Pair, now time.Time, offices []Office) Analysis {
	a := Analysis{Pair: p.String(), Counts: Count(es, p), Levels: Levels(es, p), CoLocated: CoLocatedCalls(es, p),
		Reciprocity: Reciprocity(es, p), Silences: Silences(es, p, now), Topics: Topics(es, p),
		FirstContacts: FirstContacts(es, p, offices)}
	a.Asymmetries, a.AsymmetryShare = Asymmetries(es, p)
	// Empty lists as [] in JSON: a client need not test for null.
	if a.Levels == nil {
		a.Levels = []Level{}
	}
	if a.Asymmetries == nil {
		a.Asymmetries = []Asymmetry{}
	}
	if a.CoLocated == nil {
		a.CoLocated = []CoLocated{}
	}
	if a.FirstContacts == nil {
		a.FirstContacts = []FirstContact{}
	}
	return a
}

// sortedValues returns the values of a map of tallies, in the order less gives.
func sortedValues[K comparable, V any](by map[K]*V, less func(a, b V) bool) []V {
	out := make([]V, 0, len(by))
	for _, v := range by {
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}
