package report

import (
	"fmt"
	"hash/fnv"
	"iter"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/framelens/framelens/analysis"
)

// Options controls New. A nil *Options or the zero value gives the title
// "framelens report", charts of at most 30 outlets and no timestamp.
type Options struct {
	// Title is the report title; "" means "framelens report".
	Title string
	// MaxChartOutlets is the number of outlets (the ones with most
	// articles) shown in charts and as columns of the HTML report's wide
	// tables; 0 or less means 30. The HTML per-outlet tables list up to
	// 500 outlets; the workbook and the JSON always hold every outlet.
	MaxChartOutlets int
	// Now is a timestamp printed in the report header, as given; "" means
	// none, which keeps output byte-identical between runs.
	Now string
	// Previous is the result of an earlier run on the same output folder;
	// when set, the report opens with what changed since (Report.Changes).
	Previous *analysis.Result
}

// DefaultMaxChartOutlets is the number of outlets charted when
// Options.MaxChartOutlets is zero.
const DefaultMaxChartOutlets = 30

// Voices lists the voice values in the order every writer shows them.
var Voices = []string{analysis.VoiceNarration, analysis.VoiceQuote, analysis.VoiceReported, analysis.VoiceScareQuote}

// VoiceLabels gives a short human label for each value in Voices.
var VoiceLabels = map[string]string{
	analysis.VoiceNarration:  "own voice (narration)",
	analysis.VoiceQuote:      "in quotes",
	analysis.VoiceReported:   "in reported speech",
	analysis.VoiceScareQuote: "in scare quotes",
}

// Report is the format-neutral model of a framelens report. Build it with
// New. Every slice is non-nil; every per-outlet slice in a matrix is
// aligned with Outlets.
type Report struct {
	// Title is the report title.
	Title string
	// Now is the timestamp from Options.Now ("" for none).
	Now string
	// Schema and Generator are copied from the analysis result.
	Schema    string
	Generator string
	// Outlets are the per-outlet summary rows, ordered by articles
	// descending, then name. This order is used everywhere.
	Outlets []*Outlet
	// ChartOutlets is the number of leading Outlets that charts and the
	// HTML report's wide tables show (at most Options.MaxChartOutlets).
	ChartOutlets int
	// Articles is the total number of articles; Words the total words.
	Articles int
	Words    int
	// Loaded and Hedges are the term × outlet matrices of loaded terms
	// and hedges.
	Loaded *TermMatrix
	Hedges *TermMatrix
	// Speakers is the speaker × outlet matrix of quote shares and
	// reported statements.
	Speakers *SpeakerMatrix
	// Evidence holds every match and quote, grouped per outlet, in
	// Outlets order.
	Evidence []*OutletEvidence
	// ArticleRows lists every article, in Outlets order, then by id.
	ArticleRows []*Article
	// Warnings lists non-fatal problems found by the analysis.
	Warnings []*Warning
	// Lexicon describes the lexicon used.
	Lexicon *Lexicon
	// Summary holds the plain-language findings, in reading order.
	Summary []*Finding
	// Changes is what differs from Options.Previous; nil without one.
	Changes *Changes
	// Compare holds text reuse, credits, distinguishing terms and tests.
	Compare *Comparison
}

// Outlet is one outlet's summary row.
type Outlet struct {
	// Name is the canonical outlet name.
	Name string
	// Color is OutletColor(Name), a "#rrggbb" string.
	Color string
	// Articles, Words and Sentences count the outlet's text.
	Articles  int
	Words     int
	Sentences int
	// Loaded and Hedges are the loaded-term and hedge rates.
	Loaded Rate
	Hedges Rate
	// Quotes is the number of direct and partial quotes; QuotedWords the
	// words inside them; Reported the number of reported statements.
	Quotes      int
	QuotedWords int
	Reported    int
	// TopSpeaker is the speaker with the most quoted words ("" when the
	// outlet quotes no one); TopSpeakerWords those words; TopSpeakerShare
	// their share of QuotedWords (0–1) with its Jeffreys 95% interval.
	TopSpeaker       string
	TopSpeakerWords  int
	TopSpeakerShare  float64
	TopSpeakerCI95Lo float64
	TopSpeakerCI95Hi float64
	// Speakers is the outlet's speakers, as in analysis (quoted words
	// descending, then reported statements descending, then name).
	Speakers []*analysis.SpeakerShare
}

