package analysis

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// parallel calls fn(i) for i in [0, n) on GOMAXPROCS goroutines.
func parallel(n int, fn func(i int)) { parallelW(n, func(_, i int) { fn(i) }) }

// workers is the number of goroutines parallelW uses for n items.
func workers(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// parallelW calls fn(w, i) for i in [0, n) on workers(n) goroutines,
// w being the goroutine's number, so that fn can keep state per goroutine.
func parallelW(n int, fn func(w, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers(n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(w, i)
			}
		}()
	}
	wg.Wait()
}

// sortParts is the number of parts sortFunc sorts on their own before
// merging them: fixed, so that the order of elements cmp finds equal does
// not depend on the number of cores.
const sortParts = 4

// sortFunc sorts s by cmp like slices.SortFunc, on up to sortParts
// goroutines: the parts are sorted at once, then merged two by two, the
// left part first on ties. When cmp is a strict order (no two elements
// equal) the result is the one sorted order; otherwise it depends on s and
// cmp only.
func sortFunc[T any](s []T, cmp func(a, b T) int) {
	if len(s) < 1<<12 {
		slices.SortFunc(s, cmp)
		return
	}
	var cut [sortParts + 1]int
	for i := range cut {
		cut[i] = i * len(s) / sortParts
	}
	parallel(sortParts, func(i int) { slices.SortFunc(s[cut[i]:cut[i+1]], cmp) })
	buf := make([]T, len(s))
	src, dst := s, buf
	for width := 1; width < sortParts; width *= 2 {
		parallel(sortParts/(2*width), func(j int) {
			lo, mid, hi := cut[2*j*width], cut[(2*j+1)*width], cut[min(sortParts, (2*j+2)*width)]
			mergeFunc(dst[lo:hi], src[lo:mid], src[mid:hi], cmp)
		})
		src, dst = dst, src
	}
	if &src[0] != &s[0] {
		copy(s, src)
	}
}

// mergeFunc merges the sorted a and b into dst, a's element first on ties.
func mergeFunc[T any](dst, a, b []T, cmp func(a, b T) int) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if cmp(b[j], a[i]) < 0 {
			dst[k] = b[j]
			j++
		} else {
			dst[k] = a[i]
			i++
		}
		k++
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}
