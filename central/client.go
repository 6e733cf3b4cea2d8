package central

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/store"
)

// The laptop's side of the hand-over: enrolment and sync.
//
// Sync pushes what the central record does not hold yet, from the size it
// acknowledges, and keeps its signed receipt: only a receipt, verified
// against the key the central record gave at enrolment and against this
// file's own tree, marks events as delivered. A push whose answer was lost
// may or may not have been stored; it is never guessed at. Before every
// push, the first and each retry, the client asks the central record what
// it holds, so a retry sends only what is still missing — and if the
// central record took the bundle after all, it answers a bundle sent
// again as a duplicate, and the tail of one it took in part as an append,
// so a retry can neither lose nor duplicate an event.

// ClientTimeout bounds one request: a hall's whole day is a bundle of a
// few megabytes at most.
const ClientTimeout = 2 * time.Minute

// clientMaxAnswer is the most of an answer that is read: every answer is a small
// JSON object.
const clientMaxAnswer = 1 << 20

// Retry bounds how a request that failed on the way is tried again: with
// exponential back-off, with jitter so that laptops cut off together do
// not come back together, capped, and for a bounded number of tries and
// time. A zero field takes its default.
type Retry struct {
	// Attempts is the number of tries in all, the first included (8).
	Attempts int
	// Initial is the wait after the first failure (500 ms); each next one
	// doubles, up to Max.
	Initial time.Duration
	// Max caps one wait (30 s).
	Max time.Duration
	// Total caps the time from the first try to the start of the last
	// (5 min).
	Total time.Duration
}

func (r Retry) withDefaults() Retry {
	if r.Attempts <= 0 {
		r.Attempts = 8
	}
	if r.Initial <= 0 {
		r.Initial = 500 * time.Millisecond
	}
	if r.Max <= 0 {
		r.Max = 30 * time.Second
	}
	if r.Total <= 0 {
		r.Total = 5 * time.Minute
	}
	return r
}

// wait is the pause after the n-th failure (1-based): half the back-off
// for sure and the other half at random ("equal jitter"), so the wait
// still grows and never drops to nothing.
func (r Retry) wait(n int) time.Duration {
	d := r.Initial
	for i := 1; i < n && d < r.Max; i++ {
		d *= 2
	}
	d = min(d, r.Max)
	return d/2 + rand.N(d/2+1)
}

// RetryNotice tells of a failure that is tried again.
type RetryNotice struct {
	Attempt  int           // the try that failed, 1-based
	Attempts int           // tries in all
	Wait     time.Duration // before the next
	// RetryAfter is the wait the central record asked for (a busy 503
	// with Retry-After); 0 when it did not, and the back-off decided.
	RetryAfter time.Duration
	Err        error
}

// Client talks to one central record.
type Client struct {
	// URL is the central record's base URL ("https://central:8750").
	URL string
	// HTTP does the requests; nil is a client with ClientTimeout.
	HTTP  *http.Client
	Retry Retry
	// OnRetry, if set, is told of each failure before the wait.
	OnRetry func(RetryNotice)
	// Now is the laptop's clock, for when a receipt came; nil is time.Now.
	Now func() time.Time
}

var clientDefaultHTTP = &http.Client{Timeout: ClientTimeout}

func (c *Client) http() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return clientDefaultHTTP
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

var (
	// ErrNotEnrolled: sync of a file not enrolled with a central record.
	ErrNotEnrolled error = failure("central.not_enrolled", nil, errors.New("this hall file is not enrolled with a central record"))
	// ErrAnswerLost: an enrolment reached the central record, or may have,
	// but its answer did not come back, and the next try was refused: the
	// lost one may have used the token.
	ErrAnswerLost error = failure("central.answer_lost", nil, errors.New("the central record's answer was lost"))
)

// RefusedError is an answer of the central record that refuses the
// request and says why (400, 403, 404, 409, 413, 422): it is never tried
// again, for the same request would be refused the same way. A busy
// server (503, 429) or a request cut off as too slow (408) is not a
// refusal: it is tried again.
type RefusedError struct {
	Status int
	Body   ErrorBody
}

// ErrorCode names the officer's words for a refusal (package i18n): the
// central record's reason is its own, in English; what each kind of
// refusal (Body.Check) means is worded by the command that shows it.
func (e *RefusedError) ErrorCode() (string, []any) { return "central.refused", []any{e.Status} }

