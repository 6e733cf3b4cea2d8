package exam_test

import (
	"slices"
	"testing"
	"time"

	"examday/exam"
)

// Corrections: nothing in the log is edited or deleted; a new entry
// cancels a wrong one and the examinee's day is replayed without it (SPEC,
// Records: the log is the truth).

// Cancelling the latest entry of an examinee gives back the state they
// had before it, whatever the entry was.
func TestCancelTheLatestEntryRestoresThePreviousState(t *testing.T) {
	h1 := at(time.Hour)
	for _, tc := range []struct {
		name    string
		id      string
		prepare func(d *day)
		entry   func(d *day) exam.Event
	}{
		{"§1.5 theory in", master, func(*day) {}, func(d *day) exam.Event { return d.theoryIn(master, h1) }},
		{"§2.1 break out", master, func(d *day) { d.theoryIn(master, h1) }, func(d *day) exam.Event {
			return d.out(master, h1.Add(time.Minute))
		}},
		{"§2.1 break in", master, func(d *day) {
			d.theoryIn(master, h1)
			d.out(master, h1.Add(time.Minute))
		}, func(d *day) exam.Event { return d.back(master, h1.Add(5*time.Minute))[0] }},
		{"§2.2 d medical exit", master, func(*day) {}, func(d *day) exam.Event { return d.medical(master, h1) }},
		{"§2.2 d back from medical care", master, func(d *day) { d.medical(master, h1) }, func(d *day) exam.Event {
			return d.back(master, h1.Add(30*time.Minute))[0]
		}},
		{"§1.6 situational ticket", master, func(d *day) { d.theoryIn(master, h1) }, func(d *day) exam.Event {
			return d.draw(master, "3", h1.Add(time.Minute))
		}},
		{"§1.6 Code out", master, func(d *day) {
			d.theoryIn(master, h1)
			d.draw(master, "3", h1.Add(time.Minute))
		}, func(d *day) exam.Event { return d.codeOut(master, h1.Add(2*time.Minute)) }},
		{"§1.6 Code back", master, func(d *day) {
			d.theoryIn(master, h1)
			d.draw(master, "3", h1.Add(time.Minute))
			d.codeOut(master, h1.Add(2*time.Minute))
		}, func(d *day) exam.Event { return d.codeBack(master, h1.Add(3*time.Minute)) }},
		{"§1.5–§1.6 hand-in", master, func(d *day) {
			d.theoryIn(master, h1)
			d.draw(master, "3", h1.Add(time.Minute))
		}, func(d *day) exam.Event { return d.handIn(master, h1.Add(time.Hour))[0] }},
		{"§2.3 violation, warned", master, func(d *day) { d.theoryIn(master, h1) }, func(d *day) exam.Event {
			return d.violation(master, phone(exam.DecisionWarned), h1.Add(time.Minute))
		}},
		{"§1.3 late admission", absentee, func(*day) {}, func(d *day) exam.Event {
			return d.one(d.h.AdmitLate(absentee, agreement(d.t), h1, officer))
		}},
		{"materials of a late admission", absentee, func(d *day) {
			d.one(d.h.AdmitLate(absentee, agreement(d.t), h1, officer))
		}, func(d *day) exam.Event {
			return d.one(d.h.IssueMaterials(absentee, "9", "", h1.Add(time.Minute), officer))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			tc.prepare(d)
			before := d.state(tc.id)
			seqs := slices.Clone(d.ex(tc.id).Seqs)
			entry := tc.entry(d)
			if d.state(tc.id) == before {
				t.Fatal("the entry changed nothing: the test proves nothing")
			}
			when := h1.Add(2 * time.Hour)
			a := agreement(t)
			ev := d.one(d.h.Cancel(entry, "  "+reasonOK+" ", &a, d.history, when, officer))
			p := payload[exam.CancelData](t, ev)
			wantAgreed := ""
			if entry.Type == exam.TypeViolationRecorded {
				wantAgreed = "Chairman Қасымов"
			}
			if ev.Type != exam.TypeCancelled || ev.Examinee != tc.id ||
				p != (exam.CancelData{Seq: entry.Seq, Type: entry.Type, Reason: reasonOK, AgreedBy: wantAgreed}) {
				t.Errorf("event %s %s payload %+v", ev.Type, ev.Examinee, p)
			}
			if after := d.state(tc.id); after != before {
				t.Errorf("after the correction:\n got %s\nwant %s", after, before)
			}
			// Both entries stay on the examinee's timeline.
			if got, want := d.ex(tc.id).Seqs, append(seqs, entry.Seq, ev.Seq); !slices.Equal(got, want) {
				t.Errorf("timeline %v, want %v", got, want)
			}
			if d.h.Cancelled[entry.Seq] != ev.Seq {
				t.Errorf("Cancelled = %v", d.h.Cancelled)
			}
		})
	}
}

