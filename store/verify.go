package store

import (
	"errors"

	bolt "go.etcd.io/bbolt"

	"examday/signedlog"
)

// What Open verifies of the log, and what it leaves to VerifySignatures,
// is package signedlog's (Layout.Verify says what and why); the checks
// and what they find keep their names here for the store's users.

// Check names which of the log's checks failed.
type Check = signedlog.Check

const (
	CheckChain      = signedlog.CheckChain      // the hash chain: an event's hash, its prev, its place
	CheckSignature  = signedlog.CheckSignature  // an event's Ed25519 signature
	CheckTree       = signedlog.CheckTree       // a stored hash of the Merkle tree
	CheckCheckpoint = signedlog.CheckCheckpoint // the signed checkpoint of the tree
)

// What a ChainError found: its Code. The catalogue has the officer's
// words for each (package i18n), which take the ChainError's Args.
const (
	ChainEventMissing     = signedlog.ChainEventMissing     // an event is missing or out of place
	ChainEventShort       = signedlog.ChainEventShort       // the stored event is too short to hold its hash
	ChainEventLost        = signedlog.ChainEventLost        // missing or too short, as an export finds it
	ChainEventChanged     = signedlog.ChainEventChanged     // its bytes do not match its hash
	ChainEventUnreadable  = signedlog.ChainEventUnreadable  // its bytes are not an event
	ChainEventNumber      = signedlog.ChainEventNumber      // it says it is another event: Args its number
	ChainEventUnlinked    = signedlog.ChainEventUnlinked    // it does not link to the event before it
	ChainStateSize        = signedlog.ChainStateSize        // the state was built from another number of events: Args the state's, the log's
	ChainHeadMissing      = signedlog.ChainHeadMissing      // the log's head record is missing or damaged
	ChainHeadSize         = signedlog.ChainHeadSize         // the head record says another number of events: Args its size, the log's
	ChainHeadDiffers      = signedlog.ChainHeadDiffers      // the head record's hash is not the last event's
	ChainIdentity         = signedlog.ChainIdentity         // the file's record of its key, device and epoch is damaged
	ChainSignatureBad     = signedlog.ChainSignatureBad     // the signature does not verify with the file's key
	ChainSignatureMissing = signedlog.ChainSignatureMissing // the event has no signature
	ChainSignatureSize    = signedlog.ChainSignatureSize    // the signature is not 64 bytes: Args its size, 64
	ChainSignaturesExtra  = signedlog.ChainSignaturesExtra  // signatures of events the log does not hold
	ChainTreeUnbuilt      = signedlog.ChainTreeUnbuilt      // the tree cannot be computed from what is stored
	ChainTreeDiffers      = signedlog.ChainTreeDiffers      // a stored tree hash is not what the bytes give: Args its index
	ChainTreeMissing      = signedlog.ChainTreeMissing      // a stored tree hash is missing or damaged: Args its index
	ChainTreeExtra        = signedlog.ChainTreeExtra        // tree hashes of events the log does not hold
	ChainCheckpointBad    = signedlog.ChainCheckpointBad    // the checkpoint does not verify, or is not this log's
	ChainCheckpointSize   = signedlog.ChainCheckpointSize   // the checkpoint is of another size: Args its size, the log's
	ChainCheckpointRoot   = signedlog.ChainCheckpointRoot   // the checkpoint's root is not the events' root
)

// VerifySignatures checks every event's Ed25519 signature over its stored
// bytes with the file's public key, on every core (Open checks only the
// latest; see signedlog.Layout.Verify). If one does not verify, the store becomes
// read-only, as for a log that does not verify at Open, and the error is a
// *ChainError at the first such event (or at the first event missing, or
// missing its signature). It takes about two seconds on two cores for
// 100,000 events: run it where that wait is expected (a verify command, an
// export) or after the first frame. Asked again before the log has grown,
// it answers at once.
func (s *Store) VerifySignatures() error {
	if !s.id.Signed() {
		return ErrUnsigned
	}
	s.mu.RLock()
	done := s.signaturesVerified > 0 && s.signaturesVerified == s.hall.LastSeq
	s.mu.RUnlock()
	if done {
		return nil
	}
	var bad *ChainError
	var verified uint64
	err := s.view(func(tx *bolt.Tx) error {
		verified, bad = s.hallLog().VerifySignatures(tx, s.id)
		return nil
	})
	if err == nil && bad != nil {
		err = bad
	}
	if err != nil {
		s.breaks(err)
		return err
	}
	s.mu.Lock()
	s.signaturesVerified = verified
	s.mu.Unlock()
	return nil
}

// breaks makes the store read-only for err, unless it already is for
// something else: for a failure of the log, the banner names the first
// event that fails, so one at an earlier event takes the place of one at
// a later. A file read-only for its key stays so, and says so.
func (s *Store) breaks(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var was, now *ChainError
	if s.broken == nil || errors.As(s.broken, &was) && errors.As(err, &now) && now.Seq < was.Seq {
		s.broken = err
	}
}
