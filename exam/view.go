package exam

// Derived facts for the screens: counts and the current warning. They are
// read from the state, never stored, and decide nothing.

// Tally counts the roster by where each examinee is.
type Tally struct {
	Total      int
	Unmarked   int // not marked present or absent yet
	Absent     int
	Present    int // arrived and still sitting (materials or not)
	Materials  int // present examinees who hold their materials, or more
	NoMaterial int // present examinees still waiting for materials
}

// Tally counts the roster.
func (h *Hall) Tally() Tally {
	t := Tally{Total: len(h.examinees)}
	for _, e := range h.examinees {
		switch e.Status {
		case Registered:
			t.Unmarked++
		case Absent:
			t.Absent++
		case Present:
			t.Present++
			t.NoMaterial++
		default:
			if e.Status.Sitting() {
				t.Present++
				t.Materials++
			}
		}
	}
	return t
}

// Writing is how the roster shows an examinee who holds the materials
// while the exam runs: not a state of the day's machine, a way to read
// Materials once the clock is going.
const Writing Status = "writing"

// DisplayStatus is the status to show for e.
func (h *Hall) DisplayStatus(e *Examinee) Status {
	if e.Status == Materials && h.Phase == PhaseRunning {
		return Writing
	}
	return e.Status
}

// LastWarning is the latest warning mark given (the fewest minutes left),
// and whether any was given. After the time is up the board says that
// instead.
func (h *Hall) LastWarning() (int, bool) {
	last, ok := 0, false
	for _, w := range h.Warnings {
		if !ok || w < last {
			last, ok = w, true
		}
	}
	return last, ok
}
