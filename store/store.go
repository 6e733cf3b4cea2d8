// Package store keeps one exam hall in one bbolt file: an append-only,
// hash-chained log of events, and beside it the hall's state as the exam
// package projects it from that log. One user action is one bbolt Update:
// the events and the state they change are committed, and fsynced,
// together, or not at all. The store knows how to keep and check facts; it
// does not know what they mean — the exam package decides that.
package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"examday/exam"
)

// SchemaVersion is the layout of the file this code writes. A file with a
// newer version was made by a newer examday and is refused; an older one
// would be migrated here.
const SchemaVersion = 2

// formatMark tells an examday file from any other bbolt file.
const formatMark = "examday hall"

// Buckets, all created in one Update when a file is made.
var (
	bucketMeta      = []byte("meta")      // format, schema version
	bucketEvents    = []byte("events")    // seq (8 bytes BE) -> sha256(body) || body
	bucketHall      = []byte("hall")      // "state" -> exam.Hall as JSON
	bucketExaminees = []byte("examinees") // ordinal (4 bytes BE) -> exam.Examinee as JSON
	bucketSecrets   = []byte("secrets")   // kept out of the log: the chairman's PIN hash
	bucketSettings  = []byte("settings")  // preferences of this laptop, not facts: the language
	bucketSheets    = []byte("sheets")    // barcode (12 digits) -> exam.Sheet as JSON; since schema 2
	allBuckets      = [][]byte{bucketMeta, bucketEvents, bucketHall, bucketExaminees, bucketSecrets, bucketSettings, bucketSheets}

	keyFormat = []byte("format")
	keySchema = []byte("schema")
	keyState  = []byte("state")
)

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
	// verify; nothing may be added to it.
	ErrReadOnly = errors.New("the file is open read-only")
	// ErrNotFound: Open without Create on a path where there is no file.
	ErrNotFound = errors.New("no hall file there")
)

// ChainError says where the hash chain of the log breaks.
type ChainError struct {
	Seq    uint64 // the first event that does not verify
	Reason string
}

func (e *ChainError) Error() string {
	return fmt.Sprintf("the event log does not verify at event %d: %s", e.Seq, e.Reason)
}

// Options for Open.
type Options struct {
	// Create makes a new, empty hall file if there is none at the path.
	Create bool
	// Program names the opener in the owner note, so a second copy can say
	// who holds the file.
	Program string
}

// Store is one open hall file.
type Store struct {
	path string
	db   *bolt.DB

	mu       sync.RWMutex
	hall     *exam.Hall
	headHash [32]byte
	// broken is why the store is read-only; nil when it is writable.
	broken error
}

// Record is one event as stored: the exact bytes first written, and their
// SHA-256.
type Record struct {
	Event exam.Event
	Body  []byte
	Hash  [32]byte
}

// Open opens the hall file at path, or creates it with opts.Create. It
// checks the file before anyone can write to it: the bbolt structure, that
// it is an examday file of a schema this code knows, and the whole hash
// chain. A file that is not examday's, or is structurally damaged, is
// refused and left as it was. A file whose log does not verify is opened
// read-only: Broken says why, and Do refuses every change.
func Open(path string, opts Options) (*Store, error) {
	_, statErr := os.Stat(path)
	switch {
	case errors.Is(statErr, os.ErrNotExist) && opts.Create:
		return create(path, opts)
	case errors.Is(statErr, os.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, ErrNotFound)
	case statErr != nil:
		return nil, statErr
	}

	// First look at the file read-only: a damaged or foreign file is never
	// opened for writing, so nothing can be written to it by accident.
	checked, err := inspect(path)
	if err != nil {
		return nil, err
	}
	// A file whose log does not verify is opened read-only in bbolt as well,
	// not only refused by Do: on Windows a writable bbolt open extends the
	// file to the size of its memory map, and such a file must stay as it
	// was found.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout, ReadOnly: checked.broken != nil})
	if err != nil {
		return nil, openError(path, err)
	}
	s := &Store{path: path, db: db}
	if checked.broken != nil {
		s.hall, s.headHash, s.broken = checked.hall, checked.head, checked.broken
	} else {
		// Between the look and this open another program could have written;
		// load again under our lock, which is cheap next to the check.
		if err := s.load(&checked); err != nil {
			db.Close()
			return nil, err
		}
		if s.broken == nil {
			if err := s.migrate(); err != nil {
				db.Close()
				return nil, fmt.Errorf("%s: upgrading the file: %w", path, err)
			}
		}
	}
	writeOwner(path, opts.Program)
	return s, nil
}

