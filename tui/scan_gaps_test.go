package tui

import (
	"math/rand/v2"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"examday/barcode"
	"examday/i18n"
)

// A scanner on a busy laptop: the gaps between its keys, as the program
// sees them, drawn at random between 5 and 60 ms. Where a gap passes
// scanGap while one key is held, the program's idle tick comes in it and
// hands that key on to the field as typing (the timer is the test's, so
// the tick is sent where it would come). In the materials dialog, with
// the ticket number typed first, every scan must still be taken as a scan
// — its packet bound, the ticket field holding the ticket and nothing of
// the code — and none typed into the field, whatever the gaps.
func TestAScanWithUnevenGapsIsNeverTypedIntoAField(t *testing.T) {
	rng := rand.New(rand.NewPCG(20261203, 9))
	const trials = 60
	asScans, intoField := 0, 0
	for trial := range trials {
		s := newSheetsHall(t, sheetsMorning)
		code := printedPacket(t, s, "M-03")
		a := run(t, s, newClock("08:46:00"), i18n.EN, 100, 30)
		a.press("home", "down", "down", "m") // Dana: present, no materials yet
		a.typeSlowly("5", humanGap)
		a.pause()
		layout := []string{"us", "ru", "kz"}[trial%3]
		keys := []rune(barcode.Keystrokes(code, layout))
		a.idle(time.Second)
		held := 0
		for _, r := range keys {
			gap := time.Duration(5+rng.IntN(56)) * time.Millisecond
			if held == 1 && gap > scanGap {
				// The idle tick that comes in a long gap, and its second
				// look: the one key held is handed on.
				a.tm.Send(keyPause{d: gap})
				a.tm.Send(keyPause{})
				held = 0
				gap = 0
			}
			a.tm.Send(timedKey{key: tea.KeyPressMsg{Code: r, Text: string(r)}, gap: gap})
			held++
		}
		a.tm.Send(timedKey{key: keyPress("enter"), gap: time.Duration(5+rng.IntN(56)) * time.Millisecond})
		a.pause()
		m := a.final()
		f, ok := m.dialog.(*materialsForm)
		if !ok {
			t.Fatalf("trial %d: the materials dialog is gone: %T\n%s", trial, m.dialog, screen(m))
		}
		switch {
		case f.picked.Code == code && f.ticket.Value() == "5":
			asScans++
		default:
			intoField++
			t.Errorf("trial %d (%s): ticket field %q, sheet %q, picked %s", trial, layout, f.ticket.Value(), f.sheet.Value(), f.picked.Code.Grouped())
		}
	}
	t.Logf("%d scans sent: %d taken as scans, %d typed into a field", trials, asScans, intoField)
}

// A laptop stalled far past any hold: every key of the scan comes alone,
// 300 ms to 2 s after the one before, and each is handed on to the ticket
// field as typing. At the scanner's Enter the field ends in a code of this
// hall's session: it is taken back as the scan, the ticket is what the
// officer typed, and the packet is bound.
func TestAScanWhoseKeysAllReachedTheFieldIsTakenBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(20261204, 3))
	for trial := range 3 {
		s := newSheetsHall(t, sheetsMorning)
		code := printedPacket(t, s, "M-03")
		a := run(t, s, newClock("08:46:00"), i18n.EN, 100, 30)
		a.press("home", "down", "down", "m")
		a.typeSlowly("5", humanGap)
		a.pause()
		layout := []string{"us", "ru", "kz"}[trial%3]
		for _, r := range barcode.Keystrokes(code, layout) {
			a.tm.Send(timedKey{key: tea.KeyPressMsg{Code: r, Text: string(r)}, gap: time.Duration(300+rng.IntN(1700)) * time.Millisecond})
			a.idle(time.Duration(300+rng.IntN(1700)) * time.Millisecond) // the tick hands it on
		}
		a.tm.Send(timedKey{key: keyPress("enter"), gap: 400 * time.Millisecond})
		a.pause()
		m := a.final()
		f, ok := m.dialog.(*materialsForm)
		if !ok {
			t.Fatalf("trial %d: the materials dialog is gone: %T\n%s", trial, m.dialog, screen(m))
		}
		if f.picked.Code != code || f.ticket.Value() != "5" {
			t.Errorf("trial %d (%s): ticket field %q, picked %s; want ticket 5 and the packet of %s", trial, layout, f.ticket.Value(), f.picked.Code.Grouped(), code.Grouped())
		}
	}
}
