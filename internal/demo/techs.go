package demo

// techSpec is one technical competency of the demo dictionary. Levels come
// from competency.TechnicalLevels(name).
type techSpec struct {
	code, name, nameEN, desc string
}

// Technical competency codes used by the unit and job tables. Keep them at
// most 20 characters (competency.MaxCodeLen).
const (
	tProyek       = "T.PROYEK"
	tIklim        = "T.IKLIM"
	tSampah       = "T.SAMPAH"
	tRencana      = "T.RENCANA"
	tPBJ          = "T.PBJ"
	tKebijakan    = "T.KEBIJAKAN"
	tData         = "T.DATA"
	tKesmas       = "T.KESMAS"
	tBencana      = "T.BENCANA"
	tAudit        = "T.AUDIT"
	tPembelajaran = "T.PEMBELAJARAN"
	tKeuda        = "T.KEUDA"
	tPendapatan   = "T.PENDAPATAN"
	tSDM          = "T.SDM"
	tAdminduk     = "T.ADMINDUK"
	tTrantib      = "T.TRANTIB"
	tPemberdayaan = "T.PEMBERDAYAAN"
	tTataruang    = "T.TATARUANG"
	tLalin        = "T.LALIN"
	tArsip        = "T.ARSIP"
	tPariwisata   = "T.PARIWISATA"
	tKlinis       = "T.KLINIS"
	tAsuhan       = "T.ASUHAN"
	tHukum        = "T.HUKUM"
	tSosial       = "T.SOSIAL"
	tPermukiman   = "T.PERMUKIMAN"
	tPerizinan    = "T.PERIZINAN"
	tUMKM         = "T.UMKM"
	tPangan       = "T.PANGAN"
	tNaker        = "T.NAKER"
	tPerlindungan = "T.PERLINDUNGAN"
	tKB           = "T.KB"
	tKompub       = "T.KOMPUB"
	tWawasan      = "T.WAWASAN"
	tDagin        = "T.DAGIN"
	tOlahraga     = "T.OLAHRAGA"
	tPemadam      = "T.PEMADAM"
	tPemerintahan = "T.PEMERINTAHAN"
	tPustaka      = "T.PUSTAKA"
	tBudaya       = "T.BUDAYA"
	tSanitasi     = "T.SANITASI"
)

