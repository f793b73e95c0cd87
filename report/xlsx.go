package report

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"github.com/klauspost/compress/flate"
	"hash/crc32"
	"io"
	"io/fs"
	"iter"
	"math"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Sheet names, in workbook order.
const (
	sheetSummary  = "Summary"
	sheetCharts   = "Charts"
	sheetLoaded   = "Loaded terms"
	sheetHedges   = "Hedges"
	sheetQuotes   = "Quotes"
	sheetShare    = "Speaker share"
	sheetSpeakers = "Speakers by outlet"
	sheetEvidence = "Evidence"
	sheetArticles = "Articles"
	sheetRemoved  = "Removed lines"
	sheetLexicon  = "Lexicon"
	sheetTests    = "Tests"
	sheetReuse    = "Reuse"
	sheetPairs    = "Reuse pairs"
	sheetShared   = "Reuse by article"
	sheetCredits  = "Credits"
	sheetDistinct = "Distinctive"
	sheetWarnings = "Warnings"
	sheetAbout    = "About"
)

var xlsxSheets = []string{
	sheetSummary, sheetCharts, sheetLoaded, sheetHedges, sheetQuotes, sheetShare, sheetSpeakers,
	sheetEvidence, sheetArticles, sheetRemoved, sheetTests, sheetReuse, sheetPairs, sheetShared,
	sheetCredits, sheetDistinct, sheetLexicon, sheetWarnings, sheetAbout,
}

const (
	// truncMarker ends a cell whose text was cut at Excel's cell limit.
	truncMarker = "…[truncated]"
	// xlsxDocTime is the fixed creation and modification time of every
	// workbook, so that two runs give the same bytes.
	xlsxDocTime = "2000-01-01T00:00:00Z"
	// maxXLSXCols is the number of worksheet columns Excel allows.
	maxXLSXCols = excelize.MaxColumns
	// xlsxFont is the workbook's default font, named in every style that
	// sets a font so that no style falls back to another family.
	xlsxFont = "Calibri"
	// tableStyle is the Excel table style of every data table.
	tableStyle = "TableStyleLight9"
)

// WriteXLSX writes the report as an Excel workbook (.xlsx): a Summary sheet
// with one row per outlet, a Charts sheet of native Excel charts, the term
// × outlet and speaker × outlet matrices, every quote, match, article and
// removed line, the lexicon used, the warnings and an About sheet that
// explains how to read each sheet.
//
// Every string from the corpus is stored as a text cell, never as a
// formula, whatever it starts with; C0 control characters are dropped and
// text longer than Excel's 32,767-character cell limit is cut with a
// visible "…[truncated]" marker and listed on the Warnings sheet. The large
// sheets (Quotes, Evidence, Articles, Removed lines, Reuse, Reuse pairs,
// Reuse by article, Warnings) are streamed, and rows beyond Excel's
// 1,048,576-row limit are left out with a warning.
//
// Note: the output is deterministic: document properties carry a fixed
// date and the zip entries are written in name order, so the same report
// gives the same bytes. The parts are compressed concurrently into spools
// (large ones in temporary files), never into one in-memory zip, the rows
// of the streamed sheets as they are written, and then written to w; on
// an error w may hold part of a workbook.
func (r *Report) WriteXLSX(w io.Writer) error {
	if err := r.writeXLSX(w); err != nil {
		return fmt.Errorf("writing workbook: %w", err)
	}
	return nil
}

