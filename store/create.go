package store

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"

	"examday/exam"
	"examday/signedlog"
	"examday/store/boltfile"
)

// Making a hall file. A new hall file appears whole or not at all: it is
// built under a temporary name beside its own (boltfile.CreateTemp) — its
// key in the key file of that name, its buckets, its identity, the events
// of the set-up and the secrets beside them in one transaction, fsynced —
// and only then are the key and the file given their names, each never
// over a file already there (boltfile.PlaceNew), the key first: no hall
// file is ever in place without its key safe on disk. A program killed on
// the way leaves either the whole hall, or nothing at the two names but,
// for a moment between the two, a key: ClearInterrupted tells that key
// from any other by the temporary file it was made with.

// ErrExists: Create found a file already at the path; nothing was made.
var ErrExists = errors.New("a file is already there")

// Create makes a new hall file at path holding the events first decides
// on an empty hall (nil for none) and, out of the log, the secrets (the
// chairman's PIN hash), and opens it as Open does. The file appears whole
// or not at all. A file already at path is ErrExists, a key file already
// where its key would go ErrKeyExists: Create neither replaces nor moves
// anything (ClearInterrupted does what may be done about what an
// interrupted creation left).
func Create(path string, opts Options, secrets map[string]string, first Decision) (*Store, error) {
	if err := build(path, secrets, first); err != nil {
		return nil, err
	}
	opts.Create = false
	return Open(path, opts)
}

// build makes the hall file at path, and its key, as Create says.
func build(path string, secrets map[string]string, first Decision) (err error) {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	if _, err := os.Lstat(KeyPath(path)); err == nil {
		return fmt.Errorf("creating %s: %s: %w", path, KeyPath(path), ErrKeyExists)
	}
	f, err := boltfile.CreateTemp(path)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(KeyPath(tmp))
			os.Remove(tmp)
			err = fmt.Errorf("creating %s: %w", path, err)
		}
	}()
	id, key, keyText, err := newKey()
	if err != nil {
		return fmt.Errorf("making its signing key: %w", err)
	}
	if err := writeKeyFile(KeyPath(tmp), keyText); err != nil {
		return err
	}
	boltfile.StopAt("create.key_written")
	if err := fill(tmp, id, key, secrets, first); err != nil {
		return err
	}
	boltfile.StopAt("create.committed")
	if err := placeWithKey(tmp, path, keyText, "create.key_placed"); err != nil {
		return err
	}
	boltfile.StopAt("create.placed")
	return nil
}

// placeWithKey puts the new file tmp and its key file (holding keyText)
// at path and beside it, replacing nothing: the key first, so that a file
// in place always has its key; if the file cannot be placed, the key put
// a moment ago goes again, if it is still that key. keyPlaced names the
// moment between the two for the crash tests (boltfile.StopAt).
func placeWithKey(tmp, path string, keyText []byte, keyPlaced string) error {
	if err := boltfile.PlaceNew(KeyPath(tmp), KeyPath(path)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", KeyPath(path), ErrKeyExists)
		}
		return err
	}
	boltfile.StopAt(keyPlaced)
	if err := boltfile.PlaceNew(tmp, path); err != nil {
		if text, rerr := os.ReadFile(KeyPath(path)); rerr == nil && bytes.Equal(text, keyText) {
			os.Remove(KeyPath(path))
		}
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		return err
	}
	return nil
}

