package store_test

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// BenchmarkAppendVsBare compares one event appended durably by the store
// (decide, encode, hash, apply, the state beside it, one fsynced Update)
// with the floor under it: one bare fsynced bbolt Update putting a value
// of the same size under the next key, in the same directory, measured
// alternately in the same loop. The target is a ratio of at most 1.2.
//
//	go test ./store -run '^$' -bench AppendVsBare -benchtime 2000x
func BenchmarkAppendVsBare(b *testing.B) {
	// The size of a stored clock.jump, the event both sides write.
	var valueSize int
	{
		dir := b.TempDir()
		path := filepath.Join(dir, "size.examday")
		storetest.BuildHall(b, path, 30, 100)
		s, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		recs, err := s.Do(benchJump(time.Now()))
		if err != nil {
			b.Fatal(err)
		}
		valueSize = 32 + len(recs[0].Body)
		s.Close()
	}

	// Both sides in one loop, one after the other, so that they see the
	// same disk at the same moment: fsync times drift by a third between
	// runs on a busy machine, and a ratio of two separate runs says more
	// about the drift than about the store.
	dir := b.TempDir()
	db, err := bolt.Open(filepath.Join(dir, "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	bucket := []byte("events")
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket(bucket); return err }); err != nil {
		b.Fatal(err)
	}
	value := make([]byte, valueSize)
	for i := range value {
		value[i] = 'a' + byte(i%26)
	}
	path := filepath.Join(dir, "hall.examday")
	storetest.BuildHall(b, path, 30, 100)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()

	var bare, examday time.Duration
	var seq uint64
	at := storetest.Base.Add(time.Hour)
	b.SetBytes(int64(valueSize))
	for b.Loop() {
		seq++
		t0 := time.Now()
		err := db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucket).Put(binary.BigEndian.AppendUint64(nil, seq), value)
		})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		at = at.Add(time.Second)
		if _, err := s.Do(benchJump(at)); err != nil {
			b.Fatal(err)
		}
		bare, examday = bare+t1.Sub(t0), examday+time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(bare.Nanoseconds())/n, "ns/bare")
	b.ReportMetric(float64(examday.Nanoseconds())/n, "ns/examday")
	b.ReportMetric(examday.Seconds()/bare.Seconds(), "examday/bare")
}

func benchJump(at time.Time) store.Decision {
	return func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := h.ClockJumped(6*time.Second, time.Second, at)
		return []exam.Event{ev}, err
	}
}

// BenchmarkOpen10kExaminees100kEvents is the wait before the first frame
// on a big hall's file: Open checks the bbolt structure, the whole hash
// chain and loads the state of 10,000 examinees from 100,000 events.
func BenchmarkOpen10kExaminees100kEvents(b *testing.B) {
	path := bigHall(b)
	// screen: what the TUI waits for before its first frame (the state is
	// compared with the log behind it, before the first change);
	// command: a writing command's open, the state compared before Open
	// returns; read: a command that only reads.
	for _, c := range []struct {
		name string
		opts store.Options
	}{
		{"screen", store.Options{CheckStateLater: true}},
		{"command", store.Options{}},
		{"read", store.Options{ReadOnly: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				s, err := store.Open(path, c.opts)
				if err != nil {
					b.Fatal(err)
				}
				if s.Broken() != nil || s.Hall().LastSeq != 100_000 {
					b.Fatalf("broken %v, last seq %d", s.Broken(), s.Hall().LastSeq)
				}
				s.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/open")
		})
	}
}

// bigHall builds the 10,000-examinee, 100,000-event hall once per test
// binary, in sharedDir, which TestMain removes.
func bigHall(b *testing.B) string {
	b.Helper()
	if sharedDir == "" {
		dir, err := os.MkdirTemp("", "examday-bench-")
		if err != nil {
			b.Fatal(err)
		}
		sharedDir = dir
	}
	path := filepath.Join(sharedDir, "big.examday")
	if _, err := os.Stat(path); err != nil {
		storetest.BuildHall(b, path, 10_000, 100_000)
	}
	return path
}

// BenchmarkReplay10kExaminees100kEvents is what CheckProjection costs on a
// big hall: the whole log decoded and applied from nothing.
func BenchmarkReplay10kExaminees100kEvents(b *testing.B) {
	path := bigHall(b)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		if err := s.CheckProjection(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/replay")
}

// BenchmarkVerifySignatures10kExaminees100kEvents is what checking every
// event's signature costs on a big hall, on every core: what Open leaves
// to `examday verify-log`, the export and the screen after its first frame.
func BenchmarkVerifySignatures10kExaminees100kEvents(b *testing.B) {
	path := bigHall(b)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for b.Loop() {
		if err := s.VerifySignatures(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/verify")
}

// BenchmarkStateCheckRealHall is what comparing the state with the log
// costs a writing open on a hall of real size: 300 examinees, 3,000
// events (an exam day of a big audience), beside a read-only open of the
// same file, which does not compare them.
//
//	go test ./store -run '^$' -bench StateCheckRealHall
func BenchmarkStateCheckRealHall(b *testing.B) {
	path := filepath.Join(b.TempDir(), "hall.examday")
	storetest.BuildHall(b, path, 300, 3_000)
	for _, c := range []struct {
		name string
		opts store.Options
	}{
		{"read", store.Options{ReadOnly: true}},
		{"command", store.Options{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				s, err := store.Open(path, c.opts)
				if err != nil || s.Broken() != nil {
					b.Fatal(err, s.Broken())
				}
				s.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "ms/open")
		})
	}
}
