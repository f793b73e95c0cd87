package report

import (
	"errors"
	"github.com/klauspost/compress/flate"
	"hash/crc32"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The rows of streamed sheets are written here as SpreadsheetML, not
// with excelize's StreamWriter.SetRow, which boxes every cell and builds
// its XML through several temporary strings. excelize still writes the
// rest of each streamed sheet (its columns, frozen panes, header row,
// table part and page setup); the rows, compressed as they are written,
// are spliced into that part by zipSorter. The XML is byte for byte what
// SetRow writes for the same cells (see TestSheetWriterMatchesExcelize).

// cellType says what an xcell holds.
type cellType uint8

const (
	cellEmpty cellType = iota // no value: written with the column's style only
	cellText                  // a string, written as an inline string
	cellInt                   // an integer
	cellFloat                 // a float64; NaN and ±Inf become empty cells
)

// xcell is one cell of a streamed row.
type xcell struct {
	typ cellType
	s   string  // cellText
	n   int64   // cellInt
	f   float64 // cellFloat
}

// xrow is one row of a streamed table, built by the table's row
// sequence one cell after another in column order, and written by
// streamJob.run. Text cells are cleaned and cut like every corpus
// string (xlsxWriter.text); empty text makes an empty cell.
type xrow struct {
	cells []xcell
}

// reset empties r for the next row.
func (r *xrow) reset() *xrow {
	r.cells = r.cells[:0]
	return r
}

// text appends a text cell.
func (r *xrow) text(s string) *xrow {
	r.cells = append(r.cells, xcell{typ: cellText, s: s})
	return r
}

// integer appends a number cell holding n.
func (r *xrow) integer(n int) *xrow {
	r.cells = append(r.cells, xcell{typ: cellInt, n: int64(n)})
	return r
}

// float appends a number cell holding f.
func (r *xrow) float(f float64) *xrow {
	r.cells = append(r.cells, xcell{typ: cellFloat, f: f})
	return r
}

// empty appends an empty cell.
func (r *xrow) empty() *xrow {
	r.cells = append(r.cells, xcell{})
	return r
}

// nonZero appends n, or an empty cell for 0.
func (r *xrow) nonZero(n int) *xrow {
	if n == 0 {
		return r.empty()
	}
	return r.integer(n)
}

// placed appends the start and length of a snippet's highlight as
// xlsxWriter.place gives them: two empty cells when !ok.
func (r *xrow) placed(start, length int, ok bool) *xrow {
	if !ok {
		return r.empty().empty()
	}
	return r.integer(start).integer(length)
}

// deflated is a run of XML compressed as raw deflate blocks ending in a
// sync flush (byte-aligned and not final), so that it can stand in the
// middle of another deflate stream; crc and size are the CRC-32 and
// length of the uncompressed bytes.
type deflated struct {
	data spillBuffer
	crc  uint32
	size int64
}

// sheetWriterFlush is how much XML sheetWriter gathers before compressing it.
const sheetWriterFlush = 64 << 10

// sheetWriter writes rows as SpreadsheetML into a deflated.
type sheetWriter struct {
	out  *deflated
	fw   *flate.Writer
	buf  []byte
	refs []string // column letters, by column index from 0
}

// newSheetWriter returns a sheetWriter that writes to out.
func newSheetWriter(out *deflated) *sheetWriter {
	return &sheetWriter{out: out, buf: make([]byte, 0, sheetWriterFlush+8<<10)}
}

// writeRow writes row number r with the given height (0 for the default)
// and cells, each with the style of its column in styles (0: none), as
// StreamWriter.SetRow writes excelize.Cell values with these styles. The
// cells' text is to be cleaned and cut already: it is escaped, but no
// character is dropped and no text is cut here.
func (w *sheetWriter) writeRow(r int, height float64, cells []xcell, styles []int) error {
	if r < 1 || r > excelize.TotalRows {
		return excelize.ErrMaxRows
	}
	if height > excelize.MaxRowHeight {
		return excelize.ErrMaxRowHeight
	}
	for len(w.refs) < len(cells) {
		name, err := excelize.ColumnNumberToName(len(w.refs) + 1)
		if err != nil {
			return err
		}
		w.refs = append(w.refs, name)
	}
	b := append(w.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for k := range cells {
		c := &cells[k]
		b = append(b, `<c r="`...)
		b = append(b, w.refs[k]...)
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, '"')
		if k < len(styles) && styles[k] > 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(styles[k]), 10)
			b = append(b, '"')
		}
		switch c.typ {
		case cellText:
			b = append(b, ` t="inlineStr"><is><t`...)
			if spacePreserved(c.s) {
				b = append(b, ` xml:space="preserve"`...)
			}
			b = append(b, '>')
			b = appendCellText(b, c.s)
			b = append(b, `</t></is></c>`...)
		case cellInt:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, c.n, 10)
			b = append(b, `</v></c>`...)
		case cellFloat:
			if math.IsNaN(c.f) || math.IsInf(c.f, 0) {
				b = append(b, `></c>`...)
				break
			}
			b = append(b, `><v>`...)
			b = strconv.AppendFloat(b, c.f, 'f', -1, 64)
			b = append(b, `</v></c>`...)
		default:
			b = append(b, `></c>`...)
		}
	}
	b = append(b, `</row>`...)
	w.buf = b
	if len(b) >= sheetWriterFlush {
		return w.flush()
	}
	return nil
}

