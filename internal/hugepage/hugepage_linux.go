package hugepage

import (
	"syscall"
	"unsafe"
)

// supported reports whether Advise does anything.
const supported = true

// Advise asks the kernel to back the whole huge pages inside the memory of
// s with transparent huge pages when they are first written. It is for
// arrays of tens or hundreds of megabytes written soon after they are
// made; smaller ones are left alone.
func Advise[T any](s []T) {
	var zero T
	n := uintptr(cap(s)) * unsafe.Sizeof(zero)
	if n < 2*Size {
		return
	}
	p := unsafe.Pointer(unsafe.SliceData(s[:1]))
	base := uintptr(p)
	from := (base + Size - 1) &^ (Size - 1)
	to := (base + n) &^ (Size - 1)
	if from < to {
		b := unsafe.Slice((*byte)(unsafe.Add(p, from-base)), to-from)
		syscall.Madvise(b, syscall.MADV_HUGEPAGE) // advice: an error changes nothing
	}
}
