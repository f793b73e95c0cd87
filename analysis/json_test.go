package analysis_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/framelens/framelens/analysis"
)

// summitResult analyses testdata/summit.
func summitResult(t *testing.T) *analysis.Result {
	t.Helper()
	corpus, err := analysis.ReadCorpus([]string{"../testdata/summit"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Analyze(corpus, &analysis.Options{Generator: "framelens test"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestWriteJSON checks that the line-per-record document holds exactly
// what encoding/json writes for the result (the same members in the same
// order with the same values), decodes to the same Result, gives the same
// bytes twice, and puts every list element on a line of its own.
func TestWriteJSON(t *testing.T) {
	res := summitResult(t)
	var got bytes.Buffer
	if err := res.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	// What a plain encoder writes, compactly.
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, got.Bytes()); err != nil {
		t.Fatalf("not valid JSON: %v", err)
	}
	if !bytes.Equal(compact.Bytes(), bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
		t.Error("compacted document differs from encoding/json's")
	}
	var a, b analysis.Result
	if err := json.Unmarshal(got.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(want.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("decodes to another Result than encoding/json's document")
	}
	var again bytes.Buffer
	if err := res.WriteJSON(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), again.Bytes()) {
		t.Error("two writes differ")
	}
	if !strings.HasSuffix(got.String(), "}\n") || strings.Contains(got.String(), "\n\n") {
		t.Error("document does not end in one newline, or has empty lines")
	}

	// Each article, quote and match is one line, with the same value.
	lines := strings.Split(got.String(), "\n")
	for _, list := range []struct {
		name string
		n    int
	}{{"articles", len(res.Articles)}, {"quotes", res.Quotes.Len()}, {"matches", res.Matches.Len()}, {"passages", len(res.Reuse.Passages)}} {
		start := -1
		for i, l := range lines {
			if strings.HasSuffix(l, `"`+list.name+`": [`) {
				start = i + 1
				break
			}
		}
		if start < 0 || list.n == 0 {
			t.Errorf("%s: no list, or empty (%d)", list.name, list.n)
			continue
		}
		for i := start; i < start+list.n; i++ {
			l := strings.TrimSuffix(strings.TrimSpace(lines[i]), ",")
			var v map[string]any
			if err := json.Unmarshal([]byte(l), &v); err != nil {
				t.Errorf("%s: line %d is not one record: %v", list.name, i+1, err)
				break
			}
		}
		if end := strings.TrimSpace(lines[start+list.n]); end != "]," && end != "]" {
			t.Errorf("%s: line %d is %q, want the end of the list", list.name, start+list.n+1, end)
		}
	}
}

// TestWriteJSONEmpty checks that an empty result gives valid JSON whose
// lists are [] rather than null, and that HTML characters are not escaped.
func TestWriteJSONEmpty(t *testing.T) {
	res := &analysis.Result{Schema: analysis.Schema, Generator: "<a & b>", Reuse: &analysis.Reuse{}}
	var got bytes.Buffer
	if err := res.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(got.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, got.String())
	}
	for _, k := range []string{"articles", "outlets", "quotes", "matches", "warnings", "credits", "distinctive", "tests"} {
		if l, ok := doc[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s: %v, want []", k, doc[k])
		}
	}
	if l, ok := doc["reuse"].(map[string]any)["passages"].([]any); !ok || len(l) != 0 {
		t.Errorf("reuse.passages: %v, want []", doc["reuse"])
	}
	if !strings.Contains(got.String(), `"generator": "<a & b>"`) {
		t.Errorf("generator escaped:\n%s", got.String())
	}
}

// BenchmarkWriteJSON measures WriteJSON of the analysis of testdata/summit,
// or of the corpus named by FRAMELENS_BENCH_CORPUS.
func BenchmarkWriteJSON(b *testing.B) {
	paths := []string{"../testdata/summit"}
	if p := os.Getenv("FRAMELENS_BENCH_CORPUS"); p != "" {
		paths = strings.Split(p, string(os.PathListSeparator))
	}
	corpus, err := analysis.ReadCorpus(paths, nil)
	if err != nil {
		b.Fatal(err)
	}
	res, err := analysis.Analyze(corpus, &analysis.Options{Generator: "framelens test"})
	if err != nil {
		b.Fatal(err)
	}
	var size countWriter
	if err := res.WriteJSON(&size); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		if err := res.WriteJSON(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// countWriter counts the bytes written to it.
type countWriter int

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}
