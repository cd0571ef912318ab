package extract

import (
	"slices"
	"strings"

	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

// visits builds the visit mentions of a trigger: the visitor and each place
// visited ("travelled to Islamabad and Ankara").
func (d *docState) visits(si int, toks []nlp.Token, atoms []atom, t atom, base engagement.Mention, L, R []*entity, left, right []pref, firstTrigger bool) ([]*mention, []*entity, string) {
	var visitor *entity
	byOf := func(r pref) bool {
		return r.i > 0 && (toks[r.i-1].Lower == "of" || toks[r.i-1].Lower == "by") && r.i-t.j <= 6 && len(r.ents) > 0
	}
	switch {
	case firstTo(toks, t) && len(left) > 0 && len(left[len(left)-1].ents) == 1 && !left[len(left)-1].plural:
		// "received Sheikh Tahnoun, the most senior Emirati official to visit Qatar since …": the one described
		visitor = left[len(left)-1].ents[0]
	case toks[t.i].Lower == "to" && len(left) > 0 && left[len(left)-1].j == t.i && len(left[len(left)-1].ents) == 1:
		// "sent Foreign Minister Mauro Vieira to Buenos Aires": the one sent
		visitor = left[len(left)-1].ents[0]
	case !t.trig.noun && t.i > 0 && participleAfter[toks[t.i-1].Lower] && strings.HasSuffix(toks[t.i].Lower, "ing"):
		// "…, before returning to New Delhi": the clause's subject travels
		for _, r := range d.sentRefs {
			if r.i < t.i && len(r.ents) == 1 && !r.plural {
				visitor = r.ents[0]
				break
			}
		}
	case !t.trig.noun && len(L) > 0:
		visitor = L[0]
	case t.trig.noun && t.j < len(toks) && toks[t.j].Lower == "by" && !(len(right) > 0 && byOf(right[0])):
		// "the first visit by a US secretary of state": someone unnamed
	case t.trig.noun && len(right) > 0 && right[0].i <= t.j+2 && byOf(right[0]) && !right[0].plural && len(right[0].ents) == 1:
		// "his appreciation … that the visit by President Marcos to Japan": the one after "by"
		visitor = right[0].ents[0]
	case t.trig.noun && len(left) > 0 && whoBefore(toks, t, left[len(left)-1]):
		// "…, who is paying a state visit to China"
		visitor = left[len(left)-1].ents[0]
	case t.trig.noun && len(L) > 0 && (firstTrigger || possessedBy(toks, t, L)):
		// "X paid a visit", "his visit", "X's visit"
		visitor = L[0]
	case len(right) > 0 && byOf(right[0]):
		// "the visit of X", "a visit by X", "the recent visit to Pakistan of X"
		visitor = right[0].ents[0]
	case len(right) > 1 && byOf(right[1]):
		visitor = right[1].ents[0]
	case !t.trig.noun && len(R) > 0:
		visitor = R[0]
	case firstTrigger && len(right) > 0 && len(right[0].ents) > 0 && commaBetween(toks, t.j, right[0].i):
		// "On a ten-day trip in September, Bilawal attended …": the subject after the fronted phrase
		visitor = right[0].ents[0]
	}
	// "X invited Y to visit", "X's invitation to Y to visit the kingdom":
	// Y is the visitor, X the host
	var inviter *entity
	if k := invitationAt(toks, t.i); k >= 0 && acceptedAt(toks, k) {
		// "X accepted an invitation from Y to visit Ottawa": X goes
		for _, r := range append(append([]pref{}, left...), right...) {
			if len(r.ents) == 1 && !r.plural && r.j <= k-2 {
				visitor = r.ents[0]
			}
			if len(r.ents) == 1 && !r.plural && r.i > k && r.j <= t.i && toks[r.i-1].Lower == "from" {
				inviter = r.ents[0]
			}
		}
	} else if k >= 0 {
		var invitee *entity
		for _, r := range append(append([]pref{}, left...), right...) {
			if len(r.ents) == 1 && !r.plural && r.i > k && r.j <= t.i {
				invitee = r.ents[0]
			}
			if len(r.ents) == 1 && !r.plural && r.j <= k && r.i < k {
				inviter = r.ents[0]
			}
		}
		if invitee != nil {
			visitor = invitee
		}
	}
	var focus *dest // the place of the meeting in focus, when the trip is the one it was held on
	if visitor == nil && tripNoun(toks, t) && definite(toks, t.i) && base.Status == engagement.Occurred {
		if v, ds, ok := d.meetingAbroad(si, nil, base.Date); ok {
			visitor, focus = v, &ds
			d.tracef("    trigger %q: the visit of the meeting in focus", toks[t.i].Text)
		}
	}
	if visitor == nil {
		return nil, nil, "no identified visitor"
	}
	// destinations after the trigger, or a place right before the noun ("his Washington visit")
	var dests []dest
	add := func(a atom) {
		switch a.kind {
		case aCity:
			if _, c, ok := d.x.lex.City(a.text); ok {
				dests = append(dests, dest{a.text, c})
			}
		case aCountry:
			if !a.poss {
				dests = append(dests, dest{d.capitalAfter(toks, a), a.code})
			}
		}
	}
	startTo := t.j
	if last := toks[t.j-1].Lower; !t.trig.noun && (last == "travelled" || last == "traveled" || last == "travels" || last == "flew") {
		// "travelled on from Marseille to Washington": the place after "to"
		startTo = -1
		for k := t.j; k < min(len(toks), t.j+6); k++ {
			if toks[k].Lower == "to" {
				startTo = k + 1
				break
			}
		}
		if startTo < 0 && !arrival(toks, t) {
			return nil, []*entity{visitor}, "no destination"
		}
	}
	verbal := t.i > 0 && verbBefore[toks[t.i-1].Lower] // "will visit China", "to visit Japan"
	if t.trig.noun && !verbal && startTo < len(toks) {
		// a noun needs "to": "visit to the US", "10-day trip to Beijing"
		startTo = -1
		paren := false
		from := t.j
		// "the visit of German Chancellor Olaf Scholz to India": look past the visitor
		if from+1 < len(toks) && toks[from+1].Lower == "by" && (toks[from].Lower == "paid" || toks[from].Lower == "made" || toks[from].Lower == "undertaken") {
			from++ // "the visit paid by President Raisi to Oman"
		}
		if from < len(toks) && (toks[from].Lower == "of" || toks[from].Lower == "by") {
			for _, r := range right {
				if r.i == from+1 {
					from = r.j
				}
			}
		}
		for k, n := from, 0; k < len(toks) && n < 3; k++ {
			switch toks[k].Text {
			case "(":
				paren = true
				continue
			case ")":
				paren = false
				continue
			}
			if paren {
				continue
			}
			if toks[k].Lower == "to" || toks[k].Lower == "of" && (toks[t.i].Lower == "tour" || toks[t.i].Lower == "tours") {
				startTo = k + 1 // "visit to Japan", "a tour of the Gulf"
				break
			}
			n++
		}
	}
	if startTo >= 0 {
		next := startTo
		// "arrived in the southern city of Guangzhou": the place after "city of"
		for k := startTo; k < len(toks) && k < startTo+4; k++ {
			if w := toks[k].Lower; (w == "city" || w == "port" || w == "town" || w == "capital") && k+1 < len(toks) && toks[k+1].Lower == "of" && toks[startTo].Lower == "the" {
				next = k + 2
				break
			}
		}
		for _, a := range atoms {
			if a.i < next || a.i > next+2 {
				continue
			}
			if a.kind != aCity && a.kind != aCountry {
				break
			}
			if slices.ContainsFunc(toks[next:a.i], func(w nlp.Token) bool { return w.Lower == "from" || w.Lower == "via" }) {
				break // "came to Budapest from Belgrade": where the trip set out from
			}
			// a country adjective before a title is a person's, not a destination
			if a.kind == aCountry && a.j < len(toks) && isTitleAt(atoms, a.j) {
				break
			}
			add(a)
			next = a.j
			if next < len(toks) && (toks[next].Lower == "and" || toks[next].Text == ",") {
				next++
			}
		}
	}
	if len(dests) == 0 && startTo >= 0 && startTo < len(toks) && toks[startTo].Lower == "the" {
		// "flew to the Al Asad air base in western Iraq": the place the base is in
		for k := startTo + 1; k < len(toks) && k <= startTo+8 && !clauseEnd[toks[k].Lower]; k++ {
			if toks[k].Lower != "in" {
				continue
			}
			for _, a := range atoms {
				if (a.kind == aCountry && !a.poss || a.kind == aCity) && (a.i == k+1 || a.i == k+2 && (compass[toks[k+1].Lower] || toks[k+1].Lower == "the")) {
					add(a)
				}
			}
			break
		}
	}
	if len(dests) == 0 && startTo >= 0 {
		// "visited the White House": a seat of government places the trip
		for k := startTo; k < min(len(toks), startTo+2); k++ {
			if city, l := d.x.venues.match(toks, k, lowerKey); l > 0 {
				if _, c, ok := d.x.lex.City(city); ok {
					dests = append(dests, dest{city, c})
				}
				break
			}
		}
	}
	if len(dests) == 0 && t.trig.noun {
		for _, a := range atoms {
			if a.j == t.i && (a.kind == aCity || a.kind == aCountry && !a.poss) {
				add(a)
			}
		}
		// "his previous White House visit": a seat of government before the noun
		for k := max(0, t.i-3); k < t.i && len(dests) == 0; k++ {
			if city, l := d.x.venues.match(toks, k, lowerKey); l > 0 && k+l == t.i {
				if _, c, ok := d.x.lex.City(city); ok {
					dests = append(dests, dest{city, c})
				}
			}
		}
	}
	if len(dests) == 0 && (toks[t.i].Lower == "trip" || toks[t.i].Lower == "tour" || t.trig.noun) {
		// "a state visit that began in Shanghai", "stays on in Brazil for a state visit"
		for _, a := range atoms {
			trip := toks[t.i].Lower == "trip" || toks[t.i].Lower == "tour"
			if a.i > 0 && toks[a.i-1].Lower == "in" && (trip && a.kind == aCity ||
				(a.kind == aCity || a.kind == aCountry && !a.poss && !isTitleAt(atoms, a.j)) && a.i >= t.i-8 && a.i <= t.j+8 && !commaBetween(toks, min(a.i, t.j), max(a.i, t.i))) {
				add(a)
				break
			}
		}
	}
	// "the visiting Chinese premier held talks with X": the country the visitor is in
	if len(dests) == 0 && toks[t.i].Lower == "visiting" && len(right) > 0 && right[0].i == t.j && len(right[0].ents) == 1 {
		visitor = right[0].ents[0]
		host := d.dateline.country
		for _, r := range d.sentRefs {
			if len(r.ents) == 1 && r.ents[0].country != "" && r.ents[0].country != visitor.country {
				host = r.ents[0].country // "X met with visiting Y": Y is in X's country
				break
			}
		}
		if host != "" && host != visitor.country {
			dests = append(dests, dest{d.dateline.city, host})
			if host != d.dateline.country {
				dests[0].city = ""
			}
		}
	}
	if len(dests) == 0 && inviter != nil && inviter.country != "" && inviter != visitor {
		dests = append(dests, dest{"", inviter.country}) // "… to visit the kingdom"
	}
	if len(dests) == 0 && focus == nil && tripNoun(toks, t) {
		if _, ds, ok := d.meetingAbroad(si, visitor, base.Date); ok {
			focus = &ds
		}
	}
	if len(dests) == 0 && focus != nil {
		dests = append(dests, *focus)
	}
	if len(dests) == 0 && toks[t.i].Lower != "visit" && toks[t.j-1].Lower == "visit" && toks[t.i+1].Lower == "the" {
		// "Xi returned the visit last December": to the country of the last visitor from elsewhere
		for k := len(d.mentions) - 1; k >= 0; k-- {
			m := d.mentions[k]
			if m.Kind == engagement.Visit && len(m.Participants) > 0 && m.Participants[0].Country != visitor.country && m.Participants[0].Country != "" {
				dests = append(dests, dest{"", m.Participants[0].Country})
				break
			}
		}
		if len(dests) == 0 {
			// "… when Trong became the first foreign leader received in Beijing, and Xi returned the visit"
			for k := len(left) - 1; k >= 0; k-- {
				if r := left[k]; len(r.ents) == 1 && r.ents[0].country != "" && r.ents[0].country != visitor.country {
					dests = append(dests, dest{"", r.ents[0].country})
					break
				}
			}
		}
	}
	if len(dests) == 0 && tripNoun(toks, t) {
		// "The premier's four-day visit, the first in seven years, began in Adelaide on Saturday"
		for _, a := range atoms {
			if a.kind == aCity && a.i >= 2 && a.i > t.j && toks[a.i-1].Lower == "in" {
				switch toks[a.i-2].Lower {
				case "began", "begins", "started", "starts", "opened", "opens":
					add(a)
				}
			}
			if len(dests) > 0 {
				break
			}
		}
	}
	if len(dests) == 0 && t.trig.noun {
		// "Morrison made Indonesia his first overseas trip": the country made the trip
		// ("He chose Buenos Aires for his first foreign trip": a city too)
		for _, a := range atoms {
			if a.i > 0 && a.i < t.i && t.i-a.j <= 5 && (toks[a.i-1].Lower == "made" || toks[a.i-1].Lower == "makes" || toks[a.i-1].Lower == "chose") {
				add(a)
			}
		}
	}
	if len(dests) == 0 {
		// "were in the UAE on working visits", "is in Delhi on a state visit": the place before "on"
		for _, a := range atoms {
			if a.i >= 1 && a.j < t.i && t.i-a.j <= 4 && toks[a.j].Lower == "on" && (toks[a.i-1].Lower == "in" || a.i >= 2 && toks[a.i-1].Lower == "the" && toks[a.i-2].Lower == "in") {
				add(a)
			}
		}
	}
	if len(dests) == 0 && t.trig.noun && t.i > 0 && (toks[t.i-1].Lower == "previous" || toks[t.i-1].Lower == "last" || toks[t.i-1].Lower == "earlier") {
		// "Erdogan's previous visit, in December 2017": where his visit in focus goes
		for k := len(d.mentions) - 1; k >= 0; k-- {
			if m := d.mentions[k]; m.Kind == engagement.Visit && len(m.Participants) > 0 && m.Participants[0].Name == visitor.name && m.HostCountry != "" {
				dests = append(dests, dest{"", m.HostCountry})
				break
			}
		}
	}
	if len(dests) == 0 && arrival(toks, t) && d.dateline.country != "" && d.dateline.country != visitor.country {
		// "DHAKA: … Misri, who flew in on a day trip": where the report is filed
		dests = append(dests, dest{d.dateline.city, d.dateline.country})
	}
	if toks[t.i].Lower == "stay" && (len(dests) == 0 || !placeAt(atoms, t.j)) {
		return nil, []*entity{visitor}, "no destination" // "would stay in contact with Washington"
	}
	if len(dests) == 0 {
		return nil, []*entity{visitor}, "no destination"
	}
	if len(dests) == 1 && dests[0].city == "" && dests[0].country == d.dateline.country && si <= d.dateline.sent+1 {
		// "KANANASKIS, Alberta, June 17 - … came to the summit in the Canadian Rockies": the dateline's city
		dests[0].city = d.dateline.city
	}
	// a host named: "at the invitation of X", "hosted by X", "received by X"
	host := inviter
	if host == visitor {
		host = nil
	}
	for _, r := range right {
		if r.i >= 2 && (toks[r.i-1].Lower == "of" && toks[r.i-2].Lower == "invitation" || toks[r.i-1].Lower == "by" && (toks[r.i-2].Lower == "hosted" || toks[r.i-2].Lower == "received")) && len(r.ents) > 0 {
			host = r.ents[0]
		}
	}
	for _, r := range d.sentRefs { // "Lula's visit …, hosted by then president Alberto Fernández"
		if host == nil && r.i > t.i && r.i >= 2 && toks[r.i-1].Lower == "by" && toks[r.i-2].Lower == "hosted" && len(r.ents) > 0 {
			host = r.ents[0]
		}
	}
	// "Macron, Starmer, Merz and Tusk travelled to Kyiv": each of them made the trip
	visitors := []*entity{visitor}
	if !t.trig.noun && len(left) > 1 {
		visitors = listed(toks, left, visitor)
	}
	if len(left) > 0 && left[len(left)-1].plural && len(left[len(left)-1].ents) == 2 && left[len(left)-1].ents[0] == visitor && left[len(left)-1].i == 0 {
		visitors = left[len(left)-1].ents // "Both leaders were in the UAE on working visits": each made a trip
	}
	// "… travelled to Kyiv with Macron, Starmer and Tusk": so did the companions
	for k, r := range right {
		if r.i == 0 || toks[r.i-1].Lower != "with" || len(r.ents) != 1 || r.plural {
			continue
		}
		for _, c := range listed(toks, right[:k+1+countList(toks, right[k:])], r.ents[0]) {
			if !containsEnt(visitors, c) && !isHost(c, dests) {
				visitors = append(visitors, c)
			}
		}
		break
	}
	var out []*mention
	if firstTo(toks, t) {
		// "received X on Thursday, the most senior official to visit Qatar since … in January": the day of the clause it describes
		for _, m := range d.mentions {
			if m.sent == si && m.Kind == engagement.Meeting && d.involves(m, visitor) {
				base.Date, base.DateEnd = m.Date, m.DateEnd
			}
		}
	}
	for _, who := range visitors {
		out = append(out, d.visitsOf(si, who, host, dests, base, toks, atoms)...)
	}
	if len(out) == 0 {
		return nil, []*entity{visitor}, "a visit to the visitor's own country"
	}
	return out, []*entity{visitor}, ""
}

// listed returns the people of a coordinated list ending in the subject's
// group ("A, B, C and D"), or just the visitor.
func listed(toks []nlp.Token, left []pref, visitor *entity) []*entity {
	var out []*entity
	for k := len(left) - 1; k >= 0; k-- {
		r := left[k]
		if len(r.ents) != 1 || r.plural {
			break
		}
		out = append([]*entity{r.ents[0]}, out...)
		if k == 0 {
			break
		}
		sep := toks[left[k-1].j:r.i]
		if len(sep) != 1 || (sep[0].Text != "," && sep[0].Lower != "and") {
			break
		}
	}
	if len(out) < 2 || !containsEnt(out, visitor) {
		return []*entity{visitor}
	}
	return out
}

type dest struct{ city, country string }

// countList returns how many refs after the first continue its list ("A, B and C").
func countList(toks []nlp.Token, rs []pref) int {
	n := 0
	for k := 1; k < len(rs); k++ {
		sep := toks[rs[k-1].j:rs[k].i]
		if len(sep) != 1 || (sep[0].Text != "," && sep[0].Lower != "and") || len(rs[k].ents) != 1 {
			break
		}
		n++
	}
	return n
}

func isHost(e *entity, dests []dest) bool {
	for _, d := range dests {
		if e.country == d.country {
			return true
		}
	}
	return false
}

// visitsOf makes one visitor's visits to each destination country.
func (d *docState) visitsOf(si int, visitor, host *entity, dests []dest, base engagement.Mention, toks []nlp.Token, atoms []atom) []*mention {
	var out []*mention
	v := d.participant(visitor, base.Date)
	if stateless(v) {
		d.tracef("    (dropped: %s is no state's official)", v.Name)
		return nil
	}
	seen := map[string]bool{}
	for _, ds := range dests {
		if ds.country == v.Country || seen[ds.country] {
			continue
		}
		seen[ds.country] = true
		m := &mention{Mention: base, sent: si}
		m.HostCountry = ds.country
		m.Location = ds.city
		if m.Location == "" {
			m.Location = d.cityIn(toks, atoms, ds.country)
		}
		m.Participants = []engagement.Participant{v}
		if host != nil && host != visitor {
			h := d.participant(host, base.Date)
			if h.Country == "" {
				h.Country = ds.country
			}
			m.Participants = append(m.Participants, h)
		}
		s := d.sents[si]
		m.Evidence, m.Start, m.End = s.Text, s.Start, s.End
		out = append(out, m)
	}
	return out
}

// verbBefore: words after which "visit" is a verb.
var verbBefore = map[string]bool{"will": true, "to": true, "would": true, "'ll": true, "shall": true, "may": true, "might": true,
	"could": true, "should": true, "must": true, "not": true, "also": true, "formally": true, "officially": true}

func commaBetween(toks []nlp.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Text == "," {
			return true
		}
	}
	return false
}

