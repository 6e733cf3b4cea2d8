package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"examday/bundle"
	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// A bundle of any range of a real log parses, verifies alone, and its
// recomputed root is the log's: from event 1, from the middle (the
// frontier carries the tree before it), and the last event alone.
func TestBundleOfEveryRangeVerifies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, path, 40, 97)
	s, err := store.Open(path, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	size, root := s.TreeHead()
	for from := uint64(1); from <= uint64(size); from++ {
		data, err := s.Bundle(from)
		if err != nil {
			t.Fatalf("from %d: %v", from, err)
		}
		b, err := bundle.Parse(data)
		if err != nil {
			t.Fatalf("from %d: parse: %v", from, err)
		}
		if err := b.VerifyAlone(); err != nil {
			t.Fatalf("from %d: verify: %v", from, err)
		}
		if err := b.Verify(s.PublicKey()); err != nil {
			t.Fatalf("from %d: verify with the file's key: %v", from, err)
		}
		if b.Size != size || b.Root != root || b.Header.First != from || b.Header.Last != uint64(size) {
			t.Fatalf("from %d: bundle of %d…%d size %d root %s, log size %d root %s", from, b.Header.First, b.Header.Last, b.Size, b.Root, size, root)
		}
		if b.Header.Device != s.DeviceID() || b.Header.Epoch != s.Epoch() {
			t.Fatalf("from %d: header names %s/%s", from, b.Header.Device, b.Header.Epoch)
		}
	}
	if _, err := s.Bundle(uint64(size) + 1); err == nil {
		t.Fatal("a bundle past the end of the log was made")
	}
	b, _ := s.Bundle(1)
	parsed, _ := bundle.Parse(b)
	wrong := make([]byte, 32)
	var be *bundle.Error
	if err := parsed.Verify(wrong); !errors.As(err, &be) || be.Check != bundle.CheckKey {
		t.Fatalf("verified with another key: %v", err)
	}
}

// A file without its key file, closed by a crash after events its kept
// checkpoint does not cover: a bundle ends at the checkpoint, and asking
// for the events after it says why they cannot be handed over yet.
func TestBundleOfAFileWithoutItsKeyEndsAtItsCheckpoint(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hall.db")
	storetest.BuildHall(t, path, 20, 64) // closed: the kept checkpoint is of 64 events
	s, err := store.Open(path, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := h.ClockJumped(6*time.Second, time.Second, storetest.Base.Add(time.Hour))
		return []exam.Event{ev}, err
	}); err != nil {
		t.Fatal(err)
	}
	// A crash: the file as it is on disk now, without Close.
	crashed := filepath.Join(dir, "crashed.db")
	data, _ := os.ReadFile(path)
	os.WriteFile(crashed, data, 0o600)
	s.Close()

	c, err := store.Open(crashed, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if !errors.Is(c.Broken(), store.ErrKeyMissing) || c.CheckpointSize() != 64 {
		t.Fatalf("broken %v, checkpoint of %d", c.Broken(), c.CheckpointSize())
	}
	b, err := c.Bundle(1)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := bundle.Parse(b)
	if err != nil || parsed.Header.Last != 64 || parsed.VerifyAlone() != nil {
		t.Fatalf("bundle of a keyless file: %v, last %d", err, parsed.Header.Last)
	}
	if _, err := c.Bundle(65); !errors.Is(err, store.ErrKeyMissing) {
		t.Fatalf("events past the checkpoint: %v", err)
	}
}
