package interop

import (
	"strings"
	"testing"
)

func TestReadTable(t *testing.T) {
	req, opt := []string{"code", "name"}, []string{"parent_code"}
	cases := []struct {
		name, in, err string
		rows          int
	}{
		{"comma", "code,name\nA,Satu\nB,Dua\n", "", 2},
		{"semicolon with BOM and CRLF", "\xef\xbb\xbfCode;Name;Parent_Code\r\nA;Satu;\r\nB;\"Dua; Tiga\";A\r\n", "", 2},
		{"blank lines skipped", "code,name\n\nA,Satu\n\n", "", 1},
		{"missing column", "code\nA\n", "kolom wajib \"name\"", 0},
		{"unknown column", "code,name,nama\nA,B,C\n", "kolom \"nama\" tidak dikenal", 0},
		{"duplicate column", "code,name,name\nA,B,C\n", "muncul dua kali", 0},
		{"short row", "code,name\nA,B\nC\n", "baris 3: 1 kolom", 0},
		{"bad quote", "code,name\nA,\"B\n", "tanda kutip", 0},
		{"empty", "  \n", "berkas kosong", 0},
		{"header only", "code,name\n", "tidak berisi baris data", 0},
		{"not utf-8", "code,name\nA,\xff\n", "UTF-8", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb, err := ReadTable(strings.NewReader(c.in), req, opt)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(tb.Rows) != c.rows {
				t.Fatalf("%d rows, want %d", len(tb.Rows), c.rows)
			}
		})
	}
	tb, _ := ReadTable(strings.NewReader("code;name;parent_code\nA;Satu;\nB;\"Dua; Tiga\";A\n"), req, opt)
	if r := tb.Rows[1]; r.Line != 3 || r.Get("name") != "Dua; Tiga" || r.Get("parent_code") != "A" {
		t.Errorf("row 2 = %+v", r)
	}
}

func FuzzReadTable(f *testing.F) {
	f.Add("code,name\nA,B\n")
	f.Add("code;name\n\"A;\";B\n")
	f.Add("\xef\xbb\xbfcode,name,parent_code\nA,B,\n")
	f.Fuzz(func(t *testing.T, in string) {
		tb, err := ReadTable(strings.NewReader(in), []string{"code", "name"}, []string{"parent_code"})
		if err != nil {
			return
		}
		for _, r := range tb.Rows {
			if r.Line < 2 || len(r.Fields) != len(tb.Header) {
				t.Fatalf("row %+v with header %v", r, tb.Header)
			}
		}
	})
}
