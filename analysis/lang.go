package analysis

import "strings"

// verbClass tells how a reporting verb frames speech.
type verbClass int

const (
	// verbSay introduces content directly: "X mengatakan …", "X said …".
	verbSay verbClass = iota + 1
	// verbSayThat introduces content only with "bahwa"/"that" or a colon:
	// "X menyampaikan keyakinannya bahwa …".
	verbSayThat
	// verbAttrib only attributes quotations in its sentence:
	// "X memuji “…”", "X called it “…”".
	verbAttrib
	// verbAfter follows the content and precedes the speaker:
	// "…, kata Putin", "…, said Kovac".
	verbAfter
	// verbAfterPron follows the content and carries its own pronoun speaker: "…, katanya".
	verbAfterPron
)

// langRules are the closed word lists of one language. They are grammar,
// not knowledge of any corpus: reporting verbs, pronouns, titles.
type langRules struct {
	// index is the position of the language in wordInfo.lang: 0 for
	// rulesID, 1 for rulesEN.
	index int
	verbs map[string]verbClass
	// according marks "according to X" (possibly multiword, space-separated).
	according []string
	// accordingFirst holds the first word of each according marker, and
	// accordingWords the words of each, in the order of according.
	accordingFirst map[string]bool
	accordingWords [][]string
	// frameCue holds the words that findFrames acts on: those of
	// accordingPron and accordingFirst and the verbs.
	frameCue map[string]bool
	// functionWords holds the words of stop, npStop, skip, coord and lead
	// and the verbs of a class other than 0 (see function).
	functionWords map[string]bool
	// accordingPron are "according to him/her" in one word ("menurutnya").
	accordingPron map[string]bool
	// that introduces a content clause ("bahwa", "that").
	that map[string]bool
	// pronouns that carry the last named speaker.
	pronouns map[string]bool
	// skip are adverbs and auxiliaries between a subject and its verb.
	skip map[string]bool
	// coord are conjunctions that make a verb share the sentence subject.
	coord map[string]bool
	// roles are lower-case head nouns of a speaker phrase ("juru bicara", "officials").
	roles map[string]bool
	// titles are honorifics and offices dropped from names ("Presiden", "Ms").
	titles map[string]bool
	// orgWords end an organisation name inside a speaker phrase ("Departemen Luar Negeri").
	orgWords map[string]bool
	// npStop ends a speaker phrase that follows a verb ("pada", "on", "who").
	npStop map[string]bool
	// stop are function words used to detect the language.
	stop map[string]bool
	// institutions are role nouns naming a body, not a person: after one, a
	// single capitalised word is a country, not a surname ("otoritas Talaya").
	institutions map[string]bool
	// det are determiners opening a speaker phrase ("seorang pejabat").
	det map[string]bool
	// pp are prepositions that open a phrase between a subject and its
	// verb ("Kementerian X dalam pernyataannya menyatakan …").
	pp map[string]bool
	// in places a speaker ("media pemerintah di Pyongyang").
	in map[string]bool
	// as introduces what a verb of naming calls something ("sebagai", "as").
	as map[string]bool
	// of links a person to an organisation ("X of the Y", "X dari Y").
	of map[string]bool
	// lead are other words that open sentences but never names
	// (prepositions, conjunctions, passive credit verbs).
	lead map[string]bool
}

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func verbs(class verbClass, words string, into map[string]verbClass) {
	for _, w := range strings.Fields(words) {
		into[w] = class
	}
}