// invitationAt returns the index of "invited"/"invitation" shortly before a
// visit trigger ("invited Foreign Minister Qin to visit"), or -1.
func invitationAt(toks []nlp.Token, i int) int {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		switch toks[k].Lower {
		case "invited", "invites", "invite", "invitation", "inviting":
			return k
		case ";":
			return -1
		}
	}
	return -1
}

// acceptedAt: the invitation at k is accepted by the clause's subject ("accepted an invitation").
func acceptedAt(toks []nlp.Token, k int) bool {
	if k < 2 || toks[k].Lower != "invitation" {
		return false
	}
	switch toks[k-2].Lower {
	case "accepted", "accepts", "accept", "accepting", "took", "takes":
		return toks[k-1].Lower == "an" || toks[k-1].Lower == "the"
	}
	return false
}

// possessedBy: the noun's possessor is the subject found for it ("his visit").
func possessedBy(toks []nlp.Token, t atom, L []*entity) bool {
	return t.i > 0 && (toks[t.i-1].Lower == "'s" || pronouns[toks[t.i-1].Lower] || t.i > 1 && pronouns[toks[t.i-2].Lower])
}

func isTitleAt(atoms []atom, i int) bool {
	for _, a := range atoms {
		if a.i == i && (a.kind == aTitle || a.kind == aCounterpart) {
			return true
		}
	}
	return false
}

