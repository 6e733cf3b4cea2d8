package central_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
	"examday/central"
)

// The fuzz target needs bundles signed by a key it can enrol in every
// run, so its seed corpus stays valid: a synthetic log of 60 events in
// the store's event format, signed by a key made from a fixed seed.

const synthEvents = 60

var synth = sync.OnceValue(func() *laptop {
	seed := bytes.Repeat([]byte{7}, ed25519.SeedSize)
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	sum := sha256.Sum256(pub)
	device := hex.EncodeToString(sum[:])
	epoch := strings.Repeat("5e", 16)
	origin := "examday/" + device + "/" + epoch
	vkey, err := note.NewEd25519VerifierKey(origin, pub)
	if err != nil {
		panic(err)
	}
	name, rest, _ := strings.Cut(vkey, "+")
	hash, _, _ := strings.Cut(rest, "+")
	signer, err := note.NewSigner("PRIVATE+KEY+" + name + "+" + hash + "+" + base64.StdEncoding.EncodeToString(append([]byte{1}, seed...)))
	if err != nil {
		panic(err)
	}
	at := time.Date(2027, 8, 12, 8, 0, 0, 0, time.UTC)
	prev := strings.Repeat("0", 64)
	events := make([]bundle.Event, synthEvents)
	var hashes treeHashes
	for i := range events {
		seq := uint64(i + 1)
		var body string
		switch {
		case seq == 1:
			body = fmt.Sprintf(`{"seq":1,"at":"%s","type":"hall.created","actor":"officer","data":{"name":"Synthetic 1"},"prev":"%s"}`, at.Format(time.RFC3339Nano), prev)
		case seq%3 == 0:
			body = fmt.Sprintf(`{"seq":%d,"at":"%s","type":"examinee.arrived","examinee":"S%03d","actor":"officer","data":{"id_document_checked":true},"prev":"%s"}`,
				seq, at.Add(time.Duration(i)*time.Second).Format(time.RFC3339Nano), seq, prev)
		default:
			body = fmt.Sprintf(`{"seq":%d,"at":"%s","type":"clock.jump","actor":"examday","data":{"jump_s":%d},"prev":"%s"}`,
				seq, at.Add(time.Duration(i)*time.Second).Format(time.RFC3339Nano), i, prev)
		}
		events[i] = bundle.Event{Seq: seq, Body: []byte(body), Signature: ed25519.Sign(priv, []byte(body))}
		h := events[i].Hash()
		prev = hex.EncodeToString(h[:])
		hs, err := tlog.StoredHashes(int64(i), events[i].Body, hashes)
		if err != nil {
			panic(err)
		}
		hashes = append(hashes, hs...)
	}
	l := &laptop{pub: pub, signer: signer, tree: hashes}
	l.full = &bundle.Bundle{Header: bundle.Header{Device: device, Epoch: epoch, Origin: origin, Key: vkey, First: 1, Last: synthEvents,
		Prev: strings.Repeat("0", 64), Frontier: []tlog.Hash{}}, Events: events}
	return l
})

// fuzzSeeds are valid bundles of the synthetic log and a few damaged ones.
func fuzzSeeds(tb testing.TB) [][]byte {
	l := synth()
	out := [][]byte{l.cut(tb, 1, 10), l.cut(tb, 11, 30), l.cut(tb, 5, 40), l.cut(tb, 41, 60), l.cut(tb, 1, 60), l.cut(tb, 60, 60)}
	cut := l.cut(tb, 11, 20)
	out = append(out, cut[:len(cut)/2], rewrite(cut, func(ls [][]byte) [][]byte { return append(ls[:4:4], ls[5:]...) }))
	return out
}

// TestWriteFuzzSeeds writes the seed corpora of FuzzIngest and of
// bundle's FuzzParse when EXAMDAY_WRITE_FUZZ_SEEDS=1.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("EXAMDAY_WRITE_FUZZ_SEEDS") != "1" {
		t.Skip("EXAMDAY_WRITE_FUZZ_SEEDS=1 writes the seed corpora")
	}
	for _, dir := range []string{"testdata/fuzz/FuzzIngest", "../bundle/testdata/fuzz/FuzzParse"} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, data := range fuzzSeeds(t) {
			text := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// The committed seeds are those the synthetic log gives today: if the
// event format or the key changed, they would test nothing.
func TestFuzzSeedsAreCurrent(t *testing.T) {
	for i, data := range fuzzSeeds(t) {
		raw, err := os.ReadFile(filepath.Join("testdata/fuzz/FuzzIngest", fmt.Sprintf("seed-%02d", i)))
		if err != nil {
			t.Fatal(err)
		}
		want := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
		if string(raw) != want {
			t.Fatalf("seed %d is stale: EXAMDAY_WRITE_FUZZ_SEEDS=1 go test ./central -run TestWriteFuzzSeeds", i)
		}
	}
}

// FuzzIngest feeds anything to a central record that enrolled the
// synthetic laptop and holds its first 10 events. Whatever comes: no
// panic; a refusal has a status of the API and changes nothing but the
// audit; what is taken is exactly the laptop's events, and the stored log
// verifies.
func FuzzIngest(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	l := synth()
	db, err := central.Open(filepath.Join(f.TempDir(), "central.db"), central.Options{Create: true, Program: "fuzz"})
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	central.SetNoSyncForTest(db)
	enroll(f, db, l.pub, "Synthetic")
	if _, err := db.Ingest(l.cut(f, 1, 10), "file", "seed"); err != nil {
		f.Fatal(err)
	}
	statuses := map[int]bool{400: true, 403: true, 409: true, 413: true, 422: true}
	f.Fuzz(func(t *testing.T, data []byte) {
		before, audits := snapshot(t, db)
		res, err := db.Ingest(data, "file", "fuzz")
		after, audits2 := snapshot(t, db)
		if audits2 != audits+1 {
			t.Fatalf("%d audit rows added", audits2-audits)
		}
		if err != nil {
			ref := refusalOf(err)
			if ref == nil || !statuses[ref.Status] || ref.Body.Error == "" {
				t.Fatalf("refused with %v", err)
			}
			if ref.Status == 409 {
				t.Fatalf("a fork without the laptop's key: %+v", ref.Body)
			}
			if after != before {
				t.Fatal("a refusal changed the file")
			}
			return
		}
		if res.Result == central.ResultDuplicate && after != before {
			t.Fatal("a duplicate changed the file")
		}
		var size uint64
		db.Events(l.origin(), 1, func(seq uint64, body, sig []byte) error {
			size = seq
			if seq > synthEvents || !bytes.Equal(body, l.full.Events[seq-1].Body) {
				t.Fatalf("event %d taken is not the laptop's", seq)
			}
			return nil
		})
		if int64(size) != res.Size {
			t.Fatalf("holds %d, says %d", size, res.Size)
		}
		if err := db.CheckLogs(); err != nil {
			t.Fatal(err)
		}
	})
}
