// Package ingest turns files, folders and standard input into documents:
// plain text and Markdown (with front matter or a header block), HTML pages
// (main text only, page furniture removed) and JSONL (one document a line).
//
// Bad input never stops the reading: every bad file or line is reported as
// an *Error and the rest is read. Text is kept byte for byte apart from a
// few normalisations (BOM, line endings, trailing white space) because the
// extractor's evidence offsets point into it.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"bilat/internal/engagement"
)

// DefaultMaxBytes is the largest single document read when Options.MaxBytes is 0.
const DefaultMaxBytes = 32 << 20

// Options tune Read.
type Options struct {
	// MaxBytes is the largest single document (a file, or one JSONL line);
	// 0 means DefaultMaxBytes.
	MaxBytes int64
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Error is a bad input: the file, the line (0 when not line-based) and the
// reason.
type Error struct {
	Path string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// The kinds of bad input; test them with errors.Is on an *Error.
var (
	ErrNotFound    = errors.New("no such file or folder")
	ErrBinary      = errors.New("binary file, not text")
	ErrNotUTF8     = errors.New("not UTF-8 text")
	ErrEmpty       = errors.New("empty document")
	ErrTooLarge    = errors.New("larger than the limit for one document")
	ErrFrontMatter = errors.New("bad front matter")
	ErrHeader      = errors.New("bad header line")
	ErrBadLine     = errors.New("bad JSONL line")
	ErrNoArticle   = errors.New("no article text found in the HTML page")
)

// reason is an error with its own message that still matches its kind (and
// an underlying cause, if any) with errors.Is.
type reason struct {
	msg   string
	kind  error
	cause error
}

func (r *reason) Error() string { return r.msg }

func (r *reason) Unwrap() []error {
	if r.cause != nil {
		return []error{r.kind, r.cause}
	}
	return []error{r.kind}
}

func because(kind error, format string, args ...any) error {
	return &reason{msg: fmt.Sprintf(format, args...), kind: kind}
}

// osReason turns an error from the os package into a reason without the
// path (Error adds it) and with a hint where one helps.
func osReason(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &reason{msg: ErrNotFound.Error(), kind: ErrNotFound, cause: err}
	case errors.Is(err, fs.ErrPermission):
		return &reason{msg: "permission denied; check that the file can be read", kind: fs.ErrPermission, cause: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &reason{msg: pe.Op + ": " + pe.Err.Error(), kind: pe.Err, cause: err}
	}
	return err
}

func tooLarge(size, limit int64) error {
	return because(ErrTooLarge, "file is %s, larger than the %s limit for one document", humanSize(size), limitSize(limit))
}

// humanSize writes a size in decimal units, as file managers do.
func humanSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d bytes", n)
}

// limitSize writes a limit the way it was most likely set.
func limitSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}

// item is one result in input order: a document or an error.
type item struct {
	doc engagement.Document
	err error
}

func errItem(path string, line int, err error) []item {
	return []item{{err: &Error{Path: path, Line: line, Err: err}}}
}

// job is one unit of parsing work; its result comes back on out.
type job struct {
	run func() []item
	out chan []item
}

type reader struct {
	ctx   context.Context
	opt   Options
	stdin io.Reader
	jobs  chan *job // to the workers
	order chan *job // to the consumer, in input order
}

// Read walks paths (files; folders, recursively, in sorted order; "-" =
// stdin) and calls emit for every document read and fail for every bad
// input (an *Error). It returns nil when all is read, ctx.Err() when ctx is
// cancelled, or the error emit returns. emit and fail are called from the
// calling goroutine, in input order; parsing runs on GOMAXPROCS workers.
func Read(ctx context.Context, paths []string, stdin io.Reader, opt Options, emit func(engagement.Document) error, fail func(error)) error {
	ctx, cancel := context.WithCancel(ctx)
	workers := runtime.GOMAXPROCS(0)
	r := &reader{
		ctx:   ctx,
		opt:   opt,
		stdin: stdin,
		jobs:  make(chan *job),
		order: make(chan *job, 2*workers),
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(r.work)
	}
	// The producer is not waited for: it may be blocked reading stdin,
	// which cannot be interrupted. It stops at its next step once ctx is
	// cancelled and never calls emit or fail.
	go r.produce(paths)
	defer func() {
		cancel()
		wg.Wait()
	}()

	for {
		var j *job
		select {
		case <-ctx.Done():
			return ctx.Err()
		case next, ok := <-r.order:
			if !ok {
				return nil
			}
			j = next
		}
		var items []item
		select {
		case <-ctx.Done():
			return ctx.Err()
		case items = <-j.out:
		}
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			if it.err != nil {
				fail(it.err)
				continue
			}
			if err := emit(it.doc); err != nil {
				return err
			}
		}
	}
}

