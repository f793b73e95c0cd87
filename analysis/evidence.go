package analysis

import (
	"cmp"
	"encoding/json"
	"iter"
	"slices"
	"strings"

	"github.com/framelens/framelens/internal/hugepage"
)

// A large corpus has millions of quotes and matches. Held as Quote and
// Match structs they would take about 200 bytes each, most of it string
// headers repeating the same article id, outlet, kind and speaker, and
// slices of the article text. Quotes and Matches hold them compactly
// instead: each record is a few fixed-size numbers, its short strings
// interned once per list and its text and sentence kept as offsets into a
// string the list already holds (for an analysis, the article text).

// strRef is a string held as bytes off to end of one of a table's strings.
type strRef struct{ base, off, end uint32 }

// strtab holds the strings of a compact list: short repeated strings
// interned, and longer ones (article texts, sentences) that records refer
// to by strRef.
type strtab struct {
	strs []string
	ids  map[string]uint32
	few  map[string]uint32 // the ids of the strings interned by internFew
	// last is the id of the last string added by add, so that consecutive
	// records of one sentence share it.
	last uint32
}

func newStrtab() *strtab { return &strtab{strs: []string{""}, ids: map[string]uint32{"": 0}} }

// intern returns the id of s, adding it once.
func (t *strtab) intern(s string) uint32 {
	if id, ok := t.ids[s]; ok {
		return id
	}
	id := uint32(len(t.strs))
	t.strs = append(t.strs, s)
	t.ids[s] = id
	return id
}

// internFew is intern for a string of a small set (a kind, a rule, a
// voice): they are looked up first in a map of their own, which stays in
// the cache, where the map of all strings (article ids, speakers) is
// large. It gives the same id as intern.
func (t *strtab) internFew(s string) uint32 {
	if id, ok := t.few[s]; ok {
		return id
	}
	if t.few == nil {
		t.few = make(map[string]uint32)
	}
	id := t.intern(s)
	t.few[s] = id
	return id
}

// add adds s without interning (a long string), unless it is the string
// added last, and returns its id.
func (t *strtab) add(s string) uint32 {
	if t.last != 0 && t.strs[t.last] == s {
		return t.last
	}
	t.last = uint32(len(t.strs))
	t.strs = append(t.strs, s)
	return t.last
}

func (t *strtab) str(id uint32) string { return t.strs[id] }

func (t *strtab) slice(r strRef) string { return t.strs[r.base][r.off:r.end] }

// ref returns a strRef for s: inside the string in, when in holds it,
// else a string of its own.
func (t *strtab) ref(s string, in uint32) strRef {
	if s == "" {
		return strRef{}
	}
	if i := strings.Index(t.strs[in], s); i >= 0 {
		return strRef{in, uint32(i), uint32(i + len(s))}
	}
	return strRef{t.add(s), 0, uint32(len(s))}
}

// renamer returns a function giving the id of f(s) for the id of s,
// calling f once per distinct id.
func (t *strtab) renamer(f func(string) string) func(uint32) uint32 {
	done := map[uint32]uint32{}
	return func(id uint32) uint32 {
		n, ok := done[id]
		if !ok {
			n = t.intern(f(t.str(id)))
			done[id] = n
		}
		return n
	}
}

// ranks returns, for each string id, its article's place in order (-1
// for strings that are not article ids).
func (t *strtab) ranks(order map[string]int) []int32 {
	r := make([]int32, len(t.strs))
	for i := range r {
		r[i] = -1
	}
	for s, id := range t.ids {
		if o, ok := order[s]; ok {
			r[id] = int32(o)
		}
	}
	return r
}

// quoteRec is one Quote held compactly; its strings are ids in the list's
// strtab.
type quoteRec struct {
	article, outlet, kind, speaker, mention, affiliation, rule uint32
	words, start, end, sentStart, sentEnd                      int32
	text, sentence                                             strRef
}

// Quotes is a list of quotes held compactly (a few dozen bytes a quote,
// the text and sentence referring to the article text rather than
// copied). At and All give each as a Quote. The zero value is an empty
// list; use Append to add to it. In JSON it is an array of Quote objects.
type Quotes struct {
	recs chunks[quoteRec]
	tab  *strtab
}

