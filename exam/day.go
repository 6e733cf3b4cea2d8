package exam

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"examday/barcode"
)

// The examinee's day after the start (§1.5, §1.6, §2.1–§2.3), the hall's
// interruptions, corrections and the close.

const (
	TypeAdmittedLate        = "examinee.admitted_late"
	TypeTheoryIn            = "theory.handed_in"
	TypeBreakOut            = "break.out"
	TypeBreakIn             = "break.in"
	TypeSituationalDrawn    = "situational.drawn"
	TypeCodeOut             = "code.handed_out"
	TypeCodeBack            = "code.returned"
	TypeHandedIn            = "work.handed_in"
	TypeViolationOffered    = "violation.offered"
	TypeViolationDismissed  = "violation.dismissed"
	TypeViolationRecorded   = "violation.recorded"
	TypeCancelled           = "entry.cancelled"
	TypeInterruptionStarted = "interruption.started"
	TypeInterruptionEnded   = "interruption.ended"
	TypePINFailed           = "chairman.pin_failed"
	TypeHallClosed          = "hall.closed"
)

// Clauses of §2.2, the violation catalogue, and "other".
var Clauses = []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "other"}

// ValidClause reports whether c is in the catalogue of §2.2.
func ValidClause(c string) bool {
	for _, x := range Clauses {
		if x == c {
			return true
		}
	}
	return false
}

// Decisions of §2.3.
const (
	DecisionWarned  = "warned"  // warned, continues
	DecisionRemoved = "removed" // removed from the exam, materials collected
)

// Interruption kinds.
const (
	InterruptEvacuation = "evacuation"
	InterruptPowerCut   = "power_cut"
	InterruptOther      = "other"
)

// PINAttempts wrong PINs in a row lock the chairman's prompt: the first
// lock for PINLock, each further one without a right PIN between them for
// twice as long as the one before, up to PINLockMax. A fixed minute let
// anyone at the laptop try 180 PINs an hour; doubling leaves about 20 in
// the first hour and 3 an hour after it, while a chairman who mistyped
// three times waits a minute.
const (
	PINAttempts = 3
	PINLock     = time.Minute
	PINLockMax  = time.Hour
)

// PINLockFor is how long the n-th lock in a row (from 1) lasts.
func PINLockFor(n int) time.Duration {
	d := PINLock
	for i := 1; i < n && d < PINLockMax; i++ {
		d *= 2
	}
	return min(d, PINLockMax)
}

// EventSource reads a stored event by its sequence number: how a
// correction reads the log it replays. It is passed to the decision
// (Cancel) and to Apply by whoever holds the log; the hall keeps none.
type EventSource func(seq uint64) (Event, error)

// Offer is a violation the application suggests and the officer decides on.
type Offer struct {
	Seq      uint64    `json:"seq"` // the violation.offered event
	Examinee string    `json:"examinee"`
	Clause   string    `json:"clause"`
	Reason   string    `json:"reason"` // break_overrun, late_hand_in
	Seconds  int64     `json:"seconds"`
	At       time.Time `json:"at"`
}

// Payloads.

type AgreedData struct {
	// AgreedBy is the chairman of the examination commission, whose PIN was
	// typed on the laptop for this entry (§2.3).
	AgreedBy string `json:"agreed_by"`
}

// AdmittedLateData is an arrival after the start, with the chairman's
// agreement (§1.3) and how late.
type AdmittedLateData struct {
	ArrivedData
	AgreedData
	LateBySeconds int64 `json:"late_by_s"`
}

