// Package export writes engagements as JSONL, CSV or a table for the terminal.
package export

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"bilat/internal/engagement"
)

// record is the JSONL shape: the field names of DESIGN.md's engagement
// table, plus the id and the CAMEO and PLOVER codes so the data joins GDELT
// and POLECAT.
type record struct {
	ID           int64                    `json:"id"`
	Kind         engagement.Kind          `json:"kind"`
	Mode         engagement.Mode          `json:"mode"`
	Status       engagement.Status        `json:"status"`
	Date         *string                  `json:"date"`
	DateEnd      *string                  `json:"date_end"`
	Location     *string                  `json:"location"`
	HostCountry  *string                  `json:"host_country"`
	Participants []engagement.Participant `json:"participants"`
	Topics       []string                 `json:"topics"`
	Sources      []source                 `json:"sources"`
	CAMEO        string                   `json:"cameo"`
	PLOVER       string                   `json:"plover"`
}

type source struct {
	URL       string            `json:"url"`
	Path      string            `json:"path,omitempty"` // a document with no URL: where it was read from
	Title     string            `json:"title"`
	Published *string           `json:"published"`
	Evidence  string            `json:"evidence"`
	Start     int               `json:"start"`
	End       int               `json:"end"`
	Date      *string           `json:"date"`
	DateEnd   *string           `json:"date_end"`
	Status    engagement.Status `json:"status"`
	Location  *string           `json:"location"`
}

// null turns "" into JSON null: unknown is not the empty string.
func null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Codes maps a kind to CAMEO and PLOVER: 041 phone (CONSULT, phone), 042
// make a visit (CONSULT, visit; the host's side is CAMEO 043), 040 meet (CONSULT, meet).
func Codes(e engagement.Engagement) (cameo, plover string) {
	switch e.Kind {
	case engagement.Call:
		return "041", "CONSULT/phone"
	case engagement.Visit:
		return "042", "CONSULT/visit"
	}
	return "040", "CONSULT/meet"
}

// JSONL writes one engagement per line.
func JSONL(w io.Writer, es []engagement.Engagement) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range es {
		r := record{ID: e.ID, Kind: e.Kind, Mode: e.Mode, Status: e.Status, Date: null(e.Date), DateEnd: null(e.DateEnd),
			Location: null(e.Location), HostCountry: null(e.HostCountry), Participants: e.Participants, Topics: e.Topics}
		if r.Participants == nil {
			r.Participants = []engagement.Participant{}
		}
		if r.Topics == nil {
			r.Topics = []string{}
		}
		r.CAMEO, r.PLOVER = Codes(e)
		for _, s := range e.Sources {
			r.Sources = append(r.Sources, source{URL: s.URL, Path: s.Path, Title: s.Title, Published: null(s.Published), Evidence: s.Evidence,
				Start: s.Start, End: s.End, Date: null(s.Date), DateEnd: null(s.DateEnd), Status: s.Status, Location: null(s.Location)})
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// CSVHeader is the stable column list of the CSV export.
var CSVHeader = []string{"id", "date", "date_end", "kind", "mode", "status", "location", "host_country", "countries",
	"participant_1", "title_1", "country_1", "rank_1", "participant_2", "title_2", "country_2", "rank_2",
	"participants", "topics", "n_sources", "source_urls", "evidence", "cameo", "plover"}

// CSV writes one row per engagement; lists inside a cell are joined by "; ".
func CSV(w io.Writer, es []engagement.Engagement) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, e := range es {
		var p [2]engagement.Participant
		for i := 0; i < 2 && i < len(e.Participants); i++ {
			p[i] = e.Participants[i]
		}
		rank := func(r int) string {
			if r == 0 {
				return ""
			}
			return strconv.Itoa(r)
		}
		var all, urls []string
		for _, x := range e.Participants {
			all = append(all, fmt.Sprintf("%s (%s, %s)", x.Name, x.Title, x.Country))
		}
		ev := ""
		for i, s := range e.Sources {
			urls = append(urls, cmp.Or(s.URL, s.Path))
			if i == 0 {
				ev = s.Evidence
			}
		}
		cameo, plover := Codes(e)
		row := []string{strconv.FormatInt(e.ID, 10), e.Date, e.DateEnd, string(e.Kind), string(e.Mode), string(e.Status),
			e.Location, e.HostCountry, strings.Join(e.Countries(), "; "),
			p[0].Name, p[0].Title, p[0].Country, rank(p[0].Rank), p[1].Name, p[1].Title, p[1].Country, rank(p[1].Rank),
			strings.Join(all, "; "), strings.Join(e.Topics, "; "), strconv.Itoa(len(e.Sources)), strings.Join(urls, "; "), ev, cameo, plover}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Table writes a readable table for the terminal.
func Table(w io.Writer, es []engagement.Engagement) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tKIND\tSTATUS\tWHO ↔ WHOM\tWHERE\tSOURCES")
	for _, e := range es {
		date := e.Date
		if date == "" {
			date = "?"
		}
		if e.DateEnd != "" {
			date += "…" + e.DateEnd
		}
		kind := string(e.Kind)
		if e.Kind == engagement.Call && e.Mode == engagement.Video {
			kind = "call (video)"
		}
		var who []string
		for _, p := range e.Participants {
			s := p.Name
			if p.Title != "" {
				s = p.Title + " " + s
			}
			if p.Country != "" {
				s += " (" + p.Country + ")"
			}
			who = append(who, s)
		}
		where := e.Location
		if e.Kind == engagement.Visit {
			where = strings.TrimSpace(strings.Trim("→ "+e.HostCountry+" "+e.Location, " "))
		}
		status := string(e.Status)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n", date, kind, status, strings.Join(who, " ↔ "), where, len(e.Sources))
	}
	return tw.Flush()
}
