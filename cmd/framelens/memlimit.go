package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/framelens/framelens/analysis"
	"github.com/framelens/framelens/internal/hugepage"
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

// Page faults: on Linux the Go heap is faulted in 4 KB pages, which for
// the gigabyte of heap of a 250 MB corpus costs seconds of CPU on a
// virtual machine (see package hugepage). So before a corpus of at least
// heapAheadBytes is read, prepareHeap maps half as much heap again as the
// memory limit will be, and asks for huge pages in it: the limit alone was
// too little, as the reuse index's arrays of a 250 MB corpus, each a
// run of 124 MB, grew the heap past it where freed memory was in
// smaller pieces. Memory mapped and never written costs nothing.
const heapAheadBytes = 32 << 20

// prepareHeap readies the heap for the corpus at paths (see heapAheadBytes).
func prepareHeap(paths []string) {
	if n := inputBytes(paths); n >= heapAheadBytes {
		hugepage.Heap(memoryLimit(n) * 3 / 2)
	}
}

// inputBytes returns the size of the files at paths, the files in folders
// included: an estimate of the corpus text, made before it is read.
// Whatever cannot be read counts for nothing; reading it reports why.
func inputBytes(paths []string) int64 {
	var n int64
	for _, p := range paths {
		filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				if fi, err := d.Info(); err == nil {
					n += fi.Size()
				}
			}
			return nil
		})
	}
	return n
}
