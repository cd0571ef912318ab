// Package report writes the briefing report on a pair of countries: the
// period in numbers, the highest-level contacts, a timeline as inline SVG,
// and the signals, each claim footnoted to the reports behind it.
package report

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"bilat/internal/analyse"
	"bilat/internal/engagement"
)

// Options says what the report covers. From and To only label the period:
// the caller selects the engagements.
type Options struct {
	Pair     analyse.Pair
	From, To string
	Now      time.Time
	Offices  []analyse.Office
}

// Report is the content of a briefing, ready to write as Markdown or HTML.
type Report struct {
	Title     string
	Period    string
	Generated string
	Numbers   []string
	Top       []Claim
	Signals   []Section
	SVG       string
	Notes     []Note
	index     map[int64]int // engagement id → footnote number
	byID      map[int64]*engagement.Engagement
}

// Claim is one sentence and the footnotes that support it.
type Claim struct {
	Text  string
	Notes []int
}

// Section is a group of claims under a heading.
type Section struct {
	Heading string
	Claims  []Claim
}

// Note is a footnote: one engagement and every report of it.
type Note struct {
	N       int
	Summary string
	Sources []engagement.Source
}

// Build analyses es (every engagement of both countries in the period) for
// the pair and lays out the report.
func Build(es []engagement.Engagement, o Options) *Report {
	p := o.Pair
	a := analyse.Analyse(es, p, o.Now, o.Offices)
	r := &Report{Title: fmt.Sprintf("%s–%s relations: briefing", p[0], p[1]), Generated: o.Now.UTC().Format("2006-01-02"),
		index: map[int64]int{}, byID: map[int64]*engagement.Engagement{}}
	for i := range es {
		r.byID[es[i].ID] = &es[i]
	}
	r.Period = periodOf(o.From, o.To)
	c := a.Counts
	r.Numbers = []string{
		fmt.Sprintf("%d engagements between %s and %s (%d occurred, %d planned, %d cancelled)", c.Total, p[0], p[1],
			c.ByStatus["occurred"], c.ByStatus["planned"], c.ByStatus["cancelled"]),
		fmt.Sprintf("%d calls, %d meetings, %d visits", c.ByKind["call"], c.ByKind["meeting"], c.ByKind["visit"]),
	}
	var visitsAB, visitsBA int
	for _, y := range a.Reciprocity {
		visitsAB += y.AtoB
		visitsBA += y.BtoA
	}
	r.Numbers = append(r.Numbers, fmt.Sprintf("visits: %d by %s to %s, %d by %s to %s", visitsAB, p[0], p[1], visitsBA, p[1], p[0]))

	// Highest-level contacts: the occurred engagements whose lower side is
	// highest, best first.
	var pairEs []*engagement.Engagement
	for i := range es {
		e := &es[i]
		cs := e.Countries()
		if e.Status == engagement.Occurred && slices.Contains(cs, p[0]) && slices.Contains(cs, p[1]) {
			pairEs = append(pairEs, e)
		}
	}
	level := func(e *engagement.Engagement) int { return max(topRank(e, p[0]), topRank(e, p[1])) }
	top := slices.Clone(pairEs)
	sort.SliceStable(top, func(i, j int) bool { return level(top[i]) < level(top[j]) })
	for _, e := range top[:min(len(top), 5)] {
		r.Top = append(r.Top, r.claim(summary(e), e.ID))
	}

	var sec []Section
	add := func(h string, cs []Claim) {
		if len(cs) == 0 {
			cs = []Claim{{Text: "None in the period."}}
		}
		sec = append(sec, Section{h, cs})
	}
	var cs []Claim
	for _, s := range a.Silences {
		cs = append(cs, r.claim(s.Note, s.Engagements...))
	}
	add("Silences", cs)
	cs = nil
	for _, x := range a.Asymmetries {
		cs = append(cs, r.claim(x.Note, x.ID))
	}
	for _, s := range a.AsymmetryShare {
		cs = append(cs, Claim{Text: fmt.Sprintf("%d: %d of %d engagements asymmetric (%.0f%%)", s.Year, s.Asymmetric, s.Total, 100*s.Share)})
	}
	add("Protocol asymmetry", cs)
	cs = nil
	for _, x := range a.CoLocated {
		cs = append(cs, r.claim(x.Note, x.IDs...))
	}
	add("Co-located but only phoned", cs)
	cs = nil
	for _, y := range a.Reciprocity {
		var ids []int64
		var who []string
		for _, v := range y.Visits {
			ids = append(ids, v.ID)
			who = append(who, fmt.Sprintf("%s (rank %d) to %s", v.Visitor, v.Rank, v.To))
		}
		cs = append(cs, r.claim(fmt.Sprintf("%d: %d visit(s) by %s, %d by %s: %s", y.Year, y.AtoB, p[0], y.BtoA, p[1], strings.Join(who, "; ")), ids...))
	}
	add("Reciprocity", cs)
	cs = nil
	for _, f := range a.FirstContacts {
		cs = append(cs, r.claim(f.Note, f.IDs...))
	}
	add("First contact after taking office", cs)
	cs = nil
	for _, t := range a.Topics {
		cs = append(cs, r.claim(fmt.Sprintf("%d: %s in %d engagement(s)", t.Year, t.Topic, t.Count), t.IDs...))
	}
	add("Topics", cs)
	r.Signals = sec
	r.SVG = timelineSVG(pairEs)
	return r
}

