package analysis

// The closed word lists (langRules, the gazetteer, weekdays and months)
// are looked up once per token: tokenize stores in token.kw the index of
// the token's Norm in wordInfos, and the tests of the attribution code
// read the bits there instead of looking the Norm up in each list.

// wordFlag is a bit of wordInfo.lang: a word's membership in one of the
// lists of a langRules.
type wordFlag uint32

// The lists of a langRules, by field.
const (
	wFrameCue wordFlag = 1 << iota
	wAccordingFirst
	wAccordingPron
	wThat
	wPronoun
	wSkip
	wCoord
	wRole
	wTitle
	wOrgWord
	wNPStop
	wStop
	wInstitution
	wDet
	wPP
	wIn
	wAs
	wOf
	wFunction
)

// Bits of wordInfo.global: lists of every language.
const (
	gPlace        uint8 = 1 << iota // places
	gPlaceHead                      // placeHeads
	gPlaceAcronym                   // placeAcronyms
	gWeekday                        // weekdays
)

// wordInfo is what the word lists hold of one word.
type wordInfo struct {
	lang   [2]wordFlag // by langRules.index
	verb   [2]uint8    // the verbClass in langRules.verbs, by langRules.index
	month  uint8       // months
	global uint8       // gPlace, …
	// rules is the index in verbRules of the rule names of a verb of
	// either language, 0 for other words.
	rules uint16
}

// verbRule holds the names of the rules of frames at a reporting verb:
// "before:" and "after:" followed by the verb.
type verbRule struct{ before, after string }

// verbRules are the rule names of the verbs; verbRules[0] is empty.
var verbRules []verbRule

var (
	// wordInfos[0] is the zero wordInfo, of the words of no list.
	wordInfos []wordInfo
	// wordTab holds every word of a list, at its index in wordInfos; its
	// key 0 is "", no word.
	wordTab *wordTable
)

// wordList is a list of a langRules and its bit in wordInfo.lang.
type wordList struct {
	m    map[string]bool
	flag wordFlag
}

// wordLists returns the lists of lr that wordInfo.lang holds.
func (lr *langRules) wordLists() []wordList {
	return []wordList{
		{lr.frameCue, wFrameCue}, {lr.accordingFirst, wAccordingFirst}, {lr.accordingPron, wAccordingPron},
		{lr.that, wThat}, {lr.pronouns, wPronoun}, {lr.skip, wSkip}, {lr.coord, wCoord}, {lr.roles, wRole},
		{lr.titles, wTitle}, {lr.orgWords, wOrgWord}, {lr.npStop, wNPStop}, {lr.stop, wStop},
		{lr.institutions, wInstitution}, {lr.det, wDet}, {lr.pp, wPP}, {lr.in, wIn}, {lr.as, wAs},
		{lr.of, wOf}, {lr.functionWords, wFunction},
	}
}

// lookupWord returns the index in wordInfos of w, 0 when no list holds it.
func lookupWord(w string) uint32 {
	k, _ := wordTab.lookup(w)
	return k
}

// buildWordIndex fills wordInfos and wordTab from the lists. It runs
// once, after the lists are complete (see init in builtin.go).
func buildWordIndex() {
	wordIndex := make(map[string]uint32) // the index in wordInfos of every word of a list
	wordInfos = []wordInfo{{}}
	info := func(w string) *wordInfo {
		k, ok := wordIndex[w]
		if !ok {
			k = uint32(len(wordInfos))
			wordIndex[w] = k
			wordInfos = append(wordInfos, wordInfo{})
		}
		return &wordInfos[k]
	}
	verbRules = []verbRule{{}}
	for _, lr := range []*langRules{rulesID, rulesEN} {
		for w, c := range lr.verbs {
			in := info(w)
			in.verb[lr.index] = uint8(c)
			if in.rules == 0 {
				if len(verbRules) > 1<<16-1 {
					panic("too many verbs")
				}
				in.rules = uint16(len(verbRules))
				verbRules = append(verbRules, verbRule{"before:" + w, "after:" + w})
			}
		}
		for _, l := range lr.wordLists() {
			for w, ok := range l.m {
				if ok {
					info(w).lang[lr.index] |= l.flag
				}
			}
		}
	}
	for _, l := range []struct {
		m    map[string]bool
		flag uint8
	}{{places, gPlace}, {placeHeads(), gPlaceHead}, {placeAcronyms, gPlaceAcronym}, {weekdays, gWeekday}} {
		for w, ok := range l.m {
			if ok {
				info(w).global |= l.flag
			}
		}
	}
	for w, m := range months {
		if m < 0 || m > 255 {
			panic("month out of range") // months are 1 to 12
		}
		info(w).month = uint8(m)
	}
	keys := make([]string, len(wordInfos)) // keys[0] is "", which no list holds
	for w, k := range wordIndex {
		keys[k] = w
	}
	wordTab = newWordTable(keys)
}

// info returns what the word lists hold of the token's Norm.
func (t *token) info() *wordInfo { return &wordInfos[t.kw] }

// is reports whether the token's Norm is in the list of lr with flag f.
func (lr *langRules) is(t *token, f wordFlag) bool { return t.info().lang[lr.index]&f != 0 }

// verbOf is lr.verbs[t.Norm].
func (lr *langRules) verbOf(t *token) verbClass { return verbClass(t.info().verb[lr.index]) }

// isWeekday is weekdays[t.Norm].
func (t *token) isWeekday() bool { return t.info().global&gWeekday != 0 }

// month is months[t.Norm].
func (t *token) month() int { return int(t.info().month) }

// rule returns the rule names of frames at the token, a verb of some language.
func (t *token) rule() verbRule { return verbRules[t.info().rules] }
