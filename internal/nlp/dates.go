package nlp

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"bilat/internal/engagement"
)

// DateExpr is a date expression found in a sentence, as written. Resolve
// turns it into a calendar date against a reference date.
type DateExpr struct {
	Tok0, Tok1 int // token span [Tok0, Tok1) in the sentence
	Start, End int // byte offsets in the document text

	// what the text states (0 = not stated)
	Year, Month, Day        int
	EndYear, EndMonth, End_ int

	Rel     string       // relative expression: dom (a day of the month, "on the 10th"), weekend, today, yesterday, tomorrow, weekday, days_ago, last_week, this_week, next_week, last_month, this_month, next_month, last_year, this_year, next_year, recent
	Weekday time.Weekday // for Rel == "weekday"
	Mod     string       // "last", "next", "this" before a weekday
	N       int          // for days_ago and later (days), or months when Months is set
	Months  bool         // "a month later", "two months ago"
	YearRel int          // "June last year": -1; "this year": 0 with YearSet
	YearSet bool
	Weeks   bool // "N weeks later": no finer than the month
}

// Ref is what a date expression is resolved against.
type Ref struct {
	Pub    engagement.Date // the publication date (or the best stand-in)
	Approx bool            // Pub is a stand-in (the latest date the text states): resolve no finer than the month
	Year   int             // the year the text is talking about, for "May 6" without a year
	Ctx    engagement.Date // the date of the engagement in focus, for "two days later"
	Said   engagement.Date // the latest date the text stated, for "earlier that month"
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// words before a bare month name or year that make it a date ("in May", "since 2021")
var datePreps = map[string]bool{"in": true, "since": true, "of": true, "during": true, "from": true, "until": true, "for": true,
	"by": true, "early": true, "late": true, "mid": true, "last": true, "this": true, "next": true, "till": true,
	"before": true, "after": true, "through": true, "throughout": true, "between": true, "and": true, "or": true, "to": true,
	"that": true}

// contactNouns after "the" and a bare month make it a date: "the May call".
var contactNouns = map[string]bool{"meeting": true, "call": true, "visit": true, "trip": true, "talks": true,
	"summit": true, "phone": true, "telephone": true, "conversation": true, "encounter": true}

// periodWords make "of YEAR" a time ("the summer of 2024"), unlike "the Treaty of 1996".
var periodWords = map[string]bool{"summer": true, "spring": true, "autumn": true, "fall": true, "winter": true, "end": true,
	"start": true, "beginning": true, "middle": true, "half": true, "part": true, "months": true, "course": true}

var numberWords = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// FindDates returns the date expressions of a sentence in order.
func FindDates(toks []Token) []DateExpr {
	var out []DateExpr
	for i := 0; i < len(toks); i++ {
		e, n := dateAt(toks, i)
		if n == 0 {
			continue
		}
		if e.Rel == "weekday" && e.Mod == "" {
			// "Saturday, 17 June 2023", "Tuesday 4 March": the weekday names the date after it
			k := i + n
			if tok(toks, k) == "," {
				k++
			}
			if k < len(toks) {
				if e2, n2 := dateAt(toks, k); n2 > 0 && e2.Day != 0 && e2.Month != 0 {
					e, n = e2, k+n2-i
				}
			}
		}
		e.Tok0, e.Tok1 = i, i+n
		e.Start, e.End = toks[i].Start, toks[i+n-1].End
		out = append(out, e)
		i += n - 1
	}
	return out
}

func day(s string) (int, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' || len(s) > 4 {
		return 0, false
	}
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd")
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= 31 && len(s) <= 2
}

func year(s string) (int, bool) {
	if len(s) != 4 || s[0] < '1' || s[0] > '2' {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1900 && n <= 2100
}

// dayRange reads "14-21" or "14–21".
func dayRange(s string) (int, int, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, 0, false
	}
	for _, sep := range []string{"-", "–"} {
		if a, b, ok := strings.Cut(s, sep); ok {
			x, ok1 := day(a)
			y, ok2 := day(b)
			if ok1 && ok2 && y >= x {
				return x, y, true
			}
		}
	}
	return 0, 0, false
}

var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

func month(t Token) (int, bool) {
	m, ok := months[t.Lower]
	if !ok || !t.IsCap() {
		return 0, false
	}
	return m, true
}

func tok(toks []Token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].Lower
}

