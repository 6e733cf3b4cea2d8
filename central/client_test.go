package central_test

import (
	"context"
	"crypto/rand"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"

	"examday/central"
	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// fastRetry keeps the tests quick: the back-off's shape, not its pace,
// is under test.
var fastRetry = central.Retry{Attempts: 12, Initial: time.Millisecond, Max: 4 * time.Millisecond, Total: 10 * time.Second}

// syncHall builds a hall file of events events and opens it.
func syncHall(t *testing.T, events int) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, path, 5, events)
	return openHall(t, path), path
}

func openHall(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{Program: "central-client-test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// grown counts the events grow made, so that no two are alike: a file
// restored from a copy and grown again differs from the original.
var grown atomic.Int64

// grow appends n events (clock jumps) to the hall.
func grow(t testing.TB, s *store.Store, n int) {
	t.Helper()
	_, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		out := make([]exam.Event, n)
		for i := range out {
			at := storetest.Base.Add(time.Hour + time.Duration(grown.Add(1))*time.Millisecond)
			var err error
			if out[i], err = h.ClockJumped(6*time.Second, time.Second, at); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// copyHall copies a closed or open hall file and its key file, as a
// backup would.
func copyHall(t *testing.T, from, to string) {
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

// enrol enrols the hall with the central record behind c.
func enrol(t *testing.T, c *central.Client, token string, s *store.Store) central.EnrollResponse {
	t.Helper()
	resp, err := c.Enroll(context.Background(), token, s.DeviceID(), s.PublicKey())
	if err != nil {
		t.Fatalf("Enroll: %v", err)
	}
	if err := s.SetEnrolment(c.URL, resp.CentralKey, resp.Hall, time.Now()); err != nil {
		t.Fatal(err)
	}
	return resp
}

func newFake(t *testing.T) (*fakeCentral, *httptest.Server) {
	f := newFakeCentral()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

func mustSync(t *testing.T, c *central.Client, s *store.Store) *central.SyncReport {
	t.Helper()
	rep, err := c.Sync(context.Background(), s)
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	return rep
}

// Enrolment keeps the central record's key and hall; a sync pushes what
// the central record lacks, from its size on, and keeps its receipt; a
// sync with nothing new pushes nothing and still holds a receipt of all.
func TestSyncPushesOnlyWhatTheCentralRecordLacksAndKeepsItsReceipt(t *testing.T) {
	f, srv := newFake(t)
	s, _ := syncHall(t, 30)
	c := &central.Client{URL: srv.URL, Retry: fastRetry}
	if _, err := c.Sync(context.Background(), s); !errors.Is(err, central.ErrNotEnrolled) {
		t.Fatalf("sync before enrolment: %v; want ErrNotEnrolled", err)
	}
	resp := enrol(t, c, f.token("Audience 204"), s)
	if resp.Hall != "Audience 204" || resp.CentralKey != f.vkey {
		t.Errorf("enrolment answer %+v", resp)
	}

	rep := mustSync(t, c, s)
	if rep.Before != 0 || rep.First != 1 || rep.Last != 30 || rep.Result != central.ResultAppended || rep.Appended != 30 || rep.Receipt.Size != 30 {
		t.Errorf("first sync: %+v", rep)
	}
	if d := s.Delivery(); d.Delivered != 30 || s.Undelivered() != 0 || d.ReceiptAt.IsZero() {
		t.Errorf("after the first sync: %+v, undelivered %d", d, s.Undelivered())
	}

	grow(t, s, 5)
	if s.Undelivered() != 5 {
		t.Errorf("after 5 more events, undelivered %d", s.Undelivered())
	}
	rep = mustSync(t, c, s)
	if rep.Before != 30 || rep.First != 31 || rep.Last != 35 || rep.Appended != 5 || rep.Receipt.Size != 35 {
		t.Errorf("second sync: %+v", rep)
	}
	pushes := f.pushes
	rep = mustSync(t, c, s)
	if rep.Before != 35 || rep.First != 0 || rep.Result != "" || rep.Receipt.Size != 35 || f.pushes != pushes {
		t.Errorf("a sync with nothing new: %+v, %d pushes (was %d)", rep, f.pushes, pushes)
	}
	size, root := s.TreeHead()
	l := f.log(s.Origin())
	if int64(len(l.bodies)) != size || l.root() != root || l.appends != 35 {
		t.Errorf("the central record holds %d events (%d appended), root %v; the laptop %d, %v", len(l.bodies), l.appends, l.root(), size, root)
	}
}

// A used or unknown token is refused with the central record's reason,
// and not tried again.
func TestEnrolWithAUsedOrUnknownTokenIsRefusedWithTheReason(t *testing.T) {
	f, srv := newFake(t)
	s, _ := syncHall(t, 5)
	tr := newFaultyTransport(func(*http.Request) fault { return faultNone })
	c := &central.Client{URL: srv.URL, Retry: fastRetry, HTTP: &http.Client{Transport: tr}}
	token := f.token("Audience 204")
	enrol(t, c, token, s)
	for _, tok := range []string{token, "not-a-token"} {
		_, err := c.Enroll(context.Background(), tok, s.DeviceID(), s.PublicKey())
		var refused *central.RefusedError
		if !errors.As(err, &refused) || refused.Status != 403 || refused.Body.Error != "the token is unknown or was used" {
			t.Errorf("Enroll(%q): %v; want a 403 with the reason", tok, err)
		}
		if err != nil && !strings.Contains(err.Error(), "the token is unknown or was used") {
			t.Errorf("the message does not carry the reason: %v", err)
		}
	}
	if n := tr.Reached("POST /v1/enroll"); n != 3 {
		t.Errorf("%d enrolment requests; want 3 (no retries of a refusal)", n)
	}
}

// Failures on the way are tried again at enrolment. When the answer of a
// try that reached the central record was lost and the next try is
// refused (this fake, unlike the real one, does not take the same laptop
// again), the error says the answer was lost as well as the refusal.
func TestEnrolTriesFailuresAgainAndSaysWhenAnAnswerWasLost(t *testing.T) {
	f, srv := newFake(t)
	s, _ := syncHall(t, 5)
	n := 0
	tr := newFaultyTransport(func(*http.Request) fault {
		n++
		if n <= 2 {
			return fault503Before
		}
		return faultNone
	})
	c := &central.Client{URL: srv.URL, Retry: fastRetry, HTTP: &http.Client{Transport: tr}}
	enrol(t, c, f.token("Audience 204"), s)

	once := true
	tr.choose = func(*http.Request) fault {
		if once {
			once = false
			return faultDropAfter
		}
		return faultNone
	}
	_, err := c.Enroll(context.Background(), f.token("Audience 204"), s.DeviceID(), s.PublicKey())
	var refused *central.RefusedError
	if !errors.Is(err, central.ErrAnswerLost) || !errors.As(err, &refused) || refused.Status != 403 {
		t.Errorf("an enrolment whose answer was lost, then refused: %v", err)
	}
	if n := tr.Reached("POST /v1/enroll"); n != 3 {
		t.Errorf("%d enrolment requests reached the server; want 1 + 2", n)
	}
}

// An answer to enrolment that is not a verifier key is refused.
func TestEnrolRefusesAnAnswerWithoutAVerifierKey(t *testing.T) {
	f, srv := newFake(t)
	f.before = func(r *http.Request) (int, any, bool) {
		return 200, central.EnrollResponse{Hall: "A", CentralKey: "not a key"}, true
	}
	s, _ := syncHall(t, 5)
	c := &central.Client{URL: srv.URL, Retry: fastRetry}
	if _, err := c.Enroll(context.Background(), "t", s.DeviceID(), s.PublicKey()); err == nil || !strings.Contains(err.Error(), "not a verifier key") {
		t.Errorf("Enroll: %v", err)
	}
}

// Refusals are never tried again, whatever their kind, and keep nothing;
// the error carries the central record's exact reason.
func TestSyncNeverTriesARefusalAgain(t *testing.T) {
	for _, status := range []int{400, 403, 409, 413, 422} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			f, srv := newFake(t)
			s, _ := syncHall(t, 10)
			c := &central.Client{URL: srv.URL, Retry: fastRetry}
			enrol(t, c, f.token("A"), s)
			reason := "the reason the central record gives, exactly"
			f.before = func(r *http.Request) (int, any, bool) {
				if r.Method != http.MethodPost {
					return 0, nil, false
				}
				f.pushes++
				return status, central.ErrorBody{Error: reason, Check: "gap", ExpectedFirst: 7}, true
			}
			rep, err := c.Sync(context.Background(), s)
			var refused *central.RefusedError
			if !errors.As(err, &refused) || refused.Status != status || refused.Body.Error != reason || refused.Body.ExpectedFirst != 7 {
				t.Fatalf("Sync: %v; want the %d with its reason", err, status)
			}
			if f.pushes != 1 || rep.Retries != 0 {
				t.Errorf("%d pushes, %d retries; want 1 and 0", f.pushes, rep.Retries)
			}
			if d := s.Delivery(); d.Delivered != 0 || d.Receipt != nil {
				t.Errorf("a refused push marked events delivered: %+v", d)
			}
		})
	}
}

// Server errors and failures on the way are tried again with back-off, up
// to the tries allowed; then the client gives up and keeps nothing.
func TestSyncTriesFailuresAgainThenGivesUp(t *testing.T) {
	f, srv := newFake(t)
	s, _ := syncHall(t, 10)
	var notices []central.RetryNotice
	c := &central.Client{URL: srv.URL, Retry: central.Retry{Attempts: 5, Initial: time.Millisecond, Max: 3 * time.Millisecond, Total: time.Minute},
		OnRetry: func(n central.RetryNotice) { notices = append(notices, n) }}
	enrol(t, c, f.token("A"), s)

	failures := 3
	f.before = func(r *http.Request) (int, any, bool) {
		if failures > 0 {
			failures--
			return 500, central.ErrorBody{Error: "could not write; nothing was written"}, true
		}
		return 0, nil, false
	}
	rep := mustSync(t, c, s)
	if rep.Retries != 3 || len(notices) != 3 || rep.Receipt.Size != 10 {
		t.Errorf("after 3 server errors: %+v, %d notices", rep, len(notices))
	}
	for i, n := range notices {
		if n.Attempt != i+1 || n.Attempts != 5 || n.Wait <= 0 || n.Wait > 3*time.Millisecond || !strings.Contains(n.Err.Error(), "HTTP 500") {
			t.Errorf("notice %d: %+v", i, n)
		}
	}

	grow(t, s, 3)
	f.before = func(r *http.Request) (int, any, bool) {
		return 503, central.ErrorBody{Error: "busy"}, true
	}
	_, err := c.Sync(context.Background(), s)
	var gaveUp *central.GaveUpError
	if !errors.As(err, &gaveUp) || gaveUp.Attempts != 5 {
		t.Fatalf("Sync against a failing server: %v; want a GaveUpError after 5 tries", err)
	}
	if s.Delivery().Delivered != 10 {
		t.Errorf("giving up changed the receipt: %+v", s.Delivery())
	}

	// The time allowed bounds the tries as well.
	c.Retry = central.Retry{Attempts: 1000, Initial: 20 * time.Millisecond, Max: 20 * time.Millisecond, Total: 100 * time.Millisecond}
	start := time.Now()
	if _, err := c.Sync(context.Background(), s); !errors.As(err, &gaveUp) || time.Since(start) > 2*time.Second || gaveUp.Attempts > 11 {
		t.Errorf("Sync with 100 ms allowed: %v after %s", err, time.Since(start))
	}
}

// Back-off grows, is capped, and has jitter.
func TestBackOffGrowsIsCappedAndJittered(t *testing.T) {
	f, srv := newFake(t)
	f.before = func(r *http.Request) (int, any, bool) { return 503, central.ErrorBody{Error: "busy"}, true }
	var waits []time.Duration
	c := &central.Client{URL: srv.URL, Retry: central.Retry{Attempts: 7, Initial: 500 * time.Microsecond, Max: 8 * time.Millisecond, Total: time.Minute},
		OnRetry: func(n central.RetryNotice) { waits = append(waits, n.Wait) }}
	for range 10 {
		c.LogState(context.Background(), strings.Repeat("a", 64), strings.Repeat("b", 32))
	}
	if len(waits) != 10*6 {
		t.Fatalf("%d waits; want 60", len(waits))
	}
	distinct := map[time.Duration]bool{}
	for i, w := range waits {
		n := i%6 + 1
		full := min(500*time.Microsecond<<(n-1), 8*time.Millisecond)
		if w < full/2 || w > full {
			t.Errorf("wait after failure %d is %s; want within [%s, %s]", n, w, full/2, full)
		}
		distinct[w] = true
	}
	if len(distinct) < 30 {
		t.Errorf("only %d distinct waits in 60: no jitter", len(distinct))
	}
}

// A cancelled context stops the waiting at once.
func TestSyncStopsWhenCancelled(t *testing.T) {
	f, srv := newFake(t)
	s, _ := syncHall(t, 5)
	c := &central.Client{URL: srv.URL, Retry: central.Retry{Attempts: 100, Initial: time.Hour, Max: time.Hour, Total: 10 * time.Hour}}
	enrol(t, c, f.token("A"), s)
	f.before = func(r *http.Request) (int, any, bool) { return 503, central.ErrorBody{Error: "busy"}, true }
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := c.Sync(ctx, s); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("Sync: %v after %s", err, time.Since(start))
	}
}

// A receipt that does not verify is not kept: signed by another key, of
// another log, of a root that is not the file's, of more events than it
// holds.
func TestAReceiptThatDoesNotVerifyIsNotKept(t *testing.T) {
	skey, _, _ := note.GenerateKey(rand.Reader, "examday-central/impostor")
	impostor, _ := note.NewSigner(skey)
	cases := []struct {
		name string
		make func(f *fakeCentral, s *store.Store) central.Receipt
		with func(f *fakeCentral) note.Signer
		want string
	}{
		{"another key", func(f *fakeCentral, s *store.Store) central.Receipt {
			size, root := s.TreeHead()
			return central.Receipt{Origin: s.Origin(), Size: size, Root: root, At: time.Now()}
		}, func(*fakeCentral) note.Signer { return impostor }, "signature"},
		{"another log", func(f *fakeCentral, s *store.Store) central.Receipt {
			size, root := s.TreeHead()
			return central.Receipt{Origin: "examday/other/log", Size: size, Root: root, At: time.Now()}
		}, nil, "not of this file"},
		{"another root", func(f *fakeCentral, s *store.Store) central.Receipt {
			size, root := s.TreeHead()
			root[0] ^= 1
			return central.Receipt{Origin: s.Origin(), Size: size, Root: root, At: time.Now()}
		}, nil, "this file's root there is"},
		{"more events", func(f *fakeCentral, s *store.Store) central.Receipt {
			size, root := s.TreeHead()
			return central.Receipt{Origin: s.Origin(), Size: size + 1, Root: root, At: time.Now()}
		}, nil, "this file holds"},
		{"fewer events", func(f *fakeCentral, s *store.Store) central.Receipt {
			size, _ := s.TreeHead()
			root, _ := tlogRoot(s, size-1)
			return central.Receipt{Origin: s.Origin(), Size: size - 1, Root: root, At: time.Now()}
		}, nil, "not the 12"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, srv := newFake(t)
			s, _ := syncHall(t, 12)
			c := &central.Client{URL: srv.URL, Retry: fastRetry}
			enrol(t, c, f.token("A"), s)
			signer := f.signer
			if tc.with != nil {
				signer = tc.with(f)
			}
			msg, err := central.SignReceipt(tc.make(f, s), signer)
			if err != nil {
				t.Fatal(err)
			}
			f.before = func(r *http.Request) (int, any, bool) {
				if r.Method != http.MethodPost {
					return 0, nil, false
				}
				return 200, central.PushResult{Result: central.ResultAppended, Appended: 12, Size: 12, Receipt: string(msg)}, true
			}
			_, err = c.Sync(context.Background(), s)
			var bad *central.ReceiptError
			if !errors.As(err, &bad) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Sync: %v; want a ReceiptError saying %q", err, tc.want)
			}
			if d := s.Delivery(); d.Delivered != 0 || d.Receipt != nil {
				t.Errorf("a receipt that does not verify was kept: %+v", d)
			}
		})
	}
}