// claim numbers the footnotes of ids, first use first.
func (r *Report) claim(text string, ids ...int64) Claim {
	c := Claim{Text: text}
	for _, id := range ids {
		n, ok := r.index[id]
		if !ok {
			e := r.byID[id]
			if e == nil {
				continue
			}
			n = len(r.Notes) + 1
			r.index[id] = n
			r.Notes = append(r.Notes, Note{N: n, Summary: fmt.Sprintf("engagement %d: %s", id, summary(e)), Sources: e.Sources})
		}
		if !slices.Contains(c.Notes, n) {
			c.Notes = append(c.Notes, n)
		}
	}
	return c
}

func periodOf(from, to string) string {
	switch {
	case from == "" && to == "":
		return "all dates"
	case from == "":
		return "until " + to
	case to == "":
		return "from " + from
	}
	return from + " to " + to
}

func topRank(e *engagement.Engagement, country string) int {
	best := 9
	for _, p := range e.Participants {
		if p.Country == country && p.Rank > 0 && p.Rank < best {
			best = p.Rank
		}
	}
	return best
}

// bestRank is the highest rank of any participant, 9 when none is known.
func bestRank(e *engagement.Engagement) int {
	best := 9
	for _, p := range e.Participants {
		if p.Rank > 0 && p.Rank < best {
			best = p.Rank
		}
	}
	return best
}

func summary(e *engagement.Engagement) string {
	var ps []string
	for _, p := range e.Participants {
		ps = append(ps, fmt.Sprintf("%s (%s, %s)", p.Name, p.Title, p.Country))
	}
	s := fmt.Sprintf("%s %s: %s", orUndated(e.Date), e.Kind, strings.Join(ps, ", "))
	if e.Location != "" {
		s += " in " + e.Location
	}
	return s
}

func orUndated(d string) string {
	if d == "" {
		return "undated"
	}
	return d
}

// timelineSVG draws the engagements on a time axis, one row per kind, the
// mark's size by the highest rank present. Text is escaped.
func timelineSVG(es []*engagement.Engagement) string {
	type pt struct {
		t    time.Time
		e    *engagement.Engagement
		rank int
	}
	var pts []pt
	for _, e := range es {
		d, err := engagement.ParseDate(e.Date)
		if err != nil || d.Precision() < 2 {
			continue
		}
		pts = append(pts, pt{time.Date(d.Year, time.Month(d.Month), max(d.Day, 1), 0, 0, 0, 0, time.UTC), e, bestRank(e)})
	}
	const w, h, left, right = 720, 150, 70, 20
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="timeline of engagements" font-family="sans-serif" font-size="11">`, w, h, w, h)
	rows := []engagement.Kind{engagement.Call, engagement.Meeting, engagement.Visit}
	colors := map[engagement.Kind]string{engagement.Call: "#2f6fb2", engagement.Meeting: "#2e8b57", engagement.Visit: "#c0622a"}
	for i, k := range rows {
		y := 25 + i*35
		fmt.Fprintf(&b, `<text x="5" y="%d">%s</text><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#ddd"/>`, y+4, k, left, y, w-right, y)
	}
	if len(pts) == 0 {
		b.WriteString(`<text x="70" y="140">no engagement dated to the month or finer</text></svg>`)
		return b.String()
	}
	lo, hi := pts[0].t, pts[0].t
	for _, p := range pts {
		if p.t.Before(lo) {
			lo = p.t
		}
		if p.t.After(hi) {
			hi = p.t
		}
	}
	lo, hi = lo.AddDate(0, 0, -15), hi.AddDate(0, 0, 15)
	span := hi.Sub(lo).Hours()
	x := func(t time.Time) float64 { return left + (w-left-right)*t.Sub(lo).Hours()/span }
	fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text><text x="%d" y="%d" text-anchor="end">%s</text>`,
		left, h-8, lo.Format("2006-01"), w-right, h-8, hi.Format("2006-01"))
	for _, p := range pts {
		row := slices.Index(rows, p.e.Kind)
		if row < 0 {
			continue
		}
		r := []float64{0, 9, 7, 5.5, 4, 3, 3, 3, 3, 3}[p.rank]
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%d" r="%.1f" fill="%s" fill-opacity="0.75"><title>%s</title></circle>`,
			x(p.t), 25+row*35, r, colors[p.e.Kind], html.EscapeString(summary(p.e)))
	}
	b.WriteString(`<text x="70" y="128" fill="#666">mark size: highest rank present (larger = higher)</text></svg>`)
	return b.String()
}

