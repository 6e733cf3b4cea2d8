package exam_test

import (
	"slices"
	"testing"
	"time"

	"examday/exam"
)

// One whole day (SPEC "The day, step by step" 3–11) for a master's and a
// doctoral examinee, every step through the decisions: arrival, materials,
// the start (§1.3), theory in (§1.5), the break (§2.1) — on time for one,
// overrun for the other and confirmed as violation (d) with a warning
// (§2.2, §2.3) — the situational ticket and the Criminal Code (§1.6), the
// hand-in, late for one and its offer of (i) dismissed with a reason, the
// warnings and the time-up, and the close.
func TestAWholeDayForAMastersAndADoctoralExaminee(t *testing.T) {
	d := startedDay(t)
	tick := func(when time.Time) { d.apply(d.h.DueClockEvents(when)...) }
	m := func(min int) time.Time { return at(time.Duration(min) * time.Minute) }

	// The doctoral examinee: two theoretical questions (§1.4), a break of
	// 8 minutes.
	d.theoryIn(doctoral, m(80))
	d.out(doctoral, m(81))
	if evs := d.back(doctoral, m(89)); len(evs) != 1 {
		t.Fatalf("an 8-minute break gave %v", types(evs))
	}
	// The master's examinee: a break of 13 minutes.
	d.theoryIn(master, m(90))
	d.out(master, m(91))
	d.draw(doctoral, "4", m(92))
	d.codeOut(doctoral, m(93))
	evs := d.back(master, m(104))
	if len(evs) != 2 || payload[exam.OfferData](t, evs[1]).Seconds != 180 {
		t.Fatalf("a 13-minute break gave %v", types(evs))
	}
	d.violation(master, exam.ViolationInput{Clause: "d", Description: "out of the audience 13 minutes",
		Witnesses: "Member Петров", Decision: exam.DecisionWarned, Offer: evs[1].Seq}, m(106))
	d.draw(master, "7", m(107))
	d.codeOut(master, m(108))

	tick(m(162)) // 30 minutes left
	d.codeBack(doctoral, m(170))
	tick(m(177)) // 15
	if evs := d.handIn(doctoral, m(180)); len(evs) != 1 {
		t.Fatalf("an on-time hand-in gave %v", types(evs))
	}
	tick(m(187)) // 5
	d.codeBack(master, m(190))
	tick(m(192)) // the end
	evs = d.handIn(master, m(194))
	if len(evs) != 2 {
		t.Fatalf("a hand-in 2 minutes late gave %v", types(evs))
	}
	d.one(d.h.DismissOffer(evs[1].Seq, "the member was checking her sheets at the desk", agreement(t), m(195), officer))
	d.one(d.h.CloseHall(false, m(200), officer))

	// The log, in order.
	all := make([]exam.Event, 0, len(d.log))
	for seq := uint64(1); seq <= d.h.LastSeq; seq++ {
		all = append(all, d.log[seq])
	}
	want := []string{
		exam.TypeHallCreated, exam.TypeRosterImported,
		exam.TypeArrived, exam.TypeArrived, exam.TypeAbsent, exam.TypeMaterialsIssued, exam.TypeMaterialsIssued,
		exam.TypeExamStarted,
		exam.TypeTheoryIn, exam.TypeBreakOut, exam.TypeBreakIn, // doctoral
		exam.TypeTheoryIn, exam.TypeBreakOut, // master's
		exam.TypeSituationalDrawn, exam.TypeCodeOut, // doctoral
		exam.TypeBreakIn, exam.TypeViolationOffered, exam.TypeViolationRecorded, // master's overrun, (d)
		exam.TypeSituationalDrawn, exam.TypeCodeOut, // master's
		exam.TypeWarning, exam.TypeCodeBack, exam.TypeWarning, exam.TypeHandedIn,
		exam.TypeWarning, exam.TypeCodeBack, exam.TypeTimeUp,
		exam.TypeHandedIn, exam.TypeViolationOffered, exam.TypeViolationDismissed, // master's, late: (i)
		exam.TypeHallClosed,
	}
	if got := types(all); !slices.Equal(got, want) {
		t.Errorf("the log:\n got %q\nwant %q", got, want)
	}

	// The hall.
	h := d.h
	if h.Phase != exam.PhaseClosed || !h.ClosedAt.Equal(m(200)) || !h.Start.Equal(dayStart) || !h.End.Equal(dayEnd) ||
		!h.TimeUpAt.Equal(dayEnd) || !slices.Equal(h.Warnings, []int{30, 15, 5}) || len(h.Offers) != 0 || len(h.Cancelled) != 0 {
		t.Errorf("hall: phase %s closed %v start %v end %v time up %v warnings %v offers %v",
			h.Phase, h.ClosedAt, h.Start, h.End, h.TimeUpAt, h.Warnings, h.Offers)
	}

	// The master's examinee: 4 sheets (§1.5), a warning for (d), 2 minutes late.
	a := d.ex(master)
	if a.Level() != exam.Master || exam.SheetsPerPacket(a.Level()) != 4 {
		t.Errorf("A1 level %s", a.Level())
	}
	if a.Status != exam.Finished || a.Ticket != "17" || !a.TheoryInAt.Equal(m(90)) ||
		!a.BreakTaken || !a.BreakOutAt.Equal(m(91)) || !a.BreakBackAt.Equal(m(104)) ||
		a.SituationalTicket != "7" || a.CodeOut || !a.CodeOutAt.Equal(m(108)) || !a.CodeBackAt.Equal(m(190)) ||
		!a.HandedInAt.Equal(m(194)) || a.HandInLateBy != 120 || a.HandInForced != "" || a.WithoutSituational ||
		a.Violations != 1 || !a.RemovedAt.IsZero() {
		t.Errorf("A1 at the end: %+v", a)
	}
	var timeline []string
	for _, seq := range a.Seqs {
		timeline = append(timeline, d.log[seq].Type)
	}
	if want := []string{exam.TypeArrived, exam.TypeMaterialsIssued, exam.TypeTheoryIn, exam.TypeBreakOut, exam.TypeBreakIn,
		exam.TypeViolationOffered, exam.TypeViolationRecorded, exam.TypeSituationalDrawn, exam.TypeCodeOut, exam.TypeCodeBack,
		exam.TypeHandedIn, exam.TypeViolationOffered, exam.TypeViolationDismissed}; !slices.Equal(timeline, want) {
		t.Errorf("A1's timeline %q, want %q", timeline, want)
	}

	// The doctoral examinee: 3 sheets, nothing to remark.
	c := d.ex(doctoral)
	if c.Level() != exam.Doctoral || exam.SheetsPerPacket(c.Level()) != 3 {
		t.Errorf("A3 level %s", c.Level())
	}
	if c.Status != exam.Finished || c.Ticket != "4" || !c.TheoryInAt.Equal(m(80)) ||
		!c.BreakTaken || !c.BreakOutAt.Equal(m(81)) || !c.BreakBackAt.Equal(m(89)) ||
		c.SituationalTicket != "4" || c.CodeOut || !c.CodeBackAt.Equal(m(170)) ||
		!c.HandedInAt.Equal(m(180)) || c.HandInLateBy != 0 || c.Violations != 0 {
		t.Errorf("A3 at the end: %+v", c)
	}
	if e := d.ex(absentee); e.Status != exam.Absent || len(e.Seqs) != 1 {
		t.Errorf("A2 at the end: %+v", e)
	}

	// Closed: read-only.
	d.refuses(exam.RefuseHallClosed, func() error { return errOf(d.h.TakeBackCode(master, m(201), officer)) })
}
