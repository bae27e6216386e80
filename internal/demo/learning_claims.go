package demo

import (
	"math"
	"time"

	"asah/internal/development"
	"asah/internal/learning"
)

// claimSpecs are the external activities employees claim JP for.
var claimSpecs = []struct {
	title, organiser string
	form             development.Form
	hours            float64
}{
	{"Webinar Nasional Transformasi Digital Pemerintah Daerah", "Kementerian PANRB", development.Seminar, 3},
	{"Seminar Pengelolaan Sampah Berbasis Masyarakat", "Asosiasi Pemerintah Kota Seluruh Indonesia", development.Seminar, 4},
	{"Kursus Daring Analisis Data untuk Kebijakan Publik", "Lembaga Administrasi Negara", development.Kursus, 12},
	{"Lokakarya Perencanaan Pembangunan Rendah Karbon", "Kementerian PPN/Bappenas", development.Workshop, 8},
	{"Pelatihan Jarak Jauh Manajemen Risiko Sektor Publik", "BPKP Perwakilan Jawa Barat", development.PelatihanJarakJauh, 16},
	{"E-learning Literasi Keuangan Daerah", "Kementerian Keuangan", development.ELearning, 6},
	{"Konferensi Kota Cerdas Indonesia", "Institut Teknologi Bandung", development.Seminar, 8},
	{"Webinar Pencegahan Stunting di Perkotaan", "Kementerian Kesehatan", development.Seminar, 2.5},
	{"Kursus Bahasa Inggris untuk Aparatur", "Pusat Bahasa Universitas Padjadjaran", development.Kursus, 24},
	{"Klinik Coaching Kepemimpinan", "Politeknik STIA LAN Bandung", development.Coaching, 4},
}

var claimRejections = []string{
	"Bukti tidak mencantumkan nama peserta; unggah sertifikat yang sah.",
	"Kegiatan yang sama sudah tercatat dari pelatihan di Asah.",
}

// claim writes one claim of external learning of p: approved, rejected or
// pending (always pending when pending is set), with the evidence file.
func (g *learnGen) claim(p *person, pending bool) {
	s := claimSpecs[g.r.IntN(len(claimSpecs))]
	status := learning.ClaimApproved
	switch x := g.r.Float64(); {
	case pending || x < 0.25:
		status = learning.ClaimPending
	case x < 0.35:
		status = learning.ClaimRejected
	}
	on := g.day(-5 - g.r.IntN(320))
	if status == learning.ClaimPending {
		on = g.day(-3 - g.r.IntN(30))
	}
	g.nextClaim++
	c := learning.Claim{ID: g.nextClaim, EmployeeID: p.id, Title: s.title, Organiser: s.organiser, Form: s.form, ActivityOn: on,
		Unit: learning.ClaimHours, ClaimedMinutes: int(math.Round(s.hours * 60)), Status: status, CreatedBy: demoActor,
		Evidence: learning.Evidence{Name: "bukti_kegiatan.pdf", ContentType: "application/pdf", Size: len(g.evidence), Data: g.evidence}}
	if g.r.Float64() < 0.4 {
		jp := max(1, int(math.Round(s.hours*60/learning.MinutesPerJP)))
		c.Unit, c.ClaimedMinutes = learning.ClaimJP, jp*learning.MinutesPerJP
	}
	c.CreditMinutes = learning.DefaultJPPolicy().ClaimMinutes(c.Form, c.ClaimedMinutes)
	c.CreatedAt = g.before(g.at(on.AddDate(0, 0, 1+g.r.IntN(2))))
	c.UpdatedAt = c.CreatedAt
	if status != learning.ClaimPending {
		c.DecidedAt = g.before(c.CreatedAt.Add(time.Duration(20+g.r.IntN(150)) * time.Hour))
		if !c.DecidedAt.After(c.CreatedAt) {
			c.DecidedAt = c.CreatedAt.Add(time.Minute)
		}
		c.UpdatedAt, c.DecidedBy, c.DeciderName = c.DecidedAt, demoActor, g.deciderOf(p)
		if status == learning.ClaimRejected {
			c.Comment = pick(g.r, claimRejections)
		}
	}
	g.claims = append(g.claims, c)
}
