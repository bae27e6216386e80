package demo

import "asah/internal/people"

// divSpec is a division of an agency (bidang, bagian, inspektur pembantu)
// with its sub-divisions (seksi, subbidang, subbagian).
type divSpec struct {
	name  string
	subs  []string
	techs []string
	fam   family
}

// staffSpec is a pelaksana or fungsional position of a unit. div says who
// supervises its holders: 0 the sub-divisions of the secretariat, n the
// sub-divisions of division n (1-based), -1 those of every division.
type staffSpec struct {
	job     string
	jenjang people.Jenjang
	weight  float64
	div     int
}

// uptSpec is a technical implementation unit under an agency.
type uptSpec struct {
	code, name string
	core       []string
	staff      []staffSpec
	weight     float64
	fam        family
	female     float64
}

// agencySpec is a perangkat daerah.
type agencySpec struct {
	code, name string
	kind       people.UnitKind
	head       string // title of the head
	headCode   string
	sec        string // title of the secretary; "" when the agency has none
	secSubs    []string
	divPrefix  string // "Kepala Bidang", "Kepala Bagian", "Inspektur Pembantu"
	divCode    string // "KABID"
	subPrefix  string // "Kepala Seksi", "Kepala Subbidang", "Kepala Subbagian"
	subCode    string // "KASI"
	divs       []divSpec
	core       []string
	fam        family
	female     float64
	staff      []staffSpec
	weight     float64 // share of the city's pelaksana and fungsional headcount
	upts       []uptSpec
}

// Staff helpers.
func sp(job string, w float64, div int) staffSpec { return staffSpec{job: job, weight: w, div: div} }
func sf(job string, j people.Jenjang, w float64, div int) staffSpec {
	return staffSpec{job: job, jenjang: j, weight: w, div: div}
}

const (
	ap  = people.JenjangAhliPertama
	am  = people.JenjangAhliMuda
	amd = people.JenjangAhliMadya
	tr  = people.JenjangTerampil
	mh  = people.JenjangMahir
	py  = people.JenjangPenyelia
)

// genericStaff is added to every agency: the secretariat's
// administration and the general functional positions.
var genericStaff = []staffSpec{
	sp("ADM", 2, 0), sp("KEU", 1.2, 0), sp("DATA", 0.8, 0), sp("OPS", 1.2, 0),
	sp("KEPEG", 0.6, 0), sp("BMD", 0.4, 0), sp("PROG", 0.4, 0),
	sf("PERENCANA", ap, 0.4, 0), sf("ARSIPARIS", tr, 0.3, 0), sf("PRAKOM", ap, 0.3, 0),
}

var (
	secSubs3 = []string{"Umum dan Kepegawaian", "Keuangan", "Perencanaan, Evaluasi dan Pelaporan"}
	secSubs2 = []string{"Umum dan Kepegawaian", "Keuangan dan Program"}
)

// dinas and badan fill the usual structure of an agency.
func dinas(code, name string, divs []divSpec, core []string, weight float64, staff ...staffSpec) agencySpec {
	subs := secSubs3
	if len(divs) <= 3 {
		subs = secSubs2
	}
	return agencySpec{
		code: code, name: name, kind: people.UnitDinas,
		head: "Kepala " + name, headCode: "KADIS",
		sec: "Sekretaris Dinas", secSubs: subs,
		divPrefix: "Kepala Bidang", divCode: "KABID", subPrefix: "Kepala Seksi", subCode: "KASI",
		divs: divs, core: core, weight: weight, staff: staff, female: 0.42,
	}
}

func badan(code, name string, divs []divSpec, core []string, weight float64, staff ...staffSpec) agencySpec {
	a := dinas(code, name, divs, core, weight, staff...)
	a.kind = people.UnitBadan
	a.headCode = "KABAN"
	a.sec = "Sekretaris Badan"
	a.subPrefix, a.subCode = "Kepala Subbidang", "KASUBID"
	return a
}

func dv(name string, techs []string, subs ...string) divSpec {
	return divSpec{name: name, subs: subs, techs: techs}
}

func ts(codes ...string) []string { return codes }

// setdaBagian lists the bagian of the Sekretariat Daerah under each asisten.
var setdaAsisten = []struct {
	name   string
	bagian []divSpec
}{
	{"Pemerintahan dan Kesejahteraan Rakyat", []divSpec{
		dv("Tata Pemerintahan", ts(tPemerintahan), "Pemerintahan Umum", "Otonomi Daerah dan Kerja Sama"),
		dv("Hukum", ts(tHukum), "Perundang-undangan", "Bantuan Hukum"),
		dv("Kesejahteraan Rakyat dan Kemasyarakatan", ts(tSosial), "Kesejahteraan Rakyat", "Bina Mental Spiritual"),
	}},
	{"Perekonomian dan Pembangunan", []divSpec{
		dv("Perekonomian", ts(tDagin), "Perekonomian dan Sumber Daya Alam", "Pembinaan BUMD"),
		dv("Administrasi Pembangunan", ts(tRencana), "Pengendalian Program", "Evaluasi dan Pelaporan Pembangunan"),
		dv("Pengadaan Barang/Jasa", ts(tPBJ), "Pengelolaan Pengadaan Barang/Jasa", "Layanan Pengadaan Secara Elektronik"),
	}},
	{"Administrasi Umum", []divSpec{
		dv("Umum", ts(tArsip), "Tata Usaha", "Keuangan", "Rumah Tangga"),
		dv("Organisasi", ts(tSDM), "Kelembagaan dan Analisis Jabatan", "Reformasi Birokrasi dan Akuntabilitas Kinerja"),
		dv("Protokol dan Komunikasi Pimpinan", ts(tKompub), "Protokol", "Komunikasi Pimpinan"),
	}},
}

// setdaStaff: div n refers to the n-th bagian counted over all asisten.
var setdaStaff = []staffSpec{
	sp("ADM", 6, 7), sp("KEU", 3, 7), sp("OPS", 4, 7), sp("DATA", 1.5, 8), sp("KEPEG", 1, 8),
	sp("PROTOKOL", 2, 9), sp("BMD", 1, 7), sp("PROG", 1, 5),
	sf("ANHUKUM", ap, 1, 2), sf("PERANCANG", ap, 1, 2), sf("PERANCANG", am, 0.6, 2),
	sf("PBJ", ap, 1.5, 6), sf("PBJ", am, 1, 6), sf("ANJAK", am, 1, 1), sf("ANJAK", ap, 0.8, 4),
	sf("PRAHUM", ap, 1, 9), sf("ARSIPARIS", tr, 0.6, 7), sf("ANSDM", ap, 0.8, 8), sf("PRAKOM", ap, 0.5, 8),
	sf("PERENCANA", ap, 0.6, 5),
}

