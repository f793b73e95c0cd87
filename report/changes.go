package report

import (
	"fmt"
	"sort"

	"github.com/framelens/framelens/analysis"
)

// Changes is what differs between this run and a previous one (the
// framelens.json already in the output folder): outlets and articles
// added, removed or changed, and per-outlet figures that moved. Every
// slice is non-nil and sorted.
type Changes struct {
	// PreviousGenerator is the generator that wrote the previous result.
	PreviousGenerator string
	// OutletsAdded and OutletsRemoved are outlet names.
	OutletsAdded   []string
	OutletsRemoved []string
	// ArticlesAdded, ArticlesRemoved and ArticlesChanged are article ids
	// (with their outlet); an article changed when its bytes' SHA-256 or
	// its outlet differs.
	ArticlesAdded   []ArticleRef
	ArticlesRemoved []ArticleRef
	ArticlesChanged []ArticleRef
	// Figures lists per-outlet figures that differ for outlets present in
	// both runs.
	Figures []*FigureChange
	// LexiconChanged reports a different lexicon hash.
	LexiconChanged bool
}

// ArticleRef names an article and its outlet.
type ArticleRef struct {
	ID, Outlet string
}

// FigureChange is one per-outlet figure that moved between runs.
type FigureChange struct {
	Outlet, Figure string
	// Before and After are the figure as printed in each run.
	Before, After string
}

// None reports whether nothing changed.
func (c *Changes) None() bool {
	return len(c.OutletsAdded)+len(c.OutletsRemoved)+len(c.ArticlesAdded)+len(c.ArticlesRemoved)+
		len(c.ArticlesChanged)+len(c.Figures) == 0 && !c.LexiconChanged
}

// newChanges compares a result with a previous one.
func newChanges(prev, cur *analysis.Result) *Changes {
	c := &Changes{
		PreviousGenerator: prev.Generator,
		OutletsAdded:      []string{}, OutletsRemoved: []string{},
		ArticlesAdded: []ArticleRef{}, ArticlesRemoved: []ArticleRef{}, ArticlesChanged: []ArticleRef{},
		Figures:        []*FigureChange{},
		LexiconChanged: prev.Lexicon.SHA256 != cur.Lexicon.SHA256,
	}
	before := outletMap(prev)
	after := outletMap(cur)
	for name, o := range after {
		p, ok := before[name]
		if !ok {
			c.OutletsAdded = append(c.OutletsAdded, name)
			continue
		}
		for _, f := range outletFigures {
			if b, a := f.get(p), f.get(o); b != a {
				c.Figures = append(c.Figures, &FigureChange{Outlet: name, Figure: f.name, Before: b, After: a})
			}
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			c.OutletsRemoved = append(c.OutletsRemoved, name)
		}
	}
	sort.Strings(c.OutletsAdded)
	sort.Strings(c.OutletsRemoved)
	sort.SliceStable(c.Figures, func(i, j int) bool { return c.Figures[i].Outlet < c.Figures[j].Outlet })

	prevArt := make(map[string]*analysis.ArticleResult)
	for _, a := range prev.Articles {
		if a != nil {
			prevArt[a.ID] = a
		}
	}
	seen := make(map[string]bool)
	for _, a := range cur.Articles {
		if a == nil {
			continue
		}
		seen[a.ID] = true
		p, ok := prevArt[a.ID]
		switch {
		case !ok:
			c.ArticlesAdded = append(c.ArticlesAdded, ArticleRef{a.ID, a.Outlet})
		case p.SHA256 != a.SHA256 || p.Outlet != a.Outlet:
			c.ArticlesChanged = append(c.ArticlesChanged, ArticleRef{a.ID, a.Outlet})
		}
	}
	for _, p := range prev.Articles {
		if p != nil && !seen[p.ID] {
			c.ArticlesRemoved = append(c.ArticlesRemoved, ArticleRef{p.ID, p.Outlet})
		}
	}
	for _, l := range [][]ArticleRef{c.ArticlesAdded, c.ArticlesRemoved, c.ArticlesChanged} {
		sort.Slice(l, func(i, j int) bool { return l[i].ID < l[j].ID })
	}
	return c
}

func outletMap(r *analysis.Result) map[string]*analysis.OutletFeatures {
	m := make(map[string]*analysis.OutletFeatures)
	for _, o := range r.Outlets {
		if o != nil {
			m[o.Outlet] = o
		}
	}
	return m
}

// outletFigures are the per-outlet figures compared between runs.
var outletFigures = []struct {
	name string
	get  func(*analysis.OutletFeatures) string
}{
	{"articles", func(o *analysis.OutletFeatures) string { return FormatNumber(o.Articles) }},
	{"words", func(o *analysis.OutletFeatures) string { return FormatNumber(o.Words) }},
	{"loaded terms", func(o *analysis.OutletFeatures) string {
		return fmt.Sprintf("%d (%s per 1,000 words)", o.Loaded.Count, FormatRate(o.Loaded.Per1000Words))
	}},
	{"hedges", func(o *analysis.OutletFeatures) string {
		return fmt.Sprintf("%d (%s per 1,000 words)", o.Hedges.Count, FormatRate(o.Hedges.Per1000Words))
	}},
	{"quotes", func(o *analysis.OutletFeatures) string {
		return fmt.Sprintf("%d quotes, %d quoted words, %d reported", o.Quotes.Count, o.Quotes.Words, o.Quotes.Reported)
	}},
}
