package certificate

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Page geometry of A4 landscape, in millimetres.
const (
	pageW, pageH = 297.0, 210.0
	margin       = 14.0
	qrSize       = 34.0 // side of the QR code with its quiet zone
)

// render lays the certificate out on one page. compress is false only in
// tests, which read the page's text from the uncompressed content stream.
func render(w io.Writer, c Certificate, baseURL string, l Labels, compress bool) error {
	if c.Code == "" || c.Number == "" || strings.TrimSpace(c.Holder) == "" || strings.TrimSpace(c.Program) == "" {
		return fmt.Errorf("certificate: number, code, holder and program are required")
	}
	link := VerifyURL(baseURL, c.Code)
	code, err := QR(link)
	if err != nil {
		return err
	}
	date := l.Date
	if date == nil {
		date = func(t time.Time) string { return t.Format("2006-01-02") }
	}

	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(margin, margin, margin)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // UTF-8 → cp1252 of the core fonts
	pdf.SetTitle(l.Title+" "+c.Number, true)
	pdf.SetCreator("Asah", true)
	pdf.SetCatalogSort(true) // resources in a fixed order: the same certificate, the same bytes
	if !c.CompletedOn.IsZero() {
		// A fixed date keeps the bytes of one certificate the same on every download.
		pdf.SetCreationDate(c.CompletedOn)
		pdf.SetModificationDate(c.CompletedOn)
	}
	pdf.AddPage()

	// Frame: a thick outer and a thin inner line.
	pdf.SetDrawColor(22, 78, 99)
	pdf.SetLineWidth(1.2)
	pdf.Rect(8, 8, pageW-16, pageH-16, "D")
	pdf.SetLineWidth(0.3)
	pdf.Rect(11, 11, pageW-22, pageH-22, "D")

	width := pageW - 2*margin
	line := func(y float64, style string, size float64, text string) {
		pdf.SetFont("Helvetica", style, size)
		pdf.SetXY(margin, y)
		pdf.CellFormat(width, size*0.45, tr(text), "", 0, "C", false, 0, "")
	}
	pdf.SetTextColor(60, 60, 60)
	if l.Issuer != "" {
		line(20, "B", 12, strings.ToUpper(l.Issuer))
	}
	pdf.SetTextColor(22, 78, 99)
	line(32, "B", 34, l.Title)
	pdf.SetTextColor(60, 60, 60)
	line(49, "", 11, l.Number+": "+c.Number)
	line(62, "", 13, l.Presented)
	pdf.SetTextColor(0, 0, 0)
	line(72, "B", 26, c.Holder)
	pdf.SetTextColor(60, 60, 60)
	line(88, "", 13, l.ForComplete)

	// The program title may need two lines.
	pdf.SetTextColor(0, 0, 0)
	pdf.SetFont("Helvetica", "B", 18)
	pdf.SetXY(margin+20, 97)
	pdf.MultiCell(width-40, 8.5, tr(c.Program), "", "C", false)
	y := pdf.GetY() + 3

	pdf.SetTextColor(60, 60, 60)
	if c.Provider != "" {
		line(y, "", 12, l.Provider+" "+c.Provider)
		y += 8
	}
	period := date(c.StartsOn)
	if !c.EndsOn.IsZero() && !c.EndsOn.Equal(c.StartsOn) {
		period += " – " + date(c.EndsOn)
	}
	line(y, "", 12, fmt.Sprintf("%s: %s · %d %s", l.Period, period, c.JP, l.Hours))
	y += 8
	if !c.CompletedOn.IsZero() {
		line(y, "", 12, l.Completed+": "+date(c.CompletedOn))
	}

	// QR code at the bottom right, drawn as vector squares (sharp in print),
	// with its link clickable in the PDF.
	mods := Modules(code)
	n := len(mods) + 2*QRQuietZone
	cell := qrSize / float64(n)
	qx, qy := pageW-margin-qrSize-4, pageH-margin-qrSize-6
	pdf.SetFillColor(255, 255, 255)
	pdf.Rect(qx, qy, qrSize, qrSize, "F")
	pdf.SetFillColor(0, 0, 0)
	for r, row := range mods {
		for col, dark := range row {
			if dark {
				pdf.Rect(qx+float64(col+QRQuietZone)*cell, qy+float64(r+QRQuietZone)*cell, cell, cell, "F")
			}
		}
	}
	pdf.LinkString(qx, qy, qrSize, qrSize, link)
	pdf.SetTextColor(60, 60, 60)
	pdf.SetFont("Helvetica", "", 8)
	pdf.SetXY(margin+4, pageH-margin-16)
	pdf.MultiCell(qx-margin-10, 4, tr(l.Verify), "", "L", false)
	pdf.SetXY(margin+4, pdf.GetY())
	pdf.SetTextColor(22, 78, 99)
	pdf.CellFormat(qx-margin-10, 4, link, "", 0, "L", false, 0, link)

	if err := pdf.Error(); err != nil {
		return fmt.Errorf("certificate PDF: %v", err)
	}
	return pdf.Output(w)
}
