package central_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/central"
	"examday/store/storetest"
)

// Issue 9: a damaged central record never crashes the program. Its file
// shares the hall file's structure check and guarded reads (boltfile):
// one byte of a record of two halls' logs is changed at a time, at
// places spread over its pages in use, and the file opened read-only and
// read every way the commands and the server read it. Each open is
// refused or each read answers, an error or not; the file is never
// changed. This runs in the test's own process: a fault the guard missed
// would end it.
func TestDamagedCentralRecordIsReadWithoutACrash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "central.db")
	db, err := central.Open(path, central.Options{Create: true, Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, hall := range []string{"A", "B"} {
		l := newLaptop(t, t.TempDir(), 40, 150)
		enroll(t, db, l.pub, hall)
		mustIngest(t, db, l.cut(t, 1, 150))
	}
	origins, err := db.Logs()
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	sound, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var inUse int64
	bdb, err := bolt.Open(path, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	bdb.View(func(tx *bolt.Tx) error { inUse = tx.Size(); return nil })
	bdb.Close()

	flips := 400
	if testing.Short() {
		flips = 40
	}
	rng := rand.New(rand.NewPCG(9, 9))
	refused, opened := 0, 0
	for n := range flips {
		damaged := bytes.Clone(sound)
		pos := int(inUse)*n/flips + rng.IntN(max(int(inUse)/flips, 1))
		damaged[pos] ^= byte(1 + rng.IntN(255))
		copyPath := filepath.Join(dir, fmt.Sprintf("%d.db", n))
		if err := os.WriteFile(copyPath, damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		d, err := central.Open(copyPath, central.Options{ReadOnly: true})
		if err != nil {
			refused++
		} else {
			opened++
			d.Devices()
			d.Logs()
			d.Forks()
			d.Audit(func(central.AuditRow) bool { return true })
			d.RecentFailures(5)
			for _, o := range origins {
				d.LogState(o.Device, o.Epoch)
				d.Events(o.Origin, 1, func(uint64, []byte, []byte) error { return nil })
			}
			d.HallTimeline("A")
			d.Timeline(storetest.Roster(1)[0].ID)
			d.CheckLogs()
			d.Close()
		}
		if after, err := os.ReadFile(copyPath); err != nil || !bytes.Equal(after, damaged) {
			t.Errorf("byte %d: the file was changed (%v)", pos, err)
		}
		os.Remove(copyPath)
	}
	t.Logf("%d flips of a central record of %d bytes: %d refused, %d opened and read", flips, inUse, refused, opened)
}
