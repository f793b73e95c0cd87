package analysis

import (
	"slices"
	"strings"
	"testing"
)

// TestCompareSummit checks the comparison features end to end on the
// seeds: the KCNA passage carried by Beritabali, Jabar Ekspres and
// EGINDO.co but not TribunWow, the credits graph, and the tests.
func TestCompareSummit(t *testing.T) {
	res := analyzeFolder(t, "../testdata/summit")
	var kcna *Passage
	for _, p := range res.Reuse.Passages {
		if strings.Contains(p.Text, "dengan senang hati dan menegaskan kembali keinginannya") && (kcna == nil || len(p.Outlets) > len(kcna.Outlets)) {
			kcna = p
		}
	}
	if kcna == nil {
		t.Fatal("KCNA passage not found")
	}
	if want := []string{"Beritabali", "EGINDO.co", "Jabar Ekspres"}; !slices.Equal(kcna.Outlets, want) {
		t.Errorf("KCNA passage outlets %q, want %q", kcna.Outlets, want)
	}
	for _, p := range res.Reuse.Passages {
		if slices.Contains(p.Outlets, "TribunWow") {
			t.Errorf("TribunWow carries %q", p.Text)
		}
	}
	for _, oc := range kcna.Occurrences.All() {
		if !oc.Quoted && oc.Outlet != "EGINDO.co" {
			t.Errorf("%s: the KCNA passage is inside quotation marks, got quoted=false", oc.Outlet)
		}
	}
	links := map[string]bool{}
	for _, c := range res.Credits {
		links[c.Outlet+" → "+c.Credited] = true
	}
	for _, want := range []string{"Beritabali → CNN Indonesia", "EGINDO.co → CNA", "TribunWow → Metro.co.uk"} {
		if !links[want] {
			t.Errorf("credits lack %s: %v", want, links)
		}
	}
	if len(res.Tests) != 3 {
		t.Fatalf("%d tests, want 3", len(res.Tests))
	}
	for _, tt := range res.Tests {
		if tt.DF != 3 && tt.Feature != "quoted_words_by_speaker" || tt.PValue < 0 || tt.PValue > 1 {
			t.Errorf("test %+v", tt)
		}
	}
	if len(res.Distinctive) == 0 {
		t.Error("no distinguishing terms")
	}
	for _, d := range res.Distinctive {
		if d.Count < 1 || d.Z <= 0 {
			t.Errorf("distinctive %+v", d)
		}
	}
}
