package storetest

import (
	"bilat/internal/engagement"
	"bilat/internal/fuse"
	"bilat/internal/store"
)

// The people of the hand-written cases here and in the tests of analyse,
// report and server, with the offices they held in 2025.
var (
	Dar        = engagement.Participant{Name: "Ishaq Dar", Title: "Deputy Prime Minister", Country: "PAK", Rank: 2}
	Munir      = engagement.Participant{Name: "Asim Munir", Title: "Chief of Army Staff", Country: "PAK", Rank: 2}
	Sharif     = engagement.Participant{Name: "Shehbaz Sharif", Title: "Prime Minister", Country: "PAK", Rank: 1}
	Rubio      = engagement.Participant{Name: "Marco Rubio", Title: "Secretary of State", Country: "USA", Rank: 2}
	Trump      = engagement.Participant{Name: "Donald Trump", Title: "President", Country: "USA", Rank: 1}
	Hooker     = engagement.Participant{Name: "Allison Hooker", Title: "Under Secretary of State", Country: "USA", Rank: 3}
	Jaishankar = engagement.Participant{Name: "Subrahmanyam Jaishankar", Title: "External Affairs Minister", Country: "IND", Rank: 2}
	Wang       = engagement.Participant{Name: "Wang Yi", Title: "Foreign Minister", Country: "CHN", Rank: 2}
)

// Date parses s as engagement.ParseDate does, and panics when it cannot:
// for dates written in tests.
func Date(s string) engagement.Date {
	d, err := engagement.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Hostile is the evidence of Fixture's Islamabad meeting: it holds markup,
// which must be stored and shown as text.
const Hostile = `Hooker met Dar and Munir in Islamabad <script>window.pwned=1</script><img src=x onerror="window.pwned=2">.`

// Fixture is a small corpus, one document per engagement: a PAK–USA
// relationship with Dar's visit to Washington, a call made during it, an
// asymmetric meeting in Islamabad whose title and evidence (Hostile) hold
// markup, and a leaders' meeting; then one IND–CHN meeting.
func Fixture() []store.Item {
	occ := engagement.Occurred
	one := func(url, title, published, evidence string, m engagement.Mention) store.Item {
		return item(spec{url: url, title: title, published: published, sentences: []string{evidence}, mentions: []engagement.Mention{m}})
	}
	topics := func(m engagement.Mention, ts ...string) engagement.Mention { m.Topics = ts; return m }
	stay := visit("2025-07-20", "2025-07-26", "USA", occ, Dar)
	stay.Location = "Washington"
	return []store.Item{
		one("https://example.test/a", "Dar arrives in Washington", "2025-07-20", "Dar arrived in Washington for a week-long visit.",
			topics(stay, "trade")),
		one("https://example.test/b", "Rubio calls Dar", "2025-07-23", "Rubio spoke to Dar by telephone on Wednesday.",
			topics(call("2025-07-23", occ, Rubio, Dar), "trade", "security")),
		one("https://example.test/c", `Hooker in Islamabad <b>markup</b>`, "2025-10-02", Hostile,
			topics(meeting("2025-10-02", "Islamabad", occ, Hooker, Dar, Munir), "minerals")),
		one("https://example.test/d", "Sharif meets Trump", "2025-09-26", "Sharif met Trump at the White House on Thursday.",
			topics(meeting("2025-09-25", "Washington", occ, Sharif, Trump), "trade")),
		one("https://example.test/e", "Jaishankar meets Wang", "2024-10-23", "Jaishankar met Wang Yi in Kazan.",
			meeting("2024-10-23", "Kazan", occ, Jaishankar, Wang)),
	}
}

// Engagements is what a store holding items returns when no two of their
// mentions report the same engagement, as in Fixture: one engagement per
// mention, numbered from 1 in order, each folded by fuse.Build from its
// one report. Tests of what reads engagements use it to need no store.
func Engagements(items []store.Item) []engagement.Engagement {
	var out []engagement.Engagement
	for i, it := range items {
		for _, m := range it.Mentions {
			r := fuse.Report{Mention: m, DocID: int64(i + 1), URL: it.Doc.URL, Title: it.Doc.Title, Published: it.Doc.Published.String()}
			out = append(out, fuse.Build(int64(len(out)+1), []fuse.Report{r}))
		}
	}
	return out
}