// writeXLSX builds the workbook and writes it to w.
func (r *Report) writeXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	zs := newZipSorter()
	defer zs.cleanup()
	x := &xlsxWriter{f: f, r: r, zs: zs, outletStyle: map[string]int{}}
	if err := x.init(); err != nil {
		return err
	}
	steps := []func() error{
		x.writeSummary, x.writeCharts,
		func() error { return x.writeTerms(sheetLoaded, "LoadedTerms", r.Loaded) },
		func() error { return x.writeTerms(sheetHedges, "Hedges", r.Hedges) },
		x.writeSpeakerShare, x.writeSpeakers, x.writeLexicon,
		x.writeQuotes, x.writeEvidence, x.writeArticles, x.writeRemoved, x.writeCompare,
		x.writeWarnings, x.writeAbout,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := x.finishStreams(); err != nil {
		return err
	}
	// Image content types are added by ranging over a map
	// (dependencies.md §2.6): sort them.
	if f.ContentTypes != nil {
		d := f.ContentTypes.Defaults
		sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	// excelize's Write builds the whole zip in a bytes.Buffer
	// (qax-os/excelize#2357); its zip writer is replaced by one that
	// compresses each part on a goroutine of its own into a spool, and the
	// buffer stays empty. The parts are then written to w in name order,
	// the streamed rows spliced into their sheets.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zs })
	if _, err := f.WriteToBuffer(); err != nil {
		return err
	}
	return zs.writeTo(w)
}

// zipSorter is the zip writer given to excelize. excelize writes streamed
// sheets in map order, so entries written as they come would make two
// workbooks with the same content differ in bytes: each entry is
// compressed into a spool of its own, on up to GOMAXPROCS goroutines, and
// writeTo writes the entries in name order with no timestamps. Deflate
// runs at its fastest level: a large workbook is mostly streamed rows, and
// level 1 takes a third of the time of level 5 for a file a third larger.
// The compressor is github.com/klauspost/compress/flate, a drop-in for
// compress/flate that deflates these parts twice as fast, a little smaller.
//
// The rows of a streamed sheet reach it already compressed (see splice):
// excelize writes the sheet with its header row only, and the entry is
// that part's XML up to its </sheetData>, the rows and the rest of the
// part, each compressed on its own into deflate blocks of one stream.
type zipSorter struct {
	entries []*zipEntry
	cur     *zipEntry
	sem     chan struct{}
	wg      sync.WaitGroup
	// rows are the compressed rows to splice into parts, by part name.
	rows map[string]*deflated
}

// zipEntry is one compressed part.
type zipEntry struct {
	name string
	in   chan []byte
	data spillBuffer
	// rows, when set, are spliced in after data and before tail.
	rows        *deflated
	tail        spillBuffer
	crc         uint32
	size, csize int64
	err         error
}

// newZipSorter returns an empty zipSorter.
func newZipSorter() *zipSorter {
	return &zipSorter{sem: make(chan struct{}, max(1, runtime.GOMAXPROCS(0))), rows: map[string]*deflated{}}
}

// splice returns the spool of the rows of the part with the given name,
// to be filled before the part is written: the rows go right before the
// part's </sheetData>. The spool is removed by cleanup.
func (z *zipSorter) splice(name string) *deflated {
	d := &deflated{}
	z.rows[name] = d
	return d
}

// Create starts an entry; the previous one is complete.
func (z *zipSorter) Create(name string) (io.Writer, error) {
	z.end()
	e := &zipEntry{name: name, in: make(chan []byte, 8), rows: z.rows[name]}
	z.entries = append(z.entries, e)
	z.cur = e
	z.wg.Add(1)
	go func() {
		defer z.wg.Done()
		z.sem <- struct{}{}
		defer func() { <-z.sem }()
		if e.rows != nil {
			e.compressSpliced()
		} else {
			e.compress()
		}
	}()
	return e, nil
}

// chunkPool recycles the copies of small writes (io.Copy's 32 KB).
var chunkPool = sync.Pool{New: func() any { return new([64 << 10]byte) }}

// deflaterPool recycles the compressors of the parts (1.2 MB each, and a
// workbook has some 70 parts).
var deflaterPool sync.Pool

// getDeflater returns a compressor at level 1 writing to w, as
// flate.NewWriter would.
func getDeflater(w io.Writer) *flate.Writer {
	if fw, ok := deflaterPool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return fw
	}
	fw, _ := flate.NewWriter(w, flate.BestSpeed) // no error at a valid level
	return fw
}

// putDeflater returns a compressor from getDeflater to deflaterPool.
func putDeflater(fw *flate.Writer) {
	fw.Reset(io.Discard) // lets go of the spool
	deflaterPool.Put(fw)
}

// Write hands a copy of p to the entry's compressor.
func (e *zipEntry) Write(p []byte) (int, error) {
	if len(p) > 0 && len(p) <= 64<<10 {
		c := chunkPool.Get().(*[64 << 10]byte)
		e.in <- c[:copy(c[:], p)]
	} else if len(p) > 0 {
		e.in <- bytes.Clone(p)
	}
	return len(p), nil
}

// recycle returns a chunk from Write to chunkPool.
func recycle(p []byte) {
	if cap(p) == 64<<10 {
		chunkPool.Put((*[64 << 10]byte)(p[:cap(p)]))
	}
}

