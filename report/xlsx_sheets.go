package report

import (
	"fmt"
	"iter"
	"strings"

	"github.com/framelens/framelens/analysis"
)

// voiceHeads are short column-header words for each value in Voices.
var voiceHeads = map[string]string{
	analysis.VoiceNarration:  "narration",
	analysis.VoiceQuote:      "quotes",
	analysis.VoiceReported:   "reported speech",
	analysis.VoiceScareQuote: "scare quotes",
}

// Colour-scale end colours.
const (
	scaleLoaded = "#F4A261"
	scaleHedge  = "#8DB6E2"
	scaleShare  = "#6FB98F"
)

// rateCols are the Summary columns of one Rate.
func rateCols(label string) []xcol {
	cols := []xcol{
		{head: label, kind: kInt},
		{head: label + " per 1,000 words", kind: kRate},
		{head: label + " 95% low", kind: kRate},
		{head: label + " 95% high", kind: kRate},
	}
	for _, v := range Voices {
		cols = append(cols, xcol{head: label + " in " + voiceHeads[v], kind: kInt})
	}
	own := "Own-voice " + strings.ToLower(label)
	return append(cols,
		xcol{head: own + " per 1,000 words", kind: kRate},
		xcol{head: own + " 95% low", kind: kRate},
		xcol{head: own + " 95% high", kind: kRate})
}

func rateVals(r Rate) []any {
	vals := []any{r.Count, r.Per1000Words, r.CI95Low, r.CI95High}
	for _, v := range Voices {
		vals = append(vals, VoiceCount(r.ByVoice, v))
	}
	return append(vals, r.Narration.Value, r.Narration.Low, r.Narration.High)
}

// colOf returns the 1-based index of the column with header head, 0 if none.
func colOf(cols []xcol, head string) int {
	for i, c := range cols {
		if c.head == head {
			return i + 1
		}
	}
	return 0
}

func (x *xlsxWriter) writeSummary() error {
	cols := []xcol{
		{head: "Outlet", kind: kText, width: 24}, {head: "Colour", kind: kText, width: 10},
		{head: "Articles", kind: kInt}, {head: "Words", kind: kInt}, {head: "Sentences", kind: kInt},
	}
	cols = append(cols, rateCols("Loaded terms")...)
	cols = append(cols, rateCols("Hedges")...)
	cols = append(cols,
		xcol{head: "Quotes", kind: kInt}, xcol{head: "Quoted words", kind: kInt},
		xcol{head: "Reported statements", kind: kInt}, xcol{head: "Top speaker", kind: kText, width: 22},
		xcol{head: "Top speaker quoted words", kind: kInt}, xcol{head: "Top speaker share", kind: kShare},
		xcol{head: "Top speaker share 95% low", kind: kShare}, xcol{head: "Top speaker share 95% high", kind: kShare})
	swatches := make([]int, len(x.r.Outlets))
	for i, o := range x.r.Outlets {
		var err error
		if swatches[i], err = x.swatch(o.Color); err != nil {
			return err
		}
	}
	n, err := x.writeTable(xtable{sheet: sheetSummary, name: "Summary", cols: cols, freeze: 1},
		func(yield func([]any) bool) {
			for i, o := range x.r.Outlets {
				vals := []any{o.Name, styled{o.Color, swatches[i]}, o.Articles, o.Words, o.Sentences}
				vals = append(vals, rateVals(o.Loaded)...)
				vals = append(vals, rateVals(o.Hedges)...)
				vals = append(vals, o.Quotes, o.QuotedWords, o.Reported)
				if o.TopSpeaker != "" || o.TopSpeakerWords > 0 {
					vals = append(vals, o.TopSpeaker, o.TopSpeakerWords, o.TopSpeakerShare, o.TopSpeakerCI95Lo, o.TopSpeakerCI95Hi)
				}
				if !yield(vals) {
					return
				}
			}
		})
	if err != nil || n == 0 {
		return err
	}
	for _, c := range []struct{ head, color string }{
		{"Loaded terms per 1,000 words", scaleLoaded}, {"Own-voice loaded terms per 1,000 words", scaleLoaded},
		{"Hedges per 1,000 words", scaleHedge}, {"Own-voice hedges per 1,000 words", scaleHedge},
		{"Top speaker share", scaleShare},
	} {
		col := colName(colOf(cols, c.head))
		if err := x.colorScale(sheetSummary, fmt.Sprintf("%s2:%s%d", col, col, n+1), c.color); err != nil {
			return err
		}
	}
	return nil
}

