package tui

import (
	"strings"
	"testing"

	"examday/exam"
	"examday/i18n"
)

// §2.3: a wrong PIN is recorded, and the prompt says which attempt is
// next; the third wrong PIN in a row locks the prompt for a minute, during
// which not even the right PIN is taken. After the lock the right PIN
// records the violation.
func TestWrongPINThreeTimesLocksThePromptAndEveryAttemptIsLogged(t *testing.T) {
	s, _ := newHall(t, running)
	clock := newClock("10:00:00")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:00:00")
	// Violation (a) against Әлия, warned.
	a.press("v", "enter")
	a.typeText("a phone rang in her bag")
	a.press("tab")
	a.typeText("Кузнецов Д. А.")
	a.press("tab", "tab", "left", "enter")
	for i, pin := range []string{"1111", "2222", "3333"} {
		a.typeAndEnter(pin)
		r := a.ok("a wrong PIN")
		if len(r.records) != 1 || r.records[0].Event.Type != exam.TypePINFailed {
			t.Fatalf("wrong PIN %d recorded %+v, want one chairman.pin_failed", i+1, r.records)
		}
	}
	a.typeAndEnter(chairmanPIN) // locked: not even tried
	a.now(clock, "10:00:30")
	m := a.final()
	got := dialogText(screen(m))
	if want := en.T("refusal.pin_locked", at("10:01:00")); !contains(got, want) {
		t.Errorf("the prompt does not say %q:\n%s", want, got)
	}
	evs := events(t, s)
	fails := ofType(evs, exam.TypePINFailed)
	if len(fails) != 3 {
		t.Fatalf("%d wrong PINs in the log, want 3", len(fails))
	}
	for i, f := range fails {
		d := decode[exam.PINFailedData](t, f)
		if d.Failures != i+1 || d.Purpose != "violation" || f.Actor != officer {
			t.Errorf("wrong PIN %d logged as %+v by %s", i+1, d, f.Actor)
		}
		if locks := !d.LockedUntil.IsZero(); locks != (i == 2) || (locks && !d.LockedUntil.Equal(at("10:01:00"))) {
			t.Errorf("wrong PIN %d locks until %v", i+1, d.LockedUntil)
		}
	}
	if n := len(ofType(evs, exam.TypeViolationRecorded)); n != 0 {
		t.Errorf("%d violations recorded with a wrong or locked PIN", n)
	}

	// The prompt said which attempt came next, each time.
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:01:00") // the lock is over
	a.press("v", "enter")
	a.typeText("a phone rang in her bag")
	a.press("tab")
	a.typeText("Кузнецов Д. А.")
	a.press("tab", "tab", "left", "enter")
	a.typeAndEnter("9999")
	a.ok("a wrong PIN")
	got = dialogText(screen(a.final()))
	if want := en.T("ui.pin.wrong", 2, 3); !contains(got, want) {
		t.Errorf("after the first wrong PIN the prompt does not say %q:\n%s", want, got)
	}

	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:01:10")
	a.press("v", "enter")
	a.typeText("a phone rang in her bag")
	a.press("tab")
	a.typeText("Кузнецов Д. А.")
	a.press("tab", "tab", "left", "enter")
	got = dialogText(screen(a.final()))
	if want := en.T("ui.pin.attempt", 2, 3); !contains(got, want) {
		t.Errorf("a prompt opened after one wrong PIN does not say %q:\n%s", want, got)
	}

	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:01:20")
	a.press("v", "enter")
	a.typeText("a phone rang in her bag")
	a.press("tab")
	a.typeText("Кузнецов Д. А.")
	a.press("tab", "tab", "left", "enter")
	a.typeAndEnter(chairmanPIN)
	a.ok("the violation")
	a.final()
	vs := ofType(events(t, s), exam.TypeViolationRecorded)
	if len(vs) != 1 || decode[exam.ViolationData](t, vs[0]).AgreedBy != chairman {
		t.Errorf("violations after the right PIN: %+v", vs)
	}
}

