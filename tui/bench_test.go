package tui

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	bolt "go.etcd.io/bbolt"

	"examday/barcode"
	"examday/store"
	"examday/store/storetest"
)

// benchClock is the morning of a built hall, an hour after its start.
func benchClock() *fakeClock {
	return &fakeClock{now: storetest.Base.Add(time.Hour)}
}

// A frame of the dashboard of a hall of 1,000 at 120×40: the target is at
// most 5 ms, so the clock's tick costs nothing noticeable.
func BenchmarkDashboardView1000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "hall.db")
	// Every arrival and materials event, and the start.
	storetest.BuildHall(b, path, 1000, 2+1000+950+1)
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	tm, _ := New(Config{Store: s, Clock: benchClock()}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m := tm.(Model)
	m.pages[pageDashboard].(*dashboard).sel = 500
	m.pages[pageDashboard].(*dashboard).follow()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}

// From opening a file of 10,000 examinees and 100,000 events (the whole
// hash chain checked) to the first frame: the target is at most 500 ms.
func BenchmarkOpenToFirstFrame(b *testing.B) {
	path := filepath.Join(b.TempDir(), "hall.db")
	storetest.BuildHall(b, path, 10_000, 100_000)
	b.ResetTimer()
	for b.Loop() {
		s, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		tm, _ := New(Config{Store: s, Clock: benchClock()}).Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = tm.View()
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// Scan to durable: from the Enter that ends a scanner's burst to the
// sheet.received event committed and fsynced — the real Model's Update
// reading the burst, and the command it returns running store.Do with
// exam.Hall.ReceiveSheet — against the floor under it: a bare bbolt
// Update putting the same bytes (each record's hash and body, under its
// sequence number) in a file in the same directory, measured alternately
// in the same loop so both see the same disk. The target is a ratio of at
// most 1.2.
//
//	go test ./tui -run '^$' -bench ScanToDurable -benchtime 1000x
func BenchmarkScanToDurable(b *testing.B) {
	dir := b.TempDir()
	var (
		s     *store.Store
		codes []barcode.Code
		m     tea.Model
		next  int
		keyAt time.Duration
		hall  int
	)
	fresh := func() {
		hall++
		sub := filepath.Join(dir, fmt.Sprint(hall))
		if err := os.Mkdir(sub, 0o700); err != nil {
			b.Fatal(err)
		}
		s, codes = bigSheetsHall(b, sub, 250, at("08:30:00"))
		model := New(Config{Store: s, Clock: newClock("10:00:00"), KeyClock: func() time.Duration { return keyAt }})
		model.timer = false
		m, next = model, 0
	}
	fresh()

	db, err := bolt.Open(filepath.Join(dir, "bare.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	bucket := []byte("events")
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket(bucket); return err }); err != nil {
		b.Fatal(err)
	}

	var scan, bare, screen time.Duration
	var seq uint64
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	for b.Loop() {
		if next == len(codes) {
			b.StopTimer()
			fresh()
			b.StartTimer()
		}
		code := codes[next]
		next++
		keyAt += time.Second
		for _, r := range code.String() {
			keyAt += 7 * time.Millisecond
			m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		keyAt += 7 * time.Millisecond

		t0 := time.Now()
		var cmd tea.Cmd
		m, cmd = m.Update(enter)
		if cmd == nil {
			b.Fatal("the Enter of a scan returned no command")
		}
		msg, ok := cmd().(scannedMsg)
		scan += time.Since(t0)
		if !ok || msg.err != nil {
			b.Fatalf("scan of %s: %T %v", code.Grouped(), msg, msg.err)
		}

		t1 := time.Now()
		m, _ = m.Update(msg)
		_ = m.View()
		screen += time.Since(t1)

		t2 := time.Now()
		err := db.Update(func(tx *bolt.Tx) error {
			bk := tx.Bucket(bucket)
			for _, r := range msg.records {
				seq++
				value := append(append(make([]byte, 0, 32+len(r.Body)), r.Hash[:]...), r.Body...)
				if err := bk.Put(binary.BigEndian.AppendUint64(nil, seq), value); err != nil {
					return err
				}
			}
			return nil
		})
		bare += time.Since(t2)
		if err != nil {
			b.Fatal(err)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(scan.Nanoseconds())/n, "ns/scan")
	b.ReportMetric(float64(bare.Nanoseconds())/n, "ns/bare")
	b.ReportMetric(float64(screen.Nanoseconds())/n, "ns/screen")
	b.ReportMetric(float64(scan)/float64(bare), "scan/bare")
}
