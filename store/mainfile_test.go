package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"examday/bundle"
	"examday/exam"
	"examday/store"
)

// mainFile is a hall file, with its key, as the examday of schema 4 wrote
// it (storetest.BuildDay with 12 examinees, every third through the whole
// day, 3 clock jumps): kept so that every later layout is tried on a file
// made by that code, not by this one.
const mainFile = "testdata/main-schema4.examday"

// mainFile5 is the same day as the examday of schema 5 wrote it (the
// log's records hold their signatures and tree hashes; the state is of
// every event, and there is no head record).
const mainFile5 = "testdata/main-schema5.examday"

// copyMainFile copies the kept file and its key into a directory of the
// test's, the key readable by its owner only, as examday makes it.
func copyMainFile(t *testing.T) string { return copyKeptFile(t, mainFile) }

// copyKeptFile copies the kept file and its key so.
func copyKeptFile(t *testing.T, file string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.examday")
	for _, c := range [][2]string{{file, path}, {store.KeyPath(file), store.KeyPath(path)}} {
		b, err := os.ReadFile(c[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(c[1], b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// A file written by the examday of schema 4 opens, reads, verifies and
// hands over as it did, and opening it to read leaves it byte for byte.
func TestFileOfSchema4Reads(t *testing.T) {
	path := copyMainFile(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	checkMainFile(t, s)
	s.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("a read-only open changed the file")
	}

	// Opened to write, with its key beside it, it is of an older schema:
	// read-only, never migrated by opening (Migrate writes a new file),
	// every reader still working, and not a byte of it written.
	w, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(w.Broken(), store.ErrOldSchema) || store.Discredits(w.Broken()) {
		t.Fatalf("opened to write: %v; want ErrOldSchema", w.Broken())
	}
	checkMainFile(t, w)
	if _, err := w.Do(func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := h.ClockJumped(6*time.Second, time.Second, time.Now())
		return []exam.Event{ev}, err
	}); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("Do on a file of schema 4: %v; want ErrReadOnly", err)
	}
	w.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("an open to write changed the file of schema 4")
	}
}

// checkMainFile checks what every reader of the kept file needs: its
// whole log, signatures, state and bundle.
func checkMainFile(t *testing.T, s *store.Store) {
	t.Helper()
	if err := s.VerifySignatures(); err != nil {
		t.Fatalf("signatures: %v", err)
	}
	if err := s.CheckProjection(); err != nil {
		t.Fatalf("state: %v", err)
	}
	var n uint64
	err := s.Events(1, func(r store.Record) error {
		n++
		if r.Event.Seq != n || r.Signature == nil {
			t.Fatalf("event %d: seq %d, signature %x", n, r.Event.Seq, r.Signature)
		}
		return nil
	})
	if err != nil || n == 0 || n != s.Hall().LastSeq {
		t.Fatalf("events: %d read, last seq %d, %v", n, s.Hall().LastSeq, err)
	}
	if len(s.Hall().Examinees()) != 12 || len(s.Hall().Sheets()) == 0 {
		t.Fatalf("%d examinees, %d sheets", len(s.Hall().Examinees()), len(s.Hall().Sheets()))
	}
	b, err := s.Bundle(1)
	if err != nil {
		t.Fatalf("bundle: %v", err)
	}
	parsed, err := bundle.Parse(b)
	if err != nil {
		t.Fatalf("bundle: %v", err)
	}
	if err := parsed.Verify(s.PublicKey()); err != nil {
		t.Fatalf("the bundle does not verify: %v", err)
	}
}
