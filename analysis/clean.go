package analysis

import (
	"encoding/binary"
	"fmt"
	"maps"
	"path"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// cleaned is an article after boilerplate removal: the body paragraphs,
// what was removed, and what the header told about the article.
type cleaned struct {
	paras    []span
	removed  []*Removal
	outlet   string // from a dateline or header; "" if none
	outletEv string // the text it was read from
	outletBy string // "dateline" or "header"
	title    string
	date     string
	credits  []*Credit
}

type line struct {
	n          int // 1-based line number in the whole text
	start, end int // without the line break
}

func splitLines(text string, from int) []line { return appendLines(nil, text, from) }

// appendLines appends splitLines(text, from) to out.
func appendLines(out []line, text string, from int) []line {
	if k := 1 + strings.Count(text[from:], "\n"); cap(out)-len(out) < k {
		out = slices.Grow(out, k)
	}
	n := 1 + strings.Count(text[:from], "\n")
	for i := from; i <= len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		e := end
		if e > i && text[e-1] == '\r' {
			e--
		}
		out = append(out, line{n: n, start: i, end: e})
		n++
		if j < 0 {
			break
		}
		i = end + 1
	}
	return out
}

var (
	reIconLine   = regexp.MustCompile(`^(?:[a-z]+(?:_[a-z]+)+\s*)+$`)
	reSingleWord = regexp.MustCompile(`^[a-z]{2,20}$`)
	reChrome     = regexp.MustCompile(`(?i)^(?:advertisement|iklan|scroll to continue.*|scroll untuk melanjutkan.*|lanjutkan membaca.*|share(?: this)?(?: article)?|bagikan|komentar|tags?:.*|topik:.*|google news|follow|ikuti kami|read next|loading\.*|menu|home|beranda)$`)
	reRelated    = regexp.MustCompile(`(?i)^(?:baca(?: juga)?|lihat juga|simak juga|tonton juga|berita terkait|artikel terkait|read also|also read|read more|see also|related(?: articles?| stories| news)?|more on this)\s*[:\-–—]`)
	reRelatedTop = regexp.MustCompile(`(?i)^(?:berita|artikel|baca)\s+(?:te\S*kait|lainnya|juga)\b`)
	reFollow     = regexp.MustCompile(`(?i)^(?:ikuti|follow|subscribe|langganan|berlangganan|simak berita|dapatkan (?:update|berita|informasi)|join our|sign up)\b|whatsapp channel|google news|saluran whatsapp|telegram channel`)
	reByline     = regexp.MustCompile(`(?i)^(?:editor|reporter|penulis|pewarta|redaktur|penyunting|wartawan|kontributor|written by|reporting by|editing by|additional reporting by|laporan wartawan|copyright|hak cipta)\s*[:|]|^(?:by|oleh)\s+\p{Lu}\S*(?:\s+\p{Lu}\S*){0,3}$|^©`)
	// Embedded media and bare agency/editor initials on their own line:
	// "[Gambas:Video CNN]", "(rzk/ana)".
	reEmbedLine = regexp.MustCompile(`^\[[^\[\]]{1,120}\]$|^\((?:[a-z]{2,6})(?:/[a-z]{2,6})+\)$`)
	// Wire sign-offs without a colon: "Reporting by A in B; Editing by C".
	reWireByline = regexp.MustCompile(`(?i)^(?:additional )?(?:reporting|writing|editing|compiled|translated)(?: by| from)\s+\p{Lu}`)
	reCaption    = regexp.MustCompile(`(?i)^(?:foto|photo|gambar|image|ilustrasi|caption|keterangan foto|sumber foto|video)\s*[:|]|^\((?:foto|photo|ilustrasi)\b[^)]*\)$`)
	reCreditLine = regexp.MustCompile(`(?i)^\(?(?:sumber|source)\s*:\s*(.+?)\)?\.?$`)
	reURLLine    = regexp.MustCompile(`(?i)^(?:https?://\S+|www\.\S+|[a-z0-9-]+\.(?:com|co|id|net|org|co\.id|co\.uk)(?:\.[a-z]{2})?/\S.*)$`)
	reTimeWord   = regexp.MustCompile(`(?i)\b\d{1,2}[:.]\d{2}\b|\bWI[BT]A?\b|\bWITA\b|\bGMT\b|\bUTC\b`)
	// An inline byline or credit closing a paragraph: "(TribunWow Magang/Name)", "(ant/dtc)".
	reTrailByline = regexp.MustCompile(`\s*\((?:[^()]{1,60}/[^()]{1,60}|[a-z]{2,6}(?:/[a-z]{2,6})*)\)\s*$`)
	reTrailCredit = regexp.MustCompile(`(?i)\s*\((?:sumber|source)\s*:\s*[^()]{1,80}\)\s*$`)
	// Dateline prefixes: up to three short segments joined by "|" or ",", then a dash.
	reDatelinePrefix = regexp.MustCompile(`^((?:[\p{L}\d.()&' ]{1,40}\s*[|,]\s*){0,2}[\p{L}\d.()&' ]{1,40}?)\s*(?:-{1,2}|–|—)\s+`)
	// A whole-line dateline: "BERITABALI.COM, DUNIA."
	reDatelineLine = regexp.MustCompile(`^([\p{L}\d.&' ]{2,40})(?:,\s*[\p{L} ]{2,30})?\.?$`)
	reDomain       = regexp.MustCompile(`(?i)^(?:www\.)?[\p{L}\d-]+(?:\.[a-z]{2,6}){1,2}$`)
)

// lineRule is the boilerplate rule that removes a whole line s (trimmed,
// not empty), or "" when the line is body text. The first rule that
// applies wins. Every regular expression is behind a guard (see
// lineGuard) or a hand-written check that only skips lines the expression
// cannot match, so that most lines never reach one;
// lineRuleRegexp in clean_fast_test.go is the same function without them.
func lineRule(s string) string {
	return lineRuleLower(s, &lineText{lower: lowerASCII(s), foldExact: asciiFoldExact(s), needles: true})
}

// lineText is what the guards need to know of a line s.
type lineText struct {
	lower     string // s with its ASCII letters lowered
	foldExact bool   // asciiFoldExact(s)
	// needles is false when the line holds no needle of any guard
	// (known when the whole text holds none).
	needles bool
	// words, when haveWords is set, are the words of s, tokenize(s) but
	// with offsets into the article: clean takes them from the words of
	// the body, which analyzeArticle has already found (see lineWords),
	// rather than scanning each line for words again.
	words     []token
	haveWords bool
}

// wordCount is wordCount(s) for the line s of lt.
func (lt *lineText) wordCount(s string) int {
	if lt.haveWords {
		return len(lt.words)
	}
	return wordCount(s)
}

// hasMoreWords is hasMoreWords(s, n) for the line s of lt.
func (lt *lineText) hasMoreWords(s string, n int) bool {
	if lt.haveWords {
		return len(lt.words) > n
	}
	return hasMoreWords(s, n)
}

// isDateLine is maybeDateLine(s) && isDateLine(s) for the line s of lt.
// Given the words, the count comes first, and maybeDateLine is left out:
// it only skips lines without a word that starts with a digit, which
// isDateWords rejects anyway.
func (lt *lineText) isDateLine(s string) bool {
	if !lt.haveWords {
		return maybeDateLine(s) && isDateLine(s)
	}
	if len(lt.words) > 12 || hasTerminal(s) && !strings.HasSuffix(s, ".") {
		return false
	}
	return isDateWords(s, lt.words)
}

