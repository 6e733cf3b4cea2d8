package store_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"
)

// The layouts of the log, as store.go and signedlog.Layout document them,
// for tests that read or tamper with a file directly. Up to schema 4 each
// event's signature is in the sigs bucket and the tree's stored hashes in
// the tlog bucket; since schema 5 both are in the event's own record:
//
//	events: seq -> sha256(body) || signature (64) || the stored hashes the event adds || body

// inlineFile reports whether the file tx is of keeps signatures and tree
// hashes in the events records (schema 5 and later).
func inlineFile(tx *bolt.Tx) bool {
	return tx.Bucket(bucketSigs) == nil && tx.Bucket(bucketTree) == nil && string(tx.Bucket(bucketMeta).Get([]byte("schema"))) >= "5"
}

// hashesAdded is how many stored hashes of the tree event seq adds.
func hashesAdded(seq uint64) int {
	return int(tlog.StoredHashIndex(0, int64(seq)) - tlog.StoredHashIndex(0, int64(seq)-1))
}

// eventOf is the event a stored hash index belongs to.
func eventOf(index int64) uint64 {
	seq := uint64(1)
	for tlog.StoredHashIndex(0, int64(seq)) <= index {
		seq++
	}
	return seq
}

// rec is one event's stored facts: its hash, its signature, the tree
// hashes it adds (concatenated), its bytes.
type rec struct{ hash, sig, tree, body []byte }

// getRec reads event seq's stored facts, wherever the file keeps them.
func getRec(tx *bolt.Tx, seq uint64) rec {
	v := bytes.Clone(tx.Bucket(bucketEvents).Get(seqKey(seq)))
	if !inlineFile(tx) {
		if len(v) < 32 {
			panic(fmt.Sprintf("event %d: %d bytes stored", seq, len(v)))
		}
		r := rec{hash: v[:32], body: v[32:]}
		if b := tx.Bucket(bucketSigs); b != nil {
			r.sig = bytes.Clone(b.Get(seqKey(seq)))
		}
		if b := tx.Bucket(bucketTree); b != nil {
			for i := tlog.StoredHashIndex(0, int64(seq-1)); i < tlog.StoredHashIndex(0, int64(seq)); i++ {
				r.tree = append(r.tree, b.Get(indexKey(i))...)
			}
		}
		return r
	}
	head := 96 + 32*hashesAdded(seq)
	if len(v) < head {
		panic(fmt.Sprintf("event %d: %d bytes stored", seq, len(v)))
	}
	return rec{hash: v[:32], sig: v[32:96], tree: v[96:head], body: v[head:]}
}

// putRec stores event seq's facts as r says, wherever the file keeps
// them: in a file of schema 5 its whole record, in an older one its hash
// and bytes, its signature and tree hashes where the buckets are.
func putRec(tx *bolt.Tx, seq uint64, r rec) error {
	if !inlineFile(tx) {
		if b := tx.Bucket(bucketSigs); b != nil && r.sig != nil {
			if err := b.Put(seqKey(seq), bytes.Clone(r.sig)); err != nil {
				return err
			}
		}
		if b := tx.Bucket(bucketTree); b != nil && r.tree != nil {
			first := tlog.StoredHashIndex(0, int64(seq-1))
			for i := 0; i+32 <= len(r.tree); i += 32 {
				if err := b.Put(indexKey(first+int64(i/32)), bytes.Clone(r.tree[i:i+32])); err != nil {
					return err
				}
			}
		}
		return tx.Bucket(bucketEvents).Put(seqKey(seq), append(bytes.Clone(r.hash), r.body...))
	}
	v := append(append(append(bytes.Clone(r.hash), r.sig...), r.tree...), r.body...)
	return tx.Bucket(bucketEvents).Put(seqKey(seq), v)
}

// bodyIn is the bytes of event seq in v, its stored value in the file tx
// is of.
func bodyIn(tx *bolt.Tx, seq uint64, v []byte) []byte {
	if !inlineFile(tx) {
		return v[32:]
	}
	return v[96+32*hashesAdded(seq):]
}

// putSig stores sig as event seq's signature.
func putSig(tx *bolt.Tx, seq uint64, sig []byte) error {
	r := getRec(tx, seq)
	r.sig = sig
	return putRec(tx, seq, r)
}

// treeHash is the stored hash index; putTreeHash stores h there.
func treeHash(tx *bolt.Tx, index int64) []byte {
	seq := eventOf(index)
	at := int(index-tlog.StoredHashIndex(0, int64(seq-1))) * 32
	return bytes.Clone(getRec(tx, seq).tree[at : at+32])
}

func putTreeHash(tx *bolt.Tx, index int64, h []byte) error {
	if len(h) != 32 {
		return fmt.Errorf("a tree hash of %d bytes", len(h))
	}
	seq := eventOf(index)
	r := getRec(tx, seq)
	at := int(index-tlog.StoredHashIndex(0, int64(seq-1))) * 32
	copy(r.tree[at:], h)
	return putRec(tx, seq, r)
}

// asSchema4 turns the closed file of this code at path into one laid out
// as the examday of schema 4 wrote it: each event's signature in sigs, the
// tree's stored hashes in tlog, the events records its hash and bytes.
// The same facts, moved: for the tests of what only that layout can hold
// (a signature missing on its own, a tree hash past the log), which a
// file of schema 4 is still read and checked for.
func asSchema4(t *testing.T, path string) {
	t.Helper()
	rawUpdate(t, path, toRecordsOfSchema4)
}

// toRecordsOfSchema4 is asSchema4 in tx.
func toRecordsOfSchema4(tx *bolt.Tx) error {
	{
		if !inlineFile(tx) {
			return fmt.Errorf("not a file of schema 5")
		}
		var recs []rec
		c := tx.Bucket(bucketEvents).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			recs = append(recs, getRec(tx, uint64(len(recs))+1))
		}
		sigs, err := tx.CreateBucket(bucketSigs)
		if err != nil {
			return err
		}
		tree, err := tx.CreateBucket(bucketTree)
		if err != nil {
			return err
		}
		var index int64
		for i, r := range recs {
			seq := uint64(i) + 1
			if err := sigs.Put(seqKey(seq), r.sig); err != nil {
				return err
			}
			for at := 0; at < len(r.tree); at += 32 {
				if err := tree.Put(indexKey(index), r.tree[at:at+32]); err != nil {
					return err
				}
				index++
			}
			if sum := sha256.Sum256(r.body); !bytes.Equal(sum[:], r.hash) {
				return fmt.Errorf("event %d: its hash is not its bytes'", seq)
			}
			if err := tx.Bucket(bucketEvents).Put(seqKey(seq), append(bytes.Clone(r.hash), r.body...)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put([]byte("schema"), []byte("4"))
	}
}
