package demo

import (
	"strconv"
	"strings"
)

// The demo's learning catalogue: the providers of Kota Bandung's
// development programs (BKPSDM itself, the province, LAN, a ministry, eight
// partner universities under cooperation agreements, a private provider)
// and about sixty programs. It is plain data; the loader turns it into the
// learning records.

// ProviderSpec is one provider of the demo catalogue.
type ProviderSpec struct {
	Code, Name, Kind string
	// Agreement of a partner (universities): number, scope, and its term
	// relative to the demo's today, in days (negative: in the past).
	AgreementNo    string
	AgreementScope string
	StartDays      int
	EndDays        int
}

// ProgramSpec is one program of the demo catalogue.
type ProgramSpec struct {
	Code, Title, Description string
	Form                     string // development.Form
	Delivery                 string // tatap_muka, daring, campuran
	Provider                 string // ProviderSpec.Code
	JP                       int
	CostPerParticipant       int64 // rupiah
	FixedCost                int64 // rupiah per event
	Mandatory                bool
	Targets                  []ProgramTarget
	Kinds                    []string // eligible position kinds; none: everyone
	Sessions                 int      // sessions per event
	Capacity                 int
	// Events is how many events (angkatan) the past year had.
	Events int
}

// ProgramTarget is a competency a program raises, and to which level.
type ProgramTarget struct {
	Code  string
	Level int
}

// Provider kinds (learning.ProviderKind values).
const (
	provBKPSDM     = "bkpsdm"
	provProvince   = "bpsdm_provinsi"
	provLAN        = "lan"
	provMinistry   = "kementerian"
	provUniversity = "universitas"
	provPrivate    = "swasta"
)

// DemoProviders lists the providers; the eight universities have
// agreements, one of them expiring within a month and one already expired.
func DemoProviders() []ProviderSpec {
	return []ProviderSpec{
		{Code: "BKPSDM", Name: "BKPSDM Kota Bandung", Kind: provBKPSDM},
		{Code: "BPSDM-JABAR", Name: "BPSDM Provinsi Jawa Barat", Kind: provProvince},
		{Code: "STIALAN", Name: "Politeknik STIA LAN Bandung", Kind: provLAN},
		{Code: "KEMENDAGRI", Name: "BPSDM Kementerian Dalam Negeri", Kind: provMinistry},
		{Code: "ITB", Name: "Institut Teknologi Bandung", Kind: provUniversity,
			AgreementNo: "PKS/045/BKPSDM/2024", AgreementScope: "Pelatihan teknis infrastruktur, data, dan perubahan iklim",
			StartDays: -700, EndDays: 395},
		{Code: "UNPAD", Name: "Universitas Padjadjaran", Kind: provUniversity,
			AgreementNo: "PKS/051/BKPSDM/2024", AgreementScope: "Kesehatan masyarakat, kebijakan publik, dan hukum",
			StartDays: -650, EndDays: 445},
		{Code: "UPI", Name: "Universitas Pendidikan Indonesia", Kind: provUniversity,
			AgreementNo: "PKS/012/BKPSDM/2025", AgreementScope: "Pengembangan pendidik dan desain pembelajaran",
			StartDays: -320, EndDays: 770},
		{Code: "UNPAR", Name: "Universitas Katolik Parahyangan", Kind: provUniversity,
			AgreementNo: "PKS/077/BKPSDM/2023", AgreementScope: "Tata kelola pemerintahan dan administrasi publik",
			StartDays: -1080, EndDays: 21}, // expires within a month
		{Code: "TELU", Name: "Telkom University", Kind: provUniversity,
			AgreementNo: "PKS/030/BKPSDM/2025", AgreementScope: "Transformasi digital, data, dan keamanan informasi",
			StartDays: -280, EndDays: 815},
		{Code: "UINSGD", Name: "UIN Sunan Gunung Djati Bandung", Kind: provUniversity,
			AgreementNo: "PKS/019/BKPSDM/2024", AgreementScope: "Wawasan kebangsaan, moderasi, dan pelayanan sosial",
			StartDays: -600, EndDays: 130},
		{Code: "UNISBA", Name: "Universitas Islam Bandung", Kind: provUniversity,
			AgreementNo: "PKS/064/BKPSDM/2022", AgreementScope: "Komunikasi publik dan hukum administrasi",
			StartDays: -1460, EndDays: -35}, // expired: renewal pending
		{Code: "POLBAN", Name: "Politeknik Negeri Bandung", Kind: provUniversity,
			AgreementNo: "PKS/038/BKPSDM/2025", AgreementScope: "Keteknikan sipil, energi, dan pengelolaan sampah",
			StartDays: -200, EndDays: 895},
		{Code: "PRIMA", Name: "PT Prima Kompetensi Nusantara", Kind: provPrivate},
	}
}

