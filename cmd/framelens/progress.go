package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/framelens/framelens/analysis"
)

// isTerminal reports whether w is a terminal, where a progress line that
// rewrites itself makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress shows articles and megabytes analysed, the rate and the time
// left on one terminal line, rewritten every quarter second once the run
// has taken more than a second.
type progress struct {
	w            io.Writer
	total        int
	totalBytes   int64
	done         atomic.Int64
	bytes        atomic.Int64
	start        time.Time
	quit, closed chan struct{}
}

func newProgress(w io.Writer, c *analysis.Corpus) *progress {
	p := &progress{w: w, total: len(c.Articles), start: time.Now(), quit: make(chan struct{}), closed: make(chan struct{})}
	for _, a := range c.Articles {
		p.totalBytes += int64(len(a.Text))
	}
	go p.loop()
	return p
}

// add counts one analysed article of n bytes; safe for concurrent use.
func (p *progress) add(n int) {
	p.done.Add(1)
	p.bytes.Add(int64(n))
}

func (p *progress) loop() {
	defer close(p.closed)
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	shown := false
	for {
		select {
		case <-p.quit:
			if shown {
				fmt.Fprint(p.w, "\r\033[K")
			}
			return
		case <-tick.C:
			if time.Since(p.start) > time.Second {
				fmt.Fprint(p.w, "\r\033[K"+progressLine(int(p.done.Load()), p.total, p.bytes.Load(), p.totalBytes, time.Since(p.start)))
				shown = true
			}
		}
	}
}

func (p *progress) stop() {
	close(p.quit)
	<-p.closed
}

// progressLine formats the progress of a run.
func progressLine(done, total int, bytes, totalBytes int64, elapsed time.Duration) string {
	mb := float64(bytes) / 1e6
	rate := mb / max(elapsed.Seconds(), 1e-9)
	s := fmt.Sprintf("framelens: %d/%d articles, %.1f/%.1f MB, %.1f MB/s", done, total, mb, float64(totalBytes)/1e6, rate)
	if rate > 0 && bytes < totalBytes {
		left := time.Duration(float64(totalBytes-bytes) / 1e6 / rate * float64(time.Second))
		s += ", " + left.Round(time.Second).String() + " left"
	}
	return s
}
