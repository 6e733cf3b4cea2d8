package store_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/exam"
	"examday/store"
	"examday/store/storetest"
)

// Issue 5, "The laptop's record": an Ed25519 key pair per hall file, the
// private half in a key file beside it; every event signed over its stored
// bytes; the log a Merkle tree (golang.org/x/mod/sumdb/tlog) with signed
// checkpoints (golang.org/x/mod/sumdb/note).

// recentSignatures is how many of the latest events' signatures Open
// verifies (store/verify.go); tests damage one older than that to reach
// VerifySignatures, and one within it to reach Open.
const recentSignatures = 100

func TestNewFileGetsItsOwnKeyInAFileBesideItOnlyItsOwnerCanRead(t *testing.T) {
	s, path := newStore(t)
	keyPath := store.KeyPath(path)
	if keyPath != path+".key" {
		t.Errorf("KeyPath = %s; want the hall file's path with .key", keyPath)
	}
	info, err := os.Stat(keyPath)
	if err != nil {
		t.Fatalf("no key file beside a new hall file: %v", err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v; want 0600", info.Mode().Perm())
	}
	key := readKeyFile(t, path)
	pub := key.priv.Public().(ed25519.PublicKey)
	if !bytes.Equal(pub, s.PublicKey()) {
		t.Errorf("the key file's public key %x is not the file's %x", pub, s.PublicKey())
	}
	// The key file is note's signer key, which note reads as it is.
	if signer := key.signer(t); signer.Name() != s.Origin() {
		t.Errorf("the key is named %q, the file's origin is %q", signer.Name(), s.Origin())
	}
	sum := sha256.Sum256(s.PublicKey())
	if s.DeviceID() != hex.EncodeToString(sum[:]) {
		t.Errorf("device id %s; want the SHA-256 of the public key, %x", s.DeviceID(), sum)
	}
	if epoch, err := hex.DecodeString(s.Epoch()); err != nil || len(epoch) != 16 {
		t.Errorf("epoch %q is not 16 bytes in hex", s.Epoch())
	}
	if want := "examday/" + s.DeviceID() + "/" + s.Epoch(); s.Origin() != want {
		t.Errorf("origin %q; want %q", s.Origin(), want)
	}

	// The day goes on across a reopen under the same key.
	first := mustDo(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{Name: "Аудитория 214", Date: "2027-08-12", Officer: officer, Chairman: "Жұмабеков Қ."},
			storetest.Roster(3), storetest.Base, officer)
	})
	device, epoch, vkey := s.DeviceID(), s.Epoch(), s.VerifierKey()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, path)
	if s.DeviceID() != device || s.Epoch() != epoch || s.VerifierKey() != vkey {
		t.Errorf("after a reopen: device %s epoch %s key %s; before %s %s %s", s.DeviceID(), s.Epoch(), s.VerifierKey(), device, epoch, vkey)
	}
	second := mustDo(t, s, clockJump(storetest.Base.Add(time.Minute)))
	for _, r := range append(first, second...) {
		if !ed25519.Verify(pub, r.Body, r.Signature) {
			t.Errorf("event %d is not signed by the file's key", r.Event.Seq)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// The private key is nowhere in the hall file: not its seed, not the
	// key file's text.
	hall, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(hall, key.priv.Seed()) || bytes.Contains(hall, []byte(strings.TrimSpace(key.text))) {
		t.Error("the private key is inside the hall file")
	}
	if !bytes.Contains(hall, pub) {
		t.Error("the public key is not in the hall file")
	}
}

// O_EXCL: a key file already where a new file's key would go is never
// overwritten; it may be the key of a hall file moved away.
func TestNewFileIsNotMadeOverAKeyFileAlreadyThere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hall.examday")
	other := newKeyFile(t)
	writeFile(t, store.KeyPath(path), []byte(other.text))

	s, err := store.Open(path, store.Options{Create: true})
	if err == nil {
		s.Close()
		t.Fatal("a new hall file was made over a key file already there")
	}
	if !errors.Is(err, store.ErrKeyExists) {
		t.Errorf("Open(Create) beside a key file: %v; want ErrKeyExists", err)
	}
	if b, _ := os.ReadFile(store.KeyPath(path)); string(b) != other.text {
		t.Error("the key file already there was changed")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a hall file was left behind: %v", err)
	}

	// Remove takes a hall file with its key, so that it can be made again.
	if err := store.Remove(path); err == nil {
		t.Error("Remove of a hall file that is not there said nothing")
	}
	if _, err := os.Stat(store.KeyPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Remove left the key file: %v", err)
	}
	s, err = store.Open(path, store.Options{Create: true})
	if err != nil {
		t.Fatalf("Open(Create) once the key file is gone: %v", err)
	}
	s.Close()
	if err := store.Remove(path); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, store.KeyPath(path)} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("Remove left %s", p)
		}
	}
}

