package store_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"

	"examday/store"
	"examday/store/storetest"
)

// Damage to a log of 300 events, one kind of change at a time.
func flipEvent(seq uint64) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		r := getRec(tx, seq)
		r.body[len(r.body)/2] ^= 0x20
		return putRec(tx, seq, r)
	}
}

func flipSignature(seq uint64) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		sig := getRec(tx, seq).sig
		sig[5] ^= 1
		return putSig(tx, seq, sig)
	}
}

// flipTreeHash damages the first tree hash stored for event seq.
func flipTreeHash(seq uint64) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		index := tlog.StoredHashIndex(0, int64(seq-1))
		h := treeHash(tx, index)
		h[0] ^= 1
		return putTreeHash(tx, index, h)
	}
}

// headOneShort makes the log's head record say it ends an event before
// its last, total.
func headOneShort(total int) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		head := binary.BigEndian.AppendUint64(nil, uint64(total-1))
		head = append(head, getRec(tx, uint64(total-1)).hash...)
		return tx.Bucket(bucketMeta).Put([]byte("head"), head)
	}
}

// When several events are damaged, the file opens read-only naming the
// earliest of them, whichever check finds it: Open verifies the
// signatures of only the latest events of a sound log, so an old event
// whose own signature was damaged is found only by checking every
// signature before the later damage, and it is the one named.
func TestSeveralDamagedEventsAreNamedFromTheEarliest(t *testing.T) {
	const total = 300 // Open checks the signatures of events 201 … 300 of a sound log
	cases := []struct {
		name    string
		damage  []func(tx *bolt.Tx) error
		want    uint64
		wantLog store.Check
	}{
		{"two events' bytes", []func(tx *bolt.Tx) error{flipEvent(120), flipEvent(60)}, 60, store.CheckChain},
		{"an old signature before an event's bytes", []func(tx *bolt.Tx) error{flipEvent(150), flipSignature(40)}, 40, store.CheckSignature},
		{"a recent signature before an event's bytes", []func(tx *bolt.Tx) error{flipEvent(280), flipSignature(230)}, 230, store.CheckSignature},
		{"an old signature before a tree hash", []func(tx *bolt.Tx) error{flipTreeHash(100), flipSignature(50)}, 50, store.CheckSignature},
		{"a tree hash before an event's bytes", []func(tx *bolt.Tx) error{flipEvent(200), flipTreeHash(70)}, 70, store.CheckTree},
		{"an old signature before the log's length", []func(tx *bolt.Tx) error{headOneShort(total), flipSignature(20)}, 20, store.CheckSignature},
		{"two old signatures", []func(tx *bolt.Tx) error{flipSignature(90), flipSignature(30)}, 30, store.CheckSignature},
	}
	sound := builtHall(t, 20, total)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := copyHall(t, sound, t.TempDir())
			for _, d := range c.damage {
				rawUpdate(t, path, d)
			}
			s := open(t, path)
			if s.Broken() != nil {
				// What verified is the log before the event named.
				if size, _ := s.TreeHead(); size != int64(c.want-1) {
					t.Errorf("the tree of what verified holds %d events; want %d", size, c.want-1)
				}
			}
			// The old signatures of a log that verifies otherwise are
			// checked behind the first frame (the screens, the commands).
			if err := s.VerifySignatures(); err == nil {
				t.Error("VerifySignatures found nothing")
			}
			var chain *store.ChainError
			if !errors.As(s.Broken(), &chain) {
				t.Fatalf("Broken() = %v; want a *ChainError", s.Broken())
			}
			if chain.Seq != c.want || chain.Check != c.wantLog {
				t.Errorf("Broken() = %v (%s); want event %d (%s)", chain, chain.Check, c.want, c.wantLog)
			}
		})
	}
}

// The screens check the projection behind their first frame while the
// officer goes on recording: a commit made during the check is not taken
// for damage.
func TestProjectionCheckedWhileEventsAreRecordedHolds(t *testing.T) {
	s := open(t, builtHall(t, 20, 200))
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 200 {
			if _, err := s.Do(clockJump(storetest.Base.Add(time.Duration(i+1) * time.Hour))); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for checks := 0; ; checks++ {
		select {
		case <-done:
			if checks == 0 {
				t.Error("no check ran while events were recorded")
			}
			if err := s.VerifyProjection(); err != nil {
				t.Fatal(err)
			}
			return
		default:
		}
		if err := s.VerifyProjection(); err != nil {
			t.Fatalf("check %d, while events were recorded: %v", checks+1, err)
		}
	}
}

// Why a file is read-only decides whether its record is in doubt: a key
// missing or not the file's, an older schema, a file that cannot be
// written here, one opened to read stop writing only; a log that does
// not verify, a state that differs, a damaged file discredit it.
func TestOnlyAnUntrueRecordIsDiscredited(t *testing.T) {
	for _, err := range []error{store.ErrKeyMissing, store.ErrKeyMismatch, store.ErrOldSchema, store.ErrCannotWrite, store.ErrOpenedToRead} {
		if store.Discredits(fmt.Errorf("%w: detail", err)) {
			t.Errorf("%v discredits the record", err)
		}
	}
	for _, err := range []error{store.ErrDamaged, store.ErrStateDiffers, store.ErrReadOnly, errors.New("chain broken at 7")} {
		if !store.Discredits(fmt.Errorf("%w: detail", err)) {
			t.Errorf("%v does not discredit the record", err)
		}
	}
	if store.Discredits(nil) {
		t.Error("a writable file is discredited")
	}
}
