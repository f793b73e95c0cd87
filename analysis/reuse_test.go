package analysis

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// reuseTestDoc makes a reuseDoc of a whole text, with the spans between
// straight or curly double quotes as quoted.
func reuseTestDoc(id, outlet, text string, credits ...string) reuseDoc {
	d := newReuseDoc(testVocab, id, outlet, text, []span{{0, len(text)}})
	d.credits = credits
	open := -1
	for i, r := range text {
		switch {
		case open < 0 && (r == '"' || r == '“'):
			open = i
		case open >= 0 && (r == '"' || r == '”'):
			d.quoted = append(d.quoted, span{open, i + len(string(r))})
			open = -1
		}
	}
	return d
}

// testVocab interns the words of the test documents.
var testVocab = &vocab{}

// docToks returns the body tokens of d.
func docToks(d *reuseDoc) []token {
	var toks []token
	for i := range d.spans {
		toks = append(toks, tokenize(d.text, d.spans[i].span())...)
	}
	return toks
}

// repeats reports whether a document carries some run of k words more
// than maxPostingsPerDoc times, so that not every common run is looked for.
func repeats(docs []reuseDoc, k int) bool {
	for _, d := range docs {
		seen := map[string]int{}
		for p := 0; p+k <= len(d.words); p++ {
			key := fmt.Sprint(d.words[p : p+k])
			if seen[key]++; seen[key] > maxPostingsPerDoc {
				return true
			}
		}
	}
	return false
}

// reuseSummary flattens a Reuse into lines that are easy to compare.
func reuseSummary(r *Reuse) (passages, articles, pairs []string) {
	passages, articles, pairs = []string{}, []string{}, []string{}
	for _, p := range r.Passages {
		var quoted []string
		for _, o := range p.Occurrences.All() {
			if o.Quoted {
				quoted = append(quoted, o.Article)
			}
		}
		passages = append(passages, fmt.Sprintf("%d %v %v quoted=%v %q", p.Words, p.Articles, p.Outlets, quoted, p.Text))
	}
	for _, a := range r.ByArticle {
		articles = append(articles, fmt.Sprintf("%s %s %d/%d %.4f", a.Article, a.Outlet, a.SharedWords, a.Words, a.Share))
	}
	for _, p := range r.Pairs {
		pairs = append(pairs, fmt.Sprintf("%s|%s %d credited=%v", p.A, p.B, p.SharedWords, p.Credited))
	}
	return passages, articles, pairs
}

// normSeq returns the Norms of toks as one string, each word between NULs,
// so that containment of one sequence in another is strings.Contains.
func normSeq(toks []token) string {
	var b strings.Builder
	b.WriteByte(0)
	for _, t := range toks {
		b.WriteString(t.Norm)
		b.WriteByte(0)
	}
	return b.String()
}

