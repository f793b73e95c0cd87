package analysis

import (
	"reflect"
	"testing"
)

// appendNameRunsRef is appendNameRuns without its shortcut for runs of
// one word: speakerName is asked about every run.
func appendNameRunsRef(out []string, text string, toks []token, lr *langRules) []string {
	for i := 0; i < len(toks); {
		if !toks[i].Cap {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Cap && !hasBreak(text, toks[j-1].End, toks[j].Start) {
			j++
		}
		k := i
		for k < j && (k == 0 || atClauseStart(text, toks, k)) && lr.is(&toks[k], wFunction) {
			k++
		}
		run := speakerName(toks[k:j], lr)
		if len(run) >= 2 && hasProperName(run, lr) && !isPlace(run) {
			out = append(out, text[run[0].Start:run[len(run)-1].End])
		}
		i = j
	}
	return out
}

// sameNameRuns checks appendNameRuns against appendNameRunsRef on the
// words of text, taken as one sentence, in both languages.
func sameNameRuns(t *testing.T, text string) {
	t.Helper()
	toks := tokenize(text, span{0, len(text)})
	for _, lr := range []*langRules{rulesID, rulesEN} {
		got, want := appendNameRuns(nil, text, toks, lr), appendNameRunsRef(nil, text, toks, lr)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("appendNameRuns(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestNameRunsFast(t *testing.T) {
	for _, l := range corpusLines(t) {
		sameNameRuns(t, l)
	}
}

// FuzzNameRuns checks appendNameRuns against appendNameRunsRef on any text.
func FuzzNameRuns(f *testing.F) {
	for _, s := range []string{
		"Presiden Rusia Vladimir Putin dan Kim Jong Un, kata Bagi Putin.",
		"Marta Quill of the Lindgate Institute said Kestrania's Prime Minister Viktor Haldane",
		"A B. C D, E",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { sameNameRuns(t, text) })
}
