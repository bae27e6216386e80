package auth

import (
	_ "embed"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Password length bounds, counted in characters (runes).
const (
	MinPasswordLen = 8
	MaxPasswordLen = 128
)

// commonPasswords holds the most common passwords (English and Indonesian),
// lowercase, one per line.
//
//go:embed common-passwords.txt
var commonPasswords string

// Policy errors; their messages are shown to the user as they are.
var (
	ErrPasswordTooShort = errors.New("kata sandi minimal 8 karakter")
	ErrPasswordTooLong  = errors.New("kata sandi paling banyak 128 karakter")
	ErrPasswordControl  = errors.New("kata sandi tidak boleh berisi karakter kontrol (misalnya baris baru atau tab)")
	ErrPasswordCommon   = errors.New("kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak; pilih yang lain")
	ErrPasswordRepeated = errors.New("kata sandi tidak boleh hanya satu karakter yang diulang")
	ErrPasswordPersonal = errors.New("kata sandi tidak boleh sama dengan NIP, e-mail, atau nama Anda")
)

// ValidatePassword checks a new password against the policy: 8 to 128
// characters, no control characters, not one of the most common passwords,
// not a single repeated character, and not equal to any of the context
// values (the account's NIP, e-mail, name; the local part of an e-mail
// counts too), ignoring case and spaces around them.
func ValidatePassword(pw string, context ...string) error {
	n := utf8.RuneCountInString(pw)
	switch {
	case n < MinPasswordLen:
		return ErrPasswordTooShort
	case n > MaxPasswordLen:
		return ErrPasswordTooLong
	}
	for _, r := range pw {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ErrPasswordControl
		}
	}
	lower := strings.ToLower(pw)
	if IsCommonPassword(lower) {
		return ErrPasswordCommon
	}
	first, _ := utf8.DecodeRuneInString(lower)
	if strings.Count(lower, string(first)) == n {
		return ErrPasswordRepeated
	}
	norm := strings.ToLower(strings.TrimSpace(pw))
	for _, c := range context {
		c = strings.ToLower(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		candidates := []string{c, strings.ReplaceAll(c, " ", "")}
		if local, _, ok := strings.Cut(c, "@"); ok && local != "" {
			candidates = append(candidates, local)
		}
		for _, cand := range candidates {
			if norm == cand || strings.ReplaceAll(norm, " ", "") == cand {
				return ErrPasswordPersonal
			}
		}
	}
	return nil
}

// IsCommonPassword reports whether pw (compared in lowercase) is in the
// embedded list of common passwords.
func IsCommonPassword(pw string) bool {
	pw = strings.ToLower(pw)
	if pw == "" || strings.ContainsAny(pw, "\r\n") {
		return false
	}
	list := commonPasswords
	for len(list) > 0 {
		line, rest, _ := strings.Cut(list, "\n")
		if line == pw {
			return true
		}
		list = rest
	}
	return false
}
