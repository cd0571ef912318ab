package extract

import (
	"slices"
	"strings"

	"bilat/internal/actors"
	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

// pref is a reference to people in a sentence.
type pref struct {
	i, j    int       // token span of the whole reference
	ents    []*entity // one person; two for "the two sides"
	title   string    // the title the text gives here (canonical names, "and"-joined)
	rank    int
	country string // the country the text gives here
	office  *atom  // an office named without a person ("the Chinese premier"), resolved by date
	plural  bool
	poss    bool
	how     string
}

// refs composes the atoms of a sentence into references to people.
func (d *docState) refs(toks []nlp.Token, atoms []atom) []pref {
	var out []pref
	defer func() { cataphora(toks, out) }()
	adj := func(k int, a atom) bool { return k < len(atoms) && atoms[k].i == a.j }
	for k := 0; k < len(atoms); k++ {
		a := atoms[k]
		switch a.kind {
		case aCountry:
			// "the Chinese and Japanese foreign ministers": two offices, one per country
			if k+1 < len(atoms) && atoms[k+1].kind == aCountry && a.j < len(toks) && toks[a.j].Lower == "and" && atoms[k+1].i == a.j+1 {
				t, l := d.pluralTitle(toks, atoms[k+1].j)
				// "the foreign ministers of India and China"
				if l == 0 && a.i > 1 && toks[a.i-1].Lower == "of" {
					for n := 3; n >= 1 && l == 0; n-- {
						if a.i-1-n >= 0 {
							if t2, l2 := d.pluralTitle(toks, a.i-1-n); l2 == n {
								t, l = t2, l2
							}
						}
					}
				}
				if l > 0 {
					for _, c := range []atom{a, atoms[k+1]} {
						ta := atom{kind: aTitle, i: atoms[k+1].j, j: atoms[k+1].j + l, title: t, titles: []actors.Title{t}}
						out = append(out, pref{i: c.i, j: ta.j, office: &ta, country: c.code, how: "office (plural)"})
					}
					k++
					continue
				}
			}
			// "Pakistan's Foreign Minister Bilawal", "the US secretary of state", "his US counterpart Blinken"
			if adj(k+1, a) && atoms[k+1].kind == aTitle {
				t := atoms[k+1]
				if adj(k+2, t) && atoms[k+2].kind == aName {
					if r, ok := d.person(toks, atoms[k+2], a.code, t, "title pattern"); ok {
						r.i = a.i
						out = append(out, r)
					}
					k += 2
					continue
				}
				// "Iran's then president, Ebrahim Raisi": the name in apposition
				if k+2 < len(atoms) && atoms[k+2].kind == aName && t.j+1 == atoms[k+2].i && toks[t.j].Text == "," && !generic(toks, a.i) {
					if r, ok := d.person(toks, atoms[k+2], a.code, t, "title, name"); ok {
						r.i = a.i
						out = append(out, r)
						k += 2
						continue
					}
				}
				if !t.former && !generic(toks, a.i) {
					if e := d.byTitle(t.title, a.code); e != nil {
						out = append(out, pref{i: a.i, j: t.j, ents: []*entity{e}, how: "title of " + e.name})
					} else {
						out = append(out, pref{i: a.i, j: t.j, office: &atoms[k+1], country: a.code, how: "office"})
					}
				}
				k++
				continue
			}
			// "South Korea's Park Jin": a country's possessive before a name
			if a.poss && adj(k+1, a) && atoms[k+1].kind == aName {
				if r, ok := d.person(toks, atoms[k+1], a.code, atom{}, "country's"); ok {
					r.i = a.i
					out = append(out, r)
				}
				k++
				continue
			}
			if adj(k+1, a) && atoms[k+1].kind == aCounterpart {
				c := atoms[k+1]
				if adj(k+2, c) && atoms[k+2].kind == aName {
					if r, ok := d.person(toks, atoms[k+2], a.code, atom{}, "counterpart"); ok {
						r.i = a.i
						out = append(out, r)
					}
					k += 2
					continue
				}
				out = append(out, d.counterpart(toks, a.i, c.j, a.code, nil))
				k++
				continue
			}
		case aTitle:
			if a.former {
				continue
			}
			k2 := k + 1
			if adj(k2, a) && atoms[k2].kind == aName {
				country := ""
				// "Foreign Minister Bilawal of Pakistan"
				if k2+1 < len(atoms) && atoms[k2+1].kind == aCountry && atoms[k2+1].i == atoms[k2].j+1 && toks[atoms[k2].j].Lower == "of" {
					country = atoms[k2+1].code
				}
				if r, ok := d.person(toks, atoms[k2], country, a, "title pattern"); ok {
					r.i = a.i
					if country != "" {
						r.j = atoms[k2+1].j // "… of France" belongs to the reference
					}
					out = append(out, r)
				}
				if country != "" {
					k2++
				}
				k = k2
				continue
			}
			// "President of the French Republic Emmanuel Macron", "Prime Minister of Australia Anthony Albanese"
			if a.j+1 < len(toks) && toks[a.j].Lower == "of" && k+2 < len(atoms) && atoms[k+1].kind == aCountry &&
				(atoms[k+1].i == a.j+1 || atoms[k+1].i == a.j+2 && toks[a.j+1].Lower == "the") &&
				atoms[k+2].kind == aName && atoms[k+2].i-atoms[k+1].j <= 1 {
				if r, ok := d.person(toks, atoms[k+2], atoms[k+1].code, a, "title of country"); ok {
					r.i = a.i
					out = append(out, r)
				}
				k += 2
				continue
			}
			// "the foreign minister of India"
			if a.j+1 < len(toks) && toks[a.j].Lower == "of" && k+1 < len(atoms) && atoms[k+1].kind == aCountry && atoms[k+1].i == a.j+1 {
				out = append(out, pref{i: a.i, j: atoms[k+1].j, office: &atoms[k], country: atoms[k+1].code, how: "office"})
				k++
				continue
			}
			// "the secretary", "the foreign secretary": someone the text has
			// named, or else the holder of that office in the document's own country
			if theBefore(toks, a.i) || a.i == 0 || acronymAt(toks, a) {
				// a document's "the Prime Minister", "EAM" is its own country's; else the latest of that title
				var e *entity
				if d.home != "" {
					e = d.byTitle(a.title, d.home)
				}
				if a.i > 0 && toks[a.i-1].Lower == "visiting" {
					// "the visiting prime minister": the guest, not the home country's own
					e = d.visitingByTitle(a.title)
				}
				// "the Premier" after "Chinese Premier Li Qiang" in an Australian release:
				// a wording other than the title's own name ("premier" for a prime
				// minister) is the one the text called so, if the home holder was not
				if w := titleWords(toks, a); e != nil && w != strings.ToLower(a.title.Name) && !slices.Contains(e.said, w) {
					if o := d.bySaid(w); o != nil {
						e = o
					}
				}
				if e == nil {
					e = d.byTitle(a.title, "")
				}
				if e != nil && namedAfter(toks, a.j, e) {
					// "The President spoke today with President Xi Jinping": not Xi
					not := e
					e = d.latestTitled(a.title, func(o *entity) bool { return o != not })
				}
				if e != nil && tripTo(toks, atoms, a.j) == e.country {
					// "the prime minister made a second trip to China": not China's own
					if o := d.byTitleWhere(a.title, func(o *entity) bool { return o.country != "" && o.country != e.country }); o != nil {
						e = o
					}
				}
				if e != nil {
					out = append(out, pref{i: a.i, j: a.j, ents: []*entity{e}, how: "title of " + e.name})
				} else if d.home != "" {
					out = append(out, pref{i: a.i, j: a.j, office: &atoms[k], country: d.home, how: "office, the document's country"})
				}
			}
		case aName:
			// "Kim's father, Kim Jong Il", "Ruto's predecessor": a relative of a person is another person
			if k := a.j; k+1 < len(toks) && (toks[k].Lower == "'s" || toks[k].Text == "'") && kin[toks[k+1].Lower] ||
				k < len(toks) && k > a.i && (toks[k-1].Lower == "'s" || toks[k-1].Text == "'") && kin[toks[k].Lower] {
				continue
			}
			// apposition: "John Bass, the US acting under secretary for political affairs,"
			if k+1 < len(atoms) && a.j < len(toks) && toks[a.j].Text == "," {
				country, t, last := "", atom{}, -1
				k2 := k + 1
				if atoms[k2].kind == aCountry && atoms[k2].i <= a.j+2 {
					country = atoms[k2].code
					k2++
				}
				if k2 < len(atoms) && atoms[k2].kind == aTitle && atoms[k2].i <= a.j+3 && (country != "" || atoms[k2].i <= a.j+2) &&
					!(k2+1 < len(atoms) && atoms[k2+1].kind == aName && atoms[k2+1].i == atoms[k2].j) {
					t = atoms[k2]
					last = k2
					if k2+1 < len(atoms) && atoms[k2+1].kind == aCountry && t.j < len(toks) && toks[t.j].Lower == "of" && atoms[k2+1].i == t.j+1 {
						country = atoms[k2+1].code
						last = k2 + 1
					}
				}
				// (not "Novo-Ogaryovo, the President's residence": a title owning something names a place)
				owns := t.j < len(toks) && (toks[t.j].Lower == "'s" || toks[t.j].Lower == "’s")
				if last >= 0 && !t.former && !owns && !(a.i > 0 && toks[a.i-1].Lower == "the") {
					if r, ok := d.person(toks, a, country, t, "apposition"); ok {
						r.j = atoms[last].j
						out = append(out, r)
					}
					k = last
					continue
				}
			}
			if r, ok := d.person(toks, a, "", atom{}, "name"); ok {
				out = append(out, r)
			}
		case aPronoun:
			if firstPerson[a.text] {
				// "Ruto and Biden held talks, followed by discussions between our delegations": the speaker is named already
				if r, ok := d.firstPersonRef(toks, a); ok && !named(out, r.ents[0]) {
					out = append(out, r)
				}
				continue
			}
			if a.text == "leader" {
				if e := d.latestTitled(actors.Title{}, func(e *entity) bool { return e.country == a.code && d.rankOf(e) == 1 }); e != nil {
					out = append(out, pref{i: a.i, j: a.j, ents: []*entity{e}, how: "the country's leader, " + e.name})
				}
				continue
			}
			if a.text == "visitor" {
				if e := d.visitorInFocus(); e != nil {
					out = append(out, pref{i: a.i, j: a.j, ents: []*entity{e}, how: "the visitor, " + e.name})
				}
				continue
			}
			// ", who is paying a state visit": the person just before the comma
			if a.text == "who" || a.text == "whom" {
				if a.i > 0 && toks[a.i-1].Text == "," && len(out) > 0 {
					if r := out[len(out)-1]; titleTail(toks[r.j:a.i-1]) && len(r.ents) == 1 && !r.plural {
						out = append(out, pref{i: a.i, j: a.j, ents: r.ents, how: a.text + " = " + r.ents[0].name})
					}
				}
				continue
			}
			if a.text == "his" || a.text == "her" {
				// "his Pakistani counterpart", "her counterpart"
				k2 := k + 1
				country := ""
				if adj(k2, a) && atoms[k2].kind == aCountry {
					country = atoms[k2].code
					k2++
					// "his Indian and Chinese counterparts": one counterpart per country
					if k2+1 < len(atoms) && atoms[k2].kind == aCountry && toks[atoms[k2-1].j].Lower == "and" && atoms[k2].i == atoms[k2-1].j+1 &&
						atoms[k2+1].kind == aCounterpart && atoms[k2+1].i == atoms[k2].j {
						out = append(out, d.counterpart(toks, a.i, atoms[k2-1].j, country, nearest(out, toks, a.i)))
						out = append(out, d.counterpart(toks, atoms[k2].i, atoms[k2+1].j, atoms[k2].code, nearest(out[:len(out)-1], toks, a.i)))
						k = k2 + 1
						continue
					}
				}
				if k2 < len(atoms) && atoms[k2].kind == aCounterpart && atoms[k2].i <= a.j+1 {
					c := atoms[k2]
					if k2+1 < len(atoms) && atoms[k2+1].kind == aName && (atoms[k2+1].i == c.j || atoms[k2+1].i == c.j+1 && toks[c.j].Text == ",") {
						if r, ok := d.person(toks, atoms[k2+1], country, atom{}, "counterpart"); ok {
							r.i = a.i
							out = append(out, r)
						}
						k = k2 + 1
						continue
					}
					out = append(out, d.counterpart(toks, a.i, atoms[k2].j, country, nearest(out, toks, a.i)))
					k = k2
					continue
				}
			}
			subj := nearest(out, toks, a.i) // the nearest person the sentence named before the pronoun
			if (a.text == "he" || a.text == "she") && len(out) > 0 && len(out[0].ents) == 1 && !out[0].plural && out[0].office == nil && !inRelative(toks, out[0].i, a.i) && !ofTrip(toks, out, a) {
				subj = out[0].ents[0] // "X was met by Y, with whom he held talks": the subject
			}
			if subj == nil {
				subj = d.subject
			}
			if subj != nil {
				out = append(out, pref{i: a.i, j: a.j, ents: []*entity{subj}, poss: a.text == "his" || a.text == "her", how: a.text + " = " + subj.name})
			}
		case aPlural:
			// "Modi and Xi met …, their first meeting": the pair the sentence has just named
			var named []*entity
			for _, r := range out {
				if len(r.ents) == 1 && !r.plural && r.ents[0].country != "" && (len(named) == 0 || named[len(named)-1].country != r.ents[0].country) {
					named = append(named, r.ents[0])
				}
			}
			seen := map[string]bool{}
			for _, e := range named {
				seen[e.country] = true
			}
			if len(seen) >= 3 {
				continue // "Moon and Abe joined Li Keqiang for their annual three-way summit": all three
			}
			if len(named) >= 2 {
				pair := named[len(named)-2:]
				out = append(out, pref{i: a.i, j: a.j, ents: pair, plural: true, how: "both = " + pair[0].name + ", " + pair[1].name})
				continue
			}
			if pair := d.pairFor(toks, a); len(pair) == 2 {
				out = append(out, pref{i: a.i, j: a.j, ents: pair, plural: true, how: "both sides = " + pair[0].name + ", " + pair[1].name})
			}
		case aTrigger:
			// "the Qureshi-Blinken call": two surnames joined by a hyphen before a noun trigger
			if a.i > 0 {
				t := toks[a.i-1]
				if parts := strings.Split(t.Text, "-"); len(parts) == 2 && t.IsCap() {
					e1, e2 := d.known(parts[0]), d.known(parts[1])
					if e1 != nil && e2 != nil && e1 != e2 {
						out = append(out, pref{i: a.i - 1, j: a.i, ents: []*entity{e1, e2}, plural: true, how: "hyphenated pair"})
					}
				}
			}
		}
	}
	return out
}

// frontedEnd returns the comma that closes a phrase fronted before the
// subject ("During his visit to Tokyo, …", "After watching the parade
// alongside Xi, …"), or -1.
func frontedEnd(toks []nlp.Token) int {
	// skip a chronology's heading: "- 10 March 2018: On his first visit, …"
	start := 0
	for k := 0; k < len(toks) && k < 12; k++ {
		if toks[k].Text == ":" {
			start = k + 1
			break
		}
	}
	if start >= len(toks) || !fronting[toks[start].Lower] {
		return -1
	}
	for k := start; k < len(toks); k++ {
		if toks[k].Text == "," {
			return k
		}
	}
	return -1
}

// cataphora rebinds a pronoun in a fronted phrase to the subject after it:
// "During his visit to Tokyo, Philippine President Marcos met …".
func cataphora(toks []nlp.Token, refs []pref) {
	comma := frontedEnd(toks)
	if comma < 0 {
		return // "He landed … and was met by X": a sentence's first word is its subject
	}
	var subject *entity
	for _, r := range refs {
		if r.i > comma && len(r.ents) == 1 && !r.plural && r.office == nil {
			subject = r.ents[0]
			break
		}
	}
	if subject == nil {
		return
	}
	for k := range refs {
		r := &refs[k]
		if r.i >= comma {
			break
		}
		if !strings.HasPrefix(r.how, toks[r.i].Lower+" = ") {
			return // someone is named before the comma: no cataphora
		}
		if w := toks[r.i].Lower; w != "his" && w != "her" {
			continue // "On Tuesday she met the host, Carney": a subject pronoun looks back
		}
		r.ents = []*entity{subject}
		r.how = toks[r.i].Lower + " = " + subject.name + " (named after it)"
	}
}

// nearest is the person the sentence named last before token i (outside a
// relative clause), or nil: whom "his" stands for.
func nearest(out []pref, toks []nlp.Token, i int) *entity {
	for k := len(out) - 1; k >= 0; k-- {
		if r := out[k]; len(r.ents) == 1 && !r.plural && r.office == nil && !inRelative(toks, r.i, i) {
			return r.ents[0]
		}
	}
	return nil
}

// titleCased reports whether most words of a sentence are capitalised, as in a headline.
func titleCased(toks []nlp.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.IsWord() && len(t.Text) > 3 {
			words++
			if t.IsCap() {
				caps++
			}
		}
	}
	return words >= 3 && caps*10 >= words*7
}

