package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"examday/central"
	"examday/i18n"
	"examday/store"
	"examday/store/boltfile"
	"examday/store/storetest"
)

// isolateDataDir points the user's data directory at a test's own, so
// that the files examday keeps there by default are the test's.
func isolateDataDir(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("LocalAppData", home)
	t.Setenv("EXAMDAY_DB", "")
	t.Setenv("EXAMDAY_CENTRAL_DB", "")
	dir, err := dataDir()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// names lists dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// snapshot is what a set of paths hold, "" for a path with no file, to
// tell afterwards that nothing was written to any of them.
func snapshot(paths ...string) map[string]string {
	m := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			m[p] = ""
			continue
		}
		m[p] = string(b)
	}
	return m
}

func sameSnapshot(t *testing.T, before map[string]string) {
	t.Helper()
	for p, was := range before {
		now := snapshot(p)[p]
		if now != was {
			t.Errorf("%s was written to (%d bytes before, %d after)", p, len(was), len(now))
		}
	}
}

// copyHall copies a hall file and its key to a new name.
func copyHall(t *testing.T, from, to string) {
	t.Helper()
	for _, p := range [][2]string{{from, to}, {store.KeyPath(from), store.KeyPath(to)}} {
		b, err := os.ReadFile(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p[1], b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// Issue 9: no --out of any command writes over a file examday keeps — a
// hall file, its signing key, its owner note, the central record's file
// and key — however the path is spelt, nor over another examday file found
// by its content. The refusal names what the file is, and nothing is
// written.
func TestOutputNeverReplacesAFileExamdayKeeps(t *testing.T) {
	data := isolateDataDir(t)
	type outCase struct {
		name string
		// args builds the command line in dir, where hall.db is a hall of
		// two events and other.db another hall.
		args func(dir string) []string
		// written are the paths that must not change.
		written func(dir string) []string
		says    string
	}
	hall := func(dir string) string { return filepath.Join(dir, "hall.db") }
	other := func(dir string) string { return filepath.Join(dir, "other.db") }
	cases := []outCase{
		{"export over its own hall file",
			func(d string) []string { return []string{"export", "--db", hall(d), "--out", hall(d)} },
			func(d string) []string { return []string{hall(d)} }, "is the hall file"},
		{"export over its own key",
			func(d string) []string { return []string{"export", "--db", hall(d), "--out", store.KeyPath(hall(d))} },
			func(d string) []string { return []string{store.KeyPath(hall(d))} }, "is the signing key of hall file"},
		{"export over its owner note",
			func(d string) []string { return []string{"export", "--db", hall(d), "--out", hall(d) + ".owner"} },
			func(d string) []string { return []string{hall(d) + ".owner"} }, "is the owner note of hall file"},
		{"export over its hall file by way of ..",
			func(d string) []string {
				return []string{"export", "--db", hall(d), "--out", filepath.Join(d, "sub", "..", "hall.db")}
			},
			func(d string) []string { return []string{hall(d)} }, "is the hall file"},
		{"export over another hall file",
			func(d string) []string { return []string{"export", "--db", hall(d), "--out", other(d)} },
			func(d string) []string { return []string{other(d)} }, "is the hall file"},
		{"export over another hall's key",
			func(d string) []string { return []string{"export", "--db", hall(d), "--out", store.KeyPath(other(d))} },
			func(d string) []string { return []string{store.KeyPath(other(d))} }, "is the signing key of hall file"},
		{"report over its own hall file",
			func(d string) []string {
				return []string{"report", "--db", hall(d), "--out", hall(d), "--format", "csv"}
			},
			func(d string) []string { return []string{hall(d)} }, "is the hall file"},
		{"report over its own key",
			func(d string) []string {
				return []string{"report", "--db", hall(d), "--out", store.KeyPath(hall(d)), "--format", "pdf"}
			},
			func(d string) []string { return []string{store.KeyPath(hall(d))} }, "is the signing key of hall file"},
		{"report over the default hall file, not there yet",
			func(d string) []string {
				return []string{"report", "--db", hall(d), "--out", filepath.Join(data, "hall.db"), "--format", "csv"}
			},
			func(d string) []string { return []string{filepath.Join(data, "hall.db")} }, "is the hall file"},
		{"sheets print over a hall file named .pdf",
			func(d string) []string {
				return []string{"sheets", "print", "--db", filepath.Join(d, "hall.pdf"), "--out", filepath.Join(d, "hall.pdf")}
			},
			func(d string) []string { return []string{filepath.Join(d, "hall.pdf")} }, "is the hall file"},
		{"sheets print over another hall file",
			func(d string) []string {
				return []string{"sheets", "print", "--db", hall(d), "--out", filepath.Join(d, "other.pdf")}
			},
			func(d string) []string { return []string{filepath.Join(d, "other.pdf")} }, "is the hall file"},
	}
	if runtime.GOOS != "windows" {
		cases = append(cases, outCase{"export over a link to its hall file",
			func(d string) []string {
				return []string{"export", "--db", hall(d), "--out", filepath.Join(d, "link.bundle")}
			},
			func(d string) []string { return []string{hall(d)} }, "is the hall file"})
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		cases = append(cases, outCase{"export over its hall file in other letters",
			func(d string) []string {
				return []string{"export", "--db", hall(d), "--out", filepath.Join(d, "HALL.DB")}
			},
			func(d string) []string { return []string{hall(d)} }, "is the hall file"})
	}
	template := t.TempDir()
	storetest.BuildHall(t, hall(template), 3, 2)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			copyHall(t, hall(template), hall(dir))
			copyHall(t, hall(template), other(dir))
			copyHall(t, hall(template), filepath.Join(dir, "hall.pdf"))
			copyHall(t, hall(template), filepath.Join(dir, "other.pdf"))
			if runtime.GOOS != "windows" {
				if err := os.Symlink(hall(dir), filepath.Join(dir, "link.bundle")); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
				t.Fatal(err)
			}
			before := snapshot(tc.written(dir)...)
			code, out, errOut := runCLI(t, "", tc.args(dir)...)
			if code == 0 {
				t.Errorf("exit 0: %s", out)
			}
			if !strings.Contains(errOut, tc.says) || !strings.Contains(errOut, "Nothing was written") {
				t.Errorf("stderr = %q, want it to say it %s", errOut, tc.says)
			}
			sameSnapshot(t, before)
			if s, err := store.Open(hall(dir), store.Options{}); err != nil {
				t.Errorf("the hall file no longer opens: %v", err)
			} else {
				if b := s.Broken(); b != nil {
					t.Errorf("the hall file is now read-only: %v", b)
				}
				s.Close()
			}
		})
	}
}

