package main

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/framelens/framelens/analysis"
)

// version is the framelens version written into every output.
const version = "0.1.0"

//go:embed doc.go
var doc string

// usageError is a command-line mistake: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// ExitCode returns 2.
func (e *usageError) ExitCode() int { return 2 }

func exitCode(err error) int {
	var ec interface{ ExitCode() int }
	if errors.As(err, &ec) {
		return ec.ExitCode()
	}
	return 1
}

// manual returns the package comment of doc.go as plain text.
func manual() string {
	s := doc[strings.Index(doc, "/*")+2 : strings.LastIndex(doc, "*/")]
	return strings.TrimSpace(strings.ReplaceAll(s, "\n\t", "\n    ")) + "\n"
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// config holds the parsed flags shared by report and analyze.
type config struct {
	out        string
	lang       string
	lexicons   multiFlag
	speakers   string
	background string
	strict     bool
	quiet      bool
	cpuprofile string
	memprofile string
	paths      []string
	// progress receives a progress line while articles are analysed: the
	// standard error when it is a terminal, else nil (no progress).
	progress io.Writer
}

// run is the whole command: main only maps its error to an exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, manual())
		return &usageError{"no command; want report, analyze, lexicon or version"}
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "version":
		fmt.Fprintf(stdout, "framelens %s\n", version)
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, manual())
		return nil
	case "lexicon":
		return runLexicon(args, stdout, stderr)
	case "report", "analyze":
	default:
		return &usageError{fmt.Sprintf("unknown command %q; want report, analyze, lexicon or version", cmd)}
	}
	fs := flag.NewFlagSet("framelens "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.out, "o", "framelens-out", "output `folder`")
	fs.StringVar(&c.lang, "lang", "auto", "language: auto, id or en")
	fs.Var(&c.lexicons, "lexicon", "extra lexicon TSV `file` (repeatable)")
	fs.StringVar(&c.speakers, "speakers", "", "speaker codebook TSV `file`")
	fs.StringVar(&c.background, "background", "", "background word frequencies TSV `file` (word<TAB>count) for distinguishing terms")
	fs.BoolVar(&c.strict, "strict", false, "malformed JSONL lines are errors")
	fs.BoolVar(&c.quiet, "q", false, "no progress output")
	fs.StringVar(&c.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to `file` (go tool pprof)")
	fs.StringVar(&c.memprofile, "memprofile", "", "write a heap profile to `file` once the analysis is done (go tool pprof)")
	fs.Usage = func() { fmt.Fprint(stderr, manual()) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &usageError{err.Error()}
	}
	c.paths = fs.Args()
	if isTerminal(stderr) {
		c.progress = stderr
	}
	if len(c.paths) == 0 {
		return &usageError{fmt.Sprintf("%s: no corpus given; usage: framelens %s [flags] CORPUS...", cmd, cmd)}
	}
	if c.lang != "auto" && c.lang != "id" && c.lang != "en" {
		return &usageError{fmt.Sprintf("-lang %q: want auto, id or en", c.lang)}
	}
	if cmd == "report" {
		if fi, err := os.Stat(c.out); err == nil && !fi.IsDir() {
			return &usageError{fmt.Sprintf("-o %s: is a file, not a folder", c.out)}
		}
	}
	if c.cpuprofile != "" {
		stop, err := startCPUProfile(c.cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	logf := func(format string, args ...any) {
		if !c.quiet {
			fmt.Fprintf(stderr, "framelens: "+format+"\n", args...)
		}
	}
	res, err := analyze(ctx, &c)
	if err != nil {
		return err
	}
	if c.memprofile != "" {
		writeHeapProfile(c.memprofile, stderr) // what the outputs are rendered from
	}
	logf("read %d articles from %d outlets (%d warnings)", len(res.Articles), len(res.Outlets), len(res.Warnings))
	if cmd == "analyze" {
		return res.WriteJSON(stdout)
	}
	return writeReport(ctx, &c, res, logf)
}

// analyze reads the corpus, the lexicons and the codebook, and runs the analysis.
func analyze(ctx context.Context, c *config) (*analysis.Result, error) {
	prepareHeap(c.paths)
	corpus, err := analysis.ReadCorpus(c.paths, &analysis.ReadOptions{Strict: c.strict})
	if err != nil {
		return nil, fmt.Errorf("reading corpus: %w", err)
	}
	setMemoryLimit(corpus)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lex, err := analysis.BuiltinLexicon()
	if err != nil {
		return nil, err
	}
	for _, f := range append(append([]string{}, corpus.LexiconFiles...), c.lexicons...) {
		terms, err := readLexicon(f)
		if err != nil {
			return nil, err
		}
		lex.Add(f, terms)
	}
	var book *analysis.Codebook
	speakerFiles := corpus.SpeakerFiles
	if c.speakers != "" {
		speakerFiles = append(speakerFiles, c.speakers)
	}
	if len(speakerFiles) > 0 {
		book = analysis.NewCodebook()
		for _, f := range speakerFiles {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("reading speakers: %w", err)
			}
			if err := book.ParseSpeakers(bytes.NewReader(b), f); err != nil {
				return nil, err
			}
		}
	}
	var background map[string]float64
	if c.background != "" {
		b, err := os.ReadFile(c.background)
		if err != nil {
			return nil, fmt.Errorf("reading background: %w", err)
		}
		if background, err = analysis.ParseBackground(bytes.NewReader(b), c.background); err != nil {
			return nil, err
		}
	}
	lang := c.lang
	if lang == "auto" {
		lang = ""
	}
	opts := &analysis.Options{
		Lexicon: lex, Language: lang, Speakers: book, Background: background, Generator: "framelens " + version,
	}
	if !c.quiet && c.progress != nil {
		p := newProgress(c.progress, corpus)
		defer p.stop()
		opts.Progress = p.add
	}
	return analysis.Analyze(corpus, opts)
}

func readLexicon(path string) ([]*analysis.Term, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading lexicon: %w", err)
	}
	return analysis.ParseLexicon(bytes.NewReader(b), path)
}

