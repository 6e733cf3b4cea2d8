package tui

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"examday/barcode"
	"examday/exam"
	"examday/i18n"
)

// The scanner is a keyboard (SPEC "Barcodes"): whatever screen or dialog
// is open, a burst that is a code is taken as a scan — received exactly
// once, never typed into a field — on the US, Russian and Kazakh layouts
// alike.
func TestScanBurstIsReceivedOnceOnEveryScreen(t *testing.T) {
	screens := []struct {
		name string
		keys []string // what is open when the scan comes
	}{
		{"dashboard", nil},
		{"examinee", []string{"down", "enter"}},
		{"board", []string{"b"}},
		{"help", []string{"?"}},
		// The violation form against Әлия, its description focused, half
		// typed.
		{"violation form", []string{"v", "enter", "type:phone on the desk"}},
		{"close dialog", []string{"C"}},
	}
	for _, sc := range screens {
		for _, layout := range []string{"us", "kz", "ru"} {
			t.Run(sc.name+"/"+layout, func(t *testing.T) {
				s := newSheetsHall(t, sheetsRunning)
				code := sheetOf(t, s, "M-01", 2)
				a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
				for _, k := range sc.keys {
					if text, ok := strings.CutPrefix(k, "type:"); ok {
						a.typeText(text)
						continue
					}
					a.press(k)
				}
				a.scan(code, layout)
				got := a.scanOK()
				if got.code != code {
					t.Fatalf("received %s, scanned %s", got.code.Grouped(), code.Grouped())
				}
				m := a.final()
				if r := received(t, s); !slices.Equal(r, []barcode.Code{code}) {
					t.Errorf("sheet.received in the log: %v, want exactly %s", r, code.Grouped())
				}
				if m.typed != "" {
					t.Errorf("the scan was typed as a code on the page: %q", m.typed)
				}
				if f, ok := m.dialog.(*violationForm); ok {
					if v := f.fields[fieldDescription].Value(); v != "phone on the desk" {
						t.Errorf("the description holds %q: the scan reached the field", v)
					}
				}
				text := screen(m)
				if want := "✔ Seat 1 — Question 2 of 3 received 10:42:05"; !contains(text, want) {
					t.Errorf("no banner %q:\n%s", want, text)
				}
			})
		}
	}
}

// A scan ending with Tab (some scanners are set so) is a scan too: the
// Tab is not the form's next field.
func TestScanEndingWithTabIsAScan(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	code := sheetOf(t, s, "M-03", 1)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.press("v", "enter")
	a.burst(barcode.Keystrokes(code, "kz"), "tab")
	a.scanOK()
	m := a.final()
	f := m.dialog.(*violationForm)
	if f.focus != fieldDescription || f.fields[fieldDescription].Value() != "" {
		t.Errorf("the form moved to field %d, description %q", f.focus, f.fields[fieldDescription].Value())
	}
}

// A scanner that sends no terminator: the burst is taken when the keys
// stop, and what is typed next goes to the field.
func TestBurstWithoutTerminatorIsTakenWhenTheKeysStop(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	code := sheetOf(t, s, "M-04", 3)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.press("v", "enter")
	a.burst(code.String(), "")
	a.pause()
	a.scanOK()
	a.typeText("x")
	m := a.final()
	f := m.dialog.(*violationForm)
	if f.focus != fieldDescription || f.fields[fieldDescription].Value() != "x" {
		t.Errorf("field %d, description %q; want the description, \"x\"", f.focus, f.fields[fieldDescription].Value())
	}
	if r := received(t, s); len(r) != 1 || r[0] != code {
		t.Errorf("received %v", r)
	}
}

// A scanner whose Enter comes late, or a laptop that stalls in the middle
// of a burst: the keys keep being held (a burst waits scanHold once two
// keys are in), and the Enter is still the burst's own, not the form's.
func TestStallInTheMiddleOfABurstDoesNotCutIt(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	code := sheetOf(t, s, "M-04", 2)
	keys := barcode.Keystrokes(code, "ru")
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.press("v", "enter")
	a.burst(keys[:1], "")
	a.tm.Send(keyPause{d: 20 * time.Millisecond}) // the tick, before the second key
	a.burst2(keys[1:5], 7*time.Millisecond)
	a.tm.Send(keyPause{d: 120 * time.Millisecond}) // a stall: the tick looks, and waits
	a.tm.Send(keyPause{})
	a.burst2(keys[5:], 90*time.Millisecond)
	a.tm.Send(timedKey{key: keyPress("enter"), gap: 200 * time.Millisecond})
	a.scanOK()
	m := a.final()
	f := m.dialog.(*violationForm)
	if f.focus != fieldDescription || f.fields[fieldDescription].Value() != "" {
		t.Errorf("field %d, description %q: the burst was cut", f.focus, f.fields[fieldDescription].Value())
	}
}

