package exam

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Agreement is the chairman of the examination commission's agreement to
// one entry (§2.3): made only by Agree, after the chairman typed the right
// PIN on the laptop.
type Agreement struct {
	by    string
	valid bool
}

// Agree checks the chairman's PIN against its stored hash.
func (h *Hall) Agree(pinHash, pin string) (Agreement, bool) {
	if !VerifyPIN(pinHash, pin) {
		return Agreement{}, false
	}
	return Agreement{by: h.Chairman, valid: true}, true
}

// PINLocked reports whether the chairman's prompt is locked at now, and
// until when.
func (h *Hall) PINLocked(now time.Time) (time.Time, bool) {
	return h.PINLockedUntil, now.Before(h.PINLockedUntil)
}

// PINFailed records a wrong PIN for purpose; the PINAttempts-th wrong PIN
// in a row locks the prompt, for longer at each lock (PINLockFor). Every
// attempt, and every lock with its length, is in the log.
func (h *Hall) PINFailed(purpose string, at time.Time, actor string) (Event, error) {
	if err := h.open(); err != nil {
		return Event{}, err
	}
	if until, locked := h.PINLocked(at); locked {
		return Event{}, refuse(RefusePINLocked, until)
	}
	d := PINFailedData{Purpose: purpose, Failures: h.PINFailures + 1}
	if d.Failures >= PINAttempts {
		d.Lock = h.PINLocks + 1
		d.LockedUntil = at.UTC().Round(0).Add(PINLockFor(d.Lock))
	}
	return newEvent(TypePINFailed, "", actor, at, d), nil
}

// WithAgreement is a decision taken in agreement with the chairman
// (§2.3), with the PIN typed for it: while the prompt is locked no PIN is
// even checked and the lock is the refusal; a wrong PIN is the entry
// recorded (PINFailed, which may lock the prompt); the right one makes
// the agreement the decision is given. pinHash is the stored slow hash.
func (h *Hall) WithAgreement(pinHash, pin, purpose string, at time.Time, actor string,
	decide func(a Agreement) ([]Event, error)) ([]Event, error) {
	if err := h.open(); err != nil {
		return nil, err
	}
	if until, locked := h.PINLocked(at); locked {
		return nil, refuse(RefusePINLocked, until)
	}
	a, ok := h.Agree(pinHash, pin)
	if !ok {
		ev, err := h.PINFailed(purpose, at, actor)
		if err != nil {
			return nil, err
		}
		return []Event{ev}, nil
	}
	return decide(a)
}

// pinRight ends a run of wrong PINs and of locks: an entry agreed with the
// right PIN was recorded.
func (h *Hall) pinRight() { h.PINFailures, h.PINLocks = 0, 0 }

// agreed checks an agreement given for an entry.
func (h *Hall) agreed(a Agreement, at time.Time) error {
	if until, locked := h.PINLocked(at); locked {
		return refuse(RefusePINLocked, until)
	}
	if !a.valid {
		return refuse(RefuseAgreementMissing)
	}
	return nil
}

// open refuses every change once the hall is closed.
func (h *Hall) open() error {
	if !h.Exists() {
		return refuse(RefuseNoHall)
	}
	if h.Phase == PhaseClosed {
		return refuse(RefuseHallClosed)
	}
	return nil
}

// sitting finds an examinee of a started exam.
func (h *Hall) sitting(id string) (*Examinee, error) {
	e, err := h.examineeFor(id)
	if err != nil {
		return nil, err
	}
	if !h.Phase.Started() {
		return nil, refuse(RefuseNotStarted)
	}
	return e, nil
}

// TimeLeftAt is the time left at now: while the hall is interrupted the
// clock stands at the moment of the interruption.
func (h *Hall) TimeLeftAt(now time.Time) time.Duration {
	if h.Interrupted {
		return TimeLeft(h.End, h.InterruptedAt)
	}
	return TimeLeft(h.End, now)
}

