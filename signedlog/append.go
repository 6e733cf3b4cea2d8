package signedlog

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"
)

// Entry is one event of a batch: its place, its exact bytes, their
// SHA-256 and, once the batch is committed, their signature.
type Entry struct {
	Seq       uint64
	Body      []byte
	Hash      [32]byte
	Signature []byte
}

// Batch is an append of events after a log, inside one bbolt write
// transaction of the user's: Prepare fixes every event's bytes, tree
// hashes and signature, Put stores an event, so that the user can read
// the log as of it while it applies the next, and Commit stores what the
// layout keeps apart from the events (their signatures and tree hashes,
// when not Inline), and a checkpoint when one is due. The user puts the
// state the events change in the same transaction: all of it is
// committed, and fsynced, together or not at all.
type Batch struct {
	l       Layout
	tx      *bolt.Tx
	log     Log
	key     *Key
	entries []Entry
	tree    *treeAppend
	ends    []int // entry i's stored hashes are tree.added[ends[i-1]:ends[i]]
	next    Head
}

// Prepare fixes the bytes of n events after log, in tx, and signs them
// with key: encode makes event i's bytes from its place and the hash of
// the event before it (in hex, as "prev" says it). The bytes of every
// event, and so the tree, are fixed before anything is applied: an
// event's seq and prev depend only on the ones before it.
func (l Layout) Prepare(tx *bolt.Tx, log Log, key *Key, n int, encode func(i int, seq uint64, prev [32]byte) ([]byte, error)) (*Batch, error) {
	var reader tlog.HashReader
	if l.Inline {
		fillAppendOnly(tx.Bucket(l.Events))
		reader = inlineHashes(l, tx.Bucket(l.Events))
	} else {
		fillAppendOnly(tx.Bucket(l.Events), tx.Bucket(l.Sigs), tx.Bucket(l.Tree))
		reader = txHashes(tx.Bucket(l.Tree))
	}
	b := &Batch{l: l, tx: tx, log: log, key: key, entries: make([]Entry, n), ends: make([]int, n), tree: newTreeAppend(reader, log.Tree)}
	head := log.Head
	for i := range n {
		seq := uint64(log.Tree.Size) + 1 + uint64(i)
		body, err := encode(i, seq, head)
		if err != nil {
			return nil, err
		}
		if err := b.tree.add(int64(seq-1), body); err != nil {
			return nil, err
		}
		b.ends[i] = len(b.tree.added)
		head = sha256.Sum256(body)
		// Signing is most of a commit's own work: about 25 µs a
		// signature here. They are signed one after the other on this
		// goroutine: handing them to the second core measured slower
		// (the ratio of BenchmarkScanToDurable rose from about 1.5 to
		// 1.7), waking an idle core costs more than a signature.
		b.entries[i] = Entry{Seq: seq, Body: body, Hash: head, Signature: ed25519.Sign(key.Priv, body)}
	}
	var err error
	if b.next, err = b.tree.head(log.Tree.Size + int64(n)); err != nil {
		return nil, err
	}
	return b, nil
}

// Entries are the batch's events, as they will be stored, with their
// signatures.
func (b *Batch) Entries() []Entry { return b.entries }

// Put stores event i: its hash and bytes, and Inline its signature and
// the tree hashes it adds.
func (b *Batch) Put(i int) error {
	start := 0
	if i > 0 {
		start = b.ends[i-1]
	}
	e := b.entries[i]
	return b.tx.Bucket(b.l.Events).Put(seqKey(e.Seq), b.l.record(e, b.tree.added[start:b.ends[i]]))
}

// Commit stores, for a layout that keeps them apart from the events, the
// tree hashes of the batch and every event's signature, and a checkpoint
// of the new tree if the stored one has fallen CheckpointEvery events
// behind. It returns the log after the batch. Every event must have been
// Put.
func (b *Batch) Commit(id Identity) (Log, error) {
	if !b.l.Inline {
		if err := b.tree.put(b.tx.Bucket(b.l.Tree)); err != nil {
			return b.log, err
		}
		sigs := b.tx.Bucket(b.l.Sigs)
		for _, e := range b.entries {
			if err := sigs.Put(seqKey(e.Seq), e.Signature); err != nil {
				return b.log, err
			}
		}
	}
	next := Log{Head: b.log.Head, Tree: b.next, Checkpoint: b.log.Checkpoint, Signed: b.log.Signed}
	if n := len(b.entries); n > 0 {
		next.Head = b.entries[n-1].Hash
	}
	if err := b.l.PutHead(b.tx, next); err != nil {
		return b.log, err
	}
	// Every event is signed as it is committed; the checkpoint, which
	// signs the tree of them all, only every CheckpointEvery events, and
	// whenever the user asks (SignCheckpoint): a signature on every scan
	// was a twentieth of its commit, for a note no one reads until the
	// record is handed over.
	if next.Tree.Size-b.log.Signed >= CheckpointEvery {
		cp, err := SignCheckpoint(b.key, id, next.Tree)
		if err != nil {
			return b.log, err
		}
		if err := b.tx.Bucket(b.l.Meta).Put(b.l.Checkpoint, cp); err != nil {
			return b.log, err
		}
		next.Checkpoint, next.Signed = cp, next.Tree.Size
	}
	return next, nil
}

// PutHead stores the head record of log in tx, for a layout with one:
// what a new file of no events, or a file moved into this layout, holds
// before its first commit.
func (l Layout) PutHead(tx *bolt.Tx, log Log) error {
	if l.Head == nil {
		return nil
	}
	return tx.Bucket(l.Meta).Put(l.Head, headRecord(uint64(log.Tree.Size), log.Head))
}

// fillAppendOnly lets pages of buckets that are only ever appended to
// fill before they split, as bbolt advises for such buckets: at its
// default of half, a page left behind by an append is never filled again,
// and the log, its signatures and its tree take twice the pages, which
// Verify reads and checks. It holds for the transaction the buckets are of.
func fillAppendOnly(buckets ...*bolt.Bucket) {
	for _, b := range buckets {
		b.FillPercent = 0.95
	}
}

// seqKey is an event's key: its place, 8 bytes big-endian.
func seqKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), seq)
}

// Get reads event seq's stored bytes in tx (nil if it is not there or
// too short to hold its hash); valid while tx is open.
func (l Layout) Get(tx *bolt.Tx, seq uint64) []byte {
	r := l.split(seq, tx.Bucket(l.Events).Get(seqKey(seq)))
	if r.short {
		return nil
	}
	return r.body
}
