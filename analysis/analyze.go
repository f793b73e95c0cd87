package analysis

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/framelens/framelens/internal/hugepage"
)

// Options controls Analyze. A nil *Options or the zero value analyses with
// the built-in lexicon, per-article language detection and no codebook.
type Options struct {
	// Lexicon is the lexicon to match; nil means the built-in packs.
	Lexicon *Lexicon
	// Language forces "id" or "en" for every article; "" or "auto" uses the
	// article's own language field, else detects it.
	Language string
	// Speakers is the speaker codebook; nil means none (affiliations empty).
	Speakers *Codebook
	// Generator is written to the result ("framelens <version>").
	Generator string
	// ReuseMinWords is the shortest passage, in words, that counts as text
	// reuse between outlets; 0 means DefaultReuseMinWords.
	ReuseMinWords int
	// Background gives relative word frequencies (word → count) for the
	// prior of distinguishing terms; nil means the corpus itself.
	Background map[string]float64
	// DistinctiveTop is the number of distinguishing terms kept per
	// outlet; 0 means DefaultDistinctiveTop.
	DistinctiveTop int
	// Progress, when set, is called after each article is analysed with
	// the article's size in bytes. It is called from several goroutines at
	// once and must be safe for that.
	Progress func(bytes int)
}

// Defaults of Options.
const (
	DefaultReuseMinWords  = 8
	DefaultDistinctiveTop = 15
)

// articleOut is the analysis of one article, independent of the others
// except for speaker and outlet names, which are settled corpus-wide.
type articleOut struct {
	a        *Article
	res      *ArticleResult
	quotes   []*rawQuote
	matches  []rawMatch
	names    []string // proper names seen, for speaker canonicalisation
	warnings []Warning
	lang     string
	toks     [][]token // body words, sentence by sentence; dropped by analyzeAll once words is set
	sents    []span32  // the body's sentences: their tokens, in turn, are toks
	first    []int32   // first[i] is the index in toks of the first word of sents[i]
	words    []uint32  // vocab ids of toks, for reuse and distinguishing words; a slice of one array for all articles once laid out
	quoted   []span    // text inside quotation marks
	// quoteWords[i] is the number of words of quotes[i], counted by
	// analyzeAll's worker so that the collector, which runs under a lock,
	// need not.
	quoteWords []int32
}

// Analyze computes every feature of a corpus. It never fails on article
// content: problems become warnings. It fails only when the lexicon cannot be built.
func Analyze(c *Corpus, opts *Options) (*Result, error) {
	if opts == nil {
		opts = &Options{}
	}
	lex := opts.Lexicon
	if lex == nil {
		var err error
		if lex, err = BuiltinLexicon(); err != nil {
			return nil, err
		}
	}
	res := &Result{
		Schema:    Schema,
		Generator: opts.Generator,
		Lexicon:   LexiconInfo{SHA256: lex.SHA256(), Terms: len(lex.terms), Sources: lex.Sources(), Used: []*Term{}},
		Articles:  []*ArticleResult{},
		Outlets:   []*OutletFeatures{},
		Warnings:  append([]Warning{}, c.Warnings...),
	}
	// Analyse articles, dropping exact duplicates and making ids unique.
	unique := dropDuplicates(c.Articles, &res.Warnings)
	v := &vocab{}
	col := &collector{res: res, lex: lex, seenID: map[string]int{}, outletForms: map[string]map[string]int{},
		forms: map[string]int{}, terms: map[*Term]termIDs{}, used: map[*Term]bool{}}
	outs := analyzeAll(unique, lex, opts.Language, opts.Progress, v, col.add)
	words := layOut(outs)
	// Outlet names: merge spellings, most frequent wins.
	outlet := func(s string) string { return mostFrequent(col.outletForms[outletKey(s)]) }
	for _, o := range outs {
		o.res.Outlet = outlet(o.res.Outlet)
	}
	// Speaker names.
	// Each distinct form is added once with its count: the index only
	// sums them, and normalising a form is the costly part.
	idx := newSpeakerIndex(opts.Speakers)
	for f, n := range col.forms {
		idx.add(f, n)
	}
	idx.build()
	res.Quotes.rename(outlet, idx.name)
	res.Matches.rename(outlet)
	sortTerms(res.Lexicon.Used)
	res.Outlets = aggregate(res)
	compareOutlets(res, outs, lex, opts, v, words)
	sortResult(res)
	return res, nil
}