// Rate is a count of lexicon matches with its rate per 1,000 words.
type Rate struct {
	// Count is the number of matches.
	Count int
	// Per1000Words is Count per 1,000 words.
	Per1000Words float64
	// CI95Low and CI95High bound Per1000Words (exact Poisson interval).
	CI95Low  float64
	CI95High float64
	// ByVoice splits Count by voice.
	ByVoice analysis.VoiceCounts
	// Narration is the rate of matches in narration (the outlet's own
	// voice) per 1,000 words, with its exact Poisson 95% interval.
	Narration Interval
}

// Interval is a point estimate with a 95% interval.
type Interval struct {
	// Value is the estimate; Low and High bound it.
	Value float64
	Low   float64
	High  float64
}

// Overlaps reports whether the intervals a and b share any value.
func (a Interval) Overlaps(b Interval) bool { return a.Low <= b.High && b.Low <= a.High }

// VoiceCount returns the count for one voice value (see Voices); 0 for an
// unknown voice.
func VoiceCount(v analysis.VoiceCounts, voice string) int {
	switch voice {
	case analysis.VoiceNarration:
		return v.Narration
	case analysis.VoiceQuote:
		return v.Quote
	case analysis.VoiceReported:
		return v.Reported
	case analysis.VoiceScareQuote:
		return v.ScareQuote
	}
	return 0
}

// TermMatrix is a term × outlet count matrix for one kind of match.
type TermMatrix struct {
	// Kind is analysis.MatchLoaded or analysis.MatchHedge.
	Kind string
	// Outlets are the column names, in Report.Outlets order.
	Outlets []string
	// Rows are sorted by total count descending, then term, then category.
	Rows []*TermRow
}

// TermRow is one term's counts across outlets.
type TermRow struct {
	// Term is the lexicon entry as written (possibly ending in "*").
	Term string
	// Category is its lexicon category, e.g. "loaded.label".
	Category string
	// Note is the lexicon note for the term ("" when unknown).
	Note string
	// Total is the count over all outlets.
	Total int
	// Counts and ByVoice are per outlet, aligned with TermMatrix.Outlets.
	Counts  []int
	ByVoice []analysis.VoiceCounts
}

// SpeakerMatrix is a speaker × outlet matrix of quote shares.
type SpeakerMatrix struct {
	// Outlets are the column names, in Report.Outlets order.
	Outlets []string
	// Rows are sorted by quoted words over all outlets descending, then
	// reported statements descending, then speaker name.
	Rows []*SpeakerRow
}

// SpeakerRow is one speaker's quotes across outlets. The per-outlet
// slices are aligned with SpeakerMatrix.Outlets.
type SpeakerRow struct {
	// Speaker is the canonical speaker name; Affiliation from the codebook.
	Speaker     string
	Affiliation string
	// Words is the speaker's quoted words and Reported their reported
	// statements, over all outlets.
	Words    int
	Reported int
	// Quotes, QuotedWords and ReportedBy count per outlet.
	Quotes      []int
	QuotedWords []int
	ReportedBy  []int
	// Share is the speaker's share (0–1) of each outlet's quoted words,
	// with Jeffreys 95% bounds in CI95Low and CI95High.
	Share    []float64
	CI95Low  []float64
	CI95High []float64
}

// OutletEvidence is every match and quote of one outlet. The evidence is
// read from the analysis result as it is asked for, not copied: a large
// corpus has millions of rows.
type OutletEvidence struct {
	// Outlet is the outlet name; Color its OutletColor.
	Outlet string
	Color  string
	// res holds the rows; matches and quotes are the indices of the
	// outlet's rows in res.Matches and res.Quotes, by article, then position.
	res     *analysis.Result
	matches []int32
	quotes  []int32
}

// MatchCount returns the number of the outlet's lexicon matches.
func (e *OutletEvidence) MatchCount() int { return len(e.matches) }

// QuoteCount returns the number of the outlet's quotes and reported statements.
func (e *OutletEvidence) QuoteCount() int { return len(e.quotes) }

// Match returns the outlet's i'th lexicon match.
func (e *OutletEvidence) Match(i int) MatchEvidence {
	x := e.res.Matches.At(int(e.matches[i]))
	return MatchEvidence{
		Article: x.Article, Kind: x.Kind, Term: x.Term, Category: x.Category, Voice: x.Voice, Text: x.Text,
		Snippet: snippet(x.Sentence, x.SentenceStart, x.Start, x.End, x.Text),
	}
}

