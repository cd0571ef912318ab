package actors

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"bilat/internal/engagement"
)

//go:embed data/*.yaml
var dataFS embed.FS

// The YAML shapes of the data files and of the user file's sections.
type rawCountry struct {
	Code           string   `yaml:"code"`
	Alpha2         string   `yaml:"alpha2"`
	Name           string   `yaml:"name"`
	Aliases        []string `yaml:"aliases"`
	Demonyms       []string `yaml:"demonyms"`
	Capital        string   `yaml:"capital"`
	CapitalAliases []string `yaml:"capital_aliases"`
	Cities         []string `yaml:"cities"`
	Regions        []string `yaml:"regions"`
}

type rawTitle struct {
	Name     string         `yaml:"name"`
	Rank     int            `yaml:"rank"`
	Ranks    map[string]int `yaml:"ranks"`
	Forms    []string       `yaml:"forms"`
	Acronyms []string       `yaml:"acronyms"`
}

type rawOffice struct {
	Title   string `yaml:"title"`
	Country string `yaml:"country"`
	From    string `yaml:"from"`
	To      string `yaml:"to"`
}

type rawPerson struct {
	Name    string      `yaml:"name"`
	Aliases []string    `yaml:"aliases"`
	Country string      `yaml:"country"`
	Offices []rawOffice `yaml:"offices"`
}

type rawTopic struct {
	Tag   string   `yaml:"tag"`
	Terms []string `yaml:"terms"`
}

// item is one entry of a list with where it came from, for error messages.
type item[T any] struct {
	v    T
	src  string
	line int
	user bool
}

func (it item[T]) where(kind, name string) string {
	return fmt.Sprintf("%s: %s %q (line %d)", it.src, kind, name, it.line)
}

// rawSet is everything read from one or more files, in file order.
type rawSet struct {
	countries  []item[rawCountry]
	titles     []item[rawTitle]
	honorifics []item[string]
	suffixes   []item[string]
	people     []item[rawPerson]
	topics     []item[rawTopic]
}

// Load reads the embedded data and then userFile ("" for none), whose
// entries add to the embedded ones or override them: the same country code,
// title name, person name or topic tag replaces the fields the user's entry
// gives and keeps the others. Honorifics and suffixes only add. Errors name
// the file, the entry and its line.
func Load(userFile string) (*Lexicon, error) {
	var set rawSet
	if err := readEmbedded(&set); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	if userFile != "" {
		data, err := os.ReadFile(userFile)
		if err != nil {
			return nil, fmt.Errorf("actors: lexicon file: %w", err)
		}
		if err := readUser(&set, userFile, data); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
	}
	l, err := build(&set)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	return l, nil
}

func readEmbedded(set *rawSet) error {
	read := func(name string) ([]byte, error) {
		b, err := dataFS.ReadFile("data/" + name)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return b, err
	}
	type part struct {
		file string
		fill func(src string, seq *yaml.Node) error
	}
	people := func(src string, n *yaml.Node) error {
		ps, err := decodeSeq[rawPerson](src, n, false)
		set.people = append(set.people, ps...)
		return err
	}
	parts := []part{
		{"countries.yaml", func(src string, n *yaml.Node) (err error) {
			set.countries, err = decodeSeq[rawCountry](src, n, false)
			return err
		}},
		{"titles.yaml", func(src string, n *yaml.Node) (err error) {
			set.titles, err = decodeSeq[rawTitle](src, n, false)
			return err
		}},
		{"people.yaml", people},
		{"topics.yaml", func(src string, n *yaml.Node) (err error) {
			set.topics, err = decodeSeq[rawTopic](src, n, false)
			return err
		}},
		{"honorifics.yaml", func(src string, n *yaml.Node) error {
			return decodeHonorifics(set, src, n, false)
		}},
	}
	// the office holders may be split by region: people.yaml, then people-*.yaml
	more, err := fs.Glob(dataFS, "data/people-*.yaml")
	if err != nil {
		return err
	}
	sort.Strings(more)
	for _, m := range more {
		parts = append(parts, part{strings.TrimPrefix(m, "data/"), people})
	}
	for _, p := range parts {
		src := "data/" + p.file
		b, err := read(p.file)
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		root, err := parseRoot(src, b)
		if err != nil {
			return err
		}
		if err := p.fill(src, root); err != nil {
			return err
		}
	}
	return nil
}