// matrixOutlets returns the outlet columns a matrix with fixed leading
// columns can hold, noting any left out.
func (x *xlsxWriter) matrixOutlets(sheet string, names []string, fixed int) []string {
	if room := maxXLSXCols - fixed; len(names) > room {
		x.note(sheet, "", fmt.Sprintf("%s outlets left out: Excel's limit is %s columns", FormatNumber(len(names)-room), FormatNumber(maxXLSXCols)))
		return names[:room]
	}
	return names
}

func outletCols(names []string, kind colKind) []xcol {
	cols := make([]xcol, len(names))
	for i, name := range names {
		cols[i] = xcol{head: name, kind: kind}
		cols[i].width = min(max(cols[i].colWidth(), 10), 24)
	}
	return cols
}

// writeTerms writes a term × outlet count matrix with counts by voice.
func (x *xlsxWriter) writeTerms(sheet, name string, m *TermMatrix) error {
	if m == nil {
		m = &TermMatrix{}
	}
	cols := []xcol{
		{head: "Term", kind: kText, width: 22}, {head: "Category", kind: kText, width: 18},
		{head: "Note", kind: kWrap, width: 36}, {head: "Total", kind: kInt},
	}
	for _, v := range Voices {
		cols = append(cols, xcol{head: "In " + voiceHeads[v], kind: kInt})
	}
	fixed := len(cols)
	outlets := x.matrixOutlets(sheet, m.Outlets, fixed)
	cols = append(cols, outletCols(outlets, kInt)...)
	color := scaleLoaded
	if m.Kind == analysis.MatchHedge {
		color = scaleHedge
	}
	return x.streamTable(xtable{sheet: sheet, name: name, cols: cols, freeze: 1, scale: xscale{first: fixed + 1, color: color}},
		func(yield func(*xrow) bool) {
			var row xrow
			for _, t := range m.Rows {
				var voice analysis.VoiceCounts
				for _, v := range t.ByVoice {
					voice.Narration += v.Narration
					voice.Quote += v.Quote
					voice.Reported += v.Reported
					voice.ScareQuote += v.ScareQuote
				}
				row.reset().text(t.Term).text(t.Category).text(t.Note).integer(t.Total)
				for _, v := range Voices {
					row.integer(VoiceCount(voice, v))
				}
				for i := range outlets {
					row.integer(t.Counts[i])
				}
				if !yield(&row) {
					return
				}
			}
		})
}

func (x *xlsxWriter) writeSpeakerShare() error {
	m := x.r.Speakers
	if m == nil {
		m = &SpeakerMatrix{}
	}
	cols := []xcol{
		{head: "Speaker", kind: kText, width: 26}, {head: "Affiliation", kind: kText, width: 22},
		{head: "Quoted words", kind: kInt}, {head: "Reported statements", kind: kInt},
	}
	fixed := len(cols)
	outlets := x.matrixOutlets(sheetShare, m.Outlets, fixed)
	cols = append(cols, outletCols(outlets, kShare)...)
	return x.streamTable(xtable{sheet: sheetShare, name: "SpeakerShare", cols: cols, freeze: 1, scale: xscale{first: fixed + 1, color: scaleShare}},
		func(yield func(*xrow) bool) {
			var row xrow
			for _, s := range m.Rows {
				row.reset().text(s.Speaker).text(s.Affiliation).integer(s.Words).integer(s.Reported)
				for i := range outlets {
					row.float(s.Share[i])
				}
				if !yield(&row) {
					return
				}
			}
		})
}

func (x *xlsxWriter) writeSpeakers() error {
	cols := []xcol{
		{head: "Outlet", kind: kText, width: 20}, {head: "Speaker", kind: kText, width: 26},
		{head: "Affiliation", kind: kText, width: 22}, {head: "Quotes", kind: kInt},
		{head: "Quoted words", kind: kInt}, {head: "Share", kind: kShare},
		{head: "Share 95% low", kind: kShare}, {head: "Share 95% high", kind: kShare},
		{head: "Reported statements", kind: kInt},
	}
	return x.streamTable(xtable{sheet: sheetSpeakers, name: "SpeakersByOutlet", cols: cols, scale: xscale{first: colOf(cols, "Share"), last: colOf(cols, "Share"), color: scaleShare}},
		func(yield func(*xrow) bool) {
			var row xrow
			for _, o := range x.r.Outlets {
				for _, s := range o.Speakers {
					if !yield(row.reset().text(o.Name).text(s.Speaker).text(s.Affiliation).integer(s.Quotes).integer(s.Words).
						float(s.Share).float(s.CI95Low).float(s.CI95High).integer(s.Reported)) {
						return
					}
				}
			}
		})
}