// A file whose key file is missing, unreadable or another's opens
// read-only and says why; it can still be read, checked and its checkpoint
// given, and no key is made for it.
func TestFileWithoutItsKeyOpensReadOnlyWithTheReason(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, keyPath string)
		want   error
	}{
		{"key file missing", func(t *testing.T, keyPath string) {
			os.Remove(keyPath)
		}, store.ErrKeyMissing},
		{"another hall's key", func(t *testing.T, keyPath string) {
			writeFile(t, keyPath, []byte(newKeyFile(t).text))
		}, store.ErrKeyMismatch},
		{"not a key", func(t *testing.T, keyPath string) {
			writeFile(t, keyPath, []byte("examday key, honest\n"))
		}, store.ErrKeyMismatch},
		{"key file unreadable", func(t *testing.T, keyPath string) {
			if runtime.GOOS == "windows" || os.Geteuid() == 0 {
				t.Skip("no file mode keeps this user from reading it")
			}
			os.Chmod(keyPath, 0)
		}, store.ErrKeyMissing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := builtHall(t, 10, 40)
			c.break_(t, store.KeyPath(path))
			keyBefore, keyErr := os.ReadFile(store.KeyPath(path))
			before := fileSum(t, path)

			s := open(t, path)
			if err := s.Broken(); !errors.Is(err, c.want) {
				t.Fatalf("Broken() = %v; want %v", err, c.want)
			}
			t.Logf("%v", s.Broken())
			if !strings.Contains(s.Broken().Error(), store.KeyPath(path)) {
				t.Errorf("the reason does not name the key file: %v", s.Broken())
			}
			if _, err := s.Do(clockJump(storetest.Base.Add(time.Hour))); !errors.Is(err, store.ErrReadOnly) {
				t.Errorf("Do without the key: %v; want ErrReadOnly", err)
			}
			// Reading, checking and the checkpoint need no private key.
			if n := len(records(t, s)); n != 40 {
				t.Errorf("%d events readable; want 40", n)
			}
			if err := s.VerifySignatures(); err != nil {
				t.Errorf("VerifySignatures: %v", err)
			}
			cp, err := s.Checkpoint()
			if err != nil {
				t.Fatalf("Checkpoint: %v", err)
			}
			if _, err := note.Open(cp, note.VerifierList(verifierOf(t, s.VerifierKey()))); err != nil {
				t.Errorf("the checkpoint of a file without its key: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if fileSum(t, path) != before {
				t.Error("a file opened without its key was written to")
			}
			keyAfter, keyErrAfter := os.ReadFile(store.KeyPath(path))
			if !bytes.Equal(keyAfter, keyBefore) || (keyErr == nil) != (keyErrAfter == nil) {
				t.Error("the key file was made or changed")
			}
		})
	}
}

func verifierOf(t *testing.T, vkey string) note.Verifier {
	t.Helper()
	v, err := note.NewVerifier(vkey)
	if err != nil {
		t.Fatalf("NewVerifier(%q): %v", vkey, err)
	}
	return v
}

func TestEveryEventIsSignedOverItsStoredBytes(t *testing.T) {
	path := builtHall(t, 20, 300)
	s := open(t, path)
	recs := records(t, s)
	if len(recs) != 300 {
		t.Fatalf("%d events", len(recs))
	}
	for _, r := range recs {
		if len(r.Signature) != ed25519.SignatureSize || !ed25519.Verify(s.PublicKey(), r.Body, r.Signature) {
			t.Errorf("event %d: signature %x does not verify over its stored bytes", r.Event.Seq, r.Signature)
		}
	}
	if err := s.VerifySignatures(); err != nil {
		t.Errorf("VerifySignatures: %v", err)
	}
	// What Do returns is what is stored.
	got := mustDo(t, s, clockJump(storetest.Base.Add(time.Hour)))
	stored := records(t, s)[300]
	if !bytes.Equal(got[0].Signature, stored.Signature) || !ed25519.Verify(s.PublicKey(), stored.Body, stored.Signature) {
		t.Errorf("Do returned signature %x, stored %x", got[0].Signature, stored.Signature)
	}
}

