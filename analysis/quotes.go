package analysis

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of an article body.
type sentence struct {
	sp     span
	toks   []token
	quotes []quoted // top-level quotations inside sp
}

// frame is a reporting construction: a speaker and where their words are.
type frame struct {
	verb    int // index of the verb or marker token
	class   verbClass
	post    bool // the speaker follows the verb ("…, kata Putin")
	mention []token
	pronoun bool
	// content is the span of reported content, empty when the frame only
	// attributes a quotation.
	content span
	// naming marks content that only gives the speaker's name for
	// something ("menyebut X sebagai …"): reported voice, no statement.
	naming  bool
	rule    string
	speaker string // resolved raw name
}

// rawQuote is a quote or reported statement before speaker canonicalisation.
type rawQuote struct {
	kind     string
	text     span
	sent     span
	mention  string // as written
	speaker  string // name derived from the mention (pronouns resolved)
	rule     string
	reported span // for voice: the reported content
}

// kindNaming is an internal quote kind: the span where a speaker names
// something ("menyebut X sebagai …"). It sets the reported voice of the
// terms inside but is not a reported statement and never leaves analysis.
const kindNaming = "naming"

// speakerState carries the last named speaker through an article.
type speakerState struct{ last string }

func between(text string, a, b int) string {
	if a >= b {
		return ""
	}
	return text[a:b]
}

// onlyPunct reports whether s has no letters or digits.
func onlyPunct(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func (s *sentence) inQuote(pos int) bool {
	for _, q := range s.quotes {
		if q.Outer.Start <= pos && pos < q.Outer.End {
			return true
		}
	}
	return false
}

// findFrames appends the reporting constructions of a sentence, in
// order, to frames.
func findFrames(text string, s *sentence, lr *langRules, frames []frame) []frame {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if !lr.is(t, wFrameCue) || s.inQuote(t.Start) {
			continue // no marker, no verb: nothing below applies
		}
		// "Menurutnya, …": according to him or her.
		if lr.is(t, wAccordingPron) {
			f := frame{verb: i, class: verbAfter, mention: toks[i : i+1 : i+1], pronoun: true, rule: "according"}
			f.content, f.post = accordingContent(text, s, t.Start, t.End)
			frames = append(frames, f)
			continue
		}
		// "menurut X" / "according to X".
		if n := matchAccording(toks, i, lr); n > 0 {
			np, end := forwardNP(text, s, toks, i+n, lr)
			if len(np) == 0 {
				continue
			}
			f := frame{verb: i, class: verbAfter, mention: np, rule: "according",
				pronoun: len(np) == 1 && lr.is(&np[0], wPronoun)} // "Menurut dia, …"
			f.content, f.post = accordingContent(text, s, t.Start, np[len(np)-1].End)
			frames = append(frames, f)
			i = end - 1
			continue
		}
		class := lr.verbOf(t)
		if class == 0 { // no verb: every verb has a class
			continue
		}
		if class == verbAttrib && (t.Norm == "menyebut" || t.Norm == "sebut") && !namesAs(toks, i, lr) {
			class = verbSay // "menyebut video itu telah dipotong", not "menyebut X sebagai …"
		}
		prevPunct := i == 0 || hasBreak(text, toks[i-1].End, t.Start)
		switch class {
		case verbAfter, verbAfterPron:
			// Only after a comma or a quotation: "…, kata Putin", "…” tulis KCNA".
			if i == 0 || !prevPunct {
				continue
			}
			f := frame{verb: i, class: class, post: true, rule: t.rule().after}
			if class == verbAfterPron {
				f.pronoun = true
				f.mention = toks[i : i+1 : i+1]
			} else {
				np, _ := forwardNP(text, s, toks, i+1, lr)
				if len(np) == 0 {
					continue
				}
				f.mention = np
				f.pronoun = len(np) == 1 && lr.is(&np[0], wPronoun) // "…, kata dia"
			}
			f.content = contentSpan(text, span{s.sp.Start, toks[i-1].End})
			frames = append(frames, f)
			continue
		}
		if i > 0 && (toks[i-1].Norm == "yang" || toks[i-1].Norm == "who" || toks[i-1].Norm == "which") {
			continue // a relative clause: "yang menyebut …"
		}
		subj, coord := backwardNP(text, s, toks, i, lr)
		if len(subj) == 0 && (coord || prevPunct && strings.HasSuffix(t.Norm, "ing")) {
			// "… dan mengatakan", "…, calling it …": the sentence subject.
			subj = sentenceSubject(text, s, toks, i, lr)
		}
		if len(subj) == 0 && !coord {
			subj = subjectBeforePhrase(text, s, toks, i, lr)
		}
		if len(subj) == 0 {
			// English inverted order: "…," said Kovac (never "told", which takes an object).
			if prevPunct && i > 0 && lr == rulesEN && class == verbSay && t.Norm != "told" {
				np, _ := forwardNP(text, s, toks, i+1, lr)
				if len(np) > 0 {
					frames = append(frames, frame{verb: i, class: verbAfter, post: true, mention: np,
						rule: t.rule().after, content: contentSpan(text, span{s.sp.Start, toks[i-1].End})})
				}
			}
			continue
		}
		f := frame{verb: i, class: class, mention: subj, rule: t.rule().before}
		f.pronoun = len(subj) == 1 && lr.is(&subj[0], wPronoun)
		if q, ok := quoteBefore(text, s, subj[0].Start); ok {
			// "“…,” Kovac told reporters": the frame follows its quotation.
			f.post = true
			f.content = span{s.sp.Start, q.Outer.End}
			frames = append(frames, f)
			continue
		}
		// Content after the verb, skipping "kepada X … bahwa" / "told reporters that".
		cstart := t.End
		for k := i + 1; k < len(toks) && lr.is(&toks[k], wSkip) && !hasBreak(text, toks[k-1].End, toks[k].Start); k++ {
			cstart = toks[k].End // "menegaskan kembali"
		}
		thatAt := -1
		for k := i + 1; k < len(toks) && k <= i+10; k++ {
			if hasBreak(text, toks[k-1].End, toks[k].Start) && k > i+1 {
				break
			}
			if lr.is(&toks[k], wThat) {
				thatAt = k
				break
			}
		}
		if thatAt > i+1 && (lr.is(&toks[thatAt-1], wCoord) || !objectOnly(toks, i+1, thatAt, lr) && thatAt-i-1 > 3) {
			// "said its operations complied … and that …", "said the team
			// would look into allegations that …": the content starts at once.
			thatAt = -1
		}
		if thatAt >= 0 {
			cstart = toks[thatAt].End
		} else if i+2 < len(toks) && lr.is(&toks[i+1], wNPStop) && (toks[i+2].isWeekday() || toks[i+2].month() > 0) {
			cstart = toks[i+2].End // "said on Tuesday the student …"
		}
		rest := trimSpan(text, span{cstart, s.sp.End})
		restText := text[rest.Start:rest.End]
		switch {
		case introducesQuote(text, s, rest):
			// "X mengatakan kepada Putin: “…”" frames a quotation.
		case class == verbAttrib && namesAs(toks, i, lr):
			// "menyebut X sebagai kriminalisasi", "described it as …": the
			// speaker's characterisation, in the speaker's voice.
			f.content = contentSpan(text, cutAtNextVerb(text, toks, i, rest, lr))
			f.naming = true
		case class == verbAttrib:
		case class == verbSayThat && thatAt < 0:
		case onlyPunct(restText) || (len(toks)-1-i) <= 1:
			// "…," Kovac said. The content precedes the subject.
			if i > 0 && prevPunctBefore(text, s, subj, lr) {
				f.content = contentSpan(text, span{s.sp.Start, subj[0].Start})
				f.post = true
			}
		case datePhraseOnly(restText, lr):
			if prevPunctBefore(text, s, subj, lr) {
				f.content = contentSpan(text, span{s.sp.Start, subj[0].Start})
				f.post = true
			}
		case thatAt < 0 && startsWithPreposition(toks, i, lr):
			continue // "the zone Serindra declared around the reef": no statement
		default:
			f.content = contentSpan(text, cutAtNextVerb(text, toks, i, rest, lr))
		}
		frames = append(frames, f)
	}
	return frames
}