// §2.3: a removal shows what to collect from the examinee — the exam
// ticket, the answer sheet still with them, the situational ticket and
// the Criminal Code — and their status REMOVED; nothing more can be
// issued or handed in by them.
func TestRemovalListsTheMaterialsToCollectAndBlocksFurtherMaterials(t *testing.T) {
	s, _ := newHall(t, running)
	rec1(t, s, theoryIn("M-01", "09:50:00"))
	rec1(t, s, draw("M-01", "6", "10:05:00"))
	rec1(t, s, codeOut("M-01", "10:06:00"))
	clock := newClock("10:10:00")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:10:00")
	a.press("v", "enter") // (a) mobile devices
	a.typeText("used a smartphone under the desk")
	a.press("tab")
	a.typeText("Кузнецов Д. А.")
	a.press("tab")
	a.typeText("phone taken")
	a.press("tab", "right", "enter") // removed from the exam
	a.typeAndEnter(chairmanPIN)
	a.ok("the removal")
	m := a.final()
	got := dialogText(screen(m))
	for _, want := range []string{
		en.T("ui.removed.title", "Әлия Қасымқызы Нұрланова", "1"),
		en.T("ui.removed.status", "REMOVED"),
		en.T("ui.held.ticket", "17"),
		en.T("ui.held.sheets", 1, 4),
		en.T("ui.held.situational", "6"),
		en.T("ui.held.code"),
	} {
		if !contains(got, want) {
			t.Errorf("the removal does not say %q:\n%s", want, got)
		}
	}
	if e, _ := s.Hall().Examinee("M-01"); e.Status != exam.Removed {
		t.Fatalf("M-01 is %s, want removed", e.Status)
	}

	before := len(events(t, s))
	a = run(t, s, clock, i18n.EN, 80, 24)
	for _, k := range []string{"m", "t", "o", "d", "h"} {
		a.press(k)
	}
	m = a.final()
	if m.dialog != nil {
		t.Error("a dialog opened for a removed examinee")
	}
	if !m.status.err {
		t.Errorf("the status line is not a refusal: %q", m.status.text)
	}
	if got := screen(m); !strings.Contains(got, "REMOVED") {
		t.Errorf("the roster does not say REMOVED:\n%s", got)
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events", before, after)
	}
	// Materials in particular, asked alone, are refused in words.
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.press("m")
	m = a.final()
	if m.dialog != nil || !m.status.err || m.status.text == "" {
		t.Errorf("materials for a removed examinee: dialog %v, status %+v", m.dialog != nil, m.status)
	}
}

// An interruption (§1.3's 3 hours are the examinees'): the clock stands
// while the exam is interrupted, the board and dashboard say so, no
// warning is given, and at the end of it the end moves by its length.
// Both need the chairman's PIN.
func TestInterruptionStopsTheClockAndMovesTheEnd(t *testing.T) {
	s, _ := newHall(t, running) // ends at 11:52:10
	clock := newClock("11:00:00")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "11:00:00")
	a.press("I", "down", "enter") // power cut
	a.typeAndEnter(chairmanPIN)
	a.ok("the interruption")
	a.now(clock, "11:30:00") // past the 30-minute mark of 11:22:10
	m := a.final()
	got := screen(m)
	for _, want := range []string{"INTERRUPTED", "time left 0:52:10 (stands)", "⏸ " + en.T("ui.banner.interrupted", "power cut", "11:00:00", "0:52:10")} {
		if !contains(got, want) {
			t.Errorf("the dashboard does not say %q:\n%s", want, got)
		}
	}
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "11:30:00")
	a.press("b")
	if got := screen(a.final()); !contains(got, en.T("ui.board.interrupted")) || !contains(got, en.T("ui.board.left")) {
		t.Errorf("the board does not say it is interrupted:\n%s", got)
	}
	if n := len(ofType(events(t, s), exam.TypeWarning)); n != 0 {
		t.Errorf("%d warnings given while the clock stood", n)
	}

	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "11:30:00")
	a.press("I", "y")
	a.typeAndEnter(chairmanPIN)
	a.ok("the end of the interruption")
	a.now(clock, "11:30:05")
	got = screen(a.final())
	for _, want := range []string{"end 12:22:10", "time left 0:52:05"} {
		if !strings.Contains(got, want) {
			t.Errorf("after the interruption the dashboard does not say %q:\n%s", want, got)
		}
	}
	evs := events(t, s)
	started, ended := ofType(evs, exam.TypeInterruptionStarted), ofType(evs, exam.TypeInterruptionEnded)
	if len(started) != 1 || len(ended) != 1 {
		t.Fatalf("%d starts and %d ends of an interruption", len(started), len(ended))
	}
	if d := decode[exam.InterruptionData](t, started[0]); d.Kind != exam.InterruptPowerCut || d.AgreedBy != chairman {
		t.Errorf("the interruption started as %+v", d)
	}
	if d := decode[exam.InterruptionData](t, ended[0]); d.Seconds != 1800 || !d.NewEnd.Equal(at("12:22:10")) || d.AgreedBy != chairman {
		t.Errorf("the interruption ended as %+v, want 1800 s and the end at 12:22:10", d)
	}
}

