package analysis

import (
	"reflect"
	"strings"
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
		if !isWordRuneUnicode(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < sp.End {
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWordRuneUnicode(r) {
				i += n
				continue
			}
			if i+n < sp.End && (r == '-' || r == '\'' || r == '’' || r == '‐' || r == '‑' || ((r == ',' || r == '.') && unicode.IsDigit(lastRune(text[:i])))) {
				r2, n2 := utf8.DecodeRuneInString(text[i+n:])
				if isWordRuneUnicode(r2) && (r != ',' && r != '.' || unicode.IsDigit(r2)) {
					i += n + n2
					continue
				}
			}
			break
		}
		w := text[start:i]
		t := token{Start: start, End: i, Norm: normWord(w), hyphen: strings.ContainsAny(w, "-‐‑")}
		t.kw = lookupWord(t.Norm)
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

// detectLanguageRef is detectLanguage looking each word up in the lists of stop words.
func detectLanguageRef(toks []token) string {
	var id, en int
	for _, t := range toks {
		if rulesID.stop[t.Norm] {
			id++
		}
		if rulesEN.stop[t.Norm] {
			en++
		}
	}
	if en > id {
		return "en"
	}
	return "id"
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
			if got, want := detectLanguage(got), detectLanguageRef(want); got != want {
				t.Fatalf("detectLanguage(%q, %v) = %s, want %s", text, sp, got, want)
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
		if got, want := detectLanguage(got), detectLanguageRef(want); got != want {
			t.Fatalf("detectLanguage(%q, %v) = %s, want %s", text, sp, got, want)
		}
	})
}

// splitSentencesRef and isAbbrevBeforeRef are the rune-by-rune versions.
func splitSentencesRef(text string, para span, quotes []quoted, abbrev map[string]bool) []span {
	var out []span
	start := para.Start
	inQuote := func(i int) bool {
		for _, q := range quotes {
			if q.Top && q.Outer.Start < i && i < q.Outer.End {
				return true
			}
		}
		return false
	}
	for i := para.Start; i < para.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		// Absorb further terminal punctuation and closing quotes/brackets.
		for end < para.End {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if strings.ContainsRune(".!?…\"”’'»)]", r2) {
				end += n2
				continue
			}
			break
		}
		if end >= para.End {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(next) {
			i = end
			continue
		}
		j := end
		for j < para.End && unicode.IsSpace(firstRune(text[j:])) {
			_, n2 := utf8.DecodeRuneInString(text[j:])
			j += n2
		}
		if j >= para.End {
			break
		}
		nr := firstRune(text[j:para.End])
		startsNew := unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("\"“„«‘'([", nr)
		if r == '.' && isAbbrevBeforeRef(text, para.Start, i, abbrev) {
			startsNew = false
		}
		if startsNew && !inQuote(end) {
			out = appendTrimmed(out, text, span{start, end})
			start = j
		}
		i = end
	}
	return appendTrimmed(out, text, span{start, para.End})
}
func isAbbrevBeforeRef(text string, lo, i int, abbrev map[string]bool) bool {
	j := i
	for j > lo {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !isWordRuneUnicode(r) && r != '.' {
			break
		}
		j -= n
	}
	w := strings.ToLower(text[j:i])
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsLetter(firstRune(w)) && unicode.IsUpper(firstRune(text[j:i])) {
		return true // an initial: "J. Smith"
	}
	return abbrev[w] || strings.Contains(w, ".") // "U.S.", "a.n."
}

var sentenceTexts = []string{
	"Dr. Ali datang. Ia pulang! Benarkah? Ya… Tentu.", "U.S. officials said. J. Smith agreed.", "Kamis (14/9). Rp 1.500. Lalu",
	"“Ya.” Lalu dia pergi.", "x.) Y", "DR. X. Prof. Y… Z", "É. Smith. é. x", "a.n. Budi. ABC. Def", "x\u2026", "x…Y. Z", "…",
	"x. \u00a0Y", "x.\xffY. Z", "Mr.\tX", "dll. Dan", "DLL. Dan", "st. Paul", "ST. Paul", strings.Repeat("A", 40) + ". B",
}

func TestSplitSentencesFast(t *testing.T) {
	texts := append(append([]string{}, sentenceTexts...), corpusLines(t)...)
	for _, text := range texts {
		para := span{0, len(text)}
		qs, _ := pairQuotes(text, para)
		for _, sp := range []span{para, {0, len(text) / 2}, {len(text) / 3, len(text)}} {
			got, want := splitSentences(text, sp, qs, abbreviations), splitSentencesRef(text, sp, qs, abbreviations)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("splitSentences(%q, %v) = %v, want %v", text, sp, got, want)
			}
		}
		for i := range text {
			if got, want := isAbbrevBefore(text, 0, i, abbreviations), isAbbrevBeforeRef(text, 0, i, abbreviations); got != want {
				t.Fatalf("isAbbrevBefore(%q, 0, %d) = %v, want %v", text, i, got, want)
			}
		}
	}
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range sentenceTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		para := span{0, len(text)}
		qs, _ := pairQuotes(text, para)
		got, want := splitSentences(text, para, qs, abbreviations), splitSentencesRef(text, para, qs, abbreviations)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("splitSentences(%q) = %v, want %v", text, got, want)
		}
		for i := range text {
			if got, want := isAbbrevBefore(text, 0, i, abbreviations), isAbbrevBeforeRef(text, 0, i, abbreviations); got != want {
				t.Fatalf("isAbbrevBefore(%q, 0, %d) = %v, want %v", text, i, got, want)
			}
		}
	})
}