// Quote returns the outlet's i'th quote or reported statement.
func (e *OutletEvidence) Quote(i int) QuoteEvidence {
	q := e.res.Quotes.At(int(e.quotes[i]))
	return QuoteEvidence{
		Article: q.Article, Kind: q.Kind, Speaker: q.Speaker, SpeakerMention: q.SpeakerMention,
		Affiliation: q.Affiliation, Text: q.Text, Words: q.Words, Rule: q.Rule,
		Snippet: snippet(q.Sentence, q.SentenceStart, q.Start, q.End, q.Text),
	}
}

// Matches returns the outlet's lexicon matches, by article, then position.
func (e *OutletEvidence) Matches() iter.Seq[MatchEvidence] {
	return func(yield func(MatchEvidence) bool) {
		for i := range e.matches {
			if !yield(e.Match(i)) {
				return
			}
		}
	}
}

// Quotes returns the outlet's quotes and reported statements, by article,
// then position.
func (e *OutletEvidence) Quotes() iter.Seq[QuoteEvidence] {
	return func(yield func(QuoteEvidence) bool) {
		for i := range e.quotes {
			if !yield(e.Quote(i)) {
				return
			}
		}
	}
}

// Snippet is a sentence with a highlighted part.
type Snippet struct {
	// Sentence is the sentence holding the evidence.
	Sentence string
	// Start and End are byte offsets of the highlighted words within
	// Sentence; Start == End when they could not be placed inside it.
	Start int
	End   int
}

// Split returns the sentence cut into the text before the highlight, the
// highlight and the text after it.
func (s Snippet) Split() (before, mark, after string) {
	return s.Sentence[:s.Start], s.Sentence[s.Start:s.End], s.Sentence[s.End:]
}

// MatchEvidence is one lexicon match with its sentence.
type MatchEvidence struct {
	// Article is the article id.
	Article string
	// Kind is analysis.MatchLoaded or analysis.MatchHedge.
	Kind string
	// Term and Category identify the lexicon entry; Voice says who speaks.
	Term     string
	Category string
	Voice    string
	// Text is the matched words as they appear.
	Text string
	// Snippet is the sentence with Text highlighted.
	Snippet Snippet
}

// QuoteEvidence is one quote or reported statement with its sentence.
type QuoteEvidence struct {
	// Article is the article id.
	Article string
	// Kind is analysis.KindDirect, KindPartial, KindReported or KindScare.
	Kind string
	// Speaker is the canonical speaker ("" for scare quotes);
	// SpeakerMention the words used in the article; Affiliation from the codebook.
	Speaker        string
	SpeakerMention string
	Affiliation    string
	// Text is the quoted or reported words; Words their number.
	Text  string
	Words int
	// Snippet is the sentence with Text highlighted.
	Snippet Snippet
	// Rule names how the speaker was found.
	Rule string
}

// Article is one article's metadata row.
type Article struct {
	// ID, Path and Line locate the article (Line 0 for text files).
	ID   string
	Path string
	Line int
	// Outlet is the outlet name; OutletSource the rule that decided it;
	// OutletEvidence the text it was read from.
	Outlet         string
	OutletSource   string
	OutletEvidence string
	// Title, Date, URL and Language are the article metadata. URL is
	// plain text, never to be rendered as a link.
	Title    string
	Date     string
	URL      string
	Language string
	// Credits are the outlets or agencies the article relays or cites.
	Credits []string
	// CreditEvidence is the text behind each credit, "Credited: text".
	CreditEvidence []string
	// Words and Sentences count the body after boilerplate removal.
	Words     int
	Sentences int
	// Removed lists the boilerplate removed before analysis.
	Removed []*Removal
	// SHA256 is the hex SHA-256 of the article bytes.
	SHA256 string
}

// Removal is one span of boilerplate removed from an article.
type Removal struct {
	// Line is the 1-based line number; Rule why it was removed; Text what.
	Line int
	Rule string
	Text string
}

// Warning is a non-fatal problem reported by the analysis.
type Warning struct {
	// Article is the article id ("" for a file problem); Path and Line
	// locate it (Line 0: whole file); Message describes it.
	Article string
	Path    string
	Line    int
	Message string
}