// A damaged signature is found at its event: by Open within the latest
// events it checks, by VerifySignatures for any event. Either way the
// file becomes read-only and is not written to.
func TestDamagedSignatureIsFoundAtItsEvent(t *testing.T) {
	const total = 300
	old, recent := uint64(30), uint64(total-recentSignatures/2)
	flip := func(seq uint64) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			sig := getRec(tx, seq).sig
			sig[17] ^= 0x01
			return putSig(tx, seq, sig)
		}
	}
	byAnother := func(seq uint64) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			other := newKeyFile(t)
			return putSig(tx, seq, ed25519.Sign(other.priv, getRec(tx, seq).body))
		}
	}
	// schema4: what only the layout of schema 4 can hold, a signature
	// missing or cut short on its own, or one of an event not in the log
	// (the file made of schema 4, which is still read and checked). In
	// the record of schema 5 a signature taken out or cut short shifts the
	// event's bytes: the chain finds it at its event (check).
	cases := []struct {
		name    string
		tamper  func(tx *bolt.Tx) error
		seq     uint64
		atOpen  bool
		schema4 bool
		check   store.Check
	}{
		{"a bit flipped in an old signature", flip(old), old, false, false, ""},
		{"an old event signed by another key", byAnother(old), old, false, false, ""},
		{"a bit flipped in a recent signature", flip(recent), recent, true, false, ""},
		{"a recent event signed by another key", byAnother(recent), recent, true, false, ""},
		{"a bit flipped in a recent signature, schema 4", flip(recent), recent, true, true, ""},
		{"a recent event signed by another key, schema 4", byAnother(recent), recent, true, true, ""},
		{"a signature deleted", func(tx *bolt.Tx) error { return tx.Bucket(bucketSigs).Delete(seqKey(old)) }, old, true, true, ""},
		{"a signature cut short", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSigs).Put(seqKey(old), bytes.Clone(tx.Bucket(bucketSigs).Get(seqKey(old))[:63]))
		}, old, true, true, ""},
		{"a signature of an event not in the log", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSigs).Put(seqKey(total+1), make([]byte, 64))
		}, total + 1, true, true, ""},
		{"a signature taken out of its record", func(tx *bolt.Tx) error {
			r := getRec(tx, old)
			r.sig = nil
			return putRec(tx, old, r)
		}, old, true, false, store.CheckChain},
		{"a signature cut short in its record", func(tx *bolt.Tx) error {
			r := getRec(tx, old)
			r.sig = r.sig[:63]
			return putRec(tx, old, r)
		}, old, true, false, store.CheckChain},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := builtHall(t, 20, total)
			if c.schema4 {
				asSchema4(t, path)
			}
			if c.check == "" {
				c.check = store.CheckSignature
			}
			rawUpdate(t, path, c.tamper)
			before := fileSum(t, path)
			s := open(t, path)
			err := s.Broken()
			if !c.atOpen {
				if err != nil {
					t.Fatalf("Open: %v; Open verifies only the latest %d signatures", err, recentSignatures)
				}
				err = s.VerifySignatures()
				if s.Broken() == nil {
					t.Error("a signature that does not verify left the store writable")
				}
			}
			var chain *store.ChainError
			if !errors.As(err, &chain) || chain.Seq != c.seq || chain.Check != c.check {
				t.Fatalf("got %v; want a %s error at event %d", err, c.check, c.seq)
			}
			t.Logf("%v", err)
			if _, err := s.Do(clockJump(storetest.Base.Add(time.Hour))); !errors.Is(err, store.ErrReadOnly) {
				t.Errorf("Do: %v; want ErrReadOnly", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if fileSum(t, path) != before {
				t.Error("the file was written to")
			}
		})
	}
}

