package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"bilat/internal/engagement"
)

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func date(y, m, d int) engagement.Date { return engagement.Date{Year: y, Month: m, Day: d} }

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name      string
		data      []byte
		want      engagement.Document // Path, URL, Title, Outlet, Author, Published compared; Text if set
		textHas   []string
		textHasNo []string
	}{
		{
			name: "frontmatter.md", data: mustRead(t, "frontmatter.md"),
			want: engagement.Document{
				URL: "https://wire.example.org/2023/06/08/dar-blinken-call", Title: "Dar and Blinken speak by phone on the IMF programme",
				Outlet: "Example Wire", Author: "Staff Reporter", Published: date(2023, 6, 8),
			},
			// the front matter and the blank line after it are not text; quotes are kept
			textHas:   []string{"# Dar and Blinken speak by phone\n\nISLAMABAD, June 8 — ", `"broad-based relationship"`},
			textHasNo: []string{"tags:", "---"},
		},
		{
			name: "rfc3339.markdown", data: mustRead(t, "rfc3339.markdown"),
			want: engagement.Document{Title: "Visit announced", Published: date(2024, 3, 15),
				Text: "A spokesperson said the visit would take place next month."},
		},
		{
			name: "headers.txt", data: mustRead(t, "headers.txt"),
			want: engagement.Document{URL: "https://news.example.net/p/12345", Title: "Ministers meet on the sidelines",
				Outlet: "Example News", Published: date(2022, 12, 20),
				Text: "NEW YORK: The two foreign ministers met on the sidelines of the General Assembly on Monday."},
		},
		{
			name: "plain.txt", data: mustRead(t, "plain.txt"),
			want: engagement.Document{Title: "Army chief calls on US defence secretary",
				// the title stays in the text; inner spaces stay; trailing ones go
				Text: "Army chief calls on US defence secretary\n\nRAWALPINDI: The chief of army staff met the US secretary of defense at the Pentagon on Tuesday, the military's media wing said.\nBoth sides  discussed   regional security."},
		},
		{
			name: "unknown.ext", data: []byte("\xef\xbb\xbfLine one\r\nLine two\rLine three \t\r\n\r\n"),
			want: engagement.Document{Title: "Line one", Text: "Line one\nLine two\nLine three"},
		},
		{
			name: "long-first-line.txt", data: []byte(strings.Repeat("word ", 50) + "\nsecond"),
			want: engagement.Document{Text: strings.Repeat("word ", 49) + "word \nsecond"},
		},
		{
			name: "yaml-time.md", data: []byte("---\npublished: 2020-02-29T10:00:00Z\nurl: 'x:1'\ntitle:\nextra: {a: 1}\n---\nBody\n"),
			want: engagement.Document{URL: "x:1", Title: "Body", Published: date(2020, 2, 29), Text: "Body"},
		},
		{
			name: "date-key.md", data: []byte("---\ndate: 2019-07-22\n...\nBody"),
			want: engagement.Document{Title: "Body", Published: date(2019, 7, 22), Text: "Body"},
		},
		{
			name: "month-only.md", data: []byte("---\npublished: 2019-07\n---\nBody"),
			want: engagement.Document{Title: "Body", Published: engagement.Date{Year: 2019, Month: 7}, Text: "Body"},
		},
		{
			// "URL:" after the first line is text, not metadata
			name: "late-header.txt", data: []byte("Intro\nURL: https://x.example\n"),
			want: engagement.Document{Title: "Intro", Text: "Intro\nURL: https://x.example"},
		},
		{
			name: "dateline.txt", data: []byte("ISLAMABAD: text"),
			want: engagement.Document{Title: "ISLAMABAD: text", Text: "ISLAMABAD: text"},
		},
		{
			name: "furniture.html", data: mustRead(t, "furniture.html"),
			want: engagement.Document{URL: "https://ledger.example.com/world/2022/09/27/bilawal-blinken-meeting",
				Title: "Bilawal and Blinken meet in Washington", Outlet: "The Capital Ledger", Author: "Sara Quereshi",
				Published: date(2022, 9, 27)},
			textHas: []string{
				"WASHINGTON: Foreign Minister Bilawal Bhutto Zardari held talks",
				"before the winter.\n\nMr Blinken also raised the debt",
			},
			textHasNo: []string{"Top stories", "Markets close", "Cricket board", "Reader42", "flood relief at last",
				"Copyright", "Privacy", "Home", "Sport"},
		},
		{
			name: "-", data: []byte("  \n<html><body><article><p>" + strings.Repeat("The envoy presented his credentials to the president. ", 8) + "</p></article></body></html>"),
			want:    engagement.Document{Path: "-"},
			textHas: []string{"The envoy presented his credentials"},
		},
		{
			name: "-", data: []byte("Plain words from a pipe."),
			want: engagement.Document{Path: "-", Title: "Plain words from a pipe.", Text: "Plain words from a pipe."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse(tt.name, tt.data)
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("Parse: %d docs, errors %v", len(docs), errs)
			}
			d := docs[0]
			want := tt.want
			if want.Path == "" {
				want.Path = tt.name
			}
			got := d
			got.Text, got.Hash = "", ""
			wantMeta := want
			wantMeta.Text = ""
			if got != wantMeta {
				t.Errorf("metadata\n got %+v\nwant %+v", got, wantMeta)
			}
			if want.Text != "" && d.Text != want.Text {
				t.Errorf("Text\n got %q\nwant %q", d.Text, want.Text)
			}
			for _, s := range tt.textHas {
				if !strings.Contains(d.Text, s) {
					t.Errorf("Text lacks %q:\n%s", s, d.Text)
				}
			}
			for _, s := range tt.textHasNo {
				if strings.Contains(d.Text, s) {
					t.Errorf("Text has %q:\n%s", s, d.Text)
				}
			}
			sum := sha256.Sum256([]byte(d.Text))
			if d.Hash != hex.EncodeToString(sum[:]) {
				t.Errorf("Hash %q is not the SHA-256 of Text", d.Hash)
			}
		})
	}
}

