package exam_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"examday/exam"
)

// §2.3: the chairman agrees by typing their PIN; only the right PIN
// gives an agreement, and the entry names the chairman.
func TestAgreeNeedsTheChairmansPIN(t *testing.T) {
	d := startedDay(t)
	hash, err := chairmanHash()
	if err != nil {
		t.Fatal(err)
	}
	for _, pin := range []string{"", "4820", "48210", " 4821"} {
		a, ok := d.h.Agree(hash, pin)
		if ok {
			t.Errorf("Agree(%q) accepted a wrong PIN", pin)
		}
		d.refuses(exam.RefuseAgreementMissing, func() error {
			return errOf(d.h.RecordViolation(master, phone(exam.DecisionWarned), a, at(time.Hour), officer))
		})
	}
	if _, ok := d.h.Agree("not a hash", chairmanPIN); ok {
		t.Error("Agree accepted a PIN against a damaged hash")
	}
	a, ok := d.h.Agree(hash, chairmanPIN)
	if !ok {
		t.Fatal("Agree refused the right PIN")
	}
	ev := d.one(d.h.RecordViolation(master, phone(exam.DecisionWarned), a, at(time.Hour), officer))
	if v := payload[exam.ViolationData](t, ev); v.AgreedBy != "Chairman Қасымов" {
		t.Errorf("agreed by %q, want the hall's chairman", v.AgreedBy)
	}
}

// §2.3: three wrong PINs in a row lock the chairman's prompt for exactly
// a minute; while locked, even the right PIN's agreement is refused.
func TestThirdWrongPINLocksThePromptForAMinute(t *testing.T) {
	d := startedDay(t)
	wrong := at(time.Hour)
	for i := 1; i <= 2; i++ {
		ev := d.one(d.h.PINFailed("violation", wrong, officer))
		if p := payload[exam.PINFailedData](t, ev); p.Failures != i || !p.LockedUntil.IsZero() || p.Purpose != "violation" {
			t.Errorf("failure %d: %+v", i, p)
		}
		if d.h.PINFailures != i {
			t.Errorf("PINFailures = %d, want %d", d.h.PINFailures, i)
		}
		if _, locked := d.h.PINLocked(wrong); locked {
			t.Fatalf("locked after %d wrong PINs", i)
		}
	}
	third := wrong.Add(700 * time.Millisecond)
	ev := d.one(d.h.PINFailed("violation", third, officer))
	until := third.Add(time.Minute) // §2.3 prompt: exactly a minute, not exam.PINLock, which this checks
	if p := payload[exam.PINFailedData](t, ev); p.Failures != exam.PINAttempts || !p.LockedUntil.Equal(until) {
		t.Errorf("third failure %+v, want locked until %v", p, until)
	}
	if got, locked := d.h.PINLocked(until.Add(-time.Nanosecond)); !locked || !got.Equal(until) {
		t.Errorf("PINLocked just before the minute = %v, %v", got, locked)
	}
	if _, locked := d.h.PINLocked(until); locked {
		t.Error("still locked after exactly a minute")
	}

	during := third.Add(30 * time.Second)
	a := agreement(t)
	for name, action := range map[string]func() error{
		"another PIN": func() error { return errOf(d.h.PINFailed("violation", during, officer)) },
		"violation": func() error {
			return errOf(d.h.RecordViolation(master, phone(exam.DecisionWarned), a, during, officer))
		},
		"late admission": func() error { return errOf(d.h.AdmitLate(absentee, a, during, officer)) },
		"interruption":   func() error { return errOf(d.h.StartInterruption(exam.InterruptEvacuation, "", a, during, officer)) },
	} {
		if r := d.refuses(exam.RefusePINLocked, action); len(r.Args) != 1 || r.Args[0] != until {
			t.Errorf("%s: refusal args %v, want the end of the lock", name, r.Args)
		}
	}

	// After the minute the prompt is open again, with a fresh count.
	d.one(d.h.RecordViolation(master, phone(exam.DecisionWarned), a, until, officer))
	if d.h.PINFailures != 0 {
		t.Errorf("PINFailures = %d after the lock", d.h.PINFailures)
	}
}

// A lock that always lasted a minute let anyone at the laptop try 180
// PINs an hour. Each further lock without a right PIN between them lasts
// twice as long as the one before, up to an hour, and each is in the log
// with its number; a right PIN starts again from a minute.
func TestEachFurtherPINLockLastsTwiceAsLong(t *testing.T) {
	d := startedDay(t)
	when := at(time.Hour)
	wantMinutes := []int{1, 2, 4, 8, 16, 32, 60, 60}
	for lock, minutes := range wantMinutes {
		var ev exam.Event
		for range exam.PINAttempts {
			ev = d.one(d.h.PINFailed("violation", when, officer))
		}
		p := payload[exam.PINFailedData](t, ev)
		if p.Lock != lock+1 || !p.LockedUntil.Equal(when.Add(time.Duration(minutes)*time.Minute)) {
			t.Fatalf("lock %d: %+v; want lock %d for %d minutes", lock+1, p, lock+1, minutes)
		}
		if r := d.refuses(exam.RefusePINLocked, func() error { return errOf(d.h.PINFailed("violation", when.Add(time.Second), officer)) }); r.Args[0] != p.LockedUntil {
			t.Errorf("lock %d: refused until %v", lock+1, r.Args[0])
		}
		when = p.LockedUntil
	}
	// Tries in the first hour: the first three, then three after each lock
	// that ended within it (1+2+4+8+16 = 31 minutes, +32 = 63).
	if got := exam.PINLockFor(6); got != 32*time.Minute {
		t.Errorf("PINLockFor(6) = %v", got)
	}
	// A right PIN ends the run: the next lock is a minute again.
	d.one(d.h.RecordViolation(master, phone(exam.DecisionWarned), agreement(t), when, officer))
	var ev exam.Event
	for range exam.PINAttempts {
		ev = d.one(d.h.PINFailed("violation", when.Add(time.Minute), officer))
	}
	if p := payload[exam.PINFailedData](t, ev); p.Lock != 1 || !p.LockedUntil.Equal(when.Add(2*time.Minute)) {
		t.Errorf("after a right PIN: %+v; want lock 1 for a minute", p)
	}
}

// §2.3: a wrong PIN counts only "in a row": an entry the chairman agreed
// to resets the count, whichever decision it was.
func TestAnAgreedEntryResetsTheWrongPINCount(t *testing.T) {
	for _, tc := range []struct {
		name   string
		agreed func(d *day, when time.Time)
	}{
		{"violation (§2.3)", func(d *day, when time.Time) { d.violation(master, phone(exam.DecisionWarned), when) }},
		{"late admission", func(d *day, when time.Time) {
			d.one(d.h.AdmitLate(absentee, agreement(d.t), when, officer))
		}},
		{"interruption started", func(d *day, when time.Time) {
			d.one(d.h.StartInterruption(exam.InterruptPowerCut, "", agreement(d.t), when, officer))
		}},
		{"interruption ended", func(d *day, when time.Time) {
			d.one(d.h.StartInterruption(exam.InterruptPowerCut, "", agreement(d.t), when.Add(-time.Minute), officer))
			d.one(d.h.PINFailed("interruption", when.Add(-time.Second), officer)) // a third in a row would lock
			if d.h.PINFailures != 1 {
				d.t.Fatalf("PINFailures = %d", d.h.PINFailures)
			}
			d.one(d.h.EndInterruption(agreement(d.t), when, officer))
		}},
		{"cancelled violation", func(d *day, when time.Time) {
			v := d.violation(master, phone(exam.DecisionWarned), when.Add(-time.Minute))
			d.one(d.h.PINFailed("cancel", when.Add(-time.Second), officer))
			d.cancel(v, when)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			d.one(d.h.PINFailed("x", at(time.Hour), officer))
			d.one(d.h.PINFailed("x", at(time.Hour), officer))
			tc.agreed(d, at(time.Hour+10*time.Minute))
			if d.h.PINFailures != 0 {
				t.Fatalf("PINFailures = %d after an agreed entry, want 0", d.h.PINFailures)
			}
			for i := 0; i < exam.PINAttempts-1; i++ {
				d.one(d.h.PINFailed("x", at(time.Hour+11*time.Minute), officer))
			}
			if _, locked := d.h.PINLocked(at(time.Hour + 11*time.Minute)); locked {
				t.Error("locked by wrong PINs that were not in a row")
			}
		})
	}
}