// cityIn finds "in <city>" of a country in the sentence.
func (d *docState) cityIn(toks []nlp.Token, atoms []atom, country string) string {
	for _, a := range atoms {
		if a.kind == aCity && a.i > 0 && (toks[a.i-1].Lower == "in" || toks[a.i-1].Lower == "at") {
			if _, c, ok := d.x.lex.City(a.text); ok && c == country {
				return a.text
			}
		}
	}
	return ""
}

// location places a meeting: a city or venue in the sentence, the city of a
// visit the sentence or the paragraph speaks of, or the dateline for the day's news.
// otherActIn: participles whose place ("signed in Beijing") is not the meeting's.
var otherActIn = map[string]bool{"signed": true, "brokered": true, "reached": true, "agreed": true, "concluded": true,
	"adopted": true, "born": true, "based": true, "headquartered": true, "negotiated": true, "struck": true}

func (d *docState) location(toks []nlp.Token, atoms []atom, t atom, date engagement.Date, status engagement.Status, kind engagement.Kind, who *entity) string {
	if who == nil {
		who = d.subject
	}
	if kind == engagement.Call {
		return ""
	}
	since := -1
	for k := t.j; k < len(toks); k++ {
		if toks[k].Lower == "since" {
			since = k
			break
		}
	}
	// a seat of government or a venue: "at Hyderabad House", "at the State Department"
	for i := range toks {
		if since >= 0 && i > since {
			break
		}
		if city, l := d.x.venues.match(toks, i, lowerKey); l > 0 && !(i > t.j && newClause(toks[t.j:i])) {
			k := i - 1
			if k >= 0 && toks[k].Lower == "the" {
				k--
			}
			if k >= 0 && (toks[k].Lower == "at" || toks[k].Lower == "in" || toks[k].Lower == "inside") {
				return city // "the Kremlin said" places nothing
			}
		}
	}
	best, dist := "", 1<<30
	for _, a := range atoms {
		if a.kind != aCity || a.i == 0 || since >= 0 && a.i > since {
			continue // "… since they met in Astana": another meeting's place
		}
		p := toks[a.i-1].Lower
		if p != "in" && p != "at" && p != "to" {
			continue
		}
		if a.i >= 2 && otherActIn[toks[a.i-2].Lower] {
			continue // "the agreement signed in Beijing": another act's place
		}
		if a.i > t.j && newClause(toks[t.j:a.i]) {
			continue // "holding talks with Fernandez …, and in February he flew to Washington": the next clause's place
		}
		dd := a.i - t.j
		if dd < 0 {
			dd = t.i - a.j + 1
		}
		if dd < dist {
			best, dist = a.text, dd
		}
	}
	if best != "" {
		return best
	}
	// the place of the trip this sentence has just reported: "chose Paris for his first
	// trip …, holding talks with Macron"
	for k := len(d.mentions) - 1; k >= 0 && d.mentions[k].sent == d.cur; k-- {
		if m := d.mentions[k]; m.Kind == engagement.Visit && m.Location != "" && m.Date.Compatible(date) && who != nil && (d.involves(m, who) || m.HostCountry == who.country) {
			return m.Location
		}
	}
	// the place of the latest meeting of the same people, a sentence or two before
	for k := len(d.mentions) - 1; k >= 0; k-- {
		m := d.mentions[k]
		if m.sent < d.cur-2 {
			break
		}
		if m.Kind == engagement.Meeting && m.Location != "" && m.Date.Compatible(date) && d.involves(m, who) {
			return m.Location
		}
	}
	// the dateline places the day's meeting when it is one side's country, or a summit's venue
	if d.dateline.city != "" && status != engagement.Cancelled && near(date, d.pub) &&
		(d.involvesCountry(d.dateline.country, who) || sentenceHas(toks, "summit") || sentenceHas(toks, "sidelines")) {
		return d.dateline.city
	}
	// the city of the visit the subject is on: the one city, or the capital
	// of the country visited
	for k := len(d.mentions) - 1; k >= 0; k-- {
		m := d.mentions[k]
		if d.sents[m.sent].Para < d.sents[d.cur].Para-1 {
			break
		}
		if m.Kind == engagement.Visit && m.Date.Compatible(date) && d.involves(m, who) {
			if m.Location != "" {
				return m.Location
			}
			if c, ok := d.x.lex.Country(m.HostCountry); ok && m.sent == d.cur {
				return c.Capital
			}
		}
	}
	return ""
}

