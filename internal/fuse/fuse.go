// Package fuse decides which mentions report the same real-world engagement
// and folds the reports of one engagement into a single record.
//
// The store calls it inside the transaction that saves a document: Keys finds
// the candidate engagements, Same tests each, Build recomputes the record.
package fuse

import (
	"sort"
	"strings"
	"unicode"

	"bilat/internal/engagement"
)

// Report is one mention together with the document it came from.
type Report struct {
	Mention engagement.Mention
	DocID   int64
	URL     string
	Title   string
	// Published is the document's publication date ("" when unknown).
	Published string
}

// Keys returns the blocking keys of a mention: two mentions can only report
// the same engagement if they share a key. A call or meeting is keyed by its
// kind and each pair of participants from different countries; a visit by its
// visitor and the country visited.
func Keys(m engagement.Mention) []string {
	ps := m.Participants
	if m.Kind == engagement.Visit {
		if len(ps) == 0 {
			return nil
		}
		return []string{"visit|" + personKey(ps[0]) + "|" + m.HostCountry}
	}
	var keys []string
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			if ps[i].Country == ps[j].Country {
				continue
			}
			a, b := personKey(ps[i]), personKey(ps[j])
			if a > b {
				a, b = b, a
			}
			keys = append(keys, string(m.Kind)+"|"+a+"|"+b)
		}
	}
	return keys
}

// personKey is the folded last token of a name plus the country: stable
// across "Ishaq Dar" / "Mohammad Ishaq Dar" and "Bhutto-Zardari" / "Bhutto Zardari".
func personKey(p engagement.Participant) string {
	toks := nameTokens(p.Name)
	last := ""
	if len(toks) > 0 {
		last = toks[len(toks)-1]
	}
	return last + "@" + p.Country
}

// nameTokens splits a name into folded tokens, dropping honorifics.
func nameTokens(name string) []string {
	f := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) })
	out := f[:0]
	for _, t := range f {
		if len(t) > 1 && !honorific[t] {
			out = append(out, t)
		}
	}
	return out
}

var honorific = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "syed": true, "sir": true, "retd": true}

// samePerson reports whether two participants are the same person: the same
// country and a shared name token of three letters or more.
func samePerson(a, b engagement.Participant) bool {
	if a.Country != b.Country && a.Country != "" && b.Country != "" {
		return false
	}
	for _, x := range nameTokens(a.Name) {
		if len(x) < 3 {
			continue
		}
		for _, y := range nameTokens(b.Name) {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Same reports whether m, found in document docID, reports the engagement
// whose reports so far are rs. Two mentions of one document are never joined
// here: the extractor has already merged what one text says twice, so two
// mentions it kept apart (the first and the second call) stay apart.
func Same(rs []Report, m engagement.Mention, docID int64) bool {
	if len(rs) == 0 {
		return false
	}
	for _, r := range rs {
		if r.DocID == docID {
			return false
		}
	}
	for _, r := range rs {
		if !compatible(r.Mention, m) {
			return false
		}
	}
	return true
}

// Score ranks a compatible candidate: higher is a closer match (finer
// agreement on date, agreement on location). Callers pick the best.
func Score(rs []Report, m engagement.Mention) int {
	s := 0
	for _, r := range rs {
		p := min(r.Mention.Date.Precision(), m.Date.Precision())
		if r.Mention.Date.Truncate(p) == m.Date.Truncate(p) {
			s += p
		}
		if r.Mention.Location != "" && strings.EqualFold(r.Mention.Location, m.Location) {
			s++
		}
	}
	return s
}

func compatible(a, b engagement.Mention) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == engagement.Visit {
		if a.HostCountry != b.HostCountry || len(a.Participants) == 0 || len(b.Participants) == 0 ||
			!samePerson(a.Participants[0], b.Participants[0]) {
			return false
		}
		if !rangesMeet(a, b) {
			return false
		}
	} else {
		if !sharesTwoSides(a.Participants, b.Participants) {
			return false
		}
		if !datesClose(a.Date, b.Date) {
			return false
		}
	}
	if a.Location != "" && b.Location != "" && !strings.EqualFold(a.Location, b.Location) {
		return false
	}
	return true
}

// sharesTwoSides: the two mentions name the same person on each of two
// different countries' sides.
func sharesTwoSides(a, b []engagement.Participant) bool {
	countries := map[string]bool{}
	for _, x := range a {
		for _, y := range b {
			if samePerson(x, y) {
				countries[x.Country] = true
			}
		}
	}
	return len(countries) >= 2
}

// datesClose: compatible at the precision both state, or a day apart (one
// outlet's Thursday is another's Friday across time zones).
func datesClose(a, b engagement.Date) bool {
	if a.Compatible(b) {
		return true
	}
	if a.Precision() == 3 && b.Precision() == 3 {
		d := dayNumber(a) - dayNumber(b)
		return d >= -1 && d <= 1
	}
	return false
}

// rangesMeet: two reports of a visit whose date ranges overlap (or touch)
// at the precision both state.
func rangesMeet(a, b engagement.Mention) bool {
	if a.Date.IsZero() || b.Date.IsZero() {
		return true
	}
	ae, be := a.DateEnd, b.DateEnd
	if ae.IsZero() {
		ae = a.Date
	}
	if be.IsZero() {
		be = b.Date
	}
	return !before(ae, b.Date) && !before(be, a.Date)
}

// before reports whether x ends before y starts, comparing at the precision both state, with a day's slack.
func before(x, y engagement.Date) bool {
	p := min(x.Precision(), y.Precision())
	if p == 3 {
		return dayNumber(x)+1 < dayNumber(y)
	}
	xs, ys := x.Truncate(p), y.Truncate(p)
	return xs.Year < ys.Year || (xs.Year == ys.Year && xs.Month < ys.Month)
}

func dayNumber(d engagement.Date) int {
	// days since a fixed epoch, enough for differences (Fliegel–Van Flandern).
	y, m := d.Year, d.Month
	a := (14 - m) / 12
	y = y + 4800 - a
	m = m + 12*a - 3
	return d.Day + (153*m+2)/5 + 365*y + y/4 - y/100 + y/400 - 32045
}

// Build folds the reports of one engagement into the fused record: the date
// most reports support at the finest precision they agree on, occurred once
// any report says it happened, the location most reports give, and the union
// of participants and topics. id is the engagement's id in the store.
func Build(id int64, rs []Report) engagement.Engagement {
	e := engagement.Engagement{ID: id, Participants: []engagement.Participant{}, Topics: []string{}, Sources: []engagement.Source{}}
	if len(rs) == 0 {
		return e
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].DocID < rs[j].DocID })
	first := rs[0].Mention
	e.Kind = first.Kind
	e.Mode = engagement.Mode(majority(rs, func(m engagement.Mention) string { return string(m.Mode) }))
	e.Status = engagement.Planned
	for _, r := range rs {
		switch r.Mention.Status {
		case engagement.Occurred:
			e.Status = engagement.Occurred
		case engagement.Cancelled:
			if e.Status == engagement.Planned {
				e.Status = engagement.Cancelled
			}
		}
	}
	if e.Mode == "" {
		e.Mode = engagement.Mode(first.Mode)
	}
	d, de := fusedDate(rs)
	e.Date, e.DateEnd = d.String(), de.String()
	e.Location = majority(rs, func(m engagement.Mention) string { return m.Location })
	e.HostCountry = majority(rs, func(m engagement.Mention) string { return m.HostCountry })
	topics := map[string]bool{}
	for _, r := range rs {
		m := r.Mention
		for _, p := range m.Participants {
			merged := false
			for i, q := range e.Participants {
				if samePerson(p, q) {
					e.Participants[i] = better(q, p)
					merged = true
					break
				}
			}
			if !merged {
				e.Participants = append(e.Participants, p)
			}
		}
		for _, t := range m.Topics {
			if !topics[t] {
				topics[t] = true
				e.Topics = append(e.Topics, t)
			}
		}
		e.Sources = append(e.Sources, engagement.Source{
			DocumentID: r.DocID, URL: r.URL, Title: r.Title, Published: r.Published,
			Evidence: m.Evidence, Start: m.Start, End: m.End,
			Date: m.Date.String(), DateEnd: m.DateEnd.String(), Status: m.Status, Location: m.Location,
		})
	}
	sort.Strings(e.Topics)
	return e
}

