package analysis

import (
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
		o := analyzeArticle(&Article{ID: "f", Path: "f.txt", Text: text}, lex, lang)
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
			inText("match", m.Start, m.End)
		}
		for _, r := range o.res.RemovedLines {
			inText("removal", r.Start, r.End)
		}
	})
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}
