package analysis

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestReadJSONLBatches checks that ReadJSONL, which reuses one buffer for
// the lines of each batch, gives for every line of a stream of several
// batches the article that jsonlArticle gives for the line alone: no
// article may keep memory of a line once its batch is done.
func TestReadJSONLBatches(t *testing.T) {
	var in strings.Builder
	var lines []string
	for i := range 3000 {
		var line string
		switch i % 5 {
		case 0:
			line = fmt.Sprintf(`{"id": "a%d", "outlet": "Outlet %d", "text": "Teks nomor %d\n\ndengan \"kutip\" %s", "title": "Judul %d"}`, i, i%7, i, strings.Repeat("kata ", i%50), i)
		case 1:
			line = fmt.Sprintf(`{"id": %d, "publisher": {"name": "P%d"}, "body": "Teks %d tanpa escape %s", "url": "u%d"}`, i, i%3, i, strings.Repeat("x", i%300), i)
		case 2:
			// Long enough to pass bufio's buffer (the long-line path) now and then.
			line = fmt.Sprintf(`{"text": "Panjang %d %s", "date": "2023-09-%02d"}`, i, strings.Repeat("y", (i%11)*9000), i%28+1)
		case 3:
			line = fmt.Sprintf(`{"text": "\ud83d\ude00 %d", "id": "s%d"}`, i, i) // surrogates: decoded by encoding/json
		default:
			line = fmt.Sprintf(`{"text": "", "id": "e%d"}`, i) // a warning, no article
		}
		lines = append(lines, line)
		in.WriteString(line + "\n")
	}
	var got []*Article
	if _, err := ReadJSONL("x/f.jsonl", strings.NewReader(in.String()), nil, func(a *Article) error {
		got = append(got, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	k := 0
	for i, line := range lines {
		want, _ := jsonlArticle([]byte(line))
		if want == nil {
			continue
		}
		want.Path, want.Line = "x/f.jsonl", i+1
		if want.ID == "" {
			want.ID = fmt.Sprintf("f:%d", i+1)
		}
		if k >= len(got) {
			t.Fatalf("only %d articles", len(got))
		}
		if !reflect.DeepEqual(got[k], want) {
			t.Fatalf("line %d: got %+v\nwant %+v", i+1, got[k], want)
		}
		k++
	}
	if k != len(got) {
		t.Errorf("%d articles, want %d", len(got), k)
	}
}

// BenchmarkReadJSONL measures ReadJSONL on the JSON Lines file named by
// FRAMELENS_BENCH_JSONL, else on records made up here. It reports MB/s of
// the file.
func BenchmarkReadJSONL(b *testing.B) {
	var data []byte
	if p := os.Getenv("FRAMELENS_BENCH_JSONL"); p != "" {
		var err error
		if data, err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
	} else {
		var sb strings.Builder
		for i := range 4000 {
			fmt.Fprintf(&sb, `{"id": "a%d", "outlet": "Outlet %d", "title": "Judul %d", "url": "https://x.id/%d", "text": "%s"}`+"\n",
				i, i%7, i, i, strings.Repeat(`Kalimat berita \"kutip\" yang agak panjang.\n\n`, 40+i%60))
		}
		data = []byte(sb.String())
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadJSONL("f.jsonl", bytes.NewReader(data), nil, func(*Article) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
