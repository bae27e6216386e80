package competency

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the dictionary fields (they match the store's columns).
const (
	MaxCodeLen = 20
	MaxNameLen = 200
)

// Dictionary returns the preloaded dictionary: the eight managerial
// competencies M.1–M.8 and the sociocultural SK.1 of PermenPANRB 38/2017, in
// that order, with IDs left 0. The descriptors and behaviour indicators are
// the city's own wording. Every call builds a fresh value, so callers may
// modify the result.
func Dictionary() []Competency {
	return []Competency{
		{
			Code:        "M.1",
			Kind:        Managerial,
			Name:        "Integritas",
			NameEN:      "Integrity",
			Description: "Bertindak secara konsisten sesuai nilai, norma, dan kode etik ASN serta bersikap jujur kepada siapa pun dalam pelaksanaan tugas. Bertanggung jawab atas keputusan yang diambil beserta risikonya.",
			Levels: []Level{
				lv(1, "Bertindak sesuai nilai, norma, dan etika organisasi dalam kapasitas pribadi",
					"Menjalankan tugas sesuai nilai, norma, dan kode etik ASN serta bersikap jujur dalam pekerjaannya sendiri.",
					"Menepati janji dan komitmen kerja yang telah disampaikan kepada atasan maupun rekan kerja.",
					"Melaporkan hasil kerja dan penggunaan waktu kerja secara jujur dan apa adanya.",
					"Menolak pemberian, gratifikasi, atau fasilitas yang berkaitan dengan tugas jabatannya."),
				lv(2, "Mengingatkan rekan kerja untuk bertindak sesuai nilai dan etika",
					"Mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika organisasi.",
					"Mengingatkan rekan kerja secara santun ketika menemukan tindakan yang bertentangan dengan kode etik.",
					"Menunjukkan sikap tegas terhadap ajakan untuk melanggar aturan atau prosedur kerja.",
					"Mengakui kesalahan yang dibuatnya dan segera memperbaikinya secara terbuka."),
				lv(3, "Memastikan anggota tim bertindak sesuai nilai dan etika",
					"Menjamin bahwa seluruh anggota tim di unit kerjanya melaksanakan tugas sesuai nilai, norma, dan etika organisasi.",
					"Menetapkan aturan main dan mekanisme kontrol di unit kerja untuk mencegah penyimpangan.",
					"Memberikan apresiasi kepada anggota tim yang menjunjung etika dan menindaklanjuti pelanggaran secara adil.",
					"Mengambil keputusan yang benar secara etis meskipun tidak populer dan menanggung risikonya."),
				lv(4, "Menciptakan iklim kerja yang patuh pada nilai dan etika",
					"Membangun iklim kerja di lingkungan instansi yang mendorong kepatuhan pada nilai, norma, dan etika organisasi secara berkelanjutan.",
					"Merancang kebijakan dan sistem pengendalian intern yang menutup peluang terjadinya pelanggaran etika.",
					"Memberikan teladan kepatuhan dalam setiap keputusan dan tindakan di hadapan pegawai.",
					"Menyediakan saluran pengaduan pelanggaran yang aman dan menindaklanjuti setiap laporan secara tuntas."),
				lv(5, "Menjadi teladan dalam penerapan standar etika",
					"Menjadi panutan di tingkat instansi maupun nasional dalam menerapkan standar etika dan integritas yang tinggi.",
					"Menjadi rujukan bagi pimpinan instansi lain dalam penyelesaian persoalan etika dan integritas.",
					"Memimpin pembangunan zona integritas dan budaya antikorupsi di seluruh perangkat daerah.",
					"Menjamin setiap kebijakan strategis yang ditetapkan mencerminkan keadilan, transparansi, dan akuntabilitas."),
			},
		},
		{
			Code:        "M.2",
			Kind:        Managerial,
			Name:        "Kerja Sama",
			NameEN:      "Teamwork",
			Description: "Membangun dan memelihara hubungan kerja yang efektif dan saling menghargai dengan berbagai pihak. Bersedia membantu orang lain agar pekerjaan bersama selesai dengan baik.",
			Levels: []Level{
				lv(1, "Berpartisipasi dalam kelompok kerja",
					"Terlibat aktif dalam kegiatan kelompok kerja dan melaksanakan bagian tugasnya dengan penuh tanggung jawab.",
					"Menyelesaikan bagian tugas yang menjadi tanggung jawabnya dalam kelompok tepat waktu.",
					"Membagikan informasi yang relevan kepada anggota kelompok tanpa harus diminta.",
					"Menghargai pendapat dan masukan anggota kelompok meskipun berbeda dengan pendapatnya."),
				lv(2, "Menumbuhkan tim kerja yang partisipatif dan efektif",
					"Mendorong setiap anggota tim untuk berperan serta sehingga pekerjaan kelompok berjalan efektif.",
					"Mengajak anggota tim yang pasif untuk menyampaikan gagasan dan terlibat dalam diskusi.",
					"Membantu rekan kerja yang mengalami kesulitan dalam menyelesaikan pekerjaannya.",
					"Mengutamakan kepentingan tim di atas kepentingan pribadi dalam pembagian tugas."),
				lv(3, "Membangun tim kerja yang efektif untuk peningkatan kinerja",
					"Membentuk dan mengarahkan tim kerja lintas fungsi di unit kerjanya untuk mencapai kinerja yang lebih tinggi.",
					"Menyusun tim kerja dengan komposisi keahlian yang sesuai dengan kebutuhan pekerjaan.",
					"Memfasilitasi penyelesaian konflik antaranggota tim secara terbuka dan adil.",
					"Menjalin kerja sama dengan unit kerja lain untuk menyelesaikan pekerjaan yang saling terkait."),
				lv(4, "Membangun komitmen tim dan sinergi antarunit",
					"Membangun komitmen bersama dan sinergi antarunit kerja di lingkungan instansi untuk mencapai tujuan organisasi.",
					"Menyelaraskan target dan program antarunit kerja agar saling mendukung dan tidak tumpang tindih.",
					"Menyelenggarakan forum koordinasi rutin yang mendorong pertukaran sumber daya dan pengetahuan antarunit.",
					"Memberikan pengakuan atas keberhasilan bersama yang dicapai melalui kolaborasi lintas unit."),
				lv(5, "Menciptakan kerja sama yang kondusif di dalam dan di luar instansi",
					"Membangun jejaring dan kemitraan strategis dengan instansi pemerintah, dunia usaha, perguruan tinggi, dan masyarakat untuk kepentingan organisasi.",
					"Menginisiasi perjanjian kerja sama dengan instansi lain, perguruan tinggi, atau mitra swasta untuk mendukung program daerah.",
					"Menggalang dukungan pemangku kepentingan lintas sektor terhadap program prioritas pemerintah daerah.",
					"Memelihara hubungan kemitraan jangka panjang yang saling menguntungkan dengan pihak eksternal."),
			},
		},
		{
			Code:        "M.3",
			Kind:        Managerial,
			Name:        "Komunikasi",
			NameEN:      "Communication",
			Description: "Menyampaikan informasi, gagasan, dan pendapat secara jelas dan meyakinkan, baik lisan maupun tertulis. Mendengarkan secara aktif dan mampu memengaruhi pihak lain untuk mencapai tujuan organisasi.",
			Levels: []Level{
				lv(1, "Menyampaikan informasi dengan jelas, lengkap, dan mudah dipahami",
					"Menyampaikan informasi secara lisan maupun tertulis dengan jelas dan runtut sehingga mudah dipahami penerima.",
					"Menyusun naskah dinas, laporan, atau surel dengan bahasa yang baku, singkat, dan jelas.",
					"Mendengarkan lawan bicara dengan saksama dan mengajukan pertanyaan untuk memastikan pemahaman.",
					"Menyampaikan informasi pekerjaan kepada atasan dan rekan kerja tepat waktu dan sesuai fakta."),
				lv(2, "Aktif menjalankan komunikasi formal dan informal",
					"Aktif berkomunikasi melalui jalur formal maupun informal dan menyesuaikan cara penyampaian dengan lawan bicara.",
					"Menyesuaikan gaya bahasa dan media komunikasi dengan latar belakang penerima pesan.",
					"Memanfaatkan forum informal untuk menggali informasi dan membangun hubungan kerja.",
					"Menyampaikan paparan dalam rapat internal secara terstruktur dengan dukungan data."),
				lv(3, "Berkomunikasi secara asertif dalam menyampaikan hal yang sensitif",
					"Menyampaikan informasi yang sensitif atau kompleks secara asertif, lugas, dan santun tanpa menimbulkan salah paham.",
					"Menyampaikan kebijakan yang tidak populer kepada pegawai atau masyarakat disertai alasan yang dapat diterima.",
					"Menyederhanakan informasi teknis yang rumit menjadi pesan yang mudah dipahami oleh orang awam.",
					"Menanggapi kritik dan keluhan secara tenang dengan argumentasi yang berbasis data."),
				lv(4, "Mendorong tercapainya kesepakatan untuk kepentingan organisasi",
					"Mengomunikasikan gagasan yang multidimensi secara persuasif untuk membangun kesepakatan di antara pihak-pihak yang berkepentingan.",
					"Memimpin negosiasi dengan pemangku kepentingan hingga tercapai kesepakatan yang saling menguntungkan.",
					"Merumuskan pesan kunci yang meyakinkan untuk memperoleh dukungan terhadap usulan program.",
					"Menjembatani perbedaan pandangan antarpihak dalam rapat koordinasi sampai tercapai keputusan bersama."),
				lv(5, "Merancang sistem komunikasi yang strategis",
					"Merancang dan mengarahkan sistem komunikasi organisasi yang strategis untuk membangun kepercayaan publik dan mendukung visi daerah.",
					"Menetapkan strategi komunikasi publik pemerintah daerah, termasuk komunikasi pada saat krisis.",
					"Menjadi juru bicara yang kredibel dalam forum tingkat kota, provinsi, maupun nasional.",
					"Membangun saluran komunikasi dua arah yang terintegrasi antara pemerintah daerah dan masyarakat."),
			},
		},
		{
			Code:        "M.4",
			Kind:        Managerial,
			Name:        "Orientasi pada Hasil",
			NameEN:      "Results Orientation",
			Description: "Berkomitmen menyelesaikan setiap pekerjaan sesuai atau melampaui standar yang ditetapkan. Mengaitkan rencana kerja dengan hasil yang ingin dicapai dan terus mencari cara untuk meningkatkan kinerja.",
			Levels: []Level{
				lv(1, "Bertanggung jawab memenuhi standar kerja",
					"Menyelesaikan pekerjaan sesuai standar mutu dan tenggat waktu yang telah ditetapkan.",
					"Menyelesaikan tugas sesuai target, standar mutu, dan tenggat yang tercantum dalam SKP.",
					"Memeriksa kembali hasil kerjanya sebelum diserahkan kepada atasan.",
					"Melaporkan kendala pekerjaan kepada atasan sejak dini disertai usulan penyelesaiannya."),
				lv(2, "Berupaya melampaui standar kerja pribadi",
					"Menetapkan target pribadi yang lebih tinggi dari standar dan mencari cara kerja yang lebih efektif dan efisien.",
					"Menetapkan target kerja pribadi yang lebih menantang daripada standar minimal.",
					"Mengusulkan perbaikan prosedur kerja untuk mempercepat penyelesaian pekerjaan.",
					"Memantau capaian kinerjanya secara berkala dan melakukan koreksi bila tertinggal dari rencana."),
				lv(3, "Menetapkan target kerja yang menantang bagi unit kerja",
					"Menetapkan target yang menantang bagi unit kerjanya dan mengelola sumber daya untuk mencapainya.",
					"Menjabarkan sasaran organisasi menjadi target unit kerja yang terukur dan menantang.",
					"Mengalokasikan anggaran, waktu, dan personel secara efisien untuk mencapai target unit.",
					"Memantau capaian indikator kinerja unit dan segera mengambil tindakan korektif."),
				lv(4, "Mendorong unit kerja mencapai hasil melampaui target",
					"Mendorong unit-unit kerja di instansinya mencapai hasil yang melampaui target dengan memperhitungkan manfaat dan risiko.",
					"Menerapkan manajemen kinerja yang mengaitkan rencana strategis dengan capaian setiap unit kerja.",
					"Mengambil risiko yang terukur untuk inovasi yang berpotensi meningkatkan hasil secara signifikan.",
					"Mengevaluasi efektivitas program berdasarkan dampak (outcome), bukan hanya keluaran (output)."),
				lv(5, "Meningkatkan mutu capaian kinerja organisasi",
					"Menetapkan arah dan sistem yang meningkatkan capaian kinerja organisasi secara berkelanjutan dan berdampak luas bagi masyarakat.",
					"Menetapkan sasaran strategis jangka menengah yang selaras dengan RPJMD dan prioritas nasional.",
					"Membangun budaya kerja berbasis kinerja dan akuntabilitas hasil di seluruh perangkat daerah.",
					"Menggunakan hasil evaluasi kinerja organisasi sebagai dasar perbaikan kebijakan dan penganggaran."),
			},
		},
		{
			Code:        "M.5",
			Kind:        Managerial,
			Name:        "Pelayanan Publik",
			NameEN:      "Public Service",
			Description: "Memberikan pelayanan yang berkualitas, netral, transparan, dan tidak diskriminatif kepada masyarakat sesuai standar pelayanan. Menempatkan kepentingan publik di atas kepentingan pribadi atau golongan.",
			Levels: []Level{
				lv(1, "Menjalankan pelayanan sesuai standar",
					"Memberikan pelayanan kepada masyarakat sesuai standar pelayanan yang berlaku secara ramah, netral, dan tidak membeda-bedakan.",
					"Melayani setiap pengguna layanan dengan ramah tanpa membedakan latar belakangnya.",
					"Menjelaskan persyaratan, prosedur, waktu, dan biaya layanan sesuai standar pelayanan.",
					"Menolak permintaan perlakuan khusus atau imbalan di luar ketentuan dari pengguna layanan."),
				lv(2, "Menyelia dan menjelaskan proses pelayanan secara transparan",
					"Menyelia pelaksanaan pelayanan oleh rekan atau bawahan dan menjelaskan prosesnya secara transparan kepada pengguna layanan.",
					"Memantau ketepatan waktu dan kesesuaian layanan yang diberikan tim terhadap standar pelayanan.",
					"Menanggapi pengaduan masyarakat dengan penjelasan yang jelas dan tindak lanjut yang terukur.",
					"Menyediakan informasi status layanan yang dapat ditelusuri oleh pengguna layanan."),
				lv(3, "Memperbaiki standar pelayanan di unit kerja",
					"Menganalisis umpan balik masyarakat dan memperbaiki standar serta proses pelayanan di unit kerjanya.",
					"Menganalisis hasil survei kepuasan masyarakat dan data pengaduan untuk menemukan masalah layanan.",
					"Menyederhanakan prosedur dan persyaratan layanan tanpa mengurangi akuntabilitas.",
					"Memanfaatkan teknologi informasi untuk mempercepat dan mempermudah layanan."),
				lv(4, "Mengantisipasi isu pelayanan publik jangka panjang",
					"Mengidentifikasi isu dan kebutuhan pelayanan publik jangka panjang serta menyiapkan kebijakan dan sistem untuk mengantisipasinya.",
					"Memetakan perubahan kebutuhan layanan akibat pertumbuhan penduduk, urbanisasi, dan perkembangan teknologi.",
					"Merumuskan inovasi pelayanan yang terintegrasi lintas perangkat daerah.",
					"Menetapkan mekanisme pengawasan agar penyelenggaraan layanan tetap netral dan bebas dari kepentingan tertentu."),
				lv(5, "Menetapkan kebijakan pelayanan publik yang netral",
					"Menetapkan kebijakan pelayanan publik yang menjamin netralitas, keadilan, dan transparansi bagi seluruh lapisan masyarakat.",
					"Menetapkan kebijakan pelayanan yang menjamin akses setara bagi kelompok rentan dan penyandang disabilitas.",
					"Menjamin netralitas ASN dalam penyelenggaraan pelayanan, termasuk pada masa pemilihan umum.",
					"Menjadi rujukan dalam perumusan standar pelayanan publik di tingkat daerah maupun nasional."),
			},
		},
		{
			Code:        "M.6",
			Kind:        Managerial,
			Name:        "Pengembangan Diri dan Orang Lain",
			NameEN:      "Developing Self and Others",
			Description: "Meningkatkan pengetahuan dan keterampilan diri secara berkelanjutan. Mendorong, membimbing, dan memberi umpan balik kepada orang lain agar potensinya berkembang.",
			Levels: []Level{
				lv(1, "Melakukan pengembangan diri",
					"Mengenali kebutuhan belajarnya sendiri dan aktif mengikuti kegiatan pengembangan kompetensi.",
					"Menyusun rencana pengembangan diri berdasarkan hasil penilaian kompetensi dan kinerja.",
					"Mengikuti pelatihan, e-learning, atau belajar mandiri untuk memenuhi target minimal 20 JP per tahun.",
					"Menerapkan pengetahuan baru dari kegiatan pengembangan dalam pekerjaan sehari-hari."),
				lv(2, "Meningkatkan kemampuan bawahan dengan memberikan contoh dan penjelasan",
					"Membantu bawahan atau rekan kerja mengembangkan kemampuannya melalui contoh, penjelasan, dan kesempatan belajar.",
					"Memberikan contoh dan penjelasan cara kerja yang benar kepada bawahan atau rekan kerja baru.",
					"Mendorong bawahan mengikuti kegiatan pengembangan kompetensi yang sesuai dengan kebutuhannya.",
					"Berbagi pengetahuan dan pengalaman kerja secara sukarela di dalam tim."),
				lv(3, "Memberikan umpan balik dan bimbingan",
					"Memberikan umpan balik yang konstruktif dan bimbingan berkala untuk meningkatkan kinerja dan kompetensi bawahan.",
					"Memberikan umpan balik yang spesifik tentang kekuatan dan area perbaikan bawahan secara berkala.",
					"Melaksanakan coaching dan mentoring untuk menutup kesenjangan kompetensi bawahan.",
					"Memberikan penugasan yang menantang sebagai sarana belajar bagi bawahan."),
				lv(4, "Menyusun program pengembangan dan kaderisasi jangka panjang",
					"Merancang program pengembangan kompetensi jangka panjang dan kaderisasi untuk menyiapkan pemimpin di lingkungan instansi.",
					"Menyusun rencana suksesi untuk jabatan kunci berdasarkan hasil pemetaan talenta.",
					"Mengalokasikan anggaran dan waktu untuk program pengembangan kompetensi pegawai secara terencana.",
					"Mengevaluasi dampak program pengembangan terhadap peningkatan kinerja pegawai dan organisasi."),
				lv(5, "Menciptakan budaya organisasi pembelajar",
					"Menciptakan budaya belajar yang berkelanjutan sehingga instansi menjadi organisasi pembelajar yang adaptif.",
					"Menetapkan kebijakan pengembangan kompetensi yang terintegrasi dengan manajemen talenta dan karier.",
					"Membangun sistem berbagi pengetahuan dan komunitas belajar di seluruh perangkat daerah.",
					"Memberikan teladan dalam belajar berkelanjutan dan berbagi pengalaman kepemimpinan."),
			},
		},
		{
			Code:        "M.7",
			Kind:        Managerial,
			Name:        "Mengelola Perubahan",
			NameEN:      "Managing Change",
			Description: "Menyesuaikan diri dengan situasi yang berubah serta mendukung dan memimpin upaya perubahan. Mengelola dampak perubahan agar tujuan organisasi tetap tercapai.",
			Levels: []Level{
				lv(1, "Mengikuti perubahan dengan arahan",
					"Menerima dan mengikuti perubahan di lingkungan kerja sesuai arahan atasan.",
					"Menyesuaikan cara kerja dengan kebijakan, prosedur, atau aplikasi baru yang diberlakukan.",
					"Menanyakan kepada atasan hal-hal yang belum dipahami terkait perubahan yang terjadi.",
					"Menunjukkan sikap terbuka terhadap tugas atau penempatan baru."),
				lv(2, "Proaktif beradaptasi mengikuti perubahan",
					"Menyesuaikan diri secara proaktif dengan perubahan dan segera menerapkannya dalam pekerjaan.",
					"Mempelajari kebijakan atau teknologi baru tanpa menunggu instruksi.",
					"Mengidentifikasi dampak perubahan terhadap pekerjaannya dan menyesuaikan rencana kerja.",
					"Mengusulkan perbaikan cara kerja yang mendukung keberhasilan perubahan."),
				lv(3, "Membantu orang lain mengikuti perubahan",
					"Membantu rekan kerja dan bawahan memahami, menerima, dan menjalankan perubahan.",
					"Menjelaskan alasan dan manfaat perubahan kepada anggota tim.",
					"Mengidentifikasi hambatan dan penolakan terhadap perubahan di unit kerja serta mencari solusinya.",
					"Mendampingi anggota tim yang kesulitan beradaptasi dengan perubahan."),
				lv(4, "Memimpin perubahan pada unit kerja",
					"Merencanakan dan memimpin perubahan di unit kerjanya secara terarah dan terukur.",
					"Menyusun rencana perubahan yang memuat tahapan, sumber daya, dan indikator keberhasilan.",
					"Membentuk agen perubahan dan melibatkan mereka dalam pelaksanaan program perubahan.",
					"Memantau pelaksanaan perubahan dan melakukan penyesuaian bila hasilnya belum sesuai harapan."),
				lv(5, "Menggerakkan pemangku kepentingan untuk mewujudkan perubahan",
					"Menggerakkan pemangku kepentingan di dalam dan di luar instansi untuk mewujudkan perubahan yang berdampak strategis.",
					"Merumuskan visi perubahan organisasi dan mengomunikasikannya kepada seluruh pemangku kepentingan.",
					"Membangun koalisi pendukung perubahan dari unsur pemerintah, DPRD, dunia usaha, dan masyarakat.",
					"Menjamin keberlanjutan perubahan melalui kebijakan, sistem, dan budaya kerja yang baru."),
			},
		},
		{
			Code:        "M.8",
			Kind:        Managerial,
			Name:        "Pengambilan Keputusan",
			NameEN:      "Decision Making",
			Description: "Mengambil keputusan secara tepat waktu, sistematis, dan dapat dipertanggungjawabkan. Keputusan didasarkan pada analisis informasi yang memadai serta pertimbangan risiko.",
			Levels: []Level{
				lv(1, "Mengumpulkan informasi untuk bertindak sesuai kewenangan",
					"Mengumpulkan informasi yang diperlukan dan mengambil keputusan sesuai batas kewenangan serta prosedur yang berlaku.",
					"Mengumpulkan data dan informasi yang relevan sebelum mengambil tindakan.",
					"Mengambil keputusan rutin sesuai prosedur dan batas kewenangannya.",
					"Meminta arahan atasan untuk persoalan yang berada di luar kewenangannya."),
				lv(2, "Menganalisis masalah secara mendalam",
					"Menganalisis masalah secara mendalam untuk menemukan akar penyebab sebelum menentukan tindakan.",
					"Mengidentifikasi akar masalah dengan menghubungkan berbagai data dan informasi.",
					"Memilah informasi yang penting dan yang tidak penting dalam menyelesaikan masalah.",
					"Menyusun beberapa pilihan penyelesaian masalah beserta alasannya."),
				lv(3, "Membandingkan berbagai alternatif dan menimbang risikonya",
					"Membandingkan berbagai alternatif tindakan, menimbang risiko dan implikasinya, lalu memutuskan secara tepat waktu.",
					"Menilai kelebihan, kekurangan, dan risiko setiap alternatif sebelum memutuskan.",
					"Mengambil keputusan tepat waktu meskipun informasi yang tersedia belum sepenuhnya lengkap.",
					"Mempertanggungjawabkan keputusan yang diambil beserta dasar pertimbangannya."),
				lv(4, "Menyelesaikan masalah yang mengandung risiko tinggi",
					"Menyelesaikan masalah kompleks yang berisiko tinggi dengan mengantisipasi dampaknya bagi organisasi dan masyarakat.",
					"Mengambil keputusan dalam situasi krisis atau ketidakpastian dengan mempertimbangkan dampak jangka panjang.",
					"Melibatkan pihak terkait dan ahli yang relevan dalam merumuskan keputusan berisiko tinggi.",
					"Menyiapkan langkah mitigasi risiko sebagai bagian dari setiap keputusan penting."),
				lv(5, "Menghasilkan keputusan strategis jangka panjang",
					"Menetapkan keputusan strategis jangka panjang yang berdampak luas bagi organisasi dan masyarakat berdasarkan visi yang jelas.",
					"Memastikan keputusan strategis selaras dengan visi daerah, RPJMD, dan kebijakan nasional.",
					"Memadukan berbagai perspektif, data, dan kepentingan dalam keputusan berskala kota.",
					"Menerapkan pengambilan keputusan berbasis data dan bukti di lingkungan pemerintah daerah."),
			},
		},
		{
			Code:        "SK.1",
			Kind:        Sociocultural,
			Name:        "Perekat Bangsa",
			NameEN:      "Nation Unifier",
			Description: "Menghargai dan peka terhadap keberagaman latar belakang masyarakat serta menumbuhkan sikap toleran dan saling menghormati. Menjadi perekat persatuan antara pemerintah dan masyarakat yang majemuk.",
			Levels: []Level{
				lv(1, "Menerima keberagaman",
					"Bersikap terbuka dan menerima perbedaan suku, agama, budaya, dan latar belakang di lingkungan kerja.",
					"Bergaul dan bekerja sama dengan rekan kerja dari berbagai latar belakang tanpa membeda-bedakan.",
					"Menghindari ucapan, candaan, atau unggahan media sosial yang menyinggung suku, agama, ras, dan antargolongan.",
					"Menghormati perayaan serta praktik keagamaan dan budaya rekan kerja maupun masyarakat."),
				lv(2, "Aktif mengembangkan sikap saling menghargai",
					"Aktif mengembangkan sikap saling menghargai dan menekankan persamaan di antara orang-orang yang berbeda latar belakang.",
					"Mengajak rekan kerja untuk menghargai perbedaan pendapat dan latar belakang.",
					"Menekankan kesamaan tujuan ketika bekerja dengan kelompok yang beragam.",
					"Menyesuaikan cara berinteraksi dengan kebiasaan dan nilai budaya masyarakat setempat."),
				lv(3, "Mempromosikan sikap toleransi dan menjadi penengah",
					"Mempromosikan toleransi di unit kerja dan menengahi perbedaan atau konflik yang bersumber dari keberagaman.",
					"Menengahi perselisihan antarpegawai atau antarwarga yang dipicu perbedaan latar belakang.",
					"Menyelenggarakan kegiatan unit kerja yang melibatkan dan menghargai keberagaman anggotanya.",
					"Memastikan kebijakan dan layanan unit kerja tidak mendiskriminasi kelompok tertentu."),
				lv(4, "Mendayagunakan perbedaan secara konstruktif dan kreatif",
					"Memanfaatkan keberagaman sebagai sumber gagasan dan kekuatan untuk meningkatkan efektivitas organisasi.",
					"Membentuk tim dengan latar belakang beragam untuk menghasilkan solusi yang lebih kaya.",
					"Merancang program yang mengakomodasi kearifan lokal dan kebutuhan kelompok masyarakat yang beragam.",
					"Mengelola potensi konflik sosial di wilayah kerjanya melalui dialog dengan tokoh masyarakat dan tokoh agama."),
				lv(5, "Membangun ikatan sosial yang merekatkan masyarakat dan pemerintah",
					"Menjadi wakil pemerintah yang membangun ikatan sosial dan kepercayaan di tengah masyarakat majemuk demi persatuan bangsa.",
					"Menginisiasi kebijakan yang memperkuat kerukunan dan kohesi sosial di tingkat kota.",
					"Membangun kemitraan dengan forum kerukunan umat beragama, tokoh adat, dan organisasi kemasyarakatan.",
					"Memberikan teladan dalam menjaga persatuan di tengah perbedaan kepentingan politik maupun sosial."),
			},
		},
	}
}

// TechnicalLevels returns generic level descriptors for a technical
// competency named name, for an admin who adds one without writing its
// levels (and for the demo). Level 1 understands the basics and applies the
// procedures under guidance; level 5 sets strategy and is a reference at city
// or national level. Each level has three indicators that name the
// competency. The result is fresh on every call.
func TechnicalLevels(name string) []Level {
	n := strings.TrimSpace(name)
	if n == "" {
		n = "kompetensi ini"
	}
	f := func(format string) string { return fmt.Sprintf(format, n) }
	return []Level{
		lv(1, "Memahami dasar dan menerapkan prosedur dengan bimbingan",
			f("Memahami konsep dasar %s dan menerapkan prosedur kerja yang terkait di bawah bimbingan."),
			f("Menjelaskan istilah, konsep, dan peraturan dasar yang berkaitan dengan %s."),
			f("Melaksanakan tugas rutin %s sesuai SOP dengan bimbingan atasan atau rekan senior."),
			f("Menggunakan formulir, aplikasi, dan peralatan kerja %s sesuai petunjuk.")),
		lv(2, "Menerapkan secara mandiri dan membantu tim",
			f("Menerapkan %s secara mandiri dalam pekerjaan sehari-hari dan membantu rekan kerja dalam tim."),
			f("Menyelesaikan pekerjaan %s secara mandiri sesuai standar dan ketentuan yang berlaku."),
			f("Mengidentifikasi masalah umum dalam pelaksanaan %s dan menyelesaikannya sesuai pedoman."),
			f("Membantu rekan kerja dalam tim memahami prosedur %s.")),
		lv(3, "Menguasai secara mendalam dan menggerakkan unit kerja",
			f("Menguasai %s secara mendalam, menangani kasus yang kompleks, dan menggerakkan unit kerja dalam penerapannya."),
			f("Menganalisis permasalahan %s yang kompleks dan merumuskan alternatif penyelesaiannya."),
			f("Menyusun petunjuk teknis atau SOP %s untuk unit kerja."),
			f("Membimbing dan memeriksa hasil kerja anggota tim yang berkaitan dengan %s.")),
		lv(4, "Mengembangkan penerapan di tingkat organisasi",
			f("Mengembangkan metode, sistem, dan kebijakan %s yang diterapkan lintas unit kerja di lingkungan instansi."),
			f("Merancang sistem, metode, atau inovasi %s yang diterapkan di lingkungan instansi."),
			f("Mengevaluasi efektivitas penerapan %s lintas unit kerja dan merekomendasikan perbaikan."),
			f("Menjadi narasumber atau pelatih %s bagi pegawai di lingkungan pemerintah daerah.")),
		lv(5, "Menetapkan strategi dan menjadi rujukan",
			f("Menetapkan arah strategis %s dan menjadi rujukan di tingkat kota maupun nasional."),
			f("Merumuskan kebijakan dan strategi jangka panjang %s bagi pemerintah daerah."),
			f("Menjadi rujukan ahli %s bagi instansi lain di tingkat kota, provinsi, maupun nasional."),
			f("Mengembangkan standar, kajian, atau publikasi yang memajukan praktik %s.")),
	}
}

func lv(level int, title, descriptor string, indicators ...string) Level {
	return Level{Level: level, Title: title, Descriptor: descriptor, Indicators: indicators}
}

// Validate reports the first defect of a dictionary entry. Levels may be
// empty (a draft entry); otherwise they must be exactly levels 1..5 in order,
// each with a title, a descriptor and at least one behaviour indicator.
func (c Competency) Validate() error {
	code := c.Code
	switch {
	case strings.TrimSpace(code) == "":
		return errors.New("kompetensi: kode wajib diisi")
	case strings.IndexFunc(code, unicode.IsSpace) >= 0:
		return fmt.Errorf("kompetensi %q: kode tidak boleh mengandung spasi", code)
	case utf8.RuneCountInString(code) > MaxCodeLen:
		return fmt.Errorf("kompetensi %q: kode lebih dari %d karakter", code, MaxCodeLen)
	}
	if !c.Kind.valid() {
		return fmt.Errorf("kompetensi %s: jenis %q tidak dikenal", code, string(c.Kind))
	}
	if strings.TrimSpace(c.Name) == "" {
		return fmt.Errorf("kompetensi %s: nama wajib diisi", code)
	}
	if utf8.RuneCountInString(c.Name) > MaxNameLen {
		return fmt.Errorf("kompetensi %s: nama lebih dari %d karakter", code, MaxNameLen)
	}
	if len(c.Levels) == 0 {
		return nil
	}
	if len(c.Levels) != MaxLevel {
		return fmt.Errorf("kompetensi %s: harus memiliki %d level, bukan %d", code, MaxLevel, len(c.Levels))
	}
	for i, l := range c.Levels {
		if l.Level != i+1 {
			return fmt.Errorf("kompetensi %s: urutan level salah, posisi ke-%d berisi level %d (seharusnya %d)", code, i+1, l.Level, i+1)
		}
		if strings.TrimSpace(l.Title) == "" {
			return fmt.Errorf("kompetensi %s: level %d tidak memiliki judul", code, l.Level)
		}
		if strings.TrimSpace(l.Descriptor) == "" {
			return fmt.Errorf("kompetensi %s: level %d tidak memiliki deskripsi", code, l.Level)
		}
		if len(l.Indicators) == 0 {
			return fmt.Errorf("kompetensi %s: level %d tidak memiliki indikator perilaku", code, l.Level)
		}
		for j, ind := range l.Indicators {
			if strings.TrimSpace(ind) == "" {
				return fmt.Errorf("kompetensi %s: level %d, indikator perilaku ke-%d kosong", code, l.Level, j+1)
			}
		}
	}
	return nil
}

// ValidateLevel checks that a level lies in MinLevel..MaxLevel.
func ValidateLevel(level int) error {
	if level < MinLevel || level > MaxLevel {
		return fmt.Errorf("level %d di luar rentang %d–%d", level, MinLevel, MaxLevel)
	}
	return nil
}

// normalize folds a user-typed code: trimmed, lower case, spaces and hyphens
// as underscores ("Sosial Kultural" → "sosial_kultural").
func normalize(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '_' || r == '-' || unicode.IsSpace(r)
	}), "_")
}

