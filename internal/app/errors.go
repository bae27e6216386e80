package app

import "errors"

// Code classifies an error for every surface (CLI exit, HTTP status, JSON).
type Code string

const (
	CodeInvalid   Code = "invalid"
	CodeNotFound  Code = "not_found"
	CodeForbidden Code = "forbidden"
	CodeConflict  Code = "conflict"
)

// Error is an error a user can act on; Message is in Bahasa Indonesia and
// Fields names the fields at fault.
type Error struct {
	Code    Code
	Message string
	Fields  map[string]string
}

func (e *Error) Error() string { return e.Message }

// Invalid builds a validation error.
func Invalid(msg string) *Error { return &Error{Code: CodeInvalid, Message: msg} }

// NotFound builds a not-found error.
func NotFound(msg string) *Error { return &Error{Code: CodeNotFound, Message: msg} }

// ErrorCode extracts the code of an app error ("" for others).
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
