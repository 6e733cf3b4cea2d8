package central_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
	"examday/central"
)

// fakeCentral is a small central record in memory, built on the API of
// api.go alone, to test the client without the real server: it enrols
// with one-time tokens, verifies bundles with the enrolled key, takes a
// duplicate as a duplicate and a bundle overlapping its end as the tail,
// refuses a gap (422) and a fork (409, and freezes the log), and signs
// receipts. It counts what it was sent.
type fakeCentral struct {
	signer note.Signer
	vkey   string

	mu      sync.Mutex
	tokens  map[string]string // token -> hall; deleted when used
	devices map[string]ed25519.PublicKey
	logs    map[string]*fakeLog // by origin
	pushes  int                 // bundles received
	// before, if set, answers a request instead of the handler.
	before func(r *http.Request) (status int, body any, ok bool)
}

type fakeLog struct {
	bodies  [][]byte
	hashes  fakeHashes
	frozen  bool
	forks   int
	appends int // events appended, each once
}

type fakeHashes []tlog.Hash

func (h fakeHashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(h)) {
			return nil, fmt.Errorf("no hash %d", x)
		}
		out[i] = h[x]
	}
	return out, nil
}

func (l *fakeLog) root() tlog.Hash {
	r, err := tlog.TreeHash(int64(len(l.bodies)), l.hashes)
	if err != nil {
		panic(err)
	}
	return r
}

func newFakeCentral() *fakeCentral {
	skey, vkey, err := note.GenerateKey(rand.Reader, "examday-central/fake")
	if err != nil {
		panic(err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		panic(err)
	}
	return &fakeCentral{signer: signer, vkey: vkey, tokens: map[string]string{},
		devices: map[string]ed25519.PublicKey{}, logs: map[string]*fakeLog{}}
}

func (f *fakeCentral) token(hall string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var b [16]byte
	rand.Read(b[:])
	t := hex.EncodeToString(b[:])
	f.tokens[t] = hall
	return t
}

func (f *fakeCentral) log(origin string) *fakeLog {
	f.mu.Lock()
	defer f.mu.Unlock()
	l := f.logs[origin]
	if l == nil {
		return &fakeLog{}
	}
	c := *l
	return &c
}

func (f *fakeCentral) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	answer := func(status int, body any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(body)
	}
	if f.before != nil {
		if status, body, ok := f.before(r); ok {
			answer(status, body)
			return
		}
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == central.PathEnroll:
		var req central.EnrollRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			answer(400, central.ErrorBody{Error: "not an enrolment"})
			return
		}
		hall, ok := f.tokens[req.Token]
		if !ok {
			answer(403, central.ErrorBody{Error: "the token is unknown or was used", Check: "token"})
			return
		}
		pub, err := base64.StdEncoding.DecodeString(req.PublicKey)
		if sum := sha256.Sum256(pub); err != nil || len(pub) != ed25519.PublicKeySize || hex.EncodeToString(sum[:]) != req.Device {
			answer(400, central.ErrorBody{Error: "the device id is not the key's"})
			return
		}
		delete(f.tokens, req.Token)
		f.devices[req.Device] = pub
		answer(200, central.EnrollResponse{Hall: hall, CentralKey: f.vkey})
	case r.Method == http.MethodGet && len(r.URL.Path) > len(central.PathLogs) && r.URL.Path[:len(central.PathLogs)] == central.PathLogs:
		var device, epoch string
		fmt.Sscanf(r.URL.Path[len(central.PathLogs):], "%64s", &device)
		epoch = r.URL.Path[len(central.PathLogs)+len(device)+1:]
		if f.devices[device] == nil {
			answer(403, central.ErrorBody{Error: "the device is not enrolled", Check: "device"})
			return
		}
		answer(200, f.state("examday/"+device+"/"+epoch))
	case r.Method == http.MethodPost && r.URL.Path == central.PathBundles:
		f.pushes++
		data, err := io.ReadAll(io.LimitReader(r.Body, bundle.MaxSize+1))
		if err != nil {
			answer(400, central.ErrorBody{Error: err.Error()})
			return
		}
		status, body := f.ingest(data)
		answer(status, body)
	default:
		answer(404, central.ErrorBody{Error: "no such path"})
	}
}

