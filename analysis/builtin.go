package analysis

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
)

var (
	// places is the gazetteer of place names, lower case.
	places = map[string]bool{}
	// placeAcronyms are places written in capitals ("AS", "UK"), lower case
	// here; places.txt lists them with a leading "=".
	placeAcronyms = map[string]bool{}
	// knownOutlets maps outletKey(alias) to the canonical outlet or agency name.
	knownOutlets = map[string]string{}
	// creditOnlyOutlets are aliases that are also common words ("antara",
	// "tempo"), used only in credit lines; outlets.tsv marks them with "~".
	creditOnlyOutlets = map[string]string{}
)

func init() {
	loadWordLists()
	finishRules()
	buildWordIndex() // from the lists, once they are complete
}

func loadWordLists() {
	if b, err := fs.ReadFile(lexiconFS, "lexicon/places.txt"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			switch {
			case l == "" || strings.HasPrefix(l, "#"):
			case strings.HasPrefix(l, "="):
				placeAcronyms[strings.ToLower(strings.TrimPrefix(l, "="))] = true
			default:
				places[strings.ToLower(l)] = true
			}
		}
	}
	if b, err := fs.ReadFile(lexiconFS, "lexicon/outlets.tsv"); err == nil {
		scanTSV(bytes.NewReader(b), "lexicon/outlets.tsv", "reading outlets", func(_ int, f []string) error {
			switch {
			case len(f) < 2:
			case strings.HasPrefix(f[0], "~"):
				creditOnlyOutlets[outletKey(f[0])] = strings.TrimSpace(f[1])
			default:
				knownOutlets[outletKey(f[0])] = strings.TrimSpace(f[1])
				if _, ok := knownOutlets[outletKey(f[1])]; !ok {
					knownOutlets[outletKey(f[1])] = strings.TrimSpace(f[1])
				}
			}
			return nil
		})
	}
}

// BuiltinLexicon returns the built-in packs for the given languages (all when none given).
func BuiltinLexicon(langs ...string) (*Lexicon, error) {
	if len(langs) == 0 {
		langs = Languages
	}
	l := NewLexicon()
	for _, lang := range langs {
		b, err := fs.ReadFile(lexiconFS, "lexicon/"+lang+".tsv")
		if err != nil {
			return nil, fmt.Errorf("built-in lexicon %q: %w", lang, err)
		}
		terms, err := ParseLexicon(bytes.NewReader(b), "builtin:"+lang)
		if err != nil {
			return nil, err
		}
		for _, t := range terms {
			if t.Language == "" {
				t.Language = lang
			}
		}
		l.Add("builtin:"+lang, terms)
	}
	return l, nil
}
