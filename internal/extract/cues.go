package extract

import (
	"strings"
	"unicode"

	"bilat/internal/engagement"
	"bilat/internal/nlp"
)

// Word cues: small tests on a sentence's tokens that say what a trigger
// is not (a greeting, a wish, a process), whose date it is, and whether a
// contact was face to face.

// notContacts are the cues that make a trigger no engagement at all; each
// gives the reason `bilat explain` prints, or "".
var notContacts = []func(toks []nlp.Token, t atom, trigs []atom) string{
	// "they have spoken by telephone regularly": contacts, none of them dated
	func(toks []nlp.Token, t atom, _ []atom) string {
		for k := max(0, t.i-2); k < min(len(toks), t.j+4); k++ {
			if habitual[toks[k].Lower] {
				return "habitual (\"" + toks[k].Lower + "\"): no one contact"
			}
		}
		return ""
	},
	// "Prabowo has met Xi and Putin more than once", "have spoken several times": many contacts, none of them dated
	func(toks []nlp.Token, t atom, _ []atom) string {
		for k := t.j; k < len(toks) && k < t.j+10 && !clauseEnd[toks[k].Lower]; k++ {
			w, prev := toks[k].Lower, ""
			if k > 0 {
				prev = toks[k-1].Lower
			}
			switch {
			case w == "once" && prev == "than",
				w == "repeatedly",
				(w == "times" || w == "occasions") && manyCount[prev]:
				return "repeated (\"" + w + "\"): no one contact"
			}
		}
		return ""
	},
	// "Erdogan and Putin have met more often than either has met any other leader": no one
	func(toks []nlp.Token, t atom, _ []atom) string {
		k := t.i - 1
		for k > 0 && (toks[k].Lower == "has" || toks[k].Lower == "have" || toks[k].Lower == "had") {
			k--
		}
		if k >= 0 && (toks[k].Lower == "either" || toks[k].Lower == "neither") {
			return "no one in particular (\"" + toks[k].Lower + "\")"
		}
		return ""
	},
	// "The trip was to have been his first state visit"
	func(toks []nlp.Token, t atom, _ []atom) string {
		for k := max(0, t.i-6); k+2 < t.i; k++ {
			if toks[k].Lower == "to" && toks[k+1].Lower == "have" && (toks[k+2].Lower == "been" || pastParts[toks[k+2].Lower]) {
				return "a plan that did not happen (\"to have …\")"
			}
		}
		return ""
	},
	// "Lula's visit to Buenos Aires, hosted by then president Alberto Fernández": the visit's host
	func(toks []nlp.Token, t atom, trigs []atom) string {
		if w := toks[t.i].Lower; (w == "hosted" || w == "host") && t.j < len(toks) && toks[t.j].Lower == "by" && visitIn(trigs) {
			return "the visit's host, recorded with the visit"
		}
		return ""
	},
	// "greeted Lula with a brief, formal handshake"
	func(toks []nlp.Token, t atom, _ []atom) string {
		if w := toks[t.i].Lower; w != "greeted" && w != "greets" {
			return ""
		}
		for k := t.j; k < len(toks) && k < t.j+16 && toks[k].Text != ";"; k++ {
			switch toks[k].Lower {
			case "handshake", "handshakes", "hug", "fist", "smile", "nod":
				return "a greeting (\"" + toks[k].Lower + "\"), not talks"
			}
		}
		return ""
	},
	// "a video conference of the coalition of the willing", "a meeting of the G7": a group's
	func(toks []nlp.Token, t atom, _ []atom) string {
		if t.trig.noun && t.trig.kind != engagement.Visit && t.j+2 < len(toks) && toks[t.j].Lower == "of" && toks[t.j+1].Lower == "the" && toks[t.j+2].Lower != "two" {
			return "multilateral (\"" + toks[t.j-1].Lower + " of the …\")"
		}
		return ""
	},
	// "resuming talks on trade": negotiations, not a meeting
	func(toks []nlp.Token, t atom, _ []atom) string {
		if t.trig.noun && t.i > 0 && process(toks, t.i) {
			return "talks as a process (\"" + toks[t.i-1].Lower + " talks\"), not a meeting"
		}
		return ""
	},
}

// dateInPhrase: a date follows the noun within its phrase ("his telephone
// conversation with President Putin on 15 November").
func dateInPhrase(toks []nlp.Token, dates []nlp.DateExpr, t atom) bool {
	for _, e := range dates {
		if e.Tok0 < t.j {
			continue
		}
		for k := t.j; k < e.Tok0; k++ {
			if clauseEnd[toks[k].Lower] {
				return false
			}
		}
		return true
	}
	return false
}