// parseRoot parses a YAML document and returns its top node, nil when the
// document is empty.
func parseRoot(src string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	n := doc.Content[0]
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	return n, nil
}

// decodeSeq decodes a YAML list of T, rejecting keys T does not have.
func decodeSeq[T any](src string, n *yaml.Node, user bool) ([]item[T], error) {
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s: line %d: want a list", src, n.Line)
	}
	var zero T
	out := make([]item[T], 0, len(n.Content))
	for i, c := range n.Content {
		if err := checkKeys(c, reflect.TypeOf(zero)); err != nil {
			return nil, fmt.Errorf("%s: entry %d: %w", src, i+1, err)
		}
		var v T
		if err := c.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s: entry %d (line %d): %w", src, i+1, c.Line, err)
		}
		out = append(out, item[T]{v: v, src: src, line: c.Line, user: user})
	}
	return out, nil
}

// checkKeys reports a mapping key that has no field in t (a typo such as
// "alias:" would otherwise be dropped silently).
func checkKeys(n *yaml.Node, t reflect.Type) error {
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			f, ok := fieldByTag(t, k.Value)
			if !ok {
				return fmt.Errorf("line %d: unknown key %q", k.Line, k.Value)
			}
			if err := checkKeys(n.Content[i+1], f.Type); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if err := checkKeys(c, t.Elem()); err != nil {
				return err
			}
		}
	}
	return nil
}

func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// decodeHonorifics reads either a mapping {honorifics: [...], suffixes:
// [...]} or a plain list of honorifics.
func decodeHonorifics(set *rawSet, src string, n *yaml.Node, user bool) error {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.SequenceNode {
		hs, err := decodeSeq[string](src, n, user)
		set.honorifics = append(set.honorifics, hs...)
		return err
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: line %d: want a list or a mapping with honorifics and suffixes", src, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		list, err := decodeSeq[string](src, v, user)
		if err != nil {
			return err
		}
		switch k.Value {
		case "honorifics":
			set.honorifics = append(set.honorifics, list...)
		case "suffixes":
			set.suffixes = append(set.suffixes, list...)
		default:
			return fmt.Errorf("%s: line %d: unknown key %q", src, k.Line, k.Value)
		}
	}
	return nil
}

// readUser adds the sections of a user lexicon file to set.
func readUser(set *rawSet, src string, data []byte) error {
	root, err := parseRoot(src, data)
	if err != nil || root == nil {
		return err
	}
	if root.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: line %d: want a mapping with countries, titles, honorifics, suffixes, people or topics", src, root.Line)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "countries":
			l, err := decodeSeq[rawCountry](src, v, true)
			if err != nil {
				return err
			}
			set.countries = append(set.countries, l...)
		case "titles":
			l, err := decodeSeq[rawTitle](src, v, true)
			if err != nil {
				return err
			}
			set.titles = append(set.titles, l...)
		case "honorifics":
			if err := decodeHonorifics(set, src, v, true); err != nil {
				return err
			}
		case "suffixes":
			l, err := decodeSeq[string](src, v, true)
			if err != nil {
				return err
			}
			set.suffixes = append(set.suffixes, l...)
		case "people":
			l, err := decodeSeq[rawPerson](src, v, true)
			if err != nil {
				return err
			}
			set.people = append(set.people, l...)
		case "topics":
			l, err := decodeSeq[rawTopic](src, v, true)
			if err != nil {
				return err
			}
			set.topics = append(set.topics, l...)
		default:
			return fmt.Errorf("%s: line %d: unknown section %q (want countries, titles, honorifics, suffixes, people or topics)", src, k.Line, k.Value)
		}
	}
	return nil
}

// merge folds entries with the same key together in first-seen order: an
// entry from a file already seen is a duplicate (an error); one from a
// later file overrides field by field through over.
func merge[T any](items []item[T], kind string, key func(T) string, over func(old, new T) T) ([]item[T], error) {
	idx := map[string]int{}
	var out []item[T]
	for _, it := range items {
		k := key(it.v)
		if k == "" {
			return nil, fmt.Errorf("%s: %s entry (line %d): missing its name", it.src, kind, it.line)
		}
		i, seen := idx[k]
		if !seen {
			idx[k] = len(out)
			out = append(out, it)
			continue
		}
		if out[i].src == it.src || !it.user && !out[i].user { // (the embedded files are one table)
			return nil, fmt.Errorf("%s: duplicate (first at line %d)", it.where(kind, k), out[i].line)
		}
		out[i] = item[T]{v: over(out[i].v, it.v), src: it.src, line: it.line, user: it.user}
	}
	return out, nil
}

