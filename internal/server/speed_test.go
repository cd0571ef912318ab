package server

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bilat/internal/actors"
	"bilat/internal/analyse"
	"bilat/internal/engagement"
	"bilat/internal/store"
	"bilat/internal/store/sqlite"
	"bilat/internal/store/storetest"
)

// The speed tests run against a large database named by BILAT_SPEED_DB,
// built with
//
//	go build -o /tmp/bilat ./cmd/bilat && /tmp/bilat bench --docs 100000 --keep --db /tmp/api100k.db
//	BILAT_SPEED_DB=/tmp/api100k.db go test ./internal/server -run Speed -v -count=1
//
// and are skipped without it. BILAT_SHOTS=DIR also writes a screenshot of
// each dashboard view there.

func speedServer(t *testing.T) (*sqlite.DB, Options) {
	t.Helper()
	path := os.Getenv("BILAT_SPEED_DB")
	if path == "" {
		t.Skip("BILAT_SPEED_DB not set: build a database with 'bilat bench --keep' to run the speed tests")
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	lex, err := actors.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return db, Options{Offices: analyse.Offices(lex)}
}

// speedLimit is issue 5's target for every API route.
const speedLimit = 50 * time.Millisecond

// TestSpeedAPI times every route: the first request of each on a fresh
// server (nothing cached), then 200 varied requests each, once with the
// server's cache and once with none (a fresh server per request).
func TestSpeedAPI(t *testing.T) {
	db, opt := speedServer(t)
	get := func(h http.Handler, path string) time.Duration {
		t.Helper()
		r := httptest.NewRequest(http.MethodGet, path, nil)
		w := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(w, r)
		d := time.Since(start)
		if w.Code != 200 {
			t.Fatalf("GET %s: %d %s", path, w.Code, w.Body)
		}
		return d
	}
	// Inputs drawn from the data: pairs big and small, ids, countries, names.
	var ps struct{ Pairs []PairCount }
	w := httptest.NewRecorder()
	New(db, opt).Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/api/pairs", nil))
	if err := json.Unmarshal(w.Body.Bytes(), &ps); err != nil || len(ps.Pairs) == 0 {
		t.Fatalf("pairs: %v %s", err, w.Body)
	}
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	pair := func() string {
		if r.IntN(2) == 0 { // half the time one of the 10 biggest
			return ps.Pairs[r.IntN(min(10, len(ps.Pairs)))].Pair
		}
		return ps.Pairs[r.IntN(min(200, len(ps.Pairs)))].Pair
	}
	dates := func() string {
		y := 2015 + r.IntN(10)
		return fmt.Sprintf("&from=%d-%02d&to=%d-12-31", y, 1+r.IntN(12), y+r.IntN(3))
	}
	countries := []string{"USA", "PAK", "IND", "CHN", "GBR", "FRA", "DEU", "JPN", "TUR", "SAU"}
	words := []string{"visit", "telephone", "met", "Minister", "talks", "Islamabad", "trade"}
	names := []string{"Rubio", "Dar", "Modi", "Wang", "Lammy", "Sharif", "Trump"}
	routes := []struct {
		name string
		path func(i int) string
	}{
		{"engagements", func(i int) string {
			switch i % 8 {
			case 0:
				return "/api/engagements?pair=" + pair()
			case 1:
				return "/api/engagements?pair=" + pair() + dates()
			case 2:
				return fmt.Sprintf("/api/engagements?pair=%s&offset=%d", pair(), 50*r.IntN(10))
			case 3:
				return "/api/engagements?country=" + countries[r.IntN(len(countries))] + "&kind=" + []string{"call", "meeting", "visit"}[r.IntN(3)]
			case 4:
				return "/api/engagements?q=" + words[r.IntN(len(words))]
			case 5:
				return "/api/engagements?actor=" + names[r.IntN(len(names))]
			case 6:
				return fmt.Sprintf("/api/engagements?offset=%d&limit=100", r.IntN(int(st.Engagements)))
			}
			return "/api/engagements?status=planned" + dates()
		}},
		{"engagement", func(int) string { return fmt.Sprintf("/api/engagements/%d", 1+r.Int64N(st.Engagements)) }},
		{"actors", func(i int) string {
			switch i % 5 {
			case 0, 1:
				return "/api/actors?pair=" + pair()
			case 2:
				return "/api/actors?pair=" + pair() + dates()
			case 3:
				return "/api/actors?country=" + countries[r.IntN(len(countries))]
			}
			return "/api/actors"
		}},
		{"pairs", func(int) string { return "/api/pairs" }},
		{"timeline", func(i int) string {
			if i%3 == 2 {
				return "/api/timeline?pair=" + pair() + dates()
			}
			return "/api/timeline?pair=" + pair()
		}},
		{"signals", func(i int) string {
			if i%3 == 2 {
				return "/api/signals?pair=" + pair() + dates()
			}
			return "/api/signals?pair=" + pair()
		}},
		{"stats", func(int) string { return "/api/stats" }},
	}
	n := 200
	if v, err := strconv.Atoi(os.Getenv("BILAT_SPEED_N")); err == nil && v > 0 {
		n = v
	}
	t.Logf("%d engagements; %d requests per route", st.Engagements, n)
	t.Logf("%-12s %9s | %27s | %27s", "route", "cold", "cached: p50 / p95 / p99", "uncached: p50 / p95 / p99")
	for _, rt := range routes {
		cold := get(New(db, opt).Handler(), rt.path(0))
		h := New(db, opt).Handler()
		var cached, uncached []time.Duration
		for i := range n {
			cached = append(cached, get(h, rt.path(i)))
		}
		for i := range n {
			uncached = append(uncached, get(New(db, opt).Handler(), rt.path(i)))
		}
		c, u := percentiles(cached), percentiles(uncached)
		t.Logf("%-12s %9s | %s | %s", rt.name, ms(cold), c, u)
		if c.p95 > speedLimit {
			t.Errorf("%s: p95 %s with the cache, want < %s", rt.name, ms(c.p95), ms(speedLimit))
		}
		if u.p95 > speedLimit {
			t.Errorf("%s: p95 %s without the cache, want < %s", rt.name, ms(u.p95), ms(speedLimit))
		}
	}
}

type pcts struct{ p50, p95, p99 time.Duration }

func percentiles(ds []time.Duration) pcts {
	s := slices.Clone(ds)
	slices.Sort(s)
	at := func(q float64) time.Duration { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return pcts{at(0.50), at(0.95), at(0.99)}
}

func (p pcts) String() string { return fmt.Sprintf("%7s / %7s / %7s", ms(p.p50), ms(p.p95), ms(p.p99)) }

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }

// TestSpeedDashboard times the dashboard's first view on a fresh server
// (nothing cached): from navigation to every chart drawn and the list
// filled, at desktop and phone widths.
func TestSpeedDashboard(t *testing.T) {
	db, opt := speedServer(t)
	shots := os.Getenv("BILAT_SHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	shot := func(ctx context.Context, name string, full bool) {
		if shots == "" {
			return
		}
		a := chromedp.CaptureScreenshot() // what the viewport shows: the dialog over the page
		if full {
			a = chromedp.FullScreenshot(100)
		}
		png, err := chromedp.Run(ctx, a)
		if err != nil {
			t.Errorf("screenshot %s: %v", name, err)
			return
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Error(err)
		}
	}
	for _, vp := range []struct {
		name string
		w, h int64
	}{{"desktop", 1366, 900}, {"phone", 390, 844}} {
		t.Run(vp.name, func(t *testing.T) {
			ctx := browser(t)
			mobile := vp.w < 600
			if err := chromedp.Do(ctx, viewport(vp.w, vp.h, mobile)); err != nil {
				t.Fatal(err)
			}
			// Start the browser (process, first tab) on a blank page.
			if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
				t.Fatal(err)
			}
			// view loads the dashboard and returns the time from navigation
			// to every chart drawn and the list filled, as the page measured
			// it (data-first-view) and as seen from here.
			view := func(url, label string) (page, wall time.Duration) {
				start := time.Now()
				do(t, ctx, label,
					chromedp.Navigate(url),
					chromedp.WaitVisible(chromedp.CSS(ready)),
					chromedp.WaitVisible(chromedp.CSS(`#timeline canvas`)),
					chromedp.WaitVisible(chromedp.CSS(`#levels canvas`)),
					chromedp.WaitVisible(chromedp.CSS(`#network canvas`)),
					chromedp.WaitVisible(chromedp.CSS(`#topics canvas`)),
					chromedp.WaitVisible(chromedp.CSS(`#list li`)),
				)
				wall = time.Since(start)
				n, err := strconv.Atoi(attr(t, ctx, "body", "data-first-view"))
				if err != nil {
					t.Fatalf("data-first-view: %v", err)
				}
				timings(t, ctx)
				return time.Duration(n) * time.Millisecond, wall
			}
			// Each server has its own port, so the browser has not seen its
			// scripts: no compiled-code cache.
			cold := httptest.NewServer(New(db, opt).Handler())
			defer cold.Close()
			coldPage, coldWall := view(cold.URL+"/", "first view, nothing cached")
			warmed := New(db, opt)
			ws := time.Now()
			if err := warmed.Warm(context.Background()); err != nil {
				t.Fatal(err)
			}
			warmTook := time.Since(ws)
			ts := httptest.NewServer(warmed.Handler())
			defer ts.Close()
			page, wall := view(ts.URL+"/", "first view, server warmed")
			againPage, againWall := view(ts.URL+"/", "second view")
			t.Logf("%s %dx%d first view (navigation → charts drawn and list filled; in page / seen by the test):", vp.name, vp.w, vp.h)
			t.Logf("  server cache empty:              %s / %s", ms(coldPage), ms(coldWall))
			t.Logf("  server warmed as serve does (%s): %s / %s", ms(warmTook), ms(page), ms(wall))
			t.Logf("  again (browser caches warm):     %s / %s", ms(againPage), ms(againWall))
			if n := attr(t, ctx, "#list", "data-count"); n == "" || n == "0" {
				t.Errorf("list: %q items", n)
			}
			if status := text(t, ctx, "#status"); strings.HasPrefix(status, "Error") {
				t.Errorf("status: %s", status)
			}
			if page > time.Second {
				t.Errorf("%s first view %s, want < 1s", vp.name, ms(page))
			}
			time.Sleep(300 * time.Millisecond) // let the force layout settle for the picture
			shot(ctx, vp.name+"-overview", true)
			do(t, ctx, "open an engagement",
				chromedp.Click(chromedp.CSS(`#list li:nth-child(1)`)),
				chromedp.WaitVisible(chromedp.CSS(`#detail-body mark.evidence`)),
			)
			shot(ctx, vp.name+"-detail", false)
		})
	}
}

