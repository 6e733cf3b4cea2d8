package signedlog

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
)

// The log as a Merkle tree (RFC 6962, through golang.org/x/mod/sumdb/tlog):
// record n (0-based) is the stored body of event n+1, the exact bytes its
// SHA-256 in the chain is taken over. The tree's stored hashes are kept in
// the tlog bucket under their tlog index (8 bytes big-endian) as tlog lays
// them out, written in the same transaction as their event, so a proof
// that an event is in the log, or that an older tree is a prefix of this
// one, can be made from the file alone (Layout.ReadHashes).
//
// The tree's size and root are signed as a checkpoint: a note
// (golang.org/x/mod/sumdb/note) whose text is the common tlog checkpoint,
// "<origin>\n<size>\n<root in base64>\n", signed with the file's key
// under the name <origin>. One is kept in the layout's meta bucket, signed
// at least every CheckpointEvery events (Batch.Commit) and whenever the
// user asks (SignCheckpoint: at close, for a bundle): Verify checks it
// against the root recomputed from the events at its size.

// Head is a tree's size and root.
type Head struct {
	Size int64
	Root tlog.Hash
	// frontier is the stored hashes the last append read or wrote: the
	// roots of the tree's complete subtrees, which are all the next
	// append reads (tlog.StoredHashes and tlog.TreeHash read only those).
	// Kept so a commit does not look them up in the bucket, a B-tree
	// search each; nil after Open, a failed commit or the upgrade, when
	// they are read from the file.
	frontier map[int64]tlog.Hash
}

func indexKey(index int64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), uint64(index))
}

// txHashes reads stored hashes from the tlog bucket inside tx; in a write
// transaction it sees the hashes that transaction has put.
func txHashes(b *bolt.Bucket) tlog.HashReader {
	return tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, index := range indexes {
			v := b.Get(indexKey(index))
			if len(v) != tlog.HashSize {
				return nil, fmt.Errorf("the stored tree hash %d is missing or damaged", index)
			}
			copy(out[i][:], v)
		}
		return out, nil
	})
}

// treeAppend adds records to a tree whose stored hashes are in b: it
// computes the new stored hashes and the new root without writing, so the
// checkpoint can be signed while the commit's other records are put, and
// then puts them. The hashes it reads come from the frontier kept from the
// last append, from those this append made, and only failing both from b.
type treeAppend struct {
	b     tlog.HashReader     // the stored hashes in the file
	known map[int64]tlog.Hash // the frontier kept from the last append
	first int64               // the index of added[0]
	added []tlog.Hash         // the stored hashes this append made, in index order
	read  map[int64]tlog.Hash // what was read, to keep as the next frontier
}

func newTreeAppend(b tlog.HashReader, head Head) *treeAppend {
	return &treeAppend{b: b, known: head.frontier, first: tlog.StoredHashIndex(0, head.Size), read: map[int64]tlog.Hash{}}
}

func (t *treeAppend) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, index := range indexes {
		if j := index - t.first; j >= 0 && j < int64(len(t.added)) {
			out[i] = t.added[j]
			continue
		}
		h, ok := t.known[index]
		if !ok {
			hs, err := t.b.ReadHashes([]int64{index})
			if err != nil {
				return nil, err
			}
			h = hs[0]
		}
		out[i] = h
		t.read[index] = h
	}
	return out, nil
}

// add computes the stored hashes of record n (the next one) with data body.
func (t *treeAppend) add(n int64, body []byte) error {
	if want := tlog.StoredHashIndex(0, n); want != t.first+int64(len(t.added)) {
		return fmt.Errorf("tree record %d added at stored hash %d, not %d", n, t.first+int64(len(t.added)), want)
	}
	hashes, err := tlog.StoredHashes(n, body, t)
	if err != nil {
		return err
	}
	t.added = append(t.added, hashes...)
	return nil
}

// head is the tree after the records added, with the frontier for the next
// append: what TreeHash read (the new tree's complete subtrees) and what
// was added.
func (t *treeAppend) head(size int64) (Head, error) {
	clear(t.read)
	root, err := tlog.TreeHash(size, t)
	if err != nil {
		return Head{}, err
	}
	next := Head{Size: size, Root: root, frontier: t.read}
	for i, h := range t.added {
		next.frontier[t.first+int64(i)] = h
	}
	return next, nil
}

