package analysis

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/framelens/framelens/internal/hugepage"
)

// Reuse is the text shared word for word by articles of different
// outlets: wire copy, press releases and copied paragraphs. Every slice is
// non-nil and sorted deterministically.
type Reuse struct {
	// Passages are the shared passages, sorted by Words descending, then Text.
	Passages []*Passage `json:"passages"`
	// ByArticle has one entry per article, sorted by article id.
	ByArticle []*ArticleReuse `json:"by_article"`
	// Pairs lists the outlet pairs that share at least one word, sorted by
	// SharedWords descending, then A, then B.
	Pairs []*ReusePair `json:"pairs"`
	// MinWords is the length of the shortest passage looked for, in words.
	MinWords int `json:"min_words"`
}

// Passage is one run of words carried by articles of at least two outlets.
// Words are compared by their normalised form, so case and punctuation may
// differ between the articles.
type Passage struct {
	// Text is the passage as written in the first article carrying it, in input order.
	Text string `json:"text"`
	// Words is the length of the passage in words (at least Reuse.MinWords).
	Words int `json:"words"`
	// Articles are the ids of the articles carrying the passage, sorted.
	Articles []string `json:"articles"`
	// Outlets are the outlets of Articles, sorted and distinct; always two or more.
	Outlets []string `json:"outlets"`
	// Occurrences has one entry per article, sorted by article id.
	Occurrences Occurrences `json:"occurrences"`
}

// PassageOccurrence is where one article carries a passage, in its own
// wording.
type PassageOccurrence struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	// Start and End are byte offsets into the article text (End exclusive).
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the article text between Start and End.
	Text string `json:"text"`
	// Quoted reports whether the occurrence lies mostly (more than half of
	// its bytes) inside quotation marks.
	Quoted bool `json:"quoted"`
}

// ArticleReuse is how much of one article is shared with other outlets.
type ArticleReuse struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	// Words is the number of words in the article body.
	Words int `json:"words"`
	// SharedWords is the number of words of the article inside any of its
	// passage occurrences, each word counted once.
	SharedWords int `json:"shared_words"`
	// Share is SharedWords divided by Words, in [0, 1], rounded to 4
	// decimals; 0 for an article without words.
	Share float64 `json:"share"`
}

// ReusePair is two outlets that carry the same passages.
type ReusePair struct {
	// A and B are outlet names, A < B.
	A string `json:"a"`
	B string `json:"b"`
	// SharedWords counts the words of text both outlets carry: for each
	// outlet, the words of its articles inside passages the other outlet
	// also carries (nested passages counted once); the smaller of the two.
	SharedWords int `json:"shared_words"`
	// Credited reports whether an article of A credits B or one of B
	// credits A, or an article of A and an article of B credit the same
	// outlet or agency (names compared without regard to case).
	Credited bool `json:"credited"`
}

// reuseDoc is one article's body as seen by reuse detection.
type reuseDoc struct {
	id, outlet string
	text       string   // the article text; offsets below refer to it
	words      []uint32 // vocab ids of the body words in order (boilerplate already removed)
	spans      []span32 // the body: tokenize over each span in turn gives the words
	first      []int32  // first[i] is the index in words of the first word of spans[i]
	credits    []string // canonical names of outlets/agencies the article credits
	quoted     []span   // spans of the text inside quotation marks (may be empty)
}

// newReuseDoc makes the reuseDoc of the words of text in spans, interning
// them in v.
func newReuseDoc(v *vocab, id, outlet, text string, spans []span) reuseDoc {
	d := reuseDoc{id: id, outlet: outlet, text: text}
	for _, sp := range spans {
		d.spans = append(d.spans, span32of(sp))
		d.first = append(d.first, int32(len(d.words)))
		d.words = v.ids(d.words, tokenize(text, sp))
	}
	return d
}

// span32 is a span held in half the bytes, for the spans kept of every
// article of a corpus (articles are far shorter than 2 GB).
type span32 struct{ start, end int32 }

func span32of(s span) span32 { return span32{int32(s.Start), int32(s.End)} }

func (s span32) span() span { return span{int(s.start), int(s.end)} }

// offsets appends the start and end of each word of span i of the body to dst.
func (d *reuseDoc) offsets(dst []int, i int) []int {
	scanWords(d.text, d.spans[i].span(), func(start, end int) { dst = append(dst, start, end) })
	return dst
}

// spanOf returns the index of the span holding word p.
func (d *reuseDoc) spanOf(p int) int {
	return sort.Search(len(d.first), func(i int) bool { return int(d.first[i]) > p }) - 1
}

// offsetCache finds word offsets of one document, scanning a span only
// when the word asked for is in neither of the last two spans scanned.
type offsetCache struct {
	slot [2]struct {
		doc  *reuseDoc
		span int
		offs []int
	}
	last int // the slot used last
}

// at returns the start and end of word p of d.
func (c *offsetCache) at(d *reuseDoc, p int) (start, end int) {
	in := func(i int) bool {
		s := &c.slot[i]
		return s.doc == d && p >= int(d.first[s.span]) && (s.span+1 == len(d.first) || p < int(d.first[s.span+1]))
	}
	i := c.last
	if !in(i) {
		if i = 1 - i; !in(i) {
			s := &c.slot[i]
			s.doc, s.span = d, d.spanOf(p)
			s.offs = d.offsets(s.offs[:0], s.span)
		}
	}
	c.last = i
	s := &c.slot[i]
	k := 2 * (p - int(d.first[s.span]))
	return s.offs[k], s.offs[k+1]
}