// checkReuse checks the invariants of r for docs.
func checkReuse(t *testing.T, docs []reuseDoc, minWords int, r *Reuse) {
	t.Helper()
	if r.Passages == nil || r.ByArticle == nil || r.Pairs == nil {
		t.Fatalf("nil list in %+v", r)
	}
	byID := map[string]*reuseDoc{}
	for i := range docs {
		byID[docs[i].id] = &docs[i]
	}
	seqs := make([]string, len(r.Passages))
	for pi, p := range r.Passages {
		if p.Words < minWords {
			t.Errorf("passage %q: %d words < %d", p.Text, p.Words, minWords)
		}
		if len(p.Outlets) < 2 || !slices.IsSorted(p.Outlets) || len(slices.Compact(slices.Clone(p.Outlets))) != len(p.Outlets) {
			t.Errorf("passage %q: outlets %v", p.Text, p.Outlets)
		}
		if !slices.IsSorted(p.Articles) || len(p.Articles) != p.Occurrences.Len() {
			t.Errorf("passage %q: articles %v", p.Text, p.Articles)
		}
		for i, o := range p.Occurrences.All() {
			d := byID[o.Article]
			if d == nil || o.Article != p.Articles[i] || o.Outlet != d.outlet {
				t.Fatalf("passage %q: bad occurrence %+v", p.Text, o)
			}
			if o.Start < 0 || o.Start >= o.End || o.End > len(d.text) || o.Text != d.text[o.Start:o.End] {
				t.Fatalf("passage %q: occurrence %s [%d,%d) out of bounds or wrong text %q", p.Text, o.Article, o.Start, o.End, o.Text)
			}
			toks := tokenize(d.text, span{o.Start, o.End})
			if len(toks) != p.Words {
				t.Errorf("passage %q: occurrence %q has %d words, want %d", p.Text, o.Text, len(toks), p.Words)
			}
			s := normSeq(toks)
			if i == 0 {
				seqs[pi] = s
			} else if s != seqs[pi] {
				t.Errorf("passage %q: occurrence %q has other words", p.Text, o.Text)
			}
		}
		if pi > 0 {
			q := r.Passages[pi-1]
			if q.Words < p.Words || q.Words == p.Words && q.Text > p.Text {
				t.Errorf("passages out of order: %q before %q", q.Text, p.Text)
			}
		}
	}
	for i, p := range r.Passages {
		for j, q := range r.Passages {
			if i != j && q.Words > p.Words && slices.Equal(p.Articles, q.Articles) && strings.Contains(seqs[j], seqs[i]) {
				t.Errorf("passage %q is inside %q of the same articles", p.Text, q.Text)
			}
		}
	}
	if len(r.ByArticle) != len(docs) {
		t.Fatalf("%d article entries for %d docs", len(r.ByArticle), len(docs))
	}
	for i, a := range r.ByArticle {
		d := byID[a.Article]
		if a.Words != len(d.words) || a.SharedWords < 0 || a.SharedWords > a.Words || a.Share < 0 || a.Share > 1 {
			t.Errorf("article %+v (body %d words)", a, len(d.words))
		}
		if i > 0 && r.ByArticle[i-1].Article > a.Article {
			t.Errorf("by_article out of order at %s", a.Article)
		}
	}
	for i, p := range r.Pairs {
		if p.A >= p.B || p.SharedWords <= 0 {
			t.Errorf("pair %+v", p)
		}
		if i > 0 {
			q := r.Pairs[i-1]
			if q.SharedWords < p.SharedWords || q.SharedWords == p.SharedWords && (q.A > p.A || q.A == p.A && q.B >= p.B) {
				t.Errorf("pairs out of order: %+v before %+v", q, p)
			}
		}
	}
	// Every maximal common run of two docs of different outlets (found by
	// brute force) lies inside a passage carried by both, as long as no
	// document repeats a shingle more than maxPostingsPerDoc times.
	words := 0
	for _, d := range docs {
		words += len(d.words)
	}
	if len(docs) > 12 || words > 2000 || repeats(docs, minWords) {
		return
	}
	for a := range docs {
		for b := a + 1; b < len(docs); b++ {
			if docs[a].outlet == docs[b].outlet {
				continue
			}
			ta, tb := docToks(&docs[a]), docToks(&docs[b])
			for diag := -len(ta); diag <= len(tb); diag++ {
				run := 0
				for p := max(0, -diag); p <= len(ta) && p+diag <= len(tb); p++ {
					if p < len(ta) && p+diag < len(tb) && ta[p].Norm == tb[p+diag].Norm {
						run++
						continue
					}
					if run >= minWords {
						want := normSeq(ta[p-run : p])
						found := false
						for pi, ps := range r.Passages {
							if slices.Contains(ps.Articles, docs[a].id) && slices.Contains(ps.Articles, docs[b].id) && strings.Contains(seqs[pi], want) {
								found = true
								break
							}
						}
						if !found {
							t.Errorf("run of %d words shared by %s and %s not reported: %q", run, docs[a].id, docs[b].id,
								docs[a].text[ta[p-run].Start:ta[p-1].End])
						}
					}
					run = 0
				}
			}
		}
	}
}

