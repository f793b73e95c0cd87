package analysis

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleaned is an article after boilerplate removal: the body paragraphs,
// what was removed, and what the header told about the article.
type cleaned struct {
	paras    []span
	removed  []*Removal
	outlet   string // from a dateline or header; "" if none
	outletEv string // the text it was read from
	outletBy string // "dateline" or "header"
	title    string
	date     string
	credits  []*Credit
}

type line struct {
	n          int // 1-based line number in the whole text
	start, end int // without the line break
}

func splitLines(text string, from int) []line {
	var out []line
	n := 1 + strings.Count(text[:from], "\n")
	for i := from; i <= len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		e := end
		if e > i && text[e-1] == '\r' {
			e--
		}
		out = append(out, line{n: n, start: i, end: e})
		n++
		if j < 0 {
			break
		}
		i = end + 1
	}
	return out
}

var (
	reIconLine   = regexp.MustCompile(`^(?:[a-z]+(?:_[a-z]+)+\s*)+$`)
	reSingleWord = regexp.MustCompile(`^[a-z]{2,20}$`)
	reChrome     = regexp.MustCompile(`(?i)^(?:advertisement|iklan|scroll to continue.*|scroll untuk melanjutkan.*|lanjutkan membaca.*|share(?: this)?(?: article)?|bagikan|komentar|tags?:.*|topik:.*|google news|follow|ikuti kami|read next|loading\.*|menu|home|beranda)$`)
	reRelated    = regexp.MustCompile(`(?i)^(?:baca(?: juga)?|lihat juga|simak juga|tonton juga|berita terkait|artikel terkait|read also|also read|read more|see also|related(?: articles?| stories| news)?|more on this)\s*[:\-–—]`)
	reRelatedTop = regexp.MustCompile(`(?i)^(?:berita|artikel|baca)\s+(?:te\S*kait|lainnya|juga)\b`)
	reFollow     = regexp.MustCompile(`(?i)^(?:ikuti|follow|subscribe|langganan|berlangganan|simak berita|dapatkan (?:update|berita|informasi)|join our|sign up)\b|whatsapp channel|google news|saluran whatsapp|telegram channel`)
	reByline     = regexp.MustCompile(`(?i)^(?:editor|reporter|penulis|pewarta|redaktur|penyunting|wartawan|kontributor|written by|reporting by|editing by|additional reporting by|laporan wartawan|copyright|hak cipta)\s*[:|]|^(?:by|oleh)\s+\p{Lu}\S*(?:\s+\p{Lu}\S*){0,3}$|^©`)
	// Embedded media and bare agency/editor initials on their own line:
	// "[Gambas:Video CNN]", "(rzk/ana)".
	reEmbedLine = regexp.MustCompile(`^\[[^\[\]]{1,120}\]$|^\((?:[a-z]{2,6})(?:/[a-z]{2,6})+\)$`)
	// Wire sign-offs without a colon: "Reporting by A in B; Editing by C".
	reWireByline = regexp.MustCompile(`(?i)^(?:additional )?(?:reporting|writing|editing|compiled|translated)(?: by| from)\s+\p{Lu}`)
	reCaption    = regexp.MustCompile(`(?i)^(?:foto|photo|gambar|image|ilustrasi|caption|keterangan foto|sumber foto|video)\s*[:|]|^\((?:foto|photo|ilustrasi)\b[^)]*\)$`)
	reCreditLine = regexp.MustCompile(`(?i)^\(?(?:sumber|source)\s*:\s*(.+?)\)?\.?$`)
	reURLLine    = regexp.MustCompile(`(?i)^(?:https?://\S+|www\.\S+|[a-z0-9-]+\.(?:com|co|id|net|org|co\.id|co\.uk)(?:\.[a-z]{2})?/\S.*)$`)
	reTimeWord   = regexp.MustCompile(`(?i)\b\d{1,2}[:.]\d{2}\b|\bWI[BT]A?\b|\bWITA\b|\bGMT\b|\bUTC\b`)
	// An inline byline or credit closing a paragraph: "(TribunWow Magang/Name)", "(ant/dtc)".
	reTrailByline = regexp.MustCompile(`\s*\((?:[^()]{1,60}/[^()]{1,60}|[a-z]{2,6}(?:/[a-z]{2,6})*)\)\s*$`)
	reTrailCredit = regexp.MustCompile(`(?i)\s*\((?:sumber|source)\s*:\s*[^()]{1,80}\)\s*$`)
	// Dateline prefixes: up to three short segments joined by "|" or ",", then a dash.
	reDatelinePrefix = regexp.MustCompile(`^((?:[\p{L}\d.()&' ]{1,40}\s*[|,]\s*){0,2}[\p{L}\d.()&' ]{1,40}?)\s*(?:-{1,2}|–|—)\s+`)
	// A whole-line dateline: "BERITABALI.COM, DUNIA."
	reDatelineLine = regexp.MustCompile(`^([\p{L}\d.&' ]{2,40})(?:,\s*[\p{L} ]{2,30})?\.?$`)
	reDomain       = regexp.MustCompile(`(?i)^(?:www\.)?[\p{L}\d-]+(?:\.[a-z]{2,6}){1,2}$`)
)

