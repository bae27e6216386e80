package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"asah/internal/app"
)

// The error codes of the JSON error object. App codes keep their names.
const (
	codeBadRequest       = "bad_request"
	codeUnauthenticated  = "unauthenticated"
	codeForbidden        = "forbidden"
	codeNotFound         = "not_found"
	codeMethodNotAllowed = "method_not_allowed"
	codeConflict         = "conflict"
	codeTooLarge         = "payload_too_large"
	codeMediaType        = "unsupported_media_type"
	codeInvalid          = "invalid"
	codeThrottled        = "throttled"
	codeInternal         = "internal"
)

// maxBody bounds a request body.
const maxBody = 64 << 10

// httpError is an error the API itself raises about a request (bad JSON, a
// bad parameter, no token), with its status.
type httpError struct {
	status  int
	code    string
	message string
	fields  map[string]string
}

func (e *httpError) Error() string { return e.message }

func badRequest(msg string, fields map[string]string) error {
	return &httpError{status: http.StatusBadRequest, code: codeBadRequest, message: msg, fields: fields}
}

// errorBody is the one shape of every error response.
type errorBody struct {
	Error errorObject `json:"error"`
}

type errorObject struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields"`
}

// statusOf maps an app error code to an HTTP status: the one place where
// that happens for the API.
func statusOf(c app.Code) (int, string) {
	switch c {
	case app.CodeInvalid:
		return http.StatusUnprocessableEntity, codeInvalid
	case app.CodeNotFound:
		return http.StatusNotFound, codeNotFound
	case app.CodeForbidden:
		return http.StatusForbidden, codeForbidden
	case app.CodeConflict:
		return http.StatusConflict, codeConflict
	case app.CodeUnauthenticated:
		return http.StatusUnauthorized, codeUnauthenticated
	case app.CodeThrottled:
		return http.StatusTooManyRequests, codeThrottled
	}
	return http.StatusInternalServerError, codeInternal
}

// fail writes err as the JSON error object. App and request errors keep
// their message (written for the user, in Bahasa Indonesia); anything else
// is logged with the route pattern only and answered with a generic 500, so
// that no internal detail reaches the client and no URL, query or body
// reaches the log.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	var ae *app.Error
	switch {
	case errors.As(err, &he):
		if he.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="asah"`)
		}
		writeError(w, he.status, he.code, he.message, he.fields)
		return
	case errors.As(err, &ae):
		status, code := statusOf(ae.Code)
		if status != http.StatusInternalServerError {
			if status == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="asah", error="invalid_token"`)
			}
			if status == http.StatusTooManyRequests && w.Header().Get("Retry-After") == "" {
				w.Header().Set("Retry-After", "60")
			}
			writeError(w, status, code, ae.Message, ae.Fields)
			return
		}
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client went away; nobody reads an answer.
		return
	}
	s.log.Error("api: request failed", "route", r.Pattern, "err", redact(err.Error()))
	writeError(w, http.StatusInternalServerError, codeInternal, "Terjadi kesalahan pada server. Silakan coba lagi nanti.", nil)
}

// Quoted text and long digit runs in a driver's message may be input
// values (a name, a NIP): they are masked before an error is logged.
var (
	quotedRE = regexp.MustCompile(`"[^"]*"|'[^']*'`)
	digitsRE = regexp.MustCompile(`[0-9]{8,}`)
)

func redact(msg string) string {
	return digitsRE.ReplaceAllString(quotedRE.ReplaceAllString(msg, `"…"`), "…")
}

func writeError(w http.ResponseWriter, status int, code, msg string, fields map[string]string) {
	if fields == nil {
		fields = map[string]string{}
	}
	writeJSON(w, status, errorBody{Error: errorObject{Code: code, Message: msg, Fields: fields}})
}

// writeJSON encodes v completely before writing anything, so that an
// encoding failure can still become a clean 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"Terjadi kesalahan pada server. Silakan coba lagi nanti.","fields":{}}}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// decodeJSON reads one JSON object of at most maxBody bytes into dst,
// rejecting unknown fields and trailing data.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			return &httpError{status: http.StatusUnsupportedMediaType, code: codeMediaType,
				message: "Content-Type harus application/json"}
		}
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return jsonError(err)
		}
		return badRequest("badan permintaan harus berisi tepat satu objek JSON", nil)
	}
	return nil
}

// jsonError explains a decoding failure without echoing the body.
func jsonError(err error) error {
	var mbe *http.MaxBytesError
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return &httpError{status: http.StatusRequestEntityTooLarge, code: codeTooLarge,
			message: fmt.Sprintf("badan permintaan melebihi %d KiB", maxBody>>10)}
	case errors.Is(err, io.EOF):
		return badRequest("badan permintaan kosong: kirim satu objek JSON", nil)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("JSON tidak lengkap", nil)
	case errors.As(err, &syn):
		return badRequest(fmt.Sprintf("JSON tidak valid pada posisi %d", syn.Offset), nil)
	case errors.As(err, &typ):
		if typ.Field != "" {
			return badRequest(fmt.Sprintf("kolom %q bertipe salah (harus %s)", typ.Field, jsonType(typ.Type.Kind().String())),
				map[string]string{typ.Field: "tipe salah"})
		}
		return badRequest("badan permintaan harus berupa objek JSON", nil)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return badRequest(fmt.Sprintf("kolom %q tidak dikenal", name), map[string]string{name: "tidak dikenal"})
	}
	return badRequest("JSON tidak valid", nil)
}

func jsonType(kind string) string {
	switch kind {
	case "int", "int64", "int32":
		return "bilangan bulat"
	case "string":
		return "teks"
	}
	return kind
}
