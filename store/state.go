package store

import (
	"encoding/hex"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
)

// The hall's state records (its hall record, one per examinee, one per
// answer sheet) are the projection of the log as of an event, written
// every StateEvery events and at Close; the hall in memory is that
// projection and the events after it. stateLag is how far the records
// in the file are behind it.
type stateLag struct {
	// at is the last event the records in the file project.
	at uint64
	// examinees are the examinees' ordinals changed by the events after
	// at. The sheets changed since are the hall's own to say
	// (exam.Hall.TakeChangedSheets).
	examinees map[int]bool
}

// note keeps the examinees an event changed.
func (l *stateLag) note(changed []int) {
	if l.examinees == nil {
		l.examinees = map[int]bool{}
	}
	for _, o := range changed {
		l.examinees[o] = true
	}
}

// writeState writes the hall's state records that changed since they
// were last written, in tx, and the hall record, as of the hall's last
// event, whose hash is last.
func (s *Store) writeState(tx *bolt.Tx, last [32]byte) error {
	examinees := tx.Bucket(bucketExaminees)
	for o := range s.state.examinees {
		b, err := encodeExaminee(s.hall.Examinees()[o])
		if err != nil {
			return err
		}
		if err := examinees.Put(ordinalKey(o), b); err != nil {
			return err
		}
	}
	for _, sheet := range s.hall.TakeChangedSheets() {
		b, err := encodeSheet(sheet)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketSheets).Put([]byte(sheet.Code.String()), b); err != nil {
			return err
		}
	}
	state, err := encodeHall(s.hall, last[:])
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketHall).Put(keyState, state); err != nil {
		return err
	}
	s.state = stateLag{at: s.hall.LastSeq}
	return nil
}

// replayTail applies to h, loaded from the state records, the events of
// the log in tx after them, up to event last (the log's, or as much of it
// as verified), and notes in lag what they changed.
func replayTail(tx *bolt.Tx, h *exam.Hall, last uint64, lag *stateLag) error {
	if h.LastSeq >= last {
		return nil
	}
	history := func(seq uint64) (exam.Event, error) { return eventInTx(tx, seq) }
	log := logIn(tx)
	for seq := h.LastSeq + 1; seq <= last; seq++ {
		body := log.Get(tx, seq)
		if body == nil {
			return fmt.Errorf("event %d: missing or too short", seq)
		}
		ev, err := DecodeEvent(body)
		if err != nil {
			return fmt.Errorf("event %d: %w", seq, err)
		}
		changed, err := h.Apply(ev, history)
		if err != nil {
			return err
		}
		lag.note(changed)
	}
	return nil
}

// checkStateHead says whether the state records loaded into h, which
// name lastHash as the hash of their last event, are of the log in tx:
// that event's hash must be lastHash. A file before schema 6 names none,
// and its records are of the whole log (signedlog's Verify checks that).
func checkStateHead(tx *bolt.Tx, h *exam.Hall, lastHash string) error {
	if h.LastSeq == 0 || lastHash == "" && schemaOf(tx) < 6 {
		return nil
	}
	var logHash string
	if v := tx.Bucket(bucketEvents).Get(seqKey(h.LastSeq)); len(v) >= 32 {
		logHash = hex.EncodeToString(v[:32])
	}
	if logHash != lastHash {
		return &StateError{Where: "hall: last_hash", Record: StateHall, Field: []string{"last_hash"}, Log: strconv.Quote(logHash), State: strconv.Quote(lastHash)}
	}
	return nil
}
