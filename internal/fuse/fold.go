package fuse

import (
	"slices"

	"bilat/internal/engagement"
)

// Fold is Build's running state over the reports of one engagement, taken
// in document order: what the fused record needs from the reports seen so
// far, in space bounded by their distinct readings rather than their number.
// It is plain data, so a store can keep it beside the record (as JSON) and
// add a report without reading the others: Add of a report from a document
// after every earlier one gives what Build of all of them gives.
//
// The zero Fold has no reports.
type Fold struct {
	N      int               `json:"n"`       // reports folded
	MaxDoc int64             `json:"max_doc"` // the largest document id among them
	Kind   engagement.Kind   `json:"kind"`    // the first report's
	First  engagement.Status `json:"first"`   // the first report's status
	Mode   Tally             `json:"mode"`
	Loc    Tally             `json:"location"`
	Host   Tally             `json:"host"`
	// Statuses are the statuses reported, in first-seen order.
	Statuses []engagement.Status `json:"statuses,omitempty"`
	// Dates and Ends count the reports' known dates and end dates.
	Dates []Count `json:"dates,omitempty"`
	Ends  []Count `json:"ends,omitempty"`
	// Participants are the fused participants so far.
	Participants []engagement.Participant `json:"participants,omitempty"`
	// Topics is the union of the reports' topics, sorted.
	Topics []string `json:"topics,omitempty"`
	// Shapes are the distinct readings of what Same, Score and Keys look
	// at (kind, people, host, location, dates), with how many reports
	// give each.
	Shapes []Shape `json:"shapes"`
}

// Tally counts a string field's non-empty values; Best is majority's
// answer over the values added (the first to reach the highest count).
type Tally struct {
	Counts map[string]int `json:"counts,omitempty"`
	Best   string         `json:"best,omitempty"`
	N      int            `json:"n,omitempty"`
}

func (t *Tally) add(v string) {
	if v == "" {
		return
	}
	if t.Counts == nil {
		t.Counts = map[string]int{}
	}
	t.Counts[v]++
	if c := t.Counts[v]; c > t.N {
		t.Best, t.N = v, c
	}
}

// Count is a value and the number of reports giving it.
type Count struct {
	Value string `json:"v"`
	N     int    `json:"n"`
}

func addCount(cs []Count, v string) []Count {
	for i := range cs {
		if cs[i].Value == v {
			cs[i].N++
			return cs
		}
	}
	return append(cs, Count{v, 1})
}

// Shape is one reading of the fields fusion compares, and how many reports
// give it.
type Shape struct {
	Kind          engagement.Kind `json:"kind"`
	People        []Person        `json:"people"`
	HostCountry   string          `json:"host,omitempty"`
	Location      string          `json:"location,omitempty"`
	Date          string          `json:"date,omitempty"`
	DateEnd       string          `json:"date_end,omitempty"`
	N             int             `json:"n"`
	date, dateEnd engagement.Date
	parsed        bool
}

// Person is a participant as fusion compares it: name and country.
type Person struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
}

func shapeOf(m engagement.Mention) Shape {
	s := Shape{Kind: m.Kind, HostCountry: m.HostCountry, Location: m.Location, Date: m.Date.String(), DateEnd: m.DateEnd.String(),
		date: m.Date, dateEnd: m.DateEnd, parsed: true}
	for _, p := range m.Participants {
		s.People = append(s.People, Person{p.Name, p.Country})
	}
	return s
}

func (s *Shape) same(o *Shape) bool {
	return s.Kind == o.Kind && s.HostCountry == o.HostCountry && s.Location == o.Location && s.Date == o.Date &&
		s.DateEnd == o.DateEnd && slices.Equal(s.People, o.People)
}

// Mention is the shape as a mention (with only the compared fields set).
func (s *Shape) Mention() engagement.Mention {
	if !s.parsed {
		s.date, _ = engagement.ParseDate(s.Date)
		s.dateEnd, _ = engagement.ParseDate(s.DateEnd)
		s.parsed = true
	}
	m := engagement.Mention{Kind: s.Kind, HostCountry: s.HostCountry, Location: s.Location, Date: s.date, DateEnd: s.dateEnd,
		Participants: make([]engagement.Participant, len(s.People))}
	for i, p := range s.People {
		m.Participants[i] = engagement.Participant{Name: p.Name, Country: p.Country}
	}
	return m
}

// NewFold folds rs in document order (as Build does).
func NewFold(rs []Report) *Fold {
	rs = slices.Clone(rs)
	slices.SortStableFunc(rs, func(a, b Report) int { return compareInt(a.DocID, b.DocID) })
	f := &Fold{}
	for _, r := range rs {
		f.Add(r)
	}
	return f
}

func compareInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Add folds one more report. It gives Build's result only when r's
// document comes after (or is) every earlier report's: r.DocID >= MaxDoc.
func (f *Fold) Add(r Report) {
	m := r.Mention
	if f.N == 0 {
		f.Kind, f.First, f.MaxDoc = m.Kind, m.Status, r.DocID
	}
	f.N++
	f.MaxDoc = max(f.MaxDoc, r.DocID)
	f.Mode.add(string(m.Mode))
	f.Loc.add(m.Location)
	f.Host.add(m.HostCountry)
	if !slices.Contains(f.Statuses, m.Status) {
		f.Statuses = append(f.Statuses, m.Status)
	}
	if !m.Date.IsZero() {
		f.Dates = addCount(f.Dates, m.Date.String())
	}
	if !m.DateEnd.IsZero() {
		f.Ends = addCount(f.Ends, m.DateEnd.String())
	}
	// The participants of one report are different people: two of them
	// never merge into one.
	claimed := make([]bool, len(f.Participants))
	for _, p := range m.Participants {
		if i := bestMatch(p, f.Participants, claimed); i >= 0 {
			f.Participants[i] = better(f.Participants[i], p)
			claimed[i] = true
		} else {
			f.Participants = append(f.Participants, p)
			claimed = append(claimed, true)
		}
	}
	for _, t := range m.Topics {
		if i, found := slices.BinarySearch(f.Topics, t); !found {
			f.Topics = slices.Insert(f.Topics, i, t)
		}
	}
	s := shapeOf(m)
	for i := range f.Shapes {
		if f.Shapes[i].same(&s) {
			f.Shapes[i].N++
			return
		}
	}
	s.N = 1
	f.Shapes = append(f.Shapes, s)
}