// Markdown writes the report as Markdown with footnotes; the SVG is inline
// HTML, which most Markdown renderers pass through.
func (r *Report) Markdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\nPeriod: %s. Generated %s by bilat from news reports; every claim cites its sources.\n\n## In numbers\n\n", md(r.Title), md(r.Period), r.Generated)
	for _, n := range r.Numbers {
		fmt.Fprintf(&b, "- %s\n", md(n))
	}
	b.WriteString("\n## Highest-level contacts\n\n")
	for _, c := range r.Top {
		fmt.Fprintf(&b, "- %s%s\n", md(c.Text), refs(c.Notes))
	}
	if len(r.Top) == 0 {
		b.WriteString("None in the period.\n")
	}
	fmt.Fprintf(&b, "\n## Timeline\n\n%s\n\n## Signals\n", r.SVG)
	for _, s := range r.Signals {
		fmt.Fprintf(&b, "\n### %s\n\n", md(s.Heading))
		for _, c := range s.Claims {
			fmt.Fprintf(&b, "- %s%s\n", md(c.Text), refs(c.Notes))
		}
	}
	if len(r.Notes) > 0 {
		b.WriteString("\n## Sources\n\n")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "[^%d]: %s.", n.N, md(n.Summary))
		for _, s := range n.Sources {
			fmt.Fprintf(&b, " %s (%s, %s): “%s”", md(orStr(s.Title, "untitled")), md(s.URL), md(orStr(s.Published, "undated")), md(s.Evidence))
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func refs(ns []int) string {
	var b strings.Builder
	for _, n := range ns {
		fmt.Fprintf(&b, "[^%d]", n)
	}
	return b.String()
}

// md keeps text from being read as Markdown or HTML: markup in evidence or
// a title stays visible text.
func md(s string) string {
	s = html.EscapeString(s)
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "`", "\\`", "\n", " ")
	return r.Replace(s)
}

func orStr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

var page = template.Must(template.New("report").Funcs(template.FuncMap{"safeURL": safeURL}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1d232a}
sup a{text-decoration:none}.src{color:#555;font-size:.9rem}mark{background:#fff1a8}svg{max-width:100%;height:auto}</style>
</head><body>
<h1>{{.Title}}</h1>
<p>Period: {{.Period}}. Generated {{.Generated}} by bilat from news reports; every claim cites its sources.</p>
<h2>In numbers</h2><ul>{{range .Numbers}}<li>{{.}}</li>{{end}}</ul>
<h2>Highest-level contacts</h2>{{if .Top}}<ul>{{range .Top}}<li>{{.Text}}{{range .Notes}}<sup><a href="#n{{.}}">[{{.}}]</a></sup>{{end}}</li>{{end}}</ul>{{else}}<p>None in the period.</p>{{end}}
<h2>Timeline</h2>
{{.SVGHTML}}
<h2>Signals</h2>
{{range .Signals}}<h3>{{.Heading}}</h3><ul>{{range .Claims}}<li>{{.Text}}{{range .Notes}}<sup><a href="#n{{.}}">[{{.}}]</a></sup>{{end}}</li>{{end}}</ul>
{{end}}{{if .Notes}}<h2>Sources</h2><ol>{{range .Notes}}<li id="n{{.N}}">{{.Summary}}.<ul>{{range .Sources}}<li class="src">{{with safeURL .URL}}<a href="{{.}}">{{end}}{{if .Title}}{{.Title}}{{else}}{{.URL}}{{end}}{{if safeURL .URL}}</a>{{end}} ({{if .Published}}{{.Published}}{{else}}undated{{end}}): <mark>{{.Evidence}}</mark></li>{{end}}</ul></li>{{end}}</ol>{{end}}
</body></html>
`))

// safeURL returns u when it is an http(s) link, else "" (shown as text).
func safeURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}

// HTML writes the report as one self-contained HTML page.
func (r *Report) HTML(w io.Writer) error {
	return page.Execute(w, struct {
		*Report
		SVGHTML template.HTML
	}{r, template.HTML(r.SVG)}) // built by timelineSVG, whose text is escaped
}
