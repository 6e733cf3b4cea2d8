package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
)

// A correction replays an examinee's day from the log without the
// cancelled entry, so the hall needs to read past events: during a
// decision from a read transaction, while applying from the write
// transaction that is appending (which a separate read transaction would
// not see into, and could deadlock against).

func eventInTx(tx *bolt.Tx, seq uint64) (exam.Event, error) {
	body := logIn(tx).Get(tx, seq)
	if body == nil {
		return exam.Event{}, fmt.Errorf("event %d is not in the log", seq)
	}
	ev, err := DecodeEvent(body)
	if err != nil {
		return exam.Event{}, fmt.Errorf("event %d: %w", seq, err)
	}
	ev.Seq = seq
	return ev, nil
}

func (s *Store) readEvent(seq uint64) (exam.Event, error) {
	var ev exam.Event
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		ev, err = eventInTx(tx, seq)
		return err
	})
	return ev, err
}

// Event reads one stored event by its sequence number.
func (s *Store) Event(seq uint64) (exam.Event, error) { return s.readEvent(seq) }