// The tree is RFC 6962's over the stored bodies, as tlog computes it from
// the events alone; the store proves inclusion and consistency with it.
func TestTreeIsTheRFC6962TreeOfTheStoredBodies(t *testing.T) {
	const total = 301 // not a power of two: the tree has a ragged edge
	path := builtHall(t, 20, total)
	bodies := bodiesOf(t, path)
	tr := newTreeOf(t, bodies)
	s := open(t, path)

	size, root := s.TreeHead()
	if size != total || root != tr.root(t, total) {
		t.Fatalf("TreeHead = %d %v; tlog over the bodies gives %d %v", size, root, total, tr.root(t, total))
	}
	if got := store.RootOf(records(t, s)); got != root {
		t.Errorf("RootOf(the records) = %v; TreeHead's root is %v", got, root)
	}
	if got, empty := store.RootOf(nil), tr.root(t, 0); got != empty {
		t.Errorf("RootOf(nothing) = %v; the empty tree's root is %v", got, empty)
	}
	indexes := make([]int64, tlog.StoredHashCount(total))
	for i := range indexes {
		indexes[i] = int64(i)
	}
	stored, err := s.ReadHashes(indexes)
	if err != nil {
		t.Fatal(err)
	}
	for i := range stored {
		if stored[i] != tr[i] {
			t.Fatalf("stored hash %d is %v; tlog gives %v", i, stored[i], tr[i])
		}
	}

	rng := rand.New(rand.NewPCG(5, 5))
	for range 50 {
		n := rng.Int64N(total)
		proof, err := tlog.ProveRecord(size, n, s)
		if err != nil {
			t.Fatalf("ProveRecord(%d, %d): %v", size, n, err)
		}
		if err := tlog.CheckRecord(proof, size, root, n, tlog.RecordHash(bodies[n])); err != nil {
			t.Errorf("event %d: its inclusion proof does not verify: %v", n+1, err)
		}
		if err := tlog.CheckRecord(proof, size, root, n, tlog.RecordHash(bodies[(n+1)%total])); err == nil {
			t.Errorf("event %d: the proof verifies another event's bytes", n+1)
		}
	}

	// The log grows; the older tree is a prefix of the newer.
	for i := range 40 {
		mustDo(t, s, clockJump(storetest.Base.Add(time.Hour+time.Duration(i)*time.Second)))
	}
	newSize, newRoot := s.TreeHead()
	proof, err := tlog.ProveTree(newSize, size, s)
	if err != nil {
		t.Fatal(err)
	}
	if newSize != total+40 || tlog.CheckTree(proof, newSize, newRoot, size, root) != nil {
		t.Errorf("the tree of %d events is not an extension of the tree of %d", newSize, size)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if got := newTreeOf(t, bodiesOf(t, path)); got.root(t, newSize) != newRoot {
		t.Error("after appending, the root is not tlog's over the bodies")
	}
}

// A stored tree hash edited, removed or added: the file opens read-only at
// the event whose hash it is.
func TestEditedTreeHashOpensReadOnlyAtItsEvent(t *testing.T) {
	const total = 60
	put := func(index int64, h []byte) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error { return tx.Bucket(bucketTree).Put(indexKey(index), h) }
	}
	changed := func(index int64) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			h := treeHash(tx, index)
			h[0] ^= 0x80
			return putTreeHash(tx, index, h)
		}
	}
	// cut takes the last n bytes of event seq's tree hashes out of its
	// record (schema 5): its bytes shift, and the chain finds it there.
	cut := func(seq uint64, n int) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			r := getRec(tx, seq)
			r.tree = r.tree[:len(r.tree)-n]
			return putRec(tx, seq, r)
		}
	}
	last := tlog.StoredHashCount(total) - 1
	// schema4: what only the layout of schema 4 can hold (a hash missing
	// on its own, one past the log, one of 31 bytes), tried on the file
	// made of schema 4, which is still read and checked.
	cases := []struct {
		name    string
		tamper  func(tx *bolt.Tx) error
		seq     uint64
		schema4 bool
		check   store.Check
	}{
		// Record n's hashes are stored with it, from StoredHashIndex(0, n):
		// its leaf, then the subtrees it completes.
		{"a leaf hash edited", changed(tlog.StoredHashIndex(0, 29)), 30, false, ""},
		{"an inner hash edited", changed(tlog.StoredHashIndex(2, 4)), 20, false, ""}, // records 16..19
		{"the last hash edited", changed(last), total, false, ""},
		{"a leaf hash edited, schema 4", changed(tlog.StoredHashIndex(0, 29)), 30, true, ""},
		{"an inner hash edited, schema 4", changed(tlog.StoredHashIndex(2, 4)), 20, true, ""},
		{"the last hash removed", func(tx *bolt.Tx) error { return tx.Bucket(bucketTree).Delete(indexKey(last)) }, total, true, ""},
		{"a hash added past the log", put(last+1, make([]byte, 32)), total + 1, true, ""},
		{"a hash cut short", put(tlog.StoredHashIndex(0, 9), make([]byte, 31)), 10, true, ""},
		{"the last hash taken out of its record", cut(total, 32), total, false, store.CheckChain},
		{"a hash cut short in its record", cut(10, 1), 10, false, store.CheckChain},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := builtHall(t, 20, total)
			if c.schema4 {
				asSchema4(t, path)
			}
			if c.check == "" {
				c.check = store.CheckTree
			}
			rawUpdate(t, path, c.tamper)
			before := fileSum(t, path)
			s := open(t, path)
			var chain *store.ChainError
			if !errors.As(s.Broken(), &chain) || chain.Seq != c.seq || chain.Check != c.check {
				t.Fatalf("Broken() = %v; want a %s error at event %d", s.Broken(), c.check, c.seq)
			}
			t.Logf("%v", chain)
			if _, err := s.Do(clockJump(storetest.Base.Add(time.Hour))); !errors.Is(err, store.ErrReadOnly) {
				t.Errorf("Do: %v; want ErrReadOnly", err)
			}
			s.Close()
			if fileSum(t, path) != before {
				t.Error("the file was written to")
			}
		})
	}
}

