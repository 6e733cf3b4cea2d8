package main

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"examday/i18n"
	"examday/store"
)

// Issue 5: the hall's report carries the log's size and the first 12
// characters of its Merkle root, for the commission to copy onto the
// signed paper protocol; the root is the one the laptop's signed
// checkpoint names.
func TestReportSealsTheLogWithItsSizeAndRoot(t *testing.T) {
	db := demoHall(t)
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	size, root := s.TreeHead()
	s.Close()
	prefix := hex.EncodeToString(root[:])[:12]

	out := filepath.Join(t.TempDir(), "hall.csv")
	code, stdout, stderr := runCLI(t, "", "report", "--db", db, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := i18n.New(i18n.EN).T("cli.report.written", "Audience 204 (demo)", out, size, prefix); strings.TrimSpace(stdout) != want {
		t.Errorf("stdout = %q; want %q", stdout, want)
	}
	b, _ := os.ReadFile(out)
	if !bytes.Contains(b, []byte(",log_root,")) || !bytes.Contains(b, []byte(","+prefix+","+hex.EncodeToString(root[:]))) {
		t.Errorf("the CSV does not carry the root %s:\n%s", prefix, b)
	}

	// Without its key file the hall is read-only, but its log verifies:
	// the report is not marked unverified.
	if err := os.Remove(store.KeyPath(db)); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "", "report", "--db", db, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "READ-ONLY") {
		t.Errorf("stderr does not say the file is read-only: %q", stderr)
	}
	if b, _ := os.ReadFile(out); bytes.Contains(b, []byte("unverified")) || !bytes.Contains(b, []byte(prefix)) {
		t.Errorf("a report of a sound log without its key:\n%s", b)
	}
}
