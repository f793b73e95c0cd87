package analysis

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReadText reads arbitrary bytes as a text article and checks the
// reader's invariants: no panic; an article has valid UTF-8 text, a
// BodyStart inside it at the start of a line, and a non-blank body; errors
// are *ParseError with a line in the front-matter range.
func FuzzReadText(f *testing.F) {
	for _, s := range []string{
		"TRIBUNWOW.COM - Kim tiba.\n",
		"---\noutlet: Beritabali\ntitle: \"Putin: Kim\"\ndate: '2023-09-14'\nurl: https://x.id/a\nlanguage: id\ncredits: CNN Indonesia, AFP\nid: bb-1\n---\nBody.\n",
		"---\n\n# a comment\nOUTLET:  Jabar Ekspres \nLang: en\nCredit: [\"Reuters\", ]\n---\nBody",
		"---\r\noutlet: X\r\ntitle: 'T'\r\n---\r\nBody\r\n",
		"---\noutlet: X\nauthor: Y\ntitle: A\ntitle: B\n---\nBody",
		"---\ntitle: T\njust words\n---\nBody",
		"---\ntitle: T\n",
		"---",
		"--- \n: v\n---\t\n",
		"\xef\xbb\xbf---\nid: x\n---\n“Kami” café",
		"\xff\xfe-\x00-\x00-\x00\n\x00t\x00:\x00x\x00\n\x00-\x00-\x00-\x00\n\x00B\x00",
		"\xfe\xff\x00-\x00-\x00-\x00\n\x00B",
		"\x93Kami\x94 caf\xe9\r\n",
		"%PDF-1.4\x00\x01",
		" \r\n\t\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, warns, err := ReadText("f/a.txt", data)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *ParseError", err, err)
			}
			if pe.Line < 0 || pe.Line > frontMatterMaxLen || pe.Path != "f/a.txt" {
				t.Fatalf("error %v: bad location", err)
			}
			if a != nil {
				t.Fatalf("both an article and an error %v", err)
			}
			return
		}
		for _, w := range warns {
			if w.Line < 0 || w.Path != "f/a.txt" || w.Message == "" {
				t.Fatalf("bad warning %+v", w)
			}
		}
		if a == nil {
			if len(warns) == 0 {
				t.Fatal("no article and no warning")
			}
			return
		}
		if !utf8.ValidString(a.Text) {
			t.Fatalf("Text %q is not valid UTF-8", a.Text)
		}
		if a.BodyStart < 0 || a.BodyStart > len(a.Text) {
			t.Fatalf("BodyStart %d outside [0,%d]", a.BodyStart, len(a.Text))
		}
		if a.BodyStart > 0 && a.Text[a.BodyStart-1] != '\n' {
			t.Fatalf("BodyStart %d is not at the start of a line in %q", a.BodyStart, a.Text)
		}
		if strings.TrimSpace(a.Text[a.BodyStart:]) == "" {
			t.Fatalf("article with a blank body %q", a.Text)
		}
		if a.ID == "" || a.Line != 0 || len(a.SHA256) != 64 {
			t.Fatalf("bad article %+v", a)
		}
	})
}

// FuzzReadJSONL reads arbitrary bytes as a JSON Lines file, leniently and
// strictly, and checks the invariants: no panic; every article has valid
// UTF-8, non-blank text and a line inside the input; lenient reading never
// fails; strict reading fails only with a *ParseError at a line, after
// giving the same articles as lenient reading up to that line.
func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id": "a1", "outlet": "Beritabali", "text": "Teks A", "title": "A", "date": "2023-09-14", "url": "u", "language": "id"}`,
		`{"media_name": "TribunWow", "maintext": "Teks B", "publish_date": "2023-09-13"}` + "\r\n",
		`{"id": 42, "source": "", "source_domain": "egindo.co", "content": "Teks C", "date_publish": "2023-09-15"}` + "\n\n",
		`{"publisher": {"name": "CNA"}, "body": "Teks D", "text": ""}`,
		"\xef\xbb\xbf{\"text\": \"one\"}\n{\"text\": \"two\", \n[\"text\"]\n{\"title\": \"x\"}\nnull\n{\"text\": \"seven\"} x\n",
		"{\"text\": \"caf\xe9\"}",
		"\xff\xfe{\x00}\x00\n\x00",
		`{"text": "\u0000\ud800", "id": -1.5e3, "outlet": {"name": 3}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		maxLine := strings.Count(string(data), "\n") + 1
		read := func(strict bool) ([]*Article, []Warning, error) {
			var got []*Article
			warns, err := ReadJSONL("f.jsonl", strings.NewReader(string(data)), &ReadOptions{Strict: strict}, func(a *Article) error {
				got = append(got, a)
				return nil
			})
			return got, warns, err
		}
		lenient, warns, err := read(false)
		if err != nil {
			t.Fatalf("lenient reading failed: %v", err)
		}
		for _, w := range warns {
			if w.Line < 1 || w.Line > maxLine || w.Path != "f.jsonl" || w.Message == "" {
				t.Fatalf("bad warning %+v", w)
			}
		}
		for _, a := range lenient {
			if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
				t.Fatalf("bad text %q", a.Text)
			}
			if a.Line < 1 || a.Line > maxLine || a.BodyStart != 0 || a.ID == "" || a.Path != "f.jsonl" {
				t.Fatalf("bad article %+v", a)
			}
		}
		strict, _, err := read(true)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *ParseError", err, err)
			}
			if pe.Line < 1 || pe.Line > maxLine {
				t.Fatalf("error %v: line outside the input", err)
			}
		}
		if len(strict) > len(lenient) {
			t.Fatalf("strict read %d articles, lenient %d", len(strict), len(lenient))
		}
		for i, a := range strict {
			if a.Line != lenient[i].Line || a.Text != lenient[i].Text {
				t.Fatalf("strict article %d differs from lenient one", i)
			}
		}
		if err == nil && len(strict) != len(lenient) {
			t.Fatalf("strict read %d articles without error, lenient %d", len(strict), len(lenient))
		}
	})
}
