package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refSpeakerIndex is speakerIndex resolving names by scanning every form,
// as it did before build indexed the keys by prefix and suffix; the test
// below checks that both give every name the same canonical form.
type refSpeakerIndex struct{ *speakerIndex }

func (x *refSpeakerIndex) dominant(c []string) string { return x.speakerIndex.dominant(c) }

func (x *refSpeakerIndex) name(raw string) (string, string) {
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
		for fk := range x.forms {
			words := strings.Fields(fk)
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
func (x *refSpeakerIndex) foreign(words []string, name string) bool {
	for _, w := range words {
		if places[w] {
			return true
		}
		for fk := range x.forms {
			if fk == w || !strings.HasSuffix(fk, " "+name) && strings.HasSuffix(fk, " "+w) {
				return true
			}
		}
	}
	return false
}

// opensName reports whether the word opens a longer name form without
// closing any ("Serindra" in "Serindra Azman Hakimi"), as a country or
// organisation word does; a surname does not.
func (x *refSpeakerIndex) opensName(w string) bool {
	for fk := range x.forms {
		if strings.HasPrefix(fk, w+" ") {
			return true
		}
	}
	return false
}

func TestSpeakerIndexMatchesScan(t *testing.T) {
	words := []string{"Kim", "Jong", "Un", "Putin", "Vladimir", "Dela", "Cruz", "Ramon", "Serindra", "Azman", "Hakimi",
		"La", "Ode", "Arman", "Penjaga", "Pantai", "Rusia", "Jakarta", "Budi", "Santoso", "ketika", "Ketika", "Wa", "Hasnah"}
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 9))
		x := newSpeakerIndex(nil)
		var raws []string
		for range 1 + rng.IntN(40) {
			n := 1 + rng.IntN(4)
			w := make([]string, n)
			for i := range w {
				w[i] = words[rng.IntN(len(words))]
			}
			form := strings.Join(w, " ")
			if rng.IntN(6) == 0 {
				form = strings.ToUpper(form)
			}
			raws = append(raws, form)
			x.add(form, 1+rng.IntN(5))
		}
		x.build()
		ref := &refSpeakerIndex{newSpeakerIndex(nil)}
		ref.forms, ref.canon, ref.resolve = x.forms, x.canon, map[string]string{}
		for _, raw := range append(raws, "Kim", "Cruz", "Serindra Azman Hakimi", "Ode Arman") {
			got, _ := x.name(raw)
			want, _ := ref.name(raw)
			if got != want {
				t.Fatalf("seed %d: name(%q) = %q, scanning every form gives %q; forms %v", seed, raw, got, want, raws)
			}
		}
	}
}
