package extract

import (
	"strings"

	"bilat/internal/actors"
	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

// entity is one person the document talks about.
type entity struct {
	name    string         // canonical full name (lexicon) or the longest form seen
	tokens  []string       // folded name tokens
	title   string         // canonical title(s) as the text gives them
	rank    int            // from the text's title (0 = unknown)
	country string         // ISO3, "" when unknown
	person  *actors.Person // the lexicon's record, when known
	said    []string       // the title words the text named them with ("premier")
}

// docState is the working state of one extraction.
type docState struct {
	x       *Extractor
	doc     *engagement.Document
	explain bool
	trace   []string

	sents    []nlp.Sentence
	skip     []bool // page furniture
	pub      engagement.Date
	ref      nlp.Ref
	dateline struct {
		city, country string
		sent, end     int // the sentence it opens and the token where its text begins
	}

	entities []*entity
	focus    []*entity       // the participants of the latest engagement, for "the two sides"
	subject  *entity         // the latest sentence's first person, for "he", "she"
	order    []*entity       // the people in the order the text first named them
	times    map[*entity]int // how many times the text has referred to each
	speaker  *entity         // who "I" and "we" are: a release's office, a transcript's label
	official bool            // a government's own site or release

	ctxDate, ctxEnd engagement.Date // the date of the latest engagement the text dated
	ctxOrdinal      int
	ctxSent         int  // the sentence that set ctxDate
	ctxStated       bool // ctxDate was written with its year in the text
	// narr is the day a sentence with no engagement dated ("This morning,
	// she was accorded a ceremonial welcome"), narrSent that sentence:
	// what "then held talks" follows
	narr     engagement.Date
	narrSent int
	// said is the latest date the text stated with its month and year,
	// for "earlier that month"
	said         engagement.Date
	lastPerson   int             // the latest sentence that named someone
	entry        engagement.Date // the day of the live-blog entry being read
	firstText    int             // the first sentence that is not furniture
	home         string          // the country the document speaks from
	lastSeen     map[*entity]int // the sentence where each person was last named
	sentRefs     []pref          // the people the sentence being read names
	prevMade     bool            // the sentence's previous trigger made mentions
	lastYear     int             // the year of the latest absolute date, and its sentence
	lastYearSent int
	resolved     map[dateKey][2]engagement.Date // the sentence's relative dates as first resolved

	mentions   []*mention
	topicFor   []*mention // mentions that the following sentences' topics attach to
	topicSince int        // the sentence where topicFor began
	cur        int        // the sentence being read
	lastMade   int        // the latest sentence that made mentions
}

// dateKey names a date expression of the sentence read with a status.
type dateKey struct {
	tok    int
	status engagement.Status
}

// mention is a Mention under construction.
type mention struct {
	engagement.Mention
	sent    int
	ordinal int  // "first", "second" call: 1, 2 (0 = none)
	fresh   bool // not a repeat of an earlier mention of the document
	aside   bool // mentioned in passing: it does not date what follows
	dated   bool // its own sentence gives its date
}

func newDocState(x *Extractor, doc *engagement.Document, explain bool) *docState {
	d := &docState{x: x, doc: doc, explain: explain, lastMade: -10, times: map[*entity]int{}}
	d.sents = nlp.Sentences(doc.Text)
	d.skip = furniture(d.sents)
	d.pub = doc.Published
	if p, s, e := nlp.PublishedIn(doc.Text); e > 0 {
		if d.pub.IsZero() {
			d.pub = p
			d.tracef("publication date %s from the line %q", p, strings.TrimSpace(doc.Text[s:e]))
		}
		for i, st := range d.sents { // the line itself is metadata, not text to read
			if st.Start >= s && st.End <= e {
				d.skip[i] = true
			}
		}
	}
	if d.pub.IsZero() && doc.URL != "" {
		if p := nlp.URLDate(doc.URL); !p.IsZero() {
			d.pub = p
			d.tracef("publication date %s from the URL", p)
		}
	}
	d.ref = nlp.Ref{Pub: d.pub}
	if d.pub.IsZero() {
		// A stand-in: the latest date the text states. Relative dates
		// resolve against it no finer than the month.
		var latest engagement.Date
		for i, s := range d.sents {
			if d.skip[i] {
				continue
			}
			for _, e := range nlp.FindDates(s.Tokens) {
				if !e.Absolute() {
					continue
				}
				dt, end := e.Resolve(nlp.Ref{}, false)
				if !end.IsZero() {
					dt = end
				}
				if dt.After(latest) {
					latest = dt
				}
			}
		}
		if !latest.IsZero() {
			d.ref = nlp.Ref{Pub: latest, Approx: true}
			d.tracef("no publication date: relative dates resolve against the latest date in the text, %s, at month precision", latest)
		} else {
			d.tracef("no publication date and no dated text: relative dates stay unknown")
		}
	}
	d.findDateline()
	d.home = d.homeCountry()
	d.findSpeaker()
	return d
}

// genericTLDs are country-code domains used by sites of anywhere.
var genericTLDs = map[string]bool{"io": true, "co": true, "tv": true, "me": true, "ai": true, "ly": true, "fm": true,
	"am": true, "to": true, "ws": true, "cc": true, "gg": true, "la": true, "nu": true, "so": true, "eu": true}

// homeCountry is the country a document speaks from: its site's
// country-code domain ("...gov.uk", "dawn.com.pk"), else its dateline. A
// readout's "the Prime Minister" is that country's.
func (d *docState) homeCountry() string {
	host := d.doc.URL
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/:?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndex(host, "."); i >= 0 {
		tld := strings.ToLower(host[i+1:])
		if len(tld) == 2 && !genericTLDs[tld] {
			if c, ok := d.x.lex.CountryByAlpha2(tld); ok {
				return c
			}
		}
	}
	return d.dateline.country
}

// datelineEnd is the token where a dateline's text begins: after "NEW
// DELHI, May 3 (Reuters) -" or "ISLAMABAD:", or j (the separator) when
// it ends there.
func datelineEnd(toks []nlp.Token, j int) int {
	if toks[j].Text != "," {
		return j + 1
	}
	for k := j + 1; k < len(toks) && k <= j+12; k++ {
		switch toks[k].Text {
		case "-", "—", "–", ":":
			return k + 1
		}
	}
	return j + 1
}

// findDateline reads "ISLAMABAD:", "NEW DELHI, May 3 (Reuters) -" or "WASHINGTON —" at the start of the text.
func (d *docState) findDateline() {
	for i, s := range d.sents {
		if i > 4 {
			break
		}
		if d.skip[i] {
			continue
		}
		toks := s.Tokens
		if d.datedPlaceLine(i, toks) {
			return
		}
		j := 0
		for j < len(toks) && j < 4 && toks[j].IsUpper() {
			j++
		}
		if j == 0 || j >= len(toks) {
			continue
		}
		sep := toks[j].Text
		if sep != ":" && sep != "-" && sep != "—" && sep != "–" && sep != "," {
			continue
		}
		name := d.doc.Text[toks[0].Start:toks[j-1].End]
		if city, country, ok := d.x.lex.City(name); ok {
			d.dateline.city, d.dateline.country = city, country
			d.dateline.sent, d.dateline.end = i, datelineEnd(toks, j)
			d.tracef("dateline %q: %s, %s", name, city, country)
			// "TOKYO, March 16, 2023 (Agency) –": the dateline dates the report;
			// "BEIJING, Nov 6 (Agency) –" with the year the text states
			if sep == "," && d.pub.IsZero() {
				for _, e := range nlp.FindDates(toks[j+1:]) {
					if e.Tok0 != 0 || e.Day == 0 || e.Rel != "" {
						continue
					}
					y := e.Year
					if y == 0 && d.ref.Approx {
						y = d.ref.Pub.Year
					}
					if y != 0 {
						d.pub = engagement.Date{Year: y, Month: e.Month, Day: e.Day}
						d.ref = nlp.Ref{Pub: d.pub}
						d.tracef("publication date %s from the dateline", d.pub)
					}
				}
			}
			return
		}
	}
}

// datedPlaceLine reads a release's place and date, "New Delhi, 22 June
// 2024" alone on its line or "Riyadh, August 18, 2023 — " before the text:
// the dateline, and the report's date when it has no other.
func (d *docState) datedPlaceLine(i int, toks []nlp.Token) bool {
	for j := 1; j <= 3 && j+1 < len(toks); j++ {
		if !toks[j-1].IsCap() {
			return false
		}
		if toks[j].Text != "," {
			continue
		}
		city, country, ok := d.x.lex.City(d.doc.Text[toks[0].Start:toks[j-1].End])
		if !ok {
			return false
		}
		es := nlp.FindDates(toks[j+1:])
		if len(es) == 0 || es[0].Tok0 != 0 || !es[0].Absolute() || es[0].Day == 0 {
			return false
		}
		end := j + 1 + es[0].Tok1
		switch {
		case end == len(toks): // the line alone
		case toks[end].Text == "—" || toks[end].Text == "–" || toks[end].Text == "-" || toks[end].Text == ":":
			end++ // "Riyadh, August 18, 2023 — His Royal Highness …"
		default:
			return false
		}
		d.dateline.city, d.dateline.country = city, country
		d.dateline.sent, d.dateline.end = i, end
		d.tracef("dateline %q: %s, %s", d.doc.Text[toks[0].Start:toks[j-1].End], city, country)
		if d.pub.IsZero() {
			d.pub, _ = es[0].Resolve(nlp.Ref{}, false)
			d.ref = nlp.Ref{Pub: d.pub}
			d.tracef("publication date %s from the dateline", d.pub)
		}
		return true
	}
	return false
}

// furnitureHeads are headings after which a page holds no more article text.
var furnitureHeads = map[string]bool{
	"top stories": true, "related": true, "related articles": true, "related stories": true, "related news": true,
	"more from": true, "more stories": true, "most read": true, "most popular": true, "most viewed": true, "trending": true,
	"latest": true, "latest news": true, "recommended": true, "you may also like": true, "comments": true,
	"leave a comment": true, "testimonials": true, "about the author": true, "share this": true, "follow us": true,
	"tags": true, "editor's picks": true, "read next": true, "also read": true, "newsletter": true,
	"more on this story": true, "related content": true, "related links": true, "further reading": true, "popular": true, "opinion": true, "editorial": true,
	"read more": true, "see also": true, "in other news": true, "advertisement": true, "sponsored": true,
	"more headlines": true, "other headlines": true, "what to read next": true, "latest stories": true,
}

var furniturePrefixes = []string{"read:", "read more:", "also read:", "see also:", "related:", "watch:", "listen:", "subscribe", "©", "copyright", "all rights reserved", "click here", "sign up"}

// furniture marks sentences that are page furniture: link lists, "Top
// stories", related headlines, bylines and footers. A furniture heading in
// the second half of a page ends the article there.
func furniture(sents []nlp.Sentence) []bool {
	skip := make([]bool, len(sents))
	n := len(sents)
	for i, s := range sents {
		low := strings.ToLower(strings.TrimSpace(s.Text))
		low = strings.Trim(low, ":.-–—|•* ")
		for _, p := range furniturePrefixes {
			if strings.HasPrefix(low, p) {
				skip[i] = true
			}
		}
		if strings.HasPrefix(low, "published in ") || (furnitureHeads[low] && i >= n*2/5) {
			for k := i; k < n; k++ {
				skip[k] = true
			}
			break
		}
		if furnitureHeads[low] {
			skip[i] = true
		}
	}
	return skip
}

// run reads the document sentence by sentence.
func (d *docState) run() {
	d.firstText = -1
	for i := range d.sents {
		if !d.skip[i] && d.firstText < 0 {
			d.firstText = i
		}
		if d.skip[i] {
			if d.explain && strings.TrimSpace(d.sents[i].Text) != "" {
				d.tracef("[%d] skipped as page furniture: %q", i, clip(d.sents[i].Text, 70))
			}
			continue
		}
		d.cur = i
		d.sentence(i)
	}
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