// §1.3: an examinee who comes after the start is admitted only with the
// chairman's agreement, receives the materials, and keeps the hall's end.
func TestAdmitLateWithTheChairmansAgreementKeepsTheCommonEnd(t *testing.T) {
	d := startedDay(t)
	when := at(40 * time.Minute)
	ev := d.one(d.h.AdmitLate(absentee, agreement(t), when, officer))
	p := payload[struct {
		exam.ArrivedData
		exam.AgreedData
		LateBy int64 `json:"late_by_s"`
	}](t, ev)
	if ev.Type != exam.TypeAdmittedLate || !p.IDDocumentChecked || p.IDDocument != "041234568" ||
		p.AgreedBy != "Chairman Қасымов" || p.LateBy != int64(when.Sub(dayStart)/time.Second) {
		t.Errorf("event %s payload %+v", ev.Type, p)
	}
	e := d.ex(absentee)
	if e.Status != exam.Present || !e.AdmittedLate || !e.ArrivedAt.Equal(when) || !e.AbsentAt.Equal(at(3*time.Minute)) {
		t.Errorf("after admission %+v", e)
	}
	d.one(d.h.IssueMaterials(absentee, "9", "", when.Add(time.Minute), officer))
	d.theoryIn(absentee, when.Add(time.Hour))
	if !d.h.Start.Equal(dayStart) || !d.h.End.Equal(dayEnd) {
		t.Errorf("a late admission moved the exam: start %v end %v", d.h.Start, d.h.End)
	}
	// Handing in after the common end is late, however late they came.
	evs := d.handIn(absentee, dayEnd.Add(time.Minute))
	if got := payload[exam.HandedInData](t, evs[0]).LateBySeconds; got != 60 {
		t.Errorf("late by %d s, want 60 after the common end", got)
	}
}

func TestAdmitLateRefusals(t *testing.T) {
	when := at(40 * time.Minute)
	t.Run("before the start: Arrive, not AdmitLate", func(t *testing.T) {
		d := newDay(t)
		d.refuses(exam.RefuseNotStarted, func() error { return errOf(d.h.AdmitLate(absentee, agreement(t), when, officer)) })
	})
	t.Run("without the chairman", func(t *testing.T) {
		d := startedDay(t)
		d.refuses(exam.RefuseAgreementMissing, func() error { return errOf(d.h.AdmitLate(absentee, exam.Agreement{}, when, officer)) })
	})
	t.Run("someone already present", func(t *testing.T) {
		d := startedDay(t)
		r := d.refuses(exam.RefuseTransition, func() error { return errOf(d.h.AdmitLate(master, agreement(t), when, officer)) })
		if fmt.Sprint(r.Args) != fmt.Sprint([]any{masterName, exam.Materials, exam.Present}) {
			t.Errorf("args %v", r.Args)
		}
	})
	t.Run("unknown examinee", func(t *testing.T) {
		d := startedDay(t)
		d.refuses(exam.RefuseUnknownExaminee, func() error { return errOf(d.h.AdmitLate("A9", agreement(t), when, officer)) })
	})
	t.Run("after the time is up", func(t *testing.T) {
		d := startedDay(t)
		d.apply(d.h.DueClockEvents(dayEnd)...)
		d.refuses(exam.RefuseTimeIsUp, func() error { return errOf(d.h.AdmitLate(absentee, agreement(t), dayEnd, officer)) })
	})
}

// §1.5: having answered the theoretical questions the examinee hands the
// theory sheets in.
func TestHandTheoryIn(t *testing.T) {
	d := startedDay(t)
	when := at(time.Hour + 30*time.Minute)
	ev := d.theoryIn(master, when)
	if ev.Type != exam.TypeTheoryIn || ev.Examinee != master || ev.Data != nil {
		t.Errorf("event %+v", ev)
	}
	if e := d.ex(master); e.Status != exam.TheoryIn || !e.TheoryInAt.Equal(when) {
		t.Errorf("after theory in: %s at %v", e.Status, e.TheoryInAt)
	}
	d.refuses(exam.RefuseTransition, func() error { return errOf(d.h.HandTheoryIn(master, when, officer)) })
	d.refuses(exam.RefuseTransition, func() error { return errOf(d.h.HandTheoryIn(absentee, when, officer)) })
	d.refuses(exam.RefuseUnknownExaminee, func() error { return errOf(d.h.HandTheoryIn("A9", when, officer)) })

	before := newDay(t)
	before.one(before.h.Arrive(master, at(time.Minute), officer))
	before.one(before.h.IssueMaterials(master, "1", "", at(2*time.Minute), officer))
	before.refuses(exam.RefuseNotStarted, func() error { return errOf(before.h.HandTheoryIn(master, at(3*time.Minute), officer)) })
}

// §2.1: after the theoretical part, one break of at most 10 minutes.
// §2.2 d: any other exit — before the theory is in, or a second one — only
// for emergency medical care, with its reason; that is not a violation.
func TestLeaveRoom(t *testing.T) {
	when := at(time.Hour + 45*time.Minute)
	for _, tc := range []struct {
		name    string
		prepare func(d *day)
		medical bool
		reason  string
		code    string
		args    []any
	}{
		{name: "§2.1 the break after the theory", prepare: func(d *day) { d.theoryIn(master, at(time.Hour)) }},
		{name: "§2.2 d before the theory, not medical", prepare: func(*day) {},
			code: exam.RefuseBreakBeforeTheory, args: []any{masterName}},
		{name: "§2.2 d before the theory, for medical care", prepare: func(*day) {}, medical: true, reason: "nosebleed"},
		{name: "medical care needs its reason", prepare: func(*day) {}, medical: true, reason: "  ", code: exam.RefuseMedicalReason},
		{name: "§2.2 d a second exit, not medical", prepare: func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.out(master, at(time.Hour+time.Minute))
			d.back(master, at(time.Hour+5*time.Minute))
		}, code: exam.RefuseBreakUsed, args: []any{masterName, at(time.Hour + time.Minute)}},
		{name: "§2.2 d a second exit, for medical care", prepare: func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.out(master, at(time.Hour+time.Minute))
			d.back(master, at(time.Hour+5*time.Minute))
		}, medical: true, reason: "asthma"},
		{name: "§1.3 not during the situational problem", prepare: func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.draw(master, "3", at(time.Hour+time.Minute))
		}, code: exam.RefuseBreakNotNow, args: []any{masterName}},
		{name: "during the situational problem, for medical care", prepare: func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.draw(master, "3", at(time.Hour+time.Minute))
		}, medical: true, reason: "asthma"},
		{name: "after a medical exit, the break is still due", prepare: func(d *day) {
			d.medical(master, at(50*time.Minute))
			d.back(master, at(70*time.Minute))
			d.theoryIn(master, at(time.Hour))
		}},
		{name: "someone already out", prepare: func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.out(master, at(time.Hour+time.Minute))
		}, code: exam.RefuseTransition},
		{name: "someone already out, for medical care", prepare: func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.out(master, at(time.Hour+time.Minute))
		}, medical: true, reason: "faint", code: exam.RefuseTransition},
		{name: "someone who finished", prepare: func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.handIn(master, at(time.Hour+time.Minute))
		}, code: exam.RefuseBreakNotNow},
		{name: "someone who finished, for medical care", prepare: func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.handIn(master, at(time.Hour+time.Minute))
		}, medical: true, reason: "faint", code: exam.RefuseTransition},
		{name: "an absentee", prepare: func(*day) {}, code: exam.RefuseTransition, medical: true, reason: "x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			tc.prepare(d)
			id := master
			if tc.name == "an absentee" {
				id = absentee
			}
			leave := func() (exam.Event, error) { return d.h.LeaveRoom(id, tc.medical, tc.reason, when, officer) }
			if tc.code != "" {
				r := d.refuses(tc.code, func() error { return errOf(leave()) })
				if tc.args != nil && fmt.Sprint(r.Args) != fmt.Sprint(tc.args) {
					t.Errorf("args %v, want %v", r.Args, tc.args)
				}
				return
			}
			from := d.ex(id).Status
			tookBreak := d.ex(id).BreakTaken
			ev := d.one(leave())
			p := payload[exam.BreakOutData](t, ev)
			e := d.ex(id)
			if ev.Type != exam.TypeBreakOut || p.Medical != tc.medical || (tc.medical && p.Reason != strings.TrimSpace(tc.reason)) {
				t.Errorf("event %s payload %+v", ev.Type, p)
			}
			if e.Status != exam.OnBreak || !e.OutAt.Equal(when) || e.OutMedical != tc.medical || e.ReturnTo != from {
				t.Errorf("after leaving: %+v", e)
			}
			// Only the break of §2.1 uses the one break; medical care does not.
			if tc.medical {
				if e.BreakTaken != tookBreak || e.OutReason != strings.TrimSpace(tc.reason) {
					t.Errorf("a medical exit changed the break: taken %v, reason %q", e.BreakTaken, e.OutReason)
				}
			} else if !e.BreakTaken || !e.BreakOutAt.Equal(when) {
				t.Errorf("break not recorded: taken %v at %v", e.BreakTaken, e.BreakOutAt)
			}
		})
	}
	t.Run("not before the start", func(t *testing.T) {
		d := newDay(t)
		d.one(d.h.Arrive(master, t0, officer))
		d.refuses(exam.RefuseNotStarted, func() error { return errOf(d.h.LeaveRoom(master, true, "faint", t0, officer)) })
	})
}