// agencies lists the perangkat daerah after the Sekretariat Daerah, in
// emission order.
var agencies = []agencySpec{
	{
		code: "SETWAN", name: "Sekretariat DPRD", kind: people.UnitSekretariat,
		head: "Sekretaris DPRD", headCode: "SEKWAN",
		divPrefix: "Kepala Bagian", divCode: "KABAG", subPrefix: "Kepala Subbagian", subCode: "KASUBAG",
		divs: []divSpec{
			dv("Umum dan Keuangan", ts(tKeuda), "Tata Usaha dan Kepegawaian", "Keuangan", "Rumah Tangga"),
			dv("Persidangan dan Perundang-undangan", ts(tHukum), "Persidangan dan Risalah", "Perundang-undangan"),
			dv("Fasilitasi Penganggaran dan Pengawasan", ts(tRencana), "Fasilitasi Penganggaran", "Fasilitasi Pengawasan"),
			dv("Hubungan Masyarakat dan Protokol", ts(tKompub), "Hubungan Masyarakat dan Publikasi", "Protokol"),
		},
		core: ts(tKebijakan), female: 0.45, weight: 90,
		staff: []staffSpec{sp("SIDANG", 4, 2), sp("PROTOKOL", 2, 4), sp("HUMAS", 1.5, 4),
			sf("PERANCANG", ap, 1, 2), sf("ANJAK", ap, 1, 3), sf("PRAHUM", ap, 0.8, 4), sf("ANHUKUM", ap, 0.6, 2)},
	},
	{
		code: "INSPEKTORAT", name: "Inspektorat", kind: people.UnitInspektorat,
		head: "Inspektur", headCode: "INSPEKTUR",
		sec: "Sekretaris Inspektorat", secSubs: []string{"Perencanaan, Evaluasi dan Pelaporan", "Administrasi Umum dan Keuangan"},
		divPrefix: "Inspektur Pembantu", divCode: "IRBAN",
		divs: []divSpec{
			{name: "Wilayah I"}, {name: "Wilayah II"}, {name: "Wilayah III"}, {name: "Wilayah IV"},
			{name: "Khusus", techs: ts(tHukum)},
		},
		core: ts(tAudit), fam: famAudit, female: 0.5, weight: 75,
		staff: []staffSpec{
			sf("AUDITOR", ap, 5, -1), sf("AUDITOR", am, 4, -1), sf("AUDITOR", amd, 1.5, -1), sf("AUDITOR", tr, 1, -1),
			sf("P2UPD", ap, 3, -1), sf("P2UPD", am, 2, -1), sf("P2UPD", amd, 0.5, -1),
		},
	},
	badan("BAPPELITBANG", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan", []divSpec{
		dv("Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", ts(tKebijakan), "Perencanaan Makro", "Pengendalian dan Evaluasi"),
		dv("Pemerintahan dan Pembangunan Manusia", ts(tKebijakan), "Pemerintahan", "Pembangunan Manusia"),
		dv("Perekonomian dan Sumber Daya Alam", ts(tIklim), "Perekonomian", "Sumber Daya Alam dan Lingkungan Hidup"),
		dv("Infrastruktur dan Kewilayahan", ts(tTataruang), "Infrastruktur", "Kewilayahan"),
		dv("Penelitian dan Pengembangan", ts(tData), "Penelitian", "Inovasi Daerah"),
	}, ts(tRencana), 60,
		sf("PERENCANA", ap, 5, -1), sf("PERENCANA", am, 4, -1), sf("PERENCANA", amd, 1.2, -1),
		sf("ANJAK", am, 1, 2), sf("PENELITI", ap, 1, 5), sf("STATISTISI", ap, 1, 1)),
	badan("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", []divSpec{
		dv("Pengadaan, Pemberhentian dan Informasi Kepegawaian", ts(tData), "Pengadaan dan Pemberhentian", "Data dan Sistem Informasi Kepegawaian"),
		dv("Mutasi dan Promosi", nil, "Mutasi", "Promosi dan Kepangkatan"),
		dv("Pengembangan Sumber Daya Manusia", ts(tPembelajaran), "Pengembangan Kompetensi", "Sertifikasi dan Penilaian Kompetensi"),
		dv("Penilaian Kinerja Aparatur dan Penghargaan", nil, "Penilaian Kinerja", "Disiplin dan Penghargaan"),
	}, ts(tSDM), 60,
		sp("KEPEG", 5, -1), sf("ANSDM", ap, 4, -1), sf("ANSDM", am, 2, -1),
		sf("ASESOR", ap, 1.5, 3), sf("ASESOR", am, 1, 3), sf("WIDYA", am, 0.8, 3), sf("PRAKOM", ap, 1, 1)),
	badan("BKAD", "Badan Keuangan dan Aset Daerah", []divSpec{
		dv("Anggaran", ts(tRencana), "Anggaran Belanja", "Anggaran Pendapatan dan Pembiayaan"),
		dv("Perbendaharaan", nil, "Pengelolaan Kas", "Belanja"),
		dv("Akuntansi dan Pelaporan", nil, "Akuntansi", "Pelaporan Keuangan"),
		dv("Aset Daerah", nil, "Penatausahaan Aset", "Pemanfaatan dan Pengamanan Aset"),
	}, ts(tKeuda), 90,
		sp("KEU", 8, -1), sp("BMD", 4, 4), sf("ANKEU", ap, 3, -1), sf("ANKEU", am, 1.5, -1), sf("PRAKOM", ap, 0.6, 3)),
	badan("BAPENDA", "Badan Pendapatan Daerah", []divSpec{
		dv("Perencanaan dan Pengembangan Pendapatan", ts(tData), "Perencanaan Pendapatan", "Pengembangan dan Regulasi"),
		dv("Pajak Bumi dan Bangunan dan BPHTB", nil, "Pendataan dan Penilaian PBB-P2", "Pelayanan BPHTB"),
		dv("Pajak Daerah Lainnya", nil, "Pendataan Pajak Daerah", "Penetapan Pajak Daerah"),
		dv("Penagihan dan Pengendalian", nil, "Penagihan", "Keberatan dan Pengendalian"),
	}, ts(tPendapatan), 140,
		sp("PAJAK", 12, -1), sp("JURUSITA", 2, 4), sf("ANKEU", ap, 1.5, 1), sf("PRAKOM", ap, 0.8, 1)),
	badan("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", []divSpec{
		dv("Ideologi, Wawasan Kebangsaan dan Karakter Bangsa", nil, "Ideologi dan Wawasan Kebangsaan", "Karakter Bangsa"),
		dv("Politik Dalam Negeri dan Organisasi Kemasyarakatan", nil, "Politik Dalam Negeri", "Organisasi Kemasyarakatan"),
		dv("Ketahanan Ekonomi, Sosial, Budaya, Agama dan Kewaspadaan", ts(tBencana), "Ketahanan Sosial Budaya dan Agama", "Kewaspadaan Dini dan Penanganan Konflik"),
	}, ts(tWawasan), 25,
		sp("ORMAS", 2, 2), sf("ANJAK", ap, 1, -1), sf("ANJAK", am, 0.5, -1)),
	func() agencySpec {
		a := dinas("DISDIK", "Dinas Pendidikan", []divSpec{
			dv("Pembinaan Sekolah Dasar", nil, "Kurikulum Sekolah Dasar", "Kelembagaan dan Sarana Prasarana Sekolah Dasar"),
			dv("Pembinaan Sekolah Menengah Pertama", nil, "Kurikulum Sekolah Menengah Pertama", "Kelembagaan dan Sarana Prasarana Sekolah Menengah Pertama"),
			dv("Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal", nil, "Pendidikan Anak Usia Dini", "Pendidikan Nonformal"),
			dv("Pembinaan Ketenagaan", ts(tSDM), "Pendidik", "Tenaga Kependidikan"),
		}, ts(tPembelajaran), 4500,
			sf("GURUKELAS", ap, 17, 1), sf("GURUKELAS", am, 14, 1), sf("GURUKELAS", amd, 6, 1),
			sf("GURUPJOK", ap, 2.5, 1), sf("GURUPJOK", am, 2, 1), sf("GURUAGAMA", ap, 2, 1), sf("GURUAGAMA", am, 1.5, 1),
			sf("GURUMAPEL", ap, 8, 2), sf("GURUMAPEL", am, 7, 2), sf("GURUMAPEL", amd, 3, 2),
			sf("GURUBK", ap, 1, 2), sf("GURUBK", am, 0.8, 2), sf("GURUTK", ap, 1.2, 3),
			sf("PENGSEK", am, 0.5, 4), sf("PENGSEK", amd, 0.5, 4), sf("PENILIK", ap, 0.3, 3), sf("PAMBELAJR", ap, 0.3, 3),
			sp("ADMSEK", 5, 4), sp("SARSEK", 2.5, 1))
		a.fam = famTeacher
		a.female = 0.55
		return a
	}(),
	func() agencySpec {
		a := dinas("DINKES", "Dinas Kesehatan", []divSpec{
			dv("Kesehatan Masyarakat", nil, "Kesehatan Keluarga dan Gizi", "Promosi Kesehatan dan Kesehatan Lingkungan"),
			dv("Pencegahan dan Pengendalian Penyakit", ts(tBencana), "Surveilans dan Imunisasi", "Pengendalian Penyakit Menular dan Tidak Menular"),
			dv("Pelayanan Kesehatan", ts(tKlinis), "Pelayanan Kesehatan Primer dan Rujukan", "Mutu dan Akreditasi Fasilitas Kesehatan"),
			dv("Sumber Daya Kesehatan", nil, "Kefarmasian dan Alat Kesehatan", "Sumber Daya Manusia Kesehatan"),
		}, ts(tKesmas), 180,
			sf("EPID", ap, 1, 2), sf("EPID", am, 0.5, 2), sf("ADMINKES", ap, 1, 3), sf("ADMINKES", am, 0.6, 3),
			sf("PROMKES", ap, 0.8, 1), sf("APOTEKER", ap, 0.5, 4), sf("NUTRISIONIS", ap, 0.5, 1),
			sf("SANITARIAN", ap, 0.5, 1), sf("DOKTER", am, 0.6, 3), sp("LAYKES", 1.5, -1), sf("PBJ", ap, 0.3, 0))
		a.fam = famPublicHealth
		a.female = 0.6
		a.upts = []uptSpec{{code: "UPT-LABKESDA", name: "UPT Laboratorium Kesehatan Daerah", core: ts(tKesmas, tKlinis), weight: 20, fam: famLab, female: 0.65,
			staff: []staffSpec{sf("PLK", tr, 3, -1), sf("PLK", mh, 1, -1), sf("PLK", ap, 1, -1), sp("ADM", 1, 0), sp("KEU", 0.5, 0)}}}
		return a
	}(),
	func() agencySpec {
		a := dinas("DSDABM", "Dinas Sumber Daya Air dan Bina Marga", []divSpec{
			dv("Sumber Daya Air", nil, "Pengelolaan Sungai dan Situ", "Konservasi Air Tanah dan Air Baku"),
			dv("Drainase dan Pengendalian Banjir", ts(tBencana), "Pembangunan Drainase", "Pemeliharaan Drainase"),
			dv("Jalan dan Jembatan", nil, "Pembangunan Jalan dan Jembatan", "Pemeliharaan Jalan dan Jembatan"),
			dv("Teknik dan Pengendalian Pembangunan", ts(tPBJ), "Perencanaan Teknis", "Pengendalian Mutu Konstruksi"),
		}, ts(tProyek, tIklim), 200,
			sf("TJJ", ap, 3, 3), sf("TJJ", am, 1.5, 3), sf("TPENGAIRAN", ap, 2, 1), sf("TPENGAIRAN", am, 1, 2),
			sf("PBJ", ap, 1, 4), sf("PBJ", am, 0.5, 4),
			sp("TEKJALAN", 6, 3), sp("TEKAIR", 5, 2), sp("ALATBERAT", 2.5, 4))
		a.fam = famEngineer
		a.female = 0.2
		a.upts = []uptSpec{
			{code: "UPT-PJJ", name: "UPT Pemeliharaan Jalan dan Jembatan", core: ts(tProyek), weight: 55, fam: famEngineer, female: 0.1,
				staff: []staffSpec{sp("TEKJALAN", 6, -1), sp("ALATBERAT", 3, -1), sp("ADM", 1, 0), sf("TJJ", tr, 1, -1)}},
			{code: "UPT-PSDA", name: "UPT Pengelolaan Sumber Daya Air", core: ts(tIklim, tBencana), weight: 45, fam: famEngineer, female: 0.1,
				staff: []staffSpec{sp("TEKAIR", 6, -1), sp("ALATBERAT", 2, -1), sp("ADM", 1, 0), sf("TPENGAIRAN", tr, 1, -1)}},
		}
		return a
	}(),
	func() agencySpec {
		a := dinas("DISTARU", "Dinas Penataan Ruang", []divSpec{
			dv("Perencanaan Tata Ruang", ts(tData), "Perencanaan Ruang", "Peta dan Informasi Tata Ruang"),
			dv("Pemanfaatan Ruang", ts(tPerizinan), "Pemanfaatan Ruang", "Kesesuaian Kegiatan Pemanfaatan Ruang"),
			dv("Pengendalian Tata Ruang", ts(tTrantib), "Pengawasan Pemanfaatan Ruang", "Penertiban Pemanfaatan Ruang"),
			dv("Bangunan Gedung", ts(tProyek), "Penataan Bangunan Gedung", "Persetujuan Bangunan Gedung"),
		}, ts(tTataruang), 60,
			sf("PENATARG", ap, 3, -1), sf("PENATARG", am, 1.5, -1), sf("TTBP", ap, 1.5, 4), sp("PENGAWAS", 4, 3))
		a.fam = famPlanning
		a.female = 0.35
		return a
	}(),
	func() agencySpec {
		a := dinas("DPKP3", "Dinas Perumahan dan Kawasan Permukiman, Pertanahan dan Pertamanan", []divSpec{
			dv("Perumahan", nil, "Perumahan Formal", "Rumah Tidak Layak Huni"),
			dv("Kawasan Permukiman", nil, "Penataan Kawasan Kumuh", "Prasarana, Sarana dan Utilitas"),
			dv("Pertanahan", nil, "Pengadaan Tanah", "Penatausahaan Tanah"),
			dv("Pertamanan", ts(tIklim), "Pembangunan Taman", "Pemeliharaan Taman dan Ruang Terbuka Hijau"),
		}, ts(tPermukiman), 120,
			sf("TTBP", ap, 2.5, 2), sf("TTBP", am, 1, 1), sp("PERTANAH", 2, 3), sp("TAMAN", 8, 4), sf("PBJ", ap, 0.6, 0))
		a.fam = famEngineer
		a.female = 0.3
		a.upts = []uptSpec{{code: "UPT-MAKAM", name: "UPT Pengelolaan Pemakaman", core: ts(tPermukiman), weight: 35, fam: famGeneral, female: 0.15,
			staff: []staffSpec{sp("MAKAM", 6, -1), sp("ADM", 1, 0), sp("KEU", 0.5, 0)}}}
		return a
	}(),
	dinas("DINSOS", "Dinas Sosial", []divSpec{
		dv("Rehabilitasi Sosial", nil, "Rehabilitasi Sosial Anak dan Lanjut Usia", "Rehabilitasi Sosial Penyandang Disabilitas dan Tuna Sosial"),
		dv("Perlindungan dan Jaminan Sosial", ts(tBencana), "Perlindungan Sosial Korban Bencana", "Jaminan Sosial Keluarga"),
		dv("Pemberdayaan Sosial dan Penanganan Fakir Miskin", ts(tPemberdayaan), "Pemberdayaan Sosial", "Penanganan Fakir Miskin"),
	}, ts(tSosial), 70,
		sf("PEKSOS", ap, 2.5, 1), sf("PEKSOS", am, 1, 1), sf("PEKSOS", tr, 1.5, 1), sf("PENYSOS", ap, 1, 3),
		sp("PENDSOS", 4, -1), sp("BANSOS", 2, 2)),
	dinas("DISNAKER", "Dinas Ketenagakerjaan", []divSpec{
		dv("Pelatihan dan Produktivitas Tenaga Kerja", nil, "Pelatihan Kerja", "Produktivitas Tenaga Kerja"),
		dv("Penempatan dan Perluasan Kesempatan Kerja", ts(tUMKM), "Penempatan Tenaga Kerja", "Perluasan Kesempatan Kerja"),
		dv("Hubungan Industrial dan Jaminan Sosial Tenaga Kerja", ts(tHukum), "Hubungan Industrial", "Pengupahan dan Jaminan Sosial"),
	}, ts(tNaker), 35,
		sf("MEDIATOR", ap, 1.2, 3), sf("MEDIATOR", am, 0.8, 3), sf("PENGKERJA", ap, 1, 2), sf("INSTRUKTUR", ap, 1, 1), sp("PASKER", 2, 2)),
	func() agencySpec {
		a := dinas("DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", []divSpec{
			dv("Kualitas Hidup Perempuan dan Kualitas Keluarga", ts(tPemberdayaan), "Pengarusutamaan Gender", "Kualitas Keluarga"),
			dv("Perlindungan Perempuan dan Anak", ts(tHukum), "Perlindungan Hak Perempuan", "Perlindungan Khusus Anak"),
			dv("Pemenuhan Hak Anak", nil, "Pemenuhan Hak Sipil dan Partisipasi Anak", "Kota Layak Anak"),
		}, ts(tPerlindungan), 30,
			sf("ANJAK", ap, 1, -1), sp("PENDPPA", 2, 2), sf("PENYSOS", ap, 0.8, 1))
		a.female = 0.65
		a.upts = []uptSpec{{code: "UPT-PPA", name: "UPT Perlindungan Perempuan dan Anak", core: ts(tPerlindungan, tSosial), weight: 15, fam: famPsych, female: 0.75,
			staff: []staffSpec{sp("PENDPPA", 4, -1), sf("PEKSOS", ap, 1, -1), sp("ADM", 1, 0)}}}
		return a
	}(),
	func() agencySpec {
		a := dinas("DPPKB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", []divSpec{
			dv("Pengendalian Penduduk dan Informasi Keluarga", ts(tData), "Pengendalian Penduduk", "Data dan Informasi Keluarga"),
			dv("Keluarga Berencana", ts(tKesmas), "Pelayanan Keluarga Berencana", "Advokasi dan Penggerakan"),
			dv("Ketahanan dan Kesejahteraan Keluarga", ts(tKesmas), "Ketahanan Keluarga Balita dan Anak", "Pemberdayaan Ekonomi Keluarga"),
		}, ts(tKB), 90,
			sf("PKB", ap, 6, -1), sf("PKB", am, 2, -1), sp("DATAKB", 2, 1))
		a.female = 0.6
		return a
	}(),
	dinas("DISPUSIP", "Dinas Arsip dan Perpustakaan", []divSpec{
		dv("Pengelolaan Arsip", nil, "Pengelolaan Arsip Dinamis", "Pengelolaan Arsip Statis"),
		dv("Pembinaan Kearsipan", nil, "Pembinaan Kearsipan", "Akuisisi dan Pelestarian Arsip"),
		dv("Perpustakaan", ts(tPustaka), "Layanan Perpustakaan", "Pengembangan Koleksi dan Pembudayaan Gemar Membaca"),
	}, ts(tArsip), 50,
		sf("ARSIPARIS", ap, 2, 1), sf("ARSIPARIS", tr, 2, 1), sf("ARSIPARIS", am, 0.6, 2),
		sf("PUSTAKAWAN", ap, 1.5, 3), sf("PUSTAKAWAN", tr, 1.5, 3), sp("ARSIP", 2, 1), sp("LAYPUS", 3, 3)),
	func() agencySpec {
		a := dinas("DISKARPB", "Dinas Kebakaran dan Penanggulangan Bencana", []divSpec{
			dv("Pencegahan Kebakaran", nil, "Pencegahan dan Pemeriksaan", "Penyuluhan dan Pemberdayaan Masyarakat"),
			dv("Pemadaman dan Penyelamatan", nil, "Operasi Pemadaman", "Penyelamatan dan Evakuasi"),
			dv("Penanggulangan Bencana", ts(tIklim), "Kesiapsiagaan dan Mitigasi", "Kedaruratan dan Rehabilitasi"),
			dv("Sarana dan Prasarana", nil, "Sarana Pemadam", "Prasarana dan Komunikasi"),
		}, ts(tPemadam, tBencana), 200,
			sf("DAMKAR", tr, 14, 2), sf("DAMKAR", mh, 6, 2), sf("DAMKAR", py, 2, 2), sf("ANKAR", ap, 1.5, 1),
			sp("PUSDALOPS", 2, 3), sp("LINMAS", 2, 3))
		a.fam = famField
		a.female = 0.1
		return a
	}(),
	func() agencySpec {
		a := dinas("DKPP", "Dinas Ketahanan Pangan dan Pertanian", []divSpec{
			dv("Ketahanan Pangan", nil, "Ketersediaan dan Distribusi Pangan", "Konsumsi dan Keamanan Pangan"),
			dv("Pertanian", ts(tIklim), "Tanaman Pangan dan Hortikultura", "Penyuluhan Pertanian"),
			dv("Peternakan dan Kesehatan Hewan", ts(tKesmas), "Peternakan", "Kesehatan Hewan dan Kesehatan Masyarakat Veteriner"),
			dv("Perikanan", nil, "Budidaya Perikanan", "Pengolahan dan Pemasaran Hasil Perikanan"),
		}, ts(tPangan), 60,
			sf("PENYTANI", ap, 2.5, 2), sf("PENYTANI", tr, 1.5, 2), sf("MEDVET", ap, 0.8, 3), sf("PARAMEDVET", tr, 1, 3),
			sf("ANPANGAN", ap, 1, 1), sp("PANGAN", 2, 1))
		a.fam = famAgri
		a.upts = []uptSpec{{code: "UPT-RPH", name: "UPT Rumah Potong Hewan", core: ts(tPangan, tKesmas), weight: 20, fam: famAgri, female: 0.2,
			staff: []staffSpec{sp("RPH", 4, -1), sf("PARAMEDVET", tr, 1, -1), sf("MEDVET", ap, 0.5, -1), sp("ADM", 1, 0)}}}
		return a
	}(),
	func() agencySpec {
		a := dinas("DLHK", "Dinas Lingkungan Hidup dan Kebersihan", []divSpec{
			dv("Pengelolaan Sampah", nil, "Pengurangan Sampah", "Penanganan Sampah"),
			dv("Pengendalian Pencemaran dan Kerusakan Lingkungan", ts(tSanitasi), "Pemantauan Kualitas Lingkungan", "Pengendalian Pencemaran"),
			dv("Tata Lingkungan dan Perubahan Iklim", nil, "Kajian Dampak Lingkungan", "Mitigasi dan Adaptasi Perubahan Iklim"),
			dv("Penaatan dan Peningkatan Kapasitas Lingkungan", ts(tHukum), "Penaatan Hukum Lingkungan", "Peningkatan Kapasitas Lingkungan"),
		}, ts(tSampah, tIklim), 200,
			sf("PLH", ap, 2, 4), sf("PLH", am, 1, 4), sf("PDL", ap, 1.5, 3), sf("PDL", am, 0.8, 3), sf("PENYLH", ap, 1.5, 1),
			sp("KEBERSIH", 8, 1), sp("OPSAMPAH", 6, 1), sf("PBJ", ap, 0.5, 0))
		a.fam = famEnv
		a.female = 0.3
		a.upts = []uptSpec{
			{code: "UPT-SAMPAH", name: "UPT Pengelolaan Sampah", core: ts(tSampah, tIklim), weight: 80, fam: famField, female: 0.1,
				staff: []staffSpec{sp("OPSAMPAH", 8, -1), sp("KEBERSIH", 4, -1), sp("ALATBERAT", 2, -1), sp("ADM", 1, 0), sp("KEU", 0.5, 0)}},
			{code: "UPT-PAL", name: "UPT Pengelolaan Air Limbah", core: ts(tSanitasi, tIklim), weight: 40, fam: famEnv, female: 0.15,
				staff: []staffSpec{sp("OPIPAL", 6, -1), sf("PDL", ap, 1, -1), sp("ADM", 1, 0)}},
			{code: "UPT-LABLING", name: "UPT Laboratorium Lingkungan", core: ts(tIklim, tSanitasi), weight: 15, fam: famEnv, female: 0.55,
				staff: []staffSpec{sp("LABLING", 4, -1), sf("PLH", ap, 1, -1), sp("ADM", 1, 0)}},
		}
		return a
	}(),
	func() agencySpec {
		a := dinas("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", []divSpec{
			dv("Pelayanan Pendaftaran Penduduk", nil, "Identitas Penduduk", "Pindah Datang dan Pendataan Penduduk"),
			dv("Pelayanan Pencatatan Sipil", nil, "Kelahiran dan Kematian", "Perkawinan dan Perceraian"),
			dv("Pengelolaan Informasi Administrasi Kependudukan", ts(tData), "Sistem Informasi Administrasi Kependudukan", "Pengolahan dan Penyajian Data"),
			dv("Pemanfaatan Data dan Inovasi Pelayanan", ts(tData), "Kerja Sama dan Pemanfaatan Data", "Inovasi Pelayanan"),
		}, ts(tAdminduk), 90,
			sp("DUKCAPIL", 10, -1), sp("DATADUK", 3, 3), sf("ADBDUK", ap, 1.5, 3), sf("ADBDUK", am, 0.5, 3), sf("PRAKOM", tr, 1, 3))
		a.female = 0.55
		return a
	}(),
	func() agencySpec {
		a := dinas("DISHUB", "Dinas Perhubungan", []divSpec{
			dv("Lalu Lintas", nil, "Manajemen dan Rekayasa Lalu Lintas", "Analisis Dampak Lalu Lintas"),
			dv("Angkutan", nil, "Angkutan Orang", "Angkutan Barang dan Terminal"),
			dv("Prasarana Perhubungan", ts(tProyek), "Perlengkapan Jalan", "Penerangan Jalan Umum"),
			dv("Pengendalian dan Operasional", ts(tTrantib), "Pengendalian Operasional", "Ketertiban dan Keselamatan Lalu Lintas"),
		}, ts(tLalin), 150,
			sp("LALIN", 12, 4), sp("PARKIR", 3, 4), sf("PENGUJIKB", tr, 1, 2), sf("PBJ", ap, 0.4, 0))
		a.fam = famField
		a.female = 0.2
		a.upts = []uptSpec{
			{code: "UPT-PKB", name: "UPT Pengujian Kendaraan Bermotor", core: ts(tLalin), weight: 40, fam: famEngineer, female: 0.15,
				staff: []staffSpec{sf("PENGUJIKB", tr, 3, -1), sf("PENGUJIKB", mh, 1.5, -1), sf("PENGUJIKB", ap, 1, -1), sp("KIR", 3, -1), sp("ADM", 1, 0)}},
			{code: "UPT-PARKIR", name: "UPT Pengelolaan Perparkiran", core: ts(tLalin, tPendapatan), weight: 50, fam: famField, female: 0.15,
				staff: []staffSpec{sp("PARKIR", 8, -1), sp("ADM", 1, 0), sp("KEU", 1, 0)}},
		}
		return a
	}(),
	func() agencySpec {
		a := dinas("DISKOMINFO", "Dinas Komunikasi dan Informatika", []divSpec{
			dv("Informasi dan Komunikasi Publik", ts(tKompub), "Pengelolaan Informasi Publik", "Komunikasi Publik dan Media"),
			dv("Aplikasi Informatika", nil, "Pengembangan Aplikasi", "Tata Kelola Pemerintahan Berbasis Elektronik"),
			dv("Infrastruktur Teknologi Informasi dan Komunikasi", nil, "Infrastruktur Jaringan", "Pusat Data dan Command Center"),
			dv("Statistik dan Persandian", nil, "Statistik Sektoral", "Persandian dan Keamanan Informasi"),
		}, ts(tData), 60,
			sf("PRAKOM", ap, 3, 2), sf("PRAKOM", am, 1.5, 3), sf("PRAKOM", tr, 2, 3), sf("PRAHUM", ap, 1.5, 1), sf("PRAHUM", am, 0.6, 1),
			sf("STATISTISI", ap, 1, 4), sf("SANDIMAN", ap, 0.8, 4), sp("HUMAS", 2, 1), sf("PBJ", ap, 0.4, 0))
		a.fam = famIT
		a.female = 0.38
		return a
	}(),
	dinas("DISKOPUKM", "Dinas Koperasi dan Usaha Kecil Menengah", []divSpec{
		dv("Kelembagaan dan Pengawasan Koperasi", ts(tHukum), "Kelembagaan Koperasi", "Pengawasan Koperasi"),
		dv("Pemberdayaan Usaha Mikro", ts(tPemberdayaan), "Fasilitasi Usaha Mikro", "Pengembangan Kewirausahaan"),
		dv("Pengembangan Usaha Kecil dan Menengah", ts(tDagin), "Akses Pasar dan Digitalisasi", "Pembiayaan dan Kemitraan"),
	}, ts(tUMKM), 35,
		sf("PENGKOP", ap, 1.5, 1), sf("PENGKOP", am, 0.6, 1), sp("PENDUMKM", 4, -1)),
	func() agencySpec {
		a := dinas("DISDAGIN", "Dinas Perdagangan dan Perindustrian", []divSpec{
			dv("Perdagangan", nil, "Distribusi dan Stabilisasi Harga", "Pengembangan Pasar Rakyat"),
			dv("Perlindungan Konsumen dan Tertib Niaga", ts(tHukum), "Perlindungan Konsumen", "Tertib Niaga"),
			dv("Perindustrian", ts(tUMKM), "Industri Kecil dan Menengah", "Pengembangan Industri"),
		}, ts(tDagin), 50,
			sf("PENGDAG", ap, 1.5, 2), sf("PENGDAG", am, 0.5, 2), sp("PASAR", 5, 1))
		a.upts = []uptSpec{{code: "UPT-METROLOGI", name: "UPT Metrologi Legal", core: ts(tDagin), weight: 15, fam: famEngineer, female: 0.3,
			staff: []staffSpec{sf("PENERA", tr, 2, -1), sf("PENERA", ap, 1, -1), sp("METRO", 2, -1), sp("ADM", 1, 0)}}}
		return a
	}(),
	dinas("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", []divSpec{
		dv("Perencanaan dan Pengembangan Iklim Penanaman Modal", ts(tKebijakan), "Perencanaan Penanaman Modal", "Pengembangan Iklim Penanaman Modal"),
		dv("Promosi dan Pengendalian Penanaman Modal", nil, "Promosi Penanaman Modal", "Pengendalian Pelaksanaan Penanaman Modal"),
		dv("Pelayanan Perizinan dan Nonperizinan", nil, "Pelayanan Perizinan Berusaha", "Pelayanan Nonperizinan"),
		dv("Pengaduan, Kebijakan dan Pelaporan Layanan", ts(tData), "Pengaduan Layanan", "Kebijakan dan Pelaporan Layanan"),
	}, ts(tPerizinan), 50,
		sp("IZIN", 8, 3), sf("ANJAK", ap, 1, 1), sf("PRAKOM", ap, 0.6, 4)),
	dinas("DISPORA", "Dinas Pemuda dan Olahraga", []divSpec{
		dv("Kepemudaan", ts(tPemberdayaan), "Pemberdayaan Pemuda", "Kepemimpinan dan Kewirausahaan Pemuda"),
		dv("Keolahragaan", nil, "Pembudayaan Olahraga", "Olahraga Prestasi"),
		dv("Sarana dan Prasarana Olahraga", ts(tProyek), "Pembangunan Sarana Olahraga", "Pemeliharaan Sarana Olahraga"),
	}, ts(tOlahraga), 35,
		sp("PEMUDA", 2, 1), sp("SARORGA", 4, 3), sf("ANJAK", ap, 0.6, 2)),
	func() agencySpec {
		a := dinas("DISBUDPAR", "Dinas Kebudayaan dan Pariwisata", []divSpec{
			dv("Kebudayaan", ts(tBudaya), "Sejarah dan Cagar Budaya", "Kesenian dan Tradisi"),
			dv("Destinasi Pariwisata", nil, "Pengembangan Destinasi", "Pengelolaan Daya Tarik Wisata"),
			dv("Pemasaran Pariwisata", ts(tKompub), "Promosi Pariwisata", "Kemitraan dan Penyelenggaraan Acara"),
			dv("Ekonomi Kreatif", ts(tUMKM), "Pengembangan Ekonomi Kreatif", "Fasilitasi Pelaku Ekonomi Kreatif"),
		}, ts(tPariwisata), 50,
			sf("PAMBUD", ap, 1.2, 1), sf("PAMBUD", am, 0.5, 1), sf("ADYATAMA", ap, 1.5, -1), sf("ADYATAMA", am, 0.6, -1),
			sp("WISATA", 3, 2), sp("SENI", 2, 1), sp("KREATIF", 2, 4))
		a.fam = famTourism
		a.female = 0.5
		return a
	}(),
	{
		code: "SATPOLPP", name: "Satuan Polisi Pamong Praja", kind: people.UnitSatpolPP,
		head: "Kepala Satuan Polisi Pamong Praja", headCode: "KASATPOL",
		sec: "Sekretaris Satuan Polisi Pamong Praja", secSubs: secSubs2,
		divPrefix: "Kepala Bidang", divCode: "KABID", subPrefix: "Kepala Seksi", subCode: "KASI",
		divs: []divSpec{
			dv("Penegakan Peraturan Daerah", ts(tHukum), "Penyelidikan dan Penyidikan", "Pembinaan dan Pengawasan"),
			dv("Ketertiban Umum dan Ketenteraman Masyarakat", nil, "Operasi dan Pengendalian", "Kerja Sama dan Pengamanan"),
			dv("Perlindungan Masyarakat", ts(tBencana), "Satuan Perlindungan Masyarakat", "Bina Potensi Masyarakat"),
		},
		core: ts(tTrantib), fam: famField, female: 0.15, weight: 200,
		staff: []staffSpec{
			sf("POLPP", tr, 12, 2), sf("POLPP", mh, 5, 2), sf("POLPP", py, 1.5, 1), sf("POLPP", ap, 1.5, 1), sf("POLPP", am, 0.5, 1),
			sp("TRANTIB", 5, 2), sp("LINMAS", 2, 3),
		},
	},
	{
		code: "RSUD", name: "Rumah Sakit Umum Daerah Kota Bandung", kind: people.UnitRumahSakit,
		head: "Direktur Rumah Sakit Umum Daerah", headCode: "DIREKTUR",
		sec: "Kepala Bagian Tata Usaha", secSubs: secSubs3,
		divPrefix: "Kepala Bidang", divCode: "KABID", subPrefix: "Kepala Seksi", subCode: "KASI",
		divs: []divSpec{
			{name: "Pelayanan Medik", subs: []string{"Pelayanan Medik Rawat Jalan", "Pelayanan Medik Rawat Inap dan Gawat Darurat"}, techs: ts(tKesmas), fam: famDoctor},
			{name: "Keperawatan", subs: []string{"Asuhan Keperawatan", "Etika dan Mutu Keperawatan"}, techs: ts(tAsuhan), fam: famNurse},
			{name: "Penunjang Medik dan Nonmedik", subs: []string{"Penunjang Medik", "Penunjang Nonmedik"}, techs: ts(tPBJ)},
		},
		core: ts(tKlinis), fam: famPublicHealth, female: 0.6, weight: 560,
		staff: []staffSpec{
			sf("DOKTER", amd, 3, 1), sf("DOKTER", am, 1.5, 1), sf("DOKTER", ap, 1.5, 1), sf("DOKTERGIGI", am, 0.4, 1),
			sf("PERAWAT", tr, 9, 2), sf("PERAWAT", ap, 6, 2), sf("PERAWAT", mh, 4, 2), sf("PERAWAT", py, 1.5, 2), sf("PERAWAT", am, 1, 2),
			sf("BIDAN", tr, 2, 2), sf("BIDAN", ap, 1, 2),
			sf("APOTEKER", ap, 1, 3), sf("TTK", tr, 1.5, 3), sf("PLK", tr, 1.5, 3), sf("RADIOGRAFER", tr, 0.8, 3),
			sf("FISIO", tr, 0.6, 3), sf("PEREKAM", tr, 1.2, 3), sf("NUTRISIONIS", tr, 0.8, 3), sf("SANITARIAN", tr, 0.4, 3),
			sf("ADMINKES", ap, 0.6, 0), sp("AMBULANS", 0.6, 3), sp("LAYKES", 2, 1),
		},
	},
	{
		code: "RSKIA", name: "Rumah Sakit Khusus Ibu dan Anak Kota Bandung", kind: people.UnitRumahSakit,
		head: "Direktur Rumah Sakit Khusus Ibu dan Anak", headCode: "DIREKTUR",
		sec: "Kepala Bagian Tata Usaha", secSubs: secSubs2,
		divPrefix: "Kepala Bidang", divCode: "KABID", subPrefix: "Kepala Seksi", subCode: "KASI",
		divs: []divSpec{
			{name: "Pelayanan Medik dan Keperawatan", subs: []string{"Pelayanan Medik", "Keperawatan dan Kebidanan"}, techs: ts(tAsuhan), fam: famDoctor},
			{name: "Penunjang", subs: []string{"Penunjang Medik", "Penunjang Nonmedik"}, techs: ts(tKesmas)},
		},
		core: ts(tKlinis), fam: famPublicHealth, female: 0.75, weight: 130,
		staff: []staffSpec{
			sf("DOKTER", amd, 1.2, 1), sf("DOKTER", ap, 1, 1), sf("BIDAN", tr, 5, 1), sf("BIDAN", ap, 2.5, 1), sf("BIDAN", mh, 1.5, 1),
			sf("PERAWAT", tr, 3, 1), sf("PERAWAT", ap, 2, 1), sf("APOTEKER", ap, 0.5, 2), sf("TTK", tr, 0.8, 2),
			sf("PLK", tr, 0.8, 2), sf("NUTRISIONIS", tr, 0.5, 2), sf("PEREKAM", tr, 0.6, 2), sp("LAYKES", 1, 1),
		},
	},
	{
		code: "RSKGM", name: "Rumah Sakit Khusus Gigi dan Mulut Kota Bandung", kind: people.UnitRumahSakit,
		head: "Direktur Rumah Sakit Khusus Gigi dan Mulut", headCode: "DIREKTUR",
		sec: "Kepala Bagian Tata Usaha", secSubs: secSubs2,
		divPrefix: "Kepala Bidang", divCode: "KABID", subPrefix: "Kepala Seksi", subCode: "KASI",
		divs: []divSpec{
			{name: "Pelayanan Medik dan Keperawatan", subs: []string{"Pelayanan Medik Gigi dan Mulut", "Keperawatan Gigi"}, techs: ts(tAsuhan), fam: famDentist},
			{name: "Penunjang", subs: []string{"Penunjang Medik", "Penunjang Nonmedik"}, techs: ts(tKesmas)},
		},
		core: ts(tKlinis), fam: famDentist, female: 0.7, weight: 60,
		staff: []staffSpec{
			sf("DOKTERGIGI", amd, 1.5, 1), sf("DOKTERGIGI", am, 1.5, 1), sf("DOKTERGIGI", ap, 1.5, 1),
			sf("TGM", tr, 3, 1), sf("TGM", mh, 1, 1), sf("PERAWAT", tr, 1.5, 1), sf("APOTEKER", ap, 0.4, 2),
			sf("TTK", tr, 0.6, 2), sf("RADIOGRAFER", tr, 0.5, 2), sf("PEREKAM", tr, 0.5, 2),
		},
	},
}

