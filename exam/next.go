package exam

// Action is a step of an examinee's day the officer may take: the screens
// map each to a key and ask the hall which ones are open now.
type Action string

const (
	ActPresent     Action = "present"     // §1.3: identity checked, present
	ActMaterials   Action = "materials"   // §1.3, §1.5: ticket and packet
	ActTheory      Action = "theory"      // §1.5: theory sheets in
	ActOut         Action = "out"         // §2.1 break, or §2.2 d medical care
	ActBackIn      Action = "back_in"     // back from the break or care
	ActSituational Action = "situational" // §1.6: the situational ticket
	ActCode        Action = "code"        // §1.6: the Criminal Code out or back
	ActHandIn      Action = "hand_in"     // §1.5–§1.6: the final hand-in
	ActViolation   Action = "violation"   // §2.2–§2.3
	ActSeat        Action = "seat"        // a seat change during the exam
)

// NextActions are the steps open to e now, in the order of the day: what
// a screen offers on the key line (each decision still checks itself).
// Nothing is open once the hall is closed.
func (h *Hall) NextActions(e *Examinee) []Action {
	if e == nil || h.Phase == PhaseClosed {
		return nil
	}
	var out []Action
	switch e.Status {
	case Registered, Absent:
		out = []Action{ActPresent}
	case Present:
		out = []Action{ActMaterials, ActViolation}
	case Materials:
		out = []Action{ActTheory, ActOut, ActViolation}
	case TheoryIn:
		out = []Action{ActOut, ActSituational, ActHandIn, ActViolation}
	case OnBreak:
		out = []Action{ActBackIn, ActViolation}
	case BackIn:
		out = []Action{ActSituational, ActHandIn, ActViolation}
	case Situational:
		out = []Action{ActCode, ActHandIn, ActViolation}
	case Finished:
		out = []Action{ActViolation}
	}
	// The Code still out after the situational part (a forced hand-in, a
	// removal): it can still come back.
	if e.CodeOut && e.Status != Situational {
		out = append([]Action{ActCode}, out...)
	}
	// A seat change is for someone in the room, once the exam has begun.
	if h.Phase.Started() && e.Status.Sitting() && e.Status != OnBreak {
		out = append(out, ActSeat)
	}
	return out
}
