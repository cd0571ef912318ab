package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"bilat/internal/engagement"
)

var bom = []byte("\xef\xbb\xbf")

type format int

const (
	formatText format = iota
	formatHTML
	formatJSONL
)

func formatOf(name string, data []byte) format {
	if name == "-" {
		return sniff(data)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return formatHTML
	case ".jsonl":
		return formatJSONL
	}
	return formatText
}

// sniff guesses the format of unnamed input from its first non-space byte.
func sniff(head []byte) format {
	head = bytes.TrimPrefix(head, bom)
	for _, c := range head {
		switch c {
		case ' ', '\t', '\r', '\n', '\f', '\v':
			continue
		case '{':
			return formatJSONL
		case '<':
			return formatHTML
		}
		return formatText
	}
	return formatText
}

// Parse turns one file's content into documents, by the file name's
// extension (unknown → plain text; "-" → guessed from the content). For
// JSONL every line is one document; a bad line is one error and the other
// lines still produce documents. Every error is an *Error.
func Parse(name string, data []byte) ([]engagement.Document, []error) {
	var docs []engagement.Document
	var errs []error
	for _, it := range parse(name, data, DefaultMaxBytes) {
		if it.err != nil {
			errs = append(errs, it.err)
		} else {
			docs = append(docs, it.doc)
		}
	}
	return docs, errs
}

func parse(name string, data []byte, max int64) []item {
	switch formatOf(name, data) {
	case formatJSONL:
		return parseJSONL(name, data, max)
	case formatHTML:
		doc := engagement.Document{Path: name}
		if err := parseHTML(&doc, data); err != nil {
			return errItem(name, 0, err)
		}
		return []item{{doc: doc}}
	}
	doc := engagement.Document{Path: name}
	if err := parseText(&doc, data); err != nil {
		return errItem(name, 0, err)
	}
	return []item{{doc: doc}}
}

func (r *reader) readStdin() {
	if r.stdin == nil {
		r.submitErr("-", 0, because(ErrEmpty, "no standard input"))
		return
	}
	br := bufio.NewReaderSize(r.stdin, 64<<10)
	head, err := br.Peek(4 << 10)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		r.submitErr("-", 0, err)
		return
	}
	f := sniff(head)
	if f == formatJSONL {
		r.readJSONL("-", br)
		return
	}
	max := r.opt.maxBytes()
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		r.submitErr("-", 0, err)
		return
	}
	if int64(len(data)) > max {
		r.submitErr("-", 0, because(ErrTooLarge, "standard input is larger than the %s limit for one document", limitSize(max)))
		return
	}
	r.submit(func() []item {
		doc := engagement.Document{Path: "-"}
		var err error
		if f == formatHTML {
			err = parseHTML(&doc, data)
		} else {
			err = parseText(&doc, data)
		}
		if err != nil {
			return errItem("-", 0, err)
		}
		return []item{{doc: doc}}
	})
}

// ctrlByte marks the bytes that do not occur in text: C0 controls other
// than white space and ESC (terminal colours in logs), and DEL.
var ctrlByte = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range []byte{'\n', '\r', '\t', '\f', '\v', 0x1b} {
		t[c] = false
	}
	t[0x7f] = true
	return t
}()

// checkHead rejects binary content by its first bytes.
func checkHead[T string | []byte](data T) error {
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return because(ErrNotUTF8, "UTF-16 text, not UTF-8; convert it to UTF-8")
	}
	head := data[:min(len(data), sniffSize)]
	ctrl := 0
	for i := 0; i < len(head); i++ {
		if c := head[i]; ctrlByte[c] {
			if c == 0 {
				return ErrBinary
			}
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return ErrBinary
	}
	return nil
}

