package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/framelens/framelens/analysis"
)

// echartsJS is Apache ECharts' distribution file, inlined into every
// HTML report so that the page works offline. Refresh it with
// assets/update-echarts.sh; its SHA-256 is in assets/echarts.min.js.sha256.
//
//go:embed assets/echarts.min.js
var echartsJS string

//go:embed assets/echarts.version
var echartsVersion string

//go:embed assets/NOTICE
var echartsNotice string

//go:embed page.tmpl
var pageTemplate string

// Chart element ids. They are JavaScript-safe ([A-Za-z0-9_]) and fixed,
// so two renders of one report are byte-identical.
const (
	idLoadedVoice = "c01_loaded_voice"
	idLoadedRate  = "c02_loaded_rate"
	idLoadedTerms = "c03_loaded_terms"
	idQuoteShare  = "c04_quote_share"
	idReported    = "c05_reported"
	idHedgeRate   = "c06_hedge_rate"
	idHedgeTerms  = "c07_hedge_terms"
	idReuse       = "c08_reuse"
	idCredits     = "c09_credits"
)

// maxEvidenceRows bounds the evidence rows (matches plus quotes) in the
// HTML report, at most maxOutletEvidence of each kind per outlet, so that a
// large corpus still gives a page a browser opens; the workbook and the
// JSON hold every row.
const (
	maxEvidenceRows   = 3000
	maxOutletEvidence = 200
)

// evidenceView is one outlet's evidence as shown in the HTML report.
type evidenceView struct {
	*OutletEvidence
	Matches                   []*MatchEvidence
	Quotes                    []*QuoteEvidence
	TotalMatches, TotalQuotes int
	// Hidden counts the rows left out.
	Hidden int
}

func evidenceViews(ev []*OutletEvidence) []*evidenceView {
	out := make([]*evidenceView, 0, len(ev))
	budget := maxEvidenceRows
	for _, e := range ev {
		nm := min(len(e.Matches), maxOutletEvidence, budget)
		budget -= nm
		nq := min(len(e.Quotes), maxOutletEvidence, budget)
		budget -= nq
		out = append(out, &evidenceView{OutletEvidence: e, Matches: e.Matches[:nm], Quotes: e.Quotes[:nq],
			TotalMatches: len(e.Matches), TotalQuotes: len(e.Quotes), Hidden: len(e.Matches) - nm + len(e.Quotes) - nq})
	}
	return out
}

// The HTML report shows the longest shared passages, the outlet pairs and
// articles sharing most text, and the distinguishing words of the charted
// outlets; the workbook and the JSON list all.
const (
	maxPassages  = 40
	maxReuseRows = 100
)

var chartIDRe = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// page is the data of the HTML template.
type page struct {
	R *Report
	// ChartOutlets are the outlets shown in charts; Hidden counts the rest.
	ChartOutlets []*Outlet
	Hidden       int
	// Charts are all charts in page order; the named fields point into it
	// (nil when a chart has nothing to show).
	Charts                               []*chart
	LoadedVoice, LoadedRate, LoadedTerms *chart
	QuoteShare, Reported                 *chart
	HedgeRate, HedgeTerms                *chart
	Reuse, Credits                       *chart
	// Evidence is the evidence shown, per outlet.
	Evidence []*evidenceView
	// Passages are the shared passages shown; MorePassages counts the rest.
	Passages     []*analysis.Passage
	MorePassages int
	// Pairs, SharedArticles and Distinctive are the comparison rows shown;
	// the More* fields count the rest.
	Pairs                                  []*analysis.ReusePair
	SharedArticles                         []*analysis.ArticleReuse
	Distinctive                            []*OutletTerms
	MorePairs, MoreShared, MoreDistinctive int
	// Findings are the summary sentences grouped by topic.
	Intro    []string
	Findings []findingGroup
	// HeatmapTerms is the number of terms drawn in heatmaps.
	HeatmapTerms   int
	ECharts        template.JS
	EChartsVersion string
	EChartsNotice  string
}

type findingGroup struct {
	Title string
	Items []string
}

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"num":  FormatNumber,
	"rate": FormatRate,
	"pct":  FormatPercent,
	"pval": FormatP,
	"sigz": func(z float64) bool { return z >= ZSignificant },
	"rateci": func(lo, hi float64) string {
		return FormatRate(lo) + "–" + FormatRate(hi)
	},
	"pctci":  rangePercent,
	"voice":  func(v string) string { return VoiceLabels[v] },
	"voices": func() []string { return Voices },
	"vcount": VoiceCount,
	"swatch": swatch,
	"mark":   mark,
	"speaker": func(s string) string {
		return speakerName(s)
	},
	"voicecell": voiceCell,
	"plural":    plural,
}).Parse(pageTemplate))