var rulesID = func() *langRules {
	v := make(map[string]verbClass)
	verbs(verbSay, `mengatakan berkata menyatakan menyebutkan menegaskan menjelaskan menambahkan
		mengungkapkan mengklaim membantah memperingatkan menuturkan mengakui menekankan mengucapkan
		mengingatkan menuduh menandaskan menukas menyebutkannya bilang berujar berpendapat
		mengatakannya menyatakannya mengeklaim bersikeras mengimbau menyerukan mengumumkan
		menuding mengingatkan menampik menilai memastikan mengaku`, v)
	verbs(verbSayThat, `menyampaikan melaporkan meyakini yakin berharap
		khawatir mengkhawatirkan menulis percaya menepis mencatat`, v)
	verbs(verbAttrib, `memuji menggambarkan gambarkan menyebut sebut menyebutnya menjuluki mengecam
		mengkritik berbunyi bersulang mengutuk menulisnya`, v)
	verbs(verbAfter, `kata ujar ucap tutur tulis lapor jelas tegas imbuh tambah papar terang ungkap
		sambung pungkas tukas seru`, v)
	verbs(verbAfterPron, `katanya ujarnya ucapnya tuturnya tulisnya lapornya jelasnya tegasnya imbuhnya
		tambahnya paparnya terangnya ungkapnya sambungnya pungkasnya tukasnya serunya sebutnya`, v)
	return &langRules{
		verbs: v,
		according: []string{"seperti yang dilaporkan oleh", "seperti dilaporkan oleh", "sebagaimana dilaporkan oleh",
			"seperti yang dilaporkan", "seperti dilaporkan", "sebagaimana dilaporkan", "seperti yang diberitakan oleh",
			"menurut keterangan", "menurut"},
		that:     set("bahwa"),
		pronouns: set("ia dia beliau mereka"),
		skip: set(`juga pun sebelumnya kemudian lalu telah sudah akan pernah hanya kembali sempat masih
			tidak tak belum lagi secara terpisah sendiri bahkan justru pula dengan tegas langsung`),
		coord: set("dan serta lalu kemudian sambil seraya tetapi namun"),
		roles: set(`presiden wakil ketua pemimpin juru bicara menteri perdana kantor berita media pemerintah
			militer pejabat pakar pengamat analis direktur kepala jenderal duta besar komandan sekretaris
			jenderal gubernur wali kota bupati anggota tentara polisi kepolisian diplomat sumber pihak
			warga penduduk ahli peneliti profesor pemimpin tertinggi kementerian kedutaan milik negara
			resmi pemerintahan koresponden wartawan laporan lembaga badan dewan partai otoritas
			perunding negosiator pengunjuk rasa demonstran aktivis kritikus saksi korban jaksa hakim
			penyidik penasihat ajudan politikus politisi legislator juru kantor istana
			nelayan petani mahasiswa pelajar buruh guru dokter awak kapten tim kelompok organisasi
			perusahaan paguyuban asosiasi institut angkatan pasukan parlemen kedutaan komisioner
			bidang humas`),
		titles: set(`presiden wakil ketua pemimpin menteri perdana jenderal letnan kolonel mayor kapten
			raja ratu pangeran paus sekjen dubes gubernur bupati walikota senator profesor prof dr ir
			bapak pak ibu bu tuan nyonya saudara sdr kanselir marsekal laksamana komandan pm
			komodor brigjen mayjen letjen laksda laksma kombes irjen kapolri kapolda ajun komisaris
			inspektur sersan akbp akp kompol iptu aipda bripka brigadir briptu bripda kapolres
			kapolsek kasat kasatreskrim kabid pol kepala`),
		orgWords: set(`luar negeri dalam pertahanan keamanan nasional umum keuangan perdagangan hukum
			kesehatan pendidikan energi informasi komunikasi urusan pt tbk cv persero`),
		npStop: set(`pada di dalam kepada yang saat ketika sebagai seperti untuk dari ke dengan bahwa
			dan kemarin hari pekan minggu bulan tahun senin selasa rabu kamis jumat sabtu sabtu`),
		stop: set(`yang dan di ke dari ini itu untuk dengan tidak akan pada adalah juga dalam karena
			oleh atau bahwa telah sudah mereka kami kita saat setelah sebagai`),
		of:            set("dari"),
		accordingPron: set("menurutnya"),
		as:            set("sebagai"),
		institutions:  set("otoritas pemerintah pemerintahan militer kementerian kepolisian angkatan tentara pasukan parlemen istana kedutaan"),
		det:           set("para seorang sejumlah beberapa sang"),
		pp:            set("dalam melalui lewat saat ketika usai seusai setelah sebelum di pada kepada"),
		in:            set("di"),
		lead: set(`bagi sementara meski meskipun walaupun namun sebelum sejak selama tentang terhadap
			atas bersama antara menurut dilansir dikutip melansir mengutip seperti sebagaimana kendati
			jika bila apabila agar supaya hingga sampai usai seusai menjelang jelang sedangkan sehingga`),
	}
}()