// dateAt reads a date expression starting at toks[i]; n is its length in tokens (0: none).
func dateAt(toks []Token, i int) (e DateExpr, n int) {
	t := toks[i]
	if len(t.Text) == 10 && t.Text[4] == '-' {
		if m := isoDate.FindStringSubmatch(t.Text); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
				return DateExpr{Year: y, Month: mo, Day: d}, 1
			}
		}
	}
	// "mid-April", "mid-2023"
	if rest, ok := strings.CutPrefix(t.Text, "mid-"); ok {
		if mo, ok := month(Token{Text: rest, Lower: strings.ToLower(rest)}); ok {
			if y, ok := year(tok(toks, i+1)); ok {
				return DateExpr{Month: mo, Year: y}, 2
			}
			return DateExpr{Month: mo}, 1
		}
		if y, ok := year(rest); ok {
			return DateExpr{Year: y}, 1
		}
	}
	// "over the weekend", "at the weekend", "last weekend": the month of the weekend nearest before
	if (t.Lower == "the" || t.Lower == "last" || t.Lower == "this") && tok(toks, i+1) == "weekend" {
		return DateExpr{Rel: "weekend"}, 2
	}
	// "on the 10th": a day of the month the text is in
	if t.Lower == "the" && tok(toks, i-1) == "on" && i+1 < len(toks) {
		if w := toks[i+1].Text; len(w) > 2 && (strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd")) {
			if d, ok := day(w); ok {
				if mo, ok := month(get(toks, i+3)); ok && tok(toks, i+2) == "of" {
					return DateExpr{Month: mo, Day: d}, 4 // "on the 10th of May"
				}
				if _, isMonth := month(get(toks, i+2)); !isMonth && tok(toks, i+2) != "of" {
					return DateExpr{Rel: "dom", Day: d}, 2
				}
			}
		}
	}
	// Month [day[-day]] [,] [year]
	if mo, ok := month(t); ok {
		j := i + 1
		if tok(toks, j) == "." {
			j++
		}
		e.Month = mo
		if j < len(toks) {
			if d, ok := day(toks[j].Text); ok {
				e.Day = d
				j++
				// "May 6 and 7" / "14 to 21": keep the first day
			} else if a, b, ok := dayRange(toks[j].Text); ok {
				e.Day, e.End_, e.EndMonth = a, b, mo
				j++
			}
		}
		k := j
		if tok(toks, k) == "," {
			k++
		}
		if y, ok := year(tok(toks, k)); ok {
			e.Year = y
			if e.EndMonth != 0 {
				e.EndYear = y
			}
			return e, k + 1 - i
		}
		// "June last year", "November of last year", "March this year"
		k2 := j
		if tok(toks, k2) == "of" {
			k2++
		}
		if w := tok(toks, k2+1); w == "year" {
			switch tok(toks, k2) {
			case "last", "past":
				e.YearRel, e.YearSet = -1, true
			case "this":
				e.YearRel, e.YearSet = 0, true
			case "next":
				e.YearRel, e.YearSet = 1, true
			}
			if e.YearSet {
				return e, k2 + 2 - i
			}
		}
		if e.Day != 0 {
			return e, j - i
		}
		// a bare month: only after a preposition, and "May" only if followed by a non-verb
		if datePreps[tok(toks, i-1)] || strings.HasPrefix(tok(toks, i-1), "mid") {
			if mo == 5 && i+1 < len(toks) && !toks[i+1].IsCap() && toks[i+1].IsWord() && tok(toks, i+1) != "and" {
				return DateExpr{}, 0
			}
			if w := tok(toks, i-1); w == "last" || w == "next" {
				e.Mod = w // "last December": the one before the report, whatever year the sentence is in
			}
			return e, j - i
		}
		// "the March meeting", "the May call", "Modi's July meeting": a month naming a contact
		if (tok(toks, i-1) == "the" || tok(toks, i-1) == "'s" || tok(toks, i-1) == "’s") && contactNouns[tok(toks, j)] {
			return e, j - i
		}
		return DateExpr{}, 0
	}
	// day[-day] Month [year]
	if d, ok := day(t.Text); ok {
		if mo, ok := month(get(toks, i+1)); ok {
			e = DateExpr{Month: mo, Day: d}
			j := i + 2
			if tok(toks, j) == "," {
				j++
			}
			if y, ok := year(tok(toks, j)); ok {
				e.Year = y
				return e, j + 1 - i
			}
			return e, 2
		}
	}
	if a, b, ok := dayRange(t.Text); ok {
		if mo, ok := month(get(toks, i+1)); ok {
			e = DateExpr{Month: mo, Day: a, EndMonth: mo, End_: b}
			if y, ok := year(tok(toks, i+2)); ok {
				e.Year, e.EndYear = y, y
				return e, 3
			}
			return e, 2
		}
	}
	// a bare year after a preposition: "in 2021", "since 2015", "2021's"
	if y, ok := year(t.Text); ok && (datePreps[tok(toks, i-1)] && (tok(toks, i-1) != "of" || periodWords[tok(toks, i-2)]) || tok(toks, i+1) == "'s" || tok(toks, i-1) == "," || tok(toks, i-1) == "'s" || tok(toks, i-1) == "the") {
		if tok(toks, i-1) == "the" && i+1 < len(toks) && toks[i+1].IsCap() {
			return DateExpr{}, 0 // "the 1923 Treaty of Lausanne", "the 2008 Olympics": a name
		}
		return DateExpr{Year: y}, 1
	}
	switch t.Lower {
	case "today", "tonight":
		return DateExpr{Rel: "today"}, 1

	case "yesterday":
		return DateExpr{Rel: "yesterday"}, 1
	case "tomorrow":
		return DateExpr{Rel: "tomorrow"}, 1
	case "recently", "recent":
		if w := tok(toks, i-1); t.Lower == "recent" && (w == "most" || w == "more") {
			return DateExpr{}, 0 // "his most recent visit … was in January 2020": an order, not a time
		}
		return DateExpr{Rel: "recent"}, 1
	case "that":
		// "earlier that month", "later that year": the month the text has just named
		switch tok(toks, i+1) {
		case "month":
			return DateExpr{Rel: "that_month"}, 2
		case "year":
			return DateExpr{Rel: "that_year"}, 2
		}
	case "last", "this", "next", "past", "earlier", "later", "coming":
		j := i + 1
		if t.Lower == "this" || t.Lower == "earlier" || t.Lower == "later" {
			switch tok(toks, j) {
			case "morning", "afternoon", "evening", "today":
				return DateExpr{Rel: "today"}, 2
			}
		}
		if t.Lower == "yesterday" {
			return DateExpr{Rel: "yesterday"}, 1
		}
		mod := t.Lower
		if (mod == "earlier" || mod == "later") && tok(toks, j) == "this" {
			j++
			mod = "this"
		}
		if mod == "past" || mod == "coming" {
			mod = map[string]string{"past": "last", "coming": "next"}[mod]
		}
		switch tok(toks, j) {
		case "week":
			return DateExpr{Rel: mod + "_week"}, j + 1 - i
		case "month":
			return DateExpr{Rel: mod + "_month"}, j + 1 - i
		case "year":
			return DateExpr{Rel: mod + "_year"}, j + 1 - i
		}
		if wd, ok := weekdays[tok(toks, j)]; ok && (mod == "last" || mod == "next" || mod == "this") {
			return DateExpr{Rel: "weekday", Weekday: wd, Mod: mod}, j + 1 - i
		}
	}
	if wd, ok := weekdays[t.Lower]; ok && t.IsCap() {
		return DateExpr{Rel: "weekday", Weekday: wd}, 1
	}
	// "the next day", "the following day", "the same day"
	if t.Lower == "the" && tok(toks, i+2) == "day" {
		switch tok(toks, i+1) {
		case "next", "following":
			return DateExpr{Rel: "later", N: 1}, 3
		case "previous":
			return DateExpr{Rel: "later", N: -1}, 3
		case "same":
			return DateExpr{Rel: "later", N: 0}, 3
		}
	}
	// "two days later", "a week later"; "three days ago", "a week ago"
	if rel := tok(toks, i+2); rel == "later" || rel == "afterwards" || rel == "ago" {
		n, ok := numberWords[t.Lower]
		if v, err := strconv.Atoi(t.Text); err == nil {
			n, ok = v, true
		}
		kind := "later"
		if rel == "ago" {
			kind = "days_ago"
		}
		if ok && n > 0 {
			switch tok(toks, i+1) {
			case "days", "day":
				return DateExpr{Rel: kind, N: n}, 3
			case "weeks", "week":
				return DateExpr{Rel: kind, N: 7 * n, Weeks: true}, 3
			case "fortnight", "fortnights":
				return DateExpr{Rel: kind, N: 14 * n, Weeks: true}, 3
			case "month", "months":
				return DateExpr{Rel: kind, N: n, Months: true}, 3
			case "year", "years":
				return DateExpr{Rel: kind, N: 12 * n, Months: true}, 3
			}
		}
	}
	return DateExpr{}, 0
}

