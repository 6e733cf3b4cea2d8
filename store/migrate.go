package store

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"

	"examday/signedlog"
	"examday/store/boltfile"
)

// Migrating a file of an older schema. Opening never rewrites a file: a
// file of schema 4 opens read-only (ErrOldSchema) and stays as it is.
// Migrate writes a new file of this schema from it, at another name,
// beside which the old one is kept: the same log, byte for byte — every
// event's bytes, its signature and its tree hashes moved, not made again
// (nothing is signed anew: a signature made at a migration would prove
// only that the laptop held the bytes then) — the same checkpoint, the
// same state, secrets, settings and hand-over records, and the same key,
// copied beside it. The new file is verified whole before it is given its
// name.

// ErrMigrateSource: the file cannot be migrated: it is not a sound file
// of an older schema with its key beside it.
var ErrMigrateSource = errors.New("the file cannot be migrated")

// migrateError: the file cannot be migrated, and why (reason). Its
// words are the reason's (it unwraps to the reason first), and it is
// ErrMigrateSource.
type migrateError struct{ reason error }

func notMigrated(reason error) error { return &migrateError{reason} }

func (e *migrateError) Error() string   { return fmt.Sprintf("%v: %v", ErrMigrateSource, e.reason) }
func (e *migrateError) Unwrap() []error { return []error{e.reason, ErrMigrateSource} }

// migrateFrom are the schemas Migrate reads: 4, whose layout it knows to
// move (signatures and tree hashes in buckets of their own), and 5,
// whose records it keeps as they are; both gain the log's head record,
// and their hall record the hash of its last event (schema 6).
var migrateFrom = []int{4, 5}

// Migrate writes the hall file at from, of schema 4, as a new file of
// this schema at to, with its key copied beside it (mode 0600), and
// leaves from as it was. It refuses a to that is there already, that is
// from or its key file or owner note, or whose key file is there; a from
// whose log, signatures, tree, checkpoint or state do not all verify, or
// whose key is missing. The new file appears whole, verified — opened as
// Open opens it, every signature checked, its state the replay of its
// log, its tree and its bundle those of from — or not at all.
func Migrate(from, to string) (err error) {
	if err := migrateTarget(from, to); err != nil {
		return err
	}
	src, err := Open(from, Options{ReadOnly: true, Program: "examday migrate"})
	if err != nil {
		return err
	}
	defer src.Close()
	if err := migrateSource(src); err != nil {
		return fmt.Errorf("%s: %w", from, err)
	}
	size, root := src.TreeHead()
	want, err := src.Bundle(1)
	if err != nil && size > 0 {
		return fmt.Errorf("%s: %w: its bundle: %v", from, ErrMigrateSource, err)
	}
	keyText, err := os.ReadFile(KeyPath(from))
	if err != nil {
		return fmt.Errorf("%s: %w: %v", from, ErrMigrateSource, err)
	}

	f, err := boltfile.CreateTemp(to)
	if err != nil {
		return fmt.Errorf("migrating to %s: %w", to, err)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(KeyPath(tmp))
			os.Remove(tmp)
			err = fmt.Errorf("migrating %s to %s: %w", from, to, err)
		}
	}()
	if err := writeKeyFile(KeyPath(tmp), keyText); err != nil {
		return err
	}
	if err := src.view(func(tx *bolt.Tx) error { return copyMigrated(tx, src.schema, tmp) }); err != nil {
		return err
	}
	if err := verifyMigrated(tmp, size, root, want); err != nil {
		return err
	}
	return placeWithKey(tmp, to, keyText, "migrate.key_placed")
}

// migrateTarget refuses a target that is there, or that is the source,
// its key file or its owner note (there or not), or whose key file is
// there.
func migrateTarget(from, to string) error {
	absFrom, err := filepath.Abs(from)
	if err != nil {
		return err
	}
	absTo, err := filepath.Abs(to)
	if err != nil {
		return err
	}
	for _, own := range []string{absFrom, KeyPath(absFrom), boltfile.OwnerPath(absFrom)} {
		if boltfile.SameName(own, absTo) {
			return fmt.Errorf("%s: %w: it is the file migrated or its key file or owner note", to, ErrExists)
		}
	}
	if fi, err := os.Stat(from); err == nil {
		if ti, err := os.Stat(to); err == nil && os.SameFile(fi, ti) {
			return fmt.Errorf("%s: %w: it is the file migrated", to, ErrExists)
		}
	}
	if _, err := os.Lstat(to); err == nil {
		return fmt.Errorf("%s: %w", to, ErrExists)
	}
	if _, err := os.Lstat(KeyPath(to)); err == nil {
		return fmt.Errorf("%s: %w", KeyPath(to), ErrKeyExists)
	}
	return nil
}

// migrateSource says why the open file src cannot be migrated, or nil:
// it must be of the schema Migrate reads, read-only for that reason alone
// (its log, checkpoint, key and state sound), and its every signature
// and its state's replay must verify.
func migrateSource(src *Store) error {
	switch {
	case src.schema == SchemaVersion:
		return &codedError{kind: ErrMigrateSource, code: "store.migrate_current", args: []any{src.schema},
			text: fmt.Sprintf("%v: it is of schema %d already", ErrMigrateSource, src.schema)}
	case !slices.Contains(migrateFrom, src.schema):
		return &codedError{kind: ErrMigrateSource, code: "store.migrate_schema", args: []any{src.schema, migrateFrom[0], migrateFrom[len(migrateFrom)-1]},
			text: fmt.Sprintf("%v: it is of schema %d; only files of schemas %d to %d are migrated", ErrMigrateSource, src.schema, migrateFrom[0], migrateFrom[len(migrateFrom)-1])}
	case src.Broken() != nil && !errors.Is(src.Broken(), ErrOldSchema):
		return notMigrated(src.Broken())
	case src.key == nil:
		return notMigrated(ErrKeyMissing)
	}
	if err := src.VerifySignatures(); err != nil {
		return notMigrated(err)
	}
	if err := src.CheckProjection(); err != nil {
		return notMigrated(err)
	}
	return nil
}

