package analysis

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lineRuleRegexp is lineRule as it was written before the guards: every
// regular expression on every line. The fast paths must agree with it.
func lineRuleRegexp(s string) string {
	switch {
	case len(s) > 200 && wordCount(s) > 40:
	case reIconLine.MatchString(s) || reSingleWord.MatchString(s) || reChrome.MatchString(s):
		return "chrome"
	case reRelated.MatchString(s) || (reRelatedTop.MatchString(s) && !hasTerminal(s) && wordCount(s) <= 10):
		return "related"
	case reFollow.MatchString(s) && wordCount(s) <= 40:
		return "follow"
	case reByline.MatchString(s) || reEmbedLine.MatchString(s) || reWireByline.MatchString(s) && wordCount(s) <= 40:
		return "byline"
	case reCaption.MatchString(s):
		return "caption"
	case reCreditLine.MatchString(s) && wordCount(s) <= 8:
		return "credit"
	case reURLLine.MatchString(s):
		return "url"
	case isDateLine(s):
		return "date"
	}
	return ""
}

// guardLines are lines near the edges of the guarded expressions.
var guardLines = []string{
	"ADVERTISEMENT", "Advertisement", "advertisement ", "Iklan", "SCROLL TO CONTINUE WITH CONTENT", "Scroll untuk melanjutkan",
	"Lanjutkan membaca artikel", "Share", "Share this article", "share article", "Bagikan", "Komentar", "Tags: Putin, Kim",
	"Tag: x", "Tags:", "Topik: KTT", "topik", "Google News", "Follow", "Ikuti Kami", "Read next", "Loading...", "Loading",
	"Menu", "Menurut", "Home", "Beranda", "home_icon share_icon", "home_icon", "icon_", "abc", "ab", "a", "abcdefghijklmnopqrst",
	"abcdefghijklmnopqrstu", "Abc", "Baca juga: Harga Cabai Naik", "Baca: X", "BACA JUGA - X", "Baca Juga — X", "Lihat juga: x",
	"Simak juga: x", "Tonton juga: x", "Berita terkait: x", "Artikel Terkait : x", "Read also: x", "Also read: x",
	"Read more: x", "See also: x", "Related: x", "Related articles: x", "Related article - x", "Related stories: x",
	"Related news: x", "More on this: x", "Berita Terkait", "Berita lainnya", "Artikel Juga", "Baca juga", "Berita terkait.",
	"Berita tekait", "Baca juga berita menarik lainnya di sini", "Ikuti berita terbaru di Google News",
	"Follow us on Twitter", "Subscribe to our newsletter", "Langganan", "Berlangganan newsletter", "Simak berita lainnya",
	"Dapatkan update berita pilihan", "Dapatkan berita terkini", "Dapatkan informasi", "Dapatkan hadiah", "Join our channel",
	"Sign up for the newsletter", "Gabung WhatsApp Channel kami", "Saluran WhatsApp", "Join the Telegram Channel",
	"Editor: Lusi Wardhani", "Editor : A", "EDITOR | A", "Reporter: A", "Penulis: A", "Pewarta: A", "Redaktur: A",
	"Penyunting: A", "Wartawan: A", "Kontributor: A", "Written by: A", "Reporting by: A", "Editing by: A",
	"Additional reporting by: A", "Laporan wartawan: A", "Copyright: A", "Hak cipta: A", "By John Smith", "by John Smith",
	"Oleh Budi Santoso", "oleh budi", "By John Smith Jones Brown Green", "© 2023 Reuters", "©", "[Gambas:Video CNN]",
	"[x]", "[]", "(rzk/ana)", "(ant/dtc/x)", "(ant)", "(Ant/Dtc)", "Reporting by A in B; Editing by C",
	"Additional reporting by Bob", "Writing by Ann", "Editing from Lon", "Compiled by Zed", "Translated by Ana",
	"reporting by bob", "Foto: Reuters", "Photo | AP", "Gambar: x", "Image: x", "Ilustrasi: x", "Caption: x",
	"Keterangan foto: x", "Sumber foto: x", "Video: x", "(Foto: Antara)", "(foto)", "(Ilustrasi oleh x)",
	"(sumber: cnnindonesia.com)", "Sumber : CNA/SL", "Source: Reuters.", "(Source: AP)", "sumber:", "Sumber: a b c d e f g h i j",
	"https://example.com/x", "http://x", "www.example.com", "detik.com/berita/x", "kompas.co.id/read/x", "bbc.co.uk/news/x",
	"example.org/", "EXAMPLE.COM/X", "a-b.net/x y", "Kamis, 14 September 2023, 18:55 WITA Follow", "Rabu, 4 September 2024 - 10:12",
	"14/09/2023 10:12 WIB", "13 September 2023", "Senin 2 Mei", "Selasa, 12.30 WIB 12/5", "10:12",
	// Case folding outside ASCII: (?i) folds k to U+212A and s to U+017F.
	"\u017fumber: x", "(\u017fource: AP)", "\u212aomentar", "\u212aontributor: A", "Ba\u212a", "\u017fhare", "\u017f",
	"www.\u212a", "\u212a.com/x", "Ikuti \u212aami", "Gabung WhatsApp Channel \u212a", "whatſapp channel",
	"Foto\u00a0: x", "Ｆoto: x", "FOTO：x", "É", "Éditor: x", "“Baca juga: x”", "‘Share’",
}

