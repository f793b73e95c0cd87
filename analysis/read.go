package analysis

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ReadOptions controls ReadCorpus. The zero value is ready to use; a nil
// *ReadOptions means the zero value.
type ReadOptions struct {
	// Strict turns malformed JSONL lines and undecodable files into errors instead of warnings.
	Strict bool
}

// Messages of the warnings and errors of the reader.
const (
	msgSkippedExt    = "skipped: not a .txt, .md or .jsonl file"
	msgSkippedBinary = "skipped: binary file"
	msgSkippedEmpty  = "skipped: empty article"
	msgWindows1252   = "not valid UTF-8; decoded as Windows-1252"
	msgNoTextField   = "no text field (looked for text, maintext, content, body)"
)

// Limits of the reader.
const (
	frontMatterMaxLen = 200     // lines of a front-matter block, both "---" lines included
	binarySniffLen    = 8 << 10 // bytes searched for a NUL to tell a binary file
)

// Field aliases of a JSON Lines record, first found wins.
var (
	jsonlOutletFields = []string{"outlet", "media_name", "source", "source_domain", "publisher"}
	jsonlTextFields   = []string{"text", "maintext", "content", "body"}
	jsonlDateFields   = []string{"date", "publish_date", "date_publish"}
)

// ReadCorpus reads the articles in paths (files or folders) from the OS file system.
//
// A folder is walked recursively in lexical order. Inside it, .txt and .md
// files are text articles (see ReadText), .jsonl files hold one article per
// line (see ReadJSONL), lexicon.tsv and speakers.tsv (any case) are listed
// in Corpus.LexiconFiles and Corpus.SpeakerFiles, hidden files and folders
// (names starting with ".") are skipped silently and other files are
// skipped with a warning. Symbolic links to folders are not followed.
// A path given as a file is always read: as JSON Lines when its name ends
// in .jsonl, else as a text article (lexicon.tsv and speakers.tsv excepted).
//
// Article.Path is the path as found, with forward slashes. Errors are
// *ParseError: a path that does not exist, an unreadable file, a malformed
// front-matter block, a corpus without articles and, with opts.Strict, a
// malformed JSONL line or an undecodable file. The one error that is not a
// *ParseError is the one for an empty paths list.
func ReadCorpus(paths []string, opts *ReadOptions) (*Corpus, error) {
	if len(paths) == 0 {
		return nil, errors.New("no corpus paths given")
	}
	if opts == nil {
		opts = &ReadOptions{}
	}
	c := &Corpus{Articles: []*Article{}, LexiconFiles: []string{}, SpeakerFiles: []string{}, Warnings: []Warning{}}
	for _, p := range paths {
		if err := readCorpusPath(c, p, opts); err != nil {
			return nil, err
		}
	}
	if len(c.Articles) == 0 {
		where := make([]string, len(paths))
		for i, p := range paths {
			where[i] = filepath.ToSlash(p)
		}
		msg := "no articles found"
		if len(c.Warnings) > 0 {
			w := c.Warnings[0]
			first := &ParseError{Path: w.Path, Line: w.Line, Msg: w.Message}
			msg = fmt.Sprintf("no articles found (%d warnings; first: %v)", len(c.Warnings), first)
		}
		return nil, &ParseError{Path: strings.Join(where, ", "), Msg: msg}
	}
	return c, nil
}

// readCorpusPath reads one path given by the user into c.
func readCorpusPath(c *Corpus, p string, opts *ReadOptions) error {
	fi, err := os.Stat(p)
	if err != nil {
		return fsError(p, err)
	}
	switch {
	case fi.IsDir():
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// WalkDir does not descend into a symbolic link, even as its root;
			// a trailing separator makes Lstat see the folder behind it.
			root = p + string(filepath.Separator)
		}
		return walkCorpus(c, root, opts)
	case fi.Mode().IsRegular():
		return readCorpusFile(c, p, true, opts)
	default:
		return &ParseError{Path: filepath.ToSlash(p), Msg: "not a regular file or folder"}
	}
}

