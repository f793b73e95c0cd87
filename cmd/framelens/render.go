package main

import (
	"bytes"
	"fmt"

	"github.com/framelens/framelens/analysis"
	"github.com/framelens/framelens/report"
)

// renderReports renders the HTML report and the workbook from one report
// model; prev is the previous run's result, or nil.
func renderReports(res, prev *analysis.Result) ([]output, error) {
	rep := report.New(res, &report.Options{Previous: prev})
	var html, xlsx bytes.Buffer
	if err := rep.WriteHTML(&html); err != nil {
		return nil, fmt.Errorf("rendering HTML: %w", err)
	}
	if err := rep.WriteXLSX(&xlsx); err != nil {
		return nil, fmt.Errorf("rendering workbook: %w", err)
	}
	return []output{{"report.html", html.Bytes()}, {"framelens.xlsx", xlsx.Bytes()}}, nil
}
