package analysis

import (
	"strings"
	"testing"
)

// TestBodyHasher checks bodyHasher against sha256Hex, on strings shorter
// and longer than its buffer, one hasher used for all in turn.
func TestBodyHasher(t *testing.T) {
	var h bodyHasher
	for _, n := range []int{0, 1, 63, 64, 65, 32<<10 - 1, 32 << 10, 32<<10 + 1, 100000} {
		s := strings.Repeat("kata é ", n/8+1)[:n]
		if got, want := h.sum(s), sha256Hex([]byte(s)); got != want {
			t.Errorf("len %d: %s, want %s", n, got, want)
		}
	}
}
