package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/framelens/framelens/analysis"
)

// scaledResult returns a result with n outlets, each a copy of one of the
// fixture's outlets with its articles, matches, quotes, credits,
// distinguishing words and a warning, and one passage that every outlet
// carries, so that every per-outlet part of the report grows with n.
func scaledResult(t *testing.T, n int) *analysis.Result {
	t.Helper()
	base := loadFixture(t)
	r := &analysis.Result{Schema: base.Schema, Generator: base.Generator, Lexicon: base.Lexicon,
		Reuse: &analysis.Reuse{MinWords: 8}, Tests: base.Tests}
	passage := &analysis.Passage{Text: "kedua pemimpin menandatangani nota kesepahaman tentang kerja sama ekonomi", Words: 9}
	for i := range n {
		src := base.Outlets[i%len(base.Outlets)]
		name := fmt.Sprintf("Outlet %05d", i)
		o := *src
		o.Outlet = name
		o.Articles = src.Articles + i%3
		r.Outlets = append(r.Outlets, &o)
		for _, a := range base.Articles {
			if a.Outlet != src.Outlet {
				continue
			}
			c := *a
			c.ID, c.Outlet = fmt.Sprintf("%s-%05d", a.ID, i), name
			r.Articles = append(r.Articles, &c)
			passage.Articles = append(passage.Articles, c.ID)
			passage.Occurrences.Append(&analysis.PassageOccurrence{Article: c.ID, Outlet: name, Text: passage.Text})
		}
		passage.Outlets = append(passage.Outlets, name)
		for _, m := range base.Matches.All() {
			if m.Outlet == src.Outlet {
				m.Outlet, m.Article = name, fmt.Sprintf("%s-%05d", m.Article, i)
				r.Matches.Append(&m)
			}
		}
		for _, q := range base.Quotes.All() {
			if q.Outlet == src.Outlet {
				q.Outlet, q.Article = name, fmt.Sprintf("%s-%05d", q.Article, i)
				r.Quotes.Append(&q)
			}
		}
		for _, l := range base.Credits {
			if l.Outlet == src.Outlet {
				c := *l
				c.Outlet = name
				r.Credits = append(r.Credits, &c)
			}
		}
		for _, d := range base.Distinctive {
			if d.Outlet == src.Outlet {
				c := *d
				c.Outlet = name
				r.Distinctive = append(r.Distinctive, &c)
			}
		}
		r.Warnings = append(r.Warnings, analysis.Warning{Path: name + ".jsonl", Line: i + 1, Message: "duplicate article, counted once"})
	}
	r.Reuse.Passages = []*analysis.Passage{passage}
	return r
}

var (
	summaryRowRe = regexp.MustCompile(`(?s)<h3>Per outlet</h3>.*?</tbody>`)
	rowRe        = regexp.MustCompile(`<tr><td class="outlet">`)
)

// TestHTMLSizeBounded checks that the HTML report of a corpus with many
// outlets stays a few megabytes (the inlined ECharts is 1 MB of it) and
// hardly grows from 500 to 5,000 outlets, that the capped tables say what
// they leave out, and that the report model, which the workbook is
// written from, still holds every outlet.
func TestHTMLSizeBounded(t *testing.T) {
	const bound = 3 << 20
	sizes := map[int]int{}
	for _, n := range []int{500, 5000} {
		res := scaledResult(t, n)
		rep := New(res, &Options{Previous: loadFixture(t)})
		if len(rep.Outlets) != n || len(rep.ArticleRows) != len(res.Articles) || len(rep.Speakers.Outlets) != n || len(rep.Loaded.Outlets) != n {
			t.Fatalf("%d outlets: the report model lost outlets or articles", n)
		}
		var buf bytes.Buffer
		if err := rep.WriteHTML(&buf); err != nil {
			t.Fatal(err)
		}
		html := buf.String()
		sizes[n] = len(html)
		t.Logf("%d outlets, %d articles: %d bytes", n, len(res.Articles), len(html))
		if len(html) > bound {
			t.Errorf("%d outlets: report is %d bytes, over %d", n, len(html), bound)
		}
		total := FormatNumber(n)
		notes := []string{
			"Charts show 30 of the " + total + " outlets, those with most articles; the workbook's Summary sheet has every outlet.",
			"Columns: 30 of the " + total + " outlets, those with most articles. The workbook&#39;s Loaded terms sheet has them all.",
			"The workbook&#39;s Hedges sheet has them all.",
			"The workbook&#39;s Speaker share sheet has them all.",
			"The workbook&#39;s Credits sheet lists all",
			"articles carrying this passage; the workbook's Reuse sheet lists all.",
			"the workbook&#39;s Articles and Removed lines sheets list all.",
			"more are on the workbook's Warnings sheet.",
			"This page shows the evidence of 100 of the " + total + " outlets, those with most articles, at most 2,000 rows in all",
			"Long lists are cut here; the workbook's About sheet lists every change.",
		}
		if n > maxTableOutlets {
			notes = append(notes, "This table shows 500 of the "+total+" outlets, those with most articles; the workbook&#39;s Summary sheet has them all.")
		}
		for _, note := range notes {
			if !strings.Contains(html, note) {
				t.Errorf("%d outlets: no note %q", n, note)
			}
		}
		m := summaryRowRe.FindString(html)
		if got, want := len(rowRe.FindAllString(m, -1)), min(n, maxTableOutlets); got != want {
			t.Errorf("%d outlets: summary table has %d rows, want %d", n, got, want)
		}
	}
	if sizes[5000] > sizes[500]*5/4 {
		t.Errorf("report grows from %d bytes (500 outlets) to %d (5,000 outlets)", sizes[500], sizes[5000])
	}
}

// TestHTMLCompleteForFewOutlets checks that a small corpus loses nothing:
// no table of the fixture report is capped.
func TestHTMLCompleteForFewOutlets(t *testing.T) {
	html := string(render(t, loadFixture(t), nil))
	for _, bad := range []string{"This table shows", "Columns: ", "Rows: ", "are listed here", "left out of this page", "Charts show 4 of", "more are on the workbook"} {
		if strings.Contains(html, bad) {
			t.Errorf("the fixture report has a note %q", bad)
		}
	}
}
