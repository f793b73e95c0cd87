package analysis

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFiles creates files (slash-separated name → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// asParseError fails the test unless err is a *ParseError.
func asParseError(t *testing.T, err error) *ParseError {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	return pe
}

// messages lists the warnings as "path:line: message".
func messages(ws []Warning) []string {
	out := []string{}
	for _, w := range ws {
		out = append(out, (&ParseError{Path: w.Path, Line: w.Line, Msg: w.Message}).Error())
	}
	return out
}

func TestReadTextFrontMatter(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      Article // Path, Text and SHA256 are not compared
		wantWarns []string
	}{
		{
			name: "none",
			in:   "TRIBUNWOW.COM - Kim tiba.\n",
			want: Article{ID: "a"},
		},
		{
			name: "all keys",
			in: "---\noutlet: Beritabali\ntitle: \"Putin: Kim\"\ndate: '2023-09-14'\nurl: https://x.id/a?b=c\n" +
				"language: id\ncredits: CNN Indonesia, AFP\nid: bb-1\n---\nBody.\n",
			want: Article{ID: "bb-1", Outlet: "Beritabali", OutletField: "front_matter", Title: "Putin: Kim",
				Date: "2023-09-14", URL: "https://x.id/a?b=c", Language: "id", Credits: []string{"CNN Indonesia", "AFP"},
				BodyStart: 140},
		},
		{
			name: "aliases, case, blank and comment lines",
			in:   "---\n\n# a comment\nOUTLET:  Jabar Ekspres \nLang: en\nCredit: [\"Reuters\", ]\n  # indented comment\n---\nBody",
			want: Article{ID: "a", Outlet: "Jabar Ekspres", OutletField: "front_matter", Language: "en",
				Credits: []string{"Reuters"}, BodyStart: 97},
		},
		{
			name:      "unknown key",
			in:        "---\noutlet: X\nauthor: Y\n---\nBody",
			want:      Article{ID: "a", Outlet: "X", OutletField: "front_matter", BodyStart: 28},
			wantWarns: []string{`dir/a.txt:3: front matter: unknown key "author" ignored`},
		},
		{
			name:      "duplicate key",
			in:        "---\ntitle: A\ntitle: B\n---\nBody",
			want:      Article{ID: "a", Title: "B", BodyStart: 26},
			wantWarns: []string{`dir/a.txt:3: front matter: "title" given again (first on line 2); the last value is used`},
		},
		{
			name: "CRLF",
			in:   "---\r\noutlet: X\r\ntitle: 'T'\r\n---\r\nBody\r\nline 2\r\n",
			want: Article{ID: "a", Outlet: "X", OutletField: "front_matter", Title: "T", BodyStart: 33},
		},
		{
			name: "closing fence at end of file without newline",
			in:   "---\ntitle: T\n---",
			want: Article{},
			wantWarns: []string{
				"dir/a.txt: skipped: empty article",
			},
		},
		{
			name: "empty id and outlet",
			in:   "---\nid:\noutlet: \"\"\n---\nBody",
			want: Article{ID: "a", BodyStart: 23},
		},
		{
			name: "fence with trailing spaces",
			in:   "--- \ntitle: T\n---\t\nBody",
			want: Article{ID: "a", Title: "T", BodyStart: 19},
		},
		{
			name: "four dashes is not front matter",
			in:   "----\nBody",
			want: Article{ID: "a"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, warns, err := ReadText("dir/a.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := messages(warns); !reflect.DeepEqual(got, append([]string{}, tt.wantWarns...)) {
				t.Errorf("warnings = %q, want %q", got, tt.wantWarns)
			}
			if tt.want.ID == "" {
				if a != nil {
					t.Errorf("got article %+v, want none", a)
				}
				return
			}
			if a == nil {
				t.Fatal("got no article")
			}
			if a.Text != tt.in || a.Path != "dir/a.txt" || len(a.SHA256) != 64 {
				t.Errorf("Text, Path, SHA256 = %q, %q, %q", a.Text, a.Path, a.SHA256)
			}
			got := *a
			got.Path, got.Text, got.SHA256 = "", "", ""
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if tt.want.BodyStart > 0 && !strings.HasPrefix(a.Text[a.BodyStart:], "Body") {
				t.Errorf("body starts at %q", a.Text[a.BodyStart:])
			}
			for _, w := range warns {
				if w.Article != a.ID {
					t.Errorf("warning %+v: Article = %q, want %q", w, w.Article, a.ID)
				}
			}
		})
	}
}

func TestReadTextFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"no colon", "---\ntitle: T\njust words\n---\nBody", "dir/a.md:3: front matter: expected key: value"},
		{"empty key", "---\n\n: value\n---\nBody", "dir/a.md:3: front matter: expected key: value"},
		{"no colon CRLF", "---\r\n# c\r\n\r\nnope\r\n---\r\n", "dir/a.md:4: front matter: expected key: value"},
		{"unterminated", "---\ntitle: T\n", "dir/a.md:1: front matter: no closing ---"},
		{"unterminated at EOF without newline", "---\ntitle: T", "dir/a.md:1: front matter: no closing ---"},
		{"only a fence", "---", "dir/a.md:1: front matter: no closing ---"},
		{"closing fence after line 200", "---\n" + strings.Repeat("# c\n", 199) + "---\nBody", "dir/a.md:1: front matter: no closing ---"},
		{"horizontal rule then prose", "---\nThe summit began.\n", "dir/a.md:2: front matter: expected key: value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := ReadText("dir/a.md", []byte(tt.in))
			if err == nil {
				t.Fatalf("got article %+v, want error %q", a, tt.want)
			}
			asParseError(t, err)
			if err.Error() != tt.want {
				t.Errorf("error = %q, want %q", err, tt.want)
			}
		})
	}
	// The closing fence on line 200 is still accepted.
	in := "---\n" + strings.Repeat("# c\n", 198) + "---\nBody"
	if a, _, err := ReadText("a.md", []byte(in)); err != nil || a.Text[a.BodyStart:] != "Body" {
		t.Errorf("fence on line 200: %v", err)
	}
}

