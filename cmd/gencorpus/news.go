package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/framelens/framelens/analysis"
)

// articleBytes is the mean size of an article's JSON record; a corpus of
// N MB has about N*1e6/articleBytes articles.
const articleBytes = 6300

// articlesPerStory is the mean number of articles about one story.
const articlesPerStory = 8

// news writes the default corpus; see the package comment.
type news struct {
	seed    uint64
	outlets int
	limit   int64
	stories int
	// terms are the built-in lexicon's terms by language, as they are
	// written in running text (a final "*" dropped).
	terms map[string][]string
}

func newNews(seed uint64, outlets int, limit int64) *news {
	lex, err := analysis.BuiltinLexicon()
	if err != nil {
		panic(err) // the built-in packs always parse
	}
	terms := map[string][]string{}
	for _, t := range lex.Terms() {
		terms[t.Language] = append(terms[t.Language], strings.TrimSuffix(t.Term, "*"))
	}
	for _, l := range terms {
		sort.Strings(l)
	}
	return &news{seed: seed, outlets: outlets, limit: limit, stories: max(1, int(limit/articleBytes/articlesPerStory)), terms: terms}
}

func (n *news) write(w *bufio.Writer) {
	rng := rand.New(rand.NewPCG(n.seed, 3))
	// A few outlets publish much more than most, as in a real market.
	outlet := rand.NewZipf(rng, 1.2, 8, uint64(n.outlets-1))
	// A few stories (a summit, a disaster) get hundreds of articles; most
	// get a handful.
	story := rand.NewZipf(rng, 1.1, 20, uint64(n.stories-1))
	var written int64
	for i := 0; written < n.limit; i++ {
		o := fmt.Sprintf("Warta %03d", outlet.Uint64())
		st := n.story(int(story.Uint64()))
		text, title := n.article(rng, st, o)
		rec := struct {
			ID       string `json:"id"`
			Outlet   string `json:"outlet"`
			Title    string `json:"title"`
			Date     string `json:"date"`
			Language string `json:"language,omitempty"`
			Text     string `json:"text"`
		}{fmt.Sprintf("a%07d", i), o, title, st.date, "", text}
		if rng.IntN(2) == 0 {
			rec.Language = st.lang // half the records say their language; the rest are detected
		}
		written += writeRecord(w, rec)
	}
}

// person is someone quoted in a story.
type person struct {
	full  string // with title, for the first mention: "Menteri Luar Negeri Teresa Villanueva"
	short string // later mentions: "Villanueva"
}

// story is one event that several outlets cover.
type story struct {
	lang   string
	place  string
	date   string
	people []person
	agency string
	wire   []string // the agency's text, one sentence per element
	topics []string // names of the story's own: a place, a company, a bill
}

// story returns story k, the same every time it is asked for.
func (n *news) story(k int) *story {
	rng := rand.New(rand.NewPCG(n.seed, uint64(k)+1<<32))
	st := &story{lang: "id", place: pick(rng, places), date: fmt.Sprintf("2023-09-%02d", 1+rng.IntN(30))}
	if rng.IntN(10) == 0 {
		st.lang = "en"
	}
	for range 2 + rng.IntN(3) {
		st.people = append(st.people, newPerson(rng, st.lang))
	}
	st.agency = pick(rng, agencies)
	for range 2 + rng.IntN(2) {
		st.topics = append(st.topics, capital(tail(rng)))
	}
	s := n.sentences(st)
	for range 6 + rng.IntN(5) {
		st.wire = append(st.wire, s.wireSentence(rng))
	}
	return st
}

func newPerson(rng *rand.Rand, lang string) person {
	last := pick(rng, lastNames)
	name := pick(rng, firstNames) + " " + last
	if lang == "en" {
		return person{pick(rng, titlesEN) + " " + name, last}
	}
	return person{pick(rng, titlesID) + " " + name, last}
}

