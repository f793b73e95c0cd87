package analysis

import (
	"reflect"
	"strings"
	"testing"
)

// matchRef is (*Lexicon).match as it was before its fast paths: every
// word looked up in the root by its Norm (longestRef), the stems of star
// terms by map for each prefix length (starMatchRef), every word split at
// hyphens (hyphenPartsRef). The fast paths must agree with it.
func matchRef(l *Lexicon, lang, text string, toks []token) []lexMatch {
	root := l.trie(lang)
	var out []lexMatch
	for i := 0; i < len(toks); {
		if nameWord(text, toks, i) {
			i++
			continue
		}
		if m, ok := longestRef(root, toks, i, func(k int) string { return toks[k].Norm }); ok {
			if !strings.HasPrefix(m.term.Category, "hedge.") || !toks[i].Cap || atClauseStart(text, toks, i) {
				out = append(out, m)
			}
			i = m.next
			continue
		}
		// Parts of a hyphenated word.
		t := toks[i]
		parts := hyphenPartsRef(text, t)
		if len(parts) >= 2 {
			reduplication := strings.HasPrefix(parts[1].word, parts[0].word)
			if reduplication {
				parts = parts[:1]
			}
			for _, p := range parts {
				term := starMatchRef(root.star, p.word)
				if n := root.child(p.word); n != nil && n.term != nil {
					term = n.term
				}
				if term == nil {
					continue
				}
				end := p.end
				if reduplication {
					end = t.End // the whole reduplication is the evidence
				}
				out = append(out, lexMatch{term: term, start: p.start, end: end, next: i + 1})
			}
		}
		i++
	}
	return out
}

// hyphenPartsRef is hyphenParts without the test for a hyphen.
func hyphenPartsRef(text string, t token) []wordPart {
	var parts []wordPart
	start := t.Start
	for i, r := range text[t.Start:t.End] {
		if r == '-' || r == '‐' || r == '‑' {
			at := t.Start + i
			parts = append(parts, wordPart{normWord(text[start:at]), start, at})
			start = at + len(string(r))
		}
	}
	if parts == nil {
		return nil
	}
	return append(parts, wordPart{normWord(text[start:t.End]), start, t.End})
}

// longestRef is longestAt without the lists' words (trieNode.byKw), and
// with the words of toks given by word.
func longestRef(root *trieNode, toks []token, i int, word func(int) string) (lexMatch, bool) {
	var best lexMatch
	found := false
	n := root
	for k := i; k < len(toks) && n != nil; k++ {
		w := word(k)
		if t := starMatchRef(n.star, w); t != nil {
			best, found = lexMatch{term: t, start: toks[i].Start, end: toks[k].End, next: k + 1}, true
		}
		n = n.child(w)
		if n != nil && n.term != nil {
			best, found = lexMatch{term: n.term, start: toks[i].Start, end: toks[k].End, next: k + 1}, true
		}
	}
	return best, found
}

// starMatchRef is starMatch with a map lookup for each prefix length.
func starMatchRef(s stars, w string) *Term {
	for n := min(len(w), s.maxStem); n >= s.minStem; n-- {
		if t := s.byStem[w[:n]]; t != nil {
			return t
		}
	}
	return nil
}

// matchLexicons are the lexicons of the tests of match: the built-in one,
// and one with stems of every length from one byte, hyphenated and
// multi-word terms, including words of the word lists.
func matchLexicons(t testing.TB) []*Lexicon {
	lex, err := BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	small := NewLexicon()
	terms, err := ParseLexicon(strings.NewReader("d*\tloaded.x\t\t\ndi*\tloaded.y\tid\t\nyang\tloaded.z\tid\t\nyang di*\tloaded.w\tid\t\n"+
		"the*\tloaded.a\ten\t\nof the war\tloaded.b\ten\t\nmusuh\tloaded.war\t\t\nmay\thedge.possibility\t\t\n"+
		"é*\tloaded.e\t\t\nnegara\tloaded.n\t\t\nkata\tloaded.k\tid\t\nsaid\tloaded.s\ten\t\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	small.Add("t", terms)
	return []*Lexicon{lex, small}
}

// sameMatches reports whether match and matchRef agree on text.
func sameMatches(t *testing.T, lexs []*Lexicon, text string) {
	t.Helper()
	toks := tokenize(text, span{0, len(text)})
	for _, lex := range lexs {
		for _, lang := range Languages {
			got, want := lex.match(lang, text, toks), matchRef(lex, lang, text, toks)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("match(%s, %q) = %v, matchRef says %v", lang, text, got, want)
			}
		}
	}
}

// TestLexiconMatchFast compares match with matchRef on the corpus lines.
func TestLexiconMatchFast(t *testing.T) {
	lexs := matchLexicons(t)
	n := 0
	for _, line := range corpusLines(t) {
		sameMatches(t, lexs, line)
		n++
	}
	sameMatches(t, lexs, "negara-negara musuh-musuh yang di-sebut d-d é-é the-war of the war Di D é")
	if n < 1000 {
		t.Fatalf("only %d lines compared", n)
	}
}

// FuzzLexiconMatch is TestLexiconMatchFast on arbitrary text.
func FuzzLexiconMatch(f *testing.F) {
	for _, s := range []string{"negara-negara musuh‑musuh yang di‐sebut", "Of the war, may the diktator", "é-é d"} {
		f.Add(s)
	}
	lexs := matchLexicons(f)
	f.Fuzz(func(t *testing.T, text string) { sameMatches(t, lexs, text) })
}
