package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/exam"
	"examday/store"
)

// Issue 9, "Nothing re-signs or rewrites a record behind the user's
// back", as a user at a shell meets it.

// killedHall is a hall file as a program killed mid-day leaves it: every
// event committed and fsynced, but the checkpoint signed at Close never
// written, so a writable open that closed it would store one.
func killedHall(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	made := filepath.Join(dir, "made.db")
	if code, _, errOut := runCLI(t, "4321\n", createArgs(made, writeFile(t, "r.csv", goodRoster))...); code != 0 {
		t.Fatalf("hall create: %s", errOut)
	}
	s, err := store.Open(made, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		ev, err := h.Arrive(h.Examinees()[0].ID, time.Date(2027, 8, 12, 8, 30, 0, 0, time.UTC), h.Officer)
		return []exam.Event{ev}, err
	}); err != nil {
		t.Fatal(err)
	}
	// Copied while the store is open: what a pulled plug leaves.
	killed := filepath.Join(dir, "hall.db")
	copyFile(t, made, killed)
	copyFile(t, store.KeyPath(made), store.KeyPath(killed))
	s.Close()
	return killed
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func sumOf(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// Every command that only reads leaves the hall file byte for byte as it
// was — the checkpoint a writable Close would store, and the language
// --lang would remember, included.
func TestReadOnlyCommandsNeverWriteTheHallFile(t *testing.T) {
	out := t.TempDir()
	commands := [][]string{
		{"verify-log"},
		{"events"},
		{"events", "--json"},
		{"report", "--out", filepath.Join(out, "r.pdf")},
		{"report", "--out", filepath.Join(out, "r.csv")},
		{"export", "--out", filepath.Join(out, "hall.bundle")},
		{"sheets", "graders", "--out", filepath.Join(out, "g.csv")},
	}
	for _, args := range commands {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			db := killedHall(t)
			before := sumOf(t, db)
			args = append(args, "--db", db, "--lang", "ru")
			code, _, errOut := runCLI(t, "", args...)
			// graders has nothing to list (no sheet received): a refusal,
			// and still nothing written.
			if code != 0 && args[0] != "sheets" {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if sumOf(t, db) != before {
				t.Errorf("%s wrote to the hall file", args[0])
			}
		})
	}
}

