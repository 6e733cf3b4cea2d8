package store_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/central"
	"examday/store"
	"examday/store/boltfile"
	"examday/store/storetest"
)

// The files kept from the examdays of schemas 4 and 5, migrated: a new
// file of schema 6 beside each, which verifies whole, holds the same log byte for
// byte (every event's bytes, signature and hash, the same tree and
// checkpoint), replays to the same state, hands over the same bundle,
// which the central record takes as the log it holds already (the same
// root), and takes new events; the old file and its key are as they were.
func TestMigrateTheFilesOfSchemas4And5(t *testing.T) {
	for _, file := range []string{mainFile, mainFile5} {
		t.Run(filepath.Base(file), func(t *testing.T) { migrateKeptFile(t, file) })
	}
}

func migrateKeptFile(t *testing.T, file string) {
	path := copyKeptFile(t, file)
	out := filepath.Join(filepath.Dir(path), "new.examday")
	oldSum, oldKey := fileSum(t, path), readFile(t, store.KeyPath(path))

	old, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	oldState, oldRecords := snapshot(t, old.Hall()), records(t, old)
	oldSize, oldRoot := old.TreeHead()
	oldCP, err := old.Checkpoint()
	if err != nil {
		t.Fatal(err)
	}
	oldBundle, err := old.Bundle(1)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	if err := store.Migrate(path, out); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	if fileSum(t, path) != oldSum || !bytes.Equal(readFile(t, store.KeyPath(path)), oldKey) {
		t.Fatal("the old file or its key was changed")
	}
	if !bytes.Equal(readFile(t, store.KeyPath(out)), oldKey) {
		t.Error("the new file's key is not the old one's")
	}
	if info, err := os.Stat(store.KeyPath(out)); err != nil || (runtime.GOOS != "windows" && info.Mode().Perm() != 0o600) {
		t.Errorf("the new key file: %v, mode %v; want 0600", err, info.Mode())
	}
	readOnly(t, out, func(tx *bolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get([]byte("schema"))); v != "6" || tx.Bucket(bucketSigs) != nil || tx.Bucket(bucketTree) != nil {
			t.Errorf("the new file: schema %s, sigs %v, tlog %v", v, tx.Bucket(bucketSigs) != nil, tx.Bucket(bucketTree) != nil)
		}
		return nil
	})

	s, err := store.Open(out, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Broken() != nil {
		t.Fatalf("the migrated file opens read-only: %v", s.Broken())
	}
	checkMainFile(t, s)
	if got := snapshot(t, s.Hall()); got != oldState {
		t.Errorf("the migrated state differs:\n%s\nwas\n%s", got, oldState)
	}
	newRecords := records(t, s)
	if len(newRecords) != len(oldRecords) {
		t.Fatalf("%d records, were %d", len(newRecords), len(oldRecords))
	}
	for i, r := range newRecords {
		o := oldRecords[i]
		if !bytes.Equal(r.Body, o.Body) || r.Hash != o.Hash || !bytes.Equal(r.Signature, o.Signature) {
			t.Fatalf("event %d differs after the migration", i+1)
		}
	}
	if size, root := s.TreeHead(); size != oldSize || root != oldRoot {
		t.Errorf("tree %d %v; was %d %v", size, root, oldSize, oldRoot)
	}
	if cp, err := s.Checkpoint(); err != nil || !bytes.Equal(cp, oldCP) {
		t.Errorf("the checkpoint is not the old one (%v)", err)
	}
	newBundle, err := s.Bundle(1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(newBundle, oldBundle) {
		t.Error("the bundle of the migrated file is not the old file's")
	}

	// The central record: the old file's bundle, then the new one's, is
	// one log, the second a duplicate of the same root.
	db, err := central.Open(filepath.Join(t.TempDir(), "central.db"), central.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	token, err := db.NewToken(s.Hall().Name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Enroll(central.EnrollRequest{Token: token, Device: s.DeviceID(), PublicKey: base64.StdEncoding.EncodeToString(s.PublicKey())}, "test", ""); err != nil {
		t.Fatal(err)
	}
	first, err := db.Ingest(oldBundle, "test", "")
	if err != nil {
		t.Fatal(err)
	}
	second, err := db.Ingest(newBundle, "test", "")
	if err != nil {
		t.Fatalf("the central record refuses the migrated file's bundle: %v", err)
	}
	if second.Result != central.ResultDuplicate || second.Root != first.Root || second.Size != first.Size {
		t.Errorf("central: %+v after %+v; want the same log", second, first)
	}

	// The new file is this code's: it records, and verifies after.
	mustDo(t, s, clockJump(storetest.Base.Add(10*time.Hour)))
	if err := s.VerifySignatures(); err != nil {
		t.Fatal(err)
	}
	more, err := s.Bundle(1)
	if err != nil {
		t.Fatal(err)
	}
	if next, err := db.Ingest(more, "test", ""); err != nil || next.Appended != 1 {
		t.Errorf("central after one more event: %+v, %v", next, err)
	}
}

// A bigger log of schema 4 (300 events, its tree many levels deep)
// migrates to the same log, and its events are those of a file made of
// schema 5 with the same key and events: byte for byte the records this
// code writes.
func TestMigrateIsTheLayoutThisCodeWrites(t *testing.T) {
	made := builtHall(t, 20, 300)
	path := copyHall(t, made, t.TempDir())
	asSchema4(t, path)
	out := filepath.Join(t.TempDir(), "new.examday")
	if err := store.Migrate(path, out); err != nil {
		t.Fatal(err)
	}
	dump := func(path string) map[string]string {
		m := map[string]string{}
		readOnly(t, path, func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
				return b.ForEach(func(k, v []byte) error {
					m[string(name)+"/"+string(k)] = string(v)
					return nil
				})
			})
		})
		return m
	}
	want, got := dump(made), dump(out)
	if len(want) != len(got) {
		t.Errorf("%d records, the file made has %d", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q differs from the file made of schema 5", k)
		}
	}
}

