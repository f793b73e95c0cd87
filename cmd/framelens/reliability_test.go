package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/framelens/framelens/analysis"
)

// copyCorpus copies the named files of testdata/summit into a new folder.
func copyCorpus(t *testing.T, dir string, names ...string) string {
	t.Helper()
	corpus := filepath.Join(dir, "corpus")
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("../../testdata/summit", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(corpus, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return corpus
}

func readAll(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// TestFailedRunKeepsOutputs checks that an interrupted run and a failed
// run leave the previous outputs byte for byte, leave no temporary files,
// and never touch other files in the output folder.
func TestFailedRunKeepsOutputs(t *testing.T) {
	dir := t.TempDir()
	corpus := copyCorpus(t, dir, "000_a8f5743524ae6b21.txt", "001_70f73f157e8425d4.txt")
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"report", "-q", "-o", out, corpus}, &stderr, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	before := readAll(t, out)
	if len(before) != 4 {
		t.Fatalf("output folder holds %d files, want 4", len(before))
	}

	// An interrupted run (SIGINT cancels the context) on a changed corpus.
	copyCorpus(t, dir, "002_75dd8be992004ac1.txt")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := run(ctx, []string{"report", "-q", "-o", out, corpus}, &stderr, &stderr); err == nil {
		t.Fatal("interrupted run succeeded")
	}
	// A failed run: a lexicon file with an error.
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("only-a-term\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := run(context.Background(), []string{"report", "-q", "-lexicon", bad, "-o", out, corpus}, &stderr, &stderr)
	if err == nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "bad.tsv:1:") {
		t.Fatalf("failed run: %v (exit %d), want bad.tsv:1: with exit 1", err, exitCode(err))
	}
	after := readAll(t, out)
	if len(after) != len(before) {
		t.Errorf("output folder now holds %d files, want %d", len(after), len(before))
	}
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s changed by a failed run", name)
		}
	}
}

// TestDuplicateArticleCountedOnce checks that the same article under two
// file names is analysed once, with a warning naming both.
func TestDuplicateArticleCountedOnce(t *testing.T) {
	dir := t.TempDir()
	corpus := copyCorpus(t, dir, "000_a8f5743524ae6b21.txt")
	b, _ := os.ReadFile(filepath.Join(corpus, "000_a8f5743524ae6b21.txt"))
	if err := os.WriteFile(filepath.Join(corpus, "copy.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"analyze", "-q", corpus}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	var res analysis.Result
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || res.Outlets[0].Articles != 1 {
		t.Fatalf("%d articles, want 1", len(res.Articles))
	}
	found := false
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "duplicate of article 000_a8f5743524ae6b21") && strings.HasSuffix(w.Path, "copy.txt") {
			found = true
		}
	}
	if !found {
		t.Errorf("no duplicate warning: %+v", res.Warnings)
	}
}

// TestDeterministic checks that the JSON does not depend on GOMAXPROCS or
// on the order in which files were written to the corpus folder.
func TestDeterministic(t *testing.T) {
	names := []string{"000_a8f5743524ae6b21.txt", "001_70f73f157e8425d4.txt", "002_75dd8be992004ac1.txt", "003_ec668a6c486ea7c5.txt", "speakers.tsv"}
	reversed := []string{names[4], names[3], names[2], names[1], names[0]}
	analyzeIn := func(order []string, procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		corpus := copyCorpus(t, t.TempDir(), order...)
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"analyze", "-q", corpus}, &stdout, &stderr); err != nil {
			t.Fatal(err)
		}
		// Paths differ between temporary folders; nothing else may.
		return bytes.ReplaceAll(stdout.Bytes(), []byte(filepath.ToSlash(corpus)), []byte("CORPUS"))
	}
	a := analyzeIn(names, 1)
	b := analyzeIn(reversed, 4)
	if !bytes.Equal(a, b) {
		t.Error("JSON differs with file order and GOMAXPROCS")
	}
}

// TestManyOutletsAndLongArticle runs the main job on a JSON Lines corpus
// of 10,000 outlets and one article of 50 MB: it must finish, keep every
// outlet in the JSON, and keep the HTML report bounded. It takes about a
// minute; -short skips it.
func TestManyOutletsAndLongArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("large corpus")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	para := "Menteri Luar Negeri Budi Santoso mengatakan kepada wartawan bahwa perundingan berjalan baik. " +
		"“Kami diperkirakan akan mencapai kesepakatan,” kata Budi. Rezim itu dituduh melakukan agresi."
	for i := 0; i < 10000; i++ {
		// Each outlet's text differs every few words, as real coverage does.
		text := fmt.Sprintf("Menteri %d Budi Santoso mengatakan kepada %d wartawan bahwa perundingan %d berjalan baik. "+
			"“Kami diperkirakan akan mencapai %d kesepakatan,” kata Budi. Rezim %d itu dituduh melakukan agresi.", i, i+1, i+2, i+3, i+4)
		fmt.Fprintf(&buf, `{"id": "a%05d", "outlet": "Outlet %05d", "text": %q}`+"\n", i, i, text)
	}
	long := strings.Repeat(para+"\n\n", 50<<20/len(para))
	rec, _ := json.Marshal(map[string]string{"id": "long", "outlet": "Long Read", "text": long})
	buf.Write(rec)
	buf.WriteByte('\n')
	corpus := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(corpus, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	res := runReport(t, out, corpus)
	if len(res.Outlets) != 10001 {
		t.Errorf("%d outlets, want 10,001", len(res.Outlets))
	}
	for _, o := range res.Outlets {
		if o.Outlet == "Long Read" && o.Words < 1_000_000 {
			t.Errorf("long article: %d words", o.Words)
		}
	}
	// Tables, charts and evidence rows are capped, so the page stays at
	// about 2.5 MB for 10,000 outlets and a 50 MB article; the workbook
	// has every row.
	if fi, err := os.Stat(filepath.Join(out, "report.html")); err != nil || fi.Size() > 5<<20 {
		t.Errorf("report.html: %v, size %d", err, fi.Size())
	}
}
