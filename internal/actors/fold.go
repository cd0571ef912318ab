package actors

import (
	"strings"
	"unicode"
)

// foldMap sends letters with diacritics to their base letters, and
// typographic quotes, dashes and spaces to their ASCII forms, so that
// "Türkiye" = "Turkiye" and "Côte d’Ivoire" = "Cote d'Ivoire". The standard
// library has no Unicode normalisation, and the lexicon needs only the
// Latin letters that occur in names of countries, cities and people.
var foldMap = func() map[rune]string {
	groups := map[string]string{
		"àáâãäåāăą": "a", "çćĉċč": "c", "ďđ": "d", "èéêëēĕėęě": "e",
		"ĝğġģ": "g", "ĥħ": "h", "ìíîïĩīĭįı": "i", "ĵ": "j", "ķ": "k",
		"ĺļľŀł": "l", "ñńņňŉ": "n", "òóôõöøōŏő": "o", "ŕŗř": "r",
		"śŝşšș": "s", "ţťŧț": "t", "ùúûüũūŭůűų": "u", "ŵ": "w",
		"ýÿŷ": "y", "źżž": "z", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th",
		"ð": "d",
	}
	m := map[rune]string{}
	for letters, base := range groups {
		for _, r := range letters {
			m[r] = base
			if u := unicode.ToUpper(r); u != r {
				m[u] = strings.ToUpper(base[:1]) + base[1:]
			}
		}
	}
	for _, r := range "‘’‛ʼʻ`´′" {
		m[r] = "'"
	}
	for _, r := range "“”„″" {
		m[r] = `"`
	}
	for _, r := range "‐‑‒–—―" {
		m[r] = "-"
	}
	for _, r := range "\u00a0\u2007\u202f\u2009" {
		m[r] = " "
	}
	return m
}()

// Fold replaces diacritics, curly quotes, dashes and odd spaces (see
// foldMap): "Brasília" is "Brasilia".
func Fold(s string) string { return fold(s) }

// fold replaces diacritics, curly quotes, dashes and odd spaces (see foldMap).
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if rep, ok := foldMap[r]; ok {
			b.WriteString(rep)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// exactKey is the case-sensitive key: folded, spaces collapsed, nothing else.
func exactKey(s string) string {
	return strings.Join(strings.Fields(fold(s)), " ")
}

// Replacers are safe for concurrent use and costly to build, so build once.
var (
	looseReplacer = strings.NewReplacer("-", " ", ".", "", ",", "")
	titleReplacer = strings.NewReplacer("-", " ", ".", "")
)

// looseKey is the case-insensitive key for names of countries, cities and
// titles: folded, lower case, hyphens as spaces, dots and commas dropped, a
// leading "the" dropped ("the Netherlands", "Washington, D.C." =
// "washington dc").
func looseKey(s string) string {
	s = strings.ToLower(fold(s))
	s = looseReplacer.Replace(s)
	f := strings.Fields(s)
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// wordTokens splits s into lower-case words, hyphens as spaces, with each
// word's final dots dropped: "Lt. Gen." → [lt gen], "H.E." → [h.e]. Only the
// final dot goes, so "H.E." does not become the pronoun "he".
func wordTokens(s string) []string {
	s = strings.ToLower(fold(s))
	s = strings.ReplaceAll(s, "-", " ")
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		w = strings.TrimRight(w, ".,")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// isShortCaps reports whether s is a short all-capital abbreviation (US,
// U.S., UAE, DPRK): two to four letters, all capitals, nothing but dots
// besides. Such names match only when written in capitals, so the pronoun
// "us" is not the United States.
func isShortCaps(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 4
}

// titleModifiers are words before a title that do not change which title it
// is ("acting foreign minister" is a foreign minister).
var titleModifiers = map[string]bool{"acting": true, "interim": true, "caretaker": true}

// titleKey is the lookup key of a title or one of its forms: case, dots and
// hyphens ignored ("F.M." = "fm"), "acting"/"interim"/"caretaker" dropped.
func titleKey(s string) string {
	s = strings.ToLower(fold(s))
	s = titleReplacer.Replace(s)
	f := strings.Fields(s)
	for len(f) > 1 && titleModifiers[f[0]] {
		f = f[1:]
	}
	return strings.Join(f, " ")
}
