package bench

import (
	"bytes"
	"testing"

	"bilat/internal/actors"
	"bilat/internal/extract"
	"bilat/internal/ingest"
)

// TestCorpus checks what the benchmark's figures rely on: articles of 3–6
// KB, the same corpus for the same seed, and about two engagements an
// article (issue 5 sizes its benchmark as 100,000 articles, about 200,000
// engagements).
func TestCorpus(t *testing.T) {
	lex, err := actors.Load("")
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(lex)
	if err != nil {
		t.Fatal(err)
	}
	const n = 400
	var b, again bytes.Buffer
	if err := Corpus(&b, lex, n, 1); err != nil {
		t.Fatal(err)
	}
	if err := Corpus(&again, lex, n, 1); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two corpora from one seed differ")
	}
	docs, errs := ingest.Parse("bench.jsonl", b.Bytes())
	if len(errs) > 0 || len(docs) != n {
		t.Fatalf("%d documents, errors %v", len(docs), errs)
	}
	mentions := 0
	for i := range docs {
		if l := len(docs[i].Text); l < 3000 || l > 6500 {
			t.Errorf("document %d: %d bytes, want 3–6 KB", i, l)
		}
		ms := x.Extract(&docs[i], extract.Options{}).Mentions
		mentions += len(ms)
		// the engagements of one article are distinct: no two share their
		// kind, date and people
		seen := map[string]bool{}
		for _, m := range ms {
			k := string(m.Kind) + m.Date.String()
			for _, p := range m.Participants {
				k += "|" + p.Name
			}
			if seen[k] {
				t.Errorf("document %d: two engagements %s", i, k)
			}
			seen[k] = true
		}
	}
	if per := float64(mentions) / n; per < 1.8 || per > 2.2 {
		t.Errorf("%.2f engagements an article, want about 2", per)
	}
}
