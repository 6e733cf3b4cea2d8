package store_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/store"
	"examday/store/storetest"
)

// A state record edited behind the log is never written on top of: a
// writable Open compares state and log before it returns, and a store
// opened for a screen's first frame (CheckStateLater) compares them before
// its first change. Either way the store turns read-only and names the
// first field that differs, and the file stays as it was.
func TestNothingIsRecordedOnTopOfAStateThatIsNotTheLogs(t *testing.T) {
	for _, opts := range []store.Options{{}, {CheckStateLater: true}} {
		path := builtHall(t, 20, 60)
		rawUpdate(t, path, func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("examinees"))
			k, v := b.Cursor().First()
			edited := bytes.Replace(v, []byte(`"seat":"1-01"`), []byte(`"seat":"1-19"`), 1)
			if bytes.Equal(edited, v) {
				t.Fatalf("no seat to edit in %s", v)
			}
			return b.Put(bytes.Clone(k), edited)
		})
		sum := fileSum(t, path)
		s, err := store.Open(path, opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Do(clockJump(storetest.Base.Add(time.Hour))); !errors.Is(err, store.ErrReadOnly) {
			t.Errorf("%+v: Do on an edited state: %v; want ErrReadOnly", opts, err)
		}
		var diff *store.StateError
		if !errors.As(s.Broken(), &diff) || !strings.HasSuffix(diff.Where, ": seat") || diff.Log != `"1-01"` || diff.State != `"1-19"` {
			t.Errorf("%+v: Broken() = %v; want the seat named, 1 in the log and 19 in the state", opts, s.Broken())
		}
		if err := s.VerifyProjection(); !errors.Is(err, store.ErrStateDiffers) {
			t.Errorf("VerifyProjection = %v", err)
		}
		s.Close()
		if fileSum(t, path) != sum {
			t.Errorf("%+v: the file was written to", opts)
		}
	}
}

// A store opened for reading writes nothing, refuses every change, and
// still reads everything.
func TestAStoreOpenedToReadWritesNothing(t *testing.T) {
	path := builtHall(t, 10, 40)
	// Cut short like a killed program: the last events after the stored
	// checkpoint, which a writable Close would sign and store.
	s := open(t, path)
	mustDo(t, s, clockJump(storetest.Base.Add(time.Hour)))
	copyTo := path + ".copy"
	writeFile(t, copyTo, readFile(t, path))
	writeFile(t, store.KeyPath(copyTo), readFile(t, store.KeyPath(path)))
	s.Close()

	sum := fileSum(t, copyTo)
	r, err := store.Open(copyTo, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Broken() != nil || !r.ReadOnly() {
		t.Errorf("Broken() = %v, ReadOnly() = %v", r.Broken(), r.ReadOnly())
	}
	if n := len(records(t, r)); n != 41 {
		t.Errorf("%d events read; want 41", n)
	}
	if _, err := r.Bundle(1); err != nil {
		t.Errorf("Bundle: %v", err)
	}
	if _, err := r.Do(clockJump(storetest.Base.Add(2 * time.Hour))); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Do: %v; want ErrReadOnly", err)
	}
	if err := r.SetSetting("lang", "kk"); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("SetSetting: %v; want ErrReadOnly", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if fileSum(t, copyTo) != sum {
		t.Error("a store opened to read wrote to the file")
	}
}

// A hall file the user may not write (its permissions, a write-protected
// stick) is not refused: a writable open falls back to read-only, says
// why, and every read works. Root writes through permissions, so there
// the test can only be skipped (CI runs as root; the README says how this
// was tried as another user).
func TestAFileThatCannotBeWrittenOpensReadOnly(t *testing.T) {
	path := builtHall(t, 5, 20)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
		t.Skip("this user writes through file permissions (root)")
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("Open of a file that cannot be written: %v", err)
	}
	defer s.Close()
	if !errors.Is(s.Broken(), store.ErrCannotWrite) {
		t.Errorf("Broken() = %v; want ErrCannotWrite", s.Broken())
	}
	if n := len(records(t, s)); n != 20 {
		t.Errorf("%d events read; want 20", n)
	}
}
