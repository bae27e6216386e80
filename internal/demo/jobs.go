package demo

import "asah/internal/people"

// family groups positions by the education and academic titles of the
// people who hold them.
type family uint8

const (
	famInherit family = iota // take the family of the unit
	famGeneral
	famEcon
	famLaw
	famIT
	famEngineer
	famPlanning
	famTeacher
	famDoctor
	famDentist
	famNurse
	famMidwife
	famPharma
	famLab
	famNutrition
	famSanitarian
	famPublicHealth
	famMedRecord
	famRadio
	famPhysio
	famDentalTher
	famSocial
	famAgri
	famVet
	famField // field staff: mostly senior high school
	famTourism
	famCulture
	famSport
	famLibrary
	famStat
	famPsych
	famComm
	famEnv
	famAudit
)

// famTitles are the degrees of a family by education level.
type famTitles struct {
	d3    []string // diploma (D3) back titles
	s1    []string // bachelor / professional back titles
	s2    []string // master back titles
	front string   // professional front title that replaces the bachelor's (dr., drg., drh.)
	spec  []string // specialist back titles (doctors, dentists)
}

var familyTitles = [...]famTitles{
	famGeneral:      {d3: []string{"A.Md."}, s1: []string{"S.Sos.", "S.IP.", "S.AP.", "S.E.", "S.H.", "S.Kom.", "S.I.Kom."}, s2: []string{"M.Si.", "M.M.", "M.AP.", "M.Si.", "M.H."}},
	famEcon:         {d3: []string{"A.Md.Ak.", "A.Md."}, s1: []string{"S.E.", "S.Ak.", "S.E."}, s2: []string{"M.M.", "M.Ak.", "M.Si."}},
	famLaw:          {d3: []string{"A.Md."}, s1: []string{"S.H."}, s2: []string{"M.H.", "M.Kn.", "M.H."}},
	famIT:           {d3: []string{"A.Md.Kom.", "A.Md.T."}, s1: []string{"S.Kom.", "S.T.", "S.Kom."}, s2: []string{"M.Kom.", "M.T."}},
	famEngineer:     {d3: []string{"A.Md.T."}, s1: []string{"S.T."}, s2: []string{"M.T.", "M.T.", "M.M."}},
	famPlanning:     {d3: []string{"A.Md."}, s1: []string{"S.T.", "S.E.", "S.Si.", "S.P.W.K."}, s2: []string{"M.T.", "M.Si.", "M.E.", "M.P.W.K."}},
	famTeacher:      {d3: []string{"A.Md.Pd."}, s1: []string{"S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Si."}, s2: []string{"M.Pd."}},
	famDoctor:       {front: "dr.", s2: []string{"M.Kes.", "M.KM.", "M.M.R.S."}, spec: []string{"Sp.PD", "Sp.A", "Sp.OG", "Sp.B", "Sp.An", "Sp.Rad", "Sp.JP", "Sp.N", "Sp.M", "Sp.THT-KL", "Sp.KFR", "Sp.PK"}},
	famDentist:      {front: "drg.", s2: []string{"M.Kes."}, spec: []string{"Sp.KG", "Sp.Ort", "Sp.BM", "Sp.Perio", "Sp.KGA", "Sp.Pros"}},
	famNurse:        {d3: []string{"A.Md.Kep."}, s1: []string{"S.Kep., Ns.", "S.Kep., Ns.", "S.Kep."}, s2: []string{"M.Kep."}},
	famMidwife:      {d3: []string{"A.Md.Keb."}, s1: []string{"S.Tr.Keb.", "S.Keb., Bd."}, s2: []string{"M.Keb."}},
	famPharma:       {d3: []string{"A.Md.Farm."}, s1: []string{"S.Farm., Apt."}, s2: []string{"M.Farm."}},
	famLab:          {d3: []string{"A.Md.AK."}, s1: []string{"S.Tr.Kes.", "S.Si."}, s2: []string{"M.Si."}},
	famNutrition:    {d3: []string{"A.Md.Gz."}, s1: []string{"S.Gz."}, s2: []string{"M.Gz."}},
	famSanitarian:   {d3: []string{"A.Md.KL."}, s1: []string{"S.KM.", "S.Tr.KL."}, s2: []string{"M.KM."}},
	famPublicHealth: {d3: []string{"A.Md.Kes."}, s1: []string{"S.KM."}, s2: []string{"M.KM.", "M.Kes.", "M.Epid."}},
	famMedRecord:    {d3: []string{"A.Md.RMIK."}, s1: []string{"S.Tr.RMIK."}, s2: []string{"M.Kes."}},
	famRadio:        {d3: []string{"A.Md.Rad."}, s1: []string{"S.Tr.Rad."}, s2: []string{"M.Tr.ID."}},
	famPhysio:       {d3: []string{"A.Md.Ftr."}, s1: []string{"S.Ftr."}, s2: []string{"M.Fis."}},
	famDentalTher:   {d3: []string{"A.Md.Kes."}, s1: []string{"S.Tr.Kes."}, s2: []string{"M.Kes."}},
	famSocial:       {d3: []string{"A.Md."}, s1: []string{"S.Sos.", "S.Sos.", "S.IP.", "S.Psi."}, s2: []string{"M.Si.", "M.Sos."}},
	famAgri:         {d3: []string{"A.Md.P."}, s1: []string{"S.P.", "S.Pt.", "S.Pi."}, s2: []string{"M.P.", "M.Si."}},
	famVet:          {d3: []string{"A.Md.Pt."}, front: "drh.", s2: []string{"M.Si."}},
	famField:        {d3: []string{"A.Md."}, s1: []string{"S.H.", "S.Sos.", "S.IP."}, s2: []string{"M.Si.", "M.H."}},
	famTourism:      {d3: []string{"A.Md.Par."}, s1: []string{"S.Par.", "S.Tr.Par.", "S.E."}, s2: []string{"M.Par.", "M.M."}},
	famCulture:      {d3: []string{"A.Md."}, s1: []string{"S.Sn.", "S.Hum.", "S.S."}, s2: []string{"M.Sn.", "M.Hum."}},
	famSport:        {d3: []string{"A.Md."}, s1: []string{"S.Pd.", "S.Or."}, s2: []string{"M.Pd.", "M.Or."}},
	famLibrary:      {d3: []string{"A.Md."}, s1: []string{"S.IIP.", "S.Hum.", "S.I.Pust."}, s2: []string{"M.Hum.", "M.I.P."}},
	famStat:         {d3: []string{"A.Md.Stat."}, s1: []string{"S.Si.", "S.Stat.", "S.Tr.Stat."}, s2: []string{"M.Si.", "M.Stat."}},
	famPsych:        {d3: []string{"A.Md."}, s1: []string{"S.Psi.", "S.Psi., Psikolog"}, s2: []string{"M.Psi., Psikolog", "M.Psi."}},
	famComm:         {d3: []string{"A.Md.Kom."}, s1: []string{"S.I.Kom.", "S.Sos."}, s2: []string{"M.I.Kom.", "M.Si."}},
	famEnv:          {d3: []string{"A.Md.T."}, s1: []string{"S.T.", "S.Si.", "S.T."}, s2: []string{"M.T.", "M.Si.", "M.Ling."}},
	famAudit:        {d3: []string{"A.Md.Ak."}, s1: []string{"S.E.", "S.Ak.", "S.E."}, s2: []string{"M.Ak.", "M.M.", "M.Si."}},
}

