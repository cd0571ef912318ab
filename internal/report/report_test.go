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
	"bilat/internal/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// fixture is storetest's Fixture as engagements, with what the report must
// also handle: a source with a script link and Markdown in its evidence, a
// second, untitled report of the call, and a planned visit.
func fixture() []engagement.Engagement {
	es := storetest.Engagements(storetest.Fixture())
	call, hostile := &es[1], &es[2].Sources[0]
	if call.Kind != engagement.Call || hostile.Evidence != storetest.Hostile {
		panic("storetest.Fixture has changed: update the report fixture")
	}
	hostile.URL, hostile.Evidence = "javascript:alert(1)", "Hooker met Dar <script>alert(1)</script> *and* Munir."
	call.Sources = append(call.Sources, src("file-without-scheme", "", "", "A second report of the call."))
	return append(es, engagement.Engagement{ID: int64(len(es) + 1), Kind: engagement.Visit, Mode: engagement.InPerson, Status: engagement.Planned,
		Date: "2026-02", HostCountry: "PAK", Participants: []engagement.Participant{storetest.Rubio},
		Sources: []engagement.Source{src("https://example.test/f", "Rubio to visit", "2025-12-01", "Rubio is expected in Islamabad in February.")}})
}

func src(url, title, pub, ev string) engagement.Source {
	return engagement.Source{URL: url, Title: title, Published: pub, Evidence: ev, Start: 10, End: 10 + len(ev), Status: engagement.Occurred}
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
