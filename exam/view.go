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
	Out        int // sitting, but out of the audience now (§2.1)
	Finished   int
	Removed    int
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
		case Finished:
			t.Finished++
		case Removed:
			t.Removed++
		default:
			if e.Status == OnBreak {
				t.Out++
			}
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

// OutstandingFor is what is still to settle for one examinee: the items of
// Outstanding that name them (each item names its examinee by seat and
// name, and seats are unique on a roster).
func (h *Hall) OutstandingFor(id string) []Outstanding {
	e, ok := h.byID[id]
	if !ok {
		return nil
	}
	var out []Outstanding
	for _, o := range h.Outstanding() {
		if len(o.Args) >= 2 && o.Args[0] == any(e.Seat) && o.Args[1] == any(e.FullName) {
			out = append(out, o)
		}
	}
	return out
}

// Held is what of the hall's materials an examinee holds: what is
// collected from them when they are removed from the exam (§2.3).
type Held struct {
	Ticket string // the exam ticket (§1.4), by its number
	Sheets int    // answer sheets still with them (§1.5)
	// SheetCodes are the codes of those sheets, when the hall's sheets
	// are barcoded (Hall.Held): what the officer collects, by code.
	SheetCodes  []string
	Situational string // the situational ticket drawn (§1.6)
	Code        bool   // the Criminal Code (§1.6, §2.1)
}

// Empty reports whether nothing is held.
func (m Held) Empty() bool {
	return m.Ticket == "" && m.Sheets == 0 && m.Situational == "" && !m.Code
}

// Held is what e holds (Examinee.Held), with the answer sheets counted
// from the hall's barcoded sheets where it has them: each sheet given to
// e and neither received nor voided, by its code, so a removal's dialog
// can say which sheets to collect.
func (h *Hall) Held(e *Examinee) Held {
	m := e.Held()
	sheets := h.SheetsOf(e.ID)
	if len(sheets) == 0 || !e.HandedInAt.IsZero() {
		return m
	}
	m.Sheets, m.SheetCodes = 0, nil
	for _, s := range sheets {
		if s.State == SheetIssued {
			m.Sheets++
			m.SheetCodes = append(m.SheetCodes, s.Code.Grouped())
		}
	}
	return m
}

// Held is what e holds of the hall's materials. The ticket and the sheets
// are theirs from the materials to the hand-in; once the theory is in
// (§1.5) only the situational problem's sheet is left with them. A removal
// changes none of this, so after it Held says what was collected.
func (e *Examinee) Held() Held {
	m := Held{Code: e.CodeOut}
	if e.MaterialsAt.IsZero() || !e.HandedInAt.IsZero() {
		return m
	}
	m.Ticket, m.Situational = e.Ticket, e.SituationalTicket
	m.Sheets = SheetsPerPacket(e.Level())
	if !e.TheoryInAt.IsZero() {
		m.Sheets = SheetsPerPacket(e.Level()) - TheoryQuestions(e.Level())
	}
	return m
}
