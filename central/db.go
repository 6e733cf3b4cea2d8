package central

import (
	"bytes"
	"cmp"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/store/boltfile"
)

// The central record's own bbolt file. It is not a hall file: it holds
// the logs of many halls, each kept as the laptop sent it (the exact
// bytes, their signatures and the tlog stored hashes, so that the next
// bundle's frontier and link can be checked against what is held and a
// proof made from this file alone), the laptops it enrolled, the one-time
// tokens that enrolled them, the evidence of every fork, an audit row for
// every attempt to hand it something, and an index of examinees for the
// merged timeline.
//
// Like the hall file, it is checked read-only before it is opened for
// writing: a foreign or damaged file is refused and never written to.
// Beside it, FILE.key holds the central record's own Ed25519 key, made
// with the file, with which it signs its receipts.

// SchemaVersion is the layout of the central file this code writes.
const SchemaVersion = 1

// formatMark tells a central file from a hall file and any other bbolt
// file. A hall file says "examday hall".
const formatMark = "examday central"

// LockTimeout is how long Open waits for another program to let go of
// the file before saying it is in use.
const LockTimeout = time.Second

var (
	bucketMeta      = []byte("meta")      // format, schema, the central's public key
	bucketTokens    = []byte("tokens")    // SHA-256 of a token -> tokenRecord (JSON)
	bucketDevices   = []byte("devices")   // device id (hex) -> deviceRecord (JSON)
	bucketLogs      = []byte("logs")      // origin -> logRecord (JSON)
	bucketLogData   = []byte("logdata")   // origin -> bucket of events, sigs, tlog
	bucketForks     = []byte("forks")     // id (8 bytes BE) -> ForkInfo (JSON)
	bucketEvidence  = []byte("evidence")  // id (8 bytes BE) -> the refused bundle, whole
	bucketAudit     = []byte("audit")     // id (8 bytes BE) -> AuditRow (JSON)
	bucketExaminees = []byte("examinees") // examinee id, 0, origin, 0, seq (8 bytes BE) -> nothing
	allBuckets      = [][]byte{bucketMeta, bucketTokens, bucketDevices, bucketLogs, bucketLogData, bucketForks, bucketEvidence, bucketAudit, bucketExaminees}

	// In each log's bucket in logdata, as in a hall file.
	subEvents = []byte("events") // seq (8 bytes BE) -> sha256(body) || body
	subSigs   = []byte("sigs")   // seq (8 bytes BE) -> Ed25519 signature
	subTree   = []byte("tlog")   // tlog stored-hash index (8 bytes BE) -> hash

	keyFormat    = []byte("format")
	keySchema    = []byte("schema")
	keyPublicKey = []byte("public_key")
)

var (
	// ErrInUse: another program holds the file.
	ErrInUse = errors.New("the central record's file is in use by another program")
	// ErrNotCentral: the file is not a central record file. It was not
	// written to.
	ErrNotCentral = errors.New("not an examday central record file")
	// ErrDamaged: the file's structure is broken. It was not written to.
	ErrDamaged = errors.New("the central record's file is damaged")
	// ErrNewerSchema: the file was written by a newer examday.
	ErrNewerSchema = errors.New("the central record's file was written by a newer version of examday")
	// ErrNotFound: Open without Create where there is no file.
	ErrNotFound = errors.New("no central record file there")
	// ErrKeyMissing: the central's key file is missing or unreadable, so
	// no receipt can be signed; the file can only be read.
	ErrKeyMissing = errors.New("the central record's signing key is missing")
	// ErrKeyMismatch: the key file is not the key the file was made with.
	ErrKeyMismatch = errors.New("the signing key beside the central record's file is not its key")
	// ErrKeyExists: a new file was not made because a key file is already
	// where its key would go.
	ErrKeyExists = errors.New("a signing key file is already there")
	// ErrReadOnly: the DB was opened read-only.
	ErrReadOnly = errors.New("the central record is open read-only")
)