// maxPostingsPerDoc is the number of occurrences of one shingle (k
// consecutive words) in one article that are used to find passages: an
// article repeating the same words more often (a chant, a table, a
// paragraph pasted over and over) is compared at its first ones only, so
// that such text cannot make the cost quadratic.
const maxPostingsPerDoc = 8

// findReuse finds passages of at least minWords consecutive words
// (compared by token Norm) shared by articles of different outlets.
// A minWords below 1 counts as 1.
//
// Note: a passage is a maximal repeat: a run of words carried by articles
// of two or more outlets that cannot be extended to the left or to the
// right without losing one of its occurrences. Every shingle (window of
// minWords words) is interned, comparing the words themselves, so that a
// hash collision never makes a passage. Only shingles carried by two or
// more outlets, and whose occurrences are not all preceded by the same
// word, can start a passage; for each of them the occurrences are sorted
// by the words that follow, and the common prefixes of neighbours (found
// by jumping a shingle at a time) give every passage that starts there
// with its occurrences. The cost grows with the number of shared shingle
// occurrences, never with the number of article pairs. An article
// carrying a passage more than once is listed at its first occurrence; a
// passage contained in a longer passage carried by the same articles is
// dropped. Every run of at least minWords words that two articles of
// different outlets share lies inside a passage carried by both.
func findReuse(docs []reuseDoc, minWords int) *Reuse { return findReuseIn(nil, docs, minWords) }

// findReuseIn is findReuse with the words of the documents already laid
// out in w as reuseIndex.w lays them out (nil: lay them out anew), each
// document's words a slice of w, so that they are held once.
func findReuseIn(w []uint32, docs []reuseDoc, minWords int) *Reuse {
	k := max(minWords, 1)
	x := newReuseIndex(docs, k, w)
	ps := x.passages()
	x.gid, x.post, x.start = groupIDs{}, nil, nil // not needed from here
	x.dropContained(ps)
	return x.result(ps)
}

// sep is the separator before doc d in reuseIndex.w: unique, and never a
// word id, so no run of equal words crosses an article boundary.
func sep(d int) uint32 { return 1<<31 | uint32(d) }

// reuseIndex holds the words of all documents in one array.
type reuseIndex struct {
	docs   []reuseDoc
	k      int
	w      []uint32 // sep(0) words of doc 0, sep(1) words of doc 1, ..., sep(len(docs))
	base   []int    // base[d] is the index in w of doc d's first word; base[len(docs)] = len(w)
	outlet []int32  // per doc, the index of its outlet in names
	names  []string // outlet names, sorted
	gid    groupIDs // per position in w: the shingle group starting there, or -1 when no other position has the same words
	post   []int32  // positions of each group, increasing: post[start[g]:start[g+1]]
	start  []int32
}

// newReuseIndex indexes docs, whose words are laid out in w (nil: lay
// them out anew).
func newReuseIndex(docs []reuseDoc, k int, w []uint32) *reuseIndex {
	x := &reuseIndex{docs: docs, k: k, base: make([]int, len(docs)+1), outlet: make([]int32, len(docs))}
	if w == nil {
		words := make([][]uint32, len(docs))
		for i, d := range docs {
			words[i] = d.words
		}
		w = layWords(words)
	}
	x.w = w
	seen := map[string]bool{}
	at := 1
	for i, d := range docs {
		x.base[i] = at
		at += len(d.words) + 1
		if !seen[d.outlet] {
			seen[d.outlet] = true
			x.names = append(x.names, d.outlet)
		}
	}
	x.base[len(docs)] = at
	if at != len(x.w) {
		panic("reuse: words not laid out as the documents say") // a bug in the caller
	}
	slices.Sort(x.names)
	for i, d := range docs {
		o, _ := slices.BinarySearch(x.names, d.outlet)
		x.outlet[i] = int32(o)
	}
	x.group()
	return x
}

// layWords returns the words of the documents laid out as reuseIndex.w
// lays them out: sep(0), the words of document 0, sep(1), and so on, up
// to sep(n); the array is allocated at its size, and filled on all cores.
func layWords(docs [][]uint32) []uint32 {
	n := 1
	at := make([]int, len(docs))
	for i, d := range docs {
		at[i] = n
		n += len(d) + 1
	}
	w := make([]uint32, n)
	hugepage.Advise(w)
	w[0] = sep(0)
	parallel(len(docs), func(i int) {
		copy(w[at[i]:], docs[i])
		w[at[i]+len(docs[i])] = sep(i + 1)
	})
	return w
}

// layOut lays the words of the articles out for reuse detection
// (layWords), each article's words becoming a slice of the array so that
// they are held once.
func layOut(outs []*articleOut) []uint32 {
	docs := make([][]uint32, len(outs))
	for i, o := range outs {
		docs[i] = o.words
	}
	w := layWords(docs)
	at := 1
	for _, o := range outs {
		n := len(o.words)
		o.words = w[at : at+n : at+n]
		at += n + 1
	}
	return w
}

