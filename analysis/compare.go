package analysis

// Outlet comparison statistics: stopwords and content words, distinguishing
// terms by the log-odds ratio with an informative Dirichlet prior, and
// chi-square tests of whether outlets differ on a feature.

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Stopwords and content words.

var (
	stopwordsOnce sync.Once
	// stopwordSets maps "id" and "en" to their stopword sets.
	stopwordSets map[string]map[string]bool
)

// loadStopwords reads lexicon/stopwords-<lang>.txt from the embedded files.
func loadStopwords() {
	stopwordSets = make(map[string]map[string]bool)
	for _, lang := range Languages {
		m := make(map[string]bool)
		if b, err := fs.ReadFile(lexiconFS, "lexicon/stopwords-"+lang+".txt"); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if i := strings.IndexByte(l, '#'); i >= 0 {
					l = l[:i]
				}
				if l = strings.TrimSpace(l); l != "" {
					m[normWord(l)] = true
				}
			}
		}
		stopwordSets[lang] = m
	}
}

// stopwordSet returns the stopword set of a language; like rulesFor, any
// language other than "en" is treated as Indonesian.
func stopwordSet(lang string) map[string]bool {
	stopwordsOnce.Do(loadStopwords)
	if lang == "en" {
		return stopwordSets["en"]
	}
	return stopwordSets["id"]
}

// isStopword reports whether the normalised word w is in the stopword list
// of lang, regardless of the overrides applied by contentWord.
func isStopword(lang, w string) bool { return stopwordSet(lang)[w] }

// contentWord reports whether the normalised word w (a token's Norm)
// should be counted when comparing the vocabulary of outlets. It is false
// for stopwords, pure numbers ("2023", "3,5") and one-letter words, except
// that stopwords never drop hedges or reporting verbs: a word is always a
// content word when it is a single-word lexicon term of that language (a
// hedge or a loaded term, including a match of a term ending in "*"), a
// reporting verb of the language, or a one-word "according to" marker
// ("menurut"). lex may be nil.
func contentWord(lang string, w string, lex *Lexicon) bool {
	if w == "" {
		return false
	}
	if lang != "en" {
		lang = "id"
	}
	rules := rulesFor(lang)
	if rules.verbs[w] != 0 || lexiconWord(lex, lang, w) {
		return true
	}
	for _, a := range rules.according {
		if a == w {
			return true
		}
	}
	if utf8.RuneCountInString(w) == 1 || numericWord(w) {
		return false
	}
	return !isStopword(lang, w)
}

// lexiconWord reports whether w on its own is a term of lex in lang.
func lexiconWord(lex *Lexicon, lang, w string) bool {
	if lex == nil {
		return false
	}
	root := lex.trie(lang)
	if n := root.next[w]; n != nil && n.term != nil {
		return true
	}
	return starMatch(&root.star, w) != nil
}

// numericWord reports whether w is made of digits and the separators a token
// may hold between them (".", ",", "-"), with at least one digit.
func numericWord(w string) bool {
	digit := false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case r == '.' || r == ',' || r == '-':
		default:
			return false
		}
	}
	return digit
}

// Distinguishing terms.

// priorScale is κ in α_0 = κ·N, the total prior count of the informative
// Dirichlet prior, where N is the number of (content) words in the corpus
// being compared. κ = 1 makes the prior as strong as the corpus itself:
// with the default background (the corpus), α_w is the corpus count of w,
// the "whole corpus as the prior" choice often made in applications of
// Monroe, Colaresi & Quinn (2008), whose own α_0 depends on the data set.
// It shrinks rare words strongly: with two outlets of equal size a word
// used c times by one and never by the other reaches z = 1.96 only from
// about c = 12.
const priorScale = 1.0

// backgroundPseudoCount is added to every word's count in a user
// background file (and to words the file lacks), so that a word unseen in
// the background still gets a small positive α_w.
const backgroundPseudoCount = 0.01