// quoteMarksRef is quoteMarks decoding every rune.
func quoteMarksRef(text string, sp span) []quoteMark {
	var marks []quoteMark
	for i := sp.Start; i < sp.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		var m quoteMark
		switch r {
		case '“', '„', '«':
			m = quoteMark{family: 'd', role: markOpen}
			if r == '“' {
				// “ also closes German-style „…“ quotes.
				m.role = markEither
			}
		case '”', '»':
			m = quoteMark{family: 'd', role: markClose}
			if r == '”' && !wordBefore(text, sp.Start, i) && wordAfter(text, i+n, sp.End) {
				m.role = markEither
			}
		case '"':
			m = quoteMark{family: 'd', role: straightRole(text, sp, i, n)}
		case '‘':
			m = quoteMark{family: 's', role: markOpen}
		case '’', '\'':
			before, after := letterBefore(text, sp.Start, i), letterAfter(text, i+n, sp.End)
			switch {
			case before && after:
				m.role = markNone // apostrophe: don't, Jum'at
			case after && !before:
				m = quoteMark{family: 's', role: markOpen}
			case !after:
				m = quoteMark{family: 's', role: markClose}
			}
		}
		if m.role != markNone {
			m.pos, m.size, m.r = i, n, r
			marks = append(marks, m)
		}
		i += n
	}
	return marks
}

func TestQuoteMarksFast(t *testing.T) {
	texts := append([]string{"“a” ‘b’ „c“ «d» \"e\" 'f' don't", "\xe2\x80", "\xc2", "x\xe2\x80\x9c", "»«"}, corpusLines(t)...)
	for _, text := range texts {
		for _, sp := range []span{{0, len(text)}, {1, len(text)}, {0, len(text) / 2}} {
			if sp.Start > sp.End {
				continue
			}
			if got, want := quoteMarks(text, sp), quoteMarksRef(text, sp); !reflect.DeepEqual(got, want) {
				t.Fatalf("quoteMarks(%q, %v) = %v, want %v", text, sp, got, want)
			}
		}
	}
}

func FuzzQuoteMarks(f *testing.F) {
	f.Add("“a” ‘b’ „c“ «d» \"e\" 'f' don't")
	f.Fuzz(func(t *testing.T, text string) {
		sp := span{0, len(text)}
		if got, want := quoteMarks(text, sp), quoteMarksRef(text, sp); !reflect.DeepEqual(got, want) {
			t.Fatalf("quoteMarks(%q) = %v, want %v", text, got, want)
		}
	})
}

// isPlaceRef is isPlace looking every joined name up.
func isPlaceRef(ts []token) bool {
	if len(ts) == 1 && ts[0].Upper && placeAcronyms[ts[0].Norm] {
		return true
	}
	w := make([]string, len(ts))
	for i, t := range ts {
		w[i] = t.Norm
	}
	return places[strings.Join(w, " ")]
}

