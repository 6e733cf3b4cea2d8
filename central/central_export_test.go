package central

import (
	"crypto/sha256"
	"encoding/hex"

	bolt "go.etcd.io/bbolt"
)

// Hooks for the tests of package central_test.

// SetNoSyncForTest stops fsync on commit: the tests that make tens of
// thousands of refused attempts need no durability, only their results.
func SetNoSyncForTest(d *DB) { d.db.NoSync = true }

// SnapshotForTest is a digest of everything in the file but the audit,
// and the number of audit rows: a refusal may change only the second.
func SnapshotForTest(d *DB) (content string, auditRows int, err error) {
	h := sha256.New()
	err = d.db.View(func(tx *bolt.Tx) error {
		auditRows = tx.Bucket(bucketAudit).Stats().KeyN
		var walk func(prefix string, b *bolt.Bucket) error
		walk = func(prefix string, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if v == nil {
					return walk(prefix+string(k)+"/", b.Bucket(k))
				}
				h.Write([]byte(prefix))
				h.Write(k)
				h.Write([]byte{0})
				h.Write(v)
				h.Write([]byte{0})
				return nil
			})
		}
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if string(name) == string(bucketAudit) {
				return nil
			}
			return walk(string(name)+"/", b)
		})
	})
	return hex.EncodeToString(h.Sum(nil)), auditRows, err
}
