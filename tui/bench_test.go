package tui

import (
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

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
