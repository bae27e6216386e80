// Package people holds the organisation of a regional government: org units
// as a tree, positions (jabatan) and employees (PNS and PPPK), with the
// identity rules of BKN (NIP / NI PPPK), golongan and retirement age (BUP).
// It is pure: no I/O, no clock of its own.
package people

import "time"

// UnitKind is the kind of an organisation unit (perangkat daerah or below).
type UnitKind string

const (
	UnitSekretariat UnitKind = "sekretariat"
	UnitBadan       UnitKind = "badan"
	UnitDinas       UnitKind = "dinas"
	UnitInspektorat UnitKind = "inspektorat"
	UnitKecamatan   UnitKind = "kecamatan"
	UnitKelurahan   UnitKind = "kelurahan"
	UnitUPT         UnitKind = "upt"
	UnitRumahSakit  UnitKind = "rumah_sakit"
	UnitSatpolPP    UnitKind = "satpol_pp"
	UnitBidang      UnitKind = "bidang" // a division inside an agency
)

// Unit is one node of the organisation tree. Code is stable and human-typed
// (used by --unit flags and URLs); ParentCode is empty for the top units.
type Unit struct {
	ID         int64
	Code       string
	Name       string
	Kind       UnitKind
	ParentID   int64 // 0 for a root
	ParentCode string
}

// PositionKind is the jenis jabatan.
type PositionKind string

const (
	KindJPT           PositionKind = "jpt"
	KindAdministrator PositionKind = "administrator"
	KindPengawas      PositionKind = "pengawas"
	KindPelaksana     PositionKind = "pelaksana"
	KindFungsional    PositionKind = "fungsional"
)

// Jenjang is the grade of a position within its kind (JPT Pratama, Ahli Muda, …).
// Empty for structural kinds that have a single grade.
type Jenjang string

const (
	JenjangNone        Jenjang = ""
	JenjangUtama       Jenjang = "utama"   // JPT Utama
	JenjangMadya       Jenjang = "madya"   // JPT Madya
	JenjangPratama     Jenjang = "pratama" // JPT Pratama
	JenjangAhliUtama   Jenjang = "ahli_utama"
	JenjangAhliMadya   Jenjang = "ahli_madya"
	JenjangAhliMuda    Jenjang = "ahli_muda"
	JenjangAhliPertama Jenjang = "ahli_pertama"
	JenjangPenyelia    Jenjang = "penyelia"
	JenjangMahir       Jenjang = "mahir"
	JenjangTerampil    Jenjang = "terampil"
	JenjangPemula      Jenjang = "pemula"
)

// Position is a jabatan in a unit. Several employees may hold one
// pelaksana or fungsional position; structural positions have one holder.
type Position struct {
	ID       int64
	Code     string
	Title    string
	Kind     PositionKind
	Jenjang  Jenjang
	UnitID   int64
	UnitCode string
	Key      bool // key position: gets a succession list
}

// EmployeeKind tells PNS from PPPK.
type EmployeeKind string

const (
	PNS  EmployeeKind = "pns"
	PPPK EmployeeKind = "pppk"
)

// Employee is one ASN. Dates are civil dates carried as time.Time at UTC midnight.
type Employee struct {
	ID             int64
	NIP            string
	Name           string
	FrontTitle     string // gelar depan
	BackTitle      string // gelar belakang
	Kind           EmployeeKind
	Sex            Sex
	BirthDate      time.Time
	Golongan       string // "III/a" for PNS, "IX" for PPPK
	PositionID     int64
	PositionCode   string
	UnitID         int64
	UnitCode       string
	SupervisorID   int64  // 0 when none
	SupervisorNIP  string // used by imports and the demo
	RetirementDate time.Time
}

// Sex as coded in the NIP (digit 15).
type Sex int

const (
	Male   Sex = 1
	Female Sex = 2
)
