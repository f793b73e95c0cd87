package analysis

// Schema is the identifier of the JSON document written by (*Result).WriteJSON.
const Schema = "framelens/v1"

// Voice values: who is speaking where a term occurs.
const (
	VoiceNarration  = "narration"   // the outlet's own words
	VoiceQuote      = "quote"       // inside quotation marks attributed to a speaker
	VoiceReported   = "reported"    // inside reported speech without quotation marks
	VoiceScareQuote = "scare_quote" // inside quotation marks with no speaker
)

// Quote kinds.
const (
	KindDirect   = "direct"   // a quoted clause
	KindPartial  = "partial"  // a short quoted phrase inside the outlet's sentence
	KindReported = "reported" // indirect speech without quotation marks
	KindScare    = "scare"    // quotation marks with no speaker; never counted in quote share
)

// Match kinds.
const (
	MatchLoaded = "loaded"
	MatchHedge  = "hedge"
)

// Result is the whole analysis of a corpus: the framelens/v1 JSON document.
// Every slice is non-nil and sorted deterministically, so that the same
// corpus always gives the same bytes. Quotes and matches, the bulk of a
// large result, are held compactly; their At and All methods give each
// one as a Quote or Match.
type Result struct {
	Schema    string            `json:"schema"`
	Generator string            `json:"generator"`
	Lexicon   LexiconInfo       `json:"lexicon"`
	Articles  []*ArticleResult  `json:"articles"`
	Outlets   []*OutletFeatures `json:"outlets"`
	Quotes    Quotes            `json:"quotes"`
	Matches   Matches           `json:"matches"`
	Warnings  []Warning         `json:"warnings"`
	// Reuse is the text shared word for word by articles of different outlets.
	Reuse *Reuse `json:"reuse"`
	// Credits links each outlet to the outlets and agencies its articles
	// credit, sorted by outlet, then credited.
	Credits []*CreditLink `json:"credits"`
	// Distinctive lists the words that set each outlet apart from the
	// others, sorted by outlet, then z descending.
	Distinctive []*Distinctive `json:"distinctive"`
	// Tests are chi-square tests of whether the outlets differ on loaded
	// terms, hedges and quoted words by speaker.
	Tests []*Test `json:"tests"`
}

// CreditLink is an outlet crediting another outlet or agency.
type CreditLink struct {
	Outlet   string `json:"outlet"`
	Credited string `json:"credited"`
	// Articles is the number of the outlet's articles that credit it.
	Articles int `json:"articles"`
}

// LexiconInfo identifies the lexicon an analysis used.
type LexiconInfo struct {
	// SHA256 is the hex SHA-256 of the effective lexicon as printed by
	// (*Lexicon).WriteTSV, so two runs with the same terms have the same hash.
	SHA256 string `json:"sha256"`
	// Terms is the number of effective terms.
	Terms int `json:"terms"`
	// Sources lists where the terms came from ("builtin:id", a file path), in load order.
	Sources []string `json:"sources"`
	// Used lists every term that matched at least once, sorted by language, category, term.
	Used []*Term `json:"used"`
}

// ArticleResult describes one article: its metadata, how its outlet was
// decided, what was removed as boilerplate and its size.
type ArticleResult struct {
	ID   string `json:"id"`
	Path string `json:"path"`
	// Line is the 1-based line of the record in a JSON Lines file, 0 for text files.
	Line int `json:"line,omitempty"`
	// Outlet is the canonical outlet name.
	Outlet string `json:"outlet"`
	// OutletSource is the rule that decided the outlet: "front_matter",
	// "jsonl:<field>", "dateline", "header", "folder" or "filename".
	OutletSource string `json:"outlet_source"`
	// OutletEvidence is the text the outlet was read from.
	OutletEvidence string `json:"outlet_evidence"`
	Title          string `json:"title"`
	Date           string `json:"date"`
	URL            string `json:"url"`
	// Language is "id" or "en".
	Language string `json:"language"`
	// LanguageSource is "given" or "detected".
	LanguageSource string `json:"language_source"`
	// Credits are the outlets or agencies this article relays or cites, canonical names, sorted.
	Credits []string `json:"credits"`
	// CreditEvidence gives the text behind each credit.
	CreditEvidence []*Credit `json:"credit_evidence"`
	// Words is the number of words in the body after boilerplate removal.
	Words int `json:"words"`
	// Sentences is the number of sentences in the body.
	Sentences int `json:"sentences"`
	// RemovedLines lists boilerplate removed before analysis, in text order.
	RemovedLines []*Removal `json:"removed_lines"`
	// SHA256 is the hex SHA-256 of the article's bytes as read.
	SHA256 string `json:"sha256"`
}

// Credit is one credit found in an article.
type Credit struct {
	// Credited is the canonical name of the credited outlet or agency.
	Credited string `json:"credited"`
	// Text is the matched mention, e.g. "(sumber: cnnindonesia.com)".
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Rule names the pattern that found it.
	Rule string `json:"rule"`
}

// Removal is one span of boilerplate removed before analysis: usually a
// whole line, sometimes a dateline prefix or a trailing byline.
type Removal struct {
	// Line is the 1-based line number in the article text.
	Line int `json:"line"`
	// Start and End are byte offsets into the article text.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Rule names why it was removed: "chrome", "related", "follow",
	// "byline", "caption", "credit", "dateline", "title", "date", "url".
	Rule string `json:"rule"`
}

