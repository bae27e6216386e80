package auth

import (
	"strings"
	"testing"
)

func TestNewToken(t *testing.T) {
	plain, hash := NewToken()
	if !strings.HasPrefix(plain, "asah_") || len(plain) != len("asah_")+43 || !LooksLikeToken(plain) {
		t.Errorf("token %q: want asah_ + 43 base64url characters", plain)
	}
	if len(hash) != 64 || hash != HashToken(plain) || strings.Contains(hash, plain[5:]) {
		t.Errorf("hash %q of %q", hash, plain)
	}
	other, otherHash := NewToken()
	if other == plain || otherHash == hash {
		t.Error("two tokens are equal")
	}
	// Known SHA-256 vector: the stored hash is plain hex SHA-256.
	if got := HashToken("abc"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("HashToken(abc) = %s", got)
	}
	for _, bad := range []string{"", "asah_", "bearer " + plain, plain + "x", strings.Replace(plain, "asah_", "asa_", 1), "asah_" + strings.Repeat("*", 43)} {
		if LooksLikeToken(bad) {
			t.Errorf("LooksLikeToken(%q) = true", bad)
		}
	}
}
