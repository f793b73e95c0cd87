package analysis

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestStopwordLists(t *testing.T) {
	for _, tt := range []struct {
		lang string
		min  int
	}{{"id", 250}, {"en", 150}} {
		b, err := fs.ReadFile(lexiconFS, "lexicon/stopwords-"+tt.lang+".txt")
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]int{}
		for i, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			if prev, ok := seen[l]; ok {
				t.Errorf("%s:%d: %q already on line %d", tt.lang, i+1, l, prev)
			}
			seen[l] = i + 1
			toks := tokenize(l, span{0, len(l)})
			if len(toks) != 1 || toks[0].Norm != l {
				t.Errorf("%s:%d: %q is not one lower-case token", tt.lang, i+1, l)
			}
		}
		if len(seen) < tt.min {
			t.Errorf("%s: %d stopwords, want at least %d", tt.lang, len(seen), tt.min)
		}
		if got := len(stopwordSet(tt.lang)); got != len(seen) {
			t.Errorf("%s: loaded %d stopwords, file has %d", tt.lang, got, len(seen))
		}
	}
}

func TestContentWord(t *testing.T) {
	lex, err := BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang, w string
		lex     *Lexicon
		stop    bool // in the stopword list
		want    bool
	}{
		// Hedges and reporting verbs that the lists hold are kept.
		{"id", "mungkin", lex, true, true},
		{"id", "kemungkinan", lex, true, true},
		{"id", "mengatakan", nil, true, true}, // reporting verb: kept even without a lexicon
		{"id", "kata", nil, true, true},
		{"id", "katanya", nil, true, true},
		{"id", "menurut", nil, true, true}, // one-word "according to"
		{"en", "may", lex, true, true},
		{"en", "might", lex, true, true},
		{"en", "could", lex, true, true},
		{"en", "said", nil, true, true},
		// Without a lexicon a hedge is just a stopword.
		{"id", "mungkin", nil, true, false},
		{"en", "may", nil, true, false},
		// Ordinary stopwords, numbers, one-letter words.
		{"id", "yang", lex, true, false},
		{"id", "dan", lex, true, false},
		{"id", "bisa", lex, true, false}, // "bisa jadi" is a hedge, "bisa" alone is not
		{"id", "masing-masing", lex, true, false},
		{"en", "the", lex, true, false},
		{"en", "don't", lex, true, false},
		{"id", "2023", lex, false, false},
		{"id", "3,5", lex, false, false},
		{"en", "1.000.000", lex, false, false},
		{"id", "x", lex, false, false},
		{"en", "é", lex, false, false},
		{"id", "", lex, false, false},
		// Content words.
		{"id", "perang", lex, false, true},
		{"id", "kebijakan", nil, false, true},
		{"id", "1990-an", nil, false, true},
		{"en", "war", nil, false, true},
		{"en", "1990s", nil, false, true},
		// A word that is a lexicon term through a trailing "*" ("musuh*").
		{"id", "musuhnya", lex, false, true},
		// Unknown languages follow rulesFor: Indonesian.
		{"xx", "yang", lex, true, false},
		{"xx", "mengatakan", lex, true, true},
	} {
		if got := isStopword(tt.lang, tt.w); got != tt.stop {
			t.Errorf("isStopword(%q, %q) = %v, want %v", tt.lang, tt.w, got, tt.stop)
		}
		if got := contentWord(tt.lang, tt.w, tt.lex); got != tt.want {
			t.Errorf("contentWord(%q, %q, lex=%v) = %v, want %v", tt.lang, tt.w, tt.lex != nil, got, tt.want)
		}
	}
}

