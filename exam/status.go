package exam

// Status is where an examinee is in their day. The order of the day is
// §1.3–§1.6 and §2.1–§2.3: arrival, materials, the theoretical part, the
// hand-in of the theory sheets, the break, the situational problem, the
// final hand-in; a removal (§2.3) can end it at any point after arrival.
type Status string

const (
	Registered  Status = "registered"  // on the roster, not yet marked
	Present     Status = "present"     // identity document checked
	Absent      Status = "absent"      // did not come
	Materials   Status = "materials"   // received ticket and sheets (§1.3, §1.5)
	TheoryIn    Status = "theory_in"   // theory sheets handed in (§1.5)
	OnBreak     Status = "on_break"    // out of the audience (§2.1)
	BackIn      Status = "back_in"     // back from the break
	Situational Status = "situational" // drew the situational ticket (§1.6)
	Finished    Status = "finished"    // handed everything in
	Removed     Status = "removed"     // removed from the exam (§2.3)
)

// transitions is the state machine of an examinee's day: what may follow
// what. Everything not listed is refused.
var transitions = map[Status][]Status{
	// Arrival and identity check, or absence (SPEC step 3).
	Registered: {Present, Absent},
	// Someone marked absent who turns up is marked present by a new event;
	// the absence stays in the log. After the start that is a late
	// admission, with the chairman's agreement.
	Absent: {Present},
	// §1.3: the materials are the ticket and the packet of §1.5. An
	// examinee found with a phone at the door can be removed (§2.2 a, §2.3).
	Present: {Materials, Removed},
	// §1.5: the theory sheets are handed in before anything else. Leaving
	// the audience before that is only for emergency medical care (§2.2 d).
	Materials: {TheoryIn, OnBreak, Removed},
	// §2.1: the break comes after the theoretical part; §1.6: the
	// situational ticket is drawn after it, with or without a break. An
	// examinee may also hand in without solving the situational problem.
	TheoryIn: {OnBreak, Situational, Finished, Removed},
	// Back from the break (§2.1), or, after an exit for emergency medical
	// care, back to where they were.
	OnBreak: {BackIn, Materials, Situational, Removed},
	// A second exit is only for emergency medical care (§2.2 d).
	BackIn: {Situational, OnBreak, Finished, Removed},
	// §1.5–§1.6: the situational sheet and the ticket end the day.
	Situational: {Finished, OnBreak, Removed},
	// §2.2 h: taking materials out of the audience can be found after the
	// hand-in, and the decision of §2.3 may still remove the examinee.
	Finished: {Removed},
}

// CanFollow reports whether an examinee in status from may move to to.
func CanFollow(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Sitting reports whether the examinee is still in the exam: arrived, not
// finished and not removed.
func (s Status) Sitting() bool {
	switch s {
	case Present, Materials, TheoryIn, OnBreak, BackIn, Situational:
		return true
	}
	return false
}
