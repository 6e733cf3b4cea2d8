package central

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"testing"
	"time"

	"examday/i18n"
)

// Every failure of the client a laptop's officer can be shown names words
// of the catalogue, and reads in them, not in the client's or the
// system's English (package i18n checks those words have no English).
func TestEveryClientFailureHasTheOfficersWords(t *testing.T) {
	dial := func(errno error) error {
		return &net.OpError{Op: "dial", Net: "tcp", Err: &os.SyscallError{Syscall: "connect", Err: errno}}
	}
	transient := func(err error) error { return &clientTransient{err: err, reached: true} }
	cases := map[string]error{
		"central.busy":               transient(&clientServerError{status: 503, reason: "no room"}),
		"central.too_slow":           transient(&clientServerError{status: 408, reason: "slow"}),
		"central.failed":             transient(&clientServerError{status: 500, reason: "Internal Server Error"}),
		"central.net.unknown_host":   transient(&net.DNSError{Err: "no such host", Name: "central.exam", IsNotFound: true}),
		"central.net.timeout":        transient(fmt.Errorf("awaiting headers: %w", context.DeadlineExceeded)),
		"central.net.refused":        transient(dial(syscall.ECONNREFUSED)),
		"central.net.cut_off":        transient(io.ErrUnexpectedEOF),
		"central.net.other":          transient(errors.New("something of the network")),
		"central.bad_answer":         transient(failure("central.bad_answer", nil, errors.New("the answer is not readable"))),
		"central.gave_up":            &GaveUpError{Attempts: 3, Elapsed: 4 * time.Second, Last: transient(dial(syscall.ECONNREFUSED))},
		"central.refused":            &RefusedError{Status: 403, Body: ErrorBody{Error: "the token was used already", Check: CheckToken}},
		"central.receipt.none":       &ReceiptError{Reason: "there is none", code: "central.receipt.none"},
		"central.receipt.size_file":  &ReceiptError{Reason: "it is for 9 events, and this file holds 7", code: "central.receipt.size_file", args: []any{int64(9), int64(7)}},
		"central.receipt.unverified": &ReceiptError{Reason: "the receipt's text is not a receipt"},
		"central.receipt_not_kept":   failure("central.receipt_not_kept", []any{int64(5), errors.New("disk")}, errors.New("could not be kept")),
		"central.not_enrolled":       fmt.Errorf("sync: %w", ErrNotEnrolled),
		"central.answer_lost":        ErrAnswerLost,
		"central.tls":                failure("central.tls", nil, errors.New("x509: certificate signed by unknown authority")),
	}
	for want, err := range cases {
		var c interface{ ErrorCode() (string, []any) }
		if !errors.As(err, &c) {
			t.Errorf("%s: %v names no words", want, err)
			continue
		}
		if key, _ := c.ErrorCode(); key != want {
			t.Errorf("%v: words %q, want %q", err, key, want)
		}
		if !i18n.Has(want) || !i18n.Complete(want) {
			t.Errorf("%s has no words in every language", want)
		}
		for _, l := range []i18n.Lang{i18n.RU, i18n.KK} {
			if got := i18n.New(l).Error(err); got == err.Error() {
				t.Errorf("%s %s: %q is the client's English", want, l, got)
			}
		}
	}
	// The errors stay what they were for errors.Is and for logs.
	if err := cases["central.not_enrolled"]; !errors.Is(err, ErrNotEnrolled) || err.Error() != "sync: this hall file is not enrolled with a central record" {
		t.Errorf("%v", err)
	}
}
