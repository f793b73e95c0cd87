package analysis

import "sync"

// vocabShards is the number of independently locked parts of a vocab, so
// that workers interning words at once rarely wait for each other.
const vocabShards = 64

// vocab interns word forms (token Norms) as small integers, so that the
// words of a whole corpus are kept as 4 bytes each instead of a token of
// 40. Ids stay below 1<<31 (the separators of reuse detection start there)
// for any vocabulary of fewer than two billion words. It is safe for
// concurrent use. Ids depend on the order in which
// words are first seen, which depends on scheduling: no output may depend
// on id values, only on id equality.
type vocab struct {
	shards [vocabShards]vocabShard
}

type vocabShard struct {
	mu    sync.Mutex
	ids   map[string]uint32
	words []string
}

// id returns the id of w, adding it if it is new.
func (v *vocab) id(w string) uint32 {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	sh := h % vocabShards
	s := &v.shards[sh]
	s.mu.Lock()
	id, ok := s.ids[w]
	if !ok {
		if s.ids == nil {
			s.ids = make(map[string]uint32)
		}
		id = uint32(len(s.words))*vocabShards + sh
		s.ids[w] = id
		s.words = append(s.words, w)
	}
	s.mu.Unlock()
	return id
}

// ids appends the ids of the Norms of toks to dst.
func (v *vocab) ids(dst []uint32, toks []token) []uint32 {
	for _, t := range toks {
		dst = append(dst, v.id(t.Norm))
	}
	return dst
}

// all returns the form of every id below size(), "" where no word has
// the id.
func (v *vocab) all() []string {
	out := make([]string, v.size())
	for i := range v.shards {
		s := &v.shards[i]
		s.mu.Lock()
		for j, w := range s.words {
			out[j*vocabShards+i] = w
		}
		s.mu.Unlock()
	}
	return out
}

// size returns one more than the largest id handed out, for tables
// indexed by id.
func (v *vocab) size() int {
	n := 0
	for i := range v.shards {
		s := &v.shards[i]
		s.mu.Lock()
		if len(s.words) > 0 {
			n = max(n, (len(s.words)-1)*vocabShards+i+1)
		}
		s.mu.Unlock()
	}
	return n
}
