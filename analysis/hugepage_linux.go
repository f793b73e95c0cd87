package analysis

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on linux/amd64 and arm64.
const hugePage = 2 << 20

// adviseHuge asks the kernel to back the whole huge pages inside the
// memory of s with transparent huge pages when it is first written. It is
// for the few arrays of a large corpus that are hundreds of megabytes and
// written at once: faulting them in 4 KB pages, in a virtual machine
// above all, costs more than what is computed in them. It is only advice,
// and changes nothing but speed.
func adviseHuge[T any](s []T) {
	var zero T
	n := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if n < 2*hugePage {
		return
	}
	p := unsafe.Pointer(unsafe.SliceData(s[:1]))
	base := uintptr(p)
	from := (base + hugePage - 1) &^ (hugePage - 1)
	to := (base + n) &^ (hugePage - 1)
	if from < to {
		b := unsafe.Slice((*byte)(unsafe.Add(p, from-base)), to-from)
		syscall.Madvise(b, syscall.MADV_HUGEPAGE) // advice: an error changes nothing
	}
}
