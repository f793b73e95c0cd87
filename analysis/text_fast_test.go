package analysis

import (
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is tokenize as it was before the ASCII fast paths: a
// decoded rune at a time, unicode tables for every test.
func tokenizeRef(text string, sp span) []token {
	var toks []token
	i := sp.Start
	for i < sp.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < sp.End {
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if i+n < sp.End && (r == '-' || r == '\'' || r == '’' || r == '‐' || r == '‑' || ((r == ',' || r == '.') && unicode.IsDigit(lastRune(text[:i])))) {
				r2, n2 := utf8.DecodeRuneInString(text[i+n:])
				if isWordRune(r2) && (r != ',' && r != '.' || unicode.IsDigit(r2)) {
					i += n + n2
					continue
				}
			}
			break
		}
		w := text[start:i]
		t := token{Start: start, End: i, Norm: normWord(w)}
		first, _ := utf8.DecodeRuneInString(w)
		t.Cap = unicode.IsUpper(first)
		t.Upper = t.Cap
		for _, r := range w {
			if unicode.IsLower(r) {
				t.Upper = false
				break
			}
		}
		toks = append(toks, t)
	}
	return toks
}

var tokenTexts = []string{
	"negara-negara Rusia-Korut tete-a-tete", "“Ya,” katanya.", "3,5 persen dan Rp 1.500", "don't the country's 'diktator'",
	"anti- dan -pro", "Kamis (14/9).", "Café naïve", "KCNA AS UK U.S. e-mail", "ＡＢＣ ﬁre Ⅻ ½", "don’t Jum’at", "٣,٥ 3.x x.3 3,",
	"a\u0301b \u0301x", "İstanbul \u212aelvin ſ", "\xff\xfeab\xc3", "x‐y x‑y x--y x-'y", "ABC-def Abc-DEF 1-2 A1 1A",
	"", " ", "-", "a", "Ǆ ǅ ǆ", "ΣΑΣ σας", "x'", "'x", "x,5", "5,x", "5.5.5", "１,５",
}

func tokenCases(t *testing.T) []string {
	texts := append([]string{}, tokenTexts...)
	return append(texts, corpusLines(t)...)
}

func TestTokenizeFast(t *testing.T) {
	for _, text := range tokenCases(t) {
		spans := []span{{0, len(text)}}
		for i := 0; i <= len(text) && i < 24; i++ {
			spans = append(spans, span{i, len(text)}, span{0, len(text) - i})
		}
		for _, sp := range spans {
			if sp.Start > sp.End {
				continue
			}
			got, want := tokenize(text, sp), tokenizeRef(text, sp)
			if len(got) == 0 && len(want) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("tokenize(%q, %v):\n got %+v\nwant %+v", text, sp, got, want)
			}
			if n := countWords(text, sp); n != len(want) {
				t.Fatalf("countWords(%q, %v) = %d, want %d", text, sp, n, len(want))
			}
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range tokenTexts {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, lo, hi int) {
		if lo < 0 || hi > len(text) || lo > hi {
			lo, hi = 0, len(text)
		}
		sp := span{lo, hi}
		got, want := tokenize(text, sp), tokenizeRef(text, sp)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("tokenize(%q, %v):\n got %+v\nwant %+v", text, sp, got, want)
		}
	})
}
