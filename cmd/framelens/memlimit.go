package main

import (
	"os"
	"runtime/debug"

	"github.com/framelens/framelens/analysis"
)

// Memory: the Go runtime lets the heap grow to twice what is live before
// it collects. For a large corpus that doubles the peak: the live heap of
// an analysis is at most about four times the corpus text (the text
// itself, the compact quotes and matches, and the reuse index while it is
// built). So unless GOMEMLIMIT is set, framelens sets a soft memory limit
// of five times the corpus text, and never less than minMemoryLimit: the
// collector then runs more often as the heap nears the limit, instead of
// letting it double. It is a soft limit: a corpus that needs more still
// runs, with the collector busier.
const (
	minMemoryLimit    = 1 << 30
	memoryPerTextByte = 5
)

// memoryLimit returns the soft memory limit for a corpus of textBytes.
func memoryLimit(textBytes int64) int64 {
	return max(minMemoryLimit, memoryPerTextByte*textBytes)
}

// setMemoryLimit sets the soft memory limit for corpus, unless the
// GOMEMLIMIT environment variable sets one.
func setMemoryLimit(corpus *analysis.Corpus) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var n int64
	for _, a := range corpus.Articles {
		n += int64(len(a.Text))
	}
	debug.SetMemoryLimit(memoryLimit(n))
}