func (e *zipEntry) compress() {
	h := crc32.NewIEEE()
	fw := getDeflater(&e.data)
	defer putDeflater(fw)
	for p := range e.in {
		if e.err != nil {
			continue // drain
		}
		h.Write(p)
		e.size += int64(len(p))
		_, e.err = fw.Write(p)
		recycle(p)
	}
	if e.err == nil {
		e.err = fw.Close()
	}
	if e.err == nil {
		e.err = e.data.err
	}
	e.crc, e.csize = h.Sum32(), e.data.n
}

// compressSpliced compresses a part into which e.rows are spliced: the
// part up to its </sheetData> into data, ending in a sync flush like the
// rows, and the rest of it into tail, ending the stream. The part is
// excelize's sheet with a header row, a few kilobytes, and is gathered
// whole first.
func (e *zipEntry) compressSpliced() {
	var part []byte
	for p := range e.in {
		part = append(part, p...)
		recycle(p)
	}
	end := []byte("</sheetData>")
	i := bytes.Index(part, end)
	if i < 0 || bytes.Count(part, end) != 1 {
		e.err = fmt.Errorf("%s: %w", e.name, errNoSheetData)
		return
	}
	if e.rows.data.err != nil {
		e.err = e.rows.data.err
		return
	}
	fw := getDeflater(&e.data)
	defer putDeflater(fw)
	if _, e.err = fw.Write(part[:i]); e.err == nil {
		e.err = fw.Flush()
	}
	fw.Reset(&e.tail)
	if e.err == nil {
		_, e.err = fw.Write(part[i:])
	}
	if e.err == nil {
		e.err = fw.Close()
	}
	if e.err == nil {
		e.err = errors.Join(e.data.err, e.tail.err)
	}
	e.crc = crc32.ChecksumIEEE(part[:i])
	e.crc = crc32Combine(e.crc, e.rows.crc, e.rows.size)
	e.crc = crc32.Update(e.crc, crc32.IEEETable, part[i:])
	e.size = int64(len(part)) + e.rows.size
	e.csize = e.data.n + e.rows.data.n + e.tail.n
}

// end closes the input of the current entry.
func (z *zipSorter) end() {
	if z.cur != nil {
		close(z.cur.in)
		z.cur = nil
	}
}

func (z *zipSorter) AddFS(fs.FS) error { return errors.New("zipSorter: AddFS not supported") }

// Close ends the last entry and waits for every compressor.
func (z *zipSorter) Close() error {
	z.end()
	z.wg.Wait()
	return nil
}

// writeTo writes the entries to w as a zip archive, in name order.
func (z *zipSorter) writeTo(w io.Writer) error {
	if err := z.Close(); err != nil {
		return err
	}
	entries := slices.Clone(z.entries)
	slices.SortStableFunc(entries, func(a, b *zipEntry) int { return strings.Compare(a.name, b.name) })
	for name := range z.rows {
		if !slices.ContainsFunc(entries, func(e *zipEntry) bool { return e.name == name }) {
			return fmt.Errorf("zipSorter: no part %s for its streamed rows", name)
		}
	}
	zw := zip.NewWriter(w)
	for _, e := range entries {
		if e.err != nil {
			return e.err
		}
		ew, err := zw.CreateRaw(&zip.FileHeader{
			Name: e.name, Method: zip.Deflate, CRC32: e.crc,
			CompressedSize64: uint64(e.csize), UncompressedSize64: uint64(e.size),
		})
		if err != nil {
			return err
		}
		if err := e.data.copyTo(ew); err != nil {
			return err
		}
		if e.rows != nil {
			if err := e.rows.data.copyTo(ew); err != nil {
				return err
			}
			if err := e.tail.copyTo(ew); err != nil {
				return err
			}
		}
	}
	return zw.Close()
}

// cleanup waits for the compressors and removes the spools.
func (z *zipSorter) cleanup() {
	z.Close()
	for _, e := range z.entries {
		e.data.remove()
		e.tail.remove()
	}
	for _, d := range z.rows {
		d.data.remove()
	}
}

// spillBuffer holds data in memory up to spillSize, then in a temporary
// file; the first error is kept in err.
type spillBuffer struct {
	mem  []byte
	file *bufio.Writer
	f    *os.File
	n    int64
	err  error
}

const spillSize = 1 << 20

func (b *spillBuffer) Write(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	b.n += int64(len(p))
	if b.f == nil && len(b.mem)+len(p) <= spillSize {
		b.mem = append(b.mem, p...)
		return len(p), nil
	}
	if b.f == nil {
		if b.f, b.err = os.CreateTemp("", "framelens-xlsx-*.part"); b.err != nil {
			return 0, b.err
		}
		b.file = bufio.NewWriterSize(b.f, 1<<16)
		if _, b.err = b.file.Write(b.mem); b.err != nil {
			return 0, b.err
		}
		b.mem = nil
	}
	if _, b.err = b.file.Write(p); b.err != nil {
		return 0, b.err
	}
	return len(p), nil
}