// checkText rejects content that is not UTF-8 text. A NUL anywhere is
// refused, not only in the head: stores (PostgreSQL) cannot keep it.
func checkText(data []byte) error {
	if err := checkHead(data); err != nil {
		return err
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if off := invalidUTF8(data); off >= 0 {
		return because(ErrNotUTF8, "not UTF-8 text (first bad byte at offset %d); convert it to UTF-8", off)
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte that is not UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// normalize strips a BOM and turns CRLF and CR into LF; nothing else.
func normalize(data []byte) string {
	return normalizeString(string(data))
}

func normalizeString(s string) string {
	s = strings.TrimPrefix(s, string(bom))
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// parseText reads a text or Markdown document: front matter or header
// lines, then the text.
func parseText(doc *engagement.Document, data []byte) error {
	if err := checkText(data); err != nil {
		return err
	}
	s := normalize(data)
	var err error
	if line, _, _ := strings.Cut(s, "\n"); strings.TrimRight(line, " \t") == "---" {
		s, err = frontMatter(doc, s)
	} else {
		s, err = headerLines(doc, s)
	}
	if err != nil {
		return err
	}
	return finish(doc, s)
}

// frontMatter reads YAML between a first line "---" and the next "---" (or
// "...") line and returns the text after it.
func frontMatter(doc *engagement.Document, s string) (string, error) {
	_, rest, _ := strings.Cut(s, "\n")
	var yml string
	found := false
	for i := 0; i < len(rest); {
		j := strings.IndexByte(rest[i:], '\n')
		end := len(rest)
		if j >= 0 {
			end = i + j
		}
		if l := strings.TrimRight(rest[i:end], " \t"); l == "---" || l == "..." {
			yml, s, found = rest[:i], rest[min(end+1, len(rest)):], true
			break
		}
		i = end + 1
	}
	if !found {
		return "", because(ErrFrontMatter, "front matter has no closing --- line")
	}
	var root yaml.Node
	if err := safeYAML(yml, &root); err != nil {
		return "", because(ErrFrontMatter, "front matter is not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(root.Content) > 0 {
		m := root.Content[0]
		if m.Kind != yaml.MappingNode {
			return "", because(ErrFrontMatter, "front matter is not a list of key: value lines")
		}
		var published, date string
		for i := 0; i+1 < len(m.Content); i += 2 {
			key := strings.ToLower(m.Content[i].Value)
			v := m.Content[i+1]
			for v.Kind == yaml.AliasNode && v.Alias != nil {
				v = v.Alias
			}
			var dst *string
			switch key {
			case "title":
				dst = &doc.Title
			case "url":
				dst = &doc.URL
			case "outlet":
				dst = &doc.Outlet
			case "author":
				dst = &doc.Author
			case "published":
				dst = &published
			case "date": // Hugo and Jekyll call it date
				dst = &date
			default:
				continue
			}
			if v.Kind != yaml.ScalarNode {
				return "", because(ErrFrontMatter, "front matter: %s is not a single value", key)
			}
			if v.Tag != "!!null" {
				*dst = strings.TrimSpace(v.Value)
			}
		}
		doc.Title = cleanTitle(doc.Title)
		if published == "" {
			published = date
		}
		if published != "" {
			d, err := parseDate(published)
			if err != nil {
				return "", because(ErrFrontMatter, "front matter: published %q is not a date; use YYYY-MM-DD or RFC 3339", published)
			}
			doc.Published = d
		}
	}
	return trimBlankLines(s), nil
}

// safeYAML decodes with a recover: yaml.v3 has panicked on odd input before.
func safeYAML(s string, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return yaml.Unmarshal([]byte(s), n)
}

// headerLines reads the "URL: …", "PUBLISHED: …" lines that our corpora
// put at the very top of a text, and returns the text after them.
func headerLines(doc *engagement.Document, s string) (string, error) {
	found := false
	for {
		line, rest, _ := strings.Cut(s, "\n")
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			break
		}
		val = strings.TrimSpace(val)
		switch key {
		case "URL":
			doc.URL = val
		case "TITLE":
			doc.Title = cleanTitle(val)
		case "OUTLET":
			doc.Outlet = val
		case "AUTHOR":
			doc.Author = val
		case "PUBLISHED":
			d, err := parseDate(val)
			if err != nil {
				return "", because(ErrHeader, "PUBLISHED %q is not a date; use YYYY-MM-DD", val)
			}
			doc.Published = d
		case "QUERY":
		default:
			if found {
				return trimBlankLines(s), nil
			}
			return s, nil
		}
		found = true
		s = rest
	}
	if found {
		return trimBlankLines(s), nil
	}
	return s, nil
}

// trimBlankLines drops the blank lines that separate metadata from text.
func trimBlankLines(s string) string {
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			return s
		}
		s = rest
	}
}

// finish sets Text, a fallback title and Hash, or says why there is no
// document.
func finish(doc *engagement.Document, text string) error {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	if text == "" {
		return ErrEmpty
	}
	doc.Text = text
	if doc.Title == "" {
		doc.Title = firstLineTitle(text)
	}
	sum := sha256.Sum256([]byte(text))
	doc.Hash = hex.EncodeToString(sum[:])
	return nil
}

// firstLineTitle is the first non-empty line, if it is short enough to be
// a headline.
func firstLineTitle(text string) string {
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		line = cleanTitle(strings.TrimLeft(line, "#"))
		if utf8.RuneCountInString(line) >= 200 {
			return ""
		}
		return line
	}
	return ""
}

// cleanTitle folds the white space of a title onto one line.
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "\n\t\r") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// dateLayouts are the other ways crawlers and pages write a publication date.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2006/01/02", "2006.01.02", "20060102",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "Monday, 2 January 2006",
}

// parseDate reads ISO 8601 dates (any precision) and RFC 3339 timestamps,
// and a few common long forms.
func parseDate(s string) (engagement.Date, error) {
	s = strings.TrimSpace(s)
	d, err := engagement.ParseDate(s)
	if err == nil {
		return d, nil
	}
	for _, layout := range dateLayouts {
		if t, e := time.Parse(layout, s); e == nil {
			return engagement.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}, nil
		}
	}
	return engagement.Date{}, err
}
