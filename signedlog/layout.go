package signedlog

import (
	"encoding/binary"
	"errors"

	"golang.org/x/mod/sumdb/tlog"
)

// Layout names where a log lives in its bbolt file: the buckets of its
// events, their signatures and its tree, and the key of its latest
// signed checkpoint in a bucket of the user's (meta).
//
// Separate (Inline false), as the hall's files of schemas 3 and 4 keep it:
//
//	Events: seq (8 bytes BE) -> sha256(body) || body
//	Sigs:   seq (8 bytes BE) -> the Ed25519 signature of the body
//	Tree:   tlog stored-hash index (8 bytes BE) -> 32-byte hash
//
// Inline, as the hall's files of schema 5 keep it, each event's record
// holds its signature and the tree's stored hashes its event adds, so an
// append writes one bucket, not three (Sigs and Tree are not used):
//
//	Events: seq (8 bytes BE) -> sha256(body) || signature (64) || stored hashes || body
//
// where the stored hashes are those tlog.StoredHashes gives for record
// seq-1, 32 bytes each, in index order: tlog.StoredHashIndex(0, seq-1)
// and on, as many as tlog.StoredHashIndex(0, seq) less that (one, and one
// more for each complete subtree the event closes). The same facts as the
// separate buckets, byte for byte, and the same checks of them.
//
// Head, when set, is the key in Meta of the log's head record, which
// every commit rewrites: the number of events and the last one's hash,
//
//	Head: size (8 bytes BE) || sha256(body of event size)
//
// It is what lets a user keep state projected from the log lag behind
// it (the hall's state is written every so many events, not on every
// commit): Verify then takes the head record, not the state, as the
// word on where the log ends, so an event removed from the end of the
// log after its last checkpoint is still found missing. In the meta
// bucket, which bbolt keeps inline in its parent's page, it adds no page
// to a commit.
type Layout struct {
	Events, Sigs, Tree []byte
	Meta, Checkpoint   []byte
	Head               []byte
	Inline             bool
}

// headRecord is the head record of a log of size events ending in hash.
func headRecord(size uint64, hash [32]byte) []byte {
	return append(binary.BigEndian.AppendUint64(make([]byte, 0, 40), size), hash[:]...)
}

// ErrUnsigned: the file was written before its events were signed; it has
// no key, no tree and no checkpoint.
var ErrUnsigned = errors.New("the file was written before its events were signed")

// CheckpointEvery is how many events the stored checkpoint may fall
// behind the log before a commit signs a new one. Verify checks the
// signatures of the last recentSignatures events, more than this, so
// every event after the stored checkpoint has its own signature checked
// at every open.
const CheckpointEvery = 32

// hashCount is how many stored hashes of the tree event seq adds.
func hashCount(seq uint64) int {
	return int(tlog.StoredHashIndex(0, int64(seq)) - tlog.StoredHashIndex(0, int64(seq)-1))
}

// stored is one event's stored record, in its parts; the slices are the
// record's own bytes (bbolt's while the transaction is open).
type stored struct {
	hash, body []byte
	sig        []byte // Inline only: the signature in the record
	tree       []byte // Inline only: the stored hashes in the record
	short      bool   // too short to hold its hash (and, Inline, its signature and tree hashes)
}

// split reads event seq's stored value v into its parts.
func (l Layout) split(seq uint64, v []byte) stored {
	if !l.Inline {
		if len(v) < 32 {
			return stored{short: true}
		}
		return stored{hash: v[:32], body: v[32:]}
	}
	head := 32 + 64 + tlog.HashSize*hashCount(seq)
	if len(v) < head {
		return stored{short: true}
	}
	return stored{hash: v[:32], sig: v[32:96], tree: v[96:head], body: v[head:]}
}

// record makes event e's stored value; tree are the stored hashes it adds.
func (l Layout) record(e Entry, tree []tlog.Hash) []byte {
	if !l.Inline {
		value := make([]byte, 0, 32+len(e.Body))
		return append(append(value, e.Hash[:]...), e.Body...)
	}
	value := make([]byte, 0, 32+64+tlog.HashSize*len(tree)+len(e.Body))
	value = append(append(value, e.Hash[:]...), e.Signature...)
	for _, h := range tree {
		value = append(value, h[:]...)
	}
	return append(value, e.Body...)
}

// Record is event e's stored value in layout l, with tree the stored
// hashes it adds: what a migration from another layout writes.
func (l Layout) Record(e Entry, tree []tlog.Hash) []byte { return l.record(e, tree) }

// Body is the event's bytes in v, event seq's stored value in layout l
// (as a cursor walk of the events bucket reads it); nil if v is too
// short to hold them.
func (l Layout) Body(seq uint64, v []byte) []byte {
	r := l.split(seq, v)
	if r.short {
		return nil
	}
	return r.body
}
