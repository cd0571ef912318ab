package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"bilat/internal/engagement"
)

// sniffSize is how much of a file the binary check looks at.
const sniffSize = 8 << 10

// readJSONLFile streams a JSONL file line by line: the file as a whole has
// no size limit, only each line.
func (r *reader) readJSONLFile(path string) {
	f, err := os.Open(path)
	if err != nil {
		r.submitErr(path, 0, osReason(err))
		return
	}
	defer f.Close()
	r.readJSONL(path, bufio.NewReaderSize(f, 64<<10))
}

func (r *reader) readJSONL(path string, br *bufio.Reader) {
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		r.submitErr(path, 0, osReason(err))
		return
	}
	if err := checkHead(head); err != nil {
		r.submitErr(path, 0, err)
		return
	}
	max := r.opt.maxBytes()
	docs := 0
	for n := 1; ; n++ {
		line, over, err := readLine(br, max)
		if err != nil && err != io.EOF {
			r.submitErr(path, n, osReason(err))
			return
		}
		if err == io.EOF && len(line) == 0 && !over {
			break
		}
		switch {
		case over:
			docs++
			if !r.submitErr(path, n, because(ErrTooLarge, "line is larger than the %s limit for one document", limitSize(max))) {
				return
			}
		case !isBlank(line):
			docs++
			if !r.submit(func() []item { return []item{parseJSONLine(path, n, line)} }) {
				return
			}
		}
		if err == io.EOF || r.ctx.Err() != nil {
			break
		}
	}
	if docs == 0 {
		r.submitErr(path, 0, ErrEmpty)
	}
}

// readLine reads one line without its line ending, into a fresh slice. A
// line longer than max is skipped (over is true, line nil) so that one huge
// line costs no memory.
func readLine(br *bufio.Reader, max int64) (line []byte, over bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !over {
			// Room for the "\r\n" that is stripped below.
			if int64(len(line)+len(chunk)) > max+2 {
				over, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if int64(len(line)) > max {
			over, line = true, nil
		}
		return line, over, err
	}
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}

// parseJSONL parses in-memory JSONL, for Parse.
func parseJSONL(path string, data []byte, max int64) []item {
	if err := checkHead(data); err != nil {
		return errItem(path, 0, err)
	}
	var items []item
	for n := 1; len(data) > 0; n++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		line = bytes.TrimSuffix(line, []byte("\r"))
		switch {
		case int64(len(line)) > max:
			items = append(items, errItem(path, n, because(ErrTooLarge, "line is larger than the %s limit for one document", limitSize(max)))...)
		case !isBlank(line):
			items = append(items, parseJSONLine(path, n, line))
		}
	}
	if len(items) == 0 {
		return errItem(path, 0, ErrEmpty)
	}
	return items
}

// jsonDoc is one JSONL line; unknown fields are ignored.
type jsonDoc struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

const lineHint = `; each line must be one JSON object with "text" or "html"`

func parseJSONLine(path string, n int, line []byte) item {
	fail := func(err error) item { return item{err: &Error{Path: path, Line: n, Err: err}} }
	if bytes.HasPrefix(line, bom) && n == 1 {
		line = line[len(bom):]
	}
	if off := invalidUTF8(line); off >= 0 {
		return fail(because(ErrNotUTF8, "not UTF-8 text (first bad byte at offset %d of the line); convert it to UTF-8", off))
	}
	if t := bytes.TrimLeft(line, " \t"); len(t) == 0 || t[0] != '{' {
		return fail(because(ErrBadLine, "not a JSON object"+lineHint))
	}
	var j jsonDoc
	if err := json.Unmarshal(line, &j); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return fail(because(ErrBadLine, "field %q is a JSON %s, want a string", te.Field, te.Value))
		}
		return fail(because(ErrBadLine, "not valid JSON (%s)%s", strings.TrimPrefix(err.Error(), "json: "), lineHint))
	}
	doc := engagement.Document{
		Path:   fmt.Sprintf("%s:%d", path, n),
		URL:    strings.TrimSpace(j.URL),
		Title:  cleanTitle(j.Title),
		Outlet: strings.TrimSpace(j.Outlet),
		Author: strings.TrimSpace(j.Author),
	}
	if j.Published != "" {
		d, err := parseDate(j.Published)
		if err != nil {
			return fail(because(ErrBadLine, "published %q is not a date; use YYYY-MM-DD or RFC 3339", j.Published))
		}
		doc.Published = d
	}
	switch {
	case j.Text != "":
		// The line was UTF-8 and JSON strings decode to UTF-8, so only
		// binary content is left to check.
		if err := checkHead(j.Text); err != nil {
			return fail(err)
		}
		if strings.IndexByte(j.Text, 0) >= 0 {
			return fail(ErrBinary)
		}
		if err := finish(&doc, normalizeString(j.Text)); err != nil {
			return fail(err)
		}
		return item{doc: doc}
	case j.HTML != "":
		if err := parseHTML(&doc, []byte(j.HTML)); err != nil {
			return fail(err)
		}
		return item{doc: doc}
	}
	return fail(because(ErrBadLine, `line has neither "text" nor "html"`))
}
