package analysis

import (
	"sort"
)

// minDistinctiveZ is the smallest z-score of a word kept as distinguishing
// an outlet: words an outlet uses about as often as the others (z near 0)
// say nothing. The report marks z of 1.96 or more.
const minDistinctiveZ = 1.0

// compareOutlets computes the comparison features of a result: text reuse,
// the credits graph, distinguishing terms and the significance tests.
// They are the only parts of a result that depend on which other articles
// are in the corpus.
func compareOutlets(res *Result, outs []*articleOut, lex *Lexicon, opts *Options, v *vocab, words []uint32) {
	minWords := opts.ReuseMinWords
	if minWords <= 0 {
		minWords = DefaultReuseMinWords
	}
	top := opts.DistinctiveTop
	if top <= 0 {
		top = DefaultDistinctiveTop
	}

	// Credits graph.
	links := make(map[[2]string]int)
	for _, a := range res.Articles {
		for _, c := range a.Credits {
			links[[2]string{a.Outlet, c}]++
		}
	}
	res.Credits = []*CreditLink{}
	for k, n := range links {
		res.Credits = append(res.Credits, &CreditLink{Outlet: k[0], Credited: k[1], Articles: n})
	}
	sort.Slice(res.Credits, func(i, j int) bool {
		a, b := res.Credits[i], res.Credits[j]
		if a.Outlet != b.Outlet {
			return a.Outlet < b.Outlet
		}
		return a.Credited < b.Credited
	})

	// Distinguishing terms over content words.
	// Note: words are counted by id, and whether an id is a content word
	// is decided once per language.
	byID := make(map[string]map[uint32]int)
	content := map[string][]int8{} // lang -> id -> 0 unknown, 1 content, -1 not
	size := v.size()
	for _, o := range outs {
		m := byID[o.res.Outlet]
		if m == nil {
			m = make(map[uint32]int)
			byID[o.res.Outlet] = m
		}
		is := content[o.lang]
		if is == nil {
			is = make([]int8, size)
			content[o.lang] = is
		}
		for _, id := range o.words {
			if is[id] == 0 {
				is[id] = -1
				if contentWord(o.lang, v.word(id), lex) {
					is[id] = 1
				}
			}
			if is[id] > 0 {
				m[id]++
			}
		}
	}
	counts := make(map[string]map[string]int, len(byID))
	for outlet, m := range byID {
		c := make(map[string]int, len(m))
		for id, n := range m {
			c[v.word(id)] = n
		}
		counts[outlet] = c
	}
	res.Distinctive = distinctiveTerms(counts, opts.Background, top, minDistinctiveZ)

	// Reuse, after the distinguishing terms: the vocabulary is not needed
	// any more, and the reuse index is the largest structure of a run.
	docs := make([]reuseDoc, len(outs))
	for i, o := range outs {
		docs[i] = reuseDoc{id: o.res.ID, outlet: o.res.Outlet, text: o.a.Text, words: o.words, spans: o.sents, first: o.first,
			credits: o.res.Credits, quoted: o.quoted}
	}
	res.Reuse = findReuseIn(words, docs, minWords)

	// Tests: outlets × (matched, other words) for the rates; outlets ×
	// speakers for quoted words.
	rateTable := func(get func(*OutletFeatures) int) [][]float64 {
		t := make([][]float64, len(res.Outlets))
		for i, f := range res.Outlets {
			k := get(f)
			t[i] = []float64{float64(k), float64(max(f.Words-k, 0))}
		}
		return t
	}
	speakerCol := make(map[string]int)
	for _, f := range res.Outlets {
		for _, s := range f.Quotes.BySpeaker {
			if _, ok := speakerCol[s.Speaker]; !ok && s.Words > 0 {
				speakerCol[s.Speaker] = len(speakerCol)
			}
		}
	}
	quoteTable := make([][]float64, len(res.Outlets))
	for i, f := range res.Outlets {
		quoteTable[i] = make([]float64, len(speakerCol))
		for _, s := range f.Quotes.BySpeaker {
			if c, ok := speakerCol[s.Speaker]; ok {
				quoteTable[i][c] += float64(s.Words)
			}
		}
	}
	quoted := chiSquareTest("quoted_words_by_speaker", quoteTable)
	// Note: the words of one quotation are not independent draws, so this
	// test overstates the evidence; say so wherever the p-value is read.
	caveat := "words of one quotation are not independent, so this p-value is optimistic"
	if quoted.Note == "" {
		quoted.Note = caveat
	} else {
		quoted.Note += "; " + caveat
	}
	res.Tests = []*Test{
		chiSquareTest("loaded", rateTable(func(f *OutletFeatures) int { return f.Loaded.Count })),
		chiSquareTest("hedges", rateTable(func(f *OutletFeatures) int { return f.Hedges.Count })),
		quoted,
	}
}
