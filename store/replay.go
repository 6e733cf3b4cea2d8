package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

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
	var h *exam.Hall
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		h, err = replayTx(tx, last)
		return err
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// replayTx replays the log in tx, up to event last.
func replayTx(tx *bolt.Tx, last uint64) (*exam.Hall, error) {
	h := exam.NewHall()
	history := func(seq uint64) (exam.Event, error) { return eventInTx(tx, seq) }
	log := logIn(tx)
	c := tx.Bucket(bucketEvents).Cursor()
	for k, v := c.First(); k != nil && h.LastSeq < last; k, v = c.Next() {
		var body []byte
		if len(k) == 8 {
			body = log.Body(binary.BigEndian.Uint64(k), v)
		}
		if body == nil {
			return nil, fmt.Errorf("event %x: too short", k)
		}
		ev, err := DecodeEvent(body)
		if err != nil {
			return nil, fmt.Errorf("event %x: %w", k, err)
		}
		if _, err := h.Apply(ev, history); err != nil {
			return nil, fmt.Errorf("event %d (%s): %w", ev.Seq, ev.Type, err)
		}
	}
	return h, nil
}

// StateError says that the hall's state kept beside the log is not what
// the log projects, and where they first differ: the state records were
// changed behind the log's back (or a bug). The log wins; the file opens
// read-only.
type StateError struct {
	// Where names the record and the field: "hall: pin_locked_until",
	// "examinee M-003: seat", "answer sheet 1820 1530 1309: state".
	Where string
	// Record, Name and Field are Where in parts, for the officer's words
	// (package i18n): the kind of record (StateHall, StateExaminee,
	// StateSheet), the examinee's id or the sheet's code ("" for the
	// hall), and the path of JSON names and indexes to the field that
	// differs (none when a whole record is missing on one side).
	Record string
	Name   string
	Field  []string
	// Log and State are the field's value as the log projects it and as
	// the state record holds it, as JSON ("" for a record one side lacks).
	Log, State string
}

func (e *StateError) Error() string {
	return fmt.Sprintf("%v: %s is %s in the log but %s in the state kept beside it", ErrStateDiffers, e.Where, orNone(e.Log), orNone(e.State))
}

func (e *StateError) Unwrap() error { return ErrStateDiffers }

// The records a StateError names.
const (
	StateHall     = "hall"
	StateExaminee = "examinee"
	StateSheet    = "sheet"
)

// stateWhere is Where of a record: the hall, or an examinee or a sheet by
// its name.
func stateWhere(record, name string) string {
	switch record {
	case StateExaminee:
		return "examinee " + name
	case StateSheet:
		return "answer sheet " + name
	}
	return record
}

func orNone(v string) string {
	if v == "" {
		return "absent"
	}
	return v
}

// CheckProjection replays the log and compares the result with the state
// kept beside it: hall, every examinee and every answer sheet. A
// difference is a *StateError naming the first field that differs.
func (s *Store) CheckProjection() error {
	// The state as of one commit, and the log replayed to that commit's
	// last event: a commit made meanwhile (the screens run this behind
	// their first frame, while the officer scans) is in neither.
	kept := s.Hall()
	replayed, err := s.replay(kept.LastSeq)
	if err != nil {
		return fmt.Errorf("replaying the log: %w", err)
	}
	return compareState(replayed, kept)
}

// checkStateTx is CheckProjection for Open, in the transaction of its
// look at the file, on the state that look loaded.
func checkStateTx(tx *bolt.Tx, kept *exam.Hall) error {
	replayed, err := replayTx(tx, ^uint64(0))
	if err != nil {
		return fmt.Errorf("%w: replaying the log: %v", ErrStateDiffers, err)
	}
	return compareState(replayed, kept)
}

// compareState compares the hall the log projects with the one kept:
// the hall's record, then the examinees by id in the roster's order, then
// the sheets by code.
func compareState(replayed, kept *exam.Hall) error {
	if err := firstDifference(StateHall, "", replayed, kept); err != nil {
		return err
	}
	if err := compareRecords(StateExaminee, replayed.Examinees(), kept.Examinees(),
		func(e *exam.Examinee) string { return e.ID }); err != nil {
		return err
	}
	return compareRecords(StateSheet, replayed.Sheets(), kept.Sheets(),
		func(s *exam.Sheet) string { return s.Code.Grouped() })
}