// §2.1: the break lasts at most 10 minutes; an overrun is offered to the
// officer as violation (d) of §2.2, never recorded by itself.
func TestComeBackFromTheBreak(t *testing.T) {
	out := at(time.Hour + time.Minute)
	for _, tc := range []struct {
		name    string
		after   time.Duration
		overrun int64
	}{
		{"within the 10 minutes", 9*time.Minute + 59*time.Second, 0},
		{"exactly 10 minutes", exam.BreakAllowance, 0},
		{"less than a second over is not an overrun", exam.BreakAllowance + 999*time.Millisecond, 0},
		{"one second over", exam.BreakAllowance + time.Second, 1},
		{"§2.2 d: 13 minutes", 13 * time.Minute, 180},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			d.theoryIn(master, at(time.Hour))
			d.out(master, out)
			wantOver := max(tc.after-exam.BreakAllowance, 0)
			if got := d.ex(master).BreakOverrun(out.Add(tc.after)); got != wantOver {
				t.Errorf("BreakOverrun = %v, want %v", got, wantOver)
			}
			when := out.Add(tc.after)
			evs := d.back(master, when)
			in := payload[exam.BreakInData](t, evs[0])
			if evs[0].Type != exam.TypeBreakIn || in.OutSeconds != int64(tc.after/time.Second) || in.OverrunSeconds != tc.overrun || in.Medical {
				t.Errorf("event %s payload %+v", evs[0].Type, in)
			}
			e := d.ex(master)
			if e.Status != exam.BackIn || !e.BreakBackAt.Equal(when.UTC().Round(0)) || !e.BackAt.Equal(e.BreakBackAt) || e.ReturnTo != "" {
				t.Errorf("after the return: %+v", e)
			}
			if tc.overrun == 0 {
				if len(evs) != 1 || len(d.h.Offers) != 0 {
					t.Errorf("a break within the allowance offered %v", types(evs))
				}
				return
			}
			if len(evs) != 2 || evs[1].Type != exam.TypeViolationOffered || evs[1].Actor != exam.ActorSystem || evs[1].Examinee != master {
				t.Fatalf("events %v, want the return and an offer of (d)", types(evs))
			}
			if p := payload[exam.OfferData](t, evs[1]); p != (exam.OfferData{Clause: "d", Reason: "break_overrun", Seconds: tc.overrun}) {
				t.Errorf("offer %+v", p)
			}
			want := exam.Offer{Seq: evs[1].Seq, Examinee: master, Clause: "d", Reason: "break_overrun", Seconds: tc.overrun, At: when.UTC().Round(0)}
			if len(d.h.Offers) != 1 || d.h.Offers[0] != want {
				t.Errorf("offers %+v, want %+v", d.h.Offers, want)
			}
			if o, ok := d.h.OfferFor(evs[1].Seq); !ok || o != want {
				t.Errorf("OfferFor = %+v, %v", o, ok)
			}
			if e.Violations != 0 {
				t.Error("an offer recorded a violation by itself")
			}
		})
	}
}

// §2.2 d: an exit for emergency medical care is not a violation, however
// long; the examinee goes back to where they were.
func TestComeBackFromMedicalCare(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(d *day)
		want    exam.Status
	}{
		{"before the theory is in", func(*day) {}, exam.Materials},
		{"after the theory, before the break", func(d *day) { d.theoryIn(master, at(time.Hour)) }, exam.TheoryIn},
		{"after the break", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.out(master, at(time.Hour+time.Minute))
			d.back(master, at(time.Hour+5*time.Minute))
		}, exam.BackIn},
		{"during the situational problem", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.draw(master, "3", at(time.Hour+time.Minute))
			d.codeOut(master, at(time.Hour+2*time.Minute))
		}, exam.Situational},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			tc.prepare(d)
			before := *d.ex(master)
			out := at(time.Hour + 10*time.Minute)
			d.medical(master, out)
			if got := d.ex(master).BreakOverrun(out.Add(time.Hour)); got != 0 {
				t.Errorf("BreakOverrun of a medical exit = %v", got)
			}
			back := out.Add(45 * time.Minute)
			evs := d.back(master, back)
			if len(evs) != 1 {
				t.Fatalf("events %v: a medical exit is not offered as a violation", types(evs))
			}
			if p := payload[exam.BreakInData](t, evs[0]); !p.Medical || p.OverrunSeconds != 0 || p.OutSeconds != 45*60 {
				t.Errorf("payload %+v", p)
			}
			e := d.ex(master)
			if e.Status != tc.want || e.OutMedical || e.OutReason != "" || e.ReturnTo != "" || !e.BackAt.Equal(back) {
				t.Errorf("after the return: %+v, want status %s", e, tc.want)
			}
			if e.BreakTaken != before.BreakTaken || !e.BreakBackAt.Equal(before.BreakBackAt) || e.CodeOut != before.CodeOut {
				t.Errorf("a medical exit changed the break or the Code: %+v", e)
			}
			if len(d.h.Offers) != 0 {
				t.Errorf("offers %+v", d.h.Offers)
			}
		})
	}
}

func TestComeBackRefusals(t *testing.T) {
	d := startedDay(t)
	r := d.refuses(exam.RefuseNotOut, func() error { return errOf(d.h.ComeBack(master, at(time.Hour), officer)) })
	if fmt.Sprint(r.Args) != fmt.Sprint([]any{masterName}) {
		t.Errorf("args %v", r.Args)
	}
	d.theoryIn(master, at(time.Hour))
	d.out(master, at(time.Hour+time.Minute))
	d.back(master, at(time.Hour+5*time.Minute))
	d.refuses(exam.RefuseNotOut, func() error { return errOf(d.h.ComeBack(master, at(time.Hour+6*time.Minute), officer)) })
	d.refuses(exam.RefuseUnknownExaminee, func() error { return errOf(d.h.ComeBack("A9", at(time.Hour), officer)) })
}

