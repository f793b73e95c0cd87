package report

import (
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/framelens/framelens/analysis"
)

// xlsxHostileResult is the fixture with xlsxHostile strings in every
// string field that a streamed sheet shows, each string in each column
// at least once, odd numbers in its number fields and hostile outlet
// names.
func xlsxHostileResult(t *testing.T) *analysis.Result {
	r := loadFixture(t)
	h := func(i int) string { return xlsxHostile[i%len(xlsxHostile)] }
	outlet := map[string]string{}
	for i, o := range r.Outlets {
		outlet[o.Outlet] = o.Outlet + ` <&>"'` + strings.Repeat(" ", i)
		o.Outlet = outlet[o.Outlet]
	}
	n := len(xlsxHostile)
	quotes, matches := r.Quotes, r.Matches
	r.Quotes, r.Matches = analysis.Quotes{}, analysis.Matches{}
	for i := range n {
		q := quotes.At(i % quotes.Len())
		q.Outlet, q.Article, q.Kind, q.Speaker, q.SpeakerMention = outlet[q.Outlet], h(i), h(i+1), h(i+2), h(i+3)
		q.Affiliation, q.Rule, q.Words = h(i+4), h(i+5), i*1000-7
		if i%2 == 0 { // placed in the sentence, or not
			q.Text, q.Sentence = h(i+6), h(i+7)+h(i+6)+h(i+8)
			q.SentenceStart, q.Start, q.End = 0, len(h(i+7)), len(h(i+7))+len(h(i+6))
		} else {
			q.Text, q.Sentence = h(i+6), h(i+7)
		}
		r.Quotes.Append(&q)
		m := matches.At(i % matches.Len())
		m.Outlet, m.Article, m.Kind, m.Term, m.Category, m.Voice = outlet[m.Outlet], h(i+1), h(i+2), h(i+3), h(i+4), h(i+5)
		m.Text, m.Sentence = h(i), h(i+9)+" "+h(i)
		m.SentenceStart, m.Start, m.End = 0, len(h(i+9))+1, len(h(i+9))+1+len(h(i))
		r.Matches.Append(&m)
	}
	articles := r.Articles
	r.Articles = nil
	for i := range n {
		a := *articles[i%len(articles)]
		a.ID, a.Path, a.Line = h(i)+"#"+strconv.Itoa(i), h(i+1), i-1
		a.Outlet = outlet[a.Outlet]
		a.OutletEvidence, a.Title, a.Date, a.URL, a.Language = h(i+2), h(i+3), h(i+4), h(i+5), h(i+6)
		a.Credits = []string{h(i + 7), h(i + 8)}
		a.CreditEvidence = []*analysis.Credit{{Credited: h(i + 9), Text: h(i + 10)}}
		a.Words, a.Sentences, a.SHA256 = -i, i*7, h(i+11)
		a.RemovedLines = []*analysis.Removal{{Line: i - 1, Text: h(i + 12), Rule: h(i + 13)}}
		r.Articles = append(r.Articles, &a)
	}
	r.Warnings = nil
	for i := range n {
		r.Warnings = append(r.Warnings, analysis.Warning{Article: h(i), Path: h(i + 1), Line: i - 2, Message: h(i + 2)})
	}
	ru := r.Reuse
	for i, p := range ru.Passages {
		p.Words = -3 * i
		for j := range p.Outlets {
			p.Outlets[j] = outlet[p.Outlets[j]]
		}
		occ := p.Occurrences
		p.Occurrences = analysis.Occurrences{}
		for j := range n {
			oc := occ.At(j % occ.Len())
			oc.Outlet, oc.Article, oc.Text, oc.Start, oc.Quoted = h(j), h(j+1), h(j+2), j*11-1, j%3 == 0
			p.Occurrences.Append(&oc)
		}
	}
	floats := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 1e-9, 1e21, 0.1 + 0.2, 1.0 / 3}
	ru.ByArticle, ru.Pairs = nil, nil
	for i := range n {
		ru.ByArticle = append(ru.ByArticle, &analysis.ArticleReuse{Article: h(i), Outlet: h(i + 1), Words: i - 1,
			SharedWords: i + 1, Share: floats[i%len(floats)]})
		ru.Pairs = append(ru.Pairs, &analysis.ReusePair{A: h(i), B: h(i + 1), SharedWords: n - i, Credited: i%2 == 1})
	}
	return r
}

