package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framelens/framelens/analysis"
)

// TestReadPrevious checks that the fields the report compares are read as
// a full decode reads them, that reading stops after the outlets (the rest
// of the document may even be cut off), that members in another order are
// skipped, and that foreign or broken documents are refused.
func TestReadPrevious(t *testing.T) {
	b, err := os.ReadFile("../../testdata/golden/summit.json")
	if err != nil {
		t.Fatal(err)
	}
	var full analysis.Result
	if err := json.Unmarshal(b, &full); err != nil {
		t.Fatal(err)
	}
	check := func(name string, doc []byte) {
		t.Helper()
		got, err := readPrevious(bytes.NewReader(doc))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Schema != full.Schema || got.Generator != full.Generator || got.Lexicon.SHA256 != full.Lexicon.SHA256 {
			t.Errorf("%s: header %q %q %q", name, got.Schema, got.Generator, got.Lexicon.SHA256)
		}
		if len(got.Articles) != len(full.Articles) || len(got.Outlets) != len(full.Outlets) {
			t.Fatalf("%s: %d articles, %d outlets; want %d, %d", name, len(got.Articles), len(got.Outlets), len(full.Articles), len(full.Outlets))
		}
		for i, a := range full.Articles {
			g := got.Articles[i]
			if g.ID != a.ID || g.Outlet != a.Outlet || g.SHA256 != a.SHA256 {
				t.Errorf("%s: article %d: %+v", name, i, g)
			}
		}
		for i, o := range full.Outlets {
			gb, _ := json.Marshal(got.Outlets[i])
			wb, _ := json.Marshal(o)
			if !bytes.Equal(gb, wb) {
				t.Errorf("%s: outlet %d:\n got %s\nwant %s", name, i, gb, wb)
			}
		}
	}
	check("golden", b)

	// Cut off in the middle of the matches: still read, as nothing after
	// the outlets is looked at.
	i := bytes.Index(b, []byte(`"matches"`))
	if i < bytes.Index(b, []byte(`"outlets"`)) {
		t.Fatal("no matches after the outlets in the golden file")
	}
	check("truncated", b[:i+20])
	r := &countingReader{r: bytes.NewReader(b)}
	if _, err := readPrevious(r); err != nil {
		t.Fatal(err)
	}
	// The reader reads ahead by at most its buffer.
	if r.n > int64(i)+1<<16 {
		t.Errorf("read %d bytes of %d; the matches start at %d", r.n, len(b), i)
	}

	// Members in another order, with the large ones first.
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	buf.WriteString("{")
	for i, k := range []string{"quotes", "matches", "reuse", "outlets", "lexicon", "schema", "warnings", "articles", "generator"} {
		if i > 0 {
			buf.WriteString(",")
		}
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteString(":")
		buf.Write(m[k])
	}
	buf.WriteString("}")
	check("reordered", buf.Bytes())

	for _, bad := range []string{``, `[]`, `{"articles": [}`, `{"schema": 3}`, `{"generator": "x"}`, `not json`, `{"schema": "framelens/v1", "articles": [{"id": 1}]}`} {
		if _, err := readPrevious(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if p, err := readPrevious(strings.NewReader(`{"schema": "other/v2", "articles": 5}`)); err != nil || p.Schema != "other/v2" {
		t.Errorf("foreign schema: %v, %v", p, err)
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// TestCorruptPreviousOutput checks that a framelens.json that is not a
// framelens/v1 document gives a note and a report without changes.
func TestCorruptPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	corpus := copyCorpus(t, dir, "000_a8f5743524ae6b21.txt")
	out := filepath.Join(dir, "out")
	for _, doc := range []string{`{"schema": "framelens/v1", "articles": [`, `{"schema": "something/v9"}`} {
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, "framelens.json"), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		if err := run(context.Background(), []string{"report", "-o", out, corpus}, &stderr, &stderr); err != nil {
			t.Fatalf("%v\n%s", err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "not a framelens/v1 document") {
			t.Errorf("%q: no note: %s", doc, stderr.String())
		}
		html, err := os.ReadFile(filepath.Join(out, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(html), `id="changes"`) {
			t.Errorf("%q: the report lists changes", doc)
		}
	}
}

// TestWriteOutputsFails checks that outputs are rendered into temporary
// files and renamed only once all succeeded: a failing output or a
// cancellation while rendering leaves the folder as it was.
func TestWriteOutputsFails(t *testing.T) {
	dir := t.TempDir()
	logf := func(string, ...any) {}
	put := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := writeOutputs(context.Background(), dir, []output{{"a", put("old a")}, {"b", put("old b")}}, logf); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, dir)
	if before["a"] != "old a" || before["b"] != "old b" || len(before) != 2 {
		t.Fatalf("first write: %v", before)
	}
	fail := errors.New("disk on fire")
	ctx, cancel := context.WithCancel(context.Background())
	for name, outs := range map[string][]output{
		"failed": {{"a", put("new a")}, {"b", func(w io.Writer) error { io.WriteString(w, "half"); return fail }}},
		// Outputs render at once: b may finish too, but nothing is renamed.
		"cancelled": {{"a", func(w io.Writer) error { cancel(); return put("new a")(w) }}, {"b", put("new b")}},
	} {
		c := context.Background()
		if name == "cancelled" {
			c = ctx
		}
		if err := writeOutputs(c, dir, outs, logf); err == nil {
			t.Errorf("%s: no error", name)
		}
		after := readAll(t, dir)
		if len(after) != len(before) || after["a"] != before["a"] || after["b"] != before["b"] {
			t.Errorf("%s: folder now holds %v", name, after)
		}
	}
}
