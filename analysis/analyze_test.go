package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// TestSHA256String checks sha256String against sha256.Sum256 on lengths
// around its buffer's.
func TestSHA256String(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 8<<10 - 1, 8 << 10, 8<<10 + 1, 100_000} {
		s := strings.Repeat("kata ", n/5+1)[:n]
		want := sha256.Sum256([]byte(s))
		if got := sha256String(s); got != hex.EncodeToString(want[:]) {
			t.Errorf("len %d: sha256String = %s, want %x", n, got, want)
		}
	}
}
