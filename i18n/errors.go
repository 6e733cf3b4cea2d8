package i18n

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"

	"examday/admission"
	"examday/barcode"
	"examday/bundle"
	"examday/exam"
	"examday/store"
	"examday/store/boltfile"
)

// How an error reaches the officer in words. The packages that check
// things give their errors codes and arguments, as the rules give a
// Refusal; the catalogue words each code, and keeps the English of the
// error itself for logs and tests:
//
//   - exam.Refusal, exam.RosterError and barcode.Error: "refusal.",
//     "roster." and "barcode." + code;
//   - the admission campaign's admission.Refusal, CampaignError and
//     ApplicantsError: "admission.", "campaign." and "applicants." + code,
//     a line per problem (admission.go);
//   - store.ChainError: what the log's check found, "store.chain." + code,
//     at its event;
//   - store.StateError: the record and field where the state kept beside
//     the log differs from it, and the two values, in words (state.go);
//   - bundle.Error: which line failed which check, "bundle.reason." + code;
//   - the store's sentinels (ErrDamaged, ErrKeyMissing …): storeWords;
//   - an error with an ErrorCode method (package central declares them:
//     its client's failures, a refusal by its check): its code is its key;
//   - a file or disk the system refuses (fs.ErrPermission, ENOSPC …).
//
// A code without words, or an error of none of these, shows its English.

// coded is an error that names its own words: ErrorCode is the key of the
// catalogue and the arguments its words take.
type coded interface {
	error
	ErrorCode() (key string, args []any)
}

// storeWords are the words of the store's sentinels, which every error of
// opening or writing the hall file wraps.
var storeWords = []struct {
	err error
	key string
}{
	{store.ErrInUse, "store.in_use"},
	{store.ErrNotFound, "store.not_found"},
	{store.ErrNotExamday, "store.not_examday"},
	{store.ErrDamaged, "store.damaged"},
	{store.ErrNewerSchema, "store.newer_schema"},
	{store.ErrOldSchema, "store.old_schema"},
	{store.ErrReadOnly, "store.read_only"},
	{store.ErrCannotWrite, "store.cannot_write"},
	{store.ErrOpenedToRead, "store.opened_to_read"},
	{store.ErrStateDiffers, "store.state_differs"},
	{store.ErrKeyMissing, "store.key_missing"},
	{store.ErrKeyMismatch, "store.key_mismatch"},
	{store.ErrKeyExists, "store.key_exists"},
	{store.ErrExists, "store.exists"},
	{store.ErrUnsigned, "store.unsigned"},
	{store.ErrMigrateSource, "store.migrate_source"},
}

// systemWords are the words of what the system says of a file or a disk.
var systemWords = []struct {
	err error
	key string
}{
	{fs.ErrNotExist, "os.not_exist"},
	{fs.ErrExist, "os.exist"},
	{fs.ErrPermission, "os.permission"},
	{syscall.ENOSPC, "os.no_space"},
	{syscall.EROFS, "os.read_only_disk"},
}

// outermost is the words of the outermost error of err's chain that the
// catalogue knows: "writing the report: %w" of a full disk reads as the
// full disk; a refusal wrapped in "mark arrival: %w" as the refusal.
func (c Catalogue) outermost(err error) (string, bool) {
	for err != nil {
		if words, ok := c.known(err); ok {
			return words, true
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if words, ok := c.outermost(e); ok {
					return words, true
				}
			}
			return "", false
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		default:
			return "", false
		}
	}
	return "", false
}

// known is the words of err itself, not of what it wraps.
func (c Catalogue) known(err error) (string, bool) {
	switch e := err.(type) {
	case *exam.Refusal:
		return c.T("refusal."+e.Code, e.Args...), true
	case *barcode.Error:
		return c.T("barcode."+e.Code, e.Args...), true
	case *exam.RosterError:
		lines := []string{c.T("roster.header", len(e.Problems))}
		for _, p := range e.Problems {
			lines = append(lines, c.T("roster.line", p.Line, c.T("roster."+p.Code, p.Args...)))
		}
		return strings.Join(lines, "\n"), true
	case *admission.Refusal:
		return c.T("admission."+e.Code, e.Args...), true
	case *admission.CampaignError:
		return c.admissionProblems("campaign.", e.Problems, true), true
	case *admission.ApplicantsError:
		// A row's problem names its column in its words.
		return c.admissionProblems("applicants.", e.Problems, false), true
	case *store.ChainError:
		return c.T("store.chain_error", e.Seq, c.ChainReason(e)), true
	case *store.StateError:
		return c.T("store.state_error", c.stateWhere(e), c.stateValue(e, e.Log), c.stateValue(e, e.State)), true
	case *bundle.Error:
		return c.bundleError(e), true
	case *boltfile.Error:
		// The file's path is said by the words around it; the detail is
		// bbolt's, but for a file in use, whose detail is who holds it.
		if e.Detail != "" && errors.Is(e.Kind, store.ErrInUse) {
			return c.T("store.in_use_by", e.Detail), true
		}
		return c.known(e.Kind)
	case coded:
		if key, args := e.ErrorCode(); Has(key) {
			return c.T(key, args...), true
		}
		return "", false
	case *fs.PathError:
		if words, ok := c.system(e.Err); ok {
			return c.T("os.path", e.Path, words), true
		}
		return "", false
	case syscall.Errno:
		return c.system(e)
	}
	for _, w := range storeWords {
		if err == w.err {
			return c.T(w.key), true
		}
	}
	for _, w := range systemWords {
		if err == w.err {
			return c.T(w.key), true
		}
	}
	return "", false
}

// system is the words of what the system said, if the catalogue knows it.
func (c Catalogue) system(err error) (string, bool) {
	for _, w := range systemWords {
		if errors.Is(err, w.err) {
			return c.T(w.key), true
		}
	}
	return "", false
}

// ChainReason is what the check of a hall file's log found at e.Seq, in
// words: the reason alone, for a sentence that says the event itself (the
// screen's read-only banner). A ChainError that names no code has only
// its English Reason.
func (c Catalogue) ChainReason(e *store.ChainError) string {
	if key := "store.chain." + e.Code; e.Code != "" && Has(key) {
		return c.T(key, e.Args...)
	}
	return e.Reason
}

// bundleError says which line of a bundle failed which check, and why.
func (c Catalogue) bundleError(e *bundle.Error) string {
	check := string(e.Check)
	if key := "bundle.check." + check; Has(key) {
		check = c.T(key)
	}
	reason := e.Reason
	if key := "bundle.reason." + e.Code; e.Code != "" && Has(key) {
		reason = c.T(key, e.Args...)
	}
	switch {
	case e.Line > 0 && e.Seq > 0:
		return c.T("cli.bundle.error_event", e.Line, e.Seq, check, reason)
	case e.Line > 0:
		return c.T("cli.bundle.error_line", e.Line, check, reason)
	}
	return c.T("cli.bundle.error", check, reason)
}