func create(path string, opts Options) (*Store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return nil, openError(path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyFormat, []byte(formatMark)); err != nil {
			return err
		}
		return meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	})
	if err != nil {
		db.Close()
		os.Remove(path)
		return nil, fmt.Errorf("creating %s: %w", path, err)
	}
	s := &Store{path: path, db: db, hall: exam.NewHall()}
	writeOwner(path, opts.Program)
	return s, nil
}

func openError(path string, err error) error {
	if errors.Is(err, berrors.ErrTimeout) {
		if who := readOwner(path); who != "" {
			return fmt.Errorf("%s: %w (%s)", path, ErrInUse, who)
		}
		return fmt.Errorf("%s: %w", path, ErrInUse)
	}
	// bbolt says what is wrong with a file's content with these sentinels,
	// or with a bare error (a file too short to hold its two meta pages:
	// "file size too small"); what the system says (permission denied, no
	// memory for the map) carries an errno.
	var errno syscall.Errno
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrVersionMismatch) || errors.Is(err, berrors.ErrChecksum) ||
		!errors.As(err, &errno) {
		return fmt.Errorf("%s: %w (%v)", path, ErrNotExamday, err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

type inspection struct {
	hall   *exam.Hall
	head   [32]byte
	broken error
}

// inspect opens path read-only and checks everything. bbolt reads the file
// through a memory map: a truncated file faults when a page past its end is
// touched, and corrupt pages make bbolt panic. Both become ErrDamaged.
func inspect(path string) (res inspection, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: %w (%v)", path, ErrDamaged, r)
		}
	}()
	info, err := os.Stat(path)
	if err != nil {
		return res, err
	}
	// bbolt would take an empty file for a new one and try to write its
	// first pages, which on a read-only handle fails with a bare "bad file
	// descriptor". An empty file holds no hall.
	if info.Size() == 0 {
		return res, fmt.Errorf("%s: %w (the file is empty)", path, ErrNotExamday)
	}
	db, err := bolt.Open(path, 0o400, &bolt.Options{Timeout: LockTimeout, ReadOnly: true})
	if err != nil {
		return res, openError(path, err)
	}
	defer db.Close()
	if info.Size()%int64(db.Info().PageSize) != 0 {
		return res, fmt.Errorf("%s: %w (size %d is not a whole number of pages)", path, ErrDamaged, info.Size())
	}
	// tx.Check walks the pages in a goroutine of bbolt's own, where
	// SetPanicOnFault does not reach: touching a page past the end of a
	// file cut short there kills the program with SIGBUS. The meta page
	// says how far the pages in use reach (bbolt's high-water mark); a file
	// shorter than that is refused before any of them is read.
	var reach int64
	if err := db.View(func(tx *bolt.Tx) error { reach = tx.Size(); return nil }); err != nil {
		return res, fmt.Errorf("%s: %w (%v)", path, ErrDamaged, err)
	}
	if info.Size() < reach {
		return res, fmt.Errorf("%s: %w (the file is %d bytes but its pages reach to %d: it was cut short)", path, ErrDamaged, info.Size(), reach)
	}
	err = db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for err := range tx.Check() {
			return fmt.Errorf("%s: %w (%v)", path, ErrDamaged, err)
		}
		var err error
		res.hall, err = loadHall(tx)
		if err != nil {
			return fmt.Errorf("%s: %w (%v)", path, ErrDamaged, err)
		}
		res.head, res.broken = verifyChain(tx, res.hall.LastSeq)
		return nil
	})
	return res, err
}

