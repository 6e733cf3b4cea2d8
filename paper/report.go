package paper

import (
	"encoding/hex"
	"time"

	"examday/exam"
	"examday/store"
)

// Report is what the hall's report says, as facts: instants, durations,
// codes and names, in no language. WriteCSV and WritePDF put it into
// words through the catalogue.
type Report struct {
	// Generated is when the report was made; it is printed on it and is the
	// PDF's creation date, so the same log and the same Generated give the
	// same bytes.
	Generated time.Time
	// Zone is where the report's times of day are read: the zone of
	// Generated, which for the command is the laptop's.
	Zone *time.Location
	// Unverified says why the log this report was made from does not
	// verify (the store opened it read-only); empty when it does. Build
	// cannot know: whoever read the log sets it.
	Unverified string
	// Unreadable are the entries whose payload does not read as their
	// type's (exam.PayloadError): left out of the tables, and named on
	// the report's warning by whoever makes it.
	Unreadable []uint64

	Hall          Hall
	Examinees     []Examinee // in roster order
	Violations    []Violation
	Offers        []Offer
	Corrections   []Correction
	Interruptions []Interruption
	// Sheets are every answer sheet printed for the hall (§1.5), each
	// examinee's in roster and question order, then those never given out.
	Sheets     []Sheet
	Warnings   []Warning
	ClockJumps []ClockJump
	// WrongPINs are the chairman's PINs typed wrong (§2.3), each with
	// what it was for and the lock it started, if it did.
	WrongPINs []WrongPIN
	// Outstanding is what is still to settle (at the close, for a closed
	// hall): catalogue keys with their arguments, as exam decides them.
	Outstanding []exam.Outstanding
	Log         Seal
}

// WrongPIN is one wrong chairman's PIN, as the log has it.
type WrongPIN struct {
	Seq     uint64
	At      time.Time
	Purpose string // what the PIN was for: "violation", "admit_late" …
	// LockedUntil is set when this one locked the prompt; Lock is which
	// lock in a row it was.
	LockedUntil time.Time
	Lock        int
}

// Hall is the hall's part of the report.
type Hall struct {
	Name, Date string
	// Protocol and Place are the number of the commission's protocol and
	// where the exam is held, as whoever makes the report was told them:
	// the hall's file keeps neither, and Build leaves them empty. Empty,
	// the PDF leaves a line to fill in by hand.
	Protocol, Place   string
	Officer, Chairman string
	Members           []string
	Programmes        []string // codes, in the order of §1.2
	Phase             exam.Phase
	ProposedStart     time.Time
	Start             time.Time
	StartCorrection   string // why Start differs from ProposedStart
	PlannedEnd        time.Time
	End               time.Time // after the interruptions
	Interrupted       time.Duration
	TimeUpAt          time.Time
	ClosedAt          time.Time
}

// Seal is what a commission copies from the report onto the paper
// protocol to tie the two together: how many events the log holds and the
// root of its Merkle tree, which the laptop's signed checkpoint names and
// which pins every event's bytes, not only the last one's.
type Seal struct {
	Events int
	Root   [32]byte
}

// HashPrefix is the first 12 hex digits of the root ("" for an empty
// log): short enough to copy by hand, long enough that no other log of the
// day shares it. Hex, not the checkpoint's base64: no letter's case to
// get wrong.
func (s Seal) HashPrefix() string {
	if s.Events == 0 {
		return ""
	}
	return hex.EncodeToString(s.Root[:6])
}

// Who names the examinee an entry is about.
type Who struct {
	ID, Seat, FullName string
}

