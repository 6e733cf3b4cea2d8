package central_test

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"testing"

	"examday/central"
)

// A laptop's sync pushes its whole log (central.HeaderLaptopHolds). One
// that ends before what the central record holds, and is a prefix of it
// signed by the laptop's key, is its file rolled back: refused as such
// (409 rollback, naming the first event the laptop lacks), recorded on
// the log and audited, and nothing else changes — no fork, no freeze. The
// same bundle from a USB stick is an old copy, a duplicate; a push that
// says it holds other than where its bundle ends is refused.
func TestAWholeLogBehindTheCentralRecordIsARollbackNotADuplicate(t *testing.T) {
	l := newLaptop(t, t.TempDir(), 5, 100)
	db := newCentral(t)
	enroll(t, db, l.pub, "Audience 204")
	mustIngest(t, db, l.cut(t, 1, 100))

	before, _ := snapshot(t, db)
	_, err := db.IngestWhole(l.cut(t, 1, 80), "http", "10.0.0.5:4711", 80)
	ref := refusalOf(err)
	if ref == nil || ref.Status != http.StatusConflict || ref.Body.Check != central.CheckRollback || ref.Body.Seq != 81 {
		t.Fatalf("the whole log of 80 events after 100: %v; want 409 rollback at 81", err)
	}
	t.Logf("refused: %s", ref.Body.Error)
	logs, err := db.Logs()
	if err != nil || len(logs) != 1 {
		t.Fatal(logs, err)
	}
	r := logs[0].Rollback
	if r == nil || r.LaptopSize != 80 || r.CentralSize != 100 || r.Via != "http" || r.Remote != "10.0.0.5:4711" || r.Digest == "" {
		t.Fatalf("the rollback recorded: %+v", r)
	}
	if logs[0].Frozen || logs[0].Fork != nil {
		t.Errorf("a rollback froze the log or was taken for a fork: %+v", logs[0])
	}
	holds(t, db, l, 100)
	if after, _ := snapshot(t, db); after == before {
		t.Error("the rollback was not recorded in the file")
	}
	failures, _ := db.RecentFailures(1)
	if len(failures) != 1 || failures[0].Check != central.CheckRollback || failures[0].Last != 80 {
		t.Errorf("the audit: %+v", failures)
	}

	// The same 80 events from a stick: an old copy, nothing to say.
	if res := mustIngest(t, db, l.cut(t, 1, 80)); res.Result != central.ResultDuplicate || res.Size != 100 {
		t.Errorf("an old bundle from a file: %+v; want a duplicate", res)
	}
	// The whole log of a laptop that holds all: a duplicate too.
	if res, err := db.IngestWhole(l.cut(t, 1, 100), "http", "laptop", 100); err != nil || res.Result != central.ResultDuplicate {
		t.Errorf("the whole log, all held: %+v %v; want a duplicate", res, err)
	}
	// A push whose word and bundle disagree.
	if _, err := db.IngestWhole(l.cut(t, 1, 80), "http", "laptop", 79); refusalOf(err) == nil || refusalOf(err).Status != http.StatusBadRequest {
		t.Errorf("holds 79, bundle ends at 80: %v; want 400", err)
	}
	holds(t, db, l, 100)
}

// The client's side, against the real central record over HTTP: a file
// rolled back to an earlier prefix, with nothing new written, is a
// MismatchError whose pushed answer is the rollback, not a success.
func TestSyncOfAFileRolledBackToAnEarlierPrefixIsAMismatchTheCentralRecords(t *testing.T) {
	db, srv := realCentral(t)
	s, path := syncHall(t, 60)
	c := &central.Client{URL: srv.URL, Retry: fastRetry}
	enrol(t, c, newToken(t, db, "Audience 204"), s)
	mustSync(t, c, s)
	s.Close()
	backup := filepath.Join(t.TempDir(), "hall-at-60.db")
	copyHall(t, path, backup)
	s = openHall(t, path)
	grow(t, s, 15)
	mustSync(t, c, s)
	s.Close()
	copyHall(t, backup, path)
	s = openHall(t, path)

	rep, err := c.Sync(context.Background(), s)
	var m *central.MismatchError
	if !errors.As(err, &m) || m.CentralSize != 75 || m.LocalSize != 60 || m.Diverged || m.Frozen {
		t.Fatalf("Sync of the rolled-back file: %v (%+v); want a mismatch, the central holding 75 and the file 60", err, rep)
	}
	if m.Pushed == nil || m.Pushed.Status != http.StatusConflict || m.Pushed.Body.Check != central.CheckRollback || m.Pushed.Body.Seq != 61 {
		t.Fatalf("the central record's answer to the whole log: %+v; want 409 rollback at 61", m.Pushed)
	}
	logs, _ := db.Logs()
	if len(logs) != 1 || logs[0].Rollback == nil || logs[0].Rollback.LaptopSize != 60 || logs[0].Frozen {
		t.Errorf("the central record's log: %+v", logs)
	}
	if s.Delivery().Delivered != 60 {
		t.Errorf("the rolled-back file's receipt changed: %+v", s.Delivery())
	}
}