// article returns the text and title of one article about st.
func (n *news) article(rng *rand.Rand, st *story, outlet string) (string, string) {
	s := n.sentences(st)
	var b strings.Builder
	site := strings.ToUpper(strings.ReplaceAll(outlet, " ", ""))
	if st.lang == "en" {
		fmt.Fprintf(&b, "%s (%s) - ", strings.ToUpper(st.place), outlet)
	} else {
		fmt.Fprintf(&b, "%s, %s.com - ", strings.ToUpper(st.place), site)
	}
	target := 2000 + rng.IntN(8000)
	wireAt, credited := -1, false
	if rng.IntN(5) < 2 {
		wireAt, credited = rng.IntN(3), rng.IntN(2) == 0
	}
	mentioned := map[int]bool{}
	for p := 0; b.Len() < target; p++ {
		if p == wireAt {
			from := rng.IntN(len(st.wire) - 1)
			to := min(len(st.wire), from+2+rng.IntN(4))
			for _, w := range st.wire[from:to] {
				b.WriteString(w)
				b.WriteString("\n\n")
			}
			continue
		}
		if rng.IntN(14) == 0 {
			b.WriteString(s.chrome(rng))
			b.WriteString("\n\n")
			continue
		}
		for k := range 1 + rng.IntN(3) {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s.sentence(rng, mentioned))
		}
		b.WriteString("\n\n")
	}
	if credited {
		if st.lang == "en" {
			fmt.Fprintf(&b, "(%s)", st.agency)
		} else {
			fmt.Fprintf(&b, "(sumber: %s)", st.agency)
		}
	} else if rng.IntN(4) == 0 {
		b.WriteString(s.chrome(rng))
	}
	return b.String(), capital(s.clause(rng))
}

// sentences composes the sentences of one story's articles.
type sentences struct {
	st    *story
	terms []string // the lexicon terms of the story's language
}

func (n *news) sentences(st *story) *sentences {
	return &sentences{st: st, terms: n.terms[st.lang]}
}

// who returns how to name person k: in full at the first mention, by
// short name or pronoun after.
func (s *sentences) who(k int, mentioned map[int]bool) string {
	p := s.st.people[k]
	if mentioned == nil || !mentioned[k] {
		if mentioned != nil {
			mentioned[k] = true
		}
		return p.full
	}
	return p.short
}

// term returns a lexicon term of the story's language.
func (s *sentences) term(rng *rand.Rand) string { return pick(rng, s.terms) }

// clause returns a statement: subject, action, object and circumstance,
// sometimes with a loaded term or hedge.
func (s *sentences) clause(rng *rand.Rand) string {
	if s.st.lang == "en" {
		c := "the " + pick(rng, subjectsEN) + " " + pick(rng, subjectHeadsEN) + " " + pick(rng, verbsEN) + " the " + pick(rng, objectsEN) + " " + pick(rng, objectHeadsEN)
		if rng.IntN(2) == 0 {
			c += " of " + capital(tail(rng))
		}
		switch rng.IntN(5) {
		case 0:
			c += " in " + pick(rng, places)
		case 1:
			c += fmt.Sprintf(" worth $%d million", 2+rng.IntN(900))
		case 2:
			c += ", which critics called " + s.term(rng) + ","
		case 3:
			c += " near " + capital(tail(rng))
		case 4:
			c += " with " + pick(rng, s.st.topics)
		}
		return c + " " + pick(rng, whenEN)
	}
	c := pick(rng, subjectsID) + " " + pick(rng, subjectModsID) + " " + pick(rng, verbsID) + " " + pick(rng, objectsID) + " " + pick(rng, objectModsID)
	if rng.IntN(2) == 0 {
		c += " " + tail(rng)
	}
	switch rng.IntN(6) {
	case 0:
		c += " di " + pick(rng, places)
	case 1:
		c += fmt.Sprintf(" senilai Rp%d,%d triliun", 1+rng.IntN(90), rng.IntN(10))
	case 2:
		c += " yang disebut " + s.term(rng)
	case 3:
		c += fmt.Sprintf(" bagi %d warga", 100+rng.IntN(9900))
	case 4:
		c += " terkait " + tail(rng)
	case 5:
		c += " bersama " + pick(rng, s.st.topics)
	}
	return c + " " + pick(rng, whenID)
}