// dropDuplicates returns the articles whose body is not that of an
// earlier one, warning of each one dropped. Bodies are bucketed by a
// 64-bit hash, computed on all cores, and compared in full within a
// bucket, so that only equal bodies are duplicates.
func dropDuplicates(articles []*Article, warns *[]Warning) []*Article {
	body := func(a *Article) string { return a.Text[a.BodyStart:] }
	seed := maphash.MakeSeed()
	hashes := make([]uint64, len(articles))
	parallel(len(articles), func(i int) { hashes[i] = maphash.String(seed, body(articles[i])) })
	byHash := make(map[uint64][]*Article, len(articles))
	var unique []*Article
	for i, a := range articles {
		var first *Article
		for _, b := range byHash[hashes[i]] {
			if body(b) == body(a) {
				first = b
				break
			}
		}
		if first != nil {
			*warns = append(*warns, Warning{Article: a.ID, Path: a.Path, Line: a.Line,
				Message: fmt.Sprintf("duplicate of article %s; counted once", first.ID)})
			continue
		}
		byHash[hashes[i]] = append(byHash[hashes[i]], a)
		unique = append(unique, a)
	}
	return unique
}

func mostFrequent(m map[string]int) string {
	best, bestN := "", -1
	for f, n := range m {
		if n > bestN || n == bestN && f < best {
			best, bestN = f, n
		}
	}
	return best
}

// collector takes each article's analysis, in article order, into the
// result as soon as it is done, so that the per-article records do not
// pile up. Outlet and speaker names are settled once every article is
// in: quotes and matches carry the names as written until then.
type collector struct {
	res         *Result
	lex         *Lexicon
	seenID      map[string]int
	outletForms map[string]map[string]int // outlet key -> spelling -> articles
	forms       map[string]int            // speaker form -> mentions
	terms       map[*Term]termIDs         // the string ids of each term matched
	used        map[*Term]bool            // their lexicon entries, in res.Lexicon.Used
}

// termIDs are the string ids of a term in Result.Matches.
type termIDs struct{ kind, term, category, source uint32 }

// add takes the analysis of the next article.
func (c *collector) add(o *articleOut) {
	res, a := c.res, o.a
	c.seenID[o.res.ID]++
	if n := c.seenID[o.res.ID]; n > 1 {
		o.res.ID = fmt.Sprintf("%s~%d", o.res.ID, n)
		res.Warnings = append(res.Warnings, Warning{Article: o.res.ID, Path: a.Path, Line: a.Line,
			Message: fmt.Sprintf("article id %q used before; renamed %q", a.ID, o.res.ID)})
	}
	k := outletKey(o.res.Outlet)
	if c.outletForms[k] == nil {
		c.outletForms[k] = make(map[string]int)
	}
	c.outletForms[k][o.res.Outlet]++
	for _, n := range o.names {
		c.forms[n]++
	}
	res.Articles = append(res.Articles, o.res)
	res.Warnings = append(res.Warnings, o.warnings...)
	// The records are built here, not from Quote and Match structs: the
	// strings of an article and of a term are interned once.
	if res.Quotes.tab == nil {
		res.Quotes.tab, res.Matches.tab = newStrtab(), newStrtab()
	}
	qt, mt := res.Quotes.tab, res.Matches.tab
	qbase, qart, qout := qt.add(a.Text), qt.intern(o.res.ID), qt.intern(o.res.Outlet)
	for i, q := range o.quotes {
		c.forms[q.speaker]++
		res.Quotes.recs.push(quoteRec{
			article: qart, outlet: qout, kind: qt.internFew(q.kind), speaker: qt.intern(q.speaker),
			mention: qt.intern(q.mention), rule: qt.internFew(q.rule),
			words: o.quoteWords[i], start: int32(q.text.Start), end: int32(q.text.End),
			sentStart: int32(q.sent.Start), sentEnd: int32(q.sent.End),
			text:     strRef{qbase, uint32(q.text.Start), uint32(q.text.End)},
			sentence: strRef{qbase, uint32(q.sent.Start), uint32(q.sent.End)},
		})
	}
	mbase, mart, mout := mt.add(a.Text), mt.intern(o.res.ID), mt.intern(o.res.Outlet)
	for _, m := range o.matches {
		ids, ok := c.terms[m.term]
		if !ok {
			ids = termIDs{mt.intern(m.kind), mt.intern(m.term.Term), mt.intern(m.term.Category), mt.intern(m.term.Source)}
			c.terms[m.term] = ids
			if t := c.lex.terms[m.term.Language+"\t"+m.term.Term]; t != nil && !c.used[t] {
				c.used[t] = true
				res.Lexicon.Used = append(res.Lexicon.Used, t)
			}
		}
		res.Matches.recs.push(matchRec{
			article: mart, outlet: mout, kind: ids.kind, term: ids.term, category: ids.category,
			voice: mt.internFew(m.voice), source: ids.source,
			start: int32(m.text.Start), end: int32(m.text.End), sentStart: int32(m.sent.Start), sentEnd: int32(m.sent.End),
			text:     strRef{mbase, uint32(m.text.Start), uint32(m.text.End)},
			sentence: strRef{mbase, uint32(m.sent.Start), uint32(m.sent.End)},
		})
	}
	o.quotes, o.matches, o.names, o.warnings, o.quoteWords = nil, nil, nil, nil, nil // now in res; let them go
}