// jobSpec is a pelaksana or fungsional job of the catalogue. Fungsional
// titles get the jenjang appended ("Guru Ahli Muda").
type jobSpec struct {
	title  string
	kind   people.PositionKind
	fam    family
	tech   string  // the job's own technical competency ("" none)
	female float64 // share of women
	pppk   float64 // share of PPPK among holders (fungsional: for the first jenjang; see pppkShare)
}

func pl(title string, fam family, tech string, female, pppk float64) jobSpec {
	return jobSpec{title: title, kind: people.KindPelaksana, fam: fam, tech: tech, female: female, pppk: pppk}
}

func jf(title string, fam family, tech string, female, pppk float64) jobSpec {
	return jobSpec{title: title, kind: people.KindFungsional, fam: fam, tech: tech, female: female, pppk: pppk}
}

// jobs is looked up by key only (never iterated), so map order does not matter.
var jobs = map[string]jobSpec{
	// pelaksana, general
	"ADM":   pl("Pengadministrasi Perkantoran", famGeneral, tArsip, 0.55, 0.06),
	"KEU":   pl("Pengelola Keuangan", famEcon, tKeuda, 0.62, 0.03),
	"DATA":  pl("Pengelola Data dan Informasi", famIT, tData, 0.45, 0.06),
	"OPS":   pl("Pengelola Layanan Operasional", famGeneral, "", 0.40, 0.10),
	"KEPEG": pl("Pengelola Kepegawaian", famGeneral, tSDM, 0.60, 0.03),
	"BMD":   pl("Pengelola Barang Milik Daerah", famEcon, tKeuda, 0.40, 0.03),
	"PROG":  pl("Penyusun Program dan Anggaran", famPlanning, tRencana, 0.50, 0.02),
	// pelaksana, technical
	"PAJAK":     pl("Pengelola Pajak dan Retribusi Daerah", famEcon, tPendapatan, 0.50, 0.05),
	"JURUSITA":  pl("Jurusita Pajak Daerah", famLaw, tPendapatan, 0.25, 0.00),
	"SIDANG":    pl("Pengadministrasi Persidangan", famGeneral, tHukum, 0.55, 0.02),
	"PROTOKOL":  pl("Pengelola Protokol dan Acara", famComm, tKompub, 0.50, 0.02),
	"TEKJALAN":  pl("Teknisi Jalan dan Jembatan", famEngineer, tProyek, 0.05, 0.35),
	"ALATBERAT": pl("Operator Alat Berat", famField, "", 0.00, 0.40),
	"TEKAIR":    pl("Pengelola Sarana dan Prasarana Sumber Daya Air", famEngineer, tBencana, 0.08, 0.35),
	"KEBERSIH":  pl("Pengawas Kebersihan Lingkungan", famField, tSampah, 0.20, 0.40),
	"OPSAMPAH":  pl("Operator Sarana Persampahan", famField, tSampah, 0.05, 0.45),
	"OPIPAL":    pl("Operator Instalasi Pengolahan Air Limbah", famEnv, tSanitasi, 0.10, 0.40),
	"TAMAN":     pl("Pengelola Taman dan Ruang Terbuka Hijau", famAgri, tIklim, 0.30, 0.35),
	"MAKAM":     pl("Pengelola Pemakaman", famField, "", 0.10, 0.30),
	"LALIN":     pl("Pengatur Lalu Lintas", famField, tLalin, 0.10, 0.35),
	"PARKIR":    pl("Pengelola Perparkiran", famField, tLalin, 0.15, 0.30),
	"TRANTIB":   pl("Pengelola Ketenteraman dan Ketertiban Umum", famField, tTrantib, 0.15, 0.20),
	"DUKCAPIL":  pl("Pengelola Layanan Kependudukan", famGeneral, tAdminduk, 0.60, 0.12),
	"DATADUK":   pl("Pengolah Data Kependudukan", famIT, tAdminduk, 0.50, 0.10),
	"PENDSOS":   pl("Pendamping Sosial", famSocial, tSosial, 0.60, 0.25),
	"PENDPPA":   pl("Pendamping Perlindungan Perempuan dan Anak", famPsych, tPerlindungan, 0.80, 0.25),
	"IZIN":      pl("Pengelola Layanan Perizinan", famGeneral, tPerizinan, 0.55, 0.08),
	"PENDUMKM":  pl("Pendamping Koperasi dan UMKM", famEcon, tUMKM, 0.50, 0.20),
	"PASAR":     pl("Pengelola Pasar dan Distribusi Barang", famEcon, tDagin, 0.35, 0.15),
	"WISATA":    pl("Pengelola Daya Tarik Wisata", famTourism, tPariwisata, 0.50, 0.15),
	"SENI":      pl("Pengelola Kegiatan Kesenian dan Budaya", famCulture, tBudaya, 0.45, 0.10),
	"SARORGA":   pl("Pengelola Sarana dan Prasarana Olahraga", famSport, tOlahraga, 0.20, 0.20),
	"PEMUDA":    pl("Pendamping Kepemudaan", famSocial, tOlahraga, 0.40, 0.10),
	"PANGAN":    pl("Pengelola Ketersediaan dan Distribusi Pangan", famAgri, tPangan, 0.50, 0.10),
	"RPH":       pl("Pengelola Rumah Potong Hewan", famAgri, tPangan, 0.15, 0.25),
	"PASKER":    pl("Pengelola Informasi Pasar Kerja", famGeneral, tNaker, 0.50, 0.05),
	"DATAKB":    pl("Pengelola Data Keluarga", famGeneral, tKB, 0.65, 0.05),
	"ARSIP":     pl("Pengelola Arsip", famGeneral, tArsip, 0.55, 0.05),
	"LAYPUS":    pl("Pengelola Layanan Perpustakaan", famLibrary, tPustaka, 0.60, 0.05),
	"ORMAS":     pl("Pengelola Data Organisasi Kemasyarakatan", famSocial, tWawasan, 0.40, 0.00),
	"SARSEK":    pl("Pengelola Sarana dan Prasarana Sekolah", famGeneral, "", 0.25, 0.35),
	"ADMSEK":    pl("Pengadministrasi Sekolah", famGeneral, tArsip, 0.65, 0.30),
	"AMBULANS":  pl("Pengemudi Ambulans", famField, tKlinis, 0.00, 0.35),
	"LAYKES":    pl("Pengelola Layanan Kesehatan", famPublicHealth, tKesmas, 0.70, 0.25),
	"LINMAS":    pl("Pengelola Perlindungan Masyarakat", famField, tBencana, 0.15, 0.15),
	"PUSDALOPS": pl("Operator Pusat Pengendalian Operasi", famIT, tBencana, 0.30, 0.20),
	"PEMBMAS":   pl("Pengelola Pemberdayaan Masyarakat", famSocial, tPemberdayaan, 0.50, 0.05),
	"LAYMAS":    pl("Pengelola Layanan Masyarakat", famGeneral, tAdminduk, 0.55, 0.06),
	"KIR":       pl("Pengelola Pengujian Kendaraan", famEngineer, tLalin, 0.10, 0.20),
	"LABLING":   pl("Pengelola Laboratorium Lingkungan", famEnv, tIklim, 0.50, 0.25),
	"METRO":     pl("Pengelola Alat Ukur dan Takar", famEngineer, tDagin, 0.20, 0.10),
	"BANSOS":    pl("Pengelola Bantuan Sosial", famSocial, tSosial, 0.55, 0.10),
	"KREATIF":   pl("Pendamping Ekonomi Kreatif", famTourism, tPariwisata, 0.50, 0.15),
	"PERTANAH":  pl("Pengelola Data Pertanahan", famEngineer, tPermukiman, 0.30, 0.05),
	"PENGAWAS":  pl("Pengawas Bangunan Gedung", famEngineer, tTataruang, 0.15, 0.10),
	"HUMAS":     pl("Pengelola Informasi Publik", famComm, tKompub, 0.55, 0.05),

	// fungsional, general
	"PERENCANA":  jf("Perencana", famPlanning, tRencana, 0.45, 0),
	"ARSIPARIS":  jf("Arsiparis", famGeneral, tArsip, 0.60, 0.05),
	"PRAKOM":     jf("Pranata Komputer", famIT, tData, 0.35, 0.10),
	"PBJ":        jf("Pengelola Pengadaan Barang/Jasa", famEcon, tPBJ, 0.35, 0),
	"ANJAK":      jf("Analis Kebijakan", famSocial, tKebijakan, 0.45, 0),
	"AUDITOR":    jf("Auditor", famAudit, tAudit, 0.50, 0),
	"P2UPD":      jf("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", famGeneral, tAudit, 0.45, 0),
	"ANHUKUM":    jf("Analis Hukum", famLaw, tHukum, 0.50, 0),
	"PERANCANG":  jf("Perancang Peraturan Perundang-undangan", famLaw, tHukum, 0.50, 0),
	"PRAHUM":     jf("Pranata Hubungan Masyarakat", famComm, tKompub, 0.55, 0.05),
	"STATISTISI": jf("Statistisi", famStat, tData, 0.50, 0),
	"PENELITI":   jf("Peneliti", famPlanning, tKebijakan, 0.45, 0),
	"ANSDM":      jf("Analis Sumber Daya Manusia Aparatur", famGeneral, tSDM, 0.60, 0),
	"ASESOR":     jf("Asesor Sumber Daya Manusia Aparatur", famPsych, tSDM, 0.60, 0),
	"WIDYA":      jf("Widyaiswara", famGeneral, tSDM, 0.45, 0),
	"ANKEU":      jf("Analis Keuangan Pusat dan Daerah", famEcon, tKeuda, 0.55, 0),
	// education
	"GURUKELAS": jf("Guru Kelas", famTeacher, tPembelajaran, 0.72, 0.42),
	"GURUMAPEL": jf("Guru Mata Pelajaran", famTeacher, tPembelajaran, 0.65, 0.42),
	"GURUPJOK":  jf("Guru Pendidikan Jasmani, Olahraga dan Kesehatan", famSport, tPembelajaran, 0.25, 0.42),
	"GURUAGAMA": jf("Guru Pendidikan Agama Islam", famTeacher, tPembelajaran, 0.55, 0.42),
	"GURUBK":    jf("Guru Bimbingan dan Konseling", famPsych, tPembelajaran, 0.70, 0.35),
	"GURUTK":    jf("Guru Taman Kanak-kanak", famTeacher, tPembelajaran, 0.95, 0.42),
	"PENGSEK":   jf("Pengawas Sekolah", famTeacher, tPembelajaran, 0.50, 0),
	"PENILIK":   jf("Penilik", famTeacher, tPembelajaran, 0.50, 0),
	"PAMBELAJR": jf("Pamong Belajar", famTeacher, tPembelajaran, 0.55, 0.10),
	// health
	"DOKTER":      jf("Dokter", famDoctor, tKlinis, 0.62, 0.20),
	"DOKTERGIGI":  jf("Dokter Gigi", famDentist, tKlinis, 0.70, 0.20),
	"PERAWAT":     jf("Perawat", famNurse, tAsuhan, 0.75, 0.35),
	"BIDAN":       jf("Bidan", famMidwife, tAsuhan, 1.00, 0.35),
	"APOTEKER":    jf("Apoteker", famPharma, tKlinis, 0.78, 0.20),
	"TTK":         jf("Tenaga Teknis Kefarmasian", famPharma, tKesmas, 0.80, 0.35),
	"PLK":         jf("Pranata Laboratorium Kesehatan", famLab, tKlinis, 0.70, 0.30),
	"NUTRISIONIS": jf("Nutrisionis", famNutrition, tKesmas, 0.85, 0.30),
	"SANITARIAN":  jf("Tenaga Sanitasi Lingkungan", famSanitarian, tKesmas, 0.60, 0.30),
	"PROMKES":     jf("Penyuluh Kesehatan Masyarakat", famPublicHealth, tKesmas, 0.70, 0.20),
	"EPID":        jf("Epidemiolog Kesehatan", famPublicHealth, tKesmas, 0.60, 0.10),
	"ADMINKES":    jf("Administrator Kesehatan", famPublicHealth, tKesmas, 0.60, 0.10),
	"PEREKAM":     jf("Perekam Medis", famMedRecord, tData, 0.65, 0.30),
	"RADIOGRAFER": jf("Radiografer", famRadio, tKlinis, 0.45, 0.30),
	"FISIO":       jf("Fisioterapis", famPhysio, tKlinis, 0.60, 0.30),
	"TGM":         jf("Terapis Gigi dan Mulut", famDentalTher, tKlinis, 0.80, 0.30),
	// technical
	"PLH":        jf("Pengawas Lingkungan Hidup", famEnv, tIklim, 0.35, 0),
	"PDL":        jf("Pengendali Dampak Lingkungan", famEnv, tIklim, 0.40, 0.05),
	"PENYLH":     jf("Penyuluh Lingkungan Hidup", famEnv, tSampah, 0.50, 0.10),
	"TJJ":        jf("Teknik Jalan dan Jembatan", famEngineer, tProyek, 0.15, 0.10),
	"TPENGAIRAN": jf("Teknik Pengairan", famEngineer, tProyek, 0.15, 0.10),
	"TTBP":       jf("Teknik Tata Bangunan dan Perumahan", famEngineer, tPermukiman, 0.25, 0.05),
	"PENATARG":   jf("Penata Ruang", famPlanning, tTataruang, 0.40, 0),
	"PEKSOS":     jf("Pekerja Sosial", famSocial, tSosial, 0.65, 0.15),
	"PENYSOS":    jf("Penyuluh Sosial", famSocial, tSosial, 0.60, 0.10),
	"MEDIATOR":   jf("Mediator Hubungan Industrial", famLaw, tNaker, 0.40, 0),
	"PENGKERJA":  jf("Pengantar Kerja", famGeneral, tNaker, 0.50, 0),
	"INSTRUKTUR": jf("Instruktur", famEngineer, tNaker, 0.30, 0.15),
	"PKB":        jf("Penyuluh Keluarga Berencana", famSocial, tKB, 0.70, 0.10),
	"PUSTAKAWAN": jf("Pustakawan", famLibrary, tPustaka, 0.65, 0.05),
	"ANKAR":      jf("Analis Kebakaran", famEngineer, tPemadam, 0.15, 0),
	"DAMKAR":     jf("Pemadam Kebakaran", famField, tPemadam, 0.03, 0.15),
	"PENYTANI":   jf("Penyuluh Pertanian", famAgri, tPangan, 0.45, 0.20),
	"MEDVET":     jf("Medik Veteriner", famVet, tPangan, 0.55, 0),
	"PARAMEDVET": jf("Paramedik Veteriner", famAgri, tPangan, 0.40, 0.20),
	"ANPANGAN":   jf("Analis Ketahanan Pangan", famAgri, tPangan, 0.50, 0),
	"ADBDUK":     jf("Administrator Database Kependudukan", famIT, tAdminduk, 0.45, 0.10),
	"PENGUJIKB":  jf("Penguji Kendaraan Bermotor", famEngineer, tLalin, 0.10, 0.10),
	"SANDIMAN":   jf("Sandiman", famIT, tData, 0.30, 0),
	"PENGKOP":    jf("Pengawas Koperasi", famEcon, tUMKM, 0.50, 0),
	"PENERA":     jf("Penera", famEngineer, tDagin, 0.30, 0.05),
	"PENGDAG":    jf("Pengawas Perdagangan", famEcon, tDagin, 0.50, 0),
	"PAMBUD":     jf("Pamong Budaya", famCulture, tBudaya, 0.50, 0),
	"ADYATAMA":   jf("Adyatama Kepariwisataan dan Ekonomi Kreatif", famTourism, tPariwisata, 0.55, 0),
	"POLPP":      jf("Polisi Pamong Praja", famField, tTrantib, 0.15, 0.05),
}

