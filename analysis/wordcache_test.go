package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkWordCache looks up words in a wordCache and checks each id
// against the vocab's own (ids are stable, so asking it again gives the id
// the cache should give), and that the cache never holds more words than
// its bounds.
func checkWordCache(t *testing.T, words []string) *wordCache {
	t.Helper()
	v := &vocab{}
	c := &wordCache{}
	for i, w := range words {
		if got, want := c.id(w, v), v.id(w); got != want {
			t.Fatalf("word %d %q: cache gives id %d, vocab %d", i, w, got, want)
		}
		if c.n > wordCacheMaxSlots/4*3 || len(c.long) > wordCacheMaxLong {
			t.Fatalf("after word %d: %d short and %d long words cached, more than %d and %d", i, c.n, len(c.long), wordCacheMaxSlots/4*3, wordCacheMaxLong)
		}
	}
	return c
}

func TestWordCache(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// Words of every length around the inline limit, a vocabulary large
	// enough to fill the table at its largest size and the map of long
	// words, drawn so that many repeat.
	vocabWords := make([]string, 4*maxSeenWords)
	for i := range vocabWords {
		n := rng.IntN(wordCacheKey + 1)
		if rng.IntN(8) == 0 {
			n += wordCacheKey
		}
		var b strings.Builder
		for range n {
			b.WriteByte("abcdefghij-é"[rng.IntN(12)])
		}
		vocabWords[i] = b.String()
	}
	vocabWords[0] = ""
	vocabWords[1] = strings.Repeat("x", wordCacheKey)
	vocabWords[2] = strings.Repeat("x", wordCacheKey+1)
	var words []string
	for range 12 * maxSeenWords {
		// Small indices more often, so that words repeat.
		i := int(float64(len(vocabWords)) * rng.Float64() * rng.Float64())
		words = append(words, vocabWords[i])
	}
	c := checkWordCache(t, words)
	if len(c.slots) != wordCacheMaxSlots || c.n != wordCacheMaxSlots/4*3 || len(c.long) != wordCacheMaxLong {
		t.Errorf("table of %d slots, %d short and %d long words; want it grown to %d, %d and %d", len(c.slots), c.n, len(c.long), wordCacheMaxSlots, wordCacheMaxSlots/4*3, wordCacheMaxLong)
	}
	// One "article" of more distinct words than the table takes: the
	// words past its limit are not cached, and still get their ids.
	distinct := make([]string, 0, 2*wordCacheMaxSlots)
	for i := range cap(distinct) {
		distinct = append(distinct, strings.Repeat("k", i%5)+string(rune('a'+i%26))+strings.Repeat("z", i%7)+itoa(i))
	}
	c = checkWordCache(t, append(distinct, distinct...))
	if c.n > len(c.slots)/4*3 {
		t.Errorf("%d words in %d slots: more than 3/4 full", c.n, len(c.slots))
	}
}

func itoa(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		if i /= 10; i == 0 {
			return string(b)
		}
	}
}

// checkTokenIDs checks tokenID, the id of a token by its word-list
// index when it has one, against the vocab's id of its Norm, on the tokens
// of texts, each met twice, through one cache.
func checkTokenIDs(t *testing.T, texts ...string) {
	t.Helper()
	v := &vocab{}
	c := &wordCache{}
	for range 2 {
		for _, text := range texts {
			toks := tokenize(text, span{0, len(text)})
			for i := range toks {
				if got, want := c.tokenID(&toks[i], v), v.id(toks[i].Norm); got != want {
					t.Fatalf("token %q (kw %d) of %q: cache gives id %d, vocab %d", toks[i].Norm, toks[i].kw, text, got, want)
				}
			}
		}
	}
}

func TestTokenID(t *testing.T) {
	checkTokenIDs(t, corpusLines(t)...)
}

// FuzzWordCache checks the cache against the vocab on the words of any
// text, each word met several times, as strings and as tokens.
func FuzzWordCache(f *testing.F) {
	f.Add("satu dua tiga satu dua empat kata-kata yang-sangat-panjang-sekali-ini satu")
	f.Add("a b c d e f g h a b c")
	f.Add("Yang yang YANG the The di dia mengatakan said kata")
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.Split(text, " ")
		words = append(words, words...)
		words = append(words, words...)
		checkWordCache(t, words)
		checkTokenIDs(t, text)
	})
}

// BenchmarkWordIDs measures the vocab ids of the body words of the bench
// articles, looked up as one worker of analyzeAll does: through a
// wordCache by token (tokenID, which analyzeAll calls) and by word (id),
// and through the map[string]uint32 it replaced.
func BenchmarkWordIDs(b *testing.B) {
	arts, size := loadBenchArticles(b)
	var words [][]string // each article's
	var toks [][]token   // their tokens
	v := &vocab{}
	for _, a := range arts {
		var ws []string
		ts := tokenize(a.Text, span{a.BodyStart, len(a.Text)})
		for _, t := range ts {
			ws = append(ws, t.Norm)
			v.id(t.Norm)
		}
		words = append(words, ws)
		toks = append(toks, ts)
	}
	b.Run("tokens", func(b *testing.B) { // as analyzeAll does
		b.SetBytes(size)
		for b.Loop() {
			var c wordCache
			for _, ts := range toks {
				for i := range ts {
					c.tokenID(&ts[i], v)
				}
			}
		}
	})
	b.Run("cache", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			var c wordCache
			for _, ws := range words {
				for _, w := range ws {
					c.id(w, v)
				}
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			var seen map[string]uint32
			for _, ws := range words {
				if len(seen) > maxSeenWords {
					seen = nil
				}
				if seen == nil {
					seen = make(map[string]uint32)
				}
				for _, w := range ws {
					id, ok := seen[w]
					if !ok {
						id = v.id(w)
						seen[w] = id
					}
					_ = id
				}
			}
		}
	})
}

// TestCacheKey checks makeCacheKey against the plain layout it computes:
// the bytes zero-padded to 23, then the length.
func TestCacheKey(t *testing.T) {
	w := "abcdefghijklmnopqrstuvw\x00\xff"
	for i := 0; i <= wordCacheKey; i++ {
		for j := i; j <= min(len(w), i+wordCacheKey); j++ {
			s := w[i:j]
			var b [24]byte
			copy(b[:], s)
			b[23] = byte(len(s))
			var want cacheKey
			for k := range want {
				for m := 7; m >= 0; m-- {
					want[k] = want[k]<<8 | uint64(b[8*k+m])
				}
			}
			if got := makeCacheKey(s); got != want {
				t.Fatalf("makeCacheKey(%q) = %x, want %x", s, got, want)
			}
		}
	}
}
