package boltfile_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/store/boltfile"
)

func TestWriteNewRefusesToOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	if err := boltfile.WriteNew(path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	err := boltfile.WriteNew(path, []byte("second\n"))
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("WriteNew over a file: %v; want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first\n" {
		t.Errorf("the file holds %q after a refused WriteNew; want the first content", b)
	}
	if runtime.GOOS == "windows" {
		return // no modes there
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v; want 0600", info.Mode().Perm())
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.bundle")
	for _, content := range []string{"old", "new"} {
		if err := boltfile.Replace(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("the file holds %q; want %q", b, "new")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the directory holds %v; want only out.bundle", names)
	}
	if err := boltfile.Replace(filepath.Join(dir, "no such dir", "x"), []byte("x")); err == nil {
		t.Error("Replace into a missing directory succeeded")
	}
}

// boltFile makes a sound bbolt file of several pages in use and returns
// its bytes, the size its pages reach to and its page size.
func boltFile(t *testing.T) (whole []byte, inUse, pageSize int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sound.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("data"))
		if err != nil {
			return err
		}
		for i := range 2000 {
			if err := b.Put(fmt.Appendf(nil, "key %05d", i), bytes.Repeat([]byte{byte(i)}, 100)); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = db.View(func(tx *bolt.Tx) error { inUse = int(tx.Size()); return nil })
	}
	pageSize = db.Info().PageSize
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if whole, err = os.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	return whole, inUse, pageSize
}

func TestInspect(t *testing.T) {
	whole, inUse, pageSize := boltFile(t)
	foreign := bytes.Repeat([]byte("not a bbolt file at all\n"), 1000)
	cases := []struct {
		name    string
		content []byte
		want    error  // nil: sound, check is called
		says    string // in the error's text
	}{
		{"sound", whole, nil, ""},
		{"empty", nil, boltfile.ErrEmpty, "the file is empty"},
		{"foreign", foreign, boltfile.ErrNotBolt, ""},
		{"not whole pages", whole[:len(whole)-1], boltfile.ErrDamaged, "not a whole number of pages"},
		{"cut short", whole[:inUse-pageSize], boltfile.ErrDamaged, "it was cut short"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "file.db")
			if err := os.WriteFile(path, c.content, 0o600); err != nil {
				t.Fatal(err)
			}
			checked := false
			err := boltfile.Inspect(path, time.Second, func(tx *bolt.Tx) error {
				checked = true
				return boltfile.Check(path, tx)
			})
			if c.want == nil {
				if err != nil || !checked {
					t.Errorf("Inspect: %v, check called: %v; want nil, true", err, checked)
				}
				return
			}
			if !errors.Is(err, c.want) || checked {
				t.Errorf("Inspect: %v, check called: %v; want %v, false", err, checked, c.want)
			}
			if err != nil && (!strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), c.says)) {
				t.Errorf("the error %q does not start with the path or does not say %q", err, c.says)
			}
			if b, _ := os.ReadFile(path); !bytes.Equal(b, c.content) {
				t.Error("Inspect changed the file")
			}
		})
	}
}

func TestInspectInUseSaysWho(t *testing.T) {
	path := filepath.Join(t.TempDir(), "file.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	boltfile.WriteOwner(path, "the other program")
	defer boltfile.RemoveOwner(path)
	err = boltfile.Inspect(path, 50*time.Millisecond, func(*bolt.Tx) error { return nil })
	if !errors.Is(err, boltfile.ErrInUse) || !strings.Contains(err.Error(), "the other program") {
		t.Errorf("Inspect of a held file: %v; want ErrInUse naming the other program", err)
	}
}

func TestKindsKeepPathAndDetail(t *testing.T) {
	mine := errors.New("not one of mine")
	kinds := boltfile.Kinds{Empty: mine}
	err := kinds.Under(&boltfile.Error{Path: "f", Kind: boltfile.ErrEmpty, Detail: "the file is empty"})
	if !errors.Is(err, mine) || err.Error() != "f: not one of mine (the file is empty)" {
		t.Errorf("Under: %v", err)
	}
	damaged := &boltfile.Error{Path: "f", Kind: boltfile.ErrDamaged}
	if got := kinds.Under(damaged); got != error(damaged) {
		t.Errorf("Under changed a kind it does not name: %v", got)
	}
	other := errors.New("other")
	if got := kinds.Under(other); got != other {
		t.Errorf("Under changed an error not of boltfile: %v", got)
	}
}

// A read of an open file that faults — here a file cut short under the
// open database, so that its pages past the new end fault when touched
// (SIGBUS) — is an ErrDamaged of the file, not the end of the program;
// and so is a panic of bbolt's.
func TestViewTurnsAFaultOrAPanicIntoDamage(t *testing.T) {
	whole, _, pageSize := boltFile(t)
	path := filepath.Join(t.TempDir(), "file.db")
	if err := os.WriteFile(path, whole, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := boltfile.Open(path, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = boltfile.View(db, func(tx *bolt.Tx) error { panic("a page bbolt cannot read") })
	if !errors.Is(err, boltfile.ErrDamaged) || !strings.Contains(err.Error(), "a page bbolt cannot read") {
		t.Errorf("View of a panic: %v; want ErrDamaged with the panic's words", err)
	}
	if runtime.GOOS == "windows" {
		return // a mapped file cannot be cut short there
	}
	if err := os.Truncate(path, int64(2*pageSize)); err != nil {
		t.Fatal(err)
	}
	err = boltfile.View(db, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("data")).ForEach(func(k, v []byte) error { return nil })
	})
	if !errors.Is(err, boltfile.ErrDamaged) {
		t.Errorf("View of a file cut short under it: %v; want ErrDamaged", err)
	}
	t.Log(err)
}

// The hall file's store and the central record read and write their
// open files only through Open, View and Update of this package: a read
// of bbolt's own there would be one a damaged page can crash.
func TestEveryReadOfAnOpenFileIsGuarded(t *testing.T) {
	files, err := filepath.Glob("../*.go")
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob("../../central/*.go")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(src), "\n") {
			for _, bare := range []string{"bolt.Open(", "db.View(", "db.Update(", "db.Batch(", "db.Begin("} {
				if strings.Contains(line, bare) && !strings.Contains(line, "boltfile."+bare) {
					t.Errorf("%s:%d: %s outside boltfile's guard: %s", f, i+1, bare, strings.TrimSpace(line))
				}
			}
		}
	}
}

// A file that another program grows while Inspect waits for its lock is
// sound, not cut short: the size is taken again once the lock is held.
func TestInspectOfAFileGrownWhileItWaitsIsSound(t *testing.T) {
	path := filepath.Join(t.TempDir(), "file.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	done := make(chan error, 1)
	go func() {
		done <- boltfile.Inspect(path, 5*time.Second, func(*bolt.Tx) error { return nil })
	}()
	time.Sleep(200 * time.Millisecond) // Inspect has looked at the size and waits for the lock
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("grown"))
		if err != nil {
			return err
		}
		for i := range 200 {
			if err := b.Put(fmt.Appendf(nil, "%04d", i), bytes.Repeat([]byte{'x'}, 4000)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(path); after.Size() <= before.Size() {
		t.Fatalf("the file did not grow (%d, then %d bytes)", before.Size(), after.Size())
	}
	db.Close()
	if err := <-done; err != nil {
		t.Errorf("Inspect of a file grown while it waited: %v; want it sound", err)
	}
}