func (x *xlsxWriter) writeLexicon() error {
	var used []*LexiconTerm
	if x.r.Lexicon != nil {
		used = x.r.Lexicon.Used
	}
	cols := []xcol{
		{head: "Term", kind: kText, width: 22}, {head: "Category", kind: kText, width: 18},
		{head: "Language", kind: kText, width: 10}, {head: "Note", kind: kWrap, width: 50},
		{head: "Source", kind: kText, width: 18}, {head: "Matches", kind: kInt},
	}
	_, err := x.writeTable(xtable{sheet: sheetLexicon, name: "Lexicon", cols: cols},
		rowsOf(used, func(t *LexiconTerm) []any {
			return []any{t.Term, t.Category, t.Language, t.Note, t.Source, t.Matches}
		}))
	return err
}

// place returns where a snippet's highlight starts in its sentence, as
// Excel counts (1-based, in UTF-16 units, so that MID(sentence, start,
// length) gives the highlight), and its length; !ok when the highlight
// could not be placed in the sentence.
func (x *xlsxWriter) place(s Snippet) (start, length int, ok bool) {
	if s.Start >= s.End || s.End > len(s.Sentence) {
		return 0, 0, false
	}
	before, mark, _ := s.Split()
	return utf16Len(x.clean(before)) + 1, utf16Len(x.clean(mark)), true
}

func (x *xlsxWriter) writeQuotes() error {
	cols := []xcol{
		{head: "Outlet", kind: kText, width: 18}, {head: "Article", kind: kText, width: 22},
		{head: "Kind", kind: kText, width: 10}, {head: "Speaker", kind: kText, width: 22},
		{head: "Speaker mention", kind: kText, width: 26}, {head: "Affiliation", kind: kText, width: 20},
		{head: "Words", kind: kInt}, {head: "Quote", kind: kWrap, width: 60},
		{head: "Sentence", kind: kWrap, width: 80}, {head: "Quote starts at character", kind: kNum, width: 13},
		{head: "Quote length (characters)", kind: kNum, width: 13}, {head: "Speaker rule", kind: kText, width: 16},
	}
	return x.streamTable(xtable{sheet: sheetQuotes, name: "Quotes", cols: cols},
		func(yield func(*xrow) bool) {
			var row xrow
			for _, ev := range x.r.Evidence {
				for q := range ev.Quotes() {
					row.reset().text(ev.Outlet).text(q.Article).text(q.Kind).text(q.Speaker).text(q.SpeakerMention).text(q.Affiliation).
						integer(q.Words).text(q.Text).text(q.Snippet.Sentence).placed(x.place(q.Snippet)).text(q.Rule)
					if !yield(&row) {
						return
					}
				}
			}
		})
}

func (x *xlsxWriter) writeEvidence() error {
	cols := []xcol{
		{head: "Outlet", kind: kText, width: 18}, {head: "Article", kind: kText, width: 22},
		{head: "Kind", kind: kText, width: 9}, {head: "Term", kind: kText, width: 18},
		{head: "Category", kind: kText, width: 18}, {head: "Voice", kind: kText, width: 12},
		{head: "Matched text", kind: kText, width: 20}, {head: "Sentence", kind: kWrap, width: 80},
		{head: "Match starts at character", kind: kNum, width: 13}, {head: "Match length (characters)", kind: kNum, width: 13},
	}
	return x.streamTable(xtable{sheet: sheetEvidence, name: "Evidence", cols: cols},
		func(yield func(*xrow) bool) {
			var row xrow
			for _, ev := range x.r.Evidence {
				for m := range ev.Matches() {
					row.reset().text(ev.Outlet).text(m.Article).text(m.Kind).text(m.Term).text(m.Category).text(m.Voice).text(m.Text).
						text(m.Snippet.Sentence).placed(x.place(m.Snippet))
					if !yield(&row) {
						return
					}
				}
			}
		})
}

