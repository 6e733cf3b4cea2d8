package central_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
	"examday/central"
	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// laptop is a hall file as a test sees it: its whole log as one parsed
// bundle, its tree, and the signer of its key file, so that a bundle of
// any range, with a checkpoint at its end, can be cut from it as the
// laptop would have written it when its log was that long.
type laptop struct {
	path   string
	pub    ed25519.PublicKey
	signer note.Signer
	full   *bundle.Bundle
	tree   treeHashes // stored hashes of the whole log, by tlog index
}

// treeHashes is a tree's stored hashes in index order.
type treeHashes []tlog.Hash

func (m treeHashes) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, index := range indexes {
		if index < 0 || index >= int64(len(m)) {
			return nil, fmt.Errorf("tree hash %d is not there", index)
		}
		out[i] = m[index]
	}
	return out, nil
}

// newLaptop builds a hall file of n events with storetest.BuildHall.
func newLaptop(tb testing.TB, dir string, examinees, n int) *laptop {
	tb.Helper()
	path := filepath.Join(dir, "hall.db")
	storetest.BuildHall(tb, path, examinees, n)
	return openLaptop(tb, path)
}

// openLaptop reads a hall file's whole log and its key.
func openLaptop(tb testing.TB, path string) *laptop {
	tb.Helper()
	s, err := store.Open(path, store.Options{Program: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	data, err := s.Bundle(1)
	pub := s.PublicKey()
	s.Close()
	if err != nil {
		tb.Fatal(err)
	}
	full, err := bundle.Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	_, hashes, err := full.Tree()
	if err != nil {
		tb.Fatal(err)
	}
	text, err := os.ReadFile(store.KeyPath(path))
	if err != nil {
		tb.Fatal(err)
	}
	signer, err := note.NewSigner(strings.TrimSpace(string(text)))
	if err != nil {
		tb.Fatal(err)
	}
	return &laptop{path: path, pub: pub, signer: signer, full: full, tree: hashes}
}

func (l *laptop) size() uint64   { return l.full.Header.Last }
func (l *laptop) device() string { return l.full.Header.Device }
func (l *laptop) origin() string { return l.full.Header.Origin }

// root is the root of the laptop's log when it was n events long.
func (l *laptop) root(n uint64) tlog.Hash {
	r, err := tlog.TreeHash(int64(n), l.tree)
	if err != nil {
		panic(err)
	}
	return r
}

// cut is the bundle of events from … to, as the laptop would have written
// it when its log ended at to.
func (l *laptop) cut(tb testing.TB, from, to uint64) []byte {
	tb.Helper()
	h := l.full.Header
	h.Prev = strings.Repeat("0", 64)
	h.Frontier = []tlog.Hash{}
	if from > 1 {
		sum := l.full.Events[from-2].Hash()
		h.Prev = hex.EncodeToString(sum[:])
		f, err := l.tree.ReadHashes(bundle.FrontierIndexes(int64(from - 1)))
		if err != nil {
			tb.Fatal(err)
		}
		h.Frontier = f
	}
	cp := l.checkpoint(tb, h.Origin, to)
	data, err := bundle.Encode(h, l.full.Events[from-1:to], cp)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func (l *laptop) checkpoint(tb testing.TB, origin string, n uint64) []byte {
	cp, err := note.Sign(&note.Note{Text: fmt.Sprintf("%s\n%d\n%s\n", origin, n, l.root(n))}, l.signer)
	if err != nil {
		tb.Fatal(err)
	}
	return cp
}

// appendJumps adds n clock.jump events to a hall file through the store,
// jump seconds each: two copies given different jumps diverge.
func appendJumps(tb testing.TB, path string, n int, jump time.Duration) {
	tb.Helper()
	s, err := store.Open(path, store.Options{Program: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	at := storetest.Base.Add(24 * time.Hour)
	_, err = s.Do(func(h *exam.Hall) ([]exam.Event, error) {
		out := make([]exam.Event, n)
		for i := range out {
			var err error
			if out[i], err = h.ClockJumped(jump, time.Second, at.Add(time.Duration(i)*time.Second)); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// copyHallFile copies a hall file and its key file, as a restore from a
// backup would.
func copyHallFile(tb testing.TB, from, to string) {
	tb.Helper()
	for _, p := range [][2]string{{from, to}, {store.KeyPath(from), store.KeyPath(to)}} {
		b, err := os.ReadFile(p[0])
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p[1], b, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
}

// newCentral makes a central record in a temporary directory.
func newCentral(tb testing.TB) *central.DB {
	tb.Helper()
	db, err := central.Open(filepath.Join(tb.TempDir(), "central.db"), central.Options{Create: true, Program: "test"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// enroll registers a laptop's key with the central record, as `examday
// enroll` does.
func enroll(tb testing.TB, db *central.DB, pub ed25519.PublicKey, hall string) central.EnrollResponse {
	tb.Helper()
	token, err := db.NewToken(hall)
	if err != nil {
		tb.Fatal(err)
	}
	sum := sha256.Sum256(pub)
	resp, err := db.Enroll(central.EnrollRequest{Token: token, Device: hex.EncodeToString(sum[:]), PublicKey: base64.StdEncoding.EncodeToString(pub)}, "file", "test")
	if err != nil {
		tb.Fatal(err)
	}
	return resp
}

func refusalOf(err error) *central.Refusal {
	var r *central.Refusal
	if errors.As(err, &r) {
		return r
	}
	return nil
}

// holds checks that the central holds exactly the laptop's first n
// events: each stored body and signature the laptop's (0 lost, 0
// unexpected, 0 duplicated), its root the laptop's root at n, and a
// receipt for n that verifies with the central's key.
func holds(tb testing.TB, db *central.DB, l *laptop, n uint64) {
	tb.Helper()
	var seen uint64
	err := db.Events(l.origin(), 1, func(seq uint64, body, sig []byte) error {
		seen++
		if seq != seen {
			return fmt.Errorf("event %d stored where %d should be", seq, seen)
		}
		if seq > l.size() {
			return fmt.Errorf("event %d is not the laptop's", seq)
		}
		e := l.full.Events[seq-1]
		if !bytes.Equal(body, e.Body) || !bytes.Equal(sig, e.Signature) {
			return fmt.Errorf("event %d is not the laptop's", seq)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if seen != n {
		tb.Fatalf("%s: the central holds %d events, want %d", l.origin()[:20], seen, n)
	}
	logs, err := db.Logs()
	if err != nil {
		tb.Fatal(err)
	}
	for _, lg := range logs {
		if lg.Origin != l.origin() {
			continue
		}
		if lg.Size != int64(n) || lg.Root != l.root(n) {
			tb.Fatalf("stored log size %d root %s, laptop's at %d: %s", lg.Size, lg.Root, n, l.root(n))
		}
		r, err := central.OpenReceipt([]byte(lg.Receipt), db.VerifierKey())
		if err != nil || r.Size != int64(n) || r.Root != l.root(n) || r.Origin != l.origin() {
			tb.Fatalf("receipt %+v: %v", r, err)
		}
		return
	}
	if n > 0 {
		tb.Fatalf("no log %s", l.origin())
	}
}

func snapshot(tb testing.TB, db *central.DB) (string, int) {
	tb.Helper()
	s, n, err := central.SnapshotForTest(db)
	if err != nil {
		tb.Fatal(err)
	}
	return s, n
}

func readKeyText(tb testing.TB, hallPath string) string {
	tb.Helper()
	text, err := os.ReadFile(store.KeyPath(hallPath))
	if err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSpace(string(text))
}

func decodeStd(s string) ([]byte, error) { return base64.StdEncoding.DecodeString(s) }