// involvesCountry: the dateline's country is that of the subject or of someone the sentence names.
func (d *docState) involvesCountry(c string, who *entity) bool {
	if who != nil && who.country == c {
		return true
	}
	for _, e := range d.entities {
		if e.country == c && d.lastSeen[e] == d.cur {
			return true
		}
	}
	return false
}

// involves reports whether e takes part in m.
func (d *docState) involves(m *mention, e *entity) bool {
	if e == nil {
		return false
	}
	for _, p := range m.Participants {
		if p.Name == e.name {
			return true
		}
	}
	return false
}

// near: within three days (the day's news), at day precision.
func near(a, b engagement.Date) bool {
	if a.Precision() < 3 || b.Precision() < 3 {
		return false
	}
	x, y := a.DayNumber(), b.DayNumber()
	return x-y <= 3 && y-x <= 3
}

// topicsIn returns the topic tags a sentence states.
func (d *docState) topicsIn(toks []nlp.Token) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		if tag, l := d.x.topics.match(toks, i, lowerKey); l > 0 {
			out = appendNew(out, tag)
			i += l - 1
		}
	}
	return out
}

// countryTopic: a country's name is no topic of that country's own engagements.
func (d *docState) countryTopic(tag string, m *mention) bool {
	code, ok := d.x.topicLand[tag]
	if !ok {
		return false
	}
	if m.HostCountry == code {
		return true
	}
	for _, p := range m.Participants {
		if p.Country == code {
			return true
		}
	}
	return false
}