// Options for Open.
type Options struct {
	// Create makes a new central file, and its key, if there is none.
	Create bool
	// ReadOnly opens the file for reading only (status, timelines), with
	// a shared lock; no key is needed.
	ReadOnly bool
	// Program names the opener in the owner note.
	Program string
	// Now is the clock of audit rows and receipts; time.Now if nil.
	Now func() time.Time
}

// DB is an open central record.
type DB struct {
	path     string
	db       *bolt.DB
	readOnly bool
	pub      ed25519.PublicKey
	id       string      // hex SHA-256 of pub
	signer   note.Signer // nil when read-only
	vkey     string
	now      func() time.Time

	// ingestMu makes an ingest's look at what is stored and its write one
	// step: the checks run outside bbolt's write transaction (verifying a
	// big bundle takes seconds), and nothing else may change a log between.
	ingestMu sync.Mutex
	// bookMu makes a decision's look at the book and its append one step
	// in this process (bbolt's write lock makes them one transaction).
	bookMu sync.Mutex
}

// KeyPath is where the private key of the central file at path is kept.
func KeyPath(path string) string { return path + ".key" }

// Open opens the central file at path, or creates it with opts.Create.
// The file is first looked at read-only: its format mark and schema, and
// the structure check of its pages (boltfile.Check); a file that fails is
// refused and left as it was.
func Open(path string, opts Options) (*DB, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	_, statErr := os.Stat(path)
	switch {
	case errors.Is(statErr, fs.ErrNotExist) && opts.Create && !opts.ReadOnly:
		return create(path, opts, now)
	case errors.Is(statErr, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, ErrNotFound)
	case statErr != nil:
		return nil, statErr
	}
	pub, err := inspect(path)
	if err != nil {
		return nil, err
	}
	d := &DB{path: path, readOnly: opts.ReadOnly, pub: pub, id: deviceID(pub), now: now}
	if d.vkey, err = note.NewEd25519VerifierKey(centralName(pub), pub); err != nil {
		return nil, err
	}
	if !opts.ReadOnly {
		if d.signer, err = readKeyFile(KeyPath(path), pub); err != nil {
			return nil, err
		}
	}
	d.db, err = boltfile.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: opts.ReadOnly})
	if err != nil {
		return nil, boltKinds.OpenError(path, err)
	}
	if !opts.ReadOnly {
		boltfile.WriteOwner(path, cmp.Or(opts.Program, "examday central"))
	}
	return d, nil
}

// create makes a new central file. The key file is written first, with
// O_EXCL and synced: no file is ever made whose key is not safe on disk,
// and a key file already there stops it before anything is written.
func create(path string, opts Options, now func() time.Time) (*DB, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	vkey, err := note.NewEd25519VerifierKey(centralName(pub), pub)
	if err != nil {
		return nil, err
	}
	skey := signerKey(vkey, append([]byte{1}, priv.Seed()...))
	signer, err := note.NewSigner(skey)
	if err != nil {
		return nil, err
	}
	if err := writeKeyFile(KeyPath(path), []byte(skey+"\n")); err != nil {
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	db, err := boltfile.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		os.Remove(KeyPath(path))
		return nil, boltKinds.OpenError(path, err)
	}
	err = boltfile.Update(db, func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyFormat, []byte(formatMark)); err != nil {
			return err
		}
		if err := meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return err
		}
		return meta.Put(keyPublicKey, bytes.Clone(pub))
	})
	if err != nil {
		db.Close()
		os.Remove(path)
		os.Remove(KeyPath(path))
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	boltfile.WriteOwner(path, cmp.Or(opts.Program, "examday central"))
	return &DB{path: path, db: db, pub: pub, id: deviceID(pub), signer: signer, vkey: vkey, now: now}, nil
}

// centralName is the name of the central record's key in notes:
// "examday-central/<hex SHA-256 of the public key>".
func centralName(pub ed25519.PublicKey) string { return "examday-central/" + deviceID(pub) }

func deviceID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:])
}