// reported: token i is in a that-clause of speech ("stated that the visit
// by …").
func reported(toks []nlp.Token, i int) bool {
	for k := 1; k < i; k++ {
		if toks[k].Lower != "that" {
			continue
		}
		switch toks[k-1].Lower {
		case "said", "stated", "noted", "added", "recalled", "stressed", "told", "emphasised", "emphasized", "remarked", "observed":
			return true
		}
	}
	return false
}

// process: "resuming talks on trade", "the resumption of talks":
// negotiations over time, not one meeting.
func process(toks []nlp.Token, i int) bool {
	w := toks[i-1].Lower
	if w == "of" && i > 1 {
		w = toks[i-2].Lower
	}
	switch w {
	case "resume", "resumes", "resuming", "resumed", "resumption", "restart", "restarting", "freeze", "froze", "frozen",
		"suspend", "suspended", "suspending", "suspension", "stalled":
		return true
	}
	return false
}

// written: the joint verb's object is a text sent, not a talk ("exchanged
// congratulatory messages", "exchanged letters").
func written(toks []nlp.Token, i int) bool {
	for k := i; k < len(toks) && k < i+3; k++ {
		switch toks[k].Lower {
		case "messages", "message", "letters", "letter", "greetings", "congratulations", "telegrams", "cables", "notes", "condolences":
			return true
		}
	}
	return false
}

// infinitive: "to meet", "to hold talks", "to make a visit" just before a trigger.
func infinitive(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].Lower == "to" {
			return k+1 == i || toks[k+1].Lower == "hold" || toks[k+1].Lower == "make" || toks[k+1].Lower == "pay" || toks[k+1].Lower == "have"
		}
	}
	return false
}

// objectNoun: a noun phrase stands between a verb and the person ("received a gold medal from X").
func objectNoun(toks []nlp.Token, i, j int) bool {
	for k := i; k < j; k++ {
		switch toks[k].Lower {
		case "a", "an", "his", "her", "their", "its", "our", "my":
			if k+1 < j && honorificNouns[toks[k+1].Lower] {
				continue // "by His Excellency President …": an honorific, not a possessive
			}
			return true
		}
	}
	return false
}

// refEndsAt: a reference to a person ends right before token i ("Kishida to visit").
func refEndsAt(refs []pref, i int) bool {
	for _, r := range refs {
		if r.j == i && r.i == 0 && len(r.ents) > 0 {
			return true
		}
	}
	return false
}

// window returns the lower-case words of the clause before a trigger, up to n.
func window(toks []nlp.Token, i, lo, n int) []string {
	var w []string
	for k := i - 1; k >= lo && k >= i-n; k-- {
		if clauseEnd[toks[k].Lower] {
			break
		}
		w = append(w, toks[k].Lower)
	}
	return w
}

func sentenceHas(toks []nlp.Token, w string) bool {
	for _, t := range toks {
		if t.Lower == w {
			return true
		}
	}
	return false
}

// welcomedOnArrival: "arrived in New Delhi and was received by the minister
// of state", "was met at the airport by": protocol at the door, not talks.
func welcomedOnArrival(toks []nlp.Token, t atom) (welcome, airport bool) {
	if t.i == 0 || t.j >= len(toks) || toks[t.j].Lower != "by" && toks[t.j].Lower != "at" {
		return false, false
	}
	if w := toks[t.i-1].Lower; w != "was" && w != "were" {
		return false, false
	}
	for _, tk := range toks {
		switch tk.Lower {
		case "airport", "airbase", "tarmac":
			return true, true
		case "arrived", "arrival", "landed":
			welcome = true
		}
	}
	return welcome, false
}

// progressive: "is heading to Moscow", "are travelling to Delhi": with a
// day to come, an arrangement.
func progressive(toks []nlp.Token, t atom) bool {
	w := toks[t.i].Lower
	return t.i > 0 && strings.HasSuffix(w, "ing") && (toks[t.i-1].Lower == "is" || toks[t.i-1].Lower == "are")
}

// companions: the people who joined a contact ("together with X", "along
// with X", "attended by X", "joined by X").
func companions(toks []nlp.Token, refs []pref, ents func([]pref) []*entity) []*entity {
	var out []*entity
	for _, r := range refs {
		i := r.i
		if i > 0 && determiners[toks[i-1].Lower] {
			i-- // "attended by the crown prince"
		}
		if i < 2 {
			continue
		}
		a, b := toks[i-2].Lower, toks[i-1].Lower
		if b == "with" && (a == "together" || a == "along") || b == "by" && (a == "attended" || a == "joined") {
			out = append(out, ents([]pref{r})...)
		}
	}
	return out
}