// compareRecords compares records matched by their names: the first of
// the log's that the state lacks or holds otherwise, then the first the
// state holds beyond the log's.
func compareRecords[T any](record string, fromLog, kept []*T, name func(*T) string) error {
	byName := make(map[string]*T, len(kept))
	for _, k := range kept {
		byName[name(k)] = k
	}
	for _, r := range fromLog {
		n := name(r)
		k, ok := byName[n]
		if !ok {
			return &StateError{Where: stateWhere(record, n), Record: record, Name: n, Log: "present", State: ""}
		}
		if err := firstDifference(record, n, r, k); err != nil {
			return err
		}
		delete(byName, n)
	}
	for _, k := range kept {
		if n := name(k); byName[n] != nil {
			return &StateError{Where: stateWhere(record, n), Record: record, Name: n, Log: "", State: "present"}
		}
	}
	return nil
}

// firstDifference compares two records by their JSON and names the first
// field, in the order of the field names, where they differ; nil if they
// are the same.
func firstDifference[T any](record, name string, fromLog, kept *T) error {
	a, b := recordJSON(fromLog), recordJSON(kept)
	if bytes.Equal(a, b) {
		return nil
	}
	where := stateWhere(record, name)
	var av, bv any
	if json.Unmarshal(a, &av) != nil || json.Unmarshal(b, &bv) != nil {
		return &StateError{Where: where, Record: record, Name: name, Log: string(a), State: string(b)}
	}
	path, x, y := jsonDiff(av, bv, nil)
	if len(path) > 0 {
		where += ": " + strings.Join(path, ".")
	}
	return &StateError{Where: where, Record: record, Name: name, Field: path, Log: shortJSON(x), State: shortJSON(y)}
}

func recordJSON[T any](v *T) []byte {
	if v == nil {
		return []byte("null")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return []byte(err.Error())
	}
	return b
}

// jsonDiff walks two decoded JSON values to where they first differ and
// returns that path and the two values there.
func jsonDiff(a, b any, path []string) ([]string, any, any) {
	switch am := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			break
		}
		keys := make([]string, 0, len(am)+len(bm))
		for k := range am {
			keys = append(keys, k)
		}
		for k := range bm {
			if _, ok := am[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !reflect.DeepEqual(am[k], bm[k]) {
				return jsonDiff(am[k], bm[k], append(path, k))
			}
		}
	case []any:
		bs, ok := b.([]any)
		if !ok {
			break
		}
		for i := range min(len(am), len(bs)) {
			if !reflect.DeepEqual(am[i], bs[i]) {
				return jsonDiff(am[i], bs[i], append(path, fmt.Sprint(i)))
			}
		}
	}
	return path, a, b
}

// shortJSON is a value as JSON, cut at 80 characters: enough to see what
// was changed, short enough for a banner.
func shortJSON(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if s := string(b); len([]rune(s)) > 80 {
		return string([]rune(s)[:79]) + "…"
	}
	return string(b)
}

// VerifyProjection is CheckProjection for a running program: if the state
// does not match the log, the store becomes read-only and says why, as it
// does for a log that does not verify. A store opened with
// CheckStateLater runs it once, before its first change (Do waits for it),
// so the screen can run it after the first frame.
func (s *Store) VerifyProjection() error {
	s.stateChecked.Do(func() {
		err := s.CheckProjection()
		s.mu.Lock()
		defer s.mu.Unlock()
		s.stateErr = err
		if err != nil && s.broken == nil {
			s.broken = err
		}
	})
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.stateErr
}

// checkPINRecord compares the chairman's PIN record kept beside the log
// with the one the log committed to when the hall was created. A record
// swapped (for another hall's, whose PIN someone knows) would let that PIN
// agree to decisions; it makes the file read-only instead.
func checkPINRecord(tx *bolt.Tx, h *exam.Hall) error {
	if !h.PINRecordBound() {
		return nil
	}
	return h.CheckPINRecord(string(tx.Bucket(bucketSecrets).Get([]byte(SecretChairmanPIN))))
}