// Examinee is one row of the roster with the facts of their day. Cancelled
// entries are not among them: the hall replays a corrected day without
// them.
type Examinee struct {
	Who
	Programme    string
	Status       exam.Status
	Absent       bool
	Arrived      time.Time
	AdmittedLate bool
	Materials    time.Time
	Ticket       string
	Packet       string
	TheoryIn     time.Time
	BreakOut     time.Time
	BreakBack    time.Time
	BreakOverrun time.Duration
	MedicalExits []MedicalExit
	// §1.6: the situational ticket and the Criminal Code.
	SituationalTicket string
	SituationalAt     time.Time
	CodeOut, CodeBack time.Time
	CodeStillOut      bool
	// The final hand-in.
	HandedIn           time.Time
	LateBy             time.Duration
	Forced             string
	WithoutSituational bool
	// WithoutSituationalReason is the officer's reason (none in files
	// from before it was asked).
	WithoutSituationalReason string
	Removed                  time.Time
	Violations               int
	// SeatChanges: Seat is where they sat at the end; these, where before.
	SeatChanges []SeatChange
}

// SeatChange is a move to another seat during the exam, and why.
type SeatChange struct {
	At            time.Time
	From, To, Why string
}

// MedicalExit is an exit for emergency medical care (§2.2 d): not a
// violation, and not the break.
type MedicalExit struct {
	Out, Back time.Time // Back is zero while they are still out
	Reason    string
}

// Violation is a violation recorded with its decision (§2.2–§2.3).
type Violation struct {
	Seq         uint64
	At          time.Time
	Who         Who
	Clause      string // a–i or "other"
	Description string
	Witnesses   string
	ActionTaken string
	Decision    string // exam.DecisionWarned or exam.DecisionRemoved
	AgreedBy    string // the chairman of the examination commission
	RecordedBy  string
	Offer       uint64 // the offer it confirms, if any
}

// OfferFate is what became of an offered violation.
type OfferFate string

const (
	OfferOpen      OfferFate = "open"
	OfferConfirmed OfferFate = "confirmed"
	OfferDismissed OfferFate = "dismissed"
	// OfferReopened: confirmed, then the violation that confirmed it was
	// cancelled by a correction, which leaves the offer to decide again.
	OfferReopened OfferFate = "reopened"
)

// Offer is a violation the application offered (a break overrun, a late
// hand-in) and what the officer decided.
type Offer struct {
	Seq     uint64
	At      time.Time
	Who     Who
	Clause  string
	Reason  string // break_overrun, late_hand_in
	Over    time.Duration
	Fate    OfferFate
	FateSeq uint64 // the violation or the dismissal
	FateAt  time.Time
	FateBy  string
	// Dismissed is the reason given for a dismissal.
	Dismissed string
	// CancelledBy is the correction that cancelled the confirming
	// violation, for OfferReopened.
	CancelledBy uint64
}

// Correction is an entry cancelled by a later one, with the reason. The
// cancelled entry stays in the log; its facts are not in the report.
type Correction struct {
	Seq           uint64
	At            time.Time
	Who           Who
	Cancelled     uint64
	CancelledType string
	CancelledAt   time.Time
	Reason        string
	AgreedBy      string
	By            string
}

// Interruption is a stop of the whole hall; End is zero while it lasts.
type Interruption struct {
	Seq      uint64
	Kind     string
	Reason   string
	Start    time.Time
	End      time.Time
	Length   time.Duration
	NewEnd   time.Time
	AgreedBy string
}

// Warning is a minutes-left warning as given.
type Warning struct {
	MinutesLeft int
	At          time.Time
	LateBy      time.Duration
}

// ClockJump is a jump of the system clock noticed while running.
type ClockJump struct {
	At   time.Time
	Jump time.Duration
}

