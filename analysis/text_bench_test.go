package analysis

import (
	"os"
	"strings"
	"sync"
	"testing"
)

// The per-article benchmarks run on the sample corpora under testdata/,
// or on the corpus named by FRAMELENS_BENCH_CORPUS (a file or folder, for
// example a synthetic corpus from go run ./cmd/gencorpus). They report MB/s
// of article text.

var (
	benchOnce     sync.Once
	benchArticles []*Article
	benchBytes    int64
	benchErr      error
)

func loadBenchArticles(b *testing.B) ([]*Article, int64) {
	b.Helper()
	benchOnce.Do(func() {
		paths := []string{"../testdata/summit", "../testdata/holdout", "../testdata/holdout2", "../testdata/en"}
		if p := os.Getenv("FRAMELENS_BENCH_CORPUS"); p != "" {
			paths = strings.Split(p, string(os.PathListSeparator))
		}
		c, err := ReadCorpus(paths, nil)
		if err != nil {
			benchErr = err
			return
		}
		benchArticles = c.Articles
		for _, a := range c.Articles {
			benchBytes += int64(len(a.Text) - a.BodyStart)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchArticles, benchBytes
}

func benchLang(a *Article) *langRules {
	lang := strings.ToLower(a.Language)
	if lang != "id" && lang != "en" {
		lang = detectLanguage(tokenize(a.Text, span{a.BodyStart, len(a.Text)}))
	}
	return rulesFor(lang)
}

// BenchmarkAnalyzeArticle measures the per-article steps alone.
func BenchmarkAnalyzeArticle(b *testing.B) {
	arts, size := loadBenchArticles(b)
	lex, err := BuiltinLexicon()
	if err != nil {
		b.Fatal(err)
	}
	for _, lang := range Languages {
		lex.trie(lang)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var sc scratch // one worker's, as in analyzeAll
	for b.Loop() {
		for _, a := range arts {
			analyzeArticle(a, lex, "", &sc)
		}
	}
}

// BenchmarkClean measures boilerplate removal and credit extraction.
func BenchmarkClean(b *testing.B) {
	arts, size := loadBenchArticles(b)
	lrs := make([]*langRules, len(arts))
	for i, a := range arts {
		lrs[i] = benchLang(a)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, a := range arts {
			clean(a, lrs[i])
		}
	}
}

// BenchmarkFindCredits measures credit extraction alone.
func BenchmarkFindCredits(b *testing.B) {
	arts, size := loadBenchArticles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			findCredits(a.Text, a.BodyStart)
		}
	}
}

// BenchmarkTokenize measures word segmentation of whole bodies.
func BenchmarkTokenize(b *testing.B) {
	arts, size := loadBenchArticles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			tokenize(a.Text, span{a.BodyStart, len(a.Text)})
		}
	}
}

// BenchmarkLexiconMatch measures lexicon matching of whole bodies.
func BenchmarkLexiconMatch(b *testing.B) {
	arts, size := loadBenchArticles(b)
	lex, err := BuiltinLexicon()
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		lang string
		text string
		toks []token
	}
	docs := make([]doc, len(arts))
	for i, a := range arts {
		toks := tokenize(a.Text, span{a.BodyStart, len(a.Text)})
		docs[i] = doc{detectLanguage(toks), a.Text, toks}
		lex.trie(docs[i].lang)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			lex.match(d.lang, d.text, d.toks)
		}
	}
}

// BenchmarkTextScan measures the one-pass search for credit cues and line-guard needles.
func BenchmarkTextScan(b *testing.B) {
	arts, size := loadBenchArticles(b)
	lowers := make([]string, len(arts))
	for i, a := range arts {
		lowers[i], _ = lowerForCues(a.Text[a.BodyStart:])
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, l := range lowers {
			textScan.first(l)
		}
	}
}