// QuotesOf returns a list of the given quotes, in order.
func QuotesOf(qs ...*Quote) Quotes {
	var l Quotes
	for _, q := range qs {
		l.Append(q)
	}
	return l
}

// Len returns the number of quotes.
func (l *Quotes) Len() int { return l.recs.len() }

// Append adds a copy of q at the end of the list.
func (l *Quotes) Append(q *Quote) {
	if l.tab == nil {
		l.tab = newStrtab()
	}
	t := l.tab
	sent := t.add(q.Sentence)
	l.recs.push(quoteRec{
		article: t.intern(q.Article), outlet: t.intern(q.Outlet), kind: t.intern(q.Kind),
		speaker: t.intern(q.Speaker), mention: t.intern(q.SpeakerMention),
		affiliation: t.intern(q.Affiliation), rule: t.intern(q.Rule),
		words: int32(q.Words), start: int32(q.Start), end: int32(q.End),
		sentStart: int32(q.SentenceStart), sentEnd: int32(q.SentenceEnd),
		text: t.ref(q.Text, sent), sentence: strRef{sent, 0, uint32(len(q.Sentence))},
	})
}

// At returns the i'th quote.
func (l *Quotes) At(i int) Quote {
	r, t := l.recs.at(i), l.tab
	return Quote{
		Article: t.str(r.article), Outlet: t.str(r.outlet), Kind: t.str(r.kind),
		Speaker: t.str(r.speaker), SpeakerMention: t.str(r.mention), Affiliation: t.str(r.affiliation),
		Text: t.slice(r.text), Words: int(r.words), Start: int(r.start), End: int(r.end),
		Sentence: t.slice(r.sentence), SentenceStart: int(r.sentStart), SentenceEnd: int(r.sentEnd),
		Rule: t.str(r.rule),
	}
}

// All returns the quotes in order with their indices.
func (l *Quotes) All() iter.Seq2[int, Quote] { return all(l.Len(), l.At) }

// sortByArticle sorts the quotes by their article's place in order, then
// by start, then by kind, keeping the order of equal quotes.
func (l *Quotes) sortByArticle(order map[string]int) {
	if l.tab == nil {
		return
	}
	rank, t := l.tab.ranks(order), l.tab
	l.recs.sortStable(func(a, b quoteRec) int {
		return cmp.Or(cmp.Compare(rank[a.article], rank[b.article]), cmp.Compare(a.start, b.start),
			strings.Compare(t.str(a.kind), t.str(b.kind)))
	})
}

// rename replaces each outlet by outlet(it) and each speaker by the name
// and affiliation speaker gives for it, calling each once per distinct name.
func (l *Quotes) rename(outlet func(string) string, speaker func(string) (string, string)) {
	t := l.tab
	newOutlet := t.renamer(outlet)
	type who struct{ name, affiliation uint32 }
	speakers := map[uint32]who{}
	for i := range l.recs.len() {
		r := l.recs.at(i)
		o := newOutlet(r.outlet)
		s, ok := speakers[r.speaker]
		if !ok {
			name, aff := speaker(t.str(r.speaker))
			s = who{t.intern(name), t.intern(aff)}
			speakers[r.speaker] = s
		}
		r.outlet, r.speaker, r.affiliation = o, s.name, s.affiliation
	}
}

func (l *Quotes) appendJSONAt(b []byte, i int) []byte {
	q := l.At(i)
	return q.appendJSON(b)
}

// MarshalJSON writes the list as a JSON array of quotes.
func (l Quotes) MarshalJSON() ([]byte, error) { return marshalList(&l), nil }

// UnmarshalJSON reads a JSON array of quotes (null is an empty list).
func (l *Quotes) UnmarshalJSON(b []byte) error { return unmarshalList(b, l, QuotesOf) }

// matchRec is one Match held compactly; its strings are ids in the list's
// strtab.
type matchRec struct {
	article, outlet, kind, term, category, voice, source uint32
	start, end, sentStart, sentEnd                       int32
	text, sentence                                       strRef
}

// Matches is a list of lexicon matches held compactly, as Quotes holds
// quotes. At and All give each as a Match. The zero value is an empty
// list; use Append to add to it. In JSON it is an array of Match objects.
type Matches struct {
	recs chunks[matchRec]
	tab  *strtab
}