func (x *xlsxWriter) writeArticles() error {
	cols := []xcol{
		{head: "Article", kind: kText, width: 22}, {head: "Path", kind: kText, width: 34},
		{head: "Line", kind: kNum, width: 7}, {head: "Outlet", kind: kText, width: 18},
		{head: "Outlet decided by", kind: kText, width: 13}, {head: "Outlet evidence", kind: kText, width: 26},
		{head: "Title", kind: kWrap, width: 50}, {head: "Date", kind: kText, width: 12},
		{head: "URL", kind: kText, width: 40}, {head: "Language", kind: kText, width: 10},
		{head: "Credits", kind: kText, width: 24}, {head: "Credit evidence", kind: kWrap, width: 40},
		{head: "Words", kind: kInt}, {head: "Sentences", kind: kInt},
		{head: "Removed lines", kind: kInt}, {head: "SHA-256", kind: kText, width: 20},
	}
	return x.streamTable(xtable{sheet: sheetArticles, name: "Articles", cols: cols},
		func(yield func(*xrow) bool) {
			var row xrow
			for _, a := range x.r.ArticleRows {
				row.reset().text(a.ID).text(a.Path).nonZero(a.Line).text(a.Outlet).text(a.OutletSource).text(a.OutletEvidence).
					text(a.Title).text(a.Date).text(a.URL).text(a.Language).
					text(strings.Join(a.Credits, "; ")).text(strings.Join(a.CreditEvidence, "\n")).
					integer(a.Words).integer(a.Sentences).integer(len(a.Removed)).text(a.SHA256)
				if !yield(&row) {
					return
				}
			}
		})
}

func (x *xlsxWriter) writeRemoved() error {
	cols := []xcol{
		{head: "Article", kind: kText, width: 22}, {head: "Outlet", kind: kText, width: 18},
		{head: "Line", kind: kNum, width: 7}, {head: "Rule", kind: kText, width: 10},
		{head: "Removed text", kind: kWrap, width: 80},
	}
	return x.streamTable(xtable{sheet: sheetRemoved, name: "RemovedLines", cols: cols},
		func(yield func(*xrow) bool) {
			var row xrow
			for _, a := range x.r.ArticleRows {
				for _, rm := range a.Removed {
					if !yield(row.reset().text(a.ID).text(a.Outlet).nonZero(rm.Line).text(rm.Rule).text(rm.Text)) {
						return
					}
				}
			}
		})
}

func (x *xlsxWriter) writeWarnings() error {
	cols := []xcol{
		{head: "From", kind: kText, width: 10}, {head: "Article", kind: kText, width: 22},
		{head: "Path or cell", kind: kText, width: 34}, {head: "Line", kind: kNum, width: 7},
		{head: "Message", kind: kWrap, width: 80},
	}
	// Every other sheet is written first: its notes are listed here.
	if err := x.finishStreams(); err != nil {
		return err
	}
	notes := x.notes
	err := x.streamTable(xtable{sheet: sheetWarnings, name: "Warnings", cols: cols},
		func(yield func(*xrow) bool) {
			var row xrow
			for _, w := range x.r.Warnings {
				if !yield(row.reset().text("analysis").text(w.Article).text(w.Path).nonZero(w.Line).text(w.Message)) {
					return
				}
			}
			for _, n := range notes {
				if !yield(row.reset().text("workbook").text("").text(n.Cell).empty().text(n.Message)) {
					return
				}
			}
		})
	if err != nil {
		return err
	}
	// The About sheet counts the notes, these rows' own included.
	return x.finishStreams()
}