func TestParseBad(t *testing.T) {
	tests := []struct {
		name string
		data string
		kind error
		msg  string // the whole Error()
	}{
		{"nul.txt", "abc\x00def", ErrBinary, "nul.txt: binary file, not text"},
		{"late-nul.txt", strings.Repeat("a", 10000) + "\x00", ErrBinary, "late-nul.txt: binary file, not text"},
		{"ctrl.md", strings.Repeat("\x01\x02\x03 text ", 20), ErrBinary, "ctrl.md: binary file, not text"},
		{"utf16.txt", "\xff\xfeh\x00i\x00", ErrNotUTF8, "utf16.txt: UTF-16 text, not UTF-8; convert it to UTF-8"},
		{"latin1.txt", "caf\xe9 au lait", ErrNotUTF8, "latin1.txt: not UTF-8 text (first bad byte at offset 3); convert it to UTF-8"},
		{"empty.txt", "", ErrEmpty, "empty.txt: empty document"},
		{"blank.md", " \n\t\r\n  ", ErrEmpty, "blank.md: empty document"},
		{"only-meta.md", "---\ntitle: x\n---\n\n", ErrEmpty, "only-meta.md: empty document"},
		{"only-headers.txt", "URL: u\nPUBLISHED: 2020-01-01\n", ErrEmpty, "only-headers.txt: empty document"},
		{"unclosed.md", "---\ntitle: x\nBody\n", ErrFrontMatter, "unclosed.md: front matter has no closing --- line"},
		{"badyaml.md", "---\ntitle: [x\n---\nBody\n", ErrFrontMatter, ""},
		{"scalar.md", "---\njust words\n---\nBody\n", ErrFrontMatter, "scalar.md: front matter is not a list of key: value lines"},
		{"baddate.md", "---\npublished: last Tuesday\n---\nBody\n", ErrFrontMatter,
			`baddate.md: front matter: published "last Tuesday" is not a date; use YYYY-MM-DD or RFC 3339`},
		{"listtitle.md", "---\ntitle: [a, b]\n---\nBody\n", ErrFrontMatter, "listtitle.md: front matter: title is not a single value"},
		{"badheader.txt", "PUBLISHED: soon\n\nBody", ErrHeader, `badheader.txt: PUBLISHED "soon" is not a date; use YYYY-MM-DD`},
		{"nonarticle.html", string(mustRead(t, "nonarticle.html")), ErrNoArticle, "nonarticle.html: no article text found in the HTML page"},
		{"blank.html", "\n\n", ErrEmpty, "blank.html: empty document"},
		{"bin.html", "<p>\x00</p>", ErrBinary, "bin.html: binary file, not text"},
		{"empty.jsonl", "\n \n", ErrEmpty, "empty.jsonl: empty document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse(tt.name, []byte(tt.data))
			if len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("got %d docs, errors %v; want one error", len(docs), errs)
			}
			err := errs[0]
			var e *Error
			if !errors.As(err, &e) || e.Path != tt.name {
				t.Errorf("error %v is not an *Error for %s", err, tt.name)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %q is not %v", err, tt.kind)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("error\n got %q\nwant %q", err, tt.msg)
			}
		})
	}
}

