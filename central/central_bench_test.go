package central_test

import (
	"crypto/ed25519"
	"path/filepath"
	"testing"
	"time"

	"examday/central"
)

// The 100,000-event bundle is built once per test binary (a hall file
// through the store, then its bundle), and kept in memory only.
var bench100k struct {
	data []byte
	pub  ed25519.PublicKey
}

func bundle100k(b *testing.B) ([]byte, ed25519.PublicKey) {
	if bench100k.data == nil {
		l := newLaptop(b, b.TempDir(), 1000, 100_000)
		bench100k.data, bench100k.pub = l.cut(b, 1, l.size()), l.pub
	}
	return bench100k.data, bench100k.pub
}

func freshCentral(b *testing.B, pub ed25519.PublicKey) *central.DB {
	db, err := central.Open(filepath.Join(b.TempDir(), "central.db"), central.Options{Create: true, Program: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	enroll(b, db, pub, "Audience 204")
	return db
}

// BenchmarkIngest100k is the first ingest of a 100,000-event bundle into
// an empty central record: parse, every signature, the tree, and one
// fsynced transaction.
func BenchmarkIngest100k(b *testing.B) {
	data, pub := bundle100k(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	var total time.Duration
	for range b.N {
		b.StopTimer()
		db := freshCentral(b, pub)
		b.StartTimer()
		start := time.Now()
		res, err := db.Ingest(data, "file", "bench")
		total += time.Since(start)
		b.StopTimer()
		if err != nil || res.Appended != 100_000 {
			b.Fatalf("%+v %v", res, err)
		}
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(100_000*b.N)/total.Seconds(), "events/s")
}

// BenchmarkReingest100k is the same bundle again, all of it held: it must
// cost at most a fifth of the first ingest. The first ingest is measured
// here too, so the ratio is of one run on one machine.
func BenchmarkReingest100k(b *testing.B) {
	data, pub := bundle100k(b)
	db := freshCentral(b, pub)
	defer db.Close()
	start := time.Now()
	if res, err := db.Ingest(data, "file", "bench"); err != nil || res.Appended != 100_000 {
		b.Fatalf("%+v %v", res, err)
	}
	first := time.Since(start)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		res, err := db.Ingest(data, "file", "bench")
		if err != nil || res.Result != central.ResultDuplicate {
			b.Fatalf("%+v %v", res, err)
		}
	}
	b.StopTimer()
	per := b.Elapsed() / time.Duration(b.N)
	ratio := float64(per) / float64(first)
	b.ReportMetric(float64(first.Milliseconds()), "first-ms")
	b.ReportMetric(ratio, "ratio-to-first")
	if ratio > 0.2 {
		b.Errorf("re-ingest took %v, %.2f of the first ingest's %v (at most 0.2)", per, ratio, first)
	}
}