func checkFormat(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || string(meta.Get(keyFormat)) != formatMark {
		return ErrNotExamday
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil {
		return fmt.Errorf("%w (schema version %q)", ErrDamaged, meta.Get(keySchema))
	}
	for _, name := range allBuckets {
		// Schema 1 had no sheets; migrate adds the bucket on open.
		if v < 2 && bytes.Equal(name, bucketSheets) {
			continue
		}
		if tx.Bucket(name) == nil {
			return fmt.Errorf("%w (bucket %q missing)", ErrDamaged, name)
		}
	}
	if v > SchemaVersion {
		return fmt.Errorf("%w (schema %d, this examday knows %d)", ErrNewerSchema, v, SchemaVersion)
	}
	return nil
}

// load reads the state again under the write lock. If seen (what inspect
// found a moment before) still matches the head of the log, the chain is
// not walked a second time.
func (s *Store) load(seen *inspection) error {
	return s.db.View(func(tx *bolt.Tx) error {
		if err := checkFormat(tx); err != nil {
			return err
		}
		// Every change appends an event: if the log still ends where inspect
		// saw it end, the state inspect loaded is the state, and its examinee
		// records (10,000 in a big hall, a tenth of Open's time) need not be
		// read a second time.
		if seen != nil && logUnchanged(tx, seen) {
			s.hall, s.headHash, s.broken = seen.hall, seen.head, nil
			return nil
		}
		h, err := loadHall(tx)
		if err != nil {
			return fmt.Errorf("%s: %w (%v)", s.path, ErrDamaged, err)
		}
		head, broken := verifyChain(tx, h.LastSeq)
		s.hall, s.headHash, s.broken = h, head, broken
		return nil
	})
}

// logUnchanged reports whether the state record and the last event are
// those inspect saw.
func logUnchanged(tx *bolt.Tx, seen *inspection) bool {
	var state struct {
		LastSeq uint64 `json:"last_seq"`
	}
	if v := tx.Bucket(bucketHall).Get(keyState); v != nil {
		if err := json.Unmarshal(v, &state); err != nil {
			return false
		}
	}
	if state.LastSeq != seen.hall.LastSeq {
		return false
	}
	k, v := tx.Bucket(bucketEvents).Cursor().Last()
	if k == nil {
		return state.LastSeq == 0
	}
	return len(k) == 8 && binary.BigEndian.Uint64(k) == state.LastSeq && len(v) >= 32 && bytes.Equal(v[:32], seen.head[:])
}

func loadHall(tx *bolt.Tx) (*exam.Hall, error) {
	h := exam.NewHall()
	if v := tx.Bucket(bucketHall).Get(keyState); v != nil {
		if err := json.Unmarshal(v, h); err != nil {
			return nil, fmt.Errorf("hall state: %v", err)
		}
	}
	c := tx.Bucket(bucketExaminees).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		e := new(exam.Examinee)
		if err := json.Unmarshal(v, e); err != nil {
			return nil, fmt.Errorf("examinee record %x: %v", k, err)
		}
		if err := h.AddLoaded(e); err != nil {
			return nil, err
		}
	}
	if b := tx.Bucket(bucketSheets); b != nil {
		err := b.ForEach(func(k, v []byte) error {
			sheet := new(exam.Sheet)
			if err := json.Unmarshal(v, sheet); err != nil {
				return fmt.Errorf("sheet record %s: %v", k, err)
			}
			h.AddLoadedSheet(sheet)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return h, nil
}

// migrate brings a file of an older schema, already verified, up to this
// one. Schema 1 → 2: the sheets bucket.
func (s *Store) migrate() error {
	var v int
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		v, err = strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keySchema)))
		return err
	})
	// An Update with nothing to change still commits a new meta page: a
	// file of this schema is not written to by opening it.
	if err != nil || v >= SchemaVersion {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(bucketSheets); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	})
}