// hasTerminal reports whether s ends like a sentence.
func hasTerminal(s string) bool {
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\"”’»)…:;", r)
}

func wordCount(s string) int { return countWords(s, span{0, len(s)}) }

// clean finds the body of an article and removes boilerplate.
func clean(a *Article, lang *langRules) *cleaned {
	c := &cleaned{}
	text := a.Text
	lines := splitLines(text, a.BodyStart)
	removedLine := make(map[int]bool)
	remove := func(l line, rule string) {
		removedLine[l.n] = true
		c.removed = append(c.removed, &Removal{Line: l.n, Start: l.start, End: l.end, Text: text[l.start:l.end], Rule: rule})
	}
	// live[i] is the part of lines[i] that remains.
	live := make([]span, len(lines))
	for i, l := range lines {
		s := strings.TrimSpace(text[l.start:l.end])
		live[i] = trimSpan(text, span{l.start, l.end})
		if s == "" {
			continue
		}
		rule := ""
		switch {
		case len(s) > 200 && wordCount(s) > 40:
			// Prose: no boilerplate rule applies to a paragraph this long.
		case reIconLine.MatchString(s) || reSingleWord.MatchString(s) || reChrome.MatchString(s):
			rule = "chrome"
		case reRelated.MatchString(s) || (reRelatedTop.MatchString(s) && !hasTerminal(s) && wordCount(s) <= 10):
			rule = "related"
		case reFollow.MatchString(s) && wordCount(s) <= 40:
			rule = "follow"
		case reByline.MatchString(s) || reEmbedLine.MatchString(s) || reWireByline.MatchString(s) && wordCount(s) <= 40:
			rule = "byline"
		case reCaption.MatchString(s):
			rule = "caption"
		case reCreditLine.MatchString(s) && wordCount(s) <= 8:
			rule = "credit"
		case reURLLine.MatchString(s):
			rule = "url"
		case isDateLine(s):
			rule = "date"
			if c.date == "" {
				c.date = parseDate(s)
			}
		}
		if rule != "" {
			remove(l, rule)
		}
	}
	// The header: the first few remaining lines may hold a headline and a dateline.
	seen := 0
	for i, l := range lines {
		if removedLine[l.n] || live[i].Start == live[i].End {
			continue
		}
		seen++
		if seen > 4 {
			break
		}
		s := text[live[i].Start:live[i].End]
		if m := reDatelineLine.FindStringSubmatch(s); m != nil && isOutletLike(m[1]) && !hasTerminalWord(s) {
			c.outlet, c.outletEv, c.outletBy = strings.TrimSpace(m[1]), s, "dateline"
			remove(l, "dateline")
			c.markTitle(text, lines[:i], live[:i], removedLine, remove)
			break
		}
		if m := reDatelinePrefix.FindStringSubmatchIndex(s); m != nil {
			segs := text[live[i].Start+m[2] : live[i].Start+m[3]]
			if name, ok := datelineOutlet(segs); ok {
				c.outlet, c.outletEv, c.outletBy = name, strings.TrimSpace(s[:m[1]]), "dateline"
				if name == "" {
					c.outletBy = ""
				}
				pre := span{live[i].Start, live[i].Start + m[1]}
				c.removed = append(c.removed, &Removal{Line: l.n, Start: pre.Start, End: pre.End, Text: text[pre.Start:pre.End], Rule: "dateline"})
				live[i].Start = pre.End
				c.markTitle(text, lines[:i], live[:i], removedLine, remove)
				break
			}
		}
	}
	// A headline without a dateline: the first remaining line, short and
	// unfinished, directly above a date line.
	if c.title == "" {
		c.headlineAboveDate(text, lines, live, removedLine, remove)
	}
	// Trailing bylines and credits closing a paragraph, and fragments after the last sentence.
	for i, l := range lines {
		if removedLine[l.n] {
			continue
		}
		for {
			s := text[live[i].Start:live[i].End]
			if !strings.HasSuffix(s, ")") {
				break // both patterns end in a closing bracket
			}
			loc := reTrailCredit.FindStringIndex(s)
			rule := "credit"
			if loc == nil {
				loc = reTrailByline.FindStringIndex(s)
				rule = "byline"
			}
			if loc == nil || loc[0] == 0 {
				break
			}
			sp := trimSpan(text, span{live[i].Start + loc[0], live[i].Start + loc[1]})
			c.removed = append(c.removed, &Removal{Line: l.n, Start: sp.Start, End: sp.End, Text: text[sp.Start:sp.End], Rule: rule})
			live[i].End = trimSpan(text, span{live[i].Start, live[i].Start + loc[0]}).End
		}
	}
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if removedLine[l.n] || live[i].Start == live[i].End {
			continue
		}
		s := text[live[i].Start:live[i].End]
		if hasTerminal(s) || wordCount(s) > 8 {
			break
		}
		remove(l, "fragment")
	}
	// Paragraphs: remaining lines, joining a line that does not end a
	// sentence with a following line that starts in lower case (hard wraps).
	var cur span
	have := false
	for i, l := range lines {
		sp := live[i]
		if removedLine[l.n] || sp.Start == sp.End {
			if have {
				c.paras = append(c.paras, cur)
				have = false
			}
			continue
		}
		if have && !hasTerminal(text[cur.Start:cur.End]) && unicode.IsLower(firstRune(text[sp.Start:sp.End])) {
			cur.End = sp.End
			continue
		}
		if have {
			c.paras = append(c.paras, cur)
		}
		cur, have = sp, true
	}
	if have {
		c.paras = append(c.paras, cur)
	}
	sortRemovals(c.removed)
	c.credits = findCredits(text, a.BodyStart)
	return c
}

