// Package fuse decides which mentions report the same real-world engagement
// and folds the reports of one engagement into a single record.
//
// The store calls it inside the transaction that saves a document: Keys finds
// the candidate engagements, Same tests each, Score ranks those Same accepts,
// and Build recomputes the record.
//
// The invariant between them: any two mentions Same would join share at least
// one key, so blocking never hides a true match.
package fuse

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// Keys returns the blocking keys of a mention, sorted and without
// duplicates: two mentions can only report the same engagement if they share
// a key.
//
// A call or meeting is keyed by its kind and, for each pair of participants
// that can stand on different sides (their countries differ, or one is
// unknown), each pair of their name tokens: "call|blinken|dar". Same accepts
// two mentions only when each of two sides has a person that both name with
// a common token, so the two mentions share the key of those two tokens.
// Countries are left out of the keys: an unknown country matches any, and
// the token pair is selective enough.
//
// A visit is keyed by each name token of its visitor and the host country
// ("?" when unknown): "visit|modi|RUS".
//
// A name gives at most maxTokens tokens, so a pair of participants gives at
// most maxTokens² keys (usually 4 to 6).
func Keys(m engagement.Mention) []string {
	ps := m.Participants
	var keys []string
	if m.Kind == engagement.Visit {
		if len(ps) == 0 {
			return nil
		}
		host := m.HostCountry
		if host == "" {
			host = "?"
		}
		for _, t := range nameTokens(ps[0].Name) {
			keys = append(keys, "visit|"+t+"|"+host)
		}
	} else {
		if len(ps) < 2 {
			return nil
		}
		toks := make([][]string, len(ps))
		for i := range ps {
			toks[i] = nameTokens(ps[i].Name)
		}
		kind := string(m.Kind)
		keys = make([]string, 0, 8)
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				if !canOppose(ps[i].Country, ps[j].Country) {
					continue
				}
				for _, x := range toks[i] {
					for _, y := range toks[j] {
						lo, hi := x, y
						if lo > hi {
							lo, hi = hi, lo
						}
						keys = append(keys, kind+"|"+lo+"|"+hi)
					}
				}
			}
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// canOppose reports whether two participants of one mention with these
// countries can be on different sides: not the same known country.
func canOppose(a, b string) bool { return a != b || a == "" }

// maxTokens bounds the tokens taken from one name: the first two and the
// last two, which hold the given name and the family name in the orders
// names come in ("Xi Jinping", "Luiz Inácio Lula da Silva").
const maxTokens = 4

// nameTokens splits a name into folded tokens (lower case, common Latin
// diacritics removed) of two letters or more, dropping honorifics and name
// particles, without duplicates, at most maxTokens. Keys and samePerson both
// read names through it, which keeps them consistent.
func nameTokens(name string) []string {
	name = foldName(name)
	var out []string
	for i := 0; i < len(name); {
		r, n := utf8.DecodeRuneInString(name[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(name) {
			r, n := utf8.DecodeRuneInString(name[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		t := name[i:j]
		i = j
		if utf8.RuneCountInString(t) < 2 || honorific[t] || particle[t] || slices.Contains(out, t) {
			continue
		}
		if out == nil {
			out = make([]string, 0, maxTokens+1)
		}
		out = append(out, t)
	}
	if len(out) > maxTokens {
		out = append(out[:2], out[len(out)-2:]...)
	}
	return out
}

// foldName folds every letter of a name (see fold).
func foldName(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Map(fold, s)
		}
	}
	return strings.ToLower(s)
}

// fold lower-cases r and strips the diacritics of common Latin letters, so
// "Erdoğan" and "Erdogan", "López" and "Lopez" fold alike.
func fold(r rune) rune {
	if f, ok := latinFold[r]; ok {
		return f
	}
	return unicode.ToLower(r)
}

var latinFold = func() map[rune]rune {
	m := map[rune]rune{}
	for base, vs := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćĉċč", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ĝğġģ",
		'h': "ĥħ", 'i': "ìíîïĩīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņňŉ",
		'o': "òóôõöøōŏő", 'r': "ŕŗř", 's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűų",
		'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, v := range vs {
			m[v] = base
			m[unicode.ToUpper(v)] = base
		}
	}
	return m
}()

var honorific = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "syed": true, "sir": true, "retd": true,
	"sheikh": true, "shaikh": true, "prof": true, "hon": true, "lt": true, "col": true, "maj": true, "jr": true,
}

// particle holds name particles: parts of names, but no evidence that two
// names are one person ("Mohammed bin Salman" / "Tamim bin Hamad").
var particle = map[string]bool{
	"bin": true, "ibn": true, "bint": true, "al": true, "el": true,
	"van": true, "von": true, "der": true, "de": true, "da": true, "dos": true, "del": true,
}

// samePerson reports whether two participants are the same person: the same
// country (an unknown country matches any) and names that agree. A name of
// one token agrees with any name containing that token ("Xi" / "Xi Jinping",
// "Wang" / "Wang Yi"); two longer names agree when they share a token of
// three letters or more ("Bilawal Bhutto Zardari" / "Bilawal Zardari"), or
// when every token of the shorter is in the longer. Two-letter tokens alone
// do not join long names: "Li Qiang" is not "Li Keqiang".
func samePerson(a, b engagement.Participant) bool {
	if a.Country != b.Country && a.Country != "" && b.Country != "" {
		return false
	}
	return sameName(nameTokens(a.Name), nameTokens(b.Name))
}

func sameName(ta, tb []string) bool {
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	if len(ta) == 1 {
		return slices.Contains(tb, ta[0])
	}
	shared := 0
	for _, x := range ta {
		if slices.Contains(tb, x) {
			if utf8.RuneCountInString(x) >= 3 {
				return true
			}
			shared++
		}
	}
	return shared == len(ta) // tokens are distinct: all of the shorter are in the longer
}

// Same reports whether m, found in document docID, reports the engagement
// whose reports so far are rs: m is compatible with every one of them. Two
// mentions of one document are never joined here: the extractor has already
// merged what one text says twice, so two mentions it kept apart (the first
// and the second call) stay apart.
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

// Score ranks a compatible candidate: higher is a closer match. Each report
// scores the precision at which its date agrees with m's (0 to 3) and 1 when
// it gives m's location; the candidate scores the mean over its reports
// (times 100), so exact agreement beats mere size, then its number of reports.
// Callers pick the best.
func Score(rs []Report, m engagement.Mention) int {
	if len(rs) == 0 {
		return 0
	}
	s := 0
	for _, r := range rs {
		p := min(r.Mention.Date.Precision(), m.Date.Precision())
		if r.Mention.Date.Truncate(p) == m.Date.Truncate(p) {
			s += p
		}
		if r.Mention.Location != "" && m.Location != "" && sameLocation(r.Mention.Location, m.Location) {
			s++
		}
	}
	return 100*s/len(rs) + min(len(rs), 99)
}

func compatible(a, b engagement.Mention) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == engagement.Visit {
		// A visit is the trip as a whole: the same visitor in the same
		// country at overlapping dates is the same trip, whichever city
		// each report places it in.
		return a.HostCountry == b.HostCountry && len(a.Participants) > 0 && len(b.Participants) > 0 &&
			samePerson(a.Participants[0], b.Participants[0]) && rangesMeet(a, b, engagement.TripSlack)
	}
	if !sharesTwoSides(a.Participants, b.Participants) {
		return false
	}
	return rangesMeet(a, b, 1) && sameLocation(a.Location, b.Location)
}

