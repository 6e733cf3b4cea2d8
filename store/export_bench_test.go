package store_test

import (
	"testing"
	"time"

	"examday/bundle"
	"examday/store"
)

// BenchmarkExport100k is `examday export` of a big hall's log: the bundle
// of 100,000 events written from the file (Bundle), then read back and
// verified (Parse and Verify: every signature and the root), as export
// does. Its baseline, measured in the same run, is reading the same
// events from the file (Events), which any export has to do.
//
//	go test ./store -run '^$' -bench Export100k -benchtime 3x
func BenchmarkExport100k(b *testing.B) {
	path := bigHall(b)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var write, check, read time.Duration
	var size int
	for b.Loop() {
		t0 := time.Now()
		n := 0
		if err := s.Events(1, func(store.Record) error { n++; return nil }); err != nil || n != 100_000 {
			b.Fatalf("read %d events: %v", n, err)
		}
		t1 := time.Now()
		data, err := s.Bundle(1)
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		parsed, err := bundle.Parse(data)
		if err == nil {
			err = parsed.Verify(s.PublicKey())
		}
		if err != nil || len(parsed.Events) != 100_000 {
			b.Fatalf("the bundle does not read back: %v", err)
		}
		t3 := time.Now()
		read, write, check = read+t1.Sub(t0), write+t2.Sub(t1), check+t3.Sub(t2)
		size = len(data)
	}
	n := float64(b.N)
	b.ReportMetric(100_000*n/write.Seconds(), "events/s-written")
	b.ReportMetric(100_000*n/check.Seconds(), "events/s-verified")
	b.ReportMetric(float64(size)/(1<<20), "MB")
	b.ReportMetric(write.Seconds()/read.Seconds(), "write/read")
	b.ReportMetric((write+check).Seconds()/read.Seconds(), "export/read")
}