// analyzeAll analyses articles on GOMAXPROCS workers and hands each
// result to commit in the order of the articles, so the output does not
// depend on scheduling; it returns the results in that order.
// Each article's analysis depends on that article alone. The body words
// are kept as ids of v, not as tokens, so that a large corpus fits in memory.
func analyzeAll(articles []*Article, lex *Lexicon, forceLang string, progress func(int), v *vocab, commit func(*articleOut)) []*articleOut {
	for _, lang := range Languages {
		lex.trie(lang) // built once, before the workers read it
	}
	outs := make([]*articleOut, len(articles))
	var mu sync.Mutex // held to commit; next is the next article to commit
	next := 0
	seen := make([]wordCache, workers(len(articles))) // each worker's words, to spare the vocab's locks
	scratches := make([]scratch, len(seen))
	slabs := make([][]uint32, len(seen)) // each worker's memory for the words of the next articles
	parallelW(len(articles), func(w, i int) {
		cache := &seen[w]
		o := analyzeArticle(articles[i], lex, forceLang, &scratches[w])
		o.words, slabs[w] = carveWords(slabs[w], o.res.Words)
		for _, toks := range o.toks {
			for j := range toks {
				o.words = append(o.words, cache.tokenID(&toks[j], v))
			}
		}
		o.toks = nil // in scratches[w], for the next article
		o.quoteWords = make([]int32, len(o.quotes))
		for j, q := range o.quotes {
			o.quoteWords[j] = int32(countWords(articles[i].Text, q.text))
		}
		if progress != nil {
			progress(len(articles[i].Text))
		}
		mu.Lock()
		outs[i] = o
		for next < len(outs) && outs[next] != nil {
			commit(outs[next])
			next++
		}
		mu.Unlock()
	})
	return outs
}

// wordSlab is the size, in words, of the slabs analyzeAll cuts the
// articles' words from: 16 MB, large enough for huge pages (see
// hugepage.Advise), where an allocation per article would fault its pages in
// one by one. The slabs are garbage once layOut has copied the words.
const wordSlab = 4 << 20

// carveWords returns an empty slice of capacity n cut from slab, and what
// is left of slab; a new slab when this one is too short.
func carveWords(slab []uint32, n int) (words, rest []uint32) {
	if cap(slab) < n {
		slab = make([]uint32, 0, max(n, wordSlab))
		hugepage.Advise(slab)
	}
	return slab[:0:n], slab[n:n:cap(slab)]
}