func orStr(old, new string) string {
	if new != "" {
		return new
	}
	return old
}

func orList(old, new []string) []string {
	if new != nil {
		return new
	}
	return old
}

var (
	codeRE   = regexp.MustCompile(`^[A-Z]{3}$`)
	alpha2RE = regexp.MustCompile(`^[A-Z]{2}$`)
)

func build(set *rawSet) (*Lexicon, error) {
	l := &Lexicon{
		byCode:      map[string]int{},
		byAlpha2:    map[string]string{},
		nameExact:   map[string]string{},
		nameLoose:   map[string]string{},
		cities:      map[string]cityRef{},
		titles:      map[string]*Title{},
		titleByKey:  map[string]*Title{},
		honorifics:  map[string]bool{},
		suffixes:    map[string]bool{},
		personByKey: map[string][]*Person{},
		bySurname:   map[string][]*Person{},
		holdings:    map[string][]holding{},
	}
	if err := l.buildCountries(set.countries); err != nil {
		return nil, err
	}
	if err := l.buildTitles(set.titles); err != nil {
		return nil, err
	}
	l.buildHonorifics(set.honorifics, set.suffixes)
	if err := l.buildPeople(set.people); err != nil {
		return nil, err
	}
	if err := l.buildTopics(set.topics); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Lexicon) buildCountries(raw []item[rawCountry]) error {
	items, err := merge(raw, "country", func(c rawCountry) string { return strings.ToUpper(strings.TrimSpace(c.Code)) },
		func(o, n rawCountry) rawCountry {
			return rawCountry{
				Code: o.Code, Alpha2: orStr(o.Alpha2, n.Alpha2), Name: orStr(o.Name, n.Name),
				Aliases: orList(o.Aliases, n.Aliases), Demonyms: orList(o.Demonyms, n.Demonyms),
				Capital: orStr(o.Capital, n.Capital), CapitalAliases: orList(o.CapitalAliases, n.CapitalAliases),
				Cities: orList(o.Cities, n.Cities), Regions: orList(o.Regions, n.Regions),
			}
		})
	if err != nil {
		return err
	}
	// Embedded entries claim names first, then the user's (which win).
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].user != items[j].user {
			return !items[i].user
		}
		return items[i].v.Code < items[j].v.Code
	})
	for _, it := range items {
		c := it.v
		code := strings.ToUpper(strings.TrimSpace(c.Code))
		if !codeRE.MatchString(code) {
			return fmt.Errorf("%s: code must be three capital letters", it.where("country", c.Code))
		}
		if strings.TrimSpace(c.Name) == "" {
			return fmt.Errorf("%s: missing name", it.where("country", code))
		}
		a2 := strings.ToUpper(strings.TrimSpace(c.Alpha2))
		if a2 != "" {
			if !alpha2RE.MatchString(a2) {
				return fmt.Errorf("%s: alpha2 %q must be two letters", it.where("country", code), c.Alpha2)
			}
			if old, ok := l.byAlpha2[a2]; ok {
				return fmt.Errorf("%s: alpha2 %s is already %s's", it.where("country", code), a2, old)
			}
			l.byAlpha2[a2] = code
		}
		l.countries = append(l.countries, Country{
			Code: code, Alpha2: a2, Name: c.Name, Aliases: c.Aliases, Demonyms: c.Demonyms,
			Capital: c.Capital, CapitalAliases: c.CapitalAliases, Cities: c.Cities, Regions: c.Regions,
		})
		names := append([]string{c.Name}, c.Aliases...)
		names = append(names, c.Demonyms...)
		names = append(names, c.Regions...) // "flew to Florida": a trip to the state that holds it
		for _, n := range names {
			if isShortCaps(strings.TrimSpace(n)) {
				l.claim(l.nameExact, exactKey(n), code, it.user, "name "+n)
			} else if k := looseKey(n); k != "" {
				l.claim(l.nameLoose, k, code, it.user, "name "+n)
			}
		}
		if c.Capital != "" {
			for _, n := range append([]string{c.Capital}, c.CapitalAliases...) {
				l.claimCity(looseKey(n), cityRef{c.Capital, code}, it.user)
			}
		}
		for _, n := range c.Cities {
			l.claimCity(looseKey(n), cityRef{n, code}, it.user)
		}
	}
	sort.Slice(l.countries, func(i, j int) bool { return l.countries[i].Code < l.countries[j].Code })
	for i, c := range l.countries {
		l.byCode[c.Code] = i
	}
	// The United Kingdom's internet domain is .uk, not .gb; accept it as
	// long as no country claims UK as its alpha-2 code.
	if _, ok := l.byAlpha2["UK"]; !ok {
		if c, ok := l.Country("GBR"); ok && c.Alpha2 == "GB" {
			l.byAlpha2["UK"] = "GBR"
		}
	}
	return nil
}

