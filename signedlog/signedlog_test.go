package signedlog_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/note"

	"examday/bundle"
	"examday/signedlog"
)

var layout = signedlog.Layout{Events: []byte("ev"), Sigs: []byte("sg"), Tree: []byte("tr"), Meta: []byte("m"), Checkpoint: []byte("cp")}

// newBook is a bbolt file holding an empty log of layout and a key for it:
// a user of the package that is not the hall.
func newBook(t *testing.T) (*bolt.DB, signedlog.Identity, *signedlog.Key) {
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
	db, err := bolt.Open(filepath.Join(t.TempDir(), "book.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{layout.Events, layout.Sigs, layout.Tree, layout.Meta} {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db, id, &signedlog.Key{Priv: priv, Signer: signer}
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
func appendEvents(t *testing.T, db *bolt.DB, id signedlog.Identity, key *signedlog.Key, log signedlog.Log, n int) signedlog.Log {
	t.Helper()
	err := db.Update(func(tx *bolt.Tx) error {
		b, err := layout.Prepare(tx, log, n, func(i int, seq uint64, prev [32]byte) ([]byte, error) {
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
		log, err = b.Commit(key, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// A log kept by a user that is not the hall appends, verifies, signs
// checkpoints and hands over; a changed byte is found at its event.
func TestALogOfAnotherBook(t *testing.T) {
	db, id, key := newBook(t)
	var log signedlog.Log
	for range 5 {
		log = appendEvents(t, db, id, key, log, 10)
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
		v[40] ^= 1
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