// scratch holds the buffers that one worker of analyzeAll reuses from
// one article to the next.
type scratch struct {
	toks   []token // the words of the body
	quotes quoteBufs
	spans  []span     // the sentences of a paragraph
	sents  []sentence // the sentences of the body
	inSent []quoted   // their quotations: each sentence's are a part of it
	attr   attrBufs
	// The lists of an article while it is analysed, copied out at their
	// size once it is done (see analyzeArticle): sentToks is articleOut.toks
	// itself, which analyzeAll drops before the next article.
	sentToks [][]token
	kept     []*rawQuote // in attr's store
	matches  []rawMatch
	lexm     []lexMatch // one sentence's
	quoted   []span
	names    []string
	// clean holds, among others, the body lowered for clean (see
	// cleanWords): the strings cut from it are views of a buffer, which
	// the next article overwrites, and cleanWords lets none of them out.
	clean cleanBufs
}

// analyzeArticle runs the per-article steps: clean, segment, attribute,
// match. When sc is not nil, the words of the result (articleOut.toks) are
// in its buffers, and valid only until the next call with sc.
func analyzeArticle(a *Article, lex *Lexicon, forceLang string, sc *scratch) *articleOut {
	if sc == nil {
		sc = &scratch{}
	}
	o := &articleOut{a: a}
	warn := func(line int, format string, args ...any) {
		o.warnings = append(o.warnings, Warning{Article: a.ID, Path: a.Path, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	// The words of the whole body, for language detection and, part by
	// part, for the sentences (see tokensOf).
	bodySpan := span{a.BodyStart, len(a.Text)}
	if n := (bodySpan.End-bodySpan.Start)/7 + 1; cap(sc.toks) < n { // about one word in seven bytes
		sc.toks = make([]token, 0, n)
	}
	body := appendTokens(sc.toks[:0], a.Text, bodySpan)
	sc.toks = body
	// Language first: it picks the rules used for cleaning and attribution.
	lang, langSource := strings.ToLower(a.Language), "given"
	if forceLang == "id" || forceLang == "en" {
		lang, langSource = forceLang, "option"
	} else if lang != "id" && lang != "en" {
		if lang != "" {
			warn(0, "language %q not supported; detecting id or en", a.Language)
		}
		lang = detectLanguage(body)
		langSource = "detected"
	}
	lr := rulesFor(lang)
	o.lang = lang
	c := cleanWords(a, lr, body, true, &sc.clean) // c.paras in sc.clean
	r := &ArticleResult{
		ID: a.ID, Path: a.Path, Line: a.Line, Title: a.Title, Date: a.Date, URL: a.URL,
		Language: lang, LanguageSource: langSource, SHA256: a.SHA256,
		Credits: []string{}, CreditEvidence: c.credits, RemovedLines: c.removed,
	}
	if r.CreditEvidence == nil {
		r.CreditEvidence = []*Credit{}
	}
	if r.RemovedLines == nil {
		r.RemovedLines = []*Removal{}
	}
	if r.Title == "" {
		r.Title = c.title
	}
	if r.Date == "" {
		r.Date = c.date
	}
	switch {
	case a.Outlet != "":
		r.Outlet, r.OutletSource, r.OutletEvidence = strings.TrimSpace(a.Outlet), a.OutletField, a.Outlet
		if r.OutletSource == "" {
			r.OutletSource = "given"
		}
	case c.outlet != "":
		r.Outlet, r.OutletSource, r.OutletEvidence = prettyOutlet(c.outlet, a.Text), c.outletBy, c.outletEv
	default:
		base := path.Base(a.Path)
		r.Outlet = outletFromFilename(base, a.Text[a.BodyStart:])
		r.OutletSource, r.OutletEvidence = "filename", base
		warn(0, "no outlet in front matter or dateline; using the file name %q", r.Outlet)
	}
	credits := make(map[string]bool)
	for _, cr := range a.Credits {
		if n, ok := canonicalOutlet(cr); ok {
			cr = n
		}
		credits[strings.TrimSpace(cr)] = true
	}
	for _, cr := range c.credits {
		if outletKey(cr.Credited) != outletKey(r.Outlet) {
			credits[cr.Credited] = true
		}
	}
	for _, k := range sortedKeys(credits) {
		if k != "" {
			r.Credits = append(r.Credits, k)
		}
	}
	o.res = r
	// Segment.
	sents, inSent, quoted := sc.sents[:0], sc.inSent[:0], sc.quoted[:0]
	next := 0 // the first word of body after the sentences so far
	for _, p := range c.paras {
		qs, unclosed := sc.quotes.pair(a.Text, p)
		for _, q := range qs {
			if q.Top {
				quoted = append(quoted, q.Inner)
			}
		}
		for _, u := range unclosed {
			warn(lineOf(a.Text, u.pos), "unbalanced quotation mark %q ignored", string(u.r))
		}
		sc.spans = appendSentences(sc.spans[:0], a.Text, p, qs, abbreviations)
		for _, sp := range sc.spans {
			s := sentence{sp: sp}
			s.toks, next = tokensOf(a.Text, body, sp, next)
			from := len(inSent)
			for _, q := range qs {
				if q.Top && sp.Start <= q.Outer.Start && q.Outer.End <= sp.End {
					inSent = append(inSent, q)
				}
			}
			if len(inSent) > from {
				s.quotes = inSent[from:len(inSent):len(inSent)]
			}
			sents = append(sents, s)
		}
	}
	sc.sents, sc.inSent, sc.quoted = sents, inSent, quoted
	o.quoted = clip(quoted)
	st := &speakerState{}
	prevAttributed := false
	root := lex.trie(lang)
	o.first, o.sents = make([]int32, 0, len(sents)), make([]span32, 0, len(sents)) // kept until reuse detection
	if sc.sentToks == nil || cap(sc.sentToks) < len(sents) {
		sc.sentToks = make([][]token, 0, len(sents))
	}
	o.toks = sc.sentToks[:0]
	quotes, matches, names := sc.kept[:0], sc.matches[:0], sc.names[:0]
	sc.attr.reset()
	for i := range sents {
		s := &sents[i]
		r.Sentences++
		o.first = append(o.first, int32(r.Words))
		r.Words += len(s.toks)
		o.toks = append(o.toks, s.toks)
		o.sents = append(o.sents, span32of(s.sp))
		qs := attribute(a.Text, s, prevAttributed, lr, st, &sc.attr)
		prevAttributed = false
		for _, q := range qs {
			if q.speaker != "" {
				prevAttributed = true
			}
			if q.speaker == "" && q.kind != KindScare {
				if q.mention != "" {
					warn(lineOf(a.Text, q.text.Start), "pronoun %q with no earlier named speaker", q.mention)
				}
			}
		}
		for _, q := range qs {
			if q.kind != kindNaming {
				quotes = append(quotes, q)
			}
		}
		names = appendNameRuns(names, a.Text, s.toks, lr)
		// Matches with their voice.
		sc.lexm = appendMatchTrie(sc.lexm[:0], root, a.Text, s.toks)
		for _, m := range sc.lexm {
			kind := MatchLoaded
			if strings.HasPrefix(m.term.Category, "hedge.") {
				kind = MatchHedge
			}
			matches = append(matches, rawMatch{term: m.term, kind: kind, voice: voiceAt(m.start, m.end, qs),
				text: span{m.start, m.end}, sent: s.sp})
		}
	}
	sc.sentToks, sc.kept, sc.matches, sc.names = o.toks, quotes, matches, names
	// The quotes, matches and names outlive the scratch: copied out, each
	// list at its size; the quotes from the store of sc.attr, which the
	// next article reuses.
	if len(quotes) > 0 {
		store := make([]rawQuote, len(quotes))
		o.quotes = make([]*rawQuote, len(quotes))
		for i, q := range quotes {
			store[i] = *q
			o.quotes[i] = &store[i]
		}
	}
	o.matches, o.names = clip(matches), clip(names)
	for _, q := range o.quotes {
		if q.speaker == "" && q.kind != KindScare {
			q.speaker = "unattributed"
		}
	}
	// Each article's records in the order of the result (sortResult), so
	// that the result's list is usually sorted already.
	slices.SortStableFunc(o.quotes, func(a, b *rawQuote) int {
		return cmp.Or(cmp.Compare(a.text.Start, b.text.Start), strings.Compare(a.kind, b.kind))
	})
	slices.SortStableFunc(o.matches, func(a, b rawMatch) int { return cmp.Compare(a.text.Start, b.text.Start) })
	return o
}

// clip returns a copy of s at its length, nil when s is empty: what
// appending the elements one by one to a nil slice holds, but in one
// allocation of the size needed.
func clip[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return append(make(S, 0, len(s)), s...)
}

// tokensOf returns tokenize(text, sp), where body is tokenize(text, b)
// for a span b holding sp. When no word of body crosses an end of sp, the
// words of sp are those of body inside it: a scan from sp.Start finds the
// word starts the scan of b finds there (between words both skip the same
// runes, and a scan that starts inside a rune skips its bytes as no word
// rune), and a word of body that ends by sp.End ends there in a scan that
// stops at sp.End too. Else it tokenizes sp. The slice returned has no
// room to append to. No word of body before from may start at or after
// sp.Start; next is the first word of body that starts at or after
// sp.End, a from for the spans after sp.
func tokensOf(text string, body []token, sp span, from int) (toks []token, next int) {
	lo, hi := startingIn(body, sp, from)
	if lo > 0 && body[lo-1].End > sp.Start || hi > 0 && body[hi-1].End > sp.End {
		return tokenize(text, sp), hi
	}
	return body[lo:hi:hi], hi
}

// startingIn returns the words body[lo:hi] that start in sp, looking from
// the word from on: no word of body before from may start at or after
// sp.Start.
func startingIn(body []token, sp span, from int) (lo, hi int) {
	lo = from
	for lo < len(body) && body[lo].Start < sp.Start {
		lo++
	}
	hi = lo
	for hi < len(body) && body[hi].Start < sp.End {
		hi++
	}
	return lo, hi
}

// rawMatch is a lexicon match in one article, before it joins the result.
type rawMatch struct {
	term        *Term
	kind, voice string
	text, sent  span
}

// voiceAt is the voice of a span: quotation first, then reported speech.
func voiceAt(start, end int, qs []*rawQuote) string {
	for _, q := range qs {
		if q.kind != KindReported && q.kind != kindNaming && q.text.Start <= start && end <= q.text.End {
			if q.kind == KindScare {
				return VoiceScareQuote
			}
			return VoiceQuote
		}
	}
	for _, q := range qs {
		if (q.kind == KindReported || q.kind == kindNaming) && q.text.Start <= start && end <= q.text.End {
			return VoiceReported
		}
	}
	return VoiceNarration
}

func lineOf(text string, pos int) int { return 1 + strings.Count(text[:pos], "\n") }

// aggregate computes the per-outlet features.
func aggregate(res *Result) []*OutletFeatures {
	by := make(map[string]*OutletFeatures)
	get := func(name string) *OutletFeatures {
		f := by[name]
		if f == nil {
			f = &OutletFeatures{Outlet: name,
				Loaded: RateFeature{ByCategory: map[string]int{}}, Hedges: RateFeature{ByCategory: map[string]int{}},
				Quotes: QuoteFeature{BySpeaker: []*SpeakerShare{}}}
			by[name] = f
		}
		return f
	}
	for _, a := range res.Articles {
		f := get(a.Outlet)
		f.Articles++
		f.Words += a.Words
		f.Sentences += a.Sentences
	}
	// Quotes and matches are read as records: their strings are looked up
	// by id, once per outlet or speaker rather than once per record.
	if mt := res.Matches.tab; mt != nil {
		byID := make([]*OutletFeatures, len(mt.strs))
		for i := range res.Matches.recs.len() {
			m := res.Matches.recs.at(i)
			f := byID[m.outlet]
			if f == nil {
				f = get(mt.str(m.outlet))
				byID[m.outlet] = f
			}
			rf := &f.Loaded
			if mt.str(m.kind) == MatchHedge {
				rf = &f.Hedges
			}
			rf.Count++
			rf.ByCategory[mt.str(m.category)]++
			switch mt.str(m.voice) {
			case VoiceNarration:
				rf.ByVoice.Narration++
			case VoiceQuote:
				rf.ByVoice.Quote++
			case VoiceReported:
				rf.ByVoice.Reported++
			case VoiceScareQuote:
				rf.ByVoice.ScareQuote++
			}
		}
	}
	speakers := make(map[string]map[string]*SpeakerShare)
	if qt := res.Quotes.tab; qt != nil {
		byID := make([]*OutletFeatures, len(qt.strs))
		shares := make(map[uint64]*SpeakerShare) // outlet id << 32 | speaker id
		for i := range res.Quotes.recs.len() {
			q := res.Quotes.recs.at(i)
			kind := qt.str(q.kind)
			if kind == KindScare {
				continue
			}
			f := byID[q.outlet]
			if f == nil {
				f = get(qt.str(q.outlet))
				byID[q.outlet] = f
			}
			key := uint64(q.outlet)<<32 | uint64(q.speaker)
			s := shares[key]
			if s == nil {
				outlet, speaker := qt.str(q.outlet), qt.str(q.speaker)
				m := speakers[outlet]
				if m == nil {
					m = make(map[string]*SpeakerShare)
					speakers[outlet] = m
				}
				if s = m[speaker]; s == nil {
					s = &SpeakerShare{Speaker: speaker, Affiliation: qt.str(q.affiliation)}
					m[speaker] = s
				}
				shares[key] = s
			}
			if kind == KindReported {
				s.Reported++
				f.Quotes.Reported++
				continue
			}
			s.Quotes++
			s.Words += int(q.words)
			f.Quotes.Count++
			f.Quotes.Words += int(q.words)
		}
	}
	// Outlets on all cores: each has its own speakers, and the intervals
	// of thousands of speakers take a while.
	names := sortedKeys(by)
	out := make([]*OutletFeatures, len(names))
	parallel(len(names), func(i int) {
		name := names[i]
		f := by[name]
		f.Loaded.setRate(f.Words)
		f.Hedges.setRate(f.Words)
		ci := map[int][2]float64{} // by quoted words: many speakers of an outlet share a count
		for _, sp := range sortedKeys(speakers[name]) {
			s := speakers[name][sp]
			if f.Quotes.Words > 0 {
				s.Share = round4(float64(s.Words) / float64(f.Quotes.Words))
				b, ok := ci[s.Words]
				if !ok {
					lo, hi := jeffreys(s.Words, f.Quotes.Words)
					b = [2]float64{round4(lo), round4(hi)}
					ci[s.Words] = b
				}
				s.CI95Low, s.CI95High = b[0], b[1]
			}
			f.Quotes.BySpeaker = append(f.Quotes.BySpeaker, s)
		}
		sort.SliceStable(f.Quotes.BySpeaker, func(i, j int) bool {
			a, b := f.Quotes.BySpeaker[i], f.Quotes.BySpeaker[j]
			if a.Words != b.Words {
				return a.Words > b.Words
			}
			if a.Reported != b.Reported {
				return a.Reported > b.Reported
			}
			return a.Speaker < b.Speaker
		})
		out[i] = f
	})
	return out
}

func (rf *RateFeature) setRate(words int) {
	if words == 0 {
		return
	}
	scale := 1000 / float64(words)
	lo, hi := poissonCI(rf.Count)
	rf.Per1000Words = round4(float64(rf.Count) * scale)
	rf.CI95Low, rf.CI95High = round4(lo*scale), round4(hi*scale)
}

// poissonCI is the exact (Garwood) 95% interval for a Poisson count k.
func poissonCI(k int) (lo, hi float64) {
	if k > 0 {
		lo = distuv.ChiSquared{K: float64(2 * k)}.Quantile(0.025) / 2
	}
	hi = distuv.ChiSquared{K: float64(2*k + 2)}.Quantile(0.975) / 2
	return lo, hi
}

// jeffreys is the Jeffreys 95% interval for k successes in n trials.
func jeffreys(k, n int) (lo, hi float64) {
	b := distuv.Beta{Alpha: float64(k) + 0.5, Beta: float64(n-k) + 0.5}
	lo, hi = b.Quantile(0.025), b.Quantile(0.975)
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return lo, hi
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// sortResult puts every list in its documented order.
func sortResult(r *Result) {
	sort.SliceStable(r.Articles, func(i, j int) bool {
		a, b := r.Articles[i], r.Articles[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.ID < b.ID
	})
	order := make(map[string]int)
	for i, a := range r.Articles {
		order[a.ID] = i
	}
	r.Quotes.sortByArticle(order)
	r.Matches.sortByArticle(order)
	sort.SliceStable(r.Warnings, func(i, j int) bool {
		a, b := r.Warnings[i], r.Warnings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		return a.Message < b.Message
	})
}