// The answer to a push is lost after the central record took the bundle:
// the retry asks again, finds everything there, and keeps the receipt of
// the answer to that question. Nothing is sent twice.
func TestALostAnswerIsRecoveredFromTheCentralRecordsState(t *testing.T) {
	f, srv := newFake(t)
	s, _ := syncHall(t, 40)
	lost := true
	tr := newFaultyTransport(func(r *http.Request) fault {
		if r.Method == http.MethodPost && kind(r) == "POST bundles" && lost {
			lost = false
			return faultDropAfter
		}
		return faultNone
	})
	c := &central.Client{URL: srv.URL, Retry: fastRetry, HTTP: &http.Client{Transport: tr}}
	enrol(t, c, f.token("A"), s)
	rep := mustSync(t, c, s)
	if rep.Retries != 1 || rep.Before != 0 || rep.Central.Size != 40 || rep.Receipt.Size != 40 || f.pushes != 1 {
		t.Errorf("after a lost answer: %+v, %d pushes", rep, f.pushes)
	}
	if l := f.log(s.Origin()); l.appends != 40 || s.Undelivered() != 0 {
		t.Errorf("central appended %d, undelivered %d", l.appends, s.Undelivered())
	}
}

// Restored from an older copy and written on: the central record holds
// 150 events, the file 120 of which 20 differ. Sync says the central has
// more than the file, pushes the whole log so the central keeps this
// version (409 at 101) and fails; the next sync finds the log frozen.
func TestSyncOfAFileRestoredFromAnOlderCopySaysTheCentralHasMore(t *testing.T) {
	f, srv := newFake(t)
	s, path := syncHall(t, 100)
	c := &central.Client{URL: srv.URL, Retry: fastRetry}
	enrol(t, c, f.token("A"), s)
	mustSync(t, c, s)
	backup := filepath.Join(t.TempDir(), "backup.db")
	copyHall(t, path, backup)
	grow(t, s, 50)
	mustSync(t, c, s)
	s.Close()

	copyHall(t, backup, path)
	s = openHall(t, path)
	grow(t, s, 20)
	if s.Undelivered() != 20 {
		t.Errorf("the restored file thinks %d are undelivered; want 20 (its own receipt is of 100)", s.Undelivered())
	}
	_, err := c.Sync(context.Background(), s)
	var m *central.MismatchError
	if !errors.As(err, &m) || m.CentralSize != 150 || m.LocalSize != 120 || m.Pushed == nil || m.Pushed.Status != 409 || m.Pushed.Body.Seq != 101 {
		t.Fatalf("Sync: %v (%+v); want a mismatch 150 > 120 with a 409 at 101", err, m)
	}
	if !strings.Contains(err.Error(), "holds 150 events of this log, this file only 120") {
		t.Errorf("the message: %v", err)
	}
	if l := f.log(s.Origin()); len(l.bodies) != 150 || !l.frozen || l.forks != 1 {
		t.Errorf("the central record: %d events, frozen %v, forks %d", len(l.bodies), l.frozen, l.forks)
	}
	if d := s.Delivery(); d.Delivered != 100 {
		t.Errorf("the mismatch changed the receipt: %+v", d)
	}
	_, err = c.Sync(context.Background(), s)
	if !errors.As(err, &m) || !m.Frozen {
		t.Errorf("the next sync: %v; want the frozen log", err)
	}
}

