// Package report turns an analysis result into a format-neutral report
// model and renders it.
//
// The pipeline is:
//
//  1. New builds a *Report from an *analysis.Result: outlets in a fixed
//     order, summary rows, term × outlet and speaker × outlet matrices,
//     evidence grouped per outlet, articles, warnings, lexicon information
//     and plain-language summary sentences.
//  2. A writer formats the model: (*Report).WriteHTML writes one
//     self-contained HTML page; a workbook writer reads the same model.
//
// The HTML page is our own html/template page (page.tmpl). go-echarts
// only builds each chart's option object: every corpus string put into an
// option is cleaned first (control characters stripped, go-echarts'
// "__f__" function marker broken), the option is marshalled with
// encoding/json (which escapes <, > and &), and then the markers of our
// own JavaScript functions are removed. go-echarts' Render is never used,
// because it lets corpus strings close the script element or run as
// functions. ECharts itself (assets/echarts.min.js, version 5.6.0,
// Apache-2.0, refreshed by assets/update-echarts.sh) is embedded and
// inlined, so the page makes no network request.
//
// Note: the model holds only plain values (strings, numbers, slices of
// rows), never markup, so every output format escapes corpus text itself.
// Every number is computed once, here or in package analysis; writers only
// format. Every slice in the model is non-nil.
package report