// jenjangLabel and jenjangAbbr name a functional jenjang in titles and codes.
var jenjangLabel = map[people.Jenjang]string{
	people.JenjangAhliUtama:   "Ahli Utama",
	people.JenjangAhliMadya:   "Ahli Madya",
	people.JenjangAhliMuda:    "Ahli Muda",
	people.JenjangAhliPertama: "Ahli Pertama",
	people.JenjangPenyelia:    "Penyelia",
	people.JenjangMahir:       "Mahir",
	people.JenjangTerampil:    "Terampil",
	people.JenjangPemula:      "Pemula",
}

var jenjangAbbr = map[people.Jenjang]string{
	people.JenjangAhliUtama:   "AU",
	people.JenjangAhliMadya:   "AMD",
	people.JenjangAhliMuda:    "AM",
	people.JenjangAhliPertama: "AP",
	people.JenjangPenyelia:    "PY",
	people.JenjangMahir:       "MH",
	people.JenjangTerampil:    "TR",
	people.JenjangPemula:      "PM",
}

// isAhli tells the expert (ahli) jenjang from the skill (keterampilan) ones.
func isAhli(j people.Jenjang) bool {
	switch j {
	case people.JenjangAhliUtama, people.JenjangAhliMadya, people.JenjangAhliMuda, people.JenjangAhliPertama:
		return true
	}
	return false
}
