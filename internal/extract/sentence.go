package extract

import (
	"slices"
	"sort"
	"strings"

	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

var (
	negators = map[string]bool{"never": true, "not": true, "n't": true, "no": true, "neither": true, "nor": true,
		"without": true, "failed": true, "fails": true, "denied": true, "denies": true, "deny": true, "refused": true,
		"declined": true, "yet": true, "nothing": true, "unable": true, "ruled": true, "rules": true, "rejected": true}
	futureCues = map[string]bool{"will": true, "'ll": true, "would": true, "shall": true, "expected": true, "scheduled": true,
		"upcoming": true, "planned": true, "plans": true, "planning": true, "proposed": true, "invited": true, "invitation": true,
		"slated": true, "due": true, "set": true, "intends": true, "forthcoming": true, "awaited": true, "next": true, "agreed": true,
		"poised": true, "likely": true, "preparing": true}
	// words after a trip's noun that announce it: "a visit by Blinken to China is being planned"
	plannedAfter = map[string]bool{"planned": true, "scheduled": true, "slated": true, "likely": true}
	cancelCues   = map[string]bool{"cancelled": true, "canceled": true, "postponed": true, "scrapped": true, "deferred": true,
		"cancel": true, "postpone": true, "cancellation": true, "postponement": true, "called-off": true, "cancels": true,
		"postpones": true, "scraps": true, "shelved": true, "shelves": true, "delayed": true, "delays": true, "axed": true,
		"dashed": true, "scuttled": true}
	modalCues = map[string]bool{"should": true, "could": true, "might": true, "may": true, "must": true, "ought": true, "if": true, "can": true, "whether": true}
	multiCues = map[string]bool{"trilateral": true, "multilateral": true, "quadrilateral": true, "three-way": true, "four-way": true, "tripartite": true, "plenary": true, "summit": true, "conference": true, "forum": true, "ministerial": true}
	// words of intent before "to meet", "to visit": "is to meet", "expected to visit"
	intent = map[string]bool{"is": true, "are": true, "was": true, "were": true, "expected": true, "plans": true, "plan": true,
		"planning": true, "planned": true, "set": true, "due": true, "scheduled": true, "invited": true, "intends": true,
		"intend": true, "going": true, "agreed": true, "decided": true, "hopes": true, "hoped": true, "wants": true, "slated": true,
		"likely": true, "poised": true, "preparing": true, "prepares": true, "ready": true, "keen": true, "proposed": true}
	// present-tense departures that announce a trip of the day: "leaves for", "heads to"
	// verbs after "will" or "would" that say a trip or talks are to happen
	goAhead = map[string]bool{"go": true, "take": true, "proceed": true, "begin": true, "start": true, "happen": true, "be": true, "continue": true}
	// "hoped to meet her counterpart soon": a wish, not an arrangement
	wishes = map[string]bool{"hoped": true, "hopes": true, "hoping": true, "wants": true, "wanted": true, "wishes": true,
		"wished": true, "keen": true, "like": true, "love": true, "eager": true}
	// "they have spoken by telephone regularly": contacts, none of them dated
	habitual  = map[string]bool{"regularly": true, "frequently": true, "often": true, "routinely": true, "periodically": true, "usually": true}
	timetable = map[string]bool{"leaves": true, "heads": true, "departs": true, "travels": true, "flies": true, "sets": true}
	ordinals  = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
	clauseEnd = map[string]bool{",": true, ";": true, ":": true, "but": true, "while": true, "whereas": true, "although": true, "though": true, "—": true, "(": true, ")": true,
		"as": true, "when": true, "because": true}
	pastParts = map[string]bool{"met": true, "spoken": true, "held": true, "visited": true, "talked": true, "called": true, "travelled": true, "traveled": true, "phoned": true, "received": true, "hosted": true, "been": true}
)

// sentence reads one sentence: its atoms, its references to people, then one
// or more mentions per engagement trigger.
func (d *docState) sentence(si int) {
	before := d.ctxDate
	defer func() {
		if d.ctxDate != before {
			d.tracef("    (the date in focus is now %s)", d.ctxDate)
		}
	}()
	s := d.sents[si]
	toks := s.Tokens
	dates := nlp.FindDates(toks)
	if d.dateline.city != "" && si == d.dateline.sent {
		// "ISLAMABAD, Feb 15 (Wire) - … on Monday": the dateline's date is the report's, not the talks'
		// (kept when the sentence has no other: "BEIJING, Nov 6 (Agency) – X met Y")
		if rest := slices.DeleteFunc(slices.Clone(dates), func(e nlp.DateExpr) bool { return e.Tok1 <= d.dateline.end }); len(rest) > 0 {
			dates = rest
		}
	}
	atoms := d.atoms(toks, dates)
	refs := d.refs(toks, atoms)
	if d.transcriptLabel(toks, refs) {
		refs = d.refs(toks, atoms) // "Vladimir Putin: … I am glad to welcome you"
	}
	d.sentRefs = refs
	for _, r := range refs {
		for _, e := range r.ents {
			d.times[e]++
		}
	}
	var trigs []atom
	for _, a := range atoms {
		if a.kind == aTrigger {
			trigs = append(trigs, a)
		}
	}
	trigs = append(trigs, delegationTrips(toks, atoms)...)
	trigs = append(trigs, sentTrips(toks, refs)...)
	trigs = append(trigs, departures(toks, atoms, trigs)...)
	if len(trigs) == 0 || allVisits(trigs) {
		// (a trip's sentence may go on with what the two did there: "arrived on
		// Tuesday, and on Wednesday he and President Vucic signed a statement")
		for _, a := range jointSubject(toks, refs) {
			if len(trigs) == 0 || allNounVisits(trigs) || a.i > trigs[len(trigs)-1].j {
				trigs = append(trigs, a)
			}
		}
	}
	if len(trigs) == 0 || allNounVisits(trigs) || allGatherings(toks, trigs) {
		trigs = append(trigs, sidelines(toks, refs)...)
	}
	if allVisits(trigs) {
		trigs = append(trigs, d.visitThenPress(toks, atoms, refs, trigs)...)
	}
	sort.SliceStable(trigs, func(i, j int) bool { return trigs[i].i < trigs[j].i })

	if d.explain && (len(trigs) > 0 || len(refs) > 0) {
		d.tracef("[%d] %q", si, clip(s.Text, 160))
		for _, r := range refs {
			var names []string
			for _, e := range r.ents {
				names = append(names, e.name+" ("+e.country+")")
			}
			if r.office != nil {
				names = append(names, "office: "+r.country+" "+r.office.title.Name)
			}
			d.tracef("    person %q → %s [%s]", d.doc.Text[toks[r.i].Start:toks[r.j-1].End], strings.Join(names, ", "), r.how)
		}
		for _, e := range dates {
			d.tracef("    date %q", d.doc.Text[e.Start:e.End])
		}
	}
	// the year the text is talking about, for "May 6" without one: a year
	// stated with a month in this sentence or the one before, else (without a
	// publication date) the latest year the text gave
	year := 0
	for _, e := range dates {
		if e.Year != 0 && e.Month != 0 {
			year = e.Year
		}
	}
	if year == 0 && len(dates) > 1 && dates[0].Year != 0 && dates[0].Month == 0 && dates[0].Rel == "" && dates[0].Tok0 <= 1 {
		// "In 2024 the two met … in Astana on July 3 and … in Kazan on October 23": the year opening the sentence frames its days
		year = dates[0].Year
	}
	// a year from the text just before (the last stated year, or the
	// narrative's date), kept only where it puts the date nearer its anchor
	// than the publication year does: "On 24 February 2022 … on 2 March"
	// continues 2022; "his visit in June 2022 … the call on 15 November" in a
	// December 2024 report is 2024
	if year == 0 {
		cand, anchor := 0, engagement.Date{}
		if d.lastYear != 0 && si-d.lastYearSent <= 1 {
			cand, anchor = d.lastYear, engagement.Date{Year: d.lastYear}
		}
		if !d.ctxDate.IsZero() && d.ctxStated && si-d.ctxSent <= 3 && (cand == 0 || d.ctxSent > d.lastYearSent) {
			cand, anchor = d.ctxDate.Year, d.ctxDate // the most recently stated year wins
		}
		if cand != 0 && cand == d.ctxDate.Year && d.ctxDate.Precision() > anchor.Precision() {
			anchor = d.ctxDate // "… on November 15, 2022. A month later, on December 21": near that day, not that New Year
		}
		if cand != 0 {
			year = cand
			if !d.pub.IsZero() && d.pub.Year != cand {
				for _, e := range dates {
					if e.Rel == "" && e.Year == 0 && e.Month != 0 {
						withCand := engagement.Date{Year: cand, Month: e.Month, Day: max(e.Day, 1)}
						withPub, _ := e.Resolve(nlp.Ref{Pub: d.pub}, false)
						if daysApart(withPub, d.pub) < daysApart(withCand, anchor) {
							year = 0
						}
						break
					}
				}
			}
		}
	}
	var made []*mention
	var subject []*entity
	d.prevMade = false
	d.resolved = map[dateKey][2]engagement.Date{}
	dated := false
	for ti, t := range trigs {
		lo, hi := 0, len(toks)
		if ti > 0 {
			lo = trigs[ti-1].j
		}
		if ti+1 < len(trigs) && !adjectival(toks, trigs[ti+1], refs) {
			hi = trigs[ti+1].i
		} else if ti+2 < len(trigs) {
			hi = trigs[ti+2].i
		}
		ms, subj, why := d.trigger(si, toks, atoms, refs, dates, trigs, t, lo, hi, subject, ti > 0 && coordinated(toks, t.i, lo), year)
		if len(subj) > 0 && (!t.trig.noun || len(subject) == 0) {
			subject = subj // (a noun's owner is no clause's subject: "He met Carney, weeks after Carney's visit, and later met Starmer")
		}
		d.prevMade = len(ms) > 0
		if why != "" {
			d.tracef("    trigger %q (%s): %s", d.doc.Text[toks[t.i].Start:toks[t.j-1].End], t.trig.kind, why)
		}
		if (why == "no identified visitor" || why == "no participants attached to the noun") && !dated {
			// "Thursday's visit could hardly have been more different", "did hold several
			// bilateral meetings on Monday": the story moves to that day
			if e, ok := nounsDate(toks, dates, t); ok {
				if dt, end := e.Resolve(d.refFor(year), false); !dt.IsZero() {
					d.ctxDate, d.ctxEnd, d.ctxSent, d.ctxStated = dt, end, si, e.Absolute()
					dated = true
				}
			}
		}
		_, ownDate := pickDate(toks, dates, t, trigs)
		// "… stated that the visit by President Marcos to Japan in February had
		// given momentum": a trip named in passing, well before the story's day
		back := len(ms) > 0 && t.trig.noun && reported(toks, t.i) && d.ctxDate.Precision() == 3 && !ms[0].Date.IsZero() &&
			ms[0].Date.DayNumber() < d.ctxDate.DayNumber()-7 && !ms[0].Date.Compatible(d.ctxDate)
		rel, _ := relativeClause(toks, t.i)
		for _, m := range ms {
			m.aside = aside(toks, t, lo) || back || rel >= 0 // (", who arrived on Sunday evening,": not the story's day)
			m.dated = ownDate
			d.tracef("    → %s %s %s %s%s", m.Kind, m.Status, m.Date, participantsText(m.Participants), hostText(m))
			m.fresh = !d.duplicate(m)
			made = append(made, m)
			d.mentions = append(d.mentions, m)
		}
		if len(ms) > 0 && !aside(toks, t, lo) && ms[0].Status != engagement.Planned && rel < 0 {
			// (not a relative clause's: "X, who visited Beijing in 2019, met Y")
			// a trigger sentence's date becomes the context of the next ones (not a contact in passing, nor one to come)
			if e, ok := pickDate(toks, dates, t, trigs); ok {
				dt, end := e.Resolve(d.refFor(year), false)
				if !dt.IsZero() && !dated && !back {
					d.ctxDate, d.ctxEnd, d.ctxSent = dt, end, si
					d.ctxStated = e.Absolute() || e.Rel == "later" && d.ctxStated || e.Rel == "" && e.Year == 0 && year != 0 && d.ctxStated
					dated = true
				}
			}
		}
	}
	if city, c := d.headingCity(toks, atoms, dates); city != "" {
		// "- **7–8 May 2023, Seoul.** Kishida returned the visit …": the entry's place
		for _, m := range made {
			if m.Location == "" && m.Kind != engagement.Call && (m.Kind != engagement.Visit || m.HostCountry == c) {
				m.Location = city
			}
		}
	}
	if len(made) > 0 {
		made = append(made, d.again(si, toks, atoms, dates, made[len(made)-1], year)...)
		made = append(made, d.listed(si, toks, atoms, dates, made, year)...)
		made = append(made, d.sinceLast(si, toks, atoms, dates, made, year)...)
	}
	// a dated lead ("President Biden told Qatar's emir on Monday …") dates the story
	if len(made) == 0 && len(trigs) == 0 && (d.ctxDate.IsZero() || d.ctxDate.Precision() < 3 && !d.ctxStated) && si <= d.firstText+2 {
		for _, e := range dates {
			if e.Rel == "" && e.Day == 0 || quoted(toks, e.Tok0) || sinceBefore(toks, e) {
				continue
			}
			if dt, _ := e.Resolve(d.refFor(year), false); dt.Precision() == 3 {
				d.ctxDate, d.ctxEnd, d.ctxSent, d.ctxStated = dt, engagement.Date{}, si, false
				break
			}
		}
	}
	// a dated sentence with no engagement ("This morning, she laid a wreath") dates what "then" follows
	if len(made) == 0 {
		for _, e := range dates {
			if e.Day == 0 && e.Rel != "today" && e.Rel != "yesterday" && e.Rel != "weekday" || quoted(toks, e.Tok0) || sinceBefore(toks, e) {
				continue
			}
			if dt, _ := e.Resolve(d.refFor(year), false); dt.Precision() == 3 {
				d.narr, d.narrSent = dt, si
				break
			}
		}
	}
	// a lead that names no one ("Pakistan and the US held talks yesterday") still dates what follows
	if len(made) == 0 && d.ctxDate.IsZero() {
		for _, t := range trigs {
			if e, ok := pickDate(toks, dates, t, trigs); ok {
				if dt, end := e.Resolve(d.refFor(year), false); !dt.IsZero() {
					d.ctxDate, d.ctxEnd, d.ctxSent = dt, end, si
					break
				}
			}
		}
	}
	// a time-only entry heading ("14:20 — Putin meets Erdogan") starts an entry of the blog's day
	if len(toks) > 4 && isClock(toks[0].Text+toks[1].Text+toks[2].Text) && (toks[3].Text == "—" || toks[3].Text == "–" || toks[3].Text == "-") {
		day := d.entry
		if day.IsZero() {
			day = d.pub
		}
		d.ctxDate, d.ctxEnd, d.ctxSent, d.ctxStated = day, engagement.Date{}, si, false
	}
	// a live blog's entry heading ("Thursday 25 September, 18:10 — …") dates the entry below it
	if e, ok := entryHeading(toks, dates); ok {
		if dt, _ := e.Resolve(d.refFor(year), false); dt.Precision() == 3 {
			d.ctxDate, d.ctxEnd, d.ctxSent = dt, engagement.Date{}, si
			d.entry = dt
		}
	}
	// the meetings of a trip share its status: planned ("will travel to Tokyo
	// for talks with …") or cancelled ("postponed his trip, where he was to meet …")
	for _, v := range made {
		if v.Kind != engagement.Visit || v.Status == engagement.Occurred {
			continue
		}
		for _, m := range made {
			if m == v || m.Kind != engagement.Meeting || m.Status == engagement.Cancelled {
				continue // (a call is no part of a trip: "spoke on January 9 … and invited Lula to visit")
			}
			if m.dated && m.Date != v.Date {
				// "is heading to Moscow on Thursday for talks": the weekday the trip is to come
				if m.Date.Precision() < 3 || v.Date.Precision() < 3 || v.Date.DayNumber()-m.Date.DayNumber() != 7 {
					continue
				}
				m.Date = v.Date
			}
			for _, p := range m.Participants {
				if p.Name == v.Participants[0].Name {
					m.Status = v.Status
				}
			}
		}
	}
	for _, e := range dates {
		if e.Year != 0 && !sinceBefore(toks, e) {
			d.lastYear, d.lastYearSent = e.Year, si
		}
		if e.Absolute() && e.Month != 0 && !sinceBefore(toks, e) && !quoted(toks, e.Tok0) {
			d.said, _ = e.Resolve(nlp.Ref{}, false)
		}
	}
	// people in focus for the next sentence
	for _, r := range refs {
		if len(r.ents) == 1 && !r.plural {
			d.subject = r.ents[0]
			d.lastPerson = si
			break
		}
	}
	if len(made) > 0 {
		last := made[len(made)-1]
		if len(made) > 1 {
			// "held talks with Mitsotakis and called on the President": the pair the text is about stays in focus
			if main := d.mainPair(); len(main) == 2 {
				for _, m := range made {
					if len(m.Participants) == 2 && m.Kind != engagement.Visit && samePair(m, main) {
						last = m
					}
				}
			}
		}
		d.focus = nil // a new slice: references handed out keep theirs
		for _, p := range last.Participants {
			for _, e := range d.entities {
				if e.name == p.Name {
					d.focus = append(d.focus, e)
				}
			}
		}
		if !dated && !last.Date.IsZero() && !last.aside {
			d.ctxDate, d.ctxEnd, d.ctxSent = last.Date, last.DateEnd, si
			d.ctxStated = false
		}
		var fresh []*mention
		for _, m := range made {
			if m.fresh {
				fresh = append(fresh, m)
			}
		}
		if len(fresh) > 0 && (si > d.lastMade+1 || d.sents[si].Para != d.sents[max(d.lastMade, 0)].Para) {
			d.topicFor = fresh
		} else if len(fresh) > 0 {
			d.topicFor = append(d.topicFor, fresh...)
		} else {
			d.topicFor = append(d.topicFor, made...)
		}
		d.topicSince = si
		d.lastMade = si
	}
	if len(d.topicFor) > 0 && si-d.topicSince <= 8 {
		topics := d.topicsIn(toks)
		for _, m := range d.topicFor {
			for _, t := range topics {
				if !d.countryTopic(t, m) {
					m.Topics = appendNew(m.Topics, t)
				}
			}
		}
	}
}

func participantsText(ps []engagement.Participant) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Name+" ("+p.Country+", "+p.Title+")")
	}
	return strings.Join(s, " ↔ ")
}

