package analysis

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// hostileQuotes are quotes whose text is inside, outside and absent from
// their sentence, with strings repeated and empty.
func hostileQuotes() []*Quote {
	return []*Quote{
		{Article: "a", Outlet: "Alpha", Kind: KindDirect, Speaker: "Joko Widodo", SpeakerMention: "Jokowi",
			Text: "kita", Words: 1, Start: 10, End: 14, Sentence: "Kata dia, \"kita\".", SentenceStart: 0, SentenceEnd: 17, Rule: "after:kata"},
		{Article: "a", Outlet: "Alpha", Kind: KindScare, Text: "not in the sentence", Sentence: "Kata dia, \"kita\".", Rule: "none"},
		{Article: "b", Outlet: "Beta\x00\"<&>", Kind: KindReported, Speaker: "\u2028", Text: "", Sentence: ""},
		{Article: "a", Outlet: "Alpha", Kind: KindPartial, Speaker: "Joko Widodo", Text: "é", Words: -3, Start: 1 << 30, End: 1<<31 - 1,
			Sentence: "\xff\xfe é", SentenceStart: -1, SentenceEnd: 7},
	}
}

func TestQuotesRoundTrip(t *testing.T) {
	want := hostileQuotes()
	l := QuotesOf(want...)
	if l.Len() != len(want) {
		t.Fatalf("Len = %d, want %d", l.Len(), len(want))
	}
	for i, q := range l.All() {
		if !reflect.DeepEqual(q, *want[i]) {
			t.Errorf("quote %d = %+v, want %+v", i, q, *want[i])
		}
	}
	// JSON: the same bytes as encoding/json writes for the structs, and back.
	got, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	exp, _ := json.Marshal(want)
	if !bytes.Equal(got, exp) {
		t.Errorf("JSON:\n got %s\nwant %s", got, exp)
	}
	var back Quotes
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	var decoded []*Quote // invalid UTF-8 comes back as U+FFFD
	json.Unmarshal(got, &decoded)
	for i := range want {
		if q := back.At(i); !reflect.DeepEqual(q, *decoded[i]) {
			t.Errorf("unmarshalled quote %d = %+v, want %+v", i, q, *decoded[i])
		}
	}
	var empty Quotes
	if b, _ := json.Marshal(empty); string(b) != "[]" {
		t.Errorf("empty list marshals as %s", b)
	}
	if err := json.Unmarshal([]byte("null"), &back); err != nil || back.Len() != 0 {
		t.Errorf("null: %v, %d quotes", err, back.Len())
	}
	if err := json.Unmarshal([]byte(`[{"words":"x"}]`), &back); err == nil {
		t.Error("bad JSON accepted")
	}
}

func TestMatchesAndOccurrencesRoundTrip(t *testing.T) {
	ms := []*Match{
		{Article: "a", Outlet: "Alpha", Kind: MatchLoaded, Term: "rezim", Category: "loaded.label", Voice: VoiceNarration,
			Text: "rezim", Start: 4, End: 9, Sentence: "Itu rezim.", SentenceEnd: 10, Source: "builtin:id:1"},
		{Article: "a", Outlet: "Alpha", Kind: MatchHedge, Term: "diduga*", Text: "DIDUGA", Sentence: "x", Source: "my.tsv:3"},
	}
	l := MatchesOf(ms...)
	for i, m := range l.All() {
		if !reflect.DeepEqual(m, *ms[i]) {
			t.Errorf("match %d = %+v, want %+v", i, m, *ms[i])
		}
	}
	got, _ := json.Marshal(l)
	exp, _ := json.Marshal(ms)
	if !bytes.Equal(got, exp) {
		t.Errorf("matches JSON:\n got %s\nwant %s", got, exp)
	}
	os := []*PassageOccurrence{
		{Article: "a", Outlet: "Alpha", Start: 3, End: 9, Text: "shared", Quoted: true},
		{Article: "b", Outlet: "Beta", Text: ""},
	}
	ol := OccurrencesOf(os...)
	for i, o := range ol.All() {
		if o != *os[i] {
			t.Errorf("occurrence %d = %+v, want %+v", i, o, *os[i])
		}
	}
	got, _ = json.Marshal(ol)
	exp, _ = json.Marshal(os)
	if !bytes.Equal(got, exp) {
		t.Errorf("occurrences JSON:\n got %s\nwant %s", got, exp)
	}
}