func TestLineRuleGuards(t *testing.T) {
	for _, s := range guardLines {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if got, want := lineRule(s), lineRuleRegexp(s); got != want {
			t.Errorf("lineRule(%q) = %q, regexps say %q", s, got, want)
		}
	}
}

// TestLineRuleCorpora compares the fast and the plain line rules on every
// line of the sample corpora, and on each line cut at every rune.
func TestLineRuleCorpora(t *testing.T) {
	n := 0
	for _, s := range corpusLines(t) {
		for i := range s {
			if testing.Short() && i > 12 && i < len(s)-12 {
				continue
			}
			for _, part := range []string{s[:i], s[i:]} {
				if part = strings.TrimSpace(part); part == "" {
					continue
				}
				n++
				if got, want := lineRule(part), lineRuleRegexp(part); got != want {
					t.Fatalf("lineRule(%q) = %q, regexps say %q", part, got, want)
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d lines compared", n)
	}
}

func corpusLines(t testing.TB) []string {
	var lines []string
	seen := make(map[string]bool)
	err := filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" && !seen[l] && len(l) < 2000 {
				seen[l] = true
				lines = append(lines, l)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return append(lines, guardLines...)
}

// TestLineGuardPrefixes pins the literal texts derived from the
// expressions, so that a change to an expression shows here.
func TestLineGuardPrefixes(t *testing.T) {
	tests := []struct {
		g                 *lineGuard
		prefixes, needles []string
	}{
		{gRelatedTop, []string{"berita", "artikel", "baca"}, nil},
		{gFollow, []string{"ikuti", "follow", "subscribe", "langganan", "berlangganan", "simak berita", "dapatkan update",
			"dapatkan berita", "dapatkan informasi", "join our", "sign up"},
			[]string{"whatsapp channel", "google news", "saluran whatsapp", "telegram channel"}},
		{gCreditLine, []string{"sumber", "source", "(sumber", "(source"}, nil},
		{gEmbedLine, []string{"[", "("}, nil},
		{gCaption, []string{"foto", "photo", "gambar", "image", "ilustrasi", "caption", "keterangan foto", "sumber foto", "video",
			"(foto", "(photo", "(ilustrasi"}, nil},
	}
	for _, tt := range tests {
		if tt.g.always || !sameSet(tt.g.prefixes, tt.prefixes) || !sameSet(tt.g.needles, tt.needles) {
			t.Errorf("guard of %s: always %v, prefixes %q, needles %q; want prefixes %q, needles %q",
				tt.g.re, tt.g.always, tt.g.prefixes, tt.g.needles, tt.prefixes, tt.needles)
		}
	}
	for _, g := range []*lineGuard{gChrome, gRelated, gRelatedTop, gFollow, gByline, gEmbedLine, gWireByline, gCaption, gCreditLine} {
		if g.always {
			t.Errorf("guard of %s is always true", g.re)
		}
	}
	if g := newLineGuard(reURLLine); !g.always {
		t.Errorf("guard of %s: want always (a class starts a match), got prefixes %q", g.re, g.prefixes)
	}
}

func sameSet(a, b []string) bool {
	m := func(ss []string) map[string]bool {
		out := map[string]bool{}
		for _, s := range ss {
			out[s] = true
		}
		return out
	}
	return reflect.DeepEqual(m(a), m(b))
}

// FuzzCleanLine compares the guarded line rules with the plain regular
// expressions on arbitrary lines.
func FuzzCleanLine(f *testing.F) {
	for _, s := range guardLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		if s == "" || strings.Contains(s, "\n") {
			return
		}
		if got, want := lineRule(s), lineRuleRegexp(s); got != want {
			t.Fatalf("lineRule(%q) = %q, regexps say %q", s, got, want)
		}
	})
}

// trailLocRegexp is trailLoc without the guards.
func trailLocRegexp(s string) ([]int, string) {
	if loc := reTrailCredit.FindStringIndex(s); loc != nil {
		return loc, "credit"
	}
	if loc := reTrailByline.FindStringIndex(s); loc != nil {
		return loc, "byline"
	}
	return nil, ""
}

var trailLines = []string{
	"Kata dia (TribunWow Magang/Name)", "x (ant/dtc)", "x (ant)", "x (a)", "x (abcdefg)", "x (Ant)", "x (0)", "x (ant/dtc) ",
	"x (ant/dtc)\t", "x (sumber: cnnindonesia.com)", "x (Sumber : CNA)", "x (source:AP) ", "x (source: )", "(ant/dtc)",
	"x (a (b/c)", "x (b/c) (d)", "x ((b/c))", "x (\u017fumber: A)", "x (\u017fource: B) (c)", "x (ſumber: A/B)", "x (é/é)",
	"x (sumber: " + strings.Repeat("a", 81) + ")", "x (" + strings.Repeat("a", 61) + "/b)", ")", "()", "(/)", "x ( / )",
}

func TestTrailLoc(t *testing.T) {
	lines := append(corpusLines(t), trailLines...)
	for _, s := range lines {
		for i := range s {
			if testing.Short() && i > 12 && i < len(s)-12 {
				continue
			}
			for _, part := range []string{s[:i], s[i:]} {
				gl, gr := trailLoc(part)
				wl, wr := trailLocRegexp(part)
				if !reflect.DeepEqual(gl, wl) || gr != wr {
					t.Fatalf("trailLoc(%q) = %v %q, regexps say %v %q", part, gl, gr, wl, wr)
				}
			}
		}
	}
}

func FuzzTrailLoc(f *testing.F) {
	for _, s := range trailLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		gl, gr := trailLoc(s)
		wl, wr := trailLocRegexp(s)
		if !reflect.DeepEqual(gl, wl) || gr != wr {
			t.Fatalf("trailLoc(%q) = %v %q, regexps say %v %q", s, gl, gr, wl, wr)
		}
	})
}

