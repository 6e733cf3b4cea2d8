package tui

import (
	"strings"
	"testing"

	"examday/exam"
	"examday/i18n"
)

// The whole day of a master's and a doctoral examinee, through the keys of
// the dashboard, with a fake clock: arrival, materials, the start (§1.3),
// the theory sheets (§1.5), the break (§2.1: one back in time, one 3 min
// 42 s late, whose offered violation (d) is confirmed with the chairman's
// PIN, §2.3), the situational tickets and the Criminal Code (§1.6), the
// hand-in (one after the end: violation (i) offered, and dismissed with a
// reason), and the close. Each phase ends with the program closed and the
// screen read; the next opens the file again.
func TestWholeDayOfAMastersAndADoctoralExamineeThroughTheKeys(t *testing.T) {
	s := newDayHall(t)
	clock := newClock("08:40:00")
	const m, d = "Әлия Қасымқызы Нұрланова", "Құралай Һадиқызы Үсенова"

	// The morning: both arrive and receive their materials; the start is
	// the moment the last of them did (§1.3).
	a := run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "08:40:00")
	a.press("p", "y")
	a.ok("arrival of M-01")
	a.press("m")
	a.typeAndEnter("17")
	a.ok("materials of M-01")
	a.now(clock, "08:41:30")
	a.press("down", "p", "y")
	a.ok("arrival of D-01")
	a.press("m")
	a.typeAndEnter("3")
	a.ok("materials of D-01")
	a.now(clock, "08:42:00")
	a.press("s", "enter")
	a.ok("start")
	got := screen(a.final())
	for _, want := range []string{"start 08:41:30", "end 11:41:30"} {
		if !strings.Contains(got, want) {
			t.Errorf("after the start the screen does not say %q:\n%s", want, got)
		}
	}

	// The theory sheets, then the break: Әлия out at 10:31:00 and back at
	// 10:39:00; Құралай out at 10:31:30 and still out at 10:44:12, 2 min
	// 42 s past the 10 minutes.
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:30:00")
	a.press("t", "y")
	a.ok("theory of M-01")
	a.press("down", "t", "y")
	a.ok("theory of D-01")
	a.now(clock, "10:31:00")
	a.press("home", "o", "enter")
	a.ok("break of M-01")
	a.now(clock, "10:31:30")
	a.press("down", "o", "enter")
	a.ok("break of D-01")
	a.now(clock, "10:39:00")
	a.press("home", "i", "y")
	a.ok("return of M-01")
	a.now(clock, "10:44:12")
	got = screen(a.final())
	for _, want := range []string{
		"OUT +02:42 over  seat 2 · " + d + " · out since 10:31:30", // above the roster
		"back from break", // Әлия's row says where she is in words
	} {
		if !strings.Contains(got, want) {
			t.Errorf("at 10:44:12 the dashboard does not say %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "OUT +02:42 over") != 2 {
		t.Errorf("the overrun is not both above the roster and in Құралай's row:\n%s", got)
	}

	// Құралай comes back 3 min 42 s late: the rules offer violation (d);
	// the officer confirms it from the list of offers, decides "warned",
	// and the chairman agrees with the PIN.
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:45:12")
	a.press("down", "i", "y")
	if r := a.ok("return of D-01"); len(r.records) != 2 || r.records[1].Event.Type != exam.TypeViolationOffered {
		t.Fatalf("the late return recorded %d events, want the return and an offer", len(r.records))
	}
	a.press("r", "enter") // confirm the offer: the form, with (d) and a description, at the witnesses
	a.typeText("Кузнецов Д. А.")
	a.press("tab", "tab", "left", "enter") // decision: warned, continues
	a.typeAndEnter(chairmanPIN)
	a.ok("violation (d) of D-01")
	got = screen(a.final())
	if want := en.T("ui.done.violation", "(d)", d, en.T("decision.warned"), chairman); !contains(got, fit(want, 80)) {
		t.Errorf("the status line does not say %q:\n%s", want, got)
	}

	// The situational tickets and the Criminal Code, out and back (§1.6).
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "10:50:00")
	a.press("d")
	a.typeAndEnter("5")
	a.ok("situational ticket of M-01")
	a.press("down", "d")
	a.typeAndEnter("8")
	a.ok("situational ticket of D-01")
	a.press("home", "c", "y")
	a.ok("Criminal Code to M-01")
	a.press("down", "c", "y")
	a.ok("Criminal Code to D-01")
	a.now(clock, "11:05:00")
	a.press("home", "c", "y")
	a.ok("Criminal Code from M-01")
	a.press("down", "c", "y")
	a.ok("Criminal Code from D-01")
	a.final()

	// The hand-in: Әлия before the end, Құралай 2 min 5 s after it; the
	// offered violation (i) is dismissed with a reason. Then the close.
	a = run(t, s, clock, i18n.EN, 80, 24)
	a.now(clock, "11:20:00") // 30 minutes left at 11:11:30
	a.waitRecorded(recordClock)
	a.press("a", "h", "y")
	a.ok("hand-in of M-01")
	a.now(clock, "11:41:30") // 15 and 5 minutes left passed unseen, and the end
	a.waitRecorded(recordClock)
	a.now(clock, "11:43:35")
	a.press("a", "down", "h", "y")
	if r := a.ok("hand-in of D-01"); len(r.records) != 2 || r.records[1].Event.Type != exam.TypeViolationOffered {
		t.Fatalf("the late hand-in recorded %d events, want the hand-in and an offer", len(r.records))
	}
	a.press("r", "d")
	a.typeAndEnter("the clock of the room was two minutes slow")
	a.typeAndEnter(chairmanPIN) // §2.3: dismissing an offer is a decision on it, with the chairman
	a.ok("dismissal of the offer")
	a.press("C", "y")
	a.ok("close")
	closed := a.final()
	got = screen(closed)
	if want := "■ " + en.T("ui.banner.closed", "11:43:35"); !contains(got, want) {
		t.Errorf("the closed dashboard does not say %q:\n%s", want, got)
	}

	// The log: every step, in order, by the officer; the offers by the
	// program.
	evs := events(t, s)
	var day []string
	for _, ev := range evs {
		switch ev.Type {
		case exam.TypeHallCreated, exam.TypeRosterImported, exam.TypeWarning, exam.TypeTimeUp:
			continue
		}
		day = append(day, ev.Type+" "+ev.Examinee)
		wantActor := officer
		if ev.Type == exam.TypeViolationOffered {
			wantActor = exam.ActorSystem
		}
		if ev.Actor != wantActor {
			t.Errorf("event %d (%s) by %q, want %q", ev.Seq, ev.Type, ev.Actor, wantActor)
		}
	}
	want := []string{
		"examinee.arrived M-01", "materials.issued M-01", "examinee.arrived D-01", "materials.issued D-01", "exam.started ",
		"theory.handed_in M-01", "theory.handed_in D-01", "break.out M-01", "break.out D-01", "break.in M-01",
		"break.in D-01", "violation.offered D-01", "violation.recorded D-01",
		"situational.drawn M-01", "situational.drawn D-01", "code.handed_out M-01", "code.handed_out D-01",
		"code.returned M-01", "code.returned D-01",
		"work.handed_in M-01", "work.handed_in D-01", "violation.offered D-01", "violation.dismissed D-01",
		"hall.closed ",
	}
	if strings.Join(day, "\n") != strings.Join(want, "\n") {
		t.Errorf("the day in the log:\n%s\nwant:\n%s", strings.Join(day, "\n"), strings.Join(want, "\n"))
	}
	if n := len(ofType(evs, exam.TypeWarning)); n != 3 {
		t.Errorf("%d warnings in the log, want 30, 15 and 5 minutes", n)
	}

	offers := ofType(evs, exam.TypeViolationOffered)
	breaks := ofType(evs, exam.TypeBreakIn)
	if bd := decode[exam.BreakInData](t, breaks[1]); bd.OutSeconds != 13*60+42 || bd.OverrunSeconds != 3*60+42 {
		t.Errorf("Құралай's return says %+v, want out 13:42, 3:42 over", bd)
	}
	if bd := decode[exam.BreakInData](t, breaks[0]); bd.OverrunSeconds != 0 {
		t.Errorf("Әлия's return says %+v, want no overrun", bd)
	}
	v := decode[exam.ViolationData](t, ofType(evs, exam.TypeViolationRecorded)[0])
	if v.Clause != "d" || v.Decision != exam.DecisionWarned || v.AgreedBy != chairman || v.Witnesses != "Кузнецов Д. А." ||
		v.Offer != offers[0].Seq || !strings.Contains(v.Description, "3 min 42 s beyond the 10-minute break") {
		t.Errorf("the violation says %+v; want (d), warned, agreed by %s, the offer %d and its description", v, chairman, offers[0].Seq)
	}
	if o := decode[exam.OfferData](t, offers[1]); o.Clause != "i" || o.Seconds != 125 {
		t.Errorf("the second offer is %+v, want (i), 125 s late", o)
	}
	if dd := decode[exam.DismissData](t, ofType(evs, exam.TypeViolationDismissed)[0]); dd.Offer != offers[1].Seq || dd.Reason != "the clock of the room was two minutes slow" {
		t.Errorf("the dismissal says %+v", dd)
	}
	if hd := decode[exam.HandedInData](t, ofType(evs, exam.TypeHandedIn)[1]); hd.LateBySeconds != 125 {
		t.Errorf("Құралай's hand-in says %+v, want 125 s late", hd)
	}

	// The state: both finished, nothing owed, the hall closed.
	h := s.Hall()
	if h.Phase != exam.PhaseClosed || len(h.Offers) != 0 || !h.ClosedAt.Equal(at("11:43:35")) {
		t.Errorf("the hall is %s with %d offers, closed at %v", h.Phase, len(h.Offers), h.ClosedAt)
	}
	for _, x := range []struct {
		id, ticket string
		violations int
	}{{"M-01", "5", 0}, {"D-01", "8", 1}} {
		e, _ := h.Examinee(x.id)
		if e.Status != exam.Finished || e.CodeOut || e.SituationalTicket != x.ticket || e.Violations != x.violations || !e.BreakTaken {
			t.Errorf("%s is %s, Code out %v, situational %q, %d violations, break %v; want finished, back, %s, %d, taken",
				x.id, e.Status, e.CodeOut, e.SituationalTicket, e.Violations, e.BreakTaken, x.ticket, x.violations)
		}
	}
}