// same reports whether two mentions of one document report one engagement.
// span is the union of two day ranges (an end may be zero).
func span(a, ae, b, be engagement.Date) (engagement.Date, engagement.Date) {
	if ae.IsZero() {
		ae = a
	}
	if be.IsZero() {
		be = b
	}
	start, end := a, ae
	if b.DayNumber() < start.DayNumber() {
		start = b
	}
	if be.DayNumber() > end.DayNumber() {
		end = be
	}
	if end == start {
		end = engagement.Date{}
	}
	return start, end
}

func same(a, b *mention) bool {
	if a.Kind != b.Kind || a.Status != b.Status {
		return false
	}
	if a.ordinal != 0 && b.ordinal != 0 && a.ordinal != b.ordinal {
		return false
	}
	if a.Kind != engagement.Visit && a.Location != "" && b.Location != "" && !strings.EqualFold(a.Location, b.Location) {
		return false
	}
	if a.Kind == engagement.Visit {
		if a.HostCountry != b.HostCountry || a.Participants[0].Name != b.Participants[0].Name {
			return false
		}
		if a.Date.Precision() == 3 && b.Date.Precision() == 3 {
			// two dated reports of one trip: its arrival and a day of its talks
			// ("arrived in Shanghai on Saturday", "met Xi in Beijing on Monday,
			// the first visit …") lie within a few days of each other
			ae, be := a.DateEnd, b.DateEnd
			if ae.IsZero() {
				ae = a.Date
			}
			if be.IsZero() {
				be = b.Date
			}
			return a.Date.DayNumber() <= be.DayNumber()+engagement.TripSlack && b.Date.DayNumber() <= ae.DayNumber()+engagement.TripSlack
		}
		return a.Date.Compatible(b.Date) || b.Date.Compatible(collapse(a.Date, a.DateEnd)) || a.Date.Compatible(collapse(b.Date, b.DateEnd))
	}
	if !sameSet(a.Participants, b.Participants) {
		return false
	}
	if a.Date.Compatible(b.Date) {
		return true
	}
	if a.Date.Precision() == 3 && b.Date.Precision() == 3 {
		x := a.Date.DayNumber() - b.Date.DayNumber()
		return x >= -1 && x <= 1
	}
	return false
}

