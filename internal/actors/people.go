package actors

import "bilat/internal/engagement"

// Dates are compared as yyyymmdd integers. A date at month or year
// precision stands for a range: its first possible day (dayStart) to its
// last (dayEnd); day 31 is a safe last day for ordering.
const (
	openStart = 0
	openEnd   = 9999_12_31
)

func dayStart(d engagement.Date) int {
	if d.IsZero() {
		return openStart
	}
	return d.Year*10000 + max(d.Month, 1)*100 + max(d.Day, 1)
}

func dayEnd(d engagement.Date) int {
	if d.IsZero() {
		return openEnd
	}
	m, dd := d.Month, d.Day
	if m == 0 {
		m = 12
	}
	if dd == 0 {
		dd = 31
	}
	return d.Year*10000 + m*100 + dd
}

func holdingKey(country, title string) string { return country + "|" + title }

// Holder returns the one person who held the title (canonical name or any
// form) in the country on the date, at the date's precision: for a month or
// a year, the only person who held it at any time in it. Two holders in the
// period, an unknown date, an unknown title: false. An outgoing holder whose
// last day is the first day of the period gives way to the incoming one, so
// a same-day handover resolves to the successor.
func (l *Lexicon) Holder(country, title string, on engagement.Date) (*Person, bool) {
	if on.IsZero() {
		return nil, false
	}
	t, ok := l.titleByKey[titleKey(title)]
	if !ok {
		return nil, false
	}
	qs, qe := dayStart(on), dayEnd(on)
	var cands []holding
	for _, h := range l.holdings[holdingKey(country, t.Name)] {
		if h.start <= qe && h.end >= qs {
			cands = append(cands, h)
		}
	}
	if p, ok := onePerson(cands); ok {
		return p, true
	}
	var staying []holding
	for _, h := range cands {
		if h.end != qs {
			staying = append(staying, h)
		}
	}
	return onePerson(staying)
}

func onePerson(hs []holding) (*Person, bool) {
	if len(hs) == 0 {
		return nil, false
	}
	for _, h := range hs[1:] {
		if h.person != hs[0].person {
			return nil, false
		}
	}
	return hs[0].person, true
}

// OfficeOn returns the person's highest-rank office held at any time in the
// date's period. For an unknown date it returns their latest office: the
// one still held or ended last, the highest rank among equals. Remaining
// ties go to the office listed first in the data, so the data decides which
// of two concurrent offices a person is known by (Secretary of State before
// National Security Adviser).
func (l *Lexicon) OfficeOn(p *Person, on engagement.Date) (Office, bool) {
	if p == nil || len(p.Offices) == 0 {
		return Office{}, false
	}
	rank := func(o Office) int {
		if t, ok := l.titles[o.Title]; ok {
			return t.RankIn(o.Country)
		}
		return 99
	}
	best, found := Office{}, false
	if on.IsZero() {
		for _, o := range p.Offices {
			if !found || better(dayEnd(o.To), dayEnd(best.To), -rank(o), -rank(best)) {
				best, found = o, true
			}
		}
		return best, found
	}
	qs, qe := dayStart(on), dayEnd(on)
	for _, o := range p.Offices {
		if dayStart(o.From) > qe || dayEnd(o.To) < qs {
			continue
		}
		if !found || better(-rank(o), -rank(best)) {
			best, found = o, true
		}
	}
	return best, found
}

// better compares pairs (a1, b1), (a2, b2)… in order and reports whether
// the first of the first unequal pair is greater.
func better(pairs ...int) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != pairs[i+1] {
			return pairs[i] > pairs[i+1]
		}
	}
	return false
}