func (e *RefusedError) Error() string {
	reason := e.Body.Error
	if reason == "" {
		reason = http.StatusText(e.Status)
	}
	if e.Body.Check != "" {
		return fmt.Sprintf("the central record refused it (HTTP %d, %s): %s", e.Status, e.Body.Check, reason)
	}
	return fmt.Sprintf("the central record refused it (HTTP %d): %s", e.Status, reason)
}

// clientTransient is a failure on the way — the network, a timeout, a
// server error, an answer cut short — after which the request may be
// tried again.
type clientTransient struct {
	err error
	// reached: the request may have reached the central record.
	reached bool
	// retryAfter is the wait the central record asked for; 0 if none.
	retryAfter time.Duration
}

func (e *clientTransient) Error() string { return e.err.Error() }
func (e *clientTransient) Unwrap() error { return e.err }

// ErrorCode names the officer's words for a failure on the way (package
// i18n): the client's own, or what kind of failure of the network it is;
// the system's own words for it are English.
func (e *clientTransient) ErrorCode() (string, []any) {
	var own interface{ ErrorCode() (string, []any) }
	var dns *net.DNSError
	var timeout interface{ Timeout() bool }
	switch {
	case errors.As(e.err, &own):
		return own.ErrorCode()
	case errors.As(e.err, &dns):
		return "central.net.unknown_host", []any{dns.Name}
	case errors.Is(e.err, context.DeadlineExceeded) || errors.As(e.err, &timeout) && timeout.Timeout():
		return "central.net.timeout", nil
	case errors.Is(e.err, syscall.ECONNREFUSED):
		return "central.net.refused", nil
	case errors.Is(e.err, io.EOF) || errors.Is(e.err, io.ErrUnexpectedEOF) || errors.Is(e.err, syscall.ECONNRESET):
		return "central.net.cut_off", nil
	}
	return "central.net.other", nil
}

// clientFailure is an error of the client's own with the code of its
// words (package i18n); err is its English and its cause.
type clientFailure struct {
	code string
	args []any
	err  error
}

func (e *clientFailure) Error() string              { return e.err.Error() }
func (e *clientFailure) Unwrap() error              { return e.err }
func (e *clientFailure) ErrorCode() (string, []any) { return e.code, e.args }

func failure(code string, args []any, err error) error { return &clientFailure{code, args, err} }

// GaveUpError: the tries or the time allowed ran out; Last is the last
// failure. Nothing was marked as delivered.
type GaveUpError struct {
	Attempts int
	Elapsed  time.Duration
	Last     error
}

func (e *GaveUpError) Error() string {
	return fmt.Sprintf("gave up after %d tries in %s: %v", e.Attempts, e.Elapsed.Round(time.Millisecond), e.Last)
}
func (e *GaveUpError) Unwrap() error { return e.Last }

// ErrorCode names the officer's words (package i18n); Last is worded in
// them too, and the time spent (a time.Duration) in words of the language.
func (e *GaveUpError) ErrorCode() (string, []any) {
	return "central.gave_up", []any{e.Attempts, e.Elapsed.Round(time.Millisecond), e.Last}
}

// ReceiptError: the central record's receipt does not verify (its
// signature, its log, or its root against this file's own tree). It is not
// kept, and nothing is marked as delivered.
type ReceiptError struct {
	Reason string
	// code and args name the officer's words for Reason (package i18n).
	code string
	args []any
}

func (e *ReceiptError) Error() string {
	return "the central record's receipt does not verify: " + e.Reason
}

// ErrorCode names the officer's words for what is wrong with the receipt.
func (e *ReceiptError) ErrorCode() (string, []any) {
	if e.code == "" {
		return "central.receipt.unverified", nil
	}
	return e.code, e.args
}

// MismatchError: the central record holds more of this log than this
// file does, or other events at the same places, or has frozen the log
// after a fork. The file was restored from an older copy (and then
// written on), or another file with this key and epoch wrote to the same
// log.
type MismatchError struct {
	CentralSize, LocalSize int64
	// Diverged: the central record's root at the size both hold is not
	// this file's: some event differs.
	Diverged bool
	// Frozen: the central record froze the log after a fork.
	Frozen bool
	// Pushed is the central record's answer to the whole log, pushed so
	// that it keeps this version as evidence: a 409 naming the first event
	// that differs (a fork), or, when the file holds the start of what the
	// central record holds, a 409 that it recorded the rollback (check
	// CheckRollback). nil if a central record without that check took the
	// log as a duplicate, or the log was frozen and not pushed.
	Pushed *RefusedError
}