// copyMigrated writes the file at tmp, empty, in one transaction from the
// file of schema schema that tx reads: every bucket of this schema's
// record for record, the schema number this one's, and the events in
// this schema's layout, each with the signature and the tree hashes the
// old file kept apart from it.
func copyMigrated(tx *bolt.Tx, schema int, tmp string) (err error) {
	db, err := boltfile.Open(tmp, 0o600, &bolt.Options{Timeout: LockTimeout})
	if err != nil {
		return boltKinds.OpenError(tmp, err)
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	old, now := logOf(schema), logOf(SchemaVersion)
	return boltfile.Update(db, func(out *bolt.Tx) error {
		for _, name := range bucketsOf(SchemaVersion) {
			dst, err := out.CreateBucket(name)
			if err != nil {
				return err
			}
			if bytes.Equal(name, bucketEvents) {
				continue
			}
			src := tx.Bucket(name)
			if src == nil {
				continue // delivery, in a file of schema 3
			}
			err = src.ForEach(func(k, v []byte) error {
				if v == nil {
					return fmt.Errorf("%w (bucket %q holds a bucket)", ErrDamaged, name)
				}
				if bytes.Equal(name, bucketMeta) && bytes.Equal(k, keySchema) {
					v = []byte(strconv.Itoa(SchemaVersion))
				}
				return dst.Put(bytes.Clone(k), bytes.Clone(v))
			})
			if err != nil {
				return err
			}
		}
		events := out.Bucket(bucketEvents)
		events.FillPercent = 0.95 // appended to only, as signedlog fills it
		var head signedlog.Log
		err := old.Each(tx, 1, func(e signedlog.Entry) error {
			if e.Signature == nil {
				return fmt.Errorf("%w: event %d has no signature", ErrMigrateSource, e.Seq)
			}
			n := int64(e.Seq) - 1
			var indexes []int64
			for i := tlog.StoredHashIndex(0, n); i < tlog.StoredHashIndex(0, n+1); i++ {
				indexes = append(indexes, i)
			}
			hashes, err := old.ReadHashes(tx, indexes)
			if err != nil {
				return fmt.Errorf("%w: event %d: %v", ErrMigrateSource, e.Seq, err)
			}
			head.Tree.Size, head.Head = int64(e.Seq), e.Hash
			return events.Put(seqKey(e.Seq), now.Record(e, hashes))
		})
		if err != nil {
			return err
		}
		if err := now.PutHead(out, head); err != nil {
			return err
		}
		return nameLastEvent(out.Bucket(bucketHall), head)
	})
}

// nameLastEvent adds to the hall record, of the whole log in a file
// before schema 6, the hash of its last event, which head is.
func nameLastEvent(hall *bolt.Bucket, head signedlog.Log) error {
	v := hall.Get(keyState)
	if v == nil {
		return nil
	}
	var r hallRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return fmt.Errorf("%w (hall state: %v)", ErrDamaged, err)
	}
	if r.LastSeq != uint64(head.Tree.Size) {
		return fmt.Errorf("%w: its hall state is of %d events, its log of %d", ErrMigrateSource, r.LastSeq, head.Tree.Size)
	}
	if r.LastSeq > 0 {
		r.LastHash = hex.EncodeToString(head.Head[:])
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return hall.Put(keyState, b)
}

// verifyMigrated opens the new file at tmp as Open does, and checks it
// whole: sound and writable with its key, of this schema, every signature,
// its state the replay of its log, its tree of size events with root, and
// its bundle want, the old file's.
func verifyMigrated(tmp string, size int64, root tlog.Hash, want []byte) error {
	s, err := Open(tmp, Options{ReadOnly: true, Program: "examday migrate"})
	if err != nil {
		return fmt.Errorf("the migrated file: %w", err)
	}
	defer s.Close()
	if s.schema != SchemaVersion {
		return fmt.Errorf("the migrated file is of schema %d", s.schema)
	}
	if err := s.Broken(); err != nil {
		return fmt.Errorf("the migrated file does not verify: %w", err)
	}
	if err := s.VerifySignatures(); err != nil {
		return fmt.Errorf("the migrated file's signatures: %w", err)
	}
	if err := s.CheckProjection(); err != nil {
		return fmt.Errorf("the migrated file's state: %w", err)
	}
	if n, r := s.TreeHead(); n != size || r != root {
		return fmt.Errorf("the migrated file's tree is of %d events with root %s, the old one's of %d with root %s", n, r, size, root)
	}
	if size > 0 {
		got, err := s.Bundle(1)
		if err != nil {
			return fmt.Errorf("the migrated file's bundle: %w", err)
		}
		if !bytes.Equal(got, want) {
			return errors.New("the migrated file's bundle is not the old file's")
		}
	}
	return nil
}