// Build gathers the report of hall h from its log, records (every stored
// event, in order, as store.Events gives them), at generated. Facts of an
// examinee's day come from the hall's state, which a correction already
// replayed without the cancelled entry; what the state does not keep
// (medical exits, violations, offers, corrections, interruptions) comes
// from the log, skipping the cancelled entries.
func Build(h *exam.Hall, records []store.Record, generated time.Time) Report {
	r := Report{Generated: generated, Zone: generated.Location()}
	r.Log.Events, r.Log.Root = len(records), store.RootOf(records)
	r.Hall = Hall{
		Name: h.Name, Date: h.Date, Officer: h.Officer, Chairman: h.Chairman,
		Members:    append([]string(nil), h.Members...),
		Programmes: append([]string(nil), h.Programmes...),
		Phase:      h.Phase, ProposedStart: h.ProposedStart, Start: h.Start,
		StartCorrection: h.StartCorrection, End: h.End,
		Interrupted: time.Duration(h.InterruptedTotalS) * time.Second,
		TimeUpAt:    h.TimeUpAt, ClosedAt: h.ClosedAt,
	}
	if !h.Start.IsZero() {
		r.Hall.PlannedEnd = exam.EndOf(h.Start)
	}

	bySeq := make(map[uint64]exam.Event, len(records))
	for _, rec := range records {
		bySeq[rec.Event.Seq] = rec.Event
	}
	who := func(id string) Who {
		if e, ok := h.Examinee(id); ok {
			return Who{ID: e.ID, Seat: e.Seat, FullName: e.FullName}
		}
		return Who{ID: id}
	}
	cancelled := func(seq uint64) bool { _, ok := h.Cancelled[seq]; return ok }

	for _, e := range h.Examinees() {
		r.Examinees = append(r.Examinees, examineeOf(h, e, bySeq, cancelled))
	}

	offers := map[uint64]int{} // offer seq -> index in r.Offers
	violations := map[uint64]uint64{}
	for _, rec := range records {
		ev := rec.Event
		// Decoded once, here: an entry that does not read is named, not used.
		p, err := ev.Payload()
		if err != nil {
			r.Unreadable = append(r.Unreadable, ev.Seq)
			continue
		}
		switch ev.Type {
		case exam.TypeViolationRecorded:
			d := p.(exam.ViolationData)
			if d.Offer != 0 {
				violations[ev.Seq] = d.Offer
				if i, ok := offers[d.Offer]; ok {
					r.Offers[i].Fate, r.Offers[i].FateSeq, r.Offers[i].FateAt, r.Offers[i].FateBy = OfferConfirmed, ev.Seq, ev.At, ev.Actor
				}
			}
			if cancelled(ev.Seq) {
				continue
			}
			r.Violations = append(r.Violations, Violation{
				Seq: ev.Seq, At: ev.At, Who: who(ev.Examinee), Clause: d.Clause, Description: d.Description,
				Witnesses: d.Witnesses, ActionTaken: d.ActionTaken, Decision: d.Decision, AgreedBy: d.AgreedBy,
				RecordedBy: ev.Actor, Offer: d.Offer,
			})
		case exam.TypeViolationOffered:
			d := p.(exam.OfferData)
			offers[ev.Seq] = len(r.Offers)
			r.Offers = append(r.Offers, Offer{
				Seq: ev.Seq, At: ev.At, Who: who(ev.Examinee), Clause: d.Clause, Reason: d.Reason,
				Over: time.Duration(d.Seconds) * time.Second, Fate: OfferOpen,
			})
		case exam.TypeViolationDismissed:
			d := p.(exam.DismissData)
			if i, ok := offers[d.Offer]; ok {
				o := &r.Offers[i]
				o.Fate, o.FateSeq, o.FateAt, o.FateBy, o.Dismissed = OfferDismissed, ev.Seq, ev.At, ev.Actor, d.Reason
			}
		case exam.TypeCancelled:
			d := p.(exam.CancelData)
			c := Correction{Seq: ev.Seq, At: ev.At, Who: who(ev.Examinee), Cancelled: d.Seq, CancelledType: d.Type,
				Reason: d.Reason, AgreedBy: d.AgreedBy, By: ev.Actor}
			if target, ok := bySeq[d.Seq]; ok {
				c.CancelledAt = target.At
			}
			r.Corrections = append(r.Corrections, c)
			if offer, ok := violations[d.Seq]; ok {
				if i, ok := offers[offer]; ok {
					// Nothing is decided on it now: no time, nobody.
					o := &r.Offers[i]
					o.Fate, o.CancelledBy, o.FateAt, o.FateBy = OfferReopened, ev.Seq, time.Time{}, ""
				}
			}
		case exam.TypeInterruptionStarted:
			d := p.(exam.InterruptionData)
			r.Interruptions = append(r.Interruptions, Interruption{Seq: ev.Seq, Kind: d.Kind, Reason: d.Reason, Start: ev.At, AgreedBy: d.AgreedBy})
		case exam.TypeInterruptionEnded:
			d := p.(exam.InterruptionData)
			if len(r.Interruptions) == 0 {
				continue
			}
			last := &r.Interruptions[len(r.Interruptions)-1]
			last.End, last.Length, last.NewEnd = ev.At, time.Duration(d.Seconds)*time.Second, d.NewEnd
		case exam.TypeWarning:
			d := p.(exam.WarningData)
			r.Warnings = append(r.Warnings, Warning{MinutesLeft: d.MinutesLeft, At: ev.At, LateBy: time.Duration(d.LateBySeconds) * time.Second})
		case exam.TypePINFailed:
			d := p.(exam.PINFailedData)
			r.WrongPINs = append(r.WrongPINs, WrongPIN{Seq: ev.Seq, At: ev.At, Purpose: d.Purpose, LockedUntil: d.LockedUntil, Lock: d.Lock})
		case exam.TypeClockJump:
			d := p.(exam.ClockJumpData)
			r.ClockJumps = append(r.ClockJumps, ClockJump{At: ev.At, Jump: time.Duration(d.JumpSeconds * float64(time.Second)).Round(time.Second)})
		}
	}
	r.Sheets = sheetsOf(h, who)
	r.Outstanding = h.Outstanding()
	return r
}