// objectOnly reports whether toks[from:to] is only an addressee or object
// phrase ("kepada Putin pada hari Rabu", "reporters"), after which a "that"
// still opens the content clause.
func objectOnly(toks []token, from, to int, lr *langRules) bool {
	for k := from; k < to; k++ {
		t := toks[k]
		if !isNPWord(t, lr) && !lr.is(&t, wNPStop) && !lr.is(&t, wSkip) && !t.isWeekday() && !modifiesRole(toks, k, lr) {
			return false
		}
	}
	return true
}

// cutAtNextVerb ends reported content before a second reporting verb
// joined by a conjunction: "said the unrest was … and suggested that …"
// is two statements.
func cutAtNextVerb(text string, toks []token, v int, rest span, lr *langRules) span {
	for k := v + 2; k+1 < len(toks); k++ {
		if toks[k].Start < rest.Start || toks[k].End > rest.End {
			continue
		}
		if lr.is(&toks[k], wCoord) && lr.verbOf(&toks[k+1]) != 0 {
			return span{rest.Start, toks[k-1].End}
		}
	}
	return rest
}

// accordingContent is the content of an "according to X" marker that
// runs from markerStart to markerEnd: the rest of the sentence when the
// marker opens it ("Menurut KCNA, …"), else what precedes it ("…,
// according to officials"), in which case post is true.
func accordingContent(text string, s *sentence, markerStart, markerEnd int) (c span, post bool) {
	if before := trimSpan(text, span{s.sp.Start, markerStart}); onlyPunct(text[before.Start:before.End]) {
		return contentSpan(text, span{markerEnd, s.sp.End}), false
	}
	return contentSpan(text, span{s.sp.Start, markerStart}), true
}

// namesAs reports "menyebut X sebagai …", "described X as …" (calling X
// something) after toks[i].
func namesAs(toks []token, i int, lr *langRules) bool {
	for k := i + 1; k < len(toks) && k <= i+8; k++ {
		if lr.is(&toks[k], wAs) {
			return true
		}
	}
	return false
}

// startsWithPreposition reports whether the word after the verb toks[i]
// is a preposition, so what follows is no content clause.
func startsWithPreposition(toks []token, i int, lr *langRules) bool {
	if i+2 < len(toks) && (toks[i+2].isWeekday() || toks[i+2].month() > 0) {
		return false // "said on Tuesday …"
	}
	return i+1 < len(toks) && lr.is(&toks[i+1], wNPStop) && !lr.is(&toks[i+1], wThat) && !toks[i+1].Cap
}

