package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
)

// AssessmentInput is what a user submits to record an assessment.
type AssessmentInput struct {
	NIP        string
	Competency string // code, e.g. M.1
	Source     string
	Level      int
	Assessor   string
	AssessedOn string // YYYY-MM-DD
	Evidence   string
	Status     string // draft or final; default final
}

// AddAssessment records an assessment as the operator (CLI): no scope or
// source restriction. Every field at fault is named; nothing is written when
// anything is wrong.
func (a *App) AddAssessment(ctx context.Context, actor string, in AssessmentInput) (int64, error) {
	return a.addAssessment(ctx, actor, in)
}

func (a *App) addAssessment(ctx context.Context, actor string, in AssessmentInput) (int64, error) {
	fields := map[string]string{}
	emp, err := a.Store.EmployeeByNIP(ctx, strings.TrimSpace(in.NIP))
	if errors.Is(err, store.ErrNotFound) {
		fields["nip"] = fmt.Sprintf("pegawai dengan NIP %s tidak ditemukan", in.NIP)
	} else if err != nil {
		return 0, err
	}
	comp, err := a.Store.CompetencyByCode(ctx, strings.TrimSpace(in.Competency))
	if errors.Is(err, store.ErrNotFound) {
		fields["competency"] = fmt.Sprintf("kode kompetensi %q tidak dikenal", in.Competency)
	} else if err != nil {
		return 0, err
	}
	src, err := competency.ParseSource(in.Source)
	if err != nil {
		fields["source"] = err.Error()
	}
	if err := competency.ValidateLevel(in.Level); err != nil {
		fields["level"] = err.Error()
	}
	status := competency.Final
	if in.Status != "" {
		if status, err = competency.ParseStatus(in.Status); err != nil {
			fields["status"] = err.Error()
		}
	}
	on, err := time.Parse("2006-01-02", in.AssessedOn)
	if err != nil {
		fields["assessed_on"] = fmt.Sprintf("tanggal penilaian %q tidak valid (format YYYY-MM-DD)", in.AssessedOn)
	} else if on.After(a.Today()) {
		fields["assessed_on"] = fmt.Sprintf("tanggal penilaian %s belum terjadi", in.AssessedOn)
	}
	if len(in.Assessor) > 200 {
		fields["assessor"] = "nama penilai paling banyak 200 karakter"
	}
	if len(in.Evidence) > 4000 {
		fields["evidence"] = "bukti paling banyak 4000 karakter"
	}
	if len(fields) > 0 {
		return 0, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	defer a.invalidate()
	return a.Store.AddAssessment(ctx, actor, emp.NIP, comp.Code, competency.Assessment{
		EmployeeID: emp.ID, CompetencyID: comp.ID, Source: src, Level: in.Level,
		Assessor: strings.TrimSpace(in.Assessor), AssessedOn: on, Evidence: strings.TrimSpace(in.Evidence), Status: status,
	})
}

// joinFields renders field errors as one line, in a stable order.
func joinFields(f map[string]string) string {
	order := []string{"nip", "competency", "source", "level", "status", "assessed_on", "assessor", "evidence"}
	var parts []string
	seen := map[string]bool{}
	for _, k := range order {
		if v, ok := f[k]; ok {
			parts = append(parts, v)
			seen[k] = true
		}
	}
	for k, v := range f {
		if !seen[k] {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "; ")
}