// docOf returns the document holding position p of w.
func (x *reuseIndex) docOf(p int32) int {
	return sort.Search(len(x.docs), func(d int) bool { return x.base[d+1] > int(p) })
}

// shingleBase is the multiplier of the shingle hash.
const shingleBase = 0x100000001b3

// shingleHash hashes the k words from p (no separator among them): the
// polynomial sum of (id+1)·shingleBase^(k-1-i) over the words, mixed.
func (x *reuseIndex) shingleHash(p int) uint64 {
	var h uint64
	for _, id := range x.w[p : p+x.k] {
		h = h*shingleBase + uint64(id) + 1
	}
	return mix64(h)
}

// mix64 is the splitmix64 finaliser, so that the top bits are well spread.
func mix64(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// forShingles calls fn with every position of w where k words of one
// document start, for the documents [from, to), and the position's
// shingleHash, rolled from the previous position's in a few operations.
func (x *reuseIndex) forShingles(from, to int, fn func(p int, h uint64)) {
	top := uint64(1) // shingleBase^(k-1)
	for range x.k - 1 {
		top *= shingleBase
	}
	for d := from; d < to; d++ {
		end := x.base[d+1] - 1 // the separator after doc d
		p := x.base[d]
		if p+x.k > end {
			continue
		}
		var h uint64
		for _, id := range x.w[p : p+x.k] {
			h = h*shingleBase + uint64(id) + 1
		}
		for {
			fn(p, mix64(h))
			if p+x.k >= end {
				break
			}
			h = (h-(uint64(x.w[p])+1)*top)*shingleBase + uint64(x.w[p+x.k]) + 1
			p++
		}
	}
}

// wcLen is the number of positions group gathers per bucket before
// writing them out: two 64-byte cache lines of them.
const wcLen = 16

// posHash is a position of reuseIndex.w and the low 32 bits of the hash
// of the shingle there.
type posHash struct {
	p int32
	h uint32
}

// group sets gid, post and start. The positions are spread by the top
// bits of their shingle hash into buckets of about 4K; each bucket is
// numbered with a small open-addressing table that stays in cache, whose
// keys are compared word by word, so the cost per shingle does not grow
// with the corpus and equal ids mean equal words. Documents are hashed,
// and buckets numbered, on GOMAXPROCS workers; ids are given in bucket
// order, so they do not depend on scheduling.
func (x *reuseIndex) group() {
	x.gid.bits = make([]uint64, (len(x.w)+63)/64)
	total := 0
	for d := range x.docs {
		total += max(0, x.base[d+1]-1-x.base[d]-x.k+1)
	}
	logB := bits.Len(uint(total >> 12))
	nb := 1 << logB
	bucketOf := func(h uint64) int { return int(h >> (64 - logB) & uint64(nb-1)) }
	if logB == 0 {
		bucketOf = func(uint64) int { return 0 }
	}
	// Documents in ranges of about equal words, one count per range and bucket.
	nr := min(4*workers(len(x.docs)), max(len(x.docs), 1))
	cut := make([]int, nr+1)
	for r, d := 1, 0; r <= nr; r++ {
		for d < len(x.docs) && x.base[d]-x.base[0] < r*len(x.w)/nr {
			d++
		}
		cut[r] = d
	}
	cut[nr] = len(x.docs)
	counts := make([][]int, nr)
	parallel(nr, func(r int) {
		c := make([]int, nb)
		x.forShingles(cut[r], cut[r+1], func(_ int, h uint64) { c[bucketOf(h)]++ })
		counts[r] = c
	})
	bstart := make([]int, nb+1)
	fill := make([][]int, nr) // fill[r][b]: where range r puts its next position of bucket b
	for r := range fill {
		fill[r] = make([]int, nb)
	}
	for b := range nb {
		at := bstart[b]
		for r := range nr {
			fill[r][b] = at
			at += counts[r][b]
		}
		bstart[b+1] = at
	}
	// The positions in bucket order, each with the low 32 bits of its
	// hash: numbering a bucket then reads the words of a position only
	// when another of the bucket has the same hash, and in news almost
	// every shingle occurs once. A position and its hash are side by
	// side, so that each bucket is one stream of writes.
	// Each range gathers its positions in a buffer of a few cache lines
	// per bucket and writes a buffer out when it is full: with thousands
	// of buckets, writing each position where it goes would miss the
	// cache (and the TLB) every time.
	order := make([]posHash, total)
	hugepage.Advise(order)
	type wcBuf [wcLen]posHash
	bufs, fills := make([][]wcBuf, workers(nr)), make([][]uint8, workers(nr))
	parallelW(nr, func(w, r int) {
		if bufs[w] == nil {
			bufs[w], fills[w] = make([]wcBuf, nb), make([]uint8, nb)
		}
		f, buf, n := fill[r], bufs[w], fills[w]
		x.forShingles(cut[r], cut[r+1], func(p int, h uint64) {
			b := bucketOf(h)
			i := n[b]
			buf[b][i] = posHash{int32(p), uint32(h)}
			if i++; i < wcLen {
				n[b] = i
				return
			}
			copy(order[f[b]:f[b]+wcLen], buf[b][:])
			f[b] += wcLen
			n[b] = 0
		})
		for b, i := range n {
			copy(order[f[b]:], buf[b][:i])
			f[b] += int(i)
			n[b] = 0
		}
	})
	// Number each bucket's shingles; local ids first, then offsets.
	type slot struct {
		h        uint32
		rep, cnt int32 // rep: first position; cnt: positions; -1 rep marks an empty slot
		id       int32
	}
	const bchunk = 64
	local := make([]int32, nb) // shared shingles per bucket
	// One table per goroutine, grown as needed and reset slot by slot;
	// a bucket uses as many of its first slots as it needs, so a bucket of
	// a few thousand shingles stays in cache even when another (a shingle
	// repeated all over the corpus) is huge.
	nchunks := (nb + bchunk - 1) / bchunk
	tables := make([][]slot, workers(nchunks))
	parallelW(nchunks, func(w, c int) {
		var used []int
		for b := c * bchunk; b < min(nb, (c+1)*bchunk); b++ {
			ps := order[bstart[b]:bstart[b+1]]
			need := max(16, 1<<bits.Len(uint(2*len(ps))))
			if len(tables[w]) < need {
				tables[w] = make([]slot, need)
				for i := range tables[w] {
					tables[w][i].rep = -1
				}
			}
			table := tables[w]
			mask := need - 1
			for j := range ps {
				p, h := ps[j].p, ps[j].h
				i := int(h>>4) & mask
				for table[i].rep >= 0 && (table[i].h != h || !slices.Equal(x.w[table[i].rep:int(table[i].rep)+x.k], x.w[p:int(p)+x.k])) {
					i = (i + 1) & mask
				}
				if table[i].rep < 0 {
					table[i] = slot{h: h, rep: p, id: -1}
					used = append(used, i)
				}
				table[i].cnt++
				ps[j].h = uint32(i) // the slot, for the second loop
			}
			n := int32(0)
			for j := range ps {
				p := ps[j].p
				s := &table[ps[j].h]
				if s.cnt < 2 {
					ps[j].p = -1 // the shingle occurs once: no group
					continue
				}
				if s.id < 0 {
					s.id = n
					n++
				}
				ps[j].h = uint32(s.id) // the bucket's own number, for the offsets below
				x.gid.mark(int(p))
			}
			local[b] = n
			for _, i := range used {
				table[i] = slot{rep: -1}
			}
			used = used[:0]
		}
	})
	offset := make([]int32, nb)
	groups := int32(0)
	for b := range nb {
		offset[b] = groups
		groups += local[b]
	}
	x.gid.index()
	parallel((nb+bchunk-1)/bchunk, func(c int) {
		for b := c * bchunk; b < min(nb, (c+1)*bchunk); b++ {
			for _, ph := range order[bstart[b]:bstart[b+1]] {
				if ph.p >= 0 {
					x.gid.ids[x.gid.rankOf(int(ph.p))] = int32(ph.h) + offset[b]
				}
			}
		}
	})
	postCount := make([]int32, groups)
	// Postings, at most maxPostingsPerDoc per group and document.
	lastDoc := make([]int32, len(postCount))
	perDoc := make([]int32, len(postCount))
	for i := range lastDoc {
		lastDoc[i] = -1
	}
	keep := func(g int32, d int) bool {
		if lastDoc[g] != int32(d) {
			lastDoc[g], perDoc[g] = int32(d), 0
		}
		perDoc[g]++
		return perDoc[g] <= maxPostingsPerDoc
	}
	// forShared calls fn with each position that starts a shared
	// shingle, in order, with its group and document: the postings are
	// made from them alone, not from every word.
	forShared := func(fn func(p, g int32, d int)) {
		d := 0
		x.gid.each(func(p, g int32) {
			for x.base[d+1] <= int(p) {
				d++
			}
			fn(p, g, d)
		})
	}
	forShared(func(_, g int32, d int) {
		if keep(g, d) {
			postCount[g]++
		}
	})
	x.start = make([]int32, len(postCount)+1)
	for g, c := range postCount {
		x.start[g+1] = x.start[g] + c
	}
	x.post = make([]int32, x.start[len(postCount)])
	clear(lastDoc)
	for i := range lastDoc {
		lastDoc[i] = -1
	}
	next := slices.Clone(x.start[:len(postCount)])
	forShared(func(p, g int32, d int) {
		if keep(g, d) {
			x.post[next[g]] = p
			next[g]++
		}
	})
}

// groupIDs holds, for each position of reuseIndex.w, the shingle group
// starting there, or -1 when no other position has the same words: a bit
// per position, set at the few that start a shared shingle (2% in news),
// and the groups of those alone, in position order. A group array of the
// size of w was the largest array of a large corpus (124 MB at 250 MB).
type groupIDs struct {
	bits []uint64 // bit p%64 of bits[p/64]: position p has a group
	rank []int32  // rank[i]: the bits set in bits[:i]
	ids  []int32  // the group of each position with one, in order
}

// mark sets the bit of position p; it may run on several goroutines at once.
func (g *groupIDs) mark(p int) { atomic.OrUint64(&g.bits[p>>6], 1<<(p&63)) }

// index counts the bits marked and makes room for their groups.
func (g *groupIDs) index() {
	g.rank = make([]int32, len(g.bits)+1)
	for i, b := range g.bits {
		g.rank[i+1] = g.rank[i] + int32(bits.OnesCount64(b))
	}
	g.ids = make([]int32, g.rank[len(g.bits)])
}

// rankOf returns the index in ids of marked position p.
func (g *groupIDs) rankOf(p int) int {
	return int(g.rank[p>>6]) + bits.OnesCount64(g.bits[p>>6]&(1<<(p&63)-1))
}

// at returns the group of position p, or -1.
func (g *groupIDs) at(p int) int32 {
	if g.bits[p>>6]&(1<<(p&63)) == 0 {
		return -1
	}
	return g.ids[g.rankOf(p)]
}

// each calls fn with each position that has a group, in order, and its group.
func (g *groupIDs) each(fn func(p, id int32)) {
	i := 0
	for w, b := range g.bits {
		for b != 0 {
			fn(int32(w<<6+bits.TrailingZeros64(b)), g.ids[i])
			i++
			b &= b - 1
		}
	}
}

// lcp returns the number of equal words from positions a and b of w,
// jumping a shingle at a time where both start the same group.
func (x *reuseIndex) lcp(a, b int32) int {
	m := 0
	for {
		ga, gb := x.gid.at(int(a)+m), x.gid.at(int(b)+m)
		if ga >= 0 && ga == gb {
			m += x.k
			continue
		}
		if x.w[int(a)+m] != x.w[int(b)+m] {
			return m
		}
		m++
	}
}

// reusePassage is one passage found: its length and where it occurs.
type reusePassage struct {
	n    int
	occ  []reusePos // one per document, sorted by document
	gone bool       // contained in a longer passage of the same documents
}

// reusePos is a word position: a document and a word index in it.
type reusePos struct{ doc, pos int32 }

// passages returns every passage, in no particular order.
func (x *reuseIndex) passages() []*reusePassage {
	groups := len(x.start) - 1
	const chunk = 1024
	found := make([][]*reusePassage, (groups+chunk-1)/chunk)
	parallel(len(found), func(c int) {
		found[c] = x.passagesOf(c*chunk, min(groups, (c+1)*chunk))
	})
	return slices.Concat(found...)
}

// passagesOf returns the passages that start with a shingle of the groups [from, to).
func (x *reuseIndex) passagesOf(from, to int) []*reusePassage {
	var out []*reusePassage
	var sorted []int32
	var lcps, oc, pc []int
	for g := from; g < to; g++ {
		ps := x.post[x.start[g]:x.start[g+1]]
		if len(ps) < 2 || !x.leftDiverse(ps) || !x.multiOutlet(ps) {
			continue
		}
		// Occurrences sorted by the words after the shingle; a separator
		// ends each document, so two positions always differ somewhere.
		sorted = append(sorted[:0], ps...)
		k := x.k
		slices.SortFunc(sorted, func(a, b int32) int {
			m := x.lcp(a+int32(k), b+int32(k))
			return cmp.Compare(x.w[int(a)+k+m], x.w[int(b)+k+m])
		})
		c := len(sorted)
		lcps, oc, pc = lcps[:0], oc[:0], pc[:0]
		lcps = append(lcps, 0)
		oc, pc = append(oc, 0), append(pc, 0)
		minL := math.MaxInt
		for i := 1; i < c; i++ {
			l := x.lcp(sorted[i-1]+int32(k), sorted[i]+int32(k))
			lcps = append(lcps, l)
			minL = min(minL, l)
			o := oc[i-1]
			if x.outlet[x.docOf(sorted[i])] != x.outlet[x.docOf(sorted[i-1])] {
				o++
			}
			oc = append(oc, o)
			q := pc[i-1]
			if x.w[sorted[i]-1] != x.w[sorted[i-1]-1] {
				q++
			}
			pc = append(pc, q)
		}
		// Each interval of the sorted occurrences whose neighbours share l
		// more words is a node of their trie: a run of k+l words carried
		// by those occurrences and no other, branching after it. It is a
		// passage when its occurrences span two outlets and are not all
		// preceded by the same word.
		type iv struct{ l, lb int }
		stack := []iv{{minL, 0}}
		for i := 1; i <= c; i++ {
			cur := -1
			if i < c {
				cur = lcps[i]
			}
			lb := i - 1
			for len(stack) > 0 && cur < stack[len(stack)-1].l {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				lb = top.lb
				rb := i - 1
				if oc[rb] > oc[top.lb] && pc[rb] > pc[top.lb] {
					out = append(out, x.passage(sorted[top.lb:rb+1], k+top.l))
				}
			}
			if cur >= 0 && (len(stack) == 0 || cur > stack[len(stack)-1].l) {
				stack = append(stack, iv{cur, lb})
			}
		}
	}
	return out
}

// leftDiverse reports whether the positions are not all preceded by the same word.
func (x *reuseIndex) leftDiverse(ps []int32) bool {
	for _, p := range ps[1:] {
		if x.w[p-1] != x.w[ps[0]-1] {
			return true
		}
	}
	return false
}

// multiOutlet reports whether the positions span two or more outlets.
func (x *reuseIndex) multiOutlet(ps []int32) bool {
	o := x.outlet[x.docOf(ps[0])]
	last := -1
	for _, p := range ps[1:] {
		d := x.docOf(p)
		if d == last {
			continue
		}
		if x.outlet[d] != o {
			return true
		}
		last = d
	}
	return false
}

// passage makes the passage of n words at the positions ps.
func (x *reuseIndex) passage(ps []int32, n int) *reusePassage {
	p := &reusePassage{n: n, occ: make([]reusePos, 0, len(ps))}
	for _, q := range ps {
		d := x.docOf(q)
		p.occ = append(p.occ, reusePos{int32(d), q - int32(x.base[d])})
	}
	slices.SortFunc(p.occ, func(a, b reusePos) int { return cmp.Or(cmp.Compare(a.doc, b.doc), cmp.Compare(a.pos, b.pos)) })
	p.occ = slices.CompactFunc(p.occ, func(a, b reusePos) bool { return a.doc == b.doc })
	return p
}

// words returns the words of passage p (at its first occurrence).
func (x *reuseIndex) words(p *reusePassage) []uint32 {
	at := x.base[p.occ[0].doc] + int(p.occ[0].pos)
	return x.w[at : at+p.n]
}

// dropContained marks the passages whose words occur inside a longer
// passage carried by the same documents.
func (x *reuseIndex) dropContained(ps []*reusePassage) {
	bySet := map[string][]*reusePassage{}
	var buf []byte
	for _, p := range ps {
		buf = buf[:0]
		for _, o := range p.occ {
			buf = binary.LittleEndian.AppendUint32(buf, uint32(o.doc))
		}
		bySet[string(buf)] = append(bySet[string(buf)], p)
	}
	for _, set := range bySet {
		if len(set) < 2 {
			continue
		}
		// Longest first, so that a short passage meets its container early.
		slices.SortStableFunc(set, func(a, b *reusePassage) int { return cmp.Compare(b.n, a.n) })
		for i, s := range set {
			sw := x.words(s)
			for _, t := range set[:i] {
				if t.n > s.n && containsRun(x.words(t), sw) {
					s.gone = true
					break
				}
			}
		}
	}
}

// containsRun reports whether s occurs in t.
func containsRun(t, s []uint32) bool {
	for o := 0; o+len(s) <= len(t); o++ {
		if t[o] == s[0] && slices.Equal(t[o:o+len(s)], s) {
			return true
		}
	}
	return false
}

// result builds the Reuse of the passages left.
func (x *reuseIndex) result(found []*reusePassage) *Reuse {
	res := &Reuse{Passages: []*Passage{}, ByArticle: []*ArticleReuse{}, Pairs: []*ReusePair{}, MinWords: x.k}

	var live []*reusePassage
	for _, p := range found {
		if !p.gone {
			live = append(live, p)
		}
	}
	// The passages share one table of strings: article ids, outlets and
	// the texts their occurrences lie in.
	tab := newStrtab()
	type docStrs struct{ id, outlet, text uint32 }
	strs := make([]docStrs, len(x.docs))
	for d := range x.docs {
		doc := &x.docs[d]
		strs[d] = docStrs{tab.intern(doc.id), tab.intern(doc.outlet), tab.add(doc.text)}
	}
	// The rank of each article id in string order, by its id in tab, so
	// that occurrences are sorted by article comparing integers.
	byID := make([]int32, len(x.docs))
	for d := range byID {
		byID[d] = int32(d)
	}
	sortFunc(byID, func(a, b int32) int { return strings.Compare(x.docs[a].id, x.docs[b].id) })
	idRank := make([]int32, len(tab.strs))
	for i, d := range byID {
		idRank[strs[d].id] = int32(i) // equal ids are one string of tab
	}
	// Occurrence offsets, document by document, tokenizing each needed span once.
	type req struct {
		doc, pos, n int32
		occ         *occRec
	}
	n := 0
	for _, p := range live {
		n += len(p.occ)
	}
	reqs := make([]req, 0, n)
	out := make([]*Passage, len(live))
	var outlets []string
	for i, p := range live {
		ps := &Passage{Words: p.n, Articles: make([]string, 0, len(p.occ)),
			Occurrences: Occurrences{recs: make([]occRec, len(p.occ)), tab: tab}}
		outlets = outlets[:0]
		for j, o := range p.occ {
			ds := strs[o.doc]
			ps.Occurrences.recs[j] = occRec{article: ds.id, outlet: ds.outlet, text: strRef{base: ds.text}}
			reqs = append(reqs, req{o.doc, o.pos, int32(p.n), &ps.Occurrences.recs[j]})
			outlets = append(outlets, x.docs[o.doc].outlet)
		}
		slices.Sort(outlets)
		ps.Outlets = slices.Clone(slices.Compact(outlets))
		out[i] = ps
	}
	sortFunc(reqs, func(a, b req) int { return cmp.Or(cmp.Compare(a.doc, b.doc), cmp.Compare(a.pos, b.pos)) })
	// Chunks of about 4K requests, cut at document boundaries.
	var cuts []int
	for i := range reqs {
		if i == 0 || i-cuts[len(cuts)-1] >= 4096 && reqs[i-1].doc != reqs[i].doc {
			cuts = append(cuts, i)
		}
	}
	cuts = append(cuts, len(reqs))
	parallel(len(cuts)-1, func(c int) {
		var quoted []span
		var offs offsetCache
		rs := reqs[cuts[c]:cuts[c+1]]
		for i, r := range rs {
			doc := &x.docs[r.doc]
			if i == 0 || rs[i-1].doc != r.doc {
				quoted = mergeSpans(doc.quoted, len(doc.text))
			}
			start, _ := offs.at(doc, int(r.pos))
			_, end := offs.at(doc, int(r.pos+r.n-1))
			r.occ.start, r.occ.end = int32(start), int32(end)
			r.occ.text.off, r.occ.text.end = uint32(start), uint32(end)
			r.occ.quoted = 2*quotedBytes(quoted, start, end) > end-start
		}
	})
	parallel(len(out), func(i int) {
		p := out[i]
		p.Text = tab.slice(p.Occurrences.recs[0].text) // occurrences are in input order
		slices.SortStableFunc(p.Occurrences.recs, func(a, b occRec) int {
			return cmp.Compare(idRank[a.article], idRank[b.article])
		})
		for _, o := range p.Occurrences.recs {
			p.Articles = append(p.Articles, tab.str(o.article))
		}
	})
	// Sorted as a stable sort would, by an unstable one with the input
	// order as the last key: a stable sort of tens of thousands of
	// passages merges in place, O(n log² n) string comparisons.
	type ranked struct {
		p *Passage
		i int
	}
	rs := make([]ranked, len(out))
	for i, p := range out {
		rs[i] = ranked{p, i}
	}
	sortFunc(rs, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.p.Words, a.p.Words), strings.Compare(a.p.Text, b.p.Text),
			slices.Compare(a.p.Articles, b.p.Articles), cmp.Compare(a.i, b.i))
	})
	for i, r := range rs {
		out[i] = r.p
	}
	res.Passages = out
	x.coverage(live, res)
	return res
}

