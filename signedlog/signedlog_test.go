package signedlog_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
	"examday/signedlog"
)

var (
	separate = signedlog.Layout{Events: []byte("ev"), Sigs: []byte("sg"), Tree: []byte("tr"), Meta: []byte("m"), Checkpoint: []byte("cp")}
	inline   = signedlog.Layout{Events: []byte("ev"), Meta: []byte("m"), Checkpoint: []byte("cp"), Inline: true}
	layouts  = map[string]signedlog.Layout{"separate": separate, "inline": inline}
)

// newBook is a bbolt file holding an empty log of layout and a key for it:
// a user of the package that is not the hall.
func newBook(t *testing.T, layout signedlog.Layout) (*bolt.DB, signedlog.Identity, *signedlog.Key) {
	t.Helper()
	id, key := newKey(t)
	return bookWith(t, layout), id, key
}

func newKey(t *testing.T) (signedlog.Identity, *signedlog.Key) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	epoch := make([]byte, 16)
	rand.Read(epoch)
	id := signedlog.Identity{Pub: pub, Device: signedlog.DeviceID(pub), Epoch: hex.EncodeToString(epoch)}
	signer, err := note.NewSigner(signerKey(t, id, priv))
	if err != nil {
		t.Fatal(err)
	}
	return id, &signedlog.Key{Priv: priv, Signer: signer}
}

func bookWith(t *testing.T, layout signedlog.Layout) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "book.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{layout.Events, layout.Sigs, layout.Tree, layout.Meta} {
			if b == nil {
				continue
			}
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// signerKey is the note signer key of id's origin over priv, as
// note.GenerateKey writes one.
func signerKey(t *testing.T, id signedlog.Identity, priv ed25519.PrivateKey) string {
	t.Helper()
	// The verifier key's name and hash, with the seed in place of the
	// public key.
	vkey := id.VerifierKey()
	hash := vkey[len(id.Origin())+1:][:8]
	return fmt.Sprintf("PRIVATE+KEY+%s+%s+%s", id.Origin(), hash, b64(append([]byte{1}, priv.Seed()...)))
}

