package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/framelens/framelens/analysis"
)

// runReport runs `framelens report -q -o out corpus` and returns the
// framelens.json it wrote.
func runReport(t *testing.T, out, corpus string) *analysis.Result {
	t.Helper()
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"report", "-q", "-o", out, corpus}, &stderr, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(out, "framelens.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res analysis.Result
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	return &res
}

// TestRerunWithNewOutlets runs the report on three outlets, adds two more
// outlets to the corpus folder and reruns the same command: the new
// outlets appear in the JSON, the HTML and the workbook, the old outlets'
// figures and colours are unchanged, and the report opens with what
// changed.
func TestRerunWithNewOutlets(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	out := filepath.Join(dir, "out")
	copyFile := func(src string) {
		t.Helper()
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(corpus, filepath.Base(src)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"000_a8f5743524ae6b21.txt", "001_70f73f157e8425d4.txt", "002_75dd8be992004ac1.txt", "speakers.tsv"} {
		copyFile("../../testdata/summit/" + f)
	}
	report := func() (*analysis.Result, string) {
		t.Helper()
		res := runReport(t, out, corpus)
		html, err := os.ReadFile(filepath.Join(out, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		return res, string(html)
	}
	first, html1 := report()
	if len(first.Outlets) != 3 {
		t.Fatalf("first run: %d outlets, want 3", len(first.Outlets))
	}
	if strings.Contains(html1, `id="changes"`) {
		t.Error("first run reports changes without a previous run")
	}

	copyFile("../../testdata/summit/003_ec668a6c486ea7c5.txt")
	copyFile("../../testdata/en/en_03_northern_ledger.txt")
	second, html2 := report()
	if len(second.Outlets) != 5 {
		t.Fatalf("second run: %d outlets, want 5", len(second.Outlets))
	}
	before := map[string][]byte{}
	for _, o := range first.Outlets {
		before[o.Outlet], _ = json.Marshal(o)
	}
	for _, o := range second.Outlets {
		b, _ := json.Marshal(o)
		if old, ok := before[o.Outlet]; ok && !bytes.Equal(old, b) {
			t.Errorf("%s: figures changed after adding outlets:\n%s\n%s", o.Outlet, old, b)
		}
	}
	// Colours: the swatch of each old outlet in the per-outlet table.
	swatchRe := regexp.MustCompile(`<td class="outlet"><span class="sw" style="background:(#[0-9a-fA-F]{6})"></span>([^<]+)</td>`)
	colors := func(html string) map[string]string {
		m := map[string]string{}
		for _, s := range swatchRe.FindAllStringSubmatch(html, -1) {
			if _, ok := m[s[2]]; !ok {
				m[s[2]] = s[1]
			}
		}
		return m
	}
	c1, c2 := colors(html1), colors(html2)
	if len(c1) != 3 || len(c2) != 5 {
		t.Fatalf("outlet swatches: %d then %d, want 3 then 5", len(c1), len(c2))
	}
	for name, c := range c1 {
		if c2[name] != c {
			t.Errorf("%s: colour %s, then %s", name, c, c2[name])
		}
	}
	for _, want := range []string{`id="changes"`, "Outlets added", "EGINDO.co", "Northern Ledger", "figures of outlets present in both runs are unchanged"} {
		if !strings.Contains(html2, want) {
			t.Errorf("second report lacks %q", want)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(out, "framelens.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	var inSheet []string
	for _, r := range rows[1:] {
		if len(r) > 0 {
			inSheet = append(inSheet, r[0])
		}
	}
	for _, o := range second.Outlets {
		if !strings.Contains(strings.Join(inSheet, "\n"), o.Outlet) {
			t.Errorf("workbook Summary lacks %s: %q", o.Outlet, inSheet)
		}
	}
	// A third run with nothing new says so.
	_, html3 := report()
	if !strings.Contains(html3, "Nothing changed") {
		t.Error("third run does not say that nothing changed")
	}
}