// lineRuleLower is lineRule given lt.
func lineRuleLower(s string, lt *lineText) string {
	switch {
	case len(s) > 200 && lt.hasMoreWords(s, 40):
		// Prose: no boilerplate rule applies to a paragraph this long.
	case maybeIconLine(s) && reIconLine.MatchString(s) || isSingleWord(s) || gChrome.match(s, lt):
		return "chrome"
	case gRelated.match(s, lt) || (gRelatedTop.match(s, lt) && !hasTerminal(s) && lt.wordCount(s) <= 10):
		return "related"
	case gFollow.match(s, lt) && lt.wordCount(s) <= 40:
		return "follow"
	case gByline.match(s, lt) || gEmbedLine.match(s, lt) || gWireByline.match(s, lt) && lt.wordCount(s) <= 40:
		return "byline"
	case gCaption.match(s, lt):
		return "caption"
	case gCreditLine.match(s, lt) && lt.wordCount(s) <= 8:
		return "credit"
	case maybeURLLine(s) && reURLLine.MatchString(s):
		return "url"
	case lt.isDateLine(s):
		return "date"
	}
	return ""
}

// trimmedLower returns strings.TrimSpace of line l of text with ASCII
// letters lowered, given lower, text[from:] lowered by lowerForCues, exact.
func trimmedLower(text string, l line, from int, lower string) string {
	raw := text[l.start:l.end]
	// TrimSpace removes at the left what TrimLeftFunc with unicode.IsSpace does.
	n := len(strings.TrimSpace(raw))
	off := l.start + len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace)) - from
	return lower[off : off+n]
}

// lowerASCII returns s with ASCII letters lowered.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// Guards of the line expressions, derived from the expressions themselves.
var (
	gChrome     = newLineGuard(reChrome)
	gRelated    = newLineGuard(reRelated)
	gRelatedTop = newLineGuard(reRelatedTop)
	gFollow     = newLineGuard(reFollow)
	gByline     = newLineGuard(reByline)
	gEmbedLine  = newLineGuard(reEmbedLine)
	gWireByline = newLineGuard(reWireByline)
	gCaption    = newLineGuard(reCaption)
	gCreditLine = newLineGuard(reCreditLine)
)

// maybeIconLine guards reIconLine, ^(?:[a-z]+(?:_[a-z]+)+\s*)+$: a match
// starts with a lower-case ASCII letter and holds an underscore.
func maybeIconLine(s string) bool {
	return s != "" && 'a' <= s[0] && s[0] <= 'z' && strings.IndexByte(s, '_') >= 0
}

// isSingleWord is reSingleWord, ^[a-z]{2,20}$, written out.
func isSingleWord(s string) bool {
	if len(s) < 2 || len(s) > 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// maybeURLLine guards reURLLine, (?i)^(?:https?://\S+|www\.\S+|[a-z0-9-]+\.(?:com|…)…)$:
// a match starts with "http" or "www." (any case), or with a run of ASCII
// letters, digits and hyphens directly followed by a dot (the run cannot
// end earlier, since the character after it would have to be the dot).
// Under (?i), [a-z] also holds U+212A (Kelvin sign) and U+017F (long s):
// a line starting with a byte above ASCII is left to the expression.
func maybeURLLine(s string) bool {
	if s == "" || s[0] >= utf8.RuneSelf || hasPrefixFold(s, "http") {
		return true
	}
	i := 0
	for i < len(s) && (isASCIIAlnum(s[i]) || s[i] == '-') {
		i++
	}
	return i > 0 && (i == len(s) || s[i] == '.' || s[i] >= utf8.RuneSelf)
}

func isASCIIAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// maybeDateLine guards isDateLine, which needs words whose normal form
// starts with a digit. A word starts with a word rune; one that starts
// with an ASCII letter keeps a letter first under NFKC. So a line needs an
// ASCII digit or a word rune outside ASCII; quotation marks and dashes are none.
func maybeDateLine(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			return true
		}
		i += n
	}
	return false
}

// A lineGuard is a cheap necessary condition for a regular expression to
// match a line: every match starts at the beginning of the line with one
// of prefixes, or holds one of needles, compared ignoring ASCII case.
// Lines that fail it skip the expression; the others run it, so the result
// is the expression's.
type lineGuard struct {
	re       *regexp.Regexp
	always   bool     // no useful condition: always run re
	prefixes []string // lower case
	needles  []string // lower case
	// start[c] has bit d when a prefix starts with the bytes c, d, and
	// every bit when a prefix is c alone.
	start [256][4]uint64
}

// match reports whether g.re matches s. The guard compares with lt.lower,
// ignoring ASCII case only, which is all that (?i) does to ASCII letters
// except k and s (see asciiFoldExact).
func (g *lineGuard) match(s string, lt *lineText) bool {
	if g.always || !lt.foldExact {
		return g.re.MatchString(s)
	}
	ls := lt.lower
	maybe := false
	if ls != "" && pairBit(&g.start, ls) {
		for _, p := range g.prefixes {
			if strings.HasPrefix(ls, p) {
				maybe = true
				break
			}
		}
	}
	for _, n := range g.needles {
		if maybe || !lt.needles {
			break
		}
		maybe = strings.Contains(ls, n)
	}
	return maybe && g.re.MatchString(s)
}

// lineGuards are the guards of lineRuleLower.
var lineGuards = []*lineGuard{gChrome, gRelated, gRelatedTop, gFollow, gByline, gEmbedLine, gWireByline, gCaption, gCreditLine}

// pairBit reports whether bits[s[0]] has the bit of s[1], or of 0 when s
// is one byte long: where only a one-byte prefix, with every bit, fits.
func pairBit(bits *[256][4]uint64, s string) bool {
	var d byte
	if len(s) > 1 {
		d = s[1]
	}
	return bits[s[0]][d>>6]&(1<<(d&63)) != 0
}

// asciiFoldExact reports whether s holds neither U+212A (Kelvin sign) nor
// U+017F (long s), the only runes outside ASCII that (?i) folds to ASCII
// letters (k and s). In such a string a case-insensitive match of an ASCII
// literal is a match ignoring ASCII case.
func asciiFoldExact(s string) bool {
	return !strings.Contains(s, "\u212a") && !strings.Contains(s, "\u017f")
}

// hasPrefixFold reports whether s starts with p, ignoring ASCII case; p is in lower case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

// newLineGuard derives the guard of re from its syntax. Each top-level
// alternative contributes the literal texts its matches must start with
// (see litPrefixes): prefixes when the alternative is anchored at the
// start of the text (^ without (?m)), needles otherwise. When some
// alternative has no such text the guard is always true.
func newLineGuard(re *regexp.Regexp) *lineGuard {
	g := &lineGuard{re: re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err) // re compiled, so it parses
	}
	alts := []*syntax.Regexp{tree}
	if tree.Op == syntax.OpAlternate {
		alts = tree.Sub
	}
	for _, alt := range alts {
		anchored := alt.Op == syntax.OpBeginText || alt.Op == syntax.OpConcat && len(alt.Sub) > 0 && alt.Sub[0].Op == syntax.OpBeginText
		ps, _ := litPrefixes(alt)
		for _, p := range ps {
			if p == "" {
				g.always = true
			}
		}
		if anchored {
			g.prefixes = append(g.prefixes, ps...)
		} else {
			g.needles = append(g.needles, ps...)
		}
	}
	for _, p := range g.prefixes {
		if p != "" {
			if len(p) == 1 {
				g.start[p[0]] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			} else {
				g.start[p[0]][p[1]>>6] |= 1 << (p[1] & 63)
			}
		}
	}
	return g
}

// maxLitPrefixes bounds the sets litPrefixes builds.
const maxLitPrefixes = 64

