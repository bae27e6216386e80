package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// assets are the embedded static files, each served at /static/<name>: the
// site's own files from static/ and the vendored libraries from
// static/vendor/ (Apache ECharts; its licence is served beside it). Text
// files are compressed once at start-up, so a phone on a slow intranet
// downloads ECharts as about a third of its size.
type assets struct {
	files map[string]asset
}

type asset struct {
	body  []byte
	gz    []byte // nil when compression does not pay
	ctype string
	url   string // /static/<name>?v=<hash of the content>
}

func loadAssets(static fs.FS) (*assets, error) {
	as := &assets{files: map[string]asset{}}
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := path.Base(p)
		if _, dup := as.files[name]; dup {
			return &fs.PathError{Op: "load", Path: p, Err: fs.ErrExist}
		}
		b, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		a := asset{body: b, ctype: mime.TypeByExtension(path.Ext(name)), url: "/static/" + name + "?v=" + hex.EncodeToString(sum[:6])}
		if a.ctype == "" {
			a.ctype = "application/octet-stream"
		}
		if strings.HasSuffix(name, ".js") {
			a.ctype = "text/javascript; charset=utf-8"
		}
		if len(b) > 1024 && (strings.HasPrefix(a.ctype, "text/") || strings.Contains(a.ctype, "svg")) {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(b)
			zw.Close()
			if buf.Len() < len(b)*9/10 {
				a.gz = buf.Bytes()
			}
		}
		as.files[name] = a
		return nil
	})
	return as, err
}

// url returns the cache-busting URL of a static file.
func (as *assets) url(name string) string {
	if a, ok := as.files[name]; ok {
		return a.url
	}
	panic("web: no static file " + name)
}

// handleStatic serves the embedded files. URLs carry a hash of the content,
// so browsers may keep every file for a year.
func (s *server) handleStatic() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a, ok := s.assets.files[r.PathValue("file")]
		if !ok {
			s.notFound(w, r, "")
			return
		}
		h := w.Header()
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
		h.Set("Content-Type", a.ctype)
		h.Add("Vary", "Accept-Encoding")
		body := a.body
		if a.gz != nil && acceptsGzip(r) {
			h.Set("Content-Encoding", "gzip")
			body = a.gz
		}
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	})
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) != "gzip" {
			continue
		}
		if v, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			if q, err := strconv.ParseFloat(v, 64); err == nil && q == 0 {
				return false
			}
		}
		return true
	}
	return false
}
