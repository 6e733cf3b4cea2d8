package exam_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"examday/exam"
)

// refused checks that an action was refused with code and that the hall's
// state is what it was before: a refusal changes nothing.
func refused(t *testing.T, h *exam.Hall, before string, err error, code string) *exam.Refusal {
	t.Helper()
	var r *exam.Refusal
	if !errors.As(err, &r) {
		t.Fatalf("got %v, want refusal %q", err, code)
	}
	if r.Code != code {
		t.Fatalf("refusal %q (%v), want %q", r.Code, r.Args, code)
	}
	if after := snapshot(t, h); after != before {
		t.Fatalf("the hall changed on a refusal:\nbefore %s\nafter  %s", before, after)
	}
	return r
}

func TestCreateHallRecordsTheHallAndItsRoster(t *testing.T) {
	h := exam.NewHall()
	s := setup()
	s.Name = "  Hall 204 "
	evs, err := h.CreateHall(s, rosterRows(), at(-time.Hour), officer)
	if err != nil {
		t.Fatal(err)
	}
	if h.Exists() {
		t.Fatal("the action changed the hall; only Apply may")
	}
	if len(evs) != 2 || evs[0].Type != exam.TypeHallCreated || evs[1].Type != exam.TypeRosterImported {
		t.Fatalf("events %+v, want hall.created then roster.imported", evs)
	}
	created := payload[exam.HallCreatedData](t, evs[0])
	if created.Name != "Hall 204" || !created.ChairmanPIN || strings.Contains(string(evs[0].Data), "argon2") {
		t.Errorf("hall.created payload %+v (%s)", created, evs[0].Data)
	}
	applyAll(t, h, evs...)
	if h.Phase != exam.PhaseSetup || h.Name != "Hall 204" || h.Date != "2025-07-28" || h.Officer != officer ||
		h.Chairman != "Chairman Қасымов" || !slices.Equal(h.Members, s.Members) {
		t.Errorf("hall after creation: %+v", h)
	}
	// §1.2 order, whatever the roster's order.
	if want := []string{"7M04203", "7M12301", "8D04201"}; !slices.Equal(h.Programmes, want) {
		t.Errorf("Programmes = %v, want %v", h.Programmes, want)
	}
	for i, r := range rosterRows() {
		e, ok := h.Examinee(r.ID)
		if !ok || h.Examinees()[i] != e || e.Ordinal != i || e.Status != exam.Registered ||
			e.FullName != r.FullName || e.Programme != r.Programme || e.IDDocument != r.IDDocument || e.Seat != r.Seat {
			t.Errorf("examinee %d = %+v (found %v)", i, e, ok)
		}
	}
}

