package analysis_test

import (
	"fmt"
	"log"
	"os"

	"github.com/framelens/framelens/analysis"
)

// Example reads a corpus folder, analyses it with the built-in lexicon and
// writes the framelens/v1 JSON document.
func Example() {
	corpus, err := analysis.ReadCorpus([]string{"../testdata/summit"}, nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := analysis.Analyze(corpus, &analysis.Options{Generator: "framelens example"})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range res.Outlets {
		fmt.Printf("%-13s words=%d loaded=%d hedges=%d quotes=%d reported=%d\n",
			o.Outlet, o.Words, o.Loaded.Count, o.Hedges.Count, o.Quotes.Count, o.Quotes.Reported)
	}
	f, err := os.CreateTemp("", "framelens-*.json")
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := res.WriteJSON(f); err != nil {
		log.Fatal(err)
	}
	// Output:
	// Beritabali    words=228 loaded=6 hedges=2 quotes=3 reported=2
	// EGINDO.co     words=389 loaded=8 hedges=3 quotes=11 reported=9
	// Jabar Ekspres words=284 loaded=3 hedges=1 quotes=2 reported=3
	// TribunWow     words=269 loaded=4 hedges=4 quotes=1 reported=5
}

// ExampleQuotes lists the direct quotes of one outlet with their speakers.
func ExampleQuotes() {
	corpus, err := analysis.ReadCorpus([]string{"../testdata/summit"}, nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := analysis.Analyze(corpus, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range res.Quotes.All() {
		if q.Outlet == "EGINDO.co" && q.Kind == analysis.KindDirect && q.Speaker == "KCNA" {
			fmt.Printf("%s (%d words): %.40s…\n", q.Speaker, q.Words, q.Text)
		}
	}
	// Output:
	// KCNA (14 words): Kim Jong Un dengan sopan mengundang Puti…
	// KCNA (12 words): Terjadi tete-a-tete antara Kim Jong Un d…
}
