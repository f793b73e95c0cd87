//go:build !linux

package analysis

// adviseHuge is a no-op where transparent huge pages are not asked for.
func adviseHuge[T any](s []T) {}