// fronting words open a phrase before the subject: "During his visit, X …".
var fronting = map[string]bool{"during": true, "on": true, "in": true, "after": true, "before": true, "while": true,
	"at": true, "ahead": true, "following": true, "when": true, "upon": true, "for": true, "with": true, "since": true}

// inRelative: token i lies in a relative clause (", who … ,") that closes
// before token end: "Lee, who was a critic of Yoon's policy, began his trip".
// ofTrip: "Sharif's trip to China in June, during which he met Xi": the
// pronoun of a relative clause on a person's noun is that person.
func ofTrip(toks []nlp.Token, out []pref, a atom) bool {
	r := out[len(out)-1]
	if !r.poss || a.i < 2 || a.i-r.j > 10 {
		return false
	}
	w := toks[a.i-1].Lower
	return w == "where" || w == "which" && (toks[a.i-2].Lower == "during" || toks[a.i-2].Lower == "in" || toks[a.i-2].Lower == "on")
}

func inRelative(toks []nlp.Token, i, end int) bool {
	for k := i - 1; k > 0; k-- {
		if toks[k].Text == "," {
			switch toks[k+1].Lower {
			case "who", "whose", "whom", "which":
				for m := i; m < end; m++ {
					if toks[m].Text == "," {
						return true
					}
				}
			}
			return false
		}
	}
	return false
}

