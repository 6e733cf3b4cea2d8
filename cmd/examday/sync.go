package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"examday/central"
	"examday/i18n"
	"examday/store"
	"examday/store/boltfile"
)

// syncRetry and syncHTTP are how enroll and sync try again and reach the
// central record; the zero values are the client's defaults. Tests make
// them quick, or put a faulty network in between.
var (
	syncRetry central.Retry
	syncHTTP  *http.Client
)

// client reaches the central record at url; with caPEM, its TLS
// certificate must be signed by that certificate (a commission's own
// authority, which the laptop's system does not know) instead of one the
// system trusts.
func (a *app) client(url string, caPEM []byte) (*central.Client, error) {
	cl := &central.Client{URL: url, Retry: syncRetry, HTTP: syncHTTP}
	if caPEM == nil {
		return cl, nil
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, errors.New(a.cat.T("cli.enroll.bad_ca"))
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	if syncHTTP != nil && syncHTTP.Transport != nil {
		if t, ok := syncHTTP.Transport.(*http.Transport); ok {
			transport = t.Clone()
		}
	}
	transport.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	cl.HTTP = &http.Client{Timeout: central.ClientTimeout, Transport: transport}
	return cl, nil
}

// readCA reads the --ca-cert file: PEM certificates, nothing else.
func (a *app) readCA(path string) ([]byte, error) {
	if path == "" {
		return nil, nil
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.New(a.cat.T("cli.enroll.ca_unreadable", path, err))
	}
	if !x509.NewCertPool().AppendCertsFromPEM(pem) {
		return nil, errors.New(a.cat.T("cli.enroll.bad_ca_file", path))
	}
	return pem, nil
}

// interruptible is a context that ctrl+c cancels, so that a sync waiting
// to try again stops at once, closes the file and exits 130, as the other
// commands do. Nothing is lost by stopping: only a kept receipt marks
// events delivered, and the file keeps it in one Update or not at all.
func interruptible() (context.Context, func()) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// interrupted is the error of a command stopped by ctrl+c: run gives it
// the exit status of an interrupted program.
func interrupted(err error) error { return fmt.Errorf("%w (%v)", tea.ErrInterrupted, err) }

// enrollCommand is `examday enroll`: the laptop registers its hall file's
// key with the central record, with a one-time token, and keeps the
// central record's key for checking its receipts.
func (a *app) enrollCommand() *cobra.Command {
	c := a.cat
	var centralURL, token, caFile, out, answer string
	var demo bool
	cmd := &cobra.Command{
		Use:   "enroll --central URL --token TOKEN | --token TOKEN --out REQUEST | --answer ANSWER",
		Short: c.T("cli.enroll.short"),
		Long:  c.T("cli.enroll.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch {
			case out != "" && (answer != "" || centralURL != "" || caFile != "" || token == ""),
				answer != "" && (token != "" || centralURL != "" || caFile != ""):
				return errors.New(c.T("cli.enroll.by_file_need"))
			case out != "":
				return a.enrollRequestFile(demo, token, out)
			case answer != "":
				return a.enrollAnswerFile(demo, answer)
			}
			if centralURL == "" || token == "" {
				return errors.New(c.T("cli.enroll.need"))
			}
			if !isCentralURL(centralURL) {
				return errors.New(c.T("cli.enroll.bad_url", centralURL))
			}
			ca, err := a.readCA(caFile)
			if err != nil {
				return err
			}
			s, err := a.openHallFile(demo, toWrite)
			if err != nil {
				return err
			}
			defer s.Close()
			return a.enroll(s, centralURL, token, ca)
		},
	}
	cmd.Flags().StringVar(&centralURL, "central", "", c.T("cli.enroll.flag.central"))
	cmd.Flags().StringVar(&token, "token", "", c.T("cli.enroll.flag.token"))
	cmd.Flags().StringVar(&caFile, "ca-cert", "", c.T("cli.enroll.flag.ca"))
	cmd.Flags().BoolVar(&demo, "demo", false, c.T("cli.enroll.flag.demo"))
	cmd.Flags().StringVarP(&out, "out", "o", "", c.T("cli.enroll.flag.out"))
	cmd.Flags().StringVar(&answer, "answer", "", c.T("cli.enroll.flag.answer"))
	return cmd
}