// TestStopwordsNeverDropHedgesOrVerbs checks every one-word built-in term
// and every reporting verb, whatever the stopword lists say.
func TestStopwordsNeverDropHedgesOrVerbs(t *testing.T) {
	lex, err := BuiltinLexicon()
	if err != nil {
		t.Fatal(err)
	}
	overridden := 0
	for _, term := range lex.Terms() {
		w := strings.TrimSuffix(term.Term, "*")
		if strings.Contains(w, " ") {
			continue
		}
		if isStopword(term.Language, w) {
			overridden++
		}
		if !contentWord(term.Language, w, lex) {
			t.Errorf("%s %s %q dropped", term.Language, term.Category, w)
		}
	}
	for _, lang := range Languages {
		for v := range rulesFor(lang).verbs {
			if isStopword(lang, v) {
				overridden++
			}
			if !contentWord(lang, v, nil) {
				t.Errorf("%s reporting verb %q dropped", lang, v)
			}
		}
	}
	if overridden < 10 {
		t.Errorf("only %d stopwords are hedges, terms or verbs; the override is barely tested", overridden)
	}
}

// handCorpus is the tiny corpus of the hand-computed checks.
//
//	         war  peace  talks  border   n
//	A          6      1      3       0   10
//	B          1      5      4       2   12
//	total      7      6      7       2   N = 22
func handCorpus() map[string]map[string]int {
	return map[string]map[string]int{
		"A": {"war": 6, "peace": 1, "talks": 3, "border": 0},
		"B": {"war": 1, "peace": 5, "talks": 4, "border": 2},
	}
}

// handBackground: Σb = 99.95, V = {war, peace, talks, the, border} (5
// words, border from the corpus), so Σb + 0.01·5 = 100 and with α_0 = 22:
//
//	α_war = α_peace = α_talks = 22·(2+0.01)/100 = 0.4422
//	α_border = 22·(0+0.01)/100 = 0.0022 (unseen in the background)
func handBackground() map[string]float64 {
	return map[string]float64{"war": 2, "peace": 2, "talks": 2, "the": 93.95}
}

