// Package store keeps one exam hall in one bbolt file: an append-only,
// hash-chained log of events, each signed with the laptop's Ed25519 key
// and a leaf of a Merkle tree whose signed checkpoint pins the whole log,
// and beside it the hall's state as the exam package projects it from
// that log. One user action is one bbolt Update: the events (since
// schema 5 each record holding its signature and tree hashes), their
// signatures and tree hashes, the state they change and, every
// signedlog.CheckpointEvery events, a new checkpoint are committed, and fsynced,
// together, or not at all. The store knows
// how to keep and check facts; it does not know what they mean — the exam
// package decides that.
package store

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
	"examday/signedlog"
	"examday/store/boltfile"
)

// SchemaVersion is the layout of the file this code writes. A file with a
// newer version was made by a newer examday and is refused; an older one
// opens read-only (ErrOldSchema): no open upgrades a file behind its
// user's back, and none signs events it did not just record.
//
// Schema 6 keeps the log as schema 5 does, and a head record of it (how
// many events, the last one's hash) that every commit rewrites; the
// hall's state records are written every StateEvery events and at Close,
// not with every commit, and Open replays the events after them.
const SchemaVersion = 6

// StateEvery is how many events the hall's state records (the hall, its
// examinees, its sheets) may fall behind the log before a commit writes
// them. They are a projection of the log, kept so that a big hall opens
// without replaying it all: writing them with every scan was half the
// pages of its commit (three buckets of state beside the one of the
// log), and a commit's time in bbolt goes with the pages it writes.
// Open replays the events after them, at most this many.
const StateEvery = 256

// formatMark tells an examday file from any other bbolt file.
const formatMark = "examday hall"

// Buckets, all created in one Update when a file is made.
var (
	bucketMeta      = []byte("meta")      // format, schema version; since schema 3 the public key, device id, epoch and checkpoint
	bucketEvents    = []byte("events")    // seq (8 bytes BE) -> sha256(body) || body; since schema 5 sha256(body) || signature || tlog stored hashes || body (signedlog.Layout)
	bucketHall      = []byte("hall")      // "state" -> exam.Hall as JSON
	bucketExaminees = []byte("examinees") // ordinal (4 bytes BE) -> exam.Examinee as JSON
	bucketSecrets   = []byte("secrets")   // kept out of the log: the chairman's PIN hash
	bucketSettings  = []byte("settings")  // preferences of this laptop, not facts: the language
	bucketSheets    = []byte("sheets")    // barcode (12 digits) -> exam.Sheet as JSON; since schema 2
	bucketSigs      = []byte("sigs")      // seq (8 bytes BE) -> Ed25519 signature of the event's body; schemas 3 and 4
	bucketTree      = []byte("tlog")      // tlog stored-hash index (8 bytes BE) -> 32-byte hash; schemas 3 and 4
	bucketDelivery  = []byte("delivery")  // the hand-over to the central record, not facts: enrolment, latest receipt; since schema 4
	allBuckets      = [][]byte{bucketMeta, bucketEvents, bucketHall, bucketExaminees, bucketSecrets, bucketSettings, bucketSheets, bucketSigs, bucketTree, bucketDelivery}

	keyFormat = []byte("format")
	keySchema = []byte("schema")
	keyState  = []byte("state")
	// Since schema 3, in meta.
	keyPublicKey       = []byte("public_key")        // the 32-byte Ed25519 public key
	keyDevice          = []byte("device")            // hex SHA-256 of the public key
	keyEpoch           = []byte("epoch")             // 16 random bytes in hex, made with the key
	keyCheckpoint      = []byte("checkpoint")        // the latest signed checkpoint note
	keySignedAtUpgrade = []byte("signed_at_upgrade") // events signed when the file was upgraded, in decimal
	// Since schema 6, in meta: the log's head record (signedlog.Layout.Head).
	keyHead = []byte("head")
)

// bucketSince is the schema each bucket first appears in; a file of an
// older schema lacks it (and one that holds it is damaged, not old).
// bucketUntil is the last schema a bucket is in: since schema 5 each
// event's signature and tree hashes are in its events record, and a file
// of schema 5 that holds the buckets they were kept in is damaged.
var (
	bucketSince = map[string]int{"sheets": 2, "sigs": 3, "tlog": 3, "delivery": 4}
	bucketUntil = map[string]int{"sigs": 4, "tlog": 4}
)

