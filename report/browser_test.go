package report

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/framelens/framelens/analysis"
)

// findBrowser returns the path of a Chromium-based browser, or "".
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// headless runs the browser on a local file with the given extra
// arguments and returns its standard output.
func headless(t *testing.T, browser, file string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	all := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000",
	}, args...)
	all = append(all, "file://"+file)
	cmd := exec.CommandContext(ctx, browser, all...)
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, lastLines(stderr.String(), 20))
	}
	return stdout.Bytes()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

var statusRe = regexp.MustCompile(`<pre id="framelens-status"[^>]*>([^<]*)</pre>`)

// TestBrowser loads reports in headless Chromium and checks that every
// chart drew, no script error occurred, no alert ran and hostile corpus
// strings stayed text. It skips without a browser unless CI is set. With
// FRAMELENS_SCREENSHOT=file.png it also saves a screenshot of the
// fixture report.
func TestBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		if os.Getenv("CI") == "" {
			t.Skip("no chromium, chromium-browser or google-chrome on PATH")
		}
		t.Fatal("CI is set but no chromium, chromium-browser or google-chrome is on PATH")
	}
	cases := []struct {
		name   string
		result func(*testing.T) *analysis.Result
		opts   *Options
	}{
		{"fixture", func(t *testing.T) *analysis.Result { return loadFixture(t) }, nil},
		{"hostile", hostileResult, &Options{Title: "Report " + payloads[0]}},
		{"many-outlets", manyOutlets, &Options{MaxChartOutlets: 12}},
		{"empty", func(*testing.T) *analysis.Result { return &analysis.Result{} }, nil},
	}
	dir := t.TempDir()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rep := New(tc.result(t), tc.opts)
			var buf bytes.Buffer
			if err := rep.WriteHTML(&buf); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, tc.name+".html")
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := rep.page()
			if err != nil {
				t.Fatal(err)
			}
			// The #framelens-selftest fragment makes the page also show a
			// tooltip of every series, so formatter errors and unescaped
			// tooltip HTML are caught too.
			dom := headless(t, browser, file+"#framelens-selftest", "--dump-dom")
			m := statusRe.FindSubmatch(dom)
			if m == nil {
				t.Fatalf("no status element in the DOM:\n%s", lastLines(string(dom), 10))
			}
			status := html.UnescapeString(string(m[1]))
			n := len(p.Charts)
			if want := fmt.Sprintf("charts=%d drawn=%d errors=0 alerts=0", n, n); status != want {
				t.Errorf("status %q, want %q", status, want)
			}
			// Outside script elements (ECharts' own source mentions <img),
			// the DOM must hold no element made from corpus text.
			outside := scriptRe.ReplaceAll(dom, nil)
			for _, bad := range []string{"<img", "<script>alert"} {
				if bytes.Contains(outside, []byte(bad)) {
					t.Errorf("the DOM contains %q", bad)
				}
			}
			if n := len(scriptRe.FindAll(dom, -1)); n != len(p.Charts)+4 {
				t.Errorf("the DOM has %d script elements, want %d", n, len(p.Charts)+4)
			}
			if tc.name == "hostile" {
				for _, text := range []string{"&lt;img src=x onerror=alert(2)&gt;", "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "__f__alert(3)__f__"} {
					if !bytes.Contains(dom, []byte(text)) {
						t.Errorf("%q is not shown as text", text)
					}
				}
			}
			if shot := os.Getenv("FRAMELENS_SCREENSHOT"); shot != "" && tc.name == "fixture" {
				abs, err := filepath.Abs(shot)
				if err != nil {
					t.Fatal(err)
				}
				headless(t, browser, file, "--screenshot="+abs, "--window-size=1280,2400")
				t.Logf("screenshot: %s", abs)
			}
		})
	}
}

// manyOutlets returns the fixture with 40 extra outlets, to check charts
// limited to the top outlets.
func manyOutlets(t *testing.T) *analysis.Result {
	r := loadFixture(t)
	base := r.Outlets[0]
	for i := 0; i < 40; i++ {
		o := *base
		o.Outlet = fmt.Sprintf("Outlet %02d", i)
		o.Articles = 1 + i%3
		r.Outlets = append(r.Outlets, &o)
	}
	return r
}
