package store

// codedError is one of the store's errors with the code and arguments of
// the officer's words (package i18n reads ErrorCode): kind is the
// sentinel it is, text its English.
type codedError struct {
	kind error
	code string
	args []any
	text string
}

func (e *codedError) Error() string              { return e.text }
func (e *codedError) Unwrap() error              { return e.kind }
func (e *codedError) ErrorCode() (string, []any) { return e.code, e.args }
