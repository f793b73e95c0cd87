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
		{"framelens.json", func(w io.Writer) error {
			if err := res.WriteJSON(w); err != nil {
				return fmt.Errorf("rendering JSON: %w", err)
			}
			return nil
		}},
		{"report.html", func(w io.Writer) error {
			if err := model().WriteHTML(w); err != nil {
				return fmt.Errorf("rendering HTML: %w", err)
			}
			return nil
		}},
		{"framelens.xlsx", func(w io.Writer) error {
			if err := model().WriteXLSX(w); err != nil {
				return fmt.Errorf("rendering workbook: %w", err)
			}
			return nil
		}},
	}
}
