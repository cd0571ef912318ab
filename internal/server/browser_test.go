package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"bilat/internal/store/storetest"
)

// browser starts headless Chromium, or skips the test when none is installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("no chromium on PATH: install Debian's chromium to run the browser tests")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.WindowSize(1280, 1000),
	}
	// The timeout bounds the whole browser: it stops with the test.
	tctx, cancelT := context.WithTimeout(context.Background(), 90*time.Second)
	actx, cancelA := chromedp.NewExecAllocator(tctx, opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA(); cancelT() })
	return ctx
}

// fail writes a screenshot of the page and stops the test.
func fail(t *testing.T, ctx context.Context, step string, err error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), strings.ReplaceAll(t.Name(), "/", "_")+".png")
	if png, serr := chromedp.Run(ctx, chromedp.FullScreenshot(80)); serr == nil && os.WriteFile(path, png, 0o644) == nil {
		t.Fatalf("%s: %v (screenshot: %s)", step, err, path)
	}
	t.Fatalf("%s: %v", step, err)
}

func do(t *testing.T, ctx context.Context, step string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		fail(t, ctx, step, err)
	}
}

func attr(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	r, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(sel), name))
	if err != nil {
		fail(t, ctx, sel+" "+name, err)
	}
	return r.Value
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		fail(t, ctx, sel, err)
	}
	return s
}

const ready = `body[data-state="ready"]`

func TestDashboardInBrowser(t *testing.T) {
	ctx := browser(t)
	ts := newTestServer(t)
	do(t, ctx, "load PAK-USA",
		chromedp.Navigate(ts.URL+"/?pair=PAK-USA"),
		chromedp.WaitVisible(chromedp.CSS(ready)),
		chromedp.WaitVisible(chromedp.CSS(`#timeline canvas`)),
		chromedp.WaitVisible(chromedp.CSS(`#levels canvas`)),
		chromedp.WaitVisible(chromedp.CSS(`#network canvas`)),
		chromedp.WaitVisible(chromedp.CSS(`#topics canvas`)),
	)
	got := []string{attr(t, ctx, "#timeline", "data-count"), attr(t, ctx, "#levels", "data-count"), attr(t, ctx, "#network", "data-count"),
		attr(t, ctx, "#counts", "data-total"), attr(t, ctx, "#list", "data-count")}
	if strings.Join(got, ",") != "4,3,6,4,4" {
		t.Errorf("PAK-USA: timeline, levels, network, total, list = %v; want 4,3,6,4,4", got)
	}
	if s := text(t, ctx, "#signals"); !strings.Contains(s, "phoned while on a visit") || !strings.Contains(s, "Allison Hooker") {
		t.Errorf("signals text: %q", s)
	}

	// Changing the dates changes the list and the charts.
	do(t, ctx, "dates",
		chromedp.SetValue(chromedp.CSS(`#from`), "2025-09-01"),
		chromedp.Click(chromedp.CSS(`#controls button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#list[data-count="2"]`)),
	)
	if n := attr(t, ctx, "#timeline", "data-count"); n != "2" {
		t.Errorf("from 2025-09-01: timeline %s, want 2", n)
	}

	// Changing the pair changes them too.
	do(t, ctx, "pair",
		chromedp.SetValue(chromedp.CSS(`#from`), ""),
		chromedp.SetValue(chromedp.CSS(`#pair`), "CHN-IND"),
		chromedp.Click(chromedp.CSS(`#controls button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#list[data-count="1"]`)),
	)
	if n := attr(t, ctx, "#timeline", "data-count"); n != "1" {
		t.Errorf("CHN-IND: timeline %s, want 1", n)
	}
}

func TestHostileEvidenceShownAsText(t *testing.T) {
	ctx := browser(t)
	ts := newTestServer(t)
	do(t, ctx, "open the engagement with hostile evidence",
		chromedp.Navigate(ts.URL+"/?pair=PAK-USA"),
		chromedp.WaitVisible(chromedp.CSS(ready)),
		chromedp.WaitVisible(chromedp.CSS(`#list li`)),
		chromedp.Click(chromedp.CSS(`#list li:nth-child(4)`)),
		chromedp.WaitVisible(chromedp.CSS(`#detail-body mark.evidence`)),
	)
	if ev := text(t, ctx, "#detail-body mark.evidence"); ev != storetest.Hostile {
		t.Errorf("evidence shown as %q, want the text %q", ev, storetest.Hostile)
	}
	if title := text(t, ctx, "#detail-body .source a"); title != `Hooker in Islamabad <b>markup</b>` {
		t.Errorf("title shown as %q", title)
	}
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.pwned !== undefined || document.querySelector('#detail-body script, #detail-body img, #detail-body b') !== null`))
	if err != nil {
		fail(t, ctx, "evaluate", err)
	}
	if pwned {
		t.Error("markup from the evidence or the title was parsed or run")
	}
}
