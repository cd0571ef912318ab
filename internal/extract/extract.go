// Package extract finds engagements in a document: calls, meetings and visits
// between officials of two countries, each with the sentence it came from.
//
// It reads a document sentence by sentence. In each sentence it marks
// countries, titles, date expressions, people and engagement triggers; then,
// for every trigger, it gathers the two sides, the date, the status, the place
// and the topics. People are resolved within the document (short names,
// pronouns, "his counterpart", "the two sides") and against the lexicon's
// office-holder table. Mentions of one engagement inside a document are
// merged; fusion across documents happens later, in package fuse.
package extract

import (
	"fmt"
	"strings"

	"bilat/internal/actors"
	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

// Extractor holds the matchers built from the lexicon at start-up. It is
// immutable and safe for concurrent use.
type Extractor struct {
	lex        *actors.Lexicon
	triggers   *phraseIndex[trigger]
	titles     *phraseIndex[actors.Title]
	acronyms   *phraseIndex[actors.Title] // FM, PM, NSA: matched in capitals only
	countries  *phraseIndex[string]       // folded name, alias or demonym tokens → code
	capsOnly   *phraseIndex[string]       // short all-capital aliases (US, UK): matched case-sensitively
	cities     *phraseIndex[string]       // folded city tokens → canonical city
	honor      map[string]bool
	honorFirst map[string]bool // first words of honorifics of several words: the his of His Excellency
	topics     *phraseIndex[string]
	venues     *phraseIndex[string]
	topicLand  map[string]string // topic tags that name a country → its code
	starts     map[string]bool   // lower-case words that can start an atom: the rest are skipped at once
}

// New builds an extractor over a lexicon.
func New(lex *actors.Lexicon) (*Extractor, error) {
	tr, err := loadTriggers()
	if err != nil {
		return nil, err
	}
	ven, err := loadVenues()
	if err != nil {
		return nil, err
	}
	x := &Extractor{lex: lex, triggers: tr, venues: ven, titles: newIndex[actors.Title](), acronyms: newIndex[actors.Title](), countries: newIndex[string](),
		capsOnly: newIndex[string](), cities: newIndex[string](), honor: map[string]bool{}, topics: newIndex[string]()}
	for _, f := range lex.TitleForms() {
		if t, ok := lex.Title(f); ok {
			x.titles.add(words(f), t)
		}
	}
	for _, a := range lex.TitleAcronyms() {
		if t, ok := lex.Title(a); ok {
			x.acronyms.add(capsWords(a), t)
		}
	}
	for _, c := range lex.Countries() {
		names := append([]string{c.Name}, c.Aliases...)
		names = append(names, c.Demonyms...)
		names = append(names, c.Regions...) // "flew to Florida": the country, no city
		for _, n := range names {
			if isCapsAlias(n) {
				x.capsOnly.add(capsWords(n), c.Code)
				if strings.HasSuffix(n, ".") {
					x.capsOnly.add(append(capsWords(strings.TrimSuffix(n, ".")), "."), c.Code) // "… to the U.S." at a sentence's end
				}
				continue
			}
			x.countries.add(words(n), c.Code)
			if f := actors.Fold(n); f != n {
				x.countries.add(words(f), c.Code) // "Turkiye"
			}
			if w := words(n); len(w) > 1 && w[0] == "the" {
				x.countries.add(w[1:], c.Code)
			}
		}
		for _, city := range append(append([]string{c.Capital}, c.CapitalAliases...), c.Cities...) {
			if city == "" {
				continue
			}
			if canon, _, ok := lex.City(city); ok {
				x.cities.add(words(city), canon)
				if f := actors.Fold(city); f != city {
					x.cities.add(words(f), canon) // "Brasilia" without its accent
				}
			}
		}
	}
	x.honorFirst = map[string]bool{}
	for _, h := range lex.Honorifics() {
		low := strings.ToLower(h)
		x.honor[strings.TrimSuffix(low, ".")] = true
		if f := strings.Fields(low); len(f) > 1 {
			x.honorFirst[strings.TrimSuffix(f[0], ".")] = true
		}
	}
	x.topicLand = map[string]string{}
	for _, t := range lex.Topics() {
		if code, ok := lex.CountryByName(t.Tag); ok {
			x.topicLand[t.Tag] = code
		}
		for _, term := range t.Terms {
			x.topics.add(words(term), t.Tag)
		}
	}
	x.starts = map[string]bool{}
	for _, ix := range []map[string][]phrase[actors.Title]{x.titles.byFirst, x.acronyms.byFirst} {
		for w := range ix {
			x.starts[w] = true
		}
	}
	for w := range x.triggers.byFirst {
		x.starts[w] = true
	}
	for w := range x.honor {
		x.starts[w] = true
	}
	for _, m := range []map[string]bool{pronouns, firstPerson, titleStarters, pluralStarters} {
		for w := range m {
			x.starts[w] = true
		}
	}
	return x, nil
}

// isCapsAlias: "US", "UK", "U.S.", "UAE" — names that are also ordinary words in lower case.
func isCapsAlias(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 0 && letters <= 5 && !strings.Contains(s, " ")
}

func capsWords(s string) []string {
	toks := phraseTokens(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func exactKey(t nlp.Token) string { return t.Text }

// Result is what the extractor found in one document.
type Result struct {
	Mentions  []engagement.Mention
	Published engagement.Date // the publication date used (from metadata, the text or the URL)
	Trace     []string        // with Options.Explain: what was seen, sentence by sentence
}

// Options tune one extraction.
type Options struct {
	Explain bool // record a trace of the decisions
}

// Extract finds the engagements of one document.
func (x *Extractor) Extract(doc *engagement.Document, opt Options) Result {
	d := newDocState(x, doc, opt.Explain)
	d.run()
	return Result{Mentions: d.final(), Published: d.pub, Trace: d.trace}
}

func (d *docState) tracef(format string, args ...any) {
	if d.explain {
		d.trace = append(d.trace, fmt.Sprintf(format, args...))
	}
}