func TestParseJSONL(t *testing.T) {
	docs, errs := Parse("testdata/docs.jsonl", mustRead(t, "docs.jsonl"))
	var paths []string
	for _, d := range docs {
		paths = append(paths, d.Path)
	}
	if got, want := strings.Join(paths, " "), "testdata/docs.jsonl:1 testdata/docs.jsonl:3 testdata/docs.jsonl:6"; got != want {
		t.Fatalf("docs %q, want %q", got, want)
	}
	wantErrs := []string{
		`testdata/docs.jsonl:4: not a JSON object; each line must be one JSON object with "text" or "html"`,
		`testdata/docs.jsonl:5: line has neither "text" nor "html"`,
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %v, want %v", errs, wantErrs)
	}
	for i, err := range errs {
		if err.Error() != wantErrs[i] || !errors.Is(err, ErrBadLine) {
			t.Errorf("error %d: %q, want %q", i, err, wantErrs[i])
		}
	}
	d := docs[0]
	if d.URL != "https://a.example/1" || d.Title != "First" || d.Outlet != "Outlet A" || d.Author != "A. Writer" ||
		d.Published != date(2021, 5, 18) || d.Text != "Qureshi and Blinken spoke on the telephone on Monday.\nThey discussed Afghanistan." {
		t.Errorf("line 1: %+v", d)
	}
	if d := docs[1]; d.Title != "A one-line report without a title field." || d.Published != (engagement.Date{Year: 2021, Month: 5}) {
		t.Errorf("line 3: %+v", d)
	}
	d = docs[2]
	if d.Title != "Page five" || d.Published != date(2021, 5, 18) || !strings.HasPrefix(d.Text, "The prime minister received a call") ||
		!strings.Contains(d.Text, "details of what was discussed between the two leaders.\n\nOfficials said") || strings.Contains(d.Text, "Home") {
		t.Errorf("line 6 (html): %+v", d)
	}
}

