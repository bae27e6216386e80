package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/learning"
	"asah/internal/store"
)

// This file holds what every learning use case shares: which partner a
// mitra account belongs to, which events and enrollments an actor may see,
// and how domain and store errors reach the user.
//
// Relationship rules: a mitra (Actor.Partner names its institution by the
// partner's name or code) manages only its own institution's programs,
// events and attendance and sees no employee beyond the participants of its
// own events; everything else of another institution answers not found.

// ownPartner is the partner of a mitra account: ok is false for other roles;
// id is 0 when the account names no known partner (it then sees nothing).
func (a *App) ownPartner(ctx context.Context, actor Actor) (id int64, ok bool, err error) {
	if actor.Role != RoleMitra {
		return 0, false, nil
	}
	p, err := a.Store.PartnerOf(ctx, actor.Partner)
	if errors.Is(err, store.ErrNotFound) {
		return 0, true, nil
	}
	return p.ID, true, err
}

// seesProvider reports whether an actor may see a provider's programs and
// events: everyone may, except a mitra, which sees only its own.
func (a *App) seesProvider(ctx context.Context, actor Actor, providerID int64) (bool, error) {
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil || !mitra {
		return err == nil, err
	}
	return own != 0 && own == providerID, nil
}

// managesProvider checks that an actor may change a provider's programs
// and events: an admin BKPSDM any, a mitra its own (another's is not
// found).
func (a *App) managesProvider(ctx context.Context, actor Actor, providerID int64, what string) error {
	if err := actor.Require(PermLearningManage); err != nil {
		return err
	}
	if actor.Role == RoleAdminBKPSDM {
		return nil
	}
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil {
		return err
	}
	if mitra && own != 0 && own == providerID {
		return nil
	}
	if mitra {
		return errOutOfScope(what)
	}
	return forbidden("program dan angkatan dikelola oleh BKPSDM atau mitra penyelenggaranya")
}

// visibleEvent loads an event the actor may see: a draft only for those who
// manage it; another institution's event never for a mitra.
func (a *App) visibleEvent(ctx context.Context, actor Actor, code string) (store.EventRow, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return store.EventRow{}, err
	}
	ev, err := a.Store.EventByCode(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return ev, errOutOfScope("angkatan")
	}
	if err != nil {
		return ev, err
	}
	ok, err := a.seesProvider(ctx, actor, ev.ProviderID)
	if err != nil {
		return ev, err
	}
	if !ok || (ev.Status == learning.EventDraft && a.managesProvider(ctx, actor, ev.ProviderID, "angkatan") != nil) {
		return ev, errOutOfScope("angkatan")
	}
	return ev, nil
}

// participantsWithin is the limit on the participants of an event an actor
// may see: all for city-wide roles and the event's own mitra, the actor's
// scope for the others.
func (a *App) participantsWithin(ctx context.Context, actor Actor, ev store.EventRow) (*store.Within, error) {
	if actor.Role == RoleMitra {
		ok, err := a.seesProvider(ctx, actor, ev.ProviderID)
		if err == nil && !ok {
			err = errOutOfScope("angkatan")
		}
		return nil, err
	}
	return within(actor), nil
}

// enrollmentInScope loads an enrollment the actor may see: city-wide roles
// any; a mitra those of its own events; the others those of employees in
// their scope. Anything else is not found.
func (a *App) enrollmentInScope(ctx context.Context, actor Actor, id int64) (store.EnrollmentRow, error) {
	r, err := a.Store.EnrollmentByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return r, errOutOfScope("pendaftaran")
	}
	if err != nil {
		return r, err
	}
	if actor.Role == RoleMitra {
		ok, err := a.seesProvider(ctx, actor, r.ProviderID)
		if err == nil && !ok {
			err = errOutOfScope("pendaftaran")
		}
		return r, err
	}
	if w := within(actor); w != nil {
		n, err := a.Store.CountEmployees(ctx, store.Filter{IDs: []int64{r.EmployeeID}, Within: w})
		if err != nil {
			return r, err
		}
		if n == 0 {
			return r, errOutOfScope("pendaftaran")
		}
	}
	return r, nil
}

// learnError maps the learning domain's and the store's errors for users.
func learnError(err error, what string) error {
	if err == nil {
		return nil
	}
	var fs learning.Faults
	if errors.As(err, &fs) {
		return &Error{Code: CodeInvalid, Message: fs.Error(), Fields: fs.Fields()}
	}
	var se *learning.StateError
	if errors.As(err, &se) {
		return &Error{Code: CodeConflict, Message: se.Msg}
	}
	if errors.Is(err, store.ErrNotFound) {
		msg := strings.TrimPrefix(err.Error(), store.ErrNotFound.Error()+": ")
		if msg == store.ErrNotFound.Error() {
			msg = what
		}
		return NotFound(msg + " tidak ditemukan")
	}
	return storeError(err, what)
}

// invalidField is a validation error on one field.
func invalidField(field, msg string) error {
	return &Error{Code: CodeInvalid, Message: msg, Fields: map[string]string{field: msg}}
}

// parseDay reads an optional YYYY-MM-DD date (zero when blank).
func parseDay(field, label, s string, fields map[string]string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		fields[field] = fmt.Sprintf("%s %q tidak valid (format YYYY-MM-DD)", label, s)
	}
	return t
}

func conflict(msg string) error { return &Error{Code: CodeConflict, Message: msg} }
