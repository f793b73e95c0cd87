package analysis

import "embed"

// lexiconFS holds the built-in lexicon packs (id.tsv, en.tsv), the
// gazetteer of place names (places.txt) and the list of outlets and
// agencies (outlets.tsv).
//
//go:embed lexicon/*.tsv lexicon/*.txt
var lexiconFS embed.FS