// bucketsOf are the buckets a file of schema holds.
func bucketsOf(schema int) [][]byte {
	var out [][]byte
	for _, name := range allBuckets {
		if until, ok := bucketUntil[string(name)]; bucketSince[string(name)] <= schema && (!ok || schema <= until) {
			out = append(out, name)
		}
	}
	return out
}

// LockTimeout is how long Open waits for another program to let go of the
// file before saying it is in use.
const LockTimeout = time.Second

var (
	// ErrInUse: another program holds the file. The error's text says which,
	// when the other program left word.
	ErrInUse = errors.New("the file is in use by another program")
	// ErrNotExamday: the file is not an examday hall file (a foreign file, or
	// so damaged that it cannot be read at all). It was not written to.
	ErrNotExamday = errors.New("not an examday file")
	// ErrDamaged: the file is an examday file whose structure is broken.
	ErrDamaged = errors.New("the file is damaged")
	// ErrNewerSchema: the file was written by a newer examday.
	ErrNewerSchema = errors.New("the file was written by a newer version of examday")
	// ErrReadOnly: the store was opened read-only because its log did not
	// verify or its signing key is missing; nothing may be added to it.
	ErrReadOnly = errors.New("the file is open read-only")
	// ErrNotFound: Open without Create on a path where there is no file.
	ErrNotFound = errors.New("no hall file there")
	// ErrOldSchema: the file was written by an older examday. It opens
	// read-only: it can be read, verified and exported as it is, and
	// nothing is added to it.
	ErrOldSchema = errors.New("the file was written by an older version of examday")
	// ErrCannotWrite: the file may be read but not written (its
	// permissions, a write-protected stick, a read-only mount); it is
	// open read-only.
	ErrCannotWrite = errors.New("the file cannot be written here")
	// ErrOpenedToRead: the store was opened with Options.ReadOnly.
	ErrOpenedToRead = errors.New("the file was opened for reading only")
	// ErrStateDiffers: the hall's state kept beside the log is not what
	// the log projects: the state records were changed behind the log's
	// back. The file opens read-only.
	ErrStateDiffers = errors.New("the hall's state does not match its log")
)

// ChainError says where the log stops verifying: its hash chain, an
// event's signature, the Merkle tree or the signed checkpoint (package
// signedlog, which keeps and checks the log).
type ChainError = signedlog.ChainError

// logOf is where the hall's log lives in a file of schema: package
// signedlog keeps and checks it there. Up to schema 4 each event's
// signature and its tree hashes were in buckets of their own (sigs,
// tlog); since schema 5 they are in its events record, so a commit
// writes one bucket of the log, not three.
func logOf(schema int) signedlog.Layout {
	if schema >= 6 {
		return signedlog.Layout{Events: bucketEvents, Meta: bucketMeta, Checkpoint: keyCheckpoint, Head: keyHead, Inline: true}
	}
	if schema == 5 {
		return signedlog.Layout{Events: bucketEvents, Meta: bucketMeta, Checkpoint: keyCheckpoint, Inline: true}
	}
	return signedlog.Layout{Events: bucketEvents, Sigs: bucketSigs, Tree: bucketTree, Meta: bucketMeta, Checkpoint: keyCheckpoint}
}

// logIn is where the log lives in the file tx is of, by its schema.
func logIn(tx *bolt.Tx) signedlog.Layout { return logOf(schemaOf(tx)) }

// schemaOf is the schema of the file tx is of (0 if it says none).
func schemaOf(tx *bolt.Tx) int {
	schema, _ := strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keySchema)))
	return schema
}

// hallLog is where the store's log lives.
func (s *Store) hallLog() signedlog.Layout { return logOf(s.schema) }

// Options for Open.
type Options struct {
	// Create makes a new, empty hall file if there is none at the path.
	Create bool
	// Program names the opener in the owner note, so a second copy can say
	// who holds the file.
	Program string
	// ReadOnly opens the file for reading only, in bbolt as well: nothing
	// is written to it, not a checkpoint at Close, not a preference. Every
	// command that only reads opens so.
	ReadOnly bool
	// CheckStateLater leaves the comparison of the hall's state with its
	// log (CheckProjection) to after Open, for a screen's first frame: the
	// first change waits for it (Do), and a state that differs makes the
	// store read-only before anything is written on top of it. Without it
	// a writable Open compares them before it returns.
	CheckStateLater bool
}

