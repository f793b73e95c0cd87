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
// HTML report, and maxEvidenceOutlets the outlets whose evidence it shows.
// Each outlet gets an equal share of the rows, at least minOutletEvidence
// and at most maxOutletEvidence of each kind, so that a large corpus still
// gives a page a browser opens; the workbook and the JSON hold every row.
const (
	maxEvidenceRows    = 2000
	maxOutletEvidence  = 200
	minOutletEvidence  = 20
	maxEvidenceOutlets = 100
)

// evidenceView is one outlet's evidence as shown in the HTML report.
type evidenceView struct {
	*OutletEvidence
	Matches                   []MatchEvidence
	Quotes                    []QuoteEvidence
	TotalMatches, TotalQuotes int
	// Hidden counts the rows left out.
	Hidden int
}

// evidenceViews returns the evidence shown, in outlet order, and the
// number of outlets left out with their rows.
func evidenceViews(ev []*OutletEvidence) (shown []*evidenceView, moreOutlets, moreRows int) {
	shown = make([]*evidenceView, 0, min(len(ev), maxEvidenceOutlets))
	per := maxOutletEvidence
	if len(ev) > 0 {
		per = min(max(maxEvidenceRows/(2*len(ev)), minOutletEvidence), maxOutletEvidence)
	}
	budget := maxEvidenceRows
	for _, e := range ev {
		if budget == 0 || len(shown) == maxEvidenceOutlets {
			moreOutlets++
			moreRows += e.MatchCount() + e.QuoteCount()
			continue
		}
		nm := min(e.MatchCount(), per, budget)
		budget -= nm
		nq := min(e.QuoteCount(), per, budget)
		budget -= nq
		v := &evidenceView{OutletEvidence: e, TotalMatches: e.MatchCount(), TotalQuotes: e.QuoteCount(),
			Hidden: e.MatchCount() - nm + e.QuoteCount() - nq}
		for i := range nm {
			v.Matches = append(v.Matches, e.Match(i))
		}
		for i := range nq {
			v.Quotes = append(v.Quotes, e.Quote(i))
		}
		shown = append(shown, v)
	}
	return shown, moreOutlets, moreRows
}

// The HTML report shows the longest shared passages, the outlet pairs and
// articles sharing most text, and the distinguishing words of the charted
// outlets; the workbook and the JSON list all.
const (
	maxPassages  = 40
	maxReuseRows = 100
)

// More limits of the HTML report, so that its size stays bounded
// whatever the corpus. Each capped table says what it leaves out and which
// workbook sheet has it all; the workbook and the JSON leave out nothing.
const (
	// maxTableOutlets is the number of outlets (most articles first) in
	// the per-outlet tables: the summary, loaded terms by voice, hedges.
	maxTableOutlets = 500
	// maxTableTerms and maxTableSpeakers bound the rows of the terms ×
	// outlets and speakers × outlets tables; their columns are the
	// charted outlets.
	maxTableTerms    = 60
	maxTableSpeakers = 40
	// maxCreditRows bounds the credits table, which lists the charted
	// outlets' credits.
	maxCreditRows = 300
	// maxOccurrences is the number of occurrences shown of each shared
	// passage, and maxPassageOutlets the outlets named in its summary.
	maxOccurrences    = 10
	maxPassageOutlets = 10
	// maxArticleRows bounds the articles listed (with their removed
	// boilerplate); each outlet gets an equal share, at least
	// minOutletArticles.
	maxArticleRows    = 300
	minOutletArticles = 5
	// maxWarnings bounds the warnings listed.
	maxWarnings = 200
	// maxChangeItems bounds each list of outlets or articles added,
	// removed or changed since the previous run, and maxChangeFigures the
	// changed figures.
	maxChangeItems   = 50
	maxChangeFigures = 200
)

// someOutlets describes a capped list of outlets: "30 of the 500 outlets,
// those with most articles".
func someOutlets(shown, total int) string {
	return fmt.Sprintf("%s of the %s outlets, those with most articles", FormatNumber(shown), FormatNumber(total))
}

// termTable is a terms × outlets table as shown: the most frequent terms,
// one column per charted outlet.
type termTable struct {
	Outlets []string
	Rows    []*termTableRow
	// Note says what is left out ("" when nothing is).
	Note string
}

type termTableRow struct {
	*TermRow
	Cells []termCell
}

type termCell struct {
	Count int
	Voice analysis.VoiceCounts
}

func newTermTable(m *TermMatrix, outlets int, sheet string) *termTable {
	t := &termTable{Outlets: m.Outlets[:min(len(m.Outlets), outlets)]}
	rows := m.Rows[:min(len(m.Rows), maxTableTerms)]
	for _, row := range rows {
		r := &termTableRow{TermRow: row, Cells: make([]termCell, len(t.Outlets))}
		for i := range t.Outlets {
			r.Cells[i] = termCell{Count: row.Counts[i], Voice: row.ByVoice[i]}
		}
		t.Rows = append(t.Rows, r)
	}
	t.Note = matrixNote(len(t.Outlets), len(m.Outlets), len(rows), len(m.Rows), "most frequent", "term", sheet)
	return t
}