func TestParseJSONLLines(t *testing.T) {
	tests := []struct {
		line string
		msg  string
		kind error
	}{
		{`[1,2]`, `x.jsonl:1: not a JSON object; each line must be one JSON object with "text" or "html"`, ErrBadLine},
		{`{"text": "a"`, `x.jsonl:1: not valid JSON (unexpected end of JSON input); each line must be one JSON object with "text" or "html"`, ErrBadLine},
		{`{"text": 5}`, `x.jsonl:1: field "text" is a JSON number, want a string`, ErrBadLine},
		{`{"text": "a", "published": "someday"}`, `x.jsonl:1: published "someday" is not a date; use YYYY-MM-DD or RFC 3339`, ErrBadLine},
		{`{"text": "   "}`, `x.jsonl:1: empty document`, ErrEmpty},
		{`{"text": "a\u0000b"}`, `x.jsonl:1: binary file, not text`, ErrBinary},
		{"{\"text\": \"caf\xe9\"}", `x.jsonl:1: not UTF-8 text (first bad byte at offset 13 of the line); convert it to UTF-8`, ErrNotUTF8},
		{`{"html": "<nav><a href='/'>Home</a></nav>"}`, `x.jsonl:1: no article text found in the HTML page`, ErrNoArticle},
	}
	for _, tt := range tests {
		docs, errs := Parse("x.jsonl", []byte(tt.line))
		if len(docs) != 0 || len(errs) != 1 {
			t.Errorf("%s: %d docs, errors %v", tt.line, len(docs), errs)
			continue
		}
		if errs[0].Error() != tt.msg || !errors.Is(errs[0], tt.kind) {
			t.Errorf("%s:\n got %q\nwant %q (%v)", tt.line, errs[0], tt.msg, tt.kind)
		}
	}
}

func TestPageMeta(t *testing.T) {
	page := `<html><head><title>T</title>
<meta property="og:url" content="https://og.example/a">
<meta name="date" content="2020-03-04">
</head><body><time datetime="2019-01-02">x</time></body></html>`
	m := pageMeta(parseHTMLString(t, page))
	if m.url != "https://og.example/a" || m.title != "T" || m.dates[0] != "" || m.dates[1] != "2020-03-04" || m.dates[2] != "2019-01-02" {
		t.Errorf("pageMeta = %+v", m)
	}
	m = pageMeta(parseHTMLString(t, `<link rel="alternate canonical" href=" https://c.example/x "><meta property="og:url" content="https://og.example/a"><meta property="article:published_time" content="2021-06-07T01:02:03Z">`))
	if m.url != "https://c.example/x" || m.dates[0] != "2021-06-07T01:02:03Z" {
		t.Errorf("pageMeta = %+v", m)
	}
}