func (r *reader) work() {
	for {
		select {
		case <-r.ctx.Done():
			return
		case j, ok := <-r.jobs:
			if !ok {
				return
			}
			j.out <- j.run()
		}
	}
}

// submit queues run, keeping its place in the output order. It reports
// false once reading is cancelled.
func (r *reader) submit(run func() []item) bool {
	j := &job{run: run, out: make(chan []item, 1)}
	select {
	case r.order <- j:
	case <-r.ctx.Done():
		return false
	}
	select {
	case r.jobs <- j:
	case <-r.ctx.Done():
		return false
	}
	return true
}

func (r *reader) submitErr(path string, line int, err error) bool {
	items := errItem(path, line, err)
	return r.submit(func() []item { return items })
}

func (r *reader) produce(paths []string) {
	defer close(r.order)
	defer close(r.jobs)
	for _, p := range paths {
		if r.ctx.Err() != nil {
			return
		}
		if p == "-" {
			r.readStdin()
			continue
		}
		r.readPath(p)
	}
}

// knownExt are the extensions read from folders; explicitly named files
// of any other extension are read as plain text.
var knownExt = map[string]bool{
	".txt": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".jsonl": true,
}

func (r *reader) readPath(p string) {
	info, err := os.Stat(p)
	if err != nil {
		r.submitErr(p, 0, osReason(err))
		return
	}
	if !info.IsDir() {
		r.readFile(p)
		return
	}
	root := p
	if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a symlinked root; a trailing separator makes it.
		root = p + string(filepath.Separator)
	}
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		if err != nil {
			r.submitErr(path, 0, osReason(err))
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !knownExt[strings.ToLower(filepath.Ext(path))] {
			return nil
		}
		switch t := d.Type(); {
		case t&fs.ModeSymlink != 0:
			// Links to files are read; links to folders are not walked,
			// which keeps link loops out.
			fi, err := os.Stat(path)
			if err != nil {
				r.submitErr(path, 0, osReason(err))
				return nil
			}
			if fi.IsDir() {
				return nil
			}
		case !t.IsRegular():
			return nil
		}
		r.readFile(path)
		return nil
	})
}

func (r *reader) readFile(path string) {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		r.readJSONLFile(path)
		return
	}
	max := r.opt.maxBytes()
	r.submit(func() []item {
		data, err := readLimited(path, max)
		if err != nil {
			return errItem(path, 0, err)
		}
		return parse(path, data, max)
	})
}

// readLimited reads a whole file, refusing one larger than max before
// reading it.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, osReason(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, osReason(err)
	}
	size := fi.Size()
	if fi.Mode().IsRegular() && size > max {
		return nil, tooLarge(size, max)
	}
	if !fi.Mode().IsRegular() || size < 0 {
		size = 0
	}
	// One byte more than the size lets ReadAll see EOF without growing.
	buf := make([]byte, 0, size+1)
	w := &sliceWriter{buf: buf}
	n, err := io.Copy(w, io.LimitReader(f, max+1))
	if err != nil {
		return nil, osReason(err)
	}
	if n > max {
		// The file grew after Stat, or is not a regular file.
		return nil, because(ErrTooLarge, "file is larger than the %s limit for one document", limitSize(max))
	}
	return w.buf, nil
}

type sliceWriter struct{ buf []byte }

func (w *sliceWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	return len(p), nil
}
