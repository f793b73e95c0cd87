// Package hugepage asks the kernel, where it can, to back large memory
// with transparent huge pages: 2 MB pages, faulted in once where 4 KB
// pages are faulted in one by one.
//
// On this project's 2-core virtual machine the first write to a 4 KB page
// costs about 15 µs, so a gigabyte of fresh heap costs about 4 s of CPU in
// page faults before anything is computed in it. The Go runtime does not
// ask for huge pages (it stopped in Go 1.21.1), and most Linux systems
// give them only to memory that asks (transparent_hugepage "madvise").
// Everything here is advice: it changes speed, and nothing else.
package hugepage

import "runtime/debug"

// Size is the size of a transparent huge page on linux/amd64 and arm64.
const Size = 2 << 20

// Heap makes the Go heap n bytes larger at once and asks for huge pages
// in the whole of it, so that the heap of a large run, as it grows into
// that memory, is faulted in 2 MB at a time. It allocates an n-byte array
// without touching it (fresh memory is zero already), advises it, and
// drops it; debug.FreeOSMemory then collects it and returns its pages to
// the kernel, which keeps the advice on the range. The next allocations
// reuse the range, the lowest free addresses first. A program calls it
// once, early, when it knows about how much memory it will need; it does
// nothing where huge pages cannot be asked for, or when n is smaller than
// a few huge pages.
func Heap(n int64) {
	if !supported || n < 4*Size {
		return
	}
	Advise(make([]byte, n))
	debug.FreeOSMemory()
}