// ParseKind reads a kind of competency: its stored value ("manajerial",
// "sosial_kultural", "teknis") or its label, case-insensitively.
func ParseKind(s string) (Kind, error) {
	switch normalize(s) {
	case string(Managerial):
		return Managerial, nil
	case string(Sociocultural), "sosiokultural":
		return Sociocultural, nil
	case string(Technical):
		return Technical, nil
	}
	return "", fmt.Errorf("jenis kompetensi %q tidak dikenal", s)
}

// ParseSource reads an assessment source: its stored value
// ("assessment_center", "supervisor", "360", "self") or a common Indonesian
// name ("uji_kompetensi", "atasan", "atasan langsung", "penilaian 360",
// "penilaian diri"), case-insensitively.
func ParseSource(s string) (Source, error) {
	switch normalize(s) {
	case string(SourceAssessmentCenter), "uji_kompetensi", "ac":
		return SourceAssessmentCenter, nil
	case string(SourceSupervisor), "atasan", "atasan_langsung":
		return SourceSupervisor, nil
	case string(Source360), "penilaian_360":
		return Source360, nil
	case string(SourceSelf), "diri", "penilaian_diri":
		return SourceSelf, nil
	}
	return "", fmt.Errorf("sumber penilaian %q tidak dikenal", s)
}