func TestDistinctiveHandComputed(t *testing.T) {
	ln, sqrt := math.Log, math.Sqrt
	type want struct {
		delta, z float64 // exact arithmetic
		d4, z4   float64 // the same, rounded to 4 decimals by hand
	}
	for _, tt := range []struct {
		name string
		bg   map[string]float64
		// Outlet A; n_A = 10, n_B = 12, α_0 = N = 22.
		want map[string]want
	}{
		{
			// Default prior: α_w = corpus count (α_war 7, α_peace 6, α_talks 7, α_border 2).
			name: "corpus prior",
			want: map[string]want{
				// δ = ln((6+7)/(10+22−6−7)) − ln((1+7)/(12+22−1−7)) = ln(13/19) − ln(8/26)
				//   = ln(338/152) = ln(2.22368) = 0.79917
				// σ² = 1/13 + 1/8 = 0.076923 + 0.125 = 0.201923, σ = 0.449359
				// z = 0.79917/0.449359 = 1.77846
				"war": {ln(13.0/19) - ln(8.0/26), (ln(13.0/19) - ln(8.0/26)) / sqrt(1.0/13+1.0/8), 0.7992, 1.7785},
				// δ = ln((1+6)/(32−1−6)) − ln((5+6)/(34−5−6)) = ln(7/25) − ln(11/23)
				//   = ln(161/275) = ln(0.585455) = −0.53537
				// σ² = 1/7 + 1/11 = 0.233766, σ = 0.483494; z = −1.10729
				"peace": {ln(7.0/25) - ln(11.0/23), (ln(7.0/25) - ln(11.0/23)) / sqrt(1.0/7+1.0/11), -0.5354, -1.1073},
				// δ = ln(10/22) − ln(11/23) = ln(230/242) = −0.050858
				// σ² = 1/10 + 1/11 = 0.190909, σ = 0.436931; z = −0.116399
				"talks": {ln(10.0/22) - ln(11.0/23), (ln(10.0/22) - ln(11.0/23)) / sqrt(1.0/10+1.0/11), -0.0509, -0.1164},
				// δ = ln(2/30) − ln(4/30) = ln(1/2) = −0.693147
				// σ² = 1/2 + 1/4 = 0.75, σ = 0.866025; z = −0.800377
				"border": {ln(0.5), ln(0.5) / sqrt(0.75), -0.6931, -0.8004},
			},
		},
		{
			name: "background prior",
			bg:   handBackground(),
			want: map[string]want{
				// δ = ln(6.4422/(32−6−0.4422)) − ln(1.4422/(34−1−0.4422))
				//   = ln(6.4422/25.5578) − ln(1.4422/32.5578) = −1.37777 − (−3.11717) = 1.73877
				// σ² = 1/6.4422 + 1/1.4422 = 0.155227 + 0.693385 = 0.848612; z = 1.88751
				"war": {ln(6.4422/25.5578) - ln(1.4422/32.5578),
					(ln(6.4422/25.5578) - ln(1.4422/32.5578)) / sqrt(1/6.4422+1/1.4422), 1.7388, 1.8875},
				// δ = ln(1.4422/30.5578) − ln(5.4422/28.5578) = −3.05353 − (−1.65783) = −1.39570
				// σ² = 1/1.4422 + 1/5.4422 = 0.877134; z = −1.49025
				"peace": {ln(1.4422/30.5578) - ln(5.4422/28.5578),
					(ln(1.4422/30.5578) - ln(5.4422/28.5578)) / sqrt(1/1.4422+1/5.4422), -1.3957, -1.4903},
				// δ = ln(3.4422/28.5578) − ln(4.4422/29.5578) = −2.11586 − (−1.89524) = −0.22062
				// σ² = 1/3.4422 + 1/4.4422 = 0.515626; z = −0.30724
				"talks": {ln(3.4422/28.5578) - ln(4.4422/29.5578),
					(ln(3.4422/28.5578) - ln(4.4422/29.5578)) / sqrt(1/3.4422+1/4.4422), -0.2206, -0.3072},
				// δ = ln(0.0022/31.9978) − ln(2.0022/31.9978) = ln(0.0022/2.0022) = −6.81354
				// σ² = 1/0.0022 + 1/2.0022 = 455.045, σ = 21.3318; z = −0.31941:
				// the tiny prior leaves δ large but its variance larger still.
				"border": {ln(0.0022 / 2.0022), ln(0.0022/2.0022) / sqrt(1/0.0022+1/2.0022), -6.8135, -0.3194},
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			scores := logOddsScores(handCorpus(), tt.bg)
			if len(scores) != 2 {
				t.Fatalf("got %d outlets, want 2", len(scores))
			}
			for w, wt := range tt.want {
				got := scores["A"][w]
				if math.Abs(got.delta-wt.delta) > 1e-9 || math.Abs(got.z-wt.z) > 1e-9 {
					t.Errorf("A %s: δ=%v z=%v, want δ=%v z=%v", w, got.delta, got.z, wt.delta, wt.z)
				}
				if roundDec(got.delta, 4) != wt.d4 || roundDec(got.z, 4) != wt.z4 {
					t.Errorf("A %s: rounded δ=%v z=%v, hand %v %v", w, roundDec(got.delta, 4), roundDec(got.z, 4), wt.d4, wt.z4)
				}
				// Two outlets: B against A is A against B with the sign flipped.
				b := scores["B"][w]
				if math.Abs(b.z+got.z) > 1e-12 || math.Abs(b.delta+got.delta) > 1e-12 {
					t.Errorf("%s: z_A=%v z_B=%v δ_A=%v δ_B=%v, want opposite", w, got.z, b.z, got.delta, b.delta)
				}
				// Sign: A uses war more than B does, peace less.
				if w == "war" && got.z <= 0 || w == "peace" && got.z >= 0 {
					t.Errorf("A %s: z = %v has the wrong sign", w, got.z)
				}
			}
		})
	}
}