// Distinctive is one term that sets an outlet apart from the other outlets
// of the corpus: the log-odds ratio with informative Dirichlet prior of
// Monroe, Colaresi & Quinn (2008), "Fightin' Words", of the outlet against
// all other outlets pooled.
type Distinctive struct {
	// Outlet is the outlet the term distinguishes.
	Outlet string `json:"outlet"`
	// Term is the word.
	Term string `json:"term"`
	// Count is the number of occurrences in the outlet.
	Count int `json:"count"`
	// Z is the z-score of the log-odds ratio, rounded to 4 decimals;
	// positive when the outlet uses the word more than the others.
	Z float64 `json:"z"`
	// LogOdds is δ, the estimated log-odds ratio, rounded to 4 decimals.
	LogOdds float64 `json:"log_odds"`
}

// logOddsScore is the unrounded δ and z of one word for one outlet.
type logOddsScore struct {
	count    int
	delta, z float64
}

// logOddsScores computes δ and z for every outlet and every word used in
// the corpus (outlet -> word -> score). Outlets with no words are left
// out; it returns nil when fewer than two outlets or fewer than two
// distinct words have counts. Negative counts are read as zero. A score
// that is not finite is left out (it cannot happen with valid counts).
//
// For outlet i against j (all other outlets pooled), word w:
//
//	δ_w = log((y_iw+α_w)/(n_i+α_0−y_iw−α_w)) − log((y_jw+α_w)/(n_j+α_0−y_jw−α_w))
//	σ²_w ≈ 1/(y_iw+α_w) + 1/(y_jw+α_w),  z_w = δ_w/σ_w
//
// with α_0 = priorScale·N and α_w = α_0·π_w, where π_w is the corpus share
// of w, or with a background, (b_w + ε)/(Σb + ε·|V|), ε =
// backgroundPseudoCount and V the union of the corpus and background words.
func logOddsScores(counts map[string]map[string]int, background map[string]float64) map[string]map[string]logOddsScore {
	tc := countsByID(counts)
	m := newLogOdds(tc, background)
	if m == nil {
		return nil
	}
	out := make(map[string]map[string]logOddsScore, len(m.outlets))
	for _, i := range m.outlets {
		c := make([]int, len(tc.words))
		for _, x := range tc.counts[i] {
			c[x.id] = x.n
		}
		scores := make(map[string]logOddsScore, len(m.vocab))
		for _, id := range m.vocab {
			if s, ok := m.score(i, id, c[id]); ok {
				scores[tc.words[id]] = s
			}
		}
		out[tc.outlets[i]] = scores
	}
	return out
}

// termCounts holds how often each outlet uses each word, by word index.
type termCounts struct {
	outlets []string    // sorted
	words   []string    // distinct
	counts  [][]idCount // per outlet, its words (any order, each once)
}

// idCount is a count of the word words[id] of a termCounts.
type idCount struct {
	id uint32
	n  int
}

// countsByID returns counts (outlet -> word -> count) as a termCounts.
func countsByID(counts map[string]map[string]int) *termCounts {
	tc := &termCounts{outlets: sortedKeys(counts)}
	ids := map[string]uint32{}
	for _, o := range tc.outlets {
		var cs []idCount
		for w, n := range counts[o] {
			id, ok := ids[w]
			if !ok {
				id = uint32(len(tc.words))
				ids[w] = id
				tc.words = append(tc.words, w)
			}
			cs = append(cs, idCount{id, n})
		}
		tc.counts = append(tc.counts, cs)
	}
	return tc
}

// logOdds is what the log-odds scores of all outlets share, words by
// their index in a termCounts.
type logOdds struct {
	outlets []int     // the outlets with words
	vocab   []uint32  // the words with counts
	n       []float64 // per outlet, its words
	total   []float64 // per word, its corpus count
	alpha   []float64 // per word, α_w
	N       float64
	alpha0  float64
}