// WriteHTML writes the report as one self-contained HTML page: ECharts
// is inlined, nothing is fetched from the network, every corpus string is
// escaped, and the same report always gives the same bytes. The page
// ends with a hidden status element (id "framelens-status") that its
// scripts fill with the number of charts drawn and script errors seen,
// for browser tests.
func (r *Report) WriteHTML(w io.Writer) error {
	p, err := r.page()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, p); err != nil {
		return fmt.Errorf("rendering HTML report: %w", err)
	}
	_, err = w.Write(breakMarkers(buf.Bytes()))
	return err
}

func (r *Report) page() (*page, error) {
	p := &page{
		R:              r,
		ChartOutlets:   r.Outlets[:r.ChartOutlets],
		Hidden:         len(r.Outlets) - r.ChartOutlets,
		ECharts:        template.JS(echartsJS),
		EChartsVersion: strings.TrimSpace(echartsVersion),
		EChartsNotice:  strings.TrimSpace(echartsNotice),
		Charts:         []*chart{},
		HeatmapTerms:   maxHeatmapTerms,
		Evidence:       evidenceViews(r.Evidence),
	}
	add := func(c jsonChart, id, title, note string) (*chart, error) {
		if !chartIDRe.MatchString(id) {
			return nil, fmt.Errorf("invalid chart id %q", id)
		}
		opt, err := optionJSON(c)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", id, err)
		}
		h := 400
		if hc, ok := c.(interface{ height() int }); ok {
			h = hc.height()
		}
		ch := &chart{ID: id, Title: title, Note: note, Height: h, Option: opt}
		p.Charts = append(p.Charts, ch)
		return ch, nil
	}
	var err error
	outs := p.ChartOutlets
	if len(outs) > 0 {
		if p.LoadedVoice, err = add(heightOf(voiceChart(idLoadedVoice, outs), outletRowsHeight(len(outs))), idLoadedVoice,
			"Loaded terms per outlet, by voice (counts)",
			"Dark: the outlet's own words; lighter: inside quotes or reported speech; palest with a border: inside scare quotes."); err != nil {
			return nil, err
		}
		if p.LoadedRate, err = add(heightOf(rateChart(idLoadedRate, outs, func(o *Outlet) Rate { return o.Loaded }), outletRowsHeight(len(outs))), idLoadedRate,
			"Loaded terms per 1,000 words, with 95% intervals",
			"Bars: all voices. Whiskers: exact Poisson 95% interval. Overlapping whiskers mean too little text to tell the outlets apart."); err != nil {
			return nil, err
		}
		if len(r.Loaded.Rows) > 0 {
			if p.LoadedTerms, err = add(heightOf(heatmapChart(idLoadedTerms, r.Loaded, outs), 110+26*min(len(r.Loaded.Rows), maxHeatmapTerms)), idLoadedTerms,
				"Loaded terms × outlet (counts)", heatmapNote(len(r.Loaded.Rows))); err != nil {
				return nil, err
			}
		}
		if c := shareChart(idQuoteShare, r.Speakers, outs); c != nil {
			if p.QuoteShare, err = add(heightOf(c, outletRowsHeight(len(outs))+30), idQuoteShare,
				"Quote share by speaker: each outlet's quoted words = 100%",
				fmt.Sprintf("The %d speakers with most quoted words are drawn separately; an empty bar means the outlet quotes no one directly.", maxShareSpeakers)); err != nil {
				return nil, err
			}
		}
		if c := reportedChart(idReported, r.Speakers, outs); c != nil {
			n := 0
			for _, row := range r.Speakers.Rows {
				if row.Reported > 0 {
					n++
				}
			}
			if p.Reported, err = add(heightOf(c, 90+30*min(n, maxReportedSpeakers)), idReported,
				"Reported statements (indirect speech) by speaker, stacked by outlet",
				fmt.Sprintf("At most %d speakers, most reported first.", maxReportedSpeakers)); err != nil {
				return nil, err
			}
		}
		if p.HedgeRate, err = add(heightOf(rateChart(idHedgeRate, outs, func(o *Outlet) Rate { return o.Hedges }), outletRowsHeight(len(outs))), idHedgeRate,
			"Hedges per 1,000 words, with 95% intervals",
			"Bars: all voices. Whiskers: exact Poisson 95% interval. Overlapping whiskers mean too little text to tell the outlets apart."); err != nil {
			return nil, err
		}
		if len(r.Hedges.Rows) > 0 {
			if p.HedgeTerms, err = add(heightOf(heatmapChart(idHedgeTerms, r.Hedges, outs), 110+26*min(len(r.Hedges.Rows), maxHeatmapTerms)), idHedgeTerms,
				"Hedges × outlet (counts)", heatmapNote(len(r.Hedges.Rows))); err != nil {
				return nil, err
			}
		}
	}

	if c := r.Compare; c != nil && len(outs) > 0 {
		if ch := reuseChart(idReuse, c.Pairs, outs); ch != nil {
			if p.Reuse, err = add(heightOf(ch, 120+34*len(outs)), idReuse, "Identical text shared by each pair of outlets (words)",
				fmt.Sprintf("Words in passages of %d or more words that both outlets carry, compared after lower-casing and ignoring punctuation.", c.MinWords)); err != nil {
				return nil, err
			}
		}
		if ch, h := creditsChart(idCredits, c.Credits, outs); ch != nil {
			if p.Credits, err = add(heightOf(ch, h), idCredits, "Who credits whom",
				"Left: outlets; right: the outlets and agencies their articles credit; width: articles."); err != nil {
				return nil, err
			}
		}
	}
	if c := r.Compare; c != nil {
		p.Passages = c.Passages[:min(len(c.Passages), maxPassages)]
		p.MorePassages = len(c.Passages) - len(p.Passages)
		p.Pairs = c.Pairs[:min(len(c.Pairs), maxReuseRows)]
		p.MorePairs = len(c.Pairs) - len(p.Pairs)
		p.SharedArticles = c.Articles[:min(len(c.Articles), maxReuseRows)]
		p.MoreShared = len(c.Articles) - len(p.SharedArticles)
		charted := make(map[string]bool)
		for _, o := range p.ChartOutlets {
			charted[o.Name] = true
		}
		p.Distinctive = []*OutletTerms{}
		for _, d := range c.Distinctive {
			if charted[d.Outlet] {
				p.Distinctive = append(p.Distinctive, d)
			}
		}
		p.MoreDistinctive = len(c.Distinctive) - len(p.Distinctive)
	}

	titles := map[string]string{
		"loaded":  "Loaded terms in the outlets' own voice",
		"quotes":  "Whom each outlet quotes most",
		"hedges":  "How much each outlet hedges",
		"compare": "Do the outlets differ, and what do they share?",
	}
	for _, topic := range []string{"loaded", "quotes", "hedges", "compare"} {
		g := findingGroup{Title: titles[topic]}
		for _, f := range r.Summary {
			if f.Topic == topic {
				g.Items = append(g.Items, f.Text)
			}
		}
		if len(g.Items) > 0 {
			p.Findings = append(p.Findings, g)
		}
	}
	for _, f := range r.Summary {
		if f.Topic == "corpus" || f.Topic == "caveat" {
			p.Intro = append(p.Intro, f.Text)
		}
	}
	return p, nil
}

