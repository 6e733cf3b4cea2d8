package central_test

import (
	"bytes"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"syscall"
	"testing"
	"time"

	"examday/central"
)

// The kill test: a child process ingests bundles one after another into
// a central file and is killed with SIGKILL at a random moment, 50 times.
// After each kill the file opens (bbolt's check included), its log ends
// at a bundle's boundary (a bundle is applied whole or not at all), the
// log is exactly the laptop's prefix and verifies, and the audit is
// readable, its appended rows adding up to what is stored.

const (
	envCentralCrashChild = "EXAMDAY_TEST_CENTRAL_CRASH_CHILD"
	envCentralCrashDB    = "EXAMDAY_TEST_CENTRAL_CRASH_DB"
)

// TestCentralCrashChild is the child: it does nothing in a normal run.
func TestCentralCrashChild(t *testing.T) {
	dir := os.Getenv(envCentralCrashChild)
	if dir == "" {
		t.Skip("the child of TestSIGKILLDuringIngestAppliesBundlesWhole")
	}
	db, err := central.Open(os.Getenv(envCentralCrashDB), central.Options{Program: "crash child"})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	for i := 0; ; i++ {
		path := filepath.Join(dir, fmt.Sprintf("%04d.examday", i))
		if _, err := os.Stat(path); err != nil {
			break
		}
		if _, err := db.IngestFile(path); err != nil {
			fmt.Println("ingest:", err)
			os.Exit(4)
		}
	}
	db.Close()
	os.Exit(0)
}

func TestSIGKILLDuringIngestAppliesBundlesWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child 50 times")
	}
	const cycles = 50
	seed := mrand.Uint64()
	t.Logf("seed %d", seed)
	rng := mrand.New(mrand.NewPCG(seed, 3))
	l := newLaptop(t, t.TempDir(), 100, 12000)
	stick := t.TempDir()
	bounds := map[int64]bool{0: true}
	var n int
	for from := uint64(1); from <= l.size(); n++ {
		to := min(l.size(), from+uint64(200+rng.IntN(600)))
		if err := os.WriteFile(filepath.Join(stick, fmt.Sprintf("%04d.examday", n)), l.cut(t, from, to), 0o600); err != nil {
			t.Fatal(err)
		}
		bounds[int64(to)] = true
		from = to + 1
	}

	var dbPath string
	var sizes []int64
	killedMidway, finished := 0, 0
	for cycle := 0; cycle < cycles; cycle++ {
		if dbPath == "" {
			dbPath = filepath.Join(t.TempDir(), "central.db")
			db, err := central.Open(dbPath, central.Options{Create: true, Program: "test"})
			if err != nil {
				t.Fatal(err)
			}
			enroll(t, db, l.pub, "Audience 204")
			db.Close()
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestCentralCrashChild$")
		cmd.Env = append(os.Environ(), envCentralCrashChild+"="+stick, envCentralCrashDB+"="+dbPath)
		var out bytes.Buffer // read only after Wait
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		select {
		case err := <-exited:
			if err != nil {
				t.Fatalf("cycle %d: the child failed: %v\n%s", cycle, err, out.String())
			}
			finished++
		case <-time.After(time.Duration(20+rng.IntN(400)) * time.Millisecond):
			cmd.Process.Signal(syscall.SIGKILL)
			<-exited
			killedMidway++
		}

		db, err := central.Open(dbPath, central.Options{Program: "test"})
		if err != nil {
			t.Fatalf("cycle %d: after the kill: %v", cycle, err)
		}
		logs, err := db.Logs()
		if err != nil {
			t.Fatal(err)
		}
		var size int64
		if len(logs) == 1 {
			size = logs[0].Size
		}
		if !bounds[size] {
			t.Fatalf("cycle %d: the log holds %d events, not a bundle's end", cycle, size)
		}
		holds(t, db, l, uint64(size))
		if err := db.CheckLogs(); err != nil {
			t.Fatalf("cycle %d: %v", cycle, err)
		}
		appended := 0
		if err := db.Audit(func(r central.AuditRow) bool { appended += r.Appended; return true }); err != nil {
			t.Fatalf("cycle %d: the audit: %v", cycle, err)
		}
		if int64(appended) != size {
			t.Fatalf("cycle %d: the audit says %d appended, the log holds %d", cycle, appended, size)
		}
		db.Close()
		sizes = append(sizes, size)
		if size == int64(l.size()) {
			dbPath = "" // all in: a fresh central record for the next cycles
		}
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i] < sizes[j] })
	t.Logf("%d bundles; %d kills, %d children finished; sizes after a kill from %d to %d", n, killedMidway, finished, sizes[0], sizes[len(sizes)-1])
	if killedMidway < cycles/2 {
		t.Errorf("only %d of %d children were killed before they finished", killedMidway, cycles)
	}
}