// litPrefixes returns strings, in lower case, one of which starts the
// text of every match of re (compared ignoring ASCII case, in a text for
// which asciiFoldExact holds). exact reports that ps is every text re can
// match, so that what follows re in a concatenation can extend them.
//
// By cases: a literal matches its own runes; under (?i) an ASCII letter
// matches itself in either case, and the literal is cut before a rune
// outside ASCII that has other case forms. An alternation's match is one
// of its alternatives'. A concatenation's match is a match of its first
// part followed by a match of the rest; when the first part's texts are
// all known (exact), each can be followed by each prefix of the rest.
// x? matches x or nothing; a capture matches what its group matches;
// assertions (^, $, \b) match the empty text. Anything else yields the
// empty prefix, which every text has.
func litPrefixes(re *syntax.Regexp) (ps []string, exact bool) {
	switch re.Op {
	case syntax.OpLiteral:
		var b []byte
		for _, r := range re.Rune {
			switch {
			case r < utf8.RuneSelf:
				c := byte(r)
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
			case re.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(r) != r:
				return []string{string(b)}, false
			default:
				b = utf8.AppendRune(b, r)
			}
		}
		return []string{string(b)}, true
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpCapture:
		return litPrefixes(re.Sub[0])
	case syntax.OpQuest:
		ps, exact := litPrefixes(re.Sub[0])
		if !exact {
			return []string{""}, false
		}
		return append(ps, ""), true
	case syntax.OpAlternate:
		exact := true
		for _, sub := range re.Sub {
			sps, sexact := litPrefixes(sub)
			ps = append(ps, sps...)
			exact = exact && sexact
		}
		if len(ps) > maxLitPrefixes {
			return []string{""}, false
		}
		return ps, exact
	case syntax.OpConcat:
		ps, exact := []string{""}, true
		for _, sub := range re.Sub {
			sps, sexact := litPrefixes(sub)
			if len(ps)*len(sps) > maxLitPrefixes {
				return ps, false
			}
			var next []string
			for _, p := range ps {
				for _, sp := range sps {
					next = append(next, p+sp)
				}
			}
			ps = next
			if !sexact {
				return ps, false
			}
		}
		return ps, exact
	}
	return []string{""}, false
}

// trailLoc finds a credit (reTrailCredit) or else a byline
// (reTrailByline) in brackets closing s; loc is nil when there is none.
func trailLoc(s string) (loc []int, rule string) {
	inner, _ := trailParen(s)
	if maybeTrailCredit(s, inner) {
		if loc = reTrailCredit.FindStringIndex(s); loc != nil {
			return loc, "credit"
		}
	}
	if maybeTrailByline(inner) {
		if loc = reTrailByline.FindStringIndex(s); loc != nil {
			return loc, "byline"
		}
	}
	return nil, ""
}

// trailParen returns the text inside the brackets that close s:
// "ant/dtc" for "… (ant/dtc)"; ok is false when s does not end in a
// closing bracket (ASCII white space after it allowed, as \s*$ allows).
func trailParen(s string) (inner string, ok bool) {
	e := len(s)
	for e > 0 && isRESpace(s[e-1]) {
		e--
	}
	if e == 0 || s[e-1] != ')' {
		return "", false
	}
	i := strings.LastIndexByte(s[:e-1], '(')
	if i < 0 {
		return "", false
	}
	return s[i+1 : e-1], true
}

// isRESpace reports the bytes of \s in a regular expression.
func isRESpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// maybeTrailCredit guards reTrailCredit,
// (?i)\s*\((?:sumber|source)\s*:\s*[^()]{1,80}\)\s*$. Nothing between
// the brackets of a match is a bracket, so they are the last pair of s
// (trailParen) and the text inside starts with "sumber" or "source".
func maybeTrailCredit(s, inner string) bool {
	if !asciiFoldExact(s) {
		return true
	}
	return hasPrefixFold(inner, "sumber") || hasPrefixFold(inner, "source")
}

// maybeTrailByline guards reTrailByline,
// \s*\((?:[^()]{1,60}/[^()]{1,60}|[a-z]{2,6}(?:/[a-z]{2,6})*)\)\s*$. As
// for maybeTrailCredit, a match is the last pair of brackets of the text,
// and inside them is either a slash or two to six lower-case ASCII letters.
func maybeTrailByline(inner string) bool {
	return strings.IndexByte(inner, '/') >= 0 || len(inner) >= 2 && len(inner) <= 6 && isSingleWord(inner)
}

// hasTerminal reports whether s ends like a sentence.
func hasTerminal(s string) bool {
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\"”’»)…:;", r)
}

func wordCount(s string) int { return countWords(s, span{0, len(s)}) }

// clean finds the body of an article and removes boilerplate.
func clean(a *Article, lang *langRules) *cleaned { return cleanWords(a, lang, nil, false, nil) }

// cleanBufs are the buffers of cleanWords, reused from one article to the
// next.
type cleanBufs struct {
	lower []byte // the lowered body; no string of it outlives cleanWords
	lines []line
	live  []span
	// removals and removed are the removals while cleanWords works (see
	// there), copied out of b at the end.
	removals []Removal
	removed  []*Removal
	paras    []span // cleaned.paras
}

