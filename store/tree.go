package store

import (
	"bytes"
	"crypto/ed25519"
	"fmt"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"

	"examday/signedlog"
)

// The log's Merkle tree and its signed checkpoints are package
// signedlog's; here is what the hall's store tells of them.

// TreeHead is the size of the log and the root of its Merkle tree as of
// the last commit. For a file opened read-only because its log does not
// verify, it is the tree of the events before the first bad one.
func (s *Store) TreeHead() (size int64, root tlog.Hash) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.log.Tree.Size, s.log.Tree.Root
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
	if !s.id.Signed() {
		return nil, 0, ErrUnsigned
	}
	if s.log.Checkpoint == nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrReadOnly, s.broken)
	}
	if s.log.Signed == s.log.Tree.Size || s.key == nil {
		return bytes.Clone(s.log.Checkpoint), s.log.Signed, nil
	}
	cp, err := signedlog.SignCheckpoint(s.key, s.id, s.log.Tree)
	return cp, s.log.Tree.Size, err
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
	if !s.id.Signed() {
		return ""
	}
	return s.id.VerifierKey()
}

// PublicKey is the Ed25519 key every event's signature verifies with (nil
// for a file written before events were signed).
func (s *Store) PublicKey() ed25519.PublicKey { return s.id.Pub }

// DeviceID is the SHA-256 of the public key, in hex: the laptop's name in
// the central record.
func (s *Store) DeviceID() string { return s.id.Device }

// Epoch is the random id of this file, 32 hex digits, made with its key.
func (s *Store) Epoch() string { return s.id.Epoch }

// Origin names this log in its checkpoints: "examday/<device id>/<epoch>".
func (s *Store) Origin() string {
	if !s.id.Signed() {
		return ""
	}
	return s.id.Origin()
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
		var err error
		out, err = s.hallLog().ReadHashes(tx, indexes)
		return err
	})
	return out, err
}

// RootOf is the root of the Merkle tree over records, in order, as
// TreeHead gives it for a log of exactly these events (records 1 … n, as
// Events reads them): for a report or a bundle that is built from the
// records it shows, so that its root is theirs.
func RootOf(records []Record) tlog.Hash {
	bodies := make([][]byte, len(records))
	for i, r := range records {
		bodies[i] = r.Body
	}
	return signedlog.RootOf(bodies)
}
