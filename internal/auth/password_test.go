package auth

import (
	"errors"
	"strings"
	"testing"
)

// cheap keeps the tests fast; one test uses the default cost.
var cheap = Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestHashAndVerify(t *testing.T) {
	h, err := HashPasswordWith("rahasia-sekali-42", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Errorf("hash %q is not a PHC argon2id string with the given parameters", h)
	}
	if ok, err := VerifyPassword(h, "rahasia-sekali-42"); !ok || err != nil {
		t.Errorf("right password: %v, %v", ok, err)
	}
	for _, wrong := range []string{"rahasia-sekali-43", "Rahasia-sekali-42", "", "rahasia-sekali-42 "} {
		if ok, err := VerifyPassword(h, wrong); ok || err != nil {
			t.Errorf("wrong password %q: %v, %v", wrong, ok, err)
		}
	}
	h2, _ := HashPasswordWith("rahasia-sekali-42", cheap)
	if h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
}

func TestDefaultParamsHash(t *testing.T) {
	h, err := HashPassword("kata sandi panjang")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Errorf("default hash %q", h)
	}
	if ok, _ := VerifyPassword(h, "kata sandi panjang"); !ok {
		t.Error("default-cost hash does not verify")
	}
	if NeedsRehash(h, DefaultParams()) {
		t.Error("a fresh default hash needs rehash")
	}
}

func TestNeedsRehash(t *testing.T) {
	h, _ := HashPasswordWith("x-y-z-w-1234", cheap)
	if NeedsRehash(h, cheap) {
		t.Error("same parameters: rehash requested")
	}
	stronger := cheap
	stronger.Time = 2
	if !NeedsRehash(h, stronger) {
		t.Error("weaker stored parameters: no rehash requested")
	}
	if !NeedsRehash("not a hash", cheap) {
		t.Error("unreadable hash: no rehash requested")
	}
}

func TestParseErrors(t *testing.T) {
	good, _ := HashPasswordWith("abcdefgh12", cheap)
	parts := strings.Split(good, "$")
	salt, key := parts[4], parts[5]
	for name, h := range map[string]string{
		"empty":           "",
		"bcrypt":          "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
		"argon2i":         "$argon2i$v=19$m=1024,t=1,p=1$" + salt + "$" + key,
		"old version":     "$argon2id$v=16$m=1024,t=1,p=1$" + salt + "$" + key,
		"missing field":   "$argon2id$v=19$m=1024,t=1,p=1$" + salt,
		"extra field":     good + "$x",
		"no leading $":    strings.TrimPrefix(good, "$"),
		"missing p":       "$argon2id$v=19$m=1024,t=1$" + salt + "$" + key,
		"duplicate m":     "$argon2id$v=19$m=1024,m=2048,t=1,p=1$" + salt + "$" + key,
		"unknown param":   "$argon2id$v=19$m=1024,t=1,p=1,x=3$" + salt + "$" + key,
		"non-numeric":     "$argon2id$v=19$m=lots,t=1,p=1$" + salt + "$" + key,
		"p overflow":      "$argon2id$v=19$m=1024,t=1,p=300$" + salt + "$" + key,
		"p zero":          "$argon2id$v=19$m=1024,t=1,p=0$" + salt + "$" + key,
		"t zero":          "$argon2id$v=19$m=1024,t=0,p=1$" + salt + "$" + key,
		"huge memory":     "$argon2id$v=19$m=4194304,t=1,p=1$" + salt + "$" + key,
		"huge time":       "$argon2id$v=19$m=1024,t=1000,p=1$" + salt + "$" + key,
		"salt not base64": "$argon2id$v=19$m=1024,t=1,p=1$***$" + key,
		"hash not base64": "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$%%%",
		"short salt":      "$argon2id$v=19$m=1024,t=1,p=1$YWJj$" + key,
		"short hash":      "$argon2id$v=19$m=1024,t=1,p=1$" + salt + "$YWJj",
	} {
		if _, err := ParseHash(h); !errors.Is(err, ErrInvalidHash) {
			t.Errorf("%s: ParseHash(%q) = %v, want ErrInvalidHash", name, h, err)
		}
		if ok, err := VerifyPassword(h, "abcdefgh12"); ok || err == nil {
			t.Errorf("%s: VerifyPassword = %v, %v; want false and an error", name, ok, err)
		}
	}
	p, err := ParseHash(good)
	if err != nil || p != cheap {
		t.Errorf("ParseHash(good) = %+v, %v; want %+v", p, err, cheap)
	}
}

func TestVerifyDummyDoesNotPanic(t *testing.T) {
	VerifyDummy("anything", cheap)
	VerifyDummy("anything", Params{}) // zero parameters are raised to a valid minimum
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("benchmark password"); err != nil {
			b.Fatal(err)
		}
	}
}
