package analysis

import (
	"strings"
	"testing"
)

func words(text string) []string {
	var out []string
	for _, t := range tokenize(text, span{0, len(text)}) {
		out = append(out, text[t.Start:t.End])
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"hyphen compounds", "negara-negara Rusia-Korut tete-a-tete", []string{"negara-negara", "Rusia-Korut", "tete-a-tete"}},
		{"punctuation", "“Ya,” katanya.", []string{"Ya", "katanya"}},
		{"decimal", "3,5 persen dan Rp 1.500", []string{"3,5", "persen", "dan", "Rp", "1.500"}},
		{"apostrophe", "don't the country's 'diktator'", []string{"don't", "the", "country's", "diktator"}},
		{"dangling hyphen", "anti- dan -pro", []string{"anti", "dan", "pro"}},
		{"dateline", "Kamis (14/9).", []string{"Kamis", "14", "9"}},
		{"accents", "Café naïve", []string{"Café", "naïve"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := words(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPairQuotes(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // inner texts of top-level quotes
		unclosed int
	}{
		{"curly", "“Ya,” kata dia. Ia “senang”.", []string{"Ya,", "senang"}, 0},
		{"straight", `"Yes," he said, calling it "a win".`, []string{"Yes,", "a win"}, 0},
		{"single as quote", "Pertemuan kedua 'diktator' ini", []string{"diktator"}, 0},
		{"apostrophes are not quotes", "the country's don't Jum'at", nil, 0},
		{"possessive plural", "the students’ books", nil, 0},
		{"nested", "“He called it ‘evil’,” she said.", []string{"He called it ‘evil’,"}, 0},
		{"guillemets", "«Oui», dit-il.", []string{"Oui"}, 0},
		{"german", "„Ja“, sagte er.", []string{"Ja"}, 0},
		{"unbalanced", "“Kami akan datang, kata dia. Lalu pulang.", nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs, un := pairQuotes(tt.in, span{0, len(tt.in)})
			var got []string
			for _, q := range qs {
				if q.Top {
					got = append(got, tt.in[q.Inner.Start:q.Inner.End])
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(un) != tt.unclosed {
				t.Errorf("pairQuotes(%q) = %q (%d unclosed), want %q (%d)", tt.in, got, len(un), tt.want, tt.unclosed)
			}
		})
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"simple", "Satu dua. Tiga empat! Lima?", []string{"Satu dua.", "Tiga empat!", "Lima?"}},
		{"abbreviation", "Dr. Budi datang. Prof. Ani juga.", []string{"Dr. Budi datang.", "Prof. Ani juga."}},
		{"initial", "J. Smith said so. Then left.", []string{"J. Smith said so.", "Then left."}},
		{"number", "Naik 3,5 persen. Harga Rp 1.500 per kg.", []string{"Naik 3,5 persen.", "Harga Rp 1.500 per kg."}},
		{"dateline", "Kamis (14/9). Kim datang.", []string{"Kamis (14/9).", "Kim datang."}},
		{"quote inside", "“Kami senang. Kami datang,” kata Kim. Lalu pergi.", []string{"“Kami senang. Kami datang,” kata Kim.", "Lalu pergi."}},
		{"closing quote", "Ia berkata: “Abadi.” Kemudian pergi.", []string{"Ia berkata: “Abadi.”", "Kemudian pergi."}},
		{"lower case after period", "ambisi. . Lalu", []string{"ambisi. .", "Lalu"}},
		{"us", "The U.S. Army said so.", []string{"The U.S. Army said so."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			para := span{0, len(tt.in)}
			qs, _ := pairQuotes(tt.in, para)
			var got []string
			for _, s := range splitSentences(tt.in, para, qs, abbreviations) {
				got = append(got, tt.in[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLexiconMatch(t *testing.T) {
	terms, err := ParseLexicon(strings.NewReader(
		"# comment\ndiktator*\tloaded.label\tid\tn\ntanpa syarat\tloaded.affect\tid\t\nmusuh\tloaded.war\tid\t\n"+
			"imperialis\tloaded.ideology\tid\t\nrezim\tloaded.label\t\t\n"), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lex := NewLexicon()
	lex.Add("t.tsv", terms)
	tests := []struct {
		name, in string
		want     []string
	}{
		{"star suffix", "sang diktatornya dan Diktator", []string{"diktatornya", "Diktator"}},
		{"multiword", "dukungan tanpa syarat kepada", []string{"tanpa syarat"}},
		{"reduplication", "musuh-musuh Kremlin dan musuh-musuhnya", []string{"musuh-musuh", "musuh-musuhnya"}},
		{"compound part", "garis depan anti-imperialis", []string{"imperialis"}},
		{"word boundary", "permusuhan dan rezimnya", nil},
		{"every language", "rezim itu", []string{"rezim"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range lex.match("id", tt.in, tokenize(tt.in, span{0, len(tt.in)})) {
				got = append(got, tt.in[m.start:m.end])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("match(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one field", "a\tloaded.x\tid\tn\nlonely\n", "x.tsv:2: want term<TAB>category<TAB>language<TAB>note, got 1 field(s)"},
		{"bad category", "a\tfoo\tid\tn\n", `x.tsv:1: category "foo": want loaded.<name>, hedge.<name> or - (remove)`},
		{"bad language", "a\tloaded.x\tfr\tn\n", `x.tsv:1: language "fr": want id, en or empty`},
		{"inner star", "a*b\tloaded.x\tid\tn\n", `x.tsv:1: term "a*b": "*" is allowed only at the end`},
		{"no words", "--\tloaded.x\tid\tn\n", `x.tsv:1: term "--" has no words`},
		{"too many fields", "a\tloaded.x\tid\tn\textra\n", "x.tsv:1: want at most 4 tab-separated fields, got 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLexicon(strings.NewReader(tt.in), "x.tsv")
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}

func TestLexiconOverride(t *testing.T) {
	lex := NewLexicon()
	base, _ := ParseLexicon(strings.NewReader("rezim\tloaded.label\tid\tbuiltin\nmesra\tloaded.affect\tid\t\n"), "b")
	user, _ := ParseLexicon(strings.NewReader("rezim\tloaded.ideology\tid\tmine\nmesra\t-\tid\t\n"), "u")
	lex.Add("b", base)
	lex.Add("u", user)
	ts := lex.Terms()
	if len(ts) != 1 || ts[0].Category != "loaded.ideology" || ts[0].Source != "u:1" {
		t.Errorf("after override: %+v", ts)
	}
}
