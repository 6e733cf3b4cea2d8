//go:build unix

package main

// A program killed at a known moment: the child is this test binary,
// running examday's own run, told by EXAMDAY_TEST_STOP_AT where to stop
// (boltfile.StopAt); the test waits for it to say it stopped there and
// then sends SIGKILL, which nothing can catch. Windows has no SIGKILL to
// send, and the moments are the same there, so these tests are for Unix
// systems.

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"examday/store"
	"examday/store/storetest"
)

// TestHelperProcess is not a test: it is the child the tests below start,
// running examday with the arguments after "--".
func TestHelperProcess(t *testing.T) {
	if os.Getenv("EXAMDAY_TEST_CHILD") != "1" {
		return
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(run(args, os.Stdin, os.Stdout, os.Stderr))
}

// killAt runs examday with args and stdin in a child process, waits until
// it says it stopped at point, and kills it.
func killAt(t *testing.T, point, stdin string, args ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "EXAMDAY_TEST_CHILD=1", "EXAMDAY_TEST_STOP_AT="+point)
	cmd.Stdin = strings.NewReader(stdin)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := make(chan bool, 1)
	var said strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			said.WriteString(sc.Text() + "\n")
			if sc.Text() == "examday: stopped at "+point {
				stopped <- true
				return
			}
		}
		stopped <- false
	}()
	var ok bool
	select {
	case ok = <-stopped:
	case <-time.After(30 * time.Second):
	}
	cmd.Process.Kill()
	cmd.Wait()
	if !ok {
		t.Fatalf("the child did not stop at %s; it said:\n%s", point, said.String())
	}
}

// ageTemporaryFiles makes every temporary file in dir a minute old, as
// if the next run came a minute after the kill.
func ageTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Minute)
	for _, n := range names(t, dir) {
		if strings.HasPrefix(n, ".") {
			os.Chtimes(filepath.Join(dir, n), old, old)
		}
	}
}

// Issue 9: `hall create` killed at any moment — after its key is written,
// in the middle of the transaction that imports the roster, after it
// commits, between putting the key and the hall file in place, after both
// are in place — leaves nothing in the way: running it again makes the
// hall (or says it is already there, complete and writable), and nothing
// of the killed run is left beside it.
func TestInterruptedHallCreateLeavesNothingInTheWay(t *testing.T) {
	isolateDataDir(t)
	roster := writeFile(t, "r.csv", goodRoster)
	for _, point := range []string{"create.key_written", "create.in_transaction", "create.committed", "create.key_placed", "create.placed"} {
		t.Run(point, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "hall.db")
			killAt(t, point, "4321\n", createArgs(db, roster)...)

			// What the dashboard sees at once: a whole hall, or no file.
			if _, err := os.Stat(db); err == nil {
				s, err := store.Open(db, store.Options{})
				if err != nil {
					t.Fatalf("the killed create left a file that does not open: %v", err)
				}
				if !s.Hall().Exists() || s.Broken() != nil {
					t.Errorf("the killed create left a file with no hall (%v)", s.Broken())
				}
				s.Close()
			}

			code, out, errOut := runCLI(t, "4321\n", createArgs(db, roster)...)
			switch {
			case point == "create.placed":
				if code == 0 || !strings.Contains(errOut, "already exists") {
					t.Errorf("a create over the hall the killed one made: exit %d, %q %q", code, out, errOut)
				}
			case code != 0:
				t.Fatalf("running hall create again: exit %d: %s", code, errOut)
			}
			s, err := store.Open(db, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if h := s.Hall(); !h.Exists() || len(h.Examinees()) != 2 || s.Broken() != nil {
				t.Errorf("hall %q with %d examinees, broken %v", h.Name, len(h.Examinees()), s.Broken())
			}
			s.Close()
			if got := names(t, dir); !slices.Equal(got, []string{"hall.db", "hall.db.key"}) {
				t.Errorf("beside the hall: %q", got)
			}
		})
	}
}

// Issue 9: an export or a print of the sheets killed after its temporary
// file is whole, before it takes the name, leaves that file; the next run
// of the command removes it — and nothing else that only looks like it.
func TestKilledWritesLeaveNoTemporaryFileForTheNextRun(t *testing.T) {
	isolateDataDir(t)
	db := filepath.Join(t.TempDir(), "hall.db")
	storetest.BuildHall(t, db, 3, 2)
	for _, tc := range []struct{ name, out string }{
		{"export", "b.bundle"},
		{"sheets print", "s.pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, tc.out)
			args := append(strings.Fields(tc.name), "--db", db, "--out", out)
			killAt(t, "write.temp_whole", "", args...)
			left := names(t, dir)
			if len(left) != 1 || !strings.HasPrefix(left[0], "."+tc.out+".") || !strings.HasSuffix(left[0], ".tmp") {
				t.Fatalf("after the kill %s holds %q, want one temporary file", dir, left)
			}
			others := []string{
				"." + tc.out + ".12ab.tmp", "." + tc.out + ".123.tmpx", tc.out + ".123.tmp",
				"." + tc.out + ".123.tmp.key", ".other.pdf.123.tmp", "." + tc.out + "..tmp",
			}
			for _, n := range others {
				os.WriteFile(filepath.Join(dir, n), []byte("not ours"), 0o600)
			}
			os.Mkdir(filepath.Join(dir, "."+tc.out+".77.tmp"), 0o700)
			os.Symlink(db, filepath.Join(dir, "."+tc.out+".78.tmp"))
			others = append(others, "."+tc.out+".77.tmp", "."+tc.out+".78.tmp")
			ageTemporaryFiles(t, dir)
			// One written a moment ago may be another run's, still writing.
			young := "." + tc.out + ".99.tmp"
			os.WriteFile(filepath.Join(dir, young), []byte("still being written"), 0o600)
			others = append(others, young)

			if code, _, errOut := runCLI(t, "", args...); code != 0 {
				t.Fatalf("%s again: exit %d: %s", tc.name, code, errOut)
			}
			want := append([]string{tc.out}, others...)
			slices.Sort(want)
			if got := names(t, dir); !slices.Equal(got, want) {
				t.Errorf("after the next run %s holds\n%q\nwant\n%q", dir, got, want)
			}
		})
	}
}