// enrollRequestFile writes the enrolment request of the hall file for a
// central record the laptop never meets on a network: what `examday
// enroll` would send over HTTP, to a new file for the stick. Nothing is
// kept in the hall file: the enrolment is kept when the answer comes.
func (a *app) enrollRequestFile(demo bool, token, out string) error {
	c := a.cat
	if err := a.refuseKept(out, false); err != nil {
		return err
	}
	s, err := a.openHallFile(demo, toWrite)
	if err != nil {
		return err
	}
	defer s.Close()
	// A file that cannot keep the answer must not use up the token.
	if err := s.Broken(); err != nil {
		return errors.New(c.T("cli.enroll.read_only", s.Path(), err))
	}
	if s.PublicKey() == nil {
		return errors.New(c.T("cli.sync.cannot", s.Path(), store.ErrUnsigned))
	}
	req := central.EnrollRequest{Token: strings.TrimSpace(token), Device: s.DeviceID(),
		PublicKey: base64.StdEncoding.EncodeToString(s.PublicKey()), Role: string(central.RoleHall)}
	if err := boltfile.Replace(out, central.EnrolmentRequestFile(req, s.Hall().Name)); err != nil {
		return errors.New(c.T("cli.export.write_failed", out, err))
	}
	fmt.Fprintln(a.stdout, c.T("cli.enroll.request_written", out, s.DeviceID()))
	fmt.Fprintln(a.stdout, c.T("cli.enroll.request_next", out))
	return nil
}

// enrollAnswerFile keeps the central record's answer to a request by
// file: only an answer for this very file's key, of a hall's laptop,
// whose signature verifies with the central key it names — the key the
// receipts are checked with from then on.
func (a *app) enrollAnswerFile(demo bool, path string) error {
	c := a.cat
	data, err := readSmallFile(path, central.MaxEnrolmentFile)
	if err != nil {
		return errors.New(c.T("cli.enroll.answer_unreadable", path, a.cat.Error(err)))
	}
	ans, err := central.OpenEnrolmentAnswer(data)
	if err != nil {
		return errors.New(c.T("cli.enroll.answer_bad", path))
	}
	s, err := a.openHallFile(demo, toWrite)
	if err != nil {
		return err
	}
	defer s.Close()
	switch {
	case ans.Device != s.DeviceID():
		return errors.New(c.T("cli.enroll.answer_other", path, centralShortID(ans.Device), centralShortID(s.DeviceID())))
	case ans.Role != central.RoleHall:
		return errors.New(c.T("cli.enroll.answer_role", path, a.roleWords(ans.Role)))
	}
	if err := s.Broken(); err != nil {
		return errors.New(c.T("cli.enroll.read_only", s.Path(), err))
	}
	// Enrolled by file, the file knows no address: sync needs --central
	// once, or the hand-over goes by stick (export, then the receipt).
	if err := s.SetEnrolment(s.Delivery().Central, ans.CentralKey, ans.Name, time.Now()); err != nil {
		return errors.New(c.T("cli.enroll.not_kept", s.Path(), err))
	}
	fmt.Fprintln(a.stdout, c.T("cli.enroll.answer_kept", ans.Name))
	fmt.Fprintln(a.stdout, c.T("cli.enroll.device", s.DeviceID(), s.Epoch()))
	fmt.Fprintln(a.stdout, c.T("cli.enroll.central_key", ans.CentralKey))
	if name := s.Hall().Name; !strings.EqualFold(strings.TrimSpace(ans.Name), strings.TrimSpace(name)) {
		fmt.Fprintln(a.stderr, c.T("cli.enroll.other_hall", ans.Name, name))
	}
	fmt.Fprintln(a.stdout, c.T("cli.enroll.answer_next"))
	return nil
}

