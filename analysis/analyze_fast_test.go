package analysis

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// TestDropDuplicates checks that an article is dropped exactly when its
// body (what follows the front matter) is that of an earlier one, with a
// warning naming the first.
func TestDropDuplicates(t *testing.T) {
	art := func(id, front, body string) *Article {
		return &Article{ID: id, Text: front + body, BodyStart: len(front)}
	}
	articles := []*Article{
		art("a", "title: A\n\n", "Putin bertemu Kim."),
		art("b", "", "Putin bertemu Kim."),             // a's body, other front matter
		art("c", "title: C\n\n", "Putin bertemu Kim!"), // one byte differs
		art("d", "x", "Putin bertemu Kim."),            // a's body again
		art("e", "", ""),
		art("f", "title: F\n\n", ""),
	}
	var warns []Warning
	var ids []string
	for _, a := range dropDuplicates(articles, &warns) {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, " "); got != "a c e" {
		t.Errorf("kept %q, want \"a c e\"", got)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, w.Article+": "+w.Message)
	}
	want := "b: duplicate of article a; counted once|d: duplicate of article a; counted once|f: duplicate of article e; counted once"
	if got := strings.Join(msgs, "|"); got != want {
		t.Errorf("warnings\n%s\nwant\n%s", got, want)
	}
}