// OutletFeatures holds the per-outlet aggregates.
type OutletFeatures struct {
	Outlet    string       `json:"outlet"`
	Articles  int          `json:"articles"`
	Words     int          `json:"words"`
	Sentences int          `json:"sentences"`
	Loaded    RateFeature  `json:"loaded"`
	Hedges    RateFeature  `json:"hedges"`
	Quotes    QuoteFeature `json:"quotes"`
}

// RateFeature is a count of lexicon matches with its rate per 1,000 words
// and an exact Poisson 95% interval for that rate.
type RateFeature struct {
	Count int `json:"count"`
	// Per1000Words is Count per 1,000 words of the outlet's text.
	Per1000Words float64 `json:"per_1000_words"`
	// CI95Low and CI95High bound Per1000Words (exact Poisson interval).
	CI95Low  float64     `json:"ci95_low"`
	CI95High float64     `json:"ci95_high"`
	ByVoice  VoiceCounts `json:"by_voice"`
	// ByCategory counts matches per lexicon category; categories with no match are absent.
	ByCategory map[string]int `json:"by_category"`
}

// VoiceCounts splits a count by voice.
type VoiceCounts struct {
	Narration  int `json:"narration"`
	Quote      int `json:"quote"`
	Reported   int `json:"reported"`
	ScareQuote int `json:"scare_quote"`
}

// QuoteFeature summarises an outlet's quotes.
type QuoteFeature struct {
	// Count is the number of direct and partial quotes (scare quotes excluded).
	Count int `json:"count"`
	// Words is the number of quoted words in direct and partial quotes.
	Words int `json:"words"`
	// Reported is the number of reported statements.
	Reported int `json:"reported"`
	// BySpeaker is sorted by Words descending, then Reported descending, then Speaker.
	BySpeaker []*SpeakerShare `json:"by_speaker"`
}

// SpeakerShare is one speaker's part of an outlet's quotes.
type SpeakerShare struct {
	Speaker     string `json:"speaker"`
	Affiliation string `json:"affiliation"`
	// Quotes is the number of direct and partial quotes.
	Quotes int `json:"quotes"`
	// Words is the number of quoted words.
	Words int `json:"words"`
	// Share is Words divided by the outlet's quoted words (0 when it has none).
	Share float64 `json:"share"`
	// CI95Low and CI95High bound Share (Jeffreys interval over quoted words).
	CI95Low  float64 `json:"ci95_low"`
	CI95High float64 `json:"ci95_high"`
	// Reported is the number of reported statements by this speaker.
	Reported int `json:"reported"`
}

// Quote is one quoted or reported statement, with its evidence.
type Quote struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	// Kind is KindDirect, KindPartial, KindReported or KindScare.
	Kind string `json:"kind"`
	// Speaker is the canonical speaker name ("" for scare quotes).
	Speaker string `json:"speaker"`
	// SpeakerMention is the words the article used for the speaker
	// (for a pronoun, the pronoun itself).
	SpeakerMention string `json:"speaker_mention"`
	Affiliation    string `json:"affiliation"`
	// Text is the quoted words without the quotation marks, or the content of a reported statement.
	Text string `json:"text"`
	// Words is the number of words in Text.
	Words int `json:"words"`
	// Start and End are byte offsets of Text in the article text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Sentence is the sentence (or sentences) holding the quote.
	Sentence      string `json:"sentence"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
	// Rule names how the speaker was found, e.g. "after:kata", "before:mengatakan", "colon", "pronoun", "none".
	Rule string `json:"rule"`
}

// Match is one occurrence of a lexicon term, with its evidence.
type Match struct {
	Article string `json:"article"`
	Outlet  string `json:"outlet"`
	// Kind is MatchLoaded or MatchHedge.
	Kind string `json:"kind"`
	// Term is the lexicon entry as written (possibly ending in "*").
	Term     string `json:"term"`
	Category string `json:"category"`
	// Voice is VoiceNarration, VoiceQuote, VoiceReported or VoiceScareQuote.
	Voice string `json:"voice"`
	// Text is the matched words as they appear in the article.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Sentence is the sentence holding the match.
	Sentence      string `json:"sentence"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
	// Source is where the term is defined, e.g. "builtin:id:57" or "my.tsv:3".
	Source string `json:"source"`
}

// Warning is a non-fatal problem with one article or input file.
type Warning struct {
	// Article is the article id, or "" when the problem is with a file.
	Article string `json:"article"`
	// Path and Line locate the problem in the input (Line 0: whole file).
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// Term is one lexicon entry.
type Term struct {
	// Term is the surface form, lower case; words separated by single
	// spaces; a final "*" matches any suffix of the last word.
	Term string `json:"term"`
	// Category is e.g. "loaded.label" or "hedge.epistemic".
	Category string `json:"category"`
	// Language is "id" or "en".
	Language string `json:"language"`
	Note     string `json:"note"`
	// Source is where the entry was read, "builtin:id:57" or "path:line".
	Source string `json:"source"`
}
