package analysis

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Codebook maps speaker aliases to canonical names and affiliations
// (speakers.tsv: alias<TAB>canonical<TAB>affiliation).
type Codebook struct {
	byKey map[string]*SpeakerEntry
}

// SpeakerEntry is one codebook line.
type SpeakerEntry struct {
	Alias, Canonical, Affiliation string
	// Source is "path:line".
	Source string
}

// NewCodebook returns an empty codebook.
func NewCodebook() *Codebook { return &Codebook{byKey: make(map[string]*SpeakerEntry)} }

// nameSeparators are the marks nameKey reads as spaces.
var nameSeparators = strings.NewReplacer("-", " ", "‐", " ", "‑", " ", ".", " ")

// nameKey folds case, hyphens and spacing: "Kim Jong-un" and "Kim Jong Un" share a key.
func nameKey(s string) string {
	s = strings.ToLower(nameSeparators.Replace(s))
	return strings.Join(strings.Fields(s), " ")
}

// ParseSpeakers reads a codebook in TSV and adds it to c. A line with only
// an alias and a canonical name is fine; the affiliation may be empty. The
// canonical name is also an alias of itself. Errors are *ParseError.
func (c *Codebook) ParseSpeakers(r io.Reader, source string) error {
	return scanTSV(r, source, "reading speakers", func(line int, f []string) error {
		if len(f) < 2 || len(f) > 3 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return &ParseError{Path: source, Line: line, Msg: "want alias<TAB>canonical<TAB>affiliation"}
		}
		e := &SpeakerEntry{Alias: strings.TrimSpace(f[0]), Canonical: strings.TrimSpace(f[1]), Source: fmt.Sprintf("%s:%d", source, line)}
		if len(f) == 3 {
			e.Affiliation = strings.TrimSpace(f[2])
		}
		c.byKey[nameKey(e.Alias)] = e
		if old, ok := c.byKey[nameKey(e.Canonical)]; !ok || old.Alias != old.Canonical && old.Canonical == e.Canonical {
			c.byKey[nameKey(e.Canonical)] = &SpeakerEntry{Alias: e.Canonical, Canonical: e.Canonical, Affiliation: e.Affiliation, Source: e.Source}
		}
		return nil
	})
}

// lookup returns the codebook entry for a name.
func (c *Codebook) lookup(name string) *SpeakerEntry {
	if c == nil {
		return nil
	}
	return c.byKey[nameKey(name)]
}

// speakerIndex canonicalises speaker names across a corpus: variants that
// differ only in case, hyphens or spacing merge into the most frequent
// spelling; a partial name ("Putin", "Kim") merges into the one full name
// that begins or ends with it; the codebook overrides both.
type speakerIndex struct {
	book    *Codebook
	forms   map[string]map[string]int // key -> surface form -> count
	canon   map[string]string         // key -> canonical display
	resolve map[string]string         // raw name -> canonical
	// Built by build, so that name does not scan every form:
	// words of each key; keys by every proper suffix of their words
	// ("jong un", "un" for "kim jong un") and by every proper prefix
	// ("kim", "kim jong").
	words    map[string][]string
	bySuffix map[string][]string
	byPrefix map[string][]string
}

func newSpeakerIndex(book *Codebook) *speakerIndex {
	return &speakerIndex{book: book, forms: make(map[string]map[string]int)}
}

// add counts one occurrence of a name form.
func (x *speakerIndex) add(form string, n int) {
	k := nameKey(form)
	if k == "" {
		return
	}
	m := x.forms[k]
	if m == nil {
		m = make(map[string]int)
		x.forms[k] = m
	}
	m[form] += n
}

// build picks the canonical spelling of every key.
func (x *speakerIndex) build() {
	x.canon = make(map[string]string)
	for k, m := range x.forms {
		best, bestN := "", -1
		for f, n := range m {
			if n > bestN || n == bestN && f < best {
				best, bestN = f, n
			}
		}
		x.canon[k] = best
	}
	x.resolve = make(map[string]string)
	x.words = make(map[string][]string, len(x.forms))
	x.bySuffix, x.byPrefix = make(map[string][]string), make(map[string][]string)
	for k := range x.forms {
		w := strings.Split(k, " ")
		x.words[k] = w
		for i := 1; i < len(w); i++ {
			pre, suf := strings.Join(w[:i], " "), strings.Join(w[i:], " ")
			x.byPrefix[pre] = append(x.byPrefix[pre], k)
			x.bySuffix[suf] = append(x.bySuffix[suf], k)
		}
	}
}

