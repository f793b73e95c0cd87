package analysis

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// annotation is one hand-annotated article (testdata/annotations/README.md).
type annotation struct {
	Article      string   `json:"article"`
	Outlet       string   `json:"outlet"`
	Credits      []string `json:"credits"`
	RemovedLines []int    `json:"removed_lines"`
	RemovedSpans []struct {
		Text string `json:"text"`
		Rule string `json:"rule"`
	} `json:"removed_spans"`
	Quotes []struct {
		Kind         string   `json:"kind"`
		Speaker      string   `json:"speaker"`
		Alternatives []string `json:"speaker_alternatives"`
		Text         string   `json:"text"`
		Words        int      `json:"words"`
		Occurrence   int      `json:"occurrence"`
		Optional     bool     `json:"optional"`
		Note         string   `json:"note"`
	} `json:"quotes"`
	Terms []struct {
		Text       string `json:"text"`
		Occurrence int    `json:"occurrence"`
		Kind       string `json:"kind"`
		Category   string `json:"category"`
		Voice      string `json:"voice"`
		Optional   bool   `json:"optional"`
		Note       string `json:"note"`
	} `json:"terms"`
}

// score counts agreement between the extractor and the annotations for one feature.
type score struct {
	tp, fp, fn int
	misses     []string // for the failure message
}

func (s *score) precision() float64 {
	if s.tp+s.fp == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fp)
}

func (s *score) recall() float64 {
	if s.tp+s.fn == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.tp+s.fn)
}

func (s *score) miss(format string, args ...any) {
	s.misses = append(s.misses, fmt.Sprintf(format, args...))
}

// nthIndex returns the offset of the n-th (1-based) occurrence of sub in
// text, case-insensitively on word boundaries when words is set.
func nthIndex(text, sub string, n int, words bool) (int, int) {
	if n < 1 {
		n = 1
	}
	pat := regexp.QuoteMeta(sub)
	if words {
		pat = `(?i)(?:^|[^\p{L}\p{N}])(` + pat + `)(?:$|[^\p{L}\p{N}])`
	} else {
		pat = `(` + pat + `)`
	}
	re := regexp.MustCompile(pat)
	from := 0
	for {
		m := re.FindStringSubmatchIndex(text[from:])
		if m == nil {
			return -1, -1
		}
		n--
		if n == 0 {
			return from + m[2], from + m[3]
		}
		from += m[3]
	}
}

// overlap is the share of the union of [a0,a1) and [b0,b1) that they share.
func overlap(a0, a1, b0, b1 int) float64 {
	lo, hi := max(a0, b0), min(a1, b1)
	if hi <= lo {
		return 0
	}
	return float64(hi-lo) / float64(max(a1, b1)-min(a0, b0))
}

func sameName(a string, bs ...string) bool {
	for _, b := range bs {
		if strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) {
			return true
		}
	}
	return false
}

// annotationSets are the hand-annotated corpora: the seeds and the English
// test corpus the rules were developed on, and a held-out corpus written
// and annotated separately, on an event the rules were not tuned for.
var annotationSets = []struct {
	name        string
	annotations string
	corpora     []string
}{
	{"seeds+en", "../testdata/annotations/*.json", []string{"../testdata/summit", "../testdata/en"}},
	{"holdout", "../testdata/holdout/annotations/*.json", []string{"../testdata/holdout"}},
	{"holdout2", "../testdata/holdout2/annotations/*.json", []string{"../testdata/holdout2"}},
}

// TestAnnotations scores the extractor against the hand annotations
// (testdata/annotations/README.md), prints precision and recall per
// feature and fails below 0.95.
//
// A found quote matches an annotated one of the same kind whose span it
// overlaps by at least 60% of their union; a term match must overlap the
// annotated words and have the same kind. Speaker, voice, category and
// word counts are then scored on the matched pairs. Entries marked
// "optional" count neither as found nor as missed.
func TestAnnotations(t *testing.T) {
	for _, set := range annotationSets {
		t.Run(set.name, func(t *testing.T) { scoreSet(t, set.annotations, set.corpora) })
	}
}

