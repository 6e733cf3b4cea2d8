package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"examday/exam"
	"examday/i18n"
	"examday/store"
)

func tick(hms string, mono time.Duration) tickMsg {
	return tickMsg{Wall: at(hms), Mono: mono}
}

// The warnings at 30, 15 and 5 minutes left and the end are each recorded
// once, with a banner that stays until acknowledged and the bell.
func TestWarningsAndTimeUpAreRecordedOnceWithABannerAndTheBell(t *testing.T) {
	s, _ := newHall(t, running) // ends at 11:52:10
	clock := newClock("11:22:09")
	a := run(t, s, clock, i18n.EN, 80, 24)

	a.tm.Send(tick("11:22:09", 0)) // 30 min 1 s left: nothing due
	clock.Set(at("11:22:10"))
	a.tm.Send(tick("11:22:10", time.Second)) // end − 30 min
	if r := a.waitRecorded(recordClock); r.err != nil || len(r.records) != 1 || r.records[0].Event.Type != exam.TypeWarning {
		t.Fatalf("at end − 30 min the store recorded %+v (%v), want one warning", r.records, r.err)
	}
	a.tm.Send(tick("11:22:11", 2*time.Second)) // a second later: nothing new
	m := a.final()

	warnings := ofType(events(t, s), exam.TypeWarning)
	if len(warnings) != 1 || decode[exam.WarningData](t, warnings[0]).MinutesLeft != 30 {
		t.Fatalf("warnings in the file: %+v, want one at 30 minutes", warnings)
	}
	got := screen(m)
	for _, want := range []string{en.T("ui.warning.minutes", 30), en.T("ui.alert.ack", "a")} {
		if !strings.Contains(got, want) {
			t.Errorf("the banner does not say %q:\n%s", want, got)
		}
	}

	// Reopened at the end: the 15 and 5 minute marks passed unseen, so
	// they are given late, once each, with the end.
	clock.Set(at("11:52:10"))
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.tm.Send(tick("11:52:10", 0))
	r := a.waitRecorded(recordClock)
	if r.err != nil {
		t.Fatal(r.err)
	}
	a.tm.Send(tick("11:52:11", time.Second))
	a.press("b")
	board := screen(a.final())
	evs := events(t, s)
	var marks []int
	for _, w := range ofType(evs, exam.TypeWarning) {
		marks = append(marks, decode[exam.WarningData](t, w).MinutesLeft)
	}
	if len(marks) != 3 || marks[0] != 30 || marks[1] != 15 || marks[2] != 5 {
		t.Errorf("warnings given at %v minutes, want 30, 15, 5 once each", marks)
	}
	if n := len(ofType(evs, exam.TypeTimeUp)); n != 1 {
		t.Errorf("%d exam.time_up events, want 1", n)
	}
	if h := s.Hall(); h.Phase != exam.PhaseTimeUp {
		t.Errorf("hall is %s, want time_up", h.Phase)
	}
	if want := en.T("ui.warning.time_up"); !strings.Contains(board, want) || !strings.Contains(board, en.T("ui.board.left")) {
		t.Errorf("the board does not say %q:\n%s", want, board)
	}
}

// A warning rings the terminal's bell.
func TestWarningRingsTheBell(t *testing.T) {
	s, _ := newHall(t, running)
	m := New(Config{Store: s, Clock: newClock("11:22:10"), Lang: i18n.EN})
	recs, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) { return h.DueClockEvents(at("11:22:10")), nil })
	if err != nil || len(recs) != 1 {
		t.Fatalf("%v, %v", recs, err)
	}
	_, cmd := m.onRecorded(recordedMsg{kind: recordClock, records: recs})
	if !rings(cmd) {
		t.Error("no bell for the warning at 30 minutes")
	}
}

// rings runs cmd and the commands it batches, and reports whether one
// writes BEL to the terminal.
func rings(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.RawMsg:
		return fmt.Sprint(msg.Msg) == "\a"
	case tea.BatchMsg:
		for _, c := range msg {
			if rings(c) {
				return true
			}
		}
	}
	return false
}

// The banner stays through other keys and goes with the acknowledge key.
func TestWarningBannerStaysUntilAcknowledged(t *testing.T) {
	for _, tc := range []struct {
		keys   []string
		banner bool
	}{
		{[]string{"down", "b", "esc", "?", "esc"}, true},
		{[]string{"down", "b", "esc", "a"}, false},
	} {
		s, _ := newHall(t, running)
		a := run(t, s, newClock("11:47:10"), i18n.EN, 80, 24)
		a.tm.Send(tick("11:47:10", 0)) // 5 minutes left; 30 and 15 given late
		a.waitRecorded(recordClock)
		a.press(tc.keys...)
		m := a.final()
		got := screen(m)
		if shown := strings.Contains(got, en.T("ui.warning.minutes", 5)); shown != tc.banner {
			t.Errorf("after %v the banner is shown: %v, want %v:\n%s", tc.keys, shown, tc.banner, got)
		}
		if m.alerts.pending() != tc.banner {
			t.Errorf("after %v alerts pending: %+v", tc.keys, m.alerts)
		}
	}
}

// A tick whose wall clock moved 10 s more than the monotonic clock is a
// jump of the system clock: recorded once, and shown with its size.
func TestClockJumpIsRecordedAndShownWithItsSize(t *testing.T) {
	s, _ := newHall(t, running)
	a := run(t, s, newClock("09:30:05"), i18n.EN, 80, 24)
	a.tm.Send(tick("09:30:05", 100*time.Second))
	a.tm.Send(tick("09:30:06", 101*time.Second)) // steady
	a.tm.Send(tick("09:30:17", 102*time.Second)) // wall +11 s, mono +1 s
	r := a.waitRecorded(recordJump)
	if r.err != nil || len(r.records) != 1 {
		t.Fatalf("jump recorded %+v (%v), want one event", r.records, r.err)
	}
	a.tm.Send(tick("09:30:18", 103*time.Second)) // steady again
	m := a.final()

	jumps := ofType(events(t, s), exam.TypeClockJump)
	if len(jumps) != 1 {
		t.Fatalf("%d clock.jump events, want 1", len(jumps))
	}
	if d := decode[exam.ClockJumpData](t, jumps[0]); d.JumpSeconds != 10 {
		t.Errorf("jump of %v s recorded, want 10", d.JumpSeconds)
	}
	want := en.T("ui.clock.jump", "+10s", "09:30:17")
	if got := screen(m); !strings.Contains(got, want) {
		t.Errorf("the notice does not say %q:\n%s", want, got)
	}
}

// The time left is computed from the instants in the file: after the
// program is closed and the file opened again hours later, it is right.
func TestTimeLeftIsRightAfterReopening(t *testing.T) {
	s, path := newHall(t, running)
	s.Close()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := run(t, s, newClock("10:00:00"), i18n.EN, 80, 24)
	if got := screen(a.final()); !strings.Contains(got, "time left 1:52:10") {
		t.Errorf("after reopening at 10:00:00 the header says:\n%s", got)
	}
}