// headlineAboveDate removes a headline that sits directly above a date
// line ("Bupati X Buka Suara soal Y" / "Rabu, 4 September 2024 - 10:12").
func (c *cleaned) headlineAboveDate(text string, lines []line, live []span, removed map[int]bool, remove func(line, string)) {
	for i, l := range lines {
		if removed[l.n] || live[i].Start == live[i].End {
			continue
		}
		s := text[live[i].Start:live[i].End]
		if hasTerminal(s) || wordCount(s) > 20 {
			return
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(text[lines[j].start:lines[j].end]) == "" {
				continue
			}
			for _, r := range c.removed {
				if r.Line == lines[j].n && r.Rule == "date" {
					c.title = s
					remove(l, "title")
				}
			}
			return
		}
		return
	}
}

// markTitle removes the headline: remaining lines above the dateline.
func (c *cleaned) markTitle(text string, lines []line, live []span, removed map[int]bool, remove func(line, string)) {
	for i, l := range lines {
		if removed[l.n] || live[i].Start == live[i].End {
			continue
		}
		if c.title == "" {
			c.title = text[live[i].Start:live[i].End]
		}
		remove(l, "title")
	}
}

func hasTerminalWord(s string) bool {
	// A dateline line has at most a few words.
	return wordCount(s) > 6
}

func sortRemovals(rs []*Removal) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].Start < rs[j-1].Start; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}

// isOutletLike reports whether s looks like an outlet name in a dateline:
// a domain ("BERITABALI.COM", "EGINDO.co") or words in capitals that are not a place.
func isOutletLike(s string) bool {
	s = strings.TrimSpace(s)
	if reDomain.MatchString(s) {
		return true
	}
	if isPlaceName(s) {
		return false
	}
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 3 && upper == letters
}

