package analysis

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
)

// wordCache is one worker's cache of the vocab ids of the words it has
// met (see analyzeAll): most words of an article were in an earlier one,
// and the cache gives their ids without taking the vocab's locks. The ids
// are those of the vocab, so the cache changes no result, only how often
// the vocab is asked.
//
// It is an open-addressing table (linear probing) whose slots hold a
// short word's bytes inline: a lookup reads one 32-byte slot and compares
// three words of it, where a map[string]uint32 follows the key's pointer
// to compare it, a cache miss for most words once the vocabulary is
// large. Words longer than wordCacheKey bytes, a few in a thousand, are
// kept in a map. The zero value is an empty cache.
type wordCache struct {
	slots []cacheSlot // len a power of two, or 0 before the first word
	n     int         // slots in use
	long  map[string]uint32
	seed  [3]uint64 // of the hash, random, so that no input is slow on purpose
	// byKw holds, for a word of the word lists by its index in wordInfos
	// (token.kw), 1 + its id, 0 until it is asked for (see tokenID).
	byKw []uint32
}

// wordCacheKey is the longest word a slot holds.
const wordCacheKey = 23

// cacheSlot is one word of a wordCache, 32 bytes.
type cacheSlot struct {
	tag uint32 // low bits of the word's hash, the lowest set; 0 in an empty slot
	id  uint32
	key cacheKey
}

// cacheKey is a word of at most wordCacheKey bytes as three
// little-endian words: its bytes, zero-padded, and its length in the
// last byte. Two words have the same key exactly when they are equal.
type cacheKey [3]uint64

func makeCacheKey(w string) cacheKey {
	var b [24]byte
	copy(b[:], w)
	b[23] = byte(len(w))
	return cacheKey{binary.LittleEndian.Uint64(b[:]), binary.LittleEndian.Uint64(b[8:]), binary.LittleEndian.Uint64(b[16:])}
}

// hash mixes a key with the cache's seed by two wide multiplications.
// Its high half picks the slot, its low half is the tag.
func (c *wordCache) hash(k *cacheKey) uint64 {
	hi, lo := bits.Mul64(k[0]^c.seed[0], k[1]^c.seed[1])
	hi, lo = bits.Mul64(hi^lo, k[2]^c.seed[2])
	return hi ^ lo
}

// Sizes of a wordCache's table, in slots: it starts small, so that a
// small corpus does not pay for a big table, and doubles when it is 3/4
// full, up to wordCacheMaxSlots. A table of that size that is 3/4 full
// takes no new words, and the map of long words none past
// wordCacheMaxLong: the words met first, most of them frequent ones, stay,
// and the rest are looked up in the vocab. (Emptying a full cache instead
// sent every word back to the vocab's locks until it had filled again:
// with a vocabulary of 200,000 words that was three times the vocab calls.)
const (
	maxSeenWords      = 1 << 16 // the scale of a cache: its table holds up to 1.5 times as many
	wordCacheMinSlots = 1 << 12
	wordCacheMaxSlots = 2 * maxSeenWords
	wordCacheMaxLong  = maxSeenWords / 8
)

// id returns v.id(w), from the cache when w is in it.
func (c *wordCache) id(w string, v *vocab) uint32 {
	if len(w) > wordCacheKey {
		return c.longID(w, v)
	}
	if c.slots == nil {
		for i := range c.seed {
			c.seed[i] = maphash.Comparable(maphash.MakeSeed(), i)
		}
		c.slots = make([]cacheSlot, wordCacheMinSlots)
	}
	k := makeCacheKey(w)
	h := c.hash(&k)
	tag := uint32(h) | 1
	mask := uint64(len(c.slots) - 1)
	for i := h >> 32 & mask; ; i = (i + 1) & mask {
		s := &c.slots[i]
		if s.tag == tag && s.key == k {
			return s.id
		}
		if s.tag == 0 {
			id := v.id(w)
			if c.n < len(c.slots)/4*3 {
				*s = cacheSlot{tag: tag, id: id, key: k}
				c.n++
				if c.n == len(c.slots)/4*3 && len(c.slots) < wordCacheMaxSlots {
					c.grow()
				}
			}
			return id
		}
	}
}

// tokenID returns v.id(t.Norm). The word of a word list (t.kw is not 0),
// more than half the words of a text, is found by t.kw, which tokenize looked up:
// an index into byKw, where id hashes t.Norm and probes the table. t.kw
// must be lookupWord(t.Norm), as in every token of tokenize.
func (c *wordCache) tokenID(t *token, v *vocab) uint32 {
	if t.kw == 0 {
		return c.id(t.Norm, v)
	}
	if c.byKw == nil {
		c.byKw = make([]uint32, len(wordInfos))
	}
	if id := c.byKw[t.kw]; id != 0 {
		return id - 1
	}
	id := c.id(t.Norm, v)
	c.byKw[t.kw] = id + 1 // ids are below 1<<31 (see vocab)
	return id
}

// longID is id for a word too long for a slot.
func (c *wordCache) longID(w string, v *vocab) uint32 {
	id, ok := c.long[w]
	if !ok {
		id = v.id(w)
		if c.long == nil {
			c.long = make(map[string]uint32)
		}
		if len(c.long) < wordCacheMaxLong {
			c.long[w] = id
		}
	}
	return id
}

// grow doubles the table, placing its words anew.
func (c *wordCache) grow() {
	old := c.slots
	c.slots = make([]cacheSlot, 2*len(old))
	mask := uint64(len(c.slots) - 1)
	for j := range old {
		s := &old[j]
		if s.tag == 0 {
			continue
		}
		i := c.hash(&s.key) >> 32 & mask
		for c.slots[i].tag != 0 {
			i = (i + 1) & mask
		}
		c.slots[i] = *s
	}
}