// sentence returns one sentence of an article: reported speech, a direct
// or partial quote, or narration.
func (s *sentences) sentence(rng *rand.Rand, mentioned map[int]bool) string {
	k := rng.IntN(len(s.st.people))
	if s.st.lang == "en" {
		switch rng.IntN(9) {
		case 0:
			return capital(fmt.Sprintf("%s said %s.", s.who(k, mentioned), s.clause(rng)))
		case 2:
			return fmt.Sprintf("\u201c%s,\u201d %s told reporters.", capital(s.clause(rng)), s.who(k, mentioned))
		case 3:
			return capital(fmt.Sprintf("%s described the %s %s as \u201c%s\u201d.", s.who(k, mentioned), pick(rng, objectsEN), pick(rng, objectHeadsEN), s.term(rng)))
		default:
			return s.narration(rng)
		}
	}
	switch rng.IntN(10) {
	case 0:
		return capital(fmt.Sprintf("%s %s bahwa %s.", s.who(k, mentioned), pick(rng, saysID), s.clause(rng)))
	case 2:
		return fmt.Sprintf("\u201c%s,\u201d %s %s %s.", capital(s.clause(rng)), pick(rng, saidID), s.who(k, mentioned), pick(rng, toWhomID))
	case 3:
		return fmt.Sprintf("Menurut %s, %s.", s.who(k, mentioned), s.clause(rng))
	case 4:
		return capital(fmt.Sprintf("%s menyebut %s %s itu \"%s\".", s.who(k, mentioned), pick(rng, objectsID), pick(rng, objectModsID), s.term(rng)))
	case 5:
		if mentioned[k] {
			return fmt.Sprintf("Ia menambahkan, %s.", s.clause(rng))
		}
		fallthrough
	default:
		return s.narration(rng)
	}
}

// narration returns a sentence of one or two clauses that quotes no one.
func (s *sentences) narration(rng *rand.Rand) string {
	c := capital(s.clause(rng))
	if rng.IntN(5) < 3 {
		if s.st.lang == "en" {
			c += pick(rng, []string{", while ", " because ", " after ", ", so ", " although "}) + s.clause(rng)
		} else {
			c += pick(rng, []string{", sementara ", " karena ", " setelah ", " sehingga ", " meski "}) + s.clause(rng)
		}
	}
	return c + "."
}

// wireSentence returns a sentence of the agency's text, with no pronoun
// (it may be carried alone).
func (s *sentences) wireSentence(rng *rand.Rand) string {
	return s.sentence(rng, nil)
}

// chrome returns a line of page furniture or a credit line.
func (s *sentences) chrome(rng *rand.Rand) string {
	switch rng.IntN(5) {
	case 0:
		return "Baca juga: " + capital(s.clause(rng))
	case 1:
		return "ADVERTISEMENT"
	case 2:
		return "Scroll untuk melanjutkan"
	case 3:
		return "Editor: " + pick(rng, firstNames) + " " + pick(rng, lastNames)
	default:
		return pick(rng, creditLines)
	}
}

// tailSize is the number of words of the vocabulary's long tail: the
// rare words, names and places that make a month of news hold hundreds of
// thousands of distinct words, drawn by Zipf's law.
const tailSize = 400_000

// tail returns a word of the long tail.
func tail(rng *rand.Rand) string {
	return tailWord(int(rand.NewZipf(rng, 1.02, 1, tailSize-1).Uint64()))
}

// tailWord returns word k of the long tail: three or more syllables of a
// consonant and a vowel, some with a final n; distinct for distinct k.
func tailWord(k int) string {
	const onsets, vowels = "bdghjklmnprstw", "aiueo"
	const syllables = len(onsets) * len(vowels)
	var b []byte
	for n := k + syllables*syllables; n > 0; n /= syllables {
		b = append(b, onsets[n%syllables/len(vowels)], vowels[n%len(vowels)])
	}
	if k%3 == 0 {
		b = append(b, 'n')
	}
	return string(b)
}

func pick[T any](rng *rand.Rand, l []T) T { return l[rng.IntN(len(l))] }

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