// AdmitLate admits an examinee who arrives after the start, with the
// chairman's agreement. They keep the common end time (§1.3: the end is
// the hall's).
func (h *Hall) AdmitLate(id string, a Agreement, at time.Time, actor string) (Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return Event{}, err
	}
	if h.Phase != PhaseRunning {
		return Event{}, refuse(RefuseTimeIsUp)
	}
	if err := h.transition(e, Present); err != nil {
		return Event{}, err
	}
	if err := h.agreed(a, at); err != nil {
		return Event{}, err
	}
	return newEvent(TypeAdmittedLate, id, actor, at, AdmittedLateData{
		ArrivedData{IDDocumentChecked: true, IDDocument: e.IDDocument}, AgreedData{a.by}, int64(at.Sub(h.Start) / time.Second)}), nil
}

// HandTheoryIn records that the examinee handed in the theory sheets
// (§1.5). The sheets' scan will call this same decision.
func (h *Hall) HandTheoryIn(id string, at time.Time, actor string) (Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return Event{}, err
	}
	if err := h.transition(e, TheoryIn); err != nil {
		return Event{}, err
	}
	return newEvent(TypeTheoryIn, id, actor, at, nil), nil
}

// LeaveRoom records the examinee leaving the audience. §2.1 permits one
// break of at most 10 minutes after the theoretical part; any other exit —
// a second one, or one before the theory is in — only for emergency
// medical care, with its reason (§2.2 d), which is not a violation.
func (h *Hall) LeaveRoom(id string, medical bool, reason string, at time.Time, actor string) (Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return Event{}, err
	}
	reason = strings.TrimSpace(reason)
	switch {
	case medical && reason == "":
		return Event{}, refuse(RefuseMedicalReason)
	case medical || e.Status == OnBreak:
		// Medical care may take anyone out; someone already out is refused
		// by the state machine below.
	case e.Status == Materials:
		return Event{}, refuse(RefuseBreakBeforeTheory, e.FullName)
	case e.BreakTaken:
		return Event{}, refuse(RefuseBreakUsed, e.FullName, e.BreakOutAt)
	case e.Status != TheoryIn:
		// §1.3: the break follows the theoretical part, before the
		// situational problem.
		return Event{}, refuse(RefuseBreakNotNow, e.FullName)
	}
	if err := h.transition(e, OnBreak); err != nil {
		return Event{}, err
	}
	return newEvent(TypeBreakOut, id, actor, at, BreakOutData{Medical: medical, Reason: reason}), nil
}

// BreakOverrun is how far past BreakAllowance an examinee out on their
// break is at now (0 if within it or out for medical care).
func (e *Examinee) BreakOverrun(now time.Time) time.Duration {
	if e.Status != OnBreak || e.OutMedical {
		return 0
	}
	if over := now.Sub(e.OutAt) - BreakAllowance; over > 0 {
		return over
	}
	return 0
}

// BreakLeft is how much of the break's 10 minutes (§2.1) an examinee out
// on it has left at now: 0 once used up, or when not on a break.
func (e *Examinee) BreakLeft(now time.Time) time.Duration {
	if e.Status != OnBreak || e.OutMedical {
		return 0
	}
	return min(max(BreakAllowance-now.Sub(e.OutAt), 0), BreakAllowance)
}

// BreakBackBy is when an examinee going out on the break at out must be
// back (§2.1).
func BreakBackBy(out time.Time) time.Time { return out.Add(BreakAllowance) }

// PastBreak is the break an examinee took and came back from: how long
// they were out and how far over the 10 minutes (§2.1, whole seconds; 0
// within them). ok is false while no break was taken and ended.
func (e *Examinee) PastBreak() (out, over time.Duration, ok bool) {
	if !e.BreakTaken || e.BreakBackAt.IsZero() {
		return 0, 0, false
	}
	out = e.BreakBackAt.Sub(e.BreakOutAt)
	if over = out - BreakAllowance; over < time.Second {
		over = 0
	}
	return out, over, true
}