// generic: "a Pakistani prime minister", "any US president" name no one.
func generic(toks []nlp.Token, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i-1].Lower {
	case "a", "an", "any", "every", "no", "each", "another":
		return true
	}
	return false
}

// pairFor resolves "the two foreign ministers", "the two leaders", "both
// sides": the latest two people of two countries who fit the role named, or
// else the pair of the engagement in focus.
func (d *docState) pairFor(toks []nlp.Token, a atom) []*entity {
	role := ""
	for k := a.i; k < min(len(toks), a.j+2); k++ {
		role += " " + toks[k].Lower
	}
	fit := func(e *entity) bool { return true }
	switch {
	case strings.Contains(role, "foreign minister"):
		fit = func(e *entity) bool { return d.holds(e, "Foreign Minister", "Secretary of State", "Foreign Secretary") }
	case strings.Contains(role, "defence minister") || strings.Contains(role, "defense minister"):
		fit = func(e *entity) bool { return d.holds(e, "Defence Minister", "Secretary of Defense") }
	case strings.Contains(role, "ministers") && !strings.Contains(role, "prime ministers"):
		fit = func(e *entity) bool { return d.holds(e, "Minister", "Secretary of State", "Foreign Secretary") }
	case strings.Contains(role, "leaders") || strings.Contains(role, "presidents") || strings.Contains(role, "prime ministers") || strings.Contains(role, "premiers"):
		fit = func(e *entity) bool { return d.rankOf(e) == 1 }
	}
	if len(d.focus) >= 2 && fit(d.focus[0]) && fit(d.focus[1]) {
		return []*entity{d.focus[0], d.focus[1]}
	}
	var out []*entity
	for k := len(d.entities) - 1; k >= 0 && len(out) < 2; k-- {
		e := d.entities[k]
		if e.country == "" || !fit(e) || (len(out) == 1 && out[0].country == e.country) {
			continue
		}
		out = append(out, e)
	}
	if len(out) == 2 {
		return []*entity{out[1], out[0]}
	}
	if len(d.focus) >= 2 {
		return []*entity{d.focus[0], d.focus[1]}
	}
	return nil
}

