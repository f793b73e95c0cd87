package analysis

import (
	"strings"
	"testing"
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