// newLogOdds returns the shared part of the scores of tc, or nil when
// fewer than two outlets or fewer than two distinct words have counts.
func newLogOdds(tc *termCounts, background map[string]float64) *logOdds {
	m := &logOdds{n: make([]float64, len(tc.outlets)), total: make([]float64, len(tc.words))}
	// Sums of whole counts are exact in float64, so their order does not matter.
	for i, cs := range tc.counts {
		for _, x := range cs {
			if x.n > 0 {
				m.n[i] += float64(x.n)
				m.total[x.id] += float64(x.n)
			}
		}
		if m.n[i] > 0 {
			m.outlets = append(m.outlets, i)
		}
	}
	m.vocab = make([]uint32, 0, len(tc.words))
	for id, t := range m.total {
		if t > 0 {
			m.vocab = append(m.vocab, uint32(id))
			m.N += t
		}
	}
	if len(m.outlets) < 2 || len(m.vocab) < 2 {
		return nil
	}
	m.alpha0 = priorScale * m.N
	m.alpha = make([]float64, len(tc.words))
	if background == nil {
		for _, id := range m.vocab {
			m.alpha[id] = m.alpha0 * m.total[id] / m.N
		}
	} else {
		vocab := make([]string, len(m.vocab))
		for k, id := range m.vocab {
			vocab[k] = tc.words[id]
		}
		bg, bgTotal, size := backgroundCounts(background, vocab)
		den := bgTotal + backgroundPseudoCount*float64(size)
		for _, id := range m.vocab {
			m.alpha[id] = m.alpha0 * (bg[tc.words[id]] + backgroundPseudoCount) / den
		}
	}
	return m
}

// score returns the score of word id, used c times by outlet i, and false
// when it is not finite.
func (m *logOdds) score(i int, id uint32, c int) (logOddsScore, bool) {
	a := m.alpha[id]
	ni := m.n[i]
	nj := m.N - ni
	yi := float64(max(c, 0))
	yj := m.total[id] - yi
	delta := math.Log((yi+a)/(ni+m.alpha0-yi-a)) - math.Log((yj+a)/(nj+m.alpha0-yj-a))
	z := delta / math.Sqrt(1/(yi+a)+1/(yj+a))
	if math.IsNaN(z) || math.IsInf(z, 0) || math.IsNaN(delta) || math.IsInf(delta, 0) {
		return logOddsScore{}, false
	}
	return logOddsScore{count: int(yi), delta: delta, z: z}, true
}

// backgroundCounts returns the usable background counts (finite, not
// negative), their total and the size of the union of their words with
// vocab. Counts are scaled down when their total would overflow.
func backgroundCounts(background map[string]float64, vocab []string) (map[string]float64, float64, int) {
	words := make([]string, 0, len(background))
	bg := make(map[string]float64, len(background))
	var biggest float64
	for w, c := range background {
		if c >= 0 && !math.IsInf(c, 0) { // also drops NaN
			bg[w] = c
			words = append(words, w)
			biggest = max(biggest, c)
		}
	}
	sort.Strings(words) // sum in a fixed order
	sum := func() float64 {
		var t float64
		for _, w := range words {
			t += bg[w]
		}
		return t
	}
	t := sum()
	if math.IsInf(t, 0) {
		for _, w := range words {
			bg[w] /= biggest
		}
		t = sum()
	}
	size := len(bg)
	for _, w := range vocab {
		if _, ok := bg[w]; !ok {
			size++
		}
	}
	return bg, t, size
}

// distinctiveTerms returns, for each outlet, the words that set it apart
// from all other outlets pooled: the top `top` words (all when top <= 0)
// that the outlet uses, by z-score of the log-odds ratio with informative
// Dirichlet prior (see logOddsScores), with z >= minZ (1.96 for about 5%
// two-sided). counts is outlet -> word -> count; background, when not
// nil, gives the prior's relative word frequencies (see ParseBackground);
// when nil the corpus itself is the background. The result is sorted by
// outlet, then z descending, then term. With fewer than two outlets there
// is nothing to compare and the result is empty (not nil).
func distinctiveTerms(counts map[string]map[string]int, background map[string]float64, top int, minZ float64) []*Distinctive {
	return distinctiveTermsOf(countsByID(counts), background, top, minZ)
}

