package central_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"examday/central"
)

// limitedCentral is a real central record behind the HTTP API with the
// limits of opts, on 127.0.0.1.
func limitedCentral(t *testing.T, opts central.ServerOptions) (*central.DB, *httptest.Server) {
	t.Helper()
	db := newCentral(t)
	srv := httptest.NewServer(central.NewHandler(db, opts))
	t.Cleanup(srv.Close)
	return db, srv
}

// rawRequest opens a connection and sends a request's headers and the
// start of its body, then nothing more, as a client that stalls would;
// then more, one byte every drip, if drip is not 0. The status line of
// the answer, if one comes, is sent on the channel; the connection is
// closed when the test ends.
func rawRequest(t *testing.T, srv *httptest.Server, path string, claim int64, start string, drip time.Duration) <-chan string {
	t.Helper()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: central\r\nContent-Length: %d\r\n\r\n%s", path, claim, start)
	if drip > 0 {
		go func() {
			for {
				time.Sleep(drip)
				if _, err := conn.Write([]byte("x")); err != nil {
					return
				}
			}
		}()
	}
	answer := make(chan string, 1)
	go func() {
		status, _ := bufio.NewReader(conn).ReadString('\n')
		answer <- strings.TrimSpace(status)
	}()
	return answer
}

func waitAnswer(t *testing.T, what string, answer <-chan string, within time.Duration) string {
	t.Helper()
	select {
	case status := <-answer:
		return status
	case <-time.After(within):
		t.Fatalf("%s: no answer within %v", what, within)
	}
	return ""
}

// endless is a body that never ends: a chunked push of whatever size.
type endless struct{}

func (endless) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// A push that claims more than the server's limit is refused with 413 at
// once, its body unread; a chunked push that grows past the limit is cut
// with 413 there, and what the server held for it is what came, not what
// would have come. Both are audited.
func TestHTTPRefusesABundleOverTheLimitAndHoldsOnlyWhatCame(t *testing.T) {
	const limit = 1 << 20
	db, srv := limitedCentral(t, central.ServerOptions{MaxBundle: limit})

	answer := rawRequest(t, srv, central.PathBundles, 256<<20, "examday-bundle 1\n", 0)
	if status := waitAnswer(t, "a claim of 256 MiB", answer, 2*time.Second); !strings.Contains(status, " 413 ") {
		t.Fatalf("a claim of 256 MiB answered %q; want 413", status)
	}

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	req, _ := http.NewRequest("POST", srv.URL+central.PathBundles, io.LimitReader(endless{}, 64<<20))
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	runtime.ReadMemStats(&after)
	if err == nil {
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || errorBody(t, raw).Check != "size" || !strings.Contains(errorBody(t, raw).Error, "1048576") {
			t.Fatalf("a chunked push of 64 MiB: %d %s; want 413 naming the limit", resp.StatusCode, raw)
		}
	} // else the server answered and closed before the client read its answer
	// Server and client in one process: all they allocated for it.
	got := after.TotalAlloc - before.TotalAlloc
	t.Logf("a chunked push of 64 MiB cut at %d bytes: %d KiB allocated", limit, got>>10)
	if got > 8*limit {
		t.Errorf("a chunked push cut at %d bytes allocated %d MiB", limit, got>>20)
	}
	n := 0
	db.Audit(func(r central.AuditRow) bool {
		if r.Status == http.StatusRequestEntityTooLarge && r.Check == "size" {
			n++
		}
		return true
	})
	if n != 2 {
		t.Fatalf("%d refusals over the limit audited; want 2", n)
	}
}

// A body that comes too slowly is cut off with 408 by the body's
// deadline, not only the headers' — a push that stalls, a push that
// trickles a byte at a time, and an enrolment that stalls — and a cut
// push is audited.
func TestHTTPCutsOffASlowBody(t *testing.T) {
	opts := central.ServerOptions{BodyGrace: 300 * time.Millisecond, BodyRate: 1 << 10, BodyIdle: 200 * time.Millisecond}
	db, srv := limitedCentral(t, opts)
	cases := []struct {
		name  string
		path  string
		drip  time.Duration
		check string
	}{
		{"a push that stalls", central.PathBundles, 0, central.CheckTimeout},
		{"a push that trickles", central.PathBundles, 20 * time.Millisecond, central.CheckTimeout},
		{"an enrolment that stalls", central.PathEnroll, 0, central.CheckTimeout},
	}
	for _, c := range cases {
		start := time.Now()
		answer := rawRequest(t, srv, c.path, 10_000, "{", c.drip)
		status := waitAnswer(t, c.name, answer, 5*time.Second)
		took := time.Since(start)
		if !strings.Contains(status, " 408 ") {
			t.Errorf("%s: answered %q; want 408", c.name, status)
		}
		if took > 3*time.Second {
			t.Errorf("%s: cut off after %v", c.name, took)
		}
		t.Logf("%s: %q after %v", c.name, status, took.Round(time.Millisecond))
	}
	cut := 0
	db.Audit(func(r central.AuditRow) bool {
		if r.Kind == "bundle" && r.Status == http.StatusRequestTimeout && r.Check == central.CheckTimeout {
			cut++
		}
		return true
	})
	if cut != 2 {
		t.Errorf("%d pushes cut off audited; want 2", cut)
	}
}