// puskesmasStaff is the staff table of every UPT Puskesmas. div -1 reports
// to the head of the puskesmas, 0 to its Kepala Subbagian Tata Usaha.
var puskesmasStaff = []staffSpec{
	sf("DOKTER", ap, 1.6, -1), sf("DOKTER", am, 0.8, -1), sf("DOKTERGIGI", ap, 0.7, -1), sf("DOKTERGIGI", am, 0.3, -1),
	sf("PERAWAT", tr, 2.2, -1), sf("PERAWAT", ap, 1.6, -1), sf("PERAWAT", mh, 0.8, -1),
	sf("BIDAN", tr, 2.2, -1), sf("BIDAN", ap, 0.8, -1), sf("BIDAN", mh, 0.6, -1),
	sf("APOTEKER", ap, 0.5, -1), sf("TTK", tr, 0.7, -1), sf("PLK", tr, 0.8, -1), sf("NUTRISIONIS", tr, 0.6, -1),
	sf("SANITARIAN", tr, 0.6, -1), sf("PROMKES", ap, 0.5, -1), sf("PEREKAM", tr, 0.5, -1), sf("EPID", tr, 0.3, -1),
	sp("ADM", 1.2, 0), sp("KEU", 0.6, 0), sp("OPS", 0.8, 0),
}

