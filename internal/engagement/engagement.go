// Package engagement holds bilat's domain types: documents, the mentions the
// extractor finds in them, and the fused engagements built from mentions.
// It imports nothing but the standard library so every stage can share it.
package engagement

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind is the format of an engagement.
type Kind string

const (
	Call    Kind = "call"    // phone or video
	Meeting Kind = "meeting" // in person: talks, courtesy call
	Visit   Kind = "visit"   // an official's trip to another country, as a whole
)

// Mode is how the sides were in contact.
type Mode string

const (
	Phone    Mode = "phone"
	Video    Mode = "video"
	InPerson Mode = "in_person"
)

// Status says whether the engagement happened.
type Status string

const (
	Occurred  Status = "occurred"
	Planned   Status = "planned"
	Cancelled Status = "cancelled"
)

// TripSlack is how many days apart two dated reports of one trip may lie:
// one report dates the arrival, another the talks a few days later.
const TripSlack = 4

// Date is a calendar date at the precision the text supports: Month and Day
// are zero when unknown. The zero Date is "unknown".
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether nothing is known of the date.
func (d Date) IsZero() bool { return d.Year == 0 }

// Precision is 0 (unknown), 1 (year), 2 (month) or 3 (day).
func (d Date) Precision() int {
	switch {
	case d.Year == 0:
		return 0
	case d.Month == 0:
		return 1
	case d.Day == 0:
		return 2
	}
	return 3
}

// String formats the date as ISO 8601 at its precision: "2022-05-06",
// "2022-05", "2022", or "" when unknown.
func (d Date) String() string {
	switch d.Precision() {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%04d", d.Year)
	case 2:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// ParseDate reads "2006", "2006-01", "2006-01-02" or an RFC 3339 timestamp
// (its date part). The empty string is the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var v [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		v[i] = n
	}
	d := Date{v[0], v[1], v[2]}
	if d.Month > 12 || (len(parts) > 1 && d.Month < 1) || d.Day > 31 || (len(parts) > 2 && d.Day < 1) {
		return Date{}, fmt.Errorf("date %q: month or day out of range", s)
	}
	return d, nil
}

// Truncate returns d at no finer precision than p.
func (d Date) Truncate(p int) Date {
	switch {
	case p <= 0:
		return Date{}
	case p == 1:
		return Date{Year: d.Year}
	case p == 2:
		return Date{Year: d.Year, Month: d.Month}
	}
	return d
}

// Compatible reports whether a and b agree on every field both state
// (2022-12 and 2022-12-20 are compatible; unknown is compatible with all).
func (d Date) Compatible(o Date) bool {
	p := min(d.Precision(), o.Precision())
	return d.Truncate(p) == o.Truncate(p)
}

// Document is one article as stored: its text (evidence offsets refer to
// it) and its metadata.
type Document struct {
	ID        int64  `json:"id,omitempty"`
	Path      string `json:"path,omitempty"` // where it was read from: a file, "file:line", or "-"
	URL       string `json:"url,omitempty"`  // opaque identifier, kept as given
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Published Date   `json:"-"`
	Text      string `json:"text"`
	Hash      string `json:"hash,omitempty"` // hex SHA-256 of Text
}

// Participant is one identified person on one side of an engagement.
type Participant struct {
	Name    string `json:"name"`    // canonical full name
	Title   string `json:"title"`   // title at the engagement's date
	Country string `json:"country"` // ISO 3166-1 alpha-3
	Rank    int    `json:"rank"`    // 1 head of state/government … 5 other officials
}

// Mention is one report of an engagement in one document.
type Mention struct {
	Kind         Kind          `json:"kind"`
	Mode         Mode          `json:"mode"`
	Status       Status        `json:"status"`
	Date         Date          `json:"-"`
	DateEnd      Date          `json:"-"`
	Location     string        `json:"location,omitempty"`
	HostCountry  string        `json:"host_country,omitempty"`
	Participants []Participant `json:"participants"`
	Topics       []string      `json:"topics,omitempty"`
	Evidence     string        `json:"evidence"`
	Start        int           `json:"start"` // byte offsets of Evidence in Document.Text
	End          int           `json:"end"`
}

// Source is one report of a fused engagement: where it came from and what
// that report says of date, status and location.
type Source struct {
	DocumentID int64  `json:"-"`
	URL        string `json:"url"`
	Path       string `json:"path,omitempty"` // where the document was read from, for one with no URL
	Title      string `json:"title"`
	Published  string `json:"published"`
	Evidence   string `json:"evidence"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Date       string `json:"date"`
	DateEnd    string `json:"date_end"`
	Status     Status `json:"status"`
	Location   string `json:"location"`
}

// Engagement is one real-world engagement, fused from all its reports.
type Engagement struct {
	ID           int64         `json:"id"`
	Kind         Kind          `json:"kind"`
	Mode         Mode          `json:"mode"`
	Status       Status        `json:"status"`
	Date         string        `json:"date"`
	DateEnd      string        `json:"date_end"`
	Location     string        `json:"location"`
	HostCountry  string        `json:"host_country"`
	Participants []Participant `json:"participants"`
	Topics       []string      `json:"topics"`
	Sources      []Source      `json:"sources"`
}

// Countries returns the distinct countries of the participants and the host.
func (e *Engagement) Countries() []string {
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, p := range e.Participants {
		add(p.Country)
	}
	add(e.HostCountry)
	return out
}

// DayNumber counts days from a fixed epoch, so that the difference of two
// day numbers is the number of days between the dates. Missing month or day
// count as the first.
func (d Date) DayNumber() int {
	y, m, day := d.Year, max(d.Month, 1), max(d.Day, 1)
	a := (14 - m) / 12
	y = y + 4800 - a
	m = m + 12*a - 3
	return day + (153*m+2)/5 + 365*y + y/4 - y/100 + y/400 - 32045
}

// After reports whether d comes after o, comparing field by field (an
// unknown month or day counts as before any known one).
func (d Date) After(o Date) bool {
	if d.Year != o.Year {
		return d.Year > o.Year
	}
	if d.Month != o.Month {
		return d.Month > o.Month
	}
	return d.Day > o.Day
}