// subjectBeforePhrase finds a subject separated from its verb by a
// prepositional phrase: "Kementerian X dalam pernyataannya menyatakan …",
// "Presiden Y, melalui unggahan di akun resminya, menulis …". The
// sentence must open with the subject, and no other reporting verb may
// stand between it and the verb.
func subjectBeforePhrase(text string, s *sentence, toks []token, v int, lr *langRules) []token {
	// Candidate starts: the sentence start and every word after a comma
	// ("Di sisi lain, Kementerian X dalam …"); the first that fits wins.
	for start := 0; start < v; start++ {
		if start > 0 && strings.TrimSpace(between(text, toks[start-1].End, toks[start].Start)) != "," {
			continue
		}
		n := start
		for n < v && n-start < 10 && isNPWord(toks[n], lr) && !s.inQuote(toks[n].Start) &&
			(n == start || !hasBreak(text, toks[n-1].End, toks[n].Start)) {
			n++
		}
		np := toks[start:n]
		if len(np) == 0 || n >= v || lr.is(&np[0], wFunction) || np[0].isWeekday() ||
			!hasProperName(np, lr) && !hasRole(np, lr) {
			continue
		}
		sep := strings.TrimSpace(between(text, np[len(np)-1].End, toks[n].Start))
		if !lr.is(&toks[n], wPP) && sep != "," && !strings.HasPrefix(sep, "(") {
			continue
		}
		ok := true
		for k := n; k < v; k++ {
			if lr.verbOf(&toks[k]) != 0 || s.inQuote(toks[k].Start) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		// "Corporate Secretary PT X Tbk, Ratna Widyastuti, dalam …": the
		// name set off by commas after an office is the subject.
		if sep == "," && !hasProperNameOnly(np, lr) {
			if next := subjectBeforePhraseFrom(text, s, toks, n, v, lr); next != nil {
				return next
			}
		}
		return np
	}
	return nil
}

// hasProperNameOnly reports a phrase that is a name and nothing else.
func hasProperNameOnly(np []token, lr *langRules) bool {
	for _, t := range np {
		if !t.Cap || t.Upper || lr.is(&t, wTitle) || lr.is(&t, wRole) || lr.is(&t, wOrgWord) {
			return false
		}
	}
	return true
}

// subjectBeforePhraseFrom reads a name starting at toks[n] and ended by a
// comma or a preposition before the verb toks[v]; nil when there is none.
func subjectBeforePhraseFrom(text string, s *sentence, toks []token, n, v int, lr *langRules) []token {
	e := n
	for e < v && e-n < 6 && toks[e].Cap && (e == n || !hasBreak(text, toks[e-1].End, toks[e].Start)) {
		e++
	}
	if e == n || e >= v || !hasProperNameOnly(toks[n:e], lr) {
		return nil
	}
	if sep := strings.TrimSpace(between(text, toks[e-1].End, toks[e].Start)); sep != "," && !lr.is(&toks[e], wPP) {
		return nil
	}
	return toks[n:e]
}

// quoteBefore returns the quotation that ends just before pos, with only
// punctuation between.
func quoteBefore(text string, s *sentence, pos int) (quoted, bool) {
	for _, q := range s.quotes {
		if q.Outer.End <= pos && onlyPunct(between(text, q.Outer.End, pos)) {
			return q, true
		}
	}
	return quoted{}, false
}

// introducesQuote reports whether rest begins, within a few words, with a
// colon and a quotation, or with the quotation itself.
func introducesQuote(text string, s *sentence, rest span) bool {
	for _, q := range s.quotes {
		if q.Outer.Start < rest.Start || q.Outer.Start > rest.Start+80 {
			continue
		}
		mid := strings.TrimSpace(between(text, rest.Start, q.Outer.Start))
		if mid == "" || mid == "," || strings.HasSuffix(mid, ":") && countWords(mid, span{0, len(mid)}) <= 6 {
			return onlyPunct(between(text, q.Outer.End, s.sp.End))
		}
	}
	return false
}

// prevPunctBefore reports whether a comma or quotation mark precedes the phrase.
func prevPunctBefore(text string, s *sentence, np []token, lr *langRules) bool {
	b := strings.TrimSpace(between(text, s.sp.Start, np[0].Start))
	// "…, the presidential palace said": a determiner dropped from the
	// subject; "…, his mother Sitti Aminah said": a short descriptor.
	for drop := 0; drop < 3; drop++ {
		bt := tokenize(b, span{0, len(b)})
		if len(bt) == 0 || bt[len(bt)-1].End != len(b) || bt[len(bt)-1].Cap || lr.verbOf(&bt[len(bt)-1]) != 0 {
			break
		}
		b = strings.TrimSpace(b[:bt[len(bt)-1].Start])
	}
	return b != "" && strings.ContainsAny(lastRuneStr(b), ",\"”’'»")
}

func lastRuneStr(s string) string {
	r := lastRune(s)
	return string(r)
}

// datePhraseOnly reports whether s is only a time phrase ("on Tuesday.").
func datePhraseOnly(s string, lr *langRules) bool {
	if hasMoreWords(s, 4) {
		return false // the test below, without tokens for a long rest
	}
	// At most four words: tokenize(s), in an array on the stack.
	var buf [4]token
	toks := appendTokens(buf[:0], s, span{0, len(s)})
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	for _, t := range toks {
		if !(lr.is(&t, wNPStop) || t.isWeekday() || t.month() > 0 || unicode.IsDigit(firstRune(t.Norm))) {
			return false
		}
	}
	return true
}

// contentSpan trims spaces and trailing commas, periods and dashes.
func contentSpan(text string, sp span) span {
	sp = trimSpan(text, sp)
	for sp.End > sp.Start {
		r := lastRune(text[sp.Start:sp.End])
		if !strings.ContainsRune(",.;:—–- ", r) {
			break
		}
		sp.End -= len(string(r))
	}
	for sp.Start < sp.End {
		r := firstRune(text[sp.Start:sp.End])
		if !strings.ContainsRune(",;:—–- ", r) {
			break
		}
		sp.Start += len(string(r))
	}
	return sp
}

// breakMarks are the marks of a clause break between two tokens.
const breakMarks = ",;:()\"“”«»‘’'—–"

// asciiBreak reports the ASCII bytes of breakMarks.
var asciiBreak = func() (t [utf8.RuneSelf]bool) {
	for _, r := range breakMarks {
		if r < utf8.RuneSelf {
			t[r] = true
		}
	}
	return t
}()

// hasBreak reports whether the text between two tokens holds a clause
// break: strings.ContainsAny(text[a:b], breakMarks). The ASCII bytes
// are tested by table, which for the usual gap, one space, spares
// ContainsAny's search of breakMarks for each rune; from the first byte
// outside ASCII, ContainsAny tests the rest.
func hasBreak(text string, a, b int) bool {
	s := between(text, a, b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ContainsAny(s[i:], breakMarks)
		}
		if asciiBreak[c] {
			return true
		}
	}
	return false
}

