package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const wire = `---
url: https://example.org/2023/08/22/albanese-xi
published: 2023-08-22
---

BEIJING: Australian Prime Minister Anthony Albanese met Chinese President Xi Jinping in Beijing on Monday, the first visit by an Australian leader in seven years.
`

func TestIngestIsIdempotentAndReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	write(t, docs, "a.md", wire)
	write(t, docs, "b.txt", "")           // empty
	write(t, docs, "c.txt", "bin\x00ary") // binary
	write(t, docs, "d.jsonl", "{\"url\":\"u1\",\"text\":\"Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Moscow on Tuesday.\",\"published\":\"2024-04-10\"}\nnot json\n")
	db := filepath.Join(dir, "x.db")

	code, out, errs := run(t, "ingest", "--db", db, docs)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some failed); stderr: %s", code, errs)
	}
	for _, want := range []string{"b.txt", "c.txt", "d.jsonl:2"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not name %s:\n%s", want, errs)
		}
	}
	if !strings.Contains(out, "new 2") {
		t.Errorf("summary: %s", out)
	}
	_, first, _ := run(t, "export", "--db", db, "--format", "jsonl")
	// the Albanese–Xi meeting, the visit it was held on ("the first visit by …"), Wang–Lavrov
	if n := strings.Count(first, "\n"); n != 3 {
		t.Fatalf("want 3 engagements, got %d:\n%s", n, first)
	}

	// again: nothing new, nothing changed
	_, out, _ = run(t, "ingest", "--db", db, docs)
	if !strings.Contains(out, "new 0, unchanged 2") {
		t.Errorf("re-ingest summary: %s", out)
	}
	_, second, _ := run(t, "export", "--db", db, "--format", "jsonl")
	if first != second {
		t.Errorf("re-ingest changed the export:\n%s\nvs\n%s", first, second)
	}

	// the JSONL carries the schema's field names and the evidence
	var e map[string]any
	if err := json.Unmarshal([]byte(strings.SplitN(first, "\n", 2)[0]), &e); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"kind", "mode", "status", "date", "date_end", "location", "host_country", "participants", "topics", "sources"} {
		if _, ok := e[k]; !ok {
			t.Errorf("export lacks %q: %v", k, e)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"ingest"},
		{"export", "--format", "xml"},
		{"export", "--format", "csv", "--pair", "PAKUSA"},
		{"engagements", "--kind", "lunch"},
	} {
		if code, _, _ := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	for _, args := range [][]string{{"help"}, {"help", "help"}, {"help", "--help"}, {"help", "-h"}} {
		if code, out, _ := run(t, args...); code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d: %q", args, code, out)
		}
	}
	if code, _, errs := run(t, "help", "ingest"); code != 0 || !strings.Contains(errs, "Usage: bilat ingest") {
		t.Errorf("help ingest: %d %q", code, errs)
	}
	if code, out, _ := run(t, "version"); code != 0 || !strings.HasPrefix(out, "bilat ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestExportCSVAndFilters(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.md", wire)
	db := filepath.Join(dir, "x.db")
	if code, _, errs := run(t, "ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	_, out, _ := run(t, "export", "--db", db, "--format", "csv", "--pair", "AUS-CHN")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "id,date,date_end,kind") || !strings.Contains(lines[1], "Albanese") || !strings.Contains(lines[2], "visit") {
		t.Errorf("csv:\n%s", out)
	}
	_, out, _ = run(t, "export", "--db", db, "--format", "csv", "--pair", "IND-CHN")
	if strings.Count(out, "\n") != 1 {
		t.Errorf("a filter for another pair returned rows:\n%s", out)
	}
	if code, _, errs := run(t, "export", "--db", filepath.Join(dir, "none.db"), "--format", "csv"); code != 1 || !strings.Contains(errs, "no database") {
		t.Errorf("missing database: %d %s", code, errs)
	}
}

func TestDemo(t *testing.T) {
	code, out, errs := run(t, "demo", "--table")
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "WHO ↔ WHOM") || strings.Count(out, "\n") < 20 {
		t.Errorf("demo printed too little:\n%s", out)
	}
}

// TestSourceWithoutURLKeepsItsPath: a plain file that states no URL is
// still traceable: its source carries the path it was read from.
func TestSourceWithoutURLKeepsItsPath(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "readout.txt")
	write(t, dir, "readout.txt", "PUBLISHED: 2024-06-21\n\nVladimir Putin held talks with To Lam in Hanoi on June 20, 2024.\n")
	db := filepath.Join(dir, "x.db")
	if code, _, errs := run(t, "ingest", "--db", db, doc); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	_, out, _ := run(t, "export", "--db", db, "--format", "jsonl")
	var e struct {
		Sources []struct{ URL, Path string }
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &e); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if len(e.Sources) != 1 || e.Sources[0].URL != "" || !strings.HasSuffix(e.Sources[0].Path, "readout.txt") {
		t.Errorf("sources = %+v, want the file's path and no URL", e.Sources)
	}
}