// bareConversation: "conversation" with no telephone word before it.
func bareConversation(toks []nlp.Token, t atom) bool {
	if w := toks[t.j-1].Lower; w != "conversation" && w != "conversations" {
		return false
	}
	for k := max(0, t.i-3); k < t.i; k++ {
		switch toks[k].Lower {
		case "phone", "telephone", "telephonic", "video", "virtual", "online":
			return false
		}
	}
	return true
}

// placedAt: the noun is placed "at the G20", "at Novo-Ogaryovo", "in New
// Delhi" right after it.
func placedAt(toks []nlp.Token, t atom) bool {
	if t.j+1 >= len(toks) || toks[t.j].Lower != "at" && toks[t.j].Lower != "in" {
		return false
	}
	k := t.j + 1
	if toks[k].Lower == "the" {
		k++
	}
	return k < len(toks) && toks[k].IsCap() // "at the G20", "at Novo-Ogaryovo"
}

// visitIn: a visit trigger is among the sentence's triggers.
func visitIn(trigs []atom) bool {
	for _, t := range trigs {
		if t.trig.kind == engagement.Visit {
			return true
		}
	}
	return false
}

// jointLeft: the last two people before a trigger are joined by "and"
// ("he and Macron held").
func jointLeft(toks []nlp.Token, left []pref) bool {
	if len(left) < 2 {
		return false
	}
	a, b := left[len(left)-2], left[len(left)-1]
	return a.j+1 == b.i && toks[a.j].Lower == "and" ||
		a.j+2 == b.i && toks[a.j].Lower == "and" && toks[a.j+1].Lower == "the" // "the President of Russia and the Prime Minister of India"
}

// wasToCome: the words before a date say it was still to come ("was due
// to begin on Sunday", "had been scheduled for Friday").
func wasToCome(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		switch toks[k].Lower {
		case "due", "scheduled", "planned", "expected", "set", "slated":
			return true
		case ",", ";":
			return false
		}
	}
	return false
}

// timetableBefore: a present-tense departure governs a trip noun ("BUHARI
// DEPARTS ABUJA WEDNESDAY FOR STATE VISIT").
func timetableBefore(toks []nlp.Token, t atom) bool {
	if !t.trig.noun {
		return false
	}
	for k := t.i - 1; k >= 0 && k >= t.i-8; k-- {
		if clauseEnd[toks[k].Lower] {
			return false
		}
		if timetable[toks[k].Lower] {
			return true
		}
	}
	return false
}

// sequel: "then" or "afterwards" just before the trigger ("the two then
// held talks"), or the day the text is at ("later that day", "within
// hours", "the same day", "later in the day"): it follows what the text
// narrated last.
func sequel(toks []nlp.Token, t atom) bool {
	for k := max(0, t.i-4); k < t.i; k++ {
		switch toks[k].Lower {
		case "then", "afterwards", "subsequently", "thereafter":
			return true
		}
	}
	for k := 0; k+1 < len(toks) && k < t.i+8; k++ {
		a, b := toks[k].Lower, toks[k+1].Lower
		if (a == "that" || a == "same") && (b == "day" || b == "evening" || b == "afternoon" || b == "morning" || b == "night") ||
			a == "within" && b == "hours" || a == "hours" && b == "later" || a == "in" && b == "the" && k+2 < len(toks) && toks[k+2].Lower == "day" {
			return true
		}
	}
	return false
}

// inPerson: the trigger's clause places both sides in one room.
func inPerson(toks []nlp.Token, t atom) bool {
	for k, tk := range toks {
		if k > t.j && (tk.Text == ";" || tk.Text == "," && k+1 < len(toks) && toks[k+1].Lower == "and") {
			break // "spoke to Modi on Tuesday …, and told him he hoped to visit India": another clause
		}
		switch tk.Lower {
		case "since":
			return false // "…, their first call since the March meeting"
		case "sidelines", "in-person", "face-to-face", "met", "visit", "visiting", "talks", "meeting":
			return true
		}
	}
	return false
}

// attached: a noun trigger names its participants next to it ("his call",
// "meeting with Blinken", "talks between X and Y", "the Qureshi-Blinken call").
// ownDate reports whether a date follows a noun closely: "the call of
// February 3", "a second call on March 6".
func ownDate(dates []nlp.DateExpr, t atom) bool {
	for _, e := range dates {
		if e.Tok0 >= t.j && e.Tok0 <= t.j+1 && (e.Day != 0 || e.Rel == "weekday") {
			return true
		}
	}
	return false
}