// Store is one open hall file.
type Store struct {
	path string
	db   *bolt.DB

	// schema is the file's, as opened; below SchemaVersion it is read-only.
	schema int
	// id is the file's key; its zero value for a file written before
	// events were signed, opened read-only and so not upgraded.
	id identity
	// key signs; nil when the store is read-only.
	key             *signingKey
	signedAtUpgrade uint64

	mu   sync.RWMutex
	hall *exam.Hall
	// state is how far the state records in the file lag the log: hall
	// changed since they were written (stateLag).
	state stateLag
	// log is the head of the log as of the last commit: its last hash,
	// its tree, its checkpoint and the size that signs.
	log signedlog.Log
	// broken is why the store is read-only; nil when it is writable.
	broken error
	// readOnly: opened with Options.ReadOnly; nothing is written.
	readOnly bool
	// stateChecked compares the state with the log once, before the first
	// change of a store opened with CheckStateLater (ensureStateChecked).
	stateChecked sync.Once
	// stateErr is what that comparison found: nil, or why the state is
	// not the log's projection (then also broken).
	stateErr error
	// signaturesVerified is how many events VerifySignatures last found
	// every signature of good: it checks them again only once the log has
	// grown (a command's open checks them all, and verify-log asks again).
	signaturesVerified uint64
}

// Record is one event as stored: the exact bytes first written, their
// SHA-256, and their Ed25519 signature (nil in a file written before
// events were signed).
type Record struct {
	Event     exam.Event
	Body      []byte
	Hash      [32]byte
	Signature []byte
}

// Open opens the hall file at path, or creates it with opts.Create. It
// checks the file before anyone can write to it: the bbolt structure, that
// it is an examday file of a schema this code knows, the whole hash chain,
// and for a signed file its Merkle tree, its signed checkpoint and its
// latest signatures (verifyLog says what Open verifies and why not every
// signature), that the chairman's PIN record is the one the log committed
// to, that the key file beside it is its key, and, for a writable open,
// that the hall's state is the projection of its log. A file that is not
// examday's, or is structurally damaged, is refused and left as it was. A
// file whose log or state does not verify, whose key is missing or not its
// own, or of an older schema, is opened read-only: Broken says why, and Do
// refuses every change. Nothing is ever upgraded or signed again by
// opening it.
func Open(path string, opts Options) (*Store, error) {
	_, statErr := os.Stat(path)
	switch {
	case errors.Is(statErr, os.ErrNotExist) && opts.Create && !opts.ReadOnly:
		return create(path, opts)
	case errors.Is(statErr, os.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, ErrNotFound)
	case statErr != nil:
		return nil, statErr
	}
	// The state is compared with the log in the read-only look when the
	// open may write and cannot wait: a state that differs then never
	// meets a writable handle.
	checkState := !opts.ReadOnly && !opts.CheckStateLater

	// First look at the file read-only: a damaged or foreign file is never
	// opened for writing, so nothing can be written to it by accident.
	checked, err := inspect(path, checkState)
	if err != nil {
		return nil, err
	}
	settle(path, &checked)
	// A file whose log does not verify is opened read-only in bbolt as well,
	// not only refused by Do: on Windows a writable bbolt open extends the
	// file to the size of its memory map, and such a file must stay as it
	// was found. A file opened to be read is opened so too.
	readOnly := checked.broken != nil || opts.ReadOnly
	db, err := boltfile.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: readOnly})
	if err != nil && !readOnly && cannotWrite(err) {
		// A file the user may not write (its permissions, a write-protected
		// stick, a read-only mount) is still a record to read: it opens
		// read-only, and says why.
		checked.broken = fmt.Errorf("%w: %v", ErrCannotWrite, err)
		readOnly = true
		db, err = boltfile.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: true})
	}
	if err != nil {
		return nil, boltKinds.OpenError(path, err)
	}
	s := &Store{path: path, db: db, readOnly: opts.ReadOnly}
	if readOnly {
		s.take(&checked)
	} else {
		// Between the look and this open another program could have written;
		// load again under our lock, which is cheap next to the check.
		if err := s.load(&checked, checkState); err != nil {
			db.Close()
			return nil, err
		}
	}
	if checkState {
		// Compared already, in the look. A store opened to be read, or for
		// a screen, compares them when asked (VerifyProjection), which
		// writes nothing; a change waits for it (Do).
		s.stateChecked.Do(func() {})
		if errors.Is(s.broken, ErrStateDiffers) {
			s.stateErr = s.broken
		}
	}
	boltfile.WriteOwner(path, opts.Program)
	return s, nil
}

