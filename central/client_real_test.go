package central_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"examday/central"
	"examday/store"
)

// The client against the real central record: its handler over its own
// bbolt file, served on 127.0.0.1.

func realCentral(t *testing.T) (*central.DB, *httptest.Server) {
	t.Helper()
	db, err := central.Open(filepath.Join(t.TempDir(), "central.db"), central.Options{Create: true, Program: "client-test"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(central.NewHandler(db, central.ServerOptions{})) // listens on 127.0.0.1
	t.Cleanup(func() {
		srv.Close()
		db.Close()
	})
	return db, srv
}

func newToken(t *testing.T, db *central.DB, hall string) string {
	t.Helper()
	tok, err := db.NewToken(hall)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// centralHoldsExactly checks, in the central record's own file, that it
// holds the laptop's log and nothing else: each event once, in order,
// its exact bytes and signature (0 lost, 0 unexpected, 0 duplicated), the
// same root.
func centralHoldsExactly(t *testing.T, db *central.DB, s *store.Store) {
	t.Helper()
	var want []store.Record
	if err := s.Events(1, func(r store.Record) error { want = append(want, r); return nil }); err != nil {
		t.Fatal(err)
	}
	var seen uint64
	err := db.Events(s.Origin(), 1, func(seq uint64, body, sig []byte) error {
		seen++
		if seq != seen {
			return fmt.Errorf("event %d stored where %d should be", seq, seen)
		}
		if seq > uint64(len(want)) {
			return fmt.Errorf("event %d is not the laptop's: it has %d", seq, len(want))
		}
		if w := want[seq-1]; !bytes.Equal(body, w.Body) || !bytes.Equal(sig, w.Signature) {
			return fmt.Errorf("event %d is not the laptop's", seq)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != uint64(len(want)) {
		t.Fatalf("the central record holds %d events; the laptop %d", seen, len(want))
	}
	st, err := db.LogState(s.DeviceID(), s.Epoch())
	if err != nil {
		t.Fatal(err)
	}
	size, root := s.TreeHead()
	if st.Size != size || st.Root != root.String() || st.Frozen {
		t.Fatalf("the central record's log: %d events, root %s, frozen %v; the laptop's %d, %s", st.Size, st.Root, st.Frozen, size, root)
	}
}

// (a) Network faults, over at least 200 pushes against the real server on
// 127.0.0.1: connections dropped before the request and after the server
// committed, answers cut short, 503s before and 502s after the server:
// every event arrives exactly once, and the laptop holds a receipt of all.
func TestSyncOverAFaultyNetworkDeliversEveryEventExactlyOnce(t *testing.T) {
	db, srv := realCentral(t)
	s, _ := syncHall(t, 10)
	pushes := syncThroughFaults(t, s, srv.URL, newToken(t, db, "Audience 204"), 200, 20270812)
	if pushes < 200 {
		t.Errorf("only %d pushes reached the server", pushes)
	}
	centralHoldsExactly(t, db, s)
	size, _ := s.TreeHead()
	if d := s.Delivery(); d.Delivered != size || s.Undelivered() != 0 {
		t.Errorf("the laptop's delivery state: %d of %d", d.Delivered, size)
	}
}

// (b) Rollback: after 150 events were delivered, the laptop's file (and
// its key file) is restored from a copy made at 100 events, and 20 are
// recorded. Sync finds the central record holds more than the file, sends
// the whole log, gets 409 at event 101, and fails; the central record keeps
// both versions and freezes the log.
func TestSyncAfterARollbackSaysTheCentralRecordHasMore(t *testing.T) {
	db, srv := realCentral(t)
	s, path := syncHall(t, 100)
	c := &central.Client{URL: srv.URL, Retry: fastRetry}
	enrol(t, c, newToken(t, db, "Audience 204"), s)
	mustSync(t, c, s)
	s.Close()
	backup := filepath.Join(t.TempDir(), "hall-at-100.db")
	copyHall(t, path, backup)
	s = openHall(t, path)
	grow(t, s, 50)
	if rep := mustSync(t, c, s); rep.Receipt.Size != 150 {
		t.Fatalf("delivered %d; want 150", rep.Receipt.Size)
	}
	centralHoldsExactly(t, db, s)
	s.Close()

	copyHall(t, backup, path)
	s = openHall(t, path)
	grow(t, s, 20)
	_, err := c.Sync(context.Background(), s)
	var m *central.MismatchError
	if !errors.As(err, &m) {
		t.Fatalf("Sync of the restored file: %v; want a MismatchError", err)
	}
	if m.CentralSize != 150 || m.LocalSize != 120 || m.Pushed == nil || m.Pushed.Status != http.StatusConflict || m.Pushed.Body.Seq != 101 {
		t.Fatalf("mismatch %+v (pushed %+v); want 150 > 120 and a 409 at 101", m, m.Pushed)
	}
	if !strings.Contains(err.Error(), "the central record holds 150 events of this log, this file only 120") {
		t.Errorf("the message: %v", err)
	}
	t.Logf("the central record answered the whole log: HTTP %d %+v", m.Pushed.Status, m.Pushed.Body)
	forks, err := db.Forks()
	if err != nil {
		t.Fatal(err)
	}
	if len(forks) != 1 || forks[0].Seq != 101 || forks[0].Origin != s.Origin() {
		t.Errorf("forks kept: %+v; want one at 101", forks)
	}
	if ev, err := db.Evidence(forks[0].ID); err != nil || len(ev) == 0 {
		t.Errorf("the laptop's version is not kept as evidence: %v", err)
	}
	st, err := db.LogState(s.DeviceID(), s.Epoch())
	if err != nil || st.Size != 150 || !st.Frozen {
		t.Errorf("the central record's log after the fork: %+v, %v; want 150 events, frozen", st, err)
	}
	if d := s.Delivery(); d.Delivered != 100 {
		t.Errorf("the restored file's receipt changed: %d", d.Delivered)
	}
	// Asked again, the log is frozen.
	if _, err := c.Sync(context.Background(), s); !errors.As(err, &m) || !m.Frozen {
		t.Errorf("the next sync: %v; want the frozen log", err)
	}
}

// (c) Enrolment: a token used by another laptop and an unknown one are
// refused with the central record's reason, and not tried again. The
// same laptop with its own token again is enrolled: so a try whose answer
// was lost is finished by the next.
func TestEnrolWithTheRealCentralRecord(t *testing.T) {
	db, srv := realCentral(t)
	s, _ := syncHall(t, 5)
	other, _ := syncHall(t, 5)
	tr := newFaultyTransport(func(*http.Request) fault { return faultNone })
	c := &central.Client{URL: srv.URL, Retry: fastRetry, HTTP: &http.Client{Transport: tr}}
	tok := newToken(t, db, "Audience 204")
	resp := enrol(t, c, tok, s)
	if resp.Hall != "Audience 204" || resp.CentralKey != db.VerifierKey() {
		t.Errorf("enrolment answer %+v; want the hall and the central's key %s", resp, db.VerifierKey())
	}
	for _, bad := range []string{tok, "0123456789abcdef"} {
		_, err := c.Enroll(context.Background(), bad, other.DeviceID(), other.PublicKey())
		var refused *central.RefusedError
		if !errors.As(err, &refused) || refused.Status != http.StatusForbidden || refused.Body.Error == "" || !strings.Contains(err.Error(), refused.Body.Error) {
			t.Errorf("Enroll with %q: %v; want a 403 with its reason", bad, err)
			continue
		}
		t.Logf("refused: %v", err)
	}
	if n := tr.Reached("POST /v1/enroll"); n != 3 {
		t.Errorf("%d enrolment requests reached the server; want 3", n)
	}

	// The answer to an enrolment is lost after the central record took it:
	// the next try is answered as enrolled.
	once := true
	tr.choose = func(*http.Request) fault {
		if once {
			once = false
			return faultDropAfter
		}
		return faultNone
	}
	tok = newToken(t, db, "Audience 205")
	if resp, err := c.Enroll(context.Background(), tok, other.DeviceID(), other.PublicKey()); err != nil || resp.Hall != "Audience 205" {
		t.Errorf("an enrolment whose answer was lost: %+v, %v; want it finished by the next try", resp, err)
	}
}

// A push whose answer is lost after the real server committed it: the
// next question finds everything there, and its receipt is kept.
func TestALostAnswerFromTheRealCentralRecord(t *testing.T) {
	db, srv := realCentral(t)
	s, _ := syncHall(t, 40)
	enrol(t, &central.Client{URL: srv.URL, Retry: fastRetry}, newToken(t, db, "A"), s)
	for _, f := range []fault{faultDropAfter, faultTruncate, fault502After} {
		grow(t, s, 3)
		once := true
		tr := newFaultyTransport(func(r *http.Request) fault {
			if kind(r) == "POST bundles" && once {
				once = false
				return f
			}
			return faultNone
		})
		c := &central.Client{URL: srv.URL, Retry: fastRetry, HTTP: &http.Client{Transport: tr}}
		rep := mustSync(t, c, s)
		size, _ := s.TreeHead()
		if rep.Retries != 1 || rep.Receipt.Size != size || tr.Reached("POST bundles") != 1 {
			t.Errorf("%s: %+v, %d pushes reached", f, rep, tr.Reached("POST bundles"))
		}
		centralHoldsExactly(t, db, s)
	}
}