// matchAccording returns the number of words of an "according to" marker
// starting at toks[i], 0 when there is none.
func matchAccording(toks []token, i int, lr *langRules) int {
	if !lr.is(&toks[i], wAccordingFirst) {
		return 0
	}
	for _, words := range lr.accordingWords {
		if i+len(words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range words {
			if toks[i+k].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			return len(words)
		}
	}
	return 0
}

// isNPWord reports whether t can be part of a speaker phrase.
func isNPWord(t token, lr *langRules) bool {
	return t.Cap || lr.is(&t, wRole) || isPlace([]token{t}) || lr.is(&t, wDet)
}

// modifiesRole reports whether toks[k] is a lower-case word directly before
// a role noun and so part of the speaker phrase: "the presidential office",
// "party officials".
func modifiesRole(toks []token, k int, lr *langRules) bool {
	return k+1 < len(toks) && lr.is(&toks[k+1], wRole) && !lr.is(&toks[k], wFunction) &&
		!lr.is(&toks[k], wPronoun) && !lr.is(&toks[k], wRole) && toks[k+1].Start-toks[k].End <= 1
}

// forwardNP reads a speaker phrase starting at toks[i]: "kantor berita
// Korea Utara, KCNA", "militer Korea Selatan", "Putin". It stops at a
// preposition, a clause break or a quotation, and takes an appositive name
// after a comma. end is the index after the phrase. The phrase is a part
// of toks, toks[i:end] or the appositive, with no room to append to: the
// words are taken one by one, each the one after the last, so np is
// always toks[i:k] (and app toks[k:j]); forwardNPCopy in
// analyze_fast_test.go is the version that copies them.
func forwardNP(text string, s *sentence, toks []token, i int, lr *langRules) (np []token, end int) {
	k := i
	for k < len(toks) && len(np) < 10 {
		t := toks[k]
		if s.inQuote(t.Start) || (len(np) > 0 && hasBreak(text, toks[k-1].End, t.Start)) {
			break
		}
		if len(np) == 0 && lr.is(&t, wPronoun) {
			return toks[k : k+1 : k+1], k + 1
		}
		if lr.is(&t, wIn) && hasRole(np, lr) && k+1 < len(toks) && isPlace(toks[k+1:k+2]) {
			np = toks[i : k+1 : k+1] // "media pemerintah di Pyongyang", "officials in Washington"
			k++
			continue
		}
		if lr.is(&t, wNPStop) && !t.Cap || t.isWeekday() {
			break
		}
		if (t.Norm == "dan" || t.Norm == "and") && len(np) > 0 && k+1 < len(toks) && isNPWord(toks[k+1], lr) {
			np = toks[i : k+1 : k+1]
			k++
			continue
		}
		if !isNPWord(t, lr) && !modifiesRole(toks, k, lr) {
			break
		}
		np = toks[i : k+1 : k+1]
		k++
	}
	// Appositive: ", KCNA," or ", KCNA." after a descriptive phrase.
	if len(np) > 0 && k < len(toks) && strings.TrimSpace(between(text, toks[k-1].End, toks[k].Start)) == "," {
		j := k
		var app []token
		for j < len(toks) && toks[j].Cap && !toks[j].isWeekday() && len(app) < 4 {
			if len(app) > 0 && hasBreak(text, toks[j-1].End, toks[j].Start) {
				break
			}
			app = toks[k : j+1 : j+1]
			j++
		}
		if len(app) > 0 && !isPlace(app) && (j == len(toks) || strings.HasPrefix(strings.TrimSpace(between(text, toks[j-1].End, toks[j].Start)), ",")) {
			if len(speakerName(np, lr)) == 0 || !hasProperName(np, lr) {
				return app, j
			}
		}
	}
	return np, k
}

// isPlaceName is isPlace for a string such as a dateline segment.
func isPlaceName(s string) bool {
	s = strings.Join(strings.Fields(s), " ")
	l := strings.ToLower(s)
	return places[l] || placeAcronyms[l] && strings.ToUpper(s) == s
}

// isPlace reports whether the tokens name a place: a gazetteer entry, or a
// place acronym written in capitals ("AS", "UK", but not the word "as").
func isPlace(ts []token) bool {
	if len(ts) == 1 && ts[0].Upper && ts[0].info().global&gPlaceAcronym != 0 {
		return true
	}
	if len(ts) == 1 {
		return ts[0].info().global&gPlace != 0
	}
	if len(ts) > 1 && ts[0].info().global&gPlaceHead == 0 {
		return false // no place of several words starts with this one
	}
	// places[joinNorm(ts)], without building the string.
	var buf [64]byte
	return places[string(appendJoinNorm(buf[:0], ts))]
}

// placeHeads holds every part of a place name before a space ("new" and
// "new york" for "new york city"): a name of several words is a place only
// if its first word is one.
var placeHeads = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for k, ok := range places {
		for j := 0; j < len(k) && ok; j++ {
			if k[j] == ' ' {
				m[k[:j]] = true
			}
		}
	}
	return m
})

