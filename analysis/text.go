package analysis

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// span is a half-open byte range [Start, End) of an article's text.
type span struct{ Start, End int }

// token is one word: a run of letters or digits, where a hyphen, an
// apostrophe between letters, or a decimal separator between digits keeps
// the run together ("negara-negara", "don't", "3,5").
type token struct {
	Start, End int
	// Norm is the lower-cased, NFKC-normalised form used for matching.
	Norm string
	// Cap reports whether the first letter is upper case; Upper whether all letters are.
	Cap, Upper bool
	// hyphen reports whether the word holds a hyphen (-, ‐ or ‑), which
	// then joins two of its parts (see hyphenParts).
	hyphen bool
	// kw is the index of Norm in wordInfos: what the word lists hold of it.
	kw uint32
}

// isWordRune reports whether r is a letter, a digit or a nonspacing mark:
// a rune of a word. A rune below wordRuneTableMax is looked up in
// wordRuneTable; the tests of the unicode tables cost hundreds of
// instructions for punctuation such as curly quotes and dashes.
func isWordRune(r rune) bool {
	if uint32(r) < wordRuneTableMax {
		return wordRuneTable[r>>6]&(1<<(r&63)) != 0
	}
	return isWordRuneUnicode(r)
}

// isWordRuneUnicode is isWordRune by the unicode tables.
func isWordRuneUnicode(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordRuneTableMax is the end of the runes of wordRuneTable: past Latin,
// Greek, Cyrillic and General Punctuation (U+2000 to U+206F).
const wordRuneTableMax = 0x2100

// wordRuneTable has bit r of isWordRuneUnicode(r) for every rune r below
// wordRuneTableMax.
var wordRuneTable = func() (t [wordRuneTableMax / 64]uint64) {
	for r := rune(0); r < wordRuneTableMax; r++ {
		if isWordRuneUnicode(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}()

// tokenize returns the words of text[sp.Start:sp.End], with offsets into text.
func tokenize(text string, sp span) []token {
	var toks []token
	if n := sp.End - sp.Start; n > 0 {
		toks = make([]token, 0, n/7+1) // about one word in seven bytes
	}
	return appendTokens(toks, text, sp)
}

// appendTokens appends the words of text[sp.Start:sp.End] to toks.
func appendTokens(toks []token, text string, sp span) []token {
	// The lower-case forms of ASCII words with capitals, one after the
	// other: each Norm of such a word is a part of it. A strings.Builder
	// only appends, so the parts never change.
	var lowered strings.Builder
	s := text[:sp.End] // for the fast path: indexed by a uint test, it needs no bounds checks
	for i := sp.Start; ; {
		// The fast path. Most words are small ASCII letters or digits
		// after ASCII bytes of no word, and end at an ASCII byte that
		// joins no word, or at sp.End: for such a word, what scanWord and
		// setToken would do is done here, in tighter loops and without
		// their calls (a token of Norm w, not capitalised, no hyphen).
		// Any other word is left to them, from i. FuzzTokenize checks
		// this against tokenizeRef.
		j := i
		for uint(j) < uint(len(s)) && s[j] < utf8.RuneSelf && asciiClass[s[j]] == 0 {
			j++
		}
		k, class := j, uint8(0)
		for uint(k) < uint(len(s)) && asciiClass[s[k]] != 0 {
			class |= asciiClass[s[k]]
			k++
		}
		if k > j && class&classUpper == 0 && (k == len(s) || s[k] < utf8.RuneSelf && !asciiJoiner[s[k]]) {
			w := s[j:k]
			toks = append(toks, token{Start: j, End: k, Norm: w, kw: lookupWord(w)})
			i = k
			continue
		}
		start, end, class, ok := scanWord(text, i, sp.End)
		if !ok {
			break
		}
		toks = append(toks, token{})
		setToken(&toks[len(toks)-1], text, start, end, class, &lowered)
		i = end
	}
	return toks
}

// scanWords calls fn with the offsets of each word of text[sp.Start:sp.End]:
// a run of letters or digits, where a hyphen, an apostrophe between
// letters, or a decimal separator between digits keeps the run together.
func scanWords(text string, sp span, fn func(start, end int)) {
	for i := sp.Start; ; {
		start, end, ok := nextWord(text, i, sp.End)
		if !ok {
			return
		}
		fn(start, end)
		i = end
	}
}

// nextWord returns the first word that starts in text[i:hi] (see
// scanWords); it may end after hi when hi splits a rune. ok is false when
// there is none.
func nextWord(text string, i, hi int) (start, end int, ok bool) {
	start, end, _, ok = scanWord(text, i, hi)
	return start, end, ok
}

// Byte classes of a word, as scanWord reports them.
const (
	classWord   = 1 << iota // an ASCII letter or digit
	classUpper              // A to Z
	classLower              // a to z
	classOther              // a byte outside ASCII
	classHyphen             // a hyphen joins two parts (token.hyphen)
)

// asciiClass is the class of each ASCII letter and digit, 0 for other bytes.
var asciiClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = classWord | classUpper
		case 'a' <= c && c <= 'z':
			t[c] = classWord | classLower
		case '0' <= c && c <= '9':
			t[c] = classWord
		}
	}
	return t
}()

