package exam_test

import (
	"testing"

	"examday/exam"
)

var allStatuses = []exam.Status{
	exam.Registered, exam.Present, exam.Absent, exam.Materials, exam.TheoryIn,
	exam.OnBreak, exam.BackIn, exam.Situational, exam.Finished, exam.Removed,
}

// allowed is the day of an examinee, clause by clause. Any pair not listed
// here must be refused.
var allowed = []struct {
	from, to exam.Status
	clause   string
}{
	{exam.Registered, exam.Present, "SPEC 3: arrival, identity checked"},
	{exam.Registered, exam.Absent, "SPEC 3: did not come"},
	{exam.Absent, exam.Present, "SPEC 3: turned up after being marked absent"},
	{exam.Present, exam.Materials, "§1.3, §1.5: ticket and packet received"},
	{exam.Present, exam.Removed, "§2.2 a, §2.3: phone found at the door"},
	{exam.Materials, exam.TheoryIn, "§1.5: theory sheets handed in"},
	{exam.Materials, exam.Removed, "§2.3"},
	{exam.Materials, exam.OnBreak, "§2.2 d: out only for emergency medical care (the action checks)"},
	{exam.TheoryIn, exam.Finished, "hands in without solving the situational problem"},
	{exam.OnBreak, exam.Materials, "back from an exit for medical care, still writing the theory"},
	{exam.OnBreak, exam.Situational, "back from an exit for medical care, solving the problem"},
	{exam.BackIn, exam.OnBreak, "§2.2 d: a second exit only for emergency medical care (the action checks)"},
	{exam.BackIn, exam.Finished, "hands in without solving the situational problem"},
	{exam.Situational, exam.OnBreak, "§2.2 d: out only for emergency medical care (the action checks)"},
	{exam.Finished, exam.Removed, "§2.2 h, §2.3: materials taken out, found after the hand-in"},
	{exam.TheoryIn, exam.OnBreak, "§1.3, §2.1: break after the theoretical part"},
	{exam.TheoryIn, exam.Situational, "§1.6: situational ticket without a break"},
	{exam.TheoryIn, exam.Removed, "§2.3"},
	{exam.OnBreak, exam.BackIn, "§2.1: back within the break"},
	{exam.OnBreak, exam.Removed, "§2.3"},
	{exam.BackIn, exam.Situational, "§1.6: situational ticket after the break"},
	{exam.BackIn, exam.Removed, "§2.3"},
	{exam.Situational, exam.Finished, "§1.5–§1.6: everything handed in"},
	{exam.Situational, exam.Removed, "§2.3"},
}

func TestCanFollowAllowsTheDayOfTheRegulation(t *testing.T) {
	for _, tc := range allowed {
		if !exam.CanFollow(tc.from, tc.to) {
			t.Errorf("%s → %s refused; allowed by %s", tc.from, tc.to, tc.clause)
		}
	}
}

func TestCanFollowRefusesEverythingElse(t *testing.T) {
	isAllowed := map[[2]exam.Status]bool{}
	for _, tc := range allowed {
		isAllowed[[2]exam.Status{tc.from, tc.to}] = true
	}
	for _, from := range allStatuses {
		for _, to := range allStatuses {
			if isAllowed[[2]exam.Status{from, to}] {
				continue
			}
			if exam.CanFollow(from, to) {
				t.Errorf("%s → %s allowed; the regulation's day has no such step", from, to)
			}
		}
	}
}

// A few refusals a reader looks for by name, with the clause that forbids
// them (the exhaustive check is above).
func TestCanFollowRefusesNamedSteps(t *testing.T) {
	for _, tc := range []struct {
		from, to exam.Status
		why      string
	}{
		{exam.Registered, exam.Materials, "SPEC 3–4: materials only to someone marked present"},
		{exam.Absent, exam.Materials, "SPEC 3–4: an absentee gets no materials"},
		{exam.Materials, exam.Situational, "§1.5–§1.6: theory sheets first"},
		{exam.Present, exam.Absent, "present is not undone by an absence"},
		{exam.Registered, exam.Removed, "§2.3: removal only of someone who came"},
		{exam.Finished, exam.Present, "finished is final but for a removal"},
		{exam.Removed, exam.Present, "§2.3: removed is final"},
		{exam.Status("graduated"), exam.Present, "an unknown status has no successor"},
	} {
		if exam.CanFollow(tc.from, tc.to) {
			t.Errorf("%s → %s allowed; %s", tc.from, tc.to, tc.why)
		}
	}
	for _, to := range allStatuses {
		if exam.CanFollow(exam.Removed, to) {
			t.Errorf("removed → %s allowed; a removal ends the day (§2.3)", to)
		}
		if to != exam.Removed && exam.CanFollow(exam.Finished, to) {
			t.Errorf("finished → %s allowed; the hand-in ends the day (§1.5–§1.6)", to)
		}
		if exam.CanFollow(to, to) {
			t.Errorf("%s → %s allowed: a status does not follow itself", to, to)
		}
	}
}

func TestSittingIsArrivedAndNotDone(t *testing.T) {
	sitting := map[exam.Status]bool{
		exam.Present: true, exam.Materials: true, exam.TheoryIn: true,
		exam.OnBreak: true, exam.BackIn: true, exam.Situational: true,
	}
	for _, s := range allStatuses {
		if got := s.Sitting(); got != sitting[s] {
			t.Errorf("%s.Sitting() = %v, want %v", s, got, sitting[s])
		}
	}
}