// appendJoinNorm appends the Norm of each token to b, separated by spaces.
func appendJoinNorm(b []byte, ts []token) []byte {
	for i, t := range ts {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.Norm...)
	}
	return b
}

// backwardNP reads the subject phrase that ends just before toks[v],
// skipping adverbs ("juga", "telah"). coord reports that the verb follows a
// conjunction ("… dan mengatakan") and so shares the sentence subject.
func backwardNP(text string, s *sentence, toks []token, v int, lr *langRules) (np []token, coord bool) {
	k := v - 1
	for k >= 0 && lr.is(&toks[k], wSkip) && !toks[k].Cap && !hasBreak(text, toks[k].End, toks[k+1].Start) {
		k--
	}
	if k >= 0 && !s.inQuote(toks[k].Start) && strings.TrimSpace(between(text, toks[k].End, toks[k+1].Start)) == "," {
		// "juru bicara Kementerian X, Nurul Huda Zainal, menyatakan": the
		// name between two commas is the subject.
		return appositive(text, s, toks, k, lr), false
	}
	if k < 0 || hasBreak(text, toks[k].End, toks[k+1].Start) || s.inQuote(toks[k].Start) {
		return nil, false
	}
	if lr.is(&toks[k], wCoord) {
		return nil, true
	}
	if lr.is(&toks[k], wPronoun) {
		return toks[k : k+1 : k+1], false // a part of toks, as the other phrases
	}
	end := k
	for k >= 0 && end-k < 10 {
		t := toks[k]
		if s.inQuote(t.Start) {
			break
		}
		if k < end && hasBreak(text, t.End, toks[k+1].Start) {
			break
		}
		if (t.Norm == "dan" || t.Norm == "and") && k < end && k > 0 && isNPWord(toks[k-1], lr) {
			k--
			continue
		}
		// "Rina Hapsari dari Institut X", "diplomats in Jakarta".
		if k < end && k > 0 && !hasBreak(text, toks[k-1].End, t.Start) &&
			(lr.is(&t, wOf) && toks[k-1].Cap && toks[k+1].Cap || lr.is(&t, wIn) && isPlace(toks[k+1:k+2]) && lr.is(&toks[k-1], wRole)) {
			k--
			continue
		}
		if !isNPWord(t, lr) && !modifiesRole(toks, k, lr) {
			break
		}
		k--
	}
	np = toks[k+1 : end+1]
	// Drop sentence-initial function words ("Kemudian Putin").
	for len(np) > 0 && (lr.is(&np[0], wStop) || lr.is(&np[0], wSkip) || lr.is(&np[0], wCoord)) {
		np = np[1:]
	}
	if len(np) > 0 && !hasProperName(np, lr) && !hasRole(np, lr) {
		return nil, false
	}
	return np, false
}

// appositive reads a name that ends at toks[k] and is set off by commas
// (or opens the sentence), for "…, Colonel Marco Estrada, told reporters".
// It returns nil when the words there do not name someone.
func appositive(text string, s *sentence, toks []token, k int, lr *langRules) []token {
	j := k
	for j >= 0 && k-j < 6 && isNPWord(toks[j], lr) && !s.inQuote(toks[j].Start) {
		if j < k && hasBreak(text, toks[j].End, toks[j+1].Start) {
			break
		}
		j--
	}
	np := toks[j+1 : k+1]
	if len(np) == 0 || !hasProperName(np, lr) || len(np) == 1 && (np[0].isWeekday() || np[0].month() > 0) {
		return nil
	}
	before := strings.TrimSpace(between(text, s.sp.Start, np[0].Start))
	if before != "" && !strings.HasSuffix(before, ",") {
		return nil
	}
	return np
}

// hasRole reports whether the phrase holds a role noun.
func hasRole(np []token, lr *langRules) bool {
	for _, t := range np {
		if lr.is(&t, wRole) && t.Norm != "the" && t.Norm != "a" && t.Norm != "an" && t.Norm != "of" {
			return true
		}
	}
	return false
}

