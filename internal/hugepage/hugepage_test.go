package hugepage

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestAdvise checks that the advice leaves slices of every size, and what
// is written to them, as they are.
func TestAdvise(t *testing.T) {
	Advise([]int32(nil))
	Advise(make([]uint32, 0, 4))
	s := make([]uint32, 3<<20) // 12 MB: whole huge pages inside
	Advise(s)
	Advise(s[:0])
	for i := range s {
		s[i] = uint32(i)
	}
	for i, v := range s {
		if v != uint32(i) {
			t.Fatalf("s[%d] = %d after Advise", i, v)
		}
	}
}

// TestHeap checks that Heap leaves the heap usable, and allocations in it
// zeroed, whatever the size asked for.
func TestHeap(t *testing.T) {
	for _, n := range []int64{-1, 0, 1, Size, 64 << 20} {
		Heap(n)
		b := make([]byte, 32<<20)
		for i, c := range b {
			if c != 0 {
				t.Fatalf("Heap(%d): byte %d of a new array is %d", n, i, c)
			}
		}
		for i := range b {
			b[i] = byte(i)
		}
	}
}

// TestHeapRespectsMemoryLimit checks that Heap grows the heap no further
// than the soft memory limit.
func TestHeapRespectsMemoryLimit(t *testing.T) {
	const limit = 64 << 20
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Heap(1 << 30)
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapSys) - int64(before.HeapSys); grown > limit+8<<20 {
		t.Fatalf("Heap(1 GB) with a %d MB limit grew the heap by %d MB", limit>>20, grown>>20)
	}
}
