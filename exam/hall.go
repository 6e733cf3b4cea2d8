package exam

import (
	"encoding/json"
	"fmt"
	"time"

	"examday/barcode"
)

// Phase is the state of the whole hall.
type Phase string

const (
	PhaseEmpty     Phase = ""          // no hall in the file yet
	PhaseSetup     Phase = "setup"     // roster in, arrivals being marked
	PhaseMaterials Phase = "materials" // materials being issued
	PhaseRunning   Phase = "running"   // started (§1.3)
	PhaseTimeUp    Phase = "time_up"   // the 3 hours are over
	PhaseClosed    Phase = "closed"    // closed, read-only
)

// Started reports whether the exam's start has been fixed.
func (p Phase) Started() bool {
	return p == PhaseRunning || p == PhaseTimeUp || p == PhaseClosed
}

// Examinee is one row of the roster and where they are in their day.
type Examinee struct {
	// Ordinal is the position in the roster, from 0; rows are shown and
	// stored in this order.
	Ordinal     int       `json:"ordinal"`
	ID          string    `json:"id"`
	FullName    string    `json:"full_name"`
	Programme   string    `json:"programme"`
	IDDocument  string    `json:"id_document"`
	Seat        string    `json:"seat"`
	Status      Status    `json:"status"`
	ArrivedAt   time.Time `json:"arrived_at,omitzero"`
	AbsentAt    time.Time `json:"absent_at,omitzero"`
	MaterialsAt time.Time `json:"materials_at,omitzero"`
	Ticket      string    `json:"ticket,omitempty"`
	Packet      string    `json:"packet,omitempty"`

	// After the start (§1.3): admitted late with the chairman's agreement.
	AdmittedLate bool `json:"admitted_late,omitempty"`
	// §1.5: theory sheets handed in.
	TheoryInAt time.Time `json:"theory_in_at,omitzero"`
	// §2.1: the break. BreakTaken once the one permitted break began;
	// OutMedical while out for emergency medical care; ReturnTo is the
	// status to go back to when they come in.
	BreakTaken  bool      `json:"break_taken,omitempty"`
	OutMedical  bool      `json:"out_medical,omitempty"`
	OutReason   string    `json:"out_reason,omitempty"`
	ReturnTo    Status    `json:"return_to,omitempty"`
	OutAt       time.Time `json:"out_at,omitzero"`
	BackAt      time.Time `json:"back_at,omitzero"`
	BreakOutAt  time.Time `json:"break_out_at,omitzero"`
	BreakBackAt time.Time `json:"break_back_at,omitzero"`
	// §1.6: the situational ticket and the Criminal Code.
	SituationalTicket string    `json:"situational_ticket,omitempty"`
	SituationalAt     time.Time `json:"situational_at,omitzero"`
	CodeOut           bool      `json:"code_out,omitempty"`
	CodeOutAt         time.Time `json:"code_out_at,omitzero"`
	CodeBackAt        time.Time `json:"code_back_at,omitzero"`
	// The final hand-in.
	HandedInAt         time.Time `json:"handed_in_at,omitzero"`
	HandInLateBy       int64     `json:"hand_in_late_s,omitempty"`
	HandInForced       string    `json:"hand_in_forced,omitempty"`
	WithoutSituational bool      `json:"without_situational,omitempty"`
	// WithoutSituationalReason: why, as the officer said.
	WithoutSituationalReason string `json:"without_situational_reason,omitempty"`
	// §2.2–§2.3.
	Violations int `json:"violations,omitempty"`
	// LateOffered: a late hand-in (§2.2 i) was offered once already.
	LateOffered bool      `json:"late_offered,omitempty"`
	RemovedAt   time.Time `json:"removed_at,omitzero"`
	// Seqs are the events of this examinee's day, in order: the timeline,
	// and what a correction replays.
	Seqs []uint64 `json:"seqs,omitempty"`
}

// Level is the level of the examinee's programme.
func (e *Examinee) Level() Level {
	p, _ := ProgrammeByCode(e.Programme)
	return p.Level
}