// walkCorpus reads the folder root recursively, in lexical order.
func walkCorpus(c *Corpus, root string, opts *ReadOptions) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fsError(p, err)
		}
		if p == root {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			return nil
		}
		if hidden {
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			switch {
			case err != nil:
				c.Warnings = append(c.Warnings, fileWarning(p, "skipped: broken symbolic link: "+errMsg(err)))
				return nil
			case fi.IsDir():
				c.Warnings = append(c.Warnings, fileWarning(p, "skipped: symbolic link to a folder is not followed"))
				return nil
			}
			mode = fi.Mode().Type()
		}
		if !mode.IsRegular() {
			c.Warnings = append(c.Warnings, fileWarning(p, "skipped: not a regular file"))
			return nil
		}
		return readCorpusFile(c, p, false, opts)
	})
}

// readCorpusFile reads one file into c. Files given by the user (explicit)
// are read as text whatever their extension; files found in a folder are
// skipped unless they are .txt, .md or .jsonl.
func readCorpusFile(c *Corpus, p string, explicit bool, opts *ReadOptions) error {
	name := strings.ToLower(filepath.Base(p))
	switch name {
	case "lexicon.tsv":
		c.LexiconFiles = append(c.LexiconFiles, filepath.ToSlash(p))
		return nil
	case "speakers.tsv":
		c.SpeakerFiles = append(c.SpeakerFiles, filepath.ToSlash(p))
		return nil
	}
	switch ext := filepath.Ext(name); {
	case ext == ".jsonl":
		return readJSONLFile(c, p, opts)
	case ext == ".txt" || ext == ".md" || explicit:
		data, err := os.ReadFile(p)
		if err != nil {
			return fsError(p, err)
		}
		a, warns, err := readText(p, data, opts.Strict)
		c.Warnings = append(c.Warnings, warns...)
		if err != nil {
			return err
		}
		if a != nil {
			c.Articles = append(c.Articles, a)
		}
		return nil
	default:
		c.Warnings = append(c.Warnings, fileWarning(p, msgSkippedExt))
		return nil
	}
}

// readJSONLFile reads the JSON Lines file p into c.
func readJSONLFile(c *Corpus, p string, opts *ReadOptions) error {
	f, err := os.Open(p)
	if err != nil {
		return fsError(p, err)
	}
	defer f.Close()
	warns, err := ReadJSONL(p, f, opts, func(a *Article) error {
		c.Articles = append(c.Articles, a)
		return nil
	})
	c.Warnings = append(c.Warnings, warns...)
	return err
}

// ReadText parses one text article (.txt/.md) from its raw bytes.
//
// The bytes are decoded to UTF-8: a UTF-8 byte-order mark is removed, a
// UTF-16 (LE or BE) byte-order mark selects UTF-16, and bytes that are not
// valid UTF-8 are decoded as Windows-1252 with a warning. Line endings are
// kept as they are. The text may start with a front-matter block between two
// "---" lines of "key: value" (keys outlet, title, date, url, language or
// lang, credits or credit, id; values optionally quoted; blank and "#"
// lines allowed); unknown keys are ignored with a warning.
//
// ReadText returns a nil *Article and a warning for a file to skip: a binary
// file (a NUL byte in its first 8 KB) or one with nothing but white space in
// its body. A malformed front-matter block is a *ParseError with its line.
func ReadText(path string, data []byte) (*Article, []Warning, error) {
	return readText(path, data, false)
}

