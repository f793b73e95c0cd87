package report

import (
	"fmt"
	"testing"

	"github.com/framelens/framelens/analysis"
)

// benchOutlets is the number of outlets of benchResult.
const benchOutlets = 100

// benchResult returns a result made of copies of the fixture: each copy
// renames the fixture's articles and gives each of its outlets one of
// benchOutlets names, and carries the fixture's quotes, matches, removed
// lines and reuse by article, and a passage occurring four times as often
// as the fixture's. Every outlet pair shares text. About 78 rows of the
// streamed sheets per copy.
func benchResult(tb testing.TB, copies int) *analysis.Result {
	tb.Helper()
	base := loadFixture(tb)
	r := &analysis.Result{Schema: base.Schema, Generator: base.Generator, Lexicon: base.Lexicon,
		Reuse: &analysis.Reuse{MinWords: 8}, Tests: base.Tests, Warnings: base.Warnings}
	outlet := func(name string, c int) string {
		return fmt.Sprintf("%s %02d", name, c%(benchOutlets/len(base.Outlets)))
	}
	seen := map[string]bool{}
	for c := range copies {
		for _, o := range base.Outlets {
			if name := outlet(o.Outlet, c); !seen[name] {
				seen[name] = true
				f := *o
				f.Outlet = name
				r.Outlets = append(r.Outlets, &f)
			}
		}
		id := func(s string) string { return fmt.Sprintf("%s-%05d", s, c) }
		for _, a := range base.Articles {
			x := *a
			x.ID, x.Outlet = id(a.ID), outlet(a.Outlet, c)
			r.Articles = append(r.Articles, &x)
		}
		for _, m := range base.Matches.All() {
			m.Article, m.Outlet = id(m.Article), outlet(m.Outlet, c)
			r.Matches.Append(&m)
		}
		for _, q := range base.Quotes.All() {
			q.Article, q.Outlet = id(q.Article), outlet(q.Outlet, c)
			r.Quotes.Append(&q)
		}
		for _, a := range base.Reuse.ByArticle {
			x := *a
			x.Article, x.Outlet = id(a.Article), outlet(a.Outlet, c)
			r.Reuse.ByArticle = append(r.Reuse.ByArticle, &x)
		}
		for _, p := range base.Reuse.Passages {
			x := *p
			x.Occurrences, x.Outlets = analysis.Occurrences{}, nil
			for k := range 4 {
				for _, oc := range p.Occurrences.All() {
					oc.Article, oc.Outlet = id(oc.Article), outlet(oc.Outlet, c+k)
					x.Occurrences.Append(&oc)
					x.Outlets = append(x.Outlets, oc.Outlet)
				}
			}
			r.Reuse.Passages = append(r.Reuse.Passages, &x)
		}
	}
	for i, a := range r.Outlets {
		for _, b := range r.Outlets[i+1:] {
			r.Reuse.Pairs = append(r.Reuse.Pairs, &analysis.ReusePair{A: a.Outlet, B: b.Outlet, SharedWords: 9 + i, Credited: i%2 == 0})
		}
	}
	return r
}

// byteCounter counts what is written to it.
type byteCounter int64

func (c *byteCounter) Write(p []byte) (int, error) {
	*c += byteCounter(len(p))
	return len(p), nil
}

// BenchmarkWriteXLSX writes the workbook of a report of 4,000 copies of
// the fixture: some 310,000 rows on the streamed sheets (Quotes and
// Evidence 88,000 each, Reuse 48,000), 20,000 articles. Bytes per second
// are of the workbook written.
func BenchmarkWriteXLSX(b *testing.B) {
	rep := New(benchResult(b, 4000), nil)
	b.ReportAllocs()
	b.ResetTimer()
	var n byteCounter
	for b.Loop() {
		n = 0
		if err := rep.WriteXLSX(&n); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(n))
}
