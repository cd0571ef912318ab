package cli

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"bilat/internal/actors"
	"bilat/internal/analyse"
	"bilat/internal/engagement"
	"bilat/internal/report"
	"bilat/internal/store"
)

func init() {
	commands = append(commands, command{"report", "--pair AAA-BBB [--db DSN] [--from D] [--to D] [--format md|html] [-o FILE]",
		"write a briefing report on a pair of countries, each claim footnoted to its sources", runReport})
}

func runReport(e *env, args []string) int {
	fl := newFlags(e, "report")
	db := dbFlag(fl)
	pp := pairPeriodFlags(fl)
	format := fl.String("format", "md", "md or html")
	out := fl.String("o", "", "write to this file instead of standard output")
	lex := fl.String("lexicon", "", "a YAML file adding to the lexicon (office holders)")
	if code := parseFlags(e, fl, "report", args); code >= 0 {
		return code
	}
	p, err := analyse.ParsePair(*pp.pair)
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat report: --pair: %v\n", err)
		return misused
	}
	if *format != "md" && *format != "html" {
		fmt.Fprintf(e.stderr, "bilat report: --format %q: want md or html\n", *format)
		return misused
	}
	var f store.Filter
	if f.From, f.To, err = pp.dates(); err != nil {
		fmt.Fprintf(e.stderr, "bilat report: %v\n", err)
		return misused
	}
	if !haveDB(e, "report", *db) {
		return failed
	}
	l, err := actors.Load(*lex)
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat report: lexicon: %v\n", err)
		return failed
	}
	st, good := openDB(e, *db)
	if !good {
		return failed
	}
	defer st.Close()
	// Each side's engagements with anyone: co-location needs the visits and
	// meetings that involve a third country.
	seen := map[int64]bool{}
	var es []engagement.Engagement
	for _, c := range p {
		f.Country = c
		got, err := st.Engagements(e.ctx, f)
		if err != nil {
			fmt.Fprintf(e.stderr, "bilat report: %v\n", err)
			return failed
		}
		for _, x := range got {
			if !seen[x.ID] {
				seen[x.ID] = true
				es = append(es, x)
			}
		}
	}
	r := report.Build(es, report.Options{Pair: p, From: *pp.from, To: *pp.to, Now: time.Now(), Offices: analyse.Offices(l)})
	var b bytes.Buffer
	if *format == "html" {
		err = r.HTML(&b)
	} else {
		err = r.Markdown(&b)
	}
	if err == nil {
		if *out != "" {
			err = os.WriteFile(*out, b.Bytes(), 0o644)
		} else {
			_, err = e.stdout.Write(b.Bytes())
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "bilat report: %v\n", err)
		return failed
	}
	return ok
}
