package web

import (
	"bytes"
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/demo"
	"asah/internal/store"
)

// demoToday is the reference date of the test database: the app's clock is
// fixed at 10:00 WIB that day.
const demoToday = "2026-11-27"

// site is the real handler over a real SQLite database holding the demo.
type site struct {
	h   http.Handler
	app *app.App
	s   *store.Store
	log *syncBuffer
}

// syncBuffer is a log destination handlers may write to concurrently.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func newSite(t *testing.T) *site {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "asah.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := app.New(s)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	a.Now = func() time.Time { return now }
	s.SetClock(a.Now)
	if err := a.LoadDemo(ctx, demo.Config{Employees: 600, Seed: 1, Today: demoToday}, nil); err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	h := New(a, Options{Demo: true, Log: slog.New(slog.NewTextHandler(logs, nil))})
	return &site{h: h, app: a, s: s, log: logs}
}

// response is what a browser received.
type response struct {
	status int
	header http.Header
	body   string
}

// get requests path with the given cookies ("name=value").
func (st *site) get(t *testing.T, path string, cookies ...string) response {
	t.Helper()
	return serve(t, st.h, path, cookies...)
}

func serve(t *testing.T, h http.Handler, path string, cookies ...string) response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for _, c := range cookies {
		req.Header.Add("Cookie", c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: string(body)}
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
	rowRE   = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellRE  = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	h1RE    = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
)

// text is what a reader sees of an HTML fragment: tags removed, entities
// decoded, white space collapsed.
func text(fragment string) string {
	s := tagRE.ReplaceAllString(fragment, " ")
	s = html.UnescapeString(s)
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// tableAfter returns the body rows of the first table after the marker, each
// as the visible text of its cells.
func tableAfter(t *testing.T, page, marker string) [][]string {
	t.Helper()
	i := strings.Index(page, marker)
	if i < 0 {
		t.Fatalf("page has no %q", marker)
	}
	rest := page[i:]
	start := strings.Index(rest, "<tbody>")
	end := strings.Index(rest, "</tbody>")
	if start < 0 || end < start {
		t.Fatalf("no table after %q", marker)
	}
	var rows [][]string
	for _, m := range rowRE.FindAllStringSubmatch(rest[start:end], -1) {
		var cells []string
		for _, c := range cellRE.FindAllStringSubmatch(m[1], -1) {
			cells = append(cells, text(c[1]))
		}
		rows = append(rows, cells)
	}
	return rows
}

func heading(page string) string {
	m := h1RE.FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return text(m[1])
}