// holds reports whether the text or the lexicon gives e one of these titles.
func (d *docState) holds(e *entity, titles ...string) bool {
	for _, t := range titles {
		if strings.Contains(e.title, t) {
			return true
		}
		if e.person != nil {
			if o, ok := d.x.lex.OfficeOn(e.person, d.pub); ok && strings.Contains(o.Title, t) {
				return true
			}
		}
	}
	return false
}

func (d *docState) rankOf(e *entity) int {
	if e.rank != 0 {
		return e.rank
	}
	if e.person != nil {
		if o, ok := d.x.lex.OfficeOn(e.person, d.pub); ok {
			if t, ok := d.x.lex.Title(o.Title); ok {
				return t.RankIn(e.country)
			}
		}
	}
	return 0
}

// pluralTitle reads a title in the plural at token i ("foreign ministers",
// "presidents") and returns it with its length in tokens.
func (d *docState) pluralTitle(toks []nlp.Token, i int) (actors.Title, int) {
	for l := 3; l >= 1; l-- {
		if i+l > len(toks) {
			continue
		}
		last := toks[i+l-1].Lower
		if !strings.HasSuffix(last, "s") {
			continue
		}
		var w []string
		for k := i; k < i+l-1; k++ {
			w = append(w, toks[k].Lower)
		}
		w = append(w, strings.TrimSuffix(last, "s"))
		if t, ok := d.x.lex.Title(strings.Join(w, " ")); ok {
			return t, l
		}
	}
	return actors.Title{}, 0
}