// verifyChain walks the whole log: each event's stored hash is the SHA-256
// of its stored bytes, its prev is the hash of the one before, and the
// sequence numbers run 1, 2, 3 … without a gap. It also checks that the
// state beside the log was projected from exactly this log's length. It
// returns the hash of the last event and, if anything fails, a *ChainError
// at the first bad event.
func verifyChain(tx *bolt.Tx, stateSeq uint64) ([32]byte, error) {
	var prev [32]byte
	var want uint64 = 1
	c := tx.Bucket(bucketEvents).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != 8 || binary.BigEndian.Uint64(k) != want {
			return prev, &ChainError{Seq: want, Reason: "an event is missing or out of place"}
		}
		if err := verifyRecord(want, v, prev); err != nil {
			return prev, err
		}
		copy(prev[:], v[:32])
		want++
	}
	if want-1 != stateSeq {
		return prev, &ChainError{Seq: want, Reason: fmt.Sprintf("the hall state was built from %d events but the log holds %d", stateSeq, want-1)}
	}
	return prev, nil
}

func verifyRecord(seq uint64, v []byte, prev [32]byte) error {
	if len(v) < 32 {
		return &ChainError{Seq: seq, Reason: "the stored event is too short"}
	}
	body := v[32:]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], v[:32]) {
		return &ChainError{Seq: seq, Reason: "its bytes do not match its hash (the event was changed)"}
	}
	if saysPlainly(body, seq, prev) {
		return nil
	}
	var head struct {
		Seq  uint64 `json:"seq"`
		Prev string `json:"prev"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		return &ChainError{Seq: seq, Reason: "the stored event is not readable: " + err.Error()}
	}
	if head.Seq != seq {
		return &ChainError{Seq: seq, Reason: fmt.Sprintf("it says it is event %d", head.Seq)}
	}
	if head.Prev != hex.EncodeToString(prev[:]) {
		return &ChainError{Seq: seq, Reason: "it does not link to the event before it (an event was changed, removed or inserted)"}
	}
	return nil
}

// saysPlainly reports whether body is JSON that says it is event seq and
// follows prev exactly as EncodeEvent writes it, "seq" first and "prev"
// last, in a way encoding/json could not read otherwise. Decoding every
// event was two thirds of opening a big hall; json.Valid is a third of the
// cost. Any doubt answers false and the decode in verifyRecord decides, so
// this accepts nothing the decode would refuse. The doubts: encoding/json
// matches keys regardless of case (and reads "ſ" as "s"), unescapes \u in
// keys, and lets a later duplicate key win. "prev" is the last member, so
// no other spelling of it can win over it; "seq" is the first, so no other
// member may spell it.
func saysPlainly(body []byte, seq uint64, prev [32]byte) bool {
	prefix := strconv.AppendUint(append(make([]byte, 0, 32), `{"seq":`...), seq, 10)
	prefix = append(prefix, ',')
	suffix := make([]byte, 0, 80)
	suffix = append(suffix, `,"prev":"`...)
	suffix = hex.AppendEncode(suffix, prev[:])
	suffix = append(suffix, `"}`...)
	if !bytes.HasPrefix(body, prefix) || !bytes.HasSuffix(body, suffix) ||
		bytes.Contains(body, []byte(`\u`)) || bytes.Contains(body, []byte("ſ")) {
		return false
	}
	seqKeys := 0
	for i := 0; i+4 < len(body); i++ {
		// |0x20 lowers an ASCII letter and maps no other byte onto s, e, q.
		if body[i] == '"' && body[i+4] == '"' && body[i+1]|0x20 == 's' && body[i+2]|0x20 == 'e' && body[i+3]|0x20 == 'q' {
			seqKeys++
		}
	}
	return seqKeys == 1 && json.Valid(body)
}

// Close closes the file.
func (s *Store) Close() error {
	removeOwner(s.path)
	return s.db.Close()
}

// Path is the file's path.
func (s *Store) Path() string { return s.path }

// Broken is why the store is read-only, or nil.
func (s *Store) Broken() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.broken
}

// Hall returns a copy of the hall's state as of the last commit.
func (s *Store) Hall() *exam.Hall {
	s.mu.RLock()
	defer s.mu.RUnlock()
	h := s.hall.Clone()
	h.SetHistory(s.readEvent)
	return h
}

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
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return nil, fmt.Errorf("%w: %v", ErrReadOnly, s.broken)
	}
	s.hall.SetHistory(s.readEvent)
	events, err := decide(s.hall)
	if err != nil || len(events) == 0 {
		return nil, err
	}
	head := s.headHash
	var records []Record
	err = s.db.Update(func(tx *bolt.Tx) error {
		if alsoTx != nil {
			if err := alsoTx(tx); err != nil {
				return err
			}
		}
		records, head, err = s.appendTx(tx, events, head)
		return err
	})
	if err != nil {
		// Apply may have changed the in-memory state before the commit
		// failed: read it back from the file, which has the old state.
		if lerr := s.load(nil); lerr != nil {
			s.broken = lerr
		}
		return nil, err
	}
	s.headHash = head
	return records, nil
}