// The sheets graders' list is refused over a hall file as well.
func TestSheetsGradersNeverReplaceAHallFile(t *testing.T) {
	isolateDataDir(t)
	db := closedHall(t)
	dir := t.TempDir()
	named := filepath.Join(dir, "hall.csv")
	copyHall(t, db, named)
	for _, out := range []string{named, store.KeyPath(db) + ".txt"} {
		before := snapshot(named, db)
		code, _, errOut := runCLI(t, "", "sheets", "graders", "--db", named, "--out", out)
		if out == named && (code == 0 || !strings.Contains(errOut, "is the hall file")) {
			t.Errorf("graders over %s: exit %d, %q", out, code, errOut)
		}
		sameSnapshot(t, before)
	}
}

// The central record's evidence is refused over the central record's own
// file and key, and over a hall file.
func TestCentralEvidenceNeverReplacesTheCentralRecord(t *testing.T) {
	isolateDataDir(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "central.db")
	hallPath, _ := centralHall(t, dir, 100)
	restored := filepath.Join(dir, "restored.db")
	copyHall(t, hallPath, restored)
	hallJumps(t, hallPath, 5, 7*time.Second)
	hallJumps(t, restored, 2, 9*time.Second)
	enrolHall(t, db, hallPath, "Audience 204")
	first := filepath.Join(dir, "first.examday")
	os.WriteFile(first, hallBundle(t, hallPath, 1), 0o600)
	forked := filepath.Join(dir, "forked.examday")
	os.WriteFile(forked, hallBundle(t, restored, 101), 0o600)
	if code, _, errOut := runCLI(t, "", "central", "import", "--db", db, first); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, _ := runCLI(t, "", "central", "import", "--db", db, forked); code == 0 {
		t.Fatal("the fork was not refused")
	}
	for _, tc := range []struct{ out, says string }{
		{db, "is the central record's file"},
		{db + ".key", "is the signing key of the central record"},
		{db + ".owner", "is the owner note of the central record"},
		{hallPath, "is the hall file"},
		{store.KeyPath(restored), "is the signing key of hall file"},
	} {
		before := snapshot(db, db+".key", db+".owner", hallPath, store.KeyPath(hallPath), store.KeyPath(restored))
		code, _, errOut := runCLI(t, "", "central", "evidence", "1", "--db", db, "--out", tc.out)
		if code == 0 || !strings.Contains(errOut, tc.says) || !strings.Contains(errOut, "Nothing was written") {
			t.Errorf("evidence over %s: exit %d, %q; want it to say it %s", tc.out, code, errOut, tc.says)
		}
		sameSnapshot(t, before)
	}
	if code, _, errOut := runCLI(t, "", "central", "status", "--db", db); code != 0 {
		t.Errorf("the central record no longer opens: %s", errOut)
	}
}

