package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Charts sheet layout: the charts sit on the left, one under another; the
// numbers they plot sit to their right, from column dataCol.
const (
	chartWidth      = 720 // pixels
	chartHeight     = 360
	chartRows       = 22  // rows per chart: excelize anchors a 360-pixel chart over 20 rows; 2 rows gap
	chartDataCol    = 13  // column M
	maxChartSpeaker = 8   // speakers charted by name; the rest are "Other speakers"
	maxChartSeries  = 255 // Excel's limit of series per chart
)

// speakerColors colour the speaker series (Paul Tol's light scheme), kept
// apart from the outlet palette so a speaker is never mistaken for an outlet.
var speakerColors = []string{"#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00"}

const otherSpeakersColor = "#BBBBBB"

// axisFont is the font of chart axis labels: dark enough to read.
var axisFont = excelize.Font{Color: "#404040", Size: 9}

// absRef is the absolute reference Charts!$C$R of a cell.
func absRef(col, row int) string {
	return fmt.Sprintf("%s!$%s$%d", sheetCharts, colName(col), row)
}

func solid(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}

func chartTitle(s string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s}}}
}

// ratePer1000 is count per 1,000 words, rounded as package analysis rounds rates.
func ratePer1000(count, words int) float64 {
	if words <= 0 {
		return 0
	}
	return round4(float64(count) * 1000 / float64(words))
}

func (x *xlsxWriter) writeCharts() error {
	f, sh, r := x.f, sheetCharts, x.r
	outlets := r.Outlets[:max(0, min(r.ChartOutlets, len(r.Outlets), maxChartSeries))]
	if err := f.SetColWidth(sh, colName(chartDataCol), colName(chartDataCol), 26); err != nil {
		return err
	}
	no := false
	var err error
	set := func(col, row int, v any, style int) {
		if err != nil {
			return
		}
		cell := cellName(col, row)
		if v, _ = x.value(sh, col, row, v); v != nil {
			err = f.SetCellValue(sh, cell, v)
		}
		if err == nil && style != 0 {
			err = f.SetCellStyle(sh, cell, cell, style)
		}
	}
	width := 0 // data columns used, for widths

	// 1. Quoted words by speaker per outlet, as percent-stacked bars.
	var speakers []*SpeakerRow
	if r.Speakers != nil {
		for _, s := range r.Speakers.Rows {
			if s.Words > 0 && len(speakers) < maxChartSpeaker {
				speakers = append(speakers, s)
			}
		}
	}
	other := make([]int, len(outlets))
	hasOther := false
	for i, o := range outlets {
		other[i] = o.QuotedWords
		for _, s := range speakers {
			other[i] -= s.QuotedWords[i]
		}
		other[i] = max(other[i], 0)
		hasOther = hasOther || other[i] > 0
	}
	top := 1
	set(chartDataCol, top, "Chart 1: quoted words by speaker (each outlet's bar is 100%)", x.st.label)
	set(chartDataCol, top+1, "Outlet", x.st.header)
	var series []excelize.ChartSeries
	nCols := len(speakers)
	if hasOther {
		nCols++
	}
	for j := 0; j < nCols; j++ {
		col := chartDataCol + 1 + j
		name, color := "Other speakers", otherSpeakersColor
		if j < len(speakers) {
			name, color = speakers[j].Speaker, speakerColors[j%len(speakerColors)]
			if name == "" {
				name = "(no speaker named)"
			}
		}
		set(col, top+1, name, x.st.header)
		for i := range outlets {
			v := other[i]
			if j < len(speakers) {
				v = speakers[j].QuotedWords[i]
			}
			set(col, top+2+i, v, x.st.integer)
		}
		series = append(series, excelize.ChartSeries{
			Name:       absRef(col, top+1),
			Categories: absRef(chartDataCol, top+2) + ":" + fmt.Sprintf("$%s$%d", colName(chartDataCol), top+1+len(outlets)),
			Values:     absRef(col, top+2) + ":" + fmt.Sprintf("$%s$%d", colName(col), top+1+len(outlets)),
			Fill:       solid(color),
		})
	}
	for i, o := range outlets {
		set(chartDataCol, top+2+i, o.Name, x.st.text)
	}
	width = max(width, nCols)
	if err != nil {
		return err
	}
	if len(outlets) > 0 && len(series) > 0 {
		pct := "0%"
		if err := f.AddChart(sh, "A1", &excelize.Chart{
			Type: excelize.BarPercentStacked, Series: series, VaryColors: &no,
			Title:     chartTitle("Share of quoted words by speaker"),
			Legend:    excelize.ChartLegend{Position: "bottom"},
			XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
			YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: pct}, Font: axisFont},
			Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		}); err != nil {
			return err
		}
	} else {
		set(1, 1, "Chart 1: no quotes in the charted outlets.", x.st.note)
	}

	// 2 and 3. Loaded-term and hedge rates by voice, one series per outlet.
	next := top + 2 + len(outlets) + 1
	for k, c := range []struct {
		title, label string
		rate         func(*Outlet) Rate
	}{
		{"Loaded terms per 1,000 words, by voice", "Chart 2: loaded terms per 1,000 words", func(o *Outlet) Rate { return o.Loaded }},
		{"Hedges per 1,000 words, by voice", "Chart 3: hedges per 1,000 words", func(o *Outlet) Rate { return o.Hedges }},
	} {
		top := next
		set(chartDataCol, top, c.label, x.st.label)
		set(chartDataCol, top+1, "Voice", x.st.header)
		set(chartDataCol, top+2, "all voices", x.st.text)
		for v, voice := range Voices {
			set(chartDataCol, top+3+v, VoiceLabels[voice], x.st.text)
		}
		last := top + 2 + len(Voices)
		var series []excelize.ChartSeries
		for i, o := range outlets {
			col := chartDataCol + 1 + i
			rt := c.rate(o)
			set(col, top+1, o.Name, x.st.header)
			set(col, top+2, rt.Per1000Words, x.st.rate)
			for v, voice := range Voices {
				set(col, top+3+v, ratePer1000(VoiceCount(rt.ByVoice, voice), o.Words), x.st.rate)
			}
			series = append(series, excelize.ChartSeries{
				Name:       absRef(col, top+1),
				Categories: absRef(chartDataCol, top+2) + ":" + fmt.Sprintf("$%s$%d", colName(chartDataCol), last),
				Values:     absRef(col, top+2) + ":" + fmt.Sprintf("$%s$%d", colName(col), last),
				Fill:       solid(o.Color),
			})
		}
		width = max(width, len(outlets))
		if err != nil {
			return err
		}
		anchor := cellName(1, 1+(k+1)*chartRows)
		if len(series) > 0 {
			if err := f.AddChart(sh, anchor, &excelize.Chart{
				Type: excelize.Col, Series: series, VaryColors: &no,
				Title:     chartTitle(c.title),
				Legend:    excelize.ChartLegend{Position: "bottom"},
				XAxis:     excelize.ChartAxis{Font: axisFont},
				YAxis:     excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0"}, Font: axisFont},
				Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
			}); err != nil {
				return err
			}
		} else {
			set(1, 1+(k+1)*chartRows, fmt.Sprintf("Chart %d: no outlets to chart.", k+2), x.st.note)
		}
		next = last + 2
	}
	if width > 0 {
		first, lastCol := colName(chartDataCol+1), colName(chartDataCol+width)
		if err := f.SetColWidth(sh, first, lastCol, 14); err != nil {
			return err
		}
	}
	return err
}
