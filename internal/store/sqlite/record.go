package sqlite

import (
	"strconv"
	"unicode/utf8"

	"bilat/internal/engagement"
)

// decodeRecord decodes an engagement's record as newRow writes it (the
// encoding/json form of engagement.Engagement, without sources) several
// times faster than json.Unmarshal, which is most of the cost of reading
// a pair's engagements. It gives what json.Unmarshal gives, or false for
// anything it does not expect (an escaped string, a field it does not
// know, a number that is not an integer): json.Unmarshal then decodes it.
//
// intern, when not nil, holds the strings already decoded: an equal one is
// shared rather than allocated again.
func decodeRecord(b []byte, e *engagement.Engagement, intern map[string]string) bool {
	s := scanner{b: b, intern: intern}
	ok := s.object(func(key string) bool {
		switch key {
		case "id":
			return s.int64(&e.ID)
		case "kind":
			return s.str((*string)(&e.Kind))
		case "mode":
			return s.str((*string)(&e.Mode))
		case "status":
			return s.str((*string)(&e.Status))
		case "date":
			return s.str(&e.Date)
		case "date_end":
			return s.str(&e.DateEnd)
		case "location":
			return s.str(&e.Location)
		case "host_country":
			return s.str(&e.HostCountry)
		case "participants":
			if s.null() {
				e.Participants = nil
				return true
			}
			e.Participants = []engagement.Participant{}
			return s.array(func() bool {
				var p engagement.Participant
				ok := s.object(func(key string) bool {
					switch key {
					case "name":
						return s.str(&p.Name)
					case "title":
						return s.str(&p.Title)
					case "country":
						return s.str(&p.Country)
					case "rank":
						var r int64
						if !s.int64(&r) || int64(int(r)) != r {
							return false
						}
						p.Rank = int(r)
						return true
					}
					return false
				})
				e.Participants = append(e.Participants, p)
				return ok
			})
		case "topics":
			if s.null() {
				e.Topics = nil
				return true
			}
			e.Topics = []string{}
			return s.array(func() bool {
				if s.null() { // json.Unmarshal leaves a zero string; keep to the plain case
					return false
				}
				var t string
				ok := s.str(&t)
				e.Topics = append(e.Topics, t)
				return ok
			})
		case "sources": // the record keeps none (migration 0003)
			if s.null() {
				e.Sources = nil
				return true
			}
			e.Sources = []engagement.Source{}
			return s.array(func() bool { return false })
		}
		return false
	})
	s.space()
	return ok && s.i == len(s.b)
}

// scanner reads the plain JSON that encoding/json writes.
type scanner struct {
	b      []byte
	i      int
	intern map[string]string
}

func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// next consumes c (after white space) if it comes next.
func (s *scanner) next(c byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *scanner) null() bool {
	s.space()
	if len(s.b)-s.i >= 4 && string(s.b[s.i:s.i+4]) == "null" {
		s.i += 4
		return true
	}
	return false
}

// object reads an object, calling field with each key to read its value.
func (s *scanner) object(field func(key string) bool) bool {
	if !s.next('{') {
		return false
	}
	if s.next('}') {
		return true
	}
	for {
		var key string
		if !s.str(&key) || !s.next(':') || !field(key) {
			return false
		}
		if s.next(',') {
			continue
		}
		return s.next('}')
	}
}

// array reads an array, calling elem to read each element.
func (s *scanner) array(elem func() bool) bool {
	if !s.next('[') {
		return false
	}
	if s.next(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if s.next(',') {
			continue
		}
		return s.next(']')
	}
}

// str reads a string without escapes into v (null leaves v as it is, as
// json.Unmarshal does).
func (s *scanner) str(v *string) bool {
	if s.null() {
		return true
	}
	if !s.next('"') {
		return false
	}
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			raw := s.b[start:s.i]
			s.i++
			if !utf8.Valid(raw) {
				return false
			}
			if s.intern == nil {
				*v = string(raw)
			} else if x, ok := s.intern[string(raw)]; ok {
				*v = x
			} else {
				*v = string(raw)
				s.intern[*v] = *v
			}
			return true
		case c == '\\' || c < 0x20:
			return false
		}
		s.i++
	}
	return false
}

// int64 reads an integer into v (null leaves v as it is).
func (s *scanner) int64(v *int64) bool {
	if s.null() {
		return true
	}
	s.space()
	start := s.i
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	if s.i < len(s.b) {
		switch s.b[s.i] {
		case '.', 'e', 'E':
			return false
		}
	}
	raw := string(s.b[start:s.i])
	if len(raw) > 1 && (raw[0] == '0' || raw[:2] == "-0") { // not JSON
		return false
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return false
	}
	*v = n
	return true
}