// inspect opens path read-only and checks it: boltfile.Inspect what any
// bbolt file must be (not empty, whole pages, not cut short, and a fault
// or panic of bbolt's on a damaged file caught as ErrDamaged), then that
// it is a central file of a schema this code reads, with its buckets, and
// the structure check of its pages. It returns the central's public key.
func inspect(path string) (pub ed25519.PublicKey, err error) {
	err = boltfile.Inspect(path, LockTimeout, func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		var mark string
		if meta != nil {
			mark = string(meta.Get(keyFormat))
		}
		switch {
		case mark == "examday hall":
			return fmt.Errorf("%s: %w (it is a hall file of a laptop, not the central record)", path, ErrNotCentral)
		case mark != formatMark:
			return fmt.Errorf("%s: %w", path, ErrNotCentral)
		}
		v, err := strconv.Atoi(string(meta.Get(keySchema)))
		if err != nil {
			return fmt.Errorf("%s: %w (schema version %q)", path, ErrDamaged, meta.Get(keySchema))
		}
		if v > SchemaVersion {
			return fmt.Errorf("%s: %w (schema %d, this examday knows %d)", path, ErrNewerSchema, v, SchemaVersion)
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("%s: %w (bucket %q missing)", path, ErrDamaged, name)
			}
		}
		if k := meta.Get(keyPublicKey); len(k) != ed25519.PublicKeySize {
			return fmt.Errorf("%s: %w (the central's public key is missing)", path, ErrDamaged)
		} else {
			pub = bytes.Clone(k)
		}
		return boltfile.Check(path, tx)
	})
	return pub, boltKinds.Under(err)
}

// boltKinds gives the errors of boltfile the central record's own
// sentinels, so that their messages and errors.Is checks stay its own.
var boltKinds = boltfile.Kinds{Empty: ErrNotCentral, NotBolt: ErrNotCentral, InUse: ErrInUse, Damaged: ErrDamaged}

// view and update read and write the open file through boltfile's guard:
// a fault or a panic of bbolt's on a damaged page is the central record's
// ErrDamaged, never the end of the program.
func (d *DB) view(fn func(tx *bolt.Tx) error) error {
	return boltKinds.Under(boltfile.View(d.db, fn))
}

func (d *DB) update(fn func(tx *bolt.Tx) error) error {
	return boltKinds.Under(boltfile.Update(d.db, fn))
}

// writeKeyFile writes a new key file, never over one (O_EXCL), mode 0600,
// and makes it durable with its directory entry before the central file
// is made to depend on it (boltfile.WriteNew).
func writeKeyFile(path string, text []byte) error {
	switch err := boltfile.WriteNew(path, text); {
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", path, ErrKeyExists)
	case err != nil:
		return fmt.Errorf("writing the signing key %s: %w", path, err)
	}
	return nil
}

// readKeyFile reads the central's signer and checks it is the key whose
// public half the file holds.
func readKeyFile(path string, pub ed25519.PublicKey) (note.Signer, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %s cannot be read (%v); receipts cannot be signed without it", ErrKeyMissing, path, err)
	}
	s := strings.TrimSpace(string(text))
	signer, err := note.NewSigner(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not a signing key (%v)", ErrKeyMismatch, path, err)
	}
	raw, ok := keySeed(s)
	if !ok || !bytes.Equal(ed25519.NewKeyFromSeed(raw[1:]).Public().(ed25519.PublicKey), pub) || signer.Name() != centralName(pub) {
		return nil, fmt.Errorf("%w: %s is not the key this central record was made with", ErrKeyMismatch, path)
	}
	return signer, nil
}

// signerKey is the note signer key of the verifier key vkey with raw
// (1, then the Ed25519 seed) in place of its public key, as
// note.GenerateKey writes one: the name and the hash are vkey's.
func signerKey(vkey string, raw []byte) string {
	name, rest, _ := strings.Cut(vkey, "+")
	hash, _, _ := strings.Cut(rest, "+")
	return "PRIVATE+KEY+" + name + "+" + hash + "+" + base64.StdEncoding.EncodeToString(raw)
}

// keySeed is the key of the signer key text s (1, then the Ed25519
// seed), if it is one: PRIVATE+KEY+<name>+<hash>+<key>, whose base64 may
// hold a '+'.
func keySeed(s string) ([]byte, bool) {
	fields := strings.SplitN(s, "+", 5)
	raw, err := base64.StdEncoding.DecodeString(fields[len(fields)-1])
	return raw, err == nil && len(raw) == 1+ed25519.SeedSize && raw[0] == 1
}