func viewport(w, h int64, mobile bool) chromedp.Action[chromedp.Void] {
	if mobile {
		return chromedp.EmulateViewport(w, h, chromedp.EmulateMobile, chromedp.EmulateScale(2))
	}
	return chromedp.EmulateViewport(w, h, chromedp.EmulateScale(1))
}

// TestSpeedSameResults checks on the large database that the routes' fast
// paths give what the full scans they replace give: pairs, actors, and the
// signals computed over every engagement of both countries.
func TestSpeedSameResults(t *testing.T) {
	db, opt := speedServer(t)
	ctx := context.Background()
	every, err := db.Engagements(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := db.Pairs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := store.PairsOf(every); !reflect.DeepEqual(ps, want) {
		t.Errorf("Pairs differs from PairsOf over %d engagements", len(every))
	}
	// the actors of everything and of a country, from the actor tables
	for _, c := range []string{"", "USA", "PAK", "NOR"} {
		es := every
		if c != "" {
			if es, err = db.Engagements(ctx, store.Filter{Country: c}); err != nil {
				t.Fatal(err)
			}
		}
		as, ls, n, err := db.Actors(ctx, store.Filter{Country: c}, 0)
		if err != nil {
			t.Fatal(err)
		}
		wa, wl := store.ActorsOf(es)
		if !reflect.DeepEqual(as, wa) || !reflect.DeepEqual(ls, wl) || n != len(wl) {
			t.Errorf("country %q: actors differ from ActorsOf over %d engagements", c, len(es))
		}
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, pc := range ps[:min(25, len(ps))] {
		p, err := analyse.ParsePair(pc.Pair)
		if err != nil {
			t.Fatal(err)
		}
		f := store.Filter{Pair: p}
		if i%2 == 1 {
			f.From, f.To = storetest.Date("2018-03"), storetest.Date("2021")
		}
		// the old way: both countries' engagements in full
		g := f
		g.Pair = [2]string{}
		seen := map[int64]bool{}
		var old []engagement.Engagement
		for _, c := range p {
			g.Country = c
			es, err := db.Engagements(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range es {
				if !seen[e.ID] {
					seen[e.ID] = true
					old = append(old, e)
				}
			}
		}
		fast, err := signalEngagements(ctx, db, p, f)
		if err != nil {
			t.Fatal(err)
		}
		a, b := analyse.Analyse(old, p, now, opt.Offices), analyse.Analyse(fast, p, now, opt.Offices)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s %v: signals differ (%d engagements of both countries, %d loaded)", pc.Pair, f, len(old), len(fast))
		}
		pairOnly, err := db.Engagements(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		as, ls, _, err := db.Actors(ctx, f, 0)
		if err != nil {
			t.Fatal(err)
		}
		wa, wl := store.ActorsOf(pairOnly)
		if !reflect.DeepEqual(as, wa) || !reflect.DeepEqual(ls, wl) {
			t.Errorf("%s: actors differ", pc.Pair)
		}
		t.Logf("%s: %d engagements of both countries, %d loaded for the signals, %d co-located calls", pc.Pair, len(old), len(fast), len(b.CoLocated))
	}
}

// timings logs, with BILAT_SPEED_VERBOSE set, when the page's requests
// started and how long they took.
func timings(t *testing.T, ctx context.Context) {
	if os.Getenv("BILAT_SPEED_VERBOSE") == "" {
		return
	}
	res, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(performance.getEntriesByType("resource").map(e => [e.name.replace(location.origin, ""), Math.round(e.startTime), Math.round(e.duration), e.transferSize])) + " dom=" + document.getElementsByTagName("*").length + " h=" + document.body.scrollHeight`))
	t.Logf("requests (path, start, duration, bytes): %s", res)
	res, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(performance.getEntriesByType("measure").map(e => [e.name, Math.round(e.startTime), Math.round(e.duration)]).concat(performance.getEntriesByType("mark").map(e => [e.name, Math.round(e.startTime)])))`))
	t.Logf("drawing (step, start, duration): %s", res)
}