// isCentralURL reports whether s is an http or https address with a host.
func isCentralURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func (a *app) enroll(s *store.Store, centralURL, token string, ca []byte) error {
	c := a.cat
	// A file that cannot keep the enrolment must not use up the token.
	if err := s.Broken(); err != nil {
		return errors.New(c.T("cli.enroll.read_only", s.Path(), err))
	}
	if s.PublicKey() == nil {
		return errors.New(c.T("cli.sync.cannot", s.Path(), store.ErrUnsigned))
	}
	ctx, stop := interruptible()
	defer stop()
	cl, err := a.client(centralURL, ca)
	if err != nil {
		return err
	}
	resp, err := cl.Enroll(ctx, token, s.DeviceID(), s.PublicKey())
	if err == nil && resp.Role != "" && resp.Role != central.RoleHall {
		// A central record of this version refuses a token of another
		// role before it is used; one that took it says what it enrolled.
		return errors.New(c.T("cli.enroll.answer_role", centralURL, a.roleWords(resp.Role)))
	}
	if err != nil {
		var refused *central.RefusedError
		switch {
		case ctx.Err() != nil:
			return interrupted(err)
		case errors.As(err, &refused):
			return errors.New(c.T("cli.enroll.refused", refused.Status, a.refusalReason(refused)))
		case errors.Is(err, central.ErrAnswerLost):
			return errors.New(c.T("cli.enroll.lost", err))
		}
		return errors.New(c.T("cli.enroll.unreachable", centralURL, err))
	}
	if err := s.SetEnrolment(centralURL, resp.CentralKey, resp.Hall, time.Now()); err != nil {
		return errors.New(c.T("cli.enroll.not_kept", s.Path(), err))
	}
	if err := s.SetCentralCA(ca); err != nil {
		return errors.New(c.T("cli.enroll.not_kept", s.Path(), err))
	}
	out := a.stdout
	fmt.Fprintln(out, c.T("cli.enroll.ok", centralURL, resp.Hall))
	fmt.Fprintln(out, c.T("cli.enroll.device", s.DeviceID(), s.Epoch()))
	fmt.Fprintln(out, c.T("cli.enroll.central_key", resp.CentralKey))
	if name := s.Hall().Name; resp.Hall != "" && !strings.EqualFold(strings.TrimSpace(resp.Hall), strings.TrimSpace(name)) {
		fmt.Fprintln(a.stderr, c.T("cli.enroll.other_hall", resp.Hall, name))
	}
	fmt.Fprintln(out, c.T("cli.enroll.next"))
	return nil
}

// refusalReason is why the central record refused, in the officer's
// words for the kind of refusal it names (its check). The central
// record's own reason (Body.Error) is its English, for its audit and
// logs: a refusal that names no check this examday knows (a proxy's, or
// a newer central record's) says so in words instead.
func (a *app) refusalReason(r *central.RefusedError) string { return a.checkWords(r.Body.Check) }

// checkWords is what a refusal of the central record's check means.
func (a *app) checkWords(check string) string {
	if key := "cli.central.check." + check; check != "" && i18n.Has(key) {
		return a.cat.T(key)
	}
	return a.cat.T("cli.central.check.unknown")
}

// checkName is the name of a check of the central record or of a bundle,
// in words; one this examday does not know, as its code.
func (a *app) checkName(check string) string {
	for _, key := range []string{"bundle.check." + check, "cli.central.check_name." + check} {
		if i18n.Has(key) {
			return a.cat.T(key)
		}
	}
	if check == "" {
		return "—"
	}
	return check
}

// syncCommand is `examday sync`: push what the central record does not
// hold yet and keep its verified receipt.
func (a *app) syncCommand() *cobra.Command {
	c := a.cat
	var centralURL, caFile, receipt string
	var demo bool
	cmd := &cobra.Command{
		Use:   "sync [--central URL]",
		Short: c.T("cli.sync.short"),
		Long:  c.T("cli.sync.long"),
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if receipt != "" {
				if centralURL != "" || caFile != "" {
					return errors.New(c.T("cli.sync.receipt_alone"))
				}
				return a.keepReceiptFile(demo, receipt)
			}
			if centralURL != "" && !isCentralURL(centralURL) {
				return errors.New(c.T("cli.enroll.bad_url", centralURL))
			}
			ca, err := a.readCA(caFile)
			if err != nil {
				return err
			}
			s, err := a.openHallFile(demo, toWrite)
			if err != nil {
				return err
			}
			defer s.Close()
			return a.sync(s, centralURL, ca)
		},
	}
	cmd.Flags().StringVar(&centralURL, "central", "", c.T("cli.sync.flag.central"))
	cmd.Flags().StringVar(&caFile, "ca-cert", "", c.T("cli.sync.flag.ca"))
	cmd.Flags().BoolVar(&demo, "demo", false, c.T("cli.sync.flag.demo"))
	cmd.Flags().StringVar(&receipt, "receipt", "", c.T("cli.sync.flag.receipt"))
	return cmd
}