func TestDistinctiveOrdering(t *testing.T) {
	all := distinctiveTerms(handCorpus(), nil, 0, math.Inf(-1))
	var got []string
	for _, d := range all {
		got = append(got, d.Outlet+" "+d.Term)
	}
	// A: war 1.7785, talks −0.1164, peace −1.1073 (border: count 0, left out);
	// B: peace 1.1073, border 0.8004, talks 0.1164, war −1.7785.
	want := []string{"A war", "A talks", "A peace", "B peace", "B border", "B talks", "B war"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	if d := all[0]; *d != (Distinctive{Outlet: "A", Term: "war", Count: 6, Z: 1.7785, LogOdds: 0.7992}) {
		t.Errorf("first = %+v", *d)
	}
	if d := all[4]; *d != (Distinctive{Outlet: "B", Term: "border", Count: 2, Z: 0.8004, LogOdds: 0.6931}) {
		t.Errorf("B border = %+v", *d)
	}

	for _, tt := range []struct {
		name   string
		counts map[string]map[string]int
		top    int
		minZ   float64
		want   []string
	}{
		{"top 1", handCorpus(), 1, math.Inf(-1), []string{"A war", "B peace"}},
		{"z >= 0", handCorpus(), 0, 0, []string{"A war", "B peace", "B border", "B talks"}},
		{"none significant", handCorpus(), 10, 1.96, nil},
		// A: war 30, peace 5; B: war 5, peace 30; α = 35 each, α_0 = 70, n = 35:
		// δ_A(war) = ln(65/40) − ln(40/65) = 2·ln(1.625) = 0.971016, σ² = 1/65 + 1/40 = 0.040385,
		// σ = 0.200960, z = 0.971016/0.200960 = 4.8319.
		{"significant", map[string]map[string]int{"A": {"war": 30, "peace": 5}, "B": {"war": 5, "peace": 30}},
			10, 1.96, []string{"A war", "B peace"}},
		// Ties in z are broken by term.
		{"ties", map[string]map[string]int{"A": {"b": 3, "a": 3, "c": 1}, "B": {"a": 1, "b": 1, "c": 3}},
			0, 0, []string{"A a", "A b", "B c"}},
		{"one outlet", map[string]map[string]int{"A": {"war": 3, "peace": 2}}, 0, math.Inf(-1), nil},
		{"other outlet empty", map[string]map[string]int{"A": {"war": 3, "peace": 2}, "B": {"war": 0}}, 0, math.Inf(-1), nil},
		{"one word", map[string]map[string]int{"A": {"war": 3}, "B": {"war": 2}}, 0, math.Inf(-1), nil},
		{"no outlets", nil, 0, 0, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := distinctiveTerms(tt.counts, nil, tt.top, tt.minZ)
			if ds == nil {
				t.Fatal("nil result, want an empty slice")
			}
			var got []string
			for _, d := range ds {
				got = append(got, d.Outlet+" "+d.Term)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	sig := distinctiveTerms(map[string]map[string]int{"A": {"war": 30, "peace": 5}, "B": {"war": 5, "peace": 30}}, nil, 1, 1.96)
	if len(sig) != 2 || sig[0].Z != 4.8319 || sig[0].LogOdds != 0.971 || sig[1].Z != 4.8319 {
		for _, d := range sig {
			t.Errorf("significant: %+v", *d)
		}
	}
}

// TestDistinctivePooled checks that "all other outlets" are pooled: A's
// scores among A, B, C equal its scores against one outlet B+C.
func TestDistinctivePooled(t *testing.T) {
	three := map[string]map[string]int{
		"A": {"war": 6, "peace": 1, "talks": 3},
		"B": {"war": 1, "peace": 2, "talks": 4, "border": 2},
		"C": {"peace": 3, "talks": 1, "border": 5},
	}
	two := map[string]map[string]int{
		"A":  three["A"],
		"BC": {"war": 1, "peace": 5, "talks": 5, "border": 7},
	}
	for _, bg := range []map[string]float64{nil, handBackground()} {
		s3, s2 := logOddsScores(three, bg), logOddsScores(two, bg)
		if len(s3) != 3 {
			t.Fatalf("got %d outlets", len(s3))
		}
		for w, a := range s3["A"] {
			if b := s2["A"][w]; math.Abs(a.z-b.z) > 1e-12 || math.Abs(a.delta-b.delta) > 1e-12 {
				t.Errorf("%s: pooled %+v, two-outlet %+v", w, a, b)
			}
		}
	}
	// Deterministic output.
	if a, b := distinctiveTerms(three, nil, 0, math.Inf(-1)), distinctiveTerms(three, nil, 0, math.Inf(-1)); !reflect.DeepEqual(a, b) {
		t.Error("two runs differ")
	}
}

func TestParseBackground(t *testing.T) {
	got, err := ParseBackground(strings.NewReader(
		"\ufeff# reference counts\r\n\nWar\t2\r\nwar\t3\nperang\t1.5\n  # indented comment\nDON'T\t0\nnegara-negara\t 7 \n"), "bg.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"war": 5, "perang": 1.5, "don't": 0, "negara-negara": 7}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for _, tt := range []struct {
		in   string
		line int
		msg  string
	}{
		{"war\t1\npeace\n", 2, "want word<TAB>count"},
		{"war 1\n", 1, "want word<TAB>count"},
		{"war\t1\t2\n", 1, "want word<TAB>count"},
		{"# c\n\t3\n", 2, "empty word"},
		{"two words\t3\n", 1, "single word"},
		{"war\t-1\n", 1, "non-negative"},
		{"war\tNaN\n", 1, "non-negative"},
		{"war\tInf\n", 1, "non-negative"},
		{"war\tmany\n", 1, "non-negative"},
		{"war\t1e308\nwar\t1e308\n", 2, "too large"},
		{"ok\t1\n" + strings.Repeat("x", 2<<20) + "\t1\n", 2, "reading"},
	} {
		_, err := ParseBackground(strings.NewReader(tt.in), "bg.tsv")
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%.30q: error %v, want *ParseError", tt.in, err)
			continue
		}
		if pe.Path != "bg.tsv" || pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
			t.Errorf("%.30q: %v, want line %d and %q", tt.in, pe, tt.line, tt.msg)
		}
	}
}

func TestChiSquare(t *testing.T) {
	for _, tt := range []struct {
		name  string
		table [][]float64
		want  Test // Feature is filled in
	}{
		{
			// Expected 25 everywhere: χ² = 4·(5²/25) = 4; df 1; p = erfc(√2) = 0.0455003.
			name:  "2x2 uniform",
			table: [][]float64{{20, 30}, {30, 20}},
			want:  Test{Statistic: 4, DF: 1, PValue: 0.0455, N: 100, MinExpected: 25},
		},
		{
			// Rows 30, 70; columns 40, 60; N 100; expected 12, 18, 28, 42; every |o−e| = 2:
			// χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651; p = erfc(√(0.793651/2)) = 0.372998.
			name:  "2x2 textbook",
			table: [][]float64{{10, 20}, {30, 40}},
			want:  Test{Statistic: 0.7937, DF: 1, PValue: 0.372998, N: 100, MinExpected: 12},
		},
		{
			// Expected 10 everywhere: χ² = 4·(5²/10) = 10; df 2; p = e^(−10/2) = 0.006738.
			name:  "2x3",
			table: [][]float64{{5, 10, 15}, {15, 10, 5}},
			want:  Test{Statistic: 10, DF: 2, PValue: 0.006738, N: 60, MinExpected: 10},
		},
		{
			// Expected 20: χ² = 4·(5²/20) = 5; p = e^(−2.5) = 0.082085.
			name:  "2x3 weaker",
			table: [][]float64{{15, 20, 25}, {25, 20, 15}},
			want:  Test{Statistic: 5, DF: 2, PValue: 0.082085, N: 120, MinExpected: 20},
		},
		{
			name:  "zero row and column dropped",
			table: [][]float64{{5, 10, 0, 15}, {0, 0, 0, 0}, {15, 10, 0, 5}},
			want:  Test{Statistic: 10, DF: 2, PValue: 0.006738, N: 60, MinExpected: 10},
		},
		{
			name:  "ragged rows padded",
			table: [][]float64{{20, 30}, {30, 20, 0}},
			want:  Test{Statistic: 4, DF: 1, PValue: 0.0455, N: 100, MinExpected: 25},
		},
		{
			name:  "independent",
			table: [][]float64{{10, 20}, {20, 40}},
			want:  Test{Statistic: 0, DF: 1, PValue: 1, N: 90, MinExpected: 10},
		},
		{
			// Rows 12, 50; columns 40, 22; N 62; expected 7.7419, 4.2581, 32.2581, 17.7419;
			// every |o−e| = 2.2581 (= 140/62): χ² = 5.0989·(1/7.7419 + 1/4.2581 + 1/32.2581 + 1/17.7419)
			// = 2.3015; p = erfc(√(2.3015/2)) = 0.129248.
			name:  "rough",
			table: [][]float64{{10, 2}, {30, 20}},
			want: Test{Statistic: 2.3015, DF: 1, PValue: 0.129248, N: 62, MinExpected: 4.2581,
				Note: "rough: some expected counts are below 5, so the p-value is only a guide"},
		},
		{
			name:  "small N",
			table: [][]float64{{1, 2}, {3, 1}},
			want: Test{Statistic: 1.2153, DF: 1, PValue: 0.270289, N: 7, MinExpected: 1.2857,
				Note: "too few counts to tell: only 7 in the table"},
		},
		{
			// Expected for the 1-count column: 1·15/30 = 0.5.
			name:  "expected below 1",
			table: [][]float64{{1, 14}, {0, 15}},
			want: Test{Statistic: 1.0345, DF: 1, PValue: 0.309108, N: 30, MinExpected: 0.5,
				Note: "too few counts to tell: some expected counts are below 1"},
		},
		{
			name:  "one row",
			table: [][]float64{{3, 4, 5}},
			want: Test{PValue: 1, N: 12, MinExpected: 3,
				Note: "too few counts to tell: fewer than two outlets or two categories have any counts"},
		},
		{
			name:  "one column left",
			table: [][]float64{{3, 0}, {4, 0}},
			want: Test{PValue: 1, N: 7, MinExpected: 3,
				Note: "too few counts to tell: fewer than two outlets or two categories have any counts"},
		},
		{
			name:  "zeros",
			table: [][]float64{{0, 0}, {0, 0}},
			want: Test{PValue: 1,
				Note: "too few counts to tell: fewer than two outlets or two categories have any counts"},
		},
		{
			name: "empty",
			want: Test{PValue: 1,
				Note: "too few counts to tell: fewer than two outlets or two categories have any counts"},
		},
		{
			name:  "negative",
			table: [][]float64{{1, -1}, {2, 3}},
			want:  Test{PValue: 1, Note: "not a table of counts (negative or non-finite values); no test"},
		},
		{
			name:  "NaN",
			table: [][]float64{{1, math.NaN()}, {2, 3}},
			want:  Test{PValue: 1, Note: "not a table of counts (negative or non-finite values); no test"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.Feature = "loaded"
			if got := chiSquareTest("loaded", tt.table); *got != tt.want {
				t.Errorf("got  %+v\nwant %+v", *got, tt.want)
			}
		})
	}
	// The closed forms behind the p-values above.
	if p := roundDec(math.Erfc(math.Sqrt2), 6); p != 0.0455 {
		t.Errorf("erfc(√2) = %v", p)
	}
	if p := roundDec(math.Exp(-5), 6); p != 0.006738 {
		t.Errorf("e^-5 = %v", p)
	}
}

func FuzzParseBackground(f *testing.F) {
	for _, s := range []string{
		"war\t2\npeace\t3\n", "# c\n\nWar\t1.5\r\n", "\ufeffa\t0\n", "a\t-1\n", "a b\t1\n", "\t\t\n",
		"a\t1e308\na\t1e308\n", "x\tNaN\n", "Ｗａｒ\t1\n", "a\t0x10\n", "a\t1_000\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ParseBackground(strings.NewReader(in), "fuzz")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Path != "fuzz" {
				t.Fatalf("error %#v, want *ParseError with a line", err)
			}
			return
		}
		for w, c := range m {
			if w == "" || c < 0 || math.IsNaN(c) || math.IsInf(c, 0) {
				t.Fatalf("entry %q = %v", w, c)
			}
		}
	})
}