// name returns the canonical name and affiliation of a raw speaker name.
func (x *speakerIndex) name(raw string) (string, string) {
	if raw == "" {
		return "", ""
	}
	if e := x.book.lookup(raw); e != nil {
		return e.Canonical, x.affiliation(e.Canonical)
	}
	if c, ok := x.resolve[raw]; ok {
		return c, x.affiliation(c)
	}
	k := nameKey(raw)
	c := x.canon[k]
	if c == "" {
		c = raw
	}
	// A partial name: the full name that starts or ends with it ("Putin",
	// "Kim", "Dela Cruz"), or a longer run that ends with a known full name
	// ("Talaya Ramon Dela Cruz", where "Talaya" is an unknown place).
	if startsUpper(raw) {
		kw := strings.Fields(k)
		var cands []string
		longest := ""
		// Only these keys can pass a case below: those that begin with k
		// (when k is one word), end with it, or end k.
		seen := map[string]bool{}
		var keys []string
		add := func(fk string) {
			if !seen[fk] {
				seen[fk] = true
				keys = append(keys, fk)
			}
		}
		if len(kw) == 1 {
			for _, fk := range x.byPrefix[k] {
				add(fk)
			}
		}
		for _, fk := range x.bySuffix[k] {
			add(fk)
		}
		for i := 1; i < len(kw); i++ {
			if fk := strings.Join(kw[i:], " "); x.forms[fk] != nil {
				add(fk)
			}
		}
		for _, fk := range keys {
			words := x.words[fk]
			switch {
			case len(words) > len(kw) && len(kw) == 1 && words[0] == k:
				// "Kim" in "Kim Jong Un", but not "Serindra" in "Serindra
				// Azman Hakimi", where the rest is a name of its own.
				if x.forms[strings.Join(words[1:], " ")] != nil {
					continue
				}
			case len(words) > len(kw) && strings.HasSuffix(fk, " "+k):
				// "Putin", "Dela Cruz": the leading words must be given
				// names, not a place or organisation word seen elsewhere,
				// and a one-word name must not itself open other names
				// (a country: "Serindra" in "Serindra Azman Hakimi").
				if x.foreign(words[:len(words)-len(kw)], k) || len(kw) == 1 && x.opensName(k) {
					continue
				}
			case len(kw) > len(words) && len(words) >= 2 && strings.HasSuffix(k, " "+fk):
				// "Serindra Azman Hakimi": an unknown place before a known
				// name; the longest such name wins.
				if x.foreign(kw[:len(kw)-len(words)], fk) && len(words) > len(strings.Fields(longest)) {
					longest = fk
				}
				continue
			default:
				continue
			}
			if startsUpper(x.canon[fk]) {
				cands = append(cands, fk)
			}
		}
		if longest != "" {
			cands = []string{longest}
		}
		if best := x.dominant(cands); best != "" {
			c = x.canon[best]
			if e := x.book.lookup(c); e != nil {
				c = e.Canonical
			}
		}
	}
	x.resolve[raw] = c
	return c, x.affiliation(c)
}

// foreign reports whether any of the words is a place, stands alone as a
// name, or ends a name form that does not end with name: a word of a place
// or an organisation ("Serindra" in "Penjaga Pantai Serindra", "Merapu"
// in "Tanah Merapu"), not a given name ("Ode" in "La Ode Arman" and "Wa
// Ode Hasnah").
func (x *speakerIndex) foreign(words []string, name string) bool {
	for _, w := range words {
		if places[w] || x.forms[w] != nil {
			return true
		}
		for _, fk := range x.bySuffix[w] {
			if !strings.HasSuffix(fk, " "+name) {
				return true
			}
		}
	}
	return false
}

// opensName reports whether the word opens a longer name form without
// closing any ("Serindra" in "Serindra Azman Hakimi"), as a country or
// organisation word does; a surname does not.
func (x *speakerIndex) opensName(w string) bool { return len(x.byPrefix[w]) > 0 }

// count is the number of times a name key was seen.
func (x *speakerIndex) count(k string) int {
	n := 0
	for _, c := range x.forms[k] {
		n += c
	}
	return n
}

// dominant returns the candidate key seen more often than all the others
// together ("Kim Jong Un" over a stray "Ketika Kim"), or "" when none is.
func (x *speakerIndex) dominant(cands []string) string {
	sort.Strings(cands)
	best, bestN, total := "", 0, 0
	for _, k := range cands {
		n := x.count(k)
		total += n
		if n > bestN {
			best, bestN = k, n
		}
	}
	if bestN*2 > total {
		return best
	}
	return ""
}

func (x *speakerIndex) affiliation(canonical string) string {
	if e := x.book.lookup(canonical); e != nil && e.Canonical == canonical {
		return e.Affiliation
	}
	return ""
}

func startsUpper(s string) bool {
	r := firstRune(s)
	return r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

// appendNameRuns appends to out the proper names in a sentence's tokens:
// runs of two or more capitalised words with titles and places removed.
// The names are parts of text.
func appendNameRuns(out []string, text string, toks []token, lr *langRules) []string {
	for i := 0; i < len(toks); {
		if !toks[i].Cap {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Cap && !hasBreak(text, toks[j-1].End, toks[j].Start) {
			j++
		}
		// A run of one word, as most are, names no one: the name that
		// speakerName makes of a run is a part of it, and a name here has
		// two words or more.
		if j-i < 2 {
			i = j
			continue
		}
		k := i
		// A capitalised function word opening the sentence is not part of a name ("Bagi Putin").
		for k < j && (k == 0 || atClauseStart(text, toks, k)) && lr.is(&toks[k], wFunction) {
			k++
		}
		run := speakerName(toks[k:j], lr)
		if len(run) >= 2 && hasProperName(run, lr) && !isPlace(run) {
			out = append(out, text[run[0].Start:run[len(run)-1].End])
		}
		i = j
	}
	return out
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