// A correction from the examinee's detail view: the selected entry is
// cancelled with a reason, the day is replayed without it, and both
// entries stay in the timeline — the cancelled one marked. A violation's
// cancellation needs the chairman's PIN (§2.3).
func TestCorrectionFromTheDetailViewCancelsAnEntryAndKeepsBoth(t *testing.T) {
	s, _ := newHall(t, running)
	rec1(t, s, theoryIn("M-03", "09:40:00")) // recorded for the wrong examinee
	clock := newClock("09:45:00")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "09:45:00")
	a.press("down", "down", "enter") // Dana Serikovna Akhmetova's day; her last entry is selected
	a.press("u")
	a.typeAndEnter("the sheets were Әлия's, not hers")
	a.ok("the correction")
	m := a.final()
	got := screen(m)
	for _, want := range []string{
		"09:40:00 ✗ " + en.T("ui.detail.cancelled_mark", "09:45:00") + " " + en.T("ui.event.theory_in"),
		"09:45:00   " + en.T("ui.event.cancelled", "09:40:00", en.T("ui.event_type.theory.handed_in"), "the sheets were Әлия's, not hers"),
		"Dana Serikovna Akhmetova  writing",
	} {
		if !contains(got, fit(want, 78)) {
			t.Errorf("the detail view does not say %q:\n%s", want, got)
		}
	}
	evs := events(t, s)
	theory, cancels := ofType(evs, exam.TypeTheoryIn), ofType(evs, exam.TypeCancelled)
	if len(cancels) != 1 {
		t.Fatalf("%d corrections in the log, want 1", len(cancels))
	}
	if d := decode[exam.CancelData](t, cancels[0]); d.Seq != theory[0].Seq || d.Reason != "the sheets were Әлия's, not hers" || d.AgreedBy != "" {
		t.Errorf("the correction says %+v", d)
	}
	h := s.Hall()
	if e, _ := h.Examinee("M-03"); e.Status != exam.Materials || !e.TheoryInAt.IsZero() {
		t.Errorf("after the correction M-03 is %s, theory in at %v", e.Status, e.TheoryInAt)
	}
	if h.Cancelled[theory[0].Seq] != cancels[0].Seq {
		t.Errorf("the hall's cancellations: %v", h.Cancelled)
	}

	// The cancelled entry cannot be cancelled again: the rules say so, and
	// nothing is written.
	before := len(evs)
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.press("down", "down", "enter", "up", "u")
	m = a.final()
	if want := en.Error(&exam.Refusal{Code: exam.RefuseAlreadyCancelled, Args: []any{theory[0].Seq, cancels[0].Seq}}); m.status.text != want || m.dialog != nil {
		t.Errorf("cancelling the cancelled entry: status %q, dialog %v; want %q", m.status.text, m.dialog != nil, want)
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events", before, after)
	}

	// A violation's cancellation asks for the chairman's PIN.
	rec1(t, s, violation(t, "M-03", exam.ViolationInput{Clause: "e", Description: "talked to seat 4", Witnesses: "Кузнецов Д. А.", Decision: exam.DecisionWarned}, "09:50:00"))
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "09:55:00")
	a.press("down", "down", "enter", "end", "u")
	a.typeAndEnter("it was seat 5 who talked")
	a.typeAndEnter(chairmanPIN)
	a.ok("the cancelled violation")
	a.final()
	cancels = ofType(events(t, s), exam.TypeCancelled)
	if len(cancels) != 2 || decode[exam.CancelData](t, cancels[1]).AgreedBy != chairman || decode[exam.CancelData](t, cancels[1]).Type != exam.TypeViolationRecorded {
		t.Errorf("the violation's cancellation: %+v", cancels)
	}
	if e, _ := s.Hall().Examinee("M-03"); e.Violations != 0 {
		t.Errorf("M-03 has %d violations after the cancellation", e.Violations)
	}
}