func TestCreateHallRefusals(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(*exam.HallSetup, *[]exam.RosterRow)
		code   string
		arg    any
		roster bool // a *RosterError rather than a refusal
	}{
		{name: "no name", edit: func(s *exam.HallSetup, _ *[]exam.RosterRow) { s.Name = " " }, code: exam.RefuseSetupField, arg: "name"},
		{name: "no date", edit: func(s *exam.HallSetup, _ *[]exam.RosterRow) { s.Date = "" }, code: exam.RefuseSetupField, arg: "date"},
		{name: "no officer", edit: func(s *exam.HallSetup, _ *[]exam.RosterRow) { s.Officer = "\t" }, code: exam.RefuseSetupField, arg: "officer"},
		{name: "no chairman", edit: func(s *exam.HallSetup, _ *[]exam.RosterRow) { s.Chairman = "" }, code: exam.RefuseSetupField, arg: "chairman"},
		{name: "date in local style", edit: func(s *exam.HallSetup, _ *[]exam.RosterRow) { s.Date = "28.07.2025" }, code: exam.RefuseBadDate, arg: "28.07.2025"},
		{name: "no such day", edit: func(s *exam.HallSetup, _ *[]exam.RosterRow) { s.Date = "2025-02-30" }, code: exam.RefuseBadDate, arg: "2025-02-30"},
		{name: "empty roster", edit: func(_ *exam.HallSetup, r *[]exam.RosterRow) { *r = nil }, code: exam.RefuseEmptyRoster},
		{name: "bad roster rows", edit: func(_ *exam.HallSetup, r *[]exam.RosterRow) {
			(*r)[1].Programme = "7M99999"
			(*r)[2].Seat = (*r)[0].Seat
		}, roster: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := exam.NewHall()
			before := snapshot(t, h)
			s, rows := setup(), rosterRows()
			tc.edit(&s, &rows)
			evs, err := h.CreateHall(s, rows, t0, officer)
			if evs != nil {
				t.Errorf("events returned with a refusal: %+v", evs)
			}
			if tc.roster {
				var re *exam.RosterError
				if !errors.As(err, &re) {
					t.Fatalf("got %v, want *RosterError", err)
				}
				// CheckRoster counts the header as line 1: rows 2 and 3 are
				// lines 3 and 4.
				want := []exam.RosterProblem{
					{Line: 3, Code: exam.RosterUnknownProg, Args: []any{"7M99999"}},
					{Line: 4, Code: exam.RosterDuplicateSeat, Args: []any{"1", 2}},
				}
				if fmt.Sprint(re.Problems) != fmt.Sprint(want) {
					t.Errorf("problems %v, want %v", re.Problems, want)
				}
				if h.Exists() || snapshot(t, h) != before {
					t.Error("the hall changed on a bad roster")
				}
				return
			}
			r := refused(t, h, before, err, tc.code)
			if tc.arg != nil && (len(r.Args) == 0 || r.Args[0] != tc.arg) {
				t.Errorf("refusal args %v, want first %v", r.Args, tc.arg)
			}
		})
	}
}

func TestCreateHallTwiceIsRefused(t *testing.T) {
	h := newHall(t)
	before := snapshot(t, h)
	_, err := h.CreateHall(setup(), rosterRows(), at(time.Minute), officer)
	r := refused(t, h, before, err, exam.RefuseHallExists)
	if len(r.Args) != 1 || r.Args[0] != "Hall 204" {
		t.Errorf("refusal names %v, want the existing hall", r.Args)
	}
}

func TestActionsBeforeAHallExistAreRefused(t *testing.T) {
	h := exam.NewHall()
	before := snapshot(t, h)
	_, err := h.Arrive("A1", t0, officer)
	refused(t, h, before, err, exam.RefuseNoHall)
	_, err = h.MarkAbsent("A1", t0, officer)
	refused(t, h, before, err, exam.RefuseNoHall)
	_, err = h.IssueMaterials("A1", "1", "", t0, officer)
	refused(t, h, before, err, exam.RefuseNoHall)
	_, err = h.ProposeStart()
	refused(t, h, before, err, exam.RefuseNoHall)
	_, err = h.StartExam(t0, "", t0, officer)
	refused(t, h, before, err, exam.RefuseNoHall)
	_, err = h.ClockJumped(time.Hour, time.Second, t0)
	refused(t, h, before, err, exam.RefuseNoHall)
	if evs := h.DueClockEvents(at(5 * time.Hour)); evs != nil {
		t.Errorf("clock events without a hall: %+v", evs)
	}
}

// SPEC step 3: the officer checks the identity document and marks the
// examinee present.
func TestArriveMarksPresentWithTheDocumentChecked(t *testing.T) {
	h := newHall(t)
	ev, err := h.Arrive("A2", at(5*time.Minute).In(time.FixedZone("ALMT", 5*3600)), officer)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Type != exam.TypeArrived || ev.Examinee != "A2" || ev.Actor != officer || !ev.At.Equal(at(5*time.Minute)) || ev.At.Location() != time.UTC {
		t.Errorf("event %+v", ev)
	}
	if d := payload[exam.ArrivedData](t, ev); !d.IDDocumentChecked || d.IDDocument != "041234568" {
		t.Errorf("payload %+v: the log must say which document was checked", d)
	}
	applyAll(t, h, ev)
	e, _ := h.Examinee("A2")
	if e.Status != exam.Present || !e.ArrivedAt.Equal(at(5*time.Minute)) {
		t.Errorf("after arrival %+v", e)
	}
}

