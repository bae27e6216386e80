package report

import "testing"

func TestSafeCell(t *testing.T) {
	cases := map[string]string{
		"":                  "",
		"Asep Suhendar":     "Asep Suhendar",
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+62 22":            "'+62 22",
		"@SUM(A1)":          "'@SUM(A1)",
		"-2":                "-2",
		"-1.5":              "-1.5",
		"-cmd":              "'-cmd",
		"\tx":               "'\tx",
	}
	for in, want := range cases {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}