// findCreditsRegexp is findCredits as it was before the search windows:
// every cued pattern over the whole text.
func findCreditsRegexp(text string, from int) []*Credit {
	var out []*Credit
	seen := make(map[string]bool)
	lower := strings.ToLower(text[from:])
	for _, p := range creditPatterns {
		cued := false
		for _, c := range p.cues {
			if strings.Contains(lower, c) {
				cued = true
				break
			}
		}
		if !cued {
			continue
		}
		for _, m := range p.re.FindAllStringSubmatchIndex(text[from:], -1) {
			start, end := from+m[2], from+m[3]
			raw := strings.TrimSpace(text[start:end])
			// "CNA/SL": the part before a slash; later parts only when they
			// are known outlets ("Reuters/AFP"), else editor initials.
			parts := strings.FieldsFunc(reAnd.ReplaceAllString(raw, "/"), func(r rune) bool { return r == '/' || r == ',' || r == ';' })
			for pi, part := range parts {
				first := strings.TrimRight(strings.TrimSpace(part), ".")
				name, known := canonicalOutlet(first)
				if !known {
					// Names that are also common words ("Antara") count only here.
					name, known = creditOnlyOutlets[outletKey(first)]
				}
				if pi > 0 && !known {
					continue
				}
				switch {
				case known:
				case p.rule == "agency-tag" || p.rule == "sign-off":
					continue
				case reDomain.MatchString(first):
					name = first
				case first != "" && unicode.IsUpper(firstRune(first)):
					name = first
				default:
					continue
				}
				key := outletKey(name) + "\x00" + fmt.Sprint(start)
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, &Credit{Credited: name, Text: text[from+m[0] : from+m[1]], Start: from + m[0], End: from + m[1], Rule: p.rule})
			}
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

var creditTexts = []string{
	"Kata dia.\n(sumber: cnnindonesia.com)\n", "x\nSumber : CNA/SL", "Dilansir dari Metro.co.uk, x", "seperti dikutip AFP, x",
	"WASHINGTON (Reuters) - x", "x (Reuters/AFP) y", "x.\n- Reuters\n", "x.\n\n  \n — AFP", "x.\n\t–Reuters", "x-\nReuters",
	"with additional reporting from Reuters and AP", "as reported by The Guardian", "via Twitter", "trivia Reuters",
	"Sebagaimana dikutip dari Antara, x", "mengutip dari BBC News", "seperti diberitakan Kompas", "x melansir CNN.",
	"\u017fumber: A", "Sumber: x\nſumber: B", "dilanſir dari BBC", "ſeperti dikutip AFP", "\u212aata (Reuters)",
	"İstanbul (AFP) - x dikutip dari BBC", "source: AP\nsumber: Antara", "xsumber: A", "x_via CNN", "x\n-x\n- Reuters",
	"sumber sumber: A", "Dikutip dari dikutip dari BBC", "(A) (Reuters) (AFP/Reuters)", "via via CNN", "é(Reuters)",
	"Sumber: A (Reuters)", "dilansir x, dari BBC, dilansir dari CNN", "1via BBC", "ÉSumber: A", "(sumber: (Reuters))",
}

func TestFindCreditsWindows(t *testing.T) {
	texts := append([]string{}, creditTexts...)
	for _, dir := range []string{"../testdata/summit", "../testdata/holdout", "../testdata/holdout2", "../testdata/en", "../testdata/annotations"} {
		c, err := ReadCorpus([]string{dir}, nil)
		if err != nil {
			continue
		}
		for _, a := range c.Articles {
			texts = append(texts, a.Text[a.BodyStart:])
		}
	}
	// Every pair of lines of the sample texts, so that credits meet each other.
	for _, a := range creditTexts {
		for _, b := range creditTexts {
			texts = append(texts, a+"\n"+b, a+" "+b)
		}
	}
	rules := make(map[string]int)
	for _, text := range texts {
		for _, from := range []int{0, len(text) / 2} {
			got, want := findCredits(text, from), findCreditsRegexp(text, from)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("findCredits(%q, %d):\n got %s\nwant %s", text, from, creditList(got), creditList(want))
			}
			for _, c := range got {
				rules[c.Rule]++
			}
		}
	}
	for _, p := range creditPatterns {
		if rules[p.rule] == 0 {
			t.Errorf("no %s credit among the test texts", p.rule)
		}
	}
}

func creditList(cs []*Credit) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Rule + ":" + c.Credited + "@" + c.Text + "; ")
	}
	return b.String()
}