// readBack is what excelize.GetRows with raw values reads for a cell
// written from c.
func readBack(c xcell) string {
	switch c.typ {
	case cellText:
		s, _, _ := cut((&xlsxWriter{}).clean(c.s))
		return s
	case cellInt:
		return strconv.FormatInt(c.n, 10)
	case cellFloat:
		if math.IsNaN(c.f) || math.IsInf(c.f, 0) {
			return ""
		}
		return strconv.FormatFloat(c.f, 'f', -1, 64)
	}
	return ""
}

// streamedRows are the rows of one streamed sheet as recorded by
// recordStreams.
type streamedRows struct {
	cells [][]xcell  // as built
	want  [][]string // as excelize.GetRows should read them
}

// recordStreams sets streamTap for the test to record the rows of every
// streamed sheet.
func recordStreams(t *testing.T) map[string]*streamedRows {
	rec := map[string]*streamedRows{}
	streamTap = func(sheet string, rows iter.Seq[*xrow]) iter.Seq[*xrow] {
		out := &streamedRows{}
		rec[sheet] = out
		return func(yield func(*xrow) bool) {
			for r := range rows {
				vals := make([]string, len(r.cells))
				for i, c := range r.cells {
					vals[i] = readBack(c)
				}
				for len(vals) > 0 && vals[len(vals)-1] == "" { // as GetRows gives rows
					vals = vals[:len(vals)-1]
				}
				out.want = append(out.want, vals)
				out.cells = append(out.cells, slices.Clone(r.cells))
				if !yield(r) {
					return
				}
			}
		}
	}
	t.Cleanup(func() { streamTap = nil })
	return rec
}

// legacyStreamedRows writes rows as framelens did before sheetWriter,
// with excelize's StreamWriter.SetRow, and returns what excelize reads
// back.
func legacyStreamedRows(t *testing.T, rows [][]xcell) [][]string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	x := &xlsxWriter{}
	for i, r := range rows {
		cells := make([]any, len(r))
		for k, c := range r {
			cell := excelizeCell(c, 1)
			cell.Value, _ = x.value("Sheet1", k+1, i+1, cell.Value)
			cells[k] = cell
		}
		if err := sw.SetRow(cellName(1, i+1), cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	g := openXLSX(t, buf.Bytes())
	got, err := g.GetRows("Sheet1", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestXLSXStreamedCellsReadBack writes the workbook of a report full of
// hostile strings and odd numbers, and checks that excelize reads back
// every cell of every streamed sheet as the value its row was built
// from (text cleaned and cut), and that the same rows written with
// excelize's StreamWriter, as before sheetWriter, read back the same.
// The term matrices, empty in that report (its matches have hostile
// kinds), are checked on the plain fixture.
func TestXLSXStreamedCellsReadBack(t *testing.T) {
	rec := recordStreams(t)
	f := openXLSX(t, writeXLSX(t, xlsxHostileResult(t)))
	minRows := map[string]int{sheetLoaded: 0, sheetHedges: 0, sheetShare: 1, sheetSpeakers: 1}
	for _, sheet := range []string{sheetQuotes, sheetEvidence, sheetArticles, sheetRemoved, sheetReuse, sheetPairs, sheetShared, sheetWarnings} {
		minRows[sheet] = len(xlsxHostile)
	}
	if len(rec) != len(minRows) {
		t.Errorf("%d streamed sheets, want %d", len(rec), len(minRows))
	}
	for sheet, n := range minRows {
		checkStreamedReadBack(t, f, sheet, rec[sheet], n)
	}
	rec = recordStreams(t)
	f = openXLSX(t, writeXLSX(t, loadFixture(t)))
	for _, sheet := range []string{sheetLoaded, sheetHedges} {
		checkStreamedReadBack(t, f, sheet, rec[sheet], 1)
	}
}

// checkStreamedReadBack checks that the rows of sheet read back from f
// as recorded in rec, which has at least minRows rows.
func checkStreamedReadBack(t *testing.T, f *excelize.File, sheet string, rec *streamedRows, minRows int) {
	t.Helper()
	if rec == nil {
		t.Errorf("%s: not streamed", sheet)
		return
	}
	want := rec.want
	if len(want) < minRows {
		t.Errorf("%s: %d rows, want at least %d", sheet, len(want), minRows)
	}
	got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want)+1 {
		t.Fatalf("%s: %d rows read back, want a header and %d", sheet, len(got), len(want))
	}
	legacy := legacyStreamedRows(t, rec.cells)
	for i, w := range want {
		if g := got[i+1]; !slices.Equal(g, w) {
			t.Errorf("%s row %d reads back as\n%q\nwant\n%q", sheet, i+2, g, w)
		}
		if i >= len(legacy) || !slices.Equal(legacy[i], w) {
			t.Errorf("%s row %d: written with StreamWriter, it reads back differently", sheet, i+2)
		}
	}
}
