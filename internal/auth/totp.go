package auth

import (
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// TOTPIssuer names Asah in authenticator apps.
const TOTPIssuer = "Asah Kota Bandung"

// totpOpts are the parameters every authenticator app understands:
// 30-second steps, 6 digits, SHA-1, and one step of clock skew either way.
func totpOpts() totp.ValidateOpts {
	return totp.ValidateOpts{Period: 30, Skew: 1, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}
}

// NewTOTP generates a secret for an account (its NIP or e-mail) and the
// otpauth:// URL to show as a QR code.
func NewTOTP(account string) (secret, url string, err error) {
	key, err := totp.Generate(totp.GenerateOpts{
		Issuer:      TOTPIssuer,
		AccountName: account,
		Period:      30,
		Digits:      otp.DigitsSix,
		Algorithm:   otp.AlgorithmSHA1,
	})
	if err != nil {
		return "", "", err
	}
	return key.Secret(), key.URL(), nil
}

// ValidateTOTP reports whether code is valid for secret at the given time,
// accepting the previous and the next 30-second step.
func ValidateTOTP(code, secret string, at time.Time) bool {
	code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
	if len(code) != 6 || secret == "" {
		return false
	}
	ok, err := totp.ValidateCustom(code, secret, at.UTC(), totpOpts())
	return err == nil && ok
}

// TOTPCode computes the code for secret at a time (tests and tools).
func TOTPCode(secret string, at time.Time) (string, error) {
	o := totpOpts()
	return totp.GenerateCodeCustom(secret, at.UTC(), totp.ValidateOpts{Period: o.Period, Digits: o.Digits, Algorithm: o.Algorithm})
}
