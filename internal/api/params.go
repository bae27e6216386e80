package api

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
)

// Helpers of the performance, talent and development handlers: integer
// parameters, the 422 of a missing field, naming the field of a domain
// rule's refusal, and timestamps.

// minYear lets any integer through as a year: the range 2000–2100 is
// checked where the scope allows (422).
const minYear = math.MinInt32

// intParam reads an integer path parameter of at least min.
func intParam(r *http.Request, name string, min int) (int, error) {
	v := r.PathValue(name)
	n, err := strconv.Atoi(v)
	if err != nil || len(v) > 10 || n < min {
		what := "bilangan bulat"
		if min != minYear {
			what = fmt.Sprintf("bilangan bulat ≥ %d", min)
		}
		return 0, badRequest(fmt.Sprintf("parameter %s harus %s", name, what), map[string]string{name: "harus " + what})
	}
	return n, nil
}

// queryInt reads an optional integer query parameter (def when absent).
func queryInt(q url.Values, name string, def int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || len(v) > 10 {
		return 0, badRequest(fmt.Sprintf("parameter %s harus bilangan bulat", name), map[string]string{name: "harus bilangan bulat"})
	}
	return n, nil
}

// unitParam reads the optional ?unit= of a report.
func unitParam(q url.Values) (string, error) {
	unit := strings.TrimSpace(q.Get("unit"))
	if len(unit) > 64 {
		return "", badRequest("parameter unit terlalu panjang", map[string]string{"unit": "terlalu panjang"})
	}
	return unit, nil
}

// checkYear refuses a year outside 2000–2100 where no scope is involved
// (the use cases about an employee check it after the scope).
func checkYear(year int) error {
	if year < 2000 || year > 2100 {
		return &app.Error{Code: app.CodeInvalid, Message: fmt.Sprintf("tahun %d di luar rentang 2000–2100", year),
			Fields: map[string]string{"year": "di luar rentang 2000–2100"}}
	}
	return nil
}

// required is the 422 of a missing body field.
func required(field, label string) error {
	return &app.Error{Code: app.CodeInvalid, Message: label + " wajib diisi", Fields: map[string]string{field: "wajib diisi"}}
}

// withField names the field of an invalid-input error the app raised
// without one (a domain rule's message); other errors pass unchanged.
func withField(err error, field func(msg string) string) error {
	return withFields(err, func(msg string) map[string]string { return map[string]string{field(msg): msg} })
}

// withFields is withField for a refusal that may concern several fields.
func withFields(err error, fields func(msg string) map[string]string) error {
	var ae *app.Error
	if !errors.As(err, &ae) || ae.Code != app.CodeInvalid || len(ae.Fields) > 0 {
		return err
	}
	return &app.Error{Code: ae.Code, Message: ae.Message, Fields: fields(ae.Message)}
}

func fixed(name string) func(string) string { return func(string) string { return name } }

// timestamp renders an instant (RFC 3339, UTC); null when unset.
func timestamp(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// errFields returns the fields of an app error (nil for others).
func errFields(err error) map[string]string {
	var ae *app.Error
	if errors.As(err, &ae) {
		return ae.Fields
	}
	return nil
}