// readText is ReadText; strict makes an undecodable file an error.
func readText(p string, data []byte, strict bool) (*Article, []Warning, error) {
	slashPath := filepath.ToSlash(p)
	skip := func(msg string) (*Article, []Warning, error) {
		if strict && msg == msgSkippedBinary {
			return nil, nil, &ParseError{Path: slashPath, Msg: "binary file"}
		}
		return nil, []Warning{{Path: slashPath, Message: msg}}, nil
	}
	var warns []Warning
	var text string
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		text = string(data[3:])
		if !utf8.ValidString(text) {
			// A UTF-8 byte-order mark promises UTF-8; replace what is not.
			text = strings.ToValidUTF8(text, "\uFFFD")
			warns = append(warns, Warning{Path: slashPath, Message: "not valid UTF-8 after a UTF-8 byte-order mark; invalid bytes replaced"})
		}
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		order := unicode.LittleEndian
		if data[0] == 0xfe {
			order = unicode.BigEndian
		}
		b, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data[2:])
		if err != nil {
			if strict {
				return nil, nil, &ParseError{Path: slashPath, Msg: "cannot decode UTF-16: " + err.Error(), Err: err}
			}
			return nil, []Warning{{Path: slashPath, Message: "skipped: cannot decode UTF-16: " + err.Error()}}, nil
		}
		text = string(b)
	default:
		if bytes.IndexByte(data[:min(len(data), binarySniffLen)], 0) >= 0 {
			return skip(msgSkippedBinary)
		}
		if utf8.Valid(data) {
			text = string(data)
			break
		}
		b, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil { // not expected: every byte decodes
			return nil, nil, &ParseError{Path: slashPath, Msg: "cannot decode as Windows-1252: " + err.Error(), Err: err}
		}
		text = string(b)
		warns = append(warns, Warning{Path: slashPath, Message: msgWindows1252})
	}
	if strings.IndexByte(text[:min(len(text), binarySniffLen)], 0) >= 0 {
		return skip(msgSkippedBinary)
	}

	a := &Article{
		ID:     fileStem(slashPath),
		Path:   slashPath,
		Text:   text,
		SHA256: sha256Hex(data),
	}
	fmWarns, err := parseFrontMatter(a)
	if err != nil {
		return nil, nil, err
	}
	warns = append(warns, fmWarns...)
	if strings.TrimSpace(text[a.BodyStart:]) == "" {
		return nil, append(warns, Warning{Path: slashPath, Message: msgSkippedEmpty}), nil
	}
	for i := range warns {
		warns[i].Article = a.ID
	}
	return a, warns, nil
}

// parseFrontMatter reads the front-matter block at the start of a.Text, if
// any, into a's fields and sets a.BodyStart.
func parseFrontMatter(a *Article) ([]Warning, error) {
	text := a.Text
	nextLine := func(off int) (line string, next int) {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return text[off:], len(text)
		}
		return text[off : off+i], off + i + 1
	}
	isFence := func(line string) bool { return strings.TrimRight(line, " \t\r") == "---" }

	first, off := nextLine(0)
	if !isFence(first) {
		return nil, nil
	}
	var warns []Warning
	seen := map[string]int{}
	for n := 2; ; n++ {
		if off >= len(text) || n > frontMatterMaxLen {
			return nil, &ParseError{Path: a.Path, Line: 1, Msg: "front matter: no closing ---"}
		}
		var line string
		line, off = nextLine(off)
		if isFence(line) {
			a.BodyStart = off
			return warns, nil
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		k, v, ok := strings.Cut(trimmed, ":")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || k == "" {
			return nil, &ParseError{Path: a.Path, Line: n, Msg: "front matter: expected key: value"}
		}
		v = unquote(strings.TrimSpace(v))
		switch k {
		case "lang":
			k = "language"
		case "credit":
			k = "credits"
		}
		if prev, dup := seen[k]; dup {
			warns = append(warns, Warning{Path: a.Path, Line: n,
				Message: fmt.Sprintf("front matter: %q given again (first on line %d); the last value is used", k, prev)})
		}
		seen[k] = n
		switch k {
		case "outlet":
			a.Outlet, a.OutletField = v, "front_matter"
			if v == "" {
				a.OutletField = ""
			}
		case "title":
			a.Title = v
		case "date":
			a.Date = v
		case "url":
			a.URL = v
		case "language":
			a.Language = v
		case "id":
			if v != "" {
				a.ID = v
			}
		case "credits":
			a.Credits = splitCredits(v)
		default:
			delete(seen, k)
			warns = append(warns, Warning{Path: a.Path, Line: n,
				Message: fmt.Sprintf("front matter: unknown key %q ignored", k)})
		}
	}
}

