package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"bilat/internal/analyse"
	"bilat/internal/engagement"
	"bilat/internal/store"
)

// routes registers every route. Each API route reads only.
//
// Cost: /api/pairs and /api/actors are aggregated by the store (Pairs,
// Actors) without decoding engagement records; /api/timeline loads the
// pair's engagements only, without their sources (store.Records), and
// /api/signals those plus the visits and meetings that can place a caller
// of one of the pair's calls (store.Encounters). Their results are cached
// until the store's counts change.
func (s *Server) routes() {
	static, _ := fs.Sub(staticFS, "static")
	files := http.FileServerFS(static)
	// The embedded files have no dates: an ETag (their hash) lets a browser
	// keep them, asking again each time (no-cache) and getting a 304 while
	// the binary is the same, and reuse the code it compiled from them.
	tags := staticTags()
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if tag, ok := tags[r.URL.Path]; ok {
			w.Header().Set("ETag", tag)
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})))
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(s.indexPage(r))
	})

	s.mux.HandleFunc("GET /api/engagements", s.api(s.engagements))
	s.mux.HandleFunc("GET /api/engagements/{id}", s.api(s.engagement))
	s.mux.HandleFunc("GET /api/actors", s.api(s.actors))
	s.mux.HandleFunc("GET /api/pairs", s.api(s.pairs))
	s.mux.HandleFunc("GET /api/timeline", s.api(s.timeline))
	s.mux.HandleFunc("GET /api/signals", s.api(s.signals))
	s.mux.HandleFunc("GET /api/stats", s.api(func(r *http.Request) (any, error) { return s.st.Stats(r.Context()) }))
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, http.StatusMethodNotAllowed, "this API is read-only: use GET")
			return
		}
		writeError(w, http.StatusNotFound, "no such route: see the README for the API")
	})
}

// staticTags are the ETags of the embedded static files, by path.
var staticTags = sync.OnceValue(func() map[string]string {
	static, _ := fs.Sub(staticFS, "static")
	return etags(static)
})

// etags hashes every file of fsys, by path.
func etags(fsys fs.FS) map[string]string {
	tags := map[string]string{}
	_ = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		tags[path] = `"` + hex.EncodeToString(sum[:12]) + `"`
		return nil
	})
	return tags
}

// indexPage is the dashboard's page with the busiest pair on its body
// (data-pair), so the page asks for that pair's data at once, beside the
// list of pairs, instead of after it. Without pairs (or when they cannot
// be read), the page as it is: it then waits for the list.
func (s *Server) indexPage(r *http.Request) []byte {
	page, err := fs.ReadFile(staticFS, "static/index.html")
	if err != nil {
		return nil
	}
	ps, err := s.pairList(r.Context())
	if err != nil || len(ps) == 0 {
		return page
	}
	return bytes.Replace(page, []byte("<body>"), []byte(`<body data-pair="`+html.EscapeString(ps[0].Pair)+`">`), 1)
}

// EngagementsPage is one page of engagements.
type EngagementsPage struct {
	Engagements []engagement.Engagement `json:"engagements"`
	Limit       int                     `json:"limit"`
	Offset      int                     `json:"offset"`
	More        bool                    `json:"more"` // another page follows
}

func (s *Server) engagements(r *http.Request) (any, error) {
	q := r.URL.Query()
	f, err := filterOf(q)
	if err != nil {
		return nil, err
	}
	limit, offset := DefaultLimit, 0
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > MaxLimit {
			return nil, badRequest("limit %q: want 1 to %d", v, MaxLimit)
		}
	}
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return nil, badRequest("offset %q: want a number ≥ 0", v)
		}
	}
	f.Limit, f.Offset = limit+1, offset
	es, err := s.st.Engagements(r.Context(), f)
	if err != nil {
		return nil, err
	}
	page := EngagementsPage{Engagements: es, Limit: limit, Offset: offset}
	if len(es) > limit {
		page.Engagements, page.More = es[:limit], true
	}
	return page, nil
}

func (s *Server) engagement(r *http.Request) (any, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return nil, badRequest("engagement id %q: want a positive number", r.PathValue("id"))
	}
	return s.st.Engagement(r.Context(), id)
}

// Actors is the actor list and, between them, who engaged whom: the
// MaxLinks strongest links, of LinksTotal.
type Actors struct {
	Actors     []Actor `json:"actors"`
	Links      []Link  `json:"links"`
	LinksTotal int     `json:"links_total"`
}

