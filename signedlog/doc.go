// Package signedlog is examday's signed, tamper-evident log, kept in
// buckets of a bbolt file: each event's exact bytes with their SHA-256,
// chained by the hash of the event before; each event's Ed25519
// signature; the RFC 6962 Merkle tree over the events
// (golang.org/x/mod/sumdb/tlog) and its signed checkpoints
// (golang.org/x/mod/sumdb/note); the checks a file gets before anyone
// writes to it (Verify) and every signature's (VerifySignatures); an
// append of a batch of events inside the caller's bbolt Update (Prepare,
// Batch.Commit), so that the events and the state they change in the
// caller's own buckets are committed together or not at all; and the
// hand-over of the log as a bundle (Bundle).
//
// Where it keeps them is its user's Layout: each event's signature and
// tree hashes in buckets of their own beside the events, or (Inline) in
// the event's own record, so that an append writes one bucket of the log
// and not three; the same facts and the same checks either way.
//
// It knows nothing of exams. An event is bytes its user encodes, under
// one rule: a JSON object whose first member is "seq", its place in the
// log from 1, and whose last is "prev", the hex SHA-256 of the event
// before (64 zeros for the first). The hall store (package store) is its
// first user; the marking station and the central record's own book are
// to be the next.
//
// It is a top-level package, not a part of store, because it is not the
// hall's: the hall store keeps beside it only what is the hall's (its
// buckets, its projection of the log, its PIN record), and another
// program role with another file (the central record) must be able to
// keep a log of its own with the same mechanism and the same checks
// without importing the hall.
package signedlog