// cannotWrite reports whether opening a file for writing failed because
// it may not be written, rather than for what it holds.
func cannotWrite(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// settle finds the key of a file whose look found it sound, and says why
// a sound file must still open read-only: its key is missing or not its
// own, or it is of an older schema.
func settle(path string, res *inspection) {
	if res.broken == nil {
		res.key, res.broken = keyOf(path, res)
	}
	if res.broken == nil && res.schema < SchemaVersion {
		res.broken = oldSchema(res.schema)
	}
}

// oldSchema says why a sound file of an older schema opens read-only.
// Upgrading it would mean writing, and before schema 3 signing, what was
// recorded long ago, on an open no one asked to write: a signature made
// at an upgrade proves only that the laptop held those bytes then.
func oldSchema(schema int) error {
	if schema < 3 {
		return fmt.Errorf("%w (schema %d, from before events were signed): it opens read-only, and no examday signs its events now; read it, check it and keep it as it is", ErrOldSchema, schema)
	}
	return fmt.Errorf("%w (schema %d; this examday writes %d): it opens read-only; it can be read, checked and handed over as it is", ErrOldSchema, schema, SchemaVersion)
}

// create makes a new, empty hall file and its key, whole or not at all
// (build), and opens it.
func create(path string, opts Options) (*Store, error) {
	if err := build(path, nil, nil); err != nil {
		return nil, err
	}
	opts.Create = false
	return Open(path, opts)
}

func putIdentity(meta *bolt.Bucket, id identity) error {
	if err := meta.Put(keyPublicKey, bytes.Clone(id.Pub)); err != nil {
		return err
	}
	if err := meta.Put(keyDevice, []byte(id.Device)); err != nil {
		return err
	}
	return meta.Put(keyEpoch, []byte(id.Epoch))
}

// readIdentity reads the file's key record from meta (schema 3).
func readIdentity(tx *bolt.Tx) (identity, error) {
	meta := tx.Bucket(bucketMeta)
	pub := meta.Get(keyPublicKey)
	id := identity{Pub: bytes.Clone(pub), Device: string(meta.Get(keyDevice)), Epoch: string(meta.Get(keyEpoch))}
	if len(pub) != ed25519.PublicKeySize || id.Device != deviceID(pub) || !isEpoch(id.Epoch) {
		return identity{}, &ChainError{Seq: 1, Check: CheckSignature, Code: ChainIdentity,
			Reason: "the file's record of its public key, device id and epoch is damaged, so no signature can be checked"}
	}
	return id, nil
}

// boltKinds gives the errors of boltfile the store's own sentinels, so
// that their messages and errors.Is checks stay the store's.
var boltKinds = boltfile.Kinds{Empty: ErrNotExamday, NotBolt: ErrNotExamday, InUse: ErrInUse, Damaged: ErrDamaged}

// view and update read and write the open file through boltfile's guard:
// a fault or a panic of bbolt's on a damaged page is the store's
// ErrDamaged, never the end of the program.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return boltKinds.Under(boltfile.View(s.db, fn))
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	return boltKinds.Under(boltfile.Update(s.db, fn))
}

// inspection is what a look at the file found.
type inspection struct {
	schema          int
	hall            *exam.Hall
	id              identity
	signedAtUpgrade uint64
	log             signedlog.Log
	key             *signingKey // found beside the file; nil if none or not usable
	broken          error
	// state is how far the state records lag the hall loaded.
	state stateLag
}

// take makes what res found the store's state.
func (s *Store) take(res *inspection) {
	s.schema, s.id, s.key, s.signedAtUpgrade = res.schema, res.id, res.key, res.signedAtUpgrade
	s.hall, s.log, s.broken, s.state = res.hall, res.log, res.broken, res.state
}

