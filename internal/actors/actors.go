// Package actors is bilat's lexicon: countries with their names, demonyms
// and cities; official titles with their protocol rank; honorifics; office
// holders by date; and the topic vocabulary. The data is embedded YAML
// (data/*.yaml) that a user file can extend or override.
//
// A Lexicon is immutable after Load and safe for concurrent use. Values it
// returns by pointer (*Person) are shared and must not be modified.
package actors

import (
	"sort"
	"strings"

	"bilat/internal/engagement"
)

// Country is a state that engagements can involve.
type Country struct {
	Code           string // ISO 3166-1 alpha-3
	Alpha2         string // ISO 3166-1 alpha-2, upper case ("" when not known)
	Name           string // short common English name
	Aliases        []string
	Demonyms       []string
	Capital        string
	CapitalAliases []string
	Cities         []string
	Regions        []string // states, provinces and regions: a place in the country, no city
}

// Title is an official title and its protocol rank (1 head of state or
// government … 5 other officials).
type Title struct {
	Name     string
	Rank     int
	Ranks    map[string]int // per-country override of Rank
	Forms    []string       // lowercase phrases that state the title
	Acronyms []string       // capital-only forms (PM, FM, NSA)
}

// RankIn is the title's rank in the given country.
func (t Title) RankIn(country string) int {
	if r, ok := t.Ranks[country]; ok {
		return r
	}
	return t.Rank
}

// Office is a title held by a person for a period. To zero means the person
// still holds it; From zero means the start is not known.
type Office struct {
	Title, Country string
	From, To       engagement.Date
}

// Person is an official whose offices the lexicon knows. Every office's
// Country is filled (from the person's country when the data leaves it out).
type Person struct {
	Name    string
	Aliases []string
	Country string
	Offices []Office
}

// Topic is a topic tag and the lowercase terms that state it.
type Topic struct {
	Tag   string
	Terms []string
}

type cityRef struct{ city, country string }

// holding is one office of one person as a closed range of dates encoded as
// yyyymmdd integers (see dayStart, dayEnd).
type holding struct {
	person     *Person
	start, end int
}

// Lexicon is the loaded lexicon. Build it with Load.
type Lexicon struct {
	countries   []Country // sorted by code
	byCode      map[string]int
	byAlpha2    map[string]string // alpha-2 (and "UK") to alpha-3
	nameExact   map[string]string // short capital aliases, case-sensitive
	nameLoose   map[string]string // everything else, looseKey
	cities      map[string]cityRef
	titles      map[string]*Title // by canonical name
	titleByKey  map[string]*Title // by titleKey of name, form or acronym
	titleForms  []string
	acronyms    []string
	honorifics  map[string]bool // strings.Join(wordTokens(h), " ")
	honorList   []string
	maxHonor    int // most words in one honorific
	suffixes    map[string]bool
	maxSuffix   int
	people      []*Person
	personByKey map[string][]*Person
	bySurname   map[string][]*Person
	holdings    map[string][]holding // country + "|" + canonical title
	topics      []Topic
	// conflicts lists names claimed by two entries (the first kept for
	// embedded data, the user's for user data); tests require none in the
	// embedded data.
	conflicts []string
}

// Country returns the country with the given ISO alpha-3 code.
func (l *Lexicon) Country(code string) (Country, bool) {
	i, ok := l.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return l.countries[i], true
}

// CountryByAlpha2 returns the alpha-3 code of the country with the given
// ISO 3166-1 alpha-2 code, in any case. It also takes "uk", the United
// Kingdom's internet domain, for GBR.
func (l *Lexicon) CountryByAlpha2(code string) (string, bool) {
	c, ok := l.byAlpha2[strings.ToUpper(strings.TrimSpace(code))]
	return c, ok
}

// Countries returns every country, sorted by code.
func (l *Lexicon) Countries() []Country {
	return append([]Country(nil), l.countries...)
}

// CountryByName finds a country by name, alias or demonym. Short
// all-capital aliases (US, UK, UAE, DPRK) match only in capitals; everything
// else matches case-insensitively with diacritics folded, curly apostrophes
// straightened and a leading "the" ignored.
func (l *Lexicon) CountryByName(s string) (string, bool) {
	if c, ok := l.nameExact[exactKey(s)]; ok {
		return c, true
	}
	c, ok := l.nameLoose[looseKey(s)]
	return c, ok
}