// cleanWords is clean given, when haveBody is set, body: the words of the
// article's body, tokenize(a.Text, span{a.BodyStart, len(a.Text)}). The
// words of each line are then a part of body (see lineWords). When b is
// not nil, cleanWords works in its buffers, and keeps them there for the
// next call: the paragraphs of the result (cleaned.paras) are then in
// b.paras, valid until the next call with b; no other part of the result
// is in b (see the comments at lower and at the removals).
func cleanWords(a *Article, lang *langRules, body []token, haveBody bool, b *cleanBufs) *cleaned {
	if b == nil {
		b = &cleanBufs{}
	}
	c := &cleaned{paras: b.paras[:0], removed: b.removed[:0]}
	text := a.Text
	lines := appendLines(b.lines[:0], text, a.BodyStart)
	b.lines = lines
	// The removals are made in b.removals, c.removed pointing there, and
	// copied out at the end. A removal never changes once made, so a
	// pointer into an array that b.removals has outgrown stays good.
	b.removals = b.removals[:0]
	addRemoval := func(r Removal) {
		b.removals = append(b.removals, r)
		c.removed = append(c.removed, &b.removals[len(b.removals)-1])
	}
	removedLine := make(map[int]bool)
	remove := func(l line, rule string) {
		removedLine[l.n] = true
		addRemoval(Removal{Line: l.n, Start: l.start, End: l.end, Text: text[l.start:l.end], Rule: rule})
	}
	// live[i] is the part of lines[i] that remains.
	live := slices.Grow(b.live[:0], len(lines))[:len(lines)]
	b.live = live
	// The body with ASCII letters lowered, for the line guards and the
	// credit cues. It is the buffer b.lower, reused for the next article:
	// no string cut from lower may outlive this call or reach c. Every use
	// keeps to that: textScan.first returns offsets; the lines' lt.lower
	// (trimmedLower) only feed the guards of lineRuleLower, which compare
	// them; findCreditsLower only searches lower (findAll), its credits'
	// strings are cut from text.
	lower, exact, lowerBuf := lowerForCuesBuf(text[a.BodyStart:], b.lower)
	b.lower = lowerBuf
	first := textScan.first(lower)
	needles := false // whether the body holds a needle of a line guard
	for _, k := range guardNeedleIdx {
		needles = needles || first[k] >= 0
	}
	next := 0 // the first word of body not before the lines so far
	for i, l := range lines {
		s := strings.TrimSpace(text[l.start:l.end])
		live[i] = trimSpan(text, span{l.start, l.end})
		if s == "" {
			continue
		}
		var lt lineText
		if exact {
			lt = lineText{lower: trimmedLower(text, l, a.BodyStart, lower), foldExact: true, needles: needles}
		} else {
			lt = lineText{lower: lowerASCII(s), foldExact: asciiFoldExact(s), needles: true}
		}
		if haveBody {
			lt.words, next = lineWords(body, live[i], next)
			lt.haveWords = true
		}
		rule := lineRuleLower(s, &lt)
		if rule != "" {
			if rule == "date" && c.date == "" {
				c.date = parseDate(s)
			}
			remove(l, rule)
		}
	}
	// The header: the first few remaining lines may hold a headline and a dateline.
	seen := 0
	for i, l := range lines {
		if removedLine[l.n] || live[i].Start == live[i].End {
			continue
		}
		seen++
		if seen > 4 {
			break
		}
		s := text[live[i].Start:live[i].End]
		if m := datelineLine(s); m != nil && isOutletLike(m[1]) && !hasTerminalWord(s) {
			c.outlet, c.outletEv, c.outletBy = strings.TrimSpace(m[1]), s, "dateline"
			remove(l, "dateline")
			c.markTitle(text, lines[:i], live[:i], removedLine, remove)
			break
		}
		if m := datelinePrefix(s); m != nil {
			segs := text[live[i].Start+m[2] : live[i].Start+m[3]]
			if name, ok := datelineOutlet(segs); ok {
				c.outlet, c.outletEv, c.outletBy = name, strings.TrimSpace(s[:m[1]]), "dateline"
				if name == "" {
					c.outletBy = ""
				}
				pre := span{live[i].Start, live[i].Start + m[1]}
				addRemoval(Removal{Line: l.n, Start: pre.Start, End: pre.End, Text: text[pre.Start:pre.End], Rule: "dateline"})
				live[i].Start = pre.End
				c.markTitle(text, lines[:i], live[:i], removedLine, remove)
				break
			}
		}
	}
	// A headline without a dateline: the first remaining line, short and
	// unfinished, directly above a date line.
	if c.title == "" {
		c.headlineAboveDate(text, lines, live, removedLine, remove)
	}
	// Trailing bylines and credits closing a paragraph, and fragments after the last sentence.
	for i, l := range lines {
		if removedLine[l.n] {
			continue
		}
		for {
			s := text[live[i].Start:live[i].End]
			if !strings.HasSuffix(s, ")") {
				break // both patterns end in a closing bracket
			}
			loc, rule := trailLoc(s)
			if loc == nil || loc[0] == 0 {
				break
			}
			sp := trimSpan(text, span{live[i].Start + loc[0], live[i].Start + loc[1]})
			addRemoval(Removal{Line: l.n, Start: sp.Start, End: sp.End, Text: text[sp.Start:sp.End], Rule: rule})
			live[i].End = trimSpan(text, span{live[i].Start, live[i].Start + loc[0]}).End
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if removedLine[l.n] || live[i].Start == live[i].End {
			continue
		}
		s := text[live[i].Start:live[i].End]
		if hasTerminal(s) || wordCount(s) > 8 {
			break
		}
		remove(l, "fragment")
	}
	// Paragraphs: remaining lines, joining a line that does not end a
	// sentence with a following line that starts in lower case (hard wraps).
	var cur span
	have := false
	for i, l := range lines {
		sp := live[i]
		if removedLine[l.n] || sp.Start == sp.End {
			if have {
				c.paras = append(c.paras, cur)
				have = false
			}
			continue
		}
		if have && !hasTerminal(text[cur.Start:cur.End]) && unicode.IsLower(firstRune(text[sp.Start:sp.End])) {
			cur.End = sp.End
			continue
		}
		if have {
			c.paras = append(c.paras, cur)
		}
		cur, have = sp, true
	}
	if have {
		c.paras = append(c.paras, cur)
	}
	b.paras = c.paras
	if len(c.paras) == 0 {
		c.paras = nil // as clean without buffers leaves it
	}
	sortRemovals(c.removed)
	// The removals, out of b: one array for all, and the list at its size.
	b.removed = c.removed
	if n := len(c.removed); n > 0 {
		block := make([]Removal, n)
		out := make([]*Removal, n)
		for i, r := range c.removed {
			block[i] = *r
			out[i] = &block[i]
		}
		c.removed = out
	} else {
		c.removed = nil
	}
	c.credits = findCreditsLower(text, a.BodyStart, lower, exact, first)
	return c
}

// lineWords returns the words of the line text[sp.Start:sp.End], trimmed,
// given body, the words of the text from the start of the first line, and
// from, the first word of body that does not start before sp. They are the
// words of body that start in sp: a line is cut at white space or a line
// break, which no word holds, so a word of body that starts in sp ends in
// it, and the scan of body is between words at sp.Start. Within the line
// both scans see the same bytes (a joiner is tested against the rune after
// it, which ends by sp.End or is white space). next is the first word
// after sp, the from of the next line.
func lineWords(body []token, sp span, from int) (words []token, next int) {
	lo, hi := startingIn(body, sp, from)
	return body[lo:hi:hi], hi
}

// datelineLine is reDatelineLine.FindStringSubmatch(s), run only on a
// line it can match: one of the runes of ^([\p{L}\d.&' ]{2,40})(?:,\s*[\p{L} ]{2,30})?\.?$,
// that is letters, ASCII digits, ".&', " and white space (\s), of which at
// most 40+1+30+1 are not white space.
func datelineLine(s string) []string {
	n := 0 // runes that are not white space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case isRESpace(c):
			case isASCIIAlnum(c) || c == '.' || c == '&' || c == '\'' || c == ',':
				n++
			default:
				return nil
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				return nil
			}
			n++
			i += size
		}
		if n > 72 {
			return nil
		}
	}
	return reDatelineLine.FindStringSubmatch(s)
}

// datelinePrefix is reDatelinePrefix.FindStringSubmatchIndex(s), run only
// on a line it can match. Before its dash, a match holds only letters,
// ASCII digits, ".()&' ", white space (\s) and at most two separators
// ("|" or ","), with at most 40 runes other than white space between
// two separators; none of them is a dash, so its dash is the first of s.
func datelinePrefix(s string) []int {
	seps, n := 0, 0 // separators, and runes other than white space since the last
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '-':
				return reDatelinePrefix.FindStringSubmatchIndex(s)
			case isRESpace(c):
			case c == '|' || c == ',':
				seps, n = seps+1, 0
			case isASCIIAlnum(c) || c == '.' || c == '(' || c == ')' || c == '&' || c == '\'':
				n++
			default:
				return nil
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r == '–' || r == '—':
				return reDatelinePrefix.FindStringSubmatchIndex(s)
			case !unicode.IsLetter(r):
				return nil
			}
			n++
			i += size
		}
		if seps > 2 || n > 40 {
			return nil
		}
	}
	return nil
}

// headlineAboveDate removes a headline that sits directly above a date
// line ("Bupati X Buka Suara soal Y" / "Rabu, 4 September 2024 - 10:12").
func (c *cleaned) headlineAboveDate(text string, lines []line, live []span, removed map[int]bool, remove func(line, string)) {
	for i, l := range lines {
		if removed[l.n] || live[i].Start == live[i].End {
			continue
		}
		s := text[live[i].Start:live[i].End]
		if hasTerminal(s) || wordCount(s) > 20 {
			return
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(text[lines[j].start:lines[j].end]) == "" {
				continue
			}
			for _, r := range c.removed {
				if r.Line == lines[j].n && r.Rule == "date" {
					c.title = s
					remove(l, "title")
				}
			}
			return
		}
		return
	}
}

// markTitle removes the headline: remaining lines above the dateline.
func (c *cleaned) markTitle(text string, lines []line, live []span, removed map[int]bool, remove func(line, string)) {
	for i, l := range lines {
		if removed[l.n] || live[i].Start == live[i].End {
			continue
		}
		if c.title == "" {
			c.title = text[live[i].Start:live[i].End]
		}
		remove(l, "title")
	}
}

func hasTerminalWord(s string) bool {
	// A dateline line has at most a few words.
	return wordCount(s) > 6
}

func sortRemovals(rs []*Removal) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].Start < rs[j-1].Start; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// isOutletLike reports whether s looks like an outlet name in a dateline:
// a domain ("BERITABALI.COM", "EGINDO.co") or words in capitals that are not a place.
func isOutletLike(s string) bool {
	s = strings.TrimSpace(s)
	if reDomain.MatchString(s) {
		return true
	}
	if isPlaceName(s) {
		return false
	}
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 3 && upper == letters
}

