package store_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/store"
)

// The signed layout of schema 3, as store.go documents it, for tests that
// read or tamper with a file directly.
var (
	bucketSigs = []byte("sigs")
	bucketTree = []byte("tlog")
	metaKeys   = []string{"public_key", "device", "epoch", "checkpoint", "signed_at_upgrade"}
)

func indexKey(index int64) []byte { return binary.BigEndian.AppendUint64(nil, uint64(index)) }

// bodiesOf reads every stored body of a closed file, in order.
func bodiesOf(t *testing.T, path string) [][]byte {
	t.Helper()
	var bodies [][]byte
	readOnly(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
			bodies = append(bodies, bytes.Clone(bodyIn(tx, binary.BigEndian.Uint64(k), v)))
			return nil
		})
	})
	return bodies
}

func readOnly(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.View(fn); err != nil {
		t.Fatal(err)
	}
}

// txID is the id of the last transaction committed to a closed file: one
// more per Update.
func txID(t *testing.T, path string) int {
	t.Helper()
	var id int
	readOnly(t, path, func(tx *bolt.Tx) error { id = tx.ID(); return nil })
	return id
}

// treeOf builds the RFC 6962 tree over bodies with tlog alone, as anyone
// holding the events would: its stored hashes, in index order.
type treeOf []tlog.Hash

func newTreeOf(t *testing.T, bodies [][]byte) treeOf {
	t.Helper()
	var tr treeOf
	for i, body := range bodies {
		hs, err := tlog.StoredHashes(int64(i), body, &tr)
		if err != nil {
			t.Fatal(err)
		}
		tr = append(tr, hs...)
	}
	return tr
}

func (tr *treeOf) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, index := range indexes {
		if index >= int64(len(*tr)) {
			return nil, fmt.Errorf("no hash %d", index)
		}
		out[i] = (*tr)[index]
	}
	return out, nil
}