// sheetGuide says how to read each sheet, for the About sheet.
var sheetGuide = []struct{ sheet, text string }{
	{sheetSummary, "One row per outlet, outlets with most articles first. Loaded terms and hedges are counted, " +
		"then given per 1,000 words with an exact Poisson 95% interval: when two outlets' intervals overlap, " +
		"this corpus is too small to call the difference. \"In narration\" counts the outlet's own words, " +
		"\"in quotes\" words inside attributed quotation marks, \"in reported speech\" indirect speech, \"in scare quotes\" " +
		"quotation marks with no speaker. Own-voice rates count narration only. The top speaker is the one with most quoted words; " +
		"the share is of the outlet's quoted words (direct and partial quotes), with a Jeffreys 95% interval."},
	{sheetCharts, "Native Excel charts: share of quoted words by speaker per outlet (each bar is 100%), and loaded-term and " +
		"hedge rates per 1,000 words by voice, one bar per outlet in the outlet's colour (the Colour column of Summary). " +
		"The numbers behind each chart are beside it."},
	{sheetLoaded, "Term × outlet counts of loaded terms (lexicon categories loaded.*), most frequent first, with the total by voice. " +
		"Counts are not rates: compare outlets of different length on Summary."},
	{sheetHedges, "Term × outlet counts of hedges (lexicon categories hedge.*), laid out as Loaded terms."},
	{sheetQuotes, "Every quote and reported statement. Kind: direct (a quoted clause), partial (a short quoted phrase inside " +
		"the outlet's sentence), reported (indirect speech) or scare (quotation marks with no speaker, never counted in " +
		"quote share). MID(Sentence, start, length) gives the quote inside its sentence."},
	{sheetShare, "Speaker × outlet matrix: each cell is the speaker's share of that outlet's quoted words. " +
		"Columns sum to 100% for outlets that quote anyone. Reported statements are counted beside it."},
	{sheetSpeakers, "The same shares as a long table (one row per outlet and speaker) with 95% intervals, for filters and pivot tables."},
	{sheetEvidence, "Every lexicon match: the term, its category, its voice (narration, quote, reported, scare_quote) " +
		"and the sentence it is in. MID(Sentence, start, length) gives the matched words. Filter or pivot this sheet " +
		"to check any number on Summary, Loaded terms or Hedges."},
	{sheetArticles, "Every article: where it was read, which rule decided its outlet (front_matter, jsonl:<field>, " +
		"dateline, header, folder, filename) and from what text, its metadata, the outlets or agencies it credits, its size " +
		"after boilerplate removal and the SHA-256 of its bytes."},
	{sheetRemoved, "Every span removed as boilerplate before analysis (page chrome, related links, bylines, captions, " +
		"credits), with the rule that removed it."},
	{sheetTests, "Chi-square tests of whether the outlets differ: loaded terms and hedges per word (outlets × matches and other words) " +
		"and quoted words by speaker (outlets × speakers). The verdict is in words; with expected counts below 5 the p-value is only a guide."},
	{sheetReuse, "Every passage of identical text (compared without case and punctuation) carried by articles of different outlets: " +
		"one row per article carrying it, in that article's wording, and whether it is inside quotation marks there."},
	{sheetPairs, "Outlet × outlet: words in passages both outlets carry, and whether one credits the other or both credit the same source."},
	{sheetShared, "Every article: its words, the words inside passages shared with other outlets, and their share."},
	{sheetCredits, "Outlet → the outlets and agencies its articles credit, with the number of articles."},
	{sheetDistinct, "The words each outlet uses more than all the others together: log-odds ratio with an informative Dirichlet " +
		"prior (Monroe, Colaresi and Quinn 2008) and its z-score; z of 1.96 or more is unlikely to be chance. Stopwords are left out, " +
		"never hedges, lexicon terms or reporting verbs."},
	{sheetLexicon, "Every lexicon term that matched at least once, with its note and where it is defined. " +
		"The whole lexicon is printed by `framelens lexicon`."},
	{sheetWarnings, "Problems that did not stop the run: from the analysis (an unbalanced quotation mark, a skipped file) " +
		"and from the workbook (text cut at Excel's 32,767-character cell limit, rows beyond its row limit)."},
	{sheetAbout, "This sheet."},
}

