package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"examday/bundle"
	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
)

// `examday export --out DIR` writes one bundle of the whole log, named by
// the laptop, the file and the range, that `examday verify` reads back
// alone: exit 0, the log's size and the root the hall's report prints.
// No temporary file is left beside it.
func TestExportThenVerifyAlone(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	storetest.BuildHall(t, db, 25, 140)
	stick := filepath.Join(dir, "stick")
	if err := os.Mkdir(stick, 0o700); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "export", "--db", db, "--out", stick)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	files, _ := os.ReadDir(stick)
	if len(files) != 1 {
		t.Fatalf("the stick holds %d files, want one bundle", len(files))
	}
	path := filepath.Join(stick, files[0].Name())
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	size, root := s.TreeHead()
	pub := s.PublicKey()
	s.Close()
	en := i18n.New(i18n.EN)
	data, _ := os.ReadFile(path)
	if want := en.T("cli.export.done", path, 1, size, len(data)); !strings.Contains(out, want) {
		t.Errorf("export said\n%s\nwant %q", out, want)
	}
	b, err := bundle.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Verify(pub); err != nil {
		t.Fatal(err)
	}
	if b.Size != size || b.Root != root || len(b.Events) != int(size) {
		t.Fatalf("bundle of %d events, root %s; the log has %d, root %s", len(b.Events), b.Root, size, root)
	}

	code, out, errOut = runCLI(t, "", "verify", path)
	if code != 0 {
		t.Fatalf("verify: exit %d: %s%s", code, out, errOut)
	}
	for _, want := range []string{
		en.T("cli.verify.ok", path, 1, size),
		en.T("cli.bundle.size", size),
		en.T("cli.bundle.root", hex.EncodeToString(root[:]), hex.EncodeToString(root[:6])),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("verify lacks %q:\n%s", want, out)
		}
	}

	// Export to a file name: the same bytes (the log did not change).
	named := filepath.Join(dir, "copy.bundle")
	if code, _, errOut := runCLI(t, "", "export", "--db", db, "--out", named); code != 0 {
		t.Fatalf("export to a file: %s", errOut)
	}
	again, _ := os.ReadFile(named)
	if !bytes.Equal(again, data) {
		t.Fatal("a second export of the same log differs")
	}
}

// A damaged bundle: verify exits non-zero and names the line and check.
func TestVerifyNamesTheFailedLineAndCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	storetest.BuildHall(t, db, 10, 30)
	path := filepath.Join(dir, "h.bundle")
	if code, _, errOut := runCLI(t, "", "export", "--db", db, "--out", path); code != 0 {
		t.Fatal(errOut)
	}
	data, _ := os.ReadFile(path)
	en := i18n.New(i18n.EN)

	cut := filepath.Join(dir, "cut.bundle")
	os.WriteFile(cut, data[:len(data)/2], 0o600)
	code, out, _ := runCLI(t, "", "verify", cut)
	if code == 0 || !strings.Contains(out, en.T("cli.verify.failed", cut)) || !strings.Contains(out, en.T("bundle.check.format")) {
		t.Fatalf("a cut bundle: exit %d:\n%s", code, out)
	}

	ls := bytes.Split(bytes.TrimSuffix(data, []byte("\n")), []byte("\n"))
	ls[bundle.EventLine(4)-1] = bytes.Replace(ls[bundle.EventLine(4)-1], []byte(`"at":"2`), []byte(`"at":"1`), 1)
	body := append(bytes.Join(ls[:len(ls)-1], []byte("\n")), '\n')
	sum := sha256Hex(body)
	edited := filepath.Join(dir, "edited.bundle")
	os.WriteFile(edited, append(body, []byte("sha256 "+sum+"\n")...), 0o600)
	code, out, _ = runCLI(t, "", "verify", edited)
	want := en.T("cli.bundle.error_event", bundle.EventLine(5), 6, en.T("bundle.check.link"), "")
	if code == 0 || !strings.Contains(out, strings.TrimSuffix(want, " ")) {
		t.Fatalf("an edited event: exit %d:\n%s\nwant %q", code, out, want)
	}

	if code, _, errOut := runCLI(t, "", "verify", filepath.Join(dir, "none")); code == 0 || !strings.Contains(errOut, en.T("cli.verify.no_file", filepath.Join(dir, "none"))) {
		t.Fatalf("a missing file: exit %d: %s", code, errOut)
	}
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
