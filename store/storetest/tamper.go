package storetest

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// FlipSignature flips the bits mask of byte i of event seq's stored
// signature in tx, wherever the file keeps it: in its events record
// (schema 5: sha256(body) || signature || tree hashes || body), or in the
// sigs bucket (schemas 3 and 4). For tests that damage a signature and
// nothing else.
func FlipSignature(tx *bolt.Tx, seq uint64, i int, mask byte) error {
	k := binary.BigEndian.AppendUint64(nil, seq)
	if sigs := tx.Bucket([]byte("sigs")); sigs != nil {
		sig := bytes.Clone(sigs.Get(k))
		if len(sig) != 64 {
			return fmt.Errorf("event %d has no signature", seq)
		}
		sig[i] ^= mask
		return sigs.Put(k, sig)
	}
	events := tx.Bucket([]byte("events"))
	v := bytes.Clone(events.Get(k))
	if len(v) < 96 {
		return fmt.Errorf("event %d is not there", seq)
	}
	v[32+i] ^= mask
	return events.Put(k, v)
}