func hostText(m *mention) string {
	out := ""
	if m.HostCountry != "" {
		out += " to " + m.HostCountry
	}
	if m.Location != "" {
		out += " in " + m.Location
	}
	return out
}

// adjectival: "visiting" right before a person ("met with visiting
// Belarusian President Lukashenko") describes, it does not start a clause.
func adjectival(toks []nlp.Token, t atom, refs []pref) bool {
	if toks[t.i].Lower != "visiting" {
		return false
	}
	for _, r := range refs {
		if r.i == t.j {
			return true
		}
	}
	return false
}

// refsBefore counts the references that end before token i.
func refsBefore(refs []pref, i int) int {
	n := 0
	for n < len(refs) && refs[n].j <= i {
		n++
	}
	return n
}

// coordinated: a second verb sharing the first one's subject ("held talks
// with X and met Y", "visited the US and ... had a meeting with Z").
func coordinated(toks []nlp.Token, i, lo int) bool {
	for k := i - 1; k >= lo && k >= i-8; k-- {
		switch toks[k].Lower {
		case "and", "also", "then", "later":
			return true
		case ",", ";":
			return false
		}
	}
	return false
}

// jointVerbs are what two leaders do together when the text names them as one
// subject: "Modi and Xi agreed on Wednesday to …" reports a meeting.
var jointVerbs = map[string]bool{"inaugurate": true, "opened": true, "open": true, "chaired": true, "co-chaired": true, "chair": true, "co-chair": true, "agree": true, "discuss": true, "sign": true, "review": true, "pledge": true, "vow": true,
	"announce": true, "reaffirm": true, "seal": true, "launch": true,
	"announced": true, "unveiled": true, "issued": true, "adopted": true, "agreed": true, "signed": true, "discussed": true, "reviewed": true, "pledged": true,
	"vowed": true, "sat": true, "exchanged": true, "sealed": true, "committed": true, "reaffirmed": true, "inaugurated": true, "launched": true}

