package analysis

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
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
	Occurrences []*PassageOccurrence `json:"occurrences"`
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
	toks       []token  // body words in order (boilerplate already removed), from tokenize
	credits    []string // canonical names of outlets/agencies the article credits
	quoted     []span   // spans of the text inside quotation marks (may be empty)
}

// maxShinglePostings is the largest number of occurrences in the corpus of
// a shingle (minWords consecutive words) that is still used to find
// passages. A more frequent shingle (a word repeated over and over, a
// boilerplate line in every article) is skipped, which keeps the number of
// compared positions near-linear in the corpus size. A passage made only
// of such shingles is not found; one that contains some other shingle is
// found and extended across them.
const maxShinglePostings = 1000

// findReuse finds passages of at least minWords consecutive words
// (compared by token Norm) shared by articles of different outlets.
// A minWords below 1 counts as 1.
//
// Note: every window of minWords words (a shingle) is hashed and indexed;
// only shingles found in two or more outlets, and at most
// maxShinglePostings times, are used. For each such shingle and each two
// articles of different outlets carrying it, the common run of words is
// extended left and right to its maximal length (once per alignment of
// the two articles), comparing the words themselves, so that a hash
// collision never makes a passage. Runs with the same words are then
// merged into one passage carried by all their articles; an article
// carrying the words more than once is listed at its first occurrence. A
// passage contained in a longer passage carried by the same articles is
// dropped. Two articles of one outlet are never compared, but a passage
// lists every article carrying it, whatever its outlet.
func findReuse(docs []reuseDoc, minWords int) *Reuse {
	k := max(minWords, 1)
	x := newReuseIndex(docs)
	runs := x.findRuns(k)
	groups := x.groupRuns(runs)
	x.dropContained(groups)
	return x.result(groups, k)
}

// Polynomial hashing modulo the Mersenne prime 2^61-1 gives the hash of
// any run of words in constant time from prefix hashes.
const (
	hashMod  = 1<<61 - 1
	hashBase = 0x2545f4914f6cdd1d % hashMod
)

func mulMod(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	r := (lo & hashMod) + (lo>>61 | hi<<3)
	r = (r & hashMod) + (r >> 61)
	if r >= hashMod {
		r -= hashMod
	}
	return r
}

// reuseIndex holds the documents with their words as integers.
type reuseIndex struct {
	docs   []reuseDoc
	ids    [][]int32  // per doc, the interned Norm of each word
	pre    [][]uint64 // per doc, prefix hashes of ids: pre[d][p] hashes ids[d][:p]
	pow    []uint64   // pow[n] = hashBase^n
	outlet []int32    // per doc, the interned outlet
}

func newReuseIndex(docs []reuseDoc) *reuseIndex {
	x := &reuseIndex{
		docs:   docs,
		ids:    make([][]int32, len(docs)),
		pre:    make([][]uint64, len(docs)),
		outlet: make([]int32, len(docs)),
	}
	words := map[string]int32{}
	outlets := map[string]int32{}
	longest := 0
	for d, doc := range docs {
		o, ok := outlets[doc.outlet]
		if !ok {
			o = int32(len(outlets))
			outlets[doc.outlet] = o
		}
		x.outlet[d] = o
		ids := make([]int32, len(doc.toks))
		pre := make([]uint64, len(doc.toks)+1)
		for p, t := range doc.toks {
			id, ok := words[t.Norm]
			if !ok {
				id = int32(len(words))
				words[t.Norm] = id
			}
			ids[p] = id
			h := mulMod(pre[p], hashBase) + uint64(id) + 1
			if h >= hashMod {
				h -= hashMod
			}
			pre[p+1] = h
		}
		x.ids[d], x.pre[d] = ids, pre
		longest = max(longest, len(ids))
	}
	x.pow = make([]uint64, longest+1)
	x.pow[0] = 1
	for n := 1; n <= longest; n++ {
		x.pow[n] = mulMod(x.pow[n-1], hashBase)
	}
	return x
}

// hash returns the hash of the n words of doc d from position p.
func (x *reuseIndex) hash(d, p, n int) uint64 {
	h := x.pre[d]
	r := h[p+n] + hashMod - mulMod(h[p], x.pow[n])
	if r >= hashMod {
		r -= hashMod
	}
	return r
}

// equal reports whether the n words from d1:p1 and from d2:p2 are the same.
func (x *reuseIndex) equal(d1, p1, d2, p2, n int) bool {
	return slices.Equal(x.ids[d1][p1:p1+n], x.ids[d2][p2:p2+n])
}

