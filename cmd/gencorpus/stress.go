package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The pools of the stress corpus (-stress).
var (
	speakers = []string{"Presiden Ramon Dela Cruz", "Menteri Luar Negeri Teresa Villanueva", "juru bicara kepolisian Kombes Rahmat Sudirja",
		"Perdana Menteri Azman Hakimi", "pengamat politik Rina Hapsari", "Direktur Utama PT Sinar Bumi Benny Kurniawan"}
	short   = []string{"Dela Cruz", "Villanueva", "Rahmat", "Azman", "Rina", "Benny"}
	clauses = []string{
		"pemerintah akan meninjau kembali izin tambang di wilayah itu",
		"aparat keamanan bertindak sesuai prosedur saat membubarkan massa",
		"kedua negara sepakat melanjutkan perundingan pekan depan",
		"harga bahan pokok diperkirakan naik menjelang akhir tahun",
		"rezim itu dituduh melakukan agresi di perbatasan",
		"kelompok tertentu diduga sengaja memprovokasi warga",
		"investasi asing berpotensi terganggu oleh kericuhan tersebut",
		"warga menolak rencana relokasi yang dinilai sepihak",
	}
	narration = []string{
		"Ketegangan di kawasan itu meningkat sejak awal bulan.",
		"Ratusan warga berkumpul di depan kantor bupati sejak pagi.",
		"Situasi kembali kondusif menjelang sore hari.",
		"Polisi menangkap sembilan orang yang diduga terlibat perusakan.",
		"Pertemuan itu berlangsung tertutup selama tiga jam.",
		"Kemungkinan besar sidang lanjutan digelar bulan depan.",
	}
	english = []string{
		"The government said it would review the permit, according to officials.",
		"\"We will not be intimidated by this regime,\" the minister told reporters.",
		"Police reportedly detained nine people after the protest.",
		"Analysts said the talks may resume next week.",
	}
	wire = []string{
		"Kedua pemimpin menandatangani nota kesepahaman tentang kerja sama ekonomi dan keamanan maritim di ibu kota pada Senin malam.",
		"Kementerian Luar Negeri menyatakan bahwa pertemuan tingkat tinggi itu akan membahas perdagangan, energi dan perlindungan nelayan.",
		"Menurut kantor berita negara, delegasi kedua negara menyepakati jalur komunikasi darurat untuk mencegah insiden di laut.",
	}
	credits = []string{"(sumber: antaranews.com)", "Sumber: Reuters/AFP", "", "", "Dilansir dari CNN Indonesia.", ""}
	chrome  = []string{"Baca juga: Harga Cabai Naik Jelang Akhir Tahun", "ADVERTISEMENT", "Scroll untuk melanjutkan", "Editor: Lusi Wardhani"}
)

// stressArticle writes one article of about 6 KB for the stress corpus:
// every sentence comes from a few dozen, so nearly every sentence is
// shared by thousands of articles and every pair of outlets shares text.
// It is the worst case for reuse detection and the size of the JSON, and
// its bytes are those of the first version of this generator.
func stressArticle(rng *rand.Rand, i int, outlet string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "JAKARTA, %s.com - ", strings.ToUpper(strings.ReplaceAll(outlet, " ", "")))
	for p := 0; b.Len() < 6000; p++ {
		k := rng.IntN(len(speakers))
		switch rng.IntN(8) {
		case 0:
			fmt.Fprintf(&b, "%s mengatakan bahwa %s pada hari ke-%d.", speakers[k], clauses[rng.IntN(len(clauses))], rng.IntN(30)+1)
		case 1:
			fmt.Fprintf(&b, "“%s,” kata %s kepada wartawan.", capital(clauses[rng.IntN(len(clauses))]), short[k])
		case 2:
			fmt.Fprintf(&b, "%s menilai %s. Ia menambahkan, %s.", speakers[k], clauses[rng.IntN(len(clauses))], clauses[rng.IntN(len(clauses))])
		case 3:
			fmt.Fprintf(&b, "Menurut %s, situasi itu merupakan \"%s\" yang harus segera diselesaikan.", short[k], clauses[rng.IntN(len(clauses))])
		case 4:
			b.WriteString(wire[rng.IntN(len(wire))])
		case 5:
			b.WriteString(english[rng.IntN(len(english))])
		case 6:
			b.WriteString(chrome[rng.IntN(len(chrome))])
		default:
			b.WriteString(narration[rng.IntN(len(narration))])
		}
		fmt.Fprintf(&b, " (%d)\n\n", i*31+p) // a number per paragraph keeps articles apart
	}
	b.WriteString(credits[rng.IntN(len(credits))])
	return b.String()
}
