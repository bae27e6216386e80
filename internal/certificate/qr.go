package certificate

import (
	"fmt"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// QRQuietZone is the blank margin around a QR code, in modules (ISO/IEC
// 18004 asks for four).
const QRQuietZone = 4

// QR encodes a link as a QR code with error correction level M (15 % of
// the code may be damaged: a stamped or folded paper still scans).
func QR(link string) (barcode.Barcode, error) {
	code, err := qr.Encode(link, qr.M, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("QR code: %v", err)
	}
	return code, nil
}

// Modules returns a QR code's dark modules as a square matrix (row-major,
// without the quiet zone).
func Modules(code barcode.Barcode) [][]bool {
	b := code.Bounds()
	out := make([][]bool, b.Dy())
	for y := range out {
		out[y] = make([]bool, b.Dx())
		for x := range out[y] {
			r, _, _, _ := code.At(b.Min.X+x, b.Min.Y+y).RGBA()
			out[y][x] = r < 0x8000
		}
	}
	return out
}