func runLexicon(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("framelens lexicon", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "", "language pack: id or en (default both)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return &usageError{"lexicon takes no arguments"}
	}
	if *lang != "" && *lang != "id" && *lang != "en" {
		return &usageError{fmt.Sprintf("-lang %q: want id or en", *lang)}
	}
	lex, err := analysis.BuiltinLexicon()
	if err != nil {
		return err
	}
	return lex.WriteTSV(stdout, *lang)
}

// previousResult reads the framelens.json of an earlier run in the output
// folder, so the report can say what changed; nil when there is none or it
// cannot be read (with a note). Only the fields the comparison uses are
// decoded (see readPrevious), so a large previous document costs little
// memory.
func previousResult(dir string, logf func(string, ...any)) *analysis.Result {
	p := filepath.Join(dir, "framelens.json")
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	prev, err := readPrevious(f)
	if err != nil || prev.Schema != analysis.Schema {
		logf("%s: not a %s document; the report will not list changes", p, analysis.Schema)
		return nil
	}
	return prev
}

// writeReport writes every output straight into a temporary file in the
// output folder, and renames them into place only once all are written,
// so a failed or interrupted run leaves the previous outputs untouched and
// no temporary file behind.
func writeReport(ctx context.Context, c *config, res *analysis.Result, logf func(string, ...any)) error {
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		return fmt.Errorf("creating output folder: %w", err)
	}
	return writeOutputs(ctx, c.out, outputs(res, previousResult(c.out, logf)), logf)
}

// writeOutputs renders the outputs at once, each into a temporary file in
// dir (ctx is checked before each starts), then renames them all into
// place; on any failure it removes the temporary files and leaves the
// files in dir as they were. The renderers only read the result, so the
// JSON, which is written by one goroutine, overlaps with the others.
func writeOutputs(ctx context.Context, dir string, outs []output, logf func(string, ...any)) error {
	tmps := make([]string, len(outs))
	errs := make([]error, len(outs))
	defer func() {
		for _, t := range tmps {
			if t != "" {
				os.Remove(t)
			}
		}
	}()
	var wg sync.WaitGroup
	for i, o := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if errs[i] = ctx.Err(); errs[i] == nil {
				tmps[i], errs[i] = writeTemp(dir, o)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, o := range outs {
		dst := filepath.Join(dir, o.name)
		if err := os.Rename(tmps[i], dst); err != nil {
			return fmt.Errorf("writing %s: %w", dst, err)
		}
		tmps[i] = ""
		logf("wrote %s", dst)
	}
	return nil
}

// writeTemp renders o into a new temporary file in dir and returns its
// name, also when the rendering failed (so that the caller removes it).
func writeTemp(dir string, o output) (string, error) {
	f, err := os.CreateTemp(dir, "."+o.name+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", o.name, err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = o.write(bw)
	if err == nil {
		if err = bw.Flush(); err != nil {
			err = fmt.Errorf("writing %s: %w", filepath.Join(dir, o.name), err)
		}
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("writing %s: %w", filepath.Join(dir, o.name), cerr)
	}
	if err != nil {
		return f.Name(), err
	}
	return f.Name(), os.Chmod(f.Name(), 0o644)
}