// coverage sets res.ByArticle and res.Pairs from the passages: the words
// of each article inside its occurrences, and for each outlet pair the
// words of each side inside passages the other side carries too.
func (x *reuseIndex) coverage(live []*reusePassage, res *Reuse) {
	// The outlets of each passage, as an interned sorted set.
	g := newSetTable(nil)
	type rng struct {
		from, to int32
		set      int32
	}
	ranges := make([][]rng, len(x.docs))
	var outs []int32
	for _, p := range live {
		outs = outs[:0]
		for _, o := range p.occ {
			outs = append(outs, x.outlet[o.doc])
		}
		slices.Sort(outs)
		outs = slices.Compact(outs)
		id := g.intern(outs)
		for _, o := range p.occ {
			ranges[o.doc] = append(ranges[o.doc], rng{o.pos, o.pos + int32(p.n), id})
		}
	}
	// Sweep each document: between two range ends the words are covered
	// by the same ranges; count them under the union of their outlet
	// sets. Documents are swept on all cores, each worker with sets of
	// its own for the unions it meets, after the passages' sets.
	type key struct{ outlet, set int32 }
	type sweeper struct {
		t     *setTable
		union map[[2]int32]int32
		words map[key]int
	}
	sw := make([]sweeper, workers(len(x.docs)))
	for w := range sw {
		sw[w] = sweeper{newSetTable(g), map[[2]int32]int32{}, map[key]int{}}
	}
	byArticle := make([]*ArticleReuse, len(x.docs))
	const docChunk = 256
	parallelW((len(x.docs)+docChunk-1)/docChunk, func(w, c int) {
		type setCount struct{ set, n int32 }
		type ev struct{ at, set int32 }
		var active []setCount
		var evs []ev
		st := &sw[w]
		for d := c * docChunk; d < min(len(x.docs), (c+1)*docChunk); d++ {
			rs := ranges[d]
			doc := &x.docs[d]
			ar := &ArticleReuse{Article: doc.id, Outlet: doc.outlet, Words: len(doc.words)}
			evs = evs[:0]
			for _, r := range rs {
				evs = append(evs, ev{r.from, r.set}, ev{r.to, -1 - r.set})
			}
			slices.SortFunc(evs, func(a, b ev) int { return cmp.Compare(a.at, b.at) })
			active = active[:0] // the sets of the ranges open, sorted, with their counts
			for i, e := range evs {
				set := max(e.set, -1-e.set)
				j, found := slices.BinarySearchFunc(active, set, func(a setCount, s int32) int { return cmp.Compare(a.set, s) })
				switch {
				case e.set < 0:
					if active[j].n--; active[j].n == 0 {
						active = slices.Delete(active, j, j+1)
					}
				case found:
					active[j].n++
				default:
					active = slices.Insert(active, j, setCount{set, 1})
				}
				if i+1 == len(evs) || len(active) == 0 || evs[i+1].at == e.at {
					continue
				}
				n := int(evs[i+1].at - e.at)
				ar.SharedWords += n
				u := int32(-1)
				for _, a := range active {
					s := a.set
					if u < 0 {
						u = s
						continue
					}
					kk := [2]int32{u, s}
					v, ok := st.union[kk]
					if !ok {
						v = st.t.intern(mergeSets(st.t.set(u), st.t.set(s)))
						st.union[kk] = v
					}
					u = v
				}
				st.words[key{x.outlet[d], u}] += n
			}
			if ar.Words > 0 {
				ar.Share = math.Round(float64(ar.SharedWords)/float64(ar.Words)*1e4) / 1e4
			}
			byArticle[d] = ar
		}
	})
	res.ByArticle = byArticle
	slices.SortStableFunc(res.ByArticle, func(a, b *ArticleReuse) int { return strings.Compare(a.Article, b.Article) })

	// side(a, b): words of a's articles in passages b carries too; a
	// dense table for up to 2,048 outlets, else a map.
	no := len(x.names)
	var dense []int
	sparse := map[[2]int32]int{}
	if no <= 2048 {
		dense = make([]int, no*no)
	}
	for _, st := range sw {
		for kk, n := range st.words {
			for _, b := range st.t.set(kk.set) {
				if b == kk.outlet {
					continue
				}
				if dense != nil {
					dense[int(kk.outlet)*no+int(b)] += n
				} else {
					sparse[[2]int32{kk.outlet, b}] += n
				}
			}
		}
	}
	side := func(a, b int32) int {
		if dense != nil {
			return dense[int(a)*no+int(b)]
		}
		return sparse[[2]int32{a, b}]
	}
	var carried [][2]int32 // outlet pairs a < b with shared words
	if dense != nil {
		for a := range no {
			for b := a + 1; b < no; b++ {
				if dense[a*no+b] > 0 {
					carried = append(carried, [2]int32{int32(a), int32(b)})
				}
			}
		}
	} else {
		for kk := range sparse {
			if kk[0] < kk[1] {
				carried = append(carried, kk)
			}
		}
	}
	credits := map[string]map[string]bool{} // outlet -> lower-cased credits of its articles
	for _, doc := range x.docs {
		for _, c := range doc.credits {
			if credits[doc.outlet] == nil {
				credits[doc.outlet] = map[string]bool{}
			}
			credits[doc.outlet][strings.ToLower(c)] = true
		}
	}
	for _, kk := range carried {
		a, b := x.names[kk[0]], x.names[kk[1]]
		pr := &ReusePair{A: a, B: b, SharedWords: min(side(kk[0], kk[1]), side(kk[1], kk[0]))}
		ca, cb := credits[a], credits[b]
		pr.Credited = ca[strings.ToLower(b)] || cb[strings.ToLower(a)]
		for c := range ca {
			if cb[c] {
				pr.Credited = true
				break
			}
		}
		res.Pairs = append(res.Pairs, pr)
	}
	slices.SortFunc(res.Pairs, func(a, b *ReusePair) int {
		return cmp.Or(cmp.Compare(b.SharedWords, a.SharedWords), strings.Compare(a.A, b.A), strings.Compare(a.B, b.B))
	})
}

