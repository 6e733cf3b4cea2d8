package store

import (
	bolt "go.etcd.io/bbolt"

	"examday/exam"
)

// EventsAt reads the stored events seqs, in that order, in one read
// transaction: an examinee's day for the screen, one look at the file
// however long the day. The events read before one that cannot be read
// are returned with its error.
func (s *Store) EventsAt(seqs []uint64) ([]exam.Event, error) {
	out := make([]exam.Event, 0, len(seqs))
	err := s.view(func(tx *bolt.Tx) error {
		for _, seq := range seqs {
			ev, err := eventInTx(tx, seq)
			if err != nil {
				return err
			}
			out = append(out, ev)
		}
		return nil
	})
	return out, err
}