// keepReceiptFile keeps a receipt the central record wrote when it
// imported this file's bundle from a stick (`examday central import
// --receipt`): the hand-over by stick alone, closed as a sync closes it.
// It is checked as a sync's receipt is — signed by the enrolled central
// record, of this file's log, this file's own root at its size — and
// kept only if it covers more than the receipt kept before.
func (a *app) keepReceiptFile(demo bool, path string) error {
	c := a.cat
	msg, err := readSmallFile(path, 64<<10)
	if err != nil {
		return errors.New(c.T("cli.sync.receipt_unreadable", path, a.cat.Error(err)))
	}
	s, err := a.openHallFile(demo, toWrite)
	if err != nil {
		return err
	}
	defer s.Close()
	d := s.Delivery()
	if !d.Enrolled() {
		return errors.New(c.T("cli.sync.not_enrolled", s.Path()))
	}
	r, err := central.VerifyReceipt(msg, d.CentralKey, s)
	if err != nil {
		return errors.New(c.T("cli.sync.bad_receipt", a.cat.Error(err)))
	}
	if r.Size <= d.Delivered {
		fmt.Fprintln(a.stdout, c.T("cli.sync.receipt_older", r.Size, d.Delivered))
		return nil
	}
	if err := s.StoreReceipt(msg, r.Size, time.Now()); err != nil {
		return errors.New(c.T("cli.sync.cannot", s.Path(), err))
	}
	fmt.Fprintln(a.stdout, c.T("cli.sync.receipt", r.Size, hex.EncodeToString(r.Root[:]), r.At))
	fmt.Fprintln(a.stdout, c.T("cli.sync.undelivered", max(s.Undelivered(), 0)))
	return nil
}

func (a *app) sync(s *store.Store, centralURL string, ca []byte) error {
	ctx, stop := interruptible()
	defer stop()
	return a.syncIn(ctx, s, centralURL, ca)
}

// syncIn is sync until ctx is done: ctrl+c on the command line, Esc on
// the screen.
func (a *app) syncIn(ctx context.Context, s *store.Store, centralURL string, ca []byte) error {
	c := a.cat
	d := s.Delivery()
	if !d.Enrolled() {
		return errors.New(c.T("cli.sync.not_enrolled", s.Path()))
	}
	// A file without its key can still hand its record over; it says so,
	// and cannot keep the receipt.
	a.warnIfBroken(s)
	if centralURL == "" {
		centralURL = d.Central
	}
	if centralURL == "" {
		// Enrolled by file: no address was ever given.
		return errors.New(c.T("cli.sync.no_address", s.Path()))
	}
	size, _ := s.TreeHead()
	if d.Delivered > size {
		// Seen offline, before the central record is asked: the file holds
		// less than its own receipt says was delivered.
		fmt.Fprintln(a.stderr, c.T("cli.sync.receipt_ahead", d.Delivered, size))
	}

	if ca == nil {
		ca = d.CentralCA
	}
	cl, err := a.client(centralURL, ca)
	if err != nil {
		return err
	}
	cl.OnRetry = func(n central.RetryNotice) {
		// The pause is said in words of the language (i18n: Duration).
		if n.RetryAfter > 0 {
			fmt.Fprintln(a.stderr, c.T("cli.sync.busy", n.Err, n.Wait, n.Attempt, n.Attempts))
			return
		}
		fmt.Fprintln(a.stderr, c.T("cli.sync.retry", n.Err, n.Wait, n.Attempt, n.Attempts))
	}
	rep, err := cl.Sync(ctx, s)
	if err != nil {
		if ctx.Err() != nil {
			return interrupted(err)
		}
		return a.syncFailed(s, rep, err)
	}

	out := a.stdout
	if rep.Before < d.Delivered && d.Delivered <= size {
		fmt.Fprintln(a.stderr, c.T("cli.sync.central_lost", d.Delivered, rep.Before))
	}
	if rep.Receipt.Size > rep.Before {
		fmt.Fprintln(out, c.T("cli.sync.sent", rep.Before+1, rep.Receipt.Size, rep.Local, centralURL))
	} else {
		fmt.Fprintln(out, c.T("cli.sync.nothing", rep.Local, centralURL))
	}
	fmt.Fprintln(out, c.T("cli.sync.receipt", rep.Receipt.Size, hex.EncodeToString(rep.Receipt.Root[:]), rep.Receipt.At))
	if centralURL != d.Central {
		// The central record answered there with a receipt its enrolled
		// key signed: it is the same one, reached at a new address.
		_ = s.SetCentralURL(centralURL)
	}
	if d.Delivered > size {
		return &reportedError{err: fmt.Errorf("the receipt kept before covers %d events, the file holds %d", d.Delivered, size)}
	}
	return nil
}