// runeClass is the class of a rune of a word.
func runeClass(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	return classOther
}

// scanWord is nextWord, and reports in class the classes of the bytes of
// the word: classOther is clear when the word is all ASCII, classUpper and
// classLower tell whether it has capitals and small letters.
func scanWord(text string, i, hi int) (start, end int, class uint8, ok bool) {
	for {
		if i >= hi {
			return 0, 0, 0, false
		}
		if c := text[i]; c < utf8.RuneSelf {
			if k := asciiClass[c]; k != 0 {
				start, class = i, k
				i++
				break
			}
			i++
			continue
		}
		_, n, word := wordRuneAt(text, i)
		if word {
			start, class = i, classOther
			i += n
			break
		}
		i += n
	}
	for i < hi {
		c := text[i]
		if k := asciiClass[c]; k != 0 { // 0 for every byte outside ASCII
			class |= k
			i++
			continue
		}
		if c < utf8.RuneSelf && !asciiJoiner[c] {
			break // no word rune and no joiner: below, the word would end here
		}
		r, n, word := wordRuneAt(text, i)
		if word {
			class |= classOther // the ASCII word runes are done above
			i += n
			continue
		}
		// A joiner continues the word only between two word runes.
		if i+n < hi && (r == '-' || r == '\'' || r == '’' || r == '‐' || r == '‑' || ((r == ',' || r == '.') && isDigitBefore(text, i))) {
			r2, n2, word2 := wordRuneAt(text, i+n)
			if word2 && (r != ',' && r != '.' || isDigit(r2)) {
				class |= runeClass(r) | runeClass(r2)
				if r == '-' || r == '‐' || r == '‑' {
					class |= classHyphen
				}
				i += n + n2
				continue
			}
		}
		break
	}
	return start, i, class, true
}

// asciiJoiner reports the ASCII joiners of scanWord, which continue a word
// between two word runes.
var asciiJoiner = [256]bool{'-': true, '\'': true, ',': true, '.': true}

