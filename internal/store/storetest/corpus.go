package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"bilat/internal/engagement"
	"bilat/internal/store"
)

// Corpus generates n documents shaped like real ingest: 3–6 KB of text,
// one to three mentions each, drawn from a pool of engagements that several
// outlets report (so fusion joins across documents), with the outlets
// disagreeing on the day and on the precision of the date. The same seed
// gives the same documents.
func Corpus(n int, seed uint64) []store.Item {
	g := NewGenerator(n, seed)
	out := make([]store.Item, n)
	for i := range out {
		out[i] = g.Item(i)
	}
	return out
}

// Generator makes the documents of Corpus one at a time, so a benchmark or a
// long run need not hold them all: Item(i) is Corpus(n, seed)[i].
type Generator struct {
	n, nEvents int
	seed       uint64
	events     []event
}

type event struct {
	kind     engagement.Kind
	a, b     engagement.Participant
	date     engagement.Date
	location string
}

// NewGenerator prepares a corpus of n documents.
func NewGenerator(n int, seed uint64) *Generator {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	people := corpusPeople()
	// Each engagement is reported by about three documents close together
	// in the stream, the way a news cycle covers it.
	nEvents := max(1, n*2/3)
	events := make([]event, nEvents)
	for i := range events {
		a := people[rng.IntN(len(people))]
		b := people[rng.IntN(len(people))]
		for b.Country == a.Country {
			b = people[rng.IntN(len(people))]
		}
		kinds := []engagement.Kind{engagement.Call, engagement.Meeting, engagement.Visit}
		day := rng.IntN(25 * 365)
		y, d := 2000+day/365, day%365
		events[i] = event{
			kind: kinds[rng.IntN(3)], a: a, b: b,
			date:     engagement.Date{Year: y, Month: 1 + d/31%12, Day: 1 + d%28},
			location: cities[rng.IntN(len(cities))],
		}
	}
	return &Generator{n: n, nEvents: nEvents, seed: seed, events: events}
}

// Item returns document i of the corpus.
func (g *Generator) Item(i int) store.Item {
	n, nEvents, events, seed := g.n, g.nEvents, g.events, g.seed
	rng := rand.New(rand.NewPCG(seed+uint64(i)+1, uint64(i)))
	{
		var text strings.Builder
		text.Grow(7000)
		fmt.Fprintf(&text, "Dispatch %d. ", i)
		var ms []engagement.Mention
		nm := 1 + rng.IntN(3)
		for j := 0; j < nm; j++ {
			// a window of events around this document's place in the stream
			k := min(nEvents-1, max(0, i*nEvents/n+rng.IntN(7)-3))
			ev := events[k]
			filler(&text, rng, 800+rng.IntN(1400))
			m := engagement.Mention{Kind: ev.kind, Status: engagement.Occurred, Date: ev.date,
				Participants: []engagement.Participant{ev.a, ev.b}, Topics: []string{topics[rng.IntN(len(topics))]}}
			switch ev.kind {
			case engagement.Call:
				m.Mode = engagement.Phone
			case engagement.Meeting:
				m.Mode, m.Location = engagement.InPerson, ev.location
			case engagement.Visit:
				m.Mode, m.HostCountry = engagement.InPerson, ev.b.Country
				m.Participants = m.Participants[:1]
				m.DateEnd = m.Date
				m.DateEnd.Day = min(28, m.Date.Day+2)
			}
			switch rng.IntN(10) {
			case 0: // another outlet's day, across time zones
				if m.Date.Day < 28 && m.Kind != engagement.Visit {
					m.Date.Day++
				}
			case 1: // a readout with no day
				m.Date, m.DateEnd = m.Date.Truncate(2), engagement.Date{}
			case 2:
				m.Status = engagement.Planned
			}
			m.Start = text.Len()
			fmt.Fprintf(&text, "%s %s held a %s with %s %s on %s. ", m.Participants[0].Title, m.Participants[0].Name,
				m.Kind, ev.b.Title, ev.b.Name, m.Date)
			m.End = text.Len() - 1
			m.Evidence = text.String()[m.Start:m.End]
			ms = append(ms, m)
		}
		filler(&text, rng, 1000+rng.IntN(1500))
		return store.Item{
			Doc: engagement.Document{
				Path: fmt.Sprintf("corpus/%06d.txt", i), URL: fmt.Sprintf("https://news.example/%d/%06d", seed, i),
				Title: fmt.Sprintf("Report %d", i), Outlet: outlets[rng.IntN(len(outlets))],
				Published: engagement.Date{Year: 2024, Month: 1 + i%12, Day: 1 + i%28},
				Text:      text.String(),
			},
			Mentions: ms,
		}
	}
}

func filler(b *strings.Builder, rng *rand.Rand, n int) {
	end := b.Len() + n
	for b.Len() < end {
		for w := 0; w < 8+rng.IntN(12); w++ {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString("matters. ")
	}
}

func corpusPeople() []engagement.Participant {
	countries := []string{"PAK", "USA", "IND", "CHN", "GBR", "FRA", "DEU", "JPN", "TUR", "SAU", "IRN", "AFG"}
	surnames := []string{"Khan", "Smith", "Rao", "Wang", "Brown", "Martin", "Weber", "Sato", "Yilmaz", "Saud",
		"Rahimi", "Karimi", "Ahmed", "Jones", "Patel", "Li", "Taylor", "Dubois", "Fischer", "Tanaka"}
	titles := []string{"Prime Minister", "Foreign Minister", "Defence Minister", "Ambassador", "Special Envoy"}
	var ps []engagement.Participant
	for ci, c := range countries {
		for k := 0; k < 5; k++ {
			s := surnames[(ci*5+k)%len(surnames)]
			ps = append(ps, engagement.Participant{
				Name: fmt.Sprintf("%s %s%d", []string{"Ali", "John", "Ravi", "Mei", "Anna"}[k], s, ci), Title: titles[k],
				Country: c, Rank: []int{1, 2, 2, 4, 3}[k],
			})
		}
	}
	return ps
}

var (
	cities  = []string{"Islamabad", "Washington", "New Delhi", "Beijing", "London", "Paris", "Berlin", "Tokyo", "Ankara", "Riyadh"}
	outlets = []string{"Dawn", "Reuters", "AP", "The Hindu", "Xinhua", "BBC"}
	topics  = []string{"trade", "security", "climate", "energy", "counterterrorism", "health"}
	words   = strings.Fields(`the minister said talks were constructive and both sides agreed to continue working on
		regional stability trade energy cooperation while officials noted progress on visas investment and the
		border although analysts cautioned that relations remain uneven after years of mistrust and delays in aid`)
)