// A busy central record answers 503 with Retry-After at once instead of
// holding the laptop: here its one place is taken by a push that stalls.
// The client waits as asked and then delivers, once the stalled push is
// cut off by its deadline.
func TestABusyCentralRecordSays503RetryAfterAndTheClientWaitsAsAsked(t *testing.T) {
	opts := central.ServerOptions{Pushes: 1, BodyGrace: 500 * time.Millisecond, BodyIdle: 500 * time.Millisecond, RetryAfter: time.Second}
	db, srv := limitedCentral(t, opts)
	s, _ := syncHall(t, 20)
	var notices []central.RetryNotice
	c := &central.Client{URL: srv.URL, Retry: central.Retry{Attempts: 4, Initial: time.Millisecond, Max: 5 * time.Second, Total: 10 * time.Second},
		OnRetry: func(n central.RetryNotice) { notices = append(notices, n) }}
	enrol(t, c, newToken(t, db, "Audience 204"), s)

	stalled := rawRequest(t, srv, central.PathBundles, 1<<20, "examday-bundle 1\n", 0)
	time.Sleep(100 * time.Millisecond) // the stalled push holds the place
	resp, err := http.Post(srv.URL+central.PathBundles, "application/octet-stream", strings.NewReader("examday-bundle 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "1" || errorBody(t, raw).Check != central.CheckBusy {
		t.Fatalf("a push beside the stalled one: %d Retry-After %q %s; want 503, Retry-After 1", resp.StatusCode, resp.Header.Get("Retry-After"), raw)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	rep, err := c.Sync(ctx, s)
	took := time.Since(start)
	if err != nil || rep.Receipt.Size != 20 {
		t.Fatalf("Sync beside a stalled push: %v %+v", err, rep)
	}
	if status := waitAnswer(t, "the stalled push", stalled, time.Second); !strings.Contains(status, " 408 ") {
		t.Errorf("the stalled push was answered %q; want 408", status)
	}
	busy := 0
	for _, n := range notices {
		if n.RetryAfter == time.Second {
			busy++
			if n.Wait < time.Second || n.Wait > 1250*time.Millisecond || !strings.Contains(n.Err.Error(), "busy") {
				t.Errorf("told to wait 1 s, the client waits %v (%v)", n.Wait, n.Err)
			}
		}
	}
	if busy == 0 {
		t.Errorf("the client was not told to wait: %+v", notices)
	}
	t.Logf("delivered in %v after %d busy answers", took.Round(time.Millisecond), busy)
}

// Retry-After is honoured, but never for longer than one back-off may
// last: a central record (or a proxy) that asks for an hour gets Max.
func TestRetryAfterIsHonouredWithinTheBackOffsBound(t *testing.T) {
	f := newFakeCentral()
	busy := 2
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == central.PathBundles && busy > 0 {
			busy--
			w.Header().Set("Retry-After", []string{"3600", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)}[busy])
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		f.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	s, _ := syncHall(t, 5)
	var notices []central.RetryNotice
	c := &central.Client{URL: srv.URL, Retry: central.Retry{Attempts: 5, Initial: time.Millisecond, Max: 50 * time.Millisecond, Total: 10 * time.Second},
		OnRetry: func(n central.RetryNotice) { notices = append(notices, n) }}
	enrol(t, c, f.token("A"), s)
	if rep := mustSync(t, c, s); rep.Receipt.Size != 5 {
		t.Fatalf("delivered %d", rep.Receipt.Size)
	}
	if len(notices) != 2 {
		t.Fatalf("%d notices; want 2", len(notices))
	}
	for i, n := range notices {
		if n.RetryAfter < 59*time.Minute || n.Wait != 50*time.Millisecond {
			t.Errorf("notice %d: asked %v, waited %v; want an hour asked and Max (50 ms) waited", i, n.RetryAfter, n.Wait)
		}
	}
}