// The hall's state kept beside the log, edited by hand (the chairman's
// PIN lock moved into the past, an examinee's seat changed), is found
// when a writing command opens the file: it records nothing on top of it,
// says where state and log first differ, and leaves the file as it was.
func TestAWritingCommandRefusesAStateEditedBehindTheLog(t *testing.T) {
	cases := []struct {
		name   string
		bucket string
		edit   func(v []byte) []byte
		want   string
	}{
		{"the PIN lock moved into the past", "hall", func(v []byte) []byte {
			return bytes.Replace(v, []byte(`"last_seq"`), []byte(`"pin_locked_until":"2000-01-01T00:00:00Z","last_seq"`), 1)
		}, "the hall's record, PIN locked until"},
		{"a seat changed", "examinees", func(v []byte) []byte {
			return bytes.Replace(v, []byte(`"seat":"A1"`), []byte(`"seat":"A9"`), 1)
		}, `seat is "A1" in the log but "A9"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "hall.db")
			if code, _, errOut := runCLI(t, "4321\n", createArgs(db, writeFile(t, "r.csv", goodRoster))...); code != 0 {
				t.Fatal(errOut)
			}
			editFirst(t, db, c.bucket, c.edit)
			before := sumOf(t, db)
			pdf := filepath.Join(t.TempDir(), "sheets.pdf")
			code, _, errOut := runCLI(t, "", "sheets", "print", "--db", db, "--out", pdf)
			if code == 0 {
				t.Fatal("sheets print recorded a print on top of an edited state")
			}
			if !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "does not match its log") {
				t.Errorf("stderr = %q; want it to name %q", errOut, c.want)
			}
			if _, err := os.Stat(pdf); err == nil {
				t.Error("sheets were printed")
			}
			if sumOf(t, db) != before {
				t.Error("the file was written to")
			}
			// verify-log says so too.
			if code, _, errOut := runCLI(t, "", "verify-log", "--db", db); code == 0 || !strings.Contains(errOut, c.want) {
				t.Errorf("verify-log exit %d: %s", code, errOut)
			}
		})
	}
}

func editFirst(t *testing.T, db, bucket string, edit func([]byte) []byte) {
	t.Helper()
	bdb, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	if err := bdb.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		k, v := b.Cursor().First()
		edited := edit(bytes.Clone(v))
		if bytes.Equal(edited, v) {
			t.Fatalf("nothing to edit in %s: %s", bucket, v)
		}
		return b.Put(bytes.Clone(k), edited)
	}); err != nil {
		t.Fatal(err)
	}
}

// The chairman's PIN record swapped for another hall's (whose PIN the
// README prints) is caught: the log's hall.created commits to the record
// the hall was made with. The file opens read-only, and verify-log fails.
func TestASwappedPINRecordIsCaught(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hall.db")
	if code, _, errOut := runCLI(t, "4321\n", createArgs(db, writeFile(t, "r.csv", goodRoster))...); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCLI(t, "", "verify-log", "--db", db); code != 0 {
		t.Fatalf("a fresh hall does not verify: %s", errOut)
	}
	other, err := exam.HashPIN(demoPIN)
	if err != nil {
		t.Fatal(err)
	}
	editFirst(t, db, "secrets", func([]byte) []byte { return []byte(other) })

	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errString(s.Broken()), "PIN record") {
		t.Errorf("Broken() = %v; want the PIN record named", s.Broken())
	}
	s.Close()
	code, _, errOut := runCLI(t, "", "verify-log", "--db", db)
	if code == 0 || !strings.Contains(errOut, "PIN record") {
		t.Errorf("verify-log exit %d, stderr %q; want a failure naming the PIN record", code, errOut)
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// A signing key that other users of the computer can read is used, but
// every open says so and how to fix it.
func TestAKeyOthersCanReadIsWarnedOfOnEveryOpen(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits on Windows")
	}
	db := filepath.Join(t.TempDir(), "hall.db")
	if code, _, errOut := runCLI(t, "4321\n", createArgs(db, writeFile(t, "r.csv", goodRoster))...); code != 0 {
		t.Fatal(errOut)
	}
	if _, _, errOut := runCLI(t, "", "events", "--db", db); strings.Contains(errOut, "chmod") {
		t.Errorf("a private key is warned of: %s", errOut)
	}
	if err := os.Chmod(store.KeyPath(db), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"events"}, {"verify-log"}} {
		_, _, errOut := runCLI(t, "", append(args, "--db", db)...)
		if !strings.Contains(errOut, "chmod 600 "+store.KeyPath(db)) || !strings.Contains(errOut, "0644") {
			t.Errorf("%s: stderr %q; want the warning with its fix", args[0], errOut)
		}
	}
}

// `examday --version` and `examday version` say which build this is: the
// module version, the commit and the build date from the binary's build
// information, and the Go version, in the language asked for.
func TestVersionSaysWhichBuildThisIs(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "examday ") || !strings.Contains(out, runtime.Version()) || !strings.Contains(out, "commit ") {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errOut)
		}
	}
	if _, out, _ := runCLI(t, "", "version", "--lang", "kk"); !strings.Contains(out, "коммит") {
		t.Errorf("version in Kazakh: %q", out)
	}
}

// The --db flag says what it names: a hall's file, or on `central …` the
// central record's.
func TestTheDBFlagSaysWhatFileItNames(t *testing.T) {
	_, out, _ := runCLI(t, "", "central", "status", "--help")
	if !strings.Contains(out, "the central record's file") || strings.Contains(out, "hall file") {
		t.Errorf("central status --help:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "events", "--help")
	if !strings.Contains(out, "hall file") {
		t.Errorf("events --help:\n%s", out)
	}
}