// The same size but other events: the roots differ, the whole log is
// pushed, and the central answers 409 at the first event that differs.
func TestSyncOfADivergedFileAtTheSameSize(t *testing.T) {
	f, srv := newFake(t)
	s, path := syncHall(t, 30)
	c := &central.Client{URL: srv.URL, Retry: fastRetry}
	enrol(t, c, f.token("A"), s)
	backup := filepath.Join(t.TempDir(), "backup.db")
	s.Close()
	copyHall(t, path, backup)
	s = openHall(t, path)
	grow(t, s, 5)
	mustSync(t, c, s)
	s.Close()

	copyHall(t, backup, path)
	s = openHall(t, path)
	// Other events 31 … 36: the central holds 35, the file 36.
	if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		out := make([]exam.Event, 6)
		for i := range out {
			out[i], _ = h.ClockJumped(9*time.Second, time.Second, storetest.Base.Add(time.Duration(i)*time.Minute))
		}
		return out, nil
	}); err != nil {
		t.Fatal(err)
	}
	_, err := c.Sync(context.Background(), s)
	var m *central.MismatchError
	if !errors.As(err, &m) || !m.Diverged || m.CentralSize != 35 || m.LocalSize != 36 || m.Pushed == nil || m.Pushed.Body.Seq != 31 {
		t.Fatalf("Sync: %v (%+v); want diverged at 31", err, m)
	}
}

