package demo

// kecamatanList holds the 30 kecamatan of Kota Bandung with their 151
// kelurahan (Perda Kota Bandung 6/2006 and later changes), in alphabetical order.
var kecamatanList = []struct {
	name      string
	kelurahan []string
}{
	{"Andir", []string{"Campaka", "Ciroyom", "Dunguscariang", "Garuda", "Kebonjeruk", "Maleber"}},
	{"Antapani", []string{"Antapani Kidul", "Antapani Kulon", "Antapani Tengah", "Antapani Wetan"}},
	{"Arcamanik", []string{"Cisaranten Bina Harapan", "Cisaranten Endah", "Cisaranten Kulon", "Sukamiskin"}},
	{"Astanaanyar", []string{"Cibadak", "Karanganyar", "Karasak", "Nyengseret", "Panjunan", "Pelindung Hewan"}},
	{"Babakan Ciparay", []string{"Babakan", "Babakan Ciparay", "Cirangrang", "Margahayu Utara", "Margasuka", "Sukahaji"}},
	{"Bandung Kidul", []string{"Batununggal", "Kujangsari", "Mengger", "Wates"}},
	{"Bandung Kulon", []string{"Caringin", "Cibuntu", "Cigondewah Kaler", "Cigondewah Kidul", "Cigondewah Rahayu", "Cijerah", "Gempolsari", "Warungmuncang"}},
	{"Bandung Wetan", []string{"Cihapit", "Citarum", "Tamansari"}},
	{"Batununggal", []string{"Binong", "Cibangkong", "Gumuruh", "Kacapiring", "Kebongedang", "Kebonwaru", "Maleer", "Samoja"}},
	{"Bojongloa Kaler", []string{"Babakan Asih", "Babakan Tarogong", "Jamika", "Kopo", "Suka Asih"}},
	{"Bojongloa Kidul", []string{"Cibaduyut", "Cibaduyut Kidul", "Cibaduyut Wetan", "Kebonlega", "Mekarwangi", "Situsaeur"}},
	{"Buahbatu", []string{"Cijawura", "Jatisari", "Margasari", "Sekejati"}},
	{"Cibeunying Kaler", []string{"Cigadung", "Cihaurgeulis", "Neglasari", "Sukaluyu"}},
	{"Cibeunying Kidul", []string{"Cicadas", "Cikutra", "Padasuka", "Pasirlayung", "Sukamaju", "Sukapada"}},
	{"Cibiru", []string{"Cipadung", "Cisurupan", "Palasari", "Pasirbiru"}},
	{"Cicendo", []string{"Arjuna", "Husen Sastranegara", "Pajajaran", "Pamoyanan", "Pasirkaliki", "Sukaraja"}},
	{"Cidadap", []string{"Ciumbuleuit", "Hegarmanah", "Ledeng"}},
	{"Cinambo", []string{"Babakan Penghulu", "Cisaranten Wetan", "Pakemitan", "Sukamulya"}},
	{"Coblong", []string{"Cipaganti", "Dago", "Lebakgede", "Lebaksiliwangi", "Sadangserang", "Sekeloa"}},
	{"Gedebage", []string{"Cimincrang", "Cisaranten Kidul", "Rancabolang", "Rancanumpang"}},
	{"Kiaracondong", []string{"Babakan Sari", "Babakan Surabaya", "Cicaheum", "Kebonjayanti", "Kebunkangkung", "Sukapura"}},
	{"Lengkong", []string{"Burangrang", "Cijagra", "Cikawao", "Lingkar Selatan", "Malabar", "Paledang", "Turangga"}},
	{"Mandalajati", []string{"Jatihandap", "Karang Pamulang", "Pasir Impun", "Sindangjaya"}},
	{"Panyileukan", []string{"Cipadung Kidul", "Cipadung Kulon", "Cipadung Wetan", "Mekarmulya"}},
	{"Rancasari", []string{"Cipamokolan", "Darwati", "Manjahlega", "Mekarjaya"}},
	{"Regol", []string{"Ancol", "Balonggede", "Ciateul", "Cigereleng", "Ciseureuh", "Pasirluyu", "Pungkur"}},
	{"Sukajadi", []string{"Cipedes", "Pasteur", "Sukabungah", "Sukagalih", "Sukawarna"}},
	{"Sukasari", []string{"Gegerkalong", "Isola", "Sarijadi", "Sukarasa"}},
	{"Sumur Bandung", []string{"Babakan Ciamis", "Braga", "Kebonpisang", "Merdeka"}},
	{"Ujungberung", []string{"Cigending", "Pasanggrahan", "Pasirendah", "Pasirjati", "Pasirwangi"}},
}