// datelineOutlet picks the outlet from the segments of a dateline prefix
// ("Seoul | EGINDO.co", "JAKARTA, KOMPAS.com", "TRIBUNWOW.COM"). ok is
// false when the prefix is not a dateline; name is "" when it is a
// dateline without an outlet ("JAKARTA", "WASHINGTON (Reuters)").
func datelineOutlet(prefix string) (name string, ok bool) {
	segs := strings.FieldsFunc(prefix, func(r rune) bool { return r == '|' || r == ',' })
	if len(segs) == 0 {
		return "", false
	}
	dateline := false
	for _, s := range segs {
		s = strings.TrimSpace(s)
		if wordCount(s) > 4 {
			return "", false
		}
		if reDomain.MatchString(s) {
			return s, true
		}
		if isPlaceName(s) || strings.Contains(s, "(") {
			dateline = true
			continue
		}
		if isOutletLike(s) {
			name = s
		}
	}
	if dateline {
		// "VALMONTE, Talaya (Pacific Wire) -": a wire's own dateline; the
		// name in brackets wins over a city in capitals.
		if m := reParenName.FindStringSubmatch(prefix); m != nil && !isPlaceName(m[1]) {
			name = m[1]
		}
	}
	if name == "" && dateline {
		// "Jakarta, Lensa Pasifik --": a place, then a name in title case.
		for _, s := range segs {
			if s = strings.TrimSpace(s); !isPlaceName(s) && isTitleCaseName(s) {
				name = s
			}
		}
	}
	if name != "" {
		return name, true
	}
	return "", dateline
}

var reParenName = regexp.MustCompile(`\((\p{Lu}[\p{L}.&']*(?:\s+\p{Lu}[\p{L}.&']*){0,3})\)\s*$`)

// isTitleCaseName reports whether s is one to four capitalised words, as
// an outlet name in a dateline ("Lensa Pasifik").
func isTitleCaseName(s string) bool {
	toks := tokenize(s, span{0, len(s)})
	if len(toks) == 0 || len(toks) > 4 || strings.ContainsAny(s, "()") {
		return false
	}
	for _, t := range toks {
		if !t.Cap {
			return false
		}
	}
	return true
}

// isDateLine reports whether s is a line of date and time alone
// ("Kamis, 14 September 2023, 18:55 WITA Follow").
func isDateLine(s string) bool {
	if hasMoreWords(s, 12) || hasTerminal(s) && !strings.HasSuffix(s, ".") {
		return false
	}
	return isDateWords(s, tokenize(s, span{0, len(s)}))
}

// isDateWords is the rest of isDateLine, given toks, the words of s (their
// offsets unused).
func isDateWords(s string, toks []token) bool {
	month, digits, day := false, 0, false
	for _, t := range toks {
		if t.month() > 0 && len(t.Norm) > 3 {
			month = true
		}
		if t.isWeekday() {
			day = true
		}
		if unicode.IsDigit(firstRune(t.Norm)) {
			digits++
		}
	}
	// The expression last: most lines fail the counts.
	return month && digits >= 2 && (day || reTimeWord.MatchString(s)) || digits >= 3 && strings.Contains(s, "/") && reTimeWord.MatchString(s)
}

var reDMY = regexp.MustCompile(`(\d{1,2})\s+(\p{L}+)\s+(\d{4})`)

// parseDate reads "14 September 2023" as "2023-09-14"; "" if absent.
func parseDate(s string) string {
	m := reDMY.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	mo, ok := months[strings.ToLower(m[2])]
	if !ok {
		return ""
	}
	var d int
	fmt.Sscan(m[1], &d)
	return fmt.Sprintf("%s-%02d-%02d", m[3], mo, d)
}

// Outlet names.

// outletKey identifies an outlet whatever its spelling: lower-case letters and digits.
func outletKey(s string) string {
	// ASCII: strings.ToLower lowers A to Z alone, and the letters and
	// digits are a to z and 0 to 9; s itself when it holds nothing else.
	// outletKeyRunes, for any text, is the version without it (TestOutletKey).
	var buf [64]byte
	b := buf[:0]
	same := true // so far, the key is s
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return outletKeyRunes(s)
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			same = false
		default:
			same = false
			continue
		}
		b = append(b, c)
	}
	if same {
		return s
	}
	return string(b)
}

// outletKeyRunes is outletKey for any text.
func outletKeyRunes(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	reDotCom = regexp.MustCompile(`(?i)\.com$`)
	reTLD    = regexp.MustCompile(`(?i)\.(?:com|co\.id|id|net|org|news|co)$`)
)

// prettyOutlet turns a dateline name into the name a reader would use: a
// known outlet's canonical name; else without ".com", in the mixed case
// the article itself uses for it, else in title case.
func prettyOutlet(name, text string) string {
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(name, "www."), "WWW."))
	if canon, ok := canonicalOutlet(name); ok {
		return canon
	}
	base := reDotCom.ReplaceAllString(name, "")
	if strings.ToUpper(base) != base {
		return base // already mixed case: "EGINDO.co"
	}
	// Look for the same name in mixed case elsewhere in the text.
	for _, loc := range findAllWordFold(base, text) {
		w := text[loc[0]:loc[1]]
		if strings.ToUpper(w) != w && strings.ToLower(w) != w {
			return w
		}
	}
	if w := spacedVariant(reTLD.ReplaceAllString(base, ""), text); w != "" {
		return w
	}
	return titleCase(base)
}

// findAllWordFold is the FindAllStringIndex of (?i)\bword\b in text. For
// an ASCII word in a text where asciiFoldExact holds, a match is an
// occurrence of the word ignoring ASCII case, the same length, with \b
// on both sides: the first at or after each search position is the
// leftmost match, and the search goes on from its end, as FindAll does.
func findAllWordFold(word, text string) [][]int {
	ascii := word != ""
	for i := 0; i < len(word); i++ {
		ascii = ascii && word[i] < utf8.RuneSelf
	}
	if !ascii || !asciiFoldExact(text) {
		return regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(word)+`\b`).FindAllStringIndex(text, -1)
	}
	lw, lt := lowerASCII(word), lowerASCII(text)
	wordAt := func(i int) bool { return i >= 0 && i < len(text) && isWordByte(text[i]) }
	var out [][]int
	for pos := 0; pos <= len(text)-len(lw); {
		i := strings.Index(lt[pos:], lw)
		if i < 0 {
			break
		}
		c, e := pos+i, pos+i+len(lw)
		// \b before and after: a word byte on exactly one side of each end.
		if wordAt(c-1) != wordAt(c) && wordAt(e-1) != wordAt(e) {
			out = append(out, []int{c, e})
			pos = e
			continue
		}
		pos = c + 1
	}
	return out
}

// spacedLines guards spacedVariant: the lines of text (in order, without
// their line breaks) where key k can be outletKey of two or more
// capitalised words in a row; all is true when every line can hold them.
// Those words hold only letters and digits, and a letter lowers to a
// letter, so the key is their text without the blanks between them, in
// lower case. When k is ASCII and text has no rune outside ASCII that
// lowers into it (U+0130, U+212A), those words are ASCII: k occurs in the
// text without spaces and tabs, in lower case, where at least one blank
// was taken out, and within one line, as k holds no line break.
func spacedLines(k, text string) (lines []span, all bool) {
	if k == "" {
		return nil, true
	}
	for i := 0; i < len(k); i++ {
		if k[i] >= utf8.RuneSelf {
			return nil, true
		}
	}
	if strings.Contains(text, "\u0130") || strings.Contains(text, "\u212a") {
		return nil, true
	}
	b := make([]byte, 0, len(text))
	at := make([]int32, 0, len(text)) // at[i] is the offset in text of b[i]
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == ' ' || c == '\t':
			continue
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
		at = append(at, int32(i))
	}
	squeezed := string(b)
	for p := 0; ; p++ {
		i := strings.Index(squeezed[p:], k)
		if i < 0 {
			return lines, false
		}
		p += i
		if int(at[p+len(k)-1]-at[p]) > len(k)-1 { // a blank inside
			pos := int(at[p])
			if n := len(lines); n > 0 && pos < lines[n-1].End {
				continue // in the line found last
			}
			l := span{strings.LastIndexByte(text[:pos], '\n') + 1, len(text)}
			if e := strings.IndexByte(text[pos:], '\n'); e >= 0 {
				l.End = pos + e
			}
			lines = append(lines, l)
		}
	}
}