// better keeps the fuller of two records of one person: the longer name
// (the canonical full name), and a title and rank where one is missing.
func better(a, b engagement.Participant) engagement.Participant {
	out := a
	if len(b.Name) > len(a.Name) {
		out.Name = b.Name
	}
	if out.Title == "" || (len(b.Title) > len(out.Title) && b.Rank != 0 && (out.Rank == 0 || b.Rank <= out.Rank)) {
		out.Title = b.Title
	}
	if out.Rank == 0 || (b.Rank != 0 && b.Rank < out.Rank) {
		out.Rank = b.Rank
	}
	if out.Country == "" {
		out.Country = b.Country
	}
	return out
}

func majority(rs []Report, f func(engagement.Mention) string) string {
	count := map[string]int{}
	best, n := "", 0
	for _, r := range rs {
		v := f(r.Mention)
		if v == "" {
			continue
		}
		count[v]++
		if count[v] > n {
			best, n = v, count[v]
		}
	}
	return best
}

// fusedDate picks the date the most reports support; among equally supported
// dates the finest; when the best-supported dates disagree, their common part.
func fusedDate(rs []Report) (engagement.Date, engagement.Date) {
	type cand struct {
		d, end  engagement.Date
		support int
	}
	var cs []cand
	for _, r := range rs {
		d := r.Mention.Date
		if d.IsZero() {
			continue
		}
		n := 0
		for _, o := range rs {
			if !o.Mention.Date.IsZero() && d.Compatible(o.Mention.Date) {
				n++
			}
		}
		cs = append(cs, cand{d, r.Mention.DateEnd, n})
	}
	if len(cs) == 0 {
		return engagement.Date{}, engagement.Date{}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].support != cs[j].support {
			return cs[i].support > cs[j].support
		}
		return cs[i].d.Precision() > cs[j].d.Precision()
	})
	best := cs[0]
	for _, c := range cs[1:] {
		if c.support == best.support && c.d.Precision() == best.d.Precision() && c.d != best.d {
			// tie between disagreeing readings: keep what both agree on
			p := best.d.Precision()
			for p > 0 && best.d.Truncate(p) != c.d.Truncate(p) {
				p--
			}
			return best.d.Truncate(p), engagement.Date{}
		}
	}
	return best.d, best.end
}
