package api

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
)

// TestAgreementsOverHTTP: the agreements carry their expiry warnings at 90
// and 30 days; ?expiring_within=N lists those in force that end within N
// days and are not followed by a renewal, the soonest first.
func TestAgreementsOverHTTP(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, p := range []string{"UJI-M1", "UJI-M2", "UJI-M3", "UJI-M4"} {
		f.partner(p, "Mitra "+p, "universitas")
	}
	// Today is 2026-11-27.
	var renewed int64
	for _, ag := range []app.AgreementInput{
		{Partner: "UJI-M1", Number: "UJI/M1/LAMA", StartsOn: "2024-01-01", EndsOn: "2026-12-17"}, // 20 days, renewed
		{Partner: "UJI-M1", Number: "UJI/M1/BARU", StartsOn: "2026-12-18", EndsOn: "2028-01-01"}, // the renewal
		{Partner: "UJI-M2", Number: "UJI/M2", StartsOn: "2024-01-01", EndsOn: "2027-01-11"},      // 45 days
		{Partner: "UJI-M3", Number: "UJI/M3", StartsOn: "2024-01-01", EndsOn: "2027-03-27"},      // 120 days
		{Partner: "UJI-M4", Number: "UJI/M4", StartsOn: "2022-01-01", EndsOn: "2026-11-17"},      // expired 10 days ago
	} {
		ag.Title = "Perjanjian kerja sama " + ag.Number
		v, err := f.app.CreateAgreement(ctx, app.System, ag)
		if err != nil {
			t.Fatal(err)
		}
		if ag.Number == "UJI/M1/BARU" {
			renewed = v.ID
		}
	}
	if _, err := f.app.UploadAgreementDocument(ctx, app.System, renewed, "PKS baru.pdf", bytes.NewReader(pdf)); err != nil {
		t.Fatal(err)
	}
	list := func(q string) map[string]agreementJSON {
		t.Helper()
		r := f.do("admin_bkpsdm", "GET", "/api/v1/agreements"+q, nil)
		if r.status != 200 {
			t.Fatalf("agreements%s: %d %s", q, r.status, r.body)
		}
		var l struct{ Items []agreementJSON }
		r.json(t, &l)
		out := map[string]agreementJSON{}
		var order []string
		for _, a := range l.Items {
			if strings.HasPrefix(a.Number, "UJI/") {
				out[a.Number] = a
				order = append(order, a.Number)
			}
		}
		out["order"] = agreementJSON{Title: strings.Join(order, ",")}
		return out
	}
	all := list("")
	if len(all) != 6 {
		t.Fatalf("all agreements: %v", all)
	}
	for n, want := range map[string]string{"UJI/M1/LAMA": "expiring_30 20", "UJI/M2": "expiring_90 45", "UJI/M4": "expired -10", "UJI/M3": "", "UJI/M1/BARU": ""} {
		a := all[n]
		got := ""
		if a.Warning != nil {
			got = a.Warning.Status + " " + strconv.Itoa(a.Warning.DaysLeft)
		}
		if got != want {
			t.Errorf("%s: warning %q, want %q", n, got, want)
		}
	}
	if a := all["UJI/M1/BARU"]; a.Status != "upcoming" || a.Document == nil || a.Document.Name != "PKS baru.pdf" || a.Document.Size != int64(len(pdf)) {
		t.Errorf("the renewal: %+v", a)
	}
	if a := all["UJI/M4"]; a.Status != "expired" || a.Partner != "UJI-M4" || a.PartnerName != "Mitra UJI-M4" {
		t.Errorf("the expired one: %+v", a)
	}
	if got := list("?expiring_within=90")["order"].Title; got != "UJI/M2" {
		t.Errorf("expiring within 90 days: %s", got)
	}
	if got := list("?expiring_within=180")["order"].Title; got != "UJI/M2,UJI/M3" {
		t.Errorf("expiring within 180 days: %s", got)
	}
	if got := list("?expiring_within=0")["order"].Title; got != "" {
		t.Errorf("expiring today: %s", got)
	}

	r := f.do("pimpinan", "GET", "/api/v1/partners/UJI-M1", nil)
	var d partnerDetailJSON
	r.json(t, &d)
	if r.status != 200 || !d.InForce || len(d.Agreements) != 2 || d.Agreements[0].Number != "UJI/M1/BARU" || d.Kind != "universitas" {
		t.Errorf("partner UJI-M1: %d %s", r.status, r.body)
	}
	f.do("admin_bkpsdm", "GET", "/api/v1/partners/UJI-M4", nil).json(t, &d)
	if d.InForce {
		t.Error("a partner whose only agreement expired is in force")
	}
	f.expectStatus(f.do("pegawai", "GET", "/api/v1/partners", nil), 403, "", "an employee lists the partners")
}
