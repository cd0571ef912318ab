package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"

	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

//go:embed data/*.txt
var data embed.FS

// trigger is an engagement phrase from data/triggers.txt.
type trigger struct {
	words []string
	kind  engagement.Kind
	mode  engagement.Mode
	obj   bool // needs a person right after it
	spoke bool // "spoke with": a call unless the two were in one room
	dest  bool // a visit verb that needs a destination
	noun  bool // a noun that reports an engagement only with participants attached
}

// phraseIndex finds the longest phrase starting at a token.
type phraseIndex[T any] struct {
	byFirst map[string][]phrase[T]
}

type phrase[T any] struct {
	words []string
	val   T
}

func newIndex[T any]() *phraseIndex[T] { return &phraseIndex[T]{byFirst: map[string][]phrase[T]{}} }

func (ix *phraseIndex[T]) add(words []string, v T) {
	if len(words) == 0 {
		return
	}
	l := ix.byFirst[words[0]]
	l = append(l, phrase[T]{words, v})
	// longest first
	for i := len(l) - 1; i > 0 && len(l[i].words) > len(l[i-1].words); i-- {
		l[i], l[i-1] = l[i-1], l[i]
	}
	ix.byFirst[words[0]] = l
}

// match returns the value and length (in tokens) of the longest phrase at toks[i].
// key gives the token's comparison form.
func (ix *phraseIndex[T]) match(toks []nlp.Token, i int, key func(nlp.Token) string) (T, int) {
	var zero T
	for _, p := range ix.byFirst[key(toks[i])] {
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words); k++ {
			if key(toks[i+k]) != p.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return p.val, len(p.words)
		}
	}
	return zero, 0
}

func lowerKey(t nlp.Token) string { return t.Lower }

// words tokenizes a lexicon phrase the way documents are tokenized.
func words(s string) []string {
	toks := phraseTokens(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, t.Lower)
	}
	return out
}

// phraseTokens tokenizes a lexicon phrase as it reads inside running text:
// "U.S." keeps its last dot rather than ending a sentence.
func phraseTokens(s string) []nlp.Token {
	s += " x"
	toks := nlp.Tokenize(s, 0, len(s))
	return toks[:len(toks)-1]
}

// dataLines calls fn for each line of an embedded data file that is not
// blank or a # comment, with its line number.
func dataLines(name string, fn func(n int, line string) error) error {
	f, err := data.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

func loadTriggers() (*phraseIndex[trigger], error) {
	ix := newIndex[trigger]()
	err := dataLines("data/triggers.txt", func(n int, line string) error {
		parts := strings.Split(line, "|")
		if len(parts) != 4 {
			return fmt.Errorf("extract: data/triggers.txt:%d: want phrase|kind|mode|flags", n)
		}
		t := trigger{words: words(parts[0]), kind: engagement.Kind(parts[1]), mode: engagement.Mode(parts[2])}
		for _, fl := range strings.Fields(parts[3]) {
			switch fl {
			case "obj":
				t.obj = true
			case "spoke":
				t.spoke = true
			case "dest":
				t.dest = true
			case "noun":
				t.noun = true
			default:
				return fmt.Errorf("extract: data/triggers.txt:%d: unknown flag %q", n, fl)
			}
		}
		ix.add(t.words, t)
		return nil
	})
	return ix, err
}

// loadVenues reads the seats of government and venues that place a meeting in a city.
func loadVenues() (*phraseIndex[string], error) {
	ix := newIndex[string]()
	err := dataLines("data/venues.txt", func(n int, line string) error {
		phrase, city, ok := strings.Cut(line, "|")
		if !ok {
			return fmt.Errorf("extract: data/venues.txt:%d: want phrase|city", n)
		}
		ix.add(words(phrase), city)
		return nil
	})
	return ix, err
}
