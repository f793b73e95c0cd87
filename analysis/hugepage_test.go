package analysis

import "testing"

// TestAdviseHuge checks that the advice leaves slices of every size, and
// what is written to them, as they are.
func TestAdviseHuge(t *testing.T) {
	adviseHuge([]int32(nil))
	adviseHuge(make([]uint32, 0, 4))
	s := make([]uint32, 3<<20) // 12 MB: whole huge pages inside
	adviseHuge(s)
	adviseHuge(s[:0])
	for i := range s {
		s[i] = uint32(i)
	}
	for i, v := range s {
		if v != uint32(i) {
			t.Fatalf("s[%d] = %d after adviseHuge", i, v)
		}
	}
}