// asciiWord reports the ASCII letters and digits, the word runes of ASCII.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// wordRuneAt decodes the rune at text[i] and reports whether it is a
// word rune (isWordRune).
func wordRuneAt(text string, i int) (r rune, n int, word bool) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1, asciiWord[c]
	}
	r, n = utf8.DecodeRuneInString(text[i:])
	return r, n, isWordRune(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isDigitBefore(text string, i int) bool {
	if i > 0 && text[i-1] < utf8.RuneSelf {
		return '0' <= text[i-1] && text[i-1] <= '9'
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsDigit(r)
}

// setToken makes *t, a zero token, the token of the word text[start:end],
// whose byte classes are class (see scanWord), and looks its Norm up in
// the word lists (token.kw). It fills the token in place, in the slice
// appendTokens appends to, which saves copying the 40 bytes of a token
// returned by value. When lowered is not nil, the lower-case
// form of an ASCII word with capitals is appended to it and Norm is that
// part of it, which saves an allocation per word.
func setToken(t *token, text string, start, end int, class uint8, lowered *strings.Builder) {
	w := text[start:end]
	t.Start, t.End, t.hyphen = start, end, class&classHyphen != 0
	if class&classOther == 0 {
		// ASCII: upper case is A to Z only, and NFKC leaves ASCII as it is.
		t.Cap = 'A' <= w[0] && w[0] <= 'Z'
		t.Upper = t.Cap && class&classLower == 0
		switch {
		case class&classUpper == 0:
			t.Norm = w
		case lowered != nil:
			if lowered.Cap() == 0 {
				lowered.Grow(64)
			}
			n := lowered.Len()
			for j := 0; j < len(w); j++ {
				c := w[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				lowered.WriteByte(c)
			}
			t.Norm = lowered.String()[n:]
		default:
			t.Norm = strings.ToLower(w)
		}
		t.kw = lookupWord(t.Norm)
		return
	}
	t.Norm = normWord(w)
	t.kw = lookupWord(t.Norm)
	first, _ := utf8.DecodeRuneInString(w)
	t.Cap = unicode.IsUpper(first)
	t.Upper = t.Cap
	for _, r := range w {
		if unicode.IsLower(r) {
			t.Upper = false
			break
		}
	}
}

// typographic maps typographic apostrophes and hyphens to ASCII.
var typographic = strings.NewReplacer("’", "'", "‐", "-", "‑", "-")

// normWord lower-cases a word and normalises it (NFKC, typographic
// apostrophes and hyphens to ASCII) for matching.
func normWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		w = norm.NFKC.String(w)
		w = typographic.Replace(w)
	}
	return strings.ToLower(w)
}

// hasMoreWords reports whether s has more than n words.
func hasMoreWords(s string, n int) bool {
	for i := 0; n >= 0; n-- {
		_, end, ok := nextWord(s, i, len(s))
		if !ok {
			return false
		}
		i = end
	}
	return true
}

// hasWords reports whether text[sp] has n words or more, countWords(text,
// sp) >= n, scanning no further than the nth.
func hasWords(text string, sp span, n int) bool {
	for i := sp.Start; n > 0; n-- {
		_, end, ok := nextWord(text, i, sp.End)
		if !ok {
			return false
		}
		i = end
	}
	return true
}

// countWords returns the number of words in text[sp].
func countWords(text string, sp span) int {
	n := 0
	scanWords(text, sp, func(int, int) { n++ })
	return n
}

// A byteFinder finds the next of a few bytes in text[:hi], with one
// strings.IndexByte for each byte and occurrence rather than a test at
// every byte of text.
type byteFinder struct {
	text  string
	hi    int
	bytes [4]byte
	// at[k] is the first occurrence of bytes[k] at or after the last i
	// asked about, hi when none, -1 before the first question.
	at [4]int
}

func newByteFinder(text string, hi int, b0, b1, b2, b3 byte) byteFinder {
	return byteFinder{text: text, hi: hi, bytes: [4]byte{b0, b1, b2, b3}, at: [4]int{-1, -1, -1, -1}}
}

// next returns the first j >= i below hi where text holds one of the
// bytes, hi when there is none. i must not be smaller than in the calls
// before.
func (f *byteFinder) next(i int) int {
	j := f.hi
	for k := range f.at {
		if f.at[k] < i {
			f.at[k] = f.hi
			if i < f.hi {
				if d := strings.IndexByte(f.text[i:f.hi], f.bytes[k]); d >= 0 {
					f.at[k] = i + d
				}
			}
		}
		j = min(j, f.at[k])
	}
	return j
}

// Quotation marks.

type markRole int

const (
	markNone markRole = iota
	markOpen
	markClose
	markEither
)

type quoteMark struct {
	pos, size int
	family    byte // 'd' double, 's' single
	role      markRole
	r         rune
}

// quoteMarks classifies the quotation marks in text[sp]. Straight quotes
// are opening or closing by their neighbours; a single quote between two
// letters is an apostrophe and not a mark.
func quoteMarks(text string, sp span) []quoteMark { return appendQuoteMarks(nil, text, sp) }

// appendQuoteMarks appends the quotation marks of text[sp] to marks (see quoteMarks).
func appendQuoteMarks(marks []quoteMark, text string, sp span) []quoteMark {
	// Every mark below is ASCII or starts with the byte 0xC2 (« ») or
	// 0xE2 (“ ” „ ‘ ’); neither is ever inside another rune's encoding.
	// The loop goes from one such byte to the next.
	f := newByteFinder(text, sp.End, '"', '\'', 0xC2, 0xE2)
	for i := sp.Start; ; {
		if i = f.next(i); i >= sp.End {
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		var m quoteMark
		switch r {
		case '“', '„', '«':
			m = quoteMark{family: 'd', role: markOpen}
			if r == '“' {
				// “ also closes German-style „…“ quotes.
				m.role = markEither
			}
		case '”', '»':
			m = quoteMark{family: 'd', role: markClose}
			if r == '”' && !wordBefore(text, sp.Start, i) && wordAfter(text, i+n, sp.End) {
				m.role = markEither
			}
		case '"':
			m = quoteMark{family: 'd', role: straightRole(text, sp, i, n)}
		case '‘':
			m = quoteMark{family: 's', role: markOpen}
		case '’', '\'':
			before, after := letterBefore(text, sp.Start, i), letterAfter(text, i+n, sp.End)
			switch {
			case before && after:
				m.role = markNone // apostrophe: don't, Jum'at
			case after && !before:
				m = quoteMark{family: 's', role: markOpen}
			case !after:
				m = quoteMark{family: 's', role: markClose}
			}
		}
		if m.role != markNone {
			m.pos, m.size, m.r = i, n, r
			marks = append(marks, m)
		}
		i += n
	}
	return marks
}

func straightRole(text string, sp span, i, n int) markRole {
	before := i > sp.Start && !isSpaceOrOpen(lastRune(text[sp.Start:i]))
	after := i+n < sp.End && !unicode.IsSpace(firstRune(text[i+n:sp.End]))
	switch {
	case !before && after:
		return markOpen
	case before && !after:
		return markClose
	default:
		return markEither
	}
}

func isSpaceOrOpen(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-:/", r)
}

func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

func letterBefore(text string, lo, i int) bool {
	return i > lo && isWordRune(lastRune(text[lo:i]))
}
func letterAfter(text string, i, hi int) bool {
	return i < hi && isWordRune(firstRune(text[i:hi]))
}

// wordBefore reports whether a non-space rune directly precedes i.
func wordBefore(text string, lo, i int) bool {
	return i > lo && !unicode.IsSpace(lastRune(text[lo:i]))
}
func wordAfter(text string, i, hi int) bool {
	return i < hi && !unicode.IsSpace(firstRune(text[i:hi]))
}

// quoted is one quotation: Inner excludes the marks, Outer includes them.
type quoted struct {
	Inner, Outer span
	// Top reports whether the quotation is not nested in another.
	Top bool
	// Open reports an opening mark never closed in its paragraph; such a
	// quotation runs to the end of the paragraph only when the next
	// paragraph opens with a mark of the same kind (a continued quotation).
	Open bool
}

// pairQuotes pairs the quotation marks of one paragraph. It never lets an
// unclosed mark run past the paragraph: unclosed openers are returned in
// unclosed for the caller to warn about.
func pairQuotes(text string, para span) (qs []quoted, unclosed []quoteMark) {
	var b quoteBufs
	return b.pair(text, para)
}

// quoteBufs are the buffers of pairQuotes, to reuse from one paragraph to the next.
type quoteBufs struct {
	marks, stack []quoteMark
	qs           []quoted
}

// pair is pairQuotes in the buffers of b: qs is valid until the next call.
func (b *quoteBufs) pair(text string, para span) (qs []quoted, unclosed []quoteMark) {
	marks := appendQuoteMarks(b.marks[:0], text, para)
	stack := b.stack[:0]
	qs = b.qs[:0]
	for _, m := range marks {
		closed := false
		if m.role == markClose || m.role == markEither {
			// Close the innermost open mark of the same family, dropping
			// unclosed marks of the other family nested inside it.
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].family == m.family {
					for _, u := range stack[k+1:] {
						unclosed = append(unclosed, u)
					}
					o := stack[k]
					stack = stack[:k]
					qs = append(qs, quoted{
						Inner: span{o.pos + o.size, m.pos},
						Outer: span{o.pos, m.pos + m.size},
						Top:   k == 0,
					})
					closed = true
					break
				}
			}
			if !closed && m.role == markClose && m.family == 's' {
				continue // a possessive apostrophe (students’)
			}
		}
		if !closed && (m.role == markOpen || m.role == markEither) {
			stack = append(stack, m)
		}
	}
	unclosed = append(unclosed, stack...)
	// Sort by start; nested quotes were appended before their parents.
	sortQuoted(qs)
	b.marks, b.stack, b.qs = marks, stack, qs
	return qs, unclosed
}

