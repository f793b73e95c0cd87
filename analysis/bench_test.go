package analysis

import "testing"

// BenchmarkAnalyze measures the whole analysis (cleaning, segmentation,
// quotes, matching, aggregation) on the seed corpus and on a larger corpus
// made by repeating the seeds under many outlet names. It reports MB/s of
// article text.
func BenchmarkAnalyze(b *testing.B) {
	lex, err := BuiltinLexicon()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 64} {
		benchAnalyze(b, n, lex)
	}
}
