package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"bilat/internal/engagement"
)

var sample = []engagement.Engagement{{
	ID: 7, Kind: engagement.Call, Mode: engagement.Phone, Status: engagement.Occurred, Date: "2022-05-06",
	Participants: []engagement.Participant{
		{Name: "Bilawal Bhutto Zardari", Title: "Foreign Minister", Country: "PAK", Rank: 2},
		{Name: "Antony Blinken", Title: "Secretary of State", Country: "USA", Rank: 2},
	},
	Topics:  []string{"trade", "floods"},
	Sources: []engagement.Source{{URL: "https://example.org/a", Title: "A", Evidence: "They spoke by phone on May 6.", Start: 10, End: 39, Date: "2022-05-06", Status: engagement.Occurred}},
}}

func TestJSONL(t *testing.T) {
	var b bytes.Buffer
	if err := JSONL(&b, sample); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"kind", "mode", "status", "date", "date_end", "location", "host_country", "participants", "topics", "sources", "cameo", "plover"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no field %q", k)
		}
	}
	if got["date_end"] != nil || got["location"] != nil {
		t.Errorf("unknown values must be null, not empty strings: %v %v", got["date_end"], got["location"])
	}
	src := got["sources"].([]any)[0].(map[string]any)
	if src["evidence"] != "They spoke by phone on May 6." || src["start"].(float64) != 10 || src["published"] != nil {
		t.Errorf("source: %v", src)
	}
	if got["cameo"] != "041" {
		t.Errorf("a call is CAMEO 041, got %v", got["cameo"])
	}
}

func TestCSV(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, sample); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") || len(rows[1]) != len(CSVHeader) {
		t.Fatalf("rows: %v", rows)
	}
	row := map[string]string{}
	for i, h := range rows[0] {
		row[h] = rows[1][i]
	}
	if row["participant_1"] != "Bilawal Bhutto Zardari" || row["country_2"] != "USA" || row["topics"] != "trade; floods" || row["n_sources"] != "1" {
		t.Errorf("row: %v", row)
	}
}