// §1.6: to solve the situational problem the examinee draws a ticket.
func TestDrawSituational(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	d.theoryIn(doctoral, at(time.Hour))
	ev := d.one(d.h.DrawSituational(master, " 7 ", false, at(time.Hour+time.Minute), officer))
	if p := payload[exam.SituationalData](t, ev); p != (exam.SituationalData{Ticket: "7"}) {
		t.Errorf("payload %+v", p)
	}
	if e := d.ex(master); e.Status != exam.Situational || e.SituationalTicket != "7" || !e.SituationalAt.Equal(at(time.Hour+time.Minute)) {
		t.Errorf("after drawing: %+v", e)
	}

	// The same number twice in a hall needs the officer's confirmation.
	r := d.refuses(exam.RefuseSituationalDuplicate, func() error {
		return errOf(d.h.DrawSituational(doctoral, "7", false, at(time.Hour+2*time.Minute), officer))
	})
	if fmt.Sprint(r.Args) != fmt.Sprint([]any{"7", masterName}) {
		t.Errorf("args %v, want the ticket and who drew it", r.Args)
	}
	ev = d.one(d.h.DrawSituational(doctoral, "7", true, at(time.Hour+2*time.Minute), officer))
	if p := payload[exam.SituationalData](t, ev); !p.Duplicate {
		t.Errorf("payload %+v: the confirmation is on record", p)
	}

	// After the break too (§1.6 follows the break of §2.1).
	d2 := startedDay(t)
	d2.theoryIn(master, at(time.Hour))
	d2.out(master, at(time.Hour+time.Minute))
	d2.back(master, at(time.Hour+5*time.Minute))
	d2.draw(master, "2", at(time.Hour+6*time.Minute))
}

func TestDrawSituationalRefusals(t *testing.T) {
	when := at(2 * time.Hour)
	for _, tc := range []struct {
		name    string
		prepare func(d *day)
		ticket  string
		code    string
	}{
		{"§1.5–§1.6 the theory sheets first", func(*day) {}, "3", exam.RefuseTransition},
		{"no number", func(d *day) { d.theoryIn(master, at(time.Hour)) }, "  ", exam.RefuseTicketMissing},
		{"too long a number", func(d *day) { d.theoryIn(master, at(time.Hour)) }, strings.Repeat("9", exam.MaxSituationalTicket+1), exam.RefuseTicketTooLong},
		{"a second ticket", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.draw(master, "3", at(time.Hour+time.Minute))
		}, "4", exam.RefuseTransition},
		// The state machine lets on_break go to situational only for a
		// return from medical care; someone out of the audience draws
		// nothing.
		{"while out on the break", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.out(master, at(time.Hour+time.Minute))
		}, "3", exam.RefuseTransition},
		{"while out for medical care", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.medical(master, at(time.Hour+time.Minute))
		}, "3", exam.RefuseTransition},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			tc.prepare(d)
			d.refuses(tc.code, func() error { return errOf(d.h.DrawSituational(master, tc.ticket, true, when, officer)) })
		})
	}
}

// §1.6, §2.1: the Criminal Code is handed out for the situational problem
// and taken back.
func TestCriminalCodeOutAndBack(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	r := d.refuses(exam.RefuseCodeNotSituational, func() error { return errOf(d.h.HandOutCode(master, at(time.Hour), officer)) })
	if fmt.Sprint(r.Args) != fmt.Sprint([]any{masterName}) {
		t.Errorf("args %v", r.Args)
	}
	d.refuses(exam.RefuseCodeNotOut, func() error { return errOf(d.h.TakeBackCode(master, at(time.Hour), officer)) })
	d.draw(master, "3", at(time.Hour+time.Minute))

	out := at(time.Hour + 2*time.Minute)
	if ev := d.codeOut(master, out); ev.Type != exam.TypeCodeOut || ev.Data != nil {
		t.Errorf("event %+v", ev)
	}
	if e := d.ex(master); !e.CodeOut || !e.CodeOutAt.Equal(out) {
		t.Errorf("after hand-out: %+v", e)
	}
	r = d.refuses(exam.RefuseCodeAlreadyOut, func() error { return errOf(d.h.HandOutCode(master, out, officer)) })
	if fmt.Sprint(r.Args) != fmt.Sprint([]any{masterName, out}) {
		t.Errorf("args %v, want who and since when", r.Args)
	}
	back := at(2 * time.Hour)
	d.codeBack(master, back)
	if e := d.ex(master); e.CodeOut || !e.CodeBackAt.Equal(back) || !e.CodeOutAt.Equal(out) {
		t.Errorf("after the return: %+v", e)
	}
	d.refuses(exam.RefuseCodeNotOut, func() error { return errOf(d.h.TakeBackCode(master, back, officer)) })
	// A Code can be handed out again, e.g. returned too early.
	d.codeOut(master, back.Add(time.Minute))

	before := newDay(t)
	before.refuses(exam.RefuseNotStarted, func() error { return errOf(before.h.HandOutCode(master, t0, officer)) })
	before.refuses(exam.RefuseNotStarted, func() error { return errOf(before.h.TakeBackCode(master, t0, officer)) })
}

// §1.5–§1.6: the situational sheet and the ticket end the day; §2.2 i: a
// hand-in after the allotted time is accepted, with its delay, and offered
// as a violation.
func TestHandIn(t *testing.T) {
	situational := func(d *day) {
		d.theoryIn(master, at(time.Hour))
		d.draw(master, "3", at(time.Hour+time.Minute))
	}
	for _, tc := range []struct {
		name    string
		prepare func(d *day)
		when    time.Time
		forced  string
		want    exam.HandedInData
		codeOut bool
	}{
		{"on time", situational, at(2 * time.Hour), "", exam.HandedInData{}, false},
		{"exactly at the end", situational, dayEnd, "", exam.HandedInData{}, false},
		{"§2.2 i late", situational, dayEnd.Add(90 * time.Second), "", exam.HandedInData{LateBySeconds: 90}, false},
		{"without the situational problem", func(d *day) { d.theoryIn(master, at(time.Hour)) }, at(2 * time.Hour), "",
			exam.HandedInData{WithoutSituational: true, WithoutSituationalReason: declinedReason}, false},
		{"after the break, without the situational problem", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.out(master, at(time.Hour+time.Minute))
			d.back(master, at(time.Hour+5*time.Minute))
		}, at(2 * time.Hour), "", exam.HandedInData{WithoutSituational: true, WithoutSituationalReason: declinedReason}, false},
		{"forced with the Code out", func(d *day) {
			situational(d)
			d.codeOut(master, at(time.Hour+2*time.Minute))
		}, at(2 * time.Hour), " walked out with it ", exam.HandedInData{Forced: "walked out with it"}, true},
		{"a reason without a Code out is not kept", func(d *day) {
			situational(d)
			d.codeOut(master, at(time.Hour+2*time.Minute))
			d.codeBack(master, at(time.Hour+3*time.Minute))
		}, at(2 * time.Hour), "typed by habit", exam.HandedInData{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			tc.prepare(d)
			hand := func() ([]exam.Event, error) { return d.h.HandIn(master, tc.forced, tc.when, officer) }
			if tc.want.WithoutSituational {
				hand = func() ([]exam.Event, error) {
					return d.h.HandInWithoutSituational(master, " "+declinedReason+" ", tc.when, officer)
				}
			}
			evs := d.all(hand())
			if got := payload[exam.HandedInData](t, evs[0]); evs[0].Type != exam.TypeHandedIn || got != tc.want {
				t.Errorf("event %s payload %+v, want %+v", evs[0].Type, got, tc.want)
			}
			e := d.ex(master)
			if e.Status != exam.Finished || !e.HandedInAt.Equal(tc.when) || e.HandInLateBy != tc.want.LateBySeconds ||
				e.HandInForced != tc.want.Forced || e.WithoutSituational != tc.want.WithoutSituational || e.WithoutSituationalReason != tc.want.WithoutSituationalReason || e.CodeOut != tc.codeOut {
				t.Errorf("after the hand-in: %+v", e)
			}
			if tc.want.LateBySeconds == 0 {
				if len(evs) != 1 {
					t.Errorf("events %v for an on-time hand-in", types(evs))
				}
				return
			}
			if len(evs) != 2 || evs[1].Type != exam.TypeViolationOffered || evs[1].Actor != exam.ActorSystem {
				t.Fatalf("events %v, want the hand-in and an offer of (i)", types(evs))
			}
			if p := payload[exam.OfferData](t, evs[1]); p != (exam.OfferData{Clause: "i", Reason: "late_hand_in", Seconds: tc.want.LateBySeconds}) {
				t.Errorf("offer %+v", p)
			}
			if len(d.h.Offers) != 1 || d.h.Offers[0].Seq != evs[1].Seq {
				t.Errorf("offers %+v", d.h.Offers)
			}
		})
	}
}

