package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkAnalyze measures the whole analysis (cleaning, segmentation,
// quotes, matching, aggregation) on the seed corpus and on a larger corpus
// made by repeating the seeds under many outlet names. It reports MB/s of
// article text.
func BenchmarkAnalyze(b *testing.B) {
	seeds, err := ReadCorpus([]string{"../testdata/summit"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	lex, err := BuiltinLexicon()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 64} {
		c := &Corpus{}
		size := 0
		for i := 0; i < n; i++ {
			for _, a := range seeds.Articles {
				cp := *a
				cp.ID = fmt.Sprintf("%s-%d", a.ID, i)
				// A different outlet per copy, and a different text so
				// that duplicates are not dropped.
				cp.Outlet = fmt.Sprintf("Outlet %d", i%50)
				cp.Text = a.Text + strings.Repeat(" ", i)
				c.Articles = append(c.Articles, &cp)
				size += len(cp.Text)
			}
		}
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
}