func get(toks []Token, i int) Token {
	if i < 0 || i >= len(toks) {
		return Token{}
	}
	return toks[i]
}

// Absolute reports whether the expression states its own year.
func (e DateExpr) Absolute() bool { return e.Rel == "" && e.Year != 0 }

// shift moves a date by the expression's offset in days or months.
func (e DateExpr) shift(t time.Time, sign int) time.Time {
	if e.Months {
		return t.AddDate(0, sign*e.N, 0)
	}
	return t.AddDate(0, 0, sign*e.N)
}

// Resolve turns the expression into a date (and an end date for ranges).
// future says the sentence speaks of what is to come ("will meet on
// Monday"). Nothing is guessed: without a year from the text or the
// reference, the date stays unknown.
func (e DateExpr) Resolve(ref Ref, future bool) (engagement.Date, engagement.Date) {
	if e.Rel == "" {
		y := e.Year
		if y == 0 && e.YearSet {
			if ref.Pub.IsZero() {
				return engagement.Date{}, engagement.Date{}
			}
			y = ref.Pub.Year + e.YearRel
		}
		if y == 0 && e.Mod != "" && e.Day == 0 && !ref.Pub.IsZero() {
			y = ref.Pub.Year
			if e.Mod == "last" && e.Month >= ref.Pub.Month {
				y--
			}
			if e.Mod == "next" && e.Month <= ref.Pub.Month {
				y++
			}
		}
		if y == 0 {
			y = inferYear(e.Month, e.Day, ref, future)
			if y == 0 {
				return engagement.Date{}, engagement.Date{}
			}
		}
		d := engagement.Date{Year: y, Month: e.Month, Day: e.Day}
		var end engagement.Date
		if e.EndMonth != 0 {
			end = engagement.Date{Year: y, Month: e.EndMonth, Day: e.End_}
		}
		return d, end
	}
	if e.Rel == "later" {
		c := ref.Ctx
		if e.Months && c.Precision() == 2 {
			t := time.Date(c.Year, time.Month(c.Month), 1, 12, 0, 0, 0, time.UTC).AddDate(0, e.N, 0)
			return engagement.Date{Year: t.Year(), Month: int(t.Month())}, engagement.Date{}
		}
		if c.Precision() < 3 {
			return c, engagement.Date{}
		}
		t := e.shift(time.Date(c.Year, time.Month(c.Month), c.Day, 12, 0, 0, 0, time.UTC), 1)
		d := engagement.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
		if e.Weeks || e.Months {
			d = d.Truncate(2)
		}
		return d, engagement.Date{}
	}
	switch e.Rel {
	case "that_month":
		if ref.Said.Precision() < 2 {
			return engagement.Date{}, engagement.Date{}
		}
		return ref.Said.Truncate(2), engagement.Date{}
	case "that_year":
		return ref.Said.Truncate(1), engagement.Date{}
	}
	p := ref.Pub
	if p.IsZero() {
		return engagement.Date{}, engagement.Date{}
	}
	fine := 3
	if ref.Approx {
		fine = 2
	}
	at := func(t time.Time, prec int) engagement.Date {
		return engagement.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}.Truncate(min(prec, fine, p.Precision()))
	}
	base := time.Date(p.Year, time.Month(max(p.Month, 1)), max(p.Day, 1), 12, 0, 0, 0, time.UTC)
	switch e.Rel {
	case "today":
		return at(base, 3), engagement.Date{}
	case "weekend":
		// which day of it the text does not say: the month is what it gives
		back := (int(base.Weekday()) - int(time.Saturday) + 7) % 7
		if future {
			return at(base.AddDate(0, 0, (int(time.Saturday)-int(base.Weekday())+7)%7), 2), engagement.Date{}
		}
		return at(base.AddDate(0, 0, -back), 2), engagement.Date{}
	case "dom":
		if p.Precision() < 3 {
			return engagement.Date{}, engagement.Date{}
		}
		t := time.Date(p.Year, time.Month(p.Month), e.Day, 12, 0, 0, 0, time.UTC)
		if future && e.Day < p.Day {
			t = time.Date(p.Year, time.Month(p.Month)+1, e.Day, 12, 0, 0, 0, time.UTC)
		} else if !future && e.Day > p.Day {
			t = time.Date(p.Year, time.Month(p.Month)-1, e.Day, 12, 0, 0, 0, time.UTC)
		}
		return at(t, 3), engagement.Date{}
	case "yesterday":
		return at(base.AddDate(0, 0, -1), 3), engagement.Date{}
	case "tomorrow":
		return at(base.AddDate(0, 0, 1), 3), engagement.Date{}
	case "days_ago":
		prec := 3
		if e.Weeks || e.Months {
			prec = 2
		}
		return at(e.shift(base, -1), prec), engagement.Date{}
	case "weekday":
		if p.Precision() < 3 {
			return at(base, 2), engagement.Date{}
		}
		diff := int(base.Weekday()) - int(e.Weekday)
		if future || e.Mod == "next" {
			ahead := (int(e.Weekday) - int(base.Weekday()) + 7) % 7
			if ahead == 0 && e.Mod == "next" {
				ahead = 7 // "next Wednesday"; a plain "on Wednesday" written on a Wednesday is that day
			}
			return at(base.AddDate(0, 0, ahead), 3), engagement.Date{}
		}
		back := (diff + 7) % 7
		if e.Mod == "last" && back == 0 {
			back = 7
		}
		return at(base.AddDate(0, 0, -back), 3), engagement.Date{}
	case "last_week":
		return at(base.AddDate(0, 0, -7), 2), engagement.Date{}
	case "this_week":
		return at(base, 2), engagement.Date{}
	case "next_week":
		return at(base.AddDate(0, 0, 7), 2), engagement.Date{}
	case "last_month":
		return at(time.Date(p.Year, time.Month(max(p.Month, 1))-1, 1, 0, 0, 0, 0, time.UTC), 2), engagement.Date{}
	case "this_month":
		return at(base, 2), engagement.Date{}
	case "next_month":
		return at(time.Date(p.Year, time.Month(max(p.Month, 1))+1, 1, 0, 0, 0, 0, time.UTC), 2), engagement.Date{}
	case "last_year":
		return engagement.Date{Year: p.Year - 1}, engagement.Date{}
	case "this_year", "recent":
		return engagement.Date{Year: p.Year}, engagement.Date{}
	case "next_year":
		return engagement.Date{Year: p.Year + 1}, engagement.Date{}
	}
	return engagement.Date{}, engagement.Date{}
}

