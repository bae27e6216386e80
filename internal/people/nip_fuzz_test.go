package people

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseNIP(f *testing.F) {
	for _, s := range []string{
		"198503122010011002", "19850312 201001 1 002", "199001012023212015",
		"200002292018031001", "198502302010011002", "198503122010511002",
		"199001012023202015", "19850312201001100", "19850312201001100a", "", " ",
		"１98503122010011002", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNIP(s)
		if err != nil {
			var ne *NIPError
			if !errors.As(err, &ne) || ne.Part == "" || ne.Msg == "" {
				t.Fatalf("ParseNIP(%q) error %#v is not a complete *NIPError", s, err)
			}
			if strings.ContainsAny(ne.Msg, "\n\r") || !utf8.ValidString(ne.Msg) {
				t.Fatalf("ParseNIP(%q) message not one valid line: %q", s, ne.Msg)
			}
			_ = MaskNIP(s)
			_ = FormatNIP(s)
			return
		}
		if len(n.Raw) != 18 {
			t.Fatalf("Raw %q is not 18 digits", n.Raw)
		}
		for _, in := range []string{FormatNIP(s), FormatNIP(n.Raw), n.Raw} {
			m, err := ParseNIP(in)
			if err != nil {
				t.Fatalf("ParseNIP(%q) (from %q): %v", in, s, err)
			}
			if m != n {
				t.Fatalf("ParseNIP(%q) = %+v, want %+v", in, m, n)
			}
		}
		var built string
		switch n.Kind {
		case PNS:
			built = BuildPNSNIP(n.BirthDate, n.TMT, n.Sex, n.Serial)
		case PPPK:
			built = BuildPPPKNI(n.BirthDate, n.AppointmentYear, n.Intake, n.Sex, n.Serial)
		default:
			t.Fatalf("accepted %q with kind %q", s, n.Kind)
		}
		if built != n.Raw {
			t.Fatalf("Build of %+v = %q, want %q", n, built, n.Raw)
		}
		if n.Describe() == "" {
			t.Fatalf("empty Describe for %q", s)
		}
		if m := MaskNIP(s); utf8.RuneCountInString(m) != 18 || !strings.HasPrefix(m, n.Raw[:4]) || !strings.HasSuffix(m, n.Raw[15:]) {
			t.Fatalf("MaskNIP(%q) = %q", s, m)
		}
	})
}