func (b *spillBuffer) copyTo(w io.Writer) error {
	if b.f == nil {
		_, err := w.Write(b.mem)
		return err
	}
	if err := b.file.Flush(); err != nil {
		return err
	}
	if _, err := b.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, b.f)
	return err
}

func (b *spillBuffer) remove() {
	if b.f != nil {
		b.f.Close()
		os.Remove(b.f.Name())
		b.f = nil
	}
	b.mem = nil
}

// xlsxMaxRows is the number of rows a sheet can hold; a variable so that
// tests can lower it.
var xlsxMaxRows = excelize.TotalRows

// xlsxWriter holds the state of one workbook being written.
type xlsxWriter struct {
	f *excelize.File
	r *Report
	// st holds the style ids.
	st struct {
		header, text, wrap, integer, number, rate, share, prob, stat, title, label, note int
	}
	// outletStyle maps a colour to the style of an outlet colour swatch.
	outletStyle map[string]int
	// notes are problems found while writing (truncated cells, rows left
	// out), listed on the Warnings sheet.
	notes []xlsxNote
	// truncated counts cells cut at the cell limit.
	truncated int
	// streams are the streamed sheets whose rows are still to be written
	// (see finishStreams).
	streams []*streamJob
	// zs is the zip writer the workbook goes to; streamed rows are
	// spliced into their sheets there.
	zs *zipSorter
	// seq numbers the tables in the order they are written, twice each
	// (at the start and at the end), so that notes can be sorted by it.
	seq int
}

// xlsxNote is one problem found while writing the workbook.
type xlsxNote struct {
	Cell    string // "Sheet!A1", quoted as a formula reference would be
	Message string
	seq     int // xlsxWriter.seq when it was found
}

// init creates the sheets in order, the styles and the document properties.
func (x *xlsxWriter) init() error {
	f := x.f
	if err := f.SetSheetName("Sheet1", xlsxSheets[0]); err != nil {
		return err
	}
	for _, name := range xlsxSheets[1:] {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// Print every sheet landscape, one page wide. Set before any
	// StreamWriter is made, which keeps these settings.
	landscape, one, zero, yes := "landscape", 1, 0, true
	for _, name := range xlsxSheets {
		if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
			return err
		}
		if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
			return err
		}
	}
	// Before any StreamWriter: SetActiveSheet reads every sheet, and would
	// parse the XML of streamed sheets still held in memory.
	f.SetActiveSheet(0)
	title := x.clean(x.r.Title)
	if title == "" {
		title = "framelens report"
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "framelens", LastModifiedBy: "framelens", Title: title,
		Subject: "Framing comparison of news outlets", Description: x.clean(x.r.Generator),
		Created: xlsxDocTime, Modified: xlsxDocTime, Language: "en-US",
	}); err != nil {
		return err
	}
	top := &excelize.Alignment{Vertical: "top"}
	rate, prob, stat, border := "0.0", "0.000", "0.00", []excelize.Border{{Type: "bottom", Color: "#1F3B57", Style: 2}}
	styles := []struct {
		id *int
		s  *excelize.Style
	}{
		{&x.st.header, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "#FFFFFF", Family: xlsxFont, Size: 11},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#1F3B57"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: border, NumFmt: 49}},
		{&x.st.text, &excelize.Style{NumFmt: 49, Alignment: top}},
		{&x.st.wrap, &excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&x.st.integer, &excelize.Style{NumFmt: 3, Alignment: top}},
		{&x.st.number, &excelize.Style{NumFmt: 1, Alignment: top}},
		{&x.st.rate, &excelize.Style{CustomNumFmt: &rate, Alignment: top}},
		{&x.st.share, &excelize.Style{NumFmt: 9, Alignment: top}},
		{&x.st.prob, &excelize.Style{CustomNumFmt: &prob, Alignment: top}},
		{&x.st.stat, &excelize.Style{CustomNumFmt: &stat, Alignment: top}},
		{&x.st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: "#1F3B57", Family: xlsxFont}, NumFmt: 49}},
		{&x.st.label, &excelize.Style{Font: &excelize.Font{Bold: true, Family: xlsxFont, Size: 11}, NumFmt: 49, Alignment: top}},
		{&x.st.note, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "#555555", Family: xlsxFont, Size: 11}, NumFmt: 49, Alignment: top}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(s.s)
		if err != nil {
			return err
		}
		*s.id = id
	}
	return nil
}