// counterpart resolves "his counterpart" / "his Chinese counterpart" with no
// name: the other side of the person in focus, by office.
func (d *docState) counterpart(toks []nlp.Token, i, j int, country string, owner *entity) pref {
	r := pref{i: i, j: j, how: "counterpart"}
	if owner == nil {
		owner = d.subject
	}
	if owner == nil {
		return r
	}
	// someone already named, of that country (or of another country than the
	// subject), at the subject's level: a foreign minister's counterpart is no president
	rank := d.rankOf(owner)
	for k := len(d.entities) - 1; k >= 0; k-- {
		e := d.entities[k]
		if e == owner || e.country == "" || e.country == owner.country {
			continue
		}
		if r := d.rankOf(e); rank != 0 && r != 0 && r != rank {
			continue
		}
		if country == "" || e.country == country {
			r.ents = []*entity{e}
			r.how = "counterpart = " + e.name
			return r
		}
	}
	if country != "" && owner.title != "" {
		if t, ok := d.x.lex.Title(owner.title); ok {
			a := atom{kind: aTitle, title: t, titles: []actors.Title{t}}
			r.office, r.country = &a, country
			r.how = "counterpart by office"
		}
	}
	return r
}

// person resolves a name, with the country and title the text gives next to it.
func (d *docState) person(toks []nlp.Token, a atom, country string, t atom, how string) (pref, bool) {
	name, tokens := d.nameText(toks, a)
	if len(tokens) == 0 {
		return pref{}, false
	}
	r := pref{i: a.i, j: a.j, country: country, how: how}
	if a.j < len(toks) && (toks[a.j].Lower == "'s" || toks[a.j].Lower == "’s") {
		r.poss = true
		r.j++
	}
	if t.kind == aTitle {
		r.title, r.rank = titleText(t, country)
	}
	anchored := t.kind == aTitle || country != "" || how == "counterpart" || how == "country's"
	// the lexicon: the full name or an alias; then its longest known prefix
	// ("Mohammed bin Salman bin Abdulaziz Al Saud"); then the name without its
	// first words ("Mohammad Ishaq Dar"), but never the part after "bin", which
	// is the father's name
	var p *actors.Person
	fields := strings.Fields(name)
	try := func(cand string) bool {
		if q, ok := d.x.lex.Person(cand); ok && (country == "" || q.Country == country) {
			p = q
			return true
		}
		return false
	}
	if !try(name) && len(fields) == 2 {
		try(fields[1] + " " + fields[0]) // "KISHIDA Fumio": family name first, in capitals
	}
	if p != nil && len(fields) == 1 && !strings.ContainsAny(p.Name, " -") && t.kind != aTitle {
		p = nil // a one-word name ("Francis") is the lexicon's only after a title ("Pope Francis"), not in "Mr Francis"
	}
	if p == nil {
		// a prefix only when the rest is a patronymic ("… bin Abdulaziz Al Saud"):
		// "Abdul Hamid Dbeibah" is not Abdul Hamid
		titleCase := titleCased(toks) // a headline capitalises its verbs: "Xi Jinping Holds Talks"
		for l := len(fields) - 1; l >= 2 && p == nil; l-- {
			if titleCase || particles[strings.ToLower(fields[l])] {
				try(strings.Join(fields[:l], " "))
			}
		}
		for s := 1; s <= len(fields)-2 && p == nil; s++ {
			if particles[strings.ToLower(fields[s-1])] {
				continue
			}
			try(strings.Join(fields[s:], " "))
		}
	}
	var e *entity
	if p != nil {
		e = d.entityFor(p)
		r.how += ", lexicon"
	} else if e = d.matchEntity(tokens, country, r.title); e != nil {
		r.how += ", same as " + e.name
		if len(name) > len(e.name) && e.person == nil {
			e.name, e.tokens = name, tokens
		}
	} else if q := d.bySurname(tokens, country, r.title); q != nil {
		e = d.entityFor(q)
		r.how += ", lexicon surname"
	} else if a.i > 0 && toks[a.i-1].Lower == "the" && t.kind != aTitle {
		return pref{}, false // "the Amiri Diwan", "the White House": a place or a body, not a person
	} else if len(tokens) == 1 && titleCased(toks) {
		return pref{}, false // "His Majesty the Sultan Begins State Visit": a headline's capitals, not a name
	} else if anchored || (a.i < len(toks) && d.x.honor[strings.TrimSuffix(toks[a.i].Lower, ".")] && len(tokens) >= 1) {
		e = &entity{name: name, tokens: tokens, country: country}
		d.entities = append(d.entities, e)
		r.how += ", new"
	} else {
		return pref{}, false
	}
	if e.country == "" && country != "" {
		e.country = country
	}
	if t.kind == aTitle {
		if w := titleWords(toks, t); !slices.Contains(e.said, w) {
			e.said = append(e.said, w)
		}
	}
	if e.title == "" && r.title != "" {
		e.title, e.rank = r.title, r.rank
	}
	d.touch(e)
	r.ents = []*entity{e}
	return r, true
}

