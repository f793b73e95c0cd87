package report

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"github.com/klauspost/compress/flate"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/framelens/framelens/analysis"
)

// writeXLSX writes the workbook of r.
func writeXLSX(t *testing.T, r *analysis.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := New(r, nil).WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("reopening workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// tsvEscape keeps a cell on one TSV line.
var tsvEscape = strings.NewReplacer("\\", `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

var (
	chartRefRe   = regexp.MustCompile(`<f>([^<]*)</f>`)
	chartTitleRe = regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	chartColorRe = regexp.MustCompile(`<ser>.*?<a:srgbClr val="([0-9A-Fa-f]{6})"`)
	chartTypeRe  = regexp.MustCompile(`<(barChart)><barDir val="(\w+)"></barDir><grouping val="(\w+)">`)
)

// dumpXLSX renders a workbook as text: for every sheet its name, tables,
// frozen panes and conditional formats, then its rows as TSV with the
// values as Excel displays them; then every chart with its type, title,
// series references and series colours.
func dumpXLSX(t *testing.T, data []byte) string {
	t.Helper()
	f := openXLSX(t, data)
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sh)
		tables, err := f.GetTables(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			fmt.Fprintf(&b, "# table %s %s %s\n", tb.Name, tb.Range, tb.StyleName)
		}
		panes, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		if panes.Freeze {
			fmt.Fprintf(&b, "# freeze %s\n", panes.TopLeftCell)
		}
		cf, err := f.GetConditionalFormats(sh)
		if err != nil {
			t.Fatal(err)
		}
		refs := make([]string, 0, len(cf))
		for ref := range cf {
			refs = append(refs, ref)
		}
		sort.Strings(refs)
		for _, ref := range refs {
			for _, c := range cf[ref] {
				fmt.Fprintf(&b, "# %s %s %s..%s\n", c.Type, ref, c.MinColor, c.MaxColor)
			}
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for i, c := range row {
				row[i] = tsvEscape.Replace(c)
			}
			fmt.Fprintln(&b, strings.Join(row, "\t"))
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		x := readZipFile(t, zf)
		fmt.Fprintf(&b, "== chart %s\n", strings.TrimPrefix(zf.Name, "xl/charts/"))
		if m := chartTypeRe.FindStringSubmatch(x); m != nil {
			fmt.Fprintf(&b, "# %s %s %s\n", m[1], m[2], m[3])
		}
		for _, m := range chartTitleRe.FindAllStringSubmatch(x, -1) {
			fmt.Fprintf(&b, "# title %s\n", m[1])
		}
		for _, m := range chartColorRe.FindAllStringSubmatch(x, -1) {
			fmt.Fprintf(&b, "# series colour #%s\n", m[1])
		}
		for _, m := range chartRefRe.FindAllStringSubmatch(x, -1) {
			fmt.Fprintf(&b, "%s\n", m[1])
		}
	}
	return b.String()
}

func readZipFile(t *testing.T, zf *zip.File) string {
	t.Helper()
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGoldenXLSX(t *testing.T) {
	got := dumpXLSX(t, writeXLSX(t, loadFixture(t)))
	path := filepath.Join(goldenDir, "framelens.xlsx.txt")
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if d := lineDiff(string(want), got); d != "" {
		t.Errorf("workbook differs from %s (go test ./report -update rewrites it):\n%s", path, d)
	}
}

// tinyResult is an analysis result of one article whose every corpus
// string is s (with a prefix naming the field where distinct strings are
// needed).
func tinyResult(outlet, title, speaker, quote, sentence, term string) *analysis.Result {
	art := "a1"
	return &analysis.Result{
		Schema: analysis.Schema, Generator: "framelens test",
		Lexicon: analysis.LexiconInfo{SHA256: "00", Terms: 1, Sources: []string{"builtin:id"},
			Used: []*analysis.Term{{Term: term, Category: "loaded.label", Language: "id", Note: title, Source: "builtin:id:1"}}},
		Articles: []*analysis.ArticleResult{{ID: art, Path: "c/" + art + ".txt", Outlet: outlet, OutletSource: "front_matter",
			OutletEvidence: outlet, Title: title, Date: title, URL: title, Language: "id", Credits: []string{title},
			CreditEvidence: []*analysis.Credit{{Credited: title, Text: title}}, Words: 100, Sentences: 3,
			RemovedLines: []*analysis.Removal{{Line: 2, Text: title, Rule: "chrome"}}, SHA256: "ab"}},
		Outlets: []*analysis.OutletFeatures{{Outlet: outlet, Articles: 1, Words: 100, Sentences: 3,
			Loaded: analysis.RateFeature{Count: 1, Per1000Words: 10, CI95Low: 0.25, CI95High: 55.7,
				ByVoice: analysis.VoiceCounts{Narration: 1}, ByCategory: map[string]int{"loaded.label": 1}},
			Hedges: analysis.RateFeature{ByCategory: map[string]int{}},
			Quotes: analysis.QuoteFeature{Count: 1, Words: 2,
				BySpeaker: []*analysis.SpeakerShare{{Speaker: speaker, Affiliation: title, Quotes: 1, Words: 2, Share: 1, CI95Low: 0.3, CI95High: 1}}}}},
		Quotes: analysis.QuotesOf(&analysis.Quote{Article: art, Outlet: outlet, Kind: analysis.KindDirect, Speaker: speaker, SpeakerMention: speaker,
			Affiliation: title, Text: quote, Words: 2, Start: 1, End: 1 + len(quote), Sentence: sentence, Rule: title}),
		Matches: analysis.MatchesOf(&analysis.Match{Article: art, Outlet: outlet, Kind: analysis.MatchLoaded, Term: term, Category: "loaded.label",
			Voice: analysis.VoiceNarration, Text: term, Sentence: sentence, Source: "builtin:id:1"}),
		Warnings: []analysis.Warning{{Article: art, Path: "c/" + art + ".txt", Line: 3, Message: title}},
	}
}

func TestXLSXFormulaTextStaysText(t *testing.T) {
	hostile := []string{`=HYPERLINK("http://evil","x")`, "+1+1", "-2", "@SUM(A1)", "=1+1", "\t=cmd|' /C calc'!A0"}
	r := tinyResult(hostile[0], hostile[1], hostile[2], hostile[3], hostile[4]+" "+hostile[3], hostile[5])
	data := writeXLSX(t, r)
	f := openXLSX(t, data)
	found := map[string]bool{}
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				formula, err := f.GetCellFormula(sh, cell)
				if err != nil || formula != "" {
					t.Errorf("%s!%s: formula %q (err %v), want none", sh, cell, formula, err)
				}
				for _, h := range hostile {
					if v == h {
						found[h] = true
						if typ, _ := f.GetCellType(sh, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
							t.Errorf("%s!%s = %q has cell type %v, want a string", sh, cell, v, typ)
						}
						style, _ := f.GetCellStyle(sh, cell)
						if s, err := f.GetStyle(style); err != nil || s.NumFmt != 49 {
							t.Errorf("%s!%s = %q: number format %v (err %v), want 49 (text)", sh, cell, v, s, err)
						}
					}
				}
			}
		}
	}
	for _, h := range hostile[:4] {
		if !found[h] {
			t.Errorf("%q not found in any cell", h)
		}
	}
	// No worksheet holds a formula element at all.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			if x := readZipFile(t, zf); strings.Contains(x, "<f>") || strings.Contains(x, "<f ") {
				t.Errorf("%s holds a formula", zf.Name)
			}
		}
	}
}

func TestXLSXLongAndControlText(t *testing.T) {
	long := strings.Repeat("kata ", 8000) // 40,000 characters
	r := tinyResult("Out\x00let\x0b", "ti\x1ftle\r\nnext", "Putin", long, "kalimat 😀 "+long, "diktator")
	f := openXLSX(t, writeXLSX(t, r))

	quote, err := f.GetCellValue(sheetQuotes, "H2")
	if err != nil {
		t.Fatal(err)
	}
	if n := utf16Len(quote); n != excelize.TotalCellChars {
		t.Errorf("quote is %d UTF-16 units long, want %d", n, excelize.TotalCellChars)
	}
	if !strings.HasSuffix(quote, truncMarker) || !strings.HasPrefix(quote, "kata kata") {
		t.Errorf("quote = %q…%q, want the text cut with %q", quote[:20], quote[len(quote)-20:], truncMarker)
	}
	sentence, _ := f.GetCellValue(sheetQuotes, "I2")
	if n := utf16Len(sentence); n != excelize.TotalCellChars || !strings.HasSuffix(sentence, truncMarker) {
		t.Errorf("sentence is %d UTF-16 units, ends %q", n, sentence[len(sentence)-20:])
	}

	rows, err := f.GetRows(sheetWarnings)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, row := range rows {
		if len(row) > 4 && row[0] == "workbook" {
			notes = append(notes, row[2]+" "+row[4])
		}
	}
	for _, cell := range []string{"'Quotes'!H2", "'Quotes'!I2", "'Evidence'!H2"} {
		if !slices.ContainsFunc(notes, func(s string) bool { return strings.HasPrefix(s, cell+" text of 40,0") }) {
			t.Errorf("no workbook warning for %s in %q", cell, notes)
		}
	}
	about, _ := f.GetRows(sheetAbout)
	if !slices.ContainsFunc(about, func(row []string) bool { return len(row) > 1 && row[0] == "Truncated cells" && row[1] == "3" }) {
		t.Errorf("About does not count 3 truncated cells")
	}

	for _, c := range []struct{ sheet, cell, want string }{
		{sheetSummary, "A2", "Outlet"},
		{sheetArticles, "G2", "title\nnext"},
	} {
		if got, _ := f.GetCellValue(c.sheet, c.cell); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
	}
}

func TestCut(t *testing.T) {
	max := excelize.TotalCellChars
	for _, tc := range []struct {
		name string
		in   string
		cut  bool
	}{
		{"short", "abc", false},
		{"at limit", strings.Repeat("a", max), false},
		{"limit in runes, over in units", strings.Repeat("😀", max/2+1), true},
		{"over", strings.Repeat("é", max+1), true},
		{"surrogate pair at the cut", strings.Repeat("a", max-len([]rune(truncMarker))-1) + strings.Repeat("😀", 10), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _, cut := cut(tc.in)
			if cut != tc.cut {
				t.Fatalf("cut = %v, want %v", cut, tc.cut)
			}
			if n := utf16Len(got); n > max || cut && n < max-1 {
				t.Errorf("result is %d units", n)
			}
			if !utf8.ValidString(got) {
				t.Errorf("result is not valid UTF-8")
			}
			if cut && !strings.HasSuffix(got, truncMarker) {
				t.Errorf("no marker")
			}
			if !cut && got != tc.in {
				t.Errorf("changed uncut text")
			}
		})
	}
}

func TestXLSXRowLimit(t *testing.T) {
	defer func(n int) { xlsxMaxRows = n }(xlsxMaxRows)
	xlsxMaxRows = 20 // a header and 19 rows: Evidence and Quotes (22 rows each) lose 3
	f := openXLSX(t, writeXLSX(t, loadFixture(t)))
	warnings, _ := f.GetRows(sheetWarnings)
	for _, sheet := range []string{sheetEvidence, sheetQuotes} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 20 {
			t.Errorf("%s has %d rows, want 20", sheet, len(rows))
		}
		if !slices.ContainsFunc(warnings, func(row []string) bool {
			return len(row) > 4 && row[2] == "'"+sheet+"'" && row[4] == "3 rows left out: Excel's limit is 20 rows; every row is in framelens.json"
		}) {
			t.Errorf("no warning about %s rows left out in %q", sheet, warnings)
		}
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 || tables[0].Range != "A1:"+strings.TrimRight(tables[0].Range[3:], "0123456789")+"20" {
			t.Errorf("%s tables %+v, %v: want one table ending at row 20", sheet, tables, err)
		}
	}
}

func TestXLSXDeterministic(t *testing.T) {
	r := loadFixture(t)
	first := writeXLSX(t, r)
	for i := range 6 {
		// Streamed sheets are written concurrently: vary the parallelism.
		procs := runtime.GOMAXPROCS([]int{1, 4, 8}[i%3])
		again := writeXLSX(t, r)
		runtime.GOMAXPROCS(procs)
		if !bytes.Equal(first, again) {
			t.Fatalf("write %d differs from the first (%d vs %d bytes)", i+2, len(again), len(first))
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		if !zf.Modified.IsZero() && zf.Modified.Year() > 1980 {
			t.Errorf("%s has a timestamp %v", zf.Name, zf.Modified)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("zip entries not in name order: %q", names)
	}
}

func TestXLSXEmpty(t *testing.T) {
	for _, rep := range []*Report{New(nil, nil), {}} {
		var buf bytes.Buffer
		if err := rep.WriteXLSX(&buf); err != nil {
			t.Fatal(err)
		}
		f := openXLSX(t, buf.Bytes())
		if got := f.GetSheetList(); !slices.Equal(got, xlsxSheets) {
			t.Errorf("sheets = %q, want %q", got, xlsxSheets)
		}
	}
}

// TestXLSXLibreOffice opens workbooks in LibreOffice Calc (headless) and
// exports every sheet as CSV, values as shown: the fixture workbook must
// convert with its sheets intact, and formula-like corpus text must come
// back as the same text, not evaluated. It skips without soffice unless
// CI is set.
func TestXLSXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice not found; CI needs LibreOffice Calc (libreoffice-calc-nogui) to check the workbook")
		}
		t.Skip("soffice not found (install libreoffice-calc-nogui)")
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	dir := t.TempDir()
	fixture, hostile := filepath.Join(dir, "fixture.xlsx"), filepath.Join(dir, "hostile.xlsx")
	if err := os.WriteFile(fixture, writeXLSX(t, loadFixture(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	h := tinyResult(`=HYPERLINK("http://evil","x")`, "+1+1", "-2", "@SUM(A1)", "=1+1 @SUM(A1)", "diktator")
	if err := os.WriteFile(hostile, writeXLSX(t, h), 0o644); err != nil {
		t.Fatal(err)
	}
	// The streamed sheets of a workbook of hostile cells, recorded as built.
	cells := filepath.Join(dir, "cells.xlsx")
	rec := recordStreams(t)
	if err := os.WriteFile(cells, writeXLSX(t, xlsxHostileResult(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	streamTap = nil
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "out")
	// CSV filter options: comma, double quote, UTF-8, from row 1, no
	// column formats, language default, quote text cells, detect special
	// numbers, save values as shown, export formulas no, no BOM, and -1:
	// every sheet to its own file (LibreOffice 7.2 and later).
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", out, fixture, hostile, cells)
	cmd.WaitDelay = 10 * time.Second
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	sheet := func(book, name string) [][]string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, book+"-"+name+".csv"))
		if err != nil {
			t.Fatalf("no CSV of sheet %s of %s.xlsx from soffice (LibreOffice 7.2 or later needed): %v\n%s", name, book, err, msg)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s %s: %v", book, name, err)
		}
		return rows
	}
	for _, name := range xlsxSheets {
		sheet("fixture", name)
	}
	summary := sheet("fixture", sheetSummary)
	if got := strings.Join(summary[0][:4], ","); got != "Outlet,Colour,Articles,Words" {
		t.Errorf("Summary header starts %q", got)
	}
	if len(summary) != 5 || summary[1][0] != "Beritabali" || summary[1][6] != "25.3" || summary[1][32] != "83%" {
		t.Errorf("Summary as LibreOffice shows it:\n%q", summary)
	}
	if n := len(sheet("fixture", sheetEvidence)); n != 23 {
		t.Errorf("Evidence has %d rows in LibreOffice, want 23", n)
	}
	for _, c := range []struct {
		sheet    string
		row, col int
		want     string
	}{
		{sheetSummary, 1, 0, `=HYPERLINK("http://evil","x")`},
		{sheetArticles, 1, 6, "+1+1"},
		{sheetQuotes, 1, 3, "-2"},
		{sheetQuotes, 1, 7, "@SUM(A1)"},
		{sheetQuotes, 1, 8, "=1+1 @SUM(A1)"},
	} {
		rows := sheet("hostile", c.sheet)
		if got := rows[c.row][c.col]; got != c.want {
			t.Errorf("LibreOffice shows %s row %d column %d as %q, want the text %q", c.sheet, c.row+1, c.col+1, got, c.want)
		}
	}
	// Every text cell of the streamed sheets shows as the text it was
	// built from. LibreOffice breaks lines of over 16,000-odd characters
	// without blanks in two: those are compared without line breaks.
	unbroken := strings.NewReplacer("\n", "")
	for name, r := range rec {
		rows := sheet("cells", name)
		if len(rows) != len(r.cells)+1 {
			t.Errorf("LibreOffice shows %d rows of %s, want a header and %d", len(rows), name, len(r.cells))
			continue
		}
		for i, built := range r.cells {
			for j, c := range built {
				want := readBack(c)
				if c.typ != cellText || want == "" {
					continue
				}
				got := rows[i+1][j]
				if got != want && (len(want) < 16000 || unbroken.Replace(got) != unbroken.Replace(want)) {
					t.Errorf("LibreOffice shows %s!%s as %.60q (%d bytes), want %.60q (%d bytes)", name, cellName(j+1, i+2), got, len(got), want, len(want))
				}
			}
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

// TestXLSXTempFiles checks that the workbook's temporary zip (and
// excelize's stream files) are removed, also when writing fails, and
// that the error reaches the caller.
func TestXLSXTempFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	rep := New(loadFixture(t), nil)
	var buf bytes.Buffer
	if err := rep.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	openXLSX(t, buf.Bytes())
	if err := rep.WriteXLSX(failWriter{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("failing writer: %v", err)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// TestZipSorter checks the zip writer given to excelize: entries come out
// in name order with their content, compressed as archive/zip does, large
// ones spilled to temporary files that are removed afterwards.
func TestZipSorter(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	big := make([]byte, 3*spillSize)
	for i := range big {
		big[i] = byte(i*7919>>5) ^ byte(i>>11)
	}
	parts := map[string][]byte{"b.xml": []byte("<b/>"), "a/big.xml": big, "c.xml": nil, "a.xml": bytes.Repeat([]byte("x"), 100<<10)}
	zs := newZipSorter()
	for _, name := range []string{"c.xml", "a/big.xml", "b.xml", "a.xml"} {
		w, err := zs.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		// In pieces of several sizes, as io.Copy and whole writes do.
		for p := parts[name]; len(p) > 0; {
			n := min(len(p), 1+len(p)%(80<<10))
			w.Write(p[:n])
			p = p[n:]
		}
	}
	zr := sortedZip(t, zs)
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
		if got := readZipFile(t, zf); got != string(parts[zf.Name]) {
			t.Errorf("%s: %d bytes, want %d", zf.Name, len(got), len(parts[zf.Name]))
		}
	}
	if want := []string{"a.xml", "a/big.xml", "b.xml", "c.xml"}; !slices.Equal(names, want) {
		t.Errorf("entries %q, want %q", names, want)
	}
	// The same bytes as archive/zip's own writer with the same deflate at level 1, re-sorted.
	var ref bytes.Buffer
	zw := zip.NewWriter(&ref)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, name := range names {
		w, _ := zw.Create(name)
		w.Write(parts[name])
	}
	zw.Close()
	rr, _ := zip.NewReader(bytes.NewReader(ref.Bytes()), int64(ref.Len()))
	for i, zf := range rr.File {
		if zf.CompressedSize64 != zr.File[i].CompressedSize64 || zf.CRC32 != zr.File[i].CRC32 {
			t.Errorf("%s: compressed %d bytes (crc %x), archive/zip %d (crc %x)", zf.Name,
				zr.File[i].CompressedSize64, zr.File[i].CRC32, zf.CompressedSize64, zf.CRC32)
		}
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// sortedZip writes zs, removes its spools and opens what it wrote.
func sortedZip(t *testing.T, zs *zipSorter) *zip.Reader {
	t.Helper()
	var buf bytes.Buffer
	if err := zs.writeTo(&buf); err != nil {
		t.Fatal(err)
	}
	zs.cleanup()
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}
