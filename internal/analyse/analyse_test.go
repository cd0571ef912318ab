package analyse

import (
	"reflect"
	"testing"
	"time"

	"bilat/internal/actors"
	"bilat/internal/engagement"
	"bilat/internal/store/storetest"
)

var (
	pakUSA  = Pair{"PAK", "USA"}
	occured = engagement.Occurred
)

func eng(id int64, kind engagement.Kind, date, end string, ps ...engagement.Participant) engagement.Engagement {
	mode := engagement.InPerson
	if kind == engagement.Call {
		mode = engagement.Phone
	}
	return engagement.Engagement{ID: id, Kind: kind, Mode: mode, Status: occured, Date: date, DateEnd: end, Participants: ps}
}

func visit(id int64, date, end, host, loc string, ps ...engagement.Participant) engagement.Engagement {
	e := eng(id, engagement.Visit, date, end, ps...)
	e.HostCountry, e.Location = host, loc
	return e
}

func at(e engagement.Engagement, loc string) engagement.Engagement { e.Location = loc; return e }

func with(e engagement.Engagement, st engagement.Status) engagement.Engagement {
	e.Status = st
	return e
}

func topics(e engagement.Engagement, ts ...string) engagement.Engagement { e.Topics = ts; return e }

func TestParsePair(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Pair
		bad  bool
	}{
		{"PAK-USA", Pair{"PAK", "USA"}, false},
		{" pak-usa ", Pair{"PAK", "USA"}, false},
		{"PAK", Pair{}, true},
		{"PAK-PAK", Pair{}, true},
		{"PA1-USA", Pair{}, true},
		{"PAKI-USA", Pair{}, true},
	} {
		got, err := ParsePair(tc.in)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("ParsePair(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestCount(t *testing.T) {
	es := []engagement.Engagement{
		eng(1, engagement.Call, "2025-01-02", "", storetest.Dar, storetest.Rubio),
		eng(2, engagement.Meeting, "2025-02", "", storetest.Sharif, storetest.Trump),
		with(eng(3, engagement.Meeting, "2025-03", "", storetest.Sharif, storetest.Trump), engagement.Planned),
		eng(4, engagement.Call, "2025-01-02", "", storetest.Dar, storetest.Wang),
	}
	got := Count(es, pakUSA)
	want := Counts{Total: 3, ByKind: map[string]int{"call": 1, "meeting": 1}, ByMode: map[string]int{"phone": 1, "in_person": 1},
		ByStatus: map[string]int{"occurred": 2, "planned": 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Count = %+v, want %+v", got, want)
	}
}

func TestLevels(t *testing.T) {
	tests := []struct {
		name string
		es   []engagement.Engagement
		want []Level
	}{
		{"empty", nil, []Level{}},
		{"highest rank per side per month", []engagement.Engagement{
			eng(1, engagement.Call, "2025-05-01", "", storetest.Dar, storetest.Rubio),
			eng(2, engagement.Meeting, "2025-05-20", "", storetest.Sharif, storetest.Hooker),
			eng(3, engagement.Meeting, "2025-06", "", storetest.Munir, storetest.Trump),
		}, []Level{
			{Month: "2025-05", A: 1, B: 2, AIDs: []int64{2}, BIDs: []int64{1}, Count: 2},
			{Month: "2025-06", A: 2, B: 1, AIDs: []int64{3}, BIDs: []int64{3}, Count: 1},
		}},
		{"ties cite every engagement", []engagement.Engagement{
			eng(1, engagement.Call, "2025-05-01", "", storetest.Dar, storetest.Rubio),
			eng(2, engagement.Call, "2025-05-09", "", storetest.Munir, storetest.Rubio),
		}, []Level{{Month: "2025-05", A: 2, B: 2, AIDs: []int64{1, 2}, BIDs: []int64{1, 2}, Count: 2}}},
		{"year-only dates, planned and other pairs left out", []engagement.Engagement{
			eng(1, engagement.Call, "2025", "", storetest.Dar, storetest.Rubio),
			with(eng(2, engagement.Call, "2025-05-01", "", storetest.Dar, storetest.Rubio), engagement.Cancelled),
			eng(3, engagement.Call, "2025-05-01", "", storetest.Dar, storetest.Wang),
		}, []Level{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Levels(tc.es, pakUSA); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Levels = %+v\nwant     %+v", got, tc.want)
			}
		})
	}
}

func TestAsymmetries(t *testing.T) {
	es := []engagement.Engagement{
		// An under secretary received by the deputy prime minister and the army chief.
		eng(1, engagement.Meeting, "2025-04-10", "", storetest.Hooker, storetest.Dar, storetest.Munir),
		eng(2, engagement.Call, "2025-05-01", "", storetest.Dar, storetest.Rubio),
		eng(3, engagement.Meeting, "2026-01-05", "", storetest.Sharif, storetest.Rubio),
		eng(4, engagement.Call, "2026-02-01", "", storetest.Dar),
	}
	got, shares := Asymmetries(es, pakUSA)
	if len(got) != 2 {
		t.Fatalf("Asymmetries = %+v, want 2", got)
	}
	if got[0].ID != 1 || got[0].Higher != "PAK" || got[0].A != 2 || got[0].B != 3 {
		t.Errorf("first = %+v, want engagement 1 with PAK higher (2 vs 3)", got[0])
	}
	if got[1].ID != 3 || got[1].Higher != "PAK" || got[1].A != 1 || got[1].B != 2 {
		t.Errorf("second = %+v", got[1])
	}
	wantShares := []Share{{Year: 2025, Total: 2, Asymmetric: 1, Share: 0.5}, {Year: 2026, Total: 1, Asymmetric: 1, Share: 1}}
	if !reflect.DeepEqual(shares, wantShares) {
		t.Errorf("shares = %+v, want %+v", shares, wantShares)
	}
	if got[0].Note == "" {
		t.Error("no note")
	}
}

func TestCoLocatedCalls(t *testing.T) {
	tests := []struct {
		name string
		es   []engagement.Engagement
		want []CoLocated
	}{
		{"called while visiting the other side", []engagement.Engagement{
			visit(1, "2025-07-20", "2025-07-26", "USA", "", storetest.Dar),
			eng(2, engagement.Call, "2025-07-23", "", storetest.Dar, storetest.Rubio),
		}, []CoLocated{{Call: 2, Date: "2025-07-23", Where: "USA", IDs: []int64{2, 1}}}},
		{"call after the visit ended", []engagement.Engagement{
			visit(1, "2025-07-20", "2025-07-22", "USA", "", storetest.Dar),
			eng(2, engagement.Call, "2025-07-23", "", storetest.Dar, storetest.Rubio),
		}, nil},
		{"visit to a third country", []engagement.Engagement{
			visit(1, "2025-07-20", "2025-07-26", "CHN", "", storetest.Dar, storetest.Wang),
			eng(2, engagement.Call, "2025-07-23", "", storetest.Dar, storetest.Rubio),
		}, nil},
		{"visitor not on the call", []engagement.Engagement{
			visit(1, "2025-07-20", "2025-07-26", "USA", "", storetest.Munir),
			eng(2, engagement.Call, "2025-07-23", "", storetest.Dar, storetest.Rubio),
		}, nil},
		{"both in the same city that day", []engagement.Engagement{
			at(eng(1, engagement.Meeting, "2025-09-24", "", storetest.Dar, storetest.Wang), "New York"),
			at(eng(2, engagement.Meeting, "2025-09-24", "", storetest.Rubio, storetest.Wang), "New York"),
			eng(3, engagement.Call, "2025-09-24", "", storetest.Dar, storetest.Rubio),
		}, []CoLocated{{Call: 3, Date: "2025-09-24", Where: "new york", IDs: []int64{3, 1, 2}}}},
		{"different cities", []engagement.Engagement{
			at(eng(1, engagement.Meeting, "2025-09-24", "", storetest.Dar, storetest.Wang), "Beijing"),
			at(eng(2, engagement.Meeting, "2025-09-24", "", storetest.Rubio, storetest.Wang), "New York"),
			eng(3, engagement.Call, "2025-09-24", "", storetest.Dar, storetest.Rubio),
		}, nil},
		{"call dated to the month only", []engagement.Engagement{
			visit(1, "2025-07-20", "2025-07-26", "USA", "", storetest.Dar),
			eng(2, engagement.Call, "2025-07", "", storetest.Dar, storetest.Rubio),
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CoLocatedCalls(tc.es, pakUSA)
			for i := range got {
				if got[i].Note == "" {
					t.Errorf("finding %d has no note", i)
				}
				got[i].Note = ""
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("CoLocatedCalls = %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestReciprocity(t *testing.T) {
	es := []engagement.Engagement{
		visit(1, "2025-07-20", "2025-07-26", "USA", "Washington", storetest.Dar),
		visit(2, "2025-09-25", "", "USA", "Washington", storetest.Sharif, storetest.Trump),
		visit(3, "2025-10-02", "", "PAK", "Islamabad", storetest.Hooker, storetest.Dar),
		visit(4, "2026-01-10", "", "PAK", "Islamabad", storetest.Rubio),
		visit(5, "2026-02-10", "", "CHN", "Beijing", storetest.Dar),
	}
	got := Reciprocity(es, pakUSA)
	if len(got) != 2 {
		t.Fatalf("Reciprocity = %+v, want 2 years", got)
	}
	y := got[0]
	if y.Year != 2025 || y.AtoB != 2 || y.BtoA != 1 || !reflect.DeepEqual(y.AtoBRank, map[int]int{1: 1, 2: 1}) || !reflect.DeepEqual(y.BtoARank, map[int]int{3: 1}) {
		t.Errorf("2025 = %+v", y)
	}
	if len(y.Visits) != 3 || y.Visits[1].Visitor != "Shehbaz Sharif" || y.Visits[2].From != "USA" || y.Visits[2].To != "PAK" {
		t.Errorf("2025 visits = %+v", y.Visits)
	}
	if got[1].Year != 2026 || got[1].AtoB != 0 || got[1].BtoA != 1 || got[1].Visits[0].ID != 4 {
		t.Errorf("2026 = %+v", got[1])
	}
}

func TestSilences(t *testing.T) {
	now := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name                   string
		es                     []engagement.Engagement
		leaderGap, ministerGap int
		leaderSince, minSince  int
		leaderIDs, ministerIDs []int64
		leaderCount, minCount  int
	}{
		{"none", nil, 0, 0, 0, 0, []int64{}, []int64{}, 0, 0},
		{"gaps at each level", []engagement.Engagement{
			eng(1, engagement.Call, "2025-01-01", "", storetest.Sharif, storetest.Trump),
			eng(2, engagement.Call, "2025-03-01", "", storetest.Dar, storetest.Rubio),
			eng(3, engagement.Meeting, "2025-03-11", "", storetest.Hooker, storetest.Dar),
			eng(4, engagement.Meeting, "2025-12-01", "", storetest.Sharif, storetest.Trump),
		}, 334, 275, 30, 30, []int64{1, 4}, []int64{2, 4}, 2, 3},
		{"month precision counts from the first day", []engagement.Engagement{
			eng(1, engagement.Call, "2025-01", "", storetest.Sharif, storetest.Trump),
			eng(2, engagement.Call, "2025", "", storetest.Sharif, storetest.Trump),
		}, 0, 0, 364, 364, []int64{1}, []int64{1}, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Silences(tc.es, pakUSA, now)
			if len(got) != 2 || got[0].MaxRank != 1 || got[1].MaxRank != 2 {
				t.Fatalf("Silences = %+v", got)
			}
			l, m := got[0], got[1]
			if l.GapDays != tc.leaderGap || l.DaysSince != tc.leaderSince || !reflect.DeepEqual(l.Engagements, tc.leaderIDs) || l.Contacts != tc.leaderCount {
				t.Errorf("leader = %+v", l)
			}
			if m.GapDays != tc.ministerGap || m.DaysSince != tc.minSince || !reflect.DeepEqual(m.Engagements, tc.ministerIDs) || m.Contacts != tc.minCount {
				t.Errorf("minister = %+v", m)
			}
			if l.Note == "" || m.Note == "" {
				t.Error("missing note")
			}
		})
	}
}

func TestTopics(t *testing.T) {
	es := []engagement.Engagement{
		topics(eng(1, engagement.Call, "2025-01-01", "", storetest.Dar, storetest.Rubio), "trade", "security"),
		topics(eng(2, engagement.Call, "2025-03-01", "", storetest.Dar, storetest.Rubio), "trade"),
		topics(eng(3, engagement.Call, "2026", "", storetest.Dar, storetest.Rubio), "trade"),
		topics(eng(4, engagement.Call, "", "", storetest.Dar, storetest.Rubio), "trade"), // undated
		topics(eng(5, engagement.Call, "2025-01-01", "", storetest.Dar, storetest.Wang), "trade"),
	}
	want := []TopicCount{
		{Year: 2025, Topic: "security", Count: 1, IDs: []int64{1}},
		{Year: 2025, Topic: "trade", Count: 2, IDs: []int64{1, 2}},
		{Year: 2026, Topic: "trade", Count: 1, IDs: []int64{3}},
	}
	if got := Topics(es, pakUSA); !reflect.DeepEqual(got, want) {
		t.Errorf("Topics = %+v\nwant %+v", got, want)
	}
}

func TestFirstContacts(t *testing.T) {
	offices := []Office{
		{Person: "Marco Rubio", Country: "USA", Title: "Secretary of State", Rank: 2, From: "2025-01-21"},
		{Person: "Donald Trump", Aliases: []string{"Donald J. Trump"}, Country: "USA", Title: "President", Rank: 1, From: "2025-01-20"},
		{Person: "Wang Yi", Country: "CHN", Title: "Foreign Minister", Rank: 2, From: "2025-01-01"},                            // not of the pair
		{Person: "Antony Blinken", Country: "USA", Title: "Secretary of State", Rank: 2, From: "2021-01-26", To: "2025-01-20"}, // before the data
	}
	djt := storetest.Trump
	djt.Name = "Donald J. Trump"
	es := []engagement.Engagement{
		eng(1, engagement.Call, "2025-01-10", "", storetest.Sharif, engagement.Participant{Name: "Antony Blinken", Country: "USA", Rank: 2}),
		eng(2, engagement.Call, "2025-03-01", "", storetest.Dar, storetest.Rubio),
		eng(3, engagement.Meeting, "2025-07-25", "", storetest.Dar, storetest.Rubio),
		eng(4, engagement.Call, "2025-04-01", "", storetest.Dar, storetest.Rubio),
		visit(5, "2025-09-25", "", "USA", "Washington", storetest.Sharif, djt),
	}
	got := FirstContacts(es, pakUSA, offices)
	if len(got) != 2 {
		t.Fatalf("FirstContacts = %+v, want Rubio and Trump", got)
	}
	r := got[0]
	if r.Office.Person != "Marco Rubio" || r.FirstCall != 2 || r.DaysToCall != 39 || r.CallWith != "Ishaq Dar" ||
		r.FirstMeeting != 3 || r.DaysToMeeting != 185 || !reflect.DeepEqual(r.IDs, []int64{2, 3}) {
		t.Errorf("Rubio = %+v", r)
	}
	tr := got[1]
	if tr.FirstCall != 0 || tr.DaysToCall != -1 || tr.FirstMeeting != 5 || tr.DaysToMeeting != 248 || tr.MeetingWith != "Shehbaz Sharif" {
		t.Errorf("Trump (matched by alias) = %+v", tr)
	}
	if tr.Note == "" {
		t.Error("no note")
	}
}

func TestOfficesFromLexicon(t *testing.T) {
	lex, err := actors.Load("")
	if err != nil {
		t.Fatal(err)
	}
	os := Offices(lex)
	found := false
	for _, o := range os {
		if o.Rank < 1 || o.Rank > 2 {
			t.Errorf("office %+v: rank out of range", o)
		}
		if o.Person == "Donald Trump" && o.From == "2025-01-20" && o.Rank == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("Trump's 2025 presidency missing from %d offices", len(os))
	}
}

func TestAnalyseJSONShape(t *testing.T) {
	a := Analyse(nil, pakUSA, time.Now(), nil)
	if a.Levels == nil || a.Asymmetries == nil || a.CoLocated == nil || a.FirstContacts == nil || a.Pair != "PAK-USA" {
		t.Errorf("Analyse(nil) = %+v: want empty lists, not nil", a)
	}
}
