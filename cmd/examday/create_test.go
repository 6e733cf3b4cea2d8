package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"examday/store"
)

// Issue 9: a signing key left without its hall — what a `hall create`
// of an earlier examday left when it was killed after writing the key —
// does not block the next create: no hall file beside it is signed with
// it, so it is moved aside, kept, and said so.
func TestHallCreateMovesAsideAKeyNoHallIsSignedWith(t *testing.T) {
	isolateDataDir(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	roster := writeFile(t, "r.csv", goodRoster)
	if code, _, errOut := runCLI(t, "4321\n", createArgs(db, roster)...); code != 0 {
		t.Fatal(errOut)
	}
	lone, _ := os.ReadFile(store.KeyPath(db))
	os.Remove(db)

	code, out, errOut := runCLI(t, "4321\n", createArgs(db, roster)...)
	if code != 0 {
		t.Fatalf("create beside a lone key: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out+errOut, "moved") {
		t.Errorf("the move is not said: %q %q", out, errOut)
	}
	var aside []string
	for _, n := range names(t, dir) {
		if n != "hall.db" && n != "hall.db.key" {
			aside = append(aside, n)
		}
	}
	if len(aside) != 1 {
		t.Fatalf("beside the hall: %q, want the old key moved aside", names(t, dir))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, aside[0])); string(b) != string(lone) {
		t.Error("the key moved aside is not the old key")
	}
	if !strings.Contains(out+errOut, aside[0]) {
		t.Errorf("the message does not name %s: %q %q", aside[0], out, errOut)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Broken() != nil || !s.Hall().Exists() {
		t.Errorf("the new hall: broken %v", s.Broken())
	}
}

// A key whose hall file is beside it under another name is that hall's:
// the create is refused, names that hall file, and leaves the key.
func TestHallCreateNamesTheHallALoneKeyBelongsTo(t *testing.T) {
	isolateDataDir(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	roster := writeFile(t, "r.csv", goodRoster)
	if code, _, errOut := runCLI(t, "4321\n", createArgs(db, roster)...); code != 0 {
		t.Fatal(errOut)
	}
	moved := filepath.Join(dir, "audience-204.db")
	if err := os.Rename(db, moved); err != nil {
		t.Fatal(err)
	}
	key, _ := os.ReadFile(store.KeyPath(db))
	code, _, errOut := runCLI(t, "4321\n", createArgs(db, roster)...)
	if code == 0 || !strings.Contains(errOut, moved) {
		t.Errorf("exit %d, %q; want a refusal naming %s", code, errOut, moved)
	}
	if b, _ := os.ReadFile(store.KeyPath(db)); string(b) != string(key) {
		t.Error("the key was changed")
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a hall file was made")
	}
}

// A hall file with nothing in it — what an earlier examday's `hall create`
// left when it was killed between making the file and its first commit,
// which the dashboard shows as "no hall yet" — does not block the next
// create.
func TestHallCreateReplacesAnEmptyFileOfAnEarlierInterruptedCreate(t *testing.T) {
	isolateDataDir(t)
	db := filepath.Join(t.TempDir(), "hall.db")
	s, err := store.Open(db, store.Options{Create: true, Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, _, errOut := runCLI(t, "4321\n", createArgs(db, writeFile(t, "r.csv", goodRoster))...)
	if code != 0 {
		t.Fatalf("create over an empty hall file: exit %d: %s", code, errOut)
	}
	s, err = store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.Hall().Exists() || s.Broken() != nil {
		t.Errorf("no hall after the create (%v)", s.Broken())
	}
}