func TestReadTextDecoding(t *testing.T) {
	utf16 := func(s string, big bool) []byte {
		var b []byte
		if big {
			b = []byte{0xfe, 0xff}
		} else {
			b = []byte{0xff, 0xfe}
		}
		for _, r := range s { // BMP only
			if big {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		return b
	}
	fm := "---\ntitle: Café\n---\n“Kami” café\r\n"
	tests := []struct {
		name      string
		in        []byte
		wantText  string // "" when skipped
		wantTitle string
		wantWarns []string
	}{
		{name: "UTF-8", in: []byte(fm), wantText: fm, wantTitle: "Café"},
		{name: "UTF-8 BOM", in: []byte("\xef\xbb\xbf" + fm), wantText: fm, wantTitle: "Café"},
		{name: "UTF-16LE BOM", in: utf16(fm, false), wantText: fm, wantTitle: "Café"},
		{name: "UTF-16BE BOM", in: utf16(fm, true), wantText: fm, wantTitle: "Café"},
		{
			name: "Windows-1252", in: []byte("\x93Kami\x94 caf\xe9\r\n"), wantText: "“Kami” café\r\n",
			wantWarns: []string{"a.txt: not valid UTF-8; decoded as Windows-1252"},
		},
		{name: "binary", in: []byte("%PDF-1.4\x00\x01\x02 text"), wantWarns: []string{"a.txt: skipped: binary file"}},
		{name: "UTF-16 with NUL characters", in: utf16("a\x00b", false), wantWarns: []string{"a.txt: skipped: binary file"}},
		{name: "empty", in: nil, wantWarns: []string{"a.txt: skipped: empty article"}},
		{name: "white space only", in: []byte(" \r\n\t\n"), wantWarns: []string{"a.txt: skipped: empty article"}},
		{name: "BOM only", in: []byte("\xef\xbb\xbf"), wantWarns: []string{"a.txt: skipped: empty article"}},
		{name: "front matter only", in: []byte("---\ntitle: T\n---\n\n"), wantWarns: []string{"a.txt: skipped: empty article"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, warns, err := ReadText("a.txt", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := messages(warns); !reflect.DeepEqual(got, append([]string{}, tt.wantWarns...)) {
				t.Errorf("warnings = %q, want %q", got, tt.wantWarns)
			}
			if tt.wantText == "" {
				if a != nil {
					t.Errorf("got article %q, want none", a.Text)
				}
				return
			}
			if a == nil {
				t.Fatal("got no article")
			}
			if a.Text != tt.wantText || a.Title != tt.wantTitle {
				t.Errorf("Text, Title = %q, %q; want %q, %q", a.Text, a.Title, tt.wantText, tt.wantTitle)
			}
			if want := sha256Hex(tt.in); a.SHA256 != want {
				t.Errorf("SHA256 = %s, want %s (of the raw bytes)", a.SHA256, want)
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	const in = "\xef\xbb\xbf" +
		`{"id": "a1", "outlet": "Beritabali", "text": "Teks A", "title": "A", "date": "2023-09-14", "url": "u", "language": "id"}` + "\n" +
		`{"media_name": "TribunWow", "maintext": "Teks B", "publish_date": "2023-09-13"}` + "\r\n" +
		"\n" +
		`{"id": 42, "source": "", "source_domain": "egindo.co", "content": "Teks C", "date_publish": "2023-09-15 10:00"}` + "\n" +
		`   ` + "\n" +
		`{"publisher": {"name": "CNA", "url": "x"}, "body": "Teks D", "text": ""}` + "\n" +
		`{"outlet": 7, "publisher": "P", "text": "Teks E"}`
	var got []*Article
	warns, err := ReadJSONL("in/feed.jsonl", strings.NewReader(in), nil, func(a *Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %q", messages(warns))
	}
	want := []Article{
		{ID: "a1", Line: 1, Text: "Teks A", Outlet: "Beritabali", OutletField: "jsonl:outlet", Title: "A", Date: "2023-09-14", URL: "u", Language: "id"},
		{ID: "feed:2", Line: 2, Text: "Teks B", Outlet: "TribunWow", OutletField: "jsonl:media_name", Date: "2023-09-13"},
		{ID: "42", Line: 4, Text: "Teks C", Outlet: "egindo.co", OutletField: "jsonl:source_domain", Date: "2023-09-15 10:00"},
		{ID: "feed:6", Line: 6, Text: "Teks D", Outlet: "CNA", OutletField: "jsonl:publisher"},
		{ID: "feed:7", Line: 7, Text: "Teks E", Outlet: "P", OutletField: "jsonl:publisher"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d articles, want %d", len(got), len(want))
	}
	lines := strings.Split(strings.TrimPrefix(in, "\xef\xbb\xbf"), "\n")
	for i, a := range got {
		if a.Path != "in/feed.jsonl" {
			t.Errorf("Path = %q", a.Path)
		}
		if w := sha256Hex([]byte(strings.TrimSuffix(lines[a.Line-1], "\r"))); a.SHA256 != w {
			t.Errorf("line %d: SHA256 = %s, want %s", a.Line, a.SHA256, w)
		}
		g := *a
		g.Path, g.SHA256 = "", ""
		if !reflect.DeepEqual(g, want[i]) {
			t.Errorf("got  %+v\nwant %+v", g, want[i])
		}
	}
}

func TestReadJSONLMalformed(t *testing.T) {
	const in = `{"text": "one"}` + "\n" +
		`{"text": "two", ` + "\n" +
		`["text", "three"]` + "\n" +
		`{"title": "no text"}` + "\n" +
		`{"text": "  ", "body": null}` + "\n" +
		`null` + "\n" +
		`{"text": "seven"} trailing` + "\n" +
		`{"text": "eight"}` + "\n"
	wantWarns := []string{
		"f.jsonl:2: invalid JSON: unexpected end of JSON input (byte 15)",
		"f.jsonl:3: not a JSON object",
		"f.jsonl:4: no text field (looked for text, maintext, content, body)",
		`f.jsonl:5: empty text (field "text")`,
		"f.jsonl:6: not a JSON object",
		"f.jsonl:7: invalid JSON: invalid character 't' after top-level value (byte 19)",
	}
	t.Run("lenient", func(t *testing.T) {
		var texts []string
		warns, err := ReadJSONL("f.jsonl", strings.NewReader(in), &ReadOptions{}, func(a *Article) error {
			texts = append(texts, a.Text)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(texts, []string{"one", "eight"}) {
			t.Errorf("articles %q, want one and eight", texts)
		}
		if got := messages(warns); !reflect.DeepEqual(got, wantWarns) {
			t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarns, "\n"))
		}
	})
	t.Run("strict", func(t *testing.T) {
		for i, w := range wantWarns {
			lines := strings.SplitAfter(in, "\n")
			src := lines[0] + strings.Join(lines[i+1:], "")
			_, err := ReadJSONL("f.jsonl", strings.NewReader(src), &ReadOptions{Strict: true}, func(*Article) error { return nil })
			pe := asParseError(t, err)
			// The malformed line is now line 2.
			wantErr := "f.jsonl:2:" + strings.SplitN(w, ":", 3)[2]
			if pe.Line != 2 || err.Error() != wantErr {
				t.Errorf("error = %q (line %d), want %q", err, pe.Line, wantErr)
			}
		}
	})
	t.Run("callback error", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		_, err := ReadJSONL("f.jsonl", strings.NewReader(in), nil, func(*Article) error { n++; return stop })
		if err != stop || n != 1 {
			t.Errorf("err = %v after %d calls, want stop after 1", err, n)
		}
	})
}

func TestReadJSONLLongLine(t *testing.T) {
	long := strings.Repeat("kata ", 4<<20) // 20 MB
	in := `{"text": "short"}` + "\n" + `{"id": "big", "text": "` + long + `"}` + "\n" + `{"text": "after"}`
	var got []*Article
	warns, err := ReadJSONL("big.jsonl", strings.NewReader(in), nil, func(a *Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil || len(warns) != 0 {
		t.Fatalf("err %v, warnings %q", err, messages(warns))
	}
	if len(got) != 3 || got[1].ID != "big" || got[1].Text != long || got[1].Line != 2 || got[2].Text != "after" || got[2].Line != 3 {
		t.Fatalf("got %d articles, want short, big (20 MB) and after", len(got))
	}
}

func TestReadJSONLEncoding(t *testing.T) {
	t.Run("UTF-16LE", func(t *testing.T) {
		b := []byte{0xff, 0xfe}
		for _, r := range `{"text": "café"}` + "\n" {
			b = append(b, byte(r), byte(r>>8))
		}
		var got []string
		_, err := ReadJSONL("f.jsonl", strings.NewReader(string(b)), nil, func(a *Article) error {
			got = append(got, a.Text)
			return nil
		})
		if err != nil || !reflect.DeepEqual(got, []string{"café"}) {
			t.Errorf("got %q, %v", got, err)
		}
	})
	t.Run("invalid UTF-8", func(t *testing.T) {
		var got []string
		warns, err := ReadJSONL("f.jsonl", strings.NewReader("{\"text\": \"caf\xe9\"}"), nil, func(a *Article) error {
			got = append(got, a.Text)
			return nil
		})
		want := []string{"f.jsonl:1: not valid UTF-8; invalid bytes replaced with U+FFFD"}
		if err != nil || !reflect.DeepEqual(got, []string{"caf\uFFFD"}) || !reflect.DeepEqual(messages(warns), want) {
			t.Errorf("got %q, %q, %v", got, messages(warns), err)
		}
	})
}

func TestReadCorpus(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"c/b.txt":              "B body",
		"c/a.md":               "---\noutlet: A\n---\nA body",
		"c/sub/z.txt":          "Z body",
		"c/sub/Lexicon.TSV":    "term\tloaded.label\tid\tnote\n",
		"c/a2/feed.jsonl":      `{"text": "J1"}` + "\n" + `bad` + "\n" + `{"text": "J3"}` + "\n",
		"c/speakers.tsv":       "Putin\tVladimir Putin\tRussia\n",
		"c/lexicon.tsv":        "",
		"c/notes.docx":         "x",
		"c/.hidden.txt":        "hidden",
		"c/.git/config.txt":    "hidden",
		"c/empty.txt":          "",
		"c/bin.txt":            "\x00\x01",
		"c/UPPER.TXT":          "Upper body",
		"other/readme":         "explicit file without extension",
		"other/speakers.tsv":   "",
		"other/x/ignored.text": "x",
	})
	p := func(name string) string { return filepath.ToSlash(filepath.Join(dir, name)) }
	c, err := ReadCorpus([]string{filepath.Join(dir, "c"), filepath.Join(dir, "other", "readme"), filepath.Join(dir, "other", "speakers.tsv")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range c.Articles {
		got = append(got, a.Path+" "+a.ID+" "+a.Text[a.BodyStart:])
	}
	want := []string{
		p("c/UPPER.TXT") + " UPPER Upper body",
		p("c/a.md") + " a A body",
		p("c/a2/feed.jsonl") + " feed:1 J1",
		p("c/a2/feed.jsonl") + " feed:3 J3",
		p("c/b.txt") + " b B body",
		p("c/sub/z.txt") + " z Z body",
		p("other/readme") + " readme explicit file without extension",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if want := []string{p("c/lexicon.tsv"), p("c/sub/Lexicon.TSV")}; !reflect.DeepEqual(c.LexiconFiles, want) {
		t.Errorf("LexiconFiles = %q, want %q", c.LexiconFiles, want)
	}
	if want := []string{p("c/speakers.tsv"), p("other/speakers.tsv")}; !reflect.DeepEqual(c.SpeakerFiles, want) {
		t.Errorf("SpeakerFiles = %q, want %q", c.SpeakerFiles, want)
	}
	wantWarns := []string{
		p("c/a2/feed.jsonl") + ":2: invalid JSON: invalid character 'b' looking for beginning of value (byte 1)",
		p("c/bin.txt") + ": skipped: binary file",
		p("c/empty.txt") + ": skipped: empty article",
		p("c/notes.docx") + ": skipped: not a .txt, .md or .jsonl file",
	}
	if got := messages(c.Warnings); !reflect.DeepEqual(got, wantWarns) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantWarns, "\n"))
	}

	t.Run("strict", func(t *testing.T) {
		_, err := ReadCorpus([]string{filepath.Join(dir, "c")}, &ReadOptions{Strict: true})
		pe := asParseError(t, err)
		if pe.Path != p("c/a2/feed.jsonl") || pe.Line != 2 {
			t.Errorf("error = %v, want one at feed.jsonl:2", err)
		}
		_, err = ReadCorpus([]string{filepath.Join(dir, "c", "bin.txt")}, &ReadOptions{Strict: true})
		if pe := asParseError(t, err); pe.Msg != "binary file" {
			t.Errorf("error = %v, want binary file", err)
		}
	})
}

func TestReadCorpusErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"skipped/a.pdf":   "x",
		"skipped/b.txt":   "  \n",
		"empty/.keep.txt": "hidden",
		"badfm/a.txt":     "---\ntitle: T\nno colon here\n---\nBody",
	})
	if err := os.Mkdir(filepath.Join(dir, "none"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := func(name string) string { return filepath.ToSlash(filepath.Join(dir, name)) }
	tests := []struct {
		name  string
		paths []string
		want  string
		is    error
	}{
		{"missing path", []string{filepath.Join(dir, "nope")}, p("nope") + ": no such file or directory", fs.ErrNotExist},
		{"front matter error stops reading", []string{filepath.Join(dir, "badfm"), filepath.Join(dir, "nope.txt")},
			p("badfm/a.txt") + ":3: front matter: expected key: value", nil},
		{"empty folder", []string{filepath.Join(dir, "none")}, p("none") + ": no articles found", nil},
		{"only hidden files", []string{filepath.Join(dir, "empty")}, p("empty") + ": no articles found", nil},
		{"only skipped files", []string{filepath.Join(dir, "skipped"), filepath.Join(dir, "none")},
			p("skipped") + ", " + p("none") + ": no articles found (2 warnings; first: " + p("skipped/a.pdf") + ": skipped: not a .txt, .md or .jsonl file)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ReadCorpus(tt.paths, nil)
			if err == nil {
				t.Fatalf("got %d articles, want error %q", len(c.Articles), tt.want)
			}
			asParseError(t, err)
			if err.Error() != tt.want {
				t.Errorf("error = %q\nwant    %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v does not wrap %v", err, tt.is)
			}
		})
	}
}

func TestReadCorpusSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"c/a.txt":       "A",
		"c/sub/b.txt":   "B",
		"target/t.txt":  "T",
		"outside/o.txt": "O",
	})
	links := []struct{ target, name string }{
		{"..", "c/sub/loop"},                   // a loop back to c
		{"self", "c/self"},                     // a link to itself
		{"../../outside/o.txt", "c/sub/o.txt"}, // a link to a file is read
		{"../missing.txt", "c/sub/gone.txt"},   // a broken link
		{"target", "linkdir"},                  // a link given as the corpus path
	}
	for _, l := range links {
		if err := os.Symlink(l.target, filepath.Join(dir, filepath.FromSlash(l.name))); err != nil {
			t.Skipf("cannot create symbolic links: %v", err)
		}
	}
	p := func(name string) string { return filepath.ToSlash(filepath.Join(dir, name)) }
	c, err := ReadCorpus([]string{filepath.Join(dir, "c"), filepath.Join(dir, "linkdir")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range c.Articles {
		got = append(got, a.Path)
	}
	want := []string{p("c/a.txt"), p("c/sub/b.txt"), p("c/sub/o.txt"), p("linkdir/t.txt")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("articles %q, want %q", got, want)
	}
	var warned []string
	for _, w := range c.Warnings {
		warned = append(warned, w.Path)
	}
	if want := []string{p("c/self"), p("c/sub/gone.txt"), p("c/sub/loop")}; !reflect.DeepEqual(warned, want) {
		t.Errorf("warnings %q, want ones for %q", messages(c.Warnings), want)
	}
}
