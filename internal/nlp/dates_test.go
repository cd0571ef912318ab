package nlp

import (
	"testing"

	"bilat/internal/engagement"
)

func TestDates(t *testing.T) {
	pub := engagement.Date{Year: 2024, Month: 9, Day: 17} // a Tuesday
	ctx := engagement.Date{Year: 2022, Month: 2, Day: 24}
	tests := []struct {
		text      string
		future    bool
		want      string // first expression, resolved; "" = none found
		wantEnd   string
		noneFound bool
	}{
		{text: "met on May 6", want: "2024-05-06"},
		{text: "weeks after Modi's July meeting with Putin", want: "2024-07"},
		{text: "arrived on Saturday, 17 June 2023, on a visit", want: "2023-06-17"},
		{text: "on Tuesday 4 March", want: "2024-03-04"},
		{text: "On December 14-21, 2022, he travelled", want: "2022-12-14", wantEnd: "2022-12-21"},
		{text: "from 21-22 June 2024", want: "2024-06-21", wantEnd: "2024-06-22"},
		{text: "on 24 February 2022", want: "2022-02-24"},
		{text: "in September 2022", want: "2022-09"},
		{text: "in June last year", want: "2023-06"},
		{text: "in March this year", want: "2024-03"},
		{text: "on Monday", want: "2024-09-16"},
		{text: "on Monday", future: true, want: "2024-09-23"},
		{text: "yesterday", want: "2024-09-16"},
		{text: "this afternoon", want: "2024-09-17"},
		{text: "last month", want: "2024-08"},
		{text: "earlier this year", want: "2024"},
		{text: "two days later", want: "2022-02-26"},
		{text: "a month later", want: "2022-03"},
		{text: "a fortnight ago", want: "2024-09"},
		{text: "three days ago", want: "2024-09-14"},
		{text: "the summer of 2024", want: "2024"},
		{text: "2024-03-05", want: "2024-03-05"},
		{text: "in mid-April", want: "2024-04"},
		{text: "by mid-2023", want: "2023"},
		{text: "met on the 10th", want: "2024-09-10"},
		{text: "met on the 20th", want: "2024-08-20"},
		{text: "will meet on the 20th", future: true, want: "2024-09-20"},
		{text: "on the 10th of May", want: "2024-05-10"},
		{text: "spoke over the weekend", want: "2024-09"},
		{text: "on Tuesday", future: true, want: "2024-09-17"},
		{text: "the previous day", want: "2022-02-23"},
		{text: "since the March meeting", want: "2024-03"},
		{text: "was planned for June", want: "2024-06"},
		{text: "returned the visit last December", want: "2023-12"},
		{text: "met last September", want: "2023-09"},
		{text: "will meet next March", future: true, want: "2025-03"},
		{text: "the March on Washington", noneFound: true},
		{text: "the Ganga Water Treaty of 1996", noneFound: true},
		{text: "his most recent visit", noneFound: true},
		{text: "his recent trip", want: "2024"},
		{text: "over the 1923 Treaty of Lausanne", noneFound: true},
		{text: "The US may impose tariffs", noneFound: true},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.text, 0, len(tc.text))
		ds := FindDates(toks)
		if tc.noneFound {
			if len(ds) != 0 {
				t.Errorf("%q: found %+v, want no date", tc.text, ds)
			}
			continue
		}
		if len(ds) == 0 {
			t.Errorf("%q: no date found", tc.text)
			continue
		}
		d, end := ds[0].Resolve(Ref{Pub: pub, Ctx: ctx}, tc.future)
		if d.String() != tc.want || end.String() != tc.wantEnd {
			t.Errorf("%q: got %s–%s, want %s–%s", tc.text, d, end, tc.want, tc.wantEnd)
		}
	}
}

func TestNoYearIsGuessed(t *testing.T) {
	toks := Tokenize("on May 6", 0, 8)
	d, _ := FindDates(toks)[0].Resolve(Ref{}, false)
	if !d.IsZero() {
		t.Errorf("without a publication date or a year in the text, got %s", d)
	}
}

func TestSentences(t *testing.T) {
	text := "Mr. Blinken met Gen. Munir in the U.S. capital. They spoke on May 6.They agreed. Pakistan-U.S. ties improved."
	got := Sentences(text)
	want := []string{"Mr. Blinken met Gen. Munir in the U.S. capital.", "They spoke on May 6.", "They agreed.", "Pakistan-U.S. ties improved."}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences: %+v", len(got), got)
	}
	for i, s := range got {
		if s.Text != want[i] || text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: %q, want %q", i, s.Text, want[i])
		}
	}
}

func TestPublishedIn(t *testing.T) {
	d, _, _ := PublishedIn("Hard balancing act\n\nPublished May 18, 2021\n\nFOREIGN MINISTER …")
	if d.String() != "2021-05-18" {
		t.Errorf("got %s", d)
	}
	if u := URLDate("https://example.org/world/2023/08/22/story"); u.String() != "2023-08-22" {
		t.Errorf("URLDate: %s", u)
	}
}
