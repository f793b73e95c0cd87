package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// chart is one chart of the HTML page: an element id, its height and the
// ECharts option as sanitised JSON.
type chart struct {
	// ID is the element id and go-echarts ChartID: only [A-Za-z0-9_].
	ID string
	// Title and Note are shown above and below the chart as text.
	Title string
	Note  string
	// Height is the chart height in pixels.
	Height int
	// Option is the ECharts option, JSON with our own functions inlined.
	Option template.JS
}

// jsonChart is what every go-echarts chart type provides.
type jsonChart interface {
	Validate()
	JSON() map[string]interface{}
}

// funcMarker wraps JavaScript functions in go-echarts options
// (opts.FuncOpts); funcMarkerRe removes the markers and the quotes next
// to them, as go-echarts' own renderer does (dependencies.md §1.6).
const funcMarker = "__f__"

var funcMarkerRe = regexp.MustCompile(`(__f__")|("__f__)|(__f__)`)

// clean makes a corpus string safe to place in chart options: it strips
// C0 control characters and DEL (tabs and newlines become spaces) and
// breaks every "__f__" so that only our own functions keep the marker.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f:
			return -1
		}
		return r
	}, s)
	for strings.Contains(s, funcMarker) {
		s = strings.ReplaceAll(s, funcMarker, "_\u200b_f__")
	}
	return s
}

// optionJSON validates a chart and marshals its options. encoding/json
// escapes <, > and & (so no string can close the script element), then
// the function markers are removed: every corpus string has been passed
// through clean, so only functions written in this package remain.
func optionJSON(c jsonChart) (template.JS, error) {
	c.Validate()
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return "", err
	}
	b = funcMarkerRe.ReplaceAll(b, nil)
	return template.JS(b), nil
}

// chartInit are initialisation options shared by every chart.
func chartInit(id string, height int) charts.GlobalOpts {
	return charts.WithInitializationOpts(opts.Initialization{ChartID: id, Width: "100%", Height: fmt.Sprintf("%dpx", height)})
}

// Chart colours for voices: tints of the outlet colour, from full
// (narration) to pale with a border (scare quotes).
var voiceTint = map[string]float64{"narration": 1, "quote": 0.6, "reported": 0.35, "scare_quote": 0.12}

// legendGrey is the legend colour of each voice: the same tints of grey.
var legendGrey = map[string]string{"narration": "#444444", "quote": "#8f8f8f", "reported": "#bdbdbd", "scare_quote": "#eeeeee"}

// speakerPalette colours speakers in rank order (Paul Tol's light
// scheme, readable behind black labels); the last colour is for "other
// speakers".
var speakerPalette = []string{"#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD"}

// tint mixes a "#rrggbb" colour with white: f = 1 is the colour, 0 white.
func tint(color string, f float64) string {
	var r, g, b int
	if _, err := fmt.Sscanf(color, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return color
	}
	mix := func(c int) int { return int(float64(c)*f + 255*(1-f) + 0.5) }
	return fmt.Sprintf("#%02x%02x%02x", mix(r), mix(g), mix(b))
}

// outletAxis gives category axis data for outlets: each label in the
// outlet's colour.
func outletAxis(outlets []*Outlet) []any {
	data := make([]any, len(outlets))
	for i, o := range outlets {
		data[i] = map[string]any{"value": clean(o.Name), "textStyle": map[string]any{"color": o.Color, "fontWeight": "bold"}}
	}
	return data
}

// jsPrelude starts every tooltip formatter: enc HTML-encodes a corpus
// string as the ECharts security guide advises, and tag builds an HTML tag
// without writing "<" or ">" (see jsFunc).
const jsPrelude = `var enc = echarts.format.encodeHTML;
var tag = function (t) { return String.fromCharCode(60) + t + String.fromCharCode(62); };`

