package analysis

import (
	"strings"
	"testing"
)

// checkHasBreak checks hasBreak against strings.ContainsAny on every gap
// text[a:b] of text, where a and b are no more than a few bytes apart.
func checkHasBreak(t *testing.T, text string) {
	t.Helper()
	for a := 0; a <= len(text); a++ {
		for b := max(a-1, 0); b <= min(a+6, len(text)); b++ {
			if got, want := hasBreak(text, a, b), strings.ContainsAny(between(text, a, b), breakMarks); got != want {
				t.Fatalf("hasBreak(%q, %d, %d) = %v, want %v", text, a, b, got, want)
			}
		}
	}
}

func TestHasBreakFast(t *testing.T) {
	checkHasBreak(t, "a , b; c: d (e) \"f\" “g” «h» ‘i’ 'j' —k– l\xe2\x80 m\xff, é—")
	lines := corpusLines(t)
	for _, l := range lines[:min(len(lines), 200)] {
		checkHasBreak(t, l)
	}
}

// FuzzHasBreak checks hasBreak against strings.ContainsAny on any text.
func FuzzHasBreak(f *testing.F) {
	f.Add("kata dia, “ya” — \xe2\x80\x94 ‘x’ é")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := hasBreak(text, 0, len(text)), strings.ContainsAny(text, breakMarks); got != want {
			t.Fatalf("hasBreak(%q) = %v, want %v", text, got, want)
		}
		if len(text) < 64 {
			checkHasBreak(t, text)
		}
	})
}
