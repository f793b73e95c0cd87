package main

import (
	"bytes"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		done, total       int
		bytes, totalBytes int64
		elapsed           time.Duration
		want              string
	}{
		{10, 40, 25e6, 100e6, 5 * time.Second, "framelens: 10/40 articles, 25.0/100.0 MB, 5.0 MB/s, 15s left"},
		{40, 40, 100e6, 100e6, 20 * time.Second, "framelens: 40/40 articles, 100.0/100.0 MB, 5.0 MB/s"},
		{0, 4, 0, 1e6, time.Second, "framelens: 0/4 articles, 0.0/1.0 MB, 0.0 MB/s"},
	}
	for _, tt := range tests {
		if got := progressLine(tt.done, tt.total, tt.bytes, tt.totalBytes, tt.elapsed); got != tt.want {
			t.Errorf("progressLine(%d, %d, …) = %q, want %q", tt.done, tt.total, got, tt.want)
		}
	}
}

// TestNoProgressWhenNotATerminal checks that a run writing to a buffer
// (not a terminal) prints no progress line.
func TestNoProgressWhenNotATerminal(t *testing.T) {
	if isTerminal(&bytes.Buffer{}) {
		t.Fatal("a buffer is a terminal")
	}
}
