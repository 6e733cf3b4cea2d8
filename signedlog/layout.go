package signedlog

import "errors"

// Layout names where a log lives in its bbolt file: the buckets of its
// events, their signatures and its tree, and the key of its latest
// signed checkpoint in a bucket of the user's (meta).
//
//	Events: seq (8 bytes BE) -> sha256(body) || body
//	Sigs:   seq (8 bytes BE) -> the Ed25519 signature of the body
//	Tree:   tlog stored-hash index (8 bytes BE) -> 32-byte hash
type Layout struct {
	Events, Sigs, Tree []byte
	Meta, Checkpoint   []byte
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