// setTable interns sorted sets of outlet ids. A table made with a base
// holds the base's sets under the base's ids and adds its own after them;
// the base is only read.
type setTable struct {
	base *setTable
	sets [][]int32
	ids  map[string]int32
	buf  []byte
}

func newSetTable(base *setTable) *setTable {
	return &setTable{base: base, ids: map[string]int32{}}
}

// n is the number of sets the table holds, its base's included.
func (t *setTable) n() int32 {
	if t.base == nil {
		return int32(len(t.sets))
	}
	return t.base.n() + int32(len(t.sets))
}

// set returns the set with the given id.
func (t *setTable) set(id int32) []int32 {
	if t.base != nil {
		n := t.base.n()
		if id < n {
			return t.base.set(id)
		}
		id -= n
	}
	return t.sets[id]
}

// intern returns the id of the set s, adding it if it is new (to this
// table: a set of the base is found there only if the base has it).
func (t *setTable) intern(s []int32) int32 {
	t.buf = t.buf[:0]
	for _, o := range s {
		t.buf = binary.LittleEndian.AppendUint32(t.buf, uint32(o))
	}
	if t.base != nil {
		if id, ok := t.base.ids[string(t.buf)]; ok {
			return id
		}
	}
	id, ok := t.ids[string(t.buf)]
	if !ok {
		id = t.n()
		t.ids[string(t.buf)] = id
		t.sets = append(t.sets, slices.Clone(s))
	}
	return id
}

// mergeSets returns the union of two sorted sets.
func mergeSets(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	out = append(append(out, a...), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// mergeSpans returns spans sorted, clipped to [0, n) and with overlapping
// spans merged.
func mergeSpans(spans []span, n int) []span {
	var out []span
	for _, s := range spans {
		s.Start, s.End = max(s.Start, 0), min(s.End, n)
		if s.Start < s.End {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b span) int { return cmp.Compare(a.Start, b.Start) })
	merged := out[:0]
	for _, s := range out {
		if len(merged) > 0 && s.Start <= merged[len(merged)-1].End {
			merged[len(merged)-1].End = max(merged[len(merged)-1].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// quotedBytes returns the number of bytes of [start, end) inside the sorted,
// disjoint spans.
func quotedBytes(spans []span, start, end int) int {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > start })
	n := 0
	for ; i < len(spans) && spans[i].Start < end; i++ {
		n += min(spans[i].End, end) - max(spans[i].Start, start)
	}
	return n
}