// jsFunc marks JavaScript source as a function for go-echarts. The source
// goes through encoding/json, which escapes <, >, & and backslashes and
// quotes, and then only the function markers are removed, so the source
// must contain none of those characters; newlines and tabs are removed,
// so it must not contain // comments. jsFunc panics otherwise: every
// function is a constant of this package.
func jsFunc(src string) types.FuncStr {
	if strings.ContainsAny(src, "<>&\\\"") || strings.Contains(src, "//") || strings.Contains(src, funcMarker) {
		panic("report: JavaScript function uses a character that JSON would escape: " + src)
	}
	return opts.FuncOpts(src)
}

// Shared chart pieces.
var (
	noAnimation = charts.WithAnimation(false)
	noToolbox   = charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)})
	basicGrid   = charts.WithGridOpts(opts.Grid{Left: "24", Right: "40", Top: "40", Bottom: "30", ContainLabel: opts.Bool(true)})
)

func outletRowsHeight(n int) int { return 80 + 34*n }

// longLabel lets category labels take at most width pixels, cut with an
// ellipsis; tooltips and tables show the full text.
func longLabel(width int) *opts.AxisLabel {
	return &opts.AxisLabel{Interval: "0", Width: width, Overflow: "truncate"}
}

// voiceChart draws loaded-term counts per outlet as horizontal bars
// stacked by voice.
func voiceChart(id string, outlets []*Outlet) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(chartInit(id, outletRowsHeight(len(outlets))), noAnimation, noToolbox, basicGrid,
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "matches", NameLocation: "middle", NameGap: 25, MinInterval: 1}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: outletAxis(outlets), AxisLabel: longLabel(180)}),
	)
	for _, v := range Voices {
		data := make([]opts.BarData, len(outlets))
		for i, o := range outlets {
			st := &opts.ItemStyle{Color: tint(o.Color, voiceTint[v])}
			if v == "scare_quote" {
				st.BorderColor, st.BorderWidth = o.Color, 1.5
			}
			data[i] = opts.BarData{Name: clean(o.Name), Value: VoiceCount(o.Loaded.ByVoice, v), ItemStyle: st}
		}
		st := opts.ItemStyle{Color: legendGrey[v]}
		if v == "scare_quote" {
			st.BorderColor, st.BorderWidth = "#444444", 1.5
		}
		bar.AddSeries(VoiceLabels[v], data, charts.WithBarChartOpts(opts.BarChart{Stack: "voice", BarWidth: "60%"}), charts.WithItemStyleOpts(st))
	}
	return bar
}

// errorBarJS draws a horizontal 95% interval with caps; data values are
// [high, category index, low, rate].
const errorBarJS = `function (params, api) {
var y = api.value(1);
var lo = api.coord([api.value(2), y]);
var hi = api.coord([api.value(0), y]);
var h = api.size([0, 1])[1] * 0.3;
var s = {stroke: '#222', lineWidth: 1.5, fill: null};
return {type: 'group', children: [
{type: 'line', z2: 100, shape: {x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1]}, style: s},
{type: 'line', z2: 100, shape: {x1: lo[0], y1: lo[1] - h / 2, x2: lo[0], y2: lo[1] + h / 2}, style: s},
{type: 'line', z2: 100, shape: {x1: hi[0], y1: hi[1] - h / 2, x2: hi[0], y2: hi[1] + h / 2}, style: s}
]};
}`

// rateTooltipJS formats the tooltip of a rate chart; bar values are
// [rate, category index, low, high].
const rateTooltipJS = `function (p) {` + jsPrelude + `
var v = p.value;
if (p.seriesType !== 'bar' || !Array.isArray(v)) { return ''; }
return tag('b') + enc(p.name) + tag('/b') + tag('br') + v[0].toFixed(1) + ' per 1,000 words' + tag('br') +
'95% interval ' + v[2].toFixed(1) + '–' + v[3].toFixed(1);
}`