// Hall is the state of one exam hall: the projection of its log. The store
// keeps it on disk beside the log and rebuilds nothing at open; Apply is the
// only thing that changes it.
type Hall struct {
	Name       string   `json:"name"`
	Date       string   `json:"date"`
	Officer    string   `json:"officer"`
	Chairman   string   `json:"chairman"`
	Members    []string `json:"members,omitempty"`
	Demo       bool     `json:"demo,omitempty"` // the demo's hall, as its hall.created event says
	Programmes []string `json:"programmes"`
	Phase      Phase    `json:"phase"`
	// Start and End as fixed by exam.started (§1.3). They never change
	// silently: only an event could change them.
	Start           time.Time `json:"start,omitzero"`
	End             time.Time `json:"end,omitzero"`
	ProposedStart   time.Time `json:"proposed_start,omitzero"`
	StartCorrection string    `json:"start_correction,omitempty"`
	// Warnings are the marks (minutes left) already given.
	Warnings   []int     `json:"warnings,omitempty"`
	TimeUpAt   time.Time `json:"time_up_at,omitzero"`
	ClockJumps int       `json:"clock_jumps"`
	// LastJump is the size of the last clock jump, for the dashboard.
	LastJumpSeconds float64   `json:"last_jump_s,omitempty"`
	LastJumpAt      time.Time `json:"last_jump_at,omitzero"`
	// Interruption of the whole hall (evacuation, power cut): while
	// Interrupted the clock stands; at its end End moves by its length.
	Interrupted       bool      `json:"interrupted,omitempty"`
	InterruptedAt     time.Time `json:"interrupted_at,omitzero"`
	InterruptionKind  string    `json:"interruption_kind,omitempty"`
	InterruptedTotalS int64     `json:"interrupted_total_s,omitempty"`
	// Offers are violations the application suggested (a break overrun, a
	// late hand-in) that the officer has not confirmed or dismissed yet.
	Offers []Offer `json:"offers,omitempty"`
	// Cancelled are the events cancelled by a correction, with the seq of
	// the correction.
	Cancelled map[uint64]uint64 `json:"cancelled,omitempty"`
	// The chairman's PIN prompt: wrong PINs in a row, the lock, and how
	// many locks in a row there have been since the last right PIN.
	PINFailures    int       `json:"pin_failures,omitempty"`
	PINLockedUntil time.Time `json:"pin_locked_until,omitzero"`
	PINLocks       int       `json:"pin_locks,omitempty"`
	// PINRecord is the SHA-256 (hex) of the chairman's PIN record as the
	// hall was created with it (HallCreatedData.PINRecord); "" for a hall
	// created before the log committed to it.
	PINRecord string    `json:"pin_record,omitempty"`
	ClosedAt  time.Time `json:"closed_at,omitzero"`
	// LastSeq is the sequence number of the last event applied.
	LastSeq uint64 `json:"last_seq"`

	// Session is the 4-digit code of this exam session on every sheet's
	// barcode, set by the first print of the sheets.
	Session string `json:"session,omitempty"`

	// sheets are kept by the store in records of their own, beside the
	// hall's; changedSheets are those an event changed, for the store to
	// write with it.
	sheets map[barcode.Code]*Sheet
	// sheetsBy is each examinee's sheets, by code: a scan asks what the
	// examinee still holds, and a big hall has thousands of sheets.
	sheetsBy      map[string][]barcode.Code
	changedSheets map[barcode.Code]bool

	examinees []*Examinee
	byID      map[string]*Examinee
}

// NewHall returns the state of a file with no hall in it.
func NewHall() *Hall { return &Hall{byID: map[string]*Examinee{}} }

// Exists reports whether a hall has been created.
func (h *Hall) Exists() bool { return h.Phase != PhaseEmpty }

// Examinees returns the roster in its order. The slice is the hall's own:
// read it, do not change it.
func (h *Hall) Examinees() []*Examinee { return h.examinees }

// Examinee finds an examinee by id.
func (h *Hall) Examinee(id string) (*Examinee, bool) {
	e, ok := h.byID[id]
	return e, ok
}

// AddLoaded puts an examinee record read from the store back into the hall.
// Records must be added in ordinal order.
func (h *Hall) AddLoaded(e *Examinee) error {
	if e.Ordinal != len(h.examinees) {
		return fmt.Errorf("examinee record %q has ordinal %d, expected %d", e.ID, e.Ordinal, len(h.examinees))
	}
	if h.byID == nil {
		h.byID = map[string]*Examinee{}
	}
	h.examinees = append(h.examinees, e)
	h.byID[e.ID] = e
	return nil
}

// Clone returns a deep copy, for a reader that must not see later changes.
func (h *Hall) Clone() *Hall {
	c := *h
	c.Members = append([]string(nil), h.Members...)
	c.Programmes = append([]string(nil), h.Programmes...)
	c.Warnings = append([]int(nil), h.Warnings...)
	c.Offers = append([]Offer(nil), h.Offers...)
	if h.Cancelled != nil {
		c.Cancelled = make(map[uint64]uint64, len(h.Cancelled))
		for k, v := range h.Cancelled {
			c.Cancelled[k] = v
		}
	}
	c.sheets = nil
	if h.sheets != nil {
		c.sheets = make(map[barcode.Code]*Sheet, len(h.sheets))
		for k, v := range h.sheets {
			cp := *v
			c.sheets[k] = &cp
		}
	}
	c.sheetsBy = nil
	if h.sheetsBy != nil {
		c.sheetsBy = make(map[string][]barcode.Code, len(h.sheetsBy))
		for k, v := range h.sheetsBy {
			c.sheetsBy[k] = append([]barcode.Code(nil), v...)
		}
	}
	c.changedSheets = nil
	c.examinees = make([]*Examinee, len(h.examinees))
	c.byID = make(map[string]*Examinee, len(h.examinees))
	backing := make([]Examinee, len(h.examinees))
	for i, e := range h.examinees {
		backing[i] = *e
		backing[i].Seqs = append([]uint64(nil), e.Seqs...)
		c.examinees[i] = &backing[i]
		c.byID[e.ID] = &backing[i]
	}
	return &c
}