func (s *Store) appendTx(tx *bolt.Tx, events []exam.Event, head [32]byte) ([]Record, [32]byte, error) {
	eventsB := tx.Bucket(bucketEvents)
	examineesB := tx.Bucket(bucketExaminees)
	s.hall.SetHistory(func(seq uint64) (exam.Event, error) { return eventInTx(tx, seq) })
	defer s.hall.SetHistory(s.readEvent)
	records := make([]Record, 0, len(events))
	touched := map[int]bool{}
	for _, ev := range events {
		ev.Seq = s.hall.LastSeq + 1
		ev.Prev = hex.EncodeToString(head[:])
		body, err := EncodeEvent(ev)
		if err != nil {
			return nil, head, err
		}
		changed, err := s.hall.Apply(ev)
		if err != nil {
			return nil, head, err
		}
		for _, o := range changed {
			touched[o] = true
		}
		hash := sha256.Sum256(body)
		value := make([]byte, 0, 32+len(body))
		value = append(append(value, hash[:]...), body...)
		if err := eventsB.Put(seqKey(ev.Seq), value); err != nil {
			return nil, head, err
		}
		records = append(records, Record{Event: ev, Body: body, Hash: hash})
		head = hash
	}
	for o := range touched {
		b, err := json.Marshal(s.hall.Examinees()[o])
		if err != nil {
			return nil, head, err
		}
		if err := examineesB.Put(ordinalKey(o), b); err != nil {
			return nil, head, err
		}
	}
	for _, sheet := range s.hall.TakeChangedSheets() {
		b, err := json.Marshal(sheet)
		if err != nil {
			return nil, head, err
		}
		if err := tx.Bucket(bucketSheets).Put([]byte(sheet.Code.String()), b); err != nil {
			return nil, head, err
		}
	}
	state, err := json.Marshal(s.hall)
	if err != nil {
		return nil, head, err
	}
	return records, head, tx.Bucket(bucketHall).Put(keyState, state)
}

func seqKey(seq uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, seq)
	return k
}

func ordinalKey(o int) []byte {
	k := make([]byte, 4)
	binary.BigEndian.PutUint32(k, uint32(o))
	return k
}

// Events calls fn for each stored event from seq from on, in order.
func (s *Store) Events(from uint64, fn func(Record) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.Seek(seqKey(from)); k != nil; k, v = c.Next() {
			if len(v) < 32 {
				return &ChainError{Seq: binary.BigEndian.Uint64(k), Reason: "the stored event is too short"}
			}
			r := Record{Body: append([]byte(nil), v[32:]...)}
			copy(r.Hash[:], v[:32])
			ev, err := DecodeEvent(r.Body)
			if err != nil {
				return fmt.Errorf("event %d: %w", binary.BigEndian.Uint64(k), err)
			}
			r.Event = ev
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// Setting reads a preference of this laptop ("" if unset).
func (s *Store) Setting(key string) string {
	var v string
	s.db.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketSettings).Get([]byte(key)))
		return nil
	})
	return v
}

// SetSetting keeps a preference of this laptop. Preferences are not facts
// of the exam and are not in the log; a read-only store keeps none.
func (s *Store) SetSetting(key, value string) error {
	if err := s.Broken(); err != nil {
		return fmt.Errorf("%w: %v", ErrReadOnly, err)
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSettings).Put([]byte(key), []byte(value))
	})
}

// Secret reads a secret kept out of the log, such as the chairman's PIN hash.
func (s *Store) Secret(key string) string {
	var v string
	s.db.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketSecrets).Get([]byte(key)))
		return nil
	})
	return v
}