// rateChart draws a rate per 1,000 words per outlet as bars with 95%
// interval error bars (a custom series).
func rateChart(id string, outlets []*Outlet, get func(*Outlet) Rate) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(chartInit(id, outletRowsHeight(len(outlets))), noAnimation, noToolbox, basicGrid,
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: jsFunc(rateTooltipJS)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "per 1,000 words", NameLocation: "middle", NameGap: 25}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: outletAxis(outlets), AxisLabel: longLabel(180)}),
	)
	data := make([]opts.BarData, len(outlets))
	ci := make([]opts.CustomData, len(outlets))
	for i, o := range outlets {
		r := get(o)
		data[i] = opts.BarData{Name: clean(o.Name), Value: []any{r.Per1000Words, i, r.CI95Low, r.CI95High},
			ItemStyle: &opts.ItemStyle{Color: o.Color}}
		ci[i] = opts.CustomData{Name: clean(o.Name), Value: []any{r.CI95High, i, r.CI95Low, r.Per1000Words}}
	}
	bar.AddSeries("rate", data, charts.WithBarChartOpts(opts.BarChart{BarWidth: "55%"}))
	errs := charts.NewCustom()
	errs.AddSeries("95% interval", ci, charts.WithCustomChartOpts(opts.CustomChart{RenderItem: jsFunc(errorBarJS)}))
	bar.Overlap(errs)
	return bar
}

// maxHeatmapTerms is the number of terms (most frequent first) drawn in a
// term × outlet heatmap; the table lists all.
const maxHeatmapTerms = 40

// heatmapChart draws term counts per outlet.
func heatmapChart(id string, m *TermMatrix, outlets []*Outlet) *charts.HeatMap {
	rows := m.Rows[:min(len(m.Rows), maxHeatmapTerms)]
	terms := make([]string, len(rows))
	maxCount := 1
	data := []opts.HeatMapData{}
	for y, row := range rows {
		terms[y] = clean(row.Term)
		for x := range outlets {
			if c := row.Counts[x]; c > 0 {
				data = append(data, opts.HeatMapData{Value: []any{x, y, c}})
				maxCount = max(maxCount, c)
			}
		}
	}
	hm := charts.NewHeatMap()
	rotate := 0.0
	for _, o := range outlets {
		if len(outlets) > 6 || len(o.Name) > 16 {
			rotate = 35
		}
	}
	hm.SetGlobalOptions(chartInit(id, 110+26*len(rows)), noAnimation, noToolbox,
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "90", Top: "10", Bottom: "10", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: outletAxis(outlets), Position: "top",
			AxisLabel: &opts.AxisLabel{Rotate: rotate, Interval: "0", Width: 140, Overflow: "truncate"}, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: terms, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Interval: "0", Width: 180, Overflow: "truncate"}, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Calculable: opts.Bool(false), Min: 0, Max: float32(maxCount),
			Orient: "vertical", Right: "0", Top: "middle", Text: []string{"more", "fewer"},
			InRange: &opts.VisualMapInRange{Color: []string{"#deebf7", "#08306b"}}}),
	)
	hm.AddSeries("matches", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	return hm
}

// maxShareSpeakers is the number of speakers drawn separately in the
// quote-share chart; the others are summed.
const maxShareSpeakers = 8

// shareLabelJS labels a share segment when it is wide enough.
const shareLabelJS = `function (p) { return Math.min(p.value, 8) === 8 ? Math.round(p.value) + '%' : ''; }`

// shareTooltipJS formats a quote-share segment.
const shareTooltipJS = `function (p) {` + jsPrelude + `
return tag('b') + enc(p.name) + tag('/b') + tag('br') + enc(p.seriesName) + ': ' + Number(p.value).toFixed(0) + '% of quoted words';
}`