// MatchesOf returns a list of the given matches, in order.
func MatchesOf(ms ...*Match) Matches {
	var l Matches
	for _, m := range ms {
		l.Append(m)
	}
	return l
}

// Len returns the number of matches.
func (l *Matches) Len() int { return l.recs.len() }

// Append adds a copy of m at the end of the list.
func (l *Matches) Append(m *Match) {
	if l.tab == nil {
		l.tab = newStrtab()
	}
	t := l.tab
	sent := t.add(m.Sentence)
	l.recs.push(matchRec{
		article: t.intern(m.Article), outlet: t.intern(m.Outlet), kind: t.intern(m.Kind),
		term: t.intern(m.Term), category: t.intern(m.Category), voice: t.intern(m.Voice),
		source: t.intern(m.Source),
		start:  int32(m.Start), end: int32(m.End), sentStart: int32(m.SentenceStart), sentEnd: int32(m.SentenceEnd),
		text: t.ref(m.Text, sent), sentence: strRef{sent, 0, uint32(len(m.Sentence))},
	})
}

// At returns the i'th match.
func (l *Matches) At(i int) Match {
	r, t := l.recs.at(i), l.tab
	return Match{
		Article: t.str(r.article), Outlet: t.str(r.outlet), Kind: t.str(r.kind),
		Term: t.str(r.term), Category: t.str(r.category), Voice: t.str(r.voice),
		Text: t.slice(r.text), Start: int(r.start), End: int(r.end),
		Sentence: t.slice(r.sentence), SentenceStart: int(r.sentStart), SentenceEnd: int(r.sentEnd),
		Source: t.str(r.source),
	}
}

// All returns the matches in order with their indices.
func (l *Matches) All() iter.Seq2[int, Match] { return all(l.Len(), l.At) }

// sortByArticle sorts the matches by their article's place in order, then
// by start, keeping the order of equal matches.
func (l *Matches) sortByArticle(order map[string]int) {
	if l.tab == nil {
		return
	}
	rank := l.tab.ranks(order)
	l.recs.sortStable(func(a, b matchRec) int {
		return cmp.Or(cmp.Compare(rank[a.article], rank[b.article]), cmp.Compare(a.start, b.start))
	})
}

// rename replaces each outlet by outlet(it), calling it once per distinct outlet.
func (l *Matches) rename(outlet func(string) string) {
	newOutlet := l.tab.renamer(outlet)
	for i := range l.recs.len() {
		r := l.recs.at(i)
		r.outlet = newOutlet(r.outlet)
	}
}

func (l *Matches) appendJSONAt(b []byte, i int) []byte {
	m := l.At(i)
	return m.appendJSON(b)
}

// MarshalJSON writes the list as a JSON array of matches.
func (l Matches) MarshalJSON() ([]byte, error) { return marshalList(&l), nil }

// UnmarshalJSON reads a JSON array of matches (null is an empty list).
func (l *Matches) UnmarshalJSON(b []byte) error { return unmarshalList(b, l, MatchesOf) }

// chunks is a list held in chunks of a fixed size, so that it grows
// without copying itself: a list of millions of records grown by
// doubling would copy them over and over. The chunks are cut from slabs
// of one, two, … up to maxSlabChunks chunks, so that a long list's
// memory comes in pieces large enough for huge pages (see hugepage.Advise)
// and a short list's stays small.
type chunks[T any] struct {
	c     [][]T
	n     int
	spare []T // the rest of the last slab
}

const (
	chunkBits     = 14
	chunkSize     = 1 << chunkBits
	maxSlabChunks = 8
)

func (s *chunks[T]) len() int { return s.n }

func (s *chunks[T]) at(i int) *T { return &s.c[i>>chunkBits][i&(chunkSize-1)] }

func (s *chunks[T]) push(x T) {
	if s.n&(chunkSize-1) == 0 {
		if len(s.spare) == 0 {
			s.spare = make([]T, min(len(s.c)+1, maxSlabChunks)*chunkSize)
			hugepage.Advise(s.spare)
		}
		s.c = append(s.c, s.spare[:0:chunkSize])
		s.spare = s.spare[chunkSize:]
	}
	last := &s.c[len(s.c)-1]
	*last = append(*last, x)
	s.n++
}