func TestIsPlaceFast(t *testing.T) {
	texts := append([]string{"New York City", "Korea Utara dan Korea Selatan", "Amerika Serikat AS UK", "Kuala Lumpur"}, corpusLines(t)...)
	for k := range places {
		texts = append(texts, k, strings.ToUpper(k), "di "+k+" kemarin")
	}
	found := 0
	for _, text := range texts {
		toks := tokenize(text, span{0, len(text)})
		for i := range toks {
			for n := 0; n <= 5 && i+n <= len(toks); n++ {
				got, want := isPlace(toks[i:i+n]), isPlaceRef(toks[i:i+n])
				if got != want {
					t.Fatalf("isPlace(%q) = %v, want %v", text, got, want)
				}
				if got && n > 1 {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no place of several words found")
	}
}

func TestFunctionWords(t *testing.T) {
	for _, lr := range []*langRules{rulesID, rulesEN} {
		words := []string{"", "putin", "Yang"}
		for _, m := range []map[string]bool{lr.stop, lr.npStop, lr.skip, lr.coord, lr.lead, lr.accordingPron, lr.accordingFirst, lr.roles} {
			for w := range m {
				words = append(words, w)
			}
		}
		for w := range lr.verbs {
			words = append(words, w)
		}
		for _, w := range words {
			want := lr.stop[w] || lr.npStop[w] || lr.skip[w] || lr.coord[w] || lr.verbs[w] != 0 || lr.lead[w]
			if got := lr.function(w); got != want {
				t.Errorf("function(%q) = %v, want %v", w, got, want)
			}
			_, verb := lr.verbs[w]
			if cue := lr.accordingPron[w] || lr.accordingFirst[w] || verb; lr.frameCue[w] != cue {
				t.Errorf("frameCue[%q] = %v, want %v", w, lr.frameCue[w], cue)
			}
		}
	}
}

// TestStarMatchHeads compares starMatch with a search of every stem.
func TestStarMatchHeads(t *testing.T) {
	lex, err := BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var s stars
	for _, st := range []string{"ab", "abc", "x", "diktator", "é"} {
		s.add(st, &Term{Term: st + "*"})
	}
	cases := []stars{s, {}}
	for _, lang := range Languages {
		cases = append(cases, lex.trie(lang).star)
	}
	words := []string{"", "a", "ab", "abcd", "x", "xy", "é", "ée", "diktatornya", "dikta"}
	for _, line := range corpusLines(t) {
		for _, tk := range tokenize(line, span{0, len(line)}) {
			words = append(words, tk.Norm)
		}
	}
	matched := 0
	for _, st := range cases {
		for _, w := range words {
			var want *Term
			best := -1
			for stem, term := range st.byStem {
				if strings.HasPrefix(w, stem) && len(stem) > best {
					want, best = term, len(stem)
				}
			}
			if got := starMatch(&st, w); got != want {
				t.Fatalf("starMatch(%q) = %v, want %v", w, got, want)
			}
			if want != nil {
				matched++
			}
		}
	}
	if matched == 0 {
		t.Fatal("no star term matched")
	}
}

// TestWordIndex compares the bits of wordInfos with the word lists they
// stand for, for every word of a list and every word of the corpora.
func TestWordIndex(t *testing.T) {
	words := []string{"", "putin", "Yang", "new york", "x y"}
	words = append(words, wordTab.keys[1:]...)
	for _, line := range corpusLines(t) {
		for _, tk := range tokenize(line, span{0, len(line)}) {
			words = append(words, tk.Norm)
		}
	}
	for _, w := range words {
		tk := token{Norm: w, kw: lookupWord(w)}
		for _, lr := range []*langRules{rulesID, rulesEN} {
			for _, l := range lr.wordLists() {
				if got, want := lr.is(&tk, l.flag), l.m[w]; got != want {
					t.Fatalf("is(%q, %#x) = %v, want %v", w, l.flag, got, want)
				}
			}
			if got, want := lr.is(&tk, wFunction), lr.function(w); got != want {
				t.Fatalf("is(%q, wFunction) = %v, want %v", w, got, want)
			}
			c, verb := lr.verbs[w]
			if got := lr.verbOf(&tk); got != c || verb && c == 0 {
				t.Fatalf("verbOf(%q) = %v, want %v", w, got, c)
			}
		}
		if got, want := tk.isWeekday(), weekdays[w]; got != want {
			t.Fatalf("isWeekday(%q) = %v, want %v", w, got, want)
		}
		if got, want := tk.month(), months[w]; got != want {
			t.Fatalf("month(%q) = %v, want %v", w, got, want)
		}
		g := tk.info().global
		if g&gPlace != 0 != places[w] || g&gPlaceAcronym != 0 != placeAcronyms[w] || g&gPlaceHead != 0 != placeHeads()[w] {
			t.Fatalf("global bits of %q = %#x", w, g)
		}
	}
}

// TestTokensOf compares the words of a span taken from those of a larger
// span with the span tokenized on its own.
func TestTokensOf(t *testing.T) {
	check := func(text string, b, sp span) {
		if sp.Start > sp.End {
			return
		}
		body := tokenize(text, b)
		got, next := tokensOf(text, body, sp, 0)
		want := tokenize(text, sp)
		if next < len(body) && body[next].Start < sp.End || next > 0 && body[next-1].Start >= sp.End {
			t.Fatalf("tokensOf(%q, %v, %v): next %d", text, b, sp, next)
		}
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("tokensOf(%q, %v, %v):\n got %+v\nwant %+v", text, b, sp, got, want)
		}
	}
	for _, text := range tokenTexts {
		for i := 0; i <= len(text); i++ {
			for j := i; j <= len(text); j++ {
				check(text, span{0, len(text)}, span{i, j})
				check(text, span{i, len(text)}, span{i, j})
			}
		}
	}
	for _, text := range corpusLines(t) {
		for i := 0; i <= len(text) && i < 40; i++ {
			check(text, span{0, len(text)}, span{i, len(text) - i/2})
			check(text, span{0, len(text)}, span{len(text) / 3, len(text) - i})
		}
	}
}

func FuzzTokensOf(f *testing.F) {
	for _, s := range tokenTexts {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, lo, hi int) {
		if lo < 0 || hi > len(text) || lo > hi {
			lo, hi = 0, len(text)
		}
		sp := span{lo, hi}
		got, _ := tokensOf(text, tokenize(text, span{0, len(text)}), sp, 0)
		want := tokenize(text, sp)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("tokensOf(%q, %v):\n got %+v\nwant %+v", text, sp, got, want)
		}
	})
}