func TestHandInRefusals(t *testing.T) {
	when := at(2 * time.Hour)
	for _, tc := range []struct {
		name    string
		prepare func(d *day)
		forced  string
		code    string
	}{
		{"§1.5 the theory sheets first", func(*day) {}, "", exam.RefuseTransition},
		{"while out of the audience", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.out(master, at(time.Hour+time.Minute))
		}, "", exam.RefuseTransition},
		{"twice", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.handIn(master, at(time.Hour+time.Minute))
		}, "", exam.RefuseTransition},
		{"§2.1 the Code is still out", func(d *day) {
			d.theoryIn(master, at(time.Hour))
			d.draw(master, "3", at(time.Hour+time.Minute))
			d.codeOut(master, at(time.Hour+2*time.Minute))
		}, "   ", exam.RefuseCodeStillOut},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			tc.prepare(d)
			d.refuses(tc.code, func() error { return errOf(d.h.HandIn(master, tc.forced, when, officer)) })
		})
	}
	d := newDay(t)
	d.refuses(exam.RefuseNotStarted, func() error { return errOf(d.h.HandIn(master, "", t0, officer)) })
}

// While the hall is interrupted the clock stands (§1.3's 3 hours are not
// lost): a hand-in during the interruption is late only if the time was
// already up when it began; after it, the moved end counts.
func TestHandInLatenessWhileInterrupted(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	d.theoryIn(doctoral, at(time.Hour))
	d.one(d.h.StartInterruption(exam.InterruptEvacuation, "", agreement(t), dayEnd.Add(-10*time.Minute), officer))

	evs := d.handIn(master, dayEnd.Add(30*time.Minute))
	if late := payload[exam.HandedInData](t, evs[0]).LateBySeconds; len(evs) != 1 || late != 0 {
		t.Errorf("hand-in during the interruption: %v late by %d s; 10 minutes were left when it began", types(evs), late)
	}

	d.one(d.h.EndInterruption(agreement(t), dayEnd.Add(40*time.Minute), officer))
	newEnd := dayEnd.Add(50 * time.Minute)
	if !d.h.End.Equal(newEnd) {
		t.Fatalf("end %v, want %v", d.h.End, newEnd)
	}
	evs = d.handIn(doctoral, newEnd.Add(2*time.Minute))
	if late := payload[exam.HandedInData](t, evs[0]).LateBySeconds; len(evs) != 2 || late != 120 {
		t.Errorf("hand-in after the moved end: %v late by %d s, want 120 and an offer", types(evs), late)
	}
}

// §2.2: the catalogue a–i and "other"; §2.3: the decision, with the
// chairman's agreement.
func TestRecordViolationEveryClause(t *testing.T) {
	for _, clause := range exam.Clauses {
		t.Run(clause, func(t *testing.T) {
			d := startedDay(t)
			v := phone(exam.DecisionWarned)
			v.Clause = clause
			when := at(time.Hour)
			ev := d.violation(master, v, when)
			want := exam.ViolationData{Clause: clause, Description: "a smartphone under the answer sheets",
				Witnesses: "Member Ахметова", ActionTaken: "phone taken", Decision: exam.DecisionWarned, AgreedBy: "Chairman Қасымов"}
			if got := payload[exam.ViolationData](t, ev); ev.Type != exam.TypeViolationRecorded || ev.Examinee != master || got != want {
				t.Errorf("event %s payload %+v, want %+v", ev.Type, got, want)
			}
			// Warned: the examinee goes on (§2.3).
			if e := d.ex(master); e.Status != exam.Materials || e.Violations != 1 || !e.RemovedAt.IsZero() {
				t.Errorf("after a warning: %+v", e)
			}
			d.theoryIn(master, when.Add(time.Minute))
		})
	}
	if !exam.ValidClause("other") || exam.ValidClause("j") || exam.ValidClause("") || exam.ValidClause("D") {
		t.Error("ValidClause does not follow §2.2")
	}
}

func TestRecordViolationRefusals(t *testing.T) {
	when := at(time.Hour)
	edit := func(f func(*exam.ViolationInput)) exam.ViolationInput {
		v := phone(exam.DecisionWarned)
		f(&v)
		return v
	}
	for _, tc := range []struct {
		name string
		id   string
		v    exam.ViolationInput
		a    bool
		code string
		args []any
	}{
		{"§2.2 no such clause", master, edit(func(v *exam.ViolationInput) { v.Clause = "j" }), true, exam.RefuseViolationClause, []any{"j"}},
		{"§2.2 no clause", master, edit(func(v *exam.ViolationInput) { v.Clause = "" }), true, exam.RefuseViolationClause, []any{""}},
		{"no description", master, edit(func(v *exam.ViolationInput) { v.Description = " \n" }), true, exam.RefuseViolationDescription, nil},
		{"no witnesses", master, edit(func(v *exam.ViolationInput) { v.Witnesses = "" }), true, exam.RefuseViolationWitnesses, nil},
		{"§2.3 no decision", master, edit(func(v *exam.ViolationInput) { v.Decision = "" }), true, exam.RefuseViolationDecision, nil},
		{"§2.3 not a decision of §2.3", master, edit(func(v *exam.ViolationInput) { v.Decision = "expelled" }), true, exam.RefuseViolationDecision, nil},
		{"an offer that does not exist", master, edit(func(v *exam.ViolationInput) { v.Offer = 99 }), true, exam.RefuseOfferUnknown, []any{uint64(99)}},
		{"§2.3 without the chairman", master, phone(exam.DecisionRemoved), false, exam.RefuseAgreementMissing, nil},
		{"someone who did not come", absentee, phone(exam.DecisionWarned), true, exam.RefuseNotArrived, []any{"Иванов Пётр Сергеевич"}},
		{"unknown examinee", "A9", phone(exam.DecisionWarned), true, exam.RefuseUnknownExaminee, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := startedDay(t)
			a := exam.Agreement{}
			if tc.a {
				a = agreement(t)
			}
			r := d.refuses(tc.code, func() error { return errOf(d.h.RecordViolation(tc.id, tc.v, a, when, officer)) })
			if tc.args != nil && fmt.Sprint(r.Args) != fmt.Sprint(tc.args) {
				t.Errorf("args %v, want %v", r.Args, tc.args)
			}
		})
	}
	t.Run("someone not yet marked", func(t *testing.T) {
		d := newDay(t)
		d.refuses(exam.RefuseNotArrived, func() error {
			return errOf(d.h.RecordViolation(master, phone(exam.DecisionRemoved), agreement(t), t0, officer))
		})
	})
	t.Run("an offer of another examinee", func(t *testing.T) {
		d := startedDay(t)
		d.theoryIn(doctoral, at(time.Hour))
		d.out(doctoral, at(time.Hour+time.Minute))
		offer := d.back(doctoral, at(time.Hour+20*time.Minute))[1]
		v := phone(exam.DecisionWarned)
		v.Offer = offer.Seq
		d.refuses(exam.RefuseOfferUnknown, func() error { return errOf(d.h.RecordViolation(master, v, agreement(t), when, officer)) })
	})
}