func TestArriveAfterBeingMarkedAbsent(t *testing.T) {
	h := newHall(t)
	ev, err := h.MarkAbsent("A3", at(time.Minute), officer)
	do(t, h, ev, err)
	ev, err = h.Arrive("A3", at(4*time.Minute), officer)
	do(t, h, ev, err)
	e, _ := h.Examinee("A3")
	if e.Status != exam.Present || !e.AbsentAt.Equal(at(time.Minute)) {
		t.Errorf("late arrival before the start: %+v; the absence must stay on record", e)
	}
}

func TestArriveRefusals(t *testing.T) {
	h := newHall(t)
	ev, err := h.Arrive("A1", at(time.Minute), officer)
	do(t, h, ev, err)
	before := snapshot(t, h)

	_, err = h.Arrive("nobody", at(2*time.Minute), officer)
	if r := refused(t, h, before, err, exam.RefuseUnknownExaminee); r.Args[0] != "nobody" {
		t.Errorf("args %v", r.Args)
	}
	_, err = h.Arrive("A1", at(2*time.Minute), officer)
	r := refused(t, h, before, err, exam.RefuseTransition)
	if want := []any{"Сәрсенбаева Айгерім Қайратқызы", "present", "present"}; fmt.Sprint(r.Args) != fmt.Sprint(want) {
		t.Errorf("args %v, want %v", r.Args, want)
	}

	// Once started, a late arrival needs the chairman, not this action.
	h = runningHall(t)
	before = snapshot(t, h)
	_, err = h.Arrive("A3", at(20*time.Minute), officer)
	refused(t, h, before, err, exam.RefuseAfterStart)
}

func TestMarkAbsent(t *testing.T) {
	h := newHall(t)
	ev, err := h.MarkAbsent("A3", at(time.Minute), officer)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Type != exam.TypeAbsent || ev.Examinee != "A3" || ev.Data != nil {
		t.Errorf("event %+v", ev)
	}
	applyAll(t, h, ev)
	if e, _ := h.Examinee("A3"); e.Status != exam.Absent || !e.AbsentAt.Equal(at(time.Minute)) {
		t.Errorf("after MarkAbsent %+v", e)
	}
	before := snapshot(t, h)
	_, err = h.MarkAbsent("A3", at(2*time.Minute), officer)
	refused(t, h, before, err, exam.RefuseTransition)
	_, err = h.MarkAbsent("zz", at(2*time.Minute), officer)
	refused(t, h, before, err, exam.RefuseUnknownExaminee)

	ev, err = h.Arrive("A1", at(2*time.Minute), officer)
	do(t, h, ev, err)
	before = snapshot(t, h)
	_, err = h.MarkAbsent("A1", at(3*time.Minute), officer)
	refused(t, h, before, err, exam.RefuseTransition)

	h = runningHall(t)
	before = snapshot(t, h)
	_, err = h.MarkAbsent("A3", at(20*time.Minute), officer)
	refused(t, h, before, err, exam.RefuseAfterStart)
}

// §1.3, §1.5: the examinee receives the ticket and the packet; the moment
// is kept, since the last such moment is the start.
func TestIssueMaterials(t *testing.T) {
	h := newHall(t)
	ev, err := h.Arrive("A1", at(time.Minute), officer)
	do(t, h, ev, err)
	ev, err = h.IssueMaterials("A1", "  17 ", "", at(10*time.Minute), officer)
	if err != nil {
		t.Fatal(err)
	}
	if d := payload[exam.MaterialsIssuedData](t, ev); d.Ticket != "17" || d.Packet != "" {
		t.Errorf("payload %+v: the ticket is kept as typed, without the spaces", d)
	}
	applyAll(t, h, ev)
	e, _ := h.Examinee("A1")
	if e.Status != exam.Materials || e.Ticket != "17" || e.Packet != "" || !e.MaterialsAt.Equal(at(10*time.Minute)) {
		t.Errorf("after issue %+v", e)
	}
	if h.Phase != exam.PhaseMaterials {
		t.Errorf("phase %q, want materials once the first materials are out", h.Phase)
	}

	// A ticket number of exactly the limit.
	ev, err = h.Arrive("A2", at(2*time.Minute), officer)
	do(t, h, ev, err)
	ev, err = h.IssueMaterials("A2", strings.Repeat("7", exam.MaxTicketLength), "", at(11*time.Minute), officer)
	do(t, h, ev, err)
}

