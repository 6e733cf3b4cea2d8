package main

import (
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
)

// A command checks every signature when it opens the file, not only the
// latest that Open checks: an early event whose signature was damaged is
// named, the file is read-only for the command, and nothing is written.
func TestCommandsCheckEverySignatureOnOpen(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, db, 20, 150)
	b, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		return storetest.FlipSignature(tx, 9, 0, 1)
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil || s.Broken() != nil {
		t.Fatalf("Open found the old damage itself (%v, %v): the test needs one it leaves for later", err, s.Broken())
	}
	s.Close()

	code, _, errOut := runCLI(t, "", "events", "--db", db)
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errOut)
	}
	want := i18n.New(i18n.EN).T("cli.open.read_only", db, "")
	if !strings.Contains(errOut, strings.TrimSpace(want)) || !strings.Contains(errOut, "event 9") {
		t.Errorf("events does not say the file is read-only at event 9:\n%s", errOut)
	}
	if strings.Count(errOut, strings.TrimSpace(want)) != 1 {
		t.Errorf("the warning is said more than once:\n%s", errOut)
	}
	code, _, errOut = runCLI(t, "", "sheets", "print", "--db", db, "--out", filepath.Join(t.TempDir(), "s.pdf"))
	if code == 0 {
		t.Errorf("sheets print on a file with a bad signature succeeded: %s", errOut)
	}
}
