package store

import (
	"encoding/hex"
	"fmt"

	"examday/bundle"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"
)

// Bundle writes the events from seq from to the end of the log (to the
// end of what its checkpoint signs, see CheckpointSize) as a bundle
// (package bundle): the hand-over of the record to the central
// record, by file or over HTTP. The events, their signatures, the tree
// hashes before them and the checkpoint are read in one transaction, so
// the bundle is of one state of the log. It needs no private key: a file
// opened read-only because its key is missing can still hand over its
// record. A file whose log does not verify cannot: its checkpoint would
// not sign what it holds.
func (s *Store) Bundle(from uint64) ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if !s.id.signed() {
		return nil, ErrUnsigned
	}
	checkpoint, signed, err := s.currentCheckpoint()
	if err != nil {
		return nil, err
	}
	// A file that cannot sign hands over what its checkpoint covers; the
	// events after it wait for the key file to be put back.
	size := uint64(signed)
	if from < 1 {
		from = 1
	}
	if from > size {
		if logSize := uint64(s.tree.size); from <= logSize {
			return nil, &codedError{kind: ErrKeyMissing, code: "store.export_unsigned", args: []any{size + 1, logSize},
				text: fmt.Sprintf("%v: events %d–%d are signed one by one but under no signed checkpoint yet, and none can be signed without the key file; put it back to hand them over",
					ErrKeyMissing, size+1, logSize)}
		}
		return nil, &codedError{code: "store.export_nothing", args: []any{size, from},
			text: fmt.Sprintf("the log has %d events; there is nothing from event %d on", size, from)}
	}
	h := bundle.Header{
		Device: s.id.device, Epoch: s.id.epoch, Origin: s.id.origin(), Key: s.id.verifierKey(),
		Prev: hex.EncodeToString(make([]byte, 32)),
	}
	events := make([]bundle.Event, 0, size-from+1)
	err = s.view(func(tx *bolt.Tx) error {
		evB, sigB := tx.Bucket(bucketEvents), tx.Bucket(bucketSigs)
		if from > 1 {
			v := evB.Get(seqKey(from - 1))
			if len(v) < 32 {
				return &ChainError{Seq: from - 1, Check: CheckChain, Code: ChainEventLost, Reason: "the stored event is missing or too short"}
			}
			h.Prev = hex.EncodeToString(v[:32])
			frontier, err := txHashes(tx.Bucket(bucketTree)).ReadHashes(bundle.FrontierIndexes(int64(from - 1)))
			if err != nil {
				return err
			}
			h.Frontier = frontier
		}
		c, sc := evB.Cursor(), sigB.Cursor()
		k, v := c.Seek(seqKey(from))
		sk, sv := sc.Seek(seqKey(from))
		for seq := from; seq <= size; seq++ {
			if k == nil || string(k) != string(seqKey(seq)) || len(v) < 32 {
				return &ChainError{Seq: seq, Check: CheckChain, Code: ChainEventLost, Reason: "the stored event is missing or too short"}
			}
			if sk == nil || string(sk) != string(seqKey(seq)) {
				return &ChainError{Seq: seq, Check: CheckSignature, Code: ChainSignatureMissing, Reason: "the event has no stored signature"}
			}
			// Copied: bbolt's bytes are valid only inside the transaction.
			events = append(events, bundle.Event{Seq: seq, Body: append([]byte(nil), v[32:]...), Signature: append([]byte(nil), sv...)})
			k, v = c.Next()
			sk, sv = sc.Next()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if h.Frontier == nil {
		h.Frontier = []tlog.Hash{}
	}
	return bundle.Encode(h, events, checkpoint)
}
