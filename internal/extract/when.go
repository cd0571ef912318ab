package extract

// When an engagement happened: the date expression that dates a trigger, the
// date in focus that undated sentences inherit, and the cues that place a
// contact before the story ("had met", "since …") or after it ("before his
// summit").

import (
	"strings"

	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

// refFor is what the sentence's date expressions resolve against: the
// publication date (or the live-blog entry's day), the year in focus, and
// the date of the engagement in focus.
func (d *docState) refFor(year int) nlp.Ref {
	ref := nlp.Ref{Pub: d.ref.Pub, Approx: d.ref.Approx, Year: year, Ctx: d.ctxDate, Said: d.said}
	if !d.entry.IsZero() {
		ref.Pub, ref.Approx = d.entry, false
	}
	return ref
}

// daysApart is the distance in days between two dates (the first day of coarser ones).
func daysApart(a, b engagement.Date) int {
	if a.IsZero() || b.IsZero() {
		return 1 << 30
	}
	n := a.DayNumber() - b.DayNumber()
	if n < 0 {
		n = -n
	}
	return n
}

// pickDate chooses the date expression that dates a trigger: the nearest one
// in its clause, after it first. "since April" and deadlines do not date it.
func pickDate(toks []nlp.Token, dates []nlp.DateExpr, t atom, trigs []atom) (nlp.DateExpr, bool) {
	best, bestDist := -1, 1<<30
	head := headingDate(toks, dates)
	for k, e := range dates {
		if head >= 0 && k != head && e.Rel != "" {
			continue // "- **7–8 May 2023, Seoul.** Kishida returned the visit less than two months later": the entry's date
		}
		if o := owner(e, trigs); o != nil && o.trig.kind != t.trig.kind && e.Tok0 >= t.j && (t.trig.kind != engagement.Visit || o.trig.kind == engagement.Call) && !multiCues[toks[o.j-1].Lower] {
			continue // it dates a neighbouring engagement of another kind (a visit spans its meetings, not a call; a summit, what happened at it)
		}
		if o := owner(e, trigs); o != nil && o.i != t.i && o.i > 0 && o.trig.noun && e.Tok0 > t.j {
			switch toks[o.i-1].Lower {
			case "previous", "earlier", "last", "first":
				continue // "Widodo's visit to Canberra comes three years after his previous trip, in February 2017"
			}
		}
		prev := ""
		if e.Tok0 > 0 {
			prev = toks[e.Tok0-1].Lower
		}
		if prev == "until" || prev == "by" || prev == "till" || prev == "before" {
			continue
		}
		if quoted(toks, e.Tok0) {
			continue
		}
		// "since they met in Astana in October": the date belongs to the
		// trigger inside the since-clause, not to one outside it
		if k := sinceAt(toks, e); k >= 0 && !(k < t.i && t.j <= e.Tok0) && !whenAfter(toks, e, t) {
			continue
		}
		if e.Rel == "recent" && e.Tok0 > 0 && t.i > e.Tok0 && t.i-e.Tok0 > 3 {
			continue
		}
		if e.Tok1 < len(toks) && toks[e.Tok1].Lower == "'s" && e.Rel != "" && e.Tok1+1 != t.i && e.Tok1+2 != t.i {
			continue // "after last year's disengagement": a date of something else (but "Monday's talks")
		}
		if o := owner(e, trigs); o != nil && o.i != t.i && possessedNoun(toks, *o) && e.Tok0 >= o.j && e.Tok0-o.j <= 6 && t.i > e.Tok1 {
			continue // "weeks after Carney's visit to the White House in May, and later met Starmer": the visit's month
		}
		if e.Tok0 > t.j && thatClauseBetween(toks, t.j, e.Tok0) {
			continue // "flew to Caracas …, restoring relations that had been broken off in 2019": the clause's date
		}
		if p := documentDated(toks, e); p >= 0 && p != t.i {
			continue // "agreed to activate a security agreement signed in 2001": the document's date
		}
		if e.Tok0 > t.j && participleBetween(toks, t.j, e.Tok0) && dates[0].Tok1 <= t.i {
			continue // "… on Monday, and held talks with Zelensky, pledging aid to be delivered in December"
		}
		// "X, who arrived in the Kingdom on Thursday, held talks with Y": the
		// relative clause's date is its own
		if lo, hi := relativeClause(toks, e.Tok0); lo >= 0 && (t.i < lo || t.i >= hi) && !(t.trig.noun && t.j <= lo && lo-t.j <= 3) {
			continue // (but "his state visit to France, which was to begin on Sunday": the noun's own)
		}
		dist := 0
		if e.Tok0 >= t.j {
			dist = e.Tok0 - t.j
		} else {
			dist = (t.i - e.Tok1) + 2 // prefer a date after the trigger
		}
		if e.Rel == "recent" {
			dist += 8 // "met quite recently in Tehran, on 19 July": the date itself
		}
		if o := owner(e, trigs); o != nil && (o.i != t.i || o.j != t.j) {
			dist += 10 // "held talks on Sunday, after an encounter in New York in September"
		}
		if inParens(toks, e.Tok0) {
			dist += 20 // "On January 13 (January 14, Japan time)": the aside is not the date
		}
		if e.Tok0 > t.j && newClause(toks[t.j:e.Tok0]) {
			dist += 20 // "…, holding talks with Macron, and in February he flew to Washington": the next clause's date
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		return nlp.DateExpr{}, false
	}
	if f := dates[best]; f.Year != 0 && f.Month == 0 && f.Rel == "" && f.Tok0 <= 1 && f.Tok1 <= t.i {
		// "In 2024 the two met … in Astana on July 3": the opening year frames the day that follows
		for _, e := range dates {
			if e.Tok0 >= t.j && e.Day != 0 && e.Year == 0 && e.Rel == "" && !newClause(toks[t.j:e.Tok0]) {
				return e, true
			}
		}
	}
	return dates[best], true
}

// owner is the trigger a date expression belongs to: the nearest one before
// it ("met X on Monday"), else the nearest after it ("On Monday X met").
func owner(e nlp.DateExpr, trigs []atom) *atom {
	var before, after *atom
	for i := range trigs {
		t := &trigs[i]
		if t.j <= e.Tok0 {
			before = t
		} else if after == nil && t.i >= e.Tok1 {
			after = t
		}
	}
	if before != nil {
		return before
	}
	return after
}

// sinceBefore: "since April 2022", "since becoming FM in April, 2022" — a
// starting point, not the date of an engagement.
func sinceBefore(toks []nlp.Token, e nlp.DateExpr) bool { return sinceAt(toks, e) >= 0 }

// sinceAt returns the index of the "since" that governs a date expression, or -1.
func sinceAt(toks []nlp.Token, e nlp.DateExpr) int {
	for k := e.Tok0 - 1; k >= 0 && k >= e.Tok0-8; k-- {
		if k < e.Tok0-1 && isNumber(toks[k].Text) {
			return -1 // "since 2023 next month": the since has its own date
		}
		switch toks[k].Lower {
		case "since":
			if k+3 < e.Tok0 && toks[k+1].Lower == "the" && !sinceContacts[toks[k+2].Lower] && toks[k+3].Lower == "in" && toks[k+4].IsCap() {
				return -1 // "met Zelensky for the first time since the invasion in Hiroshima in May 2023": the meeting's place and date
			}
			return k
		case ",", ";":
			return -1
		}
	}
	return -1
}

// sinceContacts: nouns after "since the" whose place and date are theirs ("since the summit in Brasilia in 2019").
var sinceContacts = map[string]bool{"meeting": true, "summit": true, "talks": true, "visit": true, "call": true, "trip": true,
	"conversation": true, "encounter": true, "election": true, "elections": true, "conference": true, "session": true}

// quoted reports whether token i stands inside quotation marks.
func quoted(toks []nlp.Token, i int) bool {
	n := 0
	for k := 0; k < i; k++ {
		switch toks[k].Text {
		case "\"", "“", "”":
			n++
		}
	}
	return n%2 == 1
}

// entryHeading: a short line that opens with a day's date, then a time or a dash.
func entryHeading(toks []nlp.Token, dates []nlp.DateExpr) (nlp.DateExpr, bool) {
	if len(toks) > 16 || len(dates) == 0 {
		return nlp.DateExpr{}, false
	}
	e := dates[0]
	// a bullet or bold marks may come first: "- 13–14 July 2023: …", "**25 April 2019**: …"
	lead := 0
	for lead < e.Tok0 && !toks[lead].IsWord() && toks[lead].Lower != "" && len(toks[lead].Text) == 1 {
		lead++
	}
	if e.Tok0 != lead && !(e.Tok0 == lead+1 && weekdayTok(toks[lead])) {
		return nlp.DateExpr{}, false
	}
	// "Thursday 25 September": the day of the month after the weekday
	if e.Rel == "weekday" && len(dates) > 1 && dates[1].Tok0 <= e.Tok1+1 && dates[1].Day != 0 {
		e = dates[1]
	}
	if e.Day == 0 && e.Rel != "weekday" {
		return nlp.DateExpr{}, false
	}
	if e.Tok1 >= len(toks)-1 && e.Day != 0 {
		return e, true // a line of its own: "Sunday, 31 August"
	}
	for _, t := range toks[e.Tok1:min(len(toks), e.Tok1+6)] {
		if t.Text == "—" || t.Text == "–" || t.Text == "-" || t.Text == ":" || t.Text == "|" {
			return e, true
		}
	}
	return nlp.DateExpr{}, false
}

// isClock: "14:20", "08:10".
func isClock(s string) bool {
	h, m, ok := strings.Cut(s, ":")
	return ok && len(h) >= 1 && len(h) <= 2 && len(m) == 2 && h[0] >= '0' && h[0] <= '9' && m[0] >= '0' && m[0] <= '5'
}

func weekdayTok(t nlp.Token) bool {
	switch t.Lower {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// collapse turns a range into the coarsest date both ends share.
func collapse(d, end engagement.Date) engagement.Date {
	if end.IsZero() || end == d {
		return d
	}
	p := min(d.Precision(), end.Precision())
	for p > 0 && d.Truncate(p) != end.Truncate(p) {
		p--
	}
	return d.Truncate(p)
}

func after2(a, b engagement.Date) bool {
	p := min(a.Precision(), b.Precision())
	return a.Truncate(p).After(b.Truncate(p))
}

// earlier: the clause says the contact came before the time in focus ("had
// previously spoken", "had met").
func earlier(toks []nlp.Token, t atom, lo int) bool {
	for k := t.i - 1; k >= lo && k >= t.i-7; k-- { // "had held a brief, tense conversation"
		l := toks[k].Lower
		if l == "previously" || l == "once" || l == "formerly" {
			return true
		}
		if l == "had" && k+1 < len(toks) && (pastParts[toks[k+1].Lower] || toks[k+1].Lower == "previously" || toks[k+1].Lower == "earlier" || toks[k+1].Lower == "already") {
			return true
		}
	}
	return false
}

// aside: a contact mentioned in passing, inside a since-clause ("the first
// meeting since the Sochi talks") or as earlier than the story ("had met"):
// it does not date the sentences that follow.
func aside(toks []nlp.Token, t atom, lo int) bool {
	// "He warmly recalled his visit to Brasília in November 2019"
	for k := 0; k < t.i; k++ {
		switch toks[k].Lower {
		case "recalled", "recalling", "remembered", "recalls":
			return true
		}
	}
	for k := t.i - 1; k >= 0 && k >= t.i-6; k-- {
		if toks[k].Lower == "since" {
			return true
		}
		if toks[k].Lower == "after" && t.trig.noun && k > 0 && !clauseEnd[toks[k-1].Lower] && k+1 < t.i {
			return true // "He met Carney in the morning, weeks after Carney's visit to the White House in May": a time reference
		}
		if toks[k].Text == "," || toks[k].Text == ";" {
			break
		}
	}
	return earlier(toks, t, lo)
}

// laterNoun: "before his first summit", "ahead of the talks": the noun is an
// engagement still to come when the sentence's own event happens.
func laterNoun(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].Lower {
		case "before", "ahead":
			return true
		case "his", "her", "their", "the", "a", "an", "first", "planned", "upcoming", "of", "next":
			continue
		}
		return false
	}
	return false
}

// whenAfter reports whether a trigger stands in the when-clause that follows
// a date: "since July 2000, when he met Kim Jong Il" dates that meeting.
func whenAfter(toks []nlp.Token, e nlp.DateExpr, t atom) bool {
	k := e.Tok1
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	if k >= len(toks) || toks[k].Lower != "when" || t.i <= k || t.i-k > 14 {
		return false
	}
	for _, w := range toks[k:t.i] {
		if w.Text == "," || w.Text == ";" {
			return false // (the when-clause has ended)
		}
	}
	return true
}

// inParens reports whether token i stands inside parentheses.
func inParens(toks []nlp.Token, i int) bool {
	n := 0
	for k := 0; k < i; k++ {
		switch toks[k].Text {
		case "(":
			n++
		case ")":
			n--
		}
	}
	return n > 0
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// relativeClause gives the span of ", who … ," (or which, whom) around token
// i, closed by a comma; -1 when i is in none.
func relativeClause(toks []nlp.Token, i int) (int, int) {
	lo := -1
	for k := i - 1; k > 0; k-- {
		if toks[k].Text == "," || toks[k].Text == ";" {
			switch toks[k+1].Lower {
			case "who", "whom", "which":
				lo = k
			}
			break
		}
	}
	if lo < 0 {
		return -1, -1
	}
	for k := i + 1; k < len(toks); k++ {
		if toks[k].Text == "," {
			return lo, k + 1
		}
	}
	return -1, -1 // a clause that runs to the end may be the main news
}

// participleBetween: a participle clause opens between tokens i and j (",
// pledging …", ", saying …"): what follows is its own.
func participleBetween(toks []nlp.Token, i, j int) bool {
	for k := i; k+1 < j; k++ {
		if toks[k].Text == "," && strings.HasSuffix(toks[k+1].Lower, "ing") && len(toks[k+1].Lower) > 5 && toks[k+1].Text == toks[k+1].Lower {
			return true
		}
	}
	return false
}

// headingDate is the index of a date that opens the sentence as a
// chronology's entry heading ("- **21 September 2022, New York.** …",
// "• 7 May 2023:"), -1 when there is none.
func headingDate(toks []nlp.Token, dates []nlp.DateExpr) int {
	if len(dates) == 0 || !dates[0].Absolute() || dates[0].Day == 0 {
		return -1
	}
	for _, w := range toks[:dates[0].Tok0] {
		if w.IsWord() {
			return -1
		}
	}
	if dates[0].Tok0 == 0 {
		return -1 // (a sentence that merely starts with its date)
	}
	return 0
}

// headingCity is the city a chronology's entry heading names after its
// date ("- **7–8 May 2023, Seoul.** …"), with its country.
func (d *docState) headingCity(toks []nlp.Token, atoms []atom, dates []nlp.DateExpr) (string, string) {
	if headingDate(toks, dates) < 0 {
		return "", ""
	}
	k := dates[0].Tok1
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	for _, a := range atoms {
		if a.kind == aCity && a.i == k {
			if _, c, ok := d.x.lex.City(a.text); ok {
				return a.text, c
			}
		}
	}
	return "", ""
}

// documents are things signed, whose participle's date is theirs.
var documents = map[string]bool{"agreement": true, "agreements": true, "accord": true, "accords": true, "treaty": true, "pact": true,
	"deal": true, "memorandum": true, "declaration": true, "charter": true, "statement": true, "protocol": true, "convention": true}

// documentDated returns the index of the participle in "an agreement signed
// in 2001", "an accord dating from 1998", -1 when the date is not one.
func documentDated(toks []nlp.Token, e nlp.DateExpr) int {
	k := e.Tok0 - 1
	if k < 2 || !(toks[k].Lower == "in" || toks[k].Lower == "on" || toks[k].Lower == "from") {
		return -1
	}
	p := k - 1
	if w := toks[p].Lower; !(strings.HasSuffix(w, "ed") || w == "dating" || w == "signed") {
		return -1
	}
	// the document may stand a few words back: "an accord on trade, economy and investment dating from 1998"
	for k := p - 1; k >= 0 && k >= p-8 && toks[k].Text != ";"; k-- {
		if documents[toks[k].Lower] {
			return p
		}
		if k < p-1 && pastParts[toks[k].Lower] {
			break
		}
	}
	return -1
}

// possessedNoun: a noun trigger with its owner before it ("Carney's visit").
func possessedNoun(toks []nlp.Token, o atom) bool {
	return o.trig.noun && o.i > 0 && (toks[o.i-1].Lower == "'s" || toks[o.i-1].Lower == "’s")
}

// thatClauseBetween: a relative clause opens between tokens i and j
// ("relations that had been broken off in 2019").
func thatClauseBetween(toks []nlp.Token, i, j int) bool {
	for k := i; k+1 < j; k++ {
		if w := toks[k].Lower; (w == "that" || w == "which") && k > 0 && toks[k-1].IsWord() && toks[k-1].Text == toks[k-1].Lower {
			switch toks[k+1].Lower {
			case "had", "has", "have", "was", "were":
				return true
			}
		}
	}
	return false
}

// rolled moves the year of a month named after a later month of a stated
// year into the next one: "in December 2021, …, and in February he flew to
// Washington" is February 2022.
func rolled(toks []nlp.Token, dates []nlp.DateExpr, e nlp.DateExpr, ref nlp.Ref) nlp.Ref {
	if e.Year != 0 || e.Month == 0 || e.Rel != "" || ref.Year == 0 {
		return ref
	}
	for _, p := range dates {
		if p.Tok1 > e.Tok0 || p.Year != ref.Year || p.Month <= e.Month {
			continue
		}
		for _, w := range toks[p.Tok1:e.Tok0] {
			if w.Lower == "and" || w.Lower == "then" || w.Lower == "later" {
				ref.Year++
				return ref
			}
		}
	}
	return ref
}