func sameSet(a, b []engagement.Participant) bool {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x.Name == y.Name {
				n++
				break
			}
		}
	}
	return n >= 2
}

// duplicate reports whether m repeats a mention already made in the document.
func (d *docState) duplicate(m *mention) bool {
	for _, o := range d.mentions {
		if o != m && same(o, m) {
			return true
		}
	}
	return false
}

// final merges the mentions that report one engagement twice in the document.
func (d *docState) final() []engagement.Mention {
	var out []*mention
	for _, m := range d.mentions {
		merged := false
		for _, o := range out {
			if same(o, m) {
				if m.Date.Precision() > o.Date.Precision() && o.Date.Compatible(m.Date) {
					o.Date, o.DateEnd = m.Date, m.DateEnd
				} else if o.Kind == engagement.Visit && m.Date.Precision() == 3 && o.Date.Precision() == 3 {
					o.Date, o.DateEnd = span(o.Date, o.DateEnd, m.Date, m.DateEnd) // the trip's days as both reports give them
				}
				if o.Location == "" {
					o.Location = m.Location
				}
				o.Topics = appendNew(o.Topics, m.Topics...)
				for _, p := range m.Participants {
					found := false
					for _, q := range o.Participants {
						if q.Name == p.Name {
							found = true
						}
					}
					if !found {
						o.Participants = append(o.Participants, p)
					}
				}
				d.tracef("merged the mention of sentence %d into the one of sentence %d (same engagement)", m.sent, o.sent)
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, m)
		}
	}
	res := make([]engagement.Mention, 0, len(out))
	for _, m := range out {
		if m.Topics == nil {
			m.Topics = []string{}
		}
		res = append(res, m.Mention)
	}
	return res
}

