package exam_test

import (
	"testing"
	"time"

	"examday/exam"
)

// An examinee moved to another seat during the exam: the seat typed, the
// reason, recorded as an entry of their day; the roster's seat is then
// the new one. A seat someone in the room holds, the same seat, no seat,
// no reason, or someone not in the exam are refused; a correction that
// cancels the move puts them back in the roster's seat.
func TestASeatChangeMovesTheExamineeAndIsCorrectable(t *testing.T) {
	d := startedDay(t)
	when := at(time.Hour)
	d.refuses(exam.RefuseSeatTaken, func() error { return errOf(d.h.ChangeSeat(master, "3", "draught", when, officer)) })
	d.refuses(exam.RefuseSeatSame, func() error { return errOf(d.h.ChangeSeat(master, " 1 ", "draught", when, officer)) })
	d.refuses(exam.RefuseSeatMissing, func() error { return errOf(d.h.ChangeSeat(master, " ", "draught", when, officer)) })
	d.refuses(exam.RefuseSeatReason, func() error { return errOf(d.h.ChangeSeat(master, "7", " ", when, officer)) })
	d.refuses(exam.RefuseSeatTooLong, func() error { return errOf(d.h.ChangeSeat(master, "1234567890123", "x", when, officer)) })
	d.refuses(exam.RefuseUnknownExaminee, func() error { return errOf(d.h.ChangeSeat("nobody", "7", "x", when, officer)) })

	moved := d.one(d.h.ChangeSeat(master, " 7 ", " the desk is broken ", when, officer))
	p, err := exam.Decode[exam.SeatChangedData](moved)
	if err != nil || p != (exam.SeatChangedData{From: "1", To: "7", Reason: "the desk is broken"}) {
		t.Errorf("payload %+v, %v", p, err)
	}
	if e := d.ex(master); e.Seat != "7" || e.Status != exam.Materials {
		t.Errorf("after the move: seat %s, %s", e.Seat, e.Status)
	}
	d.one(d.h.ChangeSeat(master, "9", "moved again, nearer the commission", at(time.Hour+time.Minute), officer))
	d.one(d.h.Cancel(moved, "wrong examinee", nil, d.history, at(time.Hour+2*time.Minute), officer))
	if e := d.ex(master); e.Seat != "9" {
		t.Errorf("the first move cancelled, the second kept: seat %s, want 9", e.Seat)
	}
	second := d.h.Examinees()[0].Seqs
	last, err := d.history(second[len(second)-2])
	if err != nil {
		t.Fatal(err)
	}
	d.one(d.h.Cancel(last, "not moved after all", nil, d.history, at(time.Hour+3*time.Minute), officer))
	if e := d.ex(master); e.Seat != "1" {
		t.Errorf("both moves cancelled: seat %s, want the roster's 1", e.Seat)
	}

	d.theoryIn(master, at(2*time.Hour))
	d.handIn(master, at(2*time.Hour))
	d.refuses(exam.RefuseSeatNotSitting, func() error { return errOf(d.h.ChangeSeat(master, "7", "x", at(2*time.Hour), officer)) })
}

// §2.1 in one place: the break's time left while out, when they are due
// back, and a past break's length and overrun (whole seconds, none within
// the 10 minutes) — what the screens show, decided here.
func TestTheBreaksArithmeticIsTheDomains(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	out := at(time.Hour + time.Minute)
	d.out(master, out)
	e := d.ex(master)
	for _, tc := range []struct {
		after, left time.Duration
	}{{0, 10 * time.Minute}, {4 * time.Minute, 6 * time.Minute}, {10 * time.Minute, 0}, {13 * time.Minute, 0}} {
		if got := e.BreakLeft(out.Add(tc.after)); got != tc.left {
			t.Errorf("%v out: %v left, want %v", tc.after, got, tc.left)
		}
	}
	if got := exam.BreakBackBy(out); !got.Equal(out.Add(10 * time.Minute)) {
		t.Errorf("back by %v", got)
	}
	if _, _, ok := e.PastBreak(); ok {
		t.Error("a break still running is a past one")
	}
	d.back(master, out.Add(10*time.Minute+500*time.Millisecond))
	if o, over, ok := d.ex(master).PastBreak(); !ok || over != 0 || o != 10*time.Minute+500*time.Millisecond {
		t.Errorf("half a second over: out %v, over %v, %v", o, over, ok)
	}
	if left := d.ex(master).BreakLeft(out.Add(time.Minute)); left != 0 {
		t.Errorf("back in, %v left", left)
	}
}

// §2.3's agreement in one decision: a wrong PIN is the entry recorded
// (the third in a row locks the prompt), a locked prompt refuses without
// checking the PIN, and the right PIN gives the decision its agreement.
func TestWithAgreementChecksTheLockThenThePIN(t *testing.T) {
	d := startedDay(t)
	hash, err := chairmanHash()
	if err != nil {
		t.Fatal(err)
	}
	when := at(time.Hour)
	decided := 0
	decide := func(a exam.Agreement) ([]exam.Event, error) {
		decided++
		ev, err := d.h.AdmitLate(doctoral, a, when, officer)
		return []exam.Event{ev}, err
	}
	for i := 1; i <= exam.PINAttempts; i++ {
		evs := d.all(d.h.WithAgreement(hash, "0000", "admit_late", when, officer, decide))
		if len(evs) != 1 || evs[0].Type != exam.TypePINFailed {
			t.Fatalf("wrong PIN %d gave %+v", i, evs)
		}
	}
	d.refuses(exam.RefusePINLocked, func() error {
		return errOf(d.h.WithAgreement(hash, chairmanPIN, "admit_late", when.Add(time.Second), officer, decide))
	})
	if decided != 0 {
		t.Fatalf("decided %d times without a right PIN", decided)
	}
	later := when.Add(exam.PINLockFor(1) + time.Second)
	evs, err := d.h.WithAgreement(hash, chairmanPIN, "admit_late", later, officer, decide)
	if decided != 1 || len(evs) != 1 || (err != nil && !isRefusal(err)) {
		t.Errorf("the right PIN after the lock: decided %d, %+v, %v", decided, evs, err)
	}
}

func isRefusal(err error) bool { _, ok := err.(*exam.Refusal); return ok }