func FuzzDistinctive(f *testing.F) {
	f.Add([]byte{0, 0, 6, 0, 1, 1, 1, 0, 1, 1, 1, 5}, false)
	f.Add([]byte{0, 0, 6, 0, 1, 1, 1, 0, 1, 1, 1, 5, 2, 3, 255, 3, 4, 0}, true)
	f.Add([]byte{0, 0, 1, 1, 1, 1}, true)
	f.Fuzz(func(t *testing.T, data []byte, withBackground bool) {
		// Triples: outlet (of 4), word (of 6), count; 255 is a huge count, 0 a negative one.
		counts := map[string]map[string]int{}
		var bg map[string]float64
		if withBackground {
			bg = map[string]float64{}
		}
		words := []string{"a", "b", "c", "d", "e", "f"}
		for i := 0; i+2 < len(data); i += 3 {
			o, w, c := string(rune('A'+data[i]%4)), words[data[i+1]%6], int(data[i+2])
			switch c {
			case 255:
				c = 1 << 40
			case 0:
				c = -1
			}
			if counts[o] == nil {
				counts[o] = map[string]int{}
			}
			counts[o][w] = c
			if bg != nil {
				bg[words[(data[i+1]+data[i+2])%6]] = []float64{0, 1, 1e300, math.NaN(), -2, 0.5}[data[i]%6]
			}
		}
		ds := distinctiveTerms(counts, bg, 0, math.Inf(-1))
		if ds == nil {
			t.Fatal("nil result")
		}
		for _, d := range ds {
			if math.IsNaN(d.Z) || math.IsInf(d.Z, 0) || math.IsNaN(d.LogOdds) || math.IsInf(d.LogOdds, 0) || d.Count < 1 {
				t.Fatalf("bad %+v", *d)
			}
		}
		if !sort.SliceIsSorted(ds, func(i, j int) bool {
			a, b := ds[i], ds[j]
			if a.Outlet != b.Outlet {
				return a.Outlet < b.Outlet
			}
			if a.Z != b.Z {
				return a.Z > b.Z
			}
			return a.Term < b.Term
		}) {
			t.Fatal("not sorted")
		}
		scores := logOddsScores(counts, bg)
		for o, ws := range scores {
			for w, s := range ws {
				if math.IsNaN(s.z) || math.IsInf(s.z, 0) {
					t.Fatalf("%s %s: z = %v", o, w, s.z)
				}
			}
		}
		if len(scores) == 2 {
			var os []string
			for o := range scores {
				os = append(os, o)
			}
			for w, a := range scores[os[0]] {
				if b, ok := scores[os[1]][w]; ok && math.Abs(a.z+b.z) > 1e-9*math.Max(1, math.Abs(a.z)) {
					t.Fatalf("%s: z %v and %v not opposite", w, a.z, b.z)
				}
			}
		}
	})
}

