package store

import (
	"bytes"
	"crypto/ed25519"
	"strconv"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/mod/sumdb/tlog"

	"examday/bundle"
	"examday/store/boltfile"
)

// migrate brings a file of an older schema, already verified, up to this
// one, in one Update: the file is of its old schema or of this one, never
// half of each, whatever happens during the upgrade.
//
//   - 1 → 2: the sheets bucket.
//   - 2 → 3: the sigs and tlog buckets; a key pair and an epoch for the
//     file (the private key in its key file, written and synced before the
//     Update, as create does); every event signed and its tree hashes;
//     a signed checkpoint.
//   - 3 → 4: the delivery bucket, empty: the file has not been enrolled
//     with a central record nor delivered anything yet. Nothing else
//     changes, so a signed file is not signed again.
//
// A file two or more schemas behind takes every step in the one Update.
//
// The events already in the log are signed at the upgrade, by the key made
// for it, not when they were recorded: meta's signed_at_upgrade says how
// many (SignedAtUpgrade). Their signatures say that this laptop held those
// bytes at the upgrade; that none was changed since it was recorded is
// what the hash chain, verified before the upgrade, says, as it did before.
//
// A file whose log does not verify is never migrated: Open calls migrate
// only for a sound log, and opens a broken one read-only in bbolt, so it
// stays byte for byte as it was found.
func (s *Store) migrate() error {
	// An Update with nothing to change still commits a new meta page: a
	// file of this schema is not written to by opening it.
	if s.schema >= SchemaVersion {
		return nil
	}
	if s.schema >= 3 {
		return s.migrateSigned()
	}
	key := s.key // a key file left by an upgrade cut short (keyOf)
	var id identity
	var err error
	if key == nil {
		var text []byte
		if id, key, text, err = newKey(); err != nil {
			return err
		}
		if err := writeKeyFile(KeyPath(s.path), text); err != nil {
			return err
		}
	} else if id, err = identityOfKey(key); err != nil {
		return err
	}

	var log logCheck
	var signed uint64
	err = s.update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketSheets, bucketSigs, bucketTree, bucketDelivery} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		meta, sigsB, treeB := tx.Bucket(bucketMeta), tx.Bucket(bucketSigs), tx.Bucket(bucketTree)
		fillAppendOnly(sigsB, treeB)
		if err := putIdentity(meta, id); err != nil {
			return err
		}
		var bodies [][]byte
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			bodies = append(bodies, bytes.Clone(v[32:])) // verified: every value holds a hash and a body
		}
		// Signing is the upgrade's cost (16 µs an event here): on every core.
		sigs := make([][]byte, len(bodies))
		boltfile.ForEachPart(len(bodies), func(i int) { sigs[i] = ed25519.Sign(key.priv, bodies[i]) })
		var hashes bundle.Hashes
		for i, body := range bodies {
			if err := sigsB.Put(seqKey(uint64(i+1)), sigs[i]); err != nil {
				return err
			}
			if _, err := hashes.Add(int64(i), body); err != nil {
				return err
			}
		}
		for index, h := range hashes {
			if err := treeB.Put(indexKey(int64(index)), bytes.Clone(h[:])); err != nil {
				return err
			}
		}
		signed = uint64(len(bodies))
		log = logCheck{head: s.headHash, tree: treeHead{size: int64(signed)}}
		var err error
		if log.tree.root, err = tlog.TreeHash(log.tree.size, &hashes); err != nil {
			return err
		}
		if log.checkpoint, err = signCheckpoint(key, id, log.tree); err != nil {
			return err
		}
		if err := meta.Put(keyCheckpoint, log.checkpoint); err != nil {
			return err
		}
		if err := meta.Put(keySignedAtUpgrade, []byte(strconv.FormatUint(signed, 10))); err != nil {
			return err
		}
		return meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	})
	if err != nil {
		// The key file stays: if the Update reached the disk after all, it
		// is this file's key, and if not, the next Open upgrades with it.
		return err
	}
	s.schema, s.id, s.key, s.signedAtUpgrade = SchemaVersion, id, key, signed
	s.tree, s.checkpoint, s.signed = log.tree, log.checkpoint, log.tree.size
	return nil
}

// migrateSigned brings a signed file (schema 3) up to this schema. The
// steps after 3 only add buckets beside the log: the log, its signatures
// and its checkpoint stay as they are, and nothing is signed again.
func (s *Store) migrateSigned() error {
	err := s.update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(bucketDelivery); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	})
	if err != nil {
		return err
	}
	s.schema = SchemaVersion
	return nil
}
