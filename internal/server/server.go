// Package server is bilat's read-only JSON API and the dashboard that uses
// it. Routes live in routes.go; the dashboard's files are embedded from
// static/ so the binary serves them with no network and no build step.
package server

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"bilat/internal/analyse"
	"bilat/internal/engagement"
	"bilat/internal/store"
)

//go:embed static
var staticFS embed.FS

// Limits on what a client may ask.
const (
	DefaultLimit   = 50
	MaxLimit       = 500
	MaxQueryLength = 2048 // bytes of the raw query string
	MaxParamLength = 200  // bytes of any one parameter
	RequestTimeout = 15 * time.Second
	// MaxLinks is how many links /api/actors gives, the strongest: all
	// the actors of a large store share tens of thousands.
	MaxLinks = 2000
)

// Options configures a Server. The zero value works.
type Options struct {
	// Offices are the terms of office behind the first-contact signal
	// (analyse.Offices of the lexicon); nil leaves that signal empty.
	Offices []analyse.Office
	Now     func() time.Time
	Logger  *slog.Logger
}

// Server answers the API over a store. It only reads.
type Server struct {
	st   store.Store
	opt  Options
	mux  *http.ServeMux
	memo memo
}

// New returns the server's handler tree over st.
func New(st store.Store, opt Options) *Server {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{st: st, opt: opt, mux: http.NewServeMux()}
	s.routes()
	return s
}

// Handler is the server with its limits: a request timeout, the query-length
// limit, an empty body, and headers that keep the browser from running or
// sniffing anything that did not come from the binary.
func (s *Server) Handler() http.Handler {
	timeout := http.TimeoutHandler(s.mux, RequestTimeout, `{"error":"request timed out","status":503}`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		// ECharts sets element styles; scripts come only from the binary.
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		if len(r.URL.RawQuery) > MaxQueryLength {
			writeError(w, http.StatusRequestURITooLong, fmt.Sprintf("query string longer than %d bytes", MaxQueryLength))
			return
		}
		if r.ContentLength > 0 {
			writeError(w, http.StatusRequestEntityTooLarge, "this API is read-only and takes no request body")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 0)
		timeout.ServeHTTP(w, r)
	})
}

// Warm computes what the dashboard's first view asks for: the pairs, and
// the busiest pair's timeline, signals, actors and first page, so the first
// visitor finds them cached (and the store's pages in memory). serve runs it
// beside the listener; a request that comes first computes its own answer.
func (s *Server) Warm(ctx context.Context) error {
	h := s.Handler()
	get := func(path string) (int, []byte) {
		r, _ := http.NewRequestWithContext(ctx, http.MethodGet, path, nil)
		w := &bufferWriter{h: http.Header{}}
		h.ServeHTTP(w, r)
		return w.status, w.body
	}
	status, body := get("/api/pairs")
	if status != http.StatusOK {
		return fmt.Errorf("warm: /api/pairs: %d %s", status, body)
	}
	var ps struct{ Pairs []PairCount }
	if err := json.Unmarshal(body, &ps); err != nil {
		return fmt.Errorf("warm: /api/pairs: %w", err)
	}
	if len(ps.Pairs) == 0 {
		return nil
	}
	q := "?pair=" + ps.Pairs[0].Pair
	for _, path := range []string{"/api/timeline" + q, "/api/signals" + q, "/api/actors" + q, "/api/engagements" + q + "&limit=50&offset=0"} {
		if status, body := get(path); status != http.StatusOK {
			return fmt.Errorf("warm: %s: %d %s", path, status, body)
		}
	}
	return nil
}

// bufferWriter is a ResponseWriter that keeps what is written.
type bufferWriter struct {
	h      http.Header
	status int
	body   []byte
}

func (w *bufferWriter) Header() http.Header { return w.h }
func (w *bufferWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}
func (w *bufferWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body = append(w.body, b...)
	return len(b), nil
}

// HTTPServer wraps the handler in an http.Server with timeouts, so a slow
// client cannot hold a connection open.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      RequestTimeout + 5*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(s.opt.Logger.Handler(), slog.LevelWarn),
	}
}

// apiError is an error with the HTTP status it maps to.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, a ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, a...)}
}

// statusOf maps errors to HTTP statuses in one place.
func statusOf(err error) (int, string) {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		return ae.status, ae.msg
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, "not found"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "request cancelled or timed out"
	}
	return http.StatusInternalServerError, "internal error"
}

type errorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{msg, status})
}

// writeJSON writes v; encoding/json escapes <, > and & in strings, so
// evidence holding markup stays inert even if a client misuses it.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// api adapts a handler that returns a value or an error.
func (s *Server) api(h func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			status, msg := statusOf(err)
			if status >= 500 {
				s.opt.Logger.Error("api", "path", r.URL.Path, "err", err)
			}
			writeError(w, status, msg)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// memo caches results computed from a full scan of the store, keyed by the
// request and valid while the store's counts do not change (an ingest
// running beside the server changes them).
type memo struct {
	mu    sync.Mutex
	stats store.Stats
	m     map[string]any
}

func (s *Server) cached(ctx context.Context, key string, f func() (any, error)) (any, error) {
	st, err := s.st.Stats(ctx)
	if err != nil {
		return nil, err
	}
	s.memo.mu.Lock()
	if s.memo.stats != st || s.memo.m == nil {
		s.memo.stats, s.memo.m = st, map[string]any{}
	}
	v, ok := s.memo.m[key]
	s.memo.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err = f()
	if err != nil {
		return nil, err
	}
	s.memo.mu.Lock()
	if s.memo.stats == st && len(s.memo.m) < 1000 {
		s.memo.m[key] = v
	}
	s.memo.mu.Unlock()
	return v, nil
}

// Actor and Link are the store's aggregates as the API returns them.
type (
	Actor = store.Actor
	Link  = store.Link
)

// PairCount is a pair of countries and how many engagements involve both.
type PairCount struct {
	Pair  string `json:"pair"`
	Count int    `json:"count"`
}

// Item is an engagement as the timeline shows it: everything but the
// sources' evidence, which the detail route gives.
type Item struct {
	ID           int64                    `json:"id"`
	Kind         engagement.Kind          `json:"kind"`
	Mode         engagement.Mode          `json:"mode"`
	Status       engagement.Status        `json:"status"`
	Date         string                   `json:"date"`
	DateEnd      string                   `json:"date_end"`
	Location     string                   `json:"location"`
	HostCountry  string                   `json:"host_country"`
	Participants []engagement.Participant `json:"participants"`
	Topics       []string                 `json:"topics"`
	Sources      int                      `json:"sources"`
	Rank         int                      `json:"rank"` // the highest rank present
}

// itemOf is e, which has sources sources, as the timeline shows it.
func itemOf(e *engagement.Engagement, sources int) Item {
	it := Item{ID: e.ID, Kind: e.Kind, Mode: e.Mode, Status: e.Status, Date: e.Date, DateEnd: e.DateEnd, Location: e.Location,
		HostCountry: e.HostCountry, Participants: e.Participants, Topics: e.Topics, Sources: sources}
	for _, p := range e.Participants {
		if p.Rank > 0 && (it.Rank == 0 || p.Rank < it.Rank) {
			it.Rank = p.Rank
		}
	}
	if it.Topics == nil {
		it.Topics = []string{}
	}
	return it
}

func trimLower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