// reusePos is a word position: a document and a word index in it.
type reusePos struct{ doc, pos int32 }

// reuseRun is a maximal common run of words of two documents of different
// outlets, a < b.
type reuseRun struct {
	a, pa, b, pb, n int32
}

// findRuns indexes the shingles of k words and returns the maximal common
// runs they lead to, in a deterministic order.
func (x *reuseIndex) findRuns(k int) []reuseRun {
	// Pass 1: a group id per distinct shingle hash, and its count. The
	// hashes are spread by their top bits into buckets of about 8K
	// shingles, each then numbered with a small open-addressing table
	// that stays in cache, so the cost per shingle does not grow with
	// the corpus.
	gidOf := make([][]int32, len(x.docs))
	base := make([]int, len(x.docs)+1)
	for d, ids := range x.ids {
		base[d+1] = base[d] + max(len(ids)-k+1, 0)
	}
	total := base[len(x.docs)]
	flat := make([]int32, total) // group id of each shingle, docs one after another
	hs := make([]uint64, total)
	for d := range x.ids {
		gidOf[d] = flat[base[d]:base[d+1]]
		for p := range gidOf[d] {
			hs[base[d]+p] = x.hash(d, p, k)
		}
	}
	type entry struct {
		h   uint64
		idx int32 // index in flat
	}
	logB := bits.Len(uint(total >> 13))
	bucketOf := func(h uint64) int { return int(h >> (61 - logB)) } // h < 2^61
	bstart := make([]int, 1<<logB+1)
	for _, h := range hs {
		bstart[bucketOf(h)+1]++
	}
	largest := 0
	for b := range 1 << logB {
		largest = max(largest, bstart[b+1])
		bstart[b+1] += bstart[b]
	}
	entries := make([]entry, total)
	fill := slices.Clone(bstart)
	for i, h := range hs {
		b := bucketOf(h)
		entries[fill[b]] = entry{h, int32(i)}
		fill[b]++
	}
	type slot struct {
		h  uint64 // hash+1; 0 marks an empty slot
		id int32
	}
	shift := 64 - bits.Len(uint(max(2*largest, 16)-1))
	table := make([]slot, 1<<(64-shift)) // at most half full
	mask := len(table) - 1
	var count []int32
	for b := range 1 << logB {
		clear(table)
		for _, e := range entries[bstart[b]:bstart[b+1]] {
			h := e.h + 1
			i := int((h * 0x9e3779b97f4a7c15) >> shift)
			for table[i].h != 0 && table[i].h != h {
				i = (i + 1) & mask
			}
			if table[i].h == 0 {
				table[i] = slot{h, int32(len(count))}
				count = append(count, 0)
			}
			id := table[i].id
			count[id]++
			flat[e.idx] = id
		}
	}
	// Pass 2: postings of each group, by document then position.
	start := make([]int, len(count)+1)
	for g, c := range count {
		start[g+1] = start[g] + int(c)
	}
	post := make([]reusePos, start[len(count)])
	fill = slices.Clone(start[:len(count)])
	for d, g := range gidOf {
		for p, id := range g {
			post[fill[id]] = reusePos{int32(d), int32(p)}
			fill[id]++
		}
	}
	// A group is used when it is not too frequent and spans two outlets.
	live := make([]bool, len(count))
	for g, c := range count {
		if c < 2 || c > maxShinglePostings {
			continue
		}
		ps := post[start[g]:start[g+1]]
		o := x.outlet[ps[0].doc]
		for _, q := range ps[1:] {
			if x.outlet[q.doc] != o {
				live[g] = true
				break
			}
		}
	}
	// Pass 3: for each document i and each later document j of another
	// outlet sharing a shingle, extend the match along its diagonal
	// (the offset between the two positions) unless a run already found
	// on that diagonal covers it.
	var runs []reuseRun
	runEnd := map[uint64]int{} // j<<32 | diagonal -> end of the last run in i
	for i, g := range gidOf {
		if len(runEnd) > 1<<12 {
			runEnd = map[uint64]int{}
		} else {
			clear(runEnd)
		}
		a := x.ids[i]
		for p, id := range g {
			if !live[id] {
				continue
			}
			ps := post[start[id]:start[id+1]]
			lo := sort.Search(len(ps), func(m int) bool { return int(ps[m].doc) > i })
			for _, q := range ps[lo:] {
				j, qp := int(q.doc), int(q.pos)
				if x.outlet[j] == x.outlet[i] {
					continue
				}
				key := uint64(j)<<32 | uint64(uint32(int32(qp-p)))
				if end, ok := runEnd[key]; ok && p < end {
					continue
				}
				if !x.equal(i, p, j, qp, k) {
					continue // a hash collision
				}
				b := x.ids[j]
				s, t := p, qp
				for s > 0 && t > 0 && a[s-1] == b[t-1] {
					s--
					t--
				}
				e, f := p+k, qp+k
				for e < len(a) && f < len(b) && a[e] == b[f] {
					e++
					f++
				}
				runEnd[key] = e
				runs = append(runs, reuseRun{int32(i), int32(s), int32(j), int32(t), int32(e - s)})
			}
		}
	}
	return runs
}