// shareChart draws each outlet's quoted words as 100% stacked bars by
// speaker. It returns nil when no charted outlet quotes anyone.
func shareChart(id string, sm *SpeakerMatrix, outlets []*Outlet) *charts.Bar {
	n := len(outlets)
	// Speakers ranked by quoted words in the charted outlets.
	type ranked struct {
		row   *SpeakerRow
		words int
	}
	var rs []ranked
	for _, row := range sm.Rows {
		w := 0
		for i := 0; i < n; i++ {
			w += row.QuotedWords[i]
		}
		if w > 0 {
			rs = append(rs, ranked{row, w})
		}
	}
	if len(rs) == 0 {
		return nil
	}
	// sm.Rows is sorted by words over all outlets; re-sort stably by the
	// charted outlets' words.
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].words > rs[j-1].words; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(chartInit(id, outletRowsHeight(n)+30), noAnimation, noToolbox,
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "30", Top: "60", Bottom: "30", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: jsFunc(shareTooltipJS)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Max: 100, Name: "% of quoted words", NameLocation: "middle", NameGap: 25}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: outletAxis(outlets), AxisLabel: longLabel(180)}),
	)
	label := charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: "#000", Formatter: jsFunc(shareLabelJS)})
	add := func(name, color string, share func(i int) float64) {
		data := make([]opts.BarData, n)
		for i, o := range outlets {
			data[i] = opts.BarData{Name: clean(o.Name), Value: round4(100 * share(i))}
		}
		bar.AddSeries(clean(name), data, charts.WithBarChartOpts(opts.BarChart{Stack: "share", BarWidth: "60%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color, BorderColor: "#ffffff", BorderWidth: 0.5}), label)
	}
	top := rs[:min(len(rs), maxShareSpeakers)]
	for k, r := range top {
		row := r.row
		add(speakerName(row.Speaker), speakerPalette[k], func(i int) float64 { return row.Share[i] })
	}
	if len(rs) > len(top) {
		rest := rs[len(top):]
		add("other speakers", speakerPalette[len(speakerPalette)-1], func(i int) float64 {
			if outlets[i].QuotedWords == 0 {
				return 0
			}
			w := 0
			for _, r := range rest {
				w += r.row.QuotedWords[i]
			}
			return float64(w) / float64(outlets[i].QuotedWords)
		})
	}
	return bar
}

// maxReportedSpeakers is the number of speakers in the reported-statements chart.
const maxReportedSpeakers = 15

// reportedChart draws reported statements per speaker, stacked by outlet.
// It returns nil when the charted outlets report no statements.
func reportedChart(id string, sm *SpeakerMatrix, outlets []*Outlet) *charts.Bar {
	n := len(outlets)
	type ranked struct {
		row *SpeakerRow
		k   int
	}
	var rs []ranked
	for _, row := range sm.Rows {
		k := 0
		for i := 0; i < n; i++ {
			k += row.ReportedBy[i]
		}
		if k > 0 {
			rs = append(rs, ranked{row, k})
		}
	}
	if len(rs) == 0 {
		return nil
	}
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].k > rs[j-1].k; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	rs = rs[:min(len(rs), maxReportedSpeakers)]
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = clean(speakerName(r.row.Speaker))
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(chartInit(id, 90+30*len(rs)), noAnimation, noToolbox,
		charts.WithGridOpts(opts.Grid{Left: "24", Right: "30", Top: "60", Bottom: "30", ContainLabel: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "scroll"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "reported statements", NameLocation: "middle", NameGap: 25, MinInterval: 1}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: names, AxisLabel: longLabel(220)}),
	)
	for i, o := range outlets {
		data := make([]opts.BarData, len(rs))
		has := false
		for k, r := range rs {
			data[k] = opts.BarData{Value: r.row.ReportedBy[i]}
			has = has || r.row.ReportedBy[i] > 0
		}
		if !has {
			continue
		}
		bar.AddSeries(clean(o.Name), data, charts.WithBarChartOpts(opts.BarChart{Stack: "outlets", BarWidth: "60%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: o.Color, BorderColor: "#ffffff", BorderWidth: 0.5}))
	}
	return bar
}