// Close closes the file.
func (d *DB) Close() error {
	if !d.readOnly {
		boltfile.RemoveOwner(d.path)
	}
	return d.db.Close()
}

// Path is the file's path.
func (d *DB) Path() string { return d.path }

// VerifierKey is the central record's public key in note's encoding: the
// laptops verify receipts with it (EnrollResponse.CentralKey).
func (d *DB) VerifierKey() string { return d.vkey }

// ID is the hex SHA-256 of the central's public key.
func (d *DB) ID() string { return d.id }

func u64Key(n uint64) []byte { return binary.BigEndian.AppendUint64(make([]byte, 0, 8), n) }

// The records kept as JSON.

type tokenRecord struct {
	// Role and Name are who the token enrols; a record from before roles
	// has only Hall, and is a hall's.
	Role   Role      `json:"role,omitempty"`
	Name   string    `json:"name,omitempty"`
	Hall   string    `json:"hall,omitempty"`
	MadeAt time.Time `json:"made_at"`
	UsedBy string    `json:"used_by,omitempty"` // device id
	UsedAt time.Time `json:"used_at,omitzero"`
}

type deviceRecord struct {
	PublicKey []byte `json:"public_key"`
	// Role and Name are what the device was enrolled as (a record from
	// before roles has only Hall, and is a hall laptop); Hall is the name
	// of a hall laptop's hall.
	Role       Role      `json:"role,omitempty"`
	Name       string    `json:"name,omitempty"`
	Hall       string    `json:"hall,omitempty"`
	EnrolledAt time.Time `json:"enrolled_at"`
	RevokedAt  time.Time `json:"revoked_at,omitzero"`
	// Origin is the one log this device delivers: a laptop's key is made
	// with its hall file, so the same key under a second epoch is a key
	// copied into another file, and is refused.
	Origin string `json:"origin,omitempty"`
}

// enrolment is who a device record says the device is.
func (r deviceRecord) enrolment() Enrolment {
	return Enrolment{Role: orHall(r.Role), Name: cmp.Or(r.Name, r.Hall)}
}

// enrolment is who a token record enrols.
func (r tokenRecord) enrolment() Enrolment {
	return Enrolment{Role: orHall(r.Role), Name: cmp.Or(r.Name, r.Hall)}
}

type logRecord struct {
	Origin   string    `json:"origin"`
	Device   string    `json:"device"`
	Epoch    string    `json:"epoch"`
	Role     Role      `json:"role,omitempty"` // its device's, as taken ("" before roles: a hall's)
	Hall     string    `json:"hall"`           // as enrolled: the hall's name, or the marker's
	HallName string    `json:"hall_name"`      // as its hall.created event says
	Size     int64     `json:"size"`
	Root     string    `json:"root"` // tlog hash, base64
	Head     string    `json:"head"` // hex SHA-256 of event Size
	FirstAt  time.Time `json:"first_at"`
	Receipt  string    `json:"receipt,omitempty"`
	// ReceiptAt is when the last receipt was signed.
	ReceiptAt time.Time `json:"receipt_at,omitzero"`
	Frozen    bool      `json:"frozen"`
	Fork      *ForkInfo `json:"fork,omitempty"`
	// Rollback is the last time a laptop said its file holds less of this
	// log than is held here; it stays as the record of it.
	Rollback *RollbackInfo `json:"rollback,omitempty"`
}

// ForkInfo is a fork: a bundle, signed by the laptop's key, that holds an
// event different from the one stored at the same sequence number.
type ForkInfo struct {
	ID           uint64    `json:"id"` // key of the bundle kept in evidence
	Origin       string    `json:"origin"`
	Seq          uint64    `json:"seq"`
	StoredHash   string    `json:"stored_hash"`
	IncomingHash string    `json:"incoming_hash"`
	At           time.Time `json:"at"`
	Via          string    `json:"via"`
	Remote       string    `json:"remote"`
	Digest       string    `json:"digest"` // SHA-256 of the bundle kept
	Reason       string    `json:"reason"`
}