func TestIssueMaterialsRefusals(t *testing.T) {
	h := newHall(t)
	ev, err := h.Arrive("A1", at(time.Minute), officer)
	do(t, h, ev, err)
	ev, err = h.MarkAbsent("A3", at(time.Minute), officer)
	do(t, h, ev, err)
	before := snapshot(t, h)

	for _, tc := range []struct {
		name, id, ticket, code string
	}{
		{"not marked present (SPEC 3–4)", "A2", "5", exam.RefuseTransition},
		{"absent", "A3", "5", exam.RefuseTransition},
		{"unknown examinee", "A9", "5", exam.RefuseUnknownExaminee},
		{"empty ticket", "A1", "   ", exam.RefuseTicketMissing},
		{"ticket too long", "A1", strings.Repeat("1", exam.MaxTicketLength+1), exam.RefuseTicketTooLong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := h.IssueMaterials(tc.id, tc.ticket, "", at(10*time.Minute), officer)
			r := refused(t, h, before, err, tc.code)
			if tc.code == exam.RefuseTicketTooLong && (len(r.Args) != 1 || r.Args[0] != exam.MaxTicketLength) {
				t.Errorf("args %v, want the limit", r.Args)
			}
		})
	}

	ev, err = h.IssueMaterials("A1", "17", "", at(10*time.Minute), officer)
	do(t, h, ev, err)
	before = snapshot(t, h)
	_, err = h.IssueMaterials("A1", "18", "", at(11*time.Minute), officer)
	refused(t, h, before, err, exam.RefuseTransition)

	h = runningHall(t)
	before = snapshot(t, h)
	_, err = h.IssueMaterials("A3", "9", "", at(20*time.Minute), officer)
	refused(t, h, before, err, exam.RefuseAfterStart)
}

// §1.3: "The starting time for the exam is the time the examinees received
// the last exam material."
func TestProposeStartIsTheLastMaterialsTime(t *testing.T) {
	h := readyHall(t)
	got, err := h.ProposeStart()
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(at(12 * time.Minute)) {
		t.Errorf("proposal %v, want the latest materials time %v", got, at(12*time.Minute))
	}

	// Materials recorded out of roster order: the latest moment (A2's), not
	// the last recorded (A1's) nor the last row's (A3's).
	h = newHall(t)
	for _, id := range []string{"A1", "A2", "A3"} {
		ev, err := h.Arrive(id, at(time.Minute), officer)
		do(t, h, ev, err)
	}
	for _, m := range []struct {
		id string
		d  time.Duration
	}{{"A3", 5 * time.Minute}, {"A2", 9 * time.Minute}, {"A1", 7 * time.Minute}} {
		ev, err := h.IssueMaterials(m.id, "1", "", at(m.d), officer)
		do(t, h, ev, err)
	}
	if got, _ := h.ProposeStart(); !got.Equal(at(9 * time.Minute)) {
		t.Errorf("proposal %v, want %v", got, at(9*time.Minute))
	}
}

