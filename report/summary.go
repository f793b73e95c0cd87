package report

import (
	"fmt"
	"strings"
)

// maxSummaryOutlets is the number of outlets that get their own summary
// sentences; the rest are only in the tables.
const maxSummaryOutlets = 12

// summarize writes the plain-language findings. Every comparison is
// qualified by its 95% intervals; overlapping intervals are reported as
// too little text to tell.
func summarize(r *Report) []*Finding {
	var out []*Finding
	add := func(topic, format string, args ...any) {
		out = append(out, &Finding{Topic: topic, Text: fmt.Sprintf(format, args...)})
	}
	if len(r.Outlets) == 0 {
		add("corpus", "The corpus has no articles, so there is nothing to compare.")
		return out
	}

	// Corpus.
	var parts []string
	for i, o := range r.Outlets {
		if i == maxSummaryOutlets {
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s, %s)", o.Name, plural(o.Articles, "article"), plural(o.Words, "word")))
	}
	list := strings.Join(parts, ", ")
	if n := len(r.Outlets) - len(parts); n > 0 {
		if n == 1 {
			list += " and 1 more outlet"
		} else {
			list += fmt.Sprintf(" and %s more outlets", FormatNumber(n))
		}
	}
	add("corpus", "The corpus has %s (%s) from %s: %s.",
		plural(r.Articles, "article"), plural(r.Words, "word"), plural(len(r.Outlets), "outlet"), list)
	add("caveat", "Counts come from a lexicon and simple rules, not from reading; every number below can be checked against its sentences in the Evidence section. "+
		"Each rate has a 95%% interval: where two outlets' intervals overlap, there is too little text to tell whether they really differ.")

	shown := r.Outlets[:min(len(r.Outlets), maxSummaryOutlets)]
	more := len(r.Outlets) - len(shown)

	// Loaded terms in the outlet's own voice.
	for _, o := range shown {
		l := o.Loaded
		if l.Count == 0 {
			add("loaded", "%s uses no loaded term from the lexicon.", o.Name)
			continue
		}
		var s string
		if l.ByVoice.Narration == 0 {
			s = fmt.Sprintf("%s uses no loaded term in its own voice (narration; 95%% interval %s per 1,000 words)",
				o.Name, rangeRate(l.Narration))
		} else {
			s = fmt.Sprintf("%s uses %s in its own voice (narration), %s per 1,000 words (95%% interval %s)",
				o.Name, plural(l.ByVoice.Narration, "loaded term"), FormatRate(l.Narration.Value), rangeRate(l.Narration))
		}
		var others []string
		if l.ByVoice.Quote > 0 {
			others = append(others, fmt.Sprintf("%d in quotes", l.ByVoice.Quote))
		}
		if l.ByVoice.Reported > 0 {
			others = append(others, fmt.Sprintf("%d in reported speech", l.ByVoice.Reported))
		}
		if l.ByVoice.ScareQuote > 0 {
			others = append(others, fmt.Sprintf("%d in scare quotes (marks that distance the outlet from the word)", l.ByVoice.ScareQuote))
		}
		if len(others) > 0 {
			s += "; outside its own voice: " + joinAnd(others)
		}
		add("loaded", "%s.", s)
	}
	if more > 0 {
		add("loaded", "%s", othersIn(more, len(r.Outlets), "loaded-terms"))
	}
	compare(r.Outlets, func(o *Outlet) Interval { return o.Loaded.Narration }, func(hi, lo *Outlet, overlap bool) {
		if overlap {
			add("loaded", "Loaded terms in the outlets' own voice range from %s per 1,000 words (%s, 95%% interval %s) to %s (%s, %s), "+
				"but the intervals overlap: too little text to tell whether the outlets differ.",
				FormatRate(hi.Loaded.Narration.Value), hi.Name, rangeRate(hi.Loaded.Narration),
				FormatRate(lo.Loaded.Narration.Value), lo.Name, rangeRate(lo.Loaded.Narration))
			return
		}
		add("loaded", "%s uses loaded terms in its own voice more often than %s: %s against %s per 1,000 words (95%% intervals %s and %s do not overlap).",
			hi.Name, lo.Name, FormatRate(hi.Loaded.Narration.Value), FormatRate(lo.Loaded.Narration.Value),
			rangeRate(hi.Loaded.Narration), rangeRate(lo.Loaded.Narration))
	})

	// Whom each outlet quotes most.
	for _, o := range shown {
		add("quotes", "%s", quoteSentence(o))
	}
	if more > 0 {
		add("quotes", "%s", othersIn(more, len(r.Outlets), "quotes"))
	}

	// Hedging.
	for _, o := range shown {
		h := o.Hedges
		if h.Count == 0 {
			add("hedges", "%s uses no hedge from the lexicon (%s per 1,000 words, 95%% interval %s).",
				o.Name, FormatRate(0), rangeRate(Interval{Low: h.CI95Low, High: h.CI95High}))
			continue
		}
		add("hedges", "%s hedges %s, %s per 1,000 words (95%% interval %s), %d of them in its own voice.",
			o.Name, plural(h.Count, "time"), FormatRate(h.Per1000Words),
			rangeRate(Interval{Low: h.CI95Low, High: h.CI95High}), h.ByVoice.Narration)
	}
	if more > 0 {
		add("hedges", "%s", othersIn(more, len(r.Outlets), "hedging"))
	}
	hedge := func(o *Outlet) Interval {
		return Interval{Value: o.Hedges.Per1000Words, Low: o.Hedges.CI95Low, High: o.Hedges.CI95High}
	}
	compare(r.Outlets, hedge, func(hi, lo *Outlet, overlap bool) {
		if overlap {
			add("hedges", "Hedging ranges from %s per 1,000 words (%s, 95%% interval %s) to %s (%s, %s), "+
				"but the intervals overlap: too little text to tell whether the outlets hedge differently.",
				FormatRate(hedge(hi).Value), hi.Name, rangeRate(hedge(hi)), FormatRate(hedge(lo).Value), lo.Name, rangeRate(hedge(lo)))
			return
		}
		add("hedges", "%s hedges more than %s: %s against %s per 1,000 words (95%% intervals %s and %s do not overlap).",
			hi.Name, lo.Name, FormatRate(hedge(hi).Value), FormatRate(hedge(lo).Value), rangeRate(hedge(hi)), rangeRate(hedge(lo)))
	})
	if r.Compare != nil {
		compareFindings(r, add)
	}
	return out
}

