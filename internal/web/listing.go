package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// sortParams reads sort and dir from the query, keeping only allow-listed
// columns ("" when absent or unknown) and directions (the column's own
// default when absent or unknown).
func sortParams(r *http.Request, allowed map[string]string) (by, dir string) {
	q := r.URL.Query()
	by = q.Get("sort")
	def, ok := allowed[by]
	if !ok {
		return "", ""
	}
	dir = q.Get("dir")
	if dir != "asc" && dir != "desc" {
		dir = def
	}
	return by, dir
}

// sortLinks builds the header link of every sortable column: a column not
// sorted now starts in its default direction, the sorted one flips.
func sortLinks(path string, base url.Values, allowed map[string]string, by, dir string) map[string]sortLink {
	out := make(map[string]sortLink, len(allowed))
	for col, def := range allowed {
		v := url.Values{}
		for k, vs := range base {
			v[k] = vs
		}
		next, aria := def, ""
		if col == by {
			aria = "ascending"
			if dir == "desc" {
				aria = "descending"
			}
			next = "asc"
			if dir == "asc" {
				next = "desc"
			}
		}
		v.Set("sort", col)
		v.Set("dir", next)
		out[col] = sortLink{URL: path + "?" + v.Encode(), Aria: aria}
	}
	return out
}

// pager is one page of a list.
type pager struct {
	Page, Pages     int
	Total, From, To int // From and To count from 1; 0 when empty
	Prev, Next      string
}

// paginate clamps the requested page (1 when absent or invalid, the last
// when beyond) and links the neighbours, keeping the other parameters.
func paginate(r *http.Request, path string, base url.Values, total, size int) pager {
	p := pager{Total: total, Pages: max(1, (total+size-1)/size)}
	p.Page, _ = strconv.Atoi(r.URL.Query().Get("page"))
	p.Page = max(1, min(p.Page, p.Pages))
	if total > 0 {
		p.From = (p.Page-1)*size + 1
		p.To = min(total, p.Page*size)
	}
	link := func(n int) string {
		v := url.Values{}
		for k, vs := range base {
			v[k] = vs
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return path
		}
		return path + "?" + v.Encode()
	}
	if p.Page > 1 {
		p.Prev = link(p.Page - 1)
	}
	if p.Page < p.Pages {
		p.Next = link(p.Page + 1)
	}
	return p
}

// sortLink is a sortable column header: where it leads and how the column
// is sorted now ("ascending", "descending" or "" for aria-sort).
type sortLink struct {
	URL  string
	Aria string
}

// lastIfMissing orders present values before missing ones.
func lastIfMissing(a, b bool) int {
	switch {
	case a && !b:
		return -1
	case !a && b:
		return 1
	}
	return 0
}