func scoreSet(t *testing.T, glob string, corpora []string) {
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no annotations %s: %v", glob, err)
	}
	anns := map[string]*annotation{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := &annotation{}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		anns[a.Article] = a
	}
	feats := []string{"outlet", "credits", "removed lines", "removed spans", "quotes", "quote speaker", "quoted words", "terms", "term voice", "term category"}
	sc := map[string]*score{}
	for _, f := range feats {
		sc[f] = &score{}
	}
	seen := 0
	for _, dir := range corpora {
		res := analyzeFolder(t, dir)
		for _, ar := range res.Articles {
			ann := anns[ar.ID]
			if ann == nil {
				continue
			}
			seen++
			scoreArticle(sc, ann, ar, res, articleText(t, ar.Path))
		}
	}
	if seen != len(anns) {
		t.Errorf("%d annotated articles, %d found in the test corpora", len(anns), seen)
	}
	t.Logf("%-14s %5s %5s %5s %9s %7s", "feature", "tp", "fp", "fn", "precision", "recall")
	for _, f := range feats {
		s := sc[f]
		t.Logf("%-14s %5d %5d %5d %9.3f %7.3f", f, s.tp, s.fp, s.fn, s.precision(), s.recall())
		if s.precision() < 0.95 || s.recall() < 0.95 {
			t.Errorf("%s: precision %.3f, recall %.3f, want both >= 0.95:\n\t%s", f, s.precision(), s.recall(), strings.Join(s.misses, "\n\t"))
		} else if testing.Verbose() && len(s.misses) > 0 {
			t.Logf("  %s", strings.Join(s.misses, "\n  "))
		}
	}
}