// The hall cannot close while anyone still sits: the dialog says who, and
// yes does nothing.
func TestCloseIsRefusedWhileSomeoneSits(t *testing.T) {
	s, _ := newHall(t, running)
	before := len(events(t, s))
	a := run(t, s, newClock("11:00:00"), i18n.EN, 80, 24)
	a.press("C", "y")
	m := a.final()
	got := dialogText(screen(m))
	for _, want := range []string{
		en.Error(&exam.Refusal{Code: exam.RefuseStillSitting, Args: []any{4}}),
		"✗ " + en.T("outstanding.sitting", "1", "Әлия Қасымқызы Нұрланова"),
		"✗ " + en.T("outstanding.sitting", "5", "Құралай Һадиқызы Үсенова"),
	} {
		if !contains(got, want) {
			t.Errorf("the close dialog does not say %q:\n%s", want, got)
		}
	}
	if after := len(events(t, s)); after != before || s.Hall().Phase == exam.PhaseClosed {
		t.Errorf("the log grew from %d to %d events; the hall is %s", before, after, s.Hall().Phase)
	}
}

// Once closed the hall is read-only: every screen says CLOSED, and every
// action is refused in words and writes nothing.
func TestAfterTheCloseEveryActionIsRefusedAndEveryScreenSaysClosed(t *testing.T) {
	s, _ := newHall(t, running)
	everyoneDone(t, s)
	rec1(t, s, func(h *exam.Hall) (exam.Event, error) { return h.CloseHall(true, at("12:00:00"), officer) })
	before := len(events(t, s))
	banner := "■ " + en.T("ui.banner.closed", "12:00:00")
	refusal := en.T("refusal.hall_closed")

	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"dashboard", nil},
		{"detail", []string{"enter"}},
		{"board", []string{"b"}},
		{"help", []string{"?"}},
		{"detail help", []string{"enter", "?"}},
	} {
		a := run(t, s, newClock("12:05:00"), i18n.EN, 80, 24)
		a.press(tc.keys...)
		if got := screen(a.final()); !contains(got, banner) {
			t.Errorf("%s does not say %q:\n%s", tc.name, banner, got)
		}
	}

	// Every action key, on the dashboard and in the detail view of
	// someone who still holds the Criminal Code (Әлия).
	for _, where := range [][]string{nil, {"enter"}} {
		for _, k := range []string{"p", "x", "m", "s", "t", "o", "i", "d", "c", "h", "v", "I", "C", "u"} {
			a := run(t, s, newClock("12:05:00"), i18n.EN, 80, 24)
			a.press(where...)
			a.press(k)
			m := a.final()
			if m.dialog != nil {
				t.Errorf("%v %s opened a dialog on a closed hall", where, k)
			}
			if (k == "u" && len(where) == 0) || (k == "s" && len(where) > 0) {
				continue // not a key of that screen
			}
			if !m.status.err || (k != "s" && m.status.text != refusal) {
				t.Errorf("%v %s: status %+v, want the refusal %q", where, k, m.status, refusal)
			}
		}
	}
	// The offer left open is on the list, and cannot be decided.
	for _, k := range []string{"enter", "e", "d"} {
		a := run(t, s, newClock("12:05:00"), i18n.EN, 80, 24)
		a.press("r", k)
		if got := dialogText(screen(a.final())); !contains(got, refusal) {
			t.Errorf("offers %s on a closed hall does not say %q:\n%s", k, refusal, got)
		}
	}
	if after := len(events(t, s)); after != before {
		t.Errorf("the log grew from %d to %d events", before, after)
	}
}

