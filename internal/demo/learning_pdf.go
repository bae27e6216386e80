package demo

import (
	"bytes"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"

	"asah/internal/learning"
)

// idDate writes a date the Indonesian way: 27 November 2026.
func idDate(t time.Time) string {
	months := [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
		"November", "Desember"}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// newDoc starts a one-page A4 document whose bytes depend only on its
// content and date.
func newDoc(title string, on time.Time) (*fpdf.Fpdf, func(string) string) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(on)
	pdf.SetModificationDate(on)
	pdf.SetCreator("Asah", true)
	pdf.SetTitle(title, true)
	pdf.SetMargins(25, 25, 25)
	pdf.AddPage()
	return pdf, pdf.UnicodeTranslatorFromDescriptor("")
}

func output(pdf *fpdf.Fpdf) ([]byte, error) {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// agreementPDF writes the signed document of a demo agreement: its
// number, the parties, the scope and the term, marked as demo data.
func agreementPDF(s ProviderSpec, a learning.Agreement) ([]byte, error) {
	pdf, tr := newDoc(a.Title, a.StartsOn)
	pdf.SetFont("Helvetica", "B", 13)
	pdf.MultiCell(0, 7, tr("PERJANJIAN KERJA SAMA"), "", "C", false)
	pdf.SetFont("Helvetica", "", 11)
	pdf.MultiCell(0, 6, tr("Nomor: "+a.Number), "", "C", false)
	pdf.Ln(6)
	pdf.MultiCell(0, 6, tr(fmt.Sprintf("Pada tanggal %s, Pemerintah Kota Bandung melalui Badan Kepegawaian dan Pengembangan "+
		"Sumber Daya Manusia (BKPSDM) Kota Bandung, sebagai PIHAK PERTAMA, dan %s, sebagai PIHAK KEDUA, sepakat bekerja sama "+
		"dalam pengembangan kompetensi Aparatur Sipil Negara.", idDate(a.StartsOn), s.Name)), "", "J", false)
	pdf.Ln(4)
	pdf.MultiCell(0, 6, tr("Ruang lingkup: "+a.Scope+"."), "", "L", false)
	pdf.MultiCell(0, 6, tr(fmt.Sprintf("Jangka waktu: %s sampai dengan %s.", idDate(a.StartsOn), idDate(a.EndsOn))), "", "L", false)
	pdf.Ln(10)
	pdf.SetFont("Helvetica", "I", 9)
	pdf.MultiCell(0, 5, tr("Dokumen contoh dalam data demo Asah; bukan perjanjian yang sebenarnya."), "", "L", false)
	return output(pdf)
}

// evidencePDF is the evidence file of the demo's claims.
func evidencePDF(today time.Time) ([]byte, error) {
	pdf, tr := newDoc("Bukti keikutsertaan", today.AddDate(-1, 0, 0))
	pdf.SetFont("Helvetica", "B", 13)
	pdf.MultiCell(0, 7, tr("SURAT KETERANGAN KEIKUTSERTAAN"), "", "C", false)
	pdf.Ln(6)
	pdf.SetFont("Helvetica", "", 11)
	pdf.MultiCell(0, 6, tr("Menerangkan bahwa peserta telah mengikuti kegiatan pembelajaran sebagaimana tercantum dalam klaim JP."),
		"", "J", false)
	pdf.Ln(10)
	pdf.SetFont("Helvetica", "I", 9)
	pdf.MultiCell(0, 5, tr("Dokumen contoh dalam data demo Asah."), "", "L", false)
	return output(pdf)
}