// matrixNote describes a capped outlets × things table; "" when nothing is
// left out.
func matrixNote(cols, outlets, rows, total int, order, noun, sheet string) string {
	var parts []string
	if rows < total {
		parts = append(parts, fmt.Sprintf("Rows: the %s %s of %s.", order, FormatNumber(rows), plural(total, noun)))
	}
	if cols < outlets {
		parts = append(parts, "Columns: "+someOutlets(cols, outlets)+".")
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " ") + " The workbook's " + sheet + " sheet has them all."
}

// speakerTable is the speakers × outlets table as shown.
type speakerTable struct {
	Outlets []string
	Rows    []*speakerTableRow
	Note    string
}

type speakerTableRow struct {
	*SpeakerRow
	Cells []speakerCell
}

type speakerCell struct {
	Share, Low, High float64
	Words, Reported  int
}

func newSpeakerTable(m *SpeakerMatrix, outlets int) *speakerTable {
	t := &speakerTable{Outlets: m.Outlets[:min(len(m.Outlets), outlets)]}
	rows := m.Rows[:min(len(m.Rows), maxTableSpeakers)]
	for _, row := range rows {
		r := &speakerTableRow{SpeakerRow: row, Cells: make([]speakerCell, len(t.Outlets))}
		for i := range t.Outlets {
			r.Cells[i] = speakerCell{Share: row.Share[i], Low: row.CI95Low[i], High: row.CI95High[i],
				Words: row.QuotedWords[i], Reported: row.ReportedBy[i]}
		}
		t.Rows = append(t.Rows, r)
	}
	t.Note = matrixNote(len(t.Outlets), len(m.Outlets), len(rows), len(m.Rows), "most quoted", "speaker", sheetShare)
	return t
}

// passageView is a shared passage as shown: the first outlets and
// occurrences, with counts of the rest.
type passageView struct {
	*analysis.Passage
	Outlets         []string
	MoreOutlets     int
	Occurrences     []analysis.PassageOccurrence
	MoreOccurrences int
}

func newPassageView(ps *analysis.Passage) *passageView {
	v := &passageView{Passage: ps,
		Outlets: ps.Outlets[:min(len(ps.Outlets), maxPassageOutlets)]}
	for i := range min(ps.Occurrences.Len(), maxOccurrences) {
		v.Occurrences = append(v.Occurrences, ps.Occurrences.At(i))
	}
	v.MoreOutlets = len(ps.Outlets) - len(v.Outlets)
	v.MoreOccurrences = ps.Occurrences.Len() - len(v.Occurrences)
	return v
}

// articleViews returns the articles listed: rows are in outlet order, and
// each outlet gets an equal share of maxArticleRows, at least
// minOutletArticles, until the rows run out.
func articleViews(rows []*Article, outlets int) []*Article {
	if len(rows) <= maxArticleRows {
		return rows
	}
	per := max(maxArticleRows/max(outlets, 1), minOutletArticles)
	out := []*Article{}
	n, prev := 0, ""
	for i, a := range rows {
		if i == 0 || a.Outlet != prev {
			n, prev = 0, a.Outlet
		}
		if n < per {
			out = append(out, a)
			n++
			if len(out) == maxArticleRows {
				break
			}
		}
	}
	return out
}

// changesView is what changed since the previous run, as shown: the first
// names of each list, with counts of the rest.
type changesView struct {
	*Changes
	OutletsAdded, OutletsRemoved                    []string
	ArticlesAdded, ArticlesRemoved, ArticlesChanged []ArticleRef
	Figures                                         []*FigureChange
	MoreOutletsAdded, MoreOutletsRemoved            int
	MoreAdded, MoreRemoved, MoreChanged             int
	MoreFigures                                     int
}