// ErrorCode names the officer's words for the mismatch (package i18n),
// those `examday sync` says it in.
func (e *MismatchError) ErrorCode() (string, []any) {
	switch {
	case e.Frozen:
		return "cli.sync.frozen", []any{e.CentralSize, e.LocalSize}
	case e.CentralSize > e.LocalSize:
		return "cli.sync.ahead", []any{e.CentralSize, e.LocalSize}
	}
	return "cli.sync.diverged", []any{e.CentralSize, e.LocalSize}
}

func (e *MismatchError) Error() string {
	switch {
	case e.Frozen:
		return fmt.Sprintf("the central record has frozen this log after a fork (it holds %d events, this file %d)", e.CentralSize, e.LocalSize)
	case e.CentralSize > e.LocalSize:
		return fmt.Sprintf("the central record holds %d events of this log, this file only %d", e.CentralSize, e.LocalSize)
	}
	return fmt.Sprintf("the central record's first %d events of this log are not this file's", e.CentralSize)
}

// Enroll registers the laptop's key with a one-time token and returns the
// central record's answer: the hall the token was for and the central
// record's verifier key, which it checks is one. Failures on the way are
// tried again: the central record answers the same laptop with its own
// token again as enrolled, so an enrolment whose answer was lost is
// finished by the next try. Should a central record refuse that try as a
// token used, the error says so as well (ErrAnswerLost): the token was
// likely used by the try whose answer was lost.
func (c *Client) Enroll(ctx context.Context, token, device string, pub ed25519.PublicKey) (EnrollResponse, error) {
	req := EnrollRequest{Token: token, Device: device, PublicKey: base64.StdEncoding.EncodeToString(pub)}
	body, err := json.Marshal(req)
	if err != nil {
		return EnrollResponse{}, err
	}
	var out EnrollResponse
	var lost error
	_, err = c.retrying(ctx, func() error {
		err := c.do(ctx, http.MethodPost, PathEnroll, "application/json", body, nil, &out)
		var t *clientTransient
		if errors.As(err, &t) && t.reached && !isClientServerError(t) {
			lost = t.err
		}
		return err
	})
	var refused *RefusedError
	if errors.As(err, &refused) && lost != nil {
		return EnrollResponse{}, fmt.Errorf("%w (%v), and then %w", ErrAnswerLost, lost, refused)
	}
	if err != nil {
		return EnrollResponse{}, err
	}
	if _, verr := note.NewVerifier(out.CentralKey); verr != nil {
		return EnrollResponse{}, failure("central.bad_key", nil, fmt.Errorf("the central record answered the enrolment with a key that is not a verifier key (%q): %v", out.CentralKey, verr))
	}
	return out, nil
}

// LogState asks what the central record holds of one hall file's log,
// trying again on failures on the way (a question changes nothing).
func (c *Client) LogState(ctx context.Context, device, epoch string) (LogState, error) {
	var st LogState
	_, err := c.retrying(ctx, func() error { return c.logState(ctx, device, epoch, &st) })
	return st, err
}

func (c *Client) logState(ctx context.Context, device, epoch string, st *LogState) error {
	*st = LogState{}
	return c.do(ctx, http.MethodGet, PathLogs+device+"/"+epoch, "", nil, nil, st)
}

// Push sends one bundle, once.
func (c *Client) Push(ctx context.Context, b []byte) (PushResult, error) {
	return c.push(ctx, b, 0)
}

// push sends one bundle, once; holds, if not 0, tells the central record
// that the bundle is the file's whole log, holds events long
// (HeaderLaptopHolds), as every bundle of a sync is.
func (c *Client) push(ctx context.Context, b []byte, holds int64) (PushResult, error) {
	var hdr http.Header
	if holds > 0 {
		hdr = http.Header{HeaderLaptopHolds: {strconv.FormatInt(holds, 10)}}
	}
	var res PushResult
	err := c.do(ctx, http.MethodPost, PathBundles, "application/octet-stream", b, hdr, &res)
	return res, err
}