// jointSpoke: verbs that, after a joint subject, report a conversation.
var jointSpoke = map[string]bool{"spoke": true, "speak": true, "speaks": true}

// jointSpokeNot: words after the verb that make it something else: "spoke to reporters", "spoke at the UN", "talk of".
var jointSpokeNot = map[string]bool{"to": true, "at": true, "of": true, "about": true, "out": true, "up": true, "before": true}

// trigger builds the mentions of one trigger. lo and hi bound the tokens it
// may take participants from; subj is the previous trigger's subject.
func (d *docState) trigger(si int, toks []nlp.Token, atoms []atom, refs []pref, dates []nlp.DateExpr, trigs []atom, t atom, lo, hi int, subj []*entity, coord bool, year int) ([]*mention, []*entity, string) {
	tr := t.trig
	before := window(toks, t.i, 0, 7)
	for _, w := range before {
		if negators[w] {
			return nil, nil, "negated (\"" + w + "\")"
		}
	}

	if tr.noun {
		// "The meeting between Modi and Xi, long rumoured, never took place", "has not been ruled out"
		for k := t.j; k+1 < len(toks) && k < t.j+14; k++ {
			if !negators[toks[k].Lower] {
				continue
			}
			for m := k + 1; m < len(toks) && m <= k+3; m++ {
				if negatedHappening[toks[m].Lower] {
					return nil, nil, "negated (\"" + toks[k].Lower + " … " + toks[m].Lower + "\")"
				}
			}
		}
	}
	for _, not := range notContacts {
		if why := not(toks, t, trigs); why != "" {
			return nil, nil, why
		}
	}
	welcome, airport := false, false
	if tr.kind == engagement.Meeting {
		welcome, airport = welcomedOnArrival(toks, t)
	}
	if airport {
		return nil, nil, "a welcome at the airport, not talks"
	}
	if tr.kind == engagement.Meeting && gathering(toks, t.i) {
		return nil, nil, "multilateral (a gathering attended)"
	}
	for k := t.i - 1; k >= 0 && k >= t.i-4 && !clauseEnd[toks[k].Lower]; k-- {
		// a modal is lower case: "20 May 2017" is a date, "may meet" a hypothesis
		if modalCues[toks[k].Lower] && (toks[k].Text == toks[k].Lower || k == 0) && !(k == 0 && toks[k].Lower == "may" && toks[k].Text == "May") {
			return nil, nil, "hypothetical (\"" + toks[k].Lower + "\")"
		}
	}
	if t.i > 0 && groupOf[toks[t.i-1].Lower] {
		return nil, nil, "multilateral (\"" + toks[t.i-1].Lower + "\")" // "a trilateral summit with Biden", "a three-way summit with Raisi"
	}
	for k := max(0, t.i-3); k < min(len(toks), t.j+3); k++ {
		if multiCues[toks[k].Lower] && (k < t.i || k >= t.j) && tr.kind == engagement.Meeting && !sentenceHas(toks, "sidelines") && !sentenceHas(toks, "bilateral") &&
			!(t.j < len(toks) && toks[t.j].Lower == "with") { // a summit "with" someone is bilateral
			if tr.kind != engagement.Visit {
				return nil, nil, "multilateral (\"" + toks[k].Lower + "\")"
			}
		}
	}
	// participants: left of the trigger (its subject) and right of it
	var left, right []pref
	for _, r := range refs {
		switch {
		case r.j <= t.i && r.i >= lo:
			left = append(left, r)
		case r.i >= t.j && r.i < hi:
			right = append(right, r)
		case r.i < t.i && r.j > t.i: // the hyphenated pair overlapping a noun
			left = append(left, r)
		}
	}
	if tr.noun && laterNoun(toks, t.i) {
		return nil, nil, "a later engagement (\"before …\") with no date of its own"
	}
	if tr.obj && len(left) > 0 {
		// "Kenyatta, whom he received in the Oval Office": the relative is the object
		for k, r := range left {
			if toks[r.i].Lower == "whom" && t.i-r.j <= 3 && k+1 < len(left) {
				right = append([]pref{r}, right...)
				left = append([]pref{}, left[k+1:]...) // the relative clause's subject
				break
			}
		}
	}
	if len(right) > 1 {
		// "…, five weeks after supporters of Jair Bolsonaro stormed …": a
		// person further on after "of" is someone's, not the verb's object
		first := right[0]
		right = slices.DeleteFunc(right, func(r pref) bool {
			return r.i != first.i && r.i >= 2 && toks[r.i-1].Lower == "of" && toks[r.i-2].Text == toks[r.i-2].Lower && toks[r.i-2].IsWord()
		})
	}
	if tr.obj && (len(right) == 0 || right[0].i-t.j > 5 || right[0].i-t.j > 2 && (commaBetween(toks, t.j, right[0].i) || objectNoun(toks, t.j, right[0].i))) {
		return nil, nil, "no person right after the verb"
	}
	if tr.obj && toks[t.i].Lower == "called" && t.j == t.i+1 && right[0].j < len(toks) && !slices.ContainsFunc(dates, func(e nlp.DateExpr) bool { return e.Tok0 == right[0].j }) {
		// (but "called on X", and "called X the next day")
		switch toks[right[0].j].Lower {
		case "\"", "“", "a", "an", "the", "his", "her", "their", "'", "‘":
			return nil, nil, "\"called X …\" names, it does not telephone"
		}
	}
	byClause := false
	if tr.noun && clauseContact(toks, t) && !attached(toks, t, left, right) {
		// "Carney had invited Modi to the summit in a phone call on June 6": the clause's two people
		var before []pref
		for _, r := range refs {
			if r.j <= t.i && len(r.ents) == 1 && !r.plural {
				before = append(before, r)
			}
		}
		if len(before) == 2 && before[0].ents[0].country != before[1].ents[0].country && before[0].ents[0].country != "" && before[1].ents[0].country != "" {
			left, right, byClause = before, nil, true
		}
	}
	if tr.noun && tr.kind == engagement.Call && len(refs) <= 1 && ownDate(dates, t) {
		// "the call of February 3 bought a month's reprieve", "Carney's invitation, extended
		// in a telephone call on June 6": the pair the text is about
		if pair := d.mainPair(); pair != nil && (len(refs) == 0 || len(refs[0].ents) == 1 && slices.Contains(pair, refs[0].ents[0])) {
			left, byClause = []pref{{i: t.i, j: t.i, ents: pair, plural: true, how: "the text's pair"}}, true
		}
	}
	if tr.noun && tr.kind != engagement.Visit && !byClause && !attached(toks, t, left, right) {
		return nil, nil, "no participants attached to the noun"
	}
	// status
	status := engagement.Occurred
	for _, w := range window(toks, t.i, 0, 6) {
		if futureCues[w] && !(tr.noun && duringBefore(toks, t.i)) {
			status = engagement.Planned // (but "had invited Sanchez to visit during a telephone call": the call was)
		}
	}
	for k := t.i; k < t.j; k++ {
		if w := toks[k].Lower; w == "will" || w == "due" || w == "expected" {
			status = engagement.Planned // "is due in Canberra", "is expected in Washington"
		}
	}
	if t.i > 1 && toks[t.i-1].Lower == "to" && (intent[toks[t.i-2].Lower] || refEndsAt(refs, t.i-1)) && (tr.kind != engagement.Visit || !tr.dest || toks[t.i].Lower == "visit" || toks[t.i].Lower == "travel") {
		status = engagement.Planned
	}
	// "Trump will visit troops on Thursday before flying on to Abu Dhabi": a participle of a future verb
	if status == engagement.Occurred && !tr.noun && strings.HasSuffix(toks[t.i].Lower, "ing") && t.i > 0 && (toks[t.i-1].Lower == "before" || toks[t.i-1].Lower == "after" || toks[t.i-1].Lower == "then") {
		for k := t.i - 2; k >= 0 && toks[k].Text != ";"; k-- {
			if toks[k].Lower == "will" || toks[k].Lower == "shall" {
				status = engagement.Planned
				break
			}
		}
	}
	// "had been due to address parliament and to hold talks": an infinitive after an intent
	if status == engagement.Occurred && infinitive(toks, t.i) {
		for k := 0; k < t.i; k++ {
			if futureCues[toks[k].Lower] || intent[toks[k].Lower] && k+1 < len(toks) && toks[k+1].Lower == "to" {
				status = engagement.Planned
			}
			if toks[k].Text == ";" {
				status = engagement.Occurred
			}
		}
	}
	// "King Charles's state visit to France, which was to have begun on Sunday, had been postponed":
	// a noun is cancelled by its sentence's verb, a verb by the words around it
	reach := 8
	if tr.noun {
		reach = len(toks)
	}
	for k := max(0, t.i-8); k < min(len(toks), t.j+reach); k++ {
		if cancelCues[toks[k].Lower] || ((toks[k].Lower == "called" || toks[k].Lower == "calls" || toks[k].Lower == "put") && k+1 < len(toks) && toks[k+1].Lower == "off") ||
			(toks[k].Lower == "fell" || toks[k].Lower == "falls" || toks[k].Lower == "fallen") && k+1 < len(toks) && toks[k+1].Lower == "through" {
			status = engagement.Cancelled
		}
	}
	// date
	ref := d.refFor(year)
	var date, dateEnd engagement.Date
	anchor := ""
	if tr.noun && status == engagement.Occurred {
		for k := t.j; k < len(toks) && k < t.j+20 && !clauseEnd[toks[k].Lower]; k++ {
			if toks[k].Lower == "that" {
				break // "had a good call with Trump and that the planned tariffs …": another clause
			}
			if plannedAfter[toks[k].Lower] && toks[k-1].Lower != "had" && toks[k-1].Lower != "been" && !determiners[toks[k-1].Lower] && toks[k-1].Lower != "a" || toks[k].Lower == "being" && k+1 < len(toks) && plannedAfter[toks[k+1].Lower] ||
				(toks[k].Lower == "will" || toks[k].Lower == "would") && k+1 < len(toks) && goAhead[toks[k+1].Lower] || // "the visit to Germany would go ahead"
				toks[k].Lower == "expected" && (toks[k-1].Lower == "is" || toks[k-1].Lower == "are") && k+1 < len(toks) && toks[k+1].Lower != "to" { // "talks … are expected next week"
				status = engagement.Planned
				break
			}
		}
	}
	if e, ok := pickDate(toks, dates, t, trigs); ok {
		if status == engagement.Occurred && (timetable[toks[t.i].Lower] || progressive(toks, t) || timetableBefore(toks, t)) && (e.Rel == "weekday" || e.Rel == "tomorrow" || e.Rel == "today") {
			status = engagement.Planned // "leaves on Saturday for Abu Dhabi", "is heading to Moscow on Thursday"
		}
		if status == engagement.Occurred && e.Tok0 < len(toks) && toks[e.Tok0].Lower == "later" && strings.HasPrefix(e.Rel, "this_") {
			status = engagement.Planned // "later this month": still to come
		}
		// "the state visit, which was due to begin on Sunday, has been postponed": a day that was to come
		ahead := status == engagement.Planned || status == engagement.Cancelled && wasToCome(toks, e.Tok0)
		date, dateEnd = e.Resolve(rolled(toks, dates, e, ref), ahead)
		// "A month later X flew to Nairobi and met Y": one expression, one date for both
		key := dateKey{e.Tok0, status}
		if r, ok := d.resolved[key]; ok && e.Rel != "" {
			date, dateEnd = r[0], r[1]
		}
		d.resolved[key] = [2]engagement.Date{date, dateEnd}
		anchor = "text"
		// a date after publication is still to come: "goes ahead next week"
		// (the publication date itself, not a live blog's or chronology's entry)
		if !d.ref.Pub.IsZero() && status == engagement.Occurred && after2(date, d.ref.Pub) && !d.ref.Approx {
			status = engagement.Planned
		}
		// "Modi leaves for Croatia on Wednesday", written that Wednesday: the present of a timetable
		if !d.ref.Pub.IsZero() && status == engagement.Occurred && !d.ref.Approx && date == d.ref.Pub && timetable[toks[t.i].Lower] {
			status = engagement.Planned
		}
		// "spoke on January 9 and invited him to visit": the day of the invitation, not of the visit
		if k := invitationAt(toks, t.i); k >= 0 && status == engagement.Planned && e.Tok1 <= k {
			date, dateEnd = engagement.Date{}, engagement.Date{}
		}
	}
	if date.IsZero() && anchor == "" && status == engagement.Occurred {
		switch {
		case !d.narr.IsZero() && d.narrSent >= si-2 && d.narrSent > d.ctxSent && sequel(toks, t):
			date, anchor = d.narr, "the day narrated just before"
		case !d.ctxDate.IsZero():
			date, dateEnd = collapse(d.ctxDate, d.ctxEnd), engagement.Date{}
			anchor = "context"
		case !d.pub.IsZero() && status == engagement.Occurred:
			date = d.pub.Truncate(2)
			anchor = "publication month"
		}
		if earlier(toks, t, lo) && !date.IsZero() && !sequel(toks, t) {
			date = date.Truncate(1)
			anchor += ", earlier: year only"
		}
	}
	ord := 0
	for k := max(lo, t.i-3); k < t.i; k++ {
		if o, ok := ordinals[toks[k].Lower]; ok {
			ord = o
		}
	}
	if ord > 0 && ord < d.ctxOrdinal && anchor != "text" && !date.IsZero() {
		date = date.Truncate(1)
	}
	if date.IsZero() && status == engagement.Occurred && anchor != "text" {
		// "met on Monday" in an undated page keeps its anchor, with the date unknown
		return nil, nil, "no time anchor"
	}
	if date.IsZero() && status == engagement.Planned && t.i > 1 && toks[t.i-1].Lower == "to" && wishes[toks[t.i-2].Lower] {
		return nil, nil, "a wish with no date (\"" + toks[t.i-2].Lower + " to\")"
	}
	if tr.noun && !dateInPhrase(toks, dates, t) && t.i > 0 && (toks[t.i-1].Lower == "about" || t.i > 1 && toks[t.i-2].Lower == "about") {
		// "testified on Wednesday about his talks with Wang Yi": talks the sentence does not date
		return nil, nil, "talks spoken about, with no date of their own"
	}

	if tr.spoke && toAudience(toks, t) {
		return nil, nil, "spoke to an audience, not a counterpart"
	}
	kind, mode := tr.kind, tr.mode
	if tr.spoke && inPerson(toks, t) {
		kind, mode = engagement.Meeting, engagement.InPerson
	}
	if tr.noun && kind == engagement.Call && bareConversation(toks, t) && (sentenceHas(toks, "sidelines") || sentenceHas(toks, "margins") || placedAt(toks, t)) {
		// "had an 11-minute conversation on the sidelines of a summit in Thailand": face to face
		kind, mode = engagement.Meeting, engagement.InPerson
	}
	if kind == engagement.Meeting && !tr.noun {
		// "conferred with the emir by phone", "discussed the crisis over the phone": a call
		if m, ok := remoteMeans(toks, t); ok {
			kind, mode = engagement.Call, m
		}
	}
	if kind == engagement.Meeting && tr.noun && t.i > 0 {
		// "a telephone summit meeting", "a virtual meeting", "video talks"
		for k := t.i - 1; k >= 0 && k >= t.i-2; k-- {
			switch toks[k].Lower {
			case "telephone", "phone", "telephonic":
				kind, mode = engagement.Call, engagement.Phone
			case "video", "virtual", "online":
				kind, mode = engagement.Call, engagement.Video
			}
		}
	}
	ents := func(rs []pref) []*entity {
		var out []*entity
		for _, r := range rs {
			if r.office != nil && len(r.ents) == 0 {
				if e := d.resolveOffice(r, date); e != nil {
					r.ents = []*entity{e}
				}
			}
			for _, e := range r.ents {
				if !containsEnt(out, e) {
					out = append(out, e)
				}
			}
		}
		return out
	}
	possessed := false
	if tr.noun && len(left) > 0 {
		if r := left[len(left)-1]; r.poss && t.i-r.j <= 3 {
			left = []pref{r}
			possessed = true
		}
	}
	L, R := ents(left), ents(right)
	if tr.noun && len(right) >= 2 && right[0].i >= 1 && toks[right[0].i-1].Lower == "between" && right[0].i-t.j <= 2 {
		// "He credited the meeting between Modi and Xi": the two after "between", not the subject
		L, R = nil, ents(right[:2])
	}
	// "Vietnam played host to Biden", "Kenya welcomed the Chinese premier": a country hosting is the guest's visit
	if tr.obj && len(L) == 0 && len(R) > 0 {
		for _, a := range atoms {
			if a.kind == aCountry && a.j == t.i && !a.poss && a.code != R[0].country && R[0].country != "" {
				v := d.participant(R[0], date)
				m := &mention{Mention: engagement.Mention{Kind: engagement.Visit, Mode: engagement.InPerson, Status: status, Date: date, DateEnd: dateEnd,
					HostCountry: a.code, Participants: []engagement.Participant{v}}, sent: si}
				m.Location = d.cityIn(toks, atoms, a.code)
				s := d.sents[si]
				m.Evidence, m.Start, m.End = s.Text, s.Start, s.End
				return []*mention{m}, R[:1], ""
			}
		}
	}
	if coord && len(subj) > 0 && !possessed && !(len(L) >= 2 && jointLeft(toks, left)) {
		L = subj // (but "…, where he and Macron held the summit": a subject of its own)
	}
	if len(L) == 0 && len(subj) > 0 && t.i > lo && lo > 0 {
		L = subj
	}
	if onlyPlural(left, right) && anchor != "text" && (ord == 0 || thisWas(toks, t)) && d.hasEngagement(L, R) && (kind != engagement.Visit || d.visited(L, R)) {
		// (but "Both leaders were in the UAE on working visits" after their meeting: the trips are new)
		return nil, nil, "refers back to the engagement in focus"
	}
	base := engagement.Mention{Kind: kind, Mode: mode, Status: status, Date: date, DateEnd: dateEnd}
	var out []*mention
	if kind == engagement.Visit {
		return d.visits(si, toks, atoms, t, base, L, R, left, right, lo == 0 || possessed || !d.prevMade)
	}
	var who *entity
	if len(L) > 0 {
		who = L[0]
	} else if len(R) > 0 {
		who = R[0]
	}
	loc := d.location(toks, atoms, t, date, status, kind, who)
	if tr.noun && len(L) == 0 && len(R) == 1 {
		// "Modi received a congratulatory call from X": the sentence's subject before the
		// noun; "The second conversation with Putin came on 2 March": the person in focus
		other := nearest(d.sentRefs[:refsBefore(d.sentRefs, t.i)], toks, t.i)
		if other == nil && d.lastPerson >= si-1 {
			other = d.subject
		}
		if other != nil && other != R[0] && other.country != "" && other.country != R[0].country {
			L = []*entity{other}
		}
	}
	// "Kishida, Biden and Albanese met" is multilateral; "X met A and B"
	// (or "met separately with") is one bilateral meeting per object
	if c := frontedEnd(toks); c >= 0 && c < t.i && countries(L, nil) >= 2 {
		// "After watching the parade alongside Xi, Kim and Putin hold talks": the fronted phrase is no subject
		var subj []*entity
		for _, r := range left {
			if r.i > c {
				subj = append(subj, ents([]pref{r})...)
			}
		}
		if len(subj) >= 2 {
			L = subj
		}
	}
	if countries(L, nil) >= 2 && countries(L, R) >= 3 && !anyPlural(left) && !sentenceHas(toks, "separately") {
		return nil, L, "multilateral (three or more countries)"
	}
	// "travelled to Kyiv together with Nauseda for a meeting with Zelensky",
	// "in a meeting also attended by the crown prince": a third country at the table
	if third := companions(toks, refs, ents); countries(L, R) == 2 && countries(append(L, third...), R) >= 3 && !sentenceHas(toks, "separately") {
		return nil, L, "multilateral (a third country joined)"
	}
	if tr.noun && t.i > 0 && toks[t.i-1].Lower == "joint" && countries(ents(refs), nil) >= 3 {
		return nil, L, "multilateral (a joint meeting of three countries)"
	}
	// "The delegation met Zelensky and Putin in turn": met one by one, never together
	if len(L) == 0 && len(R) >= 2 && tr.obj && len(right) >= 2 && joinedByAnd(toks[right[0].j:right[1].i]) {
		// "It received U.S. President Joe Biden last September and Xi Jinping last December": two guests, not a pair
		return nil, nil, "no named host, and the guests came apart"
	}
	if len(L) == 0 && len(R) >= 2 && (sentenceHas(toks, "turn") && sentenceHas(toks, "in") || sentenceHas(toks, "separately") || sentenceHas(toks, "respectively")) {
		return nil, nil, "no named subject, and the objects were met one by one"
	}
	pairs := pairUp(L, R)
	for _, r := range left {
		if r.plural && len(r.ents) == 2 {
			// "the two ministers met …, in the presence of X": the pair alone
			pairs = [][2]*entity{{r.ents[0], r.ents[1]}}
		}
	}
	if len(pairs) == 0 {
		return nil, L, "no second party"
	}
	for _, p := range pairs {
		if kind == engagement.Call {
			loc = ""
		}
		m := d.newMention(si, base, p, loc)
		m.ordinal = ord
		if m.Participants == nil {
			continue
		}
		out = append(out, m)
	}
	if ord > d.ctxOrdinal {
		d.ctxOrdinal = ord
	}
	if len(out) == 0 {
		return nil, L, "both sides from one country"
	}
	d.objectDates(toks, dates, right, R, out, year)
	if welcome {
		// "arrived and was received by the Minister of State": protocol at the door,
		// unless the host is of the guest's rank ("was received by UAE President …")
		out = slices.DeleteFunc(out, func(m *mention) bool { return m.Participants[1].Rank > m.Participants[0].Rank })
		if len(out) == 0 {
			return nil, L, "a welcome on arrival by a lower rank, not talks"
		}
	}
	if v := d.welcomedTo(si, toks, atoms, t, right, out); v != nil {
		out = append(out, v)
	}
	if joint := jointObjects(toks, kind, right, out); joint != nil {
		return []*mention{joint}, L, ""
	}
	return out, L, ""
}

