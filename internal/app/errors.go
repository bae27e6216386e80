package app

import "errors"

// Code classifies an error for every surface (CLI exit, HTTP status, JSON).
type Code string

const (
	CodeInvalid   Code = "invalid"
	CodeNotFound  Code = "not_found"
	CodeForbidden Code = "forbidden"
	CodeConflict  Code = "conflict"
	// CodeUnauthenticated: no valid login (wrong password, unknown or
	// disabled account, expired session, bad API token).
	CodeUnauthenticated Code = "unauthenticated"
	// CodeThrottled: too many failed logins; try again later.
	CodeThrottled Code = "throttled"
	// CodeTOTPRequired: the password was right and the account has a second
	// factor; ask for the authenticator code and log in again with it.
	CodeTOTPRequired Code = "totp_required"
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