// An entry that later entries of the examinee depend on cannot be
// cancelled before them: the replay without it would not hold.
func TestCancelAnEntryLaterEntriesDependOnIsRefused(t *testing.T) {
	h1 := at(time.Hour)
	for _, tc := range []struct {
		name  string
		build func(d *day) exam.Event // returns the entry to cancel
	}{
		{"§1.5 theory in, then the situational ticket", func(d *day) exam.Event {
			ev := d.theoryIn(master, h1)
			d.draw(master, "3", h1.Add(time.Minute))
			return ev
		}},
		{"§2.1 theory in, then the break that follows it", func(d *day) exam.Event {
			ev := d.theoryIn(master, h1)
			d.out(master, h1.Add(time.Minute))
			return ev
		}},
		{"break out, then the return", func(d *day) exam.Event {
			d.theoryIn(master, h1)
			ev := d.out(master, h1.Add(time.Minute))
			d.back(master, h1.Add(5*time.Minute))
			return ev
		}},
		{"the return, then the situational ticket", func(d *day) exam.Event {
			d.theoryIn(master, h1)
			d.out(master, h1.Add(time.Minute))
			ev := d.back(master, h1.Add(5*time.Minute))[0]
			d.draw(master, "3", h1.Add(6*time.Minute))
			return ev
		}},
		{"§1.6 the situational ticket, then the Code", func(d *day) exam.Event {
			d.theoryIn(master, h1)
			ev := d.draw(master, "3", h1.Add(time.Minute))
			d.codeOut(master, h1.Add(2*time.Minute))
			return ev
		}},
		{"Code out, then back", func(d *day) exam.Event {
			d.theoryIn(master, h1)
			d.draw(master, "3", h1.Add(time.Minute))
			ev := d.codeOut(master, h1.Add(2*time.Minute))
			d.codeBack(master, h1.Add(3*time.Minute))
			return ev
		}},
		{"§1.3 late admission, then the materials", func(d *day) exam.Event {
			ev := d.one(d.h.AdmitLate(absentee, agreement(d.t), h1, officer))
			d.one(d.h.IssueMaterials(absentee, "9", "", h1.Add(time.Minute), officer))
			return ev
		}},
		{"arrival, then the materials", func(d *day) exam.Event { return d.log[3] }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			target := tc.build(d)
			r := d.refuses(exam.RefuseCancelDepends, func() error { return errOf(d.h.Cancel(target, reasonOK, nil, d.history, h1.Add(time.Hour), officer)) })
			if r.Args[0] != target.Seq {
				t.Errorf("args %v, want the entry %d", r.Args, target.Seq)
			}
		})
	}
}

// §2.3: a violation's cancellation needs the chairman as the decision
// did; cancelling a removal gives the examinee their exam back.
func TestCancelARemovalRestoresTheExaminee(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	before := d.state(master)
	removal := d.violation(master, phone(exam.DecisionRemoved), at(time.Hour+time.Minute))
	if d.ex(master).Status != exam.Removed {
		t.Fatal("not removed")
	}
	when := at(time.Hour + 5*time.Minute)
	d.refuses(exam.RefuseAgreementMissing, func() error { return errOf(d.h.Cancel(removal, reasonOK, nil, d.history, when, officer)) })
	none := exam.Agreement{}
	d.refuses(exam.RefuseAgreementMissing, func() error { return errOf(d.h.Cancel(removal, reasonOK, &none, d.history, when, officer)) })

	d.cancel(removal, when)
	e := d.ex(master)
	if d.state(master) != before || e.Status != exam.TheoryIn || !e.RemovedAt.IsZero() || e.Violations != 0 {
		t.Errorf("after cancelling the removal: %+v", e)
	}
	// And the day goes on.
	d.draw(master, "3", when.Add(time.Minute))
	d.handIn(master, when.Add(time.Hour))
	if e := d.ex(master); e.Status != exam.Finished {
		t.Errorf("status %s", e.Status)
	}
}

// A violation confirmed from an offer and then cancelled leaves the offer
// undecided again: §2.3 wants a decision on it, and the close lists it.
func TestCancelAConfirmedOfferReopensIt(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	d.out(master, at(time.Hour+time.Minute))
	offer := d.back(master, at(time.Hour+16*time.Minute))[1]
	open := d.h.Offers[0]
	v := exam.ViolationInput{Clause: "d", Description: "out 15 minutes", Witnesses: "Officer", Decision: exam.DecisionWarned, Offer: offer.Seq}
	confirmed := d.violation(master, v, at(time.Hour+20*time.Minute))
	if len(d.h.Offers) != 0 {
		t.Fatalf("offers %+v", d.h.Offers)
	}
	d.cancel(confirmed, at(time.Hour+25*time.Minute))
	if len(d.h.Offers) != 1 || d.h.Offers[0] != open {
		t.Fatalf("offers after the cancellation %+v, want %+v open again", d.h.Offers, open)
	}
	if got := d.h.Outstanding(); len(got) != 3 || got[2].Key != "outstanding.offer" {
		t.Errorf("outstanding %+v", got)
	}
	d.one(d.h.DismissOffer(offer.Seq, "the nurse kept her", agreement(t), at(time.Hour+26*time.Minute), officer))
	if len(d.h.Offers) != 0 || d.ex(master).Violations != 0 {
		t.Errorf("offers %+v, violations %d", d.h.Offers, d.ex(master).Violations)
	}
}

