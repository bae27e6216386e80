package web

import (
	"math"
	"strconv"
	"strings"
	"time"

	"asah/internal/people"
)

// separators returns the thousands and decimal separators of a language:
// 1.234,5 in Bahasa Indonesia, 1,234.5 in English.
func separators(lang string) (thousands, decimal byte) {
	if lang == "en" {
		return ',', '.'
	}
	return '.', ','
}

// formatInt writes an integer with thousands separators.
func formatInt(n int, lang string) string {
	th, _ := separators(lang)
	return groupDigits(strconv.FormatInt(int64(n), 10), th)
}

func groupDigits(s string, sep byte) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// formatDecimal writes v ≥ 0 with the given number of decimals, truncated
// rather than rounded: a JPM of 79,96 shows as 79,9 and never as 80,0, so the
// figure and its category (MMS below 80) never disagree. A tiny allowance
// absorbs binary representation error (70.3 × 10 is 702.999…).
func formatDecimal(v float64, decimals int, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	scale := math.Pow10(decimals)
	n := int64(math.Floor(v*scale + 1e-7))
	th, dec := separators(lang)
	whole := groupDigits(strconv.FormatInt(n/int64(scale), 10), th)
	if neg && n != 0 {
		whole = "−" + whole
	}
	if decimals == 0 {
		return whole
	}
	frac := strconv.FormatInt(n%int64(scale), 10)
	frac = strings.Repeat("0", decimals-len(frac)) + frac
	return whole + string(dec) + frac
}

// formatPercent writes a percentage given as 0..100 with one decimal: "81,8%".
func formatPercent(v float64, lang string) string {
	return formatDecimal(v, 1, lang) + "%"
}

// formatDate writes a civil date: "27 November 2026" in both languages, with
// the month named in the language; the zero date is "–".
func formatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return "–"
	}
	if lang == "en" {
		return t.Format("2 January 2006")
	}
	return people.FormatDateID(t)
}

// barClass names the CSS class that draws a bar of share 0..1 (w0 … w100);
// the page cannot set a width inline because the CSP forbids inline styles.
func barClass(share float64) string {
	p := int(math.Floor(share*100 + 1e-9))
	p = max(0, min(100, p))
	return "w" + strconv.Itoa(p)
}

// displayName is the name with the academic titles: "Dr. Siti Rahma, S.T., M.T.".
func displayName(e people.Employee) string {
	n := e.Name
	if f := strings.TrimSpace(e.FrontTitle); f != "" {
		n = f + " " + n
	}
	if b := strings.TrimSpace(e.BackTitle); b != "" {
		n += ", " + b
	}
	return n
}

// formatGap writes a gap with its sign: "+1", "0", "−2" (a true minus sign).
func formatGap(g int) string {
	switch {
	case g > 0:
		return "+" + strconv.Itoa(g)
	case g < 0:
		return "−" + strconv.Itoa(-g)
	}
	return "0"
}

// formatSigned writes v with its sign and the given decimals, truncated
// toward zero like formatDecimal: "+0,5", "0,0", "−1,2".
func formatSigned(v float64, decimals int, lang string) string {
	s := formatDecimal(math.Abs(v), decimals, lang)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "–"
	case strings.Trim(s, "0.,") == "":
		return s
	case v < 0:
		return "−" + s
	}
	return "+" + s
}
