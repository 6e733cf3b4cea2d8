package exam_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"examday/exam"
)

// busyHall is a hall in the middle of the day: arrivals, an absence, a
// corrected start, a warning and a clock jump.
func busyHall(t *testing.T) *exam.Hall {
	t.Helper()
	h := readyHall(t)
	ev, err := h.StartExam(at(8*time.Minute), "last packet typed in late", at(13*time.Minute), officer)
	do(t, h, ev, err)
	applyAll(t, h, h.DueClockEvents(h.End.Add(-20*time.Minute))...)
	ev, err = h.ClockJumped(5*time.Second, time.Second, h.End.Add(-19*time.Minute))
	do(t, h, ev, err)
	return h
}

// The store refuses to write an event that does not fit: Apply says so and
// leaves the state as it was.
func TestApplyRefusesWhatDoesNotFit(t *testing.T) {
	created := func(t *testing.T) exam.Event {
		evs, err := exam.NewHall().CreateHall(setup(), rosterRows(), t0, officer)
		if err != nil {
			t.Fatal(err)
		}
		return evs[0]
	}
	rosterEv := func(t *testing.T) exam.Event {
		evs, _ := exam.NewHall().CreateHall(setup(), rosterRows(), t0, officer)
		return evs[1]
	}
	for _, tc := range []struct {
		name  string
		hall  func(*testing.T) *exam.Hall
		event func(*testing.T, *exam.Hall) exam.Event // Seq = LastSeq+1 unless set
	}{
		{"a gap in the sequence", newHall, func(t *testing.T, h *exam.Hall) exam.Event {
			ev, _ := h.Arrive("A1", t0, officer)
			ev.Seq = h.LastSeq + 2
			return ev
		}},
		{"a sequence number again", newHall, func(t *testing.T, h *exam.Hall) exam.Event {
			ev, _ := h.Arrive("A1", t0, officer)
			ev.Seq = h.LastSeq
			return ev
		}},
		{"an unknown event type", newHall, func(t *testing.T, h *exam.Hall) exam.Event {
			return exam.Event{Type: "examinee.teleported", Examinee: "A1", At: t0}
		}},
		{"a roster applied twice", newHall, rosterEvFor(rosterEv)},
		{"a roster before the hall", func(*testing.T) *exam.Hall { return exam.NewHall() }, rosterEvFor(rosterEv)},
		{"a second hall", newHall, func(t *testing.T, _ *exam.Hall) exam.Event { return created(t) }},
		{"an arrival of someone not on the roster", newHall, func(t *testing.T, h *exam.Hall) exam.Event {
			return exam.Event{Type: exam.TypeArrived, Examinee: "A9", At: t0}
		}},
		{"a step the day does not allow", newHall, func(t *testing.T, h *exam.Hall) exam.Event {
			return exam.Event{Type: exam.TypeMaterialsIssued, Examinee: "A1", At: t0, Data: json.RawMessage(`{"ticket":"1"}`)}
		}},
		{"a second start", runningHall, func(t *testing.T, h *exam.Hall) exam.Event {
			return exam.Event{Type: exam.TypeExamStarted, At: t0, Data: json.RawMessage(`{}`)}
		}},
		{"a warning given twice", runningHall, func(t *testing.T, h *exam.Hall) exam.Event {
			evs := h.DueClockEvents(h.End.Add(-30 * time.Minute))
			ev := evs[0]
			ev.Seq = h.LastSeq + 1
			if _, err := h.Apply(ev, nil); err != nil {
				t.Fatal(err)
			}
			return ev
		}},
		{"time up before the start", readyHall, func(t *testing.T, h *exam.Hall) exam.Event {
			return exam.Event{Type: exam.TypeTimeUp, At: t0}
		}},
		{"a roster with one id twice", func(*testing.T) *exam.Hall {
			h := exam.NewHall()
			evs, _ := h.CreateHall(setup(), rosterRows(), t0, officer)
			evs[0].Seq = 1
			if _, err := h.Apply(evs[0], nil); err != nil {
				t.Fatal(err)
			}
			return h
		}, func(t *testing.T, h *exam.Hall) exam.Event {
			rows := rosterRows()
			rows[2].ID = rows[0].ID
			b, _ := json.Marshal(exam.RosterImportedData{Examinees: rows})
			return exam.Event{Type: exam.TypeRosterImported, At: t0, Data: b}
		}},
		{"materials with a payload that is not JSON", func(t *testing.T) *exam.Hall {
			h := newHall(t)
			ev, err := h.Arrive("A1", t0, officer)
			do(t, h, ev, err)
			return h
		}, func(t *testing.T, h *exam.Hall) exam.Event {
			return exam.Event{Type: exam.TypeMaterialsIssued, Examinee: "A1", At: t0, Data: json.RawMessage(`{"ticket":`)}
		}},
		{"a payload that is not JSON", runningHall, func(t *testing.T, h *exam.Hall) exam.Event {
			return exam.Event{Type: exam.TypeWarning, At: t0, Data: json.RawMessage(`{"minutes_left":`)}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.hall(t)
			ev := tc.event(t, h)
			if ev.Seq == 0 {
				ev.Seq = h.LastSeq + 1
			}
			before := snapshot(t, h)
			touched, err := h.Apply(ev, nil)
			if err == nil {
				t.Fatalf("applied %s (seq %d) to a hall at seq %d", ev.Type, ev.Seq, h.LastSeq)
			}
			if touched != nil {
				t.Errorf("refused, yet touched %v", touched)
			}
			if after := snapshot(t, h); after != before {
				t.Errorf("the hall changed on a refused event:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

func rosterEvFor(mk func(*testing.T) exam.Event) func(*testing.T, *exam.Hall) exam.Event {
	return func(t *testing.T, _ *exam.Hall) exam.Event { return mk(t) }
}

// Apply says which examinee records changed, so the store writes exactly
// those.
func TestApplyReportsTheExamineesItTouched(t *testing.T) {
	h := exam.NewHall()
	evs, _ := h.CreateHall(setup(), rosterRows(), t0, officer)
	for i, want := range [][]int{nil, {0, 1, 2}} {
		evs[i].Seq = h.LastSeq + 1
		got, err := h.Apply(evs[i], nil)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s touched %v (%v), want %v", evs[i].Type, got, err, want)
		}
	}
	ev, _ := h.Arrive("A3", t0, officer)
	ev.Seq = h.LastSeq + 1
	if got, _ := h.Apply(ev, nil); !reflect.DeepEqual(got, []int{2}) {
		t.Errorf("arrival touched %v, want [2]", got)
	}
	if h.LastSeq != 3 {
		t.Errorf("LastSeq = %d, want 3", h.LastSeq)
	}
}

// The store keeps the hall as JSON and each examinee as a record of its
// own; reading them back must give the same state, which then goes on.
func TestHallJSONRoundTripAsTheStoreKeepsIt(t *testing.T) {
	h := busyHall(t)
	hallJSON, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(hallJSON), "Иванов") {
		t.Errorf("examinees leaked into the hall record: %s", hallJSON)
	}
	var records [][]byte
	for _, e := range h.Examinees() {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		records = append(records, b)
	}

	loaded := exam.NewHall()
	if err := json.Unmarshal(hallJSON, loaded); err != nil {
		t.Fatal(err)
	}
	for _, b := range records {
		e := new(exam.Examinee)
		if err := json.Unmarshal(b, e); err != nil {
			t.Fatal(err)
		}
		if err := loaded.AddLoaded(e); err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(loaded, h) {
		t.Fatalf("round trip changed the hall:\nwant %s\ngot  %s", snapshot(t, h), snapshot(t, loaded))
	}
	if e, ok := loaded.Examinee("A2"); !ok || e != loaded.Examinees()[1] {
		t.Error("a loaded examinee is not found by id")
	}

	// The reloaded hall carries on where the other stopped.
	for _, hh := range []*exam.Hall{h, loaded} {
		applyAll(t, hh, hh.DueClockEvents(hh.End)...)
	}
	if snapshot(t, loaded) != snapshot(t, h) {
		t.Errorf("after the time-up the halls differ")
	}
	if loaded.Phase != exam.PhaseTimeUp || !loaded.TimeUpAt.Equal(loaded.End) {
		t.Errorf("reloaded hall did not reach time up: %s", loaded.Phase)
	}
}

func TestAddLoadedWantsRecordsInRosterOrder(t *testing.T) {
	h := exam.NewHall()
	if err := h.AddLoaded(&exam.Examinee{Ordinal: 1, ID: "A2"}); err == nil {
		t.Error("record with ordinal 1 accepted as the first")
	}
	if err := h.AddLoaded(&exam.Examinee{Ordinal: 0, ID: "A1"}); err != nil {
		t.Errorf("first record refused: %v", err)
	}
	if err := h.AddLoaded(&exam.Examinee{Ordinal: 0, ID: "A1"}); err == nil {
		t.Error("ordinal 0 accepted twice")
	}
}

// Clone is what a reader (the screen) holds while the store goes on: later
// events on one must not show in the other.
func TestCloneIsDeep(t *testing.T) {
	h := busyHall(t)
	c := h.Clone()
	if !reflect.DeepEqual(c, h) {
		t.Fatal("clone differs from the hall")
	}
	before := snapshot(t, h)

	// Change the clone every way the state can change.
	applyAll(t, c, c.DueClockEvents(c.End)...)
	c.Members[0] = "someone else"
	c.Programmes[0] = "8D12301"
	c.Warnings[0] = 99
	ce, _ := c.Examinee("A1")
	ce.Status = exam.Finished
	c.Examinees()[1].Ticket = "999"

	if after := snapshot(t, h); after != before {
		t.Errorf("changing the clone changed the hall:\nbefore %s\nafter  %s", before, after)
	}
	if e, _ := h.Examinee("A1"); e.Status != exam.Materials {
		t.Errorf("hall's A1 is %s", e.Status)
	}
	// Inside the clone, the list and the index are the same records.
	if ce != c.Examinees()[0] {
		t.Error("clone's Examinee(id) and Examinees() are different records")
	}
}

// A Hall read into a zero value (not NewHall) must take events like any
// other: the store or a tool may decode into a plain exam.Hall.
func TestZeroHallTakesEvents(t *testing.T) {
	var h exam.Hall
	evs, err := h.CreateHall(setup(), rosterRows(), t0, officer)
	if err != nil {
		t.Fatal(err)
	}
	applyAll(t, &h, evs...)
	if _, ok := h.Examinee("A2"); !ok || len(h.Examinees()) != 3 {
		t.Errorf("roster not in a zero hall: %d examinees", len(h.Examinees()))
	}
}
