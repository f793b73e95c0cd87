package analysis

import (
	"cmp"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// TestSortFunc checks sortFunc against slices.SortFunc: the same order
// for a strict order, and for one with ties a sorted permutation that is
// the same on one core as on several.
func TestSortFunc(t *testing.T) {
	type item struct{ key, i int }
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 5, 4095, 4096, 4097, 10_001, 65_536} {
		s := make([]item, n)
		for i := range s {
			s[i] = item{rng.IntN(n/3 + 1), i}
		}
		strict := func(a, b item) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.i, b.i)) }
		want, got := slices.Clone(s), slices.Clone(s)
		slices.SortFunc(want, strict)
		sortFunc(got, strict)
		if !slices.Equal(got, want) {
			t.Errorf("n=%d: strict order differs from slices.SortFunc", n)
		}
		byKey := func(a, b item) int { return cmp.Compare(a.key, b.key) }
		many := slices.Clone(s)
		sortFunc(many, byKey)
		if !slices.IsSortedFunc(many, byKey) {
			t.Errorf("n=%d: with ties, not sorted", n)
		}
		one := slices.Clone(s)
		func() {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			sortFunc(one, byKey)
		}()
		if !slices.Equal(one, many) {
			t.Errorf("n=%d: with ties, one core and several give different orders", n)
		}
	}
}
