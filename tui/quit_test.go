package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"examday/i18n"
)

// ctrl+c interrupts: the program ends with tea.ErrInterrupted, which the
// command turns into exit status 130, as the README says and a shell
// expects; q quits, exit 0. Wherever the keyboard is (a dialog too).
func TestCtrlCInterruptsAndQQuits(t *testing.T) {
	s, _ := newHall(t, morning)
	m := New(Config{Store: s, Clock: newClock("09:00:00"), Lang: i18n.EN})
	ctrlC := tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	if got := msgOf(t, m, ctrlC); got != (tea.InterruptMsg{}) {
		t.Errorf("ctrl+c gives %T; want tea.InterruptMsg", got)
	}
	if got := msgOf(t, m, tea.KeyPressMsg{Code: 'q', Text: "q"}); got != (tea.QuitMsg{}) {
		t.Errorf("q gives %T; want tea.QuitMsg", got)
	}
	// In the absence dialog.
	next, _ := m.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if got := msgOf(t, next.(Model), ctrlC); got != (tea.InterruptMsg{}) {
		t.Errorf("ctrl+c in a dialog gives %T; want tea.InterruptMsg", got)
	}
}

func msgOf(t *testing.T, m Model, key tea.KeyPressMsg) tea.Msg {
	t.Helper()
	_, cmd := m.Update(key)
	if cmd == nil {
		t.Fatalf("%s gives no command", key)
	}
	return cmd()
}

// The ticket field never cuts what is typed: thirteen digits stay
// thirteen, and Enter refuses them with the reason; letters likewise.
func TestTheTicketFieldSaysWhatIsWrongAndCutsNothing(t *testing.T) {
	for typed, want := range map[string]string{
		"1234567890123": "at most 12",
		"qwe":           "digits only",
	} {
		s, _ := newHall(t, morning)
		a := run(t, s, newClock("08:46:00"), i18n.EN, 100, 30)
		a.press("home", "down", "down", "m") // Dana: present, no materials yet
		a.typeSlowly(typed, humanGap)        // a person at the keyboard
		a.press("enter")
		a.waitRecorded(recordAction) // the store's answer: refused
		m := a.final()
		got := screen(m)
		if !strings.Contains(got, typed) {
			t.Errorf("%q was cut in the field:\n%s", typed, got)
		}
		if !strings.Contains(got, want) {
			t.Errorf("%q: the screen does not say %q:\n%s", typed, want, got)
		}
		if e := s.Hall().Examinees()[2]; e.Ticket != "" {
			t.Errorf("ticket %q was recorded", e.Ticket)
		}
	}
}
