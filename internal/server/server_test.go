package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bilat/internal/engagement"
	"bilat/internal/store"
	"bilat/internal/store/sqlite"
	"bilat/internal/store/storetest"
)

// MustOpenDB returns a temporary SQLite store holding items.
func MustOpenDB(t testing.TB, items []store.Item) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Put(context.Background(), items); err != nil {
		t.Fatal(err)
	}
	return db
}

func newTestServer(t *testing.T) *httptest.Server {
	db := MustOpenDB(t, storetest.Fixture())
	s := New(db, Options{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }})
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func getJSON(t *testing.T, ts *httptest.Server, path string, wantStatus int, v any) {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, wantStatus, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q", path, ct)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v: %s", path, err, body)
		}
	}
}

func TestEngagements(t *testing.T) {
	ts := newTestServer(t)
	tests := []struct {
		query string
		n     int
		more  bool
	}{
		{"", 5, false},
		{"?pair=PAK-USA", 4, false},
		{"?pair=usa-pak", 4, false},
		{"?country=CHN", 1, false},
		{"?actor=rubio", 1, false},
		{"?kind=meeting", 3, false},
		{"?mode=phone", 1, false},
		{"?status=planned", 0, false},
		{"?from=2025-08&to=2025-12", 2, false},
		{"?q=telephone", 1, false},
		{"?q=Dar", 3, false},
		{"?pair=PAK-USA&limit=2", 2, true},
		{"?pair=PAK-USA&limit=2&offset=2", 2, false},
		{"?pair=PAK-USA&limit=2&offset=10", 0, false},
	}
	for _, tc := range tests {
		var page EngagementsPage
		getJSON(t, ts, "/api/engagements"+tc.query, 200, &page)
		if len(page.Engagements) != tc.n || page.More != tc.more {
			t.Errorf("%s: %d engagements, more=%v; want %d, %v", tc.query, len(page.Engagements), page.More, tc.n, tc.more)
		}
	}
}

func TestErrors(t *testing.T) {
	ts := newTestServer(t)
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/api/engagements?pair=PAK", 400},
		{"/api/engagements?kind=lunch", 400},
		{"/api/engagements?mode=fax", 400},
		{"/api/engagements?status=maybe", 400},
		{"/api/engagements?from=yesterday", 400},
		{"/api/engagements?country=PAKI", 400},
		{"/api/engagements?limit=0", 400},
		{"/api/engagements?limit=100000", 400},
		{"/api/engagements?offset=-1", 400},
		{"/api/engagements?colour=red", 400},
		{"/api/engagements?kind=call&kind=visit", 400},
		{"/api/engagements?q=" + strings.Repeat("x", MaxParamLength+1), 400},
		{"/api/engagements?q=" + strings.Repeat("x", MaxQueryLength+1), 414},
		{"/api/engagements/abc", 400},
		{"/api/engagements/999999", 404},
		{"/api/timeline", 400},
		{"/api/signals?pair=PAK-PAK", 400},
		{"/api/signals?pair=PAK-USA&limit=3", 400},
		{"/api/nothing", 404},
	} {
		var e errorBody
		getJSON(t, ts, tc.path, tc.status, &e)
		if e.Status != tc.status || e.Error == "" {
			t.Errorf("%s: body %+v", tc.path, e)
		}
	}
	resp, err := http.Post(ts.URL+"/api/engagements", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge && resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodDelete, ts.URL+"/api/engagements/1", nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE: status %d, want 405", resp.StatusCode)
	}
}