// titleText gives the canonical title(s) of a title atom and the highest rank.
func titleText(t atom, country string) (string, int) {
	var names []string
	rank := 0
	for _, ti := range t.titles {
		names = append(names, ti.Name)
		if r := ti.RankIn(country); rank == 0 || (r != 0 && r < rank) {
			rank = r
		}
	}
	s := strings.Join(names, " and ")
	if t.acting {
		s = "Acting " + s
	}
	return s, rank
}

func (d *docState) entityFor(p *actors.Person) *entity {
	for _, e := range d.entities {
		if e.person == p {
			return e
		}
	}
	e := &entity{name: p.Name, tokens: foldTokens(p.Name), country: p.Country, person: p}
	for _, al := range p.Aliases {
		e.tokens = appendNew(e.tokens, foldTokens(al)...)
	}
	d.entities = append(d.entities, e)
	return e
}

func appendNew(s []string, v ...string) []string {
	for _, x := range v {
		if !slices.Contains(s, x) {
			s = append(s, x)
		}
	}
	return s
}

// matchEntity finds a person already named in the document whose name
// contains the last word of this one ("Blinken", "Mr Qureshi", "Bass").
func (d *docState) matchEntity(tokens []string, country, title string) *entity {
	last := tokens[len(tokens)-1]
	for k := len(d.entities) - 1; k >= 0; k-- {
		e := d.entities[k]
		if country != "" && e.country != "" && e.country != country {
			continue
		}
		// "King Salman" is not the crown prince Mohammed bin Salman
		if title != "" && e.person != nil && !strings.Contains(e.title, title) && !d.everHeld(e.person, title) {
			continue
		}
		for _, t := range e.tokens {
			if t == last && len(t) >= 2 {
				return e
			}
		}
	}
	return nil
}