// compare finds the outlets (with text) with the highest and lowest value
// and calls f with them unless there are fewer than two or all are equal.
func compare(outlets []*Outlet, get func(*Outlet) Interval, f func(hi, lo *Outlet, overlap bool)) {
	var hi, lo *Outlet
	for _, o := range outlets {
		if o.Words == 0 {
			continue
		}
		if hi == nil || get(o).Value > get(hi).Value {
			hi = o
		}
		if lo == nil || get(o).Value < get(lo).Value {
			lo = o
		}
	}
	if hi == nil || lo == nil || hi == lo || get(hi).Value == get(lo).Value {
		return
	}
	f(hi, lo, get(hi).Overlaps(get(lo)))
}

func quoteSentence(o *Outlet) string {
	var reported string
	if o.Reported > 0 {
		var top string
		var n, tied, speakers int
		for _, s := range o.Speakers {
			if s.Reported > 0 {
				speakers++
			}
			switch {
			case s.Reported > n:
				top, n, tied = s.Speaker, s.Reported, 1
			case s.Reported == n:
				tied++
			}
		}
		switch {
		case speakers == 1:
			reported = fmt.Sprintf("it reports %s of %s without quotation marks",
				plural(o.Reported, "statement"), speakerName(top))
		case tied > 1:
			reported = fmt.Sprintf("it reports %s of %s without quotation marks",
				plural(o.Reported, "statement"), plural(speakers, "speaker"))
		default:
			reported = fmt.Sprintf("it reports %s of %s without quotation marks, most (%d) of %s",
				plural(o.Reported, "statement"), plural(speakers, "speaker"), n, speakerName(top))
		}
	}
	if o.QuotedWords == 0 {
		if reported == "" {
			return fmt.Sprintf("%s quotes no one and reports no statements.", o.Name)
		}
		return fmt.Sprintf("%s has no direct or partial quotes; %s.", o.Name, reported)
	}
	first, second := -1, -1
	for i, s := range o.Speakers {
		if s.Words == 0 {
			continue
		}
		if first < 0 {
			first = i
		} else if second < 0 {
			second = i
		}
	}
	a := o.Speakers[first]
	s := fmt.Sprintf("%s quotes %s most: %d of %s (%s, 95%% interval %s)",
		o.Name, speakerLabel(a.Speaker, a.Affiliation), a.Words, plural(o.QuotedWords, "quoted word"),
		FormatPercent(a.Share), rangePercent(a.CI95Low, a.CI95High))
	if second < 0 {
		s += ", and quotes no one else"
	} else {
		b := o.Speakers[second]
		s += fmt.Sprintf("; next is %s (%s, %s)", speakerName(b.Speaker), FormatPercent(b.Share), rangePercent(b.CI95Low, b.CI95High))
		if a.CI95Low <= b.CI95High {
			s += ": the intervals overlap, too little text to tell who is quoted more"
		}
	}
	if reported != "" {
		s += "; " + reported
	}
	return s + "."
}

func speakerName(s string) string {
	if s == "" {
		return "an unnamed speaker"
	}
	return s
}

func speakerLabel(s, affiliation string) string {
	if affiliation == "" {
		return speakerName(s)
	}
	return speakerName(s) + " (" + affiliation + ")"
}

func rangeRate(iv Interval) string {
	return FormatRate(iv.Low) + "–" + FormatRate(iv.High)
}

func rangePercent(lo, hi float64) string {
	return fmt.Sprintf("%.0f–%.0f%%", 100*lo, 100*hi)
}

// plural formats n with a noun, adding "s" (or "es" after s, x, ch
// and sh) unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	suffix := "s"
	for _, end := range []string{"s", "x", "ch", "sh"} {
		if strings.HasSuffix(noun, end) {
			suffix = "es"
		}
	}
	return FormatNumber(n) + " " + noun + suffix
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// othersIn says where the outlets left out of the summary are: the HTML
// table of that feature when it lists every outlet, else the workbook.
func othersIn(more, outlets int, table string) string {
	if outlets <= maxTableOutlets {
		return fmt.Sprintf("The other %s are in the %s table.", plural(more, "outlet"), table)
	}
	return fmt.Sprintf("The other %s are in the workbook; the %s table shows the %d with most articles.",
		plural(more, "outlet"), table, maxTableOutlets)
}
