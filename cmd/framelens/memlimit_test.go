package main

import "testing"

func TestMemoryLimit(t *testing.T) {
	for _, tt := range []struct {
		text, want int64
	}{
		{0, minMemoryLimit},
		{15_000, minMemoryLimit},
		{minMemoryLimit / memoryPerTextByte, minMemoryLimit},
		{250_000_000, 1_250_000_000},
		{2_000_000_000, 10_000_000_000},
	} {
		if got := memoryLimit(tt.text); got != tt.want {
			t.Errorf("memoryLimit(%d) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
