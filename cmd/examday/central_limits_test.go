package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"examday/central"
)

// envServeChild carries the arguments of the child that runs `examday
// central serve` in a process of its own, one a line: its memory is then
// its own to measure.
const envServeChild = "EXAMDAY_TEST_SERVE_CHILD"

// TestCentralServeChild is the child: it does nothing in a normal run.
func TestCentralServeChild(t *testing.T) {
	args := os.Getenv(envServeChild)
	if args == "" {
		t.Skip("the child of TestCentralServeStaysAvailableBesideStalledHugeClaims")
	}
	os.Exit(run(strings.Split(args, "\n"), strings.NewReader(""), os.Stdout, os.Stderr))
}

// startServeChild runs `examday central serve` on 127.0.0.1 in a child
// process, which the test's end kills, and returns its URL and process.
func startServeChild(t *testing.T, db string) (string, *os.Process) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCentralServeChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envServeChild+"="+strings.Join([]string{"central", "serve", "--db", db, "--addr", "127.0.0.1:0"}, "\n"))
	var errOut syncBuffer
	cmd.Stderr = &errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if s := errOut.String(); s != "" {
			t.Logf("the server's log:\n%s", s)
		}
	})
	found := make(chan string, 1)
	go func() {
		listening := regexp.MustCompile(`listens on (http://127\.0\.0\.1:\d+)`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	select {
	case url := <-found:
		return url, cmd.Process
	case <-time.After(20 * time.Second):
		t.Fatalf("the server did not listen: %s", errOut.String())
	}
	return "", nil
}

// procMemory is a process's resident memory now and at its peak, in
// bytes, from /proc/PID/status (VmRSS, VmHWM); ok is false where there is
// no /proc.
func procMemory(pid int) (now, peak int64, ok bool) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, false
	}
	kb := func(field string) int64 {
		m := regexp.MustCompile(`(?m)^` + field + `:\s+(\d+) kB`).FindSubmatch(raw)
		if m == nil {
			return -1
		}
		n, _ := strconv.ParseInt(string(m[1]), 10, 64)
		return n << 10
	}
	now, peak = kb("VmRSS"), kb("VmHWM")
	return now, peak, now >= 0 && peak >= 0
}

// stalledPush opens a connection, sends the headers of a push that claims
// claim bytes and the first few bytes of a bundle, and then nothing: the
// connection is held open until the test ends. The answer, if the server
// gives one, comes on the channel.
func stalledPush(t *testing.T, url string, claim int64) <-chan string {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: central\r\nContent-Type: application/octet-stream\r\nContent-Length: %d\r\n\r\nexamday-bundle 1\nheader {", central.PathBundles, claim)
	answer := make(chan string, 1)
	go func() {
		status, _ := bufio.NewReader(conn).ReadString('\n')
		answer <- strings.TrimSpace(status)
	}()
	return answer
}

// zeros is a body of zero bytes, as long as it is read.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// The central record stays available (issue 9): two connections claim a
// 256 MiB bundle each and two more a bundle of exactly the largest size
// the server takes, all send a few bytes and stall. A real `examday sync`
// beside them succeeds within 10 s; the claims over the limit are refused
// with 413 at once; a chunked push of 300 MB is cut with 413 at the
// limit; and the server process, `examday central serve` in a process of
// its own, stays under 400 MB throughout.
func TestCentralServeStaysAvailableBesideStalledHugeClaims(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "central.db")
	hallPath, _ := centralHall(t, dir, 300)
	code, out, errOut := runCLI(t, "", "central", "enroll", "--db", db, "--hall", "Audience 204")
	m := tokenLine.FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("central enroll: %d %s", code, errOut)
	}
	url, server := startServeChild(t, db)
	// No more than 10 s for the sync, whatever happens to its requests.
	syncRetry = central.Retry{Attempts: 4, Initial: 100 * time.Millisecond, Max: 2 * time.Second, Total: 8 * time.Second}
	syncHTTP = &http.Client{Timeout: 8 * time.Second}
	t.Cleanup(func() { syncRetry, syncHTTP = central.Retry{}, nil })
	if code, _, errOut := runCLI(t, "", "enroll", "--db", hallPath, "--central", url, "--token", m[1]); code != 0 {
		t.Fatalf("enroll: %s", errOut)
	}

	var huge, atLimit []<-chan string
	for range 2 {
		huge = append(huge, stalledPush(t, url, 256<<20))
		atLimit = append(atLimit, stalledPush(t, url, central.DefaultMaxBundle))
	}
	time.Sleep(500 * time.Millisecond) // the server has read the headers and what came

	start := time.Now()
	code, out, errOut = runCLI(t, "", "sync", "--db", hallPath)
	took := time.Since(start)
	t.Logf("sync beside 4 stalled claims: exit %d in %v\n%s%s", code, took.Round(time.Millisecond), out, errOut)
	if code != 0 || !strings.Contains(out, "events 1–300 of 300") {
		t.Errorf("sync beside the stalled claims failed: exit %d\n%s%s", code, out, errOut)
	}
	if took > 10*time.Second {
		t.Errorf("sync took %v; want under 10 s", took)
	}

	// And a chunked push of 300 MB, which says no length: it is cut at
	// the limit, having held no more than what came.
	req, _ := http.NewRequest("POST", url+central.PathBundles, io.LimitReader(zeros{}, 300<<20))
	req.ContentLength = -1
	if resp, err := (&http.Client{Timeout: 8 * time.Second}).Do(req); err == nil {
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("a chunked push of 300 MB answered %d; want 413", resp.StatusCode)
		}
	} else {
		t.Logf("a chunked push of 300 MB: %v (the server answered and closed first)", err)
	}

	if runtime.GOOS == "linux" {
		now, peak, ok := procMemory(server.Pid)
		if !ok {
			t.Fatalf("no VmRSS of the server (pid %d)", server.Pid)
		}
		t.Logf("server memory: VmRSS %d MB, VmHWM (peak) %d MB", now>>20, peak>>20)
		if peak > 400<<20 {
			t.Errorf("the server's peak resident memory is %d MB; want under 400 MB", peak>>20)
		}
	}

	for i, answer := range huge {
		select {
		case status := <-answer:
			if !strings.Contains(status, " 413 ") {
				t.Errorf("claim %d of 256 MiB answered %q; want 413", i+1, status)
			}
		case <-time.After(time.Second):
			t.Errorf("claim %d of 256 MiB not refused at once", i+1)
		}
	}
	for _, answer := range atLimit {
		select {
		case status := <-answer:
			t.Logf("a stalled claim at the limit was answered %q", status)
		default:
		}
	}
}