// BreakUsedUp reports whether an examinee out on a break (not for medical
// care) has used up its 10 minutes (§2.1) at now: from that moment the
// officer must know, before the examinee comes back.
func (e *Examinee) BreakUsedUp(now time.Time) bool {
	return e.Status == OnBreak && !e.OutMedical && now.Sub(e.OutAt) >= BreakAllowance
}

// ComeBack records the examinee's return. A break longer than 10 minutes
// (§2.1) is offered to the officer as violation (d); a return from medical
// care is not.
func (h *Hall) ComeBack(id string, at time.Time, actor string) ([]Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return nil, err
	}
	if e.Status != OnBreak {
		return nil, refuse(RefuseNotOut, e.FullName)
	}
	out := at.Sub(e.OutAt)
	over := e.BreakOverrun(at)
	back := newEvent(TypeBreakIn, id, actor, at, BreakInData{
		OutSeconds: int64(out / time.Second), OverrunSeconds: int64(over / time.Second), Medical: e.OutMedical,
	})
	if over < time.Second {
		return []Event{back}, nil
	}
	offer := newEvent(TypeViolationOffered, id, ActorSystem, at, OfferData{Clause: "d", Reason: "break_overrun", Seconds: int64(over / time.Second)})
	return []Event{back, offer}, nil
}

// MaxSituationalTicket bounds a situational ticket number as typed.
const MaxSituationalTicket = 12

// DrawSituational records the situational ticket the examinee drew
// (§1.6). The same number twice in a hall is possible but unusual: it is
// refused until the officer confirms it.
func (h *Hall) DrawSituational(id, ticket string, confirmDuplicate bool, at time.Time, actor string) (Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return Event{}, err
	}
	// The state machine lets on_break go to situational only for a return
	// from medical care (break.in): someone out of the audience draws
	// nothing, or they would stay marked out with no return on record.
	if e.Status == OnBreak {
		return Event{}, refuse(RefuseTransition, e.FullName, e.Status, Situational)
	}
	if err := h.transition(e, Situational); err != nil {
		return Event{}, err
	}
	ticket = strings.TrimSpace(ticket)
	if ticket == "" {
		return Event{}, refuse(RefuseTicketMissing, e.FullName)
	}
	if err := h.checkTicketNumber(ticket, MaxSituationalTicket); err != nil {
		return Event{}, err
	}
	if !confirmDuplicate {
		for _, o := range h.examinees {
			if o.ID != id && o.SituationalTicket == ticket {
				return Event{}, refuse(RefuseSituationalDuplicate, ticket, o.FullName)
			}
		}
	}
	return newEvent(TypeSituationalDrawn, id, actor, at, SituationalData{Ticket: ticket, Duplicate: confirmDuplicate}), nil
}

// HandOutCode records the Criminal Code handed to the examinee: the one
// aid allowed, for the situational problem (§1.6, §2.1).
func (h *Hall) HandOutCode(id string, at time.Time, actor string) (Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return Event{}, err
	}
	if e.Status != Situational {
		return Event{}, refuse(RefuseCodeNotSituational, e.FullName)
	}
	if e.CodeOut {
		return Event{}, refuse(RefuseCodeAlreadyOut, e.FullName, e.CodeOutAt)
	}
	return newEvent(TypeCodeOut, id, actor, at, nil), nil
}

// TakeBackCode records the Criminal Code's return; also from someone who
// finished or was removed, whose Code is outstanding.
func (h *Hall) TakeBackCode(id string, at time.Time, actor string) (Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return Event{}, err
	}
	if !e.CodeOut {
		return Event{}, refuse(RefuseCodeNotOut, e.FullName)
	}
	return newEvent(TypeCodeBack, id, actor, at, nil), nil
}