// City resolves a capital, capital alias or listed city to its canonical
// name and country: "Washington, D.C." → ("Washington", "USA").
func (l *Lexicon) City(s string) (city, country string, ok bool) {
	r, ok := l.cities[looseKey(s)]
	return r.city, r.country, ok
}

// Title finds a title by canonical name, form or acronym, ignoring case,
// dots, hyphens and an "acting"/"interim"/"caretaker" prefix.
func (l *Lexicon) Title(form string) (Title, bool) {
	t, ok := l.titleByKey[titleKey(form)]
	if !ok {
		return Title{}, false
	}
	return *t, true
}

// TitleForms returns every lowercase form of every title (canonical names
// included, acronyms not), longest first. Matching them in text is
// case-insensitive; see TitleAcronyms for the capital-only ones.
func (l *Lexicon) TitleForms() []string {
	return append([]string(nil), l.titleForms...)
}

// TitleAcronyms returns the acronym forms (PM, FM, NSA) as written,
// longest first; in text they should match only in capitals.
func (l *Lexicon) TitleAcronyms() []string {
	return append([]string(nil), l.acronyms...)
}

// Honorific reports whether word (one or more words) is an honorific or
// rank that may stand before a name: case-insensitive, final dots optional.
func (l *Lexicon) Honorific(word string) bool {
	return l.honorifics[strings.Join(wordTokens(word), " ")]
}

// Honorifics returns the honorifics as written in the data, longest first.
func (l *Lexicon) Honorifics() []string {
	return append([]string(nil), l.honorList...)
}

// Suffix reports whether word may follow a name without being part of it
// ("(retd)", "Jr.").
func (l *Lexicon) Suffix(word string) bool {
	return l.suffixes[strings.Join(wordTokens(word), " ")]
}

// Topics returns the topic vocabulary in data order.
func (l *Lexicon) Topics() []Topic {
	out := make([]Topic, len(l.topics))
	for i, t := range l.topics {
		out[i] = Topic{Tag: t.Tag, Terms: append([]string(nil), t.Terms...)}
	}
	return out
}

// People returns every known person in data order.
func (l *Lexicon) People() []*Person {
	return append([]*Person(nil), l.people...)
}

// Person finds a person by canonical name or alias. Case, diacritics, dots
// and hyphens are ignored, and so are honorifics at the front ("Gen Asim
// Munir") and suffixes at the end ("(retd)"). A surname alone does not
// match unless it is listed as an alias; see PeopleBySurname. A key shared
// by two people resolves to the one whose canonical name it is, else to
// nobody.
func (l *Lexicon) Person(name string) (*Person, bool) {
	k := l.personKey(name)
	if k == "" {
		return nil, false
	}
	ps := l.personByKey[k]
	if len(ps) == 1 {
		return ps[0], true
	}
	var found *Person
	for _, p := range ps {
		if l.personKey(p.Name) == k {
			if found != nil {
				return nil, false
			}
			found = p
		}
	}
	return found, found != nil
}

// PeopleBySurname returns every person whose name's or alias's last word
// (folded) is token, in data order.
func (l *Lexicon) PeopleBySurname(token string) []*Person {
	k := l.personKey(token)
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		k = k[i+1:]
	}
	return append([]*Person(nil), l.bySurname[k]...)
}

// personKey folds a person's name for lookup: see Person.
func (l *Lexicon) personKey(s string) string {
	toks := wordTokens(strings.ReplaceAll(s, ",", " "))
	// Honorifics in front, longest first; at least one word stays.
strip:
	for len(toks) > 1 {
		for n := min(l.maxHonor, len(toks)-1); n >= 1; n-- {
			if l.honorifics[strings.Join(toks[:n], " ")] {
				toks = toks[n:]
				continue strip
			}
		}
		break
	}
trim:
	for len(toks) > 1 {
		for n := min(l.maxSuffix, len(toks)-1); n >= 1; n-- {
			if l.suffixes[strings.Join(toks[len(toks)-n:], " ")] {
				toks = toks[:len(toks)-n]
				continue trim
			}
		}
		break
	}
	s = strings.Join(toks, " ")
	s = strings.ReplaceAll(s, ".", "")
	return strings.Join(strings.Fields(s), " ")
}

// sortLongestFirst sorts by length (bytes) descending, then alphabetically,
// so that a matcher trying them in order prefers the longest phrase.
func sortLongestFirst(s []string) {
	sort.Slice(s, func(i, j int) bool {
		if len(s[i]) != len(s[j]) {
			return len(s[i]) > len(s[j])
		}
		return s[i] < s[j]
	})
}
