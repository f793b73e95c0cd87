package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuotesAcrossParagraphs checks that a quotation mark left open in one
// paragraph never swallows the next: the next paragraph's quotation is
// still found and attributed, and the open mark is a warning with its line.
func TestQuotesAcrossParagraphs(t *testing.T) {
	text := "---\noutlet: Harian Satu\nlanguage: id\n---\n" +
		"“Kami akan datang besok, kata Menteri Budi Santoso kepada wartawan.\n\n" +
		"“Semua berjalan baik,” ujar Budi. Ia “senang” dengan hasilnya.\n"
	a, _, err := ReadText("a.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Analyze(&Corpus{Articles: []*Article{a}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range res.Quotes.All() {
		got = append(got, q.Kind+":"+q.Speaker+":"+q.Text)
	}
	want := "direct:Budi Santoso:Semua berjalan baik,"
	if len(got) == 0 || !strings.Contains(strings.Join(got, "|"), want) {
		t.Errorf("quotes %q, want one %q", got, want)
	}
	for _, q := range res.Quotes.All() {
		if strings.Contains(q.Text, "\n") {
			t.Errorf("quote spans paragraphs: %q", q.Text)
		}
	}
	warned := false
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "unbalanced quotation mark") && w.Line == 5 {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning for the open quotation mark on line 5: %+v", res.Warnings)
	}
}

// TestReadCorpusUnreadable checks that an unreadable file is an error
// naming it. Root reads any file, so the test is skipped for root.
func TestReadCorpusUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read a file without read permission")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("Teks."), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := ReadCorpus([]string{dir}, nil)
	if err == nil || !strings.Contains(err.Error(), "a.txt") {
		t.Fatalf("err %v, want one naming a.txt", err)
	}
}