// RollbackInfo is a laptop's file seen rolled back: its sync pushed its
// whole log, signed by its key and a prefix of what is held here, and it
// ended before the events held here end. Nothing forked, so nothing is
// frozen; the events after LaptopSize are held only here.
type RollbackInfo struct {
	At          time.Time `json:"at"`
	Via         string    `json:"via"`
	Remote      string    `json:"remote"`
	LaptopSize  uint64    `json:"laptop_size"`  // the events the laptop's file holds
	CentralSize uint64    `json:"central_size"` // the events held here then
	Digest      string    `json:"digest"`       // SHA-256 of the bundle pushed
}

// AuditRow is one attempt to hand the central record something: a bundle
// (over HTTP or from a file) or an enrolment.
type AuditRow struct {
	ID       uint64    `json:"id"`
	At       time.Time `json:"at"`
	Kind     string    `json:"kind"` // "bundle" or "enroll"
	Via      string    `json:"via"`  // "http" or "file"
	Remote   string    `json:"remote"`
	Digest   string    `json:"digest,omitempty"` // hex SHA-256 of the bundle
	Bytes    int       `json:"bytes"`
	Device   string    `json:"device,omitempty"`
	Origin   string    `json:"origin,omitempty"`
	First    uint64    `json:"first,omitempty"`
	Last     uint64    `json:"last,omitempty"`
	Result   string    `json:"result"` // "appended", "duplicate", "enrolled" or "refused"
	Appended int       `json:"appended,omitempty"`
	Status   int       `json:"status"`
	Check    string    `json:"check,omitempty"`
	Error    string    `json:"error,omitempty"`
}

// ResultRefused is the audit result of an attempt that was refused.
const ResultRefused = "refused"

func getJSON(b *bolt.Bucket, key []byte, v any) (bool, error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("the record %q in %q is damaged: %v", key, "central", err)
	}
	return true, nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// putAudit adds row to the audit, numbering it.
func putAudit(tx *bolt.Tx, row *AuditRow) error {
	b := tx.Bucket(bucketAudit)
	b.FillPercent = 0.95 // only ever appended to
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	row.ID = id
	return putJSON(b, u64Key(id), row)
}

// txHashes reads tlog stored hashes from a log's tlog bucket; inside a
// write transaction it sees what that transaction put.
func txHashes(b *bolt.Bucket) tlog.HashReader {
	return tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, index := range indexes {
			v := b.Get(u64Key(uint64(index)))
			if len(v) != tlog.HashSize {
				return nil, fmt.Errorf("the stored tree hash %d is missing or damaged", index)
			}
			copy(out[i][:], v)
		}
		return out, nil
	})
}

// logBuckets are one log's events, signatures and tree hashes.
type logBuckets struct{ events, sigs, tree *bolt.Bucket }

// openLog finds a log's buckets; all nil if it has none yet.
func openLog(tx *bolt.Tx, origin string) logBuckets {
	b := tx.Bucket(bucketLogData).Bucket([]byte(origin))
	if b == nil {
		return logBuckets{}
	}
	return logBuckets{b.Bucket(subEvents), b.Bucket(subSigs), b.Bucket(subTree)}
}

// makeLog finds or makes a log's buckets in a write transaction. They
// are only ever appended to, so their pages may fill before they split,
// as bbolt advises for such buckets.
func makeLog(tx *bolt.Tx, origin string) (logBuckets, error) {
	b, err := tx.Bucket(bucketLogData).CreateBucketIfNotExists([]byte(origin))
	if err != nil {
		return logBuckets{}, err
	}
	var lb logBuckets
	for _, x := range []struct {
		name []byte
		to   **bolt.Bucket
	}{{subEvents, &lb.events}, {subSigs, &lb.sigs}, {subTree, &lb.tree}} {
		if *x.to, err = b.CreateBucketIfNotExists(x.name); err != nil {
			return logBuckets{}, err
		}
		(*x.to).FillPercent = 0.95
	}
	return lb, nil
}
