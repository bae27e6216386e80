package learning

import (
	"bytes"
	"strings"
	"testing"
)

func TestCheckPDFDocument(t *testing.T) {
	pdf := []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 64)...)
	big := append(append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), MaxDocumentSize)...), []byte("\n%%EOF")...)
	cut := pdf[:40]
	padded := append(append([]byte{}, pdf...), bytes.Repeat([]byte(" "), 900)...)
	eofEarly := append(append([]byte("%PDF-1.4\n%%EOF\n"), bytes.Repeat([]byte("y"), 2000)...), '\n')
	cases := []struct {
		name string
		data []byte
		want string // "" accepted, else a word of the message
	}{
		{"pdf", pdf, ""},
		{"pdf with trailing padding", padded, ""},
		{"renamed png", png, "bukan dokumen PDF"},
		{"empty", nil, "kosong"},
		{"too big", big, "melebihi batas 5 MiB"},
		{"truncated", cut, "%%EOF"},
		{"EOF marker far from the end", eofEarly, "%%EOF"},
		{"html", []byte("<html>%PDF-</html>\n%%EOF"), "bukan dokumen PDF"},
	}
	for _, c := range cases {
		err := CheckPDFDocument(c.data)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want a message with %q", c.name, err, c.want)
		}
		if fs, ok := err.(Faults); ok && fs.Fields()["document"] == "" {
			t.Errorf("%s: fault does not name the document field", c.name)
		}
	}
	// Exactly the limit is accepted.
	atLimit := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("z"), MaxDocumentSize-9-6)...)
	atLimit = append(atLimit, []byte("%%EOF\n")...)
	if len(atLimit) != MaxDocumentSize {
		t.Fatalf("test file is %d bytes", len(atLimit))
	}
	if err := CheckPDFDocument(atLimit); err != nil {
		t.Errorf("exactly 5 MiB: %v", err)
	}
}
