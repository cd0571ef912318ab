package extract

import (
	"slices"
	"strings"

	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

// Engagements a sentence implies without a trigger of its own: a joint
// subject's verb, the sidelines of a summit, a departure, a delegation led
// abroad, a second contact ("and again in …"), a guest welcomed to the
// host's capital, and two people of one country met together.

// jointSubject finds "A and B <joint verb>" with A and B named people: a
// meeting between them (a call when the sentence says so is found by its own trigger).
func jointSubject(toks []nlp.Token, refs []pref) []atom {
	// "the two fly to Marseille and inaugurate the consulate": a plural subject
	for _, r := range refs {
		if !r.plural || len(r.ents) != 2 {
			continue
		}
		for j := r.j; j < len(toks) && j < r.j+12; j++ {
			if jointVerbs[toks[j].Lower] && !written(toks, j+1) {
				return []atom{{kind: aTrigger, i: j, j: j + 1, trig: trigger{kind: engagement.Meeting, mode: engagement.InPerson}}}
			}
			if toks[j].Text == "," || toks[j].Text == ";" {
				break
			}
		}
		break
	}
	for k := 0; k+1 < len(refs); k++ {
		a, b := refs[k], refs[k+1]
		// "A and B agreed", and in headlines "A, B discuss"
		if len(a.ents) != 1 || len(b.ents) != 1 || a.plural || b.plural || b.i != a.j+1 ||
			!(toks[a.j].Lower == "and" || toks[a.j].Text == "," && a.i == 0 && len(toks) < 16) {
			continue
		}
		j := b.j
		for j < len(toks) && j < b.j+3 && (toks[j].Lower == "have" || toks[j].Lower == "had" || toks[j].Lower == "on" || toks[j].Lower == "also") {
			j++
		}
		if j < len(toks) && jointVerbs[toks[j].Lower] && !written(toks, j+1) {
			return []atom{{kind: aTrigger, i: j, j: j + 1, trig: trigger{kind: engagement.Meeting, mode: engagement.InPerson}}}
		}
		// "Macron and Putin spoke on Sunday, the Elysee said": a call, unless the sentence puts them in one room
		if j < len(toks) && jointSpoke[toks[j].Lower] && (j+1 == len(toks) || !jointSpokeNot[toks[j+1].Lower]) {
			return []atom{{kind: aTrigger, i: j, j: j + 1, trig: trigger{kind: engagement.Call, mode: engagement.Phone, spoke: true}}}
		}
	}
	return nil
}

// pressVerbs are what a visitor does to a host face to face.
var pressVerbs = map[string]bool{"pressed": true, "urged": true, "told": true, "asked": true, "assured": true, "briefed": true,
	"thanked": true, "lobbied": true, "persuaded": true, "reassured": true, "warned": true, "congratulated": true}

// visitThenPress finds "travelled to Sochi on September 4 and pressed Putin
// to revive it": a visitor and a host of the place just named, face to face.
func (d *docState) visitThenPress(toks []nlp.Token, atoms []atom, refs []pref, trigs []atom) []atom {
	for _, t := range trigs {
		if t.trig.kind != engagement.Visit || t.trig.noun {
			continue
		}
		place := ""
		for _, a := range atoms {
			if a.i >= t.j && a.i <= t.j+3 && a.kind == aCountry && !a.poss {
				place = a.code
			}
			if a.i >= t.j && a.i <= t.j+3 && a.kind == aCity {
				_, place, _ = d.x.lex.City(a.text)
			}
			if place != "" {
				break
			}
		}
		if place == "" {
			continue
		}
		for k := t.j; k+2 < len(toks) && k < t.j+12; k++ {
			if (toks[k].Text == "," && toks[k+1].Lower != "and" || toks[k].Text == ";") && !inDate(atoms, k) {
				break
			}
			if toks[k].Lower != "and" || !pressVerbs[toks[k+1].Lower] {
				continue
			}
			for _, r := range refs {
				if r.i == k+2 && len(r.ents) == 1 && r.ents[0].country == place {
					return []atom{{kind: aTrigger, i: k + 1, j: k + 2, trig: trigger{kind: engagement.Meeting, mode: engagement.InPerson, obj: true}}}
				}
			}
			break
		}
	}
	return nil
}

// sidelines finds "on the sidelines (margins) of the summit, X told Y …": X
// and Y met there, whatever the verb.
func sidelines(toks []nlp.Token, refs []pref) []atom {
	if !sentenceHas(toks, "sidelines") && !sentenceHas(toks, "margins") && !sentenceHas(toks, "margin") {
		return nil
	}
	for k := 0; k+1 < len(refs); k++ {
		a, b := refs[k], refs[k+1]
		if len(a.ents) != 1 || len(b.ents) != 1 || a.plural || b.plural || a.ents[0] == b.ents[0] {
			continue
		}
		if a.ents[0].country == "" || b.ents[0].country == "" || a.ents[0].country == b.ents[0].country || b.i-a.j > 4 || b.i == a.j {
			continue
		}
		return []atom{{kind: aTrigger, i: a.j, j: a.j + 1, trig: trigger{kind: engagement.Meeting, mode: engagement.InPerson}}}
	}
	return nil
}

// allGatherings reports whether every trigger names a multilateral
// gathering ("on the margins of the SCO summit, Modi told Putin …").
func allGatherings(toks []nlp.Token, trigs []atom) bool {
	for _, t := range trigs {
		if !t.trig.noun || !multiCues[toks[t.j-1].Lower] {
			return false
		}
	}
	return true
}

func allVisits(trigs []atom) bool {
	for _, t := range trigs {
		if t.trig.kind != engagement.Visit {
			return false
		}
	}
	return true
}

func allNounVisits(trigs []atom) bool {
	for _, t := range trigs {
		if t.trig.kind != engagement.Visit || !t.trig.noun {
			return false
		}
	}
	return true
}

// sentTrips finds "sent Foreign Minister Mauro Vieira to Buenos Aires",
// "dispatched his envoy to Moscow": the person sent makes the trip.
func sentTrips(toks []nlp.Token, refs []pref) []atom {
	var out []atom
	for i, t := range toks {
		if t.Lower != "sent" && t.Lower != "dispatched" && t.Lower != "sends" && t.Lower != "dispatches" {
			continue
		}
		for _, r := range refs {
			if r.i > i && r.i <= i+2 && len(r.ents) == 1 && !r.plural && r.j < len(toks) && toks[r.j].Lower == "to" {
				out = append(out, atom{kind: aTrigger, i: r.j, j: r.j + 1, trig: trigger{kind: engagement.Visit, mode: engagement.InPerson, dest: true}})
			}
		}
	}
	return out
}

// departures finds a departure with its time between verb and destination:
// "Modi leaves on Saturday for Abu Dhabi", "left late on Monday for Tokyo".
func departures(toks []nlp.Token, atoms []atom, trigs []atom) []atom {
	var out []atom
	for i, t := range toks {
		switch t.Lower {
		case "leaves", "left", "leaving", "leave", "depart", "departs", "departed", "departing":
		default:
			continue
		}
		for k := i + 2; k < len(toks) && k <= i+5; k++ {
			if toks[k].Text == "," || toks[k].Text == ";" {
				break
			}
			if toks[k].Lower != "for" {
				continue
			}
			placed := false
			for _, a := range atoms {
				if a.i == k+1 && (a.kind == aCity || a.kind == aCountry && !a.poss) {
					placed = true
				}
			}
			covered := false
			for _, tr := range trigs {
				if tr.i <= i && tr.j > i {
					covered = true
				}
			}
			if placed && !covered {
				out = append(out, atom{kind: aTrigger, i: i, j: k + 1, trig: trigger{kind: engagement.Visit, mode: engagement.InPerson, dest: true}})
			}
			break
		}
	}
	return out
}

// delegationTrips finds "led a (high-level) US delegation to Islamabad": the
// leader's visit.
func delegationTrips(toks []nlp.Token, atoms []atom) []atom {
	var out []atom
	for i, t := range toks {
		if (t.Lower == "delegation" || t.Lower == "team") && i+1 < len(toks) && toks[i+1].Lower == "to" {
			for k := i - 1; k >= 0 && k >= i-5; k-- {
				if l := toks[k].Lower; l == "led" || l == "leading" || l == "leads" || l == "headed" || l == "heading" || l == "heads" {
					out = append(out, atom{kind: aTrigger, i: i, j: i + 2, trig: trigger{kind: engagement.Visit, mode: engagement.InPerson, dest: true}})
					break
				}
			}
		}
	}
	return out
}

// jointObjects: "met him and the king at Al-Salam Palace": one meeting
// with the objects of one country, named together (not "separately", nor
// "in turn").
func jointObjects(toks []nlp.Token, kind engagement.Kind, right []pref, out []*mention) *mention {
	if kind != engagement.Meeting || len(out) < 2 || sentenceHas(toks, "separately") || sentenceHas(toks, "respectively") || sentenceHas(toks, "turn") {
		return nil
	}
	c := out[0].Participants[1].Country
	for _, m := range out[1:] {
		if m.Participants[0].Name != out[0].Participants[0].Name || m.Participants[1].Country != c || !m.Date.Compatible(out[0].Date) {
			return nil
		}
	}
	if len(right) < len(out) {
		return nil
	}
	for k := 1; k < len(out); k++ {
		sep := toks[right[k-1].j:right[k].i]
		if len(sep) == 2 && determiners[sep[1].Lower] {
			sep = sep[:1] // "him and the king"
		}
		if len(sep) != 1 || sep[0].Lower != "and" && sep[0].Text != "," {
			return nil
		}
	}
	j := &mention{Mention: out[0].Mention, sent: out[0].sent, ordinal: out[0].ordinal}
	j.Participants = slices.Clone(out[0].Participants)
	for _, m := range out[1:] {
		j.Participants = append(j.Participants, m.Participants[1])
	}
	return j
}

// welcomedTo reads "Duda welcomed Zelensky to Warsaw": the guest came to
// the host's country, a visit besides the meeting.
func (d *docState) welcomedTo(si int, toks []nlp.Token, atoms []atom, t atom, right []pref, out []*mention) *mention {
	if len(out) != 1 || len(right) == 0 || !strings.HasPrefix(toks[t.i].Lower, "welcom") {
		return nil
	}
	k := right[0].j
	if k+1 >= len(toks) || toks[k].Lower != "to" {
		return nil
	}
	for _, a := range atoms {
		if a.kind != aCity || a.i != k+1 {
			continue
		}
		host, guest := out[0].Participants[0], out[0].Participants[1]
		if _, c, ok := d.x.lex.City(a.text); ok && c == host.Country && guest.Country != "" && guest.Country != c {
			v := &mention{Mention: out[0].Mention, sent: si}
			v.Kind, v.Mode, v.HostCountry, v.Location, v.Topics = engagement.Visit, engagement.InPerson, c, a.text, nil
			v.Participants = []engagement.Participant{guest, host}
			d.tracef("    → the guest's visit: %s %s %s%s", v.Status, v.Date, guest.Name, hostText(v))
			return v
		}
	}
	return nil
}

// again reads "…, and again in Washington that September" ("and then in
// Vientiane on 25 July") after a meeting
// or a call: one more of the same, at that date and place.
func (d *docState) again(si int, toks []nlp.Token, atoms []atom, dates []nlp.DateExpr, last *mention, year int) []*mention {
	if last.Kind == engagement.Visit {
		return nil
	}
	for k := 1; k < len(toks); k++ {
		switch {
		case toks[k-1].Lower != "and" && toks[k-1].Text != ",":
			continue
		case toks[k].Lower == "again":
		case (toks[k].Lower == "then" || toks[k].Lower == "later") && k+1 < len(toks) && (toks[k+1].Lower == "in" || toks[k+1].Lower == "on"):
			// "twice, first in Astana and later in Vientiane", "and then in Vientiane on 25 July"
		default:
			continue
		}
		city := ""
		for _, a := range atoms {
			if a.kind == aCity && a.i > k && a.i <= k+4 {
				city = a.text
			}
		}
		date, end := engagement.Date{}, engagement.Date{}
		for _, e := range dates {
			if e.Tok0 > k && e.Tok0 <= k+6 {
				date, end = e.Resolve(d.refFor(year), last.Status == engagement.Planned)
				break
			}
		}
		switch {
		case date.IsZero() && city != "" && city != last.Location && sentenceHas(toks, "twice"):
			date, end = last.Date, last.DateEnd // the second of two, known by its place
		case date.IsZero() || date == last.Date:
			return nil
		}
		m := &mention{Mention: last.Mention, sent: si}
		m.Date, m.DateEnd, m.Location, m.Topics = date, end, city, nil
		return []*mention{d.implied(m, "again")}
	}
	return nil
}

// listed reads a list of further meetings after one: "held talks with
// Putin in Tehran on July 19, 2022; in Sochi on August 5, 2022; and in
// Astana on October 13", "met on the sidelines of the SCO summit in Astana
// on July 3 and of the BRICS summit in Kazan on October 23". Each item
// with its own date is one more of the same, at that place.
func (d *docState) listed(si int, toks []nlp.Token, atoms []atom, dates []nlp.DateExpr, made []*mention, year int) []*mention {
	var base *mention
	for _, m := range made {
		if m.Kind != engagement.Visit && m.Status == engagement.Occurred && len(m.Participants) == 2 {
			base = m // the main clause's, the first
			break
		}
	}
	if base == nil {
		return nil
	}
	var out []*mention
	for k := 1; k+1 < len(toks); k++ {
		item := toks[k-1].Text == ";" && (toks[k].Lower == "in" || toks[k].Lower == "and" && toks[k+1].Lower == "in") ||
			toks[k-1].Lower == "and" && toks[k].Lower == "of" && k+1 < len(toks) && toks[k+1].Lower == "the"
		if !item {
			continue
		}
		end := k + 10
		for j := k; j < len(toks) && j < end; j++ {
			if toks[j].Text == ";" || toks[j].Text == "." {
				end = j
			}
		}
		var e *nlp.DateExpr
		for x := range dates {
			if dates[x].Tok0 > k && dates[x].Tok0 < end {
				e = &dates[x]
				break
			}
		}
		if e == nil {
			continue
		}
		date, dateEnd := e.Resolve(d.refFor(year), false)
		if date.IsZero() || date == base.Date {
			continue
		}
		m := &mention{Mention: base.Mention, sent: si, dated: true}
		m.Date, m.DateEnd, m.Location, m.Topics = date, dateEnd, cityBetween(atoms, k, e.Tok0), nil
		out = append(out, d.implied(m, "and also"))
	}
	return out
}

// implied records a mention a sentence implies beside its own ("again",
// "and also", "before this one"): traced, marked if it repeats an earlier
// one, and kept.
func (d *docState) implied(m *mention, how string) *mention {
	d.tracef("    → %s: %s %s %s %s%s", how, m.Kind, m.Status, m.Date, participantsText(m.Participants), hostText(m))
	m.fresh = !d.duplicate(m)
	d.mentions = append(d.mentions, m)
	return m
}

// inDate reports whether token k is part of a date ("September 4, 2023").
func inDate(atoms []atom, k int) bool {
	return slices.ContainsFunc(atoms, func(a atom) bool { return a.kind == aDate && a.i <= k && k < a.j })
}