func (tr *treeOf) root(t *testing.T, n int64) tlog.Hash {
	t.Helper()
	h, err := tlog.TreeHash(n, tr)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// keyFile is a signing key as a key file holds it: note's signer-key
// encoding, named by the origin of a file of that key and epoch.
type keyFile struct {
	priv   ed25519.PrivateKey
	origin string
	text   string
}

// newKeyFile makes a key and its key file's text the way examday would.
func newKeyFile(t *testing.T) keyFile {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	epoch := make([]byte, 16)
	rand.Read(epoch)
	sum := sha256.Sum256(pub)
	origin := "examday/" + hex.EncodeToString(sum[:]) + "/" + hex.EncodeToString(epoch)
	vkey, err := note.NewEd25519VerifierKey(origin, pub)
	if err != nil {
		t.Fatal(err)
	}
	hash := strings.Split(vkey, "+")[1]
	text := "PRIVATE+KEY+" + origin + "+" + hash + "+" + base64.StdEncoding.EncodeToString(append([]byte{1}, priv.Seed()...)) + "\n"
	return keyFile{priv: priv, origin: origin, text: text}
}

// readKeyFile reads a hall file's key file as a forger who copied it would.
func readKeyFile(t *testing.T, path string) keyFile {
	t.Helper()
	text, err := os.ReadFile(store.KeyPath(path))
	if err != nil {
		t.Fatal(err)
	}
	f := strings.SplitN(strings.TrimSpace(string(text)), "+", 5)
	raw, err := base64.StdEncoding.DecodeString(f[4])
	if err != nil || len(raw) != 33 {
		t.Fatalf("key file %q: %v", text, err)
	}
	return keyFile{priv: ed25519.NewKeyFromSeed(raw[1:]), origin: f[2], text: string(text)}
}

func (k keyFile) signer(t *testing.T) note.Signer {
	t.Helper()
	s, err := note.NewSigner(strings.TrimSpace(k.text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkpointOf signs a checkpoint of a tree with key k.
func checkpointOf(t *testing.T, k keyFile, size int64, root tlog.Hash) []byte {
	t.Helper()
	cp, err := note.Sign(&note.Note{Text: fmt.Sprintf("%s\n%d\n%s\n", k.origin, size, root)}, k.signer(t))
	if err != nil {
		t.Fatal(err)
	}
	return cp
}

// reseal signs the log inside tx again from nothing with key k, as a
// forger who holds the key file would after editing events: every
// signature, every tree hash and the checkpoint made anew.
func reseal(t *testing.T, k keyFile) func(tx *bolt.Tx) error {
	return func(tx *bolt.Tx) error {
		var recs []rec
		c := tx.Bucket(bucketEvents).Cursor()
		for key, _ := c.First(); key != nil; key, _ = c.Next() {
			recs = append(recs, getRec(tx, binary.BigEndian.Uint64(key)))
		}
		var bodies [][]byte
		for _, r := range recs {
			bodies = append(bodies, r.body)
		}
		tr := newTreeOf(t, bodies)
		for i, r := range recs {
			seq := uint64(i) + 1
			r.sig = ed25519.Sign(k.priv, r.body)
			r.tree = nil
			for _, h := range tr[tlog.StoredHashIndex(0, int64(i)):tlog.StoredHashIndex(0, int64(seq))] {
				r.tree = append(r.tree, h[:]...)
			}
			if err := putRec(tx, seq, r); err != nil {
				return err
			}
		}
		n := int64(len(bodies))
		if err := putHead(tx, recs); err != nil {
			return err
		}
		if err := renameStateHead(tx, recs); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put([]byte("checkpoint"), checkpointOf(t, k, n, tr.root(t, n)))
	}
}

// renameStateHead makes the hall record name the hash its last event has
// in recs, as a forger who hashed the log again would.
func renameStateHead(tx *bolt.Tx, recs []rec) error {
	hall := tx.Bucket(bucketHall)
	state := hall.Get([]byte("state"))
	var named struct {
		LastSeq  uint64 `json:"last_seq"`
		LastHash string `json:"last_hash"`
	}
	if err := json.Unmarshal(state, &named); err != nil || named.LastHash == "" || named.LastSeq == 0 || named.LastSeq > uint64(len(recs)) {
		return err
	}
	now := hex.EncodeToString(recs[named.LastSeq-1].hash)
	return hall.Put([]byte("state"), bytes.Replace(state, []byte(named.LastHash), []byte(now), 1))
}

// putHead writes the log's head record for the events recs, as a forger
// who knows the file's format would: it is not signed.
func putHead(tx *bolt.Tx, recs []rec) error {
	if tx.Bucket(bucketMeta).Get([]byte("head")) == nil {
		return nil // a file before schema 6
	}
	head := binary.BigEndian.AppendUint64(nil, uint64(len(recs)))
	if len(recs) > 0 {
		head = append(head, recs[len(recs)-1].hash...)
	} else {
		head = append(head, make([]byte, 32)...)
	}
	return tx.Bucket(bucketMeta).Put([]byte("head"), head)
}

// downgrade turns the closed file at path into one an examday of schema
// 2 (or 1) wrote: no signatures, no tree, no key record in meta, no key
// file, no delivery state, and for schema 1 no sheets either.
func downgrade(t *testing.T, path string, schema int) {
	t.Helper()
	var inline bool
	readOnly(t, path, func(tx *bolt.Tx) error { inline = inlineFile(tx); return nil })
	if inline {
		asSchema4(t, path)
	}
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		drop := [][]byte{bucketSigs, bucketTree, bucketDelivery}
		if schema < 2 {
			drop = append(drop, bucketSheets)
		}
		for _, name := range drop {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		for _, k := range metaKeys {
			if err := meta.Delete([]byte(k)); err != nil {
				return err
			}
		}
		return meta.Put([]byte("schema"), []byte(strconv.Itoa(schema)))
	})
	if err := os.Remove(store.KeyPath(path)); err != nil {
		t.Fatal(err)
	}
}

// layoutOf reads what a closed file says of itself: its schema, and which
// of the buckets that came with schemas 2 and 3 it has.
func layoutOf(t *testing.T, path string) string {
	t.Helper()
	var out string
	readOnly(t, path, func(tx *bolt.Tx) error {
		out = "schema " + string(tx.Bucket(bucketMeta).Get([]byte("schema")))
		for _, name := range [][]byte{bucketSheets, bucketSigs, bucketTree} {
			if tx.Bucket(name) != nil {
				out += " " + string(name)
			}
		}
		for _, k := range metaKeys {
			if tx.Bucket(bucketMeta).Get([]byte(k)) != nil {
				out += " " + k
			}
		}
		return nil
	})
	return out
}

// copyHall copies a closed hall file and its key file into dir.
func copyHall(t *testing.T, path, dir string) string {
	t.Helper()
	to := dir + "/hall.examday"
	for from, dst := range map[string]string{path: to, store.KeyPath(path): store.KeyPath(to)} {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dst, b)
	}
	return to
}