// The checkpoint is a note anyone verifies with the file's verifier key
// and standard code, and no other key verifies.
func TestCheckpointIsASignedNoteAnyoneCanVerify(t *testing.T) {
	path := builtHall(t, 20, 77)
	s := open(t, path)
	cp, err := s.Checkpoint()
	if err != nil {
		t.Fatal(err)
	}
	want, err := note.NewEd25519VerifierKey(s.Origin(), s.PublicKey())
	if err != nil || s.VerifierKey() != want {
		t.Errorf("VerifierKey() = %q; note.NewEd25519VerifierKey gives %q (%v)", s.VerifierKey(), want, err)
	}
	n, err := note.Open(cp, note.VerifierList(verifierOf(t, s.VerifierKey())))
	if err != nil {
		t.Fatalf("note.Open with the file's verifier: %v\n%s", err, cp)
	}
	size, root := s.TreeHead()
	if wantText := fmt.Sprintf("examday/%s/%s\n%d\n%s\n", s.DeviceID(), s.Epoch(), size, root); n.Text != wantText {
		t.Errorf("checkpoint text %q; want origin, size and root: %q", n.Text, wantText)
	}
	lines := strings.Split(n.Text, "\n")
	if got, err := tlog.ParseHash(lines[2]); err != nil || got != root || lines[1] != "77" {
		t.Errorf("checkpoint size %q root %q; want 77 and %v", lines[1], lines[2], root)
	}

	// Another key, even under the same name, does not verify it.
	_, otherKey, err := note.GenerateKey(nil, s.Origin())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := note.Open(cp, note.VerifierList(verifierOf(t, otherKey))); err == nil {
		t.Error("another key's verifier accepted the checkpoint")
	} else {
		t.Logf("another key: %v", err)
	}

	// Each commit signs the new tree.
	mustDo(t, s, clockJump(storetest.Base.Add(time.Hour)))
	cp2, err := s.Checkpoint()
	if err != nil {
		t.Fatal(err)
	}
	n2, err := note.Open(cp2, note.VerifierList(verifierOf(t, s.VerifierKey())))
	if err != nil || !strings.Contains(n2.Text, "\n78\n") {
		t.Errorf("checkpoint after one more event: %v %q", err, n2.Text)
	}
}

// The checkpoint stored in the file is checked at Open against the root
// recomputed from the events: one signed by another key, or one of an
// older tree, opens the file read-only.
func TestStoredCheckpointIsCheckedAgainstTheEvents(t *testing.T) {
	const total = 50
	cases := []struct {
		name   string
		tamper func(t *testing.T, path string) func(tx *bolt.Tx) error
		seq    uint64
	}{
		{"signed by another key", func(t *testing.T, path string) func(tx *bolt.Tx) error {
			other := newKeyFile(t)
			other.origin = readKeyFile(t, path).origin
			tr := newTreeOf(t, bodiesOf(t, path))
			cp := checkpointOf(t, other, total, tr.root(t, total))
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("checkpoint"), cp) }
		}, total},
		// A commit signs a new checkpoint once the kept one is 32 events
		// behind: one further behind is not this log's.
		{"of a tree 40 events older", func(t *testing.T, path string) func(tx *bolt.Tx) error {
			tr := newTreeOf(t, bodiesOf(t, path))
			cp := checkpointOf(t, readKeyFile(t, path), total-40, tr.root(t, total-40))
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("checkpoint"), cp) }
		}, total - 39},
		{"of an older tree with another root", func(t *testing.T, path string) func(tx *bolt.Tx) error {
			tr := newTreeOf(t, bodiesOf(t, path))
			cp := checkpointOf(t, readKeyFile(t, path), total-5, tr.root(t, total-6))
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("checkpoint"), cp) }
		}, total - 5},
		{"of a tree ahead of the log", func(t *testing.T, path string) func(tx *bolt.Tx) error {
			tr := newTreeOf(t, bodiesOf(t, path))
			cp := checkpointOf(t, readKeyFile(t, path), total+1, tr.root(t, total))
			return func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put([]byte("checkpoint"), cp) }
		}, total + 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := builtHall(t, 20, total)
			rawUpdate(t, path, c.tamper(t, path))
			s := open(t, path)
			var chain *store.ChainError
			if !errors.As(s.Broken(), &chain) || chain.Seq != c.seq || chain.Check != store.CheckCheckpoint {
				t.Fatalf("Broken() = %v; want a checkpoint error at event %d", s.Broken(), c.seq)
			}
			t.Logf("%v", chain)
		})
	}
}