// A person typing into a text field is never held up for good nor
// reordered: digits, the Kazakh row's comma and all, 150 ms apart, reach
// the description as typed.
func TestHumanTypingIntoTheDescriptionKeepsEveryCharacter(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.press("v", "enter")
	const text = "seat 12, row 3: phone 8 777 123 45 67 in hand"
	a.typeSlowly(text, 150*time.Millisecond)
	a.pause()
	m := a.final()
	f := m.dialog.(*violationForm)
	if got := f.fields[fieldDescription].Value(); got != text {
		t.Errorf("description %q, typed %q", got, text)
	}
	if n := len(received(t, s)); n != 0 {
		t.Errorf("%d sheets received from typing", n)
	}
}

// Digits typed quickly by hand are still typing when they come slower
// than a scanner's: the ticket field gets them.
func TestSlowDigitsGoToTheField(t *testing.T) {
	s := newSheetsHall(t, sheetsMorning)
	a := run(t, s, newClock("08:46:00"), i18n.EN, 80, 24)
	a.press("m")
	a.typeSlowly("123456", 60*time.Millisecond)
	a.pause()
	m := a.final()
	f := m.dialog.(*materialsForm)
	if got := f.ticket.Value(); got != "123456" {
		t.Errorf("ticket %q", got)
	}
}

// A burst of the right length whose check digit fails is shown as a
// failed scan, with the reason, and records nothing; no digit reaches the
// field either.
func TestBurstWithABadCheckDigitIsShownAndRecordsNothing(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	code := sheetOf(t, s, "M-01", 1)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.press("v", "enter")
	a.burst(badCheckDigit(code), "enter")
	a.pause()
	m := a.final()
	text := screen(m)
	for _, want := range []string{"✗ SCAN NOT READ", "the check digit does not match", "Nothing was recorded."} {
		if !contains(text, want) {
			t.Errorf("the screen does not say %q:\n%s", want, text)
		}
	}
	if n := len(received(t, s)); n != 0 {
		t.Errorf("%d sheets received", n)
	}
	if v := m.dialog.(*violationForm).fields[fieldDescription].Value(); v != "" {
		t.Errorf("the description holds %q", v)
	}
}

// A duplicate scan is harmless: refused, naming when the sheet was
// received, and nothing more is written.
func TestDuplicateScanIsRefusedWithTheTimeOfTheFirst(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	code := sheetOf(t, s, "M-01", 1)
	clock := newClock("10:42:05")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.scan(code, "us")
	a.scanOK()
	clock.Set(at("10:50:00"))
	a.scan(code, "kz")
	second := a.waitScanned()
	if !refusedWith(second.err, exam.RefuseSheetAlreadyReceived) {
		t.Fatalf("second scan: %v, want already received", second.err)
	}
	m := a.final()
	text := screen(m)
	for _, want := range []string{"✗ SCAN REFUSED — sheet " + code.Grouped(), "was already received at 10:42:05"} {
		if !contains(text, want) {
			t.Errorf("the screen does not say %q:\n%s", want, text)
		}
	}
	if n := len(received(t, s)); n != 1 {
		t.Errorf("%d sheet.received events, want 1", n)
	}
}

// §1.5: the last theory sheet in hands the theory in by itself; the
// situational sheet hands the work in (§1.6).
func TestScansHandTheTheoryAndTheWorkIn(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	for q := 1; q <= 3; q++ {
		a.scan(sheetOf(t, s, "M-03", q), "us")
		r := a.scanOK()
		theory := len(r.records) == 2 && r.records[1].Event.Type == exam.TypeTheoryIn
		if theory != (q == 3) {
			t.Errorf("question %d: %d records, theory in %v", q, len(r.records), theory)
		}
	}
	// §1.6: the situational ticket, drawn after the theory.
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		return h.DrawSituational("M-03", "4", false, at("10:42:05"), officer)
	})
	a.scan(sheetOf(t, s, "M-03", 4), "us")
	r := a.scanOK()
	if len(r.records) != 2 || r.records[1].Event.Type != exam.TypeHandedIn {
		t.Errorf("the situational sheet recorded %d events", len(r.records))
	}
	m := a.final()
	text := screen(m)
	for _, want := range []string{"✔ Seat 3 — Situational problem received 10:42:05", "Work handed in: Dana Serikovna Akhmetova has finished"} {
		if !contains(text, want) {
			t.Errorf("the screen does not say %q:\n%s", want, text)
		}
	}
	if e, _ := m.ctx.Hall.Examinee("M-03"); e.Status != exam.Finished {
		t.Errorf("Dana is %s", e.Status)
	}
}

