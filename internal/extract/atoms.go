package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"bilat/internal/actors"
	"bilat/internal/nlp"
)

type atomKind int

const (
	aCountry atomKind = iota + 1
	aTitle
	aName
	aCity
	aPronoun // he, she, him, her, his
	aPlural  // they, their, both, the two sides, the two leaders
	aCounterpart
	aTrigger
	aDate
)

// atom is a recognised span of a sentence.
type atom struct {
	kind   atomKind
	i, j   int // token span [i, j)
	code   string
	poss   bool // followed by 's
	title  actors.Title
	titles []actors.Title // compound titles: "Deputy Prime Minister and Foreign Minister"
	acting bool
	former bool
	text   string
	trig   trigger
}

// nounBefore: words after which "call" is a noun.
var nounBefore = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "their": true, "first": true,
	"second": true, "third": true, "another": true, "last": true, "latest": true, "brief": true, "phone": true, "telephone": true}

var pronouns = map[string]bool{"he": true, "she": true, "him": true, "his": true, "her": true, "who": true, "whom": true}

// words that start with a capital but do not begin a person's name
var notName = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an in on at of for to from with by during however meanwhile while as after
		before earlier later then this that these those it its he she they we i you his her their our both previously
		recently instead although according if but and or so yet also since when where why how what who whom which
		there here today yesterday tomorrow all some many most several other another each every no not
		mr mrs ms dr sir prime president minister secretary foreign deputy under assistant chief army general
		state ministry department office embassy council assembly nations united house congress senate parliament
		navy force forces administration government party committee conference summit forum bank fund
		organization organisation union university institute center centre agency times post news press reuters
		ap afp headquarters airport palace hall square street league alliance group corridor initiative program
		programme court cabinet national international security affairs political economic defence defense
		january february march april may june july august september october november december monday tuesday
		wednesday thursday friday saturday sunday one two three four five first second third last next new old
		north south east west central eastern western northern southern islamic republic kingdom federal people's
		opinion editorial analysis update updated published read more top related comments share follow our
		premier chancellor king queen emir crown prince ambassador envoy spokesperson spokesman spokeswoman
		official officials leader leaders delegation sides side two talks meeting meetings visit call calls
		un unga uk us eu nato asean sco brics g7 g20 saarc gcc opec imf who wto cpec pml pti ppp bjp cia fbi fo mofa
		states countries nations neighbours neighbors neighbouring neighboring
		still elsewhere besides indeed thus hence overall otherwise instead moreover furthermore nonetheless nevertheless
		consort elections election assembly motors staff hospital daily weekly tribune express dawn herald guardian observer monitor journal gazette chronicle telegraph`) {
		notName[w] = true
	}
}

// guestNouns name a visitor without a title: "the visiting leader".
var guestNouns = map[string]bool{"leader": true, "dignitary": true, "guest": true, "statesman": true, "head": true}

// bareTitles are title words that, after "the", refer to a person named before.
var bareTitles = map[string]bool{"secretary": true, "minister": true, "premier": true, "chancellor": true, "president": true, "ambassador": true, "envoy": true, "king": true, "emir": true, "amir": true, "prince": true, "senator": true, "governor": true}

// hyphenParticle: "el-Sisi", "al-Assad", "ad-Dawla".
func hyphenParticle(s string) bool {
	p, rest, ok := strings.Cut(s, "-")
	if !ok || rest == "" || !particles[strings.ToLower(p)] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// postNominal letters follow a name without being part of it.
var postNominal = map[string]bool{"MP": true, "MNA": true, "MLA": true, "QC": true, "KC": true, "OBE": true, "CBE": true, "KBE": true, "MEP": true}

// acronyms on the notName list are names when not written in capitals: "UN"
// is no name, the "Un" of "Kim Jong Un" is.
var acronyms = map[string]bool{"un": true, "uk": true, "us": true, "eu": true, "ap": true, "fo": true, "who": true}

// particles that may stand inside a name
var particles = map[string]bool{"bin": true, "bint": true, "al": true, "el": true, "de": true, "da": true, "van": true,
	"von": true, "der": true, "ul": true, "ud": true, "di": true, "le": true, "la": true, "abu": true, "ibn": true}

// titleStarters and pluralStarters are the other words an atom may begin with.
var (
	titleStarters  = map[string]bool{"acting": true, "interim": true, "caretaker": true, "former": true, "then": true, "outgoing": true, "incoming": true, "newly-appointed": true, "new": true, "counterpart": true, "counterparts": true}
	pluralStarters = map[string]bool{"they": true, "their": true, "them": true, "both": true, "the": true, "leaders": true, "presidents": true, "premiers": true, "heads": true}
)

// titlePrefixes qualify a title without changing it.
var titlePrefixes = map[string]string{"acting": "acting", "interim": "acting", "caretaker": "acting", "former": "former",
	"then": "then", "outgoing": "", "incoming": "", "newly-appointed": "", "new": ""}

// atoms recognises the spans of one sentence, left to right, longest first.
func (d *docState) atoms(toks []nlp.Token, dates []nlp.DateExpr) []atom {
	x := d.x
	n := len(toks)
	used := make([]bool, n)
	var out []atom
	for _, e := range dates {
		out = append(out, atom{kind: aDate, i: e.Tok0, j: e.Tok1})
		for t := e.Tok0; t < e.Tok1; t++ {
			used[t] = true
		}
	}
	for i := 0; i < n; i++ {
		if used[i] {
			continue
		}
		t := toks[i]
		// most words start nothing: lower case and no phrase begins with them
		if !x.starts[t.Lower] && !t.IsCap() {
			continue
		}
		// titles, with a qualifier in front and compounds joined by "and"
		start := i
		prefix := ""
		if p, ok := titlePrefixes[t.Lower]; ok && i+1 < n {
			if _, l := x.titles.match(toks, i+1, lowerKey); l > 0 {
				prefix = p
				i++
			}
		}
		ti, l := x.titles.match(toks, i, lowerKey)
		if l == 0 {
			ti, l = x.acronyms.match(toks, i, exactKey)
		}
		if l > 0 {
			a := atom{kind: aTitle, i: start, j: i + l, title: ti, titles: []actors.Title{ti}, acting: prefix == "acting", former: prefix == "former"}
			// "Deputy Prime Minister and Foreign Minister"
			for a.j+1 < n && toks[a.j].Lower == "and" {
				t2, l2 := x.titles.match(toks, a.j+1, lowerKey)
				if l2 == 0 || ti.Rank == 1 && t2.Rank == 1 {
					break // "the Prime Minister and President Macron": two people
				}
				a.titles = append(a.titles, t2)
				a.j += 1 + l2
			}
			// "for Political Affairs", "for South and Central Asian Affairs"
			if a.j < n && toks[a.j].Lower == "for" {
				for k := a.j + 1; k < n && k <= a.j+6; k++ {
					if toks[k].Lower == "affairs" {
						a.j = k + 1
						break
					}
				}
			}
			for k := a.j - 1; k > a.i; k-- {
				if toks[k].Lower == "of" && k+1 < a.j {
					if _, l := d.country(toks, k+1); l > 0 && k+1+l == a.j {
						// "Minister of Pakistan" — keep the country apart
						a.j = k
						break
					}
				}
			}
			out = append(out, a)
			for k := a.i; k < a.j; k++ {
				used[k] = true
			}
			i = a.j - 1
			continue
		}
		i = start
		// "the Secretary", "the minister": a bare title word that names someone already named
		if bareTitles[t.Lower] && i > 0 && toks[i-1].Lower == "the" {
			name := strings.ToUpper(t.Lower[:1]) + t.Lower[1:]
			ti := actors.Title{Name: name}
			out = append(out, atom{kind: aTitle, i: i, j: i + 1, title: ti, titles: []actors.Title{ti}})
			used[i] = true
			continue
		}
		if t.Lower == "visiting" && i > 0 && toks[i-1].Lower == "the" && i+1 < n && guestNouns[toks[i+1].Lower] {
			// "the visiting leader", "the visiting dignitary": the guest in focus
			out = append(out, atom{kind: aPronoun, i: i, j: i + 2, text: "visitor"})
			used[i], used[i+1] = true, true
			i++
			continue
		}
		if v, l := x.triggers.match(toks, i, lowerKey); l > 0 {
			if l == 2 && toks[i+1].Lower == "on" && (t.Lower == "call" || t.Lower == "calls") && i > 0 && nounBefore[toks[i-1].Lower] {
				// "a second call on March 6": the noun, not "call on X"
				if v1, l1 := x.triggers.match(toks[:i+1], i, lowerKey); l1 > 0 {
					v, l = v1, l1
				}
			}
			out = append(out, atom{kind: aTrigger, i: i, j: i + l, trig: v})
			for k := i; k < i+l; k++ {
				used[k] = true
			}
			i += l - 1
			continue
		}
		if v, ok := spokeApart(x, toks, dates, i); ok {
			out = append(out, atom{kind: aTrigger, i: i, j: i + 1, trig: v})
			used[i] = true
			continue
		}
		if c, l := x.cities.match(toks, i, lowerKey); l > 0 && toks[i].IsCap() {
			out = append(out, atom{kind: aCity, i: i, j: i + l, text: c})
			for k := i; k < i+l; k++ {
				used[k] = true
			}
			i += l - 1
			continue
		}
		if code, l := d.country(toks, i); l > 0 && i == 1 && toks[0].Lower == "the" && i+l < n && toks[i+l].Lower == "leader" {
			// "The Philippine leader arrived …": that country's head the text has named
			out = append(out, atom{kind: aPronoun, i: i, j: i + l + 1, text: "leader", code: code})
			for k := i; k <= i+l; k++ {
				used[k] = true
			}
			i += l
			continue
		}
		if code, l := d.country(toks, i); l > 0 {
			a := atom{kind: aCountry, i: i, j: i + l, code: code}
			if i+l < n && toks[i+l].Lower == "'s" || i+l < n && toks[i+l].Lower == "’s" {
				a.poss = true
				a.j++
			}
			out = append(out, a)
			for k := a.i; k < a.j; k++ {
				used[k] = true
			}
			i = a.j - 1
			continue
		}
		// "His Highness", "Her Excellency": an honorific, not a pronoun
		if l := d.multiHonorific(toks, i); l > 0 && pronouns[t.Lower] {
			for k := i; k < i+l; k++ {
				used[k] = true
			}
			if i+l < n && !toks[i+l].IsCap() && toks[i+l].IsWord() {
				// "His Highness was later received by …": the honorific alone stands for the person in focus
				out = append(out, atom{kind: aPronoun, i: i, j: i + l, text: map[string]string{"his": "he", "her": "she"}[t.Lower]})
			}
			i += l - 1
			continue
		}
		if isFirstPerson(toks, i) {
			out = append(out, atom{kind: aPronoun, i: i, j: i + 1, text: t.Lower})
			continue
		}
		if pronouns[t.Lower] {
			out = append(out, atom{kind: aPronoun, i: i, j: i + 1, text: t.Lower})
			continue
		}
		if l := pluralAt(toks, i); l > 0 {
			out = append(out, atom{kind: aPlural, i: i, j: i + l})
			i += l - 1
			continue
		}
		if t.Lower == "counterpart" || t.Lower == "counterparts" {
			out = append(out, atom{kind: aCounterpart, i: i, j: i + 1})
			continue
		}
		if l := d.stopWordName(toks, i); l > 0 {
			// "To Lam", "Win Myint": a known name whose first word is also a common word
			out = append(out, atom{kind: aName, i: i, j: i + l})
			i += l - 1
			continue
		}
		if l := d.nameRun(toks, i, used); l > 0 {
			out = append(out, atom{kind: aName, i: i, j: i + l})
			i += l - 1
		}
	}
	sortAtoms(out)
	return out
}

func (d *docState) country(toks []nlp.Token, i int) (string, int) {
	if c, l := d.x.capsOnly.match(toks, i, exactKey); l > 0 {
		return c, l
	}
	if !toks[i].IsCap() {
		return "", 0
	}
	if c, l := d.x.countries.match(toks, i, lowerKey); l > 0 {
		return c, l
	}
	// "arrived in the Kingdom": a state named by its form, in a report filed there
	if d.dateline.country != "" && i > 0 && toks[i-1].Lower == "the" && (i+1 >= len(toks) || toks[i+1].Lower != "of") {
		switch toks[i].Text {
		case "Kingdom", "Sultanate", "Emirate", "Republic", "Principality":
			return d.dateline.country, 1
		}
	}
	return "", 0
}

// pluralAt recognises references to both sides: "both sides", "the two
// leaders", "the two", "they", "their", "both".
// notPeople: plural nouns after "both" or "the two" that name no one.
var notPeople = map[string]bool{"countries": true, "nations": true, "states": true, "economies": true, "capitals": true,
	"governments": true, "armies": true, "militaries": true, "neighbours": true, "neighbors": true, "peoples": true}

func pluralAt(toks []nlp.Token, i int) int {
	w := toks[i].Lower
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].Lower
	}
	switch w {
	case "they", "their", "them":
		return 1
	case "leaders", "presidents", "premiers":
		if i == 1 && toks[0].Lower == "the" && next != "of" { // "the leaders of Germany and France" are not the pair in focus
			return 1
		}
		if i > 0 && toks[i-1].Lower == "the" && (next == "'" || next == "’") { // "the leaders' first telephone conversation"
			return 2
		}
	case "heads":
		// "the heads of state", "the heads of government"
		if i > 0 && toks[i-1].Lower == "the" && i+2 < len(toks) && toks[i+1].Lower == "of" && (toks[i+2].Lower == "state" || toks[i+2].Lower == "government") {
			return 3
		}
	case "both":
		if notPeople[next] {
			return 0 // "business leaders from both countries"
		}
		if next == "sides" || next == "leaders" || next == "ministers" || next == "men" || next == "officials" {
			return 2
		}
		return 1
	case "the":
		if next == "two" && toks[i+1].Text == "two" && i+2 < len(toks) {
			switch toks[i+2].Lower {
			case "sides", "leaders", "ministers", "officials", "men", "women", "diplomats", "presidents", "premiers", "counterparts", "secretaries", "chiefs", "heads":
				return 3
			case "senior":
				return 4
			}
			if notPeople[toks[i+2].Lower] {
				return 0
			}
			return 2
		}
		if next == "sides" {
			return 2
		}
	}
	return 0
}

// nameRun returns the length of a run of capitalised words at i that may be
// a person's name ("Bilawal Bhutto Zardari", "Antony J. Blinken").
func (d *docState) nameRun(toks []nlp.Token, i int, used []bool) int {
	n := len(toks)
	j := i
	for j < n && !used[j] {
		t := toks[j]
		low := strings.TrimSuffix(t.Lower, ".")
		// two- and three-word honorifics: "Field Marshal", "Lt Gen", "Air Chief Marshal"
		if j == i || d.x.honor[strings.TrimSuffix(toks[j-1].Lower, ".")] {
			if k := d.multiHonorific(toks, j); k > 0 {
				j += k
				continue
			}
		}
		if d.x.honor[low] && j == i {
			j++
			if j < n && toks[j].Text == "." {
				j++
			}
			continue
		}
		// "El-Sisi Meets Ethiopian Prime Minister": a headline's verb ends the name
		if j > i && t.IsCap() && !t.IsUpper() {
			if _, l := d.x.triggers.match(toks, j, lowerKey); l > 0 {
				break
			}
		}
		// "Separately, Mali's prime minister …": a sentence's opening adverb
		if j == 0 && strings.HasSuffix(low, "ly") && n > 1 && toks[1].Text == "," {
			break
		}
		// "Theresa May": a month that ends a name, not a date ("May 6")
		surnameMonth := j > i && (low == "may" || low == "june" || low == "april" || low == "august") && !(j+1 < n && isNumber(toks[j+1].Text))
		if t.IsCap() && t.IsWord() && !strings.ContainsAny(t.Text, "0123456789") && (!(notName[low] && !(acronyms[low] && !t.IsUpper())) || surnameMonth) && !d.x.honor[low] {
			j++
			// an initial: "J."
			if j < n && toks[j].Text == "." && len([]rune(t.Text)) == 1 {
				j++
			}
			continue
		}
		if j > i && particles[low] && j+1 < n && toks[j+1].IsCap() {
			j++
			continue
		}
		// "el-Sisi", "al-Sudani", "bin-Zayed": a particle joined to the name
		if j > i && hyphenParticle(t.Text) {
			j++
			continue
		}
		break
	}
	// drop honorifics left alone, post-nominal letters ("MP") and trailing dots
	for j > i && (toks[j-1].Text == "." || d.x.honor[strings.TrimSuffix(toks[j-1].Lower, ".")] || postNominal[toks[j-1].Text]) {
		j--
	}
	if j == i {
		return 0
	}
	// a single honorific only
	k := i
	for k < j && d.x.honor[strings.TrimSuffix(toks[k].Lower, ".")] {
		k++
	}
	if k == j {
		return 0
	}
	if j-k >= 2 && allUpper(toks[k:j]) {
		// a headline in capitals, "BUHARI DEPARTS ABUJA WEDNESDAY": the
		// name is what the lexicon knows, else its first word
		for e := j; e > k; e-- {
			var parts []string
			for _, t := range toks[k:e] {
				parts = append(parts, t.Text)
			}
			name := strings.Join(parts, " ")
			if _, ok := d.x.lex.Person(name); ok || e-k == 1 && len(d.x.lex.PeopleBySurname(strings.ToLower(name))) > 0 {
				return e - i
			}
		}
		return k + 1 - i
	}
	return j - i
}

func allUpper(toks []nlp.Token) bool {
	for _, t := range toks {
		if !t.IsUpper() {
			return false
		}
	}
	return true
}

// multiHonorific returns the length of a honorific of two or three words at i.
func (d *docState) multiHonorific(toks []nlp.Token, i int) int {
	if !d.x.honorFirst[strings.TrimSuffix(toks[i].Lower, ".")] {
		return 0 // not the first word of any honorific of two or three words
	}
	for l := 3; l >= 2; l-- {
		if i+l > len(toks) {
			continue
		}
		var w []string
		for k := i; k < i+l; k++ {
			w = append(w, strings.TrimSuffix(toks[k].Lower, "."))
		}
		if d.x.honor[strings.Join(w, " ")] {
			return l
		}
	}
	return 0
}

// nameText gives a name as written, without leading honorifics, and its folded tokens.
func (d *docState) nameText(toks []nlp.Token, a atom) (string, []string) {
	var parts []string
	for k := a.i; k < a.j; k++ {
		t := toks[k]
		low := strings.TrimSuffix(t.Lower, ".")
		if len(parts) == 0 && (d.x.honor[low] || d.multiHonorific(toks, k) > 0) || t.Text == "." {
			if l := d.multiHonorific(toks, k); len(parts) == 0 && l > 1 {
				k += l - 1
				continue
			}
			if t.Text == "." && len(parts) > 0 {
				parts[len(parts)-1] += "."
			}
			continue
		}
		parts = append(parts, t.Text)
	}
	return strings.Join(parts, " "), foldTokens(strings.Join(parts, " "))
}

func foldTokens(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
	out := f[:0]
	for _, t := range f {
		if len(t) > 1 {
			out = append(out, t)
		}
	}
	return out
}

func sortAtoms(a []atom) {
	for i := 1; i < len(a); i++ {
		for k := i; k > 0 && a[k].i < a[k-1].i; k-- {
			a[k], a[k-1] = a[k-1], a[k]
		}
	}
}

// spokeVerbs are the verbs of "spoke with", "talked to".
var spokeVerbs = map[string]bool{"spoke": true, "speaks": true, "spoken": true, "speak": true, "talked": true}

// spokeAdverbs may stand between "spoke" and "with": "spoke today with", "spoke again with".
var spokeAdverbs = map[string]bool{"today": true, "yesterday": true, "tonight": true, "again": true, "briefly": true,
	"separately": true, "also": true, "later": true, "earlier": true, "first": true, "twice": true, "directly": true, "privately": true}

// spokeApart finds "spoke" kept from its "with"/"to" by a time or an adverb
// ("The President spoke today with President Xi", "talked on Monday with"):
// the trigger "spoke with" would have, on the verb alone.
func spokeApart(x *Extractor, toks []nlp.Token, dates []nlp.DateExpr, i int) (trigger, bool) {
	k := i + 1
	if k >= len(toks) || !spokeVerbs[toks[i].Lower] {
		return trigger{}, false
	}
	if spokeAdverbs[toks[k].Lower] {
		k++
	} else {
		if toks[k].Lower == "on" {
			k++ // "spoke on Thursday with"
		}
		for _, e := range dates {
			if e.Tok0 == k && e.Tok1-e.Tok0 <= 4 {
				k = e.Tok1
				break
			}
		}
	}
	if k == i+1 || k >= len(toks) || k > i+1 && toks[k-1].Lower == "on" || toks[k].Lower != "with" && toks[k].Lower != "to" {
		return trigger{}, false
	}
	v, l := x.triggers.match([]nlp.Token{toks[i], toks[k]}, 0, lowerKey)
	return v, l == 2 && v.spoke
}

// stopWordName is the length of a lexicon person's full name at i that
// begins with a word nameRun passes over ("To Lam"), 0 when there is none.
func (d *docState) stopWordName(toks []nlp.Token, i int) int {
	if !notName[toks[i].Lower] || !toks[i].IsCap() {
		return 0
	}
	for k := min(len(toks)-i, 3); k >= 2; k-- {
		parts := make([]string, 0, k)
		for _, t := range toks[i : i+k] {
			if !t.IsCap() {
				break
			}
			parts = append(parts, t.Text)
		}
		if len(parts) == k {
			if _, ok := d.x.lex.Person(strings.Join(parts, " ")); ok {
				return k
			}
		}
	}
	return 0
}