// swatch returns the style of a cell filled with an outlet colour.
func (x *xlsxWriter) swatch(color string) (int, error) {
	if id, ok := x.outletStyle[color]; ok {
		return id, nil
	}
	id, err := x.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "#FFFFFF", Family: xlsxFont, Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
		Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 49,
	})
	if err != nil {
		return 0, err
	}
	x.outletStyle[color] = id
	return id, nil
}

// clean makes s safe to store in a cell: invalid UTF-8 becomes U+FFFD,
// C0 control characters other than tab and newline are dropped (a carriage
// return becomes a newline), and U+FFFE and U+FFFF, which XML cannot hold,
// are dropped.
func (x *xlsxWriter) clean(s string) string {
	ok := utf8.ValidString(s)
	for i := 0; ok && i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0xEF {
			ok = false
		}
	}
	if ok {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte('\n')
			}
		case r < 0x20 && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// utf16Len is the length of s in UTF-16 code units, the unit of Excel's
// cell limit and of its text functions (LEN, MID).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// cut shortens s to at most excelize.TotalCellChars UTF-16 units, ending
// it with truncMarker when it cuts. It reports the original length.
func cut(s string) (string, int, bool) {
	if len(s) <= excelize.TotalCellChars { // bytes ≥ UTF-16 units
		return s, 0, false
	}
	n := utf16Len(s)
	if n <= excelize.TotalCellChars {
		return s, n, false
	}
	room := excelize.TotalCellChars - utf16Len(truncMarker)
	units := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > room {
			return s[:i] + truncMarker, n, true
		}
		units += w
	}
	return s, n, false // not reached
}

// text prepares a corpus string for the cell at column col and row row of
// sheet: cleaned, and cut at the cell limit with a note.
func (x *xlsxWriter) text(sheet string, col, row int, s string) string {
	s = x.clean(s)
	s2, n, cutted := cut(s)
	if cutted {
		ref := cellName(col, row)
		x.truncated++
		x.note(sheet, ref, fmt.Sprintf("text of %s characters cut to %s (Excel's cell limit); the full text is in framelens.json",
			FormatNumber(n), FormatNumber(excelize.TotalCellChars)))
	}
	return s2
}

// note records a problem found while writing the workbook.
func (x *xlsxWriter) note(sheet, ref, msg string) {
	cell := "'" + sheet + "'"
	if ref != "" {
		cell += "!" + ref
	}
	x.notes = append(x.notes, xlsxNote{Cell: cell, Message: msg, seq: x.seq})
}

// Row heights. Neither Excel nor LibreOffice fits a row to wrapped text
// when opening a file, so rows holding long text get an explicit height
// from an estimate of their line count.
const (
	lineHeight  = 15 // points per line of 11-point text
	maxRowLines = 12 // taller text is still all in the cell
)

// textLines estimates how many lines s takes when wrapped in a column of
// the given width (in characters of the default font). It counts one
// character per width unit, which slightly overestimates, so text is
// not clipped.
func textLines(s string, width float64) int {
	per := max(1, int(width)-1)
	n := 0
	for para := range strings.SplitSeq(s, "\n") {
		n += max(1, (utf16Len(para)+per-1)/per)
	}
	return n
}

// rowHeight is the height of a row whose tallest cell has the given
// number of lines; 0 (the default height) for one line.
func rowHeight(lines int) float64 {
	if lines <= 1 {
		return 0
	}
	return float64(min(lines, maxRowLines) * lineHeight)
}

// headerHeight is the height of a header row: at least two lines.
func (x *xlsxWriter) headerHeight(cols []xcol, hdr []string) float64 {
	lines := 2
	for i, h := range hdr {
		lines = max(lines, textLines(h, cols[i].colWidth()*0.9)) // bold text is wider
	}
	return rowHeight(lines)
}

// wrapLines is the line count of the tallest wrapped cell of a row.
func wrapLines(cols []xcol, j int, v any, lines int) int {
	if s, ok := v.(string); ok && j < len(cols) && cols[j].kind == kWrap {
		return max(lines, textLines(s, cols[j].colWidth()))
	}
	return lines
}

// colKind says how a column is formatted.
type colKind int