// HandIn records the final hand-in: the situational sheet and the exam
// ticket (§1.5–§1.6). Refused while the examinee still holds the Criminal
// Code, unless forced with a reason. After the end it is accepted, with
// its delay, and offered as violation (i) of §2.2. Someone with no
// situational ticket on record is refused with RefuseSituationalUndrawn:
// the officer records the ticket (HandInWithTicket) or hands in without
// the situational problem, with a reason (HandInWithoutSituational).
func (h *Hall) HandIn(id, forcedReason string, at time.Time, actor string) ([]Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return nil, err
	}
	if err := h.transition(e, Finished); err != nil {
		return nil, err
	}
	if e.Status != Situational {
		return nil, refuse(RefuseSituationalUndrawn, e.FullName, e.Seat)
	}
	forcedReason = strings.TrimSpace(forcedReason)
	if e.CodeOut && forcedReason == "" {
		return nil, refuse(RefuseCodeStillOut, e.FullName)
	}
	if !e.CodeOut {
		forcedReason = ""
	}
	return h.handIn(e, HandedInData{Forced: forcedReason}, at, actor), nil
}

// HandInWithoutSituational records the final hand-in of an examinee who
// drew no situational ticket (§1.6 does not oblige them to), with the
// reason the officer gives.
func (h *Hall) HandInWithoutSituational(id, reason string, at time.Time, actor string) ([]Event, error) {
	e, err := h.sitting(id)
	if err != nil {
		return nil, err
	}
	if err := h.transition(e, Finished); err != nil {
		return nil, err
	}
	if e.SituationalTicket != "" {
		return nil, refuse(RefuseSituationalDrawnAlready, e.FullName, e.SituationalTicket)
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, refuse(RefuseWithoutSituationalReason)
	}
	return h.handIn(e, HandedInData{WithoutSituational: true, WithoutSituationalReason: reason}, at, actor), nil
}

// HandInWithTicket records the situational ticket the examinee drew and
// was not recorded, and their hand-in: one decision.
func (h *Hall) HandInWithTicket(id, ticket string, confirmDuplicate bool, at time.Time, actor string) ([]Event, error) {
	draw, err := h.DrawSituational(id, ticket, confirmDuplicate, at, actor)
	if err != nil {
		return nil, err
	}
	rest, err := h.withTicket(id, draw).HandIn(id, "", at, actor)
	if err != nil {
		return nil, err
	}
	return append([]Event{draw}, rest...), nil
}

// handIn is the hand-in event with its delay after the end (moved by
// interruptions), and the offer of violation (i) once.
func (h *Hall) handIn(e *Examinee, d HandedInData, at time.Time, actor string) []Event {
	end := h.End
	if h.Interrupted {
		end = end.Add(at.Sub(h.InterruptedAt))
	}
	if late := at.Sub(end); late >= time.Second {
		d.LateBySeconds = int64(late / time.Second)
	}
	in := newEvent(TypeHandedIn, e.ID, actor, at, d)
	if d.LateBySeconds == 0 || e.LateOffered {
		return []Event{in}
	}
	offer := newEvent(TypeViolationOffered, e.ID, ActorSystem, at, OfferData{Clause: "i", Reason: "late_hand_in", Seconds: d.LateBySeconds})
	return []Event{in, offer}
}

// ViolationInput is what the officer writes about a violation (§2.2).
type ViolationInput struct {
	Clause      string // a–i of §2.2, or "other"
	Description string
	Witnesses   string
	ActionTaken string // e.g. "mobile phone confiscated"
	Decision    string // DecisionWarned or DecisionRemoved (§2.3)
	Offer       uint64 // the offer this confirms, if any
}

