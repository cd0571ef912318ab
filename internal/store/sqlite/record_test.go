package sqlite

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"bilat/internal/engagement"
	"bilat/internal/fuse"
	"bilat/internal/store/storetest"
)

// TestDecodeRecord: decodeRecord gives what json.Unmarshal gives, or
// declines; and it decodes the records Put writes.
func TestDecodeRecord(t *testing.T) {
	intern := map[string]string{}
	check := func(body string) bool {
		t.Helper()
		var fast, slow engagement.Engagement
		ok := decodeRecord([]byte(body), &fast, nil)
		err := json.Unmarshal([]byte(body), &slow)
		if ok && (err != nil || !reflect.DeepEqual(fast, slow)) {
			t.Errorf("%s:\ndecodeRecord %+v\njson         %+v (%v)", body, fast, slow, err)
		}
		var shared engagement.Engagement
		if decodeRecord([]byte(body), &shared, intern) != ok || ok && !reflect.DeepEqual(shared, fast) {
			t.Errorf("%s: with shared strings %+v, without %+v", body, shared, fast)
		}
		return ok
	}
	// records as Put writes them: the fast path takes them all
	for _, it := range storetest.Corpus(200, 5) {
		for _, m := range it.Mentions {
			f := &fuse.Fold{}
			f.Add(fuse.Report{Mention: m, DocID: 1})
			r, err := newRow(f.Engagement(0), f)
			if err != nil {
				t.Fatal(err)
			}
			if !check(string(r.record)) {
				t.Fatalf("decodeRecord declines a record Put writes: %s", r.record)
			}
		}
	}
	for _, body := range []string{
		`{}`, `{"id":7}`, ` { "id" : 7 , "kind" : "call" } `, `{"participants":[],"topics":[]}`,
		`{"participants":null,"topics":null,"sources":null}`, `{"sources":[]}`,
		`{"participants":[{"name":"A","title":"","country":"PAK","rank":2},{}]}`,
		`{"participants":[{"name":null,"rank":null}]}`, `{"topics":["a","b"]}`, `{"topics":[null]}`,
		`{"location":"Zürich","date":"2025-01-02"}`, `{"location":"a\"b"}`, `{"location":"a\u003cb"}`,
		`{"id":-3}`, `{"id":-0}`, `{"id":01}`, `{"id":1.0}`, `{"id":1e3}`, `{"id":99999999999999999999}`,
		`{"ID":7}`, `{"other":1}`, `{"id":7}x`, `{"id":7,}`, `{"id" 7}`, `[1]`, ``, `null`, `{"id":"7"}`,
		`{"kind":true}`, `{"participants":{}}`, `{"participants":[{"rank":"1"}]}`, "{\"location\":\"a\xffb\"}",
		`{"sources":[{"url":"x"}]}`, `{"participants":[{"name":"A"}],"participants":[{"name":"B"}]}`,
		`{"date":"a","date":null}`, `{"topics":["x"`, `{"participants":[{"name":"A"`,
	} {
		check(body)
	}
	// random mutations of a record decline or agree
	base := `{"id":12,"kind":"meeting","mode":"in_person","status":"occurred","date":"2021-06-28","date_end":"","location":"Washington","host_country":"","participants":[{"name":"Zubair Hayat","title":"Chairman","country":"PAK","rank":2},{"name":"Joseph Maguire","title":"Director","country":"USA","rank":2}],"topics":["economy","trade"],"sources":null}`
	if !check(base) {
		t.Fatal("declines a plain record")
	}
	r := rand.New(rand.NewPCG(1, 2))
	chars := `{}[]":,0123456789-. \nabcnul` + "\\"
	for range 20000 {
		b := []byte(base)
		for range 1 + r.IntN(3) {
			i := r.IntN(len(b))
			switch r.IntN(3) {
			case 0:
				b[i] = chars[r.IntN(len(chars))]
			case 1:
				b = append(b[:i], b[i+1:]...)
			default:
				b = append(b[:i], append([]byte{chars[r.IntN(len(chars))]}, b[i:]...)...)
			}
		}
		check(string(b))
	}
}

func BenchmarkDecodeRecord(b *testing.B) {
	body := []byte(`{"id":0,"kind":"meeting","mode":"in_person","status":"occurred","date":"2021-06-28","date_end":"","location":"Washington","host_country":"","participants":[{"name":"Zubair Mahmood Hayat","title":"Chairman of the Joint Chiefs of Staff","country":"PAK","rank":2},{"name":"Joseph Maguire","title":"Director of National Intelligence","country":"USA","rank":2}],"topics":["connectivity","economy","education","energy","floods","investment","security","trade"],"sources":null}`)
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			var e engagement.Engagement
			decodeRecord(body, &e, nil)
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			var e engagement.Engagement
			json.Unmarshal(body, &e)
		}
	})
}
