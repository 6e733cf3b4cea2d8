package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
)

// Replay rebuilds the hall from the log alone, from the first event to the
// last, as the central record or a commission would: the state kept beside
// the log is only a projection of it, kept so that opening a big hall is
// quick.
func (s *Store) Replay() (*exam.Hall, error) { return s.replay(^uint64(0)) }

// replay is Replay of the events up to seq last.
func (s *Store) replay(last uint64) (*exam.Hall, error) {
	h := exam.NewHall()
	err := s.view(func(tx *bolt.Tx) error {
		h.SetHistory(func(seq uint64) (exam.Event, error) { return eventInTx(tx, seq) })
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.First(); k != nil && h.LastSeq < last; k, v = c.Next() {
			if len(v) < 32 {
				return fmt.Errorf("event %x: too short", k)
			}
			ev, err := DecodeEvent(v[32:])
			if err != nil {
				return fmt.Errorf("event %x: %w", k, err)
			}
			if _, err := h.Apply(ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	h.SetHistory(s.readEvent)
	return h, nil
}

// CheckProjection replays the log and compares the result with the state
// kept beside it: hall, every examinee and every answer sheet. A
// difference means the state records were changed behind the log's back
// (or a bug): the log wins.
func (s *Store) CheckProjection() error {
	// The state as of one commit, and the log replayed to that commit's
	// last event: a commit made meanwhile (the screens run this behind
	// their first frame, while the officer scans) is in neither.
	kept := s.Hall()
	replayed, err := s.replay(kept.LastSeq)
	if err != nil {
		return fmt.Errorf("replaying the log: %w", err)
	}
	if a, b := mustJSON(replayed), mustJSON(kept); !bytes.Equal(a, b) {
		return fmt.Errorf("the hall's state differs from its log:\n  log:   %s\n  state: %s", a, b)
	}
	re, ke := replayed.Examinees(), kept.Examinees()
	if len(re) != len(ke) {
		return fmt.Errorf("the log has %d examinees, the state %d", len(re), len(ke))
	}
	for i := range re {
		if a, b := mustJSON(re[i]), mustJSON(ke[i]); !bytes.Equal(a, b) {
			return fmt.Errorf("examinee %s differs from the log:\n  log:   %s\n  state: %s", re[i].ID, a, b)
		}
	}
	rs, ks := replayed.Sheets(), kept.Sheets()
	if len(rs) != len(ks) {
		return fmt.Errorf("the log has %d answer sheets, the state %d", len(rs), len(ks))
	}
	for i := range rs {
		if a, b := mustJSON(rs[i]), mustJSON(ks[i]); !bytes.Equal(a, b) {
			return fmt.Errorf("answer sheet %s differs from the log:\n  log:   %s\n  state: %s", rs[i].Code.Grouped(), a, b)
		}
	}
	return nil
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte(err.Error())
	}
	return b
}

// VerifyProjection is CheckProjection for a running program: if the state
// does not match the log, the store becomes read-only and says why, as it
// does for a log that does not verify. It takes a moment on a big hall, so
// the screen can run it after the first frame.
func (s *Store) VerifyProjection() error {
	err := s.CheckProjection()
	if err != nil {
		s.breaks(err)
	}
	return err
}
