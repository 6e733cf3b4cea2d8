//go:build unix

package main

// SIGINT to this very process is how a person stops the server; Windows
// has no such signal to send, so this test is for Unix systems.

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"examday/central"
)

// `examday central serve` on a real listener: a bundle pushed over HTTP
// is taken; SIGINT stops it gracefully with exit status 0.
func TestCentralServeTakesABundleAndStopsOnSIGINT(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "central.db")
	hallPath, full := centralHall(t, dir, 30)
	enrolHall(t, db, hallPath, "Audience 204")
	var out, errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"central", "serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errOut)
	}()
	listening := regexp.MustCompile(`listens on (http://127\.0\.0\.1:\d+)`)
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == ""; {
		if m := listening.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("not listening: %q %q", out.String(), errOut.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Post(url+central.PathBundles, "application/octet-stream", bytes.NewReader(full))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"appended":30`) {
		t.Fatalf("push: %d %s", resp.StatusCode, body)
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("did not stop")
	}
	// One structured line for the request: the device, the result, the time.
	line := regexp.MustCompile(`level=INFO msg=request method=POST path=/v1/bundles remote=127\.0\.0\.1:\d+ device=[0-9a-f]{64} status=200 result=appended took=\S+`)
	if !line.MatchString(out.String()) || !strings.Contains(out.String(), "Stopped") {
		t.Fatalf("output %q", out.String())
	}
	// The file is closed: another program can open it.
	c, err := central.Open(db, central.Options{Program: "test"})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
}