// RecordViolation records a violation against an examinee and the
// decision on their further participation, taken by the officer on duty
// in agreement with the chairman of the examination commission (§2.3).
// A removal ends the examinee's exam.
func (h *Hall) RecordViolation(id string, v ViolationInput, a Agreement, at time.Time, actor string) (Event, error) {
	e, err := h.examineeFor(id)
	if err != nil {
		return Event{}, err
	}
	switch e.Status {
	case Registered, Absent:
		return Event{}, refuse(RefuseNotArrived, e.FullName)
	case Removed:
		return Event{}, refuse(RefuseAlreadyRemoved, e.FullName, e.RemovedAt)
	}
	v.Description, v.Witnesses, v.ActionTaken = strings.TrimSpace(v.Description), strings.TrimSpace(v.Witnesses), strings.TrimSpace(v.ActionTaken)
	switch {
	case !ValidClause(v.Clause):
		return Event{}, refuse(RefuseViolationClause, v.Clause)
	case v.Description == "":
		return Event{}, refuse(RefuseViolationDescription)
	case v.Witnesses == "":
		return Event{}, refuse(RefuseViolationWitnesses)
	case v.Decision != DecisionWarned && v.Decision != DecisionRemoved:
		return Event{}, refuse(RefuseViolationDecision)
	}
	if v.Offer != 0 && !h.hasOffer(v.Offer, id) {
		return Event{}, refuse(RefuseOfferUnknown, v.Offer)
	}
	if err := h.agreed(a, at); err != nil {
		return Event{}, err
	}
	return newEvent(TypeViolationRecorded, id, actor, at, ViolationData{
		Clause: v.Clause, Description: v.Description, Witnesses: v.Witnesses, ActionTaken: v.ActionTaken,
		Decision: v.Decision, AgreedBy: a.by, Offer: v.Offer,
	}), nil
}

func (h *Hall) hasOffer(seq uint64, id string) bool {
	for _, o := range h.Offers {
		if o.Seq == seq && o.Examinee == id {
			return true
		}
	}
	return false
}

// OfferFor returns the open offer with event seq.
func (h *Hall) OfferFor(seq uint64) (Offer, bool) {
	for _, o := range h.Offers {
		if o.Seq == seq {
			return o, true
		}
	}
	return Offer{}, false
}

// DismissOffer dismisses an offered violation, with the reason, which is
// logged. Dismissing it is a decision on a violation, which §2.3 gives to
// the officer in agreement with the chairman: it needs the chairman's
// agreement, as recording it does.
func (h *Hall) DismissOffer(seq uint64, reason string, a Agreement, at time.Time, actor string) (Event, error) {
	if err := h.open(); err != nil {
		return Event{}, err
	}
	o, ok := h.OfferFor(seq)
	if !ok {
		return Event{}, refuse(RefuseOfferUnknown, seq)
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Event{}, refuse(RefuseDismissReason)
	}
	if err := h.agreed(a, at); err != nil {
		return Event{}, err
	}
	return newEvent(TypeViolationDismissed, o.Examinee, actor, at, DismissData{Offer: seq, Reason: reason, AgreedBy: a.by}), nil
}

// cancellable reports whether a correction may cancel an entry of type
// typ (eventKinds). The hall's own facts (its set-up, the start, the
// clock) are never cancelled; an offer is dismissed instead.
func cancellable(typ string) bool { return eventKinds[typ].cancellable }

