package exam_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"examday/exam"
)

// The hall of the examinee's day after the start: startedDay has A1
// (master's, 7M04203) and A3 (doctoral, 8D04201) writing, A2 absent.
var (
	dayStart = at(12 * time.Minute)             // §1.3: A3's materials, the last
	dayEnd   = at(3*time.Hour + 12*time.Minute) // §1.3: start + 3 hours
)

const (
	master   = "A1" // Сәрсенбаева Айгерім Қайратқызы, seat 1
	doctoral = "A3" // Жұмабек Ұлан, seat 3
	absentee = "A2" // Иванов Пётр Сергеевич, seat 2

	masterName   = "Сәрсенбаева Айгерім Қайратқызы"
	doctoralName = "Жұмабек Ұлан"

	reasonOK    = "the duty officer typed it by error" // a correction's reason
	chairmanPIN = "4821"
)

// chairmanHash is the chairman's PIN as the store keeps it. argon2id is
// slow on purpose, so it is made once for the package.
var chairmanHash = sync.OnceValues(func() (string, error) { return exam.HashPIN(chairmanPIN) })

// chairmanAgreement is the agreement the real Agree gives for the right
// PIN. Every test hall has the same chairman, so one serves them all.
var chairmanAgreement = sync.OnceValues(func() (exam.Agreement, error) {
	hash, err := chairmanHash()
	if err != nil {
		return exam.Agreement{}, err
	}
	h := exam.NewHall()
	evs, err := h.CreateHall(setup(), rosterRows(), t0, officer)
	if err != nil {
		return exam.Agreement{}, err
	}
	for _, ev := range evs {
		ev.Seq = h.LastSeq + 1
		if _, err := h.Apply(ev, nil); err != nil { // no correction among them
			return exam.Agreement{}, err
		}
	}
	a, ok := h.Agree(hash, chairmanPIN)
	if !ok {
		return exam.Agreement{}, errors.New("the chairman's own PIN was refused")
	}
	return a, nil
})

