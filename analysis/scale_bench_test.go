package analysis

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// benchCorpus returns the seed articles repeated n times under 50 outlet
// names, each copy a different text so that none is dropped as a duplicate.
func benchCorpus(b *testing.B, n int) (*Corpus, int) {
	b.Helper()
	seeds, err := ReadCorpus([]string{"../testdata/summit"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	c := &Corpus{}
	size := 0
	for i := range n {
		for _, a := range seeds.Articles {
			cp := *a
			cp.ID = fmt.Sprintf("%s-%d", a.ID, i)
			cp.Outlet = fmt.Sprintf("Outlet %d", i%50)
			cp.Text = a.Text + strings.Repeat(" ", i)
			c.Articles = append(c.Articles, &cp)
			size += len(cp.Text)
		}
	}
	return c, size
}

// bigLexicon returns the built-in lexicon plus extra terms, so that it has
// about factor times as many: invented words, multiword terms and star
// terms that share first words with real text ("para", "yang"), so the
// trie has to look at them.
func bigLexicon(b *testing.B, factor int) *Lexicon {
	b.Helper()
	lex, err := BuiltinLexicon()
	if err != nil {
		b.Fatal(err)
	}
	n := len(lex.terms) * (factor - 1)
	rng := rand.New(rand.NewPCG(7, 7))
	syll := strings.Fields("ka ta ra ma na sa pa la ba da ga ja ki ti ri mi ni si pu lu bu du gu ju")
	// Invented words never occur in the seed articles, nor start one (for
	// star terms), so that the larger lexicon finds the same matches and
	// the benchmark measures the lexicon's size, not more output.
	seeds, err := ReadCorpus([]string{"../testdata/summit"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	var real []string
	for _, a := range seeds.Articles {
		for _, t := range tokenize(a.Text, span{0, len(a.Text)}) {
			real = append(real, t.Norm)
		}
	}
	clashes := func(w string) bool {
		for _, r := range real {
			if strings.HasPrefix(r, w) {
				return true
			}
		}
		return false
	}
	word := func() string {
		for {
			var w strings.Builder
			for range 2 + rng.IntN(3) {
				w.WriteString(syll[rng.IntN(len(syll))])
			}
			if !clashes(w.String()) {
				return w.String()
			}
		}
	}
	common := []string{"para", "yang", "dan", "the", "of", "kedua", "presiden", "korea"}
	var tsv strings.Builder
	for i := range n {
		var t string
		switch i % 4 {
		case 0:
			t = word()
		case 1:
			t = common[rng.IntN(len(common))] + " " + word()
		case 2:
			t = word() + "*"
		default:
			t = common[rng.IntN(len(common))] + " " + word() + " " + word()
		}
		lang := []string{"id", "en"}[i%2]
		fmt.Fprintf(&tsv, "%s\tloaded.label\t%s\tsynthetic %d\n", t, lang, i)
	}
	terms, err := ParseLexicon(strings.NewReader(tsv.String()), "synthetic.tsv")
	if err != nil {
		b.Fatal(err)
	}
	lex.Add("synthetic.tsv", terms)
	return lex
}

// BenchmarkLexiconSize runs the whole analysis with the built-in lexicon
// and with one ten times larger: matching walks a trie over the words, so
// the time should barely change.
func BenchmarkLexiconSize(b *testing.B) {
	for _, factor := range []int{1, 10} {
		lex := bigLexicon(b, factor)
		b.Run(fmt.Sprintf("terms=%d", len(lex.terms)), func(b *testing.B) { benchAnalyze(b, 32, lex) })
	}
}

// BenchmarkCorpusSize runs the whole analysis on a corpus and on one twice
// as large; the time per operation should about double.
func BenchmarkCorpusSize(b *testing.B) {
	lex, err := BuiltinLexicon()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{32, 64} {
		benchAnalyze(b, n, lex)
	}
}

// benchAnalyze runs Analyze with lex on the seeds repeated n times.
func benchAnalyze(b *testing.B, n int, lex *Lexicon) {
	c, size := benchCorpus(b, n)
	b.Run(fmt.Sprintf("articles=%d", len(c.Articles)), func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Analyze(c, &Options{Lexicon: lex}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDistinctiveTerms scores 500 outlets of 30,000 content words
// each, drawn by Zipf's law from a vocabulary of 300,000 as in a month of
// national news: scoring every word for every outlet would take minutes
// and gigabytes here.
func BenchmarkDistinctiveTerms(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	z := rand.NewZipf(rng, 1.1, 1, 300_000-1)
	tc := &termCounts{words: make([]string, 300_000)}
	for id := range tc.words {
		tc.words[id] = fmt.Sprintf("w%d", id)
	}
	for o := range 500 {
		tc.outlets = append(tc.outlets, fmt.Sprintf("o%03d", o))
		c := map[uint32]int{}
		for range 30_000 {
			c[uint32(z.Uint64())]++
		}
		var cs []idCount
		for id, n := range c {
			cs = append(cs, idCount{id, n})
		}
		tc.counts = append(tc.counts, cs)
	}
	b.ReportAllocs()
	for b.Loop() {
		distinctiveTermsOf(tc, nil, DefaultDistinctiveTop, minDistinctiveZ)
	}
}