// hasProperName reports whether the phrase holds a capitalised word that
// is not a title, a role or part of a place name.
func hasProperName(np []token, lr *langRules) bool {
	for i := 0; i < len(np); i++ {
		if n := placePrefix(np[i:]); n > 0 {
			i += n - 1
			continue
		}
		t := np[i]
		if t.Cap && !lr.is(&t, wTitle) && !lr.is(&t, wRole) {
			return true
		}
	}
	return false
}

// sentenceSubject returns the phrase that opens the sentence, for a verb
// coordinated with an earlier one: "Putin, dalam …, dan mengatakan".
func sentenceSubject(text string, s *sentence, toks []token, v int, lr *langRules) []token {
	var np []token
	for k := 0; k < v && len(np) < 8; k++ {
		t := toks[k]
		if s.inQuote(t.Start) || len(np) > 0 && hasBreak(text, toks[k-1].End, t.Start) {
			break
		}
		if len(np) == 0 && lr.is(&t, wPronoun) {
			return []token{t}
		}
		if !isNPWord(t, lr) {
			break
		}
		np = append(np, t)
	}
	if !hasProperName(np, lr) && !hasRole(np, lr) {
		return nil
	}
	return np
}

// speakerName turns a speaker phrase into a name: the proper name without
// titles and places ("Presiden Rusia Vladimir Putin" → "Vladimir Putin",
// "juru bicara Departemen Luar Negeri Matthew Miller" → "Matthew Miller"),
// or, when the phrase names no one, the phrase itself without "para"/"the"
// ("militer Korea Selatan"). What it returns is always a part of np
// (appendNameRuns relies on that).
func speakerName(np []token, lr *langRules) []token {
	for len(np) > 0 && lr.is(&np[0], wDet) {
		np = np[1:]
	}
	// "Marta Quill of the Lindgate Institute": the person before "of".
	for k := 1; k < len(np)-1; k++ {
		if lr.is(&np[k], wOf) && np[k-1].Cap {
			if head := speakerName(np[:k], lr); len(head) > 0 && hasProperName(head, lr) && k-len(head) >= 0 && head[len(head)-1].End == np[k-1].End {
				return head
			}
			break
		}
	}
	// "Kestrania's Prime Minister Viktor Haldane": what follows the
	// possessive, when it names someone ("Talaya's health ministry" stays).
	for k := len(np) - 2; k >= 0; k-- {
		if strings.HasSuffix(np[k].Norm, "'s") {
			if rest := np[k+1:]; hasProperName(rest, lr) {
				np = rest
			}
			break
		}
	}
	// The last run of capitalised words.
	end := len(np)
	for end > 0 && !np[end-1].Cap {
		end--
	}
	start := end
	for start > 0 && np[start-1].Cap {
		start--
	}
	run := np[start:end]
	// An organisation followed by a person: keep what follows the last organisation word.
	// A single word after it is the country ("Kementerian Luar Negeri Serindra").
	for k := len(run) - 1; k >= 0; k-- {
		if lr.is(&run[k], wOrgWord) {
			if k < len(run)-2 {
				run = run[k+1:]
			}
			break
		}
	}
	// "Direktur Utama PT SBN Benny Kurniawan": the person's name closing
	// a phrase of offices and organisations.
	if k := personSuffix(run, lr); k > 0 {
		run = run[k:]
		start += k
	}
	// A single word after an institution names its country, not a person:
	// "otoritas Talaya", "the Serindran navy" (but "kantor berita KCNA").
	if len(run) == 1 && !run[0].Upper && start > 0 && lr.is(&np[start-1], wInstitution) && end == len(np) {
		return np
	}
	// Drop leading titles and places.
	for len(run) > 0 {
		if (lr.is(&run[0], wTitle) || lr.is(&run[0], wRole)) && !(len(run) > 1 && lr.is(&run[1], wOrgWord)) {
			run = run[1:]
			continue
		}
		if n := placePrefix(run); n > 0 && n < len(run) {
			run = run[n:]
			continue
		}
		break
	}
	if len(run) == 0 || isPlace(run) || end < len(np) {
		return np // a descriptive phrase
	}
	return run
}

// personSuffix returns where a closing person's name of two or more
// capitalised words starts in run, after titles, organisation words,
// acronyms ("PT", "KLHK") or places; 0 when there is none or the whole
// run is the name.
func personSuffix(run []token, lr *langRules) int {
	k := len(run)
	for k > 0 {
		t := run[k-1]
		if !t.Cap || t.Upper || lr.is(&t, wTitle) || lr.is(&t, wRole) || lr.is(&t, wOrgWord) || isPlace(run[k-1:k]) {
			break
		}
		k--
	}
	if len(run)-k < 2 || k == 0 {
		return 0
	}
	return k
}

// placePrefix returns how many leading tokens form a place name (longest first).
func placePrefix(ts []token) int {
	for n := min(len(ts), 4); n > 0; n-- {
		if isPlace(ts[:n]) {
			return n
		}
	}
	return 0
}

// phraseText returns the text of a phrase; a descriptive phrase starts in lower case.
func phraseText(text string, np []token, lr *langRules) string {
	if len(np) == 0 {
		return ""
	}
	s := text[np[0].Start:np[len(np)-1].End]
	if !hasProperName(np[:1], lr) && np[0].Cap && !np[0].Upper && np[0].info().global&gPlace == 0 {
		r := firstRune(s)
		s = string(unicode.ToLower(r)) + s[len(string(r)):]
	}
	return s
}

