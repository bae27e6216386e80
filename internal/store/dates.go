package store

import (
	"fmt"
	"time"
)

// Dates travel as ISO text: SQLite stores them as TEXT, PostgreSQL casts the
// text to DATE. Timestamps travel as UTC RFC 3339 with nanoseconds.

const isoDate = "2006-01-02"

func dateArg(t time.Time) string { return t.UTC().Format(isoDate) }

func timeArg(s *Store, t time.Time) any {
	if s.engine == SQLite {
		return t.UTC().Format(time.RFC3339Nano)
	}
	return t.UTC()
}

// dateCol scans a DATE (PostgreSQL) or ISO TEXT (SQLite) column.
type dateCol struct{ t *time.Time }

func (d dateCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d.t = time.Time{}
	case time.Time:
		*d.t = time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		return d.parse(v)
	case []byte:
		return d.parse(string(v))
	default:
		return fmt.Errorf("date column: unexpected %T", src)
	}
	return nil
}

func (d dateCol) parse(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	t, err := time.Parse(isoDate, s)
	if err != nil {
		return fmt.Errorf("date column: %v", err)
	}
	*d.t = t
	return nil
}

// timeCol scans a TIMESTAMPTZ (PostgreSQL) or RFC 3339 TEXT (SQLite) column.
type timeCol struct{ t *time.Time }

func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case time.Time:
		*c.t = v.UTC()
	case string:
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			return fmt.Errorf("time column: %v", err)
		}
		*c.t = t
	case []byte:
		return c.Scan(string(v))
	default:
		return fmt.Errorf("time column: unexpected %T", src)
	}
	return nil
}

// dayStart gives the argument for the start of an ISO day plus n days (UTC),
// for comparisons with timestamp columns; an invalid day compares as the epoch.
func (s *Store) dayStart(day string, n int) any {
	t, err := time.Parse(isoDate, day)
	if err != nil {
		t = time.Unix(0, 0)
	}
	return timeArg(s, t.AddDate(0, 0, n))
}