// appendEvents commits n events of a made-up book in one Update.
func appendEvents(t *testing.T, layout signedlog.Layout, db *bolt.DB, id signedlog.Identity, key *signedlog.Key, log signedlog.Log, n int) signedlog.Log {
	t.Helper()
	err := db.Update(func(tx *bolt.Tx) error {
		b, err := layout.Prepare(tx, log, key, n, func(i int, seq uint64, prev [32]byte) ([]byte, error) {
			return fmt.Appendf(nil, `{"seq":%d,"what":"mark %d","prev":"%x"}`, seq, i, prev), nil
		})
		if err != nil {
			return err
		}
		for i := range b.Entries() {
			if err := b.Put(i); err != nil {
				return err
			}
		}
		log, err = b.Commit(id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// A log kept by a user that is not the hall appends, verifies, signs
// checkpoints and hands over; a changed byte is found at its event. In
// either layout.
func TestALogOfAnotherBook(t *testing.T) {
	for name, layout := range layouts {
		t.Run(name, func(t *testing.T) { aLogOfAnotherBook(t, layout) })
	}
}

func aLogOfAnotherBook(t *testing.T, layout signedlog.Layout) {
	db, id, key := newBook(t, layout)
	var log signedlog.Log
	for range 5 {
		log = appendEvents(t, layout, db, id, key, log, 10)
	}
	if log.Tree.Size != 50 || log.Signed != 40 { // signed once 32 events were not
		t.Fatalf("size %d, checkpoint of %d", log.Tree.Size, log.Signed)
	}
	var bundled []byte
	err := db.View(func(tx *bolt.Tx) error {
		got, err := layout.Verify(tx, 50, id)
		if err != nil {
			return err
		}
		if got.Tree.Root != log.Tree.Root || got.Head != log.Head {
			return errors.New("verify found another head")
		}
		if n, bad := layout.VerifySignatures(tx, id); n != 50 || bad != nil {
			return fmt.Errorf("%d signatures, %v", n, bad)
		}
		cp, err := signedlog.SignCheckpoint(key, id, log.Tree)
		if err != nil {
			return err
		}
		bundled, err = layout.Bundle(tx, id, 1, 50, cp)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := bundle.Parse(bundled)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Verify(id.Pub); err != nil {
		t.Fatal(err)
	}

	// A byte of event 17 changed: the log stops verifying there.
	err = db.Update(func(tx *bolt.Tx) error {
		v := append([]byte(nil), tx.Bucket(layout.Events).Get([]byte{0, 0, 0, 0, 0, 0, 0, 17})...)
		v[len(v)-10] ^= 1 // in the body, in either layout
		return tx.Bucket(layout.Events).Put([]byte{0, 0, 0, 0, 0, 0, 0, 17}, v)
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bolt.Tx) error {
		_, err := layout.Verify(tx, 50, id)
		var ce *signedlog.ChainError
		if !errors.As(err, &ce) || ce.Seq != 17 {
			t.Fatalf("a changed event 17: %v", err)
		}
		return nil
	})
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// The same events signed with the same key are the same log in either
// layout: the same root, the same stored hashes, the same signatures,
// the same bundle bytes, from the start and from the middle; and in the
// inline layout a flipped signature byte and a changed tree hash are
// found at their event, as in the separate buckets.
func TestInlineLayoutIsTheSameLog(t *testing.T) {
	id, key := newKey(t)
	dbs := map[string]*bolt.DB{}
	logs := map[string]signedlog.Log{}
	for name, layout := range layouts {
		dbs[name] = bookWith(t, layout)
		var log signedlog.Log
		for _, n := range []int{1, 7, 3, 20, 9} {
			log = appendEvents(t, layout, dbs[name], id, key, log, n)
		}
		logs[name] = log
	}
	if logs["inline"].Tree.Root != logs["separate"].Tree.Root || logs["inline"].Head != logs["separate"].Head {
		t.Fatal("the layouts hold different logs")
	}
	cp, err := signedlog.SignCheckpoint(key, id, logs["inline"].Tree)
	if err != nil {
		t.Fatal(err)
	}
	bundles := map[string][][]byte{}
	for name, layout := range layouts {
		dbs[name].View(func(tx *bolt.Tx) error {
			if _, err := layout.Verify(tx, 40, id); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, from := range []uint64{1, 2, 17, 40} {
				b, err := layout.Bundle(tx, id, from, 40, cp)
				if err != nil {
					t.Fatalf("%s from %d: %v", name, from, err)
				}
				bundles[name] = append(bundles[name], b)
			}
			all := make([]int64, 0)
			for i := range tlog.StoredHashCount(40) {
				all = append(all, i)
			}
			hs, err := layout.ReadHashes(tx, all)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if root, err := tlog.TreeHash(40, tlog.HashReaderFunc(func(ix []int64) ([]tlog.Hash, error) {
				out := make([]tlog.Hash, len(ix))
				for i, x := range ix {
					out[i] = hs[x]
				}
				return out, nil
			})); err != nil || root != logs[name].Tree.Root {
				t.Fatalf("%s: the stored hashes give another root (%v)", name, err)
			}
			return nil
		})
	}
	for i := range bundles["inline"] {
		if !bytes.Equal(bundles["inline"][i], bundles["separate"][i]) {
			t.Fatalf("bundle %d differs between the layouts", i)
		}
	}

	db := dbs["inline"]
	tamper := func(seq uint64, at func(v []byte) int) {
		t.Helper()
		err := db.Update(func(tx *bolt.Tx) error {
			k := binary.BigEndian.AppendUint64(nil, seq)
			v := bytes.Clone(tx.Bucket(inline.Events).Get(k))
			v[at(v)] ^= 1
			return tx.Bucket(inline.Events).Put(k, v)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// A flipped byte of event 12's signature: VerifySignatures names it;
	// so does Verify, which checks every signature of a log this short.
	tamper(12, func([]byte) int { return 32 + 17 })
	db.View(func(tx *bolt.Tx) error {
		_, bad := inline.VerifySignatures(tx, id)
		if bad == nil || bad.Seq != 12 || bad.Check != signedlog.CheckSignature {
			t.Fatalf("a flipped signature byte of event 12: %v", bad)
		}
		_, err := inline.Verify(tx, 40, id)
		var ce *signedlog.ChainError
		if !errors.As(err, &ce) || ce.Seq != 12 || ce.Check != signedlog.CheckSignature {
			t.Fatalf("Verify, a flipped signature byte of event 12: %v", err)
		}
		return nil
	})
	tamper(12, func([]byte) int { return 32 + 17 }) // back
	// A changed tree hash of event 8 (record 7 closes three subtrees: it
	// stores four hashes), the last of them: the tree check names it.
	tamper(8, func([]byte) int { return 96 + 3*32 + 5 })
	db.View(func(tx *bolt.Tx) error {
		_, err := inline.Verify(tx, 40, id)
		var ce *signedlog.ChainError
		if !errors.As(err, &ce) || ce.Seq != 8 || ce.Check != signedlog.CheckTree || ce.Code != signedlog.ChainTreeDiffers {
			t.Fatalf("a changed tree hash of event 8: %v", err)
		}
		return nil
	})
}