// inspect opens path read-only and checks everything: boltfile.Inspect
// what any bbolt file must be (not empty, whole pages, not cut short, and
// a fault or panic of bbolt's on a damaged file caught as ErrDamaged),
// then the format, the structure check of its pages (boltfile.Check) and
// the log.
//
// With checkState it also compares the hall's state with what its log
// projects (checkState), for an open that may write.
func inspect(path string, checkState bool) (res inspection, err error) {
	err = boltfile.Inspect(path, LockTimeout, func(tx *bolt.Tx) error {
		if _, err := checkFormat(tx); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := boltfile.Check(path, tx); err != nil {
			return err
		}
		var err error
		res, err = examine(tx, checkState)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	})
	return res, boltKinds.Under(err)
}

// examine loads the state and verifies the log of a file whose format
// checkFormat accepted, and the PIN record against the log's commitment;
// with checkState it compares the state with the log's projection. A log
// or state that does not verify is not an error: it is res.broken, and
// the file opens read-only.
func examine(tx *bolt.Tx, checkState bool) (res inspection, err error) {
	res.schema, err = checkFormat(tx)
	if err != nil {
		return res, err
	}
	hall, lastHash, rest, err := readState(tx)
	if err != nil {
		return res, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	res.hall = hall
	var idErr error
	if res.schema >= 3 {
		res.id, idErr = readIdentity(tx)
		if v := tx.Bucket(bucketMeta).Get(keySignedAtUpgrade); v != nil {
			res.signedAtUpgrade, err = strconv.ParseUint(string(v), 10, 64)
			if err != nil {
				return res, fmt.Errorf("%w (events signed at the upgrade: %q)", ErrDamaged, v)
			}
		}
	}
	res.state.at = res.hall.LastSeq
	// The examinees' and sheets' records are decoded on one core while
	// the log is checked on the others: the two are most of Open's wait.
	var loadErr error
	boltfile.InParallel(func() { loadErr = rest.into(hall) }, func() {
		res.log, res.broken = logOf(res.schema).Verify(tx, hall.LastSeq, res.id)
	})
	if loadErr != nil {
		return res, fmt.Errorf("%w (%v)", ErrDamaged, loadErr)
	}
	if res.broken == nil {
		if err := checkStateHead(tx, res.hall, lastHash); err != nil {
			res.broken = err
		}
	}
	// The state records project the log up to an event; the hall is
	// that and the events after it, as far as the log verified.
	if err := replayTail(tx, res.hall, uint64(res.log.Tree.Size), &res.state); err != nil && res.broken == nil {
		res.broken = fmt.Errorf("%w: the events after the state kept beside the log do not apply to it: %v", ErrStateDiffers, err)
	}
	if res.broken == nil {
		res.broken = idErr
	}
	if res.broken == nil {
		res.broken = checkPINRecord(tx, res.hall)
	}
	if res.broken == nil && checkState {
		res.broken = checkStateTx(tx, res.hall)
	}
	return res, nil
}

// keyOf finds the signing key for the sound file res describes, or says
// why the file must open read-only: a signed file needs the key file
// beside it to be its key. A file from before events were signed has no
// key, and none is made for it.
func keyOf(path string, res *inspection) (*signingKey, error) {
	if res.schema < 3 {
		return nil, nil
	}
	return readKeyFile(KeyPath(path), res.id)
}

// checkFormat checks that tx is an examday file of a schema this code
// reads, with the buckets of its schema, and returns the schema.
func checkFormat(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyFormat)) != formatMark {
		return 0, ErrNotExamday
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil {
		return 0, fmt.Errorf("%w (schema version %q)", ErrDamaged, meta.Get(keySchema))
	}
	if v > SchemaVersion {
		return v, fmt.Errorf("%w (schema %d, this examday knows %d)", ErrNewerSchema, v, SchemaVersion)
	}
	for _, name := range allBuckets {
		since := bucketSince[string(name)]
		until, ended := bucketUntil[string(name)]
		switch present := tx.Bucket(name) != nil; {
		case v >= since && (!ended || v <= until) && !present:
			return v, fmt.Errorf("%w (bucket %q missing)", ErrDamaged, name)
		case v < since && present:
			// A file that says it is older than what it holds is not old:
			// its schema number was changed. Taken at its word it would
			// be read without the checks its content needs.
			return v, fmt.Errorf("%w (it says schema %d but holds the bucket %q of schema %d)", ErrDamaged, v, name, since)
		case ended && v > until && present:
			// Nor is one that says it is newer than what it holds: its
			// log would be read in a layout it is not written in.
			return v, fmt.Errorf("%w (it says schema %d but holds the bucket %q of schemas up to %d)", ErrDamaged, v, name, until)
		}
	}
	if meta := tx.Bucket(bucketMeta); v < 3 && (meta.Get(keyPublicKey) != nil || meta.Get(keyCheckpoint) != nil) {
		return v, fmt.Errorf("%w (it says schema %d, from before events were signed, but holds a public key or a signed checkpoint)", ErrDamaged, v)
	}
	return v, nil
}

