package main

import (
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"examday/central"
	"examday/exam"
	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
	"examday/tui"
)

// A central record on 127.0.0.1, as `examday central serve` runs it.
func startCentral(t *testing.T) (*central.DB, string) {
	t.Helper()
	db, err := central.Open(filepath.Join(t.TempDir(), "central.db"), central.Options{Create: true, Program: "sync-test"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(central.NewHandler(db, central.ServerOptions{}))
	t.Cleanup(func() {
		srv.Close()
		db.Close()
	})
	return db, srv.URL
}

func token(t *testing.T, db *central.DB, hall string) string {
	t.Helper()
	tok, err := db.NewToken(hall)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// quickRetries makes enroll and sync try again at once, for tests; http,
// if not nil, is how they reach the central record.
func quickRetries(t *testing.T, attempts int, http *http.Client) {
	t.Helper()
	syncRetry = central.Retry{Attempts: attempts, Initial: time.Millisecond, Max: 2 * time.Millisecond, Total: 10 * time.Second}
	syncHTTP = http
	t.Cleanup(func() { syncRetry, syncHTTP = central.Retry{}, nil })
}

// appendJumps records n events on a closed hall file, as the officer's
// day would.
var jumps atomic.Int64

func appendJumps(t *testing.T, db string, n int) {
	t.Helper()
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		out := make([]exam.Event, n)
		for i := range out {
			at := storetest.Base.Add(time.Hour + time.Duration(jumps.Add(1))*time.Millisecond)
			var err error
			if out[i], err = h.ClockJumped(7*time.Second, time.Second, at); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFiles(t *testing.T, from, to string) {
	t.Helper()
	for src, dst := range map[string]string{from: to, store.KeyPath(from): store.KeyPath(to)} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func deliveryOf(t *testing.T, db string) (store.Delivery, int64) {
	t.Helper()
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.Delivery(), s.Undelivered()
}

// enroll and sync end to end: the demo hall is enrolled, its record
// delivered, and a sync with nothing new says so; the central record
// holds the file's log exactly.
func TestEnrollAndSyncDeliverTheRecord(t *testing.T) {
	cdb, url := startCentral(t)
	quickRetries(t, 5, nil)
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	en := i18n.New(i18n.EN)

	code, out, errOut := runCLI(t, "", "sync", "--db", db)
	if code == 0 || !strings.Contains(errOut, en.T("cli.sync.not_enrolled", db)) {
		t.Errorf("sync before enrolment: exit %d, %q", code, errOut)
	}

	code, out, errOut = runCLI(t, "", "enroll", "--db", db, "--central", url, "--token", token(t, cdb, "Audience 204"))
	if code != 0 {
		t.Fatalf("enroll: exit %d: %s", code, errOut)
	}
	s, _ := store.Open(db, store.Options{})
	device, epoch, hallName := s.DeviceID(), s.Epoch(), s.Hall().Name
	s.Close()
	for _, want := range []string{en.T("cli.enroll.ok", url, "Audience 204"), en.T("cli.enroll.device", device, epoch), en.T("cli.enroll.central_key", cdb.VerifierKey())} {
		if !strings.Contains(out, want) {
			t.Errorf("enroll's output lacks %q:\n%s", want, out)
		}
	}
	// The demo hall is not "Audience 204": the officer is told.
	if !strings.Contains(errOut, en.T("cli.enroll.other_hall", "Audience 204", hallName)) {
		t.Errorf("enroll does not say the token was for another hall: %q", errOut)
	}
	d, undelivered := deliveryOf(t, db)
	if d.Central != url || d.CentralKey != cdb.VerifierKey() || d.Hall != "Audience 204" || undelivered != 2 {
		t.Errorf("after enroll: %+v, undelivered %d", d, undelivered)
	}

	code, out, errOut = runCLI(t, "", "sync", "--db", db)
	if code != 0 {
		t.Fatalf("sync: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, en.T("cli.sync.sent", 1, 2, 2, url)) || !strings.Contains(out, "Receipt kept: the central record holds all 2 events") {
		t.Errorf("sync's output:\n%s", out)
	}
	t.Logf("sync:\n%s", out)
	if d, undelivered = deliveryOf(t, db); d.Delivered != 2 || undelivered != 0 {
		t.Errorf("after sync: delivered %d, undelivered %d", d.Delivered, undelivered)
	}

	appendJumps(t, db, 3)
	if code, out, errOut = runCLI(t, "", "sync", "--db", db, "--lang", "ru"); code != 0 {
		t.Fatalf("second sync: exit %d: %s", code, errOut)
	}
	ru := i18n.New(i18n.RU)
	if !strings.Contains(out, ru.T("cli.sync.sent", 3, 5, 5, url)) {
		t.Errorf("second sync's output (ru):\n%s", out)
	}
	if code, out, _ = runCLI(t, "", "sync", "--db", db); code != 0 || !strings.Contains(out, en.T("cli.sync.nothing", 5, url)) {
		t.Errorf("a sync with nothing new: exit %d:\n%s", code, out)
	}
	st, err := cdb.LogState(device, epoch)
	if err != nil || st.Size != 5 {
		t.Errorf("the central record holds %+v, %v; want 5 events", st, err)
	}
}

// A token used already (by another laptop) or unknown is refused with the
// central record's words; nothing is kept in the file.
func TestEnrollWithAUsedOrWrongTokenIsRefusedWithTheReason(t *testing.T) {
	cdb, url := startCentral(t)
	quickRetries(t, 5, nil)
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.db"), filepath.Join(dir, "second.db")
	for _, db := range []string{first, second} {
		if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
			t.Fatalf("demo: %s", errOut)
		}
	}
	tok := token(t, cdb, "Audience 204")
	if code, _, errOut := runCLI(t, "", "enroll", "--db", first, "--central", url, "--token", tok); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}
	for _, bad := range []string{tok, "no-such-token"} {
		code, out, errOut := runCLI(t, "", "enroll", "--db", second, "--central", url, "--token", bad)
		if code == 0 || !strings.Contains(errOut, i18n.New(i18n.EN).T("cli.enroll.refused", 403, i18n.New(i18n.EN).T("cli.central.check.token"))) || out != "" {
			t.Errorf("enroll with %q: exit %d, stdout %q, stderr %q", bad, code, out, errOut)
		}
		t.Logf("%s", strings.TrimSpace(errOut))
	}
	if d, _ := deliveryOf(t, second); d.Enrolled() {
		t.Errorf("a refused enrolment was kept: %+v", d)
	}
	// Flags missing or an address that is not one.
	if code, _, errOut := runCLI(t, "", "enroll", "--db", second, "--token", tok); code == 0 || !strings.Contains(errOut, "--central URL --token TOKEN") {
		t.Errorf("enroll without --central: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "enroll", "--db", second, "--central", "central:8750", "--token", tok); code == 0 || !strings.Contains(errOut, "is not the address of a central record") {
		t.Errorf("enroll with a bad address: exit %d, %q", code, errOut)
	}
}

// A central record that fails is tried again, and each retry is said; one
// that does not answer at all is given up on, with the reason, and
// nothing is marked as delivered.
func TestSyncSaysItTriesAgainAndWhenItGivesUp(t *testing.T) {
	cdb, url := startCentral(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	quickRetries(t, 5, nil)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", url, "--token", token(t, cdb, "A")); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}

	failures := 0
	quickRetries(t, 5, &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if failures < 2 {
			failures++
			return &http.Response{StatusCode: 503, Status: "503 Service Unavailable", Body: io.NopCloser(strings.NewReader("busy")), Header: http.Header{}, Request: r}, nil
		}
		return http.DefaultTransport.RoundTrip(r)
	})})
	code, out, errOut := runCLI(t, "", "sync", "--db", db)
	if code != 0 || strings.Count(errOut, "trying again in") != 2 || !strings.Contains(out, "Receipt kept") {
		t.Errorf("sync after two 503s: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	t.Logf("sync after two 503s:\n%s%s", errOut, out)

	appendJumps(t, db, 2)
	quickRetries(t, 3, nil)
	code, out, errOut = runCLI(t, "", "sync", "--db", db, "--central", "http://127.0.0.1:1")
	if code == 0 || !strings.Contains(errOut, "could not be reached after 3 tries") || !strings.Contains(errOut, i18n.New(i18n.EN).T("cli.sync.undelivered", 2)) {
		t.Errorf("sync against nothing: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	t.Logf("sync against nothing:\n%s", errOut)
	if d, undelivered := deliveryOf(t, db); d.Delivered != 2 || undelivered != 2 || d.Central != url {
		t.Errorf("after giving up: %+v, undelivered %d", d, undelivered)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// The laptop's file is restored from a copy made when 100 of its events
// were delivered, after 150 were, and 20 are recorded: sync says that the
// central record holds more than the file, with the central record's
// answer (409 at 101), and exits non-zero.
func TestSyncOfARestoredFileSaysTheCentralRecordHasMore(t *testing.T) {
	cdb, url := startCentral(t)
	quickRetries(t, 5, nil)
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	storetest.BuildHall(t, db, 5, 100)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", url, "--token", token(t, cdb, "Аудитория 214")); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}
	if code, _, errOut := runCLI(t, "", "sync", "--db", db); code != 0 {
		t.Fatalf("sync: %s", errOut)
	}
	backup := filepath.Join(dir, "backup.db")
	copyFiles(t, db, backup)
	appendJumps(t, db, 50)
	if code, out, errOut := runCLI(t, "", "sync", "--db", db); code != 0 || !strings.Contains(out, "events 101–150 of 150") {
		t.Fatalf("sync of 150: exit %d: %s %s", code, out, errOut)
	}
	copyFiles(t, backup, db)
	appendJumps(t, db, 20)

	code, out, errOut := runCLI(t, "", "sync", "--db", db)
	en := i18n.New(i18n.EN)
	if code == 0 {
		t.Fatalf("sync of a restored file succeeded:\n%s", out)
	}
	for _, want := range []string{en.T("cli.sync.ahead", 150, 120), "HTTP 409", en.T("cli.sync.refused_seq", 101), "check: fork", en.T("cli.sync.undelivered", 20)} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	t.Logf("stderr:\n%s", errOut)
	if d, _ := deliveryOf(t, db); d.Delivered != 100 {
		t.Errorf("the restored file's receipt is of %d; want the 100 it had", d.Delivered)
	}
	// Again: the central record has frozen the log.
	if code, _, errOut := runCLI(t, "", "sync", "--db", db, "--lang", "kk"); code == 0 || !strings.Contains(errOut, i18n.New(i18n.KK).T("cli.sync.frozen", 150, 120)) {
		t.Errorf("sync of a frozen log: exit %d, %q", code, errOut)
	}
}

// The dashboard shows how many events are not delivered and when the last
// receipt came, from what the file keeps.
func TestDashboardShowsWhatIsNotDelivered(t *testing.T) {
	cdb, url := startCentral(t)
	quickRetries(t, 5, nil)
	db := filepath.Join(t.TempDir(), "demo.db")
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	view := func() string {
		s, err := store.Open(db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		m := tui.New(tui.Config{Store: s, Clock: systemClock{}, Lang: i18n.EN})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 140, Height: 30})
		return ansi.Strip(next.View().Content)
	}
	if v := view(); !strings.Contains(v, "2 events not yet handed to the central record") {
		t.Errorf("a hall never delivered:\n%s", v)
	}
	runCLI(t, "", "enroll", "--db", db, "--central", url, "--token", token(t, cdb, "A"))
	if code, _, errOut := runCLI(t, "", "sync", "--db", db); code != 0 {
		t.Fatalf("sync: %s", errOut)
	}
	d, _ := deliveryOf(t, db)
	at := d.ReceiptAt.Local().Format("15:04")
	if v := view(); !strings.Contains(v, "all delivered · last receipt "+at) {
		t.Errorf("a hall delivered:\n%s", v)
	}
	appendJumps(t, db, 3)
	if v := view(); !strings.Contains(v, fmt.Sprintf("3 events not yet handed to the central record · last receipt %s", at)) {
		t.Errorf("a hall with 3 events since its receipt:\n%s", v)
	}
}

// A file without its key file is read-only: its record can still be
// handed over (that needs no private key), but the receipt cannot be kept
// in it, so nothing is marked as delivered and sync says so.
func TestSyncOfAFileWithoutItsKeyDeliversButCannotKeepTheReceipt(t *testing.T) {
	cdb, url := startCentral(t)
	quickRetries(t, 5, nil)
	db := filepath.Join(t.TempDir(), "demo.db")
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", url, "--token", token(t, cdb, "A")); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}
	if err := os.Remove(store.KeyPath(db)); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "sync", "--db", db)
	if code == 0 || !strings.Contains(errOut, "READ-ONLY") || !strings.Contains(errOut, "its receipt could not be kept") {
		t.Errorf("sync of a file without its key: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	d, _ := deliveryOf(t, db)
	s, _ := store.Open(db, store.Options{})
	st, err := cdb.LogState(s.DeviceID(), s.Epoch())
	s.Close()
	if err != nil || st.Size != 2 || d.Delivered != 0 {
		t.Errorf("the central record holds %+v (%v); the file's receipt is of %d", st, err, d.Delivered)
	}
}

// A central record serving TLS with a certificate of the commission's
// own authority, which the laptop's system does not trust: enrolment
// without --ca-cert is refused by the TLS check and keeps nothing; with
// it, the certificate is kept and a later sync needs no flag.
func TestEnrollAndSyncOverTLSWithTheCommissionsCertificate(t *testing.T) {
	cdb, err := central.Open(filepath.Join(t.TempDir(), "central.db"), central.Options{Create: true, Program: "tls-test"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewTLSServer(central.NewHandler(cdb, central.ServerOptions{}))
	t.Cleanup(func() { srv.Close(); cdb.Close() })
	quickRetries(t, 2, nil)
	dir := t.TempDir()
	ca := filepath.Join(dir, "ca.pem")
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(ca, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	tok := token(t, cdb, "Audience 204")

	code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", srv.URL, "--token", tok)
	if code == 0 || !strings.Contains(errOut, "certificate") {
		t.Fatalf("enrolment with an untrusted certificate: exit %d: %s", code, errOut)
	}
	if d, _ := deliveryOf(t, db); d.Enrolled() {
		t.Fatal("a refused enrolment was kept")
	}

	notPEM := filepath.Join(dir, "junk.pem")
	os.WriteFile(notPEM, []byte("not a certificate"), 0o600)
	en := i18n.New(i18n.EN)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", srv.URL, "--token", tok, "--ca-cert", notPEM); code == 0 || !strings.Contains(errOut, en.T("cli.enroll.bad_ca_file", notPEM)) {
		t.Fatalf("a file that is not a certificate: exit %d: %s", code, errOut)
	}

	if code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", srv.URL, "--token", tok, "--ca-cert", ca); code != 0 {
		t.Fatalf("enrol with the commission's certificate: exit %d: %s", code, errOut)
	}
	if d, _ := deliveryOf(t, db); string(d.CentralCA) != string(pemBytes) {
		t.Fatal("the certificate was not kept with the enrolment")
	}
	if code, out, errOut := runCLI(t, "", "sync", "--db", db); code != 0 || !strings.Contains(out, en.T("cli.sync.sent", 1, 2, 2, srv.URL)) {
		t.Fatalf("sync over TLS with the kept certificate: exit %d: %s%s", code, out, errOut)
	}
}

// What goes wrong on the way reaches a Russian screen in Russian: the
// central record's 503 and a central record that does not answer at all,
// not the client's or the system's English.
func TestSyncFailuresReadInTheOfficersLanguage(t *testing.T) {
	cdb, url := startCentral(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	quickRetries(t, 5, nil)
	if code, _, errOut := runCLI(t, "", "enroll", "--db", db, "--central", url, "--token", token(t, cdb, "A")); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}
	ru := i18n.New(i18n.RU)
	failures := 0
	quickRetries(t, 5, &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if failures < 1 {
			failures++
			return &http.Response{StatusCode: 503, Status: "503 Service Unavailable", Body: io.NopCloser(strings.NewReader(`{"error":"no room just now","check":"busy"}`)), Header: http.Header{}, Request: r}, nil
		}
		return http.DefaultTransport.RoundTrip(r)
	})})
	code, _, errOut := runCLI(t, "", "sync", "--db", db, "--lang", "ru")
	if code != 0 || !strings.Contains(errOut, ru.T("central.busy", 503)) || strings.Contains(errOut, "busy") || strings.Contains(errOut, "no room") {
		t.Errorf("sync after a 503: exit %d\n%s", code, errOut)
	}

	appendJumps(t, db, 1)
	quickRetries(t, 2, nil)
	code, _, errOut = runCLI(t, "", "sync", "--db", db, "--central", "http://127.0.0.1:1", "--lang", "ru")
	if code == 0 || !strings.Contains(errOut, ru.T("central.net.refused")) || strings.Contains(errOut, "connection refused") || strings.Contains(errOut, "dial tcp") {
		t.Errorf("sync against nothing: exit %d\n%s", code, errOut)
	}
	t.Logf("sync against nothing, in Russian:\n%s", errOut)
}