type BreakOutData struct {
	Medical bool   `json:"medical,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

type BreakInData struct {
	OutSeconds     int64 `json:"out_s"`
	OverrunSeconds int64 `json:"overrun_s,omitempty"`
	Medical        bool  `json:"medical,omitempty"`
}

type SituationalData struct {
	Ticket string `json:"ticket"`
	// Duplicate: the officer confirmed that another examinee in this hall
	// drew the same number.
	Duplicate bool `json:"duplicate_confirmed,omitempty"`
}

type HandedInData struct {
	LateBySeconds      int64  `json:"late_by_s,omitempty"`
	Forced             string `json:"forced_reason,omitempty"`
	WithoutSituational bool   `json:"without_situational,omitempty"`
	// Why there is no situational problem (files from before it was
	// asked have none).
	WithoutSituationalReason string `json:"without_situational_reason,omitempty"`
}

type OfferData struct {
	Clause  string `json:"clause"`
	Reason  string `json:"reason"`
	Seconds int64  `json:"seconds"`
}

type DismissData struct {
	Offer  uint64 `json:"offer"`
	Reason string `json:"reason"`
	// AgreedBy is the chairman who agreed to the dismissal (§2.3); empty
	// in a log written before dismissals needed it.
	AgreedBy string `json:"agreed_by,omitempty"`
}

type ViolationData struct {
	Clause      string `json:"clause"`
	Description string `json:"description"`
	Witnesses   string `json:"witnesses"`
	ActionTaken string `json:"action_taken,omitempty"`
	Decision    string `json:"decision"`
	AgreedBy    string `json:"agreed_by"`
	Offer       uint64 `json:"offer,omitempty"`
}

type CancelData struct {
	Seq      uint64 `json:"seq"`
	Type     string `json:"type"`
	Reason   string `json:"reason"`
	AgreedBy string `json:"agreed_by,omitempty"`
}

type InterruptionData struct {
	Kind     string `json:"kind,omitempty"`
	Reason   string `json:"reason,omitempty"`
	AgreedBy string `json:"agreed_by"`
	// On the end: how long it lasted and the new end of the exam.
	Seconds int64     `json:"seconds,omitempty"`
	NewEnd  time.Time `json:"new_end,omitzero"`
}

type PINFailedData struct {
	Purpose  string `json:"purpose"`
	Failures int    `json:"failures"`
	// LockedUntil is set on the failure that locks the prompt, and Lock
	// says which lock in a row it is (from 1; PINLockFor).
	LockedUntil time.Time `json:"locked_until,omitzero"`
	Lock        int       `json:"lock,omitempty"`
}

type ClosedData struct {
	Outstanding []string `json:"outstanding,omitempty"`
	// Shortfall are the answer sheets given out and neither received nor
	// voided; closing with any needs a reason and the chairman's PIN.
	Shortfall       []barcode.Code `json:"shortfall,omitempty"`
	ShortfallReason string         `json:"shortfall_reason,omitempty"`
	AgreedBy        string         `json:"agreed_by,omitempty"`
}

// applyToExaminee changes e (a copy) by one of their events. It reads
// the hall but changes nothing on it, so a correction can replay it.
func (h *Hall) applyToExaminee(e *Examinee, ev Event) error {
	to := eventKinds[ev.Type].status
	ok := to != ""
	if ok && !CanFollow(e.Status, to) {
		return fmt.Errorf("examinee %q: %s cannot follow %s", e.ID, to, e.Status)
	}
	// The state machine lets on_break go to materials and situational only
	// so that a return from medical care (break.in, below) restores where
	// the examinee was. Any other step of someone out of the audience would
	// leave them marked out with no return on record — and a correction's
	// replay that removed the return would keep it.
	if ok && e.Status == OnBreak {
		return fmt.Errorf("examinee %q is out of the audience: %s cannot follow", e.ID, to)
	}
	switch ev.Type {
	case TypeArrived:
		e.ArrivedAt = ev.At
	case TypeAbsent:
		e.AbsentAt = ev.At
	case TypeAdmittedLate:
		e.ArrivedAt, e.AdmittedLate = ev.At, true
	case TypeMaterialsIssued:
		var d MaterialsIssuedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		e.MaterialsAt, e.Ticket, e.Packet = ev.At, d.Ticket, d.Packet
	case TypeTheoryIn:
		e.TheoryInAt = ev.At
	case TypeBreakOut:
		var d BreakOutData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		// §2.1, §2.2 d: LeaveRoom allows the one break only after the
		// theory is in; checked here too, so that a correction's replay
		// cannot keep a break whose theory hand-in it removed.
		if !d.Medical && (e.Status != TheoryIn || e.BreakTaken) {
			return fmt.Errorf("examinee %q: a break only once, after the theoretical part (from %s)", e.ID, e.Status)
		}
		e.ReturnTo, e.OutMedical, e.OutReason, e.OutAt = e.Status, d.Medical, d.Reason, ev.At
		if !d.Medical {
			e.BreakTaken, e.BreakOutAt = true, ev.At
		}
	case TypeBreakIn:
		if e.Status != OnBreak {
			return fmt.Errorf("examinee %q is not out", e.ID)
		}
		to = BackIn
		if e.OutMedical {
			to = e.ReturnTo
		} else {
			e.BreakBackAt = ev.At
		}
		e.BackAt, e.OutMedical, e.OutReason, e.ReturnTo = ev.At, false, "", ""
	case TypeSituationalDrawn:
		var d SituationalData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		e.SituationalTicket, e.SituationalAt = d.Ticket, ev.At
	case TypeCodeOut:
		if e.CodeOut {
			return fmt.Errorf("examinee %q already holds the Criminal Code", e.ID)
		}
		// §1.6: the Code is for the situational problem (HandOutCode);
		// checked here too, so that a correction's replay cannot keep the
		// Code of a situational ticket it removed.
		if e.Status != Situational {
			return fmt.Errorf("examinee %q: the Criminal Code without a situational ticket (%s)", e.ID, e.Status)
		}
		e.CodeOut, e.CodeOutAt = true, ev.At
	case TypeSeatChanged:
		return applySeat(e, ev)
	case TypeCodeBack:
		if !e.CodeOut {
			return fmt.Errorf("examinee %q holds no Criminal Code", e.ID)
		}
		e.CodeOut, e.CodeBackAt = false, ev.At
	case TypeHandedIn:
		var d HandedInData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		e.HandedInAt, e.HandInLateBy, e.HandInForced, e.WithoutSituational = ev.At, d.LateBySeconds, d.Forced, d.WithoutSituational
		e.WithoutSituationalReason = d.WithoutSituationalReason
	case TypeViolationOffered:
		// The offer lives on the hall; the examinee's timeline shows it.
		var d OfferData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		if d.Clause == "i" {
			e.LateOffered = true
		}
	case TypeViolationDismissed, TypeSheetReceived, TypeSheetVoided:
		// These change the hall's offers and sheets, not the examinee.
	case TypeViolationRecorded:
		var d ViolationData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		e.Violations++
		if d.Decision == DecisionRemoved {
			if !CanFollow(e.Status, Removed) {
				return fmt.Errorf("examinee %q: removed cannot follow %s", e.ID, e.Status)
			}
			to, e.RemovedAt = Removed, ev.At
		}
	default:
		return fmt.Errorf("%s is not an examinee's event", ev.Type)
	}
	if to != "" {
		e.Status = to
	}
	return nil
}

// applyHallSide is what an event changes on the hall itself.
func (h *Hall) applyHallSide(ev Event) error {
	switch ev.Type {
	case TypeMaterialsIssued:
		var d MaterialsIssuedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		if d.Packet != "" {
			return h.bindPacket(d.Packet, ev.Examinee, ev.At)
		}
	case TypeSheetReceived:
		var d SheetReceivedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		s, ok := h.sheets[d.Code]
		if !ok || s.State != SheetIssued || s.Examinee != ev.Examinee {
			return fmt.Errorf("sheet %s is not issued to %q", d.Code, ev.Examinee)
		}
		r := *s
		r.State, r.ReceivedAt, r.Blank, r.BlankReason = SheetReceived, ev.At, d.Blank, d.Reason
		h.putSheet(&r)
	case TypeSheetVoided:
		_, err := h.applySheets(ev)
		return err
	case TypeViolationOffered:
		var d OfferData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		h.Offers = append(h.Offers, Offer{Seq: ev.Seq, Examinee: ev.Examinee, Clause: d.Clause, Reason: d.Reason, Seconds: d.Seconds, At: ev.At})
	case TypeViolationDismissed:
		var d DismissData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		if d.AgreedBy != "" {
			h.pinRight()
		}
		return h.resolveOffer(d.Offer, ev.Examinee)
	case TypeViolationRecorded:
		var d ViolationData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		h.pinRight()
		if d.Offer != 0 {
			return h.resolveOffer(d.Offer, ev.Examinee)
		}
	case TypeAdmittedLate:
		h.pinRight()
	case TypeInterruptionStarted:
		var d InterruptionData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		if h.Interrupted || h.Phase != PhaseRunning {
			return fmt.Errorf("interruption in phase %s (interrupted %v)", h.Phase, h.Interrupted)
		}
		h.Interrupted, h.InterruptedAt, h.InterruptionKind = true, ev.At, d.Kind
		h.pinRight()
	case TypeInterruptionEnded:
		var d InterruptionData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		if !h.Interrupted {
			return fmt.Errorf("no interruption to end")
		}
		h.Interrupted, h.InterruptionKind = false, ""
		h.pinRight()
		h.InterruptedTotalS += d.Seconds
		h.End = d.NewEnd
	case TypePINFailed:
		var d PINFailedData
		if err := json.Unmarshal(ev.Data, &d); err != nil {
			return err
		}
		h.PINFailures = d.Failures
		if !d.LockedUntil.IsZero() {
			h.PINFailures, h.PINLockedUntil = 0, d.LockedUntil
			// A lock recorded before locks were numbered is the next one.
			h.PINLocks = max(d.Lock, h.PINLocks+1)
		}
	case TypeHallClosed:
		h.Phase, h.ClosedAt = PhaseClosed, ev.At
	}
	return nil
}

func (h *Hall) resolveOffer(seq uint64, examinee string) error {
	for i, o := range h.Offers {
		if o.Seq == seq && o.Examinee == examinee {
			h.Offers = append(h.Offers[:i:i], h.Offers[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("no open offer %d for %q", seq, examinee)
}

// applyCancel marks an entry cancelled and rebuilds its examinee's day
// from the roster row by replaying every entry of theirs but the
// cancelled ones. Both entries stay in the log.
func (h *Hall) applyCancel(ev Event, history EventSource) ([]int, error) {
	var d CancelData
	if err := json.Unmarshal(ev.Data, &d); err != nil {
		return nil, err
	}
	e, ok := h.byID[ev.Examinee]
	if !ok {
		return nil, fmt.Errorf("unknown examinee %q", ev.Examinee)
	}
	rebuilt, err := h.replayWithout(e, d.Seq, history)
	if err != nil {
		return nil, err
	}
	reopen, err := h.offerConfirmedBy(d.Seq, history)
	if err != nil {
		return nil, err
	}
	if h.Cancelled == nil {
		h.Cancelled = map[uint64]uint64{}
	}
	h.Cancelled[d.Seq] = ev.Seq
	rebuilt.Seqs = append(append([]uint64(nil), e.Seqs...), ev.Seq)
	*e = *rebuilt
	// A cancellation agreed by the chairman is an agreed entry like the
	// decision it cancels: it ends a run of wrong PINs.
	if d.AgreedBy != "" {
		h.pinRight()
	}
	// The cancelled violation had confirmed an offer: with the decision
	// gone the offer is undecided again. §2.3 wants a decision on it (a new
	// one, or a dismissal with its reason), and the close must list it;
	// otherwise the log holds an offer that is neither open nor decided.
	if reopen != nil && !h.hasOffer(reopen.Seq, reopen.Examinee) {
		i := sort.Search(len(h.Offers), func(i int) bool { return h.Offers[i].Seq > reopen.Seq })
		h.Offers = slices.Insert(slices.Clone(h.Offers), i, *reopen)
	}
	return []int{e.Ordinal}, nil
}

// offerConfirmedBy is the offer the violation entry seq confirmed, read
// from the log, or nil if seq is no such violation.
func (h *Hall) offerConfirmedBy(seq uint64, history EventSource) (*Offer, error) {
	ev, err := history(seq)
	if err != nil {
		return nil, err
	}
	if ev.Type != TypeViolationRecorded {
		return nil, nil
	}
	var v ViolationData
	if err := json.Unmarshal(ev.Data, &v); err != nil {
		return nil, err
	}
	if v.Offer == 0 {
		return nil, nil
	}
	off, err := history(v.Offer)
	if err != nil {
		return nil, err
	}
	if off.Type != TypeViolationOffered {
		return nil, fmt.Errorf("event %d confirms %d, a %s, not an offer", seq, v.Offer, off.Type)
	}
	var o OfferData
	if err := json.Unmarshal(off.Data, &o); err != nil {
		return nil, err
	}
	return &Offer{Seq: v.Offer, Examinee: off.Examinee, Clause: o.Clause, Reason: o.Reason, Seconds: o.Seconds, At: off.At}, nil
}

// replayWithout rebuilds e's day without the entry seq.
func (h *Hall) replayWithout(e *Examinee, seq uint64, history EventSource) (*Examinee, error) {
	if history == nil {
		return nil, fmt.Errorf("no event history to replay")
	}
	found := false
	for _, s := range e.Seqs {
		found = found || s == seq
	}
	if !found {
		return nil, fmt.Errorf("event %d is not %q's", seq, e.ID)
	}
	if _, done := h.Cancelled[seq]; done {
		return nil, fmt.Errorf("event %d is already cancelled", seq)
	}
	r := &Examinee{Ordinal: e.Ordinal, ID: e.ID, FullName: e.FullName, Programme: e.Programme,
		IDDocument: e.IDDocument, Seat: e.Seat, Status: Registered}
	moved := false
	for _, s := range e.Seqs {
		_, cancelled := h.Cancelled[s]
		if (s == seq || cancelled) && moved {
			continue
		}
		past, err := history(s)
		if err != nil {
			return nil, err
		}
		// The day replays from the roster's seat: the first seat change,
		// cancelled or not, says which it was.
		if past.Type == TypeSeatChanged && !moved {
			d, err := Decode[SeatChangedData](past)
			if err != nil {
				return nil, err
			}
			r.Seat, moved = d.From, true
		}
		if s == seq || cancelled || past.Type == TypeCancelled {
			continue
		}
		if err := h.applyToExaminee(r, past); err != nil {
			return nil, err
		}
	}
	return r, nil
}