var reCapRun = regexp.MustCompile(`\p{Lu}[\p{L}\d]*(?:[ \t]+\p{Lu}[\p{L}\d]*){1,3}`)

// spacedVariant finds the name written as separate capitalised words in
// the text ("Warta Nusantara" for "WARTANUSANTARA"); "" if absent.
// The matches of reCapRun in the text are those in its lines, one after
// the other (no match holds a line break), so only the lines spacedLines
// returns are searched.
func spacedVariant(name, text string) string {
	k := outletKey(name)
	if len(k) < 4 {
		return ""
	}
	lines, all := spacedLines(k, text)
	if all {
		lines = []span{{0, len(text)}}
	}
	for _, l := range lines {
		for _, m := range reCapRun.FindAllString(text[l.Start:l.End], -1) {
			words := strings.Fields(m)
			// Every sub-run, so that "Kepada Harian Timur" still finds "Harian Timur".
			for i := range words {
				for j := i + 2; j <= len(words); j++ {
					w := strings.Join(words[i:j], " ")
					if outletKey(w) == k && strings.ToUpper(w) != w {
						return w
					}
				}
			}
		}
	}
	return ""
}

// outletFromFilename turns a file name into an outlet name: leading
// numbers, language codes and hashes dropped, words in title case
// ("en_02_archipelago_ledger.txt" → "Archipelago Ledger"), in the case the
// text itself uses when it names the outlet. It returns the base name
// when nothing is left.
func outletFromFilename(base, text string) string {
	stem := strings.TrimSuffix(base, path.Ext(base))
	parts := strings.FieldsFunc(stem, func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' })
	for len(parts) > 0 && (isNumberOrHash(parts[0]) || len(parts[0]) == 2 && (parts[0] == "id" || parts[0] == "en")) {
		parts = parts[1:]
	}
	for len(parts) > 0 && isNumberOrHash(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	if len(parts) == 0 {
		return stem
	}
	name := strings.Join(parts, " ")
	// Every match starts with the first part; the expression is only
	// built when the text may hold it.
	if mayContainFold(text, parts[0]) {
		re := regexp.MustCompile(`(?i)\b` + strings.Join(quoteAll(parts), `\s+`) + `\b`)
		for _, w := range re.FindAllString(text, -1) {
			if strings.ToLower(w) != w {
				return w
			}
		}
	}
	return titleCase(name)
}

// mayContainFold reports whether a match of (?i)p, for a literal p, can
// occur in s. In a text where asciiFoldExact holds, a match of an ASCII
// literal is an occurrence of it ignoring ASCII case; otherwise it
// reports true.
func mayContainFold(s, p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return true
		}
	}
	if p == "" || !asciiFoldExact(s) {
		return true
	}
	lp := lowerASCII(p)
	for i := 0; i+len(lp) <= len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == lp[0] && hasPrefixFold(s[i:], lp) {
			return true
		}
	}
	return false
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = regexp.QuoteMeta(s)
	}
	return out
}

// isNumberOrHash reports a file-name part that names no outlet: digits, or
// eight or more hexadecimal characters.
func isNumberOrHash(s string) bool {
	digits, hex := true, len(s) >= 8
	for _, r := range s {
		if r < '0' || r > '9' {
			digits = false
		}
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			hex = false
		}
	}
	return digits || hex
}

// titleCase capitalises each word, keeping words of up to three letters in capitals (CNN, BBC).
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
	}
	return strings.Join(words, " ")
}

// canonicalOutlet looks a name or domain up in the built-in list of
// outlets and agencies, allowing one typing error in names of six or more letters.
func canonicalOutlet(name string) (string, bool) {
	k := outletKey(name)
	if k == "" {
		return "", false
	}
	if c, ok := knownOutlets[k]; ok {
		return c, true
	}
	if kk := outletKey(reDotCom.ReplaceAllString(strings.TrimSpace(name), "")); kk != k {
		if c, ok := knownOutlets[kk]; ok {
			return c, true
		}
	}
	if len(k) >= 6 {
		best, n := "", 0
		// Only aliases one byte longer or shorter or of the same length
		// can be within one edit.
		byLen := outletsByLen()
		for _, aliases := range [][]string{byLen[len(k)-1], byLen[len(k)], byLen[len(k)+1]} {
			for _, alias := range aliases {
				if c := knownOutlets[alias]; len(alias) >= 6 && editDistanceAtMost1(k, alias) {
					if best != c {
						n++
					}
					best = c
				}
			}
		}
		if n == 1 {
			return best, true
		}
	}
	return "", false
}

// outletsByLen holds the aliases of knownOutlets by length.
var outletsByLen = sync.OnceValue(func() map[int][]string {
	m := make(map[int][]string)
	for alias := range knownOutlets {
		m[len(alias)] = append(m[len(alias)], alias)
	}
	return m
})

// editDistanceAtMost1 reports whether a and b differ by at most one
// insertion, deletion or substitution.
func editDistanceAtMost1(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// Credits.

// creditPatterns find credits; a pattern runs only on text holding one
// of its cue words (lower case), which keeps the regular expressions off
// most articles.
var creditPatterns = []struct {
	rule string
	cues []string
	re   *regexp.Regexp
}{
	{"sumber", []string{"sumber", "source"}, regexp.MustCompile(`(?i)\b(?:sumber|source)\s*:\s*([^()\n]{1,60}?)\s*(?:\)|\.?\s*$|\n)`)},
	{"dilansir", []string{"dilansir", "dikutip", "disadur", "diterjemahkan"}, regexp.MustCompile(`(?i)\b(?:dilansir|dikutip|disadur|diterjemahkan)\b[^,\n]{0,40}?\bdari[ \t]+([\p{L}\d][\p{L}\d.&'-]*(?:[ \t]+\p{Lu}[\p{L}\d.&'-]*){0,3})`)},
	{"melansir", []string{"melansir", "mengutip", "dikutip", "dilansir", "diberitakan", "reported by", "via"}, regexp.MustCompile(`(?i)\b(?:melansir|mengutip dari|seperti dikutip|sebagaimana dikutip|seperti dilansir|seperti diberitakan|as reported by|reported by|via)\s+(?:oleh[ \t]+)?([\p{L}\d][\p{L}\d.&'-]*(?:[ \t]+\p{Lu}[\p{L}\d.&'-]*){0,3})`)},
	{"agency-tag", []string{"("}, regexp.MustCompile(`\((\p{Lu}[\p{L}.]{1,20}(?:/\p{Lu}[\p{L}.]{1,20})?)\)`)},
	{"reporting-from", []string{"reporting"}, regexp.MustCompile(`(?i)\bwith (?:additional )?reporting (?:from|by)[ \t]+([\p{L}\d][\p{L}\d.&'-]*(?:[ \t]+\p{Lu}[\p{L}\d.&'-]*){0,3})`)},
	{"sign-off", []string{"-", "–", "—"}, regexp.MustCompile(`(?m)^\s*[-–—]+\s*(\p{Lu}[\p{L}.]{1,20})\s*$`)},
}

var reAnd = regexp.MustCompile(`(?i)\s+(?:and|dan|&)\s+`)

// creditStarts holds, for each credit pattern, the literal texts (lower
// case) one of which starts every match (see litPrefixes); nil when some
// match can start otherwise.
var creditStarts = func() [][]string {
	out := make([][]string, len(creditPatterns))
	for i, p := range creditPatterns {
		if g := newLineGuard(p.re); !g.always && len(g.prefixes) == 0 {
			out[i] = g.needles
		}
	}
	return out
}()

// lowerForCues returns s in lower case for the cue test of findCredits,
// as strings.ToLower would. exact reports that s holds no rune outside
// ASCII that lowers (U+0130, U+212A) or, under (?i), folds (U+212A, U+017F)
// to an ASCII letter: then the result is s with ASCII letters lowered,
// byte for byte, and a (?i) match of an ASCII literal in s is an
// occurrence of the lowered literal in the result at the same offset.
func lowerForCues(s string) (lower string, exact bool) {
	lower, exact, _ = lowerForCuesBuf(s, nil)
	return lower, exact
}

// lowerForCuesBuf is lowerForCues writing the lowered text, when exact,
// into buf, grown when too small, and returned as buf for the next call.
// The string returned is then buf itself (unsafe.String): it is only valid
// until buf is written again, so the caller must not let it, or any string
// cut from it, outlive its use of buf. When not exact, the result is a
// string of its own and buf is returned as it was.
func lowerForCuesBuf(s string, buf []byte) (lower string, exact bool, next []byte) {
	if strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return strings.ToLower(s), false, buf
	}
	if len(s) == 0 {
		return "", true, buf
	}
	if cap(buf) < len(s) {
		buf = make([]byte, max(len(s), 2*cap(buf)))
	}
	b := buf[:len(s)]
	// Eight bytes at a time: see lower8.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		binary.LittleEndian.PutUint64(b[i:], lower8(load64(s[i:])))
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(&b[0], len(b)), true, buf
}

