package hugepage

import (
	"runtime"
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
	base := uintptr(unsafe.Pointer(unsafe.SliceData(s[:1])))
	adviseRange(base, base+n)
	runtime.KeepAlive(s)
}

// adviseRange asks for huge pages in the whole huge pages between the
// addresses from and to, which are memory of the Go heap.
func adviseRange(from, to uintptr) {
	from = (from + Size - 1) &^ (Size - 1)
	to &^= Size - 1
	if from < to {
		// Advice: an error changes nothing. The addresses are passed as
		// integers: no Go pointer is made of them.
		syscall.Syscall(syscall.SYS_MADVISE, from, to-from, syscall.MADV_HUGEPAGE)
	}
}
