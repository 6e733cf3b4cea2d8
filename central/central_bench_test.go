package central_test

import (
	"crypto/ed25519"
	"fmt"
	"os"
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

// BenchmarkStatusAndBackup1M is what the secretary waits for on a central
// record of 1,000,000 events (ten halls of 100,000): `central status`'s
// reads (the devices, the logs, the recent failures, the campaign's desk
// from the book, the halls' examinees against the applicants) and
// `central backup` (the hot copy written and fsynced, then read back and
// verified whole: every log's chain, signatures and tree). The record is
// built once, by ingesting ten laptops' bundles; that is not measured.
//
//	go test ./central -run '^$' -bench StatusAndBackup1M -benchtime 1x -timeout 30m
func BenchmarkStatusAndBackup1M(b *testing.B) {
	dir := b.TempDir()
	db, err := central.Open(filepath.Join(dir, "central.db"), central.Options{Create: true, Program: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for i := range 10 {
		l := newLaptop(b, b.TempDir(), 1000, 100_000)
		enroll(b, db, l.pub, fmt.Sprintf("Audience %d", 200+i))
		if res, err := db.Ingest(l.cut(b, 1, l.size()), "file", "bench"); err != nil || res.Appended != 100_000 {
			b.Fatalf("%+v %v", res, err)
		}
	}
	if s, err := db.Summary(); err != nil || s.Events != 1_000_000 {
		b.Fatalf("%+v %v", s, err)
	}
	b.Run("status", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Devices(); err != nil {
				b.Fatal(err)
			}
			if _, err := db.Logs(); err != nil {
				b.Fatal(err)
			}
			if _, err := db.RecentFailures(10); err != nil {
				b.Fatal(err)
			}
			if _, err := db.Desk(); err != nil {
				b.Fatal(err)
			}
			halls, err := db.ExamineeHalls()
			if err != nil || len(halls) == 0 {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/status")
	})
	b.Run("backup", func(b *testing.B) {
		var write, verify time.Duration
		for i := 0; b.Loop(); i++ {
			t0 := time.Now()
			out := filepath.Join(dir, fmt.Sprintf("backup-%d.db", i))
			f, err := os.Create(out)
			if err != nil {
				b.Fatal(err)
			}
			sum, err := db.Backup(f)
			if err == nil {
				err = f.Sync()
			}
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			if err := central.VerifyCopy(out, sum); err != nil {
				b.Fatal(err)
			}
			write, verify = write+t1.Sub(t0), verify+time.Since(t1)
			if fi, err := os.Stat(out); err == nil {
				b.ReportMetric(float64(fi.Size())/(1<<20), "MiB")
			}
			os.Remove(out)
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/backup")
		b.ReportMetric(float64(write.Milliseconds())/float64(b.N), "ms/write")
		b.ReportMetric(float64(verify.Milliseconds())/float64(b.N), "ms/verify")
	})
}