// lower8 lowers the ASCII capitals among the eight bytes of x. A byte c
// below 0x80 is a capital when c+0x3F has its high bit (c >= 'A') and
// c+0x25 has not (c <= 'Z'); no sum carries into the next byte, as each
// is below 0x80+0x3F; a byte of 0x80 or more is left alone. Its capital
// gets the bit 0x20.
func lower8(x uint64) uint64 {
	const ones = 0x0101010101010101
	low := x &^ (0x80 * ones) // each byte below 0x80
	ge := low + 0x3F*ones     // high bit: byte >= 'A'
	gt := low + 0x25*ones     // high bit: byte > 'Z'
	upper := ge &^ gt &^ x & (0x80 * ones)
	return x | upper>>2
}

// creditSearchFrom returns the offset in body from which credit pattern
// ci is searched for, ok false when it cannot match at all; first is
// textScan.first of body lowered by lowerForCues, exact. A match of a
// pattern with creditStarts starts with one of them, so none starts
// before the line holding the first one. Searching body from the start of a line gives the
// same matches: the patterns look behind only with \b and (?m)^, and the
// line break before a line start is no word character. Every match of the
// sign-off pattern, (?m)^\s*[-–—]+…, has a line that starts, after ASCII
// white space, with a dash.
func creditSearchFrom(ci int, body string, first []int) (lo int, ok bool) {
	if creditPatterns[ci].rule == "sign-off" {
		return 0, hasDashLine(body)
	}
	if creditStarts[ci] == nil {
		return 0, true
	}
	at := -1
	for _, k := range creditStartIdx[ci] {
		if i := first[k]; i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return 0, false
	}
	return strings.LastIndexByte(body[:at], '\n') + 1, true
}

// anchoredCredit is a credit pattern anchored at the start of its text,
// to try it only where one of its starts occurs (see findAll).
type anchoredCredit struct {
	re *regexp.Regexp // nil: the pattern is searched for as it is
	// wordStart reports that the pattern begins with \b, which re leaves
	// out: findAll tests it against the byte before.
	wordStart bool
	// upperNext reports that every match is a start followed by an upper
	// case rune (\p{Lu}, without (?i)): findAll skips a start followed by
	// an ASCII byte that is no capital, or by nothing, without re.
	upperNext bool
}

// creditAnchored holds the anchored form of each credit pattern with
// creditStarts, "(?i)^(?:X)" for "(?i)\bX" or "(?i)X". A leading \b is
// only taken out when it applies to the whole pattern.
var creditAnchored = func() []anchoredCredit {
	out := make([]anchoredCredit, len(creditPatterns))
	for i, p := range creditPatterns {
		if creditStarts[i] == nil {
			continue
		}
		src, flags := p.re.String(), ""
		if strings.HasPrefix(src, "(?i)") {
			flags, src = "(?i)", src[len("(?i)"):]
		}
		tree, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			panic(err)
		}
		if strings.HasPrefix(src, `\b`) {
			if tree.Op != syntax.OpConcat || tree.Sub[0].Op != syntax.OpWordBoundary {
				continue // \b in one alternative only: search as it is
			}
			out[i].wordStart, src = true, src[len(`\b`):]
		}
		out[i].re = regexp.MustCompile(flags + `^(?:` + src + `)`)
		// The agency tag, \((\p{Lu}…: a "(" and a capital.
		out[i].upperNext = p.rule == "agency-tag"
	}
	return out
}()