// A receipt of more events than the file holds is seen offline: the
// report says so before the central record is asked.
func TestAKeptReceiptOfMoreEventsThanTheFileIsReported(t *testing.T) {
	f, srv := newFake(t)
	s, path := syncHall(t, 20)
	c := &central.Client{URL: srv.URL, Retry: fastRetry}
	enrol(t, c, f.token("A"), s)
	mustSync(t, c, s)
	s.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("delivery")).Put([]byte("receipt_size"), []byte("25"))
	})
	db.Close()
	s = openHall(t, path)
	rep, err := c.Sync(context.Background(), s)
	if err != nil || rep.ReceiptAhead != 25 || rep.Local != 20 {
		t.Errorf("Sync: %v, %+v; want ReceiptAhead 25 of a file of 20", err, rep)
	}
}

// The client over a faulty network against the fake: the same check as
// against the real server (client_real_test.go), quicker, so a failure of
// the client shows here first.
func TestSyncOverAFaultyNetworkAgainstTheFake(t *testing.T) {
	f, srv := newFake(t)
	s, _ := syncHall(t, 10)
	pushes := syncThroughFaults(t, s, srv.URL, f.token("A"), 200, 1)
	l := f.log(s.Origin())
	size, root := s.TreeHead()
	if int64(len(l.bodies)) != size || l.root() != root || l.appends != int(size) {
		t.Errorf("central holds %d (%d appended, root %v); laptop %d (%v)", len(l.bodies), l.appends, l.root(), size, root)
	}
	if pushes < 200 {
		t.Errorf("only %d pushes reached the server", pushes)
	}
}