// datelineOutlet picks the outlet from the segments of a dateline prefix
// ("Seoul | EGINDO.co", "JAKARTA, KOMPAS.com", "TRIBUNWOW.COM"). ok is
// false when the prefix is not a dateline; name is "" when it is a
// dateline without an outlet ("JAKARTA", "WASHINGTON (Reuters)").
func datelineOutlet(prefix string) (name string, ok bool) {
	segs := strings.FieldsFunc(prefix, func(r rune) bool { return r == '|' || r == ',' })
	if len(segs) == 0 {
		return "", false
	}
	dateline := false
	for _, s := range segs {
		s = strings.TrimSpace(s)
		if wordCount(s) > 4 {
			return "", false
		}
		if reDomain.MatchString(s) {
			return s, true
		}
		if isPlaceName(s) || strings.Contains(s, "(") {
			dateline = true
			continue
		}
		if isOutletLike(s) {
			name = s
		}
	}
	if dateline {
		// "VALMONTE, Talaya (Pacific Wire) -": a wire's own dateline; the
		// name in brackets wins over a city in capitals.
		if m := reParenName.FindStringSubmatch(prefix); m != nil && !isPlaceName(m[1]) {
			name = m[1]
		}
	}
	if name == "" && dateline {
		// "Jakarta, Lensa Pasifik --": a place, then a name in title case.
		for _, s := range segs {
			if s = strings.TrimSpace(s); !isPlaceName(s) && isTitleCaseName(s) {
				name = s
			}
		}
	}
	if name != "" {
		return name, true
	}
	return "", dateline
}

var reParenName = regexp.MustCompile(`\((\p{Lu}[\p{L}.&']*(?:\s+\p{Lu}[\p{L}.&']*){0,3})\)\s*$`)

// isTitleCaseName reports whether s is one to four capitalised words, as
// an outlet name in a dateline ("Lensa Pasifik").
func isTitleCaseName(s string) bool {
	toks := tokenize(s, span{0, len(s)})
	if len(toks) == 0 || len(toks) > 4 || strings.ContainsAny(s, "()") {
		return false
	}
	for _, t := range toks {
		if !t.Cap {
			return false
		}
	}
	return true
}

// isDateLine reports whether s is a line of date and time alone
// ("Kamis, 14 September 2023, 18:55 WITA Follow").
func isDateLine(s string) bool {
	if wordCount(s) > 12 || hasTerminal(s) && !strings.HasSuffix(s, ".") {
		return false
	}
	toks := tokenize(s, span{0, len(s)})
	month, digits, day := false, 0, false
	for _, t := range toks {
		if _, ok := months[t.Norm]; ok && len(t.Norm) > 3 {
			month = true
		}
		if weekdays[t.Norm] {
			day = true
		}
		if unicode.IsDigit(firstRune(t.Norm)) {
			digits++
		}
	}
	return month && digits >= 2 && (day || reTimeWord.MatchString(s)) || reTimeWord.MatchString(s) && digits >= 3 && strings.Contains(s, "/")
}

var reDMY = regexp.MustCompile(`(\d{1,2})\s+(\p{L}+)\s+(\d{4})`)

// parseDate reads "14 September 2023" as "2023-09-14"; "" if absent.
func parseDate(s string) string {
	m := reDMY.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	mo, ok := months[strings.ToLower(m[2])]
	if !ok {
		return ""
	}
	var d int
	fmt.Sscan(m[1], &d)
	return fmt.Sprintf("%s-%02d-%02d", m[3], mo, d)
}

// Outlet names.

// outletKey identifies an outlet whatever its spelling: lower-case letters and digits.
func outletKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	reDotCom = regexp.MustCompile(`(?i)\.com$`)
	reTLD    = regexp.MustCompile(`(?i)\.(?:com|co\.id|id|net|org|news|co)$`)
)

// prettyOutlet turns a dateline name into the name a reader would use: a
// known outlet's canonical name; else without ".com", in the mixed case
// the article itself uses for it, else in title case.
func prettyOutlet(name, text string) string {
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(name, "www."), "WWW."))
	if canon, ok := canonicalOutlet(name); ok {
		return canon
	}
	base := reDotCom.ReplaceAllString(name, "")
	if strings.ToUpper(base) != base {
		return base // already mixed case: "EGINDO.co"
	}
	// Look for the same name in mixed case elsewhere in the text.
	re := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(base) + `\b`)
	for _, loc := range re.FindAllStringIndex(text, -1) {
		w := text[loc[0]:loc[1]]
		if strings.ToUpper(w) != w && strings.ToLower(w) != w {
			return w
		}
	}
	if w := spacedVariant(reTLD.ReplaceAllString(base, ""), text); w != "" {
		return w
	}
	return titleCase(base)
}

