package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/framelens/framelens/analysis"
)

// Comparison is the model of the comparison features: text reuse, credits,
// distinguishing terms and the tests. Every slice is non-nil.
type Comparison struct {
	// MinWords is the shortest shared passage looked for, in words.
	MinWords int
	// Passages are the shared passages, longest first.
	Passages []*analysis.Passage
	// Pairs are the outlet pairs sharing text, most shared words first.
	Pairs []*analysis.ReusePair
	// Articles are the articles with shared text, highest share first.
	Articles []*analysis.ArticleReuse
	// Credits are the outlet → credited links.
	Credits []*analysis.CreditLink
	// Distinctive groups the distinguishing terms per outlet, in Outlets order.
	Distinctive []*OutletTerms
	// Tests are the significance tests with a plain-language verdict.
	Tests []*TestRow
}

// OutletTerms are one outlet's distinguishing terms, highest z first.
type OutletTerms struct {
	Outlet, Color string
	Terms         []*analysis.Distinctive
}

// TestRow is one test of whether the outlets differ.
type TestRow struct {
	*analysis.Test
	// Label names the feature in words; Verdict says what the test shows.
	Label, Verdict string
}

// ZSignificant is the z-score above which a distinguishing term is
// marked: a two-sided 5% level.
const ZSignificant = 1.96

var testLabels = map[string]string{
	"loaded":                  "Loaded terms per word",
	"hedges":                  "Hedges per word",
	"quoted_words_by_speaker": "Quoted words by speaker",
}

func newComparison(r *analysis.Result, outlets []*Outlet) *Comparison {
	c := &Comparison{
		Passages: []*analysis.Passage{}, Pairs: []*analysis.ReusePair{}, Articles: []*analysis.ArticleReuse{},
		Credits: []*analysis.CreditLink{}, Distinctive: []*OutletTerms{}, Tests: []*TestRow{},
	}
	if ru := r.Reuse; ru != nil {
		c.MinWords = ru.MinWords
		c.Passages = append(c.Passages, ru.Passages...)
		c.Pairs = append(c.Pairs, ru.Pairs...)
		for _, a := range ru.ByArticle {
			if a != nil && a.SharedWords > 0 {
				c.Articles = append(c.Articles, a)
			}
		}
		sort.SliceStable(c.Articles, func(i, j int) bool {
			if c.Articles[i].Share != c.Articles[j].Share {
				return c.Articles[i].Share > c.Articles[j].Share
			}
			return c.Articles[i].Article < c.Articles[j].Article
		})
	}
	for _, l := range r.Credits {
		if l != nil {
			c.Credits = append(c.Credits, l)
		}
	}
	by := make(map[string][]*analysis.Distinctive)
	for _, d := range r.Distinctive {
		if d != nil {
			by[d.Outlet] = append(by[d.Outlet], d)
		}
	}
	for _, o := range outlets {
		if ts := by[o.Name]; len(ts) > 0 {
			c.Distinctive = append(c.Distinctive, &OutletTerms{Outlet: o.Name, Color: o.Color, Terms: ts})
		}
	}
	for _, t := range r.Tests {
		if t == nil {
			continue
		}
		label := testLabels[t.Feature]
		if label == "" {
			label = t.Feature
		}
		c.Tests = append(c.Tests, &TestRow{Test: t, Label: label, Verdict: verdict(t)})
	}
	return c
}

// verdict says in words what a test shows.
func verdict(t *analysis.Test) string {
	switch {
	case t.DF == 0 || strings.HasPrefix(t.Note, "too few"):
		return "too little text to tell"
	case t.PValue < 0.05:
		return "the outlets differ more than chance would explain"
	default:
		return "no evidence that the outlets differ"
	}
}

// FormatP prints a p-value: "< 0.001" below one in a thousand.
func FormatP(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return fmt.Sprintf("%.3f", p)
}