// distinctiveTermsOf is distinctiveTerms of the counts in tc.
func distinctiveTermsOf(tc *termCounts, background map[string]float64, top int, minZ float64) []*Distinctive {
	m := newLogOdds(tc, background)
	if m == nil {
		return []*Distinctive{}
	}
	// Only the words an outlet uses can be among its terms: scoring every
	// word of the corpus for every outlet would cost outlets × vocabulary.
	per := make([][]*Distinctive, len(m.outlets))
	parallel(len(m.outlets), func(k int) {
		i := m.outlets[k]
		var ds []*Distinctive
		for _, x := range tc.counts[i] {
			if x.n <= 0 {
				continue
			}
			if s, ok := m.score(i, x.id, x.n); ok && s.z >= minZ {
				ds = append(ds, &Distinctive{Outlet: tc.outlets[i], Term: tc.words[x.id], Count: s.count,
					Z: roundDec(s.z, 4), LogOdds: roundDec(s.delta, 4)})
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
		per[k] = ds
	})
	if out := slices.Concat(per...); out != nil {
		return out
	}
	return []*Distinctive{}
}

// roundDec rounds x to the given number of decimals.
func roundDec(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r := math.Round(x*p) / p
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return x // too large to scale: already integral at that precision
	}
	if r == 0 {
		return 0 // no negative zero
	}
	return r
}

// ParseBackground reads a background word-frequency file for the prior of
// the distinguishing-terms comparison: one word, a tab and its count (a
// non-negative number, for example from a large reference corpus) per
// line; blank lines and lines starting with "#" are skipped. Words are
// normalised as tokens are (lower case, NFKC), and counts of words that
// normalise alike are added. Errors are *ParseError with the source and
// line.
func ParseBackground(r io.Reader, source string) (map[string]float64, error) {
	out := make(map[string]float64)
	err := scanTSV(r, source, "reading background frequencies", func(line int, f []string) error {
		perr := func(format string, args ...any) error {
			return &ParseError{Path: source, Line: line, Msg: fmt.Sprintf(format, args...)}
		}
		if len(f) != 2 {
			return perr("want word<TAB>count, got %d tab-separated field(s)", len(f))
		}
		word := strings.TrimSpace(f[0])
		if word == "" {
			return perr("empty word")
		}
		if !utf8.ValidString(word) {
			return perr("word is not valid UTF-8")
		}
		if strings.IndexFunc(word, unicode.IsSpace) >= 0 {
			return perr("word %q: want a single word", word)
		}
		c, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil || math.IsNaN(c) || math.IsInf(c, 0) || c < 0 {
			return perr("count %q: want a non-negative number", strings.TrimSpace(f[1]))
		}
		w := normWord(word)
		t := out[w] + c
		if math.IsInf(t, 0) {
			return perr("count of %q is too large", word)
		}
		out[w] = t
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Significance tests.

// Test is a test of whether outlets differ on one feature: Pearson's
// chi-square test of independence on a table of counts, outlets by
// categories.
type Test struct {
	// Feature names what was counted: "loaded", "hedges", "quoted_words_by_speaker".
	Feature string `json:"feature"`
	// Statistic is Pearson's chi-square (no continuity correction), rounded to 4 decimals.
	Statistic float64 `json:"statistic"`
	// DF is the degrees of freedom, (rows−1)(columns−1) after dropping empty rows and columns.
	DF int `json:"df"`
	// PValue is the chance of a chi-square this large if outlets did not
	// differ, rounded to 6 decimals; 1 when DF is 0.
	PValue float64 `json:"p_value"`
	// N is the total count in the table.
	N int `json:"n"`
	// MinExpected is the smallest expected cell count, rounded to 4
	// decimals, so a reader sees when the chi-square approximation is weak
	// (below 5).
	MinExpected float64 `json:"min_expected"`
	// Note says in plain language when the test cannot tell or is rough; "" otherwise.
	Note string `json:"note"`
}

// Thresholds for the notes of chiSquareTest.
const (
	// chiSquareMinN is the smallest total count worth testing.
	chiSquareMinN = 10
	// chiSquareRoughExpected: below this smallest expected count the
	// p-value is only a rough guide (the usual rule of thumb is 5).
	chiSquareRoughExpected = 5
)

// chiSquareTest runs Pearson's chi-square test of independence on a
// contingency table of counts (rows by columns; short rows are padded with
// zeros). All-zero rows and columns are dropped first. The p-value is the
// survival function of the chi-square distribution with (r−1)(c−1)
// degrees of freedom; when that is 0 (one row or column left) the
// statistic is 0, the p-value 1 and the note says there is too little to
// tell. Negative or non-finite counts are not a table: the result has
// p-value 1 and a note saying so.
func chiSquareTest(feature string, table [][]float64) *Test {
	t := &Test{Feature: feature, PValue: 1}
	cols := 0
	for _, row := range table {
		cols = max(cols, len(row))
		for _, v := range row {
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				t.Note = "not a table of counts (negative or non-finite values); no test"
				return t
			}
		}
	}
	cell := func(i, j int) float64 {
		if j < len(table[i]) {
			return table[i][j]
		}
		return 0
	}
	rowSum := make([]float64, len(table))
	colSum := make([]float64, cols)
	var total float64
	for i := range table {
		for j := 0; j < cols; j++ {
			rowSum[i] += cell(i, j)
			colSum[j] += cell(i, j)
			total += cell(i, j)
		}
	}
	if math.IsInf(total, 0) {
		t.Note = "counts too large to add up; no test"
		return t
	}
	t.N = int(math.Round(total))
	var rows, cs []int
	for i, s := range rowSum {
		if s > 0 {
			rows = append(rows, i)
		}
	}
	for j, s := range colSum {
		if s > 0 {
			cs = append(cs, j)
		}
	}
	if len(rows) < 2 || len(cs) < 2 {
		if total > 0 {
			// One row or column: each expected count equals the observed one.
			minObs := math.Inf(1)
			for _, i := range rows {
				for _, j := range cs {
					minObs = min(minObs, cell(i, j))
				}
			}
			t.MinExpected = roundDec(minObs, 4)
		}
		t.Note = "too few counts to tell: fewer than two outlets or two categories have any counts"
		return t
	}
	obs := make([]float64, 0, len(rows)*len(cs))
	exp := make([]float64, 0, len(rows)*len(cs))
	minExp := math.Inf(1)
	for _, i := range rows {
		for _, j := range cs {
			e := rowSum[i] * colSum[j] / total
			obs = append(obs, cell(i, j))
			exp = append(exp, e)
			minExp = min(minExp, e)
		}
	}
	chi := stat.ChiSquare(obs, exp)
	t.DF = (len(rows) - 1) * (len(cs) - 1)
	t.Statistic = roundDec(chi, 4)
	t.MinExpected = roundDec(minExp, 4)
	if p := (distuv.ChiSquared{K: float64(t.DF)}).Survival(chi); !math.IsNaN(p) {
		t.PValue = roundDec(p, 6)
	}
	switch {
	case total < chiSquareMinN:
		t.Note = fmt.Sprintf("too few counts to tell: only %d in the table", t.N)
	case minExp < 1:
		t.Note = "too few counts to tell: some expected counts are below 1"
	case minExp < chiSquareRoughExpected:
		t.Note = "rough: some expected counts are below 5, so the p-value is only a guide"
	}
	return t
}