// findAll is p.re.FindAllStringSubmatchIndex(body[lo:], -1) with offsets
// into body, for a pattern whose every match starts with one of starts;
// lower is body lowered by lowerForCues, exact, so a match starts where a
// start occurs in lower. The leftmost match is the first of those places
// where the pattern matches (its \b holding at the place: a start begins
// with a letter, so the byte before must be no ASCII letter, digit or
// underscore); there the anchored pattern finds the same match, as
// leftmost-first matching prefers the same alternatives from the same
// place. Every match is at least a start long, and the next is searched
// for from its end, as FindAll does.
func (a anchoredCredit) findAll(body, lower string, lo int, starts []string) [][]int {
	var out [][]int
	next := make([]int, len(starts)) // next occurrence of each start at or after pos, -1 none
	for k := range next {
		next[k] = -2 // not looked for yet
	}
	for pos := lo; pos < len(body); {
		c := -1
		for k, st := range starts {
			if next[k] == -2 || next[k] >= 0 && next[k] < pos {
				next[k] = -1
				if i := strings.Index(lower[pos:], st); i >= 0 {
					next[k] = pos + i
				}
			}
			if next[k] >= 0 && (c < 0 || next[k] < c) {
				c = next[k]
			}
		}
		if c < 0 {
			break
		}
		if a.wordStart && c > 0 && isWordByte(body[c-1]) {
			pos = c + 1
			continue
		}
		if a.upperNext {
			// The start is one byte, "(" (see TestCreditStarts).
			if c+1 >= len(body) || body[c+1] < utf8.RuneSelf && (body[c+1] < 'A' || body[c+1] > 'Z') {
				pos = c + 1
				continue
			}
		}
		m := a.re.FindStringSubmatchIndex(body[c:])
		if m == nil {
			pos = c + 1
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += c
			}
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// isWordByte reports the word characters of \b: ASCII letters, digits and "_".
func isWordByte(b byte) bool {
	return isASCIIAlnum(b) || b == '_'
}

// textScan holds the cues and the starts of every credit pattern and the
// needles of the line guards, looked for once in a lowered body;
// creditCueIdx[i] and creditStartIdx[i] are the indexes there of those of
// credit pattern i, guardNeedleIdx those of the needles.
var textScan, creditCueIdx, creditStartIdx, guardNeedleIdx = func() (*wordScan, [][]int, [][]int, []int) {
	var words []string
	for i, p := range creditPatterns {
		words = append(append(words, p.cues...), creditStarts[i]...)
	}
	for _, g := range lineGuards {
		words = append(words, g.needles...)
	}
	ws := newWordScan(words)
	cues, starts := make([][]int, len(creditPatterns)), make([][]int, len(creditPatterns))
	for i, p := range creditPatterns {
		for _, c := range p.cues {
			cues[i] = append(cues[i], ws.index[c])
		}
		for _, st := range creditStarts[i] {
			starts[i] = append(starts[i], ws.index[st])
		}
	}
	var needles []int
	for _, g := range lineGuards {
		for _, n := range g.needles {
			needles = append(needles, ws.index[n])
		}
	}
	return ws, cues, starts, needles
}()

// A wordScan finds where each of a set of strings first occurs in a text,
// in one pass over the text instead of one search per string.
type wordScan struct {
	words []string
	index map[string]int // position of each word in words
	// bucketAt[c|d<<8], for the bytes c, d at an offset of a text (d is 0
	// after the last byte), is 0 when no word starts there, else 1 + the
	// index in buckets of the words that may: those that start with c, d,
	// and c when it is a word of one byte. It is indexed by the two bytes
	// as one little-endian load, and most offsets of a text fail it: the
	// scan's tight loop is that one test.
	bucketAt [1 << 16]uint8
	buckets  [][]scanEntry
}

// scanEntry is a word of a wordScan in a bucket: k its position in words,
// head its first four bytes (little-endian, fewer in a shorter word) and
// mask the bits of head that are bytes of the word.
type scanEntry struct {
	k          int
	head, mask uint32
}

// newWordScan returns the wordScan of the distinct non-empty words. It
// panics when they need more than 255 buckets, which 255 words never do:
// a bucket holds the words of one first pair of bytes, with or without
// the word of one byte that is their first.
func newWordScan(words []string) *wordScan {
	ws := &wordScan{index: make(map[string]int)}
	byPair := make(map[uint16][]scanEntry) // the words that may start at each pair, as bucketAt
	for _, w := range words {
		if _, dup := ws.index[w]; dup || w == "" {
			continue
		}
		sw := scanEntry{k: len(ws.words)}
		for j := 0; j < len(w) && j < 4; j++ {
			sw.head |= uint32(w[j]) << (8 * j)
			sw.mask |= 0xFF << (8 * j)
		}
		ws.index[w] = len(ws.words)
		ws.words = append(ws.words, w)
		if len(w) == 1 {
			for d := 0; d < 256; d++ {
				h := uint16(w[0]) | uint16(d)<<8
				byPair[h] = append(byPair[h], sw)
			}
		} else {
			h := uint16(w[0]) | uint16(w[1])<<8
			byPair[h] = append(byPair[h], sw)
		}
	}
	// Pairs with the same words share a bucket; the pairs in order, so
	// that the buckets do not depend on the order of a map.
	pairs := slices.Sorted(maps.Keys(byPair))
	ids := make(map[string]uint8)
	for _, h := range pairs {
		b := byPair[h]
		key := fmt.Sprint(b)
		id, ok := ids[key]
		if !ok {
			if len(ws.buckets) == 255 {
				panic("wordScan: too many buckets")
			}
			ws.buckets = append(ws.buckets, b)
			id = uint8(len(ws.buckets))
			ids[key] = id
		}
		ws.bucketAt[h] = id
	}
	return ws
}

// first returns, for each word (by position), the offset of its first
// occurrence in s, or -1: what strings.Index(s, word) returns.
func (ws *wordScan) first(s string) []int {
	at := make([]int, len(ws.words))
	for i := range at {
		at[i] = -1
	}
	left := len(ws.words)
	for i := 0; i < len(s) && left > 0; i++ {
		// The pairs of bytes from i, in a tight loop to the first that
		// has a bucket; the last byte is paired with 0.
		i += ws.skip(s[i:])
		h := uint16(s[i])
		if i+1 < len(s) {
			h |= uint16(s[i+1]) << 8
		}
		b := ws.bucketAt[h]
		if b == 0 {
			break // the last byte, where no word starts
		}
		// The next four bytes (0 past the end, where no word byte fits).
		var head uint32
		if i+4 <= len(s) {
			head = load32(s[i : i+4])
		} else {
			for j := i; j < len(s); j++ {
				head |= uint32(s[j]) << (8 * (j - i))
			}
		}
		for _, sw := range ws.buckets[b-1] {
			if head&sw.mask == sw.head && at[sw.k] < 0 && strings.HasPrefix(s[i:], ws.words[sw.k]) {
				at[sw.k] = i
				left--
			}
		}
	}
	return at
}

// skip returns the offset of the first pair of bytes of s that has a
// bucket, len(s)-1 when none but the last byte, paired with 0, may.
func (ws *wordScan) skip(s string) int {
	j := 1 // the pair's second byte
	for ; j < len(s); j++ {
		if ws.bucketAt[uint16(s[j-1])|uint16(s[j])<<8] != 0 {
			break
		}
	}
	return j - 1
}

// hasDashLine reports whether a line of s starts with a dash (-, – or —)
// after ASCII white space.
func hasDashLine(s string) bool {
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != '\n' && isRESpace(s[j]) {
			j++
		}
		if r := s[j:]; strings.HasPrefix(r, "-") || strings.HasPrefix(r, "–") || strings.HasPrefix(r, "—") {
			return true
		}
		k := strings.IndexByte(s[j:], '\n')
		if k < 0 {
			break
		}
		i = j + k + 1
	}
	return false
}

// findCredits extracts credited outlets and agencies. Only names that are
// known outlets, or look like a domain or a proper name, are kept;
// "(Reuters)"-style tags and sign-offs only for known outlets.
func findCredits(text string, from int) []*Credit {
	lower, exact := lowerForCues(text[from:])
	return findCreditsLower(text, from, lower, exact, textScan.first(lower))
}

// findCreditsLower is findCredits given lowerForCues(text[from:]) and
// first, textScan.first of lower: where each cue and each start first
// occurs in lower, -1 if nowhere.
func findCreditsLower(text string, from int, lower string, exact bool, first []int) []*Credit {
	var out []*Credit
	seen := make(map[string]bool)
	body := text[from:]
	for ci, p := range creditPatterns {
		cued := false
		for _, k := range creditCueIdx[ci] {
			if first[k] >= 0 {
				cued = true
				break
			}
		}
		if !cued {
			continue
		}
		// Search from where a match can start; see creditSearchFrom.
		lo := 0
		if exact {
			var ok bool
			if lo, ok = creditSearchFrom(ci, body, first); !ok {
				continue
			}
		}
		var matches [][]int
		if a := creditAnchored[ci]; exact && a.re != nil {
			matches = a.findAll(body, lower, lo, creditStarts[ci])
		} else {
			matches = p.re.FindAllStringSubmatchIndex(body[lo:], -1)
			for _, m := range matches {
				for k := range m {
					if m[k] >= 0 {
						m[k] += lo
					}
				}
			}
		}
		for _, m := range matches {
			start, end := from+m[2], from+m[3]
			raw := strings.TrimSpace(text[start:end])
			// "CNA/SL": the part before a slash; later parts only when they
			// are known outlets ("Reuters/AFP"), else editor initials.
			parts := strings.FieldsFunc(reAnd.ReplaceAllString(raw, "/"), func(r rune) bool { return r == '/' || r == ',' || r == ';' })
			for pi, part := range parts {
				first := strings.TrimRight(strings.TrimSpace(part), ".")
				name, known := canonicalOutlet(first)
				if !known {
					// Names that are also common words ("Antara") count only here.
					name, known = creditOnlyOutlets[outletKey(first)]
				}
				if pi > 0 && !known {
					continue
				}
				switch {
				case known:
				case p.rule == "agency-tag" || p.rule == "sign-off":
					continue
				case reDomain.MatchString(first):
					name = first
				case first != "" && unicode.IsUpper(firstRune(first)):
					name = first
				default:
					continue
				}
				key := outletKey(name) + "\x00" + fmt.Sprint(start)
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, &Credit{Credited: name, Text: text[from+m[0] : from+m[1]], Start: from + m[0], End: from + m[1], Rule: p.rule})
			}
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