// Cancel corrects a wrong entry: nothing is edited or deleted; a new entry
// cancels it, with the reason, and the examinee's day is replayed without
// it. A violation's cancellation needs the chairman's agreement, as the
// decision did (§2.3). An entry that later entries depend on cannot be
// cancelled before them.
func (h *Hall) Cancel(target Event, reason string, a *Agreement, history EventSource, at time.Time, actor string) (Event, error) {
	if err := h.open(); err != nil {
		return Event{}, err
	}
	// Without the log there is nothing to replay: the program's fault, not
	// a rule, so an error rather than a refusal blaming later entries.
	if history == nil {
		return Event{}, fmt.Errorf("correction of event %d: no event history to replay", target.Seq)
	}
	// The entry is read from the log by its number: what the caller says
	// of its type and examinee is not trusted, or a violation passed as
	// something else would be cancelled without the chairman.
	stored, err := history(target.Seq)
	if err != nil {
		return Event{}, fmt.Errorf("correction of event %d: %w", target.Seq, err)
	}
	target = stored
	if !cancellable(target.Type) || target.Examinee == "" {
		return Event{}, refuse(RefuseCancelType, target.Type)
	}
	// A packet once bound stays bound: its sheets are accounted for by
	// receiving or voiding them, not by forgetting the binding.
	if target.Type == TypeMaterialsIssued {
		var d MaterialsIssuedData
		if json.Unmarshal(target.Data, &d) == nil && d.Packet != "" {
			return Event{}, refuse(RefuseCancelPacket, target.Seq)
		}
	}
	if by, done := h.Cancelled[target.Seq]; done {
		return Event{}, refuse(RefuseAlreadyCancelled, target.Seq, by)
	}
	e, err := h.examineeFor(target.Examinee)
	if err != nil {
		return Event{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Event{}, refuse(RefuseCancelReason)
	}
	d := CancelData{Seq: target.Seq, Type: target.Type, Reason: reason}
	if target.Type == TypeViolationRecorded {
		if a == nil {
			return Event{}, refuse(RefuseAgreementMissing)
		}
		if err := h.agreed(*a, at); err != nil {
			return Event{}, err
		}
		d.AgreedBy = a.by
	}
	if _, err := h.replayWithout(e, target.Seq, history); err != nil {
		return Event{}, refuse(RefuseCancelDepends, target.Seq)
	}
	return newEvent(TypeCancelled, e.ID, actor, at, d), nil
}

// StartInterruption stops the whole hall (an evacuation, a power cut),
// with the chairman's agreement. The clock stands until the end.
func (h *Hall) StartInterruption(kind, reason string, a Agreement, at time.Time, actor string) (Event, error) {
	if err := h.open(); err != nil {
		return Event{}, err
	}
	if h.Phase != PhaseRunning {
		return Event{}, refuse(RefuseNotRunning)
	}
	if h.Interrupted {
		return Event{}, refuse(RefuseAlreadyInterrupted, h.InterruptedAt)
	}
	switch kind {
	case InterruptEvacuation, InterruptPowerCut, InterruptOther:
	default:
		return Event{}, refuse(RefuseInterruptionKind, kind)
	}
	reason = strings.TrimSpace(reason)
	if kind == InterruptOther && reason == "" {
		return Event{}, refuse(RefuseInterruptionReason)
	}
	if err := h.agreed(a, at); err != nil {
		return Event{}, err
	}
	return newEvent(TypeInterruptionStarted, "", actor, at, InterruptionData{Kind: kind, Reason: reason, AgreedBy: a.by}), nil
}

// EndInterruption resumes the exam; its end moves by the interruption's
// length, so the examinees lose none of the 3 hours of §1.3.
func (h *Hall) EndInterruption(a Agreement, at time.Time, actor string) (Event, error) {
	if err := h.open(); err != nil {
		return Event{}, err
	}
	if !h.Interrupted {
		return Event{}, refuse(RefuseNotInterrupted)
	}
	if err := h.agreed(a, at); err != nil {
		return Event{}, err
	}
	length := at.UTC().Round(0).Sub(h.InterruptedAt).Truncate(time.Second)
	if length < 0 {
		length = 0
	}
	return newEvent(TypeInterruptionEnded, "", actor, at, InterruptionData{
		AgreedBy: a.by, Seconds: int64(length / time.Second), NewEnd: h.End.Add(length),
	}), nil
}

// Outstanding is what is still to settle before the hall closes, as
// catalogue keys with their arguments: who is still sitting (blocks the
// close), and what is owed (a Criminal Code not back, an open offer).
type Outstanding struct {
	Key    string
	Args   []any
	Blocks bool
}

// Outstanding lists what is still to settle.
func (h *Hall) Outstanding() []Outstanding {
	var out []Outstanding
	for _, e := range h.examinees {
		switch {
		case e.Status == OnBreak:
			out = append(out, Outstanding{Key: "outstanding.out_of_room", Args: []any{e.Seat, e.FullName, e.OutAt}, Blocks: true})
		case e.Status.Sitting():
			out = append(out, Outstanding{Key: "outstanding.sitting", Args: []any{e.Seat, e.FullName}, Blocks: true})
		}
		if e.CodeOut {
			out = append(out, Outstanding{Key: "outstanding.code_out", Args: []any{e.Seat, e.FullName}})
		}
	}
	for _, o := range h.Offers {
		if e, ok := h.byID[o.Examinee]; ok {
			out = append(out, Outstanding{Key: "outstanding.offer", Args: []any{e.Seat, e.FullName, o.Clause}})
		}
	}
	if h.Interrupted {
		out = append(out, Outstanding{Key: "outstanding.interrupted", Blocks: true})
	}
	return out
}

// everyoneAbsent reports whether the roster is not empty and every
// examinee on it was marked absent.
func (h *Hall) everyoneAbsent() bool {
	for _, e := range h.examinees {
		if e.Status != Absent {
			return false
		}
	}
	return len(h.examinees) > 0
}

// CloseHall closes the hall when nobody is still sitting: everyone
// finished, removed or absent. Anything else outstanding must be
// acknowledged (confirmed) and is written into the closing entry. Every
// answer sheet given out must be received or voided (§1.5); a shortfall
// needs CloseHallShortfall. Once closed the hall is read-only.
func (h *Hall) CloseHall(confirmed bool, at time.Time, actor string) (Event, error) {
	d, err := h.closing(confirmed)
	if err != nil {
		return Event{}, err
	}
	if len(d.Shortfall) > 0 {
		return Event{}, refuse(RefuseSheetsUnaccounted, len(d.Shortfall))
	}
	return newEvent(TypeHallClosed, "", actor, at, d), nil
}

// CloseHallShortfall closes the hall although answer sheets given out are
// neither received nor voided: with the reason and the chairman's
// agreement, and every such sheet named in the closing entry.
func (h *Hall) CloseHallShortfall(confirmed bool, reason string, a Agreement, at time.Time, actor string) (Event, error) {
	d, err := h.closing(confirmed)
	if err != nil {
		return Event{}, err
	}
	if len(d.Shortfall) == 0 {
		return h.CloseHall(confirmed, at, actor)
	}
	d.ShortfallReason = strings.TrimSpace(reason)
	if d.ShortfallReason == "" {
		return Event{}, refuse(RefuseShortfallReason, len(d.Shortfall))
	}
	if err := h.agreed(a, at); err != nil {
		return Event{}, err
	}
	d.AgreedBy = a.by
	return newEvent(TypeHallClosed, "", actor, at, d), nil
}

func (h *Hall) closing(confirmed bool) (ClosedData, error) {
	if err := h.open(); err != nil {
		return ClosedData{}, err
	}
	// A hall whose every examinee was marked absent never starts (§1.3:
	// the start is when the last materials are given); there is nothing
	// to examine and nothing to wait for, and it closes as it is.
	if !h.Phase.Started() && !h.everyoneAbsent() {
		return ClosedData{}, refuse(RefuseNotStarted)
	}
	var blocking, owed []string
	for _, o := range h.Outstanding() {
		line := o.Key
		for _, a := range o.Args {
			line += " " + toString(a)
		}
		if o.Blocks {
			blocking = append(blocking, line)
		} else {
			owed = append(owed, line)
		}
	}
	if len(blocking) > 0 {
		return ClosedData{}, refuse(RefuseStillSitting, len(blocking))
	}
	if len(owed) > 0 && !confirmed {
		return ClosedData{}, refuse(RefuseOutstanding, len(owed))
	}
	d := ClosedData{Outstanding: owed}
	for _, s := range h.Shortfall() {
		d.Shortfall = append(d.Shortfall, s.Code)
	}
	return d, nil
}

func toString(a any) string {
	switch v := a.(type) {
	case string:
		return v
	case time.Time:
		return v.UTC().Format(time.RFC3339)
	}
	return ""
}
