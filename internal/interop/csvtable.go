// Package interop reads and writes the files other systems exchange with
// Asah: CSV tables exported from spreadsheets and from BKN SIASN.
package interop

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Table is a CSV file read into rows keyed by lower-case header names.
type Table struct {
	Header []string
	Rows   []Row
}

// Row is one data row; Line is its line number in the file (header = 1).
type Row struct {
	Line   int
	Fields map[string]string
}

// Get returns a trimmed field ("" when the column is absent).
func (r Row) Get(col string) string { return strings.TrimSpace(r.Fields[col]) }

// MaxRows bounds one import; bigger files are split by the user.
const MaxRows = 200_000

// ReadTable reads a CSV file as spreadsheets write it: UTF-8 with or without
// a byte-order mark, comma- or semicolon-separated (Excel with Indonesian
// regional settings uses semicolons), a header row naming the columns. It
// checks that every required column is present and that no unknown column
// is (a misspelt header would otherwise be silently ignored).
func ReadTable(r io.Reader, required, optional []string) (*Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, 64<<20+1))
	if err != nil {
		return nil, err
	}
	if len(data) > 64<<20 {
		return nil, errors.New("berkas lebih dari 64 MiB; pecah menjadi beberapa berkas")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, errors.New("berkas bukan teks UTF-8; simpan ulang sebagai \"CSV UTF-8\"")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("berkas kosong")
	}
	first := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		first = data[:i]
	}
	cr := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("baris 1: %v", csvErr(err))
	}
	t := &Table{}
	known := map[string]bool{}
	for _, c := range append(append([]string{}, required...), optional...) {
		known[c] = true
	}
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if h == "" {
			return nil, fmt.Errorf("baris 1: kolom %d tidak bernama", i+1)
		}
		if !known[h] {
			return nil, fmt.Errorf("baris 1: kolom %q tidak dikenal (kolom yang dikenal: %s)", h, strings.Join(append(append([]string{}, required...), optional...), ", "))
		}
		if seen[h] {
			return nil, fmt.Errorf("baris 1: kolom %q muncul dua kali", h)
		}
		seen[h] = true
		t.Header = append(t.Header, h)
	}
	for _, c := range required {
		if !seen[c] {
			return nil, fmt.Errorf("baris 1: kolom wajib %q tidak ada", c)
		}
	}
	for {
		line, _ := cr.FieldPos(0)
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("baris %d: %v", line, csvErr(err))
		}
		line, _ = cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line
		}
		if len(rec) != len(t.Header) {
			return nil, fmt.Errorf("baris %d: %d kolom, seharusnya %d seperti baris judul", line, len(rec), len(t.Header))
		}
		if len(t.Rows) >= MaxRows {
			return nil, fmt.Errorf("lebih dari %d baris; pecah menjadi beberapa berkas", MaxRows)
		}
		row := Row{Line: line, Fields: make(map[string]string, len(rec))}
		for i, v := range rec {
			row.Fields[t.Header[i]] = v
		}
		t.Rows = append(t.Rows, row)
	}
	if len(t.Rows) == 0 {
		return nil, errors.New("berkas tidak berisi baris data")
	}
	return t, nil
}

func csvErr(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
			return "tanda kutip tidak seimbang"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// RowError is a problem with one field of one row.
type RowError struct {
	Line   int
	Column string
	Msg    string
}

func (e RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("baris %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("baris %d, kolom %s: %s", e.Line, e.Column, e.Msg)
}

// RowErrors collects the problems of a file; an import with any is refused whole.
type RowErrors []RowError

// MaxReported bounds the errors listed for one file.
const MaxReported = 50

func (es RowErrors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d kesalahan, tidak ada yang disimpan:", len(es))
	for i, e := range es {
		if i == MaxReported {
			fmt.Fprintf(&b, "\n  … dan %d lainnya", len(es)-MaxReported)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}