func (x *xlsxWriter) writeAbout() error {
	f, sh := x.f, sheetAbout
	widths := []float64{40, 70, 40}
	for i, w := range widths {
		if err := f.SetColWidth(sh, colName(i+1), colName(i+1), w); err != nil {
			return err
		}
	}
	if err := f.SetColStyle(sh, "A:C", x.st.wrap); err != nil {
		return err
	}
	row := 0
	var err error
	put := func(style int, vals ...any) {
		row++
		lines := 1
		for i, v := range vals {
			if err != nil {
				return
			}
			cell := cellName(i+1, row)
			v, _ := x.value(sh, i+1, row, v)
			if s, ok := v.(string); ok && style != x.st.title && style != x.st.note && i < len(widths) {
				lines = max(lines, textLines(s, widths[i]))
			}
			if v != nil {
				err = f.SetCellValue(sh, cell, v)
			}
			s := style
			if i == 0 && style == 0 {
				s = x.st.label
			}
			if err == nil && s != 0 {
				err = f.SetCellStyle(sh, cell, cell, s)
			}
		}
		if h := rowHeight(lines); h > 0 && err == nil {
			err = f.SetRowHeight(sh, row, h)
		}
	}
	heading := func(text string) {
		row++
		put(x.st.title, text)
	}
	r := x.r
	put(x.st.title, r.Title)
	put(x.st.note, "Framing comparison of news outlets: loaded terms, hedges and quotes per outlet, with the evidence behind every number.")
	heading("Run")
	put(0, "Generator", r.Generator)
	put(0, "Schema", r.Schema)
	now := r.Now
	if now == "" {
		now = "not recorded, so that the same input gives the same workbook"
	}
	put(0, "Report time", now)
	put(0, "Articles", r.Articles)
	put(0, "Outlets", len(r.Outlets))
	put(0, "Words", r.Words)
	put(0, "Charted outlets", fmt.Sprintf("%d of %d (the outlets with most articles)", r.ChartOutlets, len(r.Outlets)))
	put(0, "Warnings", fmt.Sprintf("%d from the analysis, %d from the workbook (see Warnings)", len(r.Warnings), len(x.notes)))
	put(0, "Truncated cells", x.truncated)
	put(0, "Report options", fmt.Sprintf("title %q; charts show at most %d outlets", r.Title, r.ChartOutlets))
	if lx := r.Lexicon; lx != nil {
		heading("Lexicon")
		put(0, "Lexicon SHA-256", lx.SHA256)
		put(0, "Lexicon size", fmt.Sprintf("%s terms", FormatNumber(lx.Terms)))
		put(0, "Lexicon sources", strings.Join(lx.Sources, "\n"))
		put(0, "Terms matched", len(lx.Used))
	}
	if c := r.Changes; c != nil {
		heading("Since the previous run")
		refs := func(l []ArticleRef) string {
			var b strings.Builder
			for i, a := range l {
				if i > 0 {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "%s (%s)", a.ID, a.Outlet)
			}
			return b.String()
		}
		if c.None() {
			put(0, "Changes", "none: the same articles, outlets, figures and lexicon as the previous run")
		}
		for _, row := range []struct{ label, value string }{
			{"Outlets added", strings.Join(c.OutletsAdded, "\n")},
			{"Outlets removed", strings.Join(c.OutletsRemoved, "\n")},
			{"Articles added", refs(c.ArticlesAdded)},
			{"Articles removed", refs(c.ArticlesRemoved)},
			{"Articles changed", refs(c.ArticlesChanged)},
		} {
			if row.value != "" {
				put(0, row.label, row.value)
			}
		}
		if c.LexiconChanged {
			put(0, "Lexicon", "changed since the previous run")
		}
		for _, f := range c.Figures {
			put(0, f.Outlet+": "+f.Figure, f.Before+" → "+f.After)
		}
	}
	heading("Method")
	put(0, "Words", "Tokens of letters or digits; hyphenated compounds are one word. Rates are per 1,000 words.")
	put(0, "Rate intervals", "Exact (Garwood) Poisson 95% intervals on each rate.")
	put(0, "Share intervals", "Jeffreys 95% intervals on each speaker's share of quoted words.")
	put(0, "Text cells", "Every text cell holds text, never a formula; control characters are dropped; "+
		"text over 32,767 characters is cut and ends in \""+truncMarker+"\".")
	if len(r.Summary) > 0 {
		heading("Findings")
		for _, s := range r.Summary {
			put(0, s.Topic, s.Text)
		}
	}
	heading("Sheets")
	for _, g := range sheetGuide {
		put(0, g.sheet, g.text)
	}
	heading("Input files")
	put(x.st.header, "Path", "SHA-256", "Article (outlet)")
	for _, a := range r.ArticleRows {
		path := a.Path
		if a.Line > 0 {
			path = fmt.Sprintf("%s:%d", path, a.Line)
		}
		put(x.st.wrap, path, a.SHA256, a.ID+" ("+a.Outlet+")")
	}
	return err
}