// sharesTwoSides: the two mentions name the same person on each of two
// sides: distinct people x1, x2 of a and y1, y2 of b with x1 = y1 and
// x2 = y2, not all four of one known country. Symmetric in a and b.
func sharesTwoSides(a, b []engagement.Participant) bool {
	for i := range a {
		for k := range b {
			if !samePerson(a[i], b[k]) {
				continue
			}
			s1 := side(a[i], b[k])
			for j := i + 1; j < len(a); j++ {
				for l := range b {
					if l == k || !samePerson(a[j], b[l]) {
						continue
					}
					if canOppose(s1, side(a[j], b[l])) {
						return true
					}
				}
			}
		}
	}
	return false
}

// side is the country of a matched pair: whichever of the two states one.
func side(x, y engagement.Participant) string {
	if x.Country != "" {
		return x.Country
	}
	return y.Country
}

// sameLocation: two locations are compatible when either is unknown, or one
// names the other ("Washington" / "Washington, D.C.").
func sameLocation(a, b string) bool {
	if a == "" || b == "" || strings.EqualFold(a, b) {
		return true
	}
	ta, tb := locTokens(a), locTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return true
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	for i := 0; i+len(ta) <= len(tb); i++ {
		if slices.Equal(ta, tb[i:i+len(ta)]) {
			return true
		}
	}
	return false
}