// objectDates gives a second object its own date: "talks with Xi on
// November 6 and with Premier Li Qiang the next day".
func (d *docState) objectDates(toks []nlp.Token, dates []nlp.DateExpr, right []pref, R []*entity, out []*mention, year int) {
	if len(out) < 2 || len(out) != len(R) || len(right) < len(R) {
		return
	}
	for k := 1; k < len(out); k++ {
		r := right[k]
		if len(r.ents) != 1 || r.ents[0] != R[k] || r.i < 2 || toks[r.i-1].Lower != "with" || toks[r.i-2].Lower != "and" {
			continue
		}
		for _, e := range dates {
			if e.Tok0 < r.j || e.Tok0 > r.j+1 {
				continue
			}
			ref := d.refFor(year)
			ref.Ctx = out[k-1].Date
			if dt, end := e.Resolve(ref, false); !dt.IsZero() {
				out[k].Date, out[k].DateEnd = dt, end
			}
			break
		}
	}
}

// samePair: the mention is between these two people.
func samePair(m *mention, pair []*entity) bool {
	a, b := m.Participants[0].Name, m.Participants[1].Name
	return a == pair[0].name && b == pair[1].name || a == pair[1].name && b == pair[0].name
}

// joinedByAnd: the words between two objects join them ("Biden last
// September and Xi") within one clause.
func joinedByAnd(between []nlp.Token) bool {
	and := false
	for _, w := range between {
		switch w.Lower {
		case "and":
			and = true
		case ",", ";", ".":
			return false
		}
	}
	return and
}