// load reads the state again under the write lock. If seen (what inspect
// found a moment before) still matches the head of the log, the log is
// not walked a second time.
func (s *Store) load(seen *inspection, checkState bool) error {
	return s.view(func(tx *bolt.Tx) error {
		if _, err := checkFormat(tx); err != nil {
			return err
		}
		// Every change appends an event and signs a new checkpoint: if the
		// log still ends where inspect saw it end, the state inspect loaded
		// is the state, and its examinee records (10,000 in a big hall, a
		// tenth of Open's time) need not be read a second time.
		if seen != nil && logUnchanged(tx, seen) {
			s.take(seen)
			return nil
		}
		res, err := examine(tx, checkState)
		if err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
		settle(s.path, &res)
		s.take(&res)
		return nil
	})
}

// logUnchanged reports whether the schema, the state record, the last
// event and the checkpoint are those inspect saw.
func logUnchanged(tx *bolt.Tx, seen *inspection) bool {
	meta := tx.Bucket(bucketMeta)
	if string(meta.Get(keySchema)) != strconv.Itoa(seen.schema) || !bytes.Equal(meta.Get(keyCheckpoint), seen.log.Checkpoint) {
		return false
	}
	var state struct {
		LastSeq uint64 `json:"last_seq"`
	}
	if v := tx.Bucket(bucketHall).Get(keyState); v != nil {
		if err := json.Unmarshal(v, &state); err != nil {
			return false
		}
	}
	if state.LastSeq != seen.state.at {
		return false
	}
	k, v := tx.Bucket(bucketEvents).Cursor().Last()
	if k == nil {
		return seen.hall.LastSeq == 0
	}
	return len(k) == 8 && binary.BigEndian.Uint64(k) == seen.hall.LastSeq && len(v) >= 32 && bytes.Equal(v[:32], seen.log.Head[:])
}

// loadHall reads the state records in tx, and the hash of the last event
// they are of that the hall's record names.
func loadHall(tx *bolt.Tx) (*exam.Hall, string, error) {
	h, lastHash, rest, err := readState(tx)
	if err != nil {
		return nil, "", err
	}
	return h, lastHash, rest.into(h)
}

// stateRecords are the examinees' and sheets' records of a file, as
// bbolt holds them (valid while its transaction is open), not decoded.
type stateRecords struct {
	examinees, sheets [][2][]byte // key, value
}

// readState decodes the hall's record in tx, and gathers its examinees'
// and sheets' records for into: decoding them (10,000 examinees in a big
// hall) is work for a core while another checks the log.
func readState(tx *bolt.Tx) (h *exam.Hall, lastHash string, rest stateRecords, err error) {
	h = exam.NewHall()
	if v := tx.Bucket(bucketHall).Get(keyState); v != nil {
		if lastHash, err = decodeHall(v, h); err != nil {
			return nil, "", rest, fmt.Errorf("hall state: %v", err)
		}
	}
	c := tx.Bucket(bucketExaminees).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		rest.examinees = append(rest.examinees, [2][]byte{k, v})
	}
	if b := tx.Bucket(bucketSheets); b != nil {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			rest.sheets = append(rest.sheets, [2][]byte{k, v})
		}
	}
	return h, lastHash, rest, nil
}

// into decodes the records into h, the hall whose record they go with.
func (r stateRecords) into(h *exam.Hall) error {
	for _, kv := range r.examinees {
		e, err := decodeExaminee(kv[1])
		if err != nil {
			return fmt.Errorf("examinee record %x: %v", kv[0], err)
		}
		if err := h.AddLoaded(e); err != nil {
			return err
		}
	}
	for _, kv := range r.sheets {
		sheet, err := decodeSheet(kv[1])
		if err != nil {
			return fmt.Errorf("sheet record %s: %v", kv[0], err)
		}
		h.AddLoadedSheet(sheet)
	}
	return nil
}

