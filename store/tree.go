package store

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"fmt"
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
// one, can be made from the file alone (Store is a tlog.HashReader).
//
// The tree's size and root are signed as a checkpoint: a note
// (golang.org/x/mod/sumdb/note) whose text is the common tlog checkpoint,
// "<origin>\n<size>\n<root in base64>\n", signed with the file's key
// under the name <origin>. One is kept in meta, signed at least every
// checkpointEvery events and when the file is closed (appendTx, Close):
// Open checks it against the root recomputed from the events at its size.
// Checkpoint signs one of the whole log on demand.

// treeHead is a tree's size and root.
type treeHead struct {
	size int64
	root tlog.Hash
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
	b     *bolt.Bucket
	known map[int64]tlog.Hash // the frontier kept from the last append
	first int64               // the index of added[0]
	added []tlog.Hash         // the stored hashes this append made, in index order
	read  map[int64]tlog.Hash // what was read, to keep as the next frontier
}

func newTreeAppend(b *bolt.Bucket, head treeHead) *treeAppend {
	return &treeAppend{b: b, known: head.frontier, first: tlog.StoredHashIndex(0, head.size), read: map[int64]tlog.Hash{}}
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
			v := t.b.Get(indexKey(index))
			if len(v) != tlog.HashSize {
				return nil, fmt.Errorf("the stored tree hash %d is missing or damaged", index)
			}
			copy(h[:], v)
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
func (t *treeAppend) head(size int64) (treeHead, error) {
	clear(t.read)
	root, err := tlog.TreeHash(size, t)
	if err != nil {
		return treeHead{}, err
	}
	next := treeHead{size: size, root: root, frontier: t.read}
	for i, h := range t.added {
		next.frontier[t.first+int64(i)] = h
	}
	return next, nil
}

// put writes the stored hashes added into b.
func (t *treeAppend) put() error {
	for i, h := range t.added {
		if err := t.b.Put(indexKey(t.first+int64(i)), bytes.Clone(h[:])); err != nil {
			return err
		}
	}
	return nil
}

func checkpointText(origin string, size int64, root tlog.Hash) string {
	return fmt.Sprintf("%s\n%d\n%s\n", origin, size, root)
}

// signCheckpoint signs the tree head as a checkpoint note.
func signCheckpoint(key *signingKey, id identity, head treeHead) ([]byte, error) {
	return note.Sign(&note.Note{Text: checkpointText(id.origin(), head.size, head.root)}, key.signer)
}

// openCheckpoint verifies a checkpoint note with the file's key and reads
// the tree head it signs.
func openCheckpoint(msg []byte, id identity) (treeHead, error) {
	n, err := note.Open(msg, note.VerifierList(id.verifier()))
	if err != nil {
		return treeHead{}, fmt.Errorf("its signature does not verify with this file's key (%v)", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) != 4 || lines[3] != "" {
		return treeHead{}, fmt.Errorf("its text is not origin, size and root")
	}
	if lines[0] != id.origin() {
		return treeHead{}, fmt.Errorf("it is the checkpoint of %q, not of this file", lines[0])
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return treeHead{}, fmt.Errorf("its size %q is not a number", lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		return treeHead{}, fmt.Errorf("its root %q is not a hash", lines[2])
	}
	return treeHead{size: size, root: root}, nil
}

// TreeHead is the size of the log and the root of its Merkle tree as of
// the last commit. For a file opened read-only because its log does not
// verify, it is the tree of the events before the first bad one.
func (s *Store) TreeHead() (size int64, root tlog.Hash) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.tree.size, s.tree.root
}

// Checkpoint is the signed checkpoint of the whole log as of the last
// commit: a note anyone can verify with VerifierKey, signed now if the
// one kept in the file is of fewer events. A file whose key file is
// missing cannot sign: it gives the one kept, which may be of the first
// events only (CheckpointSize says of how many; every later event is
// signed on its own). A file whose log does not verify, or that was
// written before events were signed, has none.
func (s *Store) Checkpoint() ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	cp, _, err := s.currentCheckpoint()
	return cp, err
}

// currentCheckpoint is Checkpoint and the size it signs, under s.mu.
func (s *Store) currentCheckpoint() ([]byte, int64, error) {
	if !s.id.signed() {
		return nil, 0, ErrUnsigned
	}
	if s.checkpoint == nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrReadOnly, s.broken)
	}
	if s.signed == s.tree.size || s.key == nil {
		return bytes.Clone(s.checkpoint), s.signed, nil
	}
	cp, err := signCheckpoint(s.key, s.id, s.tree)
	return cp, s.tree.size, err
}

// CheckpointSize is how many events Checkpoint signs: the log's size,
// unless the file cannot sign (its key file is missing) and was closed
// without one (a crash) after its last events.
func (s *Store) CheckpointSize() int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	_, n, _ := s.currentCheckpoint()
	return n
}

// VerifierKey is the file's public key in the encoding of
// golang.org/x/mod/sumdb/note ("<origin>+<hash>+<key>"), as
// note.NewEd25519VerifierKey makes it: note.NewVerifier reads it and
// verifies the checkpoints; "" for a file written before events were
// signed.
func (s *Store) VerifierKey() string {
	if !s.id.signed() {
		return ""
	}
	return s.id.verifierKey()
}

// PublicKey is the Ed25519 key every event's signature verifies with (nil
// for a file written before events were signed).
func (s *Store) PublicKey() ed25519.PublicKey { return s.id.pub }

// DeviceID is the SHA-256 of the public key, in hex: the laptop's name in
// the central record.
func (s *Store) DeviceID() string { return s.id.device }

// Epoch is the random id of this file, 32 hex digits, made with its key.
func (s *Store) Epoch() string { return s.id.epoch }

// Origin names this log in its checkpoints: "examday/<device id>/<epoch>".
func (s *Store) Origin() string {
	if !s.id.signed() {
		return ""
	}
	return s.id.origin()
}

// SignedAtUpgrade is how many of the first events were signed when the
// file was upgraded to schema 3, not when they were recorded: their
// signatures say that this laptop held these bytes at the upgrade, and the
// hash chain, as before, that none was changed since it was recorded. 0
// for a file made signed.
func (s *Store) SignedAtUpgrade() uint64 { return s.signedAtUpgrade }

// ReadHashes reads stored hashes of the log's tree, so that the store is a
// tlog.HashReader: tlog.ProveRecord(size, n, s) proves that event n+1 is
// in the tree of the first size events, tlog.ProveTree that an older tree
// is a prefix of a newer one. Stored hashes never change once written.
func (s *Store) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	var out []tlog.Hash
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTree)
		if b == nil {
			return ErrUnsigned
		}
		var err error
		out, err = txHashes(b).ReadHashes(indexes)
		return err
	})
	return out, err
}

// RootOf is the root of the Merkle tree over records, in order, as
// TreeHead gives it for a log of exactly these events (records 1 … n, as
// Events reads them): for a report or a bundle that is built from the
// records it shows, so that its root is theirs.
func RootOf(records []Record) tlog.Hash {
	var hashes bundle.Hashes
	for i, r := range records {
		if _, err := hashes.Add(int64(i), r.Body); err != nil {
			panic(err) // Hashes holds every hash StoredHashes asks for
		}
	}
	root, err := tlog.TreeHash(int64(len(records)), &hashes)
	if err != nil {
		panic(err)
	}
	return root
}