// §2.3: a removal ends the examinee's exam: status removed, nothing more
// of their day but the collection of what they still hold.
func TestRemovalEndsTheExam(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	d.draw(master, "3", at(time.Hour+time.Minute))
	d.codeOut(master, at(time.Hour+2*time.Minute))
	when := at(time.Hour + 30*time.Minute)
	d.violation(master, phone(exam.DecisionRemoved), when)
	e := d.ex(master)
	if e.Status != exam.Removed || !e.RemovedAt.Equal(when) || e.Violations != 1 {
		t.Fatalf("after removal: %+v", e)
	}
	later := when.Add(time.Minute)
	for _, tc := range []struct {
		name   string
		code   string
		action func() error
	}{
		{"theory in", exam.RefuseTransition, func() error { return errOf(d.h.HandTheoryIn(master, later, officer)) }},
		{"break", exam.RefuseBreakNotNow, func() error { return errOf(d.h.LeaveRoom(master, false, "", later, officer)) }},
		{"medical exit", exam.RefuseTransition, func() error { return errOf(d.h.LeaveRoom(master, true, "faint", later, officer)) }},
		{"come back", exam.RefuseNotOut, func() error { return errOf(d.h.ComeBack(master, later, officer)) }},
		{"situational ticket", exam.RefuseTransition, func() error { return errOf(d.h.DrawSituational(master, "5", true, later, officer)) }},
		{"Criminal Code", exam.RefuseCodeNotSituational, func() error { return errOf(d.h.HandOutCode(master, later, officer)) }},
		{"hand-in", exam.RefuseTransition, func() error { return errOf(d.h.HandIn(master, "x", later, officer)) }},
		{"materials", exam.RefuseAfterStart, func() error { return errOf(d.h.IssueMaterials(master, "1", "", later, officer)) }},
		{"another violation", exam.RefuseAlreadyRemoved, func() error {
			return errOf(d.h.RecordViolation(master, phone(exam.DecisionWarned), agreement(t), later, officer))
		}},
	} {
		r := d.refuses(tc.code, tc.action)
		if tc.code == exam.RefuseAlreadyRemoved && fmt.Sprint(r.Args) != fmt.Sprint([]any{masterName, when}) {
			t.Errorf("%s: args %v", tc.name, r.Args)
		}
	}
	// Their Criminal Code is collected (SPEC 11: every Code back).
	d.codeBack(master, later)
	if got := d.h.Outstanding(); len(got) != 1 || got[0].Key != "outstanding.sitting" || got[0].Args[1] != doctoralName {
		t.Errorf("outstanding %+v: only the doctoral examinee still sits", got)
	}
}

// §2.2 a, §2.3: a phone found at the door; §2.2 d: removed while out.
func TestRemovalBeforeTheStartAndWhileOut(t *testing.T) {
	d := newDay(t)
	d.one(d.h.Arrive(master, at(time.Minute), officer))
	d.violation(master, phone(exam.DecisionRemoved), at(2*time.Minute))
	if e := d.ex(master); e.Status != exam.Removed {
		t.Errorf("removed at the door: %s", e.Status)
	}

	d = startedDay(t)
	d.theoryIn(master, at(time.Hour))
	d.out(master, at(time.Hour+time.Minute))
	v := phone(exam.DecisionRemoved)
	v.Clause, v.Description = "h", "took the ticket out of the audience"
	d.violation(master, v, at(time.Hour+5*time.Minute))
	if e := d.ex(master); e.Status != exam.Removed {
		t.Errorf("removed while out: %s", e.Status)
	}
	d.refuses(exam.RefuseNotOut, func() error { return errOf(d.h.ComeBack(master, at(time.Hour+6*time.Minute), officer)) })
}

// An offered violation is confirmed (§2.3, with the chairman) or
// dismissed with a reason; either way it is no longer open.
func TestOffersAreConfirmedOrDismissed(t *testing.T) {
	d := startedDay(t)
	d.theoryIn(master, at(time.Hour))
	d.theoryIn(doctoral, at(time.Hour))
	d.out(master, at(time.Hour+time.Minute))
	d.out(doctoral, at(time.Hour+time.Minute))
	offerA := d.back(master, at(time.Hour+15*time.Minute))[1]
	offerB := d.back(doctoral, at(time.Hour+16*time.Minute))[1]
	if len(d.h.Offers) != 2 {
		t.Fatalf("offers %+v", d.h.Offers)
	}

	v := exam.ViolationInput{Clause: "d", Description: "out for 14 minutes", Witnesses: "Officer", Decision: exam.DecisionWarned, Offer: offerA.Seq}
	ev := d.violation(master, v, at(time.Hour+20*time.Minute))
	if p := payload[exam.ViolationData](t, ev); p.Offer != offerA.Seq {
		t.Errorf("the violation does not name its offer: %+v", p)
	}
	if _, open := d.h.OfferFor(offerA.Seq); open || len(d.h.Offers) != 1 {
		t.Errorf("confirmed offer still open: %+v", d.h.Offers)
	}
	d.refuses(exam.RefuseOfferUnknown, func() error {
		return errOf(d.h.RecordViolation(master, v, agreement(t), at(time.Hour+21*time.Minute), officer))
	})
	d.refuses(exam.RefuseOfferUnknown, func() error {
		return errOf(d.h.DismissOffer(offerA.Seq, "x", agreement(t), at(time.Hour+21*time.Minute), officer))
	})

	d.refuses(exam.RefuseDismissReason, func() error {
		return errOf(d.h.DismissOffer(offerB.Seq, " ", agreement(t), at(time.Hour+21*time.Minute), officer))
	})
	r := d.refuses(exam.RefuseOfferUnknown, func() error {
		return errOf(d.h.DismissOffer(12345, "x", agreement(t), at(time.Hour+21*time.Minute), officer))
	})
	if r.Args[0] != uint64(12345) {
		t.Errorf("args %v", r.Args)
	}
	// §2.3: the dismissal is a decision on a violation, so it needs the
	// chairman's agreement, as the confirmation did.
	d.refuses(exam.RefuseAgreementMissing, func() error {
		return errOf(d.h.DismissOffer(offerB.Seq, "the nurse kept him", exam.Agreement{}, at(time.Hour+22*time.Minute), officer))
	})
	ev = d.one(d.h.DismissOffer(offerB.Seq, " the nurse kept him ", agreement(t), at(time.Hour+22*time.Minute), officer))
	if p := payload[exam.DismissData](t, ev); ev.Examinee != doctoral || p != (exam.DismissData{Offer: offerB.Seq, Reason: "the nurse kept him", AgreedBy: "Chairman Қасымов"}) {
		t.Errorf("dismissal %s %+v", ev.Examinee, p)
	}
	if len(d.h.Offers) != 0 || d.ex(doctoral).Violations != 0 {
		t.Errorf("after the dismissal: offers %+v, violations %d", d.h.Offers, d.ex(doctoral).Violations)
	}
	d.refuses(exam.RefuseOfferUnknown, func() error {
		return errOf(d.h.DismissOffer(offerB.Seq, "again", agreement(t), at(time.Hour+23*time.Minute), officer))
	})
}