// audiences are those one speaks to without a counterpart: "spoke to reporters".
var audiences = map[string]bool{"reporters": true, "journalists": true, "press": true, "media": true, "students": true, "audience": true,
	"crowd": true, "crowds": true, "supporters": true, "lawmakers": true, "parliament": true, "parliamentarians": true, "troops": true,
	"soldiers": true, "diaspora": true, "investors": true, "workers": true, "delegates": true, "nation": true, "citizens": true, "voters": true}

// toAudience: "spoke to reporters", "spoke to the press".
func toAudience(toks []nlp.Token, t atom) bool {
	k := t.j
	if k < len(toks) && determiners[toks[k].Lower] {
		k++
	}
	return k < len(toks) && audiences[toks[k].Lower]
}

// groupOf: words before a meeting noun that make it a meeting of three or more.
var groupOf = map[string]bool{"trilateral": true, "quadrilateral": true, "multilateral": true, "three-way": true, "four-way": true, "tripartite": true}

var determiners = map[string]bool{"the": true, "his": true, "her": true, "their": true}

// mainPair is the pair a text is about: its two most named people, of two
// countries, each named at least twice; nil when there is no clear pair.
func (d *docState) mainPair() []*entity {
	ranked := slices.Clone(d.order)
	slices.SortStableFunc(ranked, func(x, y *entity) int { return d.times[y] - d.times[x] })
	if len(ranked) < 2 || ranked[0].country == "" {
		return nil
	}
	a := ranked[0]
	for k, b := range ranked[1:] {
		if b.country == "" || b.country == a.country {
			continue
		}
		if d.times[b] < 2 {
			return nil
		}
		for _, c := range ranked[1 : k+1] { // someone of a's side as named as b is fine; another side is not
			if c.country != a.country && d.times[c] >= d.times[b] {
				return nil
			}
		}
		for _, c := range ranked[k+2:] {
			if c.country != a.country && c.country != b.country && d.times[c] >= d.times[b] {
				return nil
			}
		}
		return []*entity{a, b}
	}
	return nil
}