// TestDistinctiveTermsScoresOnlyUsedWords checks distinctiveTerms, which
// scores each outlet on the words it uses, against the same terms picked
// from logOddsScores, which scores every outlet on every word, on random
// corpora with ties, zero and negative counts, and a background.
func TestDistinctiveTermsScoresOnlyUsedWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 40 {
		counts := map[string]map[string]int{}
		for o := range 2 + rng.IntN(8) {
			m := map[string]int{}
			for range rng.IntN(60) {
				m[fmt.Sprintf("w%d", rng.IntN(80))] = rng.IntN(12) - 1 // some zero or negative
			}
			counts[fmt.Sprintf("o%d", o)] = m
		}
		var bg map[string]float64
		if trial%2 == 1 {
			bg = map[string]float64{"w1": 40, "w2": 3, "other": 7}
		}
		top, minZ := rng.IntN(6), []float64{math.Inf(-1), 0, 1.96}[trial%3]
		want := []*Distinctive{}
		scores := logOddsScores(counts, bg)
		for _, o := range sortedKeys(scores) {
			var ds []*Distinctive
			for w, s := range scores[o] {
				if s.count > 0 && s.z >= minZ {
					ds = append(ds, &Distinctive{Outlet: o, Term: w, Count: s.count, Z: roundDec(s.z, 4), LogOdds: roundDec(s.delta, 4)})
				}
			}
			sort.Slice(ds, func(i, j int) bool {
				if ds[i].Z != ds[j].Z {
					return ds[i].Z > ds[j].Z
				}
				return ds[i].Term < ds[j].Term
			})
			if top > 0 && len(ds) > top {
				ds = ds[:top]
			}
			want = append(want, ds...)
		}
		if got := distinctiveTerms(counts, bg, top, minZ); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: distinctiveTerms differs from the terms of logOddsScores:\n got %v\nwant %v", trial, got, want)
		}
	}
}