// An interruption of the whole hall (an evacuation, a power cut) needs the
// chairman; while it lasts the clock stands and the warnings wait; at its
// end the end of the exam moves by its length, so no minute of §1.3's 3
// hours is lost.
func TestInterruptionMovesTheEndAndStopsTheClock(t *testing.T) {
	d := startedDay(t)
	d.apply(d.h.DueClockEvents(dayEnd.Add(-30 * time.Minute))...)
	from := dayEnd.Add(-25 * time.Minute)
	ev := d.one(d.h.StartInterruption(exam.InterruptOther, " fire alarm test ", agreement(t), from, officer))
	if p := payload[exam.InterruptionData](t, ev); p != (exam.InterruptionData{Kind: exam.InterruptOther, Reason: "fire alarm test", AgreedBy: "Chairman Қасымов"}) {
		t.Errorf("payload %+v", p)
	}
	if !d.h.Interrupted || !d.h.InterruptedAt.Equal(from) || d.h.InterruptionKind != exam.InterruptOther {
		t.Errorf("hall: interrupted %v at %v kind %q", d.h.Interrupted, d.h.InterruptedAt, d.h.InterruptionKind)
	}
	// The clock stands at 25 minutes, and no warning nor the time-up is
	// given, even past the old end.
	for _, now := range []time.Time{from.Add(time.Minute), dayEnd, dayEnd.Add(time.Hour)} {
		if left := d.h.TimeLeftAt(now); left != 25*time.Minute {
			t.Errorf("TimeLeftAt(%v) = %v during the interruption", now, left)
		}
		if evs := d.h.DueClockEvents(now); evs != nil {
			t.Errorf("clock events during the interruption: %v", types(evs))
		}
	}
	to := from.Add(47*time.Minute + 300*time.Millisecond)
	ev = d.one(d.h.EndInterruption(agreement(t), to, officer))
	newEnd := dayEnd.Add(47 * time.Minute)
	if p := payload[exam.InterruptionData](t, ev); p.Seconds != 47*60 || !p.NewEnd.Equal(newEnd) || p.AgreedBy != "Chairman Қасымов" {
		t.Errorf("payload %+v, want 47 minutes and the end at %v", p, newEnd)
	}
	if d.h.Interrupted || !d.h.End.Equal(newEnd) || d.h.InterruptedTotalS != 47*60 || !d.h.Start.Equal(dayStart) {
		t.Errorf("hall after: interrupted %v end %v total %d s", d.h.Interrupted, d.h.End, d.h.InterruptedTotalS)
	}
	if left := d.h.TimeLeftAt(to); left != 25*time.Minute-time.Second {
		t.Errorf("TimeLeftAt(resume) = %v, want the 25 minutes (less the 0.3 s truncated)", left)
	}
	// The warnings go on from the moved end.
	if evs := d.h.DueClockEvents(newEnd.Add(-15*time.Minute - time.Second)); evs != nil {
		t.Errorf("early warning: %v", types(evs))
	}
	evs := d.h.DueClockEvents(newEnd.Add(-15 * time.Minute))
	if len(evs) != 1 || payload[exam.WarningData](t, evs[0]).MinutesLeft != 15 {
		t.Errorf("warning at the moved 15-minute mark: %+v", evs)
	}
	d.apply(evs...)
	d.apply(d.h.DueClockEvents(newEnd)...)
	if d.h.Phase != exam.PhaseTimeUp || !d.h.TimeUpAt.Equal(newEnd) {
		t.Errorf("time up at %v (%s), want %v", d.h.TimeUpAt, d.h.Phase, newEnd)
	}

	// A second interruption adds to the total.
	d2 := startedDay(t)
	for _, span := range []struct{ from, to time.Duration }{{time.Hour, time.Hour + 10*time.Minute}, {2 * time.Hour, 2*time.Hour + 5*time.Minute}} {
		d2.one(d2.h.StartInterruption(exam.InterruptPowerCut, "", agreement(t), at(span.from), officer))
		d2.one(d2.h.EndInterruption(agreement(t), at(span.to), officer))
	}
	if d2.h.InterruptedTotalS != 15*60 || !d2.h.End.Equal(dayEnd.Add(15*time.Minute)) {
		t.Errorf("two interruptions: total %d s, end %v", d2.h.InterruptedTotalS, d2.h.End)
	}
}

func TestInterruptionRefusals(t *testing.T) {
	when := at(time.Hour)
	d := startedDay(t)
	for _, tc := range []struct {
		kind, reason string
		a            exam.Agreement
		code         string
	}{
		{"flood", "", agreement(t), exam.RefuseInterruptionKind},
		{"", "", agreement(t), exam.RefuseInterruptionKind},
		{exam.InterruptOther, " ", agreement(t), exam.RefuseInterruptionReason},
		{exam.InterruptEvacuation, "", exam.Agreement{}, exam.RefuseAgreementMissing},
	} {
		d.refuses(tc.code, func() error { return errOf(d.h.StartInterruption(tc.kind, tc.reason, tc.a, when, officer)) })
	}
	d.refuses(exam.RefuseNotInterrupted, func() error { return errOf(d.h.EndInterruption(agreement(t), when, officer)) })
	d.one(d.h.StartInterruption(exam.InterruptEvacuation, "", agreement(t), when, officer))
	r := d.refuses(exam.RefuseAlreadyInterrupted, func() error {
		return errOf(d.h.StartInterruption(exam.InterruptPowerCut, "", agreement(t), when.Add(time.Minute), officer))
	})
	if r.Args[0] != when {
		t.Errorf("args %v, want since when", r.Args)
	}
	d.refuses(exam.RefuseAgreementMissing, func() error { return errOf(d.h.EndInterruption(exam.Agreement{}, when.Add(time.Minute), officer)) })

	ready := newDay(t)
	ready.refuses(exam.RefuseNotRunning, func() error {
		return errOf(ready.h.StartInterruption(exam.InterruptEvacuation, "", agreement(t), t0, officer))
	})
	up := startedDay(t)
	up.apply(up.h.DueClockEvents(dayEnd)...)
	up.refuses(exam.RefuseNotRunning, func() error {
		return errOf(up.h.StartInterruption(exam.InterruptEvacuation, "", agreement(t), dayEnd, officer))
	})
}

// SPEC 11: the hall closes when nobody sits or is out; a Code not back
// and an undecided offer are acknowledged and written into the closing
// entry.
func TestOutstandingAndCloseHall(t *testing.T) {
	d := startedDay(t)
	outstanding := func() []string {
		var out []string
		for _, o := range d.h.Outstanding() {
			out = append(out, fmt.Sprint(o.Key, o.Args, o.Blocks))
		}
		return out
	}
	want := []string{
		"outstanding.sitting[1 " + masterName + "] true",
		"outstanding.sitting[3 " + doctoralName + "] true",
	}
	if got := outstanding(); !slices.Equal(got, want) {
		t.Errorf("outstanding %q, want %q", got, want)
	}
	r := d.refuses(exam.RefuseStillSitting, func() error { return errOf(d.h.CloseHall(true, dayEnd, officer)) })
	if r.Args[0] != 2 {
		t.Errorf("args %v", r.Args)
	}

	// A1 hands in forced, their Code not back; A3 is out.
	d.theoryIn(master, at(time.Hour))
	d.draw(master, "3", at(time.Hour+time.Minute))
	d.codeOut(master, at(time.Hour+2*time.Minute))
	d.all(d.h.HandIn(master, "left it on the desk, not found", at(2*time.Hour), officer))
	d.theoryIn(doctoral, at(time.Hour))
	out := at(time.Hour + 10*time.Minute)
	d.out(doctoral, out)
	want = []string{
		fmt.Sprint("outstanding.code_out", []any{"1", masterName}, false),
		fmt.Sprint("outstanding.out_of_room", []any{"3", doctoralName, out}, true),
	}
	if got := outstanding(); !slices.Equal(got, want) {
		t.Errorf("outstanding %q, want %q", got, want)
	}
	d.refuses(exam.RefuseStillSitting, func() error { return errOf(d.h.CloseHall(true, dayEnd, officer)) })

	d.back(doctoral, out.Add(12*time.Minute)) // overrun: offer (d)
	d.handIn(doctoral, at(2*time.Hour))
	want = []string{
		fmt.Sprint("outstanding.code_out", []any{"1", masterName}, false),
		fmt.Sprint("outstanding.offer", []any{"3", doctoralName, "d"}, false),
	}
	if got := outstanding(); !slices.Equal(got, want) {
		t.Errorf("outstanding %q, want %q", got, want)
	}
	if r := d.refuses(exam.RefuseOutstanding, func() error { return errOf(d.h.CloseHall(false, dayEnd, officer)) }); r.Args[0] != 2 {
		t.Errorf("args %v", r.Args)
	}
	ev := d.one(d.h.CloseHall(true, dayEnd, officer))
	p := payload[exam.ClosedData](t, ev)
	if wantLines := []string{"outstanding.code_out 1 " + masterName, "outstanding.offer 3 " + doctoralName + " d"}; !slices.Equal(p.Outstanding, wantLines) {
		t.Errorf("closing entry %q, want %q", p.Outstanding, wantLines)
	}
	if d.h.Phase != exam.PhaseClosed || !d.h.ClosedAt.Equal(dayEnd) {
		t.Errorf("phase %s closed at %v", d.h.Phase, d.h.ClosedAt)
	}
}