var reCapRun = regexp.MustCompile(`\p{Lu}[\p{L}\d]*(?:[ \t]+\p{Lu}[\p{L}\d]*){1,3}`)

// spacedVariant finds the name written as separate capitalised words in
// the text ("Warta Nusantara" for "WARTANUSANTARA"); "" if absent.
func spacedVariant(name, text string) string {
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

// outletFromFilename turns a file name into an outlet name: leading
// numbers, language codes and hashes dropped, words in title case
// ("en_02_archipelago_ledger.txt" → "Archipelago Ledger"), in the case the
// text itself uses when it names the outlet. It returns the base name
// when nothing is left.
func outletFromFilename(base, text string) string {
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
	name := strings.Join(parts, " ")
	re := regexp.MustCompile(`(?i)\b` + strings.Join(quoteAll(parts), `\s+`) + `\b`)
	for _, w := range re.FindAllString(text, -1) {
		if strings.ToLower(w) != w {
			return w
		}
	}
	return titleCase(name)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = regexp.QuoteMeta(s)
	}
	return out
}

// isNumberOrHash reports a file-name part that names no outlet: digits, or
// eight or more hexadecimal characters.
func isNumberOrHash(s string) bool {
	digits, hex := true, len(s) >= 8
	for _, r := range s {
		if r < '0' || r > '9' {
			digits = false
		}
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			hex = false
		}
	}
	return digits || hex
}

// titleCase capitalises each word, keeping words of up to three letters in capitals (CNN, BBC).
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if utf8.RuneCountInString(w) <= 3 {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
	}
	return strings.Join(words, " ")
}

// canonicalOutlet looks a name or domain up in the built-in list of
// outlets and agencies, allowing one typing error in names of six or more letters.
func canonicalOutlet(name string) (string, bool) {
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

// editDistanceAtMost1 reports whether a and b differ by at most one
// insertion, deletion or substitution.
func editDistanceAtMost1(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// Credits.

// creditPatterns find credits; a pattern runs only on text holding one
// of its cue words (lower case), which keeps the regular expressions off
// most articles.
var creditPatterns = []struct {
	rule string
	cues []string
	re   *regexp.Regexp
}{
	{"sumber", []string{"sumber", "source"}, regexp.MustCompile(`(?i)\b(?:sumber|source)\s*:\s*([^()\n]{1,60}?)\s*(?:\)|\.?\s*$|\n)`)},
	{"dilansir", []string{"dilansir", "dikutip", "disadur", "diterjemahkan"}, regexp.MustCompile(`(?i)\b(?:dilansir|dikutip|disadur|diterjemahkan)\b[^,\n]{0,40}?\bdari[ \t]+([\p{L}\d][\p{L}\d.&'-]*(?:[ \t]+\p{Lu}[\p{L}\d.&'-]*){0,3})`)},
	{"melansir", []string{"melansir", "mengutip", "dikutip", "dilansir", "diberitakan", "reported by", "via"}, regexp.MustCompile(`(?i)\b(?:melansir|mengutip dari|seperti dikutip|sebagaimana dikutip|seperti dilansir|seperti diberitakan|as reported by|reported by|via)\s+(?:oleh[ \t]+)?([\p{L}\d][\p{L}\d.&'-]*(?:[ \t]+\p{Lu}[\p{L}\d.&'-]*){0,3})`)},
	{"agency-tag", []string{"("}, regexp.MustCompile(`\((\p{Lu}[\p{L}.]{1,20}(?:/\p{Lu}[\p{L}.]{1,20})?)\)`)},
	{"reporting-from", []string{"reporting"}, regexp.MustCompile(`(?i)\bwith (?:additional )?reporting (?:from|by)[ \t]+([\p{L}\d][\p{L}\d.&'-]*(?:[ \t]+\p{Lu}[\p{L}\d.&'-]*){0,3})`)},
	{"sign-off", []string{"-", "–", "—"}, regexp.MustCompile(`(?m)^\s*[-–—]+\s*(\p{Lu}[\p{L}.]{1,20})\s*$`)},
}

var reAnd = regexp.MustCompile(`(?i)\s+(?:and|dan|&)\s+`)

// findCredits extracts credited outlets and agencies. Only names that are
// known outlets, or look like a domain or a proper name, are kept;
// "(Reuters)"-style tags and sign-offs only for known outlets.
func findCredits(text string, from int) []*Credit {
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