// agreement is the chairman's agreement (§2.3), typed with the right PIN.
func agreement(t *testing.T) exam.Agreement {
	t.Helper()
	a, err := chairmanAgreement()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// day is a hall together with its log, as the store keeps them: every
// event applied is kept by its sequence number and the hall reads past
// events from it (day.history, given to Cancel and Apply), which a
// correction replays.
type day struct {
	t   *testing.T
	h   *exam.Hall
	log map[uint64]exam.Event
}

// history reads the day's log, as the store's does.
func (d *day) history(seq uint64) (exam.Event, error) {
	ev, ok := d.log[seq]
	if !ok {
		return exam.Event{}, fmt.Errorf("no event %d in the log", seq)
	}
	return ev, nil
}

// newDay is a hall created with rosterRows at t0, all registered.
func newDay(t *testing.T) *day {
	t.Helper()
	d := &day{t: t, h: exam.NewHall(), log: map[uint64]exam.Event{}}
	d.all(d.h.CreateHall(setup(), rosterRows(), t0, officer))
	return d
}

// startedDay: A1 and A3 arrived and received materials (at +10m and
// +12m), A2 was marked absent, and the exam started at the proposal,
// +12m (§1.3); it ends at +3h12m.
func startedDay(t *testing.T) *day {
	t.Helper()
	d := newDay(t)
	d.one(d.h.Arrive(master, at(1*time.Minute), officer))
	d.one(d.h.Arrive(doctoral, at(2*time.Minute), officer))
	d.one(d.h.MarkAbsent(absentee, at(3*time.Minute), officer))
	d.one(d.h.IssueMaterials(master, "17", "", at(10*time.Minute), officer))
	d.one(d.h.IssueMaterials(doctoral, "4", "", at(12*time.Minute), officer))
	proposal, err := d.h.ProposeStart()
	if err != nil {
		t.Fatal(err)
	}
	d.one(d.h.StartExam(proposal, "", at(13*time.Minute), officer))
	if !d.h.Start.Equal(dayStart) || !d.h.End.Equal(dayEnd) {
		t.Fatalf("start %v end %v, want %v and %v", d.h.Start, d.h.End, dayStart, dayEnd)
	}
	return d
}

// apply folds events into the hall as the store does (Seq = LastSeq+1)
// and logs them; it returns them with their sequence numbers.
func (d *day) apply(evs ...exam.Event) []exam.Event {
	d.t.Helper()
	out := make([]exam.Event, 0, len(evs))
	for _, ev := range evs {
		ev.Seq = d.h.LastSeq + 1
		if _, err := d.h.Apply(ev, d.history); err != nil {
			d.t.Fatalf("apply %s: %v", ev.Type, err)
		}
		d.log[ev.Seq] = ev
		out = append(out, ev)
	}
	return out
}

// one applies the event a decision returned; a refusal fails the test.
func (d *day) one(ev exam.Event, err error) exam.Event {
	d.t.Helper()
	if err != nil {
		d.t.Fatalf("refused: %v", err)
	}
	return d.apply(ev)[0]
}

// all applies the events a decision returned; a refusal fails the test.
func (d *day) all(evs []exam.Event, err error) []exam.Event {
	d.t.Helper()
	if err != nil {
		d.t.Fatalf("refused: %v", err)
	}
	return d.apply(evs...)
}

// refuses checks that action is refused with code and that the hall is
// as it was: a refusal changes nothing.
func (d *day) refuses(code string, action func() error) *exam.Refusal {
	d.t.Helper()
	before := snapshot(d.t, d.h)
	return refused(d.t, d.h, before, action(), code)
}

// errOf keeps the error of a decision's answer.
func errOf[T any](_ T, err error) error { return err }

// ex is an examinee of the day.
func (d *day) ex(id string) *exam.Examinee {
	d.t.Helper()
	e, ok := d.h.Examinee(id)
	if !ok {
		d.t.Fatalf("no examinee %s", id)
	}
	return e
}

// state is an examinee's record without the timeline (Seqs), which a
// correction extends rather than restores.
func (d *day) state(id string) string {
	d.t.Helper()
	e := *d.ex(id)
	e.Seqs = nil
	b, err := json.Marshal(e)
	if err != nil {
		d.t.Fatal(err)
	}
	return string(b)
}

// Steps of the day, each applied; a refusal fails the test.

func (d *day) theoryIn(id string, when time.Time) exam.Event {
	d.t.Helper()
	return d.one(d.h.HandTheoryIn(id, when, officer))
}

func (d *day) out(id string, when time.Time) exam.Event {
	d.t.Helper()
	return d.one(d.h.LeaveRoom(id, false, "", when, officer))
}

func (d *day) medical(id string, when time.Time) exam.Event {
	d.t.Helper()
	return d.one(d.h.LeaveRoom(id, true, "felt faint, nurse called", when, officer))
}

func (d *day) back(id string, when time.Time) []exam.Event {
	d.t.Helper()
	return d.all(d.h.ComeBack(id, when, officer))
}

func (d *day) draw(id, ticket string, when time.Time) exam.Event {
	d.t.Helper()
	return d.one(d.h.DrawSituational(id, ticket, false, when, officer))
}

func (d *day) codeOut(id string, when time.Time) exam.Event {
	d.t.Helper()
	return d.one(d.h.HandOutCode(id, when, officer))
}

func (d *day) codeBack(id string, when time.Time) exam.Event {
	d.t.Helper()
	return d.one(d.h.TakeBackCode(id, when, officer))
}

// handIn hands in; someone with no situational ticket hands in without
// the situational problem, for the reason declinedReason.
func (d *day) handIn(id string, when time.Time) []exam.Event {
	d.t.Helper()
	if d.ex(id).SituationalTicket == "" {
		return d.all(d.h.HandInWithoutSituational(id, declinedReason, when, officer))
	}
	return d.all(d.h.HandIn(id, "", when, officer))
}

const declinedReason = "declined the situational problem"

func (d *day) violation(id string, v exam.ViolationInput, when time.Time) exam.Event {
	d.t.Helper()
	return d.one(d.h.RecordViolation(id, v, agreement(d.t), when, officer))
}

func (d *day) cancel(target exam.Event, when time.Time) exam.Event {
	d.t.Helper()
	a := agreement(d.t)
	return d.one(d.h.Cancel(target, reasonOK, &a, d.history, when, officer))
}

// finish takes id through theory and the situational problem to an
// on-time hand-in with the Code back.
func (d *day) finish(id string, from time.Time) {
	d.t.Helper()
	d.theoryIn(id, from)
	d.draw(id, situationalNumber(id), from.Add(time.Minute))
	d.codeOut(id, from.Add(2*time.Minute))
	d.codeBack(id, from.Add(3*time.Minute))
	d.handIn(id, from.Add(4*time.Minute))
}

// phone is a violation of §2.2 a with what the officer writes.
func phone(decision string) exam.ViolationInput {
	return exam.ViolationInput{Clause: "a", Description: "  a smartphone under the answer sheets ",
		Witnesses: " Member Ахметова ", ActionTaken: "phone taken", Decision: decision}
}

func types(evs []exam.Event) []string {
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.Type
	}
	return out
}

// situationalNumber is the situational ticket an examinee draws in the
// tests: a number (§1.6), one of their own: 9 and the digits of their id.
func situationalNumber(id string) string {
	n := "9"
	for _, r := range id {
		if r >= '0' && r <= '9' {
			n += string(r)
		}
	}
	return n
}