// fill writes the whole new file at tmp in one transaction: every bucket,
// the format and schema, the file's identity, the secrets, the events
// first decides and the state they make, and a checkpoint of them all.
func fill(tmp string, id identity, key *signingKey, secrets map[string]string, first Decision) (err error) {
	db, err := boltfile.Open(tmp, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return boltKinds.OpenError(tmp, err)
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	s := &Store{path: tmp, db: db, schema: SchemaVersion, id: id, key: key, hall: exam.NewHall()}
	var events []exam.Event
	if first != nil {
		if events, err = first(s.hall); err != nil {
			return err
		}
	}
	return boltfile.Update(db, func(tx *bolt.Tx) error {
		for _, name := range bucketsOf(SchemaVersion) {
			if _, err := tx.CreateBucket(name); err != nil {
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
		if err := putIdentity(meta, id); err != nil {
			return err
		}
		for k, v := range secrets {
			if err := tx.Bucket(bucketSecrets).Put([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		var log signedlog.Log
		var err error
		if log.Tree.Root, err = tlog.TreeHash(0, nil); err != nil {
			return err
		}
		if len(events) > 0 {
			if _, log, err = s.appendTx(tx, events, log); err != nil {
				return err
			}
			// A new file's state records are of all its events.
			if err := s.writeState(tx, log.Head); err != nil {
				return err
			}
		}
		if err := s.hallLog().PutHead(tx, log); err != nil {
			return err
		}
		cp, err := signedlog.SignCheckpoint(key, id, log.Tree)
		if err != nil {
			return err
		}
		if err := meta.Put(keyCheckpoint, cp); err != nil {
			return err
		}
		boltfile.StopAt("create.in_transaction")
		return nil
	})
}

// Leftovers is what ClearInterrupted found that an interrupted creation
// of a hall file left, and what it did with it.
type Leftovers struct {
	// Temporary are the temporary files of creations cut short, removed.
	Temporary []string
	// Key is a key file found at the hall file's key path without its
	// hall file: removed if a creation cut short had put it there (Aside
	// is ""), else moved to Aside.
	Key, Aside string
	// Empty: the file at the path held nothing, as an earlier examday's
	// creation left it when it was cut short between making the file and
	// its first commit, and was removed with its key.
	Empty bool
}

// KeyOwnerError: the key file where a new hall file's key would go is
// the signing key of another hall file beside it (one renamed without
// its key). It wraps ErrKeyExists.
type KeyOwnerError struct {
	Key, Hall string
}

func (e *KeyOwnerError) Error() string {
	return fmt.Sprintf("%s: %v: it is the signing key of the hall file %s", e.Key, ErrKeyExists, e.Hall)
}

func (e *KeyOwnerError) Unwrap() error { return ErrKeyExists }

// lookTimeout is how long ClearInterrupted waits for a file another
// program holds: a temporary file held is a creation under way, and a
// hall file held is open with its own key beside it.
const lookTimeout = 100 * time.Millisecond

// ClearInterrupted clears what an interrupted creation of the hall file
// at path left, so that it can be made again, and touches nothing else:
//
//   - temporary files of path's (boltfile.IsTempOf) that no program holds
//     open, with their key files; a key file of a temporary name whose
//     file is gone, once it is older than boltfile.StaleAfter;
//   - with no file at path, a key file at KeyPath(path): removed if it is
//     the key of one of those temporary files (the creation was cut short
//     between putting the key and the file in place); moved aside, and
//     kept, if no hall file beside it is signed with it (a key an earlier
//     examday wrote first and was killed after); refused as a
//     *KeyOwnerError naming the hall file that is; refused as
//     ErrKeyExists if it is not an examday key at all;
//   - a hall file at path that holds nothing — no event, no enrolment —
//     with its own key beside it: removed with its key.
func ClearInterrupted(path string) (Leftovers, error) {
	var left Leftovers
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return left, nil
	}
	if err != nil {
		return left, err
	}
	keySuffix := strings.TrimPrefix(KeyPath("x"), "x")
	var made [][]byte // the public keys of the temporary files cleared
	for _, e := range entries {
		tmp := filepath.Join(dir, e.Name())
		if !boltfile.IsTempOf(e.Name(), path) || !e.Type().IsRegular() {
			continue
		}
		pub, err := publicKeyOf(tmp)
		if errors.Is(err, ErrInUse) {
			continue // a creation under way
		}
		if pub != nil {
			made = append(made, pub)
		}
		os.Remove(KeyPath(tmp))
		if os.Remove(tmp) == nil {
			left.Temporary = append(left.Temporary, e.Name())
		}
	}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), keySuffix)
		if !ok || !boltfile.IsTempOf(name, path) || !e.Type().IsRegular() {
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > boltfile.StaleAfter &&
			os.Remove(filepath.Join(dir, e.Name())) == nil {
			left.Temporary = append(left.Temporary, e.Name())
		}
	}

	if _, err := os.Lstat(path); err == nil {
		if holdsNothing(path) && Remove(path) == nil {
			left.Empty = true
		}
		return left, nil
	}
	text, err := os.ReadFile(KeyPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return left, nil
	}
	if err != nil {
		return left, fmt.Errorf("%s: %w (%v)", KeyPath(path), ErrKeyExists, err)
	}
	key, err := parseKey(string(text))
	if err == nil {
		_, err = identityOfKey(key)
	}
	if err != nil {
		return left, fmt.Errorf("%s: %w (it is not an examday signing key: %v)", KeyPath(path), ErrKeyExists, err)
	}
	pub := key.Priv.Public().(ed25519.PublicKey)
	for _, m := range made {
		if !bytes.Equal(m, pub) {
			continue
		}
		// The key of a temporary file removed above. Had that file been
		// put in place first after all, the key would be its key now, and
		// stay.
		if _, err := os.Lstat(path); err == nil {
			return left, nil
		}
		if err := os.Remove(KeyPath(path)); err != nil {
			return left, err
		}
		left.Key = KeyPath(path)
		return left, nil
	}
	if hall := hallSignedWith(dir, pub); hall != "" {
		return left, &KeyOwnerError{Key: KeyPath(path), Hall: hall}
	}
	aside, err := putAside(KeyPath(path))
	if err != nil {
		return left, fmt.Errorf("%s: %w (moving it aside: %v)", KeyPath(path), ErrKeyExists, err)
	}
	left.Key, left.Aside = KeyPath(path), aside
	return left, nil
}

// putAside gives the key file at path a name of its own beside it,
// path.unused-<time>, never over a file there.
func putAside(path string) (string, error) {
	stamp := path + ".unused-" + time.Now().Format("20060102-150405")
	for n := 1; ; n++ {
		aside := stamp
		if n > 1 {
			aside += "-" + strconv.Itoa(n)
		}
		err := boltfile.PlaceNew(path, aside)
		if !errors.Is(err, fs.ErrExist) || n == 100 {
			return aside, err
		}
	}
}

// publicKeyOf is the public key the hall file at path says it is signed
// with; nil for a file that is not a signed hall file (empty, half made,
// not examday's). ErrInUse if another program holds it.
func publicKeyOf(path string) (ed25519.PublicKey, error) {
	var pub ed25519.PublicKey
	err := boltfile.Inspect(path, lookTimeout, func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil && string(meta.Get(keyFormat)) == formatMark {
			if k := meta.Get(keyPublicKey); len(k) == ed25519.PublicKeySize {
				pub = bytes.Clone(k)
			}
		}
		return nil
	})
	if err := boltKinds.Under(err); errors.Is(err, ErrInUse) {
		return nil, err
	}
	return pub, nil
}

// hallSignedWith is a hall file in dir signed with pub, or "". Files held
// by another program are passed over: a hall file open for writing has
// its own key beside it.
func hallSignedWith(dir string, pub ed25519.PublicKey) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if k, _ := publicKeyOf(p); k != nil && bytes.Equal(k, pub) {
			return p
		}
	}
	return ""
}

// holdsNothing reports whether the file at path is a signed hall file
// with no event and no enrolment, whose key beside it is its own: a file
// an earlier examday made and was killed before its first commit.
func holdsNothing(path string) bool {
	var empty bool
	var id identity
	err := boltfile.Inspect(path, lookTimeout, func(tx *bolt.Tx) error {
		schema, err := checkFormat(tx)
		if err != nil || schema < 3 {
			return nil
		}
		if id, err = readIdentity(tx); err != nil {
			return nil
		}
		empty = firstKey(tx, bucketEvents) == nil && firstKey(tx, bucketDelivery) == nil &&
			tx.Bucket(bucketHall).Get(keyState) == nil
		return nil
	})
	if err != nil || !empty {
		return false
	}
	_, err = readKeyFile(KeyPath(path), id)
	return err == nil
}

// firstKey is the first key of the bucket name; nil if it is empty or not
// there.
func firstKey(tx *bolt.Tx, name []byte) []byte {
	b := tx.Bucket(name)
	if b == nil {
		return nil
	}
	k, _ := b.Cursor().First()
	return k
}