const (
	puskesmasWeight = 1000 // all puskesmas together
	kecamatanWeight = 13   // each kecamatan
	kelurahanWeight = 5    // each kelurahan
)

// kecamatanSeksi are the sections of every kecamatan (reporting to the
// camat) with their technical competency.
var kecamatanSeksi = []divSpec{
	dv("Tata Pemerintahan", ts(tAdminduk)),
	dv("Ketenteraman dan Ketertiban Umum", ts(tTrantib)),
	dv("Ekonomi dan Pembangunan", ts(tUMKM)),
	dv("Kesejahteraan Sosial", ts(tSosial)),
	dv("Pemberdayaan Masyarakat", ts(tPemberdayaan)),
}

var kecamatanStaff = []staffSpec{
	sp("ADM", 3, 0), sp("KEU", 1.5, 0), sp("DATA", 1, 0), sp("OPS", 2, 0), sf("PRAKOM", tr, 0.3, 0),
	sp("LAYMAS", 3, 1), sp("TRANTIB", 2, 2), sp("PASAR", 0.6, 3), sp("BANSOS", 1, 4), sp("PEMBMAS", 1.2, 5),
	sf("ANJAK", ap, 0.3, 1),
}

var kelurahanSeksi = []divSpec{
	dv("Pemerintahan dan Ketenteraman", ts(tTrantib)),
	dv("Ekonomi, Pembangunan dan Kesejahteraan Sosial", ts(tSosial)),
}

var kelurahanStaff = []staffSpec{
	sp("ADM", 2, 0), sp("OPS", 1.2, 0), sp("DATA", 0.6, 0), sp("KEU", 0.5, 0),
	sp("LAYMAS", 2, 1), sp("PEMBMAS", 1.5, 2),
}