func TestProposeStartRefusals(t *testing.T) {
	t.Run("unmarked examinees are named", func(t *testing.T) {
		h := newHall(t)
		ev, err := h.Arrive("A1", at(time.Minute), officer)
		do(t, h, ev, err)
		before := snapshot(t, h)
		_, err = h.ProposeStart()
		r := refused(t, h, before, err, exam.RefuseUnmarked)
		if want := "Иванов Пётр Сергеевич, Жұмабек Ұлан"; len(r.Args) != 1 || r.Args[0] != want {
			t.Errorf("args %v, want %q", r.Args, want)
		}
	})
	t.Run("nobody present", func(t *testing.T) {
		h := newHall(t)
		for _, id := range []string{"A1", "A2", "A3"} {
			ev, err := h.MarkAbsent(id, at(time.Minute), officer)
			do(t, h, ev, err)
		}
		before := snapshot(t, h)
		_, err := h.ProposeStart()
		refused(t, h, before, err, exam.RefuseNobodyPresent)
	})
	t.Run("present without materials are named", func(t *testing.T) {
		h := newHall(t)
		for _, id := range []string{"A1", "A2", "A3"} {
			ev, err := h.Arrive(id, at(time.Minute), officer)
			do(t, h, ev, err)
		}
		ev, err := h.IssueMaterials("A2", "3", "", at(5*time.Minute), officer)
		do(t, h, ev, err)
		before := snapshot(t, h)
		_, err = h.ProposeStart()
		r := refused(t, h, before, err, exam.RefuseMaterialsMissing)
		if want := "Сәрсенбаева Айгерім Қайратқызы, Жұмабек Ұлан"; len(r.Args) != 1 || r.Args[0] != want {
			t.Errorf("args %v, want %q", r.Args, want)
		}
	})
	t.Run("already started", func(t *testing.T) {
		h := runningHall(t)
		before := snapshot(t, h)
		_, err := h.ProposeStart()
		r := refused(t, h, before, err, exam.RefuseAlreadyStarted)
		if len(r.Args) != 1 || r.Args[0] != h.Start {
			t.Errorf("args %v, want the start %v", r.Args, h.Start)
		}
	})
}

// §1.3: start and end are fixed; the end is the start plus 3 hours.
func TestStartExamConfirmingTheProposal(t *testing.T) {
	h := readyHall(t)
	// The materials of the last examinee were recorded at 09:12:00.700: the
	// board shows whole seconds, and confirming that moment is confirming
	// the proposal.
	ev, err := h.Arrive("A3", at(3*time.Minute), officer) // A3 absent → present
	do(t, h, ev, err)
	last := at(13*time.Minute + 700*time.Millisecond)
	ev, err = h.IssueMaterials("A3", "2", "", last, officer)
	do(t, h, ev, err)
	proposal, err := h.ProposeStart()
	if err != nil || !proposal.Equal(last) {
		t.Fatalf("proposal %v, %v", proposal, err)
	}
	ev, err = h.StartExam(proposal, "ignored: nothing was corrected", at(14*time.Minute), officer)
	if err != nil {
		t.Fatal(err)
	}
	d := payload[exam.ExamStartedData](t, ev)
	wantStart := at(13 * time.Minute)
	if !d.Start.Equal(wantStart) || !d.End.Equal(wantStart.Add(3*time.Hour)) || !d.Proposed.Equal(last) || d.Reason != "" {
		t.Errorf("payload %+v; want start %v, end 3h later, no reason", d, wantStart)
	}
	applyAll(t, h, ev)
	if h.Phase != exam.PhaseRunning || !h.Start.Equal(wantStart) || !h.End.Equal(exam.EndOf(wantStart)) ||
		h.StartCorrection != "" || !h.ProposedStart.Equal(last) {
		t.Errorf("hall after start: phase %s start %v end %v proposed %v correction %q",
			h.Phase, h.Start, h.End, h.ProposedStart, h.StartCorrection)
	}
	if !h.Phase.Started() {
		t.Error("PhaseRunning.Started() = false")
	}
}

func TestStartExamCorrection(t *testing.T) {
	proposal := at(12 * time.Minute)
	now := at(15 * time.Minute)
	for _, tc := range []struct {
		name   string
		start  time.Time
		reason string
		code   string
	}{
		{"moved back with a reason", proposal.Add(-5 * time.Minute), "last ticket handed at 09:07, typed late", ""},
		{"moved back by exactly 30 minutes", proposal.Add(-exam.StartCorrectionWindow), "recorded late", ""},
		{"a correction needs a reason", proposal.Add(-5 * time.Minute), "  ", exam.RefuseCorrectionReason},
		{"not after now", now.Add(time.Second), "clock", exam.RefuseStartInFuture},
		{"not more than 30 minutes before the proposal", proposal.Add(-exam.StartCorrectionWindow - time.Second), "forgot", exam.RefuseStartTooEarly},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := readyHall(t)
			before := snapshot(t, h)
			ev, err := h.StartExam(tc.start, tc.reason, now, officer)
			if tc.code != "" {
				refused(t, h, before, err, tc.code)
				return
			}
			do(t, h, ev, err)
			if !h.Start.Equal(tc.start) || !h.End.Equal(tc.start.Add(3*time.Hour)) ||
				!h.ProposedStart.Equal(proposal) || h.StartCorrection != strings.TrimSpace(tc.reason) {
				t.Errorf("start %v end %v proposed %v reason %q", h.Start, h.End, h.ProposedStart, h.StartCorrection)
			}
		})
	}
}

