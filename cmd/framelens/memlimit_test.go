package main

import (
	"os"
	"path/filepath"
	"testing"
)

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

func TestInputBytes(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	one := write("one.jsonl", 1000)
	write("folder/a.txt", 300)
	write("folder/sub/b.html", 20)
	for _, tt := range []struct {
		name  string
		paths []string
		want  int64
	}{
		{"none", nil, 0},
		{"file", []string{one}, 1000},
		{"folder and its subfolders", []string{filepath.Join(dir, "folder")}, 320},
		{"file and folder", []string{one, filepath.Join(dir, "folder")}, 1320},
		{"missing path counts nothing", []string{filepath.Join(dir, "missing"), one}, 1000},
	} {
		if got := inputBytes(tt.paths); got != tt.want {
			t.Errorf("%s: inputBytes = %d, want %d", tt.name, got, tt.want)
		}
	}
}