func TestEngagementDetailEscapesEvidence(t *testing.T) {
	ts := newTestServer(t)
	var page EngagementsPage
	getJSON(t, ts, "/api/engagements?q=Islamabad", 200, &page)
	if len(page.Engagements) != 1 {
		t.Fatalf("search: %d engagements", len(page.Engagements))
	}
	id := page.Engagements[0].ID
	resp, err := http.Get(ts.URL + "/api/engagements/" + itoa(id))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(raw), "<script>") || strings.Contains(string(raw), "<b>") {
		t.Errorf("raw markup in JSON: %s", raw)
	}
	var e engagement.Engagement
	if err := json.Unmarshal(raw, &e); err != nil {
		t.Fatal(err)
	}
	if len(e.Sources) != 1 || e.Sources[0].Evidence != storetest.Hostile || e.Sources[0].Start <= 0 || e.Sources[0].End <= e.Sources[0].Start {
		t.Errorf("sources = %+v", e.Sources)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("security headers missing: %v", resp.Header)
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestActorsAndPairs(t *testing.T) {
	ts := newTestServer(t)
	var as Actors
	getJSON(t, ts, "/api/actors?pair=PAK-USA", 200, &as)
	if len(as.Actors) != 6 || as.Actors[0].Name != "Ishaq Dar" || as.Actors[0].Count != 3 {
		t.Errorf("actors = %+v", as.Actors)
	}
	found := false
	for _, l := range as.Links {
		if l.A == "Ishaq Dar" && l.B == "Marco Rubio" && l.Count == 1 {
			found = true
		}
		if l.A == "Asim Munir" && l.B == "Ishaq Dar" {
			t.Errorf("link between two people of one country: %+v", l)
		}
	}
	if !found {
		t.Errorf("links = %+v", as.Links)
	}
	var ps struct{ Pairs []PairCount }
	getJSON(t, ts, "/api/pairs", 200, &ps)
	want := []PairCount{{"PAK-USA", 4}, {"CHN-IND", 1}}
	if len(ps.Pairs) != 2 || ps.Pairs[0] != want[0] || ps.Pairs[1] != want[1] {
		t.Errorf("pairs = %+v, want %+v", ps.Pairs, want)
	}
}

func TestTimelineAndSignals(t *testing.T) {
	ts := newTestServer(t)
	var tl Timeline
	getJSON(t, ts, "/api/timeline?pair=PAK-USA", 200, &tl)
	if len(tl.Engagements) != 4 || tl.Counts.Total != 4 || len(tl.Levels) != 3 {
		t.Fatalf("timeline = %+v", tl)
	}
	if tl.Engagements[0].Kind != engagement.Visit || tl.Engagements[0].Sources != 1 || tl.Engagements[0].Rank != 2 {
		t.Errorf("first item = %+v", tl.Engagements[0])
	}
	getJSON(t, ts, "/api/timeline?pair=PAK-USA&from=2025-09", 200, &tl)
	if len(tl.Engagements) != 2 {
		t.Errorf("from 2025-09: %d engagements", len(tl.Engagements))
	}
	var sig struct {
		Pair        string
		Asymmetries []struct{ Engagement int64 }
		Colocated   []struct{ Call int64 } `json:"colocated_calls"`
		Reciprocity []struct {
			Year int
			AtoB int `json:"a_to_b"`
		}
		Silences []struct {
			MaxRank   int `json:"max_rank"`
			DaysSince int `json:"days_since"`
		}
		Topics []struct{ Topic string }
	}
	getJSON(t, ts, "/api/signals?pair=PAK-USA", 200, &sig)
	if sig.Pair != "PAK-USA" || len(sig.Asymmetries) != 1 || len(sig.Colocated) != 1 || len(sig.Reciprocity) != 1 || sig.Reciprocity[0].AtoB != 1 {
		t.Errorf("signals = %+v", sig)
	}
	if len(sig.Silences) != 2 || sig.Silences[0].DaysSince != 98 {
		t.Errorf("silences = %+v", sig.Silences)
	}
}

func TestDashboardServed(t *testing.T) {
	ts := newTestServer(t)
	for _, p := range []string{"/", "/static/app.js", "/static/app.css", "/static/vendor/echarts.min.js"} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s: %d", p, resp.StatusCode)
		}
		if p == "/" {
			// the busiest pair is named on the page, so its data is asked for at once
			if !strings.Contains(string(body), `<body data-pair="PAK-USA">`) {
				t.Errorf("GET /: no busiest pair on the body: %.300s", body)
			}
			continue
		}
		// a static file is kept by the browser, and asked for again with its tag
		tag := resp.Header.Get("ETag")
		if tag == "" {
			t.Errorf("GET %s: no ETag", p)
			continue
		}
		req, _ := http.NewRequest(http.MethodGet, ts.URL+p, nil)
		req.Header.Set("If-None-Match", tag)
		again, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		again.Body.Close()
		if again.StatusCode != http.StatusNotModified {
			t.Errorf("GET %s again with its ETag: %d, want 304", p, again.StatusCode)
		}
	}
}

func TestNoInnerHTMLInDashboard(t *testing.T) {
	b, err := staticFS.ReadFile("static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"} {
		if strings.Contains(string(b), bad) {
			t.Errorf("app.js uses %s: data must be set with textContent", bad)
		}
	}
}