func TestFindReuse(t *testing.T) {
	const passage = "the minister said the new port would open to ships next spring" // 12 words
	twenty := "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
	w := strings.Fields(twenty)
	words := func(from, to int) string { return strings.Join(w[from-1:to], " ") }
	tests := []struct {
		name     string
		docs     []reuseDoc
		minWords int
		passages []string
		articles []string
		pairs    []string
	}{
		{
			name: "three outlets",
			docs: []reuseDoc{
				reuseTestDoc("a", "Alpha", "Early today, in a surprise move. The Minister said: the new port would open to ships next spring! Critics disagree loudly.", "Reuters"),
				reuseTestDoc("b", "Beta", "Reporters heard that THE MINISTER SAID, the new port would open to ships, next spring; officials added nothing.", "reuters"),
				reuseTestDoc("c", "Gamma", "According to sources, “the minister said the new port would open to ships next spring” while others doubt it.", "Alpha"),
			},
			minWords: 8,
			passages: []string{`12 [a b c] [Alpha Beta Gamma] quoted=[c] "The Minister said: the new port would open to ships next spring"`},
			articles: []string{"a Alpha 12/21 0.5714", "b Beta 12/18 0.6667", "c Gamma 12/19 0.6316"},
			pairs:    []string{"Alpha|Beta 12 credited=true", "Alpha|Gamma 12 credited=true", "Beta|Gamma 12 credited=false"},
		},
		{
			name: "same outlet",
			docs: []reuseDoc{
				reuseTestDoc("a1", "Alpha", "Morning: "+passage+" indeed."),
				reuseTestDoc("a2", "Alpha", "Evening: "+passage+" again."),
				reuseTestDoc("b", "Beta", "Something else entirely happened at the harbour today."),
			},
			minWords: 8,
			passages: []string{},
			articles: []string{"a1 Alpha 0/14 0.0000", "a2 Alpha 0/14 0.0000", "b Beta 0/8 0.0000"},
			pairs:    []string{},
		},
		{
			name: "same outlet articles listed when both carry it",
			docs: []reuseDoc{
				reuseTestDoc("a1", "Alpha", "Morning: "+passage+" indeed."),
				reuseTestDoc("a2", "Alpha", "Evening: "+passage+" again."),
				reuseTestDoc("b", "Beta", "Noon: "+passage+"."),
			},
			minWords: 8,
			passages: []string{`12 [a1 a2 b] [Alpha Beta] quoted=[] "the minister said the new port would open to ships next spring"`},
			articles: []string{"a1 Alpha 12/14 0.8571", "a2 Alpha 12/14 0.8571", "b Beta 12/13 0.9231"},
			pairs:    []string{"Alpha|Beta 12 credited=false"},
		},
		{
			name: "shorter than minWords",
			docs: []reuseDoc{
				reuseTestDoc("a", "Alpha", "x "+words(1, 7)+" y"),
				reuseTestDoc("b", "Beta", "z "+words(1, 7)+" w"),
			},
			minWords: 8,
			passages: []string{},
			articles: []string{"a Alpha 0/9 0.0000", "b Beta 0/9 0.0000"},
			pairs:    []string{},
		},
		{
			name: "exactly minWords",
			docs: []reuseDoc{
				reuseTestDoc("a", "Alpha", "x "+words(1, 8)+" y"),
				reuseTestDoc("b", "Beta", "z "+words(1, 8)+" w"),
			},
			minWords: 8,
			passages: []string{`8 [a b] [Alpha Beta] quoted=[] "one two three four five six seven eight"`},
			articles: []string{"a Alpha 8/10 0.8000", "b Beta 8/10 0.8000"},
			pairs:    []string{"Alpha|Beta 8 credited=false"},
		},
		{
			name: "overlapping passages",
			docs: []reuseDoc{
				reuseTestDoc("a", "Alpha", twenty),
				reuseTestDoc("b", "Beta", "b1 "+words(1, 12)+" b2"),
				reuseTestDoc("c", "Gamma", "c1 "+words(9, 20)+" c2", "Beta"),
			},
			minWords: 8,
			passages: []string{
				`12 [a c] [Alpha Gamma] quoted=[] "nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"`,
				`12 [a b] [Alpha Beta] quoted=[] "one two three four five six seven eight nine ten eleven twelve"`,
			},
			articles: []string{"a Alpha 20/20 1.0000", "b Beta 12/14 0.8571", "c Gamma 12/14 0.8571"},
			pairs:    []string{"Alpha|Beta 12 credited=false", "Alpha|Gamma 12 credited=false"},
		},
		{
			// The 12-word core is carried by all three, 14 words by two:
			// both are reported, as they have different articles. Alpha and
			// Beta share 14 words, not 14+12: nested passages count once.
			name: "nested passages of different articles",
			docs: []reuseDoc{
				reuseTestDoc("a", "Alpha", "p "+words(1, 12)+" q r"),
				reuseTestDoc("b", "Beta", "p "+words(1, 12)+" q s"),
				reuseTestDoc("c", "Gamma", "t "+words(1, 12)+" u"),
			},
			minWords: 8,
			passages: []string{
				`14 [a b] [Alpha Beta] quoted=[] "p one two three four five six seven eight nine ten eleven twelve q"`,
				`12 [a b c] [Alpha Beta Gamma] quoted=[] "one two three four five six seven eight nine ten eleven twelve"`,
			},
			articles: []string{"a Alpha 14/15 0.9333", "b Beta 14/15 0.9333", "c Gamma 12/14 0.8571"},
			pairs:    []string{"Alpha|Beta 14 credited=false", "Alpha|Gamma 12 credited=false", "Beta|Gamma 12 credited=false"},
		},
		{
			// b repeats the first 12 words of the 20-word passage: that
			// second match is inside the longer passage of the same articles.
			name: "contained in a longer passage of the same articles",
			docs: []reuseDoc{
				reuseTestDoc("a", "Alpha", "a0 "+twenty+" a1"),
				reuseTestDoc("b", "Beta", "b0 "+twenty+" b1 "+words(1, 12)+" b2"),
			},
			minWords: 8,
			passages: []string{`20 [a b] [Alpha Beta] quoted=[] "` + twenty + `"`},
			articles: []string{"a Alpha 20/22 0.9091", "b Beta 20/35 0.5714"},
			pairs:    []string{"Alpha|Beta 20 credited=false"},
		},
		{
			name: "repeated word below the cap",
			docs: []reuseDoc{
				reuseTestDoc("a", "Alpha", strings.Repeat("ya ", 300)),
				reuseTestDoc("b", "Beta", strings.Repeat("ya ", 300)),
			},
			minWords: 8,
			passages: []string{`300 [a b] [Alpha Beta] quoted=[] "` + strings.TrimSpace(strings.Repeat("ya ", 300)) + `"`},
			articles: []string{"a Alpha 300/300 1.0000", "b Beta 300/300 1.0000"},
			pairs:    []string{"Alpha|Beta 300 credited=false"},
		},
		{
			// Each article repeats the shingle of the repeated word
			// thousands of times; only its first maxPostingsPerDoc
			// occurrences are compared, which still finds the run.
			name: "5000 repetitions of one word",
			docs: []reuseDoc{
				reuseTestDoc("a", "Alpha", "Start: "+passage+". "+strings.Repeat("ya ", 5000)),
				reuseTestDoc("b", "Beta", strings.Repeat("ya ", 5000)+"End: "+passage+"."),
				reuseTestDoc("c", "Gamma", strings.Repeat("ya ", 5000)),
			},
			minWords: 8,
			passages: []string{
				`5000 [a b c] [Alpha Beta Gamma] quoted=[] "` + strings.TrimSpace(strings.Repeat("ya ", 5000)) + `"`,
				`12 [a b] [Alpha Beta] quoted=[] "the minister said the new port would open to ships next spring"`,
			},
			articles: []string{"a Alpha 5012/5013 0.9998", "b Beta 5012/5013 0.9998", "c Gamma 5000/5000 1.0000"},
			pairs:    []string{"Alpha|Beta 5012 credited=false", "Alpha|Gamma 5000 credited=false", "Beta|Gamma 5000 credited=false"},
		},
		{
			name:     "no documents",
			docs:     nil,
			minWords: 8,
			passages: []string{},
			articles: []string{},
			pairs:    []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r := findReuse(tt.docs, tt.minWords)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
			if r.MinWords != tt.minWords {
				t.Errorf("MinWords = %d, want %d", r.MinWords, tt.minWords)
			}
			passages, articles, pairs := reuseSummary(r)
			check := func(what string, got, want []string) {
				t.Helper()
				if !slices.Equal(got, want) {
					t.Errorf("%s:\ngot  %q\nwant %q", what, got, want)
				}
			}
			check("passages", passages, tt.passages)
			check("articles", articles, tt.articles)
			check("pairs", pairs, tt.pairs)
			checkReuse(t, tt.docs, tt.minWords, r)
		})
	}
}

