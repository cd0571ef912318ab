package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bilat/internal/analyse"
	"bilat/internal/engagement"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var (
	dar    = engagement.Participant{Name: "Ishaq Dar", Title: "Deputy Prime Minister", Country: "PAK", Rank: 2}
	munir  = engagement.Participant{Name: "Asim Munir", Title: "Chief of Army Staff", Country: "PAK", Rank: 2}
	sharif = engagement.Participant{Name: "Shehbaz Sharif", Title: "Prime Minister", Country: "PAK", Rank: 1}
	rubio  = engagement.Participant{Name: "Marco Rubio", Title: "Secretary of State", Country: "USA", Rank: 2}
	trump  = engagement.Participant{Name: "Donald Trump", Title: "President", Country: "USA", Rank: 1}
	hooker = engagement.Participant{Name: "Allison Hooker", Title: "Under Secretary of State", Country: "USA", Rank: 3}
)

func src(url, title, pub, ev string) engagement.Source {
	return engagement.Source{URL: url, Title: title, Published: pub, Evidence: ev, Start: 10, End: 10 + len(ev), Status: engagement.Occurred}
}

func fixture() []engagement.Engagement {
	occ := engagement.Occurred
	return []engagement.Engagement{
		{ID: 1, Kind: engagement.Visit, Mode: engagement.InPerson, Status: occ, Date: "2025-07-20", DateEnd: "2025-07-26", Location: "Washington", HostCountry: "USA",
			Participants: []engagement.Participant{dar}, Topics: []string{"trade"},
			Sources: []engagement.Source{src("https://example.test/a", "Dar arrives in Washington", "2025-07-20", "Dar arrived in Washington for a week-long visit.")}},
		{ID: 2, Kind: engagement.Call, Mode: engagement.Phone, Status: occ, Date: "2025-07-23",
			Participants: []engagement.Participant{rubio, dar}, Topics: []string{"trade", "security"},
			Sources: []engagement.Source{src("https://example.test/b", "Rubio calls Dar", "2025-07-23", "Rubio spoke to Dar by telephone on Wednesday."),
				src("file-without-scheme", "", "", "A second report of the call.")}},
		{ID: 3, Kind: engagement.Meeting, Mode: engagement.InPerson, Status: occ, Date: "2025-10-02", Location: "Islamabad",
			Participants: []engagement.Participant{hooker, dar, munir}, Topics: []string{"minerals"},
			Sources: []engagement.Source{src("javascript:alert(1)", "Hooker in Islamabad <b>markup</b>", "2025-10-02", "Hooker met Dar <script>alert(1)</script> *and* Munir.")}},
		{ID: 4, Kind: engagement.Meeting, Mode: engagement.InPerson, Status: occ, Date: "2025-09-25", Location: "Washington",
			Participants: []engagement.Participant{sharif, trump}, Topics: []string{"trade"},
			Sources: []engagement.Source{src("https://example.test/d", "Sharif meets Trump", "2025-09-26", "Sharif met Trump at the White House on Thursday.")}},
		{ID: 5, Kind: engagement.Visit, Mode: engagement.InPerson, Status: engagement.Planned, Date: "2026-02", HostCountry: "PAK",
			Participants: []engagement.Participant{rubio},
			Sources:      []engagement.Source{src("https://example.test/e", "Rubio to visit", "2025-12-01", "Rubio is expected in Islamabad in February.")}},
	}
}

func build() *Report {
	return Build(fixture(), Options{Pair: analyse.Pair{"PAK", "USA"}, From: "2025", To: "2026",
		Now:     time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Offices: []analyse.Office{{Person: "Marco Rubio", Country: "USA", Title: "Secretary of State", Rank: 2, From: "2025-01-21"}}})
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./internal/report -update and review the diff.\n--- got:\n%s", name, got)
	}
}

func TestMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	if err := build().Markdown(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "pak-usa.md", b.Bytes())
	if strings.Contains(b.String(), "<script>") || strings.Contains(b.String(), "<b>") {
		t.Error("markup from data left unescaped in Markdown")
	}
}

func TestHTMLGolden(t *testing.T) {
	var b bytes.Buffer
	if err := build().HTML(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "pak-usa.html", b.Bytes())
	s := b.String()
	if strings.Contains(s, "<script>") || strings.Contains(s, "<b>markup") || strings.Contains(s, `href="javascript:`) {
		t.Error("markup or a script link from data left live in HTML")
	}
	if !strings.Contains(s, "<svg") || !strings.Contains(s, `<li id="n1">`) {
		t.Error("no SVG timeline or no footnotes")
	}
}

func TestEveryClaimFootnoted(t *testing.T) {
	r := build()
	for _, c := range r.Top {
		if len(c.Notes) == 0 {
			t.Errorf("top contact %q has no footnote", c.Text)
		}
	}
	for _, s := range r.Signals {
		for _, c := range s.Claims {
			if len(c.Notes) == 0 && !strings.HasPrefix(c.Text, "None") && !strings.Contains(c.Text, "asymmetric (") {
				t.Errorf("%s: %q has no footnote", s.Heading, c.Text)
			}
		}
	}
	if r.Top[0].Text[:10] != "2025-09-25" {
		t.Errorf("highest-level contact first: got %q", r.Top[0].Text)
	}
}