// reuseGroup is one distinct run of words and where it was found.
type reuseGroup struct {
	rep  reusePos   // a first occurrence, for its words
	n    int        // length in words
	occ  []reusePos // one per document, sorted by document, after groupRuns
	gone bool       // contained in a longer group of the same documents
}

// groupRuns merges runs with the same words into groups, in order of first
// appearance, keeping for each document its first position.
func (x *reuseIndex) groupRuns(runs []reuseRun) []*reuseGroup {
	type key struct {
		h uint64
		n int32
	}
	var groups []*reuseGroup
	byKey := map[key][]*reuseGroup{}
	for _, r := range runs {
		kk := key{x.hash(int(r.a), int(r.pa), int(r.n)), r.n}
		var grp *reuseGroup
		for _, c := range byKey[kk] {
			if x.equal(int(c.rep.doc), int(c.rep.pos), int(r.a), int(r.pa), int(r.n)) {
				grp = c
				break
			}
		}
		if grp == nil {
			grp = &reuseGroup{rep: reusePos{r.a, r.pa}, n: int(r.n)}
			byKey[kk] = append(byKey[kk], grp)
			groups = append(groups, grp)
		}
		grp.occ = append(grp.occ, reusePos{r.a, r.pa}, reusePos{r.b, r.pb})
	}
	for _, g := range groups {
		slices.SortFunc(g.occ, func(p, q reusePos) int {
			return cmp.Or(cmp.Compare(p.doc, q.doc), cmp.Compare(p.pos, q.pos))
		})
		g.occ = slices.CompactFunc(g.occ, func(p, q reusePos) bool { return p.doc == q.doc })
		g.rep = g.occ[0]
	}
	return groups
}

// dropContained marks the groups whose words occur inside a longer group
// carried by the same documents.
func (x *reuseIndex) dropContained(groups []*reuseGroup) {
	bySet := map[string][]*reuseGroup{}
	var buf []byte
	for _, g := range groups {
		buf = buf[:0]
		for _, o := range g.occ {
			buf = binary.LittleEndian.AppendUint32(buf, uint32(o.doc))
		}
		bySet[string(buf)] = append(bySet[string(buf)], g)
	}
	for _, set := range bySet {
		if len(set) < 2 {
			continue
		}
		// Longest first, so that a short group meets its container early.
		slices.SortStableFunc(set, func(a, b *reuseGroup) int { return cmp.Compare(b.n, a.n) })
		for i, s := range set {
			h := x.hash(int(s.rep.doc), int(s.rep.pos), s.n)
			for _, t := range set[:i] {
				if t.n > s.n && x.contains(t, s, h) {
					s.gone = true
					break
				}
			}
		}
	}
}

// contains reports whether the words of s (with hash h) occur in those of t.
func (x *reuseIndex) contains(t, s *reuseGroup, h uint64) bool {
	td, tp := int(t.rep.doc), int(t.rep.pos)
	sd, sp := int(s.rep.doc), int(s.rep.pos)
	for o := 0; o+s.n <= t.n; o++ {
		if x.hash(td, tp+o, s.n) == h && x.equal(td, tp+o, sd, sp, s.n) {
			return true
		}
	}
	return false
}

