package learning

import (
	"bytes"
	"fmt"
)

// MaxDocumentSize bounds an uploaded agreement document (5 MiB).
const MaxDocumentSize = 5 << 20

// pdfTrailerWindow is how near the end "%%EOF" must appear: writers add a
// line break or a few bytes of padding after it.
const pdfTrailerWindow = 1024

// CheckPDFDocument accepts a PDF by its content, never its name: not empty,
// at most MaxDocumentSize, starting with "%PDF-" and with "%%EOF" in its
// last kilobyte.
func CheckPDFDocument(data []byte) error {
	switch {
	case len(data) == 0:
		return Faults{{Field: "document", Msg: "berkas perjanjian kosong"}}
	case len(data) > MaxDocumentSize:
		return Faults{{Field: "document", Msg: fmt.Sprintf("berkas perjanjian melebihi batas %d MiB: perkecil atau pisahkan berkasnya",
			MaxDocumentSize>>20)}}
	case !bytes.HasPrefix(data, []byte("%PDF-")):
		return Faults{{Field: "document", Msg: "berkas perjanjian harus PDF: isinya bukan dokumen PDF (nama atau ekstensi berkas tidak menentukan)"}}
	}
	tail := data[max(0, len(data)-pdfTrailerWindow):]
	if !bytes.Contains(tail, []byte("%%EOF")) {
		return Faults{{Field: "document", Msg: "berkas PDF tidak lengkap (penanda akhir %%EOF tidak ada): unggah ulang berkas utuh"}}
	}
	return nil
}