// A code typed by a person on the dashboard, check digit and all, and
// Enter: received as a scan.
func TestCodeTypedOnTheDashboardIsReceived(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	code := sheetOf(t, s, "D-01", 1)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.typeSlowly(code.Grouped(), 250*time.Millisecond)
	a.tm.Send(timedKey{key: keyPress("enter"), gap: 300 * time.Millisecond})
	a.scanOK()
	m := a.final()
	if r := received(t, s); len(r) != 1 || r[0] != code {
		t.Errorf("received %v", r)
	}
	if m.typed != "" || m.active != pageDashboard {
		t.Errorf("typed %q, page %d: Enter went on to the page", m.typed, m.active)
	}
}

// What a scanner types on every layout is read back as the same code:
// sheets of three examinees, the layouts alternating, each received once.
func TestScansOnEveryLayoutAreTheSameCode(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	a := run(t, s, newClock("10:42:05"), i18n.KK, 80, 24)
	var want []barcode.Code
	layouts := []string{"kz", "ru", "us"}
	for i, id := range []string{"M-01", "M-04", "D-01"} {
		for q := 1; q <= 2; q++ {
			code := sheetOf(t, s, id, q)
			want = append(want, code)
			a.scan(code, layouts[(i+q)%3])
			a.scanOK()
		}
	}
	a.final()
	got := received(t, s)
	slices.SortFunc(got, func(x, y barcode.Code) int { return strings.Compare(x.String(), y.String()) })
	slices.SortFunc(want, func(x, y barcode.Code) int { return strings.Compare(x.String(), y.String()) })
	if !slices.Equal(got, want) {
		t.Errorf("received %v, want %v", got, want)
	}
}

// A scanner set to send no terminator, and a key right after its burst:
// the burst is still a scan, and the key goes where it would have gone.
func TestKeyRightAfterABurstDoesNotSplitIt(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	code := sheetOf(t, s, "D-01", 2)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.press("v", "enter")
	a.burst(barcode.Keystrokes(code, "kz"), "")
	a.tm.Send(timedKey{key: keyPress("x"), gap: 8 * time.Millisecond})
	a.scanOK()
	m := a.final()
	if v := m.dialog.(*violationForm).fields[fieldDescription].Value(); v != "x" {
		t.Errorf("description %q, want the x alone", v)
	}
}

// A code pasted on a page is a code typed there; Enter takes it in.
func TestCodePastedOnAPageIsReceived(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	code := sheetOf(t, s, "M-04", 1)
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.press("b")
	a.tm.Send(tea.PasteMsg{Content: " " + code.Grouped() + "\n"})
	a.press("enter")
	a.scanOK()
	m := a.final()
	if r := received(t, s); len(r) != 1 || r[0] != code || m.active != pageBoard {
		t.Errorf("received %v, page %d", r, m.active)
	}
}

// The banner of a scan stays up for scanShown by the clock, then gives
// the room back to the page; the status line keeps the answer.
func TestScanBannerGoesAfterAFewSeconds(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	clock := newClock("10:42:05")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:42:05")
	a.scan(sheetOf(t, s, "M-01", 1), "us")
	a.scanOK()
	a.now(clock, "10:42:12")
	a.now(clock, "10:42:13")
	m := a.final()
	text := screen(m)
	if contains(text, "┃") || !strings.HasPrefix(text, "Аудитория 204") {
		t.Errorf("the banner is still up 8 s later:\n%s", text)
	}
	if !contains(text, "Seat 1 — Question 1 of 3 received 10:42:05") {
		t.Errorf("the status line lost the answer:\n%s", text)
	}
}

// missingKey is how the catalogue shows a key it does not have.
var missingKey = regexp.MustCompile(`«[a-z_]+\.[a-z_.]+»`)

