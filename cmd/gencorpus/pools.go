package main

// The pools the default corpus composes its sentences from. Their sizes
// multiply: a clause is one of tens of millions, so that, as in real news,
// two articles share a run of eight words almost only where one carries
// the other's text.
var (
	places = []string{"Jakarta", "Surabaya", "Bandung", "Makassar", "Semarang", "Yogyakarta", "Denpasar", "Palembang",
		"Pontianak", "Manado", "Jayapura", "Ambon", "Kupang", "Mataram", "Pekanbaru", "Balikpapan", "Samarinda",
		"Banda Aceh", "Seoul", "Tokyo", "Beijing", "Moskow", "Vladivostok", "Singapura", "Kuala Lumpur", "Manila",
		"Bangkok", "Hanoi", "Canberra", "Washington", "London", "Paris", "Berlin", "Jenewa", "New York", "Brussel"}
	agencies   = []string{"Antara", "Antara", "Antara", "Reuters", "AFP", "AP", "Xinhua", "Yonhap"}
	firstNames = []string{"Budi", "Siti", "Agus", "Dewi", "Rahmat", "Sri", "Andi", "Rina", "Hendra", "Wulan", "Yusuf",
		"Maya", "Joko", "Lestari", "Fajar", "Intan", "Bambang", "Ratna", "Dimas", "Nurul", "Teguh", "Ayu", "Hasan",
		"Fitri", "Irwan", "Sari", "Rudi", "Indah", "Eko", "Putri", "Ramon", "Teresa", "Azman", "Kenji", "Min-jun",
		"Olga", "Pierre", "Grace", "Daniel", "Aisyah", "Bayu", "Citra", "Dedi", "Evi", "Gilang", "Hana", "Iqbal",
		"Kartika", "Lukman", "Mega"}
	lastNames = []string{"Santoso", "Wijaya", "Hidayat", "Saputra", "Kurniawan", "Pratama", "Nugroho", "Lestari",
		"Hakimi", "Villanueva", "Sudirja", "Hapsari", "Siregar", "Nasution", "Harahap", "Simanjuntak", "Tanjung",
		"Wibowo", "Setiawan", "Gunawan", "Halim", "Rahardjo", "Purnomo", "Susanto", "Firmansyah", "Hutapea",
		"Manurung", "Pohan", "Lubis", "Daulay", "Mahendra", "Permana", "Sembiring", "Ginting", "Tarigan",
		"Pangaribuan", "Sitompul", "Batubara", "Matondang", "Rangkuti", "Kusuma", "Anggraini", "Maharani",
		"Suryadi", "Effendi", "Ramadhan", "Syahputra", "Zulkarnain", "Adiputra", "Wirawan"}
	titlesID = []string{"Presiden", "Menteri Luar Negeri", "Menteri Pertahanan", "Menteri Perdagangan",
		"juru bicara kepolisian", "pengamat politik", "Gubernur", "Bupati", "Ketua DPR", "anggota Komisi I DPR",
		"Direktur Eksekutif", "peneliti", "Kapolda", "Wakil Ketua MPR", "Duta Besar", "Kepala Staf Angkatan Darat",
		"pakar hukum internasional", "Sekretaris Jenderal", "Wali Kota", "ekonom senior"}
	titlesEN = []string{"President", "Foreign Minister", "Defence Minister", "police spokesman", "analyst",
		"Governor", "Senator", "Ambassador", "Prime Minister", "professor"}
	// A clause is subject noun and modifier, verb, object noun and
	// modifier: 50×40×60×60×60 starts, close to the entropy of real prose
	// over the first five words.
	subjectsID = []string{"pemerintah", "aparat", "warga", "polisi", "dewan", "kelompok", "pengunjuk rasa",
		"kementerian", "perusahaan", "organisasi", "otoritas", "nelayan", "tim", "komisi", "bank", "pengusaha",
		"serikat", "mahasiswa", "delegasi", "panitia", "badan", "kejaksaan", "pasukan", "koalisi", "oposisi",
		"pedagang", "diplomat", "penyidik", "pengelola", "guru", "pengemudi", "petani", "buruh", "relawan",
		"investor", "operator", "satgas", "inspektorat", "ombudsman", "lembaga", "asosiasi", "yayasan",
		"kontraktor", "pemda", "kepala desa", "pejabat", "tokoh adat", "pengacara", "auditor", "aktivis"}
	subjectModsID = []string{"setempat", "daerah", "pusat", "provinsi", "kota", "desa", "pesisir", "perbatasan",
		"nasional", "independen", "gabungan", "khusus", "swasta", "negeri", "asing", "lokal", "muda", "senior",
		"regional", "terpadu", "kecil", "besar", "baru", "lama", "sipil", "militer", "adat", "tani", "pelabuhan",
		"bandara", "pasar", "sekolah", "kampus", "kabupaten", "kecamatan", "kelurahan", "utara", "selatan",
		"timur", "barat"}
	verbsID = []string{"meninjau", "menolak", "mendukung", "membahas", "mengevaluasi", "menunda", "menyetujui",
		"mempertanyakan", "mengkritik", "memperketat", "melonggarkan", "mengumumkan", "menyelidiki", "mencabut",
		"memperpanjang", "menandatangani", "menyoroti", "menggugat", "mengawal", "membatalkan", "merevisi",
		"menghentikan", "menyiapkan", "menaikkan", "menurunkan", "membekukan", "menyalurkan", "memverifikasi",
		"mengaudit", "memantau", "mengusulkan", "menegosiasikan", "memprotes", "membela", "mengusut", "menata",
		"mengalokasikan", "menggelar", "memulai", "menyelesaikan", "menguji", "menerbitkan", "menyegel",
		"menertibkan", "membangun", "merehabilitasi", "mendata", "menghitung", "membiayai", "memeriksa",
		"mengajukan", "menawarkan", "menanggung", "meluncurkan", "mengakhiri", "mengoreksi", "memetakan",
		"mempercepat", "memperluas", "menutup"}
	objectsID = []string{"izin", "rencana", "anggaran", "harga", "kerja sama", "jalur", "kebijakan", "tarif",
		"proyek", "subsidi", "kuota", "perjanjian", "hasil", "pembangunan", "status", "program", "kenaikan",
		"sengketa", "pengadaan", "rancangan", "data", "jadwal", "nota", "penutupan", "pembagian", "pajak",
		"kontrak", "aturan", "laporan", "pengiriman", "perluasan", "sistem", "pemulangan", "tunjangan",
		"penertiban", "pengamanan", "pemeriksaan", "rotasi", "penyaluran", "revitalisasi", "pembelian",
		"pinjaman", "dana", "lelang", "sertifikat", "bantuan", "jaminan", "retribusi", "standar", "target",
		"skema", "insentif", "denda", "utang", "ekspor", "impor", "produksi", "stok", "cadangan", "tender"}
	objectModsID = []string{"tambang", "relokasi", "pertahanan", "pangan", "listrik", "jalan tol", "beras",
		"batu bara", "bendungan", "pasir laut", "bencana", "makan siang", "upah", "lahan", "kapal patroli",
		"penyiaran", "bansos", "latihan militer", "energi", "pabrik", "tanah", "kendaraan", "air bersih",
		"zonasi", "keuangan daerah", "kemanusiaan", "bandara", "suku bunga", "ibu kota", "pendidikan",
		"tiket", "kereta", "pekerja migran", "vaksin", "reklamasi", "guru", "pedagang", "perbatasan", "saksi",
		"pejabat", "gabah", "pupuk", "pasar", "antariksa", "pesawat", "rumah sakit", "sekolah", "perikanan",
		"hutan", "pelabuhan", "gas", "minyak", "nikel", "sawit", "garam", "gula", "jagung", "kedelai",
		"perumahan", "irigasi"}
	whenID = []string{"pekan depan", "sejak awal bulan", "pada Senin", "pada Selasa malam", "pada Rabu pagi",
		"pada Kamis", "pada Jumat sore", "akhir pekan ini", "menjelang akhir tahun", "tiga hari terakhir",
		"tahun ini", "bulan lalu", "secepatnya", "dalam waktu dekat", "mulai tahun depan", "dua pekan mendatang",
		"sejak Agustus", "pekan lalu", "kemarin", "hari ini", "tahun depan", "bulan depan", "semester ini",
		"sebelum Oktober", "hingga Desember"}
	saysID      = []string{"mengatakan", "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menyebutkan"}
	saidID      = []string{"kata", "ujar", "tutur", "ucap", "kata"}
	toWhomID    = []string{"kepada wartawan", "di sela rapat kerja", "dalam keterangan tertulis", "saat dikonfirmasi", "usai pertemuan", "dalam jumpa pers"}
	creditLines = []string{"(sumber: antaranews.com)", "Sumber: Reuters/AFP", "Dilansir dari CNN Indonesia."}
	subjectsEN  = []string{"government", "security", "police", "local", "parliamentary", "farmers'", "protest",
		"ministry", "mining", "regional", "civil society", "port", "fishing", "central bank", "business",
		"union", "student", "delegation", "opposition", "military", "border", "coastal", "provincial", "city",
		"party", "industry", "church", "aid", "election", "court"}
	subjectHeadsEN = []string{"officials", "leaders", "groups", "representatives", "spokespeople", "officers",
		"investigators", "negotiators", "lawyers", "activists", "auditors", "inspectors", "planners",
		"analysts", "workers", "residents", "members", "volunteers", "observers", "engineers"}
	verbsEN = []string{"reviewed", "rejected", "backed", "discussed", "postponed", "approved", "questioned",
		"criticised", "tightened", "eased", "announced", "investigated", "revoked", "extended", "signed",
		"suspended", "prepared", "raised", "cut", "froze", "audited", "monitored", "proposed", "defended",
		"challenged", "launched", "ended", "expanded", "closed", "funded"}
	objectsEN = []string{"mining", "relocation", "defence", "food", "maritime", "rice", "electricity", "toll road",
		"fuel", "coal", "trade", "dam", "wage", "land", "patrol boat", "broadcasting", "energy", "airport",
		"interest rate", "school", "hospital", "port", "fishing", "housing", "water", "nickel", "palm oil",
		"fertiliser", "railway", "tax"}
	objectHeadsEN = []string{"permits", "plans", "budgets", "prices", "agreements", "quotas", "tariffs",
		"projects", "subsidies", "contracts", "rules", "reports", "tenders", "loans", "funds", "standards",
		"targets", "schemes", "audits", "deals"}
	whenEN = []string{"next week", "since August", "on Monday", "on Tuesday night", "on Wednesday",
		"on Thursday", "on Friday afternoon", "at the weekend", "by year end", "this week",
		"this year", "last month", "indefinitely", "as soon as possible", "from next year", "last week",
		"yesterday", "today", "next month", "by October"}
)