// A forger who has the file but not its key edits an old event, links
// every later one to it again and makes the tree again: the chain and the
// tree hold, but the signatures do not. Open finds it at the first of the
// latest events whose signature it checks (every later body changed with
// its prev), then checks every signature before that one and names the
// edited event itself, as VerifySignatures does.
func TestAnEditWithoutTheKeyIsFound(t *testing.T) {
	const total, victim = 300, 30
	path := builtHall(t, 20, total)
	rawUpdate(t, path, forgeFrom(victim, func(body []byte) []byte {
		return bytes.Replace(body, []byte(`"ticket":"`), []byte(`"ticket":"9`), 1)
	}))
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		var bodies [][]byte
		tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			bodies = append(bodies, bytes.Clone(bodyIn(tx, binary.BigEndian.Uint64(k), v)))
			return nil
		})
		for i, h := range newTreeOf(t, bodies) {
			if err := putTreeHash(tx, int64(i), bytes.Clone(h[:])); err != nil {
				return err
			}
		}
		return nil
	})
	s := open(t, path)
	var chain *store.ChainError
	if !errors.As(s.Broken(), &chain) || chain.Seq != victim || chain.Check != store.CheckSignature {
		t.Fatalf("Broken() = %v; want a signature error at event %d", s.Broken(), victim)
	}
	if err := s.VerifySignatures(); !errors.As(err, &chain) || chain.Seq != victim || chain.Check != store.CheckSignature {
		t.Errorf("VerifySignatures = %v; want a signature error at event %d", err, victim)
	}
}

// A file of an older schema (before events were signed) opens read-only
// and stays byte for byte as it was: no open signs events it did not just
// record, nor makes a key for them, nor adds a bucket.
func TestAnOlderFileOpensReadOnlyAndIsNeverSigned(t *testing.T) {
	for _, from := range []int{2, 1} {
		t.Run(fmt.Sprintf("schema %d", from), func(t *testing.T) {
			const total = 25
			path := builtHall(t, 10, total)
			s := open(t, path)
			wantState, wantLog := snapshot(t, s.Hall()), records(t, s)
			s.Close()
			downgrade(t, path, from)
			sum, before := fileSum(t, path), layoutOf(t, path)

			for _, opts := range []store.Options{{}, {ReadOnly: true}, {CheckStateLater: true}} {
				s, err := store.Open(path, opts)
				if err != nil {
					t.Fatalf("Open(%+v): %v", opts, err)
				}
				if !errors.Is(s.Broken(), store.ErrOldSchema) {
					t.Errorf("Open(%+v): Broken() = %v; want ErrOldSchema", opts, s.Broken())
				}
				if got := snapshot(t, s.Hall()); got != wantState {
					t.Errorf("the state read from an old file differs")
				}
				for i, r := range records(t, s) {
					if !bytes.Equal(r.Body, wantLog[i].Body) || r.Signature != nil {
						t.Errorf("event %d: changed or signed (%x)", i+1, r.Signature)
					}
				}
				if _, err := s.Do(clockJump(storetest.Base.Add(time.Hour))); !errors.Is(err, store.ErrReadOnly) {
					t.Errorf("Do on an old file: %v; want ErrReadOnly", err)
				}
				if err := s.VerifySignatures(); !errors.Is(err, store.ErrUnsigned) {
					t.Errorf("VerifySignatures: %v; want ErrUnsigned", err)
				}
				s.Close()
			}
			if fileSum(t, path) != sum || layoutOf(t, path) != before {
				t.Errorf("an old file was written to: %s, was %s", layoutOf(t, path), before)
			}
			if _, err := os.Stat(store.KeyPath(path)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a key file was made for an old file: %v", err)
			}
		})
	}
}

func bodiesOf2(recs []store.Record) [][]byte {
	out := make([][]byte, len(recs))
	for i, r := range recs {
		out[i] = r.Body
	}
	return out
}