func TestStartExamRefusals(t *testing.T) {
	h := newHall(t)
	before := snapshot(t, h)
	_, err := h.StartExam(t0, "", t0, officer)
	refused(t, h, before, err, exam.RefuseUnmarked)

	h = runningHall(t)
	before = snapshot(t, h)
	_, err = h.StartExam(at(12*time.Minute), "", at(20*time.Minute), officer)
	refused(t, h, before, err, exam.RefuseAlreadyStarted)
}

// clockEvent is what a due clock event says, for comparing.
type clockEvent struct {
	Type   string
	Mark   int
	LateBy int64
}

func clockEvents(t *testing.T, evs []exam.Event) []clockEvent {
	t.Helper()
	var out []clockEvent
	for _, ev := range evs {
		if ev.Actor != exam.ActorSystem {
			t.Errorf("%s by %q, want the system", ev.Type, ev.Actor)
		}
		switch ev.Type {
		case exam.TypeWarning:
			d := payload[exam.WarningData](t, ev)
			out = append(out, clockEvent{ev.Type, d.MinutesLeft, d.LateBySeconds})
		case exam.TypeTimeUp:
			d := payload[exam.TimeUpData](t, ev)
			out = append(out, clockEvent{ev.Type, 0, d.LateBySeconds})
		default:
			t.Errorf("unexpected clock event %s", ev.Type)
		}
	}
	return out
}

// The warnings at 30, 15 and 5 minutes left and the time-up at the end of
// §1.3's 3 hours, each exactly once, as the clock ticks.
func TestDueClockEventsTickByTick(t *testing.T) {
	h := runningHall(t)
	end := h.End
	minute := time.Minute
	for _, step := range []struct {
		now  time.Time
		want []clockEvent
	}{
		{h.Start, nil},
		{end.Add(-30*minute - time.Second), nil},
		{end.Add(-30 * minute), []clockEvent{{exam.TypeWarning, 30, 0}}},
		{end.Add(-30*minute + time.Second), nil},
		{end.Add(-15*minute - time.Second), nil},
		{end.Add(-15 * minute), []clockEvent{{exam.TypeWarning, 15, 0}}},
		{end.Add(-5 * minute), []clockEvent{{exam.TypeWarning, 5, 0}}},
		{end.Add(-time.Second), nil},
		{end, []clockEvent{{exam.TypeTimeUp, 0, 0}}},
		{end.Add(time.Second), nil},
		{end.Add(time.Hour), nil},
	} {
		evs := h.DueClockEvents(step.now)
		if got := clockEvents(t, evs); fmt.Sprint(got) != fmt.Sprint(step.want) {
			t.Fatalf("at %v left: %v, want %v", end.Sub(step.now), got, step.want)
		}
		applyAll(t, h, evs...)
	}
	if h.Phase != exam.PhaseTimeUp || !h.TimeUpAt.Equal(end) || !slices.Equal(h.Warnings, []int{30, 15, 5}) {
		t.Errorf("phase %s, time up at %v, warnings %v", h.Phase, h.TimeUpAt, h.Warnings)
	}
	for _, m := range exam.WarningMarks {
		if !h.WarningGiven(m) {
			t.Errorf("WarningGiven(%d) = false", m)
		}
	}
}

