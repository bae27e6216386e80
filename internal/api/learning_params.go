package api

import (
	"bufio"
	"errors"
	"io"
	"math"
	"net/http"
	"time"

	"asah/internal/app"
	"asah/internal/learning"
)

// Helpers of the learning handlers: optional bodies, dates and numbers as
// the document writes them, and the caller's own data.

// decodeOptionalJSON is decodeJSON for a body that may be left out: an
// empty body leaves dst as it is.
func decodeOptionalJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	br := bufio.NewReader(r.Body)
	if _, err := br.Peek(1); errors.Is(err, io.EOF) {
		return nil
	}
	r.Body = struct {
		io.Reader
		io.Closer
	}{br, r.Body}
	return decodeJSON(w, r, dst)
}

// day renders a civil date (YYYY-MM-DD); null when unset.
func civilDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := date(t)
	return &s
}

var wibZone = time.FixedZone("WIB", 7*3600)

// localTime renders a session time as it is entered: local time in WIB,
// YYYY-MM-DDTHH:MM.
func localTime(t time.Time) string { return t.In(wibZone).Format("2006-01-02T15:04") }

// round rounds to d decimals.
func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}

// jp renders minutes as JP, two decimals.
func jpOf(minutes int) float64 { return round(learning.MinutesToJP(minutes), 2) }

// positiveID is a nullable reference: null for 0.
func positiveID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// seesNIPs reports whether a caller may read the NIPs of the people in a
// learning list: a partner institution's staff take attendance by name and
// enrollment, and need no NIP (UU PDP: least data shown).
func seesNIPs(actor app.Actor) bool { return actor.Role != app.RoleMitra }
