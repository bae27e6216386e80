package api

import (
	"net/http"
	"net/url"
	"strconv"

	"asah/internal/app"
	"asah/internal/learning"
)

// This file serves the learning providers (partners) and their
// cooperation agreements with the expiry warnings at 90 and 30 days. A
// mitra sees its own institution only.

type partnerJSON struct {
	Code    string  `json:"code"`
	Name    string  `json:"name"`
	Kind    string  `json:"kind"`
	Address *string `json:"address"`
	Email   *string `json:"email"`
	Phone   *string `json:"phone"`
	Website *string `json:"website"`
}

func newPartner(p learning.Partner) partnerJSON {
	return partnerJSON{Code: p.Code, Name: p.Name, Kind: string(p.Kind), Address: optional(p.Address), Email: optional(p.Email),
		Phone: optional(p.Phone), Website: optional(p.Website)}
}

type agreementWarningJSON struct {
	Status   string `json:"status"`
	DaysLeft int    `json:"days_left"`
}

type documentJSON struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

type agreementJSON struct {
	ID           int64                 `json:"id"`
	Partner      string                `json:"partner"`
	PartnerName  string                `json:"partner_name"`
	Number       string                `json:"number"`
	Title        string                `json:"title"`
	Scope        string                `json:"scope"`
	StartsOn     string                `json:"starts_on"`
	EndsOn       string                `json:"ends_on"`
	TerminatedOn *string               `json:"terminated_on"`
	Status       string                `json:"status"`
	Warning      *agreementWarningJSON `json:"warning"`
	Document     *documentJSON         `json:"document"`
}

func newAgreement(v app.AgreementView) agreementJSON {
	out := agreementJSON{ID: v.ID, Partner: v.PartnerCode, PartnerName: v.PartnerName, Number: v.Number, Title: v.Title,
		Scope: v.Scope, StartsOn: date(v.StartsOn), EndsOn: date(v.EndsOn), TerminatedOn: civilDate(v.TerminatedOn), Status: string(v.Status)}
	if v.Warn {
		out.Warning = &agreementWarningJSON{Status: string(v.Warning.Status), DaysLeft: v.Warning.DaysLeft}
	}
	if v.Document.Size > 0 {
		out.Document = &documentJSON{Name: v.Document.Name, Size: v.Document.Size}
	}
	return out
}

// handlePartners lists the partners the caller may see, by name.
func (s *server) handlePartners() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		ps, err := s.app.Partners(r.Context(), actor)
		if err != nil {
			return err
		}
		out := make([]partnerJSON, 0, len(ps))
		for _, p := range ps {
			out = append(out, newPartner(p))
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}

type partnerDetailJSON struct {
	partnerJSON
	InForce    bool            `json:"in_force"`
	Agreements []agreementJSON `json:"agreements"`
}

// handlePartner returns one partner with its agreements, the latest first.
func (s *server) handlePartner() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		d, err := s.app.Partner(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		out := partnerDetailJSON{partnerJSON: newPartner(d.Partner), InForce: d.InForce, Agreements: make([]agreementJSON, 0, len(d.Agreements))}
		for _, a := range d.Agreements {
			out.Agreements = append(out.Agreements, newAgreement(a))
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

// expiringParam reads ?expiring_within= (days, 0 or more); -1 when absent.
func expiringParam(q url.Values) (int, error) {
	v := q.Get("expiring_within")
	if v == "" {
		return -1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || len(v) > 10 {
		return 0, badRequest("parameter expiring_within harus bilangan bulat ≥ 0 (hari)",
			map[string]string{"expiring_within": "harus bilangan bulat ≥ 0"})
	}
	return n, nil
}

// handleAgreements lists the cooperation agreements; with
// ?expiring_within=N, only those in force that end within N days and are
// not followed by a renewal, the soonest first.
func (s *server) handleAgreements() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		n, err := expiringParam(r.URL.Query())
		if err != nil {
			return err
		}
		vs, err := s.app.AgreementList(r.Context(), actor, n)
		if err != nil {
			return err
		}
		out := make([]agreementJSON, 0, len(vs))
		for _, v := range vs {
			out = append(out, newAgreement(v))
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}