func TestCreditStarts(t *testing.T) {
	want := map[string][]string{
		"sumber":         {"sumber", "source"},
		"dilansir":       {"dilansir", "dikutip", "disadur", "diterjemahkan"},
		"melansir":       {"melansir", "mengutip dari", "seperti dikutip", "sebagaimana dikutip", "seperti dilansir", "seperti diberitakan", "as reported by", "reported by", "via"},
		"agency-tag":     {"("},
		"reporting-from": {"with additional reporting from", "with additional reporting by", "with reporting from", "with reporting by"},
		"sign-off":       nil,
	}
	for i, p := range creditPatterns {
		if !sameSet(creditStarts[i], want[p.rule]) {
			t.Errorf("creditStarts of %s = %q, want %q", p.rule, creditStarts[i], want[p.rule])
		}
		a := creditAnchored[i]
		if (a.re != nil) != (p.rule != "sign-off") || a.wordStart != (a.re != nil && p.rule != "agency-tag") {
			t.Errorf("creditAnchored of %s = %v, word start %v", p.rule, a.re, a.wordStart)
		}
		// upperNext holds for a pattern that starts with "(" and \p{Lu}, case-sensitive.
		if a.upperNext != (p.rule == "agency-tag") || a.upperNext && !strings.HasPrefix(p.re.String(), `\((\p{Lu}`) {
			t.Errorf("creditAnchored of %s: upper next %v, pattern %s", p.rule, a.upperNext, p.re)
		}
	}
}

func FuzzFindCredits(f *testing.F) {
	for _, s := range creditTexts {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, text string, from int) {
		if from < 0 || from > len(text) {
			from = 0
		}
		got, want := findCredits(text, from), findCreditsRegexp(text, from)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("findCredits(%q, %d):\n got %s\nwant %s", text, from, creditList(got), creditList(want))
		}
	})
}

func TestTrimmedLower(t *testing.T) {
	texts := []string{" \t Baca Juga: X \r\n\u00a0ADVERTISEMENT\u3000\n\n\u2028x\u00a0\n  É Foto: A  ", "a\nb", "", "\n", " x"}
	for _, s := range corpusLines(t) {
		texts = append(texts, " "+s+"\u00a0\n\t"+s)
	}
	for _, text := range texts {
		for _, from := range []int{0, strings.IndexByte(text, '\n') + 1} {
			lower, exact := lowerForCues(text[from:])
			if !exact {
				continue
			}
			for _, l := range splitLines(text, from) {
				if got, want := trimmedLower(text, l, from, lower), lowerASCII(strings.TrimSpace(text[l.start:l.end])); got != want {
					t.Fatalf("trimmedLower(%q, line %d) = %q, want %q", text, l.n, got, want)
				}
			}
		}
	}
}