// ParseStatus reads an assessment status ("draft" or "final"; "draf" is
// accepted too), case-insensitively.
func ParseStatus(s string) (Status, error) {
	switch normalize(s) {
	case string(Draft), "draf":
		return Draft, nil
	case string(Final):
		return Final, nil
	}
	return "", fmt.Errorf("status penilaian %q tidak dikenal", s)
}

func (k Kind) valid() bool {
	return k == Managerial || k == Sociocultural || k == Technical
}

// Label is the display name of a kind; an unknown kind shows as stored.
func (k Kind) Label() string {
	switch k {
	case Managerial:
		return "Manajerial"
	case Sociocultural:
		return "Sosial Kultural"
	case Technical:
		return "Teknis"
	}
	return string(k)
}

// Label is the display name of a source; an unknown source shows as stored.
func (s Source) Label() string {
	switch s {
	case SourceAssessmentCenter:
		return "Assessment Center / Uji Kompetensi"
	case SourceSupervisor:
		return "Atasan Langsung"
	case Source360:
		return "Penilaian 360"
	case SourceSelf:
		return "Penilaian Diri"
	}
	return string(s)
}

// Label is the display name of a JPM category; an empty or unknown category
// shows as stored.
func (c Category) Label() string {
	switch c {
	case MS:
		return "Memenuhi Syarat"
	case MMS:
		return "Masih Memenuhi Syarat"
	case KMS:
		return "Kurang Memenuhi Syarat"
	}
	return string(c)
}