// WarningGiven reports whether the warning at mark minutes left was given.
func (h *Hall) WarningGiven(mark int) bool {
	for _, w := range h.Warnings {
		if w == mark {
			return true
		}
	}
	return false
}

// Apply folds one event into the state. It returns the ordinals of the
// examinee records it changed, so the store writes exactly those beside the
// event. An event that does not fit the state is an error: the store then
// writes nothing.
func (h *Hall) Apply(ev Event, history EventSource) ([]int, error) {
	if ev.Seq != h.LastSeq+1 {
		return nil, fmt.Errorf("event %d applied after %d", ev.Seq, h.LastSeq)
	}
	touched, err := h.apply(ev, history)
	if err != nil {
		return nil, fmt.Errorf("event %d (%s): %w", ev.Seq, ev.Type, err)
	}
	h.LastSeq = ev.Seq
	return touched, nil
}

func (h *Hall) apply(ev Event, history EventSource) ([]int, error) {
	if ev.Type != TypeHallCreated && !h.Exists() {
		return nil, fmt.Errorf("no hall yet")
	}
	if eventKinds[ev.Type].examinee {
		return h.applyExaminees(ev)
	}
	switch ev.Type {
	case TypeHallCreated:
		if h.Exists() {
			return nil, fmt.Errorf("hall already created")
		}
		var d HallCreatedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return nil, err
		}
		h.Name, h.Date, h.Officer, h.Chairman = d.Name, d.Date, d.Officer, d.Chairman
		h.Members, h.Demo = d.Members, d.Demo
		h.PINRecord = d.PINRecord
		h.Phase = PhaseSetup
		return nil, nil

	case TypeRosterImported:
		var d RosterImportedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return nil, err
		}
		if len(h.examinees) > 0 {
			return nil, fmt.Errorf("roster already imported")
		}
		// Check every id before adding any: a refused event must leave the
		// hall as it was, not with half a roster.
		seen := map[string]bool{}
		for _, r := range d.Examinees {
			if seen[r.ID] {
				return nil, fmt.Errorf("duplicate examinee %q", r.ID)
			}
			seen[r.ID] = true
		}
		if h.byID == nil {
			h.byID = map[string]*Examinee{}
		}
		codes := map[string]bool{}
		touched := make([]int, len(d.Examinees))
		for i, r := range d.Examinees {
			e := &Examinee{Ordinal: i, ID: r.ID, FullName: r.FullName, Programme: r.Programme,
				IDDocument: r.IDDocument, Seat: r.Seat, Status: Registered}
			h.examinees = append(h.examinees, e)
			h.byID[e.ID] = e
			codes[r.Programme] = true
			touched[i] = i
		}
		h.Programmes = sortedCodes(codes)
		return touched, nil

	case TypeCancelled:
		return h.applyCancel(ev, history)

	case TypeSheetsPrinted:
		return h.applySheets(ev)

	case TypeInterruptionStarted, TypeInterruptionEnded, TypePINFailed, TypeHallClosed:
		return nil, h.applyHallSide(ev)

	case TypeExamStarted:
		if h.Phase.Started() {
			return nil, fmt.Errorf("already started")
		}
		var d ExamStartedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return nil, err
		}
		h.Start, h.End, h.ProposedStart, h.StartCorrection = d.Start, d.End, d.Proposed, d.Reason
		h.Phase = PhaseRunning
		return nil, nil

	case TypeWarning:
		var d WarningData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return nil, err
		}
		if h.WarningGiven(d.MinutesLeft) {
			return nil, fmt.Errorf("warning at %d minutes already given", d.MinutesLeft)
		}
		h.Warnings = append(h.Warnings, d.MinutesLeft)
		return nil, nil

	case TypeTimeUp:
		if h.Phase != PhaseRunning {
			return nil, fmt.Errorf("time up in phase %s", h.Phase)
		}
		h.Phase = PhaseTimeUp
		h.TimeUpAt = ev.At
		return nil, nil

	case TypeClockJump:
		var d ClockJumpData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return nil, err
		}
		h.ClockJumps++
		h.LastJumpSeconds = d.JumpSeconds
		h.LastJumpAt = ev.At
		return nil, nil
	}
	return nil, fmt.Errorf("unknown event type %q", ev.Type)
}

// applyExaminees is an entry of one examinee's day (eventKinds).
func (h *Hall) applyExaminees(ev Event) ([]int, error) {
	e, ok := h.byID[ev.Examinee]
	if !ok {
		return nil, fmt.Errorf("unknown examinee %q", ev.Examinee)
	}
	// Work on a copy: a refused event must leave the examinee as they
	// were.
	next := *e
	if err := h.applyToExaminee(&next, ev); err != nil {
		return nil, err
	}
	if err := h.applyHallSide(ev); err != nil {
		return nil, err
	}
	next.Seqs = append(append([]uint64(nil), e.Seqs...), ev.Seq)
	*e = next
	if ev.Type == TypeMaterialsIssued && h.Phase == PhaseSetup {
		h.Phase = PhaseMaterials
	}
	return []int{e.Ordinal}, nil
}