// whoBefore reports whether a relative "who" opens the clause of a visit noun:
// "who is paying a state visit", "who was on a three-day trip".
func whoBefore(toks []nlp.Token, t atom, r pref) bool {
	if r.j != r.i+1 || toks[r.i].Lower != "who" || t.i-r.j > 4 || len(r.ents) != 1 {
		return false
	}
	return !commaBetween(toks, r.j, t.i)
}

// participleAfter: words that open a participle clause whose subject is the sentence's.
var participleAfter = map[string]bool{"before": true, "after": true, "while": true, "upon": true, "when": true}

// tripNoun reports whether a visit trigger is a singular noun for a trip:
// "the visit", "a three-day trip", "his journey" (not "visits" in general).
func tripNoun(toks []nlp.Token, t atom) bool {
	if !t.trig.noun {
		return false
	}
	switch toks[t.j-1].Lower {
	case "visit", "trip", "journey", "tour":
		return true
	}
	return false
}

// meetingAbroad finds the meeting in focus (made in this sentence or the three
// before) that one side held abroad: "Scholz met Xi in Beijing on Friday, the
// first visit by a G7 leader to China". It returns that side's person (who
// must be want, when given) and the place, when the meeting's date agrees
// with the trip's. The place is the meeting's city, else the dateline's.
func (d *docState) meetingAbroad(si int, want *entity, date engagement.Date) (*entity, dest, bool) {
	if want == nil {
		for _, m := range d.mentions {
			if m.Kind == engagement.Visit && !m.aside {
				return nil, dest{}, false // "the visit" is the one already told
			}
		}
	}
	for k := len(d.mentions) - 1; k >= 0; k-- {
		m := d.mentions[k]
		if m.sent < si-3 {
			break
		}
		if m.Kind != engagement.Meeting || m.Mode != engagement.InPerson || len(m.Participants) != 2 || m.aside {
			continue
		}
		if !date.IsZero() && !m.Date.IsZero() && !date.Compatible(m.Date) {
			return nil, dest{}, false
		}
		place := dest{m.Location, ""}
		if m.Location != "" {
			if _, c, ok := d.x.lex.City(m.Location); ok {
				place.country = c
			}
		} else {
			place = dest{d.dateline.city, d.dateline.country}
		}
		if place.country == "" {
			return nil, dest{}, false
		}
		a, b := m.Participants[0], m.Participants[1]
		if b.Country != place.country {
			a, b = b, a
		}
		if b.Country != place.country || a.Country == place.country || a.Country == "" {
			return nil, dest{}, false
		}
		v := d.entityNamed(a.Name)
		if v == nil || want != nil && v != want {
			return nil, dest{}, false
		}
		return v, place, true
	}
	return nil, dest{}, false
}