func (s *Server) actors(r *http.Request) (any, error) {
	f, err := filterOf(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return s.cached(r.Context(), "actors?"+r.URL.RawQuery, func() (any, error) {
		as, ls, n, err := s.st.Actors(r.Context(), f, MaxLinks)
		if err != nil {
			return nil, err
		}
		return Actors{as, ls, n}, nil
	})
}

func (s *Server) pairs(r *http.Request) (any, error) {
	ps, err := s.pairList(r.Context())
	if err != nil {
		return nil, err
	}
	return map[string]any{"pairs": ps}, nil
}

// pairList is every pair with its count, busiest first.
func (s *Server) pairList(ctx context.Context) ([]PairCount, error) {
	v, err := s.cached(ctx, "pairs", func() (any, error) {
		ps, err := s.st.Pairs(ctx)
		if err != nil {
			return nil, err
		}
		out := make([]PairCount, len(ps))
		for i, x := range ps {
			out[i] = PairCount(x)
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]PairCount), nil
}

// Timeline is a pair's engagements in date order with the level of contact
// per month.
type Timeline struct {
	Pair        string          `json:"pair"`
	Engagements []Item          `json:"engagements"`
	Levels      []analyse.Level `json:"levels"`
	Counts      analyse.Counts  `json:"counts"`
}

func (s *Server) timeline(r *http.Request) (any, error) {
	q := r.URL.Query()
	p, f, err := pairFilter(q)
	if err != nil {
		return nil, err
	}
	return s.cached(r.Context(), "timeline?"+r.URL.RawQuery, func() (any, error) {
		es, ns, err := s.st.Records(r.Context(), f)
		if err != nil {
			return nil, err
		}
		t := Timeline{Pair: p.String(), Engagements: make([]Item, len(es)), Levels: analyse.Levels(es, p), Counts: analyse.Count(es, p)}
		for i := range es {
			t.Engagements[i] = itemOf(&es[i], ns[i])
		}
		return t, nil
	})
}

func (s *Server) signals(r *http.Request) (any, error) {
	q := r.URL.Query()
	p, f, err := pairFilter(q)
	if err != nil {
		return nil, err
	}
	return s.cached(r.Context(), "signals?"+r.URL.RawQuery, func() (any, error) {
		all, err := signalEngagements(r.Context(), s.st, p, f)
		if err != nil {
			return nil, err
		}
		return analyse.Analyse(all, p, s.opt.Now(), s.opt.Offices), nil
	})
}

// pairFilter reads the required pair and the optional dates.
func pairFilter(q url.Values) (analyse.Pair, store.Filter, error) {
	for k := range q {
		if k != "pair" && k != "from" && k != "to" {
			return analyse.Pair{}, store.Filter{}, badRequest("unknown parameter %q: want pair, from, to", k)
		}
	}
	if q.Get("pair") == "" {
		return analyse.Pair{}, store.Filter{}, badRequest("pair is required, like pair=PAK-USA")
	}
	f, err := filterOf(q)
	if err != nil {
		return analyse.Pair{}, f, err
	}
	return analyse.Pair(f.Pair), f, nil
}

var filterParams = map[string]bool{"pair": true, "country": true, "actor": true, "kind": true, "mode": true, "status": true,
	"from": true, "to": true, "q": true, "limit": true, "offset": true}

// filterOf reads the engagement filters of a query; unknown parameters are
// errors, so a typo does not silently return everything.
func filterOf(q url.Values) (store.Filter, error) {
	var f store.Filter
	for k, vs := range q {
		if !filterParams[k] {
			return f, badRequest("unknown parameter %q", k)
		}
		if len(vs) > 1 {
			return f, badRequest("parameter %q given %d times", k, len(vs))
		}
		if len(vs[0]) > MaxParamLength {
			return f, badRequest("parameter %q longer than %d bytes", k, MaxParamLength)
		}
	}
	if v := q.Get("pair"); v != "" {
		p, err := analyse.ParsePair(v)
		if err != nil {
			return f, badRequest("%v", err)
		}
		f.Pair = p
	}
	if v := strings.ToUpper(strings.TrimSpace(q.Get("country"))); v != "" {
		if len(v) != 3 {
			return f, badRequest("country %q: want an ISO 3166-1 alpha-3 code, like PAK", v)
		}
		f.Country = v
	}
	f.Kind = engagement.Kind(trimLower(q.Get("kind")))
	switch f.Kind {
	case "", engagement.Call, engagement.Meeting, engagement.Visit:
	default:
		return f, badRequest("kind %q: want call, meeting or visit", f.Kind)
	}
	f.Mode = engagement.Mode(trimLower(q.Get("mode")))
	switch f.Mode {
	case "", engagement.Phone, engagement.Video, engagement.InPerson:
	default:
		return f, badRequest("mode %q: want phone, video or in_person", f.Mode)
	}
	f.Status = engagement.Status(trimLower(q.Get("status")))
	switch f.Status {
	case "", engagement.Occurred, engagement.Planned, engagement.Cancelled:
	default:
		return f, badRequest("status %q: want occurred, planned or cancelled", f.Status)
	}
	f.Actor = strings.TrimSpace(q.Get("actor"))
	f.Query = strings.TrimSpace(q.Get("q"))
	var err error
	if f.From, err = engagement.ParseDate(q.Get("from")); err != nil {
		return f, badRequest("from: %v", err)
	}
	if f.To, err = engagement.ParseDate(q.Get("to")); err != nil {
		return f, badRequest("to: %v", err)
	}
	return f, nil
}
