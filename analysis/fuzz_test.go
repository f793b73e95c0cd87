package analysis

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyzeArticle runs the whole per-article pipeline (cleaning,
// segmentation, quote extraction, attribution, matching) on arbitrary text
// and checks its invariants: no panic, every offset inside the text and on
// a UTF-8 boundary, quoted words never more than the article's words.
func FuzzAnalyzeArticle(f *testing.F) {
	for _, s := range []string{
		"“Putin menerima undangan itu,” tulis kantor berita Korea Utara, KCNA, Kamis (14/9).",
		"Pertemuan kedua 'diktator' ini terjadi di tengah hubungan mesra Rusia-Korut.",
		"TRIBUNWOW.COM - Kim Jong Un mengatakan Pyongyang akan selalu mendukung Moscow.\nIa juga menyebutkan hubungan itu.",
		"Seoul | EGINDO.co – Kim mengatakan kepada Putin: “Kami yakin.”\nSumber : CNA/SL",
		`"We will not be intimidated," Kovac told reporters. She added that it "may" end.`,
		"“unclosed quote, kata dia.\n\n„Ja“, «oui» ‘single’ don't",
		"BERITABALI.COM, DUNIA.\nsearch\nradio_button_unchecked\nBaca juga: x\nEditor: Y\n(sumber: cnnindonesia.com)",
		"\"\"\"''' ”“ ,, kata , menurut , said",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	lex := NewLexicon()
	terms, _ := ParseLexicon(strings.NewReader("diktator*\tloaded.label\t\t\nmusuh\tloaded.war\t\t\ntanpa syarat\tloaded.affect\t\t\nmay\thedge.possibility\t\t\n"), "f")
	lex.Add("f", terms)
	f.Fuzz(func(t *testing.T, text string, english bool) {
		if !utf8.ValidString(text) {
			return // the reader decodes every input to UTF-8 first
		}
		lang := "id"
		if english {
			lang = "en"
		}
		o := analyzeArticle(&Article{ID: "f", Path: "f.txt", Text: text}, lex, lang, nil)
		inText := func(what string, a, b int) {
			if a < 0 || b > len(text) || a > b || !utf8.RuneStart(byteAt(text, a)) || b < len(text) && !utf8.RuneStart(text[b]) {
				t.Fatalf("%s offsets [%d,%d) bad in text of %d bytes", what, a, b, len(text))
			}
		}
		quoted := 0
		for _, q := range o.quotes {
			inText("quote", q.text.Start, q.text.End)
			inText("sentence", q.sent.Start, q.sent.End)
			if q.kind == KindDirect || q.kind == KindPartial {
				quoted += countWords(text, q.text)
			}
		}
		if quoted > o.res.Words {
			t.Fatalf("quoted words %d > article words %d", quoted, o.res.Words)
		}
		for _, m := range o.matches {
			inText("match", m.text.Start, m.text.End)
			inText("match sentence", m.sent.Start, m.sent.End)
		}
		for _, r := range o.res.RemovedLines {
			inText("removal", r.Start, r.End)
		}
		// The aggregates: quote shares of an outlet that quotes anyone sum to 1.
		res, err := Analyze(&Corpus{Articles: []*Article{{ID: "f", Path: "f.txt", Text: text, Language: lang}}}, &Options{Lexicon: lex})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Outlets {
			sum := 0.0
			for _, s := range f.Quotes.BySpeaker {
				sum += s.Share
				if s.CI95Low > s.Share || s.Share > s.CI95High {
					t.Fatalf("share %v outside its interval [%v, %v]", s.Share, s.CI95Low, s.CI95High)
				}
			}
			if f.Quotes.Words > 0 && math.Abs(sum-1) > 0.001*float64(len(f.Quotes.BySpeaker)) {
				t.Fatalf("quote shares sum to %v", sum)
			}
			if f.Quotes.Words > f.Words {
				t.Fatalf("quoted words %d > outlet words %d", f.Quotes.Words, f.Words)
			}
		}
	})
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

// FuzzParseLexicon checks that the lexicon parser never panics, that a
// parsed lexicon prints (WriteTSV) to a file that parses to the same
// terms, and that matching with it keeps offsets inside the text.
func FuzzParseLexicon(f *testing.F) {
	for _, s := range []string{
		"diktator\tloaded.label\tid\tnote\n# comment\nmusuh*\tloaded.war\t\t\n",
		"so-called\thedge.attribution\ten\tdistance\nkemungkinan besar\thedge.possibility\tid\tx\n",
		"\ufeffa b c*\tloaded.x\t*\t\r\nx\t-\tid\n",
		"bad line\n", "a\tb\tc\td\te\n", "*\tloaded.x\n", "a*b\tloaded.x\n",
	} {
		f.Add(s, "Diktator itu musuh-musuh kemungkinan besar so-called a b cde.")
	}
	f.Fuzz(func(t *testing.T, tsv, text string) {
		terms, err := ParseLexicon(strings.NewReader(tsv), "f.tsv")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error %v is not a *ParseError with a line", err)
			}
			return
		}
		lex := NewLexicon()
		lex.Add("f.tsv", terms)
		var buf bytes.Buffer
		if err := lex.WriteTSV(&buf, ""); err != nil {
			t.Fatal(err)
		}
		again, err := ParseLexicon(bytes.NewReader(buf.Bytes()), "again")
		if err != nil {
			t.Fatalf("printed lexicon does not parse: %v\n%s", err, buf.String())
		}
		lex2 := NewLexicon()
		lex2.Add("again", again)
		if lex.SHA256() != lex2.SHA256() {
			t.Fatalf("round trip changed the lexicon:\n%s", buf.String())
		}
		if !utf8.ValidString(text) {
			return
		}
		for _, lang := range Languages {
			for _, m := range lex.match(lang, text, tokenize(text, span{0, len(text)})) {
				if m.start < 0 || m.end > len(text) || m.start >= m.end {
					t.Fatalf("match [%d,%d) outside text of %d bytes", m.start, m.end, len(text))
				}
			}
		}
	})
}

// FuzzParseSpeakers checks that the codebook parser never panics and
// reports errors as *ParseError with a line.
func FuzzParseSpeakers(f *testing.F) {
	for _, s := range []string{
		"Presiden Putin\tVladimir Putin\tRussian government\n# c\nKCNA\tKCNA\n",
		"only-one-field\n", "a\tb\tc\td\n", "\t\t\n", "\ufeffx\ty\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tsv string) {
		book := NewCodebook()
		if err := book.ParseSpeakers(strings.NewReader(tsv), "s.tsv"); err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error %v is not a *ParseError with a line", err)
			}
		}
	})
}