func sortQuoted(qs []quoted) {
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && qs[j].Outer.Start < qs[j-1].Outer.Start; j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
	// Recompute Top: a quote is nested if an earlier quote contains it.
	for i := range qs {
		qs[i].Top = true
		for j := 0; j < i; j++ {
			if qs[j].Outer.Start <= qs[i].Outer.Start && qs[i].Outer.End <= qs[j].Outer.End {
				qs[i].Top = false
				break
			}
		}
	}
}

// Sentences.

// splitSentences splits a paragraph into sentences. It does not split
// inside a quotation, after an abbreviation or an initial, or inside a
// number, and it trims surrounding space.
func splitSentences(text string, para span, quotes []quoted, abbrev map[string]bool) []span {
	return appendSentences(nil, text, para, quotes, abbrev)
}

// appendSentences appends the sentences of a paragraph to out (see splitSentences).
func appendSentences(out []span, text string, para span, quotes []quoted, abbrev map[string]bool) []span {
	start := para.Start
	inQuote := func(i int) bool {
		for _, q := range quotes {
			if q.Top && q.Outer.Start < i && i < q.Outer.End {
				return true
			}
		}
		return false
	}
	// Bytes, not runes: these ASCII bytes and the lead byte of "…" are
	// never part of another rune's encoding. The loop goes from one such
	// byte to the next.
	f := newByteFinder(text, para.End, '.', '!', '?', 0xE2)
	for i := para.Start; ; {
		if i = f.next(i); i >= para.End {
			break
		}
		r, n := rune(text[i]), 1
		switch {
		case r == '.' || r == '!' || r == '?':
		case r == 0xE2 && strings.HasPrefix(text[i:], "…"):
			r, n = '…', len("…")
		default:
			i++
			continue
		}
		end := i + n
		// Absorb further terminal punctuation and closing quotes/brackets.
		for end < para.End {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if strings.ContainsRune(".!?…\"”’'»)]", r2) {
				end += n2
				continue
			}
			break
		}
		if end >= para.End {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(next) {
			i = end
			continue
		}
		j := end
		for j < para.End && unicode.IsSpace(firstRune(text[j:])) {
			_, n2 := utf8.DecodeRuneInString(text[j:])
			j += n2
		}
		if j >= para.End {
			break
		}
		nr := firstRune(text[j:para.End])
		startsNew := unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("\"“„«‘'([", nr)
		if r == '.' && isAbbrevBefore(text, para.Start, i, abbrev) {
			startsNew = false
		}
		if startsNew && !inQuote(end) {
			out = appendTrimmed(out, text, span{start, end})
			start = j
		}
		i = end
	}
	return appendTrimmed(out, text, span{start, para.End})
}

// isAbbrevBefore reports whether the word ending at the period at i is an
// abbreviation or a single-letter initial.
func isAbbrevBefore(text string, lo, i int, abbrev map[string]bool) bool {
	j := i
	for j > lo {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !isWordRune(r) && r != '.' {
			break
		}
		j -= n
	}
	if j == i {
		return false
	}
	var buf [32]byte
	if b, ok := appendLowerASCII(buf[:0], text[j:i]); ok {
		// As below, for ASCII: an initial is one upper-case letter.
		if len(b) == 1 && 'A' <= text[j] && text[j] <= 'Z' {
			return true
		}
		return abbrev[string(b)] || bytes.IndexByte(b, '.') >= 0
	}
	w := strings.ToLower(text[j:i])
	if utf8.RuneCountInString(w) == 1 && unicode.IsLetter(firstRune(w)) && unicode.IsUpper(firstRune(text[j:i])) {
		return true // an initial: "J. Smith"
	}
	return abbrev[w] || strings.Contains(w, ".") // "U.S.", "a.n."
}

// appendLowerASCII appends s with ASCII letters lowered to b; ok is false,
// and b unchanged, when s holds a byte outside ASCII.
func appendLowerASCII(b []byte, s string) (_ []byte, ok bool) {
	n := len(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return b[:n], false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

// appendTrimmed appends sp with white space trimmed from both ends, unless it is blank.
func appendTrimmed(out []span, text string, sp span) []span {
	if t := trimSpan(text, sp); t.Start < t.End {
		out = append(out, t)
	}
	return out
}

// trimSpan trims white space from both ends of sp; an empty or blank
// span becomes the empty span at sp.Start.
func trimSpan(text string, sp span) span {
	start := sp.Start
	for sp.Start < sp.End {
		r, n := utf8.DecodeRuneInString(text[sp.Start:])
		if !unicode.IsSpace(r) {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(text[:sp.End])
		if !unicode.IsSpace(r) {
			break
		}
		sp.End -= n
	}
	if sp.Start >= sp.End {
		return span{start, start}
	}
	return sp
}
