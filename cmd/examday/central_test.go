package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"examday/central"
	"examday/exam"
	"examday/i18n"
	"examday/store"
	"examday/store/storetest"
)

// centralHall builds a hall file of n events and returns its path and
// its whole log as a bundle.
func centralHall(t *testing.T, dir string, n int) (string, []byte) {
	t.Helper()
	path := filepath.Join(dir, "hall.db")
	storetest.BuildHall(t, path, 6, n)
	return path, hallBundle(t, path, 1)
}

func hallBundle(t *testing.T, path string, from uint64) []byte {
	t.Helper()
	s, err := store.Open(path, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.Bundle(from)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func hallJumps(t *testing.T, path string, n int, jump time.Duration) {
	t.Helper()
	s, err := store.Open(path, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := storetest.Base.Add(time.Hour)
	if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		out := make([]exam.Event, n)
		for i := range out {
			var err error
			if out[i], err = h.ClockJumped(jump, time.Second, at.Add(time.Duration(i)*time.Second)); err != nil {
				return nil, err
			}
		}
		return out, nil
	}); err != nil {
		t.Fatal(err)
	}
}

var tokenLine = regexp.MustCompile(`--token ([a-z2-7]+)`)

// enrolHall makes a token with `examday central enroll` and registers the
// hall file's key with it, as the laptop's `examday enroll` would.
func enrolHall(t *testing.T, db, hallPath, hall string) {
	t.Helper()
	code, out, errOut := runCLI(t, "", "central", "enroll", "--db", db, "--hall", hall)
	if code != 0 {
		t.Fatalf("enroll: %d %s", code, errOut)
	}
	m := tokenLine.FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, hall) {
		t.Fatalf("enroll printed %q", out)
	}
	s, err := store.Open(hallPath, store.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	pub := s.PublicKey()
	s.Close()
	c, err := central.Open(db, central.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sum := sha256.Sum256(pub)
	if _, err := c.Enroll(central.EnrollRequest{Token: m[1], Device: hex.EncodeToString(sum[:]), PublicKey: base64.StdEncoding.EncodeToString(pub)}, "http", "test"); err != nil {
		t.Fatal(err)
	}
}

// `examday central import` takes a bundle from a stick through the same
// ingest as HTTP: appended, then a duplicate, then a damaged copy refused
// with its check and a non-zero exit; status shows the log with the root
// as the paper protocol prints it; the examinee's timeline is merged.
func TestCentralImportStatusAndTimeline(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "central.db")
	hallPath, full := centralHall(t, dir, 40)
	enrolHall(t, db, hallPath, "Audience 204")
	stick := filepath.Join(dir, "bundle.examday")
	if err := os.WriteFile(stick, full, 0o600); err != nil {
		t.Fatal(err)
	}

	code, out, errOut := runCLI(t, "", "central", "import", "--db", db, stick)
	if code != 0 || !strings.Contains(out, "40 new events (1–40)") || !strings.Contains(out, "Audience 204") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "central", "import", "--db", db, stick)
	if code != 0 || !strings.Contains(out, "duplicate") {
		t.Fatalf("again: %d %q", code, out)
	}
	damaged := bytes.Clone(full)
	damaged[len(damaged)/2] ^= 4
	bad := filepath.Join(dir, "damaged.examday")
	os.WriteFile(bad, damaged, 0o600)
	code, out, errOut = runCLI(t, "", "central", "import", "--db", db, bad)
	if code == 0 || !strings.Contains(errOut, "REFUSED (HTTP 400; check: SHA-256 of the bundle)") || !strings.Contains(errOut, "changed or damaged on the way") {
		t.Fatalf("damaged: %d %q %q", code, out, errOut)
	}
	// In Russian, the refusal is explained in Russian.
	_, _, errOut = runCLI(t, "", "central", "import", "--db", db, "--lang", "ru", bad)
	if !strings.Contains(errOut, "ОТКЛОНЁН") || !strings.Contains(errOut, "повреждён в пути") {
		t.Fatalf("ru: %q", errOut)
	}

	s, _ := store.Open(hallPath, store.Options{Program: "test"})
	_, root := s.TreeHead()
	device := s.DeviceID()
	s.Close()
	code, out, errOut = runCLI(t, "", "central", "status", "--db", db)
	if code != 0 {
		t.Fatalf("status: %d %s", code, errOut)
	}
	for _, want := range []string{"Laptops: 1", "Audience 204", device[:12], "40 events", "paper protocol: " + hex.EncodeToString(root[:6]),
		`the hall calls itself "Аудитория 214"`, "Recent failures: 2", "HTTP 400, SHA-256 of the bundle: The bundle's bytes do not match"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}

	code, out, errOut = runCLI(t, "", "central", "examinee", "--db", db, "E000001")
	if code != 0 || !strings.Contains(out, "Examinee E000001: 2 events in 1 hall") || !strings.Contains(out, "examinee.arrived") ||
		!strings.Contains(out, "materials.issued") || !strings.Contains(out, "Аудитория 214") {
		t.Fatalf("examinee: %d %q %q", code, out, errOut)
	}
	if code, _, errOut = runCLI(t, "", "central", "examinee", "--db", db, "nobody"); code == 0 || !strings.Contains(errOut, "no event of examinee nobody") {
		t.Fatalf("nobody: %d %q", code, errOut)
	}

	// The hall's merged record: by the enrolled name or its own, every
	// event once, in order.
	for _, name := range []string{"audience 204", "Аудитория 214"} {
		code, out, errOut = runCLI(t, "", "central", "hall", "--db", db, name)
		if code != 0 || !strings.Contains(out, "Hall Аудитория 214: 40 events from 1 laptop log") {
			t.Fatalf("hall %q: %d %q %q", name, code, out, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")[1:]
		if len(lines) != 40 || !strings.Contains(lines[0], "hall.created") || !strings.Contains(lines[39], " 40  ") {
			t.Fatalf("hall %q: %d lines, first %q, last %q", name, len(lines), lines[0], lines[len(lines)-1])
		}
	}
	if code, _, errOut = runCLI(t, "", "central", "hall", "--db", db, "Audience 999"); code == 0 || !strings.Contains(errOut, `no log of a hall named "Audience 999"`) {
		t.Fatalf("no such hall: %d %q", code, errOut)
	}
}

// A fork shows in the status with both hashes, and the import of the
// restored laptop's bundle says FORK.
func TestCentralStatusShowsAFork(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "central.db")
	hallPath, _ := centralHall(t, dir, 100)
	restored := filepath.Join(dir, "restored.db")
	for _, p := range [][2]string{{hallPath, restored}, {store.KeyPath(hallPath), store.KeyPath(restored)}} {
		b, _ := os.ReadFile(p[0])
		os.WriteFile(p[1], b, 0o600)
	}
	hallJumps(t, hallPath, 50, 7*time.Second)
	hallJumps(t, restored, 20, 9*time.Second)
	enrolHall(t, db, hallPath, "Audience 204")
	first := filepath.Join(dir, "first.examday")
	os.WriteFile(first, hallBundle(t, hallPath, 1), 0o600)
	forked := filepath.Join(dir, "forked.examday")
	os.WriteFile(forked, hallBundle(t, restored, 101), 0o600)
	if code, _, errOut := runCLI(t, "", "central", "import", "--db", db, first); code != 0 {
		t.Fatal(errOut)
	}
	code, _, errOut := runCLI(t, "", "central", "import", "--db", db, forked)
	if code == 0 || !strings.Contains(errOut, "REFUSED (HTTP 409; check: fork): FORK:") || !strings.Contains(errOut, "event: 101") {
		t.Fatalf("fork: %d %q", code, errOut)
	}
	_, out, _ := runCLI(t, "", "central", "status", "--db", db)
	if !regexp.MustCompile(`FORK at event 101, log FROZEN: stored [0-9a-f]{64}, the laptop's other version [0-9a-f]{64}`).MatchString(out) ||
		!strings.Contains(out, "150 events") {
		t.Fatalf("status:\n%s", out)
	}

	// The evidence comes out byte for byte as the restored laptop sent it,
	// and verifies alone: it is that laptop's signed record.
	kept := filepath.Join(dir, "evidence.bundle")
	if code, _, errOut := runCLI(t, "", "central", "evidence", "1", "--db", db, "--out", kept); code != 0 {
		t.Fatalf("evidence: %s", errOut)
	}
	got, _ := os.ReadFile(kept)
	sent, _ := os.ReadFile(forked)
	if !bytes.Equal(got, sent) {
		t.Fatal("the evidence written out is not the bundle the fork was refused with")
	}
	if code, out, _ := runCLI(t, "", "verify", kept); code != 0 || !strings.Contains(out, "OK") {
		t.Fatalf("the evidence does not verify alone: %s", out)
	}
	if code, _, errOut := runCLI(t, "", "central", "evidence", "2", "--db", db, "--out", kept); code == 0 || !strings.Contains(errOut, "no evidence no. 2") {
		t.Fatalf("evidence 2: exit %d: %s", code, errOut)
	}
}

// A hall file given as the central record's file is refused and left as
// it was; a second program is told the file is in use.
func TestCentralRefusesAHallFileAndSaysWhenInUse(t *testing.T) {
	dir := t.TempDir()
	hallPath, _ := centralHall(t, dir, 10)
	before, _ := os.ReadFile(hallPath)
	code, _, errOut := runCLI(t, "", "central", "status", "--db", hallPath)
	if code == 0 || !strings.Contains(errOut, "is not a central record file") {
		t.Fatalf("hall file: %d %q", code, errOut)
	}
	if after, _ := os.ReadFile(hallPath); !bytes.Equal(before, after) {
		t.Fatal("the hall file was changed")
	}
	// A program that holds the file and answers no command (an examday
	// before the admin channel, or another program): the command says at
	// once that it waits, and after centralWait that the file is in use.
	db := filepath.Join(dir, "central.db")
	c, err := central.Open(db, central.Options{Create: true, Program: "examday central serve"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	defer func(w time.Duration) { centralWait = w }(centralWait)
	centralWait = 2 * time.Second
	var out, errBuf syncBuffer
	done := make(chan int, 1)
	start := time.Now()
	go func() {
		done <- run([]string{"central", "enroll", "--db", db, "--hall", "A"}, strings.NewReader(""), &out, &errBuf)
	}()
	for !strings.Contains(errBuf.String(), "waiting for it") {
		if time.Since(start) > 2*time.Second {
			t.Fatalf("not told at once that it waits: %q", errBuf.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	code = <-done
	errOut = errBuf.String()
	if code == 0 || !strings.Contains(errOut, "in use by another program") || !strings.Contains(errOut, "examday central serve, process") {
		t.Fatalf("in use: %d %q", code, errOut)
	}
	if took := time.Since(start); took < 2*time.Second || took > 6*time.Second {
		t.Fatalf("gave up after %s, not after waiting 2 s", took)
	}
}

func TestCentralServeRefusesPlainHTTPBeyondLoopback(t *testing.T) {
	db := filepath.Join(t.TempDir(), "central.db")
	code, _, errOut := runCLI(t, "", "central", "serve", "--db", db, "--addr", "0.0.0.0:0")
	if code == 0 || !strings.Contains(errOut, "not a loopback address") {
		t.Fatalf("%d %q", code, errOut)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("a file was made")
	}
	if code, _, errOut := runCLI(t, "", "central", "serve", "--db", db, "--tls-cert", "x.pem"); code == 0 || !strings.Contains(errOut, "go together") {
		t.Fatalf("%d %q", code, errOut)
	}
	for addr, want := range map[string]bool{"127.0.0.1:1": true, "[::1]:1": true, "localhost:1": true, ":8750": false, "10.0.0.1:1": false, "example.org:1": false} {
		if centralLoopback(addr) != want {
			t.Errorf("%s loopback = %v", addr, !want)
		}
	}
}

// syncBuffer is written by the server's goroutines while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestEveryWordOfTheCentralRecordIsInEveryLanguage(t *testing.T) {
	n := 0
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "cli.central.") {
			continue
		}
		n++
		if !i18n.Complete(k) {
			t.Errorf("%s is not in all three languages", k)
		}
	}
	if n < 50 {
		t.Errorf("only %d keys of the central record", n)
	}
	// Every check a refusal can name has its explanation.
	for _, check := range []string{"size", "format", "digest", "key", "signature", "sequence", "link", "checkpoint", "root",
		central.CheckFork, central.CheckGap, central.CheckFrozen, central.CheckDevice, central.CheckToken, central.CheckWrite,
		central.CheckBusy, central.CheckTimeout, central.CheckRollback} {
		if !i18n.Has("cli.central.check." + check) {
			t.Errorf("no words for the check %q", check)
		}
	}
}