const (
	kText  colKind = iota // short text, text format
	kWrap                 // long text, wrapped, text format
	kInt                  // a count, "#,##0"
	kNum                  // an identifier-like number (line, offset), "0"
	kRate                 // a rate per 1,000 words, "0.0"
	kShare                // a share 0–1, "0%"
	kProb                 // a probability, "0.000"
	kStat                 // a test statistic or score, "0.00"
)

// xcol is one column of a table.
type xcol struct {
	head  string
	kind  colKind
	width float64 // 0: from the header
}

// styled is a cell value with its own style, for writeTable.
type styled struct {
	v     any
	style int
}

// xtable describes a data table: one header row and one row per record.
type xtable struct {
	sheet, name string
	cols        []xcol
	// freeze is the number of leading columns kept in view, besides the header row.
	freeze int
	// scale, if its color is set, shades the data rows of a streamed
	// table's columns scale.first to scale.last with a colour scale.
	scale xscale
}

// xscale is a colour scale over a table's columns first to last
// (1-based; last 0 for the table's last column).
type xscale struct {
	first, last int
	color       string
}

func (x *xlsxWriter) kindStyle(k colKind) int {
	switch k {
	case kWrap:
		return x.st.wrap
	case kInt:
		return x.st.integer
	case kNum:
		return x.st.number
	case kRate:
		return x.st.rate
	case kShare:
		return x.st.share
	case kProb:
		return x.st.prob
	case kStat:
		return x.st.stat
	}
	return x.st.text
}

func (c xcol) colWidth() float64 {
	if c.width > 0 {
		return c.width
	}
	// Headers wrap onto two lines, but no word should break.
	w := float64(utf8.RuneCountInString(c.head))*0.55 + 3
	for word := range strings.FieldsSeq(c.head) {
		w = max(w, float64(utf8.RuneCountInString(word))*1.15+2)
	}
	switch c.kind {
	case kText:
		w = max(w, 14)
	case kWrap:
		w = max(w, 60)
	default:
		w = max(w, 9)
	}
	return min(w, 40)
}

// headers returns the cleaned, unique header names of t's columns: Excel
// tables need distinct (case-insensitively) column names of at most 255
// characters, and no control characters.
func (x *xlsxWriter) headers(cols []xcol) []string {
	seen := make(map[string]bool)
	out := make([]string, len(cols))
	for i, c := range cols {
		h := strings.Join(strings.Fields(x.clean(c.head)), " ")
		if r := []rune(h); len(r) > 200 {
			h = string(r[:200]) + "…"
		}
		if h == "" {
			h = fmt.Sprintf("Column %d", i+1)
		}
		base := h
		for k := 2; seen[strings.ToLower(h)]; k++ {
			h = fmt.Sprintf("%s (%d)", base, k)
		}
		seen[strings.ToLower(h)] = true
		out[i] = h
	}
	return out
}

func freezePanes(cols int) *excelize.Panes {
	top := "A2"
	pane := "bottomLeft"
	if cols > 0 {
		top, _ = excelize.CoordinatesToCellName(cols+1, 2)
		pane = "bottomRight"
	}
	return &excelize.Panes{Freeze: true, XSplit: cols, YSplit: 1, TopLeftCell: top, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}}}
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// value prepares one cell value: text is cleaned and cut, empty text and
// non-finite numbers become empty cells.
func (x *xlsxWriter) value(sheet string, col, row int, v any) (any, int) {
	style := 0
	if s, ok := v.(styled); ok {
		v, style = s.v, s.style
	}
	switch t := v.(type) {
	case string:
		t = x.text(sheet, col, row, t)
		if t == "" {
			return nil, style
		}
		return t, style
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return nil, style
		}
	}
	return v, style
}

// printTitles repeats the header row of t's sheet on every printed page.
func (x *xlsxWriter) printTitles(t xtable) error {
	return x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + t.sheet + "'!$1:$1", Scope: t.sheet})
}