func TestWordScan(t *testing.T) {
	texts := append([]string{"", "a", "sumber: x — y", "viavia dari dilansir", "(", "x-", "vi", "via", "\x00(\x00", "x—", "x\xe2"}, corpusLines(t)...)
	for _, text := range texts {
		text = strings.ToLower(text)
		first := textScan.first(text)
		for k, w := range textScan.words {
			if got, want := first[k], strings.Index(text, w); got != want {
				t.Fatalf("textScan.first(%q)[%q] = %d, want %d", text, w, got, want)
			}
		}
	}
}

// FuzzWordScan checks wordScan.first, for any words, against
// strings.Index of each: the words are the lines of the input before its
// first blank line, the text what follows it.
func FuzzWordScan(f *testing.F) {
	f.Add("sumber\nvia\n(\n-\n—\n\nsumber: x — y (via) viavia")
	f.Add("a\nab\nabc\nabcd\nabcde\n\nxabcdabcabab a")
	f.Add("\x00\n(\x00\nx\x00y\n\n\x00(\x00x\x00y(")
	f.Fuzz(func(t *testing.T, in string) {
		words, text, _ := strings.Cut(in, "\n\n")
		list := strings.Split(words, "\n")
		if len(list) > 255 {
			return // more buckets than a wordScan may have
		}
		ws := newWordScan(list)
		first := ws.first(text)
		for k, w := range ws.words {
			if got, want := first[k], strings.Index(text, w); got != want {
				t.Fatalf("first(%q)[%q] = %d, want %d", text, w, got, want)
			}
		}
	})
}

func TestFindAllWordFold(t *testing.T) {
	words := []string{"TRIBUNWOW", "kompas", "EGINDO.co", "a", "Jabar Ekspres", "x-y", ".", "co", "_x", "É", "beritabali", "KIM", "(", "1"}
	texts := []string{"Tribunwow TRIBUNWOW.COM tribunwowx xtribunwow _tribunwow", "a a-a a_a aa", "\u212aim Kim KIM", "x-y-x-y", "..."}
	for _, dir := range []string{"../testdata/summit", "../testdata/holdout", "../testdata/en"} {
		c, err := ReadCorpus([]string{dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range c.Articles {
			texts = append(texts, a.Text)
		}
	}
	found := 0
	for _, w := range words {
		re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(w) + `\b`)
		for _, text := range texts {
			got, want := findAllWordFold(w, text), re.FindAllStringIndex(text, -1)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("findAllWordFold(%q, %.60q) = %v, want %v", w, text, got, want)
			}
			found += len(got)
		}
	}
	if found < 10 {
		t.Fatalf("only %d matches", found)
	}
}

func FuzzFindAllWordFold(f *testing.F) {
	f.Add("kim", "Kim KIM kim_ xkim")
	f.Fuzz(func(t *testing.T, w, text string) {
		if !utf8.ValidString(w) {
			return // not a name from a text, and no expression either
		}
		re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(w) + `\b`)
		if got, want := findAllWordFold(w, text), re.FindAllStringIndex(text, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("findAllWordFold(%q, %q) = %v, want %v", w, text, got, want)
		}
	})
}

// spacedVariantRef is spacedVariant without its guard.
func spacedVariantRef(name, text string) string {
	k := outletKey(name)
	if len(k) < 4 {
		return ""
	}
	for _, m := range reCapRun.FindAllString(text, -1) {
		words := strings.Fields(m)
		// Every sub-run, so that "Kepada Harian Timur" still finds "Harian Timur".
		for i := range words {
			for j := i + 2; j <= len(words); j++ {
				w := strings.Join(words[i:j], " ")
				if outletKey(w) == k && strings.ToUpper(w) != w {
					return w
				}
			}
		}
	}
	return ""
}

