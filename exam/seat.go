package exam

import (
	"strings"
	"time"
)

// A seat change: an examinee moved to another seat during the exam (a
// broken desk, a draught, a neighbour's disturbance), with the reason. The
// roster's seat is where they sit now; the log keeps where they sat.

const TypeSeatChanged = "examinee.seat_changed"

// SeatChangedData is a move from one seat to another, and why.
type SeatChangedData struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Reason string `json:"reason"`
}

// MaxSeat bounds a seat as typed.
const MaxSeat = 12

// ChangeSeat moves an examinee who is in the exam to another seat, with
// the reason. The seat must be free: nobody else of the hall who is
// still in the room sits there.
func (h *Hall) ChangeSeat(id, seat, reason string, at time.Time, actor string) (Event, error) {
	e, err := h.examineeFor(id)
	if err != nil {
		return Event{}, err
	}
	if !e.Status.Sitting() {
		return Event{}, refuse(RefuseSeatNotSitting, e.FullName)
	}
	seat, reason = strings.TrimSpace(seat), strings.TrimSpace(reason)
	switch {
	case seat == "":
		return Event{}, refuse(RefuseSeatMissing, e.FullName)
	case len([]rune(seat)) > MaxSeat:
		return Event{}, refuse(RefuseSeatTooLong, MaxSeat)
	case seat == e.Seat:
		return Event{}, refuse(RefuseSeatSame, e.FullName, seat)
	case reason == "":
		return Event{}, refuse(RefuseSeatReason)
	}
	for _, o := range h.examinees {
		if o.ID != id && o.Seat == seat && o.Status.Sitting() {
			return Event{}, refuse(RefuseSeatTaken, seat, o.FullName)
		}
	}
	return newEvent(TypeSeatChanged, id, actor, at, SeatChangedData{From: e.Seat, To: seat, Reason: reason}), nil
}

// applySeat is a seat change on e.
func applySeat(e *Examinee, ev Event) error {
	d, err := Decode[SeatChangedData](ev)
	if err != nil {
		return err
	}
	e.Seat = d.To
	return nil
}
