// Package nlp splits news text into paragraphs, sentences and tokens with
// byte offsets into the original text, and finds date expressions.
//
// It is hand-written rather than built on a general sentence splitter because
// bilat needs exact byte offsets for evidence, fix-ups for the titles and
// abbreviations of diplomatic news ("Gen.", "U.S.", "Feb."), and a cost per
// document well under a millisecond.
package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark.
type Token struct {
	Text       string
	Start, End int // byte offsets in the document text
	Lower      string
}

// IsCap reports whether the token starts with an upper-case letter.
func (t Token) IsCap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// IsWord reports whether the token starts with a letter.
func (t Token) IsWord() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r)
}

// IsUpper reports whether every letter of the token is upper case (and it has two or more).
func (t Token) IsUpper() bool {
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// Sentence is one sentence of a document.
type Sentence struct {
	Start, End int // byte offsets in the document text
	Text       string
	Para       int // index of the paragraph it belongs to
	Tokens     []Token
}

// abbreviations that end with a dot but do not end a sentence (lower case, without the dot).
var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true, "maj": true,
	"capt": true, "adm": true, "sgt": true, "gov": true, "sen": true, "rep": true, "st": true, "prof": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true, "etc": true, "inc": true,
	"corp": true, "ltd": true, "jr": true, "sr": true, "hon": true, "rt": true, "messrs": true, "approx": true,
	"fig": true, "vol": true, "pp": true, "u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true,
	"a.m": true, "p.m": true, "smt": true, "shri": true, "md": true, "mohd": true, "sri": true, "st.": true, "h.e": true, "d.c": true, "u.a.e": true, "retd": true, "brig": true,
}

// Sentences splits text into sentences. A blank line, or a line break after
// terminal punctuation or after a short line (a headline, a label), ends a
// paragraph; other line breaks inside a block are white space.
func Sentences(text string) []Sentence {
	var out []Sentence
	para := 0
	start := -1 // start of the current sentence
	emit := func(end int) {
		if start < 0 {
			return
		}
		s := strings.TrimRightFunc(text[start:end], unicode.IsSpace)
		if strings.TrimSpace(s) != "" {
			out = append(out, Sentence{Start: start, End: start + len(s), Text: s, Para: para})
		}
		start = -1
	}
	lineStart := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			line := strings.TrimSpace(text[lineStart:i])
			next := i + 1
			blank := false
			j := next
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j >= len(text) || text[j] == '\n' {
				blank = true
			}
			if blank || endsSentence(line) || utf8.RuneCountInString(line) < 60 || startsItem(text[j:]) {
				emit(i)
				if line != "" {
					para++
				}
			}
			lineStart = next
			i = next
			continue
		}
		if start < 0 {
			if unicode.IsSpace(r) {
				i += w
				continue
			}
			start = i
		}
		if r == '.' || r == '!' || r == '?' {
			end := i + w
			// closing quotes and brackets belong to the sentence
			for end < len(text) {
				q, qw := utf8.DecodeRuneInString(text[end:])
				if q == '"' || q == '\'' || q == '”' || q == '’' || q == ')' {
					end += qw
					continue
				}
				break
			}
			if boundary(text, start, i, end) {
				emit(end)
				i = end
				continue
			}
		}
		i += w
	}
	emit(len(text))
	for k := range out {
		out[k].Tokens = Tokenize(text, out[k].Start, out[k].End)
	}
	return out
}

func startsItem(s string) bool {
	return strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "• ")
}

func endsSentence(line string) bool {
	if line == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:\"”’)", r)
}