// negatedHappening: verbs that, negated after an engagement's noun, say it did not happen.
var negatedHappening = map[string]bool{"take": true, "took": true, "taken": true, "happen": true, "happened": true, "held": true,
	"materialise": true, "materialize": true, "materialised": true, "materialized": true, "ruled": true, "go": true, "went": true, "occur": true, "occurred": true}

func attached(toks []nlp.Token, t atom, left, right []pref) bool {
	// "the meeting most watched in Asia was between Modi and Xi", "the summit he held there with Ishiba"
	for _, r := range right {
		if r.i > 0 && !commaBetween(toks, t.j, r.i) && (toks[r.i-1].Lower == "between" || toks[r.i-1].Lower == "with" && r.i-t.j <= 6) {
			return true
		}
	}
	// "el-Sisi, meeting Xi in Kazan, called …": a participle and its object
	if len(right) > 0 && right[0].i == t.j && toks[t.i].Lower == "meeting" {
		return true
	}
	if len(right) > 0 && right[0].i-t.j <= 3 {
		switch toks[t.j].Lower {
		case "with", "between", "of", "by", "on", "to", "from":
			return true
		}
	}
	if len(left) > 0 {
		r := left[len(left)-1]
		if t.i-r.j <= 4 && (r.poss || r.plural || r.j >= t.i) {
			return true
		}
		if r.plural && t.i-r.j <= 6 {
			return true
		}
		// "X and Y held talks": a joint subject
		if jointLeft(toks, left) {
			return true
		}
		// "X held a meeting with", "X had an hour long meeting with": subject + verb + noun
		for k := r.j; k < t.i; k++ {
			switch toks[k].Lower {
			case "held", "had", "hold", "holds", "has", "have", "made", "paid", "pays", "attended", "received":
				// "The two Prime Ministers held the 15th India-Japan Annual Summit": the pair's own
				return len(right) > 0 || t.trig.kind == engagement.Visit || r.plural && len(r.ents) == 2 && t.i-r.j <= 10 && toks[k].Lower != "attended"
			}
		}
	}
	return false
}