// TestWordTable compares wordTable lookups with a map's.
func TestWordTable(t *testing.T) {
	keys := []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnopq", "abcdefghXjklmnopq", "é", "\x00", "\x00\x00"}
	m := make(map[string]uint32)
	for k, w := range keys {
		m[w] = uint32(k)
	}
	for _, w := range wordTab.keys[1:] {
		if _, dup := m[w]; !dup {
			m[w] = uint32(len(keys))
			keys = append(keys, w)
		}
	}
	tab := newWordTable(keys)
	words := append([]string{"abcdefghYjklmnopq", "b", "ba", "\x00\x00\x00", "abcdefgh\x00"}, keys...)
	for _, line := range corpusLines(t) {
		for _, tk := range tokenize(line, span{0, len(line)}) {
			words = append(words, tk.Norm, tk.Norm+"x", tk.Norm[:len(tk.Norm)/2])
		}
	}
	for _, w := range words {
		want, wantOK := m[w]
		if got, ok := tab.lookup(w); got != want || ok != wantOK {
			t.Fatalf("lookup(%q) = %d, %v; want %d, %v", w, got, ok, want, wantOK)
		}
	}
	if k, ok := newWordTable(nil).lookup("x"); ok || k != 0 {
		t.Fatalf("lookup in an empty table = %d, %v", k, ok)
	}
}

// TestHasWords compares hasWords with counting every word, on the corpus
// lines and their parts.
func TestHasWords(t *testing.T) {
	for _, line := range corpusLines(t) {
		for _, sp := range []span{{0, len(line)}, {len(line) / 3, len(line)}, {1, len(line) / 2}} {
			if sp.Start > sp.End || sp.End > len(line) {
				continue
			}
			c := countWords(line, sp)
			for n := 0; n <= c+1; n++ {
				if got := hasWords(line, sp, n); got != (c >= n) {
					t.Fatalf("hasWords(%q, %v, %d) = %v, countWords says %d", line, sp, n, got, c)
				}
			}
		}
	}
}

// TestIsWordRune checks isWordRune, by its table, against the unicode
// tables on every rune and a few values that are none.
func TestIsWordRune(t *testing.T) {
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		if got, want := isWordRune(r), isWordRuneUnicode(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}