// put writes the stored hashes added into b, a tree bucket.
func (t *treeAppend) put(b *bolt.Bucket) error {
	for i, h := range t.added {
		if err := b.Put(indexKey(t.first+int64(i)), bytes.Clone(h[:])); err != nil {
			return err
		}
	}
	return nil
}

func checkpointText(origin string, size int64, root tlog.Hash) string {
	return fmt.Sprintf("%s\n%d\n%s\n", origin, size, root)
}

// SignCheckpoint signs the tree head as a checkpoint note.
func SignCheckpoint(key *Key, id Identity, head Head) ([]byte, error) {
	return note.Sign(&note.Note{Text: checkpointText(id.Origin(), head.Size, head.Root)}, key.Signer)
}

// OpenCheckpoint verifies a checkpoint note with the file's key and reads
// the tree head it signs.
func OpenCheckpoint(msg []byte, id Identity) (Head, error) {
	n, err := note.Open(msg, note.VerifierList(id.Verifier()))
	if err != nil {
		return Head{}, fmt.Errorf("its signature does not verify with this file's key (%v)", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) != 4 || lines[3] != "" {
		return Head{}, fmt.Errorf("its text is not origin, size and root")
	}
	if lines[0] != id.Origin() {
		return Head{}, fmt.Errorf("it is the checkpoint of %q, not of this file", lines[0])
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return Head{}, fmt.Errorf("its size %q is not a number", lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		return Head{}, fmt.Errorf("its root %q is not a hash", lines[2])
	}
	return Head{Size: size, Root: root}, nil
}

// ReadHashes reads stored hashes of the log's tree in tx: with
// tlog.ProveRecord and tlog.ProveTree, a proof that an event is in the
// log, or that an older tree is a prefix of this one, is made from the
// file alone. Stored hashes never change once written.
func (l Layout) ReadHashes(tx *bolt.Tx, indexes []int64) ([]tlog.Hash, error) {
	return l.hashes(tx).ReadHashes(indexes)
}

// hashes reads the stored hashes of the tree in tx, wherever the layout
// keeps them.
func (l Layout) hashes(tx *bolt.Tx) tlog.HashReader {
	if l.Inline {
		return inlineHashes(l, tx.Bucket(l.Events))
	}
	b := tx.Bucket(l.Tree)
	if b == nil {
		return tlog.HashReaderFunc(func([]int64) ([]tlog.Hash, error) { return nil, ErrUnsigned })
	}
	return txHashes(b)
}

// recordOf is the record (0-based) whose event adds the stored hash index.
func recordOf(index int64) int64 {
	// StoredHashIndex(0, n) ≥ n: the record is at most index.
	return int64(sort.Search(int(index)+1, func(r int) bool { return tlog.StoredHashIndex(0, int64(r)) > index })) - 1
}

// inlineHashes reads stored hashes from the events records of an Inline
// layout (events, its bucket) inside a transaction; in a write
// transaction it sees the records that transaction has put.
func inlineHashes(l Layout, events *bolt.Bucket) tlog.HashReader {
	return tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, index := range indexes {
			n := recordOf(index)
			var r stored
			if n >= 0 {
				r = l.split(uint64(n)+1, events.Get(seqKey(uint64(n)+1)))
			}
			at := int(index-tlog.StoredHashIndex(0, n)) * tlog.HashSize
			if n < 0 || r.short || at+tlog.HashSize > len(r.tree) {
				return nil, fmt.Errorf("the stored tree hash %d is missing or damaged", index)
			}
			copy(out[i][:], r.tree[at:])
		}
		return out, nil
	})
}

// RootOf is the root of the Merkle tree over bodies, in order: the root
// of a log of exactly these events.
func RootOf(bodies [][]byte) tlog.Hash {
	var hashes bundle.Hashes
	for i, body := range bodies {
		if _, err := hashes.Add(int64(i), body); err != nil {
			panic(err) // Hashes holds every hash StoredHashes asks for
		}
	}
	root, err := tlog.TreeHash(int64(len(bodies)), &hashes)
	if err != nil {
		panic(err)
	}
	return root
}
