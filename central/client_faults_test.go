package central_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/tlog"

	"examday/central"
	"examday/store"
)

// fault is what the faulty transport does to one request.
type fault int

const (
	faultNone fault = iota
	// faultDropBefore: the connection drops before the request is sent;
	// the server sees nothing.
	faultDropBefore
	// faultDropAfter: the server gets the request and answers (a bundle
	// is committed), but the connection drops before the answer arrives.
	faultDropAfter
	// faultTruncate: the answer arrives cut short in its body.
	faultTruncate
	// fault503Before: a 503 from a proxy before the server, which sees
	// nothing.
	fault503Before
	// fault502After: the server answers (and commits), but a proxy turns
	// the answer into a 502.
	fault502After
	faultKinds
)

var faultNames = [...]string{"none", "drop before", "drop after commit", "truncated body", "503 before", "502 after commit"}

func (f fault) String() string { return faultNames[f] }

// faultyTransport is an http.RoundTripper between the client and a real
// server that injects faults: choose picks one for each request.
type faultyTransport struct {
	next   http.RoundTripper
	choose func(r *http.Request) fault

	mu sync.Mutex
	// injected counts the faults by kind of request: "drop after commit
	// POST bundles".
	injected map[string]int
	// reached counts the requests the server saw, by method and path kind.
	reached map[string]int
}

func newFaultyTransport(choose func(r *http.Request) fault) *faultyTransport {
	return &faultyTransport{next: http.DefaultTransport, choose: choose, injected: map[string]int{}, reached: map[string]int{}}
}

// randomFaults injects a fault in a share of the requests, every kind
// alike, from a seeded source so a failure can be replayed.
func randomFaults(seed uint64, share float64) func(*http.Request) fault {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return func(*http.Request) fault {
		mu.Lock()
		defer mu.Unlock()
		if rng.Float64() >= share {
			return faultNone
		}
		return fault(1 + rng.IntN(int(faultKinds)-1))
	}
}

func kind(r *http.Request) string {
	switch {
	case strings.HasSuffix(r.URL.Path, "/bundles"):
		return r.Method + " bundles"
	case strings.Contains(r.URL.Path, "/logs/"):
		return r.Method + " logs"
	}
	return r.Method + " " + r.URL.Path
}

func (t *faultyTransport) count(f fault, r *http.Request, reached bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if f != faultNone {
		t.injected[f.String()+" "+kind(r)]++
	}
	if reached {
		t.reached[kind(r)]++
	}
}

func (t *faultyTransport) Injected() map[string]int {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := map[string]int{}
	for k, v := range t.injected {
		out[k] = v
	}
	return out
}

func (t *faultyTransport) Reached(kind string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.reached[kind]
}

var errInjected = errors.New("connection reset by peer (injected)")

func (t *faultyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	f := t.choose(r)
	switch f {
	case faultDropBefore:
		if r.Body != nil {
			r.Body.Close()
		}
		t.count(f, r, false)
		return nil, errInjected
	case fault503Before:
		if r.Body != nil {
			r.Body.Close()
		}
		t.count(f, r, false)
		return synthetic(r, http.StatusServiceUnavailable, "<html>503 Service Unavailable (injected)</html>"), nil
	}
	resp, err := t.next.RoundTrip(r)
	t.count(f, r, err == nil)
	if err != nil || f == faultNone {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	switch f {
	case faultDropAfter:
		return nil, errInjected
	case fault502After:
		return synthetic(r, http.StatusBadGateway, "<html>502 Bad Gateway (injected)</html>"), nil
	case faultTruncate:
		// The body stops half-way, and reading on says so, as a closed
		// connection does.
		resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body[:len(body)/2]), errReader{io.ErrUnexpectedEOF}))
		resp.ContentLength = -1
		resp.Header.Del("Content-Length")
		return resp, nil
	}
	panic("unknown fault")
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func synthetic(r *http.Request, status int, body string) *http.Response {
	return &http.Response{
		Status: http.StatusText(status), StatusCode: status, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:  http.Header{"Content-Type": {"text/html"}},
		Body:    io.NopCloser(strings.NewReader(body)),
		Request: r, ContentLength: int64(len(body)),
	}
}

// syncThroughFaults enrols the hall with the central record at url (over a
// sound network), then grows it by 1–3 events and syncs, again and again,
// over a network that fails a third of the requests in every way
// faultyTransport knows, until at least minPushes bundles reached the
// server. After each sync the laptop must hold a receipt of all its
// events. It returns the pushes that reached the server.
func syncThroughFaults(t *testing.T, s *store.Store, url, token string, minPushes int, seed uint64) int {
	t.Helper()
	enrol(t, &central.Client{URL: url, Retry: fastRetry}, token, s)
	tr := newFaultyTransport(randomFaults(seed, 0.35))
	c := &central.Client{URL: url, HTTP: &http.Client{Transport: tr},
		Retry: central.Retry{Attempts: 60, Initial: 100 * time.Microsecond, Max: 2 * time.Millisecond, Total: time.Minute}}
	rng := rand.New(rand.NewPCG(seed, 7))
	retries, rounds := 0, 0
	for tr.Reached("POST bundles") < minPushes {
		rounds++
		grow(t, s, 1+rng.IntN(3))
		rep, err := c.Sync(context.Background(), s)
		if err != nil {
			t.Fatalf("round %d: Sync: %v", rounds, err)
		}
		retries += rep.Retries
		size, _ := s.TreeHead()
		if rep.Receipt.Size != size || s.Undelivered() != 0 {
			t.Fatalf("round %d: receipt of %d, file of %d, undelivered %d", rounds, rep.Receipt.Size, size, s.Undelivered())
		}
	}
	injected := tr.Injected()
	t.Logf("%d syncs, %d pushes reached the server, %d retries; faults injected: %v", rounds, tr.Reached("POST bundles"), retries, injected)
	for f := faultDropBefore; f < faultKinds; f++ {
		if injected[f.String()+" POST bundles"] == 0 {
			t.Errorf("no %q fault was injected into a push", f)
		}
	}
	// Asked over a sound network, the central record holds exactly the
	// laptop's log.
	st, err := (&central.Client{URL: url, Retry: fastRetry}).LogState(context.Background(), s.DeviceID(), s.Epoch())
	if err != nil {
		t.Fatal(err)
	}
	size, root := s.TreeHead()
	if st.Size != size || st.Root != root.String() || st.Frozen {
		t.Errorf("the central record holds %d events, root %s, frozen %v; the laptop %d, %s", st.Size, st.Root, st.Frozen, size, root)
	}
	return tr.Reached("POST bundles")
}

func tlogRoot(s *store.Store, n int64) (tlog.Hash, error) { return tlog.TreeHash(n, s) }