func TestFindReuseOccurrences(t *testing.T) {
	docs := []reuseDoc{
		reuseTestDoc("b", "Beta", "Reporters heard that THE MINISTER SAID, the new port would open to ships, next spring; officials added nothing."),
		reuseTestDoc("a", "Alpha", "The Minister said: the new port would open to ships next spring!"),
	}
	r := findReuse(docs, 8)
	if len(r.Passages) != 1 {
		t.Fatalf("got %d passages, want 1", len(r.Passages))
	}
	p := r.Passages[0]
	// Text comes from the first article in input order; occurrences are by id.
	if want := "THE MINISTER SAID, the new port would open to ships, next spring"; p.Text != want {
		t.Errorf("Text = %q, want %q", p.Text, want)
	}
	want := []PassageOccurrence{
		{Article: "a", Outlet: "Alpha", Start: 0, End: 63, Text: "The Minister said: the new port would open to ships next spring"},
		{Article: "b", Outlet: "Beta", Start: 21, End: 85, Text: "THE MINISTER SAID, the new port would open to ships, next spring"},
	}
	for i, o := range p.Occurrences.All() {
		if o != want[i] {
			t.Errorf("occurrence %d = %+v, want %+v", i, o, want[i])
		}
	}
}

func TestFindReuseDeterministic(t *testing.T) {
	docs := reuseBenchDocs(60)
	first := findReuse(docs, 8)
	checkReuse(t, docs, 8, first)
	if len(first.Passages) == 0 {
		t.Fatal("no passages in the synthetic corpus")
	}
	p1, a1, r1 := reuseSummary(first)
	for range 3 {
		p2, a2, r2 := reuseSummary(findReuse(docs, 8))
		if !slices.Equal(p1, p2) || !slices.Equal(a1, a2) || !slices.Equal(r1, r2) {
			t.Fatal("findReuse is not deterministic")
		}
	}
}

