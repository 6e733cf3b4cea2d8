package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Bundle writes the events from seq from to the end of the log (to the
// end of what its checkpoint signs, see CheckpointSize) as a bundle
// (package bundle): the hand-over of the record to the central
// record, by file or over HTTP. The events, their signatures, the tree
// hashes before them and the checkpoint are read in one transaction, so
// the bundle is of one state of the log. It needs no private key: a file
// opened read-only because its key is missing can still hand over its
// record. A file whose log does not verify cannot: its checkpoint would
// not sign what it holds.
func (s *Store) Bundle(from uint64) ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if !s.id.Signed() {
		return nil, ErrUnsigned
	}
	checkpoint, signed, err := s.currentCheckpoint()
	if err != nil {
		return nil, err
	}
	// A file that cannot sign hands over what its checkpoint covers; the
	// events after it wait for the key file to be put back.
	size := uint64(signed)
	if from < 1 {
		from = 1
	}
	if from > size {
		if logSize := uint64(s.log.Tree.Size); from <= logSize {
			return nil, &codedError{kind: ErrKeyMissing, code: "store.export_unsigned", args: []any{size + 1, logSize},
				text: fmt.Sprintf("%v: events %d–%d are signed one by one but under no signed checkpoint yet, and none can be signed without the key file; put it back to hand them over",
					ErrKeyMissing, size+1, logSize)}
		}
		return nil, &codedError{code: "store.export_nothing", args: []any{size, from},
			text: fmt.Sprintf("the log has %d events; there is nothing from event %d on", size, from)}
	}
	var out []byte
	err = s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = s.hallLog().Bundle(tx, s.id, from, size, checkpoint)
		return err
	})
	return out, err
}
