package tui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"examday/i18n"
)

// §2.1: a break is 10 minutes. When it reaches them with the examinee
// still out, the officer gets a banner that says so in words (the colour
// only repeats it) and the bell, at 10:00, not when the examinee comes
// back; the banner stays until acknowledged.
func TestABreakThatReachesTenMinutesAlertsAtOnce(t *testing.T) {
	s, _ := newHall(t, running)
	clock := newClock("10:00:00")
	a := run(t, s, clock, i18n.EN, 120, 30)
	a.press("home", "t", "y")
	a.ok("theory of the first")
	a.press("o", "enter")
	a.ok("break of the first")
	out := s.Hall().Examinees()[0]
	if !out.BreakUsedUp(out.OutAt.Add(10*time.Minute)) || out.BreakUsedUp(out.OutAt.Add(10*time.Minute-time.Second)) {
		t.Fatal("BreakUsedUp is not exactly 10 minutes")
	}
	a.now(clock, "10:09:59")
	got := screen(a.final())
	if strings.Contains(got, "BREAK OVER 10 MINUTES") {
		t.Fatalf("alerted before the 10 minutes:\n%s", got)
	}

	a = run(t, s, clock, i18n.EN, 120, 30)
	a.now(clock, "10:09:59")
	a.now(clock, "10:10:00")
	teatest.WaitFor(t, a.tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("\a")) },
		teatest.WithDuration(5*time.Second))
	a.now(clock, "10:10:30")
	m := a.final()
	got = screen(m)
	if !strings.Contains(got, "BREAK OVER 10 MINUTES: "+out.FullName) || !strings.Contains(got, "is still out") {
		t.Errorf("no banner at 10:00 of the break:\n%s", got)
	}
	if n := len(m.alerts.Breaks); n != 1 {
		t.Errorf("%d break alerts after three ticks; want 1", n)
	}
}

// Acknowledged, the banner goes, and the same break does not raise it
// again.
func TestABreakAlertIsAcknowledgedOnce(t *testing.T) {
	s, _ := newHall(t, running)
	clock := newClock("10:00:00")
	a := run(t, s, clock, i18n.EN, 120, 30)
	a.press("home", "t", "y")
	a.ok("theory")
	a.press("o", "enter")
	a.ok("break")
	a.now(clock, "10:10:01")
	a.press("a")
	a.now(clock, "10:11:00")
	got := screen(a.final())
	if strings.Contains(got, "BREAK OVER 10 MINUTES") {
		t.Errorf("the banner came back after it was acknowledged:\n%s", got)
	}
	if !strings.Contains(got, "OUT +01:00 over") {
		t.Errorf("the overrun is not shown:\n%s", got)
	}
}