// compareFindings are the summary sentences of the comparison.
func compareFindings(r *Report, add func(topic, format string, args ...any)) {
	c := r.Compare
	for _, t := range c.Tests {
		s := fmt.Sprintf("%s: %s (chi-square %.2f, %d degrees of freedom, p %s)", t.Label, t.Verdict, t.Statistic, t.DF, FormatP(t.PValue))
		if t.Note != "" {
			s += "; " + t.Note
		}
		add("compare", "%s.", s)
	}
	if len(c.Pairs) > 0 {
		p := c.Pairs[0]
		credited := "neither credits the other or a common source"
		if p.Credited {
			credited = "credited"
		}
		add("compare", "%s and %s share the most identical text: %s in passages of %d or more words (%s).",
			p.A, p.B, plural(p.SharedWords, "word"), c.MinWords, credited)
	} else if c.MinWords > 0 {
		add("compare", "No outlet shares a passage of %d or more words with another.", c.MinWords)
	}
	// The credits of the first maxSummaryOutlets outlets that credit
	// anyone; the rest are counted.
	credited := make(map[string][]string)
	for _, l := range c.Credits {
		credited[l.Outlet] = append(credited[l.Outlet], l.Credited)
	}
	var cr []string
	more := 0
	for _, o := range r.Outlets {
		names := credited[o.Name]
		switch {
		case len(names) == 0:
		case len(cr) == maxSummaryOutlets:
			more++
		default:
			cr = append(cr, fmt.Sprintf("%s credits %s", o.Name, joinAnd(names)))
		}
	}
	if more > 0 {
		verb := "credit"
		if more == 1 {
			verb = "credits"
		}
		cr = append(cr, fmt.Sprintf("%s %s others (see the credits table)", plural(more, "more outlet"), verb))
	}
	if len(cr) > 0 {
		add("compare", "%s.", capitalizeFirst(strings.Join(cr, "; ")))
	}
}

func capitalizeFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// reuseChart draws the words each pair of charted outlets shares as a
// symmetric heatmap. It returns nil when no charted pair shares text.
func reuseChart(id string, pairs []*analysis.ReusePair, outlets []*Outlet) *charts.HeatMap {
	index := make(map[string]int)
	for i, o := range outlets {
		index[o.Name] = i
	}
	data := []opts.HeatMapData{}
	maxWords := 1
	for _, p := range pairs {
		a, okA := index[p.A]
		b, okB := index[p.B]
		if !okA || !okB {
			continue
		}
		data = append(data, opts.HeatMapData{Value: []any{a, b, p.SharedWords}}, opts.HeatMapData{Value: []any{b, a, p.SharedWords}})
		maxWords = max(maxWords, p.SharedWords)
	}
	if len(data) == 0 {
		return nil
	}
	hm := charts.NewHeatMap()
	rotate := 0.0
	if len(outlets) > 6 {
		rotate = 35
	}
	hm.SetGlobalOptions(chartInit(id, 120+34*len(outlets)), noAnimation, noToolbox,
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "90", Top: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: outletAxis(outlets), Position: "top",
			AxisLabel: &opts.AxisLabel{Rotate: rotate, Interval: "0", Width: 140, Overflow: "truncate"}, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: outletAxis(outlets), Inverse: opts.Bool(true),
			AxisLabel: longLabel(180), SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Calculable: opts.Bool(false), Min: 0, Max: float32(maxWords),
			Orient: "vertical", Right: "0", Top: "middle", Text: []string{"more", "fewer"},
			InRange: &opts.VisualMapInRange{Color: []string{"#fee6ce", "#a63603"}}}),
	)
	hm.AddSeries("shared words", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	return hm
}

// creditedMark makes a credited node's name distinct from an outlet of
// the same name, so that two outlets crediting each other draw no cycle,
// which a Sankey diagram cannot show. It is invisible.
const creditedMark = "\u200b"

// creditsChart draws outlet → credited outlet or agency as a Sankey
// diagram, link width = articles, and returns it with its height in
// pixels. It returns nil when there are no credits.
func creditsChart(id string, links []*analysis.CreditLink, outlets []*Outlet) (*charts.Sankey, int) {
	shown := make(map[string]*Outlet)
	for _, o := range outlets {
		shown[o.Name] = o
	}
	var nodes []opts.SankeyNode
	var data []opts.SankeyLink
	seen := make(map[string]bool)
	node := func(name, color string) {
		if !seen[name] {
			seen[name] = true
			n := opts.SankeyNode{Name: name}
			if color != "" {
				n.ItemStyle = &opts.ItemStyle{Color: color}
			} else {
				n.ItemStyle = &opts.ItemStyle{Color: "#9e9e9e"}
			}
			nodes = append(nodes, n)
		}
	}
	rightNodes := 0
	for _, l := range links {
		o, ok := shown[l.Outlet]
		if !ok {
			continue
		}
		src, dst := clean(l.Outlet), clean(l.Credited)+creditedMark
		node(src, o.Color)
		if !seen[dst] {
			rightNodes++
		}
		node(dst, "")
		data = append(data, opts.SankeyLink{Source: src, Target: dst, Value: float32(l.Articles)})
	}
	if len(data) == 0 {
		return nil, 0
	}
	leftNodes := len(nodes) - rightNodes
	h := 80 + 34*max(leftNodes, rightNodes)
	sk := charts.NewSankey()
	sk.SetGlobalOptions(chartInit(id, h), noAnimation, noToolbox,
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
	)
	sk.AddSeries("credits", nodes, data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Color: "source", Opacity: opts.Float(0.35), Curveness: 0.5}))
	return sk, h
}
