package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/framelens/framelens/analysis"
	"github.com/framelens/framelens/report"
)

// output is one file of the report and how to render it.
type output struct {
	name  string
	write func(io.Writer) error
}

// outputs lists the files `framelens report` writes: the JSON, then the
// HTML report and the workbook from one report model, built once by
// whichever needs it first; prev is the previous run's result, or nil.
func outputs(res, prev *analysis.Result) []output {
	model := sync.OnceValue(func() *report.Report { return report.New(res, &report.Options{Previous: prev}) })
	return []output{
		{"framelens.json", rendering("JSON", res.WriteJSON)},
		{"report.html", rendering("HTML", func(w io.Writer) error { return model().WriteHTML(w) })},
		{"framelens.xlsx", rendering("workbook", func(w io.Writer) error { return model().WriteXLSX(w) })},
	}
}

// rendering wraps the error of write with what was being rendered.
func rendering(what string, write func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		if err := write(w); err != nil {
			return fmt.Errorf("rendering %s: %w", what, err)
		}
		return nil
	}
}
