package store_test

import (
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/barcode"
	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// A commit of one event writes the pages a bare bbolt Update of a value
// of its size writes, give or take one: since schema 5 its signature and
// tree hashes are in its events record, so the log is one bucket's leaf
// and branch, not three buckets' (schema 4 wrote 8 pages where the bare
// Update wrote 4). Counted, not timed: the count does not depend on the
// machine's load, the time does (BenchmarkAppendVsBare).
func TestACommitWritesWhatABareUpdateWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hall.examday")
	storetest.BuildHall(t, path, 30, 100)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const n = 300
	at := storetest.Base.Add(time.Hour)
	var size int
	before := store.DBOf(s).Stats().TxStats
	for range n {
		at = at.Add(time.Second)
		recs, err := s.Do(benchJump(at))
		if err != nil {
			t.Fatal(err)
		}
		size = 32 + len(recs[0].Body)
	}
	after := store.DBOf(s).Stats().TxStats

	updates := make([][]int, n)
	for i := range updates {
		updates[i] = []int{size}
	}
	barePages, bareWrites := bareUpdates(t, dir, updates)

	pages := float64(after.GetPageCount()-before.GetPageCount()) / n
	writes := float64(after.GetWrite()-before.GetWrite()) / n
	t.Logf("a commit: %.2f pages, %.2f writes; a bare Update: %.2f pages, %.2f writes", pages, writes, barePages, bareWrites)
	if pages > barePages+1 || writes > bareWrites+1 {
		t.Errorf("a commit writes %.2f pages (%.2f writes), a bare Update %.2f (%.2f): more than one more", pages, writes, barePages, bareWrites)
	}
}

// A scan's commit (an answer sheet received) writes, over many scans, at
// most one page more than a bare Update of its events: the hall's state
// records (the sheet's, the examinee's, the hall's) are written every
// StateEvery events, not with each scan.
func TestAScanWritesWhatABareUpdateWrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hall.examday")
	storetest.BuildDay(t, path, 300, 100, 0) // every hundredth through the day, the rest writing
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var codes []barcode.Code
	for _, sh := range s.Hall().Sheets() {
		if sh.State == exam.SheetIssued && !sh.Situational() {
			codes = append(codes, sh.Code)
		}
	}
	const n = 300
	if len(codes) < n {
		t.Fatalf("%d theory sheets out; want %d", len(codes), n)
	}
	at := storetest.Base.Add(2 * time.Hour)
	var sizes [][]int // of each scan's events
	before := store.DBOf(s).Stats().TxStats
	for _, c := range codes[:n] {
		at = at.Add(time.Second)
		recs, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) { return h.ReceiveSheet(c, at, storetest.Officer) })
		if err != nil {
			t.Fatal(err)
		}
		var scan []int
		for _, r := range recs {
			scan = append(scan, 32+len(r.Body))
		}
		sizes = append(sizes, scan)
	}
	after := store.DBOf(s).Stats().TxStats

	// As BenchmarkScanToDurable's floor: one bare Update a scan, putting
	// values of the sizes of its events under the next keys.
	barePages, bareWrites := bareUpdates(t, dir, sizes)
	events := 0
	for _, scan := range sizes {
		events += len(scan)
	}
	pages := float64(after.GetPageCount()-before.GetPageCount()) / n
	writes := float64(after.GetWrite()-before.GetWrite()) / n
	t.Logf("a scan: %.2f pages, %.2f writes (%d events in %d scans); a bare Update: %.2f pages, %.2f writes", pages, writes, events, n, barePages, bareWrites)
	if pages > barePages+1 || writes > bareWrites+1 {
		t.Errorf("a scan writes %.2f pages (%.2f writes), a bare Update %.2f (%.2f): more than one more", pages, writes, barePages, bareWrites)
	}
}

// bareUpdates makes, in a new bbolt file in dir, one fsynced Update for
// each of updates, putting values of its sizes under the next keys of one
// bucket, and returns the pages and the writes an Update took on average:
// the floor a commit of the store is held to.
func bareUpdates(t *testing.T, dir string, updates [][]int) (pages, writes float64) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bucket := []byte("events")
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket(bucket); return err }); err != nil {
		t.Fatal(err)
	}
	before := db.Stats().TxStats
	var seq uint64
	for _, sizes := range updates {
		err := db.Update(func(tx *bolt.Tx) error {
			for _, size := range sizes {
				seq++
				if err := tx.Bucket(bucket).Put(binary.BigEndian.AppendUint64(nil, seq), make([]byte, size)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	after := db.Stats().TxStats
	n := float64(len(updates))
	return float64(after.GetPageCount()-before.GetPageCount()) / n, float64(after.GetWrite()-before.GetWrite()) / n
}