var rulesEN = func() *langRules {
	v := make(map[string]verbClass)
	verbs(verbSay, `said says told added stated warned denied claimed insisted argued noted
		explained stressed acknowledged admitted asserted declared announced maintained replied
		responded countered alleged confirmed cautioned contended urged
		saying adding telling warning insisting arguing noting stressing claiming
		say tell warn deny claim insist argue note allege`, v)
	verbSayThatEN := `wrote reported believes believed suggested thinks thought hopes hoped fears feared`
	verbs(verbSayThat, verbSayThatEN, v)
	verbs(verbAttrib, `called praised described branded dubbed labelled labeled hailed condemned
		criticized criticised slammed toasted calling describing branding dubbing labelling labeling`, v)
	// English post-verbs are the same words as the say verbs ("…," said Kovac);
	// the quote attribution code tries both orders.
	return &langRules{
		verbs:     v,
		according: []string{"according to", "as reported by"},
		that:      set("that"),
		pronouns:  set("he she they"),
		skip: set(`also later then previously earlier had has have once repeatedly again further
			separately publicly privately recently reportedly allegedly`),
		coord: set("and but while"),
		roles: set(`president vice minister prime spokesman spokeswoman spokesperson official officials
			expert experts analyst analysts leader leaders agency news state media government military
			army police general ambassador commander secretary governor mayor senator diplomat
			diplomats source sources residents witnesses ministry foreign defense defence office
			department the a an of negotiator negotiators lawmaker lawmakers deputies deputy
			protester protesters protestors activist activists critic critics observer observers
			aide aides adviser advisers advisor advisors investigators prosecutor prosecutors
			spokespeople representative representatives delegation delegates envoy envoys
			correspondent reporter reporters authorities authority campaigners organisers
			organizers monitors historian economist economists scholar researchers officers
			commanders chief executive director insiders guard coastguard navy palace embassy
			council court parliament commission committee company group union association
			institute fisherman fishermen farmer farmers student students worker workers teacher
			teachers doctor doctors villager villagers survivor survivors victim victims crew
			captain forces groups unions associations companies committees councils agencies
			ministries commissioner commissioners activists residents`),
		titles: set(`president vice minister prime general lieutenant colonel major captain king queen
			prince pope secretary ambassador governor mayor senator professor prof dr mr mrs ms miss
			sir chancellor chairman chairwoman premier foreign defense defence interior pm
			commodore admiral brigadier sergeant marshal inspector superintendent detective
			regent sheriff commissioner`),
		orgWords: set(`state foreign defense defence affairs security justice treasury home interior
			national general public health education energy trade commerce information`),
		npStop: set(`on in at to who which that when while as during after before from with and
			around across near over under against into onto for by about
			yesterday today monday tuesday wednesday thursday friday saturday sunday`),
		stop: set(`the and of to in is that for with was on are as by it at be this from have said
			has an which he she they were been not or but his her their`),
		of:           set("of from at"),
		as:           set("as"),
		institutions: set("authorities government military army navy ministry police forces parliament palace embassy guard coastguard"),
		det:          set("the a an some several"),
		pp:           set("in at during after before through via on speaking writing"),
		in:           set("in"),
		lead: set(`for since although though however meanwhile despite unlike like under over
			if unless until because whereas asked speaking writing`),
	}
}()

// function reports whether w is a function word, adverb, conjunction or
// reporting verb of the language: never the start of a name.
func (lr *langRules) function(w string) bool {
	return lr.functionWords[w]
}

// finishRules derives the lists of rulesID and rulesEN that are made of
// other lists.
func finishRules() {
	rulesEN.index = 1
	for _, lr := range []*langRules{rulesID, rulesEN} {
		lr.accordingFirst = make(map[string]bool)
		lr.accordingWords = nil
		for _, a := range lr.according {
			lr.accordingFirst[strings.Fields(a)[0]] = true
			lr.accordingWords = append(lr.accordingWords, strings.Fields(a))
		}
		lr.frameCue = make(map[string]bool)
		for _, m := range []map[string]bool{lr.accordingPron, lr.accordingFirst} {
			for w, ok := range m {
				lr.frameCue[w] = lr.frameCue[w] || ok
			}
		}
		for w := range lr.verbs {
			lr.frameCue[w] = true
		}
		lr.functionWords = make(map[string]bool)
		for _, m := range []map[string]bool{lr.stop, lr.npStop, lr.skip, lr.coord, lr.lead} {
			for w, ok := range m {
				lr.functionWords[w] = lr.functionWords[w] || ok
			}
		}
		for w, c := range lr.verbs {
			lr.functionWords[w] = lr.functionWords[w] || c != 0
		}
	}
}

// rulesFor returns the rules of a language ("id" or "en").
func rulesFor(lang string) *langRules {
	if lang == "en" {
		return rulesEN
	}
	return rulesID
}

// abbreviations never end a sentence (lower case, without the final period).
var abbreviations = set(`dr prof h hj ir no jl kab kec st dll dsb dkk drs tn ny sdr bpk yth
	mr mrs ms jr sr inc co corp ltd vs etc gen col lt sgt capt gov sen rep rev fig approx
	est dept univ ave blvd mt ft jan feb mar apr jun jul aug sep sept oct nov dec no kol brigjen
	mayjen letjen jend kapt`)

// detectLanguage returns "en" or "id" by counting function words.
func detectLanguage(toks []token) string {
	var id, en int
	for i := range toks {
		in := toks[i].info().lang
		if in[rulesID.index]&wStop != 0 {
			id++
		}
		if in[rulesEN.index]&wStop != 0 {
			en++
		}
	}
	if en > id {
		return "en"
	}
	return "id"
}

// Weekday and month names for date lines and speaker-phrase boundaries.
var (
	weekdays = set(`senin selasa rabu kamis jumat jum'at sabtu minggu monday tuesday wednesday thursday
		friday saturday sunday`)
	months = map[string]int{
		"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
		"agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
		"january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
		"october": 10, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"agu": 8, "agt": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11,
		"des": 12, "dec": 12,
	}
)