func mustCheckpoint(t *testing.T, s *store.Store) []byte {
	t.Helper()
	cp, err := s.Checkpoint()
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

// A signed file whose schema number was lowered is not old but damaged:
// taken at its word, an open once re-signed every event with the key
// beside it, so an event edited with its chain recomputed came out signed
// and verified. Now such a file is refused, and left as it was.
func TestALoweredSchemaNumberIsDamagedNotOld(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(tx *bolt.Tx) error
	}{
		{"schema 2 over a signed file", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put([]byte("schema"), []byte("2"))
		}},
		{"schema 2, the signatures and tree dropped, the key record kept", func(tx *bolt.Tx) error {
			if err := toRecordsOfSchema4(tx); err != nil {
				return err
			}
			for _, name := range [][]byte{bucketSigs, bucketTree, bucketDelivery} {
				if err := tx.DeleteBucket(name); err != nil {
					return err
				}
			}
			return tx.Bucket(bucketMeta).Put([]byte("schema"), []byte("2"))
		}},
		{"schema 4 over a file of schema 5", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put([]byte("schema"), []byte("4"))
		}},
		{"schema 5 holding the signatures bucket of schema 4", func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket(bucketSigs)
			return err
		}},
		{"schema 5 holding the tree bucket of schema 4", func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket(bucketTree)
			return err
		}},
		{"schema 3 over a file with the delivery bucket", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put([]byte("schema"), []byte("3"))
		}},
		{"schema 2 and an event edited, its chain recomputed", func(tx *bolt.Tx) error {
			events := tx.Bucket(bucketEvents)
			var prev [32]byte
			c := events.Cursor()
			for k, v := c.First(); k != nil; k, v = c.Next() {
				body := bytes.Clone(bodyIn(tx, binary.BigEndian.Uint64(k), v))
				if binary.BigEndian.Uint64(k) == 5 {
					body = bytes.Replace(body, []byte(`"actor":"`), []byte(`"actor":"X`), 1)
				}
				if binary.BigEndian.Uint64(k) > 1 {
					var ev map[string]any
					if err := json.Unmarshal(body, &ev); err != nil {
						return err
					}
					ev["prev"] = hex.EncodeToString(prev[:])
					var err error
					if body, err = json.Marshal(ev); err != nil {
						return err
					}
				}
				prev = sha256.Sum256(body)
				if err := events.Put(bytes.Clone(k), append(prev[:], body...)); err != nil {
					return err
				}
			}
			for _, name := range [][]byte{bucketSigs, bucketTree, bucketDelivery} {
				if tx.Bucket(name) == nil {
					continue // a file of schema 5 has none
				}
				if err := tx.DeleteBucket(name); err != nil {
					return err
				}
			}
			return tx.Bucket(bucketMeta).Put([]byte("schema"), []byte("2"))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := builtHall(t, 10, 25)
			rawUpdate(t, path, c.tamper)
			sum := fileSum(t, path)
			key, _ := os.ReadFile(store.KeyPath(path))
			for _, opts := range []store.Options{{}, {ReadOnly: true}} {
				s, err := store.Open(path, opts)
				if err == nil {
					t.Errorf("Open(%+v) took the file; Broken() = %v", opts, s.Broken())
					s.Close()
					continue
				}
				if !errors.Is(err, store.ErrDamaged) {
					t.Errorf("Open(%+v) = %v; want ErrDamaged", opts, err)
				}
			}
			if fileSum(t, path) != sum {
				t.Error("the file was written to")
			}
			if after, _ := os.ReadFile(store.KeyPath(path)); !bytes.Equal(after, key) {
				t.Error("the key file was changed")
			}
		})
	}
}

// A file of an older schema that does not verify, or whose key file beside
// it is not a key, is not upgraded: it opens read-only, byte for byte as
// it was, and no key is made for it.
func TestAnOlderFileThatCannotBeTrustedIsNotUpgraded(t *testing.T) {
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
		want   error
	}{
		{"its chain broken", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				events := tx.Bucket(bucketEvents)
				v := bytes.Clone(events.Get(seqKey(12)))
				v[40] ^= 0x20
				return events.Put(seqKey(12), v)
			})
		}, nil},
		{"a key file beside it that is not a key", func(t *testing.T, path string) {
			writeFile(t, store.KeyPath(path), []byte("PRIVATE+KEY+nothing\n"))
		}, store.ErrOldSchema},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := builtHall(t, 10, 25)
			downgrade(t, path, 2)
			c.damage(t, path)
			sum, layoutBefore := fileSum(t, path), layoutOf(t, path)
			keyBefore, _ := os.ReadFile(store.KeyPath(path))

			s := open(t, path)
			var chain *store.ChainError
			switch err := s.Broken(); {
			case c.want == nil && (!errors.As(err, &chain) || chain.Seq != 12):
				t.Errorf("Broken() = %v; want the chain broken at 12", err)
			case c.want != nil && !errors.Is(err, c.want):
				t.Errorf("Broken() = %v; want %v", err, c.want)
			}
			t.Logf("%v", s.Broken())
			if err := s.VerifySignatures(); !errors.Is(err, store.ErrUnsigned) {
				t.Errorf("VerifySignatures on an unsigned file: %v; want ErrUnsigned", err)
			}
			if _, err := s.Checkpoint(); !errors.Is(err, store.ErrUnsigned) {
				t.Errorf("Checkpoint of an unsigned file: %v; want ErrUnsigned", err)
			}
			if size, _ := s.TreeHead(); c.want != nil && size != 25 {
				t.Errorf("TreeHead of an unsigned file: size %d; want the 25 events' tree", size)
			}
			s.Close()
			if fileSum(t, path) != sum || layoutOf(t, path) != layoutBefore {
				t.Errorf("the file was written to: %s, was %s", layoutOf(t, path), layoutBefore)
			}
			keyAfter, _ := os.ReadFile(store.KeyPath(path))
			if !bytes.Equal(keyAfter, keyBefore) {
				t.Errorf("the key file beside it was made or changed: %q", keyAfter)
			}
		})
	}
}

