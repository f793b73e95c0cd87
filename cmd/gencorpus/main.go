// Command gencorpus writes a deterministic synthetic news corpus as JSON
// Lines, for benchmarks of framelens at any size.
//
// Usage:
//
//	gencorpus [-mb 250] [-outlets 500] [-seed 1] [-stress] [-o corpus.jsonl]
//
// By default the corpus imitates a month of national news: articles of
// 2–10 KB (about 6 KB on average) from outlets of very different output
// (a few publish a large share, as in a real media market), each article
// about one of many stories (events), most in Indonesian and about one in
// ten in English. Sentences are composed from large pools of subjects,
// actions, objects, places, people and numbers, so that, as in real
// news, almost every sentence is new, and a long tail of rare words and
// names drawn by Zipf's law gives the vocabulary of real news (about
// 200,000 distinct words in 250 MB, as Heaps' law fitted to news wires
// predicts for 31 million words); the people of a story are quoted
// directly, partially and in reported speech, with titles, short names
// and pronouns; lexicon terms and hedges of the built-in lexicon, page
// chrome and credit lines occur at about the rates of the sample articles
// in testdata/. Reuse is modelled as news agencies cause it: each story
// has a wire text, and about two articles in five carry a few consecutive
// sentences of it word for word, credited to the agency or not.
//
// With -stress the corpus is the worst case of the first version of this
// generator instead, with the same bytes: every sentence is drawn from a
// few dozen, so nearly every sentence is shared by thousands of articles
// and every pair of outlets shares text. Reuse detection and the JSON
// document are several times larger on it than on real news.
//
// The same flags always give the same bytes.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
)

func main() {
	mb := flag.Float64("mb", 250, "corpus size in MB")
	outlets := flag.Int("outlets", 500, "number of outlets")
	seed := flag.Uint64("seed", 1, "random seed")
	stress := flag.Bool("stress", false, "write the worst-case corpus of recombined stock sentences")
	out := flag.String("o", "corpus.jsonl", "output `file`")
	flag.Parse()
	if *outlets < 1 || *mb <= 0 {
		fmt.Fprintln(os.Stderr, "gencorpus: -outlets and -mb must be positive")
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	limit := int64(*mb * 1e6)
	if *stress {
		writeStress(w, *seed, *outlets, limit)
	} else {
		newNews(*seed, *outlets, limit).write(w)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

// writeStress writes the stress corpus until limit bytes are written.
func writeStress(w *bufio.Writer, seed uint64, outlets int, limit int64) {
	rng := rand.New(rand.NewPCG(seed, 2))
	var written int64
	for i := 0; written < limit; i++ {
		outlet := fmt.Sprintf("Warta %03d", rng.IntN(outlets))
		rec := map[string]string{"id": fmt.Sprintf("a%07d", i), "outlet": outlet, "title": fmt.Sprintf("Berita %d", i), "text": stressArticle(rng, i, outlet)}
		written += writeRecord(w, rec)
	}
}

// writeRecord writes rec as one JSON line and returns its length.
func writeRecord(w *bufio.Writer, rec any) int64 {
	b, err := json.Marshal(rec)
	if err != nil {
		panic(err) // strings always marshal
	}
	w.Write(b)
	w.WriteByte('\n')
	return int64(len(b)) + 1
}