// programRows is the catalogue in compact form, one program per line:
// code | title | form | delivery | provider | JP | cost per participant |
// fixed cost | mandatory (y/-) | targets (CODE:level, …) | kinds (…) |
// sessions | capacity | events in the past year.
const programRows = `
PKN2|Pelatihan Kepemimpinan Nasional Tingkat II|pelatihan_struktural|campuran|BPSDM-JABAR|280|42000000|0|y|M.8:4,M.7:4,M.4:4|jpt|12|30|1
PKA|Pelatihan Kepemimpinan Administrator|pelatihan_struktural|campuran|BPSDM-JABAR|210|24000000|0|y|M.8:3,M.7:3,M.2:3|administrator|10|30|2
PKP|Pelatihan Kepemimpinan Pengawas|pelatihan_struktural|campuran|BKPSDM|160|9500000|25000000|y|M.2:3,M.4:3,M.6:3|pengawas|8|40|4
LATSAR|Pelatihan Dasar CPNS|pelatihan_struktural|campuran|BKPSDM|240|7500000|40000000|y|SK.1:2,M.1:2,M.5:2||10|40|3
ORIENT-PPPK|Orientasi PPPK|sosialisasi|daring|BKPSDM|24|0|5000000|y|M.1:2,M.5:2||3|100|2
INTEG|Membangun Integritas dan Budaya Antikorupsi|pelatihan_manajerial|tatap_muka|BKPSDM|16|850000|6000000|-|M.1:3||2|40|4
KOMEF|Komunikasi Efektif dan Presentasi|pelatihan_manajerial|tatap_muka|UNISBA|24|1500000|8000000|-|M.3:3||3|30|3
KERJASAMA|Kolaborasi Lintas Perangkat Daerah|workshop|tatap_muka|UNPAR|16|1200000|6000000|-|M.2:3||2|30|2
HASIL|Manajemen Kinerja Berorientasi Hasil|pelatihan_manajerial|campuran|STIALAN|32|2500000|10000000|-|M.4:3|administrator,pengawas|4|30|3
PELAYANAN|Pelayanan Prima bagi Aparatur|bimtek|tatap_muka|BKPSDM|16|600000|5000000|-|M.5:3|pelaksana,fungsional|2|50|6
COACHING|Coaching untuk Pemimpin|coaching|tatap_muka|STIALAN|12|1800000|4000000|-|M.6:3|administrator,pengawas|3|20|3
PERUBAHAN|Memimpin Perubahan di Sektor Publik|pelatihan_manajerial|tatap_muka|UNPAR|24|2200000|9000000|-|M.7:3,M.8:3|jpt,administrator|3|25|2
KEPUTUSAN|Pengambilan Keputusan Berbasis Data|pelatihan_manajerial|campuran|TELU|24|2000000|9000000|-|M.8:3,T.DATA:2|jpt,administrator,pengawas|3|30|2
KEBANGSAAN|Wawasan Kebangsaan dan Moderasi Beragama|pelatihan_sosial_kultural|tatap_muka|UINSGD|16|700000|5000000|-|SK.1:3,T.WAWASAN:2||2|40|3
PROYEK|Manajemen Proyek Infrastruktur Daerah|pelatihan_teknis|tatap_muka|ITB|40|4500000|15000000|-|T.PROYEK:3|pengawas,pelaksana,fungsional|5|30|3
PROYEK-LANJUT|Pengendalian Mutu, Biaya, dan Waktu Proyek Konstruksi|pelatihan_teknis|tatap_muka|POLBAN|32|3800000|12000000|-|T.PROYEK:4|administrator,pengawas,fungsional|4|25|2
KONTRAK|Manajemen Kontrak Konstruksi|bimtek|tatap_muka|KEMENDAGRI|24|2500000|8000000|-|T.PROYEK:3,T.PBJ:3|pengawas,fungsional|3|30|2
IKLIM-PROG|Desain Program Ramah Iklim untuk Perencana Daerah|pelatihan_teknis|campuran|ITB|32|3500000|12000000|-|T.IKLIM:3,T.RENCANA:3|administrator,pengawas,fungsional|4|30|3
IKLIM-DASAR|Dasar Adaptasi dan Mitigasi Perubahan Iklim|e_learning|daring|BKPSDM|12|0|3000000|-|T.IKLIM:2||1|200|2
EMISI|Inventarisasi Gas Rumah Kaca Daerah|workshop|tatap_muka|ITB|24|2800000|9000000|-|T.IKLIM:4|fungsional,pengawas|3|25|1
SAMPAH|Pengelolaan Sampah Berbasis Sirkular|pelatihan_teknis|tatap_muka|POLBAN|32|3000000|10000000|-|T.SAMPAH:3|pengawas,pelaksana,fungsional|4|30|3
SAMPAH-KWT|Pendampingan Kawasan Bebas Sampah|bimbingan_di_tempat_kerja|tatap_muka|BKPSDM|10|0|2000000|-|T.SAMPAH:2,T.PEMBERDAYAAN:2|pelaksana|2|40|3
SANITASI|Perencanaan Sanitasi dan Air Limbah Kota|bimtek|tatap_muka|POLBAN|24|2400000|8000000|-|T.SANITASI:3|fungsional,pengawas|3|30|2
RENCANA|Perencanaan Pembangunan Daerah dan SIPD|bimtek|campuran|KEMENDAGRI|32|2600000|10000000|-|T.RENCANA:3|pengawas,fungsional|4|40|3
MONEV|Monitoring dan Evaluasi Program Pembangunan|pelatihan_teknis|campuran|STIALAN|24|2200000|8000000|-|T.RENCANA:3,T.DATA:2|pengawas,fungsional|3|30|2
PBJ-DASAR|Pengadaan Barang/Jasa Pemerintah Tingkat Dasar|pelatihan_fungsional|tatap_muka|BKPSDM|24|1500000|8000000|-|T.PBJ:2||3|40|4
PBJ-LANJUT|Pengadaan Barang/Jasa: Katalog Elektronik dan Tender|bimtek|campuran|PRIMA|24|3200000|6000000|-|T.PBJ:3|pengawas,fungsional|3|30|2
KEBIJAKAN|Analisis Kebijakan Publik|pelatihan_fungsional|campuran|UNPAD|40|4000000|12000000|-|T.KEBIJAKAN:3|fungsional,administrator|5|30|2
DATA-DASAR|Literasi Data untuk Aparatur|e_learning|daring|TELU|8|0|3000000|-|T.DATA:2||1|300|3
DATA-ANALIS|Analisis dan Visualisasi Data Pemerintahan|kursus|campuran|TELU|32|3000000|8000000|-|T.DATA:3|pelaksana,fungsional,pengawas|4|30|3
SIBER|Keamanan Informasi dan Perlindungan Data Pribadi|seminar|tatap_muka|TELU|8|500000|15000000|-|T.DATA:2,M.1:3||1|150|2
KESMAS|Surveilans Kesehatan Masyarakat|pelatihan_teknis|tatap_muka|UNPAD|32|2800000|9000000|-|T.KESMAS:3|fungsional|4|30|3
STUNTING|Percepatan Penurunan Stunting|workshop|tatap_muka|UNPAD|16|1200000|6000000|-|T.KESMAS:3,T.KB:2|fungsional,pelaksana|2|40|3
KLINIS|Pembaruan Pelayanan Klinis Rumah Sakit Daerah|seminar|tatap_muka|UNPAD|8|600000|12000000|-|T.KLINIS:3|fungsional|1|120|2
ASUHAN|Asuhan Keperawatan Berbasis Bukti|pelatihan_fungsional|tatap_muka|UNPAD|32|2500000|8000000|-|T.ASUHAN:3|fungsional|4|30|2
BENCANA|Manajemen Kedaruratan dan Kebencanaan|pelatihan_teknis|tatap_muka|BPSDM-JABAR|32|2700000|10000000|-|T.BENCANA:3|pelaksana,fungsional,pengawas|4|30|2
DAMKAR|Penyelamatan dan Pemadaman Kebakaran Gedung Tinggi|pelatihan_teknis|tatap_muka|BPSDM-JABAR|40|3500000|15000000|-|T.PEMADAM:3|pelaksana,fungsional|5|25|2
AUDIT|Audit Berbasis Risiko untuk APIP|pelatihan_fungsional|campuran|STIALAN|40|3800000|10000000|-|T.AUDIT:3|fungsional|5|30|2
MENGAJAR|Desain Pembelajaran Aktif untuk Guru|pelatihan_fungsional|campuran|UPI|32|1800000|8000000|-|T.PEMBELAJARAN:3|fungsional|4|40|5
GURU-DIGITAL|Pembelajaran Digital di Kelas|e_learning|daring|UPI|16|0|4000000|-|T.PEMBELAJARAN:3,T.DATA:2|fungsional|2|200|3
KEUDA|Pengelolaan Keuangan Daerah dan SIPD-RI|bimtek|tatap_muka|KEMENDAGRI|32|2600000|10000000|-|T.KEUDA:3|pengawas,pelaksana,fungsional|4|40|3
PAJAK|Optimalisasi Pajak dan Retribusi Daerah|bimtek|tatap_muka|UNPAD|24|2200000|8000000|-|T.PENDAPATAN:3|pelaksana,pengawas|3|30|2
SDM|Manajemen Talenta ASN|pelatihan_teknis|campuran|STIALAN|24|2400000|8000000|-|T.SDM:3|fungsional,pengawas|3|30|2
ADMINDUK|Pelayanan Administrasi Kependudukan Terintegrasi|bimtek|tatap_muka|KEMENDAGRI|16|1200000|6000000|-|T.ADMINDUK:3|pelaksana,fungsional|2|40|2
TRANTIB|Penegakan Perda dan Ketertiban Umum|pelatihan_teknis|tatap_muka|BPSDM-JABAR|32|2200000|8000000|-|T.TRANTIB:3|pelaksana|4|40|2
PEMBERDAYAAN|Pemberdayaan Masyarakat Kelurahan|workshop|tatap_muka|UINSGD|16|900000|5000000|-|T.PEMBERDAYAAN:3|pelaksana,pengawas|2|40|4
TATARUANG|Penataan Ruang dan Pengendalian Pemanfaatan Ruang|pelatihan_teknis|tatap_muka|ITB|32|3500000|10000000|-|T.TATARUANG:3|fungsional,pengawas|4|30|2
LALIN|Manajemen dan Rekayasa Lalu Lintas Perkotaan|pelatihan_teknis|tatap_muka|ITB|32|3200000|10000000|-|T.LALIN:3|fungsional,pelaksana|4|30|2
ARSIP|Pengelolaan Arsip Dinamis Elektronik|bimtek|campuran|BKPSDM|16|800000|4000000|-|T.ARSIP:3|pelaksana,fungsional|2|40|3
PARIWISATA|Pengembangan Destinasi Wisata Kota|workshop|tatap_muka|UNPAR|16|1500000|6000000|-|T.PARIWISATA:3,T.BUDAYA:2|fungsional,pelaksana|2|30|2
HUKUM|Penyusunan Produk Hukum Daerah|pelatihan_teknis|tatap_muka|UNPAD|32|2600000|9000000|-|T.HUKUM:3|fungsional,pengawas|4|30|2
SOSIAL|Rehabilitasi dan Perlindungan Sosial|pelatihan_teknis|tatap_muka|UINSGD|24|1600000|6000000|-|T.SOSIAL:3,T.PERLINDUNGAN:2|fungsional,pelaksana|3|30|2
PERMUKIMAN|Penanganan Permukiman Kumuh|pelatihan_teknis|tatap_muka|POLBAN|24|2400000|8000000|-|T.PERMUKIMAN:3|fungsional,pengawas|3|30|2
PERIZINAN|Perizinan Berusaha Berbasis Risiko (OSS)|bimtek|campuran|KEMENDAGRI|16|1200000|5000000|-|T.PERIZINAN:3|pelaksana,fungsional|2|40|2
UMKM|Pendampingan UMKM dan Ekonomi Kreatif|workshop|tatap_muka|UNPAR|16|1300000|5000000|-|T.UMKM:3,T.DAGIN:2|fungsional,pelaksana|2|30|2
PANGAN|Ketahanan Pangan Perkotaan|seminar|tatap_muka|UNPAD|8|400000|8000000|-|T.PANGAN:2||1|120|2
KOMPUB|Komunikasi Publik dan Media Sosial Pemerintah|kursus|campuran|UNISBA|24|1800000|6000000|-|T.KOMPUB:3|pelaksana,fungsional|3|30|2
MENTORING|Mentoring Pejabat Pengawas Baru|mentoring|tatap_muka|BKPSDM|10|0|1500000|-|M.6:3,M.4:3|pengawas|4|15|3
BENCHMARK|Patok Banding Pengelolaan Sampah ke Kota Surabaya|patok_banding|tatap_muka|BKPSDM|10|6500000|20000000|-|T.SAMPAH:3,M.7:3|administrator,pengawas|2|20|1
MAGANG|Magang Perencanaan Kota di Bappenas|magang|tatap_muka|KEMENDAGRI|20|8500000|0|-|T.RENCANA:4|fungsional|5|10|1
KOMUNITAS|Komunitas Belajar Analis Kebijakan|komunitas_belajar|campuran|BKPSDM|2|0|1000000|-|T.KEBIJAKAN:3|fungsional|4|40|2
MANDIRI|Belajar Mandiri: Etika Jabatan ASN|belajar_mandiri|daring|BKPSDM|2|0|0|-|M.1:3||1|500|1
`

// DemoPrograms parses the catalogue.
func DemoPrograms() []ProgramSpec {
	var out []ProgramSpec
	for _, line := range strings.Split(strings.TrimSpace(programRows), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 14 {
			panic("demo: program row has " + strconv.Itoa(len(f)) + " fields: " + line)
		}
		p := ProgramSpec{Code: f[0], Title: f[1], Form: f[2], Delivery: f[3], Provider: f[4],
			JP: atoi(f[5]), CostPerParticipant: int64(atoi(f[6])), FixedCost: int64(atoi(f[7])), Mandatory: f[8] == "y",
			Sessions: atoi(f[11]), Capacity: atoi(f[12]), Events: atoi(f[13])}
		p.Description = "Program " + p.Title + "."
		for _, t := range strings.Split(f[9], ",") {
			code, lvl, ok := strings.Cut(t, ":")
			if !ok {
				panic("demo: program target " + t)
			}
			p.Targets = append(p.Targets, ProgramTarget{Code: code, Level: atoi(lvl)})
		}
		if f[10] != "" {
			p.Kinds = strings.Split(f[10], ",")
		}
		out = append(out, p)
	}
	return out
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic("demo: number " + s)
	}
	return n
}
