// Package hugepage asks the kernel, where it can, to back large memory
// with transparent huge pages: 2 MB pages, faulted in once where 4 KB
// pages are faulted in one by one.
//
// On this project's 2-core virtual machine the first write to a 4 KB page
// costs about 15 µs, so a gigabyte of fresh heap costs about 4 s of CPU in
// page faults before anything is computed in it; a 2 MB page costs about
// what 20 of them do. The Go runtime does not ask for huge pages (it
// stopped in Go 1.21.1), and most Linux systems give them only to memory
// that asks (transparent_hugepage "madvise"). Everything here is advice:
// it changes speed, and nothing else.
package hugepage

import (
	"runtime"
	"runtime/debug"
	"unsafe"
)

// Size is the size of a transparent huge page on linux/amd64 and arm64.
const Size = 2 << 20

// piece is the size of the arrays Heap grows the heap with: large enough
// to come from fresh memory, small enough that one placed in memory the
// heap used before, which the runtime must clear, costs little.
const piece = 4 << 20

// maxHeap is the most Heap grows the heap by.
const maxHeap = 8 << 30

// Heap makes the Go heap about n bytes larger at once and asks for huge
// pages in the whole of it, so that the heap of a large run, as it grows
// into that memory, is faulted in 2 MB at a time.
//
// It allocates arrays of n bytes in all, without touching them (fresh
// memory is zero already), advises the range they cover, and drops them;
// debug.FreeOSMemory then collects them and returns their pages to the
// kernel, which keeps the advice on the range. The next allocations reuse
// the range, the lowest free addresses first. (One n-byte array would be
// cleared, every page of it written in 4 KB pages, whenever the runtime
// placed its start in memory used before.) A program calls Heap once,
// early, when it knows about how much memory it will need. It grows the
// heap by at most maxHeap bytes, and never past the soft memory limit (see
// debug.SetMemoryLimit): the arrays are live until they are all made. It
// does nothing where huge pages cannot be asked for, on a 32-bit system,
// or when n is smaller than a few huge pages.
func Heap(n int64) {
	n = min(n, maxHeap, debug.SetMemoryLimit(-1))
	if !supported || unsafe.Sizeof(uintptr(0)) < 8 || n < 2*piece {
		return
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1)) // no collection while the arrays are made
	arrays := make([][]byte, 0, n/piece)
	lo, hi := ^uintptr(0), uintptr(0)
	for range n / piece {
		b := make([]byte, piece)
		p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		lo, hi = min(lo, p), max(hi, p+piece)
		arrays = append(arrays, b)
	}
	if hi-lo <= 2*uintptr(n) { // one range of heap, maybe with other heap memory inside
		adviseRange(lo, hi)
	} else {
		for _, b := range arrays {
			Advise(b)
		}
	}
	runtime.KeepAlive(arrays)
	debug.FreeOSMemory()
}