// §2.1: the one break follows the theory; a second exit is only for
// emergency medical care, with its reason (§2.2 d), which is no violation.
func TestSecondExitIsOnlyForMedicalCareWithItsReason(t *testing.T) {
	s, _ := newHall(t, running)
	rec1(t, s, theoryIn("M-01", "09:40:00"))
	rec1(t, s, leave("M-01", "09:41:00"))
	rec(t, s, comeBack("M-01", "09:48:00"))
	clock := newClock("10:00:00")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:00:00")
	a.press("o")
	a.press("enter") // no reason: refused
	if r := a.waitRecorded(recordAction); !refusedWith(r.err, exam.RefuseMedicalReason) {
		t.Fatalf("an exit without a reason: %v, want %s", r.err, exam.RefuseMedicalReason)
	}
	a.typeAndEnter("nosebleed")
	a.ok("the medical exit")
	a.now(clock, "10:25:00")
	m := a.final()
	got := screen(m)
	if want := en.T("ui.out.medical", "25:00"); !strings.Contains(got, want) {
		t.Errorf("the dashboard does not say %q:\n%s", want, got)
	}
	outs := ofType(events(t, s), exam.TypeBreakOut)
	if d := decode[exam.BreakOutData](t, outs[1]); !d.Medical || d.Reason != "nosebleed" {
		t.Errorf("the second exit says %+v", d)
	}

	// Back after 25 minutes: no violation offered.
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:25:00")
	a.press("i", "y")
	if r := a.ok("the return"); len(r.records) != 1 {
		t.Errorf("the return from medical care recorded %d events, want 1", len(r.records))
	}
	a.final()
	if h := s.Hall(); len(h.Offers) != 0 {
		t.Errorf("offers after a medical exit: %+v", h.Offers)
	}
}

// §1.6: a situational ticket number another examinee already drew is
// refused until the officer confirms it is the same number.
func TestDuplicateSituationalTicketNeedsConfirmation(t *testing.T) {
	s, _ := newHall(t, running)
	rec1(t, s, theoryIn("M-01", "09:40:00"))
	rec1(t, s, theoryIn("M-03", "09:41:00"))
	rec1(t, s, draw("M-01", "7", "09:50:00"))
	a := run(t, s, newClock("09:55:00"), i18n.EN, 80, 24)
	a.press("down", "down", "d")
	a.typeAndEnter("7")
	if r := a.waitRecorded(recordAction); !refusedWith(r.err, exam.RefuseSituationalDuplicate) {
		t.Fatalf("the same number: %v, want %s", r.err, exam.RefuseSituationalDuplicate)
	}
	a.press("y")
	a.ok("the confirmed duplicate")
	a.final()
	drawn := ofType(events(t, s), exam.TypeSituationalDrawn)
	if len(drawn) != 2 || !decode[exam.SituationalData](t, drawn[1]).Duplicate || decode[exam.SituationalData](t, drawn[1]).Ticket != "7" {
		t.Errorf("situational tickets in the log: %+v", drawn)
	}
}

// The hand-in is refused while the Criminal Code is out, unless forced
// with a reason, which the log keeps.
func TestHandInWithTheCodeOutNeedsAReason(t *testing.T) {
	s, _ := newHall(t, running)
	rec1(t, s, theoryIn("M-01", "09:40:00"))
	rec1(t, s, draw("M-01", "7", "09:50:00"))
	rec1(t, s, codeOut("M-01", "09:51:00"))
	a := run(t, s, newClock("11:00:00"), i18n.EN, 80, 24)
	a.press("h")
	m := a.final()
	if got, want := dialogText(screen(m)), en.Error(&exam.Refusal{Code: exam.RefuseCodeStillOut, Args: []any{"Әлия Қасымқызы Нұрланова"}}); !contains(got, want) {
		t.Errorf("the hand-in does not say %q:\n%s", want, got)
	}
	a = run(t, s, newClock("11:00:00"), i18n.EN, 80, 24)
	a.press("h")
	a.typeAndEnter("the Code stays on her desk for the next session")
	a.ok("the forced hand-in")
	a.final()
	in := ofType(events(t, s), exam.TypeHandedIn)
	if len(in) != 1 || decode[exam.HandedInData](t, in[0]).Forced != "the Code stays on her desk for the next session" {
		t.Errorf("hand-ins in the log: %+v", in)
	}
	if e, _ := s.Hall().Examinee("M-01"); e.Status != exam.Finished || !e.CodeOut {
		t.Errorf("M-01 is %s with the Code out %v, want finished and the Code still owed", e.Status, e.CodeOut)
	}
}

