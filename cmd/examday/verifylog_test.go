package main

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"

	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
)

// `examday verify-log` on a sound hall: OK with size and root, the
// device and a checkpoint anyone verifies with the printed key; exit 0.
func TestVerifyLogPrintsSizeRootAndACheckpointAnyoneCanVerify(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, errOut := runCLI(t, "", "verify-log", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	size, root := s.TreeHead()
	vkey, device := s.VerifierKey(), s.DeviceID()
	s.Close()
	en := i18n.New(i18n.EN)
	for _, want := range []string{
		en.T("cli.verifylog.ok", db, size),
		en.T("cli.verifylog.root", hex.EncodeToString(root[:]), hex.EncodeToString(root[:6])),
		device, vkey,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	cp := out[strings.Index(out, en.T("cli.verifylog.checkpoint"))+len(en.T("cli.verifylog.checkpoint"))+1:]
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := note.Open([]byte(cp), note.VerifierList(v)); err != nil {
		t.Errorf("the printed checkpoint does not verify with the printed key: %v\n%s", err, cp)
	}
}

// A damaged signature, which Open leaves for later, is what verify-log
// finds: exit non-zero, the event named, and the file not written.
func TestVerifyLogFindsADamagedSignatureAtItsEvent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bolt.Tx) error {
		return storetest.FlipSignature(tx, 1, 5, 1)
	})
	bdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	code, out, errOut := runCLI(t, "", "verify-log", "--db", db, "--lang", "ru")
	if code == 0 {
		t.Fatalf("verify-log accepted a damaged signature:\n%s", out)
	}
	// In Russian, the reason too: not the store's English.
	ru := i18n.New(i18n.RU)
	if !strings.Contains(errOut, ru.T("cli.verifylog.failed", db)) || !strings.Contains(errOut, ru.T("store.chain_error", 1, ru.T("store.chain.signature_bad"))) ||
		strings.Contains(errOut, "does not verify") {
		t.Errorf("stderr = %q", errOut)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Error("verify-log wrote to the file")
	}
}

// Without its key file a hall is read-only, but its record still
// verifies: reading needs no private key. The warning says why.
func TestVerifyLogOfAHallWithoutItsKeyStillVerifies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	runCLI(t, "", "demo", "--no-tui", "--db", db)
	if err := os.Remove(store.KeyPath(db)); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "verify-log", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "READ-ONLY") || !strings.Contains(errOut, store.KeyPath(db)) {
		t.Errorf("stderr does not say the file is read-only for want of its key: %q", errOut)
	}
	if !strings.Contains(out, "verifies") {
		t.Errorf("stdout = %q", out)
	}
}

// A new hall is not made over a key file already there; the officer is
// told in words, in their language.
func TestHallIsNotMadeOverAKeyFileAlreadyThere(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(store.KeyPath(db), []byte("someone's key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "demo", "--no-tui", "--db", db, "--lang", "kk")
	if code == 0 {
		t.Fatal("a demo hall was made over a key file")
	}
	if !strings.Contains(errOut, i18n.New(i18n.KK).T("cli.open.key_exists", db)) {
		t.Errorf("stderr = %q", errOut)
	}
	if b, _ := os.ReadFile(store.KeyPath(db)); string(b) != "someone's key\n" {
		t.Error("the key file was changed")
	}
}

func TestEveryWordOfTheRecordIsInEveryLanguage(t *testing.T) {
	n := 0
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "cli.verifylog.") && k != "cli.open.key_exists" {
			continue
		}
		n++
		if !i18n.Complete(k) {
			t.Errorf("%s is not in all three languages", k)
		}
	}
	if n < 10 {
		t.Errorf("only %d keys of the record", n)
	}
}
