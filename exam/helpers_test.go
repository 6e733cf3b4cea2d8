package exam_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"examday/exam"
)

// t0 is the morning of a fixed exam day. Every test builds its times from
// it, so nothing depends on the machine's clock or zone.
var t0 = time.Date(2025, 7, 28, 9, 0, 0, 0, time.UTC)

func at(d time.Duration) time.Time { return t0.Add(d) }

const officer = "Officer Сәрсенов"

// rosterRows is a small hall: two master's programmes and one doctoral.
func rosterRows() []exam.RosterRow {
	return []exam.RosterRow{
		{ID: "A1", FullName: "Сәрсенбаева Айгерім Қайратқызы", Programme: "7M04203", IDDocument: "041234567", Seat: "1"},
		{ID: "A2", FullName: "Иванов Пётр Сергеевич", Programme: "7M12301", IDDocument: "041234568", Seat: "2"},
		{ID: "A3", FullName: "Жұмабек Ұлан", Programme: "8D04201", IDDocument: "041234569", Seat: "3"},
	}
}

func setup() exam.HallSetup {
	return exam.HallSetup{Name: "Hall 204", Date: "2025-07-28", Officer: officer,
		Chairman: "Chairman Қасымов", Members: []string{"Member Ахметова", "Member Петров"}}
}

// applyAll folds events into h the way the store does: each gets the next
// sequence number, and any event the hall does not accept fails the test.
func applyAll(t *testing.T, h *exam.Hall, evs ...exam.Event) {
	t.Helper()
	for _, ev := range evs {
		ev.Seq = h.LastSeq + 1
		if _, err := h.Apply(ev, nil); err != nil {
			t.Fatalf("apply %s: %v", ev.Type, err)
		}
	}
}

// do applies the event an action returned, failing the test on a refusal.
func do(t *testing.T, h *exam.Hall, ev exam.Event, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("action refused: %v", err)
	}
	applyAll(t, h, ev)
}

// newHall returns a hall created with rosterRows at t0, all registered.
func newHall(t *testing.T) *exam.Hall {
	t.Helper()
	h := exam.NewHall()
	evs, err := h.CreateHall(setup(), rosterRows(), t0, officer)
	if err != nil {
		t.Fatalf("CreateHall: %v", err)
	}
	applyAll(t, h, evs...)
	return h
}

// readyHall is a hall where A1 and A2 are present with materials (A1 at
// +10m, A2 at +12m) and A3 is absent: ready to start, proposal t0+12m.
func readyHall(t *testing.T) *exam.Hall {
	t.Helper()
	h := newHall(t)
	ev, err := h.Arrive("A1", at(1*time.Minute), officer)
	do(t, h, ev, err)
	ev, err = h.Arrive("A2", at(2*time.Minute), officer)
	do(t, h, ev, err)
	ev, err = h.MarkAbsent("A3", at(3*time.Minute), officer)
	do(t, h, ev, err)
	ev, err = h.IssueMaterials("A1", "17", "", at(10*time.Minute), officer)
	do(t, h, ev, err)
	ev, err = h.IssueMaterials("A2", "5", "", at(12*time.Minute), officer)
	do(t, h, ev, err)
	return h
}

// runningHall is readyHall started at the proposal, t0+12m; it ends at
// t0+3h12m.
func runningHall(t *testing.T) *exam.Hall {
	t.Helper()
	h := readyHall(t)
	ev, err := h.StartExam(at(12*time.Minute), "", at(13*time.Minute), officer)
	do(t, h, ev, err)
	return h
}

// snapshot is everything the store would write for h: the hall and each
// examinee record. Two equal snapshots are the same state on disk.
func snapshot(t *testing.T, h *exam.Hall) string {
	t.Helper()
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, e := range h.Examinees() {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		s += "\n" + string(b)
	}
	return s
}

// refusalCode is the code of a *exam.Refusal, or "" for any other error.
func refusalCode(err error) string {
	var r *exam.Refusal
	if errors.As(err, &r) {
		return r.Code
	}
	return ""
}

func payload[T any](t *testing.T, ev exam.Event) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(ev.Data, &v); err != nil {
		t.Fatalf("%s payload: %v", ev.Type, err)
	}
	return v
}
