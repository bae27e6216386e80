// Package report writes exports (CSV now; XLSX and PDF later) that are safe
// to open in a spreadsheet.
package report

import "strings"

// SafeCell neutralises a value that a spreadsheet would run as a formula
// (leading =, +, -, @, tab or carriage return) by prefixing an apostrophe.
// Plain numbers such as "-2" are left alone so that gaps stay numeric.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if isNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

func isNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if s == "" {
		return false
	}
	dot := false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return true
}