// claim gives key to code, recording a conflict when another code has it.
func (l *Lexicon) claim(m map[string]string, key, code string, user bool, what string) {
	if old, ok := m[key]; ok && old != code {
		l.conflicts = append(l.conflicts, fmt.Sprintf("%s: %s and %s", what, old, code))
		if !user {
			return
		}
	}
	m[key] = code
}

func (l *Lexicon) claimCity(key string, r cityRef, user bool) {
	if key == "" {
		return
	}
	if old, ok := l.cities[key]; ok {
		if old.country == r.country {
			return // a spelling of a city already listed
		}
		l.conflicts = append(l.conflicts, fmt.Sprintf("city %s: %s and %s", r.city, old.country, r.country))
		if !user {
			return
		}
	}
	l.cities[key] = r
}

func (l *Lexicon) buildTitles(raw []item[rawTitle]) error {
	items, err := merge(raw, "title", func(t rawTitle) string { return strings.TrimSpace(t.Name) },
		func(o, n rawTitle) rawTitle {
			r := o
			if n.Rank != 0 {
				r.Rank = n.Rank
			}
			if n.Ranks != nil {
				r.Ranks = n.Ranks
			}
			r.Forms = orList(o.Forms, n.Forms)
			r.Acronyms = orList(o.Acronyms, n.Acronyms)
			return r
		})
	if err != nil {
		return err
	}
	sort.SliceStable(items, func(i, j int) bool { return !items[i].user && items[j].user })
	seenForm := map[string]bool{}
	for _, it := range items {
		r := it.v
		name := strings.TrimSpace(r.Name)
		if r.Rank < 1 || r.Rank > 5 {
			return fmt.Errorf("%s: rank %d, want 1 to 5", it.where("title", name), r.Rank)
		}
		for c, rk := range r.Ranks {
			if _, ok := l.byCode[c]; !ok {
				return fmt.Errorf("%s: ranks: unknown country %q", it.where("title", name), c)
			}
			if rk < 1 || rk > 5 {
				return fmt.Errorf("%s: ranks: %s rank %d, want 1 to 5", it.where("title", name), c, rk)
			}
		}
		t := &Title{Name: name, Rank: r.Rank, Ranks: r.Ranks, Acronyms: r.Acronyms}
		t.Forms = append(t.Forms, strings.ToLower(name))
		for _, f := range r.Forms {
			f = strings.ToLower(strings.Join(strings.Fields(f), " "))
			if f != "" && !containsStr(t.Forms, f) {
				t.Forms = append(t.Forms, f)
			}
		}
		l.titles[name] = t
		keys := append(append([]string{}, t.Forms...), t.Acronyms...)
		for _, f := range keys {
			k := titleKey(f)
			if old, ok := l.titleByKey[k]; ok && old.Name != name {
				l.conflicts = append(l.conflicts, fmt.Sprintf("title form %q: %s and %s", f, old.Name, name))
				if !it.user {
					continue
				}
			}
			l.titleByKey[k] = t
		}
		for _, f := range t.Forms {
			if !seenForm[f] {
				seenForm[f] = true
				l.titleForms = append(l.titleForms, f)
			}
		}
		l.acronyms = append(l.acronyms, t.Acronyms...)
	}
	// A form taken over by a user's title no longer belongs to the old one:
	// keep in TitleForms only forms that still resolve.
	forms := l.titleForms[:0]
	for _, f := range l.titleForms {
		if _, ok := l.titleByKey[titleKey(f)]; ok {
			forms = append(forms, f)
		}
	}
	l.titleForms = forms
	sortLongestFirst(l.titleForms)
	sortLongestFirst(l.acronyms)
	return nil
}

