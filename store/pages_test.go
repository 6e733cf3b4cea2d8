package store_test

import (
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

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

	db, err := bolt.Open(filepath.Join(dir, "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bucket := []byte("events")
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket(bucket); return err }); err != nil {
		t.Fatal(err)
	}
	value := make([]byte, size)
	bareBefore := db.Stats().TxStats
	for i := range n {
		err := db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucket).Put(binary.BigEndian.AppendUint64(nil, uint64(i+1)), value)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	bareAfter := db.Stats().TxStats

	pages := float64(after.GetPageCount()-before.GetPageCount()) / n
	writes := float64(after.GetWrite()-before.GetWrite()) / n
	barePages := float64(bareAfter.GetPageCount()-bareBefore.GetPageCount()) / n
	bareWrites := float64(bareAfter.GetWrite()-bareBefore.GetWrite()) / n
	t.Logf("a commit: %.2f pages, %.2f writes; a bare Update: %.2f pages, %.2f writes", pages, writes, barePages, bareWrites)
	if pages > barePages+1 || writes > bareWrites+1 {
		t.Errorf("a commit writes %.2f pages (%.2f writes), a bare Update %.2f (%.2f): more than one more", pages, writes, barePages, bareWrites)
	}
}