// Every word the screens of the sheets show is in the catalogue, in all
// three languages: no «key» on any of them, and every ui. key the UI
// uses has Russian and Kazakh.
func TestSheetScreensHaveEveryWordInEveryLanguage(t *testing.T) {
	for _, k := range i18n.Keys() {
		if strings.HasPrefix(k, "ui.") && !i18n.Complete(k) {
			t.Errorf("%s is not in every language", k)
		}
	}
	for _, lang := range i18n.Langs {
		s := newSheetsHall(t, sheetsRunning)
		someSheetsIn(t, s)
		a := run(t, s, newClock("11:00:00"), lang, 80, 24)
		var frames []string
		shot := func() {
			a.pause()
			frames = append(frames, screen(a.final()))
			a = run(t, s, newClock("11:00:00"), lang, 80, 24)
		}
		a.scan(sheetOf(t, s, "M-03", 3), "kz")
		a.scanOK()
		shot()
		a.scan(sheetOf(t, s, "M-03", 3), "us")
		a.waitScanned()
		shot()
		a.press("R")
		shot()
		a.press("V")
		a.scan(sheetOf(t, s, "D-01", 1), "us")
		shot()
		a.press("C")
		shot()
		a.press("?")
		shot()
		a.press("down", "down", "down", "enter")
		shot()
		for _, f := range frames {
			if k := missingKey.FindString(f); k != "" {
				t.Errorf("%s: %s has no words:\n%s", lang, k, f)
			}
		}
	}
}

// The last sheet of an examinee who still holds the Criminal Code: it is
// received, the theory part is handed in, and the screen says the hand-in
// waits for the Code, naming the keys.
func TestLastSheetWithTheCodeOutSaysTheHandInWaits(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("M-03", at("10:00:00"), officer) })
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		return h.DrawSituational("M-03", "12", false, at("10:15:00"), officer)
	})
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.HandOutCode("M-03", at("10:16:00"), officer) })
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	a.scan(sheetOf(t, s, "M-03", 4), "us")
	a.scanOK()
	for q := 1; q <= 3; q++ {
		a.scan(sheetOf(t, s, "M-03", q), "us")
		a.scanOK()
	}
	m := a.final()
	want := m.ctx.Cat.T("ui.scan.code_out", m.ctx.Keys.Code.Help().Key, m.ctx.Keys.HandIn.Help().Key)
	// The banner wraps the line inside its border.
	if text := strings.ReplaceAll(screen(m), "┃", " "); !contains(text, want) {
		t.Errorf("the screen does not say %q:\n%s", want, text)
	}
	if e, _ := m.ctx.Hall.Examinee("M-03"); e.Status == exam.Finished || !e.CodeOut {
		t.Errorf("Dana is %s with the Code out %v; the hand-in must wait for the Code", e.Status, e.CodeOut)
	}
}

// The advice that the hand-in waits for the Criminal Code goes as soon as
// the Code is back and the examinee has finished: advice on screen is
// always current, even while the scan's banner is still up.
func TestTheCodeAdviceGoesOnceTheExamineeHasFinished(t *testing.T) {
	s := newSheetsHall(t, sheetsRunning)
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn("M-03", at("10:00:00"), officer) })
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) {
		return h.DrawSituational("M-03", "12", false, at("10:15:00"), officer)
	})
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.HandOutCode("M-03", at("10:16:00"), officer) })
	a := run(t, s, newClock("10:42:05"), i18n.EN, 80, 24)
	for q := 1; q <= 4; q++ {
		a.scan(sheetOf(t, s, "M-03", q), "us")
		a.scanOK()
	}
	// Dana is the third row; the Code back, then the hand-in.
	a.press("home", "down", "down", "c")
	a.press("y")
	a.ok("the Code back")
	if e, _ := s.Hall().Examinee("M-03"); e.CodeOut {
		t.Fatalf("the Code is still out")
	}
	a.press("h")
	a.press("y")
	a.ok("the hand-in")
	m := a.final()
	if e, _ := m.ctx.Hall.Examinee("M-03"); e.Status != exam.Finished {
		t.Fatalf("Dana is %s; want finished", e.Status)
	}
	advice := m.ctx.Cat.T("ui.scan.code_out", m.ctx.Keys.Code.Help().Key, m.ctx.Keys.HandIn.Help().Key)
	if m.scan == nil {
		t.Fatal("the scan's banner is down already; this test needs it up")
	}
	if text := strings.ReplaceAll(screen(m), "┃", " "); contains(text, advice) || strings.Contains(text, "waits for the Criminal Code") {
		t.Errorf("the screen still says the hand-in waits for the Code:\n%s", text)
	}
}