// gathering reports whether a sentence has its people attend a multilateral
// gathering ("both attended the summit in Granada, where the leaders
// discussed migration"; "a reception hosted by Biden for world leaders"),
// with nothing that sets a bilateral meeting apart on its margins.
func gathering(toks []nlp.Token, at int) bool {
	// the trigger's own clause: ", where …" and ", when …" are clauses of their own
	// ("attended the forum in Beijing, where he held talks with Xi"; "met Xi in
	// October, when he attended the forum")
	lo, hi := 0, len(toks)
	for k := 1; k < len(toks); k++ {
		if toks[k-1].Text == "," && (toks[k].Lower == "where" || toks[k].Lower == "when") {
			if k <= at {
				lo = k
			} else if k-1 < hi {
				hi = k - 1
			}
		}
	}
	attended, gathered := false, false
	for k := lo; k < hi; k++ {
		t := toks[k]
		switch t.Lower {
		case "attended", "attend", "attends", "attending", "addressed":
			attended = true
		case "summit", "conference", "forum", "plenary", "reception", "banquet", "assembly":
			if k == 0 || toks[k-1].Lower != "news" && toks[k-1].Lower != "press" {
				gathered = true // not a "joint news conference"
			}
		case "sidelines", "margins", "margin", "bilateral", "separately", "one-on-one", "separate":
			return false
		case "world":
			if k+1 < len(toks) && toks[k+1].Lower == "leaders" {
				gathered, attended = true, true
			}
		}
	}
	return attended && gathered
}

// remoteMeans finds "by phone", "over the telephone", "via video link" in
// the clause after a meeting verb: the talk was held at a distance.
func remoteMeans(toks []nlp.Token, t atom) (engagement.Mode, bool) {
	for k := t.j; k+1 < len(toks) && k < t.j+12; k++ {
		w := toks[k].Lower
		if w == ";" || w == "while" || w == "after" || w == "before" {
			break
		}
		if w != "by" && w != "over" && w != "via" && w != "on" {
			continue
		}
		n := k + 1
		if toks[n].Lower == "the" || toks[n].Lower == "a" {
			n++
		}
		if n >= len(toks) {
			break
		}
		switch toks[n].Lower {
		case "phone", "telephone":
			return engagement.Phone, true
		case "video", "videoconference", "videolink":
			return engagement.Video, true
		}
	}
	return "", false
}

// clauseContact reports whether a call noun is the means of the clause
// before it: "invited Modi in a phone call", "during a video call".
func clauseContact(toks []nlp.Token, t atom) bool {
	if t.trig.kind != engagement.Call {
		return false
	}
	for k := t.i - 1; k >= 0 && k >= t.i-3; k-- {
		switch toks[k].Lower {
		case "in", "during", "over", "via", "by":
			return true
		case "a", "an", "the", "telephone", "phone", "video", "brief", "lengthy", "late-night":
			continue
		}
		return false
	}
	return false
}

// thisWas: the sentence says what the engagement in focus was ("This was
// the leaders' first conversation since Woodside", "It was their second
// meeting this year"), not another one.
func thisWas(toks []nlp.Token, t atom) bool {
	for p := max(0, t.i-8); p+1 < t.i; p++ {
		if p > 0 && !unicode.IsPunct([]rune(toks[p-1].Text)[0]) {
			continue // (the clause's first words: "**Tracker note.** This was …")
		}
		switch toks[p].Lower {
		case "this", "it", "that":
			switch toks[p+1].Lower {
			case "was", "is", "marked", "marks", "were":
				return true
			}
		}
	}
	return false
}

// nounsDate finds a date that belongs to a noun trigger: "Thursday's visit",
// "last week's talks", "meetings on Monday".
func nounsDate(toks []nlp.Token, dates []nlp.DateExpr, t atom) (nlp.DateExpr, bool) {
	for _, e := range dates {
		if e.Tok1 < len(toks) && (toks[e.Tok1].Lower == "'s" || toks[e.Tok1].Lower == "’s") && t.i-e.Tok1 >= 1 && t.i-e.Tok1 <= 2 {
			return e, true
		}
		if t.trig.noun && e.Tok0 == t.j+1 && (toks[t.j].Lower == "on" || toks[t.j].Lower == "in") && (e.Day != 0 || e.Rel == "weekday") {
			return e, true
		}
	}
	return nlp.DateExpr{}, false
}

// honorificNouns follow "His", "Her" in an honorific: "His Excellency".
var honorificNouns = map[string]bool{"excellency": true, "highness": true, "majesty": true, "royal": true, "holiness": true}

// manyCount: words before "times", "occasions" that make a contact a series.
var manyCount = map[string]bool{"several": true, "many": true, "multiple": true, "numerous": true, "countless": true, "two": true,
	"three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "dozen": true, "of": true}

// duringBefore: the noun at i is what something happened during ("during a
// telephone call between the two", "during his visit").
func duringBefore(toks []nlp.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch toks[k].Lower {
		case "during", "in", "at":
			return toks[k].Lower == "during"
		case "a", "an", "the", "his", "her", "their", "its", "telephone", "phone", "recent", "brief", "video", "last":
			continue
		}
		return false
	}
	return false
}