// writable says why nothing may be written, or nil; the caller holds mu.
func (s *Store) writable() error {
	switch {
	case s.broken != nil:
		return fmt.Errorf("%w: %v", ErrReadOnly, s.broken)
	case s.readOnly:
		return fmt.Errorf("%w: %v", ErrReadOnly, ErrOpenedToRead)
	}
	return nil
}

// ReadOnly reports whether the store was opened with Options.ReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the file. A store opened to be read writes nothing, not
// even a checkpoint.
func (s *Store) Close() error {
	err := s.keepCheckpoint()
	boltfile.RemoveOwner(s.path)
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	return err
}

// keepCheckpoint stores, if the file is writable, a checkpoint of the
// whole log if the stored one is of fewer events, and the state records
// if they lag the log: so a file closed as a program ends holds a
// checkpoint of everything in it, and its state as of its last event.
func (s *Store) keepCheckpoint() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sign := s.key != nil && s.log.Signed != s.log.Tree.Size
	if s.writable() != nil || (!sign && s.state.at == s.hall.LastSeq) {
		return nil
	}
	var cp []byte
	if sign {
		var err error
		if cp, err = signedlog.SignCheckpoint(s.key, s.id, s.log.Tree); err != nil {
			return err
		}
	}
	err := s.update(func(tx *bolt.Tx) error {
		if cp != nil {
			if err := tx.Bucket(bucketMeta).Put(keyCheckpoint, cp); err != nil {
				return err
			}
		}
		if s.state.at == s.hall.LastSeq {
			return nil
		}
		return s.writeState(tx, s.log.Head)
	})
	if err != nil {
		// writeState took the hall's changed sheets: read the state
		// back from the file, which has the records as they were.
		if lerr := s.load(nil, false); lerr != nil {
			s.broken = lerr
		}
		return err
	}
	if cp != nil {
		s.log.Checkpoint, s.log.Signed = cp, s.log.Tree.Size
	}
	return nil
}

// Path is the file's path.
func (s *Store) Path() string { return s.path }

// Broken is why the store is read-only, or nil.
// Discredits reports whether err, the reason a file is open read-only
// (Broken), casts doubt on its record: a log that does not verify, a state
// that differs from it, a damaged file. A signing key missing or not the
// file's, an older schema, a file that cannot be written here or one
// opened only to read stop writing and nothing more: the record read from
// it is as verified as any.
func Discredits(err error) bool {
	if err == nil {
		return false
	}
	for _, only := range []error{ErrKeyMissing, ErrKeyMismatch, ErrOldSchema, ErrCannotWrite, ErrOpenedToRead} {
		if errors.Is(err, only) {
			return false
		}
	}
	return true
}

func (s *Store) Broken() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.broken
}

// Hall returns a copy of the hall's state as of the last commit.
func (s *Store) Hall() *exam.Hall {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.hall.Clone()
}

// History reads the log's events for a decision that replays them (a
// correction: exam.Hall.Cancel), outside the write transaction.
func (s *Store) History() exam.EventSource { return s.readEvent }

// Decision decides on the current state and returns the events to record,
// or a refusal. It must not change h.
type Decision func(h *exam.Hall) ([]exam.Event, error)

// Do runs decide on the current state and, unless it refuses, appends its
// events and the state they change in one fsynced transaction. It returns
// the records as stored. On any error nothing is written and the state is
// as before.
func (s *Store) Do(decide Decision) ([]Record, error) {
	return s.do(decide, nil)
}

// DoWithSecret is Do that also keeps a secret, out of the log, in the same
// transaction: a hall and its chairman's PIN hash are one commit.
func (s *Store) DoWithSecret(key, value string, decide Decision) ([]Record, error) {
	return s.do(decide, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSecrets).Put([]byte(key), []byte(value))
	})
}