// result builds the Reuse of the groups left.
func (x *reuseIndex) result(groups []*reuseGroup, k int) *Reuse {
	res := &Reuse{Passages: []*Passage{}, ByArticle: []*ArticleReuse{}, Pairs: []*ReusePair{}, MinWords: k}
	covered := make([][][2]int, len(x.docs)) // per doc, word ranges [from, to)
	quoted := make([][]span, len(x.docs))
	for d, doc := range x.docs {
		quoted[d] = mergeSpans(doc.quoted, len(doc.text))
	}
	pairs := map[[2]string]*ReusePair{}
	// pairCover[pair] are the word ranges (doc, from, to) inside passages
	// that both outlets of the pair carry, so nested passages count once.
	pairCover := map[[2]string][][3]int{}
	for _, g := range groups {
		if g.gone {
			continue
		}
		p := &Passage{Words: g.n, Articles: []string{}, Outlets: []string{}, Occurrences: []*PassageOccurrence{}}
		for _, o := range g.occ {
			d, pos := int(o.doc), int(o.pos)
			doc := &x.docs[d]
			start, end := doc.toks[pos].Start, doc.toks[pos+g.n-1].End
			p.Occurrences = append(p.Occurrences, &PassageOccurrence{
				Article: doc.id,
				Outlet:  doc.outlet,
				Start:   start,
				End:     end,
				Text:    doc.text[start:end],
				Quoted:  2*quotedBytes(quoted[d], start, end) > end-start,
			})
			p.Outlets = append(p.Outlets, doc.outlet)
			covered[d] = append(covered[d], [2]int{pos, pos + g.n})
		}
		p.Text = p.Occurrences[0].Text // g.occ is in input order
		slices.SortStableFunc(p.Occurrences, func(a, b *PassageOccurrence) int { return strings.Compare(a.Article, b.Article) })
		for _, o := range p.Occurrences {
			p.Articles = append(p.Articles, o.Article)
		}
		slices.Sort(p.Outlets)
		p.Outlets = slices.Compact(p.Outlets)
		byOutlet := map[string][]reusePos{}
		for _, o := range g.occ {
			byOutlet[x.docs[o.doc].outlet] = append(byOutlet[x.docs[o.doc].outlet], o)
		}
		for i, a := range p.Outlets {
			for _, b := range p.Outlets[i+1:] {
				key := [2]string{a, b}
				if pairs[key] == nil {
					pairs[key] = &ReusePair{A: a, B: b}
				}
				for _, side := range [2][]reusePos{byOutlet[a], byOutlet[b]} {
					for _, o := range side {
						pairCover[key] = append(pairCover[key], [3]int{int(o.doc), int(o.pos), int(o.pos) + g.n})
					}
				}
			}
		}
		res.Passages = append(res.Passages, p)
	}
	slices.SortStableFunc(res.Passages, func(a, b *Passage) int {
		return cmp.Or(cmp.Compare(b.Words, a.Words), strings.Compare(a.Text, b.Text),
			slices.Compare(a.Articles, b.Articles))
	})

	for d, doc := range x.docs {
		ar := &ArticleReuse{Article: doc.id, Outlet: doc.outlet, Words: len(doc.toks), SharedWords: unionLen(covered[d])}
		if ar.Words > 0 {
			ar.Share = math.Round(float64(ar.SharedWords)/float64(ar.Words)*1e4) / 1e4
		}
		res.ByArticle = append(res.ByArticle, ar)
	}
	slices.SortStableFunc(res.ByArticle, func(a, b *ArticleReuse) int { return strings.Compare(a.Article, b.Article) })

	credits := map[string]map[string]bool{} // outlet -> lower-cased credits of its articles
	for _, doc := range x.docs {
		for _, c := range doc.credits {
			if credits[doc.outlet] == nil {
				credits[doc.outlet] = map[string]bool{}
			}
			credits[doc.outlet][strings.ToLower(c)] = true
		}
	}
	for key, pr := range pairs {
		// Each side's covered words, summed over its articles; the pair
		// shares the smaller of the two.
		var sideA, sideB int
		rs := pairCover[key]
		slices.SortFunc(rs, func(p, q [3]int) int { return cmp.Or(cmp.Compare(p[0], q[0]), cmp.Compare(p[1], q[1])) })
		for i := 0; i < len(rs); {
			j, n, end := i, 0, -1
			for ; j < len(rs) && rs[j][0] == rs[i][0]; j++ {
				from := max(rs[j][1], end)
				if rs[j][2] > from {
					n += rs[j][2] - from
				}
				end = max(end, rs[j][2])
			}
			if x.docs[rs[i][0]].outlet == pr.A {
				sideA += n
			} else {
				sideB += n
			}
			i = j
		}
		pr.SharedWords = min(sideA, sideB)
		ca, cb := credits[pr.A], credits[pr.B]
		pr.Credited = ca[strings.ToLower(pr.B)] || cb[strings.ToLower(pr.A)]
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
	return res
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

// unionLen returns the number of integers covered by the ranges [from, to).
func unionLen(rs [][2]int) int {
	slices.SortFunc(rs, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	n, reach := 0, math.MinInt
	for _, r := range rs {
		from := max(r[0], reach)
		if r[1] > from {
			n += r[1] - from
		}
		reach = max(reach, r[1])
	}
	return n
}
