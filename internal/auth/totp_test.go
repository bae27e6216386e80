package auth

import (
	"strings"
	"testing"
	"time"
)

// rfcSecret is the RFC 6238 SHA-1 test key "12345678901234567890" in base32.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"

func TestTOTPKnownVector(t *testing.T) {
	// RFC 6238 appendix B: at T=59 s the 8-digit SHA-1 code is 94287082, so
	// the 6-digit code is its last six digits.
	at := time.Unix(59, 0)
	if got, err := TOTPCode(rfcSecret, at); err != nil || got != "287082" {
		t.Fatalf("TOTPCode at 59 s = %q, %v; want 287082", got, err)
	}
	if !ValidateTOTP("287082", rfcSecret, at) || !ValidateTOTP(" 287 082 ", rfcSecret, at) {
		t.Error("RFC vector rejected")
	}
}

func TestTOTPSkew(t *testing.T) {
	base := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC) // a step boundary
	code, err := TOTPCode(rfcSecret, base)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		offset time.Duration
		ok     bool
	}{
		{-31 * time.Second, false}, // two steps back (the step before the previous)
		{-30 * time.Second, true},  // previous step
		{-1 * time.Second, true},
		{0, true},
		{29 * time.Second, true},
		{30 * time.Second, true}, // next step
		{59 * time.Second, true},
		{60 * time.Second, false}, // two steps ahead
	} {
		if got := ValidateTOTP(code, rfcSecret, base.Add(tc.offset)); got != tc.ok {
			t.Errorf("code of %s checked at %+v: %v, want %v", base.Format(time.TimeOnly), tc.offset, got, tc.ok)
		}
	}
	for _, bad := range []string{"", "12345", "1234567", "abcdef"} {
		if ValidateTOTP(bad, rfcSecret, base) {
			t.Errorf("code %q accepted", bad)
		}
	}
	if ValidateTOTP(code, "", base) {
		t.Error("empty secret accepted a code")
	}
}

func TestNewTOTP(t *testing.T) {
	secret, url, err := NewTOTP("admin@bkpsdm.bandung.go.id")
	if err != nil {
		t.Fatal(err)
	}
	if len(secret) < 16 || !strings.HasPrefix(url, "otpauth://totp/") || !strings.Contains(url, "issuer=Asah") ||
		!strings.Contains(url, "secret="+secret) {
		t.Errorf("secret %q url %q", secret, url)
	}
	now := time.Date(2026, 11, 27, 8, 0, 10, 0, time.UTC)
	code, err := TOTPCode(secret, now)
	if err != nil || !ValidateTOTP(code, secret, now) {
		t.Errorf("fresh secret: code %q %v does not validate", code, err)
	}
}
