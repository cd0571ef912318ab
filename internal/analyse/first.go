package analyse

import (
	"fmt"
	"sort"
	"strings"

	"bilat/internal/actors"
	"bilat/internal/engagement"
)

// Office is one term of office from the lexicon's office-holder table.
type Office struct {
	Person  string   `json:"person"`
	Aliases []string `json:"-"`
	Country string   `json:"country"`
	Title   string   `json:"title"`
	Rank    int      `json:"rank"`
	From    string   `json:"from"`
	To      string   `json:"to"` // "" while in office
}

// Offices lists the lexicon's terms of office at leader and minister level
// (rank ≤ 2) whose start day is known.
func Offices(lex *actors.Lexicon) []Office {
	var out []Office
	for _, p := range lex.People() {
		for _, o := range p.Offices {
			t, ok := lex.Title(o.Title)
			if !ok || o.From.Precision() < 3 {
				continue
			}
			r := t.RankIn(o.Country)
			if r < 1 || r > 2 {
				continue
			}
			out = append(out, Office{Person: p.Name, Aliases: p.Aliases, Country: o.Country, Title: o.Title, Rank: r,
				From: o.From.String(), To: o.To.String()})
		}
	}
	return out
}

// FirstContact is how long after taking office a leader or minister first
// called, and first met, the other side of the pair.
type FirstContact struct {
	Office           Office  `json:"office"`
	FirstCall        int64   `json:"first_call,omitempty"`
	FirstCallDate    string  `json:"first_call_date,omitempty"`
	DaysToCall       int     `json:"days_to_call"` // -1: none
	CallWith         string  `json:"call_with,omitempty"`
	FirstMeeting     int64   `json:"first_meeting,omitempty"` // a meeting or a visit
	FirstMeetingDate string  `json:"first_meeting_date,omitempty"`
	DaysToMeeting    int     `json:"days_to_meeting"` // -1: none
	MeetingWith      string  `json:"meeting_with,omitempty"`
	Note             string  `json:"note"`
	IDs              []int64 `json:"engagements"`
}

// FirstContacts returns, for each office of the pair's countries that began
// on or after the pair's first dated engagement (earlier starts would make
// "first" an artefact of where the data begins), the first call and the
// first in-person contact with the other side during the term.
func FirstContacts(es []engagement.Engagement, p Pair, offices []Office) []FirstContact {
	type dated struct {
		e     *engagement.Engagement
		first day
	}
	var ds []dated
	for _, e := range selected(es, p) {
		if f, _, ok := span(e); ok {
			ds = append(ds, dated{e, f})
		}
	}
	if len(ds) == 0 {
		return nil
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].first < ds[j].first })
	earliest := ds[0].first
	var out []FirstContact
	for _, o := range offices {
		if o.Country != p[0] && o.Country != p[1] {
			continue
		}
		fd, err := engagement.ParseDate(o.From)
		if err != nil || fd.Precision() < 3 || dayOf(fd) < earliest {
			continue
		}
		from, to := dayOf(fd), day(1<<40)
		if td, err := engagement.ParseDate(o.To); err == nil && !td.IsZero() {
			to = dayOf(td)
		}
		other := p[0]
		if o.Country == p[0] {
			other = p[1]
		}
		names := append([]string{o.Person}, o.Aliases...)
		fc := FirstContact{Office: o, DaysToCall: -1, DaysToMeeting: -1, IDs: []int64{}}
		for _, d := range ds {
			if d.first < from || d.first > to || !hasAny(d.e, names) {
				continue
			}
			with := topPerson(d.e, other).Name
			if d.e.Kind == engagement.Call && fc.FirstCall == 0 {
				fc.FirstCall, fc.FirstCallDate, fc.DaysToCall, fc.CallWith = d.e.ID, d.e.Date, int(d.first-from), with
				fc.IDs = append(fc.IDs, d.e.ID)
			}
			if d.e.Kind != engagement.Call && fc.FirstMeeting == 0 {
				fc.FirstMeeting, fc.FirstMeetingDate, fc.DaysToMeeting, fc.MeetingWith = d.e.ID, d.e.Date, int(d.first-from), with
				fc.IDs = append(fc.IDs, d.e.ID)
			}
		}
		parts := []string{fmt.Sprintf("%s took office as %s (%s) on %s", o.Person, o.Title, o.Country, o.From)}
		if fc.FirstCall != 0 {
			parts = append(parts, fmt.Sprintf("first call with %s after %d days (%s, %s)", other, fc.DaysToCall, fc.FirstCallDate, fc.CallWith))
		} else {
			parts = append(parts, "no call with "+other+" recorded")
		}
		if fc.FirstMeeting != 0 {
			parts = append(parts, fmt.Sprintf("first in-person contact after %d days (%s, %s)", fc.DaysToMeeting, fc.FirstMeetingDate, fc.MeetingWith))
		} else {
			parts = append(parts, "no in-person contact recorded")
		}
		fc.Note = strings.Join(parts, "; ")
		out = append(out, fc)
	}
	return out
}

func hasAny(e *engagement.Engagement, names []string) bool {
	for _, n := range names {
		if hasPerson(e, n) {
			return true
		}
	}
	return false
}