// techCatalogue lists the technical competencies in the order they are
// created (and numbered).
var techCatalogue = []techSpec{
	{tProyek, "Manajemen Proyek Konstruksi", "Construction Project Management",
		"Merencanakan, melaksanakan, mengawasi, dan mengendalikan mutu, biaya, waktu, serta keselamatan pekerjaan konstruksi jalan, jembatan, drainase, dan bangunan milik daerah."},
	{tIklim, "Adaptasi dan Mitigasi Perubahan Iklim", "Climate Change Adaptation and Mitigation",
		"Mengidentifikasi risiko iklim perkotaan (banjir, panas ekstrem, kekeringan) dan merancang program pengurangan emisi serta peningkatan ketahanan kota."},
	{tSampah, "Pengelolaan Sampah Terpadu", "Integrated Solid Waste Management",
		"Mengelola sampah dari sumber hingga pemrosesan akhir: pengurangan, pemilahan, Kang Pisman, bank sampah, pengangkutan, dan pengolahan di TPS 3R serta TPA."},
	{tRencana, "Perencanaan dan Penganggaran Daerah", "Regional Planning and Budgeting",
		"Menyusun RPJMD, Renstra, RKPD, dan Renja yang terhubung dengan anggaran (KUA-PPAS, RKA), serta memantau dan mengevaluasi capaiannya melalui SIPD."},
	{tPBJ, "Pengadaan Barang/Jasa Pemerintah", "Public Procurement",
		"Merencanakan dan melaksanakan pengadaan barang/jasa sesuai Perpres 16/2018 dan perubahannya melalui SPSE dan e-katalog, termasuk pengelolaan kontrak."},
	{tKebijakan, "Analisis Kebijakan", "Policy Analysis",
		"Mengkaji masalah publik dengan data dan bukti, merumuskan alternatif kebijakan, dan menyusun rekomendasi serta policy brief bagi pimpinan daerah."},
	{tData, "Tata Kelola Data dan Smart City", "Data Governance and Smart City",
		"Mengelola data sektoral sesuai Satu Data Indonesia, keamanan informasi, interoperabilitas aplikasi SPBE, dan pemanfaatan data untuk layanan kota cerdas."},
	{tKesmas, "Pelayanan Kesehatan Masyarakat", "Public Health Services",
		"Menyelenggarakan upaya kesehatan masyarakat: promosi, pencegahan penyakit, surveilans, gizi, kesehatan ibu dan anak, serta penurunan stunting."},
	{tBencana, "Manajemen Bencana", "Disaster Management",
		"Mengelola siklus penanggulangan bencana: kajian risiko, kesiapsiagaan, tanggap darurat, serta rehabilitasi dan rekonstruksi di wilayah kota."},
	{tAudit, "Audit Intern Pemerintah", "Government Internal Audit",
		"Melaksanakan audit, reviu, evaluasi, dan pemantauan atas penyelenggaraan pemerintahan daerah sesuai standar audit intern pemerintah."},
	{tPembelajaran, "Pembelajaran dan Pedagogik", "Teaching and Pedagogy",
		"Merancang dan melaksanakan pembelajaran yang berpusat pada murid sesuai Kurikulum Merdeka, melakukan asesmen, dan menindaklanjuti hasilnya."},
	{tKeuda, "Pengelolaan Keuangan Daerah", "Regional Financial Management",
		"Menatausahakan, melaporkan, dan mempertanggungjawabkan keuangan daerah sesuai standar akuntansi pemerintahan dan ketentuan APBD."},
	{tPendapatan, "Pengelolaan Pendapatan Daerah", "Regional Revenue Management",
		"Mendata, menetapkan, memungut, dan mengawasi pajak dan retribusi daerah (PBB-P2, BPHTB, PBJT, reklame) serta mengembangkan potensi pendapatan."},
	{tSDM, "Manajemen SDM Aparatur", "Civil Service HR Management",
		"Mengelola pengadaan, karier, kinerja, kompetensi, disiplin, dan pemberhentian ASN berdasarkan sistem merit melalui SIASN."},
	{tAdminduk, "Administrasi Kependudukan", "Civil Registration",
		"Melayani pendaftaran penduduk dan pencatatan sipil (KTP-el, KK, akta) serta mengelola dan memanfaatkan data kependudukan secara aman."},
	{tTrantib, "Ketenteraman dan Ketertiban Umum", "Public Order",
		"Menegakkan peraturan daerah secara humanis, menjaga ketenteraman dan ketertiban umum, serta menangani pelanggaran dan potensi gangguan."},
	{tPemberdayaan, "Pemberdayaan Masyarakat", "Community Empowerment",
		"Memfasilitasi partisipasi warga, lembaga kemasyarakatan (RW, RT, LPM, PKK), dan musrenbang agar program pembangunan tumbuh dari masyarakat."},
	{tTataruang, "Penataan Ruang", "Spatial Planning",
		"Menyusun, memanfaatkan, dan mengendalikan rencana tata ruang (RTRW, RDTR) serta kesesuaian kegiatan pemanfaatan ruang."},
	{tLalin, "Manajemen Lalu Lintas dan Angkutan", "Traffic and Transport Management",
		"Merancang rekayasa lalu lintas, mengelola angkutan umum dan perparkiran, serta meningkatkan keselamatan dan kelancaran lalu lintas kota."},
	{tArsip, "Kearsipan", "Records Management",
		"Mengelola arsip dinamis dan statis, tata naskah dinas, dan kearsipan elektronik (SRIKANDI) sesuai ketentuan kearsipan nasional."},
	{tPariwisata, "Pengembangan Pariwisata dan Ekonomi Kreatif", "Tourism and Creative Economy Development",
		"Mengembangkan destinasi, pemasaran, dan ekosistem ekonomi kreatif kota, termasuk fasilitasi pelaku kreatif di setiap kecamatan."},
	{tKlinis, "Pelayanan Klinis dan Keselamatan Pasien", "Clinical Care and Patient Safety",
		"Memberikan pelayanan klinis sesuai standar profesi dan panduan praktik klinis, dengan budaya keselamatan pasien dan mutu rumah sakit."},
	{tAsuhan, "Asuhan Keperawatan dan Kebidanan", "Nursing and Midwifery Care",
		"Melaksanakan asuhan keperawatan dan kebidanan yang aman dan bermutu, termasuk pelayanan ibu hamil, bersalin, nifas, dan bayi baru lahir."},
	{tHukum, "Penyusunan Produk Hukum Daerah", "Regional Legislative Drafting",
		"Menyusun, mengharmonisasi, dan mengevaluasi peraturan daerah, peraturan wali kota, dan keputusan kepala daerah."},
	{tSosial, "Rehabilitasi dan Perlindungan Sosial", "Social Rehabilitation and Protection",
		"Menangani fakir miskin, penyandang disabilitas, anak terlantar, dan korban bencana sosial melalui rehabilitasi, jaminan, dan pemberdayaan sosial."},
	{tPermukiman, "Perumahan dan Kawasan Permukiman", "Housing and Settlement Upgrading",
		"Menata kawasan kumuh, meningkatkan rumah tidak layak huni, serta mengelola prasarana, sarana, dan utilitas permukiman."},
	{tPerizinan, "Pelayanan Perizinan dan Penanaman Modal", "Licensing and Investment Services",
		"Melayani perizinan berusaha berbasis risiko melalui OSS, mempromosikan investasi, dan mengendalikan pelaksanaan penanaman modal."},
	{tUMKM, "Pemberdayaan Koperasi dan UMKM", "Cooperative and MSME Empowerment",
		"Membina kelembagaan koperasi dan mengembangkan usaha mikro, kecil, dan menengah: akses pasar, pembiayaan, digitalisasi, dan kewirausahaan."},
	{tPangan, "Ketahanan Pangan dan Pertanian Perkotaan", "Food Security and Urban Agriculture",
		"Menjaga ketersediaan, keterjangkauan, dan keamanan pangan, mengembangkan pertanian perkotaan (Buruan SAE), serta kesehatan hewan."},
	{tNaker, "Pembinaan Ketenagakerjaan", "Labour Development",
		"Menyelenggarakan pelatihan dan penempatan kerja, informasi pasar kerja, hubungan industrial, serta perlindungan pekerja."},
	{tPerlindungan, "Perlindungan Perempuan dan Anak", "Protection of Women and Children",
		"Mencegah dan menangani kekerasan terhadap perempuan dan anak, pengarusutamaan gender, serta pemenuhan hak anak menuju Kota Layak Anak."},
	{tKB, "Pengendalian Penduduk dan Keluarga Berencana", "Population Control and Family Planning",
		"Mengelola program Bangga Kencana: keluarga berencana, ketahanan keluarga, pendataan keluarga, dan percepatan penurunan stunting."},
	{tKompub, "Komunikasi Publik", "Public Communication",
		"Mengelola informasi publik, kehumasan, media sosial, dan komunikasi krisis pemerintah kota sesuai keterbukaan informasi publik."},
	{tWawasan, "Wawasan Kebangsaan dan Kewaspadaan Dini", "National Insight and Early Warning",
		"Memperkuat ideologi Pancasila, pembinaan ormas dan partai politik, kerukunan, serta deteksi dini potensi konflik sosial."},
	{tDagin, "Pembinaan Perdagangan dan Perindustrian", "Trade and Industry Development",
		"Menjaga stabilitas harga dan distribusi barang pokok (pengendalian inflasi), melindungi konsumen, metrologi legal, dan membina industri kecil."},
	{tOlahraga, "Kepemudaan dan Keolahragaan", "Youth and Sports",
		"Mengembangkan kepemimpinan dan kewirausahaan pemuda, olahraga masyarakat dan prestasi, serta pengelolaan sarana olahraga."},
	{tPemadam, "Pencegahan dan Penanggulangan Kebakaran", "Fire Prevention and Fighting",
		"Mencegah kebakaran melalui pemeriksaan dan edukasi, melaksanakan operasi pemadaman dan penyelamatan, serta memelihara sarana pemadam."},
	{tPemerintahan, "Penyelenggaraan Pemerintahan Kewilayahan", "Area-Based Local Governance",
		"Mengoordinasikan penyelenggaraan pemerintahan, pelayanan publik, dan pembangunan di tingkat kecamatan dan kelurahan."},
	{tPustaka, "Pengelolaan Perpustakaan dan Literasi", "Library and Literacy Management",
		"Mengelola koleksi dan layanan perpustakaan, perpustakaan digital, serta gerakan pembudayaan gemar membaca dan literasi masyarakat."},
	{tBudaya, "Pelestarian Kebudayaan", "Cultural Heritage Preservation",
		"Melestarikan cagar budaya, seni, dan tradisi Sunda serta objek pemajuan kebudayaan di Kota Bandung."},
	{tSanitasi, "Pengelolaan Air Limbah dan Sanitasi", "Wastewater and Sanitation Management",
		"Mengelola air limbah domestik, IPAL komunal, layanan lumpur tinja terjadwal, dan pengawasan kualitas air buangan."},
}