// writeTable writes a header row and the rows as an Excel table with
// filter buttons, a frozen header, column widths and number formats, cell
// by cell. It returns the number of data rows written. For tables that
// can be long, streamTable.
func (x *xlsxWriter) writeTable(t xtable, rows iter.Seq[[]any]) (int, error) {
	x.seq++
	defer func() { x.seq++ }()
	f := x.f
	if err := x.printTitles(t); err != nil {
		return 0, err
	}
	// Columns alike are set as one range: excelize rewrites its whole column
	// list on every call, so one call per column would be quadratic in the
	// number of outlets.
	for i := 0; i < len(t.cols); {
		j := i + 1
		for j < len(t.cols) && t.cols[j].colWidth() == t.cols[i].colWidth() && t.cols[j].kind == t.cols[i].kind {
			j++
		}
		first, last := colName(i+1), colName(j)
		if err := f.SetColWidth(t.sheet, first, last, t.cols[i].colWidth()); err != nil {
			return 0, err
		}
		if err := f.SetColStyle(t.sheet, first+":"+last, x.kindStyle(t.cols[i].kind)); err != nil {
			return 0, err
		}
		i = j
	}
	hdr := x.headers(t.cols)
	for i, h := range hdr {
		if err := f.SetCellStr(t.sheet, cellName(i+1, 1), h); err != nil {
			return 0, err
		}
	}
	last := cellName(len(t.cols), 1)
	if err := f.SetCellStyle(t.sheet, "A1", last, x.st.header); err != nil {
		return 0, err
	}
	if err := f.SetRowHeight(t.sheet, 1, x.headerHeight(t.cols, hdr)); err != nil {
		return 0, err
	}
	n, skipped := 0, 0
	for vals := range rows {
		row := n + 2
		if row > xlsxMaxRows {
			skipped++
			continue
		}
		lines := 1
		for j, v := range vals {
			cell := cellName(j+1, row)
			v, style := x.value(t.sheet, j+1, row, v)
			lines = wrapLines(t.cols, j, v, lines)
			if v != nil {
				if err := f.SetCellValue(t.sheet, cell, v); err != nil {
					return 0, err
				}
			}
			if style != 0 {
				if err := f.SetCellStyle(t.sheet, cell, cell, style); err != nil {
					return 0, err
				}
			}
		}
		if h := rowHeight(lines); h > 0 {
			if err := f.SetRowHeight(t.sheet, row, h); err != nil {
				return 0, err
			}
		}
		n++
	}
	x.skipped(t.sheet, skipped)
	if err := f.SetPanes(t.sheet, freezePanes(t.freeze)); err != nil {
		return 0, err
	}
	return n, f.AddTable(t.sheet, x.table(t, n))
}

func (x *xlsxWriter) table(t xtable, n int) *excelize.Table {
	yes := true
	return &excelize.Table{Range: "A1:" + cellName(len(t.cols), max(n, 1)+1), Name: t.name,
		StyleName: tableStyle, ShowRowStripes: &yes}
}

func (x *xlsxWriter) skipped(sheet string, n int) {
	if n > 0 {
		x.note(sheet, "", fmt.Sprintf("%s rows left out: Excel's limit is %s rows; every row is in framelens.json",
			FormatNumber(n), FormatNumber(xlsxMaxRows)))
	}
}

// streamTable is writeTable for sheets that can have millions of rows.
// It sets up the sheet and its header row with excelize's StreamWriter,
// and queues the rows for finishStreams, which writes the rows of all
// queued sheets at once, on as many goroutines as GOMAXPROCS, as XML of
// its own (see sheetWriter) that zipSorter splices into the sheet. Only
// the table (with its filter buttons) is added after the rows:
// conditional formats would be dropped on a streamed sheet. Each row
// yielded is read before the next is asked for, so rows can reuse one
// xrow.
func (x *xlsxWriter) streamTable(t xtable, rows iter.Seq[*xrow]) error {
	x.seq++
	defer func() { x.seq++ }()
	if streamTap != nil {
		rows = streamTap(t.sheet, rows)
	}
	if err := x.printTitles(t); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(t.sheet)
	if err != nil {
		return err
	}
	// Runs of columns of one width are set as one range, as in writeTable:
	// a matrix can have thousands of outlet columns.
	for i := 0; i < len(t.cols); {
		j := i + 1
		for j < len(t.cols) && t.cols[j].colWidth() == t.cols[i].colWidth() {
			j++
		}
		if err := sw.SetColWidth(i+1, j, t.cols[i].colWidth()); err != nil {
			return err
		}
		i = j
	}
	if err := sw.SetPanes(freezePanes(t.freeze)); err != nil {
		return err
	}
	hdr := x.headers(t.cols)
	cells := make([]any, len(hdr))
	for i, h := range hdr {
		cells[i] = excelize.Cell{StyleID: x.st.header, Value: h}
	}
	if err := sw.SetRow("A1", cells, excelize.RowOpts{Height: x.headerHeight(t.cols, hdr)}); err != nil {
		return err
	}
	// excelize names the part of the sheet with id N sheetN.xml (File.NewSheet);
	// zipSorter fails if no part of that name is written.
	rowsTo := x.zs.splice("xl/worksheets/sheet" + strconv.Itoa(sw.SheetID) + ".xml")
	x.streams = append(x.streams, &streamJob{t: t, rows: rows, sw: sw, out: rowsTo, seq: x.seq})
	return nil
}

