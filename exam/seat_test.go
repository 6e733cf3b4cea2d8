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
	d.one(d.h.Cancel(moved, "wrong examinee", nil, at(time.Hour+2*time.Minute), officer))
	if e := d.ex(master); e.Seat != "9" {
		t.Errorf("the first move cancelled, the second kept: seat %s, want 9", e.Seat)
	}
	second := d.h.Examinees()[0].Seqs
	last, err := d.h.History(second[len(second)-2])
	if err != nil {
		t.Fatal(err)
	}
	d.one(d.h.Cancel(last, "not moved after all", nil, at(time.Hour+3*time.Minute), officer))
	if e := d.ex(master); e.Seat != "1" {
		t.Errorf("both moves cancelled: seat %s, want the roster's 1", e.Seat)
	}

	d.theoryIn(master, at(2*time.Hour))
	d.handIn(master, at(2*time.Hour))
	d.refuses(exam.RefuseSeatNotSitting, func() error { return errOf(d.h.ChangeSeat(master, "7", "x", at(2*time.Hour), officer)) })
}