// After a restart (or a sleep) the marks passed while the program was not
// running are given at once, in order, saying how late.
func TestDueClockEventsAfterARestart(t *testing.T) {
	minute := time.Minute
	for _, tc := range []struct {
		name  string
		given []int         // warnings already given before the restart
		left  time.Duration // time left when the program comes back
		want  []clockEvent
	}{
		{"past 30 and 15", nil, 14 * minute, []clockEvent{{exam.TypeWarning, 30, 16 * 60}, {exam.TypeWarning, 15, 60}}},
		{"past every mark", nil, 4 * minute, []clockEvent{
			{exam.TypeWarning, 30, 26 * 60}, {exam.TypeWarning, 15, 11 * 60}, {exam.TypeWarning, 5, 60}}},
		{"past the end", nil, -10 * time.Second, []clockEvent{
			{exam.TypeWarning, 30, 30*60 + 10}, {exam.TypeWarning, 15, 15*60 + 10}, {exam.TypeWarning, 5, 5*60 + 10},
			{exam.TypeTimeUp, 0, 10}}},
		{"30 given, past 15 and 5", []int{30}, 3 * minute, []clockEvent{{exam.TypeWarning, 15, 12 * 60}, {exam.TypeWarning, 5, 2 * 60}}},
		{"within a tick's grace is not late", nil, 30*minute - 2*time.Second, []clockEvent{{exam.TypeWarning, 30, 0}}},
		{"just beyond the grace is late", nil, 30*minute - 3*time.Second, []clockEvent{{exam.TypeWarning, 30, 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := runningHall(t)
			for _, m := range tc.given {
				applyAll(t, h, h.DueClockEvents(h.End.Add(-time.Duration(m)*minute))...)
			}
			now := h.End.Add(-tc.left)
			evs := h.DueClockEvents(now)
			if got := clockEvents(t, evs); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for _, ev := range evs {
				if !ev.At.Equal(now) {
					t.Errorf("%s at %v, want now %v", ev.Type, ev.At, now)
				}
			}
			applyAll(t, h, evs...)
			if again := h.DueClockEvents(now); len(again) != 0 {
				t.Errorf("given twice: %v", clockEvents(t, again))
			}
		})
	}
}

func TestDueClockEventsOnlyWhileRunning(t *testing.T) {
	h := readyHall(t)
	if evs := h.DueClockEvents(at(10 * time.Hour)); evs != nil {
		t.Errorf("clock events before the start: %+v", evs)
	}
}

// SPEC, Records: a jump of the system clock while running is noticed and
// logged.
func TestClockJumped(t *testing.T) {
	h := runningHall(t)
	before := snapshot(t, h)
	_, err := h.ClockJumped(time.Second+2*time.Second, time.Second, at(time.Hour))
	refused(t, h, before, err, exam.RefuseNoJump)

	ev, err := h.ClockJumped(20*time.Minute, time.Second, at(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	d := payload[exam.ClockJumpData](t, ev)
	if ev.Type != exam.TypeClockJump || ev.Actor != exam.ActorSystem ||
		d.JumpSeconds != 20*60-1 || d.WallElapsedSeconds != 20*60 || d.MonoElapsedSeconds != 1 {
		t.Errorf("event %+v payload %+v", ev, d)
	}
	applyAll(t, h, ev)
	ev, err = h.ClockJumped(time.Second-time.Hour, time.Second, at(2*time.Hour))
	do(t, h, ev, err)
	if h.ClockJumps != 2 || h.LastJumpSeconds != -3600 || !h.LastJumpAt.Equal(at(2*time.Hour)) {
		t.Errorf("jumps %d, last %v s at %v", h.ClockJumps, h.LastJumpSeconds, h.LastJumpAt)
	}
	// The exam's start and end are persisted instants: a jump does not move them.
	if !h.End.Equal(at(12*time.Minute + 3*time.Hour)) {
		t.Errorf("end moved to %v", h.End)
	}
}

// The refusal's own text is for logs and tests: it names the code and the
// arguments, so a log line says which rule refused.
func TestRefusalErrorForLogs(t *testing.T) {
	for _, tc := range []struct {
		r    *exam.Refusal
		want string
	}{
		{&exam.Refusal{Code: exam.RefuseNoHall}, "refused: no_hall"},
		{&exam.Refusal{Code: exam.RefuseTransition, Args: []any{"Жұмабек Ұлан", "absent", "materials"}},
			"refused: transition (Жұмабек Ұлан, absent, materials)"},
	} {
		if got := tc.r.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}