// unquote removes one pair of matching single or double quotes around s.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// splitCredits splits a comma-separated credits value, also accepting a
// bracketed list ("[A, B]"), and drops empty items.
func splitCredits(v string) []string {
	if len(v) >= 2 && v[0] == '[' && v[len(v)-1] == ']' {
		v = v[1 : len(v)-1]
	}
	var out []string
	for _, c := range strings.Split(v, ",") {
		if c = unquote(strings.TrimSpace(c)); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// ReadJSONL reads a JSON Lines stream, calling fn for each article (so huge files stream).
//
// Each non-blank line is a JSON object. Its fields, first found wins:
// outlet from outlet, media_name, source, source_domain or publisher (a
// string, or an object with a "name"); text from text, maintext, content or
// body; title; date from date, publish_date or date_publish; url; id (a
// string or a number); language. Article.ID is the record's id, else
// "<file name without extension>:<line>"; Article.Line is the 1-based line.
// Lines may be of any length. A UTF-8 byte-order mark at the start is
// ignored and a UTF-16 one selects UTF-16.
//
// A malformed line (not JSON, not an object, no text) is skipped with a
// warning, or with opts.Strict returned as a *ParseError for that line. An
// error from fn stops reading and is returned as is.
func ReadJSONL(path string, r io.Reader, opts *ReadOptions, fn func(*Article) error) ([]Warning, error) {
	if opts == nil {
		opts = &ReadOptions{}
	}
	slashPath := filepath.ToSlash(path)
	stem := fileStem(slashPath)

	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); bytes.HasPrefix(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	} else if bytes.HasPrefix(bom, []byte("\xff\xfe")) || bytes.HasPrefix(bom, []byte("\xfe\xff")) {
		var enc encoding.Encoding = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		if bom[0] == 0xfe {
			enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
		}
		br = bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), 64<<10)
	}

	// Lines are read in batches, decoded on GOMAXPROCS workers, then
	// handled in order, so warnings, errors and articles come out as if
	// read one by one.
	type record struct {
		n    int
		line []byte
		a    *Article
		msg  string
	}
	var warns []Warning
	var batch []record
	// buf holds the lines of the batch, instead of a copy of each: once
	// flush has decoded them, nothing refers to them (jsonlArticle's
	// articles share no memory with their line), and buf is reused for
	// the next batch.
	var buf lineBlocks
	size := 0
	flush := func() error {
		parallel(len(batch), func(i int) { batch[i].a, batch[i].msg = jsonlArticle(batch[i].line) })
		for _, r := range batch {
			a, msg, n := r.a, r.msg, r.n
			switch {
			case a != nil:
				a.Path, a.Line = slashPath, n
				if a.ID == "" {
					a.ID = fmt.Sprintf("%s:%d", stem, n)
				}
				if msg != "" {
					warns = append(warns, Warning{Article: a.ID, Path: slashPath, Line: n, Message: msg})
				}
				if ferr := fn(a); ferr != nil {
					return ferr
				}
			case msg != "" && opts.Strict:
				return &ParseError{Path: slashPath, Line: n, Msg: msg}
			case msg != "":
				warns = append(warns, Warning{Path: slashPath, Line: n, Message: msg})
			}
		}
		batch, size = batch[:0], 0
		buf.reset()
		return nil
	}
	var long []byte // a line longer than br's buffer
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		for err == bufio.ErrBufferFull {
			long = append(long, line...)
			line, err = br.ReadSlice('\n')
		}
		if long != nil {
			long = append(long, line...)
			line = long
		}
		if err != nil && err != io.EOF {
			if ferr := flush(); ferr != nil {
				return warns, ferr
			}
			return warns, &ParseError{Path: slashPath, Line: n, Msg: errMsg(err), Err: err}
		}
		if len(line) > 0 {
			line = bytes.TrimSuffix(line, []byte("\n"))
			line = bytes.TrimSuffix(line, []byte("\r"))
			if long == nil {
				line = buf.add(line) // ReadSlice's buffer is reused
			}
			batch = append(batch, record{n: n, line: line})
			size += len(line)
		}
		long = nil // the batch owns a long line's memory now
		if err == io.EOF || size >= 8<<20 || len(batch) >= 1024 {
			if ferr := flush(); ferr != nil {
				return warns, ferr
			}
		}
		if err == io.EOF {
			return warns, nil
		}
	}
}

// lineBlocks holds copies of lines in blocks that it reuses once reset:
// the lines of a batch of ReadJSONL, which would otherwise allocate a
// copy of each line and, in a large file, most of its garbage.
type lineBlocks struct {
	blocks [][]byte
	cur    int // the block lines go to
}

// lineBlock is the size of a block, room for many lines of bufio's
// buffer (64 KB) at most.
const lineBlock = 1 << 20

// add returns a copy of line, valid until reset.
func (l *lineBlocks) add(line []byte) []byte {
	if len(line) > lineBlock/4 {
		return bytes.Clone(line)
	}
	if l.cur < len(l.blocks) && cap(l.blocks[l.cur])-len(l.blocks[l.cur]) < len(line) {
		l.cur++
	}
	if l.cur == len(l.blocks) {
		l.blocks = append(l.blocks, make([]byte, 0, lineBlock))
	}
	b := l.blocks[l.cur]
	n := len(b)
	b = append(b, line...)
	l.blocks[l.cur] = b
	return b[n:len(b):len(b)]
}