func (s *Store) do(decide Decision, alsoTx func(*bolt.Tx) error) ([]Record, error) {
	// Nothing is written on top of a state not yet compared with its log.
	s.VerifyProjection()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.writable(); err != nil {
		return nil, err
	}
	events, err := decide(s.hall)
	if err != nil || len(events) == 0 {
		return nil, err
	}
	log := s.log
	var records []Record
	err = s.update(func(tx *bolt.Tx) error {
		if alsoTx != nil {
			if err := alsoTx(tx); err != nil {
				return err
			}
		}
		records, log, err = s.appendTx(tx, events, log)
		return err
	})
	if err != nil {
		// Apply may have changed the in-memory state before the commit
		// failed: read it back from the file, which has the old state.
		if lerr := s.load(nil, false); lerr != nil {
			s.broken = lerr
		}
		return nil, err
	}
	s.log = log
	return records, nil
}

// appendTx appends events after the log described by log, through
// package signedlog: each event's bytes, their signature and their tree
// hashes, a checkpoint of the new tree when one is due, and with them the
// state the events change, all in tx. It returns the records and the log
// after them.
func (s *Store) appendTx(tx *bolt.Tx, events []exam.Event, log signedlog.Log) ([]Record, signedlog.Log, error) {
	records := make([]Record, len(events))
	batch, err := s.hallLog().Prepare(tx, log, s.key, len(events), func(i int, seq uint64, prev [32]byte) ([]byte, error) {
		ev := events[i]
		ev.Seq = seq
		ev.Prev = hex.EncodeToString(prev[:])
		records[i].Event = ev
		return EncodeEvent(ev)
	})
	if err != nil {
		return nil, log, err
	}
	for i, e := range batch.Entries() {
		records[i].Body, records[i].Hash = e.Body, e.Hash
	}
	// A correction applied replays from this transaction, which holds the
	// events put before it (a separate read would not see them, and could
	// deadlock against this one).
	history := func(seq uint64) (exam.Event, error) { return eventInTx(tx, seq) }
	var touched []int
	for i := range records {
		// Applied one by one, each put before the next is applied: a
		// correction reads the events it replays from the log.
		changed, err := s.hall.Apply(records[i].Event, history)
		if err != nil {
			return nil, log, err
		}
		touched = append(touched, changed...)
		if err := batch.Put(i); err != nil {
			return nil, log, err
		}
	}
	if want := log.Tree.Size + int64(len(events)); s.hall.LastSeq != uint64(want) {
		return nil, log, fmt.Errorf("the log has %d events after the append, its tree %d", s.hall.LastSeq, want)
	}
	s.state.note(touched)
	if s.hall.LastSeq-s.state.at >= StateEvery {
		if err := s.writeState(tx, records[len(records)-1].Hash); err != nil {
			return nil, log, err
		}
	}
	next, err := batch.Commit(s.id)
	if err != nil {
		return nil, log, err
	}
	for i, e := range batch.Entries() {
		records[i].Signature = e.Signature
	}
	return records, next, nil
}

func ordinalKey(o int) []byte {
	k := make([]byte, 4)
	binary.BigEndian.PutUint32(k, uint32(o))
	return k
}

// seqKey is an event's key in the log's buckets.
func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(make([]byte, 0, 8), seq) }

// Events calls fn for each stored event from seq from on, in order, with
// its signature.
func (s *Store) Events(from uint64, fn func(Record) error) error {
	return s.view(func(tx *bolt.Tx) error {
		return s.hallLog().Each(tx, from, func(e signedlog.Entry) error {
			ev, err := DecodeEvent(e.Body)
			if err != nil {
				return fmt.Errorf("event %d: %w", e.Seq, err)
			}
			return fn(Record{Event: ev, Body: e.Body, Hash: e.Hash, Signature: e.Signature})
		})
	})
}

// Setting reads a preference of this laptop ("" if unset).
func (s *Store) Setting(key string) string {
	var v string
	s.view(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketSettings).Get([]byte(key)))
		return nil
	})
	return v
}

// SetSetting keeps a preference of this laptop. Preferences are not facts
// of the exam and are not in the log; a read-only store keeps none.
func (s *Store) SetSetting(key, value string) error {
	s.mu.RLock()
	err := s.writable()
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSettings).Put([]byte(key), []byte(value))
	})
}

// Secret reads a secret kept out of the log, such as the chairman's PIN hash.
func (s *Store) Secret(key string) string {
	var v string
	s.view(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketSecrets).Get([]byte(key)))
		return nil
	})
	return v
}