func newChangesView(c *Changes) *changesView {
	if c == nil {
		return nil
	}
	names := func(l []string) ([]string, int) { n := min(len(l), maxChangeItems); return l[:n], len(l) - n }
	refs := func(l []ArticleRef) ([]ArticleRef, int) { n := min(len(l), maxChangeItems); return l[:n], len(l) - n }
	v := &changesView{Changes: c}
	v.OutletsAdded, v.MoreOutletsAdded = names(c.OutletsAdded)
	v.OutletsRemoved, v.MoreOutletsRemoved = names(c.OutletsRemoved)
	v.ArticlesAdded, v.MoreAdded = refs(c.ArticlesAdded)
	v.ArticlesRemoved, v.MoreRemoved = refs(c.ArticlesRemoved)
	v.ArticlesChanged, v.MoreChanged = refs(c.ArticlesChanged)
	v.Figures = c.Figures[:min(len(c.Figures), maxChangeFigures)]
	v.MoreFigures = len(c.Figures) - len(v.Figures)
	return v
}

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
	// Evidence is the evidence shown, per outlet; EvidenceNote says which
	// outlets are left out.
	Evidence     []*evidenceView
	EvidenceNote string
	// TableOutlets are the outlets in the per-outlet tables; TableNote
	// says what is left out ("" when nothing is).
	TableOutlets []*Outlet
	TableNote    string
	// LoadedTable, HedgeTable and SpeakerTable are the terms × outlets
	// and speakers × outlets tables as shown.
	LoadedTable, HedgeTable *termTable
	SpeakerTable            *speakerTable
	// CreditRows are the credits listed; CreditsNote says what is left out.
	CreditRows  []*analysis.CreditLink
	CreditsNote string
	// Articles are the articles listed; ArticlesNote says what is left out.
	Articles     []*Article
	ArticlesNote string
	// ChartsCover describes the charted outlets when some are left out.
	ChartsCover string
	// Warnings are the warnings listed; MoreWarnings counts the rest.
	Warnings     []*Warning
	MoreWarnings int
	// Changes is what changed since the previous run, as shown.
	Changes *changesView
	// Passages are the shared passages shown; MorePassages counts the rest.
	Passages     []*passageView
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
		TableOutlets:   r.Outlets[:min(len(r.Outlets), maxTableOutlets)],
		Changes:        newChangesView(r.Changes),
	}
	var moreOutlets, moreRows int
	p.Evidence, moreOutlets, moreRows = evidenceViews(r.Evidence)
	if moreOutlets > 0 {
		p.EvidenceNote = fmt.Sprintf("This page shows the evidence of %s, at most %s rows in all; "+
			"the evidence of the other %s (%s) is on the workbook's %s and %s sheets and in the JSON.",
			someOutlets(len(p.Evidence), len(r.Evidence)), FormatNumber(maxEvidenceRows),
			plural(moreOutlets, "outlet"), plural(moreRows, "row"), sheetEvidence, sheetQuotes)
	}
	if n := len(p.TableOutlets); n < len(r.Outlets) {
		p.TableNote = fmt.Sprintf("This table shows %s; the workbook's %s sheet has them all.", someOutlets(n, len(r.Outlets)), sheetSummary)
	}
	p.LoadedTable = newTermTable(r.Loaded, r.ChartOutlets, sheetLoaded)
	p.HedgeTable = newTermTable(r.Hedges, r.ChartOutlets, sheetHedges)
	p.SpeakerTable = newSpeakerTable(r.Speakers, r.ChartOutlets)
	p.Articles = articleViews(r.ArticleRows, len(r.Outlets))
	if n := len(p.Articles); n < len(r.ArticleRows) {
		p.ArticlesNote = fmt.Sprintf("%s of the %s articles are listed here, at most %d from each outlet, outlets with most articles first; "+
			"the workbook's %s and %s sheets list all.", FormatNumber(n), FormatNumber(len(r.ArticleRows)),
			max(maxArticleRows/max(len(r.Outlets), 1), minOutletArticles), sheetArticles, sheetRemoved)
	}
	p.ChartsCover = someOutlets(r.ChartOutlets, len(r.Outlets))
	p.Warnings = r.Warnings[:min(len(r.Warnings), maxWarnings)]
	p.MoreWarnings = len(r.Warnings) - len(p.Warnings)
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
				"Loaded terms × outlet (counts)", heatmapNote(len(r.Loaded.Rows), sheetLoaded)); err != nil {
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
				"Hedges × outlet (counts)", heatmapNote(len(r.Hedges.Rows), sheetHedges)); err != nil {
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
		for _, ps := range c.Passages[:min(len(c.Passages), maxPassages)] {
			p.Passages = append(p.Passages, newPassageView(ps))
		}
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
		p.CreditRows = []*analysis.CreditLink{}
		outlets := make(map[string]bool)
		for _, l := range c.Credits {
			outlets[l.Outlet] = true
			if charted[l.Outlet] && len(p.CreditRows) < maxCreditRows {
				p.CreditRows = append(p.CreditRows, l)
			}
		}
		if n := len(c.Credits) - len(p.CreditRows); n > 0 {
			p.CreditsNote = fmt.Sprintf("This table lists %s of the %s links: the credits of the charted outlets. The workbook's %s sheet lists all, from %s.",
				FormatNumber(len(p.CreditRows)), FormatNumber(len(c.Credits)), sheetCredits, plural(len(outlets), "outlet"))
		}
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

func heatmapNote(terms int, sheet string) string {
	switch {
	case terms > maxTableTerms:
		return fmt.Sprintf("The %d most frequent of %s terms; the table below lists %d, the workbook's %s sheet all.",
			maxHeatmapTerms, FormatNumber(terms), maxTableTerms, sheet)
	case terms > maxHeatmapTerms:
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
