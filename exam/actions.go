package exam

import (
	"strings"
	"time"
	"unicode/utf8"
)

// HallSetup is what the officer gives when setting up a hall (SPEC step 1).
type HallSetup struct {
	Name     string
	Date     string // YYYY-MM-DD
	Officer  string
	Chairman string
	Members  []string
	// PINRecord is PINRecordDigest of the chairman's PIN hash the hall is
	// created with, so the log commits to it (see HallCreatedData).
	PINRecord string
	// Demo marks the demo's hall, and only the demo's: the file itself then
	// says it is one (HallCreatedData.Demo), so that nothing treats a real
	// hall as a demo or a demo as a real hall by the name of its file or
	// the command that opened it.
	Demo bool
}

// DateLayout is the layout of a hall's date.
const DateLayout = "2006-01-02"

// CreateHall returns the events that set up a hall with its roster: both
// are appended together, so a hall never exists without its roster. The
// chairman's PIN is kept by the store, not in the log.
func (h *Hall) CreateHall(s HallSetup, roster []RosterRow, at time.Time, actor string) ([]Event, error) {
	if h.Exists() {
		return nil, refuse(RefuseHallExists, h.Name)
	}
	for _, f := range []struct{ name, value string }{
		{"name", s.Name}, {"date", s.Date}, {"officer", s.Officer}, {"chairman", s.Chairman},
	} {
		if strings.TrimSpace(f.value) == "" {
			return nil, refuse(RefuseSetupField, f.name)
		}
	}
	if _, err := time.Parse(DateLayout, s.Date); err != nil {
		return nil, refuse(RefuseBadDate, s.Date)
	}
	if len(roster) == 0 {
		return nil, refuse(RefuseEmptyRoster)
	}
	if probs := CheckRoster(roster); len(probs) > 0 {
		return nil, &RosterError{Problems: probs}
	}
	created := newEvent(TypeHallCreated, "", actor, at, HallCreatedData{
		Name: strings.TrimSpace(s.Name), Date: s.Date, Officer: strings.TrimSpace(s.Officer),
		Chairman: strings.TrimSpace(s.Chairman), Members: s.Members, ChairmanPIN: true, Demo: s.Demo,
		PINRecord: s.PINRecord,
	})
	imported := newEvent(TypeRosterImported, "", actor, at, RosterImportedData{Examinees: roster})
	return []Event{created, imported}, nil
}

func (h *Hall) examineeFor(id string) (*Examinee, error) {
	if err := h.open(); err != nil {
		return nil, err
	}
	e, ok := h.byID[id]
	if !ok {
		return nil, refuse(RefuseUnknownExaminee, id)
	}
	return e, nil
}

func (h *Hall) transition(e *Examinee, to Status) error {
	// Out of the audience, the only ways on are back in (ComeBack, which
	// restores where they were) and a removal.
	if e.Status == OnBreak && to != BackIn && to != Removed {
		return refuse(RefuseTransition, e.FullName, e.Status, to)
	}
	if !CanFollow(e.Status, to) {
		return refuse(RefuseTransition, e.FullName, e.Status, to)
	}
	return nil
}

// Arrive marks an examinee present after the officer checked their identity
// document against the roster (SPEC step 3). Once the exam has started a
// late arrival needs the chairman's agreement, which is not this action.
func (h *Hall) Arrive(id string, at time.Time, actor string) (Event, error) {
	e, err := h.examineeFor(id)
	if err != nil {
		return Event{}, err
	}
	if h.Phase.Started() {
		return Event{}, refuse(RefuseAfterStart, e.FullName)
	}
	if err := h.transition(e, Present); err != nil {
		return Event{}, err
	}
	return newEvent(TypeArrived, id, actor, at, ArrivedData{IDDocumentChecked: true, IDDocument: e.IDDocument}), nil
}

// MarkAbsent records that an examinee did not come.
func (h *Hall) MarkAbsent(id string, at time.Time, actor string) (Event, error) {
	e, err := h.examineeFor(id)
	if err != nil {
		return Event{}, err
	}
	if h.Phase.Started() {
		return Event{}, refuse(RefuseAfterStart, e.FullName)
	}
	if err := h.transition(e, Absent); err != nil {
		return Event{}, err
	}
	return newEvent(TypeAbsent, id, actor, at, nil), nil
}

// MaxTicketLength bounds a ticket number as typed: tickets are numbered,
// and a longer entry is a slip of the hand (or a scan in the wrong field).
const MaxTicketLength = 12

// IssueMaterials records that an examinee received the exam ticket (its
// number) and their packet of answer sheets (§1.3, §1.5). The packet is
// bound by scanning one of its sheets; until the sheets exist it is empty.
// checkTicketNumber refuses what is not a ticket number: tickets are
// numbered (§1.4), so a number is digits, at most max of them, and never
// the code of one of this hall's answer sheets — a scan that landed in
// the field is a scan, not a ticket.
func (h *Hall) checkTicketNumber(ticket string, max int) error {
	if utf8.RuneCountInString(ticket) > max {
		return refuse(RefuseTicketTooLong, max)
	}
	for _, r := range ticket {
		if r < '0' || r > '9' {
			return refuse(RefuseTicketNotDigits, ticket)
		}
	}
	if h.Session != "" {
		if c, err := h.ParseCode(ticket); err == nil {
			return refuse(RefuseTicketIsSheetCode, c.Grouped())
		}
	}
	return nil
}