// inferYear gives a month (and day) without a year the year the text is
// about, or else the year of the reference, moved back a year when that
// would put a past event well after publication.
func inferYear(m, d int, ref Ref, future bool) int {
	if ref.Year != 0 {
		return ref.Year
	}
	p := ref.Pub
	if p.IsZero() {
		return 0
	}
	y := p.Year
	if p.Month == 0 {
		return y
	}
	after := m > p.Month || (m == p.Month && d > 0 && p.Day > 0 && d > p.Day+1)
	before := m < p.Month
	switch {
	case !future && after && m-p.Month >= 1:
		y--
	case future && before && p.Month-m >= 2:
		y++
	}
	return y
}

var (
	publishedLine = regexp.MustCompile(`(?im)^\s*(?:published|posted|updated|last updated|first published)(?:\s+on)?\s*:?\s*(?:[A-Za-z]+day,?\s+)?(.{6,40}?)\s*$`)
	urlDate       = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?/`)
)

// PublishedIn finds a publication date printed in the text ("Published May
// 18, 2021") and the byte offsets where that line starts and ends (0, 0 when none).
func PublishedIn(text string) (engagement.Date, int, int) {
	if !strings.Contains(text, "ublished") && !strings.Contains(text, "pdated") && !strings.Contains(text, "osted") &&
		!strings.Contains(text, "UBLISHED") && !strings.Contains(text, "PDATED") && !strings.Contains(text, "OSTED") {
		return engagement.Date{}, 0, 0
	}
	for _, m := range publishedLine.FindAllStringSubmatchIndex(text, 4) {
		s := text[m[2]:m[3]]
		toks := Tokenize(s, 0, len(s))
		for _, e := range FindDates(toks) {
			if e.Absolute() {
				return engagement.Date{Year: e.Year, Month: e.Month, Day: e.Day}, m[0], m[1]
			}
		}
	}
	return engagement.Date{}, 0, 0
}

// URLDate reads a date from a URL path (/2021/05/18/...).
func URLDate(u string) engagement.Date {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return engagement.Date{}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d := engagement.Date{Year: y, Month: mo}
	if m[3] != "" {
		d.Day, _ = strconv.Atoi(m[3])
	}
	if mo < 1 || mo > 12 || d.Day > 31 {
		return engagement.Date{}
	}
	return d
}
