package learning

import (
	"net/mail"
	"net/url"
	"strings"
	"time"
)

// PartnerKind is the kind of a learning provider (DOMAIN.md §5).
type PartnerKind string

const (
	PartnerBKPSDM     PartnerKind = "bkpsdm"         // the city's own agency
	PartnerProvince   PartnerKind = "bpsdm_provinsi" // BPSDM Provinsi Jawa Barat
	PartnerLAN        PartnerKind = "lan"            // LAN, including Politeknik STIA LAN
	PartnerMinistry   PartnerKind = "kementerian"    // ministries and national agencies
	PartnerUniversity PartnerKind = "universitas"    // universities and polytechnics
	PartnerPrivate    PartnerKind = "swasta"         // private providers
)

// PartnerKinds lists every kind in display order.
var PartnerKinds = []PartnerKind{PartnerBKPSDM, PartnerProvince, PartnerLAN, PartnerMinistry, PartnerUniversity, PartnerPrivate}

// Valid reports whether k is a known kind.
func (k PartnerKind) Valid() bool {
	for _, x := range PartnerKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Partner is a provider of learning: BKPSDM itself or an institution the
// city works with. A mitra account belongs to one partner, named by the
// partner's name or code.
type Partner struct {
	ID        int64
	Code      string
	Name      string
	Kind      PartnerKind
	Address   string
	Email     string
	Phone     string
	Website   string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks a partner: code, name, a known kind, and well-formed
// contact details when given.
func (p Partner) Validate() error {
	var fs Faults
	fs.code("code", "kode mitra", p.Code, false)
	fs.text("name", "nama mitra", p.Name, maxName, true)
	if !p.Kind.Valid() {
		fs.add("kind", "jenis mitra %q tidak dikenal (pilih bkpsdm, bpsdm_provinsi, lan, kementerian, universitas, atau swasta)", p.Kind)
	}
	fs.text("address", "alamat", p.Address, 500, false)
	if e := strings.TrimSpace(p.Email); e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			fs.add("email", "e-mail %q tidak sah", e)
		}
	}
	fs.text("phone", "telepon", p.Phone, 40, false)
	if w := strings.TrimSpace(p.Website); w != "" && !webURL(w) {
		fs.add("website", "situs web harus alamat http:// atau https:// yang lengkap")
	}
	return fs.err()
}

// Matches reports whether an institution as a mitra account names it (the
// partner's name or code, ignoring case and surrounding spaces) is this
// partner.
func (p Partner) Matches(institution string) bool {
	i := strings.TrimSpace(institution)
	return i != "" && (strings.EqualFold(i, strings.TrimSpace(p.Name)) || strings.EqualFold(i, p.Code))
}

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