func TestSpacedVariantGuard(t *testing.T) {
	texts := []string{"Kepada Harian Timur x", "Warta  Nusantara\tHarian", "WARTA NUSANTARA", "\u0130stanbul Post", "Lensa Pasifik",
		"WARTANUSANTARA - Warta Nusantara", "Wartanusantara x", "Jabar Ekspres JABAR EKSPRES", "HarianTimur Harian  Timur",
		"Harian\nTimur\nx Harian Timur\nHarian Timur Harian Timur", "HARIAN TIMUR\n\nWarta Nusantara\r\nHarian Timur", "\nHarian Timur\n"}
	for _, dir := range []string{"../testdata/summit", "../testdata/holdout", "../testdata/holdout2", "../testdata/en"} {
		c, err := ReadCorpus([]string{dir}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range c.Articles {
			texts = append(texts, a.Text)
		}
	}
	names := []string{"WARTANUSANTARA", "HARIANTIMUR", "lensapasifik", "ISTANBULPOST", "NOPE1234", "abc", "ÉCOLE", "TRIBUNWOW", "BERITABALI", "EGINDO", "JABAREKSPRES", "WARTA"}
	for _, text := range texts[:5] {
		for _, m := range reCapRun.FindAllString(text, -1) {
			names = append(names, strings.ToUpper(strings.Join(strings.Fields(m), "")))
		}
	}
	for _, text := range texts {
		for _, m := range reCapRun.FindAllString(text, 3) {
			names = append(names, strings.ToUpper(strings.Join(strings.Fields(m), "")))
		}
	}
	found := 0
	for _, name := range names {
		for _, text := range texts {
			got, want := spacedVariant(name, text), spacedVariantRef(name, text)
			if got != want {
				t.Fatalf("spacedVariant(%q, %.60q) = %q, want %q", name, text, got, want)
			}
			if got != "" {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no spaced variant found")
	}
}

// canonicalOutletRef is canonicalOutlet trying every alias for one edit.
func canonicalOutletRef(name string) (string, bool) {
	k := outletKey(name)
	if k == "" {
		return "", false
	}
	if c, ok := knownOutlets[k]; ok {
		return c, true
	}
	if kk := outletKey(reDotCom.ReplaceAllString(strings.TrimSpace(name), "")); kk != k {
		if c, ok := knownOutlets[kk]; ok {
			return c, true
		}
	}
	if len(k) >= 6 {
		best, n := "", 0
		for alias, c := range knownOutlets {
			if len(alias) >= 6 && editDistanceAtMost1(k, alias) {
				if best != c {
					n++
				}
				best = c
			}
		}
		if n == 1 {
			return best, true
		}
	}
	return "", false
}

func TestCanonicalOutletByLen(t *testing.T) {
	names := []string{"Reuters", "Reuter", "Reutersx", "Rueters", "kompas.com", "Kompass", "detikcom", "CNN Indonesia", "cnnindonesa", "x"}
	for alias := range knownOutlets {
		names = append(names, alias, alias[1:], alias+"x", "x"+alias)
		if len(alias) > 2 {
			names = append(names, alias[:len(alias)/2]+"z"+alias[len(alias)/2+1:])
		}
	}
	fuzzy := 0
	for _, name := range names {
		gc, gok := canonicalOutlet(name)
		wc, wok := canonicalOutletRef(name)
		if gc != wc || gok != wok {
			t.Fatalf("canonicalOutlet(%q) = %q %v, want %q %v", name, gc, gok, wc, wok)
		}
		if _, exact := knownOutlets[outletKey(name)]; gok && !exact {
			fuzzy++
		}
	}
	if fuzzy == 0 {
		t.Fatal("no name matched within one edit")
	}
}

// outletFromFilenameRef is outletFromFilename building its expression for every text.
func outletFromFilenameRef(base, text string) string {
	stem := strings.TrimSuffix(base, path.Ext(base))
	parts := strings.FieldsFunc(stem, func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' })
	for len(parts) > 0 && (isNumberOrHash(parts[0]) || len(parts[0]) == 2 && (parts[0] == "id" || parts[0] == "en")) {
		parts = parts[1:]
	}
	for len(parts) > 0 && isNumberOrHash(parts[len(parts)-1]) {
		parts = parts[:len(parts)-1]
	}
	if len(parts) == 0 {
		return stem
	}
	re := regexp.MustCompile(`(?i)\b` + strings.Join(quoteAll(parts), `\s+`) + `\b`)
	for _, w := range re.FindAllString(text, -1) {
		if strings.ToLower(w) != w {
			return w
		}
	}
	return titleCase(strings.Join(parts, " "))
}

func TestOutletFromFilenameGuard(t *testing.T) {
	texts := []string{"", "the Archipelago Ledger said", "ARCHIPELAGO\tLEDGER", "archipelago ledger", "Kelvin \u212aompas", "ſkala News",
		"Kompas kompas KOMPAS", "Déjà Vu", "x.y (Kompas)"}
	texts = append(texts, corpusLines(t)...)
	bases := []string{"en_02_archipelago_ledger.txt", "kompas.txt", "skala_news.md", "Kompas-2024.txt", "déjà_vu.txt", "x.y.txt",
		"000_a8f5743524ae6b21.txt", "(kompas).txt", "id_tempo.txt", "the.txt", "said.txt"}
	for _, base := range bases {
		for _, text := range texts {
			if got, want := outletFromFilename(base, text), outletFromFilenameRef(base, text); got != want {
				t.Fatalf("outletFromFilename(%q, %.60q) = %q, want %q", base, text, got, want)
			}
		}
	}
}

// datelineLines are lines for the dateline guards.
var datelineLines = []string{"BERITABALI.COM, DUNIA.", "JAKARTA, KOMPAS.com - Presiden", "Seoul | EGINDO.co -- Korea", "VALMONTE, Talaya (Pacific Wire) - x",
	"Jakarta, Lensa Pasifik -- Kata", "TRIBUNWOW.COM – Kabar", "a, b, c, d - e", "a,b,c - d", "a|b|c — d", "ÉCOLE, Paris", "x—y", "-", "a -", "a - ",
	"Jakarta\t,\tKompas\t-\tx", "Jum'at & Co. (X) - y", "1234567890123456789012345678901234567890 - x", "12345678901234567890123456789012345678901 - x",
	"1234567890123456789012345678901234567890, 123456789012345678901234567890.", "a\u00a0b - c", "a_b - c", "\u212a - c", "ſ, x"}

func TestDatelineGuards(t *testing.T) {
	lines := append(append([]string{}, datelineLines...), corpusLines(t)...)
	for _, l := range lines {
		for _, s := range []string{l, strings.TrimSpace(l), l + " - x", "A, " + l, l[:len(l)/2]} {
			if got, want := datelineLine(s), reDatelineLine.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("datelineLine(%q) = %q, want %q", s, got, want)
			}
			if got, want := datelinePrefix(s), reDatelinePrefix.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("datelinePrefix(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

func FuzzDatelineGuards(f *testing.F) {
	for _, s := range datelineLines {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := datelineLine(s), reDatelineLine.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("datelineLine(%q) = %q, want %q", s, got, want)
		}
		if got, want := datelinePrefix(s), reDatelinePrefix.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("datelinePrefix(%q) = %v, want %v", s, got, want)
		}
	})
}

// TestLowerForCues compares lowerForCues with lowering ASCII byte by
// byte, or strings.ToLower when it reports the text not exact.
func TestLowerForCues(t *testing.T) {
	texts := append([]string{"", "A", "a", "AbC dEF", "ÀÉ Ω", "\u0130x", "\u212a", "\u017f", "ZZZ", "x\xffY", "@AZ[`az{\x80\xc1\xda\xff"}, corpusLines(t)...)
	// Every byte at every offset, through the eight-byte steps and the rest.
	var all []byte
	for c := 0; c < 256; c++ {
		all = append(all, byte(c))
	}
	for i := 0; i < 600; i += 7 {
		texts = append(texts, strings.Repeat(string(all), 3)[i:])
	}
	texts = append(texts, strings.Join(corpusLines(t), "\n"))
	var buf []byte // reused, as analyzeArticle does, by texts long and short
	for _, s := range texts {
		got, exact := lowerForCues(s)
		want := strings.ToLower(s)
		if exact {
			b := []byte(s)
			for i, c := range b {
				if 'A' <= c && c <= 'Z' {
					b[i] = c + 'a' - 'A'
				}
			}
			want = string(b)
		}
		if got != want {
			t.Fatalf("lowerForCues(%q) = %q, want %q", s, got, want)
		}
		var gotBuf string
		var exactBuf bool
		if gotBuf, exactBuf, buf = lowerForCuesBuf(s, buf); gotBuf != want || exactBuf != exact {
			t.Fatalf("lowerForCuesBuf(%q) = %q, %v, want %q, %v", s, gotBuf, exactBuf, want, exact)
		}
	}
}

// cleanCases are articles for the tests of cleanWords: those of the
// sample corpora, and the corpus lines in groups, each group an article
// with the lines joined by various breaks and blanks.
func cleanCases(t testing.TB) []*Article {
	c, err := ReadCorpus([]string{"../testdata/summit", "../testdata/holdout", "../testdata/holdout2", "../testdata/en"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	arts := c.Articles
	lines := corpusLines(t)
	seps := []string{"\n", "\r\n", " \n\u00a0", "\n\n", "\t\n "}
	for i := 0; i < len(lines); i += 7 {
		group := lines[i:min(i+7, len(lines))]
		sep := seps[(i/7)%len(seps)]
		text := strings.Join(group, sep)
		arts = append(arts, &Article{ID: "l", Path: "l.txt", Text: text})
		if j := strings.IndexByte(text, '\n'); j >= 0 {
			arts = append(arts, &Article{ID: "l", Path: "l.txt", Text: text, BodyStart: j + 1})
		}
	}
	return arts
}

// sameClean reports whether clean and cleanWords agree on a, both with
// fresh buffers and with buffers used before. The buffers but paras are
// overwritten before the comparison: no other part of the result may be
// in them (see cleanWords).
func sameClean(t *testing.T, a *Article, lr *langRules) {
	t.Helper()
	want := clean(a, lr)
	got := cleanWords(a, lr, tokenize(a.Text, span{a.BodyStart, len(a.Text)}), true, nil)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("cleanWords(%q) = %+v, clean says %+v", a.Text, got, want)
	}
	b := cleanBufs{lower: []byte("some earlier article"), lines: make([]line, 3), live: make([]span, 2),
		removals: []Removal{{Line: 9}}, removed: []*Removal{{Line: 8}}, paras: []span{{1, 2}}}
	got = cleanWords(a, lr, tokenize(a.Text, span{a.BodyStart, len(a.Text)}), true, &b)
	for i := range b.lower[:cap(b.lower)] {
		b.lower[:cap(b.lower)][i] = '#'
	}
	clear(b.lines[:cap(b.lines)])
	clear(b.live[:cap(b.live)])
	clear(b.removals[:cap(b.removals)])
	clear(b.removed[:cap(b.removed)])
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("cleanWords(%q) with a buffer = %+v, clean says %+v", a.Text, got, want)
	}
}

// TestCleanWords compares clean given the words of the body, which takes
// each line's words from them, with clean scanning each line.
func TestCleanWords(t *testing.T) {
	arts := cleanCases(t)
	if len(arts) < 100 {
		t.Fatalf("only %d articles", len(arts))
	}
	for _, a := range arts {
		for _, lr := range []*langRules{rulesID, rulesEN} {
			sameClean(t, a, lr)
		}
	}
}

// FuzzCleanWords is TestCleanWords on arbitrary text.
func FuzzCleanWords(f *testing.F) {
	for _, s := range guardLines {
		f.Add(s+"\n"+s, 0, false)
	}
	f.Add("Kamis, 14 September 2023, 18:55 WITA\r\nBERITABALI.COM, DUNIA.\n  Rabu 4/9 10:12 WIB  \n", 3, true)
	f.Fuzz(func(t *testing.T, text string, from int, english bool) {
		if from < 0 || from > len(text) {
			from = 0
		}
		lr := rulesID
		if english {
			lr = rulesEN
		}
		sameClean(t, &Article{ID: "f", Path: "f.txt", Text: text, BodyStart: from}, lr)
	})
}

// FuzzLowerForCues is TestLowerForCues on arbitrary text; its words also
// check textScan.first against strings.Index.
func FuzzLowerForCues(f *testing.F) {
	f.Add("AbC dEF Sumber: X — Y (Reuters) VIA dilansir \u212a \u0130 @[`{ ZZZZZZZZZZ")
	f.Fuzz(func(t *testing.T, s string) {
		got, exact := lowerForCues(s)
		want := strings.ToLower(s)
		if exact {
			want = string(bytesLowerASCII([]byte(s)))
		}
		if got != want {
			t.Fatalf("lowerForCues(%q) = %q, want %q", s, got, want)
		}
		buf := make([]byte, len(s)/2, len(s)/2+3) // too small or not, and not empty
		if got, _, _ := lowerForCuesBuf(s, buf); got != want {
			t.Fatalf("lowerForCuesBuf(%q) = %q, want %q", s, got, want)
		}
		first := textScan.first(got)
		for k, w := range textScan.words {
			if got, want := first[k], strings.Index(got, w); got != want {
				t.Fatalf("textScan.first(%q)[%q] = %d, want %d", s, w, got, want)
			}
		}
	})
}

// bytesLowerASCII lowers the ASCII capitals of b, one byte at a time.
func bytesLowerASCII(b []byte) []byte {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}

// TestOutletKey compares outletKey with outletKeyRunes on the corpus
// lines, their words and every ASCII byte.
func TestOutletKey(t *testing.T) {
	texts := []string{"", "a", "Reuters", "reuters", "CNN Indonesia", "detik.com", "BERITABALI.COM", "x\xffY", "Kompas.id", "İstanbul", "\u212aelvin", strings.Repeat("AbC-9", 40)}
	for c := 0; c < 128; c++ {
		texts = append(texts, string(rune(c)), "a"+string(rune(c))+"Z")
	}
	for _, l := range corpusLines(t) {
		texts = append(texts, l)
		texts = append(texts, strings.Fields(l)...)
	}
	for _, s := range texts {
		if got, want := outletKey(s), outletKeyRunes(s); got != want {
			t.Fatalf("outletKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzOutletKey is TestOutletKey on arbitrary text.
func FuzzOutletKey(f *testing.F) {
	f.Add("Reuters/AFP")
	f.Add("kompas.com")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := outletKey(s), outletKeyRunes(s); got != want {
			t.Fatalf("outletKey(%q) = %q, want %q", s, got, want)
		}
	})
}