// A late arrival after the start is admitted only with the chairman's
// PIN; then the materials can be issued to them.
func TestLateArrivalIsAdmittedWithThePINThenReceivesMaterials(t *testing.T) {
	s, _ := newHall(t, running)
	clock := newClock("09:10:00")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "09:10:00")
	a.press("down", "p") // Иван Сергеевич Петров, marked absent in the morning
	if got := dialogText(screen(a.final())); !contains(got, en.T("ui.admit.title", "Иван Сергеевич Петров", "2")) {
		t.Errorf("p after the start does not ask to admit late:\n%s", got)
	}
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "09:10:00")
	a.press("down", "p", "y")
	a.typeAndEnter(chairmanPIN)
	a.ok("the late admission")
	a.press("m")
	a.typeAndEnter("21")
	a.ok("the late materials")
	a.final()
	e, _ := s.Hall().Examinee("M-02")
	if !e.AdmittedLate || e.Ticket != "21" || e.Status != exam.Materials {
		t.Errorf("M-02: admitted late %v, ticket %q, %s", e.AdmittedLate, e.Ticket, e.Status)
	}
	late := ofType(events(t, s), exam.TypeAdmittedLate)
	if len(late) != 1 || decode[exam.AgreedData](t, late[0]).AgreedBy != chairman {
		t.Errorf("late admissions in the log: %+v", late)
	}
}

// The PIN prompt reads the digit row of the Kazakh layout as digits, and
// takes nothing else.
func TestPINDigitsOnEveryLayout(t *testing.T) {
	for in, want := range map[string]string{
		"2468": "2468", "әңүқ": "2480", "ӘҢҮҚ": "2480", "\"ғ,.ұ": "15679", "a2b4": "24", "": "",
	} {
		var got []rune
		for _, r := range in {
			if d, ok := pinDigit(r); ok {
				got = append(got, d)
			}
		}
		if string(got) != want {
			t.Errorf("%q reads as %q, want %q", in, string(got), want)
		}
	}
}

// Everyone out of the audience is above the roster, longest out first,
// with the time left of the break or how far over it they are.
func TestEveryoneOutIsShownLongestFirst(t *testing.T) {
	s, _ := newHall(t, running)
	for _, id := range []string{"M-01", "M-03", "D-01"} {
		rec1(t, s, theoryIn(id, "10:00:00"))
	}
	rec1(t, s, leave("M-01", "10:31:00"))
	rec1(t, s, leave("M-03", "10:20:30"))
	rec1(t, s, leaveMedical("M-04", "asthma", "10:25:00"))
	clock := newClock("10:33:00")
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:33:00")
	a.press("a") // the alert of Dana's used-up break, above the list
	got := screen(a.final())
	lines := strings.Split(got, "\n")
	want := []string{
		"OUT +02:30 over    seat 3 · Dana Serikovna Akhmetova · out since 10:20:30",
		"OUT medical 08:00  seat 4 · Ғалым Өмірзақұлы Сәрсенбаев · out since 10:25:00",
		"OUT 08:00 left     seat 1 · Әлия Қасымқызы Нұрланова · out since 10:31:00",
	}
	for i, w := range want {
		if i+2 >= len(lines) || strings.TrimRight(lines[i+2], " ") != w {
			t.Errorf("line %d is %q, want %q\n%s", i+3, lines[min(i+2, len(lines)-1)], w, got)
		}
	}
}
