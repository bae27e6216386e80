package learning

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Fault is one problem of an input: the field at fault and why, in Bahasa
// Indonesia.
type Fault struct {
	Field string
	Msg   string
}

// Faults lists every problem of one input, so that a form can show each
// next to its field. Validate methods return nil or a Faults.
type Faults []Fault

func (fs Faults) Error() string {
	msgs := make([]string, len(fs))
	for i, f := range fs {
		msgs[i] = f.Msg
	}
	return strings.Join(msgs, "; ")
}

// Fields maps each field to its first message.
func (fs Faults) Fields() map[string]string {
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		if _, ok := m[f.Field]; !ok {
			m[f.Field] = f.Msg
		}
	}
	return m
}

func (fs *Faults) add(field, format string, args ...any) {
	*fs = append(*fs, Fault{Field: field, Msg: fmt.Sprintf(format, args...)})
}

func (fs Faults) err() error {
	if len(fs) == 0 {
		return nil
	}
	return fs
}

// text checks a free-text field: required when req, at most max characters.
func (fs *Faults) text(field, label, v string, max int, req bool) {
	v = strings.TrimSpace(v)
	switch {
	case v == "" && req:
		fs.add(field, "%s wajib diisi", label)
	case utf8.RuneCountInString(v) > max:
		fs.add(field, "%s paling banyak %d karakter", label, max)
	}
}

// code checks an identifier: required, 2–40 characters of letters, digits,
// '.', '-', '_' and '/' (agreement numbers carry slashes).
func (fs *Faults) code(field, label, v string, slash bool) {
	if strings.TrimSpace(v) == "" {
		fs.add(field, "%s wajib diisi", label)
		return
	}
	if len(v) < 2 || len(v) > 40 {
		fs.add(field, "%s harus 2–40 karakter", label)
		return
	}
	for _, r := range v {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_' || slash && r == '/'
		if !ok {
			allowed := "huruf, angka, titik, tanda hubung, dan garis bawah"
			if slash {
				allowed = "huruf, angka, titik, tanda hubung, garis bawah, dan garis miring"
			}
			fs.add(field, "%s hanya boleh berisi %s (tanpa spasi)", label, allowed)
			return
		}
	}
}

const (
	maxName = 200
	maxText = 4000
)
