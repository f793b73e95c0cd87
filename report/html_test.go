package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/framelens/framelens/analysis"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenDir is testdata/golden at the repository root.
const goldenDir = "../testdata/golden"

// render writes the HTML report of r.
func render(t *testing.T, r *analysis.Result, o *Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := New(r, o).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// normalizeEChartsJS replaces the inlined ECharts file, which is checked
// by TestEChartsAsset, with a short placeholder so that the golden file
// stays small and readable.
func normalizeEChartsJS(html []byte) []byte {
	placeholder := fmt.Sprintf("/* echarts.min.js %s, %d bytes */", strings.TrimSpace(echartsVersion), len(echartsJS))
	return bytes.Replace(html, []byte(echartsJS), []byte(placeholder), 1)
}

func TestGoldenHTML(t *testing.T) {
	got := normalizeEChartsJS(render(t, loadFixture(t), nil))
	path := filepath.Join(goldenDir, "report.html")
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if d := lineDiff(string(want), string(got)); d != "" {
		t.Errorf("HTML differs from %s (go test ./report -update rewrites it):\n%s", path, d)
	}
}

// lineDiff describes the first difference between two texts, with a few
// lines of context; "" when they are equal.
func lineDiff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (want %d lines, got %d)\n", i+1, len(w), len(g))
	for k := i; k < i+3; k++ {
		if k < len(w) {
			fmt.Fprintf(&b, "- %s\n", clip(w[k]))
		}
	}
	for k := i; k < i+3; k++ {
		if k < len(g) {
			fmt.Fprintf(&b, "+ %s\n", clip(g[k]))
		}
	}
	return b.String()
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

func TestHTMLDeterministic(t *testing.T) {
	a := render(t, loadFixture(t), nil)
	b := render(t, loadFixture(t), nil)
	if !bytes.Equal(a, b) {
		t.Errorf("two renders differ:\n%s", lineDiff(string(a), string(b)))
	}
	if n := len(a); n > 3<<20 {
		t.Errorf("report is %d bytes, over 3 MB", n)
	}
	t.Logf("report: %d bytes", len(a))
}

func TestEChartsAsset(t *testing.T) {
	b, err := os.ReadFile("assets/echarts.min.js.sha256")
	if err != nil {
		t.Fatal(err)
	}
	fields := strings.Fields(string(b))
	if len(fields) < 1 {
		t.Fatal("assets/echarts.min.js.sha256 is empty")
	}
	sum := sha256.Sum256([]byte(echartsJS))
	if got := hex.EncodeToString(sum[:]); got != fields[0] {
		t.Errorf("embedded echarts.min.js has SHA-256 %s, want %s (run report/assets/update-echarts.sh)", got, fields[0])
	}
	// The file is inlined in a <script> element.
	lower := strings.ToLower(echartsJS)
	for _, bad := range []string{"</script", "<!--", funcMarker} {
		if strings.Contains(lower, bad) {
			t.Errorf("echarts.min.js contains %q", bad)
		}
	}
	if v := strings.TrimSpace(echartsVersion); v != "5.6.0" {
		t.Errorf("ECharts version %q, want 5.6.0", v)
	}
}

var (
	attrURLRe = regexp.MustCompile(`(?i)\b(?:src|href|action|formaction|poster|data)\s*=\s*["']?([^"'\s>]*)`)
	scriptRe  = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
)

// TestHTMLOffline checks that the page references nothing on the network:
// no src or href to another host, no stylesheet or frame, no CSS url().
func TestHTMLOffline(t *testing.T) {
	html := string(render(t, loadFixture(t), nil))
	body := strings.Replace(html, echartsJS, "", 1)
	for _, m := range attrURLRe.FindAllStringSubmatch(body, -1) {
		u := strings.ToLower(m[1])
		if strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:") || strings.HasPrefix(u, "//") {
			t.Errorf("network reference %q", m[0])
		}
	}
	for _, bad := range []string{"<link", "<iframe", "<img", "url(", "@import", "<a href=\"http"} {
		if strings.Contains(strings.ToLower(body), bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// Article URLs appear as text only.
	if !strings.Contains(html, "https://www.beritabali.com/dunia/read/rusia-bantah") {
		t.Error("article URL not shown")
	}
	if n := len(scriptRe.FindAllString(html, -1)); n != 3+9+1 {
		t.Errorf("%d script elements, want 13 (prelude, ECharts, init, 9 charts, status)", n)
	}
}

// Payloads injected into every kind of corpus string.
var payloads = []string{
	"</script><script>alert(1)</script>",
	"<img src=x onerror=alert(2)>",
	"__f__alert(3)__f__",
}

// hostileResult returns the fixture with payloads in outlet names,
// titles, speakers, quote text, terms, credits, warnings and the lexicon.
func hostileResult(t *testing.T) *analysis.Result {
	r := loadFixture(t)
	outlet := map[string]string{}
	for i, o := range r.Outlets {
		name := o.Outlet + " " + payloads[i%len(payloads)]
		outlet[o.Outlet] = name
		o.Outlet = name
		for j, s := range o.Quotes.BySpeaker {
			s.Speaker += " " + payloads[(i+j)%len(payloads)]
		}
	}
	for i, a := range r.Articles {
		a.Outlet = outlet[a.Outlet]
		a.Title += " " + payloads[i%len(payloads)]
		a.URL = "javascript:alert(4)//" + payloads[i%len(payloads)]
		a.Credits = append(a.Credits, payloads[(i+1)%len(payloads)])
		a.RemovedLines = append(a.RemovedLines, &analysis.Removal{Line: 99, Text: payloads[(i+2)%len(payloads)], Rule: "chrome"})
	}
	var ms []*analysis.Match
	for i, m := range r.Matches.All() {
		ms = append(ms, &m)
		m.Outlet = outlet[m.Outlet]
		m.Term += payloads[i%len(payloads)]
		m.Sentence = payloads[(i+1)%len(payloads)] + " " + m.Sentence
		m.SentenceStart -= len(payloads[(i+1)%len(payloads)]) + 1
	}
	r.Matches = analysis.MatchesOf(ms...)
	var qs []*analysis.Quote
	for i, q := range r.Quotes.All() {
		qs = append(qs, &q)
		q.Outlet = outlet[q.Outlet]
		if q.Speaker != "" {
			q.Speaker += " " + payloads[i%len(payloads)]
		}
		q.Text += payloads[(i+2)%len(payloads)]
		q.Sentence += " " + payloads[(i+2)%len(payloads)]
	}
	r.Quotes = analysis.QuotesOf(qs...)
	for _, u := range r.Lexicon.Used {
		u.Note += payloads[0]
	}
	if r.Reuse != nil {
		for i, ps := range r.Reuse.Passages {
			ps.Text += payloads[i%len(payloads)]
			for j, o := range ps.Outlets {
				ps.Outlets[j] = outlet[o]
			}
			var occ []*analysis.PassageOccurrence
			for j, oc := range ps.Occurrences.All() {
				oc.Outlet = outlet[oc.Outlet]
				oc.Text += payloads[(i+j)%len(payloads)]
				occ = append(occ, &oc)
			}
			ps.Occurrences = analysis.OccurrencesOf(occ...)
		}
		for _, a := range r.Reuse.ByArticle {
			a.Outlet = outlet[a.Outlet]
		}
		for _, pr := range r.Reuse.Pairs {
			pr.A, pr.B = outlet[pr.A], outlet[pr.B]
		}
	}
	for i, c := range r.Credits {
		c.Outlet = outlet[c.Outlet]
		c.Credited += payloads[i%len(payloads)]
	}
	for i, d := range r.Distinctive {
		d.Outlet = outlet[d.Outlet]
		d.Term += payloads[i%len(payloads)]
	}
	r.Generator += payloads[0]
	r.Warnings = append(r.Warnings, analysis.Warning{Path: payloads[1], Message: payloads[0] + payloads[2]})
	return r
}

func TestHTMLEscapesCorpusStrings(t *testing.T) {
	html := render(t, hostileResult(t), &Options{Title: "Report " + payloads[0], Now: payloads[1]})
	for _, p := range payloads {
		if bytes.Contains(html, []byte(p)) {
			i := bytes.Index(html, []byte(p))
			t.Errorf("raw %q in output near %q", p, html[max(0, i-80):min(len(html), i+80)])
		}
	}
	body := bytes.Replace(html, []byte(echartsJS), nil, 1)
	for _, bad := range []string{"<img", "alert(1)</script>", "javascript:alert(4)//<", funcMarker} {
		if bytes.Contains(body, []byte(bad)) {
			t.Errorf("output contains %q", bad)
		}
	}
	// In chart options the payloads are JSON strings: "<" is escaped and
	// the function marker is broken with a zero-width space.
	for _, s := range scriptRe.FindAllSubmatch(body, -1) {
		if bytes.Contains(s[1], []byte("alert(3)")) && !bytes.Contains(s[1], []byte("_\u200b_f__alert(3)")) {
			t.Errorf("script runs alert(3): %.200q", s[1])
		}
	}
	if n := len(scriptRe.FindAll(body, -1)); n != 13 {
		t.Errorf("%d script elements, want 13", n)
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\tb\nc\x00d\x1b\x7f", "a b cd"},
		{"__f__x__f__", "__f__x__f__"},
		{"f__f__f__", "f__f__f__"},
		{"____f__", "____f__"},
		{"__f__f__f____f__", "__f__f__f____f__"},
	} {
		got := clean(tc.in)
		if strings.Contains(got, funcMarker) {
			t.Errorf("clean(%q) = %q keeps the marker", tc.in, got)
		}
		if shown := strings.ReplaceAll(got, "\u200b", ""); shown != tc.want {
			t.Errorf("clean(%q) = %q, shows as %q, want %q", tc.in, got, shown, tc.want)
		}
	}
}