func TestCloseHallWhenAllIsSettled(t *testing.T) {
	d := startedDay(t)
	d.finish(master, at(time.Hour))
	d.finish(doctoral, at(time.Hour))
	if got := d.h.Outstanding(); len(got) != 0 {
		t.Errorf("outstanding %+v", got)
	}
	ev := d.one(d.h.CloseHall(false, dayEnd, officer))
	if p := payload[exam.ClosedData](t, ev); len(p.Outstanding) != 0 {
		t.Errorf("closing entry %+v", p)
	}
}

func TestCloseHallRefusals(t *testing.T) {
	d := newDay(t)
	d.refuses(exam.RefuseNotStarted, func() error { return errOf(d.h.CloseHall(true, t0, officer)) })
	empty := exam.NewHall()
	if code := refusalCode(errOf(empty.CloseHall(true, t0, officer))); code != exam.RefuseNoHall {
		t.Errorf("no hall: %q", code)
	}

	// An interrupted exam is not over.
	d = startedDay(t)
	d.finish(master, at(time.Hour))
	d.finish(doctoral, at(time.Hour))
	d.one(d.h.StartInterruption(exam.InterruptPowerCut, "", agreement(t), at(2*time.Hour), officer))
	if got := d.h.Outstanding(); len(got) != 1 || got[0].Key != "outstanding.interrupted" || !got[0].Blocks {
		t.Errorf("outstanding %+v", got)
	}
	d.refuses(exam.RefuseStillSitting, func() error { return errOf(d.h.CloseHall(true, at(2*time.Hour), officer)) })
}

// A hall where every examinee was marked absent never starts; it closes
// as it is, and is read-only after. One examinee not marked, or present,
// keeps it open until the start.
func TestHallOfAbsenteesClosesWithoutAStart(t *testing.T) {
	d := newDay(t)
	all := d.h.Examinees()
	for i, e := range all {
		d.one(d.h.MarkAbsent(e.ID, at(time.Duration(i)*time.Second), officer))
		if i < len(all)-1 {
			d.refuses(exam.RefuseNotStarted, func() error { return errOf(d.h.CloseHall(true, at(time.Minute), officer)) })
		}
	}
	ev := d.one(d.h.CloseHall(false, at(2*time.Minute), officer))
	if p := payload[exam.ClosedData](t, ev); len(p.Outstanding) != 0 || len(p.Shortfall) != 0 {
		t.Errorf("closing entry %+v", p)
	}
	d.refuses(exam.RefuseHallClosed, func() error { return errOf(d.h.Arrive(master, at(3*time.Minute), officer)) })
}

// SPEC 11: once closed the hall is read-only: every decision is refused.
func TestClosedHallRefusesEverything(t *testing.T) {
	d := startedDay(t)
	d.finish(master, at(time.Hour))
	v := d.violation(master, exam.ViolationInput{Clause: "h", Description: "took the ticket home", Witnesses: "W", Decision: exam.DecisionRemoved}, at(2*time.Hour))
	d.theoryIn(doctoral, at(time.Hour))
	d.out(doctoral, at(time.Hour+time.Minute))
	offer := d.back(doctoral, at(time.Hour+30*time.Minute))[1]
	d.handIn(doctoral, at(2*time.Hour))
	d.one(d.h.CloseHall(true, dayEnd, officer))

	later := dayEnd.Add(time.Minute)
	a := agreement(t)
	for name, action := range map[string]func() error{
		"PINFailed":         func() error { return errOf(d.h.PINFailed("x", later, officer)) },
		"AdmitLate":         func() error { return errOf(d.h.AdmitLate(absentee, a, later, officer)) },
		"Arrive":            func() error { return errOf(d.h.Arrive(absentee, later, officer)) },
		"MarkAbsent":        func() error { return errOf(d.h.MarkAbsent(absentee, later, officer)) },
		"IssueMaterials":    func() error { return errOf(d.h.IssueMaterials(absentee, "1", "", later, officer)) },
		"HandTheoryIn":      func() error { return errOf(d.h.HandTheoryIn(doctoral, later, officer)) },
		"LeaveRoom":         func() error { return errOf(d.h.LeaveRoom(doctoral, false, "", later, officer)) },
		"LeaveRoom medical": func() error { return errOf(d.h.LeaveRoom(doctoral, true, "faint", later, officer)) },
		"ComeBack":          func() error { return errOf(d.h.ComeBack(doctoral, later, officer)) },
		"DrawSituational":   func() error { return errOf(d.h.DrawSituational(doctoral, "1", true, later, officer)) },
		"HandOutCode":       func() error { return errOf(d.h.HandOutCode(doctoral, later, officer)) },
		"TakeBackCode":      func() error { return errOf(d.h.TakeBackCode(doctoral, later, officer)) },
		"HandIn":            func() error { return errOf(d.h.HandIn(doctoral, "x", later, officer)) },
		"RecordViolation": func() error {
			return errOf(d.h.RecordViolation(doctoral, phone(exam.DecisionWarned), a, later, officer))
		},
		"DismissOffer":      func() error { return errOf(d.h.DismissOffer(offer.Seq, "x", agreement(t), later, officer)) },
		"Cancel":            func() error { return errOf(d.h.Cancel(v, "x", &a, d.history, later, officer)) },
		"StartInterruption": func() error { return errOf(d.h.StartInterruption(exam.InterruptEvacuation, "", a, later, officer)) },
		"EndInterruption":   func() error { return errOf(d.h.EndInterruption(a, later, officer)) },
		"CloseHall":         func() error { return errOf(d.h.CloseHall(true, later, officer)) },
		"ClockJumped":       func() error { return errOf(d.h.ClockJumped(time.Hour, time.Second, later)) },
	} {
		before := snapshot(t, d.h)
		if err := action(); refusalCode(err) != exam.RefuseHallClosed {
			t.Errorf("%s on a closed hall: %v, want refusal %q", name, err, exam.RefuseHallClosed)
		}
		if snapshot(t, d.h) != before {
			t.Errorf("%s changed a closed hall", name)
		}
	}
	// StartExam is refused as already started: a closed hall has been.
	d.refuses(exam.RefuseAlreadyStarted, func() error { return errOf(d.h.StartExam(later, "x", later, officer)) })
	if evs := d.h.DueClockEvents(later.Add(time.Hour)); evs != nil {
		t.Errorf("clock events after the close: %v", types(evs))
	}
}
