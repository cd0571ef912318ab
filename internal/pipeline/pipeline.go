// Package pipeline runs an ingest end to end: documents are read in order,
// extracted in parallel, and stored in order in batches, each document
// atomically with its mentions and their fusion.
package pipeline

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/extract"
	"bilat/internal/ingest"
	"bilat/internal/store"
)

// Options tune an ingest.
type Options struct {
	// Workers is the number of extraction goroutines; 0 leaves one core to
	// the store's writer, which is the slower stage (GOMAXPROCS−1, at
	// least 1).
	Workers int
	// BatchSize is how many documents share a transaction (0 = 512): a
	// commit writes every page its documents changed, and the pages of
	// the indexes are shared by many documents. A batch that waits a
	// second for more documents is stored as it is.
	BatchSize int
	MaxBytes  int64
	// Progress, when set, is called after each stored batch with the number of
	// documents read so far.
	Progress func(read int)
	// Fail is called for every document that could not be read or stored.
	Fail func(error)
}

// Summary is what an ingest did.
type Summary struct {
	// Read counts the documents stored or found unchanged; Failed those that
	// could not be read or stored (each reported through Options.Fail).
	Read, New, Unchanged, Replaced, Failed int
	Mentions                               int // engagement mentions found in new and replaced documents
	Elapsed                                time.Duration
	Interrupted                            bool
}

// DocsPerSecond is the documents read per second of the run.
func (s Summary) DocsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

type job struct {
	seq int
	doc engagement.Document
}

type done struct {
	seq  int
	item store.Item
}

// Run ingests paths ("-" for stdin) into st.
func Run(ctx context.Context, st store.Store, x *extract.Extractor, paths []string, stdin io.Reader, opt Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	if opt.Workers <= 0 {
		opt.Workers = max(1, runtime.GOMAXPROCS(0)-1)
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 512
	}
	// Fail is called from the reader and from the writer: serialise it
	var failMu sync.Mutex
	fail := func(err error) {
		if opt.Fail != nil {
			failMu.Lock()
			opt.Fail(err)
			failMu.Unlock()
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var readFailed atomic.Int64
	// room for two batches, so extraction goes on while a batch is written
	jobs := make(chan job, opt.BatchSize)
	results := make(chan done, 2*opt.BatchSize)
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		seq := 0
		readErr <- ingest.Read(ctx, paths, stdin, ingest.Options{MaxBytes: opt.MaxBytes}, func(d engagement.Document) error {
			select {
			case jobs <- job{seq, d}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(err error) {
			readFailed.Add(1)
			fail(err)
		})
	}()
	workers := make(chan struct{}, opt.Workers)
	for w := 0; w < opt.Workers; w++ {
		go func() {
			defer func() { workers <- struct{}{} }()
			for j := range jobs {
				r := x.Extract(&j.doc, extract.Options{})
				if j.doc.Published.IsZero() {
					j.doc.Published = r.Published
				}
				select {
				case results <- done{j.seq, store.Item{Doc: j.doc, Mentions: r.Mentions}}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		for w := 0; w < opt.Workers; w++ {
			<-workers
		}
		close(results)
	}()

	// store in input order, in batches
	pending := map[int]store.Item{}
	next := 0
	var batch []store.Item
	var storeErr error
	flush := func() {
		if len(batch) == 0 || storeErr != nil {
			batch = batch[:0]
			return
		}
		outs, err := st.Put(ctx, batch)
		var pe *store.PutError
		if errors.As(err, &pe) {
			for _, de := range pe.Docs {
				fail(de)
			}
		}
		for i, o := range outs {
			switch o {
			case store.New, store.Unchanged, store.Replaced:
				sum.Read++
			}
			switch o {
			case store.New:
				sum.New++
				sum.Mentions += len(batch[i].Mentions)
			case store.Replaced:
				sum.Replaced++
				sum.Mentions += len(batch[i].Mentions)
			case store.Unchanged:
				sum.Unchanged++
			case store.Failed:
				sum.Failed++
			}
		}
		if err != nil && !isOnlyPutError(err) {
			storeErr = err
			cancel()
		}
		if opt.Progress != nil {
			opt.Progress(sum.Read + int(readFailed.Load()))
		}
		batch = batch[:0]
	}
	var since time.Time // when the batch's first document came
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
loop:
	for {
		select {
		case r, ok := <-results:
			if !ok {
				break loop
			}
			pending[r.seq] = r.item
			for {
				it, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if len(batch) == 0 {
					since = time.Now()
				}
				batch = append(batch, it)
				if len(batch) >= opt.BatchSize {
					flush()
				}
			}
		case <-tick.C:
			if time.Since(since) >= time.Second {
				flush()
			}
		}
	}
	if ctx.Err() == nil {
		flush()
	}
	rerr := <-readErr
	sum.Failed += int(readFailed.Load())
	sum.Elapsed = time.Since(start)
	if storeErr != nil {
		if errors.Is(storeErr, context.Canceled) {
			sum.Interrupted = true
			return sum, nil
		}
		return sum, storeErr
	}
	if rerr != nil || ctx.Err() != nil {
		sum.Interrupted = true
	}
	return sum, nil
}

// isOnlyPutError: the error reports documents that failed alone, nothing that stops the run.
func isOnlyPutError(err error) bool {
	var pe *store.PutError
	if !errors.As(err, &pe) {
		return false
	}
	return err == error(pe)
}