// boundary decides whether the punctuation at text[dot] (with closers up to
// end) ends a sentence that began at start.
func boundary(text string, start, dot, end int) bool {
	if text[dot] != '.' {
		return nextStartsSentence(text, end, true)
	}
	// the word before the dot
	ws := dot
	for ws > start {
		r, w := utf8.DecodeLastRuneInString(text[:ws])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' {
			break
		}
		ws -= w
	}
	word := strings.ToLower(text[ws:dot])
	word = strings.TrimLeft(word, "(\"'“‘")
	if abbrev[word] {
		return false
	}
	// a single letter (an initial: "Antony J. Blinken") or dotted initials ("U.S")
	first, _ := utf8.DecodeRuneInString(word)
	if n := utf8.RuneCountInString(word); n == 1 && unicode.IsLetter(first) || (strings.Contains(word, ".") && n <= 6) {
		// "... in the U.S. The talks" — a dotted abbreviation can still end a sentence
		// when the next word is a capitalised common sentence opener.
		return strings.Contains(word, ".") && nextIsOpener(text, end)
	}
	// a decimal number: 3.5
	if dot+1 < len(text) && text[dot+1] >= '0' && text[dot+1] <= '9' && dot > 0 && text[dot-1] >= '0' && text[dot-1] <= '9' {
		return false
	}
	return nextStartsSentence(text, end, false)
}

// nextStartsSentence: after optional spaces, an upper-case letter, a digit or
// an opening quote. A missing space ("May 6.They") still counts when a capital
// follows directly.
func nextStartsSentence(text string, i int, any bool) bool {
	if i >= len(text) {
		return true
	}
	j := i
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j >= len(text) || text[j] == '\n' || text[j] == '\r' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	if j == i { // no space: "May 6.They" ends a sentence, "Pakistan-U.S. ties" does not
		return unicode.IsUpper(r) && j+1 < len(text) && text[j+1] != '.'
	}
	return any || unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([", r)
}

var openers = map[string]bool{"the": true, "he": true, "she": true, "it": true, "they": true, "this": true,
	"in": true, "on": true, "a": true, "both": true, "but": true, "however": true, "we": true, "i": true, "his": true, "her": true}

func nextIsOpener(text string, i int) bool {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) && ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z')) {
		k++
	}
	if k == j || text[j] < 'A' || text[j] > 'Z' {
		return j >= len(text) || text[j] == '\n'
	}
	return openers[strings.ToLower(text[j:k])]
}

// Tokenize splits text[start:end] into tokens: words (letters, digits and
// inner apostrophes, hyphens and dots as in "U.S." or "Bhutto-Zardari"),
// numbers and single punctuation marks. A possessive "'s" is its own token.
func Tokenize(text string, start, end int) []Token {
	var toks []Token
	i := start
	for i < end {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + w
			for j < end {
				q, qw := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(q) || unicode.IsDigit(q) {
					j += qw
					continue
				}
				if (q == '-' || q == '.' || q == '\'' || q == '’' || q == '–') && j+qw < end {
					n, _ := utf8.DecodeRuneInString(text[j+qw:])
					if unicode.IsLetter(n) || unicode.IsDigit(n) {
						// possessive: split "Pakistan's" into "Pakistan" + "'s"
						if (q == '\'' || q == '’') && (text[j+qw] == 's' || text[j+qw] == 'S') && (j+qw+1 >= end || !isWordByte(text[j+qw+1])) {
							break
						}
						// "May 6.They": a dot followed by an upper-case letter after a digit or lower-case word ends the word
						if q == '.' && unicode.IsUpper(n) && j+qw+1 < end && isLowerByte(text[j+qw+1]) {
							break
						}
						j += qw
						continue
					}
					// dotted abbreviations keep their final dot: "U.S."
					if q == '.' && strings.Count(text[i:j], ".") >= 1 && utf8.RuneCountInString(text[i:j]) <= 5 {
						j += qw
					}
				}
				break
			}
			toks = append(toks, mk(text, i, j))
			i = j
		case (r == '\'' || r == '’') && i+w < end && (text[i+w] == 's' || text[i+w] == 'S') && (i+w+1 >= end || !isWordByte(text[i+w+1])):
			toks = append(toks, mk(text, i, i+w+1))
			i += w + 1
		default:
			toks = append(toks, mk(text, i, i+w))
			i += w
		}
	}
	return toks
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func isLowerByte(b byte) bool { return b >= 'a' && b <= 'z' }

// mk makes a token; Lower is lower case with curly apostrophes folded to straight ones.
var quotes = strings.NewReplacer("’", "'", "‘", "'")

func mk(text string, i, j int) Token {
	low := strings.ToLower(text[i:j])
	if strings.Contains(low, "’") || strings.Contains(low, "‘") {
		low = quotes.Replace(low)
	}
	return Token{Text: text[i:j], Start: i, End: j, Lower: low}
}