// Migrate refuses what it must: an output that is there, that is the file
// itself or its key or owner note, or whose key file is there; a file of
// schema 5; a file of schema 4 that does not verify, or without its key.
// It writes nothing then.
func TestMigrateRefuses(t *testing.T) {
	path := copyMainFile(t)
	dir := filepath.Dir(path)
	sum := fileSum(t, path)
	there := filepath.Join(dir, "there.examday")
	writeFile(t, there, []byte("x"))
	keyThere := filepath.Join(dir, "keythere.examday")
	writeFile(t, store.KeyPath(keyThere), []byte("x"))
	for _, to := range []string{path, store.KeyPath(path), boltfile.OwnerPath(path), there, keyThere,
		filepath.Join(dir, ".", filepath.Base(path))} {
		err := store.Migrate(path, to)
		if !errors.Is(err, store.ErrExists) && !errors.Is(err, store.ErrKeyExists) {
			t.Errorf("Migrate to %s: %v; want ErrExists or ErrKeyExists", to, err)
		}
	}
	if fileSum(t, path) != sum {
		t.Fatal("a refused migration changed the file")
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 4 { // the file, its key, there, keythere's key
		for _, e := range left {
			t.Log(e.Name())
		}
		t.Errorf("%d files in the directory; a refused migration left one", len(left))
	}

	// Already of schema 5.
	five := filepath.Join(dir, "five.examday")
	if err := store.Migrate(path, five); err != nil {
		t.Fatal(err)
	}
	if err := store.Migrate(five, filepath.Join(dir, "six.examday")); !errors.Is(err, store.ErrMigrateSource) {
		t.Errorf("Migrate of a file of schema 5: %v; want ErrMigrateSource", err)
	}

	// Damaged, or without its key.
	for name, damage := range map[string]func(p string){
		"an old signature flipped": func(p string) { rawUpdate(t, p, flipSignature(3)) },
		"an event's bytes changed": func(p string) { rawUpdate(t, p, flipEvent(5)) },
		"a tree hash changed":      func(p string) { rawUpdate(t, p, flipTreeHash(7)) },
		"its key missing":          func(p string) { os.Remove(store.KeyPath(p)) },
	} {
		t.Run(name, func(t *testing.T) {
			p := copyMainFile(t)
			damage(p)
			out := filepath.Join(filepath.Dir(p), "new.examday")
			if err := store.Migrate(p, out); !errors.Is(err, store.ErrMigrateSource) && !errors.Is(err, store.ErrKeyMissing) {
				t.Errorf("Migrate: %v; want ErrMigrateSource", err)
			}
			if _, err := os.Lstat(out); err == nil {
				t.Error("a refused migration wrote its output")
			}
			if _, err := os.Lstat(store.KeyPath(out)); err == nil {
				t.Error("a refused migration wrote a key")
			}
		})
	}
}
