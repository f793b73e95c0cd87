package report

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// xlsxHostile are strings that test how cells are written: XML
// specials, CDATA ends, markup that would close the cell, blanks at the
// ends, control characters, invalid UTF-8, characters XML cannot hold,
// excelize's _xHHHH_ escapes, formula and number look-alikes, and text
// at, under and over Excel's cell limit.
var xlsxHostile = []string{
	"plain", "", " ", " leading", "trailing ", "\ttab first", "tab last\t", "in\tside",
	"new\nline", "\n", "\nfirst", "last\n", "cr\rlf\r\n", "only cr\r",
	"\x00nul\x01\x02\x0b\x0c\x1f", "del\x7f", "c1 \u0085 \u009f",
	"bad \xff\xfe byte", "\xc3\x28", "\xed\xa0\x80 surrogate bytes", "cut \xe2\x82", "\xf4\x90\x80\x80 over U+10FFFF",
	"]]>", "<![CDATA[x]]>", "&amp; & &#34; &lt; &#xA; &#x9;", "<b>bold</b>", `"double" 'single'`, "a > b < c",
	`</t></is></c><c r="A1"><f>1+1</f></c>`, "<?xml?>", "\u2028line sep\u2029para sep",
	"=1+1", "+1", "-1", "@SUM(A1)", `=HYPERLINK("http://evil","x")`, "\t=cmd|' /C calc'!A0", "0012", "1e5", "TRUE", "-0",
	"_x0041_", "_x005F_", "_x005F_x0041_", "_x005f_", "a_x00E9_b", "_X0041_", "__x0041__", "_x123_", "_x12345_", "_x", "x_",
	"\uFFFE\uFFFF non-characters", "\uFFFD replacement", "\uFEFFbom", "zero\u200bwidth", "\u202Eevil", "emoji 😀 🇮🇩", "e\u0301",
	strings.Repeat("kata ", 8000), strings.Repeat("😀", 20000), strings.Repeat("a", excelize.TotalCellChars),
	strings.Repeat("é", excelize.TotalCellChars-1) + "😀",
}

// excelizeEscapeQuirks are strings that do not read back as written
// from a cell excelize writes: it drops an _xHHHH_ escape naming a
// surrogate, and a lower-case _x005f_ followed by an escape reads back
// as another string (bstrMarshal, bstrUnmarshal). The workbook keeps what
// excelize wrote; these are only checked to be written as excelize does.
var excelizeEscapeQuirks = []string{"_xD800_", "a_xdfff_b", "_x005F_xD800_", "_x005f_x00e9_", "_x005f_x005F_"}

// sheetDataOf returns the rows of sheet1.xml of a workbook: what is
// between <sheetData> and </sheetData>.
func sheetDataOf(t *testing.T, data []byte, part string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == part {
			x := readZipFile(t, zf)
			i, j := strings.Index(x, "<sheetData>"), strings.Index(x, "</sheetData>")
			if i < 0 || j < i {
				t.Fatalf("%s has no sheetData", part)
			}
			return x[i+len("<sheetData>") : j]
		}
	}
	t.Fatalf("no %s", part)
	return ""
}

// inflateRows decompresses a deflated, which ends in a sync flush and
// not in a final block.
func inflateRows(t *testing.T, d *deflated) string {
	t.Helper()
	var buf bytes.Buffer
	if err := d.data.copyTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(flate.NewReader(&buf))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatal(err)
	}
	if int64(len(got)) != d.size || crc32.ChecksumIEEE(got) != d.crc {
		t.Fatalf("inflated %d bytes (crc %x), deflated says %d (crc %x)", len(got), crc32.ChecksumIEEE(got), d.size, d.crc)
	}
	return string(got)
}

// excelizeCell is the value StreamWriter.SetRow was given for c.
func excelizeCell(c xcell, style int) excelize.Cell {
	var v any
	switch c.typ {
	case cellText:
		v = c.s
	case cellInt:
		v = int(c.n)
	case cellFloat:
		if !math.IsNaN(c.f) && !math.IsInf(c.f, 0) {
			v = c.f
		}
	}
	return excelize.Cell{StyleID: style, Value: v}
}