// attrBufs are the buffers of attribute, to reuse from sentence to
// sentence, and the store of the quotes it returns.
type attrBufs struct {
	frames []frame
	out    []*rawQuote
	// quotes holds the last quotes handed out. When it is full, a new
	// store twice as large replaces it, and the quotes handed out stay
	// where they are. reset makes the store reusable: the quotes handed
	// out since the last reset are then overwritten by the next ones.
	quotes []rawQuote
	// pronounRules maps a rule to the rule + "+pronoun" (see pronounRule).
	pronounRules map[string]string
}

// newQuote returns a new quote from the store of b, valid until b.reset.
func (b *attrBufs) newQuote(q rawQuote) *rawQuote {
	if len(b.quotes) == cap(b.quotes) {
		b.quotes = make([]rawQuote, 0, max(32, 2*cap(b.quotes)))
	}
	b.quotes = append(b.quotes, q)
	return &b.quotes[len(b.quotes)-1]
}

// reset lets newQuote reuse the store: every quote it handed out before
// must be dead or copied.
func (b *attrBufs) reset() { b.quotes = b.quotes[:0] }

// attribute finds quotes and reported statements in one sentence and
// resolves pronouns with st. The list returned is in the buffers of b
// and valid until the next call with b; the quotes in it stay valid until
// b.reset.
func attribute(text string, s *sentence, prevAttributed bool, lr *langRules, st *speakerState, b *attrBufs) []*rawQuote {
	b.frames = findFrames(text, s, lr, b.frames[:0])
	frames := b.frames
	// Resolve speakers in text order.
	for k := range frames {
		f := &frames[k]
		if f.pronoun {
			f.speaker = st.last
			continue
		}
		name := speakerName(f.mention, lr)
		f.speaker = phraseText(text, name, lr)
		if f.speaker != "" {
			st.last = f.speaker
		}
	}
	out := b.out[:0]
	// Quotations.
	for _, q := range s.quotes {
		inner := trimSpan(text, q.Inner)
		if inner.Start >= inner.End || onlyPunct(text[inner.Start:inner.End]) {
			continue
		}
		rq := b.newQuote(rawQuote{text: inner, sent: s.sp})
		before := strings.TrimSpace(between(text, s.sp.Start, q.Outer.Start))
		after := strings.TrimSpace(between(text, q.Outer.End, s.sp.End))
		whole := onlyPunct(before) && onlyPunct(after)
		var f *frame
		// A frame right after the closing mark: "…,” kata Putin", "…”, menurut KCNA".
		for k := range frames {
			if fr := &frames[k]; fr.post && fr.verb < len(s.toks) && s.toks[fr.verb].Start >= q.Outer.End &&
				onlyPunct(between(text, q.Outer.End, frameStart(s, fr))) {
				f, rq.kind = fr, KindDirect
				break
			}
		}
		if f == nil && (strings.HasSuffix(before, ":") || strings.HasSuffix(before, ",") && endsWithSayVerb(before, lr)) {
			rq.kind = KindDirect
			clause := clauseStart(text, s, q.Outer.Start)
			for k := len(frames) - 1; k >= 0; k-- {
				if v := s.toks[frames[k].verb].Start; v < q.Outer.Start && v >= clause && !frames[k].post {
					f = &frames[k]
					break
				}
			}
			if f == nil {
				// "dan Kim meninggalkan pesan … yang berbunyi: “…”": the clause subject.
				for k, t := range s.toks {
					if t.Start >= clause && t.End <= q.Outer.Start && (hasProperName([]token{t}, lr) || lr.is(&t, wPronoun)) {
						np := []token{t}
						for j := k + 1; j < len(s.toks) && s.toks[j].Cap && !hasBreak(text, s.toks[j-1].End, s.toks[j].Start); j++ {
							np = append(np, s.toks[j])
						}
						f = &frame{mention: np, pronoun: lr.is(&t, wPronoun), rule: "colon"}
						if f.pronoun {
							f.speaker = st.last
						} else {
							f.speaker = phraseText(text, speakerName(np, lr), lr)
							st.last = f.speaker
						}
						break
					}
				}
			}
			if f != nil && !strings.HasPrefix(f.rule, "colon") {
				f = &frame{mention: f.mention, pronoun: f.pronoun, speaker: f.speaker, rule: "colon+" + f.rule}
			}
		}
		if f == nil {
			// The nearest frame before the quotation, else after it.
			for k := range frames {
				if s.toks[frames[k].verb].Start < q.Outer.Start {
					f = &frames[k]
				}
			}
			if f == nil {
				for k := range frames {
					if s.toks[frames[k].verb].Start >= q.Outer.End {
						f = &frames[k]
						break
					}
				}
			}
			if f != nil {
				rq.kind = KindPartial
				if whole || quoteIsClauseAfter(text, s, f, q) || continuesAfterFrame(text, s, f, q) {
					rq.kind = KindDirect
				}
			}
		}
		switch {
		case f != nil:
			rq.mention = mentionText(text, f)
			rq.speaker = f.speaker
			rq.rule = f.rule
			if f.pronoun {
				rq.rule = b.pronounRule(rq.rule)
			}
		case whole && prevAttributed && st.last != "":
			rq.kind, rq.speaker, rq.rule = KindDirect, st.last, "continuation"
		case whole:
			rq.kind, rq.rule = KindDirect, "none"
		default:
			rq.kind, rq.rule = KindScare, "none"
		}
		out = append(out, rq)
	}
	// Reported statements: frames with content that is not just a quotation.
	for k := range frames {
		f := &frames[k]
		c := f.content
		if c.End <= c.Start || f.speaker == "" {
			continue
		}
		if coveredByQuote(text, s, c) || !hasWords(text, c, 3) || f.post && endsWithQuote(text, s, c) {
			continue
		}
		kind := KindReported
		if f.naming {
			kind = kindNaming
		}
		out = append(out, b.newQuote(rawQuote{kind: kind, text: c, sent: s.sp, mention: mentionText(text, f),
			speaker: f.speaker, rule: b.ruleOf(f), reported: c}))
	}
	b.out = out
	return out
}

