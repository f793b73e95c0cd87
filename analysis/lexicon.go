package analysis

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Lexicon is a set of loaded terms and hedges. Build one with
// BuiltinLexicon, then Add user terms; a later term with the same surface
// form and language replaces an earlier one.
type Lexicon struct {
	terms   map[string]*Term // by language + "\t" + term
	sources []string
	tries   map[string]*trieNode // by language, built lazily
	// sha is the SHA256 of the terms, computed once after each Add.
	shaMu sync.Mutex
	sha   string
}

// NewLexicon returns an empty lexicon.
func NewLexicon() *Lexicon { return &Lexicon{terms: make(map[string]*Term)} }

// Languages of the built-in packs.
var Languages = []string{"id", "en"}

// ParseLexicon reads lexicon TSV: term, category, language, note, separated
// by tabs; "#" starts a comment line. Language may be empty (every
// language); category "-" removes the term. Errors are *ParseError.
func ParseLexicon(r io.Reader, source string) ([]*Term, error) {
	var terms []*Term
	err := scanTSV(r, source, "reading lexicon", func(line int, f []string) error {
		perr := func(format string, args ...any) error {
			return &ParseError{Path: source, Line: line, Msg: fmt.Sprintf(format, args...)}
		}
		if len(f) < 2 {
			return perr("want term<TAB>category<TAB>language<TAB>note, got %d field(s)", len(f))
		}
		if len(f) > 4 {
			return perr("want at most 4 tab-separated fields, got %d", len(f))
		}
		for len(f) < 4 {
			f = append(f, "")
		}
		term, err := normTerm(f[0])
		if err != nil {
			return perr("%v", err)
		}
		cat := strings.TrimSpace(f[1])
		if cat != "-" && !strings.HasPrefix(cat, "loaded.") && !strings.HasPrefix(cat, "hedge.") {
			return perr("category %q: want loaded.<name>, hedge.<name> or - (remove)", cat)
		}
		lang := strings.ToLower(strings.TrimSpace(f[2]))
		if lang != "" && lang != "*" && lang != "id" && lang != "en" {
			return perr("language %q: want id, en or empty", lang)
		}
		if lang == "*" {
			lang = ""
		}
		terms = append(terms, &Term{Term: term, Category: cat, Language: lang,
			Note: strings.TrimSpace(f[3]), Source: fmt.Sprintf("%s:%d", source, line)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return terms, nil
}

// normTerm lower-cases a term and puts single spaces between its words.
func normTerm(s string) (string, error) {
	s = strings.TrimSpace(s)
	star := strings.HasSuffix(s, "*")
	s = strings.TrimSuffix(s, "*")
	if strings.Contains(s, "*") {
		return "", fmt.Errorf("term %q: \"*\" is allowed only at the end", s)
	}
	toks := tokenize(s, span{0, len(s)})
	if len(toks) == 0 {
		return "", fmt.Errorf("term %q has no words", s)
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Norm
	}
	if toks[len(toks)-1].End != len(s) && star {
		return "", fmt.Errorf("term %q: \"*\" must follow a letter", s)
	}
	out := strings.Join(words, " ")
	if star {
		out += "*"
	}
	return out, nil
}

// Add adds terms, in order; a term replaces an earlier one with the same
// surface form and language, and a term with category "-" removes it.
// A term with no language applies to every language.
func (l *Lexicon) Add(source string, terms []*Term) {
	l.sources = append(l.sources, source)
	l.tries = nil
	l.shaMu.Lock()
	l.sha = ""
	l.shaMu.Unlock()
	for _, t := range terms {
		langs := []string{t.Language}
		if t.Language == "" {
			langs = Languages
		}
		for _, lang := range langs {
			k := lang + "\t" + t.Term
			if t.Category == "-" {
				delete(l.terms, k)
				continue
			}
			c := *t
			c.Language = lang
			l.terms[k] = &c
		}
	}
}

// Terms returns the effective terms sorted by language, category and term.
func (l *Lexicon) Terms() []*Term {
	out := make([]*Term, 0, len(l.terms))
	for _, t := range l.terms {
		out = append(out, t)
	}
	sortTerms(out)
	return out
}

func sortTerms(ts []*Term) {
	sort.Slice(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		if a.Language != b.Language {
			return a.Language < b.Language
		}
		if a.Category != b.Category {
			return a.Category < b.Category
		}
		return a.Term < b.Term
	})
}

// Sources lists where the terms came from, in load order.
func (l *Lexicon) Sources() []string { return append([]string{}, l.sources...) }

// WriteTSV writes the effective terms of one language ("" for all) in the
// lexicon format, so the output can be edited and loaded with -lexicon.
func (l *Lexicon) WriteTSV(w io.Writer, lang string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# framelens lexicon: term<TAB>category<TAB>language<TAB>note\n")
	for _, t := range l.Terms() {
		if lang != "" && t.Language != lang {
			continue
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", t.Term, t.Category, t.Language, t.Note)
	}
	return bw.Flush()
}

// SHA256 is the hex SHA-256 of WriteTSV(w, "").
func (l *Lexicon) SHA256() string {
	l.shaMu.Lock()
	defer l.shaMu.Unlock()
	if l.sha == "" {
		h := sha256.New()
		l.WriteTSV(h, "")
		l.sha = hex.EncodeToString(h.Sum(nil))
	}
	return l.sha
}

// Matching.

type trieNode struct {
	next map[string]*trieNode
	term *Term // a term ending here
	star stars // terms whose last word, with a star, comes next
	// tab, when not nil, holds the words of next, whose nodes are kids:
	// the root's, looked up at every word of a text.
	tab  *wordTable
	kids []*trieNode
	// byKw, in a root, holds what the root holds of each word of the word
	// lists, by its index in wordInfos (token.kw): a token that is such a
	// word needs no lookup there (see longestAt).
	byKw []rootWord
	// sketches, in a root, has bit sketchOf(w) for every word w of tab,
	// when none is empty: a word without its bit is none of them, which
	// the root tells without hashing (most words of a text are not the
	// first word of a term).
	sketches *[1 << 16 / 64]uint64
}

// sketchOf is a cheap 16-bit hash of a word of one byte or more: of its
// length and five of its bytes (the first two, the middle one, the last two).
func sketchOf(w string) uint16 {
	n := len(w)
	k := uint64(w[0]) | uint64(w[1%n])<<8 | uint64(w[n/2])<<16 | uint64(w[max(n-2, 0)])<<24 | uint64(w[n-1])<<32 | uint64(n)<<40
	k ^= k >> 29
	return uint16((k * 0x9e3779b97f4a7c15) >> 48)
}

// rootWord is what a root holds of a word w: its child, n.child(w), and
// starMatch(&n.star, w).
type rootWord struct {
	kid  *trieNode
	star *Term
}

// child returns the node that follows n at word w, nil when none does.
func (n *trieNode) child(w string) *trieNode {
	if n.tab == nil {
		return n.next[w]
	}
	if n.sketches != nil && w != "" {
		if h := sketchOf(w); n.sketches[h>>6]&(1<<(h&63)) == 0 {
			return nil
		}
	}
	if k, ok := n.tab.lookup(w); ok {
		return n.kids[k]
	}
	return nil
}

// index fills n.tab and n.kids from n.next.
func (n *trieNode) index() {
	keys := make([]string, 0, len(n.next))
	n.kids = make([]*trieNode, 0, len(n.next))
	for w, c := range n.next {
		keys = append(keys, w)
		n.kids = append(n.kids, c)
	}
	n.tab = newWordTable(keys)
	n.sketches = new([1 << 16 / 64]uint64)
	for _, w := range keys {
		if w == "" {
			n.sketches = nil
			break
		}
		h := sketchOf(w)
		n.sketches[h>>6] |= 1 << (h & 63)
	}
	n.byKw = make([]rootWord, len(wordTab.keys))
	for k, w := range wordTab.keys {
		n.byKw[k] = rootWord{n.child(w), starMatch(&n.star, w)}
	}
}

// stars are the terms whose last word ends in "*", by that word without
// the star (its stem). Looking a word up costs one map access per prefix
// length between the shortest and the longest stem, whatever the number
// of terms; when no stem is shorter than two bytes, a comparison with each
// stem that starts with the word's first two bytes instead.
type stars struct {
	byStem           map[string]*Term
	minStem, maxStem int
	// heads has bit b0<<8|b1 for the first two bytes of every stem, a quick
	// test before the lookups (none is shorter: minStem >= 2).
	heads *[1 << 16 / 64]uint64
	// byHead holds the stems of two bytes or more, ordered by their first
	// two bytes (headOf) and, among those, longer first.
	byHead []starStem
}

// starStem is a stem of stars and its term.
type starStem struct {
	head uint16
	stem string
	term *Term
}

// headOf is the first two bytes of s, which has two or more.
func headOf(s string) uint16 { return uint16(s[0])<<8 | uint16(s[1]) }

// add adds term t with stem.
func (s *stars) add(stem string, t *Term) {
	if s.byStem == nil {
		s.byStem = make(map[string]*Term)
		s.minStem = len(stem)
	}
	s.byStem[stem] = t
	s.minStem, s.maxStem = min(s.minStem, len(stem)), max(s.maxStem, len(stem))
	if len(stem) >= 2 {
		if s.heads == nil {
			s.heads = new([1 << 16 / 64]uint64)
		}
		h := headOf(stem)
		s.heads[h>>6] |= 1 << (h & 63)
		st := starStem{h, stem, t}
		i, found := slices.BinarySearchFunc(s.byHead, st, func(a, b starStem) int {
			return cmp.Or(cmp.Compare(a.head, b.head), cmp.Compare(len(b.stem), len(a.stem)), strings.Compare(a.stem, b.stem))
		})
		if found {
			s.byHead[i] = st // as in byStem, the last term of a stem
		} else {
			s.byHead = slices.Insert(s.byHead, i, st)
		}
	}
}

func (l *Lexicon) trie(lang string) *trieNode {
	if l.tries == nil {
		l.tries = make(map[string]*trieNode)
	}
	if t, ok := l.tries[lang]; ok {
		return t
	}
	root := &trieNode{}
	for _, t := range l.Terms() {
		if t.Language != lang {
			continue
		}
		words := strings.Split(strings.TrimSuffix(t.Term, "*"), " ")
		n := root
		for i, w := range words {
			if i == len(words)-1 && strings.HasSuffix(t.Term, "*") {
				n.star.add(w, t)
				break
			}
			if n.next == nil {
				n.next = make(map[string]*trieNode)
			}
			c := n.next[w]
			if c == nil {
				c = &trieNode{}
				n.next[w] = c
			}
			n = c
			if i == len(words)-1 {
				n.term = t
			}
		}
	}
	root.index()
	l.tries[lang] = root
	return root
}

// lexMatch is a match of a term over toks[i:j] (or a part of toks[i]).
type lexMatch struct {
	term       *Term
	start, end int // byte offsets
	next       int // index of the first token after the match
}

// match finds non-overlapping terms in toks, longest first, left to right.
// A hyphenated word that matches nothing whole is tried part by part, and
// a reduplication ("musuh-musuh") as its base word.
func (l *Lexicon) match(lang, text string, toks []token) []lexMatch {
	return matchTrie(l.trie(lang), text, toks)
}

// matchTrie is match with the trie of the language, l.trie(lang): an
// article looks it up once rather than once a sentence.
func matchTrie(root *trieNode, text string, toks []token) []lexMatch {
	return appendMatchTrie(nil, root, text, toks)
}

// appendMatchTrie appends matchTrie(root, text, toks) to out.
func appendMatchTrie(out []lexMatch, root *trieNode, text string, toks []token) []lexMatch {
	for i := 0; i < len(toks); {
		// The tests of t.Cap and t.hyphen are made here, before the calls
		// that would make them: most words are neither capitalised nor
		// hyphenated.
		t := &toks[i]
		if t.Cap && nameWord(text, toks, i) {
			i++
			continue
		}
		if !noTermAt(root, t) {
			if m, ok := longestAt(root, toks, i); ok {
				if !strings.HasPrefix(m.term.Category, "hedge.") || !t.Cap || atClauseStart(text, toks, i) {
					out = append(out, m)
				}
				i = m.next
				continue
			}
		}
		// Parts of a hyphenated word.
		if !t.hyphen {
			i++
			continue
		}
		parts := hyphenParts(text, t)
		if len(parts) >= 2 {
			reduplication := strings.HasPrefix(parts[1].word, parts[0].word)
			if reduplication {
				parts = parts[:1]
			}
			for _, p := range parts {
				term := starMatch(&root.star, p.word)
				if n := root.child(p.word); n != nil && n.term != nil {
					term = n.term
				}
				if term == nil {
					continue
				}
				end := p.end
				if reduplication {
					end = t.End // the whole reduplication is the evidence
				}
				out = append(out, lexMatch{term: term, start: p.start, end: end, next: i + 1})
			}
		}
		i++
	}
	return out
}

// nameWord reports whether toks[i] is a capitalised word inside a run of
// capitalised words that does not start a clause: part of a proper name
// ("Partai Komunis", "Perang Dingin", "Cold War"), which is not framing.
func nameWord(text string, toks []token, i int) bool {
	t := &toks[i]
	if !t.Cap || t.Upper || atClauseStart(text, toks, i) {
		return false
	}
	capAt := func(k int) bool { return k >= 0 && k < len(toks) && toks[k].Cap && !toks[k].Upper }
	return capAt(i-1) && !atClauseStart(text, toks, i-1) || capAt(i+1)
}

// atClauseStart reports whether toks[i] begins its sentence, a quotation,
// a parenthesis or the text after a colon, where any word is capitalised.
// A capitalised hedge elsewhere is a name ("by May", "Will Smith").
func atClauseStart(text string, toks []token, i int) bool {
	if i == 0 {
		return true
	}
	before := strings.TrimRight(text[toks[i-1].End:toks[i].Start], " \t")
	if before == "" {
		return false
	}
	r := lastRune(before)
	return strings.ContainsRune("\"'“‘«„‚(:[—–-.!?", r)
}

type wordPart struct {
	word       string
	start, end int
}

// hyphenParts splits a hyphenated token into its normalised parts with offsets.
func hyphenParts(text string, t *token) []wordPart {
	if !t.hyphen {
		return nil // most words: the tokenizer saw no hyphen
	}
	var parts []wordPart
	start := t.Start
	for i, r := range text[t.Start:t.End] {
		if r == '-' || r == '‐' || r == '‑' {
			at := t.Start + i
			parts = append(parts, wordPart{normWord(text[start:at]), start, at})
			start = at + len(string(r))
		}
	}
	if parts == nil {
		return nil
	}
	return append(parts, wordPart{normWord(text[start:t.End]), start, t.End})
}

// noTermAt reports, without a call to longestAt, that no term of the
// trie at root starts at t, as for most words of the word lists (t.kw
// set): the root holds the word neither as a child nor under a star.
func noTermAt(root *trieNode, t *token) bool {
	if t.kw == 0 || root.byKw == nil {
		return false
	}
	rw := &root.byKw[t.kw]
	return rw.kid == nil && rw.star == nil
}

// longestAt returns the longest match of a term of the trie at root over
// toks from i. It asks the root about toks[i] by the token's index in
// wordInfos when the word lists hold it (trieNode.byKw); longestRef in
// lexicon_fast_test.go is the same without that.
func longestAt(root *trieNode, toks []token, i int) (best lexMatch, found bool) {
	t := &toks[i]
	var n *trieNode
	var st *Term
	if t.kw != 0 && root.byKw != nil {
		rw := &root.byKw[t.kw]
		n, st = rw.kid, rw.star
	} else {
		n, st = root.child(t.Norm), starMatch(&root.star, t.Norm)
	}
	if st != nil {
		best, found = lexMatch{term: st, start: t.Start, end: t.End, next: i + 1}, true
	}
	if n != nil && n.term != nil {
		best, found = lexMatch{term: n.term, start: t.Start, end: t.End, next: i + 1}, true
	}
	for k := i + 1; k < len(toks) && n != nil; k++ {
		w := toks[k].Norm
		if st := starMatch(&n.star, w); st != nil {
			best, found = lexMatch{term: st, start: t.Start, end: toks[k].End, next: k + 1}, true
		}
		n = n.child(w)
		if n != nil && n.term != nil {
			best, found = lexMatch{term: n.term, start: t.Start, end: toks[k].End, next: k + 1}, true
		}
	}
	return best, found
}

// starMatch returns the term with the longest stem that w starts with, or
// nil. s is a pointer: stars is 56 bytes, which a call by value copies.
func starMatch(s *stars, w string) *Term {
	if s.byStem == nil {
		return nil
	}
	if s.minStem >= 2 {
		// A stem that w starts with has w's first two bytes.
		if len(w) < 2 {
			return nil
		}
		h := headOf(w)
		if s.heads[h>>6]&(1<<(h&63)) == 0 {
			return nil
		}
		// Every stem is in byHead. The stems that w starts with start
		// with h; the first of them is the longest. i is the first stem
		// with a head of h or more (a binary search written out, which
		// saves slices.BinarySearchFunc's call of its comparison at each
		// step).
		i, j := 0, len(s.byHead)
		for i < j {
			if m := int(uint(i+j) >> 1); s.byHead[m].head < h {
				i = m + 1
			} else {
				j = m
			}
		}
		for ; i < len(s.byHead) && s.byHead[i].head == h; i++ {
			if st := s.byHead[i]; strings.HasPrefix(w, st.stem) {
				return st.term
			}
		}
		return nil
	}
	for n := min(len(w), s.maxStem); n >= s.minStem; n-- {
		if t := s.byStem[w[:n]]; t != nil {
			return t
		}
	}
	return nil
}