func locTokens(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, t := range f {
		f[i] = strings.Map(fold, t)
	}
	return f
}

// rangesMeet: two reports whose date ranges (date to date_end, or the date
// alone) overlap at the precision both state, with slack days: dates
// compatible at the coarser precision meet ("2022-12" and "2022-12-20"), and
// so do days a day apart for a call or a meeting (one outlet's Thursday is
// another's Friday across time zones) and a few days apart for a visit (see
// engagement.TripSlack). An unknown date meets any.
func rangesMeet(a, b engagement.Mention, slack int) bool {
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
	return !before(ae, b.Date, slack) && !before(be, a.Date, slack)
}

// before reports whether x ends before y starts, comparing at the precision
// both state, with slack days at day precision.
func before(x, y engagement.Date, slack int) bool {
	p := min(x.Precision(), y.Precision())
	if p == 3 {
		return x.DayNumber()+slack < y.DayNumber()
	}
	xs, ys := x.Truncate(p), y.Truncate(p)
	return xs.Year < ys.Year || (xs.Year == ys.Year && xs.Month < ys.Month)
}

// Build folds the reports of one engagement into the fused record: the date
// most reports support at the finest precision they agree on, occurred once
// any report says it happened, the location most reports give, and the union
// of participants and topics; each source keeps what its report says. id is
// the engagement's id in the store. rs is not modified. Build is NewFold
// followed by Fold.Engagement, with the sources added in document order.
func Build(id int64, rs []Report) engagement.Engagement {
	rs = slices.Clone(rs)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].DocID < rs[j].DocID })
	f := &Fold{}
	for _, r := range rs {
		f.Add(r)
	}
	e := f.Engagement(id)
	for _, r := range rs {
		e.Sources = append(e.Sources, SourceOf(r))
	}
	return e
}

// SourceOf is the source of an engagement that report r gives.
func SourceOf(r Report) engagement.Source {
	m := r.Mention
	return engagement.Source{
		DocumentID: r.DocID, URL: r.URL, Title: r.Title, Published: r.Published,
		Evidence: m.Evidence, Start: m.Start, End: m.End,
		Date: m.Date.String(), DateEnd: m.DateEnd.String(), Status: m.Status, Location: m.Location,
	}
}

// bestMatch finds the participant of ps, not yet claimed, that is p: the
// one with the same name if any, else one of the same known country, else
// the first samePerson accepts; -1 when none.
func bestMatch(p engagement.Participant, ps []engagement.Participant, claimed []bool) int {
	best, bestScore := -1, -1
	tp := nameTokens(p.Name)
	for i, q := range ps {
		if claimed[i] || !samePerson(p, q) {
			continue
		}
		s := 0
		if slices.Equal(tp, nameTokens(q.Name)) {
			s += 2
		}
		if p.Country != "" && p.Country == q.Country {
			s++
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// better merges two records of one person: the fuller name (more tokens,
// then longer), the title with the higher rank (then the longer), the rank
// that goes with it, and a country where one is missing.
func better(a, b engagement.Participant) engagement.Participant {
	out := a
	na, nb := len(nameTokens(a.Name)), len(nameTokens(b.Name))
	if nb > na || (nb == na && len(b.Name) > len(a.Name)) {
		out.Name = b.Name
	}
	switch {
	case a.Title == "" && b.Title != "":
		out.Title = b.Title
		if b.Rank != 0 {
			out.Rank = b.Rank
		}
	case a.Title != "" && b.Title != "":
		if b.Rank != 0 && (a.Rank == 0 || b.Rank < a.Rank) ||
			b.Rank == a.Rank && len(b.Title) > len(a.Title) {
			out.Title, out.Rank = b.Title, b.Rank
		}
	}
	if out.Rank == 0 {
		out.Rank = b.Rank
	}
	if out.Country == "" {
		out.Country = b.Country
	}
	return out
}