// reset makes the blocks free for new lines, invalidating those added.
func (l *lineBlocks) reset() {
	for i := range l.blocks {
		l.blocks[i] = l.blocks[i][:0]
	}
	l.cur = 0
}

// jsonlArticle decodes one JSON Lines record. It returns the article
// (without Path, Line and a default ID) and a warning, or a nil article and
// why the line is malformed; both nil for a blank line. The article
// shares no memory with line, which ReadJSONL reuses.
func jsonlArticle(line []byte) (*Article, string) {
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 {
		return nil, ""
	}
	if trimmed[0] != '{' {
		var v any
		if err := json.Unmarshal(trimmed, &v); err != nil {
			return nil, invalidJSON(err)
		}
		return nil, "not a JSON object"
	}
	rec, ok := scanRecord(trimmed)
	valid := ok // scanRecord takes valid UTF-8 only, and what TrimSpace cuts is whole runes
	if !ok {
		rec = jsonRecord{}
		if err := json.Unmarshal(trimmed, &rec.raw); err != nil {
			return nil, invalidJSON(err)
		}
	}
	a := &Article{SHA256: sha256Hex(line)}
	var textField string
	for _, k := range jsonlTextFields {
		if _, ok := rec.raw[k]; !ok {
			continue
		}
		if textField == "" {
			textField = k
		}
		if s, ok := rec.string(k); ok && strings.TrimSpace(s) != "" {
			a.Text = s
			break
		}
	}
	if a.Text == "" {
		if textField != "" {
			return nil, fmt.Sprintf("empty text (field %q)", textField)
		}
		return nil, msgNoTextField
	}
	for _, k := range jsonlOutletFields {
		if s := jsonOutlet(rec, k); s != "" {
			a.Outlet, a.OutletField = s, "jsonl:"+k
			break
		}
	}
	a.Title = firstString(rec, "title")
	a.Date = firstString(rec, jsonlDateFields...)
	a.URL = firstString(rec, "url")
	a.Language = firstString(rec, "language")
	if raw, ok := rec.raw["id"]; ok {
		if s, ok := rec.string("id"); ok {
			a.ID = strings.TrimSpace(s)
		} else if t := bytes.TrimSpace(raw); len(t) > 0 && (t[0] == '-' || '0' <= t[0] && t[0] <= '9') {
			a.ID = string(t) // a number, as written
		}
	}
	if !valid && !utf8.Valid(line) {
		return a, "not valid UTF-8; invalid bytes replaced with U+FFFD"
	}
	return a, ""
}

// invalidJSON is the message for a line that json.Unmarshal rejected with err.
func invalidJSON(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON: %v (byte %d)", se, se.Offset)
	}
	return "invalid JSON: " + err.Error()
}

// jsonString decodes raw if it is a JSON string.
func jsonString(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '"' {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "", false
	}
	return s, true
}

// jsonOutlet decodes the outlet field k of rec: a string, or an object
// with a string "name".
func jsonOutlet(rec jsonRecord, k string) string {
	if s, ok := rec.string(k); ok {
		return strings.TrimSpace(s)
	}
	raw := bytes.TrimSpace(rec.raw[k])
	if len(raw) == 0 || raw[0] != '{' {
		return ""
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return ""
	}
	s, _ := jsonString(obj["name"])
	return strings.TrimSpace(s)
}

// firstString returns the first non-empty string among the fields keys of rec.
func firstString(rec jsonRecord, keys ...string) string {
	for _, k := range keys {
		if s, ok := rec.string(k); ok {
			if s = strings.TrimSpace(s); s != "" {
				return s
			}
		}
	}
	return ""
}

// fsError turns a file-system error about p into a *ParseError.
func fsError(p string, err error) error {
	return &ParseError{Path: filepath.ToSlash(p), Msg: errMsg(err), Err: err}
}

// errMsg is err's message without the operation and path that
// *fs.PathError adds, since ParseError prints the path itself.
func errMsg(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// fileWarning is a warning about the file p as a whole.
func fileWarning(p, msg string) Warning {
	return Warning{Path: filepath.ToSlash(p), Message: msg}
}

// fileStem is the file name of the slash-separated path p without its extension.
func fileStem(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}

// sha256Hex is the hex SHA-256 of b.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