// TestResultListsMatchArticleText checks that the records Analyze keeps
// compactly give back the article text at their offsets.
func TestResultListsMatchArticleText(t *testing.T) {
	c, err := ReadCorpus([]string{"../testdata/summit", "../testdata/holdout"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, a := range c.Articles {
		text[a.ID] = a.Text
	}
	res, err := Analyze(c, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Quotes.Len() == 0 || res.Matches.Len() == 0 {
		t.Fatal("no quotes or matches")
	}
	for _, q := range res.Quotes.All() {
		s := text[q.Article]
		if q.Text != s[q.Start:q.End] || q.Sentence != s[q.SentenceStart:q.SentenceEnd] {
			t.Errorf("quote %+v does not match its article text", q)
		}
	}
	for _, m := range res.Matches.All() {
		s := text[m.Article]
		if m.Text != s[m.Start:m.End] || m.Sentence != s[m.SentenceStart:m.SentenceEnd] {
			t.Errorf("match %+v does not match its article text", m)
		}
	}
	for _, p := range res.Reuse.Passages {
		for _, o := range p.Occurrences.All() {
			if o.Text != text[o.Article][o.Start:o.End] {
				t.Errorf("occurrence %+v does not match its article text", o)
			}
		}
	}
}

func TestChunksSortStable(t *testing.T) {
	type rec struct{ key, seq int }
	for _, n := range []int{0, 1, chunkSize - 1, chunkSize, 3*chunkSize + 7} {
		for _, mod := range []int{1, 3, n + 1} {
			var c chunks[rec]
			var want []rec
			for i := range n {
				r := rec{(i * 7919) % mod, i}
				if mod == n+1 {
					r.key = i // already sorted
				}
				c.push(r)
				want = append(want, r)
			}
			cmpKey := func(a, b rec) int { return a.key - b.key }
			slices.SortStableFunc(want, cmpKey)
			c.sortStable(cmpKey)
			if c.len() != n {
				t.Fatalf("n=%d: len %d", n, c.len())
			}
			for i := range n {
				if *c.at(i) != want[i] {
					t.Fatalf("n=%d mod=%d: at(%d) = %v, want %v", n, mod, i, *c.at(i), want[i])
				}
			}
		}
	}
}

// TestAnalyzeArticlesOutOfOrder gives Analyze the articles out of the
// order of the result, so that the quotes and matches must be sorted
// across articles, and checks it gives what the sorted corpus gives.
func TestAnalyzeArticlesOutOfOrder(t *testing.T) {
	c, err := ReadCorpus([]string{"../testdata/summit"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	res, _ := Analyze(c, nil)
	if err := res.WriteJSON(&want); err != nil {
		t.Fatal(err)
	}
	slices.Reverse(c.Articles)
	res, _ = Analyze(c, nil)
	var got bytes.Buffer
	if err := res.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("the result depends on the order of the articles in the corpus")
	}
}

// TestChunksSlabs pushes a list through slabs of every size and checks
// that every element reads back, so that no two chunks share memory.
func TestChunksSlabs(t *testing.T) {
	var c chunks[int32]
	n := (maxSlabChunks*(maxSlabChunks+1)/2+3)*chunkSize + 5
	for i := range n {
		c.push(int32(i))
	}
	if c.len() != n {
		t.Fatalf("len %d, want %d", c.len(), n)
	}
	for i := range n {
		if v := *c.at(i); v != int32(i) {
			t.Fatalf("at(%d) = %d", i, v)
		}
	}
}