// everHeld reports whether the office table gives p a title containing t.
func (d *docState) everHeld(p *actors.Person, t string) bool {
	for _, part := range strings.Split(strings.TrimPrefix(t, "Acting "), " and ") {
		for _, o := range p.Offices {
			if strings.Contains(o.Title, part) || strings.Contains(part, o.Title) {
				return true
			}
		}
	}
	return false
}

// known resolves a bare surname to a person already named, or to the lexicon.
func (d *docState) known(s string) *entity {
	toks := foldTokens(s)
	if len(toks) == 0 {
		return nil
	}
	if e := d.matchEntity(toks, "", ""); e != nil {
		return e
	}
	if p := d.bySurname(toks, "", ""); p != nil {
		return d.entityFor(p)
	}
	return nil
}

// bySurname looks a name's last word up in the lexicon: one person, or one of
// several who has the title the text gives.
func (d *docState) bySurname(tokens []string, country, title string) *actors.Person {
	cands := d.x.lex.PeopleBySurname(tokens[len(tokens)-1])
	var keep []*actors.Person
	for _, p := range cands {
		if country != "" && p.Country != country {
			continue
		}
		if len(tokens) > 1 && !containsAll(foldTokens(p.Name+" "+strings.Join(p.Aliases, " ")), tokens) {
			continue
		}
		keep = append(keep, p)
	}
	if len(keep) > 1 && title != "" {
		var t []*actors.Person
		for _, p := range keep {
			for _, o := range p.Offices {
				if strings.Contains(title, o.Title) {
					t = append(t, p)
					break
				}
			}
		}
		keep = t
	}
	if len(keep) == 1 {
		return keep[0]
	}
	return nil
}

func containsAll(set, want []string) bool {
	for _, w := range want {
		if !slices.Contains(set, w) {
			return false
		}
	}
	return true
}

// byTitle finds the latest person the document named with this title.
func (d *docState) byTitle(t actors.Title, country string) *entity {
	return d.byTitleWhere(t, func(e *entity) bool { return country == "" || e.country == country })
}

// byTitleWhere finds the latest person named with title t, or else known by
// the lexicon to hold it, among those that keep accepts.
func (d *docState) byTitleWhere(t actors.Title, keep func(*entity) bool) *entity {
	if e := d.latestTitled(t, keep); e != nil {
		return e
	}
	// someone named without a title whom the lexicon knows in that office
	for k := len(d.entities) - 1; k >= 0; k-- {
		e := d.entities[k]
		if e.person == nil || !keep(e) {
			continue
		}
		for _, o := range e.person.Offices {
			if strings.Contains(o.Title, t.Name) && (d.pub.IsZero() || o.From.IsZero() || !o.From.After(d.pub)) && (o.To.IsZero() || d.pub.IsZero() || !d.pub.Truncate(1).After(o.To)) {
				return e
			}
		}
	}
	return nil
}

// tripTo is the country of the place a trip after token i goes to ("made a
// second trip to China", "flew to Beijing"), "" when the clause has none.
func tripTo(toks []nlp.Token, atoms []atom, i int) string {
	trip := false
	for _, a := range atoms {
		if a.i < i {
			continue
		}
		if a.kind == aTrigger && a.trig.kind == engagement.Visit {
			trip = true
		}
		if trip && (a.kind == aCountry && !a.poss || a.kind == aCity) && a.i > 0 && toks[a.i-1].Lower == "to" {
			return a.code
		}
		if a.kind == aName || a.kind == aTitle {
			return "" // someone else's trip
		}
	}
	return ""
}

// visitorInFocus is the traveller of the latest visit the text reported,
// else the latest person named of no country the text is written from.
func (d *docState) visitorInFocus() *entity {
	for k := len(d.mentions) - 1; k >= 0; k-- {
		if m := d.mentions[k]; m.Kind == engagement.Visit && len(m.Participants) > 0 {
			for _, e := range d.entities {
				if e.name == m.Participants[0].Name {
					return e
				}
			}
		}
	}
	for k := len(d.entities) - 1; k >= 0; k-- {
		if e := d.entities[k]; e.country != "" && e.country != d.home && e.country != d.dateline.country && (d.speaker == nil || e.country != d.speaker.country) {
			return e
		}
	}
	return nil
}

