package auth

import (
	"strings"
	"testing"
)

func TestValidatePassword(t *testing.T) {
	ctx := []string{"197503122000121002", "asep.suhendar@bandung.go.id", "Asep Suhendar"}
	for _, tc := range []struct {
		pw   string
		want error
	}{
		{"", ErrPasswordTooShort},
		{"Abc12!x", ErrPasswordTooShort},                     // 7
		{"ééééééé", ErrPasswordTooShort},                     // 7 runes, 14 bytes
		{"Abc12!xy", nil},                                    // 8
		{"kopi-susu-hangat", nil},                            // passphrase
		{"ëëëëëëë1", nil},                                    // 8 runes
		{strings.Repeat("ab", 64), nil},                      // 128
		{strings.Repeat("ab", 64) + "c", ErrPasswordTooLong}, // 129
		{"kata\nsandi-xyz", ErrPasswordControl},
		{"kata\tsandi-xyz", ErrPasswordControl},
		{"password", ErrPasswordCommon},
		{"PassWord123", ErrPasswordCommon},
		{"12345678", ErrPasswordCommon},
		{"qwertyuiop", ErrPasswordCommon},
		{"bandung123", ErrPasswordCommon},
		{"Indonesia", ErrPasswordCommon},
		{"rahasia123", ErrPasswordCommon},
		{"sayang123", ErrPasswordCommon},
		{"bismillah", ErrPasswordCommon},
		{"persib1933", ErrPasswordCommon},
		{"zzzzzzzzzz", ErrPasswordRepeated},
		{"197503122000121002", ErrPasswordPersonal},
		{"ASEP.SUHENDAR@bandung.go.id", ErrPasswordPersonal},
		{"asep.suhendar", ErrPasswordPersonal}, // the e-mail's local part
		{"asep suhendar", ErrPasswordPersonal},
		{"asepsuhendar", ErrPasswordPersonal},
		{"asep.suhendar.1975", nil}, // contains, but is not equal to, personal data
	} {
		if got := ValidatePassword(tc.pw, ctx...); got != tc.want {
			t.Errorf("ValidatePassword(%q) = %v, want %v", tc.pw, got, tc.want)
		}
	}
	// Without context, personal data is not known.
	if err := ValidatePassword("asep.suhendar"); err != nil {
		t.Errorf("no context: %v", err)
	}
}

func TestCommonPasswordList(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(commonPasswords, "\n"), "\n")
	if len(lines) < 1000 {
		t.Errorf("common password list has %d entries, want at least 1000", len(lines))
	}
	seen := map[string]bool{}
	for i, l := range lines {
		if l == "" || l != strings.ToLower(strings.TrimSpace(l)) || strings.Contains(l, "\r") {
			t.Errorf("line %d %q: entries are lowercase, trimmed, one per line", i+1, l)
		}
		if seen[l] {
			t.Errorf("line %d: %q repeated", i+1, l)
		}
		seen[l] = true
	}
	for _, w := range []string{"bandung123", "indonesia", "rahasia", "sayang", "bismillah", "persib", "123456", "iloveyou"} {
		if !IsCommonPassword(w) {
			t.Errorf("%q is not in the list", w)
		}
	}
	if IsCommonPassword("123456\n654321") || IsCommonPassword("") {
		t.Error("multi-line or empty input matched")
	}
}