func (h *Hall) IssueMaterials(id, ticket, packet string, at time.Time, actor string) (Event, error) {
	e, err := h.examineeFor(id)
	if err != nil {
		return Event{}, err
	}
	// After the start only an examinee admitted late receives materials;
	// the start of §1.3 stays where it was.
	if h.Phase.Started() && !e.AdmittedLate {
		return Event{}, refuse(RefuseAfterStart, e.FullName)
	}
	if err := h.transition(e, Materials); err != nil {
		return Event{}, err
	}
	ticket = strings.TrimSpace(ticket)
	if ticket == "" {
		return Event{}, refuse(RefuseTicketMissing, e.FullName)
	}
	if err := h.checkTicketNumber(ticket, MaxTicketLength); err != nil {
		return Event{}, err
	}
	if packet != "" {
		if err := h.packetFree(packet, e); err != nil {
			return Event{}, err
		}
	}
	return newEvent(TypeMaterialsIssued, id, actor, at, MaterialsIssuedData{Ticket: ticket, Packet: packet}), nil
}

// ProposeStart is the start the application proposes (§1.3): the moment
// the last present examinee received their materials. It is refused while
// anyone is still unmarked, nobody is present, or a present examinee has
// no materials yet; the refusal names them.
func (h *Hall) ProposeStart() (time.Time, error) {
	if !h.Exists() {
		return time.Time{}, refuse(RefuseNoHall)
	}
	if h.Phase.Started() {
		return time.Time{}, refuse(RefuseAlreadyStarted, h.Start)
	}
	var unmarked, waiting []string
	var last time.Time
	present := 0
	for _, e := range h.examinees {
		switch e.Status {
		case Registered:
			unmarked = append(unmarked, e.FullName)
		case Present:
			present++
			waiting = append(waiting, e.FullName)
		case Materials:
			present++
			if e.MaterialsAt.After(last) {
				last = e.MaterialsAt
			}
		}
	}
	switch {
	case len(unmarked) > 0:
		return time.Time{}, refuse(RefuseUnmarked, strings.Join(unmarked, ", "))
	case present == 0:
		return time.Time{}, refuse(RefuseNobodyPresent)
	case len(waiting) > 0:
		return time.Time{}, refuse(RefuseMaterialsMissing, strings.Join(waiting, ", "))
	}
	return last, nil
}

// StartExam fixes the start and the end of the exam (§1.3). start is the
// proposed start as confirmed by the officer; if they corrected it, reason
// must say why, and the correction may only move it back (a late
// recording) by at most StartCorrectionWindow, never past now.
func (h *Hall) StartExam(start time.Time, reason string, at time.Time, actor string) (Event, error) {
	proposed, err := h.ProposeStart()
	if err != nil {
		return Event{}, err
	}
	start = start.UTC().Round(0).Truncate(time.Second)
	proposedSec := proposed.Truncate(time.Second)
	reason = strings.TrimSpace(reason)
	if !start.Equal(proposedSec) {
		if start.After(at) {
			return Event{}, refuse(RefuseStartInFuture, start)
		}
		if start.Before(proposedSec.Add(-StartCorrectionWindow)) {
			return Event{}, refuse(RefuseStartTooEarly, start, proposedSec)
		}
		if reason == "" {
			return Event{}, refuse(RefuseCorrectionReason)
		}
	} else {
		reason = ""
	}
	return newEvent(TypeExamStarted, "", actor, at, ExamStartedData{
		Start: start, End: EndOf(start), Proposed: proposed, Reason: reason,
	}), nil
}

// DueClockEvents returns the warnings and the time-up that are due at now
// and were not given yet, in the order they fall. It is called on every
// tick and after every reopening: a mark passed while the program was not
// running is given at once, with how late.
func (h *Hall) DueClockEvents(now time.Time) []Event {
	if h.Phase != PhaseRunning || h.Interrupted {
		return nil
	}
	now = now.UTC().Round(0)
	var out []Event
	for _, mark := range WarningMarks {
		markAt := h.End.Add(-time.Duration(mark) * time.Minute)
		if h.WarningGiven(mark) || now.Before(markAt) {
			continue
		}
		out = append(out, newEvent(TypeWarning, "", ActorSystem, now, WarningData{
			MinutesLeft: mark, LateBySeconds: lateBy(markAt, now),
		}))
	}
	if !now.Before(h.End) {
		out = append(out, newEvent(TypeTimeUp, "", ActorSystem, now, TimeUpData{
			End: h.End, LateBySeconds: lateBy(h.End, now),
		}))
	}
	return out
}

// lateBy is how many whole seconds after mark now is, with a tick's grace.
func lateBy(mark, now time.Time) int64 {
	late := now.Sub(mark)
	if late <= 2*time.Second {
		return 0
	}
	return int64(late / time.Second)
}

// ClockJumped records a jump of the system clock seen between two ticks.
func (h *Hall) ClockJumped(wallElapsed, monoElapsed time.Duration, at time.Time) (Event, error) {
	if err := h.open(); err != nil {
		return Event{}, err
	}
	jump, ok := ClockJump(wallElapsed, monoElapsed)
	if !ok {
		return Event{}, refuse(RefuseNoJump)
	}
	return newEvent(TypeClockJump, "", ActorSystem, at, ClockJumpData{
		JumpSeconds:        jump.Seconds(),
		WallElapsedSeconds: wallElapsed.Seconds(),
		MonoElapsedSeconds: monoElapsed.Seconds(),
	}), nil
}
