package extract

import (
	"strings"

	"bilat/internal/nlp"
)

// The speaker of a first-person text: a government's release ("Today I
// welcomed Premier Li to Canberra"), a transcript ("President Putin: … We
// met quite recently in Tehran"). First-person pronouns bind to the speaker
// outside quotation marks, and only where the speaker is known: an
// editorial's "we" is no one.

var firstPerson = map[string]bool{"i": true, "my": true, "me": true, "we": true, "our": true, "us": true}

// isFirstPerson reports whether token i is a first-person pronoun: not the
// country "US", nor the numeral of "World War I" or "Charles I".
func isFirstPerson(toks []nlp.Token, i int) bool {
	t := toks[i]
	switch t.Lower {
	case "us":
		return t.Text == "us"
	case "i":
		if t.Text != "I" {
			return false
		}
		if i > 0 && toks[i-1].IsCap() && i+1 < len(toks) {
			// "Charles I of England", "World War I." are numerals; "On Saturday I met" is not
			next := toks[i+1]
			return next.IsWord() && next.Text == next.Lower && next.Lower != "of" && next.Lower != "and"
		}
		return i+1 < len(toks)
	}
	return firstPerson[t.Lower]
}

// officialLabels are host labels of government sites ("gov.pl", "mea.gov.in", "go.jp").
var officialLabels = map[string]bool{"gov": true, "gob": true, "gouv": true, "govt": true, "gv": true, "mfa": true, "mofa": true, "kremlin": true}

// officialWords in an outlet or author name a government speaking of itself.
var officialWords = []string{"ministry", "office of", "government", "presidency", "department of", "prime minister", "president of",
	"chancellery", "embassy", "press service", "press office", "cabinet"}

// findSpeaker reads who speaks in a document: the office its outlet or
// author names ("Prime Minister of Australia", "Office of the Prime
// Minister"), held on the publication date. A government site with no such
// office speaks for the first person of its country that it names.
func (d *docState) findSpeaker() {
	host := strings.ToLower(d.doc.URL)
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/:?#"); i >= 0 {
		host = host[:i]
	}
	labels := strings.Split(host, ".")
	for k, l := range labels {
		if officialLabels[l] || l == "go" && k == len(labels)-2 && len(labels[k+1]) == 2 {
			d.official = true
		}
	}
	by := strings.ToLower(d.doc.Outlet + " | " + d.doc.Author)
	for _, w := range officialWords {
		if strings.Contains(by, w) {
			d.official = true
		}
	}
	if !d.official || d.pub.IsZero() {
		return
	}
	for _, s := range []string{d.doc.Author, d.doc.Outlet} {
		sents := nlp.Sentences(s)
		if len(sents) == 0 {
			continue
		}
		toks := sents[0].Tokens
		country := d.home
		var title *atom
		atoms := d.atoms(toks, nil)
		for k := range atoms {
			switch a := atoms[k]; a.kind {
			case aCountry:
				country = a.code
			case aTitle:
				if title == nil {
					title = &atoms[k]
				}
			}
		}
		if title == nil || country == "" {
			continue
		}
		if e := d.resolveOffice(pref{office: title, country: country}, d.pub); e != nil {
			d.speaker = e
			d.tracef("the speaker: %s (%s), from %q", e.name, e.country, s)
			return
		}
	}
}

// speakerNow is who "I" and "we" are at this point of the text.
func (d *docState) speakerNow() *entity {
	if d.speaker != nil {
		return d.speaker
	}
	if d.official && d.home != "" {
		for _, e := range d.order {
			if e.country == d.home {
				return e
			}
		}
	}
	return nil
}

// transcriptLabel makes the person a line opens with ("President of Russia
// Vladimir Putin: …") the speaker of what follows. It reports whether the
// speaker changed.
func (d *docState) transcriptLabel(toks []nlp.Token, refs []pref) bool {
	if len(refs) == 0 {
		return false
	}
	r := refs[0]
	if r.i > 1 || r.j >= len(toks) || toks[r.j].Text != ":" || len(r.ents) != 1 || r.plural || r.ents[0] == d.speaker {
		return false
	}
	d.speaker = r.ents[0]
	d.tracef("    (the speaker is now %s)", r.ents[0].name)
	return true
}

// firstPersonRef binds "I", "my", "we", "our": the speaker, and for the
// plural also the other side of the engagement in focus ("We met quite
// recently in Tehran", said to the guest).
func (d *docState) firstPersonRef(toks []nlp.Token, a atom) (pref, bool) {
	sp := d.speakerNow()
	if sp == nil || quoted(toks, a.i) {
		return pref{}, false
	}
	r := pref{i: a.i, j: a.j, ents: []*entity{sp}, poss: a.text == "my" || a.text == "our", how: a.text + " = the speaker, " + sp.name}
	if a.text == "we" || a.text == "our" || a.text == "us" {
		other := (*entity)(nil)
		for _, e := range d.focus {
			if e != sp && e.country != "" && e.country != sp.country {
				other = e
				break
			}
		}
		if other == nil {
			// the guest the text named last ("welcome to Busan, Prime Minister
			// Ishiba … We also spoke by phone in June")
			for _, e := range d.order {
				at, seen := d.lastSeen[e]
				if seen && e != sp && e.country != "" && e.country != sp.country && d.cur-at <= 6 && (other == nil || at > d.lastSeen[other]) {
					other = e
				}
			}
		}
		if other != nil {
			r.ents = append(r.ents, other)
			r.plural = true
			r.how += " and " + other.name
		}
	}
	return r, true
}