// TestCarveWords checks that the words carved from a slab never share
// memory, even when one is appended to past its size, and that a word
// list longer than a slab gets one of its own.
func TestCarveWords(t *testing.T) {
	var slab []uint32
	var lists [][]uint32
	for i, n := range []int{3, 0, 5, wordSlab, 2, wordSlab - 4, 7} {
		var w []uint32
		w, slab = carveWords(slab, n)
		if len(w) != 0 || cap(w) != n {
			t.Fatalf("list %d: len %d cap %d, want 0 and %d", i, len(w), cap(w), n)
		}
		for j := range n + 1 { // one more than carved: append must move it
			w = append(w, uint32(i<<24|j))
		}
		lists = append(lists, w)
	}
	for i, w := range lists {
		for j, v := range w {
			if v != uint32(i<<24|j) {
				t.Fatalf("list %d word %d = %x: overwritten", i, j, v)
			}
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
	for i := range sc.clean.lower[:cap(sc.clean.lower)] {
		sc.clean.lower[:cap(sc.clean.lower)][i] = '#'
	}
	clear(sc.attr.quotes[:cap(sc.attr.quotes)])
	clear(sc.clean.removals[:cap(sc.clean.removals)])
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

// forwardNPCopy is forwardNP as it was, copying each word of the phrase
// into a slice of its own.
func forwardNPCopy(text string, s *sentence, toks []token, i int, lr *langRules) (np []token, end int) {
	k := i
	for k < len(toks) && len(np) < 10 {
		t := toks[k]
		if s.inQuote(t.Start) || (len(np) > 0 && hasBreak(text, toks[k-1].End, t.Start)) {
			break
		}
		if len(np) == 0 && lr.is(&t, wPronoun) {
			return []token{t}, k + 1
		}
		if lr.is(&t, wIn) && hasRole(np, lr) && k+1 < len(toks) && isPlace(toks[k+1:k+2]) {
			np = append(np, t)
			k++
			continue
		}
		if lr.is(&t, wNPStop) && !t.Cap || t.isWeekday() {
			break
		}
		if (t.Norm == "dan" || t.Norm == "and") && len(np) > 0 && k+1 < len(toks) && isNPWord(toks[k+1], lr) {
			np = append(np, t)
			k++
			continue
		}
		if !isNPWord(t, lr) && !modifiesRole(toks, k, lr) {
			break
		}
		np = append(np, t)
		k++
	}
	if len(np) > 0 && k < len(toks) && strings.TrimSpace(between(text, toks[k-1].End, toks[k].Start)) == "," {
		j := k
		var app []token
		for j < len(toks) && toks[j].Cap && !toks[j].isWeekday() && len(app) < 4 {
			if len(app) > 0 && hasBreak(text, toks[j-1].End, toks[j].Start) {
				break
			}
			app = append(app, toks[j])
			j++
		}
		if len(app) > 0 && !isPlace(app) && (j == len(toks) || strings.HasPrefix(strings.TrimSpace(between(text, toks[j-1].End, toks[j].Start)), ",")) {
			if len(speakerName(np, lr)) == 0 || !hasProperName(np, lr) {
				return app, j
			}
		}
	}
	return np, k
}

// TestNPViews compares forwardNP, which returns a part of the sentence's
// words, with forwardNPCopy at every word of every sentence of the test
// articles, and checks that the phrases of forwardNP and backwardNP have
// no room to append to, so that no append writes into the words.
func TestNPViews(t *testing.T) {
	lex, err := BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var sc scratch
	n := 0
	for _, a := range cleanCases(t) {
		for _, lang := range []string{"id", "en"} {
			lr := rulesFor(lang)
			analyzeArticle(a, lex, lang, &sc) // sc.sents: the sentences, with their words and quotations
			for si := range sc.sents {
				s := &sc.sents[si]
				for i := range s.toks {
					np, end := forwardNP(a.Text, s, s.toks, i, lr)
					wantNP, wantEnd := forwardNPCopy(a.Text, s, s.toks, i, lr)
					if !reflect.DeepEqual(np, wantNP) || end != wantEnd {
						t.Fatalf("forwardNP(%q, %d) = %v, %d, want %v, %d", a.Text[s.sp.Start:s.sp.End], i, np, end, wantNP, wantEnd)
					}
					if cap(np) != len(np) {
						t.Fatalf("forwardNP(%q, %d): room to append", a.Text[s.sp.Start:s.sp.End], i)
					}
					if bnp, _ := backwardNP(a.Text, s, s.toks, i, lr); cap(bnp) != len(bnp) && len(bnp) == 1 && lr.is(&bnp[0], wPronoun) {
						t.Fatalf("backwardNP(%q, %d): room to append", a.Text[s.sp.Start:s.sp.End], i)
					}
					n += len(np)
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d words in phrases", n)
	}
}

// datePhraseOnlyPlain is datePhraseOnly with the words from tokenize.
func datePhraseOnlyPlain(s string, lr *langRules) bool {
	toks := tokenize(s, span{0, len(s)})
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	for _, t := range toks {
		if !(lr.is(&t, wNPStop) || t.isWeekday() || t.month() > 0 || unicode.IsDigit(firstRune(t.Norm))) {
			return false
		}
	}
	return true
}

// quoteIsClauseAfterPlain is quoteIsClauseAfter with the words from tokenize.
func quoteIsClauseAfterPlain(text string, s *sentence, f *frame, q quoted) bool {
	if f.post {
		return false
	}
	v := s.toks[f.verb]
	if v.End > q.Outer.Start {
		return false
	}
	mid := strings.TrimSpace(between(text, v.End, q.Outer.Start))
	mt := tokenize(mid, span{0, len(mid)})
	if len(mt) > 1 || len(mt) == 1 && !rulesID.is(&mt[0], wThat) && !rulesEN.is(&mt[0], wThat) {
		return false
	}
	return onlyPunct(between(text, q.Outer.End, s.sp.End))
}

// TestStackTokens compares datePhraseOnly and quoteIsClauseAfter, which
// take the few words they need into an array on the stack, with the
// versions that tokenize: datePhraseOnly on every rest of every sentence
// of the test articles from each of its words, quoteIsClauseAfter on
// every quotation and frame of each sentence.
func TestStackTokens(t *testing.T) {
	lex, err := BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var sc scratch
	rests, pairs, clauses := 0, 0, 0
	for _, a := range cleanCases(t) {
		for _, lang := range []string{"id", "en"} {
			lr := rulesFor(lang)
			analyzeArticle(a, lex, lang, &sc)
			for si := range sc.sents {
				s := &sc.sents[si]
				for _, tk := range s.toks {
					for _, from := range []int{tk.Start, tk.End} {
						rest := a.Text[from:s.sp.End]
						for _, r := range []string{rest, strings.TrimSpace(rest), strings.TrimSuffix(strings.TrimSpace(rest), ".")} {
							if got, want := datePhraseOnly(r, lr), datePhraseOnlyPlain(r, lr); got != want {
								t.Fatalf("datePhraseOnly(%q) = %v, want %v", r, got, want)
							} else if got {
								rests++
							}
						}
					}
				}
				frames := findFrames(a.Text, s, lr, nil)
				for _, q := range s.quotes {
					for k := range frames {
						if got, want := quoteIsClauseAfter(a.Text, s, &frames[k], q), quoteIsClauseAfterPlain(a.Text, s, &frames[k], q); got != want {
							t.Fatalf("quoteIsClauseAfter(%q, %v) = %v, want %v", a.Text[s.sp.Start:s.sp.End], q, got, want)
						} else if got {
							clauses++
						}
						pairs++
					}
				}
			}
		}
	}
	if rests < 10 || pairs < 100 || clauses < 5 {
		t.Fatalf("only %d date phrases, %d quotations and frames, %d clauses", rests, pairs, clauses)
	}
}

// TestPronounRule checks that the rules with "+pronoun" of attrBufs are
// the concatenations, the first time and from its map after.
func TestPronounRule(t *testing.T) {
	var b attrBufs
	for range 2 {
		for _, r := range []string{"", "according", "colon", "colon+said", "after:kata", "x+pronoun"} {
			if got := b.pronounRule(r); got != r+"+pronoun" {
				t.Fatalf("pronounRule(%q) = %q", r, got)
			}
			f := &frame{rule: r}
			if got := b.ruleOf(f); got != r {
				t.Fatalf("ruleOf(%q, no pronoun) = %q", r, got)
			}
			f.pronoun = true
			if got := b.ruleOf(f); got != r+"+pronoun" {
				t.Fatalf("ruleOf(%q, pronoun) = %q", r, got)
			}
		}
	}
}
