package web

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/store"
)

// Links to an employee's profile name the employee by NIP in the path
// (/employees/199003152015031002), which suits the people who need the NIP:
// the employee, their supervisors and the admins who keep the records. A
// viewer who sees NIPs masked (pimpinan; see app.SeesFullNIP) would find the
// full NIP in the link, so their links carry an opaque reference instead:
// the NIP sealed with AES-GCM under a key kept in their session. The
// reference means nothing outside that session and stops working when it
// ends; the same NIP always gives the same reference within a session, so
// the browser's history and "visited" colours still work.

const refPrefix = "r"

// employeeRow is one row of an employee list as a viewer may see it.
type employeeRow struct {
	E     store.EmployeeRow
	Match competency.Match
	URL   string // the profile, for this viewer
	NIP   string // spaced, or masked
}

func (s *server) employeeRowOf(r *http.Request, actor app.Actor, e app.EmployeeSummary) employeeRow {
	return employeeRow{E: e.Employee, Match: e.Match, URL: s.employeeURL(r, actor, e.Employee), NIP: shownNIP(actor, e.Employee)}
}

// shownNIP is the NIP as a viewer may see it.
func shownNIP(actor app.Actor, e store.EmployeeRow) string {
	if app.SeesFullNIP(actor, e) {
		return people.FormatNIP(e.NIP)
	}
	return people.MaskNIP(e.NIP)
}

// employeeURL links to an employee's profile; suffix ("/assess") follows.
func (s *server) employeeURL(r *http.Request, actor app.Actor, e store.EmployeeRow, suffix ...string) string {
	id := e.NIP
	if !app.SeesFullNIP(actor, e) {
		if ref := s.sealNIP(r, e.NIP); ref != "" {
			id = ref
		}
	}
	return "/employees/" + url.PathEscape(id) + strings.Join(suffix, "")
}

// nipOf reads the {nip} of a URL: 18 digits (spaces from a pasted BKN form
// are ignored) or a reference sealed in this session. ok is false for
// anything else, which the page answers with 404.
func (s *server) nipOf(r *http.Request) (string, bool) {
	v := r.PathValue("nip")
	if strings.HasPrefix(v, refPrefix) {
		return s.openNIP(r, strings.TrimPrefix(v, refPrefix))
	}
	nip := strings.ReplaceAll(v, " ", "")
	return nip, len(nip) == 18 && allDigits(nip)
}

// linkAEAD returns the session's link cipher and nonce key, creating the
// session's key when create is set and there is none yet.
func (s *server) linkAEAD(r *http.Request, create bool) (cipher.AEAD, []byte) {
	ctx := r.Context()
	if s.sessions == nil || !hasSession(ctx) {
		return nil, nil
	}
	key := s.sessions.GetBytes(ctx, keyLinkKey)
	if len(key) != 32 {
		if !create {
			return nil, nil
		}
		key = make([]byte, 32)
		rand.Read(key)
		s.sessions.Put(ctx, keyLinkKey, key)
	}
	// One key for the cipher and another for the nonces, both from the
	// session's key.
	block, err := aes.NewCipher(derive(key, "seal"))
	if err != nil {
		return nil, nil
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, nil
	}
	return aead, derive(key, "nonce")
}

func derive(key []byte, purpose string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("asah link " + purpose))
	return mac.Sum(nil)
}

func (s *server) sealNIP(r *http.Request, nip string) string {
	aead, nonceKey := s.linkAEAD(r, true)
	if aead == nil {
		return ""
	}
	mac := hmac.New(sha256.New, nonceKey)
	mac.Write([]byte(nip))
	nonce := mac.Sum(nil)[:aead.NonceSize()]
	return refPrefix + base64.RawURLEncoding.EncodeToString(aead.Seal(nonce, nonce, []byte(nip), nil))
}

func (s *server) openNIP(r *http.Request, ref string) (string, bool) {
	aead, _ := s.linkAEAD(r, false)
	if aead == nil || len(ref) > 200 {
		return "", false
	}
	b, err := base64.RawURLEncoding.DecodeString(ref)
	if err != nil || len(b) < aead.NonceSize() {
		return "", false
	}
	plain, err := aead.Open(nil, b[:aead.NonceSize()], b[aead.NonceSize():], nil)
	if err != nil {
		return "", false
	}
	return string(plain), true
}
