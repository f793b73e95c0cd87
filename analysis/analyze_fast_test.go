package analysis

import (
	"reflect"
	"strings"
	"testing"
)

// TestBodyHasher checks bodyHasher against sha256Hex, on strings shorter
// and longer than its buffer, one hasher used for all in turn.
func TestBodyHasher(t *testing.T) {
	var h bodyHasher
	for _, n := range []int{0, 1, 63, 64, 65, 32<<10 - 1, 32 << 10, 32<<10 + 1, 100000} {
		s := strings.Repeat("kata é ", n/8+1)[:n]
		if got, want := h.sum(s), sha256Hex([]byte(s)); got != want {
			t.Errorf("len %d: %s, want %s", n, got, want)
		}
	}
}

// TestAnalyzeArticleScratch compares analyzeArticle with one scratch
// reused for every article, as a worker of analyzeAll does, with a fresh
// scratch for each: the lowered body, the quote store and the lists an
// article collects in the scratch must leave nothing of one article in
// another's result. The results of the reused scratch are compared again
// at the end, when the scratch holds the last article: none of them may
// share memory with it (articleOut.toks, which does, is left out).
func TestAnalyzeArticleScratch(t *testing.T) {
	lex, err := BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	arts := cleanCases(t)
	var sc scratch
	var kept []*articleOut
	for _, a := range arts {
		for _, lang := range []string{"", "id", "en"} {
			got, want := analyzeArticle(a, lex, lang, &sc), analyzeArticle(a, lex, lang, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("analyzeArticle(%q, %q) with a reused scratch differs", a.Text, lang)
			}
			got.toks = nil
			kept = append(kept, got)
		}
	}
	// Scribble over the buffers of the scratch.
	for i := range sc.lower[:cap(sc.lower)] {
		sc.lower[:cap(sc.lower)][i] = '#'
	}
	clear(sc.attr.quotes[:cap(sc.attr.quotes)])
	clear(sc.matches[:cap(sc.matches)])
	clear(sc.names[:cap(sc.names)])
	clear(sc.quoted[:cap(sc.quoted)])
	i := 0
	for _, a := range arts {
		for _, lang := range []string{"", "id", "en"} {
			want := analyzeArticle(a, lex, lang, nil)
			want.toks = nil
			if !reflect.DeepEqual(kept[i], want) {
				t.Fatalf("analyzeArticle(%q, %q): the result changed with the scratch", a.Text, lang)
			}
			i++
		}
	}
}