// Lexicon describes the lexicon an analysis used.
type Lexicon struct {
	// SHA256 is the hash of the effective lexicon; Terms its size.
	SHA256 string
	Terms  int
	// Sources lists where terms came from, in load order.
	Sources []string
	// Used lists every term that matched, with its match count.
	Used []*LexiconTerm
}

// LexiconTerm is one lexicon entry that matched at least once.
type LexiconTerm struct {
	// Term, Category, Language, Note and Source are as in the lexicon.
	Term     string
	Category string
	Language string
	Note     string
	Source   string
	// Matches is the number of matches of this term in the corpus.
	Matches int
}

// Finding is one plain-language summary sentence.
type Finding struct {
	// Topic is "corpus", "loaded", "quotes", "hedges", "compare" or "caveat".
	Topic string
	// Text is the sentence.
	Text string
}

// palette is a colour-blind-safe palette: Okabe–Ito without black and
// yellow, then Paul Tol's muted scheme without its two palest colours, so
// every colour is readable as text on white.
var palette = []string{
	"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
	"#332288", "#117733", "#44AA99", "#999933", "#882255", "#AA4499", "#CC6677",
}

// Palette returns a copy of the colours OutletColor chooses from.
func Palette() []string { return append([]string(nil), palette...) }

// OutletColor returns the fixed colour ("#rrggbb") of an outlet: the
// 32-bit FNV-1a hash of its name indexes a colour-blind-safe palette, so an
// outlet keeps its colour whichever other outlets are in the corpus. Two
// outlets can share a colour; charts always label outlets by name too.
func OutletColor(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return palette[h.Sum32()%uint32(len(palette))]
}

// New builds the report model of an analysis result. It never fails;
// a nil result gives an empty report.
func New(r *analysis.Result, opts *Options) *Report {
	if opts == nil {
		opts = &Options{}
	}
	if r == nil {
		r = &analysis.Result{}
	}
	rep := &Report{
		Title:       opts.Title,
		Now:         opts.Now,
		Schema:      r.Schema,
		Generator:   r.Generator,
		Outlets:     []*Outlet{},
		Evidence:    []*OutletEvidence{},
		ArticleRows: []*Article{},
		Warnings:    []*Warning{},
		Summary:     []*Finding{},
	}
	if rep.Title == "" {
		rep.Title = "framelens report"
	}
	maxOut := opts.MaxChartOutlets
	if maxOut <= 0 {
		maxOut = DefaultMaxChartOutlets
	}

	// Outlets, ordered by articles descending, then name.
	index := make(map[string]int)
	for _, f := range r.Outlets {
		if f == nil {
			continue
		}
		o := &Outlet{
			Name: f.Outlet, Color: OutletColor(f.Outlet),
			Articles: f.Articles, Words: f.Words, Sentences: f.Sentences,
			Loaded: newRate(f.Loaded, f.Words), Hedges: newRate(f.Hedges, f.Words),
			Quotes: f.Quotes.Count, QuotedWords: f.Quotes.Words, Reported: f.Quotes.Reported,
			Speakers: []*analysis.SpeakerShare{},
		}
		for _, s := range f.Quotes.BySpeaker {
			if s != nil {
				o.Speakers = append(o.Speakers, s)
			}
		}
		for _, s := range o.Speakers {
			if s.Words > 0 && (o.TopSpeaker == "" || s.Words > o.TopSpeakerWords) {
				o.TopSpeaker, o.TopSpeakerWords = s.Speaker, s.Words
				o.TopSpeakerShare, o.TopSpeakerCI95Lo, o.TopSpeakerCI95Hi = s.Share, s.CI95Low, s.CI95High
			}
		}
		rep.Outlets = append(rep.Outlets, o)
		rep.Articles += f.Articles
		rep.Words += f.Words
	}
	sort.SliceStable(rep.Outlets, func(i, j int) bool {
		a, b := rep.Outlets[i], rep.Outlets[j]
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.Name < b.Name
	})
	names := make([]string, len(rep.Outlets))
	for i, o := range rep.Outlets {
		names[i] = o.Name
		index[o.Name] = i
	}
	rep.ChartOutlets = min(len(rep.Outlets), maxOut)

	rep.Loaded = newTermMatrix(analysis.MatchLoaded, names, index, r)
	rep.Hedges = newTermMatrix(analysis.MatchHedge, names, index, r)
	rep.Speakers = newSpeakerMatrix(names, rep.Outlets)
	rep.Evidence = newEvidence(rep.Outlets, index, r)
	rep.ArticleRows = newArticles(index, r)
	for _, w := range r.Warnings {
		rep.Warnings = append(rep.Warnings, &Warning{Article: w.Article, Path: w.Path, Line: w.Line, Message: w.Message})
	}
	rep.Lexicon = newLexicon(r)
	rep.Compare = newComparison(r, rep.Outlets)
	rep.Summary = summarize(rep)
	if opts.Previous != nil {
		rep.Changes = newChanges(opts.Previous, r)
	}
	return rep
}

