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
}