// entityNamed returns the document's person of that canonical name.
func (d *docState) entityNamed(name string) *entity {
	for _, e := range d.entities {
		if e.name == name {
			return e
		}
	}
	return nil
}

// definite reports whether a noun phrase ending before i opens with "the",
// "this" or "that": "the trip", "the two-day visit".
func definite(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].Lower {
		case "the", "this", "that":
			return true
		case ",", "a", "an", "his", "her", "their", "its":
			return false
		}
	}
	return false
}

// arrival: a trigger that says someone came, without saying where ("arrived
// on Monday", "flew in from Delhi"); the dateline may say.
func arrival(toks []nlp.Token, t atom) bool {
	switch toks[t.i].Lower {
	case "arrived", "arrives":
		return t.j == t.i+1
	case "flew", "flying", "flies":
		return t.j < len(toks) && toks[t.j].Lower == "in" || t.j == t.i+2 && toks[t.i+1].Lower == "in"
	}
	return false
}

// compass: words of direction before a place ("in western Iraq").
var compass = map[string]bool{"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"north": true, "south": true, "east": true, "west": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true}

// placeAt: a city or country starts at token i.
func placeAt(atoms []atom, i int) bool {
	for _, a := range atoms {
		if a.i == i && (a.kind == aCity || a.kind == aCountry) {
			return true
		}
	}
	return false
}

// capitalAfter is the capital a country adjective names ("arrived in the
// Iranian capital"), "" when no "capital" follows it.
func (d *docState) capitalAfter(toks []nlp.Token, a atom) string {
	if a.j < len(toks) && toks[a.j].Lower == "capital" {
		if c, ok := d.x.lex.Country(a.code); ok {
			return c.Capital
		}
	}
	return ""
}

// newClause: the words hold a clause boundary (", and", ", but", ";").
func newClause(ws []nlp.Token) bool {
	for k, w := range ws {
		if w.Text == ";" || w.Text == "," && k+1 < len(ws) && (ws[k+1].Lower == "and" || ws[k+1].Lower == "but") {
			return true
		}
	}
	return false
}

// firstTo: "the first Indian prime minister to visit", "the most senior
// Emirati official to visit": a description of someone who made the trip.
func firstTo(toks []nlp.Token, t atom) bool {
	if t.i < 3 || toks[t.i-1].Lower != "to" || toks[t.i].Lower != "visit" {
		return false
	}
	for k := t.i - 2; k >= 0 && k >= t.i-7; k-- {
		switch toks[k].Lower {
		case "first", "most", "highest-ranking", "highest", "only", "senior", "last", "youngest":
			return k > 0 && (toks[k-1].Lower == "the" || toks[k-1].Lower == "most")
		case ",", ";", "who", "which":
			return false
		}
	}
	return false
}