// ruleOf is the rule of a quote by frame f: f.rule, and "+pronoun" when
// the speaker is a pronoun.
func (b *attrBufs) ruleOf(f *frame) string {
	if f.pronoun {
		return b.pronounRule(f.rule)
	}
	return f.rule
}

// pronounRule returns rule + "+pronoun", made once per rule: the rules
// are few, their quotes many.
func (b *attrBufs) pronounRule(rule string) string {
	r, ok := b.pronounRules[rule]
	if !ok {
		if b.pronounRules == nil {
			b.pronounRules = make(map[string]string)
		}
		r = rule + "+pronoun"
		b.pronounRules[rule] = r
	}
	return r
}

func frameStart(s *sentence, f *frame) int {
	if f.post {
		if f.rule == "according" || strings.HasPrefix(f.rule, "after:") {
			return s.toks[f.verb].Start
		}
		return f.mention[0].Start
	}
	return s.toks[f.verb].Start
}

// clauseStart is the offset after the last comma before pos in the sentence.
func clauseStart(text string, s *sentence, pos int) int {
	b := between(text, s.sp.Start, pos)
	if i := strings.LastIndexAny(b, ",;"); i >= 0 {
		return s.sp.Start + i + 1
	}
	return s.sp.Start
}

// quoteIsClauseAfter reports a quotation that directly follows its frame's
// verb and runs to the end of the sentence: "X mengatakan “…”.".
func quoteIsClauseAfter(text string, s *sentence, f *frame, q quoted) bool {
	if f.post {
		return false
	}
	v := s.toks[f.verb]
	if v.End > q.Outer.Start {
		return false
	}
	mid := strings.TrimSpace(between(text, v.End, q.Outer.Start))
	// tokenize(mid), when it has at most one word (hasMoreWords counts as
	// tokenize does), in an array on the stack.
	if hasMoreWords(mid, 1) {
		return false
	}
	var buf [1]token
	mt := appendTokens(buf[:0], mid, span{0, len(mid)})
	if len(mt) > 1 || len(mt) == 1 && !rulesID.is(&mt[0], wThat) && !rulesEN.is(&mt[0], wThat) {
		return false
	}
	return onlyPunct(between(text, q.Outer.End, s.sp.End))
}

// endsWithSayVerb reports text ending in a verb of saying and a comma:
// "Joel Magsino, mengatakan," before a quotation.
func endsWithSayVerb(before string, lr *langRules) bool {
	toks := tokenize(before, span{0, len(before)})
	if len(toks) == 0 {
		return false
	}
	c := lr.verbOf(&toks[len(toks)-1])
	return c == verbSay || c == verbSayThat
}

// continuesAfterFrame reports the second half of a quotation split by its
// attribution: "“…,” Kovac said, “but …”" or "“…,” kata Putin, “…”".
func continuesAfterFrame(text string, s *sentence, f *frame, q quoted) bool {
	if !f.post {
		return false
	}
	end := s.toks[f.verb].End
	if n := len(f.mention); n > 0 && f.mention[n-1].End > end {
		end = f.mention[n-1].End
	}
	return end <= q.Outer.Start && onlyPunct(between(text, end, q.Outer.Start)) &&
		strings.TrimSpace(between(text, end, q.Outer.Start)) != "" &&
		onlyPunct(between(text, q.Outer.End, s.sp.End))
}

// endsWithQuote reports whether a quotation closes the content: "…, “…”, menurut KCNA"
// attributes the quotation, not the words before it.
func endsWithQuote(text string, s *sentence, c span) bool {
	for _, q := range s.quotes {
		if q.Outer.Start >= c.Start && q.Outer.Start < c.End && q.Outer.End <= c.End+3 && onlyPunct(between(text, q.Outer.End, c.End)) {
			return true
		}
	}
	return false
}

// coveredByQuote reports whether the content is essentially one quotation.
func coveredByQuote(text string, s *sentence, c span) bool {
	for _, q := range s.quotes {
		if q.Outer.Start <= c.Start+3 && c.End <= q.Outer.End+3 {
			return true
		}
		if onlyPunct(between(text, c.Start, q.Outer.Start)) && onlyPunct(between(text, q.Outer.End, c.End)) {
			return true
		}
	}
	return false
}

func mentionText(text string, f *frame) string {
	if len(f.mention) == 0 {
		return ""
	}
	return text[f.mention[0].Start:f.mention[len(f.mention)-1].End]
}
