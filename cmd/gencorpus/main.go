// Command gencorpus writes a deterministic synthetic news corpus as JSON
// Lines, for benchmarks of framelens at any size.
//
// Usage:
//
//	gencorpus [-mb 250] [-outlets 500] [-seed 1] [-o corpus.jsonl]
//
// Articles (about 6 KB each) are made of Indonesian and English news
// sentences recombined at random: datelines, reported speech, direct and
// partial quotes with named speakers and pronouns, loaded terms and hedges
// from the built-in lexicon, page chrome, credit lines, and wire passages
// that several outlets carry word for word, so every feature of the
// analysis has work to do. The same flags always give the same bytes.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

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

func main() {
	mb := flag.Float64("mb", 250, "corpus size in MB")
	outlets := flag.Int("outlets", 500, "number of outlets")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "corpus.jsonl", "output `file`")
	flag.Parse()
	if *outlets < 1 || *mb <= 0 {
		fmt.Fprintln(os.Stderr, "gencorpus: -outlets and -mb must be positive")
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(*seed, 2))
	limit := int64(*mb * 1e6)
	var written int64
	for i := 0; written < limit; i++ {
		outlet := fmt.Sprintf("Warta %03d", rng.IntN(*outlets))
		rec := map[string]string{"id": fmt.Sprintf("a%07d", i), "outlet": outlet, "title": fmt.Sprintf("Berita %d", i), "text": article(rng, i, outlet)}
		b, err := json.Marshal(rec)
		if err != nil {
			panic(err) // strings always marshal
		}
		w.Write(b)
		w.WriteByte('\n')
		written += int64(len(b)) + 1
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

// article writes one article of about 6 KB.
func article(rng *rand.Rand, i int, outlet string) string {
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

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