// examineeOf reads e's day: the single facts from the state, the exits
// for medical care and the break's overrun from their entries.
func examineeOf(h *exam.Hall, e *exam.Examinee, bySeq map[uint64]exam.Event, cancelled func(uint64) bool) Examinee {
	x := Examinee{
		Who:       Who{ID: e.ID, Seat: e.Seat, FullName: e.FullName},
		Programme: e.Programme, Status: h.DisplayStatus(e), Absent: e.Status == exam.Absent,
		Arrived: e.ArrivedAt, AdmittedLate: e.AdmittedLate,
		Materials: e.MaterialsAt, Ticket: e.Ticket, Packet: e.Packet,
		TheoryIn: e.TheoryInAt, BreakOut: e.BreakOutAt, BreakBack: e.BreakBackAt,
		SituationalTicket: e.SituationalTicket, SituationalAt: e.SituationalAt,
		CodeOut: e.CodeOutAt, CodeBack: e.CodeBackAt, CodeStillOut: e.CodeOut,
		HandedIn: e.HandedInAt, LateBy: time.Duration(e.HandInLateBy) * time.Second,
		Forced: e.HandInForced, WithoutSituational: e.WithoutSituational,
		WithoutSituationalReason: e.WithoutSituationalReason,
		Removed:                  e.RemovedAt, Violations: e.Violations,
	}
	if x.CodeStillOut {
		// Handed out again after a return: the return was of the last one.
		x.CodeBack = time.Time{}
	}
	medical := false
	for _, seq := range e.Seqs {
		ev, ok := bySeq[seq]
		if !ok || cancelled(seq) {
			continue
		}
		switch ev.Type {
		case exam.TypeSeatChanged:
			d, err := exam.Decode[exam.SeatChangedData](ev)
			if err != nil {
				continue
			}
			x.SeatChanges = append(x.SeatChanges, SeatChange{At: ev.At, From: d.From, To: d.To, Why: d.Reason})
		case exam.TypeBreakOut:
			d, err := exam.Decode[exam.BreakOutData](ev)
			if err != nil {
				continue
			}
			medical = d.Medical
			if medical {
				x.MedicalExits = append(x.MedicalExits, MedicalExit{Out: ev.At, Reason: d.Reason})
			}
		case exam.TypeBreakIn:
			d, err := exam.Decode[exam.BreakInData](ev)
			if err != nil {
				continue
			}
			if medical && len(x.MedicalExits) > 0 {
				x.MedicalExits[len(x.MedicalExits)-1].Back = ev.At
			} else {
				x.BreakOverrun = time.Duration(d.OverrunSeconds) * time.Second
			}
			medical = false
		}
	}
	return x
}