func newRate(f analysis.RateFeature, words int) Rate {
	rt := Rate{Count: f.Count, Per1000Words: f.Per1000Words, CI95Low: f.CI95Low, CI95High: f.CI95High, ByVoice: f.ByVoice}
	rt.Narration = poissonRate(f.ByVoice.Narration, words)
	return rt
}

// poissonRate is the rate of k events per 1,000 words with its exact
// (Garwood) 95% interval, as package analysis computes it.
func poissonRate(k, words int) Interval {
	if words <= 0 {
		return Interval{}
	}
	scale := 1000 / float64(words)
	var lo float64
	if k > 0 {
		lo = distuv.ChiSquared{K: float64(2 * k)}.Quantile(0.025) / 2
	}
	hi := distuv.ChiSquared{K: float64(2*k + 2)}.Quantile(0.975) / 2
	return Interval{Value: round4(float64(k) * scale), Low: round4(lo * scale), High: round4(hi * scale)}
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func newTermMatrix(kind string, names []string, index map[string]int, r *analysis.Result) *TermMatrix {
	notes := make(map[string]string)
	for _, t := range r.Lexicon.Used {
		if t == nil {
			continue
		}
		k := t.Term + "\t" + t.Category
		if _, ok := notes[k]; !ok {
			notes[k] = t.Note
		}
	}
	m := &TermMatrix{Kind: kind, Outlets: append([]string{}, names...), Rows: []*TermRow{}}
	rows := make(map[string]*TermRow)
	for _, x := range r.Matches.All() {
		if x.Kind != kind {
			continue
		}
		i, ok := index[x.Outlet]
		if !ok {
			continue
		}
		k := x.Term + "\t" + x.Category
		row := rows[k]
		if row == nil {
			row = &TermRow{Term: x.Term, Category: x.Category, Note: notes[k],
				Counts: make([]int, len(names)), ByVoice: make([]analysis.VoiceCounts, len(names))}
			rows[k] = row
			m.Rows = append(m.Rows, row)
		}
		row.Total++
		row.Counts[i]++
		v := &row.ByVoice[i]
		switch x.Voice {
		case analysis.VoiceNarration:
			v.Narration++
		case analysis.VoiceQuote:
			v.Quote++
		case analysis.VoiceReported:
			v.Reported++
		case analysis.VoiceScareQuote:
			v.ScareQuote++
		}
	}
	sort.SliceStable(m.Rows, func(i, j int) bool {
		a, b := m.Rows[i], m.Rows[j]
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		if a.Term != b.Term {
			return a.Term < b.Term
		}
		return a.Category < b.Category
	})
	return m
}

func newSpeakerMatrix(names []string, outlets []*Outlet) *SpeakerMatrix {
	m := &SpeakerMatrix{Outlets: append([]string{}, names...), Rows: []*SpeakerRow{}}
	n := len(names)
	rows := make(map[string]*SpeakerRow)
	for i, o := range outlets {
		for _, s := range o.Speakers {
			row := rows[s.Speaker]
			if row == nil {
				row = &SpeakerRow{Speaker: s.Speaker, Affiliation: s.Affiliation,
					Quotes: make([]int, n), QuotedWords: make([]int, n), ReportedBy: make([]int, n),
					Share: make([]float64, n), CI95Low: make([]float64, n), CI95High: make([]float64, n)}
				rows[s.Speaker] = row
				m.Rows = append(m.Rows, row)
			}
			if row.Affiliation == "" {
				row.Affiliation = s.Affiliation
			}
			row.Words += s.Words
			row.Reported += s.Reported
			row.Quotes[i] += s.Quotes
			row.QuotedWords[i] += s.Words
			row.ReportedBy[i] += s.Reported
			row.Share[i] = s.Share
			row.CI95Low[i], row.CI95High[i] = s.CI95Low, s.CI95High
		}
	}
	sort.SliceStable(m.Rows, func(i, j int) bool {
		a, b := m.Rows[i], m.Rows[j]
		if a.Words != b.Words {
			return a.Words > b.Words
		}
		if a.Reported != b.Reported {
			return a.Reported > b.Reported
		}
		return a.Speaker < b.Speaker
	})
	return m
}

// snippet places the span [start, end) of the article text inside the
// sentence that begins at sentStart, clamping to the sentence and to rune
// boundaries. When the span lies outside the sentence it searches the
// sentence for text instead.
func snippet(sentence string, sentStart, start, end int, text string) Snippet {
	s := Snippet{Sentence: sentence}
	a, b := start-sentStart, end-sentStart
	if a >= 0 && b <= len(sentence) && a < b && sentence[a:b] == text {
		s.Start, s.End = a, b
		return s
	}
	if text != "" {
		if i := strings.Index(sentence, text); i >= 0 {
			s.Start, s.End = i, i+len(text)
			return s
		}
	}
	a, b = max(a, 0), min(b, len(sentence))
	if a >= b {
		return s
	}
	for a < b && !isRuneStart(sentence, a) {
		a++
	}
	for b > a && !isRuneStart(sentence, b) {
		b--
	}
	s.Start, s.End = a, b
	return s
}

func isRuneStart(s string, i int) bool { return i == len(s) || s[i]&0xC0 != 0x80 }

func newEvidence(outlets []*Outlet, index map[string]int, r *analysis.Result) []*OutletEvidence {
	ev := make([]*OutletEvidence, len(outlets))
	for i, o := range outlets {
		ev[i] = &OutletEvidence{Outlet: o.Name, Color: o.Color, res: r}
	}
	for j, x := range r.Matches.All() {
		if i, ok := index[x.Outlet]; ok {
			ev[i].matches = append(ev[i].matches, int32(j))
		}
	}
	for j, q := range r.Quotes.All() {
		if i, ok := index[q.Outlet]; ok {
			ev[i].quotes = append(ev[i].quotes, int32(j))
		}
	}
	return ev
}

func newArticles(index map[string]int, r *analysis.Result) []*Article {
	out := []*Article{}
	for _, a := range r.Articles {
		if a == nil {
			continue
		}
		row := &Article{
			ID: a.ID, Path: a.Path, Line: a.Line, Outlet: a.Outlet, OutletSource: a.OutletSource,
			OutletEvidence: a.OutletEvidence, Title: a.Title, Date: a.Date, URL: a.URL, Language: a.Language,
			Credits: append([]string{}, a.Credits...), CreditEvidence: []string{},
			Words: a.Words, Sentences: a.Sentences, Removed: []*Removal{}, SHA256: a.SHA256,
		}
		for _, c := range a.CreditEvidence {
			if c != nil {
				row.CreditEvidence = append(row.CreditEvidence, c.Credited+": "+c.Text)
			}
		}
		for _, rm := range a.RemovedLines {
			if rm != nil {
				row.Removed = append(row.Removed, &Removal{Line: rm.Line, Rule: rm.Rule, Text: rm.Text})
			}
		}
		out = append(out, row)
	}
	pos := func(name string) int {
		if i, ok := index[name]; ok {
			return i
		}
		return len(index)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if pa, pb := pos(a.Outlet), pos(b.Outlet); pa != pb {
			return pa < pb
		}
		return a.ID < b.ID
	})
	return out
}

func newLexicon(r *analysis.Result) *Lexicon {
	lx := &Lexicon{SHA256: r.Lexicon.SHA256, Terms: r.Lexicon.Terms,
		Sources: append([]string{}, r.Lexicon.Sources...), Used: []*LexiconTerm{}}
	counts := make(map[string]int)
	for _, x := range r.Matches.All() {
		counts[x.Term+"\t"+x.Category]++
	}
	for _, t := range r.Lexicon.Used {
		if t == nil {
			continue
		}
		lx.Used = append(lx.Used, &LexiconTerm{Term: t.Term, Category: t.Category, Language: t.Language,
			Note: t.Note, Source: t.Source, Matches: counts[t.Term+"\t"+t.Category]})
	}
	return lx
}

// FormatNumber formats an integer with comma thousands separators.
func FormatNumber(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatRate formats a rate per 1,000 words with one decimal.
func FormatRate(x float64) string { return fmt.Sprintf("%.1f", x) }

// FormatPercent formats a share (0–1) as a whole percentage, "42%".
func FormatPercent(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }
