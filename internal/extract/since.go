package extract

import (
	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

// sinceLast reads the contact before this one that a report names in
// passing: "their first meeting since November 2023", "the Turkish
// leader's first visit to the White House since 2019", "his first call
// with Putin since the March meeting". The one before took place at that
// date, between the same people; its kind is the noun after the date ("the
// March meeting"), else the one after "first". The date must give at least
// the month: "since 2019" is as often the office's last visit as the
// person's (measured: with bare years the blind set lost a mention).
func (d *docState) sinceLast(si int, toks []nlp.Token, atoms []atom, dates []nlp.DateExpr, made []*mention, year int) []*mention {
	var out []*mention
	for k := range toks {
		// a person's own ("their first meeting", "the leader's first
		// visit"), not an office's ("the first visit by a British
		// prime minister since 2018")
		if toks[k].Lower != "first" || k == 0 || !ownFirst[toks[k-1].Lower] {
			continue
		}
		noun, ok := triggerNear(atoms, k+1, k+4)
		elliptic := false
		if !ok && k+1 < len(toks) && toks[k+1].Lower == "since" {
			// "made a trip to Kyiv on Monday, his first since June 2022": the noun is the last one before
			for _, a := range atoms {
				if a.kind == aTrigger && a.trig.noun && a.j <= k {
					noun, ok, elliptic = atom{kind: aTrigger, i: k, j: k + 1, trig: a.trig}, true, true
				}
			}
		}
		if !ok {
			continue
		}
		s := -1
		for j := noun.j; j < len(toks) && j <= noun.j+8; j++ {
			if toks[j].Lower == "since" {
				s = j
				break
			}
			if toks[j].Text == "," || toks[j].Text == ";" {
				break
			}
		}
		if s < 0 {
			continue
		}
		var e nlp.DateExpr
		found := false
		for _, x := range dates {
			if x.Tok0 > s && x.Tok0 <= s+3 { // "since May 2023", "since the May call", "since Kazan last October"
				e, found = x, true
				break
			}
		}
		if !found {
			continue // "since taking office", "since the war began"
		}
		kind := noun.trig.kind
		if after, ok := triggerNear(atoms, e.Tok1, e.Tok1+1); ok {
			kind = after.trig.kind // "since the May call"
		}
		base := sinceBase(made)
		if elliptic {
			base = nil
			for _, m := range made {
				if m.Kind == kind && m.Status == engagement.Occurred && len(m.Participants) > 0 {
					base = m
				}
			}
		}
		if base == nil {
			continue
		}
		date, end := e.Resolve(d.refFor(year), false)
		if date.Precision() < 2 || !base.Date.IsZero() && !base.Date.Truncate(date.Precision()).After(date) {
			continue
		}
		m := &mention{Mention: base.Mention, sent: si, aside: true, dated: true}
		m.Kind, m.Status, m.Date, m.DateEnd, m.Topics = kind, engagement.Occurred, date, end, nil
		m.Location = ""
		switch {
		case kind == base.Kind:
			if kind == engagement.Visit && elliptic {
				m.Location = base.Location // "a trip to Kyiv, his first since June 2022": the same place
			} else if kind == engagement.Visit {
				m.Location = cityBetween(atoms, noun.j, s) // "his first trip to Athens since …"
			} else if kind == engagement.Meeting {
				m.Location = cityBetween(atoms, s, e.Tok0) // "their first meeting since Kazan last October"
			}
		case kind == engagement.Visit:
			// a meeting in one side's country: the other side came ("… to
			// the Oval Office, the Turkish leader's first visit since 2019")
			_, host, ok := d.x.lex.City(base.Location)
			if !ok || len(base.Participants) != 2 {
				continue
			}
			var visitor []engagement.Participant
			for _, p := range base.Participants {
				if p.Country != host {
					visitor = append(visitor, p)
				}
			}
			if len(visitor) != 1 {
				continue
			}
			m.Participants, m.HostCountry, m.Mode = visitor, host, engagement.InPerson
			if c := cityBetween(atoms, noun.j, s); c != "" {
				m.Location = c
			}
		case base.Kind == engagement.Visit:
			continue // the visitor's host is not named
		default:
			m.Mode = engagement.InPerson
			if kind == engagement.Call {
				m.Mode = engagement.Phone
			}
		}
		out = append(out, d.implied(m, "before this one"))
	}
	return out
}

var ownFirst = map[string]bool{"his": true, "her": true, "their": true, "'s": true}

// triggerNear gives the first trigger atom starting in tokens [i, j].
func triggerNear(atoms []atom, i, j int) (atom, bool) {
	for _, a := range atoms {
		if a.kind == aTrigger && a.i >= i && a.i <= j {
			return a, true
		}
	}
	return atom{}, false
}

// cityBetween gives the last city named in tokens [i, j).
func cityBetween(atoms []atom, i, j int) string {
	c := ""
	for _, a := range atoms {
		if a.kind == aCity && a.i >= i && a.j <= j {
			c = a.text
		}
	}
	return c
}

// sinceBase gives the sentence's engagement that "first … since"
// describes: the last that took place.
func sinceBase(made []*mention) *mention {
	var base *mention
	for _, m := range made {
		if m.Status != engagement.Occurred || len(m.Participants) == 0 {
			continue
		}
		base = m
	}
	return base
}