// compareWithExcelize writes rows with sheetWriter and with excelize's
// StreamWriter.SetRow and reports any difference in the XML.
func compareWithExcelize(t *testing.T, rows [][]xcell, heights []float64, styles []int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	var d deflated
	w := newSheetWriter(&d)
	defer d.data.remove()
	for i, r := range rows {
		cells := make([]any, len(r))
		for k, c := range r {
			style := 0
			if k < len(styles) {
				style = styles[k]
			}
			cells[k] = excelizeCell(c, style)
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, cells, excelize.RowOpts{Height: heights[i]}); err != nil {
			t.Fatal(err)
		}
		if err := w.writeRow(i+2, heights[i], r, styles); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	want := sheetDataOf(t, buf.Bytes(), "xl/worksheets/sheet1.xml")
	got := ""
	if len(rows) > 0 {
		got = inflateRows(t, &d)
	}
	if got != want {
		for i := 0; i < min(len(got), len(want)); i++ {
			if got[i] != want[i] {
				lo := max(0, i-80)
				t.Fatalf("XML differs from excelize's at byte %d:\n got  %q\n want %q", i, got[lo:min(len(got), i+80)], want[lo:min(len(want), i+80)])
			}
		}
		t.Fatalf("XML is %d bytes, excelize's %d", len(got), len(want))
	}
}

// TestSheetWriterMatchesExcelize checks that sheetWriter writes rows
// byte for byte as StreamWriter.SetRow does: hostile text, integers,
// floats (NaN and infinities become empty cells, as streamJob made them
// for excelize), empty cells, styles, heights, and enough rows to be
// compressed in several pieces.
func TestSheetWriterMatchesExcelize(t *testing.T) {
	strs := append(append([]string{}, xlsxHostile...), excelizeEscapeQuirks...)
	ints := []int64{0, 1, -1, 7, 1234567, math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64}
	floats := []float64{0, math.Copysign(0, -1), 1, -1.5, 0.1 + 0.2, 1.0 / 3, 1e-7, 5e-324, 1e21, 123456789012345678,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.NaN(), math.Inf(1), math.Inf(-1), 0.8333, 25.3}
	styles := []int{2, 3, 0, 4, 5, 17, 1}
	var rows [][]xcell
	var heights []float64
	for i, s := range strs {
		// sheetWriter is given cut text; excelize would cut without the marker.
		s, _, _ = cut(s)
		s2, _, _ := cut(strs[(i+1)%len(strs)])
		var r xrow
		r.text(s).integer(int(ints[i%len(ints)])).float(floats[i%len(floats)]).empty().text(s2).
			float(floats[(i+3)%len(floats)])
		if i%5 == 0 {
			r.text("beyond the styled columns")
		}
		rows = append(rows, r.cells)
		heights = append(heights, []float64{0, 30, 45, 180, 15, 22.5}[i%6])
	}
	t.Run("hostile", func(t *testing.T) { compareWithExcelize(t, rows, heights, styles) })
	t.Run("none", func(t *testing.T) { compareWithExcelize(t, nil, nil, styles) })
	t.Run("empty rows", func(t *testing.T) { compareWithExcelize(t, [][]xcell{{}, {{}}, {}}, []float64{0, 0, 30}, styles) })
	// Many rows of random text: the XML is compressed in many pieces.
	rng := rand.New(rand.NewPCG(1, 2))
	rows, heights = nil, nil
	for range 3000 {
		var r xrow
		for range 8 {
			switch rng.IntN(4) {
			case 0:
				b := make([]byte, rng.IntN(80))
				for i := range b {
					b[i] = "ab <&>\"'_x0041\n\t\xff\xc3\xa9"[rng.IntN(19)]
				}
				r.text(string(b))
			case 1:
				r.integer(rng.IntN(1<<20) - 1000)
			case 2:
				r.float(rng.NormFloat64() * 1000)
			default:
				r.empty()
			}
		}
		rows = append(rows, r.cells)
		heights = append(heights, float64(rng.IntN(4)*15))
	}
	t.Run("random", func(t *testing.T) { compareWithExcelize(t, rows, heights, styles) })
}

// FuzzSheetWriter compares sheetWriter with excelize's SetRow on one row.
func FuzzSheetWriter(f *testing.F) {
	for i, s := range xlsxHostile {
		if len(s) < 200 {
			f.Add(s, int64(i-3), float64(i)/7, uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, s string, n int64, fl float64, style uint8) {
		if utf16Len(s) > excelize.TotalCellChars {
			t.Skip()
		}
		var r xrow
		r.text(s).integer(int(n)).empty().float(fl).text(s + " ")
		st := int(style % 20)
		compareWithExcelize(t, [][]xcell{r.cells}, []float64{float64(style % 4 * 15)}, []int{st, st, 0, st})
	})
}

// TestCRC32Combine checks crc32Combine against the CRC of the
// concatenation.
func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 2, 3, 4, 7, 8, 100, 1000, 65536, 1 << 20} {
		a, b := make([]byte, rng.IntN(300)), make([]byte, n)
		for i := range a {
			a[i] = byte(rng.Uint32())
		}
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		want := crc32.ChecksumIEEE(append(append([]byte{}, a...), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(n)); got != want {
			t.Errorf("%d + %d bytes: %08x, want %08x", len(a), n, got, want)
		}
	}
}

// TestZipSorterSplice checks that rows given to zipSorter are spliced
// before the part's </sheetData>, that the entry reads back (CRC
// included) as the part with the rows, for rows in memory and in a
// temporary file, and none; and that a part without a single
// </sheetData>, or rows whose part is never written, are errors.
func TestZipSorterSplice(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	head, tail := `<worksheet><sheetData><row r="1"></row>`, `</sheetData><tableParts/></worksheet>`
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 3, 150000} { // 150,000 rows spill to a file
		zs := newZipSorter()
		d := zs.splice("xl/worksheets/sheet2.xml")
		w := newSheetWriter(d)
		var want strings.Builder
		for i := range n {
			var r xrow
			r.text(xlsxHostile[i%10]).text(strconv.FormatUint(rng.Uint64(), 36)).integer(i)
			if err := w.writeRow(i+2, 0, r.cells, nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.close(); err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			want.WriteString(inflateRows(t, d))
		}
		for _, name := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "a.xml"} {
			e, _ := zs.Create(name)
			io.WriteString(e, head)
			io.WriteString(e, tail)
		}
		zr := sortedZip(t, zs)
		for _, zf := range zr.File {
			wantPart := head + tail
			if zf.Name == "xl/worksheets/sheet2.xml" {
				wantPart = head + want.String() + tail
			}
			if got := readZipFile(t, zf); got != wantPart {
				t.Errorf("%d rows: %s is %d bytes, want %d", n, zf.Name, len(got), len(wantPart))
			}
		}
	}
	for _, part := range []string{"<worksheet></worksheet>", "<sheetData></sheetData></sheetData>"} {
		zs := newZipSorter()
		zs.splice("s.xml")
		e, _ := zs.Create("s.xml")
		io.WriteString(e, part)
		if err := zs.writeTo(io.Discard); !errors.Is(err, errNoSheetData) {
			t.Errorf("part %q: %v, want %v", part, err, errNoSheetData)
		}
		zs.cleanup()
	}
	zs := newZipSorter()
	zs.splice("never.xml")
	if err := zs.writeTo(io.Discard); err == nil || !strings.Contains(err.Error(), "never.xml") {
		t.Errorf("rows of a part never written: %v", err)
	}
	zs.cleanup()
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("temporary files left: %v", ents)
	}
}
