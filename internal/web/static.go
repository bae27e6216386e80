package web

import (
	"io/fs"
	"net/http"
)

// handleStatic serves the embedded CSS and images. The stylesheet URL carries
// a hash of its content, so browsers may keep every file for a year.
func (s *server) handleStatic() http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(s.static))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("file")
		if st, err := fs.Stat(s.static, name); err != nil || st.IsDir() {
			s.notFound(w, r, "")
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		files.ServeHTTP(w, r)
	})
}