// A bbolt file that is not examday's is any other file: an export may
// replace it, as it replaces an old bundle.
func TestOutputMayReplaceAFileThatIsNotExamdays(t *testing.T) {
	isolateDataDir(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "hall.db")
	storetest.BuildHall(t, db, 3, 2)
	foreign := filepath.Join(dir, "foreign.db")
	fdb, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := fdb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("meta")); return err }); err != nil {
		t.Fatal(err)
	}
	fdb.Close()
	for _, out := range []string{foreign, filepath.Join(dir, "old.bundle")} {
		os.WriteFile(filepath.Join(dir, "old.bundle"), []byte("an old bundle"), 0o600)
		if code, _, errOut := runCLI(t, "", "export", "--db", db, "--out", out); code != 0 {
			t.Errorf("export over %s: exit %d: %s", out, code, errOut)
		}
		if b, _ := os.ReadFile(out); !bytes.HasPrefix(b, []byte("examday-bundle")) {
			t.Errorf("%s does not hold the bundle: %.40q", out, b)
		}
	}
}

// The refusal knows a record file's companions by their suffixes: the
// hall file's key, the central record's key and the owner note are the
// file's name with them, as their own packages name them.
func TestCompanionsAreWhereTheirPackagesPutThem(t *testing.T) {
	p := filepath.Join("dir", "x.db")
	for _, got := range []string{store.KeyPath(p), central.KeyPath(p)} {
		if got != p+companions[1].suffix {
			t.Errorf("a key file is %s, the refusal looks for %s", got, p+companions[1].suffix)
		}
	}
	if got := boltfile.OwnerPath(p); got != p+companions[2].suffix {
		t.Errorf("the owner note is %s, the refusal looks for %s", got, p+companions[2].suffix)
	}
	if got := central.AdminPath(p); got != p+companions[3].suffix {
		t.Errorf("the admin note is %s, the refusal looks for %s", got, p+companions[3].suffix)
	}
}

func TestEveryWordOfIssue9IsInEveryLanguage(t *testing.T) {
	n := 0
	for _, k := range i18n.Keys() {
		if !strings.HasPrefix(k, "cli.out.") && !strings.HasPrefix(k, "cli.hall.left_") &&
			k != "cli.hall.key_of_other" && k != "cli.demo.not_demo" && k != "cli.demo.unreadable" {
			continue
		}
		n++
		if !i18n.Complete(k) {
			t.Errorf("%s is not in all three languages", k)
		}
	}
	// 15, cli.out.advice, the command line's "give --out another name",
	// and cli.out.central_admin, the running server's note.
	if n != 17 {
		t.Errorf("%d keys, want 17", n)
	}
}