// The crash test's writer reports each event with its signature; this is
// what it prints, read back the same way.
func TestSignedAckLineRoundTrips(t *testing.T) {
	s, _ := newStore(t)
	mustDo(t, s, func(h *exam.Hall) ([]exam.Event, error) {
		return h.CreateHall(exam.HallSetup{Name: "A", Date: "2027-08-12", Officer: officer, Chairman: "C"}, storetest.Roster(2), storetest.Base, officer)
	})
	for _, r := range records(t, s) {
		line := ackLine(r)
		a, ok := parseAck(strings.TrimSpace(line))
		if !ok || a.seq != r.Event.Seq || a.hash != r.Hash || !bytes.Equal(a.sig, r.Signature) {
			t.Errorf("%q read back as %+v", line, a)
		}
	}
	if _, ok := parseAck("ACK 3 " + strings.Repeat("ab", 32) + " " + strconv.Quote("x")); ok {
		t.Error("a cut ACK line was read")
	}
}

// storedCheckpointSize reads the size the checkpoint kept in a closed
// file signs.
func storedCheckpointSize(t *testing.T, path string) int64 {
	t.Helper()
	var size int64
	readOnly(t, path, func(tx *bolt.Tx) error {
		text, _, _ := strings.Cut(string(tx.Bucket(bucketMeta).Get([]byte("checkpoint"))), "\n\n")
		lines := strings.Split(text, "\n")
		var err error
		size, err = strconv.ParseInt(lines[1], 10, 64)
		return err
	})
	return size
}

// The checkpoint kept in the file is signed every 32 events and at Close;
// a program killed between leaves one of fewer events, which Open accepts
// (its root is the root of the first events) and the next commit or Close
// brings up to date. Checkpoint always signs the whole log.
func TestCheckpointIsKeptEveryFewEventsAndAtClose(t *testing.T) {
	path := builtHall(t, 20, 60)
	if got := storedCheckpointSize(t, path); got != 60 {
		t.Fatalf("closed with a checkpoint of %d events, want 60", got)
	}
	s := open(t, path)
	for i := range 10 {
		mustDo(t, s, clockJump(storetest.Base.Add(time.Duration(i+1)*time.Hour)))
	}
	cp := mustCheckpoint(t, s)
	if n, err := note.Open(cp, note.VerifierList(verifierOf(t, s.VerifierKey()))); err != nil || !strings.Contains(n.Text, "\n70\n") {
		t.Fatalf("Checkpoint after 10 more events: %v %q", err, n.Text)
	}
	// A crash now: copy the file as it is on disk, without Close.
	crashed := filepath.Join(t.TempDir(), "crashed.db")
	copyFile(t, path, crashed)
	copyFile(t, store.KeyPath(path), store.KeyPath(crashed))
	if got := storedCheckpointSize(t, crashed); got != 60 {
		t.Fatalf("the file on disk keeps a checkpoint of %d events, want 60 (signed at the last Close)", got)
	}
	c := open(t, crashed)
	if err := c.Broken(); err != nil {
		t.Fatalf("a file with a checkpoint 10 events behind opened broken: %v", err)
	}
	if c.CheckpointSize() != 70 {
		t.Errorf("CheckpointSize of the reopened file = %d, want 70 (its key can sign)", c.CheckpointSize())
	}
	c.Close()
	if got := storedCheckpointSize(t, crashed); got != 70 {
		t.Errorf("Close kept a checkpoint of %d events, want 70", got)
	}

	for i := range 30 {
		mustDo(t, s, clockJump(storetest.Base.Add(time.Duration(i+20)*time.Hour)))
	}
	s.Close()
	if got := storedCheckpointSize(t, path); got != 100 {
		t.Errorf("after 40 more events and Close: a checkpoint of %d, want 100", got)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