func TestCancelRefusals(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	d.out(master, at(time.Hour+time.Minute))
	offer := d.back(master, at(time.Hour+20*time.Minute))[1]
	dismissed := d.one(d.h.DismissOffer(offer.Seq, "the nurse kept her", agreement(t), at(time.Hour+21*time.Minute), officer))
	interruption := d.one(d.h.StartInterruption(exam.InterruptPowerCut, "", agreement(t), at(2*time.Hour), officer))
	d.one(d.h.EndInterruption(agreement(t), at(2*time.Hour+time.Minute), officer))
	pin := d.one(d.h.PINFailed("x", at(2*time.Hour+2*time.Minute), officer))
	warnings := d.apply(d.h.DueClockEvents(dayEnd.Add(-29 * time.Minute))...)
	when := at(2*time.Hour + 45*time.Minute)
	a := agreement(t)

	// The hall's own facts are never cancelled, nor is an offer (it is
	// dismissed), nor a correction.
	for _, target := range []exam.Event{d.log[1], d.log[2], d.log[8], warnings[0], interruption, pin, offer, dismissed} {
		r := d.refuses(exam.RefuseCancelType, func() error { return errOf(d.h.Cancel(target, reasonOK, &a, d.history, when, officer)) })
		if r.Args[0] != target.Type {
			t.Errorf("args %v, want %s", r.Args, target.Type)
		}
	}
	// The entry is read from the log by its number: what the caller says
	// of its type or examinee changes nothing.
	theory := d.log[d.ex(master).Seqs[2]]
	if theory.Type != exam.TypeTheoryIn {
		t.Fatalf("seq %d is %s", theory.Seq, theory.Type)
	}
	disguised := exam.Event{Seq: d.log[1].Seq, Type: exam.TypeTheoryIn, Examinee: master}
	d.refuses(exam.RefuseCancelType, func() error { return errOf(d.h.Cancel(disguised, reasonOK, nil, d.history, when, officer)) })

	d.refuses(exam.RefuseCancelReason, func() error { return errOf(d.h.Cancel(theory, " \t", nil, d.history, when, officer)) })

	// A cancelled entry cannot be cancelled again, nor its cancellation.
	back := d.log[d.ex(master).Seqs[4]]
	if back.Type != exam.TypeBreakIn {
		t.Fatalf("seq %d is %s", back.Seq, back.Type)
	}
	d.refuses(exam.RefuseCancelDepends, func() error { return errOf(d.h.Cancel(theory, reasonOK, nil, d.history, when, officer)) })
	cancel := d.one(d.h.Cancel(back, reasonOK, nil, d.history, when, officer))
	if d.ex(master).Status != exam.OnBreak {
		t.Fatalf("status %s after cancelling the return", d.ex(master).Status)
	}
	r := d.refuses(exam.RefuseAlreadyCancelled, func() error { return errOf(d.h.Cancel(back, reasonOK, nil, d.history, when, officer)) })
	if r.Args[0] != back.Seq || r.Args[1] != cancel.Seq {
		t.Errorf("args %v, want %d cancelled by %d", r.Args, back.Seq, cancel.Seq)
	}
	d.refuses(exam.RefuseCancelType, func() error { return errOf(d.h.Cancel(cancel, reasonOK, nil, d.history, when, officer)) })

	// Without a log to replay nothing can be cancelled; that is the
	// program's fault, not a rule the officer broke, so not a refusal.
	bare := runningHall(t)
	first, _ := bare.Examinee("A1")
	target := exam.Event{Seq: first.Seqs[0], Type: exam.TypeArrived, Examinee: "A1"}
	before := snapshot(t, bare)
	if _, err := bare.Cancel(target, reasonOK, nil, nil, when, officer); err == nil || refusalCode(err) != "" {
		t.Errorf("cancel without history: %v, want an error that is not a refusal", err)
	}
	if snapshot(t, bare) != before {
		t.Error("the hall changed")
	}
}

// Two corrections in a row: each replay leaves out every cancelled entry,
// not only the newest.
func TestCancelTwiceInARow(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	before := d.state(master)
	draw := d.draw(master, "3", at(time.Hour+time.Minute))
	code := d.codeOut(master, at(time.Hour+2*time.Minute))
	d.cancel(code, at(time.Hour+3*time.Minute))
	d.cancel(draw, at(time.Hour+4*time.Minute))
	if got := d.state(master); got != before {
		t.Errorf("after two corrections:\n got %s\nwant %s", got, before)
	}
	// The right ticket is drawn again.
	d.draw(master, "4", at(time.Hour+5*time.Minute))
	if e := d.ex(master); e.SituationalTicket != "4" || e.CodeOut {
		t.Errorf("after the new draw: %+v", e)
	}
	if n := len(d.h.Cancelled); n != 2 {
		t.Errorf("Cancelled has %d entries", n)
	}
}