// SyncReport is what a sync did.
type SyncReport struct {
	// Local is the size of this file's log.
	Local int64
	// Before is the central record's size when it was first asked.
	Before int64
	// Central is what the central record held when it was last asked,
	// before the last push.
	Central LogState
	// First and Last are the events of the last push; 0 when none was
	// needed.
	First, Last uint64
	// Result is the central record's answer to the push: ResultAppended or
	// ResultDuplicate; "" when nothing was pushed.
	Result   string
	Appended int
	// Receipt is the verified receipt kept; its Size is 0 if none.
	Receipt Receipt
	// Retries is the number of failures tried again.
	Retries int
	// ReceiptAhead is the size of the receipt this file kept from before,
	// when it is more than the file holds (the file was restored from an
	// older copy, with a later receipt); 0 otherwise. Found offline,
	// before the central record is asked.
	ReceiptAhead int64
}

// Sync delivers what the central record lacks of the file's log and keeps
// the central record's verified receipt. It asks what the central record
// holds; if that is more than the file holds, or not the file's own
// events, it pushes the whole log so that the central record keeps this
// version as evidence of the fork, and returns a *MismatchError.
// Otherwise it pushes the events after the central record's size, if any,
// and keeps the receipt. Failures on the way are tried again (Retry), each
// time from the question; refusals are not, and are returned as a
// *RefusedError with the central record's reason.
func (c *Client) Sync(ctx context.Context, s *store.Store) (*SyncReport, error) {
	d := s.Delivery()
	if !d.Enrolled() {
		return nil, ErrNotEnrolled
	}
	// A file whose log does not verify has no checkpoint to hand over.
	if _, err := s.Checkpoint(); err != nil {
		return nil, err
	}
	size, _ := s.TreeHead()
	rep := &SyncReport{Local: size}
	if d.Delivered > size {
		rep.ReceiptAhead = d.Delivered
	}
	device, epoch := s.DeviceID(), s.Epoch()
	asked := false
	tries, err := c.retrying(ctx, func() error {
		var st LogState
		if err := c.logState(ctx, device, epoch, &st); err != nil {
			return err
		}
		if !asked {
			rep.Before, asked = st.Size, true
		}
		rep.Central = st
		if mismatch, err := compare(s, st, size); err != nil || mismatch != nil {
			if err != nil {
				return err
			}
			return c.pushEvidence(ctx, s, mismatch)
		}
		if st.Size == size {
			// Everything is there: what is missing is perhaps only the
			// receipt, if the answer to an earlier push was lost.
			if size == 0 {
				return nil
			}
			r, err := c.keep(s, d.CentralKey, []byte(st.Receipt), size)
			rep.Receipt = r
			return err
		}
		b, err := s.Bundle(uint64(st.Size) + 1)
		if err != nil {
			return err
		}
		rep.First, rep.Last = uint64(st.Size)+1, uint64(size)
		res, err := c.push(ctx, b, size)
		if err != nil {
			return err
		}
		rep.Result, rep.Appended = res.Result, res.Appended
		r, err := c.keep(s, d.CentralKey, []byte(res.Receipt), size)
		rep.Receipt = r
		return err
	})
	rep.Retries = tries - 1
	return rep, err
}

// compare checks what the central record holds against the file: more
// events than the file, a frozen log, or another root at the central
// record's size is a mismatch.
func compare(s *store.Store, st LogState, size int64) (*MismatchError, error) {
	m := &MismatchError{CentralSize: st.Size, LocalSize: size, Frozen: st.Frozen}
	if st.Frozen || st.Size > size {
		return m, nil
	}
	if st.Size < 0 {
		return nil, &clientTransient{err: failure("central.bad_answer", nil, fmt.Errorf("the central record says it holds %d events", st.Size)), reached: true}
	}
	if st.Size == 0 {
		return nil, nil
	}
	theirs, err := tlog.ParseHash(st.Root)
	if err != nil {
		return nil, &clientTransient{err: failure("central.bad_answer", nil, fmt.Errorf("the central record's root %q is not a hash", st.Root)), reached: true}
	}
	ours, err := tlog.TreeHash(st.Size, s)
	if err != nil {
		return nil, err
	}
	if ours != theirs {
		m.Diverged = true
		return m, nil
	}
	return nil, nil
}

