// Package auth holds the pure parts of authentication: password hashing and
// policy, API tokens, TOTP and the login throttling rule. It touches no
// database and keeps no state; the app layer wires it to the store.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams returns the production cost: 64 MiB, 3 passes, 2 lanes.
// Measured on the 2-core reference machine at 80–95 ms per hash
// (BenchmarkHashPassword), inside the 50–150 ms target that keeps a login
// quick and an offline guess expensive.
func DefaultParams() Params {
	return Params{Memory: 64 * 1024, Time: 3, Threads: 2, SaltLen: 16, KeyLen: 32}
}

// Limits on parameters read from a stored hash, so that a tampered row
// cannot make one verification take gigabytes or minutes.
const (
	maxMemory  = 1 << 20 // KiB: 1 GiB
	maxTime    = 16
	minSaltLen = 8
	minKeyLen  = 16
	maxKeyLen  = 128
)

// ErrInvalidHash is returned for a stored hash that is not a PHC argon2id
// string this package can verify.
var ErrInvalidHash = errors.New("auth: invalid argon2id hash")

var b64 = base64.RawStdEncoding // PHC strings use standard base64 without padding

// HashPassword hashes a password with the default parameters.
func HashPassword(pw string) (string, error) { return HashPasswordWith(pw, DefaultParams()) }

// HashPasswordWith hashes a password with argon2id and a fresh random salt,
// returning the PHC string $argon2id$v=19$m=…,t=…,p=…$salt$hash.
func HashPasswordWith(pw string, p Params) (string, error) {
	if err := p.check(); err != nil {
		return "", err
	}
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

func (p Params) check() error {
	switch {
	case p.Threads < 1:
		return fmt.Errorf("%w: p must be at least 1", ErrInvalidHash)
	case p.Memory < 8*uint32(p.Threads) || p.Memory > maxMemory:
		return fmt.Errorf("%w: m=%d out of range", ErrInvalidHash, p.Memory)
	case p.Time < 1 || p.Time > maxTime:
		return fmt.Errorf("%w: t=%d out of range", ErrInvalidHash, p.Time)
	case p.SaltLen < minSaltLen:
		return fmt.Errorf("%w: salt shorter than %d bytes", ErrInvalidHash, minSaltLen)
	case p.KeyLen < minKeyLen || p.KeyLen > maxKeyLen:
		return fmt.Errorf("%w: hash length %d out of range", ErrInvalidHash, p.KeyLen)
	}
	return nil
}

// decoded is a parsed PHC string.
type decoded struct {
	p    Params
	salt []byte
	key  []byte
}

// ParseHash reads a PHC argon2id string and returns its parameters.
func ParseHash(encoded string) (Params, error) {
	d, err := parse(encoded)
	return d.p, err
}

func parse(encoded string) (decoded, error) {
	var d decoded
	parts := strings.Split(encoded, "$")
	// "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
	if len(parts) != 6 || parts[0] != "" {
		return d, fmt.Errorf("%w: want 5 $-separated fields", ErrInvalidHash)
	}
	if parts[1] != "argon2id" {
		return d, fmt.Errorf("%w: algorithm %q", ErrInvalidHash, parts[1])
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return d, fmt.Errorf("%w: version %q", ErrInvalidHash, parts[2])
	}
	seen := map[string]bool{}
	for _, kv := range strings.Split(parts[3], ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || seen[k] {
			return d, fmt.Errorf("%w: parameter %q", ErrInvalidHash, kv)
		}
		seen[k] = true
		bits := 32
		if k == "p" {
			bits = 8
		}
		n, err := strconv.ParseUint(v, 10, bits)
		if err != nil {
			return d, fmt.Errorf("%w: parameter %q", ErrInvalidHash, kv)
		}
		switch k {
		case "m":
			d.p.Memory = uint32(n)
		case "t":
			d.p.Time = uint32(n)
		case "p":
			d.p.Threads = uint8(n)
		default:
			return d, fmt.Errorf("%w: unknown parameter %q", ErrInvalidHash, k)
		}
	}
	if !seen["m"] || !seen["t"] || !seen["p"] {
		return d, fmt.Errorf("%w: m, t and p are required", ErrInvalidHash)
	}
	var err error
	if d.salt, err = b64.DecodeString(parts[4]); err != nil {
		return d, fmt.Errorf("%w: salt is not base64", ErrInvalidHash)
	}
	if d.key, err = b64.DecodeString(parts[5]); err != nil {
		return d, fmt.Errorf("%w: hash is not base64", ErrInvalidHash)
	}
	d.p.SaltLen, d.p.KeyLen = uint32(len(d.salt)), uint32(len(d.key))
	return d, d.p.check()
}

// VerifyPassword reports whether pw matches the PHC string. The comparison
// is constant-time; an unreadable hash is an error, never a match.
func VerifyPassword(encoded, pw string) (bool, error) {
	d, err := parse(encoded)
	if err != nil {
		return false, err
	}
	key := argon2.IDKey([]byte(pw), d.salt, d.p.Time, d.p.Memory, d.p.Threads, d.p.KeyLen)
	return subtle.ConstantTimeCompare(key, d.key) == 1, nil
}

// VerifyDummy spends the same work as verifying a password hashed with p and
// discards the result. Login calls it when the account does not exist, so
// that response time does not tell which accounts exist.
func VerifyDummy(pw string, p Params) {
	salt := make([]byte, max(p.SaltLen, minSaltLen))
	key := argon2.IDKey([]byte(pw), salt, max(p.Time, 1), max(p.Memory, 8), max(p.Threads, 1), max(p.KeyLen, minKeyLen))
	subtle.ConstantTimeCompare(key, key)
}

// NeedsRehash reports whether a stored hash was made with other parameters
// than p (or cannot be read), so that it should be replaced at the next
// successful login.
func NeedsRehash(encoded string, p Params) bool {
	got, err := ParseHash(encoded)
	if err != nil {
		return true
	}
	return got.Memory != p.Memory || got.Time != p.Time || got.Threads != p.Threads ||
		got.KeyLen != p.KeyLen || got.SaltLen < p.SaltLen
}