func heatmapNote(terms int) string {
	if terms > maxHeatmapTerms {
		return fmt.Sprintf("The %d most frequent of %d terms; the table below lists all.", maxHeatmapTerms, terms)
	}
	return "Empty cells: no match."
}

// sized is a chart with a known height in pixels.
type sized struct {
	jsonChart
	h int
}

func (s sized) height() int { return s.h }

func heightOf(c jsonChart, h int) jsonChart { return sized{c, h} }

var colorRe = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// swatch returns the CSS of a colour swatch; colours come from our
// palette, and anything else is replaced by grey.
func swatch(color string) template.CSS {
	if !colorRe.MatchString(color) {
		color = "#888888"
	}
	return template.CSS("background:" + color)
}

// mark renders a snippet with its highlighted part in <mark>, escaping
// every part.
func mark(s Snippet) template.HTML {
	before, m, after := s.Split()
	e := template.HTMLEscapeString
	if m == "" {
		return template.HTML(e(s.Sentence))
	}
	return template.HTML(e(before) + "<mark>" + e(m) + "</mark>" + e(after))
}

// voiceCell is the voice breakdown of a term count, e.g. "own 2 · quote 1".
func voiceCell(vc analysis.VoiceCounts) string {
	var parts []string
	add := func(label string, n int) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", label, n))
		}
	}
	add("own", vc.Narration)
	add("quote", vc.Quote)
	add("reported", vc.Reported)
	add("scare", vc.ScareQuote)
	return strings.Join(parts, " · ")
}

// breakMarkers rewrites every "__f__" left in the page as "_&#95;f__",
// which a browser shows as the same text. Such a marker can only come
// from corpus text shown in HTML (never in a script: chart options have
// none left and the ECharts file has none, see TestEChartsAsset), where it
// is harmless, but no copy of go-echarts' function marker then survives
// anywhere in the file.
func breakMarkers(b []byte) []byte {
	return bytes.ReplaceAll(b, []byte(funcMarker), []byte("_&#95;f__"))
}