// streamTap, when set (by tests), is given the rows of each streamed
// sheet and returns the rows to write. It is called on the goroutine
// writing the workbook; the rows are iterated on another.
var streamTap func(sheet string, rows iter.Seq[*xrow]) iter.Seq[*xrow]

// streamJob is the rows of one streamed sheet, queued by streamTable.
type streamJob struct {
	t    xtable
	rows iter.Seq[*xrow]
	sw   *excelize.StreamWriter
	out  *deflated // the rows' XML, for zipSorter
	seq  int       // the table's place among the workbook's tables, for its notes
	// w holds the notes and truncations found in the rows.
	w          *xlsxWriter
	n, skipped int
	err        error
}

// run writes the rows of j. Jobs of different sheets share only x's
// read-only state, so they can run at once.
func (j *streamJob) run() {
	x, t := j.w, j.t
	styles := make([]int, len(t.cols))
	widths := make([]float64, len(t.cols))
	for i, c := range t.cols {
		styles[i] = x.kindStyle(c.kind)
		if c.kind == kWrap {
			widths[i] = c.colWidth()
		}
	}
	sw := newSheetWriter(j.out)
	for r := range j.rows {
		row := j.n + 2
		if row > xlsxMaxRows {
			j.skipped++
			continue
		}
		lines := 1
		for k := range r.cells {
			c := &r.cells[k]
			if c.typ != cellText {
				continue
			}
			if c.s = x.text(t.sheet, k+1, row, c.s); c.s == "" {
				c.typ = cellEmpty
			} else if k < len(widths) && widths[k] > 0 {
				lines = max(lines, textLines(c.s, widths[k]))
			}
		}
		if j.err = sw.writeRow(row, rowHeight(lines), r.cells, styles); j.err != nil {
			j.err = fmt.Errorf("sheet %s row %d: %w", t.sheet, row, j.err)
			return
		}
		j.n++
	}
	if j.err = sw.close(); j.err != nil {
		j.err = fmt.Errorf("sheet %s: %w", t.sheet, j.err)
	}
}

// finishStreams writes the rows of the queued streamed sheets, then, in
// the order the sheets were queued, adds their tables, flushes them and
// records their notes, so the workbook does not depend on which sheet
// finished first.
func (x *xlsxWriter) finishStreams() error {
	jobs := x.streams
	x.streams = nil
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for _, j := range jobs {
		w := *x
		w.notes, w.truncated, w.streams, w.seq = nil, 0, nil, j.seq
		j.w = &w
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			j.run()
		}()
	}
	wg.Wait()
	for _, j := range jobs {
		if j.err != nil {
			return j.err
		}
		j.w.skipped(j.t.sheet, j.skipped)
		x.notes = append(x.notes, j.w.notes...)
		x.truncated += j.w.truncated
		if err := j.sw.AddTable(x.table(j.t, j.n)); err != nil {
			return err
		}
		// The sheet's conditional formats are written by Flush, from the
		// worksheet the stream writer shares with the file.
		if sc := j.t.scale; sc.color != "" && j.n > 0 && sc.first <= len(j.t.cols) {
			last := cmp.Or(sc.last, len(j.t.cols))
			if err := x.colorScale(j.t.sheet, cellName(sc.first, 2)+":"+cellName(last, j.n+1), sc.color); err != nil {
				return err
			}
		}
		if err := j.sw.Flush(); err != nil {
			return err
		}
	}
	// Notes in the order of the tables they are about.
	sort.SliceStable(x.notes, func(a, b int) bool { return x.notes[a].seq < x.notes[b].seq })
	return nil
}

// colorScale adds a two-colour scale (white to color) to a range.
func (x *xlsxWriter) colorScale(sheet, ref, color string) error {
	return x.f.SetConditionalFormat(sheet, ref, []excelize.ConditionalFormatOptions{{
		Type: "2_color_scale", Criteria: "=", MinType: "min", MaxType: "max",
		MinColor: "#FFFFFF", MaxColor: color,
	}})
}

// rows adapts a slice to a row sequence.
func rowsOf[T any](items []T, row func(T) []any) iter.Seq[[]any] {
	return func(yield func([]any) bool) {
		for _, it := range items {
			if !yield(row(it)) {
				return
			}
		}
	}
}
