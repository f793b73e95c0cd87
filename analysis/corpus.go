package analysis

import "fmt"

// Article is one article as read from the corpus, before analysis.
type Article struct {
	// ID is unique within the corpus: the front-matter or JSONL "id" when
	// given, else the file name without extension, else "file:line" for JSONL.
	ID string
	// Path is the file the article came from, as found while walking the corpus.
	Path string
	// Line is the 1-based line of a JSON Lines record, 0 for text files.
	Line int
	// Text is the article text as read, decoded to UTF-8 (byte-order mark
	// removed). For text files it is the whole file including any front
	// matter; for JSONL it is the text field. All offsets refer to Text.
	Text string
	// BodyStart is the offset in Text where the article body begins (after front matter).
	BodyStart int
	// Fields given by front matter or JSONL; "" when absent.
	Outlet, Title, Date, URL, Language string
	// OutletField names where Outlet came from: "front_matter" or "jsonl:<field>".
	OutletField string
	// Credits given in front matter ("credits: A, B").
	Credits []string
	// SHA256 is the hex SHA-256 of the raw bytes of the file or JSONL line.
	SHA256 string
}

// Corpus is a set of articles read from files and folders.
type Corpus struct {
	// Articles in reading order: paths as given, folders walked in lexical order.
	Articles []*Article
	// LexiconFiles and SpeakerFiles are the lexicon.tsv and speakers.tsv
	// files found inside corpus folders, in reading order.
	LexiconFiles []string
	SpeakerFiles []string
	// Warnings are problems that did not stop reading (skipped files, bad JSONL lines).
	Warnings []Warning
}

// ParseError is an input problem that stops a run. It prints as "path:line: msg".
type ParseError struct {
	Path string
	Line int // 0 when the problem concerns the whole file
	Msg  string
	Err  error // underlying error, if any
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
