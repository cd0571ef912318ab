// Package bench generates a large, varied corpus of news-like articles for
// measuring ingest speed. The articles are built from templates over the
// lexicon's real office holders, countries and cities, with filler
// paragraphs, so extraction does the work it does on real news.
package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"bilat/internal/actors"
)

type official struct {
	name, title, country, demonym, capital string
}

// Corpus writes n articles as JSONL to w, deterministically from seed. Each
// article reports about two distinct engagements: its lead, and an earlier
// visit or call, a contact with a third official, or a planned visit.
func Corpus(w io.Writer, lex *actors.Lexicon, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var offs []official
	for _, p := range lex.People() {
		c, ok := lex.Country(p.Country)
		if !ok || len(p.Offices) == 0 || len(c.Demonyms) == 0 {
			continue
		}
		offs = append(offs, official{p.Name, p.Offices[0].Title, c.Name, c.Demonyms[0], c.Capital})
	}
	if len(offs) < 2 {
		return fmt.Errorf("bench: the lexicon has too few office holders")
	}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	topics := []string{"trade and investment", "energy security", "climate change", "counter-terrorism cooperation", "health", "the floods", "maritime security", "regional connectivity"}
	leads := []string{
		"%[1]s %[2]s %[3]s met %[4]s %[5]s %[6]s in %[7]s on %[8]s, officials said.",
		"%[1]s %[2]s %[3]s spoke by phone with %[4]s %[5]s %[6]s on %[8]s.",
		"%[1]s %[2]s %[3]s arrived in %[7]s on %[8]s for a three-day visit.",
		"%[1]s %[2]s %[3]s held talks with %[4]s %[5]s %[6]s in %[7]s on %[8]s.",
		"%[1]s %[2]s %[3]s will visit %[7]s next week at the invitation of %[5]s %[6]s.",
		"%[1]s %[2]s %[3]s has never spoken to %[4]s %[5]s %[6]s, aides said on %[8]s.",
	}
	filler := []string{
		"Analysts said the relationship had been tested in recent years by disagreements over tariffs and regional security, but both governments have sought to keep channels open.",
		"The ministry's spokesperson told reporters that further rounds of consultations would be held at the level of senior officials in the coming months.",
		"Trade between the two countries reached a record last year, driven by energy exports and manufactured goods, according to official figures released this spring.",
		"Opposition lawmakers questioned the timing of the engagement, arguing that domestic economic concerns should take priority over foreign policy initiatives.",
		"Diplomats familiar with the preparations said working groups had drafted a joint statement covering investment, education and people-to-people exchanges.",
		"Markets reacted calmly to the news, with the currency trading in a narrow range and bond yields little changed by the close of business.",
	}
	enc := json.NewEncoder(w)
	var b strings.Builder
	for i := 0; i < n; i++ {
		a, c := offs[r.IntN(len(offs))], offs[r.IntN(len(offs))]
		for c.country == a.country {
			c = offs[r.IntN(len(offs))]
		}
		year := 2015 + r.IntN(11)
		month := 1 + r.IntN(12)
		day := 1 + r.IntN(28)
		b.Reset()
		city := strings.ToUpper(c.capital)
		fmt.Fprintf(&b, "%s: ", city)
		fmt.Fprintf(&b, leads[r.IntN(len(leads))], a.demonym, a.title, a.name, c.demonym, c.title, c.name, c.capital, days[r.IntN(len(days))])
		fmt.Fprintf(&b, " The two sides discussed %s and %s.\n\n", topics[r.IntN(len(topics))], topics[r.IntN(len(topics))])
		// A second, distinct engagement further down, as news reports
		// carry: an earlier visit or call between the two, a call or
		// meeting of one of them with a third official, or a planned
		// return visit. With the lead, about two engagements an article.
		d := offs[r.IntN(len(offs))]
		for d.country == a.country || d.country == c.country {
			d = offs[r.IntN(len(offs))]
		}
		var second string
		switch r.IntN(5) {
		case 0:
			second = fmt.Sprintf("In %s %d, %s had travelled to %s.", months[r.IntN(12)], year-1, a.name, c.country)
		case 1:
			second = fmt.Sprintf("%s last spoke to %s by telephone in %s %d.", a.name, c.name, months[r.IntN(12)], year-1)
		case 2:
			second = fmt.Sprintf("Separately, %s held a telephone conversation with %s %s %s on %s.", c.name, d.demonym, d.title, d.name, days[r.IntN(len(days))])
		case 3:
			second = fmt.Sprintf("%s had also met %s %s %s in %s in %s %d.", a.name, d.demonym, d.title, d.name, d.capital, months[r.IntN(12)], year-1)
		default:
			second = fmt.Sprintf("%s is expected to visit %s later this year.", c.name, a.capital)
		}
		target := 3000 + r.IntN(3000)
		for b.Len() < target {
			b.WriteString(filler[r.IntN(len(filler))])
			if second != "" && b.Len() > target/2 {
				b.WriteString("\n\n")
				b.WriteString(second)
				second = ""
			}
			b.WriteString("\n\n")
		}
		doc := map[string]string{
			"url":       fmt.Sprintf("bench://article/%d", i),
			"title":     fmt.Sprintf("%s and %s: report %d", a.name, c.name, i),
			"published": fmt.Sprintf("%04d-%02d-%02d", year, month, day),
			"outlet":    "Bench Wire",
			"text":      b.String(),
		}
		if err := enc.Encode(doc); err != nil {
			return err
		}
	}
	return nil
}