// pushEvidence pushes the whole log when the central record holds more
// than, or other than, the file, so that it sees the fork and keeps both
// versions, and returns m with its answer. A frozen log is not pushed:
// the central record already keeps the evidence and takes nothing more.
func (c *Client) pushEvidence(ctx context.Context, s *store.Store, m *MismatchError) error {
	if m.Frozen || m.LocalSize == 0 {
		return m
	}
	b, err := s.Bundle(1)
	if err != nil {
		return err
	}
	if _, err := c.push(ctx, b, m.LocalSize); err != nil {
		var refused *RefusedError
		if !errors.As(err, &refused) {
			return err // on the way: tried again from the question
		}
		m.Pushed = refused
	}
	return m
}

// keep verifies a receipt for want events and keeps it.
func (c *Client) keep(s *store.Store, centralKey string, msg []byte, want int64) (Receipt, error) {
	r, err := VerifyReceipt(msg, centralKey, s)
	if err != nil {
		return Receipt{}, err
	}
	if r.Size != want {
		return Receipt{}, &ReceiptError{Reason: fmt.Sprintf("it is for %d events, not the %d the central record says it holds", r.Size, want),
			code: "central.receipt.size_said", args: []any{r.Size, want}}
	}
	if err := s.StoreReceipt(msg, r.Size, c.now()); err != nil {
		return r, failure("central.receipt_not_kept", []any{r.Size, err},
			fmt.Errorf("the central record holds all %d events, but its receipt could not be kept in this file: %w", r.Size, err))
	}
	return r, nil
}

// VerifyReceipt checks a receipt as the laptop must before it marks
// anything delivered: signed with the central record's key it enrolled
// with, of this file's log, for no more events than the file holds, and
// with this file's own root at that size.
func VerifyReceipt(msg []byte, centralKey string, s *store.Store) (Receipt, error) {
	if len(msg) == 0 {
		return Receipt{}, &ReceiptError{Reason: "there is none", code: "central.receipt.none"}
	}
	r, err := OpenReceipt(msg, centralKey)
	if err != nil {
		return Receipt{}, &ReceiptError{Reason: err.Error()}
	}
	if r.Origin != s.Origin() {
		return Receipt{}, &ReceiptError{Reason: fmt.Sprintf("it is of the log %q, not of this file's %q", r.Origin, s.Origin()),
			code: "central.receipt.origin", args: []any{r.Origin, s.Origin()}}
	}
	size, _ := s.TreeHead()
	if r.Size < 1 || r.Size > size {
		return Receipt{}, &ReceiptError{Reason: fmt.Sprintf("it is for %d events, and this file holds %d", r.Size, size),
			code: "central.receipt.size_file", args: []any{r.Size, size}}
	}
	ours, err := tlog.TreeHash(r.Size, s)
	if err != nil {
		return Receipt{}, err
	}
	if ours != r.Root {
		return Receipt{}, &ReceiptError{Reason: fmt.Sprintf("it signs the root %s for %d events, this file's root there is %s", r.Root, r.Size, ours),
			code: "central.receipt.root", args: []any{r.Root.String(), r.Size, ours.String()}}
	}
	return r, nil
}

// retrying runs try until it succeeds, fails for good, or the tries or the
// time run out, and returns how many tries it took. A *clientTransient is
// tried again; anything else is returned as it is.
func (c *Client) retrying(ctx context.Context, try func() error) (int, error) {
	r := c.Retry.withDefaults()
	start := time.Now()
	for attempt := 1; ; attempt++ {
		err := try()
		var t *clientTransient
		if err == nil || !errors.As(err, &t) {
			return attempt, err
		}
		if ctx.Err() != nil {
			return attempt, ctx.Err()
		}
		wait := r.wait(attempt)
		if t.retryAfter > 0 {
			// As the central record asks, a little later so that laptops
			// told the same do not come back together, and never longer
			// than one back-off may be.
			wait = min(t.retryAfter+rand.N(t.retryAfter/4+1), r.Max)
		}
		if attempt >= r.Attempts || time.Since(start)+wait > r.Total {
			return attempt, &GaveUpError{Attempts: attempt, Elapsed: time.Since(start), Last: t}
		}
		if c.OnRetry != nil {
			c.OnRetry(RetryNotice{Attempt: attempt, Attempts: r.Attempts, Wait: wait, RetryAfter: t.retryAfter, Err: t})
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return attempt, ctx.Err()
		case <-timer.C:
		}
	}
}