func containsStr(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (l *Lexicon) buildHonorifics(hs, sfx []item[string]) {
	// add fills set and most, and returns the entries as written, longest
	// first (only the honorifics' are kept: Honorifics returns them).
	add := func(items []item[string], set map[string]bool, most *int) []string {
		var list []string
		for _, it := range items {
			toks := wordTokens(it.v)
			k := strings.Join(toks, " ")
			if k == "" {
				continue
			}
			set[k] = true
			if v := strings.TrimSpace(it.v); !containsStr(list, v) {
				list = append(list, v)
			}
			*most = max(*most, len(toks))
		}
		sortLongestFirst(list)
		return list
	}
	l.honorList = add(hs, l.honorifics, &l.maxHonor)
	add(sfx, l.suffixes, &l.maxSuffix)
}

func (l *Lexicon) buildPeople(raw []item[rawPerson]) error {
	items, err := merge(raw, "person", func(p rawPerson) string { return strings.TrimSpace(p.Name) },
		func(o, n rawPerson) rawPerson {
			r := o
			r.Aliases = orList(o.Aliases, n.Aliases)
			r.Country = orStr(o.Country, n.Country)
			if n.Offices != nil {
				r.Offices = n.Offices
			}
			return r
		})
	if err != nil {
		return err
	}
	for _, it := range items {
		r := it.v
		name := strings.TrimSpace(r.Name)
		country := strings.ToUpper(strings.TrimSpace(r.Country))
		if _, ok := l.byCode[country]; !ok {
			return fmt.Errorf("%s: unknown country %q", it.where("person", name), r.Country)
		}
		p := &Person{Name: name, Aliases: r.Aliases, Country: country}
		for _, o := range r.Offices {
			t, ok := l.titleByKey[titleKey(o.Title)]
			if !ok {
				return fmt.Errorf("%s: unknown title %q", it.where("person", name), o.Title)
			}
			oc := country
			if o.Country != "" {
				oc = strings.ToUpper(strings.TrimSpace(o.Country))
				if _, ok := l.byCode[oc]; !ok {
					return fmt.Errorf("%s: office %s: unknown country %q", it.where("person", name), t.Name, o.Country)
				}
			}
			from, err := engagement.ParseDate(o.From)
			if err != nil {
				return fmt.Errorf("%s: office %s: from: %w", it.where("person", name), t.Name, err)
			}
			to, err := engagement.ParseDate(o.To)
			if err != nil {
				return fmt.Errorf("%s: office %s: to: %w", it.where("person", name), t.Name, err)
			}
			if !from.IsZero() && !to.IsZero() && dayEnd(to) < dayStart(from) {
				return fmt.Errorf("%s: office %s: to %s is before from %s", it.where("person", name), t.Name, to, from)
			}
			p.Offices = append(p.Offices, Office{Title: t.Name, Country: oc, From: from, To: to})
		}
		l.people = append(l.people, p)
	}
	for _, p := range l.people {
		seen := map[string]bool{}
		seenSur := map[string]bool{}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			k := l.personKey(n)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			l.personByKey[k] = append(l.personByKey[k], p)
			sur := k[strings.LastIndexByte(k, ' ')+1:]
			if !seenSur[sur] {
				seenSur[sur] = true
				l.bySurname[sur] = append(l.bySurname[sur], p)
			}
		}
		for _, o := range p.Offices {
			k := holdingKey(o.Country, o.Title)
			l.holdings[k] = append(l.holdings[k], holding{person: p, start: dayStart(o.From), end: dayEnd(o.To)})
		}
	}
	return nil
}

func (l *Lexicon) buildTopics(raw []item[rawTopic]) error {
	items, err := merge(raw, "topic", func(t rawTopic) string { return strings.ToLower(strings.TrimSpace(t.Tag)) },
		func(o, n rawTopic) rawTopic { return rawTopic{Tag: o.Tag, Terms: orList(o.Terms, n.Terms)} })
	if err != nil {
		return err
	}
	for _, it := range items {
		t := Topic{Tag: strings.ToLower(strings.TrimSpace(it.v.Tag))}
		for _, term := range it.v.Terms {
			term = strings.ToLower(strings.Join(strings.Fields(term), " "))
			if term != "" && !containsStr(t.Terms, term) {
				t.Terms = append(t.Terms, term)
			}
		}
		if len(t.Terms) == 0 {
			return fmt.Errorf("%s: no terms", it.where("topic", t.Tag))
		}
		l.topics = append(l.topics, t)
	}
	return nil
}
