package central

import (
	"fmt"
	"slices"

	"examday/admission"
)

// The admission commission's desk (package admission) is the projection
// of the book's admission events: the campaign in force and its
// applicants. Its decisions are taken on the desk the book makes at that
// moment, in the transaction that records them.

// PINSecret is the key of a chair's PIN hash beside the book.
func PINSecret(role string) string { return "pin:" + role }

// Desk is the desk the book makes now.
func (d *DB) Desk() (*admission.Desk, error) {
	desk := &admission.Desk{}
	err := d.Book(1, func(r BookRecord) error { return foldDesk(desk, r.Event) })
	return desk, err
}

// DecideAdmission records the admission events decide returns, given the
// desk the book makes, with secrets kept beside the book in the same
// transaction (DecideWithSecrets).
func (d *DB) DecideAdmission(secrets map[string]string, decide func(*admission.Desk) ([]admission.Event, error)) ([]BookRecord, error) {
	return d.DecideWithSecrets(secrets, func(book []BookEvent) ([]BookEvent, error) {
		desk := &admission.Desk{}
		for _, ev := range book {
			if err := foldDesk(desk, ev); err != nil {
				return nil, err
			}
		}
		events, err := decide(desk)
		if err != nil {
			return nil, err
		}
		out := make([]BookEvent, len(events))
		for i, ev := range events {
			out[i] = BookEvent{At: ev.At, Type: ev.Type, Applicant: ev.Applicant, Actor: ev.Actor, Data: ev.Data}
		}
		return out, nil
	})
}

// foldDesk applies a book event to the desk if it is one of the
// admission campaign's; the book's other events (the marks, the results,
// the appeals of later stages) are not the desk's.
func foldDesk(desk *admission.Desk, ev BookEvent) error {
	if !slices.Contains(admission.EventTypes(), ev.Type) {
		return nil
	}
	err := desk.Apply(admission.Event{Seq: ev.Seq, At: ev.At, Type: ev.Type, Applicant: ev.Applicant, Actor: ev.Actor, Data: ev.Data, Prev: ev.Prev})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBookBroken, err)
	}
	return nil
}
