package tui

import (
	"path/filepath"
	"testing"

	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// The day after the start: helpers to set a hall up directly in the file
// (what earlier keys would have recorded), and to move the fake clock.

// dayRoster is the hall of the whole-day test: one master's examinee and
// one doctoral.
var dayRoster = []exam.RosterRow{
	{ID: "M-01", FullName: "Әлия Қасымқызы Нұрланова", Programme: "7M04203", IDDocument: "N04512837", Seat: "1"},
	{ID: "D-01", FullName: "Құралай Һадиқызы Үсенова", Programme: "8D04201", IDDocument: "N09937261", Seat: "2"},
}

// newDayHall makes a hall of dayRoster, with the chairman's PIN, in a new
// file; nobody is marked yet.
func newDayHall(t testing.TB) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hall.db")
	s, err := store.Open(path, store.Options{Create: true, Program: "tui test"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	_, err = s.DoWithSecret(store.SecretChairmanPIN, pinHash(), func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{
			Name: "Аудитория 305", Date: hallDate, Officer: officer, Chairman: chairman,
		}, dayRoster, at("08:30:00"), officer)
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// rec records what decide returns, as an earlier action would have.
func rec(t testing.TB, s *store.Store, decide func(h *exam.Hall) ([]exam.Event, error)) {
	t.Helper()
	if _, err := s.Do(decide); err != nil {
		t.Fatal(err)
	}
}

// rec1 is rec of a single-event decision.
func rec1(t testing.TB, s *store.Store, decide func(h *exam.Hall) (exam.Event, error)) {
	t.Helper()
	rec(t, s, one(decide))
}

// agree is the chairman's agreement with the right PIN.
func agree(t testing.TB, h *exam.Hall) exam.Agreement {
	t.Helper()
	a, ok := h.Agree(pinHash(), chairmanPIN)
	if !ok {
		t.Fatal("the chairman's PIN was not accepted")
	}
	return a
}

// midnight is the origin of the test ticks' monotonic readings: a tick at
// wall time w has run w − midnight, so wall and monotonic clocks advance
// together and no tick looks like a jump.
var midnight = at("00:00:00")

// now sets the clock and sends its tick, as the program's timer would.
func (a *app) now(clock *fakeClock, hms string) {
	t := at(hms)
	clock.Set(t)
	a.tm.Send(tickMsg{Wall: t, Mono: t.Sub(midnight)})
}

// typeAndEnter types text into the focused field and presses enter.
func (a *app) typeAndEnter(text string) {
	a.typeText(text)
	a.press("enter")
}

// ok waits for the store's answer to an action and fails on a refusal.
func (a *app) ok(what string) recordedMsg {
	a.t.Helper()
	r := a.waitRecorded(recordAction)
	if r.err != nil {
		a.t.Fatalf("%s refused: %v", what, r.err)
	}
	return r
}

// The small hall of the other tests, from its start at 08:52:10 (end
// 11:52:10): Әлия Қасымқызы Нұрланова (M-01, ticket 17), Dana Serikovna
// Akhmetova (M-03), Ғалым Өмірзақұлы Сәрсенбаев (M-04) and Құралай
// Һадиқызы Үсенова (D-01) writing; M-02 and D-02 absent.

func theoryIn(id, hms string) func(h *exam.Hall) (exam.Event, error) {
	return func(h *exam.Hall) (exam.Event, error) { return h.HandTheoryIn(id, at(hms), officer) }
}

func leave(id, hms string) func(h *exam.Hall) (exam.Event, error) {
	return func(h *exam.Hall) (exam.Event, error) { return h.LeaveRoom(id, false, "", at(hms), officer) }
}

func leaveMedical(id, reason, hms string) func(h *exam.Hall) (exam.Event, error) {
	return func(h *exam.Hall) (exam.Event, error) { return h.LeaveRoom(id, true, reason, at(hms), officer) }
}

func comeBack(id, hms string) func(h *exam.Hall) ([]exam.Event, error) {
	return func(h *exam.Hall) ([]exam.Event, error) { return h.ComeBack(id, at(hms), officer) }
}

func draw(id, ticket, hms string) func(h *exam.Hall) (exam.Event, error) {
	return func(h *exam.Hall) (exam.Event, error) { return h.DrawSituational(id, ticket, false, at(hms), officer) }
}

func codeOut(id, hms string) func(h *exam.Hall) (exam.Event, error) {
	return func(h *exam.Hall) (exam.Event, error) { return h.HandOutCode(id, at(hms), officer) }
}

func codeBack(id, hms string) func(h *exam.Hall) (exam.Event, error) {
	return func(h *exam.Hall) (exam.Event, error) { return h.TakeBackCode(id, at(hms), officer) }
}

// handIn hands the work in; someone with no situational ticket hands
// in without the situational problem, storetest.Declined.
func handIn(id, hms string) func(h *exam.Hall) ([]exam.Event, error) {
	return func(h *exam.Hall) ([]exam.Event, error) {
		if e, ok := h.Examinee(id); ok && e.SituationalTicket == "" {
			return h.HandInWithoutSituational(id, storetest.Declined, at(hms), officer)
		}
		return h.HandIn(id, "", at(hms), officer)
	}
}

// violation records a violation with the chairman's agreement.
func violation(t testing.TB, id string, v exam.ViolationInput, hms string) func(h *exam.Hall) (exam.Event, error) {
	return func(h *exam.Hall) (exam.Event, error) {
		return h.RecordViolation(id, v, agree(t, h), at(hms), officer)
	}
}

// everyoneDone brings the small running hall to where nobody sits: the
// four examinees hand in (M-01 keeps the Criminal Code out; D-01 hands in
// late, which leaves an offer of (i) open).
func everyoneDone(t testing.TB, s *store.Store) {
	t.Helper()
	for _, x := range [][2]string{{"M-01", "4"}, {"M-03", "9"}, {"M-04", "11"}, {"D-01", "2"}} {
		rec1(t, s, theoryIn(x[0], "10:00:00"))
		rec1(t, s, draw(x[0], x[1], "10:20:00"))
	}
	rec1(t, s, codeOut("M-01", "10:21:00"))
	rec(t, s, handIn("M-03", "11:30:00"))
	rec(t, s, handIn("M-04", "11:31:00"))
	rec(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		return h.HandIn("M-01", "left the Code on the desk", at("11:40:00"), officer)
	})
	rec(t, s, handIn("D-01", "11:54:40"))
}
