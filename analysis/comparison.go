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
	// is decided once per language, before the outlets are counted, an
	// outlet at a time on all cores.
	forms := v.all()
	content := map[string][]bool{} // lang -> id -> is a content word
	for _, o := range outs {
		if content[o.lang] == nil {
			is := make([]bool, len(forms))
			parallel((len(forms)+4095)/4096, func(c int) {
				for id := c * 4096; id < min(len(forms), (c+1)*4096); id++ {
					is[id] = contentWord(o.lang, forms[id], lex)
				}
			})
			content[o.lang] = is
		}
	}
	byOutlet := map[string][]*articleOut{}
	for _, o := range outs {
		byOutlet[o.res.Outlet] = append(byOutlet[o.res.Outlet], o)
	}
	tc := &termCounts{outlets: sortedKeys(byOutlet), words: forms}
	tc.counts = make([][]idCount, len(tc.outlets))
	dense := make([][]int, workers(len(tc.outlets))) // per worker, a count per word id, zero between outlets
	parallelW(len(tc.outlets), func(w, i int) {
		if dense[w] == nil {
			dense[w] = make([]int, len(forms))
		}
		c := dense[w]
		var ids []uint32
		for _, o := range byOutlet[tc.outlets[i]] {
			is := content[o.lang]
			for _, id := range o.words {
				if is[id] {
					if c[id] == 0 {
						ids = append(ids, id)
					}
					c[id]++
				}
			}
		}
		cs := make([]idCount, len(ids))
		for k, id := range ids {
			cs[k] = idCount{id, c[id]}
			c[id] = 0
		}
		tc.counts[i] = cs
	})
	res.Distinctive = distinctiveTermsOf(tc, opts.Background, top, minDistinctiveZ)

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