// do makes one request and reads its JSON answer into out. Failures on
// the way are *clientTransient, refusals *RefusedError.
func (c *Client) do(ctx context.Context, method, path, contentType string, body []byte, hdr http.Header, out any) error {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(c.URL, "/")+path, rd)
	if err != nil {
		return failure("central.address", []any{c.URL}, fmt.Errorf("the central record's address %q: %v", c.URL, err))
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http().Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The officer reads this: what went wrong, without the whole URL
		// (device and epoch) around it.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		// A certificate that does not verify will not verify on the next
		// try either: it is not the network's fault, and waiting hides it.
		var certErr *tls.CertificateVerificationError
		if errors.As(err, &certErr) {
			return failure("central.tls", nil, fmt.Errorf("the central record's TLS certificate does not verify: %v", err))
		}
		return &clientTransient{err: err, reached: !clientNotConnected(err)}
	}
	defer resp.Body.Close()
	data, readErr := io.ReadAll(io.LimitReader(resp.Body, clientMaxAnswer))
	switch {
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode == http.StatusTooManyRequests:
		var eb ErrorBody
		_ = json.Unmarshal(data, &eb)
		reason := eb.Error
		if reason == "" {
			reason = http.StatusText(resp.StatusCode)
		}
		return &clientTransient{err: &clientServerError{status: resp.StatusCode, reason: reason}, reached: true,
			retryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), c.now())}
	case resp.StatusCode != http.StatusOK:
		var eb ErrorBody
		if readErr != nil || json.Unmarshal(data, &eb) != nil {
			// A refusal whose reason was cut short is still a refusal.
			eb = ErrorBody{Error: strings.TrimSpace(string(data))}
		}
		return &RefusedError{Status: resp.StatusCode, Body: eb}
	case readErr != nil:
		return &clientTransient{err: failure("central.net.cut_off", nil, fmt.Errorf("the answer was cut short: %v", readErr)), reached: true}
	}
	if err := json.Unmarshal(data, out); err != nil {
		return &clientTransient{err: failure("central.bad_answer", nil, fmt.Errorf("the answer is not readable (cut short?): %v", err)), reached: true}
	}
	return nil
}

// clientServerError is a 5xx, a 429 or a 408: the central record (or a
// proxy before it) could not do it now.
type clientServerError struct {
	status int
	reason string
}

// ErrorCode names the officer's words (package i18n); the reason is the
// central record's (or a proxy's) own, in English.
func (e *clientServerError) ErrorCode() (string, []any) {
	switch e.status {
	case http.StatusServiceUnavailable, http.StatusTooManyRequests:
		return "central.busy", []any{e.status}
	case http.StatusRequestTimeout:
		return "central.too_slow", []any{e.status}
	}
	return "central.failed", []any{e.status}
}

func (e *clientServerError) Error() string {
	switch e.status {
	case http.StatusServiceUnavailable, http.StatusTooManyRequests:
		return fmt.Sprintf("the central record is busy (HTTP %d): %s", e.status, e.reason)
	case http.StatusRequestTimeout:
		return fmt.Sprintf("the central record cut the request off as too slow (HTTP %d): %s", e.status, e.reason)
	}
	return fmt.Sprintf("the central record failed (HTTP %d): %s", e.status, e.reason)
}

// parseRetryAfter reads a Retry-After header: seconds, or an HTTP date
// (RFC 9110, 10.2.3). Anything else, or a time past, is 0: the back-off
// decides. The caller caps what it waits.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, int64(24*time.Hour/time.Second))) * time.Second
	}
	if at, err := http.ParseTime(v); err == nil && at.After(now) {
		return min(at.Sub(now), 24*time.Hour)
	}
	return 0
}

func isClientServerError(t *clientTransient) bool {
	var s *clientServerError
	return errors.As(t.err, &s)
}

// clientNotConnected reports whether err is a failure to connect at all, so the
// request cannot have reached the server.
func clientNotConnected(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}