// syncFailed says why a sync failed, in the officer's words, with the
// central record's exact reason when it refused.
func (a *app) syncFailed(s *store.Store, rep *central.SyncReport, err error) error {
	c := a.cat
	w := a.stderr
	var (
		mismatch *central.MismatchError
		refused  *central.RefusedError
		gaveUp   *central.GaveUpError
		badRcpt  *central.ReceiptError
	)
	switch {
	case errors.Is(err, central.ErrNotEnrolled):
		return errors.New(c.T("cli.sync.not_enrolled", s.Path()))
	case errors.As(err, &mismatch):
		switch {
		case mismatch.Frozen:
			fmt.Fprintln(w, c.T("cli.sync.frozen", mismatch.CentralSize, mismatch.LocalSize))
		case mismatch.CentralSize > mismatch.LocalSize:
			fmt.Fprintln(w, c.T("cli.sync.ahead", mismatch.CentralSize, mismatch.LocalSize))
		default:
			fmt.Fprintln(w, c.T("cli.sync.diverged", mismatch.CentralSize, mismatch.LocalSize))
		}
		switch {
		case mismatch.Pushed != nil && mismatch.Pushed.Body.Check == central.CheckRollback:
			fmt.Fprintln(w, c.T("cli.sync.rollback_recorded", fmt.Sprintf("HTTP %d: %s", mismatch.Pushed.Status, a.refusalReason(mismatch.Pushed))))
			a.refusalDetails(mismatch.Pushed)
		case mismatch.Pushed != nil:
			fmt.Fprintln(w, c.T("cli.sync.evidence", fmt.Sprintf("HTTP %d: %s", mismatch.Pushed.Status, a.refusalReason(mismatch.Pushed))))
			a.refusalDetails(mismatch.Pushed)
		case !mismatch.Frozen:
			fmt.Fprintln(w, c.T("cli.sync.evidence_held"))
		}
	case errors.As(err, &refused):
		fmt.Fprintln(w, c.T("cli.sync.refused", refused.Status, a.refusalReason(refused)))
		a.refusalDetails(refused)
	case errors.As(err, &gaveUp):
		fmt.Fprintln(w, c.T("cli.sync.gave_up", gaveUp.Attempts, gaveUp.Elapsed, gaveUp.Last))
	case errors.As(err, &badRcpt):
		fmt.Fprintln(w, c.T("cli.sync.bad_receipt", badRcpt))
	default:
		fmt.Fprintln(w, c.T("cli.sync.cannot", s.Path(), err))
	}
	fmt.Fprintln(w, c.T("cli.sync.undelivered", max(s.Undelivered(), 0)))
	return &reportedError{err: err}
}

// refusalDetails prints what the central record named besides its reason:
// the check, the line and event of the bundle, the two hashes of a fork,
// the start it expects after a gap.
func (a *app) refusalDetails(r *central.RefusedError) {
	if r.Body.Check != "" {
		fmt.Fprintln(a.stderr, a.cat.T("cli.sync.refused_check", a.checkName(r.Body.Check)))
	}
	a.refusalFacts(a.stderr, r.Body)
}

// refusalFacts prints the line and event of the bundle a refusal names,
// the two hashes of a fork and the start expected after a gap.
func (a *app) refusalFacts(w io.Writer, b central.ErrorBody) {
	c := a.cat
	if b.Line > 0 {
		fmt.Fprintln(w, c.T("cli.sync.refused_line", b.Line))
	}
	if b.Seq > 0 {
		fmt.Fprintln(w, c.T("cli.sync.refused_seq", b.Seq))
	}
	if b.StoredHash != "" || b.IncomingHash != "" {
		fmt.Fprintln(w, c.T("cli.sync.refused_hashes", b.StoredHash, b.IncomingHash))
	}
	if b.ExpectedFirst > 0 {
		fmt.Fprintln(w, c.T("cli.sync.refused_expected", b.ExpectedFirst))
	}
}
