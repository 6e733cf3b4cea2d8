package store_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// recordsAt is the event the hall's state records in the file at path
// are of (the hall record's last_seq); the file may be open.
func recordsAt(t *testing.T, path string) uint64 {
	t.Helper()
	var at uint64
	readOnly(t, copyOpenHall(t, path), func(tx *bolt.Tx) error {
		var r struct {
			LastSeq uint64 `json:"last_seq"`
		}
		if err := json.Unmarshal(tx.Bucket(bucketHall).Get([]byte("state")), &r); err != nil {
			return err
		}
		at = r.LastSeq
		return nil
	})
	return at
}

// copyOpenHall copies the hall file at path, open and written to by a
// store, and its key into a new folder: the file as a program killed
// after its last commit leaves it.
func copyOpenHall(t *testing.T, path string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "hall.examday")
	for from, dst := range map[string]string{path: to, store.KeyPath(path): store.KeyPath(to)} {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dst, b)
	}
	return to
}

// The hall's state records are written every StateEvery events and at
// Close, not with every commit: a file left by a program that ended
// without closing it holds records that lag its log, and opens with the
// hall the whole log makes, the events after the records replayed —
// arrivals, the examinees' records those events changed, and all.
func TestTheStateRecordsLagTheLogAndOpenReplaysTheRest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hall.examday")
	storetest.BuildHall(t, path, store.StateEvery+20, 2) // created, roster imported
	s := open(t, path)
	at := storetest.Base.Add(time.Minute)
	arrive := func(i int) {
		t.Helper()
		at = at.Add(time.Second)
		mustDo(t, s, func(h *exam.Hall) ([]exam.Event, error) {
			ev, err := h.Arrive(fmt.Sprintf("E%06d", i+1), at, storetest.Officer)
			return []exam.Event{ev}, err
		})
	}
	for i := range 10 {
		arrive(i)
	}
	if got := recordsAt(t, path); got != 2 {
		t.Errorf("after 10 commits the records are of event %d; want 2 (they lag)", got)
	}
	crashed := copyOpenHall(t, path)
	c, err := store.Open(crashed, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Broken() != nil {
		t.Fatalf("the file left open opens read-only: %v", c.Broken())
	}
	if got, want := snapshot(t, c.Hall()), snapshot(t, s.Hall()); got != want {
		t.Errorf("the file left open opens with another hall:\n%s\nwant\n%s", got, want)
	}
	if err := c.CheckProjection(); err != nil {
		t.Error(err)
	}
	// A commit on top of it, then its close, writes the records the
	// replayed events changed: they are the replay of the log.
	if _, err := c.Do(clockJump(at.Add(time.Minute))); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if got := recordsAt(t, crashed); got != 13 {
		t.Errorf("after Close the records are of event %d; want 13", got)
	}
	checkRecordsAreTheReplay(t, crashed)

	for i := 10; i < store.StateEvery+10; i++ {
		arrive(i)
	}
	if got, last := recordsAt(t, path), s.Hall().LastSeq; got < last-store.StateEvery || got <= 2 {
		t.Errorf("after %d commits the records are of event %d; want at most %d behind", last, got, store.StateEvery)
	}
	checkRecordsAreTheReplay(t, copyOpenHall(t, path))
	s.Close()
	if got, last := recordsAt(t, path), uint64(store.StateEvery+12); got != last {
		t.Errorf("after Close the records are of event %d; want %d", got, last)
	}
	checkRecordsAreTheReplay(t, path)
}

// checkRecordsAreTheReplay fails the test unless every state record in
// the file at path is what the codec writes for the hall the log replays
// to, up to the event the records are of.
func checkRecordsAreTheReplay(t *testing.T, path string) {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stored, replayed, err := store.StoredAndReplayed(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(replayed) {
		t.Errorf("%d state records stored, %d replayed", len(stored), len(replayed))
	}
	for name, b := range replayed {
		if string(stored[name]) != string(b) {
			t.Errorf("%s: stored %s\nreplayed %s", name, stored[name], b)
		}
	}
}

// Records that say they are of an earlier event than they were made of
// (their last_seq lowered, as an editor of the file might) are found at
// every open, the read-only ones too: the events after it would be
// applied twice. The file opens read-only and stays as it was.
func TestStateRecordsLoweredAreFoundAtEveryOpen(t *testing.T) {
	const total = 40
	path := builtHall(t, 20, total)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		hall := tx.Bucket(bucketHall)
		var r map[string]any
		if err := json.Unmarshal(hall.Get([]byte("state")), &r); err != nil {
			return err
		}
		r["last_seq"] = total - 1
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return hall.Put([]byte("state"), b)
	})
	before := fileSum(t, path)
	for _, opts := range []store.Options{{}, {ReadOnly: true}, {CheckStateLater: true}} {
		s, err := store.Open(path, opts)
		if err != nil {
			t.Fatalf("Open %+v: %v", opts, err)
		}
		var state *store.StateError
		if !errors.As(s.Broken(), &state) || state.Where != "hall: last_hash" {
			t.Errorf("Open %+v: Broken() = %v; want the records' last event named as another", opts, s.Broken())
		}
		s.Close()
	}
	if fileSum(t, path) != before {
		t.Error("the file was changed")
	}
}
