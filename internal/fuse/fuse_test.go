package fuse

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"bilat/internal/engagement"
)

func date(t testing.TB, s string) engagement.Date {
	t.Helper()
	d, err := engagement.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func pp(name, country string) engagement.Participant {
	return engagement.Participant{Name: name, Country: country}
}

func call(d engagement.Date, ps ...engagement.Participant) engagement.Mention {
	return engagement.Mention{Kind: engagement.Call, Mode: engagement.Phone, Status: engagement.Occurred, Date: d, Participants: ps}
}

func meeting(d engagement.Date, loc string, ps ...engagement.Participant) engagement.Mention {
	return engagement.Mention{Kind: engagement.Meeting, Mode: engagement.InPerson, Status: engagement.Occurred, Date: d, Location: loc, Participants: ps}
}

func visit(d, end engagement.Date, host string, ps ...engagement.Participant) engagement.Mention {
	return engagement.Mention{Kind: engagement.Visit, Mode: engagement.InPerson, Status: engagement.Occurred, Date: d, DateEnd: end, HostCountry: host, Participants: ps}
}

func shareKey(a, b []string) bool {
	for _, k := range a {
		if _, ok := slices.BinarySearch(b, k); ok {
			return true
		}
	}
	return false
}

func TestNameTokens(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Wang Yi", []string{"wang", "yi"}},
		{"Xi", []string{"xi"}},
		{"Mr. Ishaq Dar", []string{"ishaq", "dar"}},
		{"Bilawal Bhutto-Zardari", []string{"bilawal", "bhutto", "zardari"}},
		{"George W. Bush", []string{"george", "bush"}},
		{"Recep Tayyip Erdoğan", []string{"recep", "tayyip", "erdogan"}},
		{"Andrés Manuel López Obrador", []string{"andres", "manuel", "lopez", "obrador"}},
		{"Sheikh Mohammed bin Zayed Al Nahyan", []string{"mohammed", "zayed", "nahyan"}},
		// capped: the first two and the last two
		{"Mohammed bin Salman bin Abdulaziz Al Saud", []string{"mohammed", "salman", "abdulaziz", "saud"}},
		{"Luiz Inácio Lula da Silva", []string{"luiz", "inacio", "lula", "silva"}},
		{"Juan Carlos Alfonso Víctor María de Borbón", []string{"juan", "carlos", "maria", "borbon"}},
		{"Dr.", nil},
		{"", nil},
	} {
		if got := nameTokens(tc.name); !slices.Equal(got, tc.want) {
			t.Errorf("nameTokens(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSamePerson(t *testing.T) {
	for _, tc := range []struct {
		a, b engagement.Participant
		want bool
	}{
		{pp("Wang Yi", "CHN"), pp("Wang", "CHN"), true},
		{pp("Wang Yi", "CHN"), pp("Yi", "CHN"), true},
		{pp("Xi Jinping", "CHN"), pp("Xi", "CHN"), true},
		{pp("Xi", "CHN"), pp("Xi", ""), true},
		{pp("Bilawal", "PAK"), pp("Bilawal Bhutto Zardari", "PAK"), true},
		{pp("Bilawal Zardari", "PAK"), pp("Bilawal Bhutto-Zardari", "PAK"), true},
		{pp("Ishaq Dar", "PAK"), pp("Mohammad Ishaq Dar", "PAK"), true},
		{pp("Dar", "PAK"), pp("Mohammad Ishaq Dar", "PAK"), true},
		{pp("Erdogan", "TUR"), pp("Recep Tayyip Erdoğan", "TUR"), true},
		{pp("Antony Blinken", "USA"), pp("Antony J. Blinken", ""), true},
		{pp("Li Qiang", "CHN"), pp("Li Keqiang", "CHN"), false},
		{pp("Li", "CHN"), pp("Li Qiang", "CHN"), true},
		{pp("Li Qiang", "CHN"), pp("Li Qiang Wei", "CHN"), true}, // all of the shorter in the longer
		{pp("Wang Yi", "CHN"), pp("Wang Yi", "TWN"), false},
		{pp("Wang Yi", "CHN"), pp("Qin Gang", "CHN"), false},
		{pp("Mohammed bin Salman", "SAU"), pp("Faisal bin Farhan", "SAU"), false}, // "bin" is a particle
		{pp("Dr.", "PAK"), pp("Dr.", "PAK"), false},
		{pp("", "PAK"), pp("Dar", "PAK"), false},
	} {
		if got := samePerson(tc.a, tc.b); got != tc.want {
			t.Errorf("samePerson(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := samePerson(tc.b, tc.a); got != tc.want {
			t.Errorf("samePerson(%v, %v) = %v, want %v (not symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestKeys(t *testing.T) {
	d := date(t, "2024-10-23")
	for _, tc := range []struct {
		name string
		m    engagement.Mention
		want []string
	}{
		{"call", call(d, pp("Wang Yi", "CHN"), pp("Antony Blinken", "USA")),
			[]string{"call|antony|wang", "call|antony|yi", "call|blinken|wang", "call|blinken|yi"}},
		{"order of participants does not matter", call(d, pp("Antony Blinken", "USA"), pp("Wang Yi", "CHN")),
			[]string{"call|antony|wang", "call|antony|yi", "call|blinken|wang", "call|blinken|yi"}},
		{"unknown country", meeting(d, "", pp("Modi", ""), pp("Xi", "CHN")),
			[]string{"meeting|modi|xi"}},
		{"both countries unknown", meeting(d, "", pp("Modi", ""), pp("Xi", "")),
			[]string{"meeting|modi|xi"}},
		{"same country pairs give nothing", meeting(d, "",
			pp("Shehbaz Sharif", "PAK"), pp("Ishaq Dar", "PAK"), pp("Blinken", "USA")),
			[]string{"meeting|blinken|dar", "meeting|blinken|ishaq", "meeting|blinken|sharif", "meeting|blinken|shehbaz"}},
		{"duplicates removed", call(d, pp("Khan", "PAK"), pp("Khan", "AFG"), pp("Khan", "")),
			[]string{"call|khan|khan"}},
		{"one participant", call(d, pp("Blinken", "USA")), nil},
		{"one country only", call(d, pp("Blinken", "USA"), pp("Biden", "USA")), nil},
		{"visit", visit(d, engagement.Date{}, "RUS", pp("Narendra Modi", "IND")),
			[]string{"visit|modi|RUS", "visit|narendra|RUS"}},
		{"visit, host unknown", visit(d, engagement.Date{}, "", pp("Modi", "IND")),
			[]string{"visit|modi|?"}},
		{"visit without visitor", visit(d, engagement.Date{}, "RUS"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Keys(tc.m)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Keys = %q, want %q", got, tc.want)
			}
			if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
				t.Errorf("Keys = %q: not sorted and deduplicated", got)
			}
		})
	}
}

// variants are names of one person as reports write them.
var variants = []struct{ country, name string }{
	{"CHN", "Xi Jinping"}, {"CHN", "Xi"}, {"CHN", "Jinping"},
	{"CHN", "Wang Yi"}, {"CHN", "Wang"}, {"CHN", "Yi"},
	{"CHN", "Li Qiang"}, {"CHN", "Li Keqiang"}, {"CHN", "Li"}, {"CHN", "Qin Gang"},
	{"PAK", "Bilawal Bhutto Zardari"}, {"PAK", "Bilawal"}, {"PAK", "Bilawal Bhutto-Zardari"}, {"PAK", "Bilawal Zardari"},
	{"PAK", "Mohammad Ishaq Dar"}, {"PAK", "Ishaq Dar"}, {"PAK", "Dar"}, {"PAK", "Mr. Dar"},
	{"PAK", "Shehbaz Sharif"}, {"PAK", "Muhammad Shehbaz Sharif"}, {"PAK", "Syed Asim Munir"}, {"PAK", "Gen. Asim Munir"},
	{"USA", "Antony Blinken"}, {"USA", "Antony J. Blinken"}, {"USA", "Blinken"}, {"USA", "Joe Biden"}, {"USA", "Joseph R. Biden Jr."},
	{"SAU", "Mohammed bin Salman bin Abdulaziz Al Saud"}, {"SAU", "Mohammed bin Salman"}, {"SAU", "Faisal bin Farhan Al Saud"}, {"SAU", "Faisal bin Farhan"},
	{"MEX", "Andrés Manuel López Obrador"}, {"MEX", "Lopez Obrador"}, {"BRA", "Luiz Inácio Lula da Silva"}, {"BRA", "Lula"},
	{"TUR", "Recep Tayyip Erdoğan"}, {"TUR", "Erdogan"}, {"KOR", "Lee Jae-myung"}, {"KOR", "Lee"},
}

// participants are the variants with their country and with none.
func participants(countries ...string) []engagement.Participant {
	var ps []engagement.Participant
	for _, v := range variants {
		if len(countries) == 0 || slices.Contains(countries, v.country) {
			ps = append(ps, pp(v.name, v.country), pp(v.name, ""))
		}
	}
	return ps
}

// TestKeysCoverSamePerson: any two participants samePerson accepts give
// mentions that share a key, wherever they stand.
func TestKeysCoverSamePerson(t *testing.T) {
	d := date(t, "2023-06-19")
	other := pp("Vladimir Putin", "RUS")
	ps := participants()
	n := 0
	for _, x := range ps {
		for _, y := range ps {
			if !samePerson(x, y) {
				continue
			}
			n++
			for _, c := range []struct{ a, b engagement.Mention }{
				{call(d, x, other), call(d, other, y)},
				{meeting(d, "", other, x), meeting(d, "", y, other)},
				{visit(d, engagement.Date{}, "RUS", x), visit(d, engagement.Date{}, "RUS", y)},
				{visit(d, engagement.Date{}, "", x), visit(d, engagement.Date{}, "", y)},
			} {
				if !Same([]Report{{Mention: c.a, DocID: 1}}, c.b, 2) {
					t.Errorf("%v / %v: %s mentions not the same", x, y, c.a.Kind)
				}
				if !shareKey(Keys(c.a), Keys(c.b)) {
					t.Errorf("%v / %v: %s keys %q and %q share none", x, y, c.a.Kind, Keys(c.a), Keys(c.b))
				}
			}
		}
	}
	if n < len(ps)*2 {
		t.Fatalf("only %d same-person pairs: the variant list is too thin", n)
	}
}

// TestKeysCoverSame: any two mentions Same joins share a key, over every
// call between two of the participants of three countries (all would take
// seconds).
func TestKeysCoverSame(t *testing.T) {
	d := date(t, "2023-06-19")
	ps := participants("CHN", "USA", "KOR")
	var ms []engagement.Mention
	for i := range ps {
		for j := i + 1; j < len(ps); j++ {
			if ps[i].Country == ps[j].Country && ps[i].Country != "" {
				continue
			}
			ms = append(ms, call(d, ps[i], ps[j]))
		}
	}
	keys := make([][]string, len(ms))
	for i, m := range ms {
		keys[i] = Keys(m)
	}
	joined := 0
	for i := range ms {
		rs := []Report{{Mention: ms[i], DocID: 1}}
		for j := range ms {
			if !Same(rs, ms[j], 2) {
				continue
			}
			joined++
			if !shareKey(keys[i], keys[j]) {
				t.Fatalf("Same joins %v and %v, whose keys %q and %q share none", ms[i].Participants, ms[j].Participants, keys[i], keys[j])
			}
		}
	}
	if joined <= len(ms) {
		t.Fatalf("only %d joined pairs of %d mentions: the test sees nothing", joined, len(ms))
	}
}

func TestSame(t *testing.T) {
	d := func(s string) engagement.Date { return date(t, s) }
	blinken, wang := pp("Antony Blinken", "USA"), pp("Wang Yi", "CHN")
	planned := func(m engagement.Mention) engagement.Mention { m.Status = engagement.Planned; return m }
	for _, tc := range []struct {
		name string
		rs   []engagement.Mention
		m    engagement.Mention
		want bool
	}{
		{"same day", []engagement.Mention{call(d("2023-02-03"), blinken, wang)}, call(d("2023-02-03"), pp("Wang", "CHN"), pp("Blinken", "USA")), true},
		{"a day apart", []engagement.Mention{call(d("2023-02-03"), blinken, wang)}, call(d("2023-02-04"), blinken, wang), true},
		{"a day apart across a month", []engagement.Mention{call(d("2023-01-31"), blinken, wang)}, call(d("2023-02-01"), blinken, wang), true},
		{"two days apart", []engagement.Mention{call(d("2023-02-03"), blinken, wang)}, call(d("2023-02-05"), blinken, wang), false},
		{"month and day", []engagement.Mention{call(d("2022-12"), blinken, wang)}, call(d("2022-12-20"), blinken, wang), true},
		{"a trip's arrival and its talks three days later", []engagement.Mention{visit(d("2023-11-04"), engagement.Date{}, "CHN", pp("Anthony Albanese", "AUS"))},
			visit(d("2023-11-07"), engagement.Date{}, "CHN", pp("Albanese", "AUS")), true},
		{"two trips a week apart", []engagement.Mention{visit(d("2023-11-04"), engagement.Date{}, "CHN", pp("Anthony Albanese", "AUS"))},
			visit(d("2023-11-11"), engagement.Date{}, "CHN", pp("Albanese", "AUS")), false},
		{"year and day", []engagement.Mention{call(d("2022"), blinken, wang)}, call(d("2022-12-20"), blinken, wang), true},
		{"unknown date", []engagement.Mention{call(engagement.Date{}, blinken, wang)}, call(d("2022-12-20"), blinken, wang), true},
		{"other month", []engagement.Mention{call(d("2022-05"), blinken, wang)}, call(d("2022-12-20"), blinken, wang), false},
		{"compatible with every report", []engagement.Mention{call(d("2022-12"), blinken, wang), call(d("2022-12-05"), blinken, wang)},
			call(d("2022-12-20"), blinken, wang), false},
		{"other kind", []engagement.Mention{call(d("2023-02-03"), blinken, wang)}, meeting(d("2023-02-03"), "", blinken, wang), false},
		{"one side differs", []engagement.Mention{call(d("2023-02-03"), blinken, wang)}, call(d("2023-02-03"), blinken, pp("Qin Gang", "CHN")), false},
		{"Li Qiang is not Li Keqiang", []engagement.Mention{meeting(d("2023-02-03"), "", blinken, pp("Li Qiang", "CHN"))},
			meeting(d("2023-02-03"), "", blinken, pp("Li Keqiang", "CHN")), false},
		{"short names", []engagement.Mention{meeting(d("2024-10-23"), "Kazan", pp("Narendra Modi", "IND"), pp("Xi Jinping", "CHN"))},
			meeting(d("2024-10-23"), "", pp("Modi", "IND"), pp("Xi", "CHN")), true},
		{"unknown countries", []engagement.Mention{meeting(d("2024-10-23"), "", pp("Narendra Modi", "IND"), pp("Xi Jinping", "CHN"))},
			meeting(d("2024-10-23"), "", pp("Modi", ""), pp("Xi", "")), true},
		{"unknown countries, reversed", []engagement.Mention{meeting(d("2024-10-23"), "", pp("Modi", ""), pp("Xi", ""))},
			meeting(d("2024-10-23"), "", pp("Narendra Modi", "IND"), pp("Xi Jinping", "CHN")), true},
		{"both sides one country", []engagement.Mention{meeting(d("2024-10-23"), "", pp("Shehbaz Sharif", "PAK"), pp("Ishaq Dar", "PAK"), blinken)},
			meeting(d("2024-10-23"), "", pp("Sharif", "PAK"), pp("Dar", "PAK")), false},
		{"one person matching two", []engagement.Mention{meeting(d("2024-10-23"), "", pp("Wang", "CHN"), blinken)},
			meeting(d("2024-10-23"), "", pp("Wang Yi", "CHN"), pp("Wang", "")), false},
		{"location compatible", []engagement.Mention{meeting(d("2023-06-19"), "Washington", blinken, wang)},
			meeting(d("2023-06-19"), "Washington, D.C.", blinken, wang), true},
		{"location differs", []engagement.Mention{meeting(d("2023-06-19"), "Beijing", blinken, wang)},
			meeting(d("2023-06-19"), "Jakarta", blinken, wang), false},
		{"planned then occurred", []engagement.Mention{planned(meeting(d("2023-06"), "", blinken, wang))},
			meeting(d("2023-06-19"), "Beijing", blinken, wang), true},
		{"multi-day meeting", []engagement.Mention{func() engagement.Mention {
			m := meeting(d("2023-06-18"), "", blinken, wang)
			m.DateEnd = d("2023-06-20")
			return m
		}()}, meeting(d("2023-06-20"), "", blinken, wang), true},
		{"visit", []engagement.Mention{visit(d("2024-10-22"), d("2024-10-23"), "RUS", pp("Narendra Modi", "IND"))},
			visit(d("2024-10-23"), engagement.Date{}, "RUS", pp("Modi", "IND")), true},
		{"visit, other city", []engagement.Mention{func() engagement.Mention {
			m := visit(d("2024-10-22"), d("2024-10-24"), "RUS", pp("Narendra Modi", "IND"))
			m.Location = "Kazan"
			return m
		}()}, func() engagement.Mention {
			m := visit(d("2024-10-24"), engagement.Date{}, "RUS", pp("Modi", "IND"))
			m.Location = "Moscow"
			return m
		}(), true},
		{"visit, planned then occurred", []engagement.Mention{planned(visit(d("2024-10"), engagement.Date{}, "RUS", pp("Narendra Modi", "IND")))},
			visit(d("2024-10-22"), d("2024-10-23"), "RUS", pp("Modi", "IND")), true},
		{"visit, other host", []engagement.Mention{visit(d("2024-10-22"), d("2024-10-23"), "RUS", pp("Narendra Modi", "IND"))},
			visit(d("2024-10-22"), engagement.Date{}, "CHN", pp("Modi", "IND")), false},
		{"visit, later trip", []engagement.Mention{visit(d("2024-07-08"), d("2024-07-09"), "RUS", pp("Narendra Modi", "IND"))},
			visit(d("2024-10-22"), engagement.Date{}, "RUS", pp("Modi", "IND")), false},
		{"no reports", nil, call(d("2023-02-03"), blinken, wang), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rs []Report
			for i, m := range tc.rs {
				rs = append(rs, Report{Mention: m, DocID: int64(i + 1)})
			}
			if got := Same(rs, tc.m, 100); got != tc.want {
				t.Errorf("Same = %v, want %v", got, tc.want)
			}
			if got := Same(rs, tc.m, 100); got && !shareKey(Keys(tc.rs[0]), Keys(tc.m)) {
				t.Errorf("Same, but keys %q and %q share none", Keys(tc.rs[0]), Keys(tc.m))
			}
			if len(rs) == 1 {
				back := []Report{{Mention: tc.m, DocID: 100}}
				if got := Same(back, tc.rs[0], 1); got != tc.want {
					t.Errorf("Same reversed = %v, want %v", got, tc.want)
				}
			}
		})
	}
	t.Run("same document", func(t *testing.T) {
		m := call(date(t, "2023-02-03"), blinken, wang)
		if Same([]Report{{Mention: m, DocID: 7}}, m, 7) {
			t.Error("two mentions of one document joined")
		}
	})
}

func TestScore(t *testing.T) {
	d := func(s string) engagement.Date { return date(t, s) }
	blinken, wang := pp("Antony Blinken", "USA"), pp("Wang Yi", "CHN")
	reports := func(ms ...engagement.Mention) []Report {
		var rs []Report
		for i, m := range ms {
			rs = append(rs, Report{Mention: m, DocID: int64(i + 1)})
		}
		return rs
	}
	m := meeting(d("2023-06-19"), "Beijing", blinken, wang)
	for _, tc := range []struct {
		name          string
		better, worse []Report
	}{
		{"the same day beats the month",
			reports(meeting(d("2023-06-19"), "", blinken, wang)),
			reports(meeting(d("2023-06"), "", blinken, wang))},
		{"the same day beats a day apart",
			reports(meeting(d("2023-06-19"), "", blinken, wang)),
			reports(meeting(d("2023-06-18"), "", blinken, wang))},
		{"exact agreement beats size",
			reports(meeting(d("2023-06-19"), "", blinken, wang)),
			reports(meeting(d("2023-06"), "", blinken, wang), meeting(d("2023-06"), "", blinken, wang), meeting(d("2023-06"), "", blinken, wang))},
		{"the location counts",
			reports(meeting(d("2023-06-19"), "Beijing", blinken, wang)),
			reports(meeting(d("2023-06-19"), "", blinken, wang))},
		{"then size",
			reports(meeting(d("2023-06-19"), "", blinken, wang), meeting(d("2023-06-19"), "", blinken, wang)),
			reports(meeting(d("2023-06-19"), "", blinken, wang))},
	} {
		if b, w := Score(tc.better, m), Score(tc.worse, m); b <= w {
			t.Errorf("%s: Score %d, want more than %d", tc.name, b, w)
		}
	}
	if s := Score(nil, m); s != 0 {
		t.Errorf("Score(nil) = %d, want 0", s)
	}
}

func TestBuild(t *testing.T) {
	d := func(s string) engagement.Date { return date(t, s) }
	blinken, wang := pp("Antony Blinken", "USA"), pp("Wang Yi", "CHN")
	with := func(m engagement.Mention, f func(*engagement.Mention)) engagement.Mention { f(&m); return m }
	dated := func(ds ...string) []engagement.Mention {
		var ms []engagement.Mention
		for _, s := range ds {
			ms = append(ms, call(d(s), blinken, wang))
		}
		return ms
	}
	for _, tc := range []struct {
		name      string
		ms        []engagement.Mention
		date, end string
		status    engagement.Status
		location  string
	}{
		{"month then day", dated("2022-12", "2022-12-20"), "2022-12-20", "", engagement.Occurred, ""},
		{"year, month and day", dated("2022", "2022-12", "2022-12-20"), "2022-12-20", "", engagement.Occurred, ""},
		{"Thursday and Friday", dated("2023-02-02", "2023-02-03"), "2023-02", "", engagement.Occurred, ""},
		{"Thursday, Friday and the month", dated("2023-02-02", "2023-02-03", "2023-02"), "2023-02", "", engagement.Occurred, ""},
		{"two Fridays and a Thursday", dated("2023-02-03", "2023-02-02", "2023-02-03"), "2023-02-03", "", engagement.Occurred, ""},
		{"most support the day", dated("2023-02", "2023-02-03", "2023-02-03", "2023-02-02"), "2023-02-03", "", engagement.Occurred, ""},
		{"across a month", dated("2023-01-31", "2023-02-01"), "2023", "", engagement.Occurred, ""},
		{"across a year", dated("2022-12-31", "2023-01-01"), "2022-12-31", "", engagement.Occurred, ""},
		{"unknown dates", dated("", "2023-02-03", ""), "2023-02-03", "", engagement.Occurred, ""},
		{"no dates", dated("", ""), "", "", engagement.Occurred, ""},
		{"planned then occurred", []engagement.Mention{
			with(call(d("2023-02"), blinken, wang), func(m *engagement.Mention) { m.Status = engagement.Planned }),
			call(d("2023-02-03"), blinken, wang),
		}, "2023-02-03", "", engagement.Occurred, ""},
		{"planned", []engagement.Mention{
			with(call(d("2023-02"), blinken, wang), func(m *engagement.Mention) { m.Status = engagement.Planned }),
		}, "2023-02", "", engagement.Planned, ""},
		{"planned then cancelled", []engagement.Mention{
			with(call(d("2023-02"), blinken, wang), func(m *engagement.Mention) { m.Status = engagement.Planned }),
			with(call(d("2023-02"), blinken, wang), func(m *engagement.Mention) { m.Status = engagement.Cancelled }),
		}, "2023-02", "", engagement.Cancelled, ""},
		{"the most common location", []engagement.Mention{
			meeting(d("2023-06-19"), "Beijing", blinken, wang),
			meeting(d("2023-06-19"), "", blinken, wang),
			meeting(d("2023-06-19"), "Diaoyutai State Guesthouse", blinken, wang),
			meeting(d("2023-06-19"), "Diaoyutai State Guesthouse", blinken, wang),
		}, "2023-06-19", "", engagement.Occurred, "Diaoyutai State Guesthouse"},
		{"visit range", []engagement.Mention{
			visit(d("2024-10-22"), d("2024-10-23"), "RUS", pp("Narendra Modi", "IND")),
			visit(d("2024-10-22"), engagement.Date{}, "RUS", pp("Modi", "IND")),
		}, "2024-10-22", "2024-10-23", engagement.Occurred, ""},
		{"end no later than the fused date", []engagement.Mention{
			visit(d("2024-10-22"), d("2024-10-23"), "RUS", pp("Narendra Modi", "IND")),
			visit(d("2024-10-23"), d("2024-10-24"), "RUS", pp("Modi", "IND")),
		}, "2024-10", "", engagement.Occurred, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rs []Report
			for i, m := range tc.ms {
				rs = append(rs, Report{Mention: m, DocID: int64(10 - i), URL: fmt.Sprintf("u%d", i)})
			}
			e := Build(42, rs)
			if e.ID != 42 || e.Kind != tc.ms[0].Kind {
				t.Errorf("id %d kind %q", e.ID, e.Kind)
			}
			if e.Date != tc.date || e.DateEnd != tc.end {
				t.Errorf("date %q–%q, want %q–%q", e.Date, e.DateEnd, tc.date, tc.end)
			}
			if e.Status != tc.status {
				t.Errorf("status %q, want %q", e.Status, tc.status)
			}
			if e.Location != tc.location {
				t.Errorf("location %q, want %q", e.Location, tc.location)
			}
			if len(e.Sources) != len(rs) {
				t.Fatalf("%d sources, want %d", len(e.Sources), len(rs))
			}
			// Sources come in document order and keep their own reading.
			for i, s := range e.Sources {
				r := rs[len(rs)-1-i]
				m := r.Mention
				if s.DocumentID != r.DocID || s.URL != r.URL || s.Date != m.Date.String() || s.DateEnd != m.DateEnd.String() ||
					s.Status != m.Status || s.Location != m.Location {
					t.Errorf("source %d = %+v, want the reading of %+v", i, s, r)
				}
			}
		})
	}
}

func TestBuildParticipants(t *testing.T) {
	d := date(t, "2023-06-19")
	rs := []Report{
		{DocID: 1, Mention: meeting(d, "", pp("Blinken", "USA"), pp("Wang", ""), pp("Qin Gang", "CHN"))},
		{DocID: 2, Mention: meeting(d, "", engagement.Participant{Name: "Antony Blinken", Title: "Secretary of State", Country: "USA", Rank: 2},
			engagement.Participant{Name: "Wang Yi", Title: "Director", Country: "CHN", Rank: 0})},
		{DocID: 3, Mention: meeting(d, "", engagement.Participant{Name: "Wang Yi", Title: "Director of the Office of the Central Foreign Affairs Commission", Country: "CHN", Rank: 2},
			engagement.Participant{Name: "Antony J. Blinken", Title: "Secretary", Country: "USA", Rank: 3})},
	}
	rs[0].Mention.Topics = []string{"trade", "fentanyl"}
	rs[1].Mention.Topics = []string{"taiwan", "trade"}
	e := Build(1, rs)
	want := []engagement.Participant{
		{Name: "Antony J. Blinken", Title: "Secretary of State", Country: "USA", Rank: 2},
		{Name: "Wang Yi", Title: "Director of the Office of the Central Foreign Affairs Commission", Country: "CHN", Rank: 2},
		{Name: "Qin Gang", Country: "CHN"},
	}
	if !reflect.DeepEqual(e.Participants, want) {
		t.Errorf("participants\n got %+v\nwant %+v", e.Participants, want)
	}
	if !slices.Equal(e.Topics, []string{"fentanyl", "taiwan", "trade"}) {
		t.Errorf("topics %q", e.Topics)
	}

	// Two people of one report stay two, though a later report's name
	// could be either.
	rs = []Report{
		{DocID: 1, Mention: meeting(d, "", pp("Mohammed bin Salman", "SAU"), pp("Faisal bin Farhan", "SAU"), pp("Blinken", "USA"))},
		{DocID: 2, Mention: meeting(d, "", pp("Mohammed bin Salman Al Saud", "SAU"), pp("Faisal bin Farhan Al Saud", "SAU"), pp("Blinken", "USA"))},
		{DocID: 3, Mention: meeting(d, "", pp("Li Qiang", "CHN"), pp("Li Keqiang", "CHN"), pp("Li", "CHN"), pp("Blinken", "USA"))},
	}
	e = Build(1, rs)
	var names []string
	for _, p := range e.Participants {
		names = append(names, p.Name)
	}
	if want := []string{"Mohammed bin Salman Al Saud", "Faisal bin Farhan Al Saud", "Blinken", "Li Qiang", "Li Keqiang", "Li"}; !slices.Equal(names, want) {
		t.Errorf("participants %q, want %q", names, want)
	}
}

func TestBuildLeavesInputAlone(t *testing.T) {
	d := date(t, "2023-06-19")
	rs := []Report{
		{DocID: 3, Mention: call(d, pp("Blinken", "USA"), pp("Wang Yi", "CHN"))},
		{DocID: 1, Mention: call(d, pp("Blinken", "USA"), pp("Wang Yi", "CHN"))},
		{DocID: 2, Mention: call(d, pp("Blinken", "USA"), pp("Wang Yi", "CHN"))},
	}
	before := slices.Clone(rs)
	e := Build(1, rs)
	if !reflect.DeepEqual(rs, before) {
		t.Error("Build reordered its argument")
	}
	var docs []int64
	for _, s := range e.Sources {
		docs = append(docs, s.DocumentID)
	}
	if !slices.Equal(docs, []int64{1, 2, 3}) {
		t.Errorf("sources in order %v, want documents 1, 2, 3", docs)
	}
	if e := Build(5, nil); e.ID != 5 || e.Participants == nil || e.Topics == nil || e.Sources == nil {
		t.Errorf("Build(nil) = %+v: want empty, non-nil lists", e)
	}
}

func BenchmarkKeys(b *testing.B) {
	d := date(b, "2023-06-19")
	ms := []engagement.Mention{
		call(d, pp("Antony Blinken", "USA"), pp("Wang Yi", "CHN")),
		meeting(d, "Islamabad", pp("Muhammad Shehbaz Sharif", "PAK"), pp("Mohammed bin Salman bin Abdulaziz Al Saud", "SAU")),
		meeting(d, "", pp("Bilawal Bhutto Zardari", "PAK"), pp("Ishaq Dar", "PAK"), pp("Antony J. Blinken", "USA")),
		visit(d, engagement.Date{}, "USA", pp("Narendra Modi", "IND")),
	}
	n := 0
	for _, m := range ms {
		n += len(Keys(m))
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Keys(ms[i%len(ms)])
	}
	b.ReportMetric(float64(n)/float64(len(ms)), "keys/mention")
}
