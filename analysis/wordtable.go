package analysis

import "math/bits"

// A wordTable finds a word among a fixed set of words (keys) and returns
// its position there. It does what a map[string]uint32 does, for the one
// lookup of each token of a text, with a cheaper hash of short strings
// and, for a word that is not a key, mostly no comparison of strings.
type wordTable struct {
	keys  []string
	slots []wordSlot // open addressing, linear probing; len a power of two
	shift uint       // 64 - log2(len(slots))
}

// wordSlot is a slot of a wordTable: tag is 0 when it is empty, else the
// low half of the key's hash with its lowest bit set (the slot is picked
// by the high bits); k is the key's position in keys.
type wordSlot struct {
	tag, k uint32
}

// newWordTable returns the table of keys, which must be distinct.
func newWordTable(keys []string) *wordTable {
	n := 16
	for n < 2*len(keys) { // at most half full
		n *= 2
	}
	t := &wordTable{keys: keys, slots: make([]wordSlot, n), shift: uint(64 - bits.TrailingZeros(uint(n)))}
	for k, w := range keys {
		h := hashWord(w)
		tag := uint32(h) | 1
		for i := h >> t.shift; ; i = (i + 1) & uint64(n-1) {
			if t.slots[i].tag == 0 {
				t.slots[i] = wordSlot{tag, uint32(k)}
				break
			}
		}
	}
	return t
}

// lookup returns the position of w in the keys of t; ok is false when w
// is not one of them.
func (t *wordTable) lookup(w string) (k uint32, ok bool) {
	h := hashWord(w)
	tag := uint32(h) | 1
	mask := uint64(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.tag == 0 {
			return 0, false
		}
		if s.tag == tag && t.keys[s.k] == w {
			return s.k, true
		}
	}
}

// hashWord hashes a string: its first and last eight bytes (or, when
// shorter, overlapping parts that together hold every byte) and its
// length, mixed by one wide multiplication.
func hashWord(w string) uint64 {
	n := len(w)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = load64(w), load64(w[n-8:])
	case n >= 4:
		a, b = uint64(load32(w)), uint64(load32(w[n-4:]))
	case n > 0:
		a = uint64(w[0])<<16 | uint64(w[n/2])<<8 | uint64(w[n-1])
	}
	hi, lo := bits.Mul64(a^0x9e3779b97f4a7c15, b^uint64(n)^0xc2b2ae3d27d4eb4f)
	return hi ^ lo
}

// load64 returns the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 returns the first four bytes of s, little-endian.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
