package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
)

// generate writes a corpus of about size bytes.
func generate(stress bool, seed uint64, size int64) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if stress {
		writeStress(w, seed, 50, size)
	} else {
		newNews(seed, 50, size).write(w)
	}
	w.Flush()
	return buf.Bytes()
}

// TestDeterministic checks that the same flags give the same bytes, and
// another seed other bytes.
func TestDeterministic(t *testing.T) {
	for _, stress := range []bool{false, true} {
		a, b := generate(stress, 1, 300_000), generate(stress, 1, 300_000)
		if !bytes.Equal(a, b) {
			t.Errorf("stress=%v: two runs with the same seed differ", stress)
		}
		if bytes.Equal(a, generate(stress, 2, 300_000)) {
			t.Errorf("stress=%v: seeds 1 and 2 give the same corpus", stress)
		}
	}
}

// TestNewsRecords checks that every line of the news corpus is a record
// framelens reads: an id, an outlet and a text, and that the corpus has
// what the package comment promises: wire copy shared word for word,
// English articles, records with and without a language.
func TestNewsRecords(t *testing.T) {
	data := generate(false, 1, 2_000_000)
	var recs []map[string]string
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var r map[string]string
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if r["id"] == "" || r["outlet"] == "" || len(r["text"]) < 1000 {
			t.Fatalf("line %d: id %q, outlet %q, %d bytes of text", i+1, r["id"], r["outlet"], len(r["text"]))
		}
		recs = append(recs, r)
	}
	if n := len(recs); n < 250 || n > 400 {
		t.Errorf("%d articles in 2 MB, want about 320", n)
	}
	langs := map[string]int{}
	paras := map[string]int{}
	words, tokens := map[string]bool{}, 0
	for _, r := range recs {
		langs[r["language"]]++
		for _, w := range strings.FieldsFunc(strings.ToLower(r["text"]), func(c rune) bool { return !unicode.IsLetter(c) }) {
			words[w] = true
			tokens++
		}
		for _, p := range strings.Split(r["text"], "\n\n") {
			paras[p]++
		}
	}
	if langs["en"] == 0 || langs["id"] == 0 || langs[""] == 0 {
		t.Errorf("languages %v, want en, id and none", langs)
	}
	// The long tail: 7,000 distinct words in these 250,000 (56,000 in
	// 25 MB); without it there were 1,300, and 12,000 in 25 MB.
	if len(words) < 6_000 {
		t.Errorf("%d distinct words in %d, want a news vocabulary's long tail (about 7,000)", len(words), tokens)
	}
	shared := 0
	for p, n := range paras {
		if n > 1 && len(p) > 80 {
			shared++
		}
	}
	if shared == 0 || shared*20 > len(paras) {
		t.Errorf("%d of %d paragraphs are carried by more than one article, want a few", shared, len(paras))
	}
}

// TestTailWord checks that the words of the long tail are distinct.
func TestTailWord(t *testing.T) {
	seen := map[string]int{}
	for k := range tailSize {
		w := tailWord(k)
		if j, dup := seen[w]; dup {
			t.Fatalf("tailWord(%d) = tailWord(%d) = %q", k, j, w)
		}
		seen[w] = k
	}
}
