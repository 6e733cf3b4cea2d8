package signedlog

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
)

// Each calls fn for each stored event from seq from on, in order, with
// its stored hash and its signature (nil if it has none: a file written
// before events were signed). The bytes are copies, the caller's to keep.
func (l Layout) Each(tx *bolt.Tx, from uint64, fn func(Entry) error) error {
	var sigs *bolt.Cursor
	var sk, sv []byte
	if b := tx.Bucket(l.Sigs); b != nil && !l.Inline {
		sigs = b.Cursor()
		sk, sv = sigs.Seek(seqKey(from))
	}
	c := tx.Bucket(l.Events).Cursor()
	for k, v := c.Seek(seqKey(from)); k != nil; k, v = c.Next() {
		seq := binary.BigEndian.Uint64(k)
		r := l.split(seq, v)
		if r.short {
			return &ChainError{Seq: seq, Check: CheckChain, Code: ChainEventShort, Reason: "the stored event is too short"}
		}
		e := Entry{Seq: seq, Body: append([]byte(nil), r.body...), Signature: bytes.Clone(r.sig)}
		copy(e.Hash[:], r.hash)
		for sigs != nil && sk != nil && bytes.Compare(sk, k) < 0 {
			sk, sv = sigs.Next()
		}
		if sk != nil && bytes.Equal(sk, k) {
			e.Signature = bytes.Clone(sv)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// Bundle writes events from … size of the log in tx as a bundle (package
// bundle), with checkpoint, the signed checkpoint of a tree of size
// events: the hand-over of the record, by file or over HTTP. The events,
// their signatures and the tree hashes before them are read in tx, so the
// bundle is of one state of the log. It needs no private key. The caller
// checks that 1 ≤ from ≤ size ≤ the log's size.
func (l Layout) Bundle(tx *bolt.Tx, id Identity, from, size uint64, checkpoint []byte) ([]byte, error) {
	h := bundle.Header{
		Device: id.Device, Epoch: id.Epoch, Origin: id.Origin(), Key: id.VerifierKey(),
		Prev: hex.EncodeToString(make([]byte, 32)),
	}
	events := make([]bundle.Event, 0, size-from+1)
	evB := tx.Bucket(l.Events)
	if from > 1 {
		r := l.split(from-1, evB.Get(seqKey(from-1)))
		if r.short {
			return nil, &ChainError{Seq: from - 1, Check: CheckChain, Code: ChainEventLost, Reason: "the stored event is missing or too short"}
		}
		h.Prev = hex.EncodeToString(r.hash)
		frontier, err := l.hashes(tx).ReadHashes(bundle.FrontierIndexes(int64(from - 1)))
		if err != nil {
			return nil, err
		}
		h.Frontier = frontier
	}
	c := evB.Cursor()
	k, v := c.Seek(seqKey(from))
	// A layout that keeps the signatures apart: a cursor walk of theirs
	// beside the events'.
	var sc *bolt.Cursor
	var sk, sv []byte
	if !l.Inline {
		sc = tx.Bucket(l.Sigs).Cursor()
		sk, sv = sc.Seek(seqKey(from))
	}
	for seq := from; seq <= size; seq++ {
		r := l.split(seq, v)
		if k == nil || string(k) != string(seqKey(seq)) || r.short {
			return nil, &ChainError{Seq: seq, Check: CheckChain, Code: ChainEventLost, Reason: "the stored event is missing or too short"}
		}
		sig := r.sig
		if sc != nil {
			if sk == nil || string(sk) != string(seqKey(seq)) {
				return nil, &ChainError{Seq: seq, Check: CheckSignature, Code: ChainSignatureMissing, Reason: "the event has no stored signature"}
			}
			sig = sv
			sk, sv = sc.Next()
		}
		// Copied: bbolt's bytes are valid only inside the transaction.
		events = append(events, bundle.Event{Seq: seq, Body: append([]byte(nil), r.body...), Signature: append([]byte(nil), sig...)})
		k, v = c.Next()
	}
	if h.Frontier == nil {
		h.Frontier = []tlog.Hash{}
	}
	return bundle.Encode(h, events, checkpoint)
}
