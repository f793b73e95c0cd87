package analysis

import (
	"strings"
	"testing"
)

// TestBodyHasher checks bodyHasher against sha256Hex, on strings shorter
// and longer than its buffer, one hasher used for all in turn.
func TestBodyHasher(t *testing.T) {
	var h bodyHasher
	for _, n := range []int{0, 1, 63, 64, 65, 32<<10 - 1, 32 << 10, 32<<10 + 1, 100000} {
		s := strings.Repeat("kata é ", n/8+1)[:n]
		if got, want := h.sum(s), sha256Hex([]byte(s)); got != want {
			t.Errorf("len %d: %s, want %s", n, got, want)
		}
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