// flush compresses the gathered XML.
func (w *sheetWriter) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	if w.fw == nil {
		w.fw = getDeflater(&w.out.data)
	}
	w.out.crc = crc32.Update(w.out.crc, crc32.IEEETable, w.buf)
	w.out.size += int64(len(w.buf))
	if _, err := w.fw.Write(w.buf); err != nil {
		return err
	}
	w.buf = w.buf[:0]
	return w.out.data.err
}

// close compresses what is left and ends the blocks with a sync flush.
func (w *sheetWriter) close() error {
	if err := w.flush(); err != nil {
		return err
	}
	if w.fw == nil {
		return nil // no rows: nothing to splice
	}
	err := w.fw.Flush()
	putDeflater(w.fw)
	w.fw = nil
	if err != nil {
		return err
	}
	return w.out.data.err
}

// spacePreserved reports whether excelize marks a text cell holding s
// xml:space="preserve": when it starts or ends with a blank.
func spacePreserved(s string) bool {
	if s == "" {
		return false
	}
	space := func(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }
	return space(s[0]) || space(s[len(s)-1])
}

// xmlPlain marks the bytes that appendCellText copies as they are.
var xmlPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	for _, c := range `"'&<>` {
		t[c] = false
	}
	t['\n'] = true
	return t
}()

// appendCellText appends s as the text of an inline string cell, as
// excelize writes it: escaped by xml.EscapeText but for newlines, which
// stay as they are, then with excelize's escapes of "_xHHHH_" sequences
// (see bstrMarshal).
func appendCellText(b []byte, s string) []byte {
	if strings.Contains(s, "_x") {
		// Rare: escape on the side, then apply bstrMarshal as excelize does.
		return append(b, bstrMarshal(string(escapeCellText(nil, s)))...)
	}
	return escapeCellText(b, s)
}

// escapeCellText appends s escaped as xml.EscapeText escapes it, except
// that a newline stays a newline.
func escapeCellText(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if xmlPlain[c] {
			i++
			continue
		}
		var esc string
		width := 1
		switch c {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		default:
			var r rune
			r, width = utf8.DecodeRuneInString(s[i:])
			if xmlChar(r) && (r != utf8.RuneError || width > 1) {
				i += width
				continue
			}
			esc = "\uFFFD"
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether r is a character XML 1.0 allows.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal is excelize's bstrMarshal (lib.go, v2.11.0), which every
// inline string passes through: a "_xHHHH_" sequence, which Excel reads
// as the character U+HHHH, gets its underscore escaped as "_x005F_" so
// that it reads back as written. Note: as in excelize, a sequence naming
// a surrogate (_xD800_ to _xDFFF_) is dropped, and "_x005F_" is escaped
// differently when an escape follows it; the workbook must keep what
// excelize wrote.
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// crc32Combine returns the CRC-32 (IEEE) of the concatenation of two
// byte strings from the CRC of each and the length of the second, as
// zlib's crc32_combine does.
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	if len2 <= 0 {
		return crc1
	}
	var even, odd [32]uint32 // operators for 2^n zero bits, n even and odd
	odd[0] = crc32.IEEE
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four zero bits
	// Apply len2 zero bytes to crc1, one power of two at a time.
	for {
		gf2Square(&even, &odd)
		if len2&1 != 0 {
			crc1 = gf2Times(&even, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if len2&1 != 0 {
			crc1 = gf2Times(&odd, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

// gf2Times multiplies the 32×32 bit matrix mat by vec, over GF(2).
func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

// gf2Square sets square to mat × mat, over GF(2).
func gf2Square(square, mat *[32]uint32) {
	for n := range mat {
		square[n] = gf2Times(mat, mat[n])
	}
}

// errNoSheetData is returned for a streamed sheet whose part, as excelize
// wrote it, has not exactly one end of sheetData to splice its rows before.
var errNoSheetData = errors.New("no single </sheetData> to insert the rows before")