func TestFindReuseSummit(t *testing.T) {
	c, err := ReadCorpus([]string{"../testdata/summit"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	outlets := map[string]string{"000": "Beritabali", "001": "TribunWow", "002": "Jabar Ekspres", "003": "EGINDO.co"}
	var docs []reuseDoc
	ids := map[string]string{} // outlet -> article id
	for _, a := range c.Articles {
		o := outlets[a.ID[:3]]
		if o == "" {
			t.Fatalf("unexpected article %s", a.ID)
		}
		ids[o] = a.ID
		docs = append(docs, newReuseDoc(testVocab, a.ID, o, a.Text, []span{{a.BodyStart, len(a.Text)}}))
	}
	if len(docs) != 4 {
		t.Fatalf("read %d articles, want 4", len(docs))
	}
	r := findReuse(docs, 8)
	checkReuse(t, docs, 8, r)
	const phrase = "dengan senang hati dan menegaskan kembali keinginannya untuk selalu meneruskan sejarah dan tradisi persahabatan"
	// Two of the three may share a longer passage around the phrase; one
	// passage must hold it with exactly the three articles.
	want := []string{ids["Beritabali"], ids["Jabar Ekspres"], ids["EGINDO.co"]}
	slices.Sort(want)
	var found *Passage
	for _, p := range r.Passages {
		if !strings.Contains(strings.ToLower(p.Text), phrase) {
			continue
		}
		t.Logf("%d words %v: %q", p.Words, p.Outlets, p.Text)
		if slices.Contains(p.Outlets, "TribunWow") {
			t.Errorf("TribunWow carries %q", p.Text)
		}
		if slices.Equal(p.Articles, want) {
			found = p
		}
	}
	if found == nil {
		t.Fatalf("no passage carried by %v contains %q", want, phrase)
	}
}

// FuzzFindReuse splits its input into documents at "|" and checks the
// invariants of findReuse, including against a brute-force search.
func FuzzFindReuse(f *testing.F) {
	f.Add("a b c d e f g h|x a b c d e f g h y|a b c d e f g h", uint8(2), uint8(3))
	f.Add("ya ya ya ya ya ya ya|ya ya ya ya ya|ya ya ya", uint8(1), uint8(1))
	f.Add(`The Minister said: "the new port would open"|"THE minister said, the new port would" open`, uint8(1), uint8(2))
	f.Add("one two three four five six|four five six one two three|three four five six one two", uint8(2), uint8(2))
	f.Add("a b a b a b a b a|b a b a b a b a b|a b a b", uint8(2), uint8(1))
	f.Fuzz(func(t *testing.T, in string, nOutlets, minWords uint8) {
		if len(in) > 2000 {
			in = in[:2000] // at most 1000 words, for the brute-force check
		}
		parts := strings.Split(in, "|")
		if len(parts) > 8 {
			parts = parts[:8]
		}
		k := 1 + int(minWords%6)
		docs := make([]reuseDoc, len(parts))
		for i, p := range parts {
			outlet := string(rune('A' + i%(1+int(nOutlets%3))))
			docs[i] = reuseTestDoc(fmt.Sprintf("d%d", i), outlet, p, string(rune('A'+(i+1)%3)))
		}
		r := findReuse(docs, k)
		checkReuse(t, docs, k, r)
	})
}

// reuseBenchDocs returns n synthetic articles of about 400 words from 40
// outlets. Half of their sentences come from a pool of 2n sentences (so
// that each appears in about 6 articles whatever n), the other half are new.
func reuseBenchDocs(n int) []reuseDoc {
	rng := rand.New(rand.NewPCG(20230914, 1))
	syll := strings.Fields("ka ta ra ma na sa pa la ba da ga ja ki ti ri mi ni si pu lu bu du gu ju")
	vocab := make([]string, 4000)
	for i := range vocab {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		vocab[i] = b.String()
	}
	sentence := func() string {
		ws := make([]string, 6+rng.IntN(16))
		for i := range ws {
			ws[i] = vocab[rng.IntN(len(vocab))]
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		return strings.Join(ws, " ") + "."
	}
	pool := make([]string, 2*n)
	for i := range pool {
		pool[i] = sentence()
	}
	docs := make([]reuseDoc, n)
	for d := range docs {
		var b strings.Builder
		for words := 0; words < 400; {
			s := pool[rng.IntN(len(pool))]
			if rng.IntN(2) == 0 {
				s = sentence()
			}
			b.WriteString(s)
			b.WriteByte(' ')
			words += strings.Count(s, " ") + 1
		}
		docs[d] = reuseTestDoc(fmt.Sprintf("a%05d", d), fmt.Sprintf("Outlet %02d", d%40), b.String())
	}
	return docs
}

// BenchmarkFindReuse runs findReuse on synthetic corpora of n and 2n
// articles; the time per operation should roughly double.
func BenchmarkFindReuse(b *testing.B) {
	for _, n := range []int{500, 1000} {
		docs := reuseBenchDocs(n)
		size := 0
		for _, d := range docs {
			size += len(d.text)
		}
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				findReuse(docs, 8)
			}
		})
	}
}