// sortStable sorts the list as slices.SortStableFunc would; a list
// already sorted, the usual case, is left as it is.
func (s *chunks[T]) sortStable(cmp func(a, b T) int) {
	sorted := true
	for i := 1; i < s.n && sorted; i++ {
		sorted = cmp(*s.at(i - 1), *s.at(i)) <= 0
	}
	if sorted {
		return
	}
	flat := make([]T, 0, s.n)
	for _, c := range s.c {
		flat = append(flat, c...)
	}
	slices.SortStableFunc(flat, cmp)
	*s = chunks[T]{}
	for _, x := range flat {
		s.push(x)
	}
}

// all returns the n elements that at gives, with their indices.
func all[V any](n int, at func(int) V) iter.Seq2[int, V] {
	return func(yield func(int, V) bool) {
		for i := range n {
			if !yield(i, at(i)) {
				return
			}
		}
	}
}

// unmarshalList sets *l to the list of the elements of the JSON array b
// (null: none), made by of.
func unmarshalList[T, L any](b []byte, l *L, of func(...*T) L) error {
	var xs []*T
	if err := json.Unmarshal(b, &xs); err != nil {
		return err
	}
	*l = of(xs...)
	return nil
}

// jsonList is a compact list that writes its elements' JSON itself.
type jsonList interface {
	Len() int
	appendJSONAt(b []byte, i int) []byte
}

// marshalList returns l as a compact JSON array.
func marshalList(l jsonList) []byte {
	b := []byte{'['}
	for i := range l.Len() {
		if i > 0 {
			b = append(b, ',')
		}
		b = l.appendJSONAt(b, i)
	}
	return append(b, ']')
}

// occRec is one PassageOccurrence held compactly; its strings are ids in
// the list's strtab.
type occRec struct {
	article, outlet uint32
	start, end      int32
	text            strRef
	quoted          bool
}

// Occurrences is a list of passage occurrences held compactly, as Quotes
// holds quotes; the passages of one Reuse share their strings. At and All
// give each as a PassageOccurrence. The zero value is an empty list; use
// Append to add to it. In JSON it is an array of PassageOccurrence objects.
type Occurrences struct {
	recs []occRec
	tab  *strtab
}

// OccurrencesOf returns a list of the given occurrences, in order.
func OccurrencesOf(os ...*PassageOccurrence) Occurrences {
	var l Occurrences
	for _, o := range os {
		l.Append(o)
	}
	return l
}

// Len returns the number of occurrences.
func (l *Occurrences) Len() int { return len(l.recs) }

// Append adds a copy of o at the end of the list.
func (l *Occurrences) Append(o *PassageOccurrence) {
	if l.tab == nil {
		l.tab = newStrtab()
	}
	t := l.tab
	l.recs = append(l.recs, occRec{
		article: t.intern(o.Article), outlet: t.intern(o.Outlet),
		start: int32(o.Start), end: int32(o.End), text: t.ref(o.Text, 0), quoted: o.Quoted,
	})
}

// At returns the i'th occurrence.
func (l *Occurrences) At(i int) PassageOccurrence {
	r, t := &l.recs[i], l.tab
	return PassageOccurrence{Article: t.str(r.article), Outlet: t.str(r.outlet),
		Start: int(r.start), End: int(r.end), Text: t.slice(r.text), Quoted: r.quoted}
}

// All returns the occurrences in order with their indices.
func (l *Occurrences) All() iter.Seq2[int, PassageOccurrence] { return all(l.Len(), l.At) }

func (l *Occurrences) appendJSONAt(b []byte, i int) []byte {
	o := l.At(i)
	return o.appendJSON(b)
}

// MarshalJSON writes the list as a JSON array of occurrences.
func (l Occurrences) MarshalJSON() ([]byte, error) { return marshalList(&l), nil }

// UnmarshalJSON reads a JSON array of occurrences (null is an empty list).
func (l *Occurrences) UnmarshalJSON(b []byte) error { return unmarshalList(b, l, OccurrencesOf) }