func analyzeFolder(t *testing.T, dir string) *Result {
	t.Helper()
	c, err := ReadCorpus([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var book *Codebook
	for _, f := range c.SpeakerFiles {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if book == nil {
			book = NewCodebook()
		}
		if err := book.ParseSpeakers(bytes.NewReader(b), f); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Analyze(c, &Options{Speakers: book})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func articleText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func scoreArticle(sc map[string]*score, ann *annotation, ar *ArticleResult, res *Result, text string) {
	id := ar.ID
	// Outlet and credits.
	if ar.Outlet == ann.Outlet {
		sc["outlet"].tp++
	} else {
		sc["outlet"].fp++
		sc["outlet"].fn++
		sc["outlet"].miss("%s: outlet %q, want %q", id, ar.Outlet, ann.Outlet)
	}
	setScore(sc["credits"], id, ar.Credits, ann.Credits)

	// Removed lines: whole lines only; partial-line removals are spans.
	lines := strings.Split(text, "\n")
	var gotLines []string
	var gotSpans []*Removal
	for _, r := range ar.RemovedLines {
		if r.Line >= 1 && r.Line <= len(lines) && strings.TrimSpace(r.Text) == strings.TrimSpace(lines[r.Line-1]) {
			gotLines = append(gotLines, fmt.Sprint(r.Line))
		} else {
			gotSpans = append(gotSpans, r)
		}
	}
	var wantLines []string
	for _, l := range ann.RemovedLines {
		wantLines = append(wantLines, fmt.Sprint(l))
	}
	setScore(sc["removed lines"], id, gotLines, wantLines)
	s := sc["removed spans"]
	usedSpan := make([]bool, len(gotSpans))
	for _, w := range ann.RemovedSpans {
		found := false
		for i, g := range gotSpans {
			if !usedSpan[i] && strings.TrimSpace(g.Text) == strings.TrimSpace(w.Text) {
				usedSpan[i], found = true, true
				break
			}
		}
		if found {
			s.tp++
		} else {
			s.fn++
			s.miss("%s: span %q not removed", id, w.Text)
		}
	}
	for i, g := range gotSpans {
		if !usedSpan[i] {
			s.fp++
			s.miss("%s: line %d: removed %q (%s), not annotated", id, g.Line, g.Text, g.Rule)
		}
	}

	// Quotes.
	var got []*Quote
	for _, q := range res.Quotes.All() {
		if q.Article == id {
			got = append(got, &q)
		}
	}
	qs, sp, qw := sc["quotes"], sc["quote speaker"], sc["quoted words"]
	usedQ := make([]bool, len(got))
	for _, w := range ann.Quotes {
		ws, we := nthIndex(text, w.Text, w.Occurrence, false)
		best, bestOv := -1, 0.6
		for i, g := range got {
			if usedQ[i] || g.Kind != w.Kind {
				continue
			}
			if ov := overlap(ws, we, g.Start, g.End); ov >= bestOv {
				best, bestOv = i, ov
			}
		}
		if best < 0 {
			if !w.Optional {
				qs.fn++
				qs.miss("%s: missed %s %q (%s)", id, w.Kind, w.Text, w.Speaker)
			}
			continue
		}
		usedQ[best] = true
		if w.Optional {
			continue
		}
		qs.tp++
		g := got[best]
		if sameName(g.Speaker, append([]string{w.Speaker}, w.Alternatives...)...) {
			sp.tp++
		} else {
			sp.fp++
			sp.fn++
			sp.miss("%s: %s %q: speaker %q, want %q", id, w.Kind, w.Text, g.Speaker, w.Speaker)
		}
		if w.Kind == KindDirect || w.Kind == KindPartial {
			if g.Words == w.Words {
				qw.tp++
			} else {
				qw.fp++
				qw.fn++
				qw.miss("%s: %q: %d words, want %d", id, w.Text, g.Words, w.Words)
			}
		}
	}
	for i, g := range got {
		if !usedQ[i] {
			qs.fp++
			qs.miss("%s: found %s %q (%s), not annotated", id, g.Kind, g.Text, g.Speaker)
		}
	}

	// Terms.
	var gotM []*Match
	for _, m := range res.Matches.All() {
		if m.Article == id {
			gotM = append(gotM, &m)
		}
	}
	ts, tv, tc := sc["terms"], sc["term voice"], sc["term category"]
	usedM := make([]bool, len(gotM))
	for _, w := range ann.Terms {
		ws, we := nthIndex(text, w.Text, w.Occurrence, true)
		best := -1
		for i, g := range gotM {
			if !usedM[i] && g.Kind == w.Kind && overlap(ws, we, g.Start, g.End) > 0 {
				best = i
				break
			}
		}
		if best < 0 {
			if !w.Optional {
				ts.fn++
				ts.miss("%s: missed %s %q #%d", id, w.Kind, w.Text, w.Occurrence)
			}
			continue
		}
		usedM[best] = true
		if w.Optional {
			continue
		}
		ts.tp++
		g := gotM[best]
		for _, c := range []struct {
			s         *score
			got, want string
		}{{tv, g.Voice, w.Voice}, {tc, g.Category, w.Category}} {
			if c.got == c.want {
				c.s.tp++
			} else {
				c.s.fp++
				c.s.fn++
				c.s.miss("%s: %q #%d: %q, want %q", id, w.Text, w.Occurrence, c.got, c.want)
			}
		}
	}
	for i, g := range gotM {
		if !usedM[i] {
			ts.fp++
			ts.miss("%s: found %s %q (%s) in %q, not annotated", id, g.Kind, g.Text, g.Term, g.Sentence)
		}
	}
}

// setScore scores two sets of strings.
func setScore(s *score, id string, got, want []string) {
	g := map[string]bool{}
	for _, x := range got {
		g[x] = true
	}
	w := map[string]bool{}
	for _, x := range want {
		w[x] = true
	}
	for _, x := range sortedKeys(w) {
		if g[x] {
			s.tp++
		} else {
			s.fn++
			s.miss("%s: missing %q", id, x)
		}
	}
	extra := []string{}
	for x := range g {
		if !w[x] {
			extra = append(extra, x)
		}
	}
	sort.Strings(extra)
	for _, x := range extra {
		s.fp++
		s.miss("%s: extra %q", id, x)
	}
}