// Engagement is the fused record of the reports folded, without sources
// (Sources is empty): Build's result but for them.
func (f *Fold) Engagement(id int64) engagement.Engagement {
	e := engagement.Engagement{ID: id, Participants: slices.Clone(f.Participants), Topics: slices.Clone(f.Topics),
		Sources: []engagement.Source{}}
	if e.Participants == nil {
		e.Participants = []engagement.Participant{}
	}
	if e.Topics == nil {
		e.Topics = []string{}
	}
	if f.N == 0 {
		return e
	}
	e.Kind = f.Kind
	e.Mode = engagement.Mode(f.Mode.Best)
	e.Status = f.First
	// occurred once any report says it happened; else cancelled once any
	// says so; else planned when any says so
	for _, s := range []engagement.Status{engagement.Planned, engagement.Cancelled, engagement.Occurred} {
		if slices.Contains(f.Statuses, s) {
			e.Status = s
		}
	}
	d, de := f.date()
	e.Date, e.DateEnd = d.String(), de.String()
	e.Location = f.Loc.Best
	e.HostCountry = f.Host.Best
	return e
}

// Same reports whether m is compatible with every report folded (Same of
// those reports, but for the rule on mentions of one document, which the
// caller checks).
func (f *Fold) Same(m engagement.Mention) bool {
	if f.N == 0 {
		return false
	}
	for i := range f.Shapes {
		if !compatible(f.Shapes[i].Mention(), m) {
			return false
		}
	}
	return true
}

// Score is Score of the reports folded.
func (f *Fold) Score(m engagement.Mention) int {
	if f.N == 0 {
		return 0
	}
	s := 0
	for i := range f.Shapes {
		r := f.Shapes[i].Mention()
		k := 0
		p := min(r.Date.Precision(), m.Date.Precision())
		if r.Date.Truncate(p) == m.Date.Truncate(p) {
			k += p
		}
		if r.Location != "" && m.Location != "" && sameLocation(r.Location, m.Location) {
			k++
		}
		s += k * f.Shapes[i].N
	}
	return 100*s/f.N + min(f.N, 99)
}

// Readings are the distinct readings of the reports folded, as mentions
// with the compared fields set: Keys and the date ranges of all the reports
// are those of these.
func (f *Fold) Readings() []engagement.Mention {
	out := make([]engagement.Mention, len(f.Shapes))
	for i := range f.Shapes {
		out[i] = f.Shapes[i].Mention()
	}
	return out
}

type dateCount struct {
	d engagement.Date
	n int
}

func parseCounts(cs []Count) []dateCount {
	out := make([]dateCount, 0, len(cs))
	for _, c := range cs {
		d, _ := engagement.ParseDate(c.Value) // written by Date.String
		out = append(out, dateCount{d, c.N})
	}
	return out
}

// date folds the reports' dates and their end dates. The end is kept only
// when it falls after the fused date.
func (f *Fold) date() (engagement.Date, engagement.Date) {
	d := foldDates(parseCounts(f.Dates))
	if d.IsZero() || len(f.Ends) == 0 {
		return d, engagement.Date{}
	}
	end := foldDates(parseCounts(f.Ends))
	p := min(d.Precision(), end.Precision())
	if !end.Truncate(p).After(d.Truncate(p)) {
		end = engagement.Date{}
	}
	return d, end
}

// foldDates picks the date most of ds support at the finest precision
// where one reading leads: from the day down to the year, the reading that
// more dates are compatible with than with any other. 2022-12 and
// 2022-12-20 give 2022-12-20; a Thursday and a Friday in one report each
// give their month; two reports of Friday against one of Thursday give
// Friday. When no precision has a leader (the 31st and the 1st across a
// year's end), the earliest of the finest dates. ds are distinct dates with
// the number of reports giving each.
func foldDates(ds []dateCount) engagement.Date {
	if len(ds) == 0 {
		return engagement.Date{}
	}
	finest := 0
	for _, d := range ds {
		finest = max(finest, d.d.Precision())
	}
	for p := finest; p >= 1; p-- {
		var best engagement.Date
		bestN, tie := 0, false
		var seen []engagement.Date
		for _, d := range ds {
			if d.d.Precision() < p {
				continue
			}
			c := d.d.Truncate(p)
			if slices.Contains(seen, c) {
				continue
			}
			seen = append(seen, c)
			n := 0
			for _, o := range ds {
				if c.Compatible(o.d) {
					n += o.n
				}
			}
			switch {
			case n > bestN:
				best, bestN, tie = c, n, false
			case n == bestN:
				tie = true
			}
		}
		if !tie {
			return best
		}
	}
	var out engagement.Date
	for _, d := range ds {
		if d.d.Precision() == finest && (out.IsZero() || out.After(d.d)) {
			out = d.d
		}
	}
	return out
}