// TestForShinglesRollsHash checks that the hash forShingles rolls along
// each document is shingleHash at every position, and that it visits
// every position where k words of one document start, in order.
func TestForShinglesRollsHash(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, k := range []int{1, 2, 3, 8} {
		var docs []reuseDoc
		for d := range 30 {
			words := make([]uint32, rng.IntN(20)) // some shorter than k
			for i := range words {
				words[i] = uint32(rng.IntN(5)) // 0 and repeats included
				if rng.IntN(10) == 0 {
					words[i] = 1<<31 - 1
				}
			}
			docs = append(docs, reuseDoc{outlet: fmt.Sprint(d % 3), words: words})
		}
		x := &reuseIndex{docs: docs, k: k, base: make([]int, len(docs)+1)}
		var lay [][]uint32
		at := 1
		for i, d := range docs {
			x.base[i] = at
			at += len(d.words) + 1
			lay = append(lay, d.words)
		}
		x.base[len(docs)] = at
		x.w = layWords(lay)
		var want []int
		for d := range docs {
			for p := x.base[d]; p+k <= x.base[d+1]-1; p++ {
				want = append(want, p)
			}
		}
		var got []int
		x.forShingles(0, len(docs), func(p int, h uint64) {
			got = append(got, p)
			if h != x.shingleHash(p) {
				t.Fatalf("k=%d position %d: rolled hash %x, want %x", k, p, h, x.shingleHash(p))
			}
		})
		if !slices.Equal(got, want) {
			t.Errorf("k=%d: positions %v, want %v", k, got, want)
		}
	}
}