func TestErrorFormat(t *testing.T) {
	if got := (&Error{Path: "a.jsonl", Line: 3, Err: ErrEmpty}).Error(); got != "a.jsonl:3: empty document" {
		t.Error(got)
	}
	if got := (&Error{Path: "a.txt", Err: ErrEmpty}).Error(); got != "a.txt: empty document" {
		t.Error(got)
	}
	if got := humanSize(200 << 20); got != "209.7 MB" {
		t.Error(got)
	}
	if got := tooLarge(200e6, DefaultMaxBytes).Error(); got != "file is 200.0 MB, larger than the 32 MiB limit for one document" {
		t.Error(got)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]engagement.Date{
		"2021":                            {Year: 2021},
		"2021-05-18":                      date(2021, 5, 18),
		"2021-05-18T23:30:00-04:00":       date(2021, 5, 18),
		"Tue, 18 May 2021 10:00:00 +0000": date(2021, 5, 18),
		"May 18, 2021":                    date(2021, 5, 18),
		"18 May 2021":                     date(2021, 5, 18),
	} {
		got, err := parseDate(in)
		if err != nil || got != want {
			t.Errorf("parseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"yesterday", "2021-13-01", "18/05/2021"} {
		if _, err := parseDate(in); err == nil {
			t.Errorf("parseDate(%q): no error", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		f.Add(e.Name(), mustRead(f, e.Name()))
	}
	f.Add("x.md", []byte("---\na: &x [*x]\n---\nb"))
	f.Add("-", []byte("{\"text\":\"a\"}\n{"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		docs, errs := Parse(name, data)
		for _, d := range docs {
			if !utf8.ValidString(d.Text) {
				t.Errorf("Text is not UTF-8: %q", d.Text)
			}
			if d.Text == "" || d.Hash == "" {
				t.Errorf("document without text or hash: %+v", d)
			}
		}
		for _, err := range errs {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %v is not an *Error", err)
			}
		}
	})
}

func jsonlOf(n int, doc string) []byte {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"url":"https://b.example/%d","title":"Report %d","published":"2022-05-06","outlet":"Bench","text":%q}`+"\n", i, i, doc)
	}
	return []byte(b.String())
}

// benchDoc is about 4 KB of article-like text.
var benchDoc = func() string {
	p := "ISLAMABAD: The foreign minister received a telephone call from the US secretary of state on Monday, the Foreign Office said, and the two discussed regional security, trade and the situation in Afghanistan.\n\n"
	return strings.Repeat(p, 4096/len(p)+1)
}()

func BenchmarkParseText(b *testing.B) {
	data := []byte("---\ntitle: A bench document\nurl: https://b.example/x\npublished: 2022-05-06\noutlet: Bench\n---\n\n" + benchDoc)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		docs, errs := Parse("bench.md", data)
		if len(docs) != 1 || len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkParseJSONL(b *testing.B) {
	const n = 100
	data := jsonlOf(n, benchDoc)
	b.SetBytes(int64(len(data) / n))
	b.ResetTimer()
	for i := 0; i < b.N; i += n {
		docs, errs := Parse("bench.jsonl", data)
		if len(docs) != n || len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	data := mustRead(b, "furniture.html")
	for b.Loop() {
		if _, errs := Parse("furniture.html", data); len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}

// Read tests.

type collected struct {
	docs []engagement.Document
	errs []error
	log  []string // "doc PATH" and "err MESSAGE" in the order of the calls
}

func readAll(t *testing.T, paths []string, stdin string, opt Options) (*collected, error) {
	t.Helper()
	c := &collected{}
	err := Read(context.Background(), paths, strings.NewReader(stdin), opt,
		func(d engagement.Document) error {
			c.docs = append(c.docs, d)
			c.log = append(c.log, "doc "+d.Path)
			return nil
		},
		func(err error) {
			c.errs = append(c.errs, err)
			c.log = append(c.log, "err "+err.Error())
		})
	return c, err
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":            "First document.",
		"b/c.md":           "---\ntitle: C\n---\nSecond document.",
		"b/d.bin.txt":      "\x00\x01\x02",
		"b/e.htm":          string(mustRead(t, "furniture.html")),
		"b/f.jsonl":        "{\"text\":\"line one\"}\nnot json\n{\"text\":\"line three\"}\n",
		"b/g.TXT":          "Upper-case extension.",
		"c/latin1.md":      "caf\xe9",
		"c/empty.markdown": "  \n",
		"c/notes.pdf":      "%PDF-1.4 skipped",
		"c/data.csv":       "a,b",
		".hidden/x.txt":    "hidden folder",
		"c/.y.txt":         "hidden file",
		"d/z.html":         string(mustRead(t, "nonarticle.html")),
	})
	// An explicitly named file of an unknown extension is read as text.
	extra := filepath.Join(dir, "c", "data.csv")
	c, err := readAll(t, []string{dir, extra, filepath.Join(dir, "missing.txt")}, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := func(s string) string { return filepath.Join(dir, filepath.FromSlash(s)) }
	want := []string{
		"doc " + p("a.txt"),
		"doc " + p("b/c.md"),
		"err " + p("b/d.bin.txt") + ": binary file, not text",
		"doc " + p("b/e.htm"),
		"doc " + p("b/f.jsonl") + ":1",
		"err " + p("b/f.jsonl") + `:2: not a JSON object; each line must be one JSON object with "text" or "html"`,
		"doc " + p("b/f.jsonl") + ":3",
		"doc " + p("b/g.TXT"),
		"err " + p("c/empty.markdown") + ": empty document",
		"err " + p("c/latin1.md") + ": not UTF-8 text (first bad byte at offset 3); convert it to UTF-8",
		"err " + p("d/z.html") + ": no article text found in the HTML page",
		"doc " + p("c/data.csv"),
		"err " + p("missing.txt") + ": no such file or folder",
	}
	if got := strings.Join(c.log, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	for _, err := range c.errs {
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%v is not an *Error", err)
		}
	}
	if !errors.Is(c.errs[len(c.errs)-1], fs.ErrNotExist) || !errors.Is(c.errs[len(c.errs)-1], ErrNotFound) {
		t.Errorf("missing file error %v is not ErrNotFound/fs.ErrNotExist", c.errs[len(c.errs)-1])
	}
}

func TestReadTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 200 MB that take no disk and must not be read.
	if err := f.Truncate(200e6); err != nil {
		t.Fatal(err)
	}
	f.Close()
	writeFiles(t, dir, map[string]string{"small.txt": "Small."})
	c, err := readAll(t, []string{dir}, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "err " + big + ": file is 200.0 MB, larger than the 32 MiB limit for one document\ndoc " + filepath.Join(dir, "small.txt")
	if got := strings.Join(c.log, "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !errors.Is(c.errs[0], ErrTooLarge) {
		t.Errorf("%v is not ErrTooLarge", c.errs[0])
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	dir := t.TempDir()
	long := `{"text":"` + strings.Repeat("x", 300) + `"}`
	writeFiles(t, dir, map[string]string{
		"s.jsonl": "{\"text\":\"one\"}\r\n" + long + "\n\n{\"text\":\"four\"}",
	})
	c, err := readAll(t, []string{filepath.Join(dir, "s.jsonl")}, "", Options{MaxBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "s.jsonl")
	want := "doc " + p + ":1\nerr " + p + ":2: line is larger than the 100-byte limit for one document\ndoc " + p + ":4"
	if got := strings.Join(c.log, "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(c.docs) == 2 && (c.docs[0].Text != "one" || c.docs[1].Text != "four") {
		t.Errorf("texts %q %q", c.docs[0].Text, c.docs[1].Text)
	}
	// Lines longer than bufio's buffer are read whole.
	huge := strings.Repeat("y", 200<<10)
	writeFiles(t, dir, map[string]string{"h.jsonl": `{"text":"` + huge + `"}`})
	c, err = readAll(t, []string{filepath.Join(dir, "h.jsonl")}, "", Options{})
	if err != nil || len(c.docs) != 1 || c.docs[0].Text != huge {
		t.Errorf("huge line: err %v, %d docs, errors %v", err, len(c.docs), c.errs)
	}
}

func TestReadStdin(t *testing.T) {
	html := "\n <!DOCTYPE html><html><head><title>Piped page</title></head><body><article><p>" +
		strings.Repeat("The two leaders met in the capital on Friday and agreed to meet again. ", 6) + "</p></article></body></html>"
	tests := []struct {
		name, in string
		want     []string
	}{
		{"jsonl", "\n  {\"text\":\"a\"}\n{\"text\":\"b\"}\nbad\n", []string{"doc -:2", "doc -:3", `err -:4: not a JSON object; each line must be one JSON object with "text" or "html"`}},
		{"html", html, []string{"doc -"}},
		{"text", "---\ntitle: Piped\n---\nText from a pipe.\n", []string{"doc -"}},
		{"empty", "", []string{"err -: empty document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := readAll(t, []string{"-"}, tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(c.log, "\n"); got != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", got, strings.Join(tt.want, "\n"))
			}
			switch tt.name {
			case "html":
				if c.docs[0].Title != "Piped page" {
					t.Errorf("title %q", c.docs[0].Title)
				}
			case "text":
				if c.docs[0].Title != "Piped" || c.docs[0].Text != "Text from a pipe." {
					t.Errorf("doc %+v", c.docs[0])
				}
			}
		})
	}
	c, err := readAll(t, []string{"-"}, strings.Repeat("z", 200), Options{MaxBytes: 100})
	if err != nil || len(c.errs) != 1 || c.errs[0].Error() != "-: standard input is larger than the 100-byte limit for one document" {
		t.Errorf("large stdin: %v %v", err, c.errs)
	}
}

func TestReadCancel(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 50 {
		files[fmt.Sprintf("%02d.txt", i)] = fmt.Sprintf("Document %d.", i)
	}
	writeFiles(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	err := Read(ctx, []string{dir}, nil, Options{}, func(d engagement.Document) error {
		n++
		if n == 3 {
			cancel()
		}
		return nil
	}, func(err error) { t.Error(err) })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read returned %v, want context.Canceled", err)
	}
	if n != 3 {
		t.Errorf("emit called %d times after cancelling at 3", n)
	}

	// An error from emit stops Read and is returned.
	stop := errors.New("stop")
	n = 0
	err = Read(context.Background(), []string{dir}, nil, Options{}, func(d engagement.Document) error {
		n++
		return stop
	}, func(err error) { t.Error(err) })
	if err != stop || n != 1 {
		t.Errorf("Read returned %v after %d emits, want stop after 1", err, n)
	}

	// A context cancelled before the start reads nothing.
	ctx, cancel2 := context.WithCancel(context.Background())
	cancel2()
	n = 0
	err = Read(ctx, []string{dir}, nil, Options{}, func(d engagement.Document) error { n++; return nil }, func(error) {})
	if !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("pre-cancelled: %v, %d docs", err, n)
	}
}

func TestReadOrderMany(t *testing.T) {
	// Parallel parsing must not change the order of emits.
	dir := t.TempDir()
	files := map[string]string{}
	var want []string
	for i := range 300 {
		name := fmt.Sprintf("%03d.txt", i)
		files[name] = fmt.Sprintf("Document %d.", i)
		if i%7 == 3 {
			files[name] = ""
			want = append(want, "err "+filepath.Join(dir, name)+": empty document")
			continue
		}
		want = append(want, "doc "+filepath.Join(dir, name))
	}
	writeFiles(t, dir, files)
	c, err := readAll(t, []string{dir}, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.log, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("order differs")
	}
}

func TestReadPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"locked.txt": "secret", "sub/x.txt": "x"})
	p := filepath.Join(dir, "locked.txt")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Chmod(sub, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(sub, 0o755)
	c, err := readAll(t, []string{dir}, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "err " + p + ": permission denied; check that the file can be read\nerr " + sub + ": permission denied; check that the file can be read"
	if got := strings.Join(c.log, "\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(c.errs) > 0 && !errors.Is(c.errs[0], fs.ErrPermission) {
		t.Errorf("%v is not fs.ErrPermission", c.errs[0])
	}
}

func parseHTMLString(t *testing.T, s string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReadCancelBlockedStdin(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := Read(ctx, []string{"-"}, pr, Options{}, func(engagement.Document) error { return nil }, func(error) {})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Read returned %v, want context.DeadlineExceeded", err)
	}
}

func TestReadSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"real/a.txt": "Real file."})
	if err := os.Symlink(filepath.Join(dir, "real", "a.txt"), filepath.Join(dir, "real", "b.txt")); err != nil {
		t.Skip(err)
	}
	// A link back to the folder must not make the walk loop.
	if err := os.Symlink(dir, filepath.Join(dir, "real", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "real", "c.txt")); err != nil {
		t.Fatal(err)
	}
	linkedRoot := filepath.Join(t.TempDir(), "root")
	if err := os.Symlink(filepath.Join(dir, "real"), linkedRoot); err != nil {
		t.Fatal(err)
	}
	c, err := readAll(t, []string{dir, linkedRoot}, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := func(s string) string { return filepath.Join(dir, filepath.FromSlash(s)) }
	want := []string{
		"doc " + p("real/a.txt"),
		"doc " + p("real/b.txt"),
		"err " + p("real/c.txt") + ": no such file or folder",
		"doc " + filepath.Join(linkedRoot, "a.txt"),
		"doc " + filepath.Join(linkedRoot, "b.txt"),
		"err " + filepath.Join(linkedRoot, "c.txt") + ": no such file or folder",
	}
	if got := strings.Join(c.log, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

func TestBlockText(t *testing.T) {
	n := parseHTMLString(t, "<body><h2>Head  line</h2><p>One\n  two<br>three <b>bold</b></p><ul><li>a</li><li>b</li></ul><pre>  x\n    y\n</pre><script>no()</script></body>")
	want := "Head line\n\nOne two\nthree bold\n\na\n\nb\n\n  x\n    y"
	if got := blockText(n); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
