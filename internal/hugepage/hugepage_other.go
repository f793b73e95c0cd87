//go:build !linux

package hugepage

// supported reports whether Advise does anything.
const supported = false

// Advise is a no-op where transparent huge pages are not asked for.
func Advise[T any](s []T) {}

func adviseRange(from, to uintptr) {}