// countries counts the distinct known countries of two sides.
func countries(L, R []*entity) int {
	seen := map[string]bool{}
	for _, e := range append(append([]*entity{}, L...), R...) {
		if e.country != "" {
			seen[e.country] = true
		}
	}
	return len(seen)
}

func anyPlural(rs []pref) bool {
	for _, r := range rs {
		if r.plural {
			return true
		}
	}
	return false
}

// hasEngagement reports whether the document already made an engagement
// (of any kind: "their talks" may be the call just reported) between the
// people "they", "the two men" stand for.
// visited: one of these people has a visit on record.
func (d *docState) visited(L, R []*entity) bool {
	for _, m := range d.mentions {
		if m.Kind != engagement.Visit {
			continue
		}
		for _, e := range append(append([]*entity{}, L...), R...) {
			if d.involves(m, e) {
				return true
			}
		}
	}
	return false
}

func (d *docState) hasEngagement(L, R []*entity) bool {
	people := append(append([]*entity{}, L...), R...)
	for _, m := range d.mentions {
		n := 0
		for _, e := range people {
			if d.involves(m, e) {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// onlyPlural: the participants come only from "they", "their", "the two sides".
func onlyPlural(left, right []pref) bool {
	n := 0
	for _, r := range append(append([]pref{}, left...), right...) {
		if !r.plural && len(r.ents) > 0 {
			return false
		}
		if r.plural {
			n++
		}
	}
	return n > 0
}

func containsEnt(l []*entity, e *entity) bool { return slices.Contains(l, e) }

// pairUp makes the pairs of a trigger: the subject with each object, or the
// two named together on one side ("X and Y met", "talks between X and Y").
func pairUp(L, R []*entity) [][2]*entity {
	var out [][2]*entity
	if len(L) >= 2 {
		// "the President of Russia and the Prime Minister of India had a conversation at
		// the President's residence": an object that is one of the subjects is no other side
		R = slices.DeleteFunc(slices.Clone(R), func(e *entity) bool { return slices.Contains(L, e) })
	}
	if len(L) > 0 && len(R) > 0 {
		for _, r := range R {
			if r != L[0] {
				out = append(out, [2]*entity{L[0], r})
			}
		}
		return out
	}
	side := L
	if len(side) == 0 {
		side = R
	}
	if len(side) >= 2 {
		out = append(out, [2]*entity{side[0], side[1]})
	}
	return out
}

// newMention makes a call or meeting between two people; a mention with no
// participants when they are not officials of two states.
func (d *docState) newMention(si int, base engagement.Mention, p [2]*entity, loc string) *mention {
	m := &mention{Mention: base, sent: si}
	m.Location = loc
	a, b := d.participant(p[0], base.Date), d.participant(p[1], base.Date)
	// a side whose country the text does not give: the place of the meeting, or the dateline
	host := ""
	if base.Kind == engagement.Meeting {
		if _, c, ok := d.x.lex.City(m.Location); ok {
			host = c
		}
	}
	if host == "" {
		host = d.dateline.country
	}
	if a.Country == "" && b.Country != "" && host != "" && host != b.Country {
		a.Country = host
	}
	if b.Country == "" && a.Country != "" && host != "" && host != a.Country {
		b.Country = host
	}
	if a.Country == b.Country || stateless(a) || stateless(b) {
		d.tracef("    (dropped: both sides of one country, or a side no state's)")
		return &mention{}
	}
	// someone the office table knows, but who held no office then (an opposition leader, a former minister)
	if d.outOfOffice(p[0], base.Date) || d.outOfOffice(p[1], base.Date) {
		d.tracef("    (dropped: %s or %s held no office then)", a.Name, b.Name)
		return &mention{}
	}
	m.Participants = []engagement.Participant{a, b}
	s := d.sents[si]
	m.Evidence, m.Start, m.End = s.Text, s.Start, s.End
	return m
}

// stateless: not an official of a state. Both sides of an engagement are: a
// side with no country needs a state title, and a secretary-general speaks
// for an organisation (NATO, the UN), whatever the passport.
func stateless(p engagement.Participant) bool {
	return p.Country == "" && p.Title == "" || strings.Contains(p.Title, "Secretary-General")
}

// outOfOffice reports whether a person the office table knows was not yet,
// or no longer, in office on a date the text gives to the month or day (an
// opposition leader, a former minister), when the text gives no title. A gap
// between two offices is more likely a gap in the table: it does not count.
func (d *docState) outOfOffice(e *entity, date engagement.Date) bool {
	if e.person == nil || e.title != "" || date.Precision() < 2 || len(e.person.Offices) == 0 {
		return false
	}
	first, last := e.person.Offices[0].From, e.person.Offices[0].To
	for _, o := range e.person.Offices {
		if o.From.IsZero() || first.After(o.From) {
			first = o.From
		}
		if o.To.IsZero() {
			last = engagement.Date{}
			break
		}
		if o.To.After(last) {
			last = o.To
		}
	}
	p2 := func(x engagement.Date) engagement.Date { return x.Truncate(min(x.Precision(), date.Precision())) }
	before := !first.IsZero() && p2(first).After(p2(date).Truncate(p2(first).Precision()))
	after := !last.IsZero() && date.Year > last.Year+2
	return before || after
}

// participant gives an entity's record as of a date: the title the text gave,
// or else the office the lexicon says the person held then.
func (d *docState) participant(e *entity, date engagement.Date) engagement.Participant {
	p := engagement.Participant{Name: e.name, Title: e.title, Country: e.country, Rank: e.rank}
	if e.person != nil {
		if o, ok := d.x.lex.OfficeOn(e.person, date); ok {
			if p.Title == "" {
				p.Title = o.Title
			}
			if t, ok := d.x.lex.Title(o.Title); ok && (p.Rank == 0 || p.Title == o.Title) {
				p.Rank = t.RankIn(p.Country)
			}
		}
	}
	// the rank of the text's title(s) in the participant's country (a General
	// Secretary leads Vietnam; a Foreign Secretary is a minister in Britain)
	if p.Title != "" {
		best := 0
		for _, part := range strings.Split(strings.TrimPrefix(p.Title, "Acting "), " and ") {
			if t, ok := d.x.lex.Title(part); ok {
				if r := t.RankIn(p.Country); r != 0 && (best == 0 || r < best) {
					best = r
				}
			}
		}
		if best != 0 {
			p.Rank = best
		}
	}
	if p.Rank == 0 {
		p.Rank = 5
	}
	return p
}