// writeCompare writes the comparison sheets: tests, reuse, credits and
// distinguishing terms.
func (x *xlsxWriter) writeCompare() error {
	c := x.r.Compare
	if c == nil {
		c = newComparison(&analysis.Result{}, nil)
	}
	// Each table has rows (written cell by cell) or stream (streamed).
	tables := []struct {
		t      xtable
		rows   iter.Seq[[]any]
		stream iter.Seq[*xrow]
	}{
		{xtable{sheet: sheetTests, name: "Tests", cols: []xcol{
			{head: "Feature", kind: kText, width: 24}, {head: "Verdict", kind: kWrap, width: 34},
			{head: "Chi-square", kind: kStat}, {head: "Degrees of freedom", kind: kInt, width: 11},
			{head: "p-value", kind: kProb, width: 10}, {head: "n", kind: kInt}, {head: "Smallest expected count", kind: kRate, width: 12},
			{head: "Note", kind: kWrap, width: 60},
		}}, func(yield func([]any) bool) {
			for _, t := range c.Tests {
				if !yield([]any{t.Label, t.Verdict, t.Statistic, t.DF, t.PValue, t.N, t.MinExpected, t.Note}) {
					return
				}
			}
		}, nil},
		{xtable{sheet: sheetReuse, name: "Reuse", cols: []xcol{
			{head: "Passage", kind: kInt, width: 9}, {head: "Words", kind: kInt}, {head: "Outlets carrying it", kind: kInt, width: 10},
			{head: "Outlet", kind: kText, width: 18}, {head: "Article", kind: kText, width: 22},
			{head: "In quotation marks", kind: kText, width: 11}, {head: "Wording", kind: kWrap, width: 80},
			{head: "Starts at character", kind: kNum, width: 12},
		}}, nil, func(yield func(*xrow) bool) {
			var row xrow
			for i, p := range c.Passages {
				for _, oc := range p.Occurrences.All() {
					row.reset().integer(i + 1).integer(p.Words).integer(len(p.Outlets)).text(oc.Outlet).text(oc.Article).
						text(yesNo(oc.Quoted)).text(oc.Text).integer(oc.Start)
					if !yield(&row) {
						return
					}
				}
			}
		}},
		{xtable{sheet: sheetPairs, name: "ReusePairs", cols: []xcol{
			{head: "Outlet A", kind: kText, width: 18}, {head: "Outlet B", kind: kText, width: 18},
			{head: "Shared words", kind: kInt}, {head: "Credited", kind: kText, width: 9},
		}}, nil, func(yield func(*xrow) bool) {
			var row xrow
			for _, p := range c.Pairs {
				if !yield(row.reset().text(p.A).text(p.B).integer(p.SharedWords).text(yesNo(p.Credited))) {
					return
				}
			}
		}},
		{xtable{sheet: sheetShared, name: "ReuseByArticle", cols: []xcol{
			{head: "Article", kind: kText, width: 22}, {head: "Outlet", kind: kText, width: 18},
			{head: "Words", kind: kInt}, {head: "Shared words", kind: kInt}, {head: "Share", kind: kShare},
		}}, nil, func(yield func(*xrow) bool) {
			var row xrow
			for _, a := range c.Articles {
				if !yield(row.reset().text(a.Article).text(a.Outlet).integer(a.Words).integer(a.SharedWords).float(a.Share)) {
					return
				}
			}
		}},
		{xtable{sheet: sheetCredits, name: "Credits", cols: []xcol{
			{head: "Outlet", kind: kText, width: 18}, {head: "Credits", kind: kText, width: 24}, {head: "Articles", kind: kInt},
		}}, func(yield func([]any) bool) {
			for _, l := range c.Credits {
				if !yield([]any{l.Outlet, l.Credited, l.Articles}) {
					return
				}
			}
		}, nil},
		{xtable{sheet: sheetDistinct, name: "Distinctive", cols: []xcol{
			{head: "Outlet", kind: kText, width: 18}, {head: "Word", kind: kText, width: 22}, {head: "Count", kind: kInt},
			{head: "z", kind: kStat}, {head: "Log-odds", kind: kStat}, {head: "z ≥ 1.96", kind: kText, width: 9},
		}}, func(yield func([]any) bool) {
			for _, o := range c.Distinctive {
				for _, d := range o.Terms {
					if !yield([]any{o.Outlet, d.Term, d.Count, d.Z, d.LogOdds, yesNo(d.Z >= ZSignificant)}) {
						return
					}
				}
			}
		}, nil},
	}
	for _, tb := range tables {
		var err error
		if tb.stream != nil {
			err = x.streamTable(tb.t, tb.stream)
		} else {
			_, err = x.writeTable(tb.t, tb.rows)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