// TestFindReuseOneCore checks that shared text found on all cores, the
// coverage sweep among them (in chunks of documents, each worker with
// sets of its own), is what one core finds, on enough documents for
// several chunks.
func TestFindReuseOneCore(t *testing.T) {
	docs := reuseBenchDocs(700)
	p1, a1, r1 := reuseSummary(findReuse(docs, 8))
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	p2, a2, r2 := reuseSummary(findReuse(docs, 8))
	if len(p1) == 0 || len(r1) == 0 {
		t.Fatal("no shared text in the synthetic corpus")
	}
	if !slices.Equal(p1, p2) || !slices.Equal(a1, a2) || !slices.Equal(r1, r2) {
		t.Error("findReuse on one core differs from findReuse on all cores")
	}
}

// TestGroupIDs checks groupIDs against a plain array of groups: positions
// marked on two goroutines at once, at every position, and each in order.
func TestGroupIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 63, 64, 65, 1000, 4096} {
		want := make([]int32, n)
		var g groupIDs
		g.bits = make([]uint64, (n+63)/64)
		var marked [2][]int
		for p := range want {
			want[p] = -1
			if rng.IntN(3) == 0 {
				want[p] = int32(rng.IntN(50))
				marked[p%2] = append(marked[p%2], p)
			}
		}
		var wg sync.WaitGroup
		for _, ps := range marked {
			wg.Go(func() {
				for _, p := range ps {
					g.mark(p)
				}
			})
		}
		wg.Wait()
		g.index()
		for p, id := range want {
			if id >= 0 {
				g.ids[g.rankOf(p)] = id
			}
		}
		for p, id := range want {
			if got := g.at(p); got != id {
				t.Fatalf("n=%d: at(%d) = %d, want %d", n, p, got, id)
			}
		}
		var got []int32
		g.each(func(p, id int32) {
			if want[p] != id {
				t.Fatalf("n=%d: each gave %d for position %d, want %d", n, id, p, want[p])
			}
			got = append(got, p)
		})
		var all []int32
		for p, id := range want {
			if id >= 0 {
				all = append(all, int32(p))
			}
		}
		if !slices.Equal(got, all) {
			t.Fatalf("n=%d: each visited %v, want %v", n, got, all)
		}
	}
}
