package analysis

import (
	"bufio"
	"io"
	"strings"
)

// scanTSV reads a tab-separated file line by line, as the lexicon, the
// speaker codebook and background frequencies are: a byte-order mark and
// carriage returns are dropped, blank lines and lines starting with "#"
// are skipped, and fn gets each other line's 1-based number and fields.
// A reading error becomes a *ParseError about what ("reading speakers").
func scanTSV(r io.Reader, source, what string, fn func(line int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if t := strings.TrimSpace(s); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := fn(line, strings.Split(s, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &ParseError{Path: source, Line: line + 1, Msg: what, Err: err}
	}
	return nil
}