// state is what the fake holds of a log; f.mu is held.
func (f *fakeCentral) state(origin string) central.LogState {
	l := f.logs[origin]
	if l == nil || len(l.bodies) == 0 {
		return central.LogState{}
	}
	root := l.root()
	return central.LogState{Size: int64(len(l.bodies)), Root: root.String(), Frozen: l.frozen, Receipt: string(f.receipt(origin, l))}
}

func (f *fakeCentral) receipt(origin string, l *fakeLog) []byte {
	msg, err := central.SignReceipt(central.Receipt{Origin: origin, Size: int64(len(l.bodies)), Root: l.root(), At: time.Now()}, f.signer)
	if err != nil {
		panic(err)
	}
	return msg
}

// ingest checks a bundle and takes what is new of it; f.mu is held.
func (f *fakeCentral) ingest(data []byte) (int, any) {
	b, err := bundle.Parse(data)
	var be *bundle.Error
	if errors.As(err, &be) {
		return 400, central.ErrorBody{Error: be.Reason, Check: string(be.Check), Line: be.Line, Seq: be.Seq}
	}
	if err != nil {
		return 400, central.ErrorBody{Error: err.Error()}
	}
	h := b.Header
	pub := f.devices[h.Device]
	if pub == nil {
		return 403, central.ErrorBody{Error: "the device is not enrolled", Check: "device"}
	}
	if err := b.Verify(pub); err != nil {
		errors.As(err, &be)
		return 400, central.ErrorBody{Error: be.Reason, Check: string(be.Check), Line: be.Line, Seq: be.Seq}
	}
	l := f.logs[h.Origin]
	if l == nil {
		l = &fakeLog{}
		f.logs[h.Origin] = l
	}
	if l.frozen {
		return 409, central.ErrorBody{Error: "the log is frozen after a fork", Check: "frozen"}
	}
	size := uint64(len(l.bodies))
	if h.First > size+1 {
		return 422, central.ErrorBody{Error: fmt.Sprintf("the bundle starts at %d; the central record holds %d", h.First, size), Check: "gap", ExpectedFirst: size + 1}
	}
	// The bundle's link to the event before it is a claim about that
	// event too: if the fake holds it, it must be the same.
	if h.First > 1 && h.First-1 <= size {
		if stored := sha256.Sum256(l.bodies[h.First-2]); hex.EncodeToString(stored[:]) != h.Prev {
			l.frozen = true
			l.forks++
			return 409, central.ErrorBody{Error: fmt.Sprintf("event %d differs from the one held", h.First-1), Check: "fork", Seq: h.First - 1,
				StoredHash: hex.EncodeToString(stored[:]), IncomingHash: h.Prev}
		}
	}
	for _, e := range b.Events {
		if e.Seq > size {
			break
		}
		stored := sha256.Sum256(l.bodies[e.Seq-1])
		if incoming := e.Hash(); incoming != stored {
			l.frozen = true
			l.forks++
			return 409, central.ErrorBody{Error: fmt.Sprintf("event %d differs from the one held", e.Seq), Check: "fork", Seq: e.Seq,
				StoredHash: hex.EncodeToString(stored[:]), IncomingHash: hex.EncodeToString(incoming[:])}
		}
	}
	appended := 0
	for _, e := range b.Events {
		if e.Seq <= uint64(len(l.bodies)) {
			continue
		}
		hs, err := tlog.StoredHashes(int64(len(l.bodies)), e.Body, l.hashes)
		if err != nil {
			panic(err)
		}
		l.hashes = append(l.hashes, hs...)
		l.bodies = append(l.bodies, e.Body)
		appended++
		l.appends++
	}
	result := central.ResultAppended
	if appended == 0 {
		result = central.ResultDuplicate
	}
	return 200, central.PushResult{Result: result, Appended: appended, Size: int64(len(l.bodies)), Root: l.root().String(), Receipt: string(f.receipt(h.Origin, l))}
}
