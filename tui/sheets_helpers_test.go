package tui

import (
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"examday/barcode"
	"examday/exam"
	"examday/store"
)

// The small hall with its answer sheets printed (§1.5): the roster of the
// other tests, a packet each and three spares, from a seeded random
// source so the codes, and the screens, are the same every run.

type sheetStage int

const (
	// sheetsMorning: printed at 08:35; Әлия (M-01) and Dana (M-03)
	// present, nobody has materials yet.
	sheetsMorning sheetStage = iota
	// sheetsRunning: the small hall's morning, each packet bound at the
	// materials step; started at 08:52:10, ends at 11:52:10. M-02 and
	// D-02 absent, their packets not given out.
	sheetsRunning
)

// sheetSeed is the seed of the print's random source.
const sheetSeed = 204

func newSheetsHall(t testing.TB, st sheetStage) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.db")
	s, err := store.Open(path, store.Options{Create: true, Program: "tui test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	_, err = s.DoWithSecret(store.SecretChairmanPIN, pinHash(), func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{
			Name: "Аудитория 204", Date: hallDate, Officer: officer, Chairman: chairman,
			Members: []string{"Кузнецов Д. А."},
		}, smallRoster, at("08:30:00"), officer)
	})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.NewChaCha8([32]byte{sheetSeed})
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) { return h.PrintSheets(3, false, rng, at("08:35:00"), officer) })
	arrive := func(id, hms string) {
		rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.Arrive(id, at(hms), officer) })
	}
	absent := func(id, hms string) {
		rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.MarkAbsent(id, at(hms), officer) })
	}
	arrive("M-01", "08:40:10")
	arrive("M-03", "08:42:30")
	if st == sheetsMorning {
		return s
	}
	absent("M-02", "08:41:00")
	arrive("M-04", "08:43:00")
	arrive("D-01", "08:44:00")
	absent("D-02", "08:44:30")
	for _, x := range [][3]string{{"M-01", "17", "08:45:00"}, {"M-03", "5", "08:50:00"}, {"M-04", "23", "08:51:30"}, {"D-01", "3", "08:52:10"}} {
		code := printedPacket(t, s, x[0])
		rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
			return h.IssueMaterialsWithSheet(x[0], x[1], code, at(x[2]), officer)
		})
	}
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		proposed, err := h.ProposeStart()
		if err != nil {
			return exam.Event{}, err
		}
		return h.StartExam(proposed, "", at("08:53:00"), officer)
	})
	return s
}

// printedPacket is a sheet of the packet the print made for examinee id's
// place in the roster (any free packet of the level would do).
func printedPacket(t testing.TB, s *store.Store, id string) barcode.Code {
	t.Helper()
	printed := ofType(events(t, s), exam.TypeSheetsPrinted)
	if len(printed) == 0 {
		t.Fatal("no sheets printed")
	}
	d := decode[exam.SheetsPrintedData](t, printed[0])
	for i, e := range s.Hall().Examinees() {
		if e.ID == id {
			return d.Packets[i].Codes[1]
		}
	}
	t.Fatalf("no examinee %s", id)
	return barcode.Code{}
}

// sheetOf is examinee id's sheet for question q (the last is the
// situational problem's).
func sheetOf(t testing.TB, s *store.Store, id string, q int) barcode.Code {
	t.Helper()
	for _, sh := range s.Hall().SheetsOf(id) {
		if sh.Question == q && sh.State != exam.SheetVoided {
			return sh.Code
		}
	}
	t.Fatalf("%s has no sheet for question %d", id, q)
	return barcode.Code{}
}

// spares are the hall's unused spare sheets.
func spares(t testing.TB, s *store.Store) []barcode.Code {
	var out []barcode.Code
	for _, sh := range s.Hall().Sheets() {
		if sh.Spare && sh.State == exam.SheetPrinted {
			out = append(out, sh.Code)
		}
	}
	if len(out) == 0 {
		t.Fatal("no spares")
	}
	return out
}

// scannerGaps are the times between a scanner's keys: 5–10 ms.
var scannerGaps = []time.Duration{7, 5, 10, 6, 9, 8}

// burst types text as a scanner does, key by key 5–10 ms apart, ending
// with term ("enter", "tab", or "" for none). It starts a second after
// whatever was typed before, the idle tick between: the officer picked
// the scanner up.
func (a *app) burst(text, term string) {
	a.idle(time.Second)
	i := 0
	gap := func() time.Duration {
		i++
		return scannerGaps[i%len(scannerGaps)] * time.Millisecond
	}
	for _, r := range text {
		a.tm.Send(timedKey{key: tea.KeyPressMsg{Code: r, Text: string(r)}, gap: gap()})
	}
	if term != "" {
		a.tm.Send(timedKey{key: keyPress(term), gap: gap()})
	}
}

// burst2 sends the keys of text gap apart, continuing a burst.
func (a *app) burst2(text string, gap time.Duration) {
	for _, r := range text {
		a.tm.Send(timedKey{key: tea.KeyPressMsg{Code: r, Text: string(r)}, gap: gap})
	}
}

// scan scans code on a scanner set to layout, ending with Enter.
func (a *app) scan(code barcode.Code, layout string) {
	a.burst(barcode.Keystrokes(code, layout), "enter")
}

// typeSlowly types text as a person does, gap between keys: each pause
// ends with the idle tick the program's timer would send in it.
func (a *app) typeSlowly(text string, gap time.Duration) {
	for _, r := range text {
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == ' ' {
			k = keyPress("space")
		}
		a.idle(gap)
		a.tm.Send(timedKey{key: k})
	}
}

// waitScanned waits for the file's answer to the next scan received and,
// if it was accepted, for a state read after a commit: every accepted
// scan is followed by one.
func (a *app) waitScanned() scannedMsg {
	a.t.Helper()
	select {
	case m := <-a.scanned:
		if m.err == nil {
			select {
			case <-a.halls:
			case <-time.After(10 * time.Second):
				a.t.Fatal("the state was not read after the scan")
			}
		}
		return m
	case <-time.After(10 * time.Second):
		a.t.Fatal("no answer to the scan")
		return scannedMsg{}
	}
}

// scanOK waits for the answer to a scan and fails on a refusal.
func (a *app) scanOK() scannedMsg {
	a.t.Helper()
	m := a.waitScanned()
	if m.err != nil {
		a.t.Fatalf("scan of %s refused: %v", m.code.Grouped(), m.err)
	}
	return m
}

// badCheckDigit is code with its check digit changed: twelve digits that
// are no code.
func badCheckDigit(c barcode.Code) string {
	d := []byte(c.String())
	d[len(d)-1] = '0' + (d[len(d)-1]-'0'+1)%10
	return string(d)
}

// received are the codes of the sheet.received events in the file.
func received(t testing.TB, s *store.Store) []barcode.Code {
	var out []barcode.Code
	for _, ev := range ofType(events(t, s), exam.TypeSheetReceived) {
		out = append(out, decode[exam.SheetReceivedData](t, ev).Code)
	}
	return out
}