// visitingByTitle finds the latest person with this title who is not of the
// country the text is written in, filed from or spoken for.
func (d *docState) visitingByTitle(t actors.Title) *entity {
	return d.latestTitled(t, func(e *entity) bool {
		return e.country != "" && e.country != d.home && e.country != d.dateline.country && (d.speaker == nil || e.country != d.speaker.country)
	})
}

// latestTitled finds the latest person the text named with title t among
// those that keep accepts.
func (d *docState) latestTitled(t actors.Title, keep func(*entity) bool) *entity {
	for k := len(d.entities) - 1; k >= 0; k-- {
		e := d.entities[k]
		if keep(e) && e.title != "" && strings.Contains(strings.ToLower(e.title), strings.ToLower(t.Name)) {
			return e
		}
	}
	return nil
}

// namedAfter: the sentence names e by its surname after token i.
func namedAfter(toks []nlp.Token, i int, e *entity) bool {
	f := strings.Fields(strings.ToLower(actors.Fold(e.name)))
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	for _, t := range toks[i:] {
		if t.IsCap() && strings.ToLower(actors.Fold(t.Text)) == last {
			return true
		}
	}
	return false
}

// bySaid finds the latest person the text named with these title words.
func (d *docState) bySaid(w string) *entity {
	for k := len(d.entities) - 1; k >= 0; k-- {
		if slices.Contains(d.entities[k].said, w) {
			return d.entities[k]
		}
	}
	return nil
}

// titleWords is a title atom's wording, lower case, without its qualifier.
func titleWords(toks []nlp.Token, a atom) string {
	var ws []string
	for _, t := range toks[a.i:a.j] {
		ws = append(ws, t.Lower)
	}
	return strings.Join(ws, " ")
}

// touch moves an entity to the end of the list: the most recently named.
func (d *docState) touch(e *entity) {
	if d.lastSeen == nil {
		d.lastSeen = map[*entity]int{}
	}
	if _, ok := d.lastSeen[e]; !ok {
		d.order = append(d.order, e)
	}

	d.lastSeen[e] = d.cur
	for k, x := range d.entities {
		if x == e {
			copy(d.entities[k:], d.entities[k+1:])
			d.entities[len(d.entities)-1] = e
			return
		}
	}
}

// resolveOffice finds who held an office on a date ("the Chinese premier").
func (d *docState) resolveOffice(r pref, date engagement.Date) *entity {
	if r.office == nil || date.IsZero() {
		return nil
	}
	for _, t := range r.office.titles {
		if p, ok := d.x.lex.Holder(r.country, t.Name, date); ok {
			e := d.entityFor(p)
			if e.title == "" {
				e.title, e.rank = t.Name, t.RankIn(r.country)
			}
			return e
		}
	}
	return nil
}

// titleTail reports whether the words between a person and the comma before
// "who" only continue the title: "…, President of the Federative Republic of
// Brazil, who".
func titleTail(toks []nlp.Token) bool {
	if len(toks) > 12 {
		return false
	}
	for _, t := range toks {
		switch t.Lower {
		case "of", "the", "and", "for", ",":
			continue
		}
		if t.Text == t.Lower {
			return false
		}
	}
	return true
}

// describing words that may stand between "the" and a title: "the young crown
// prince", "the visiting foreign minister", "the 89-year-old king".
var describing = map[string]bool{"young": true, "new": true, "newly": true, "appointed": true, "elected": true, "veteran": true, "ailing": true,
	"elderly": true, "powerful": true, "outgoing": true, "incoming": true, "influential": true, "visiting": true, "long-serving": true,
	"de": true, "facto": true, "then": true}

// theBefore reports whether "the" opens the phrase of the title at i,
// allowing describing words between them.
func theBefore(toks []nlp.Token, i int) bool {
	for k, n := i-1, 0; k >= 0 && n <= 2; k, n = k-1, n+1 {
		w := toks[k].Lower
		if w == "the" {
			return true
		}
		if !describing[w] && !strings.HasSuffix(w, "-year-old") {
			return false
		}
	}
	return false
}

// named reports whether a reference of the sentence names e alone.
func named(refs []pref, e *entity) bool {
	for _, r := range refs {
		if len(r.ents) == 1 && r.ents[0] == e {
			return true
		}
	}
	return false
}

// kin: nouns after a possessive name that name someone else.
var kin = map[string]bool{"father": true, "mother": true, "son": true, "daughter": true, "wife": true, "husband": true,
	"brother": true, "sister": true, "predecessor": true, "successor": true, "grandfather": true, "uncle": true, "widow": true}

// acronymAt reports whether a title atom is an acronym standing bare, as
// readouts write "EAM called on …", "the PM said".
func acronymAt(toks []nlp.Token, a atom) bool {
	return a.j == a.i+1 && len(toks[a.i].Text) >= 2 && len(toks[a.i].Text) <= 5 && toks[a.i].IsUpper()
}
