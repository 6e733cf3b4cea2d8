package central

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"
)

// A hot backup of the central record: the whole bbolt file as one read
// transaction sees it (tx.WriteTo), so the copy is consistent however
// many pushes arrive meanwhile — they are written by their own
// transactions, which the copy does not see. The signing key (FILE.key)
// is not in the file and so not in the copy: a backup can be kept where
// the key must not be, and a restored copy signs nothing until its key
// is put beside it from where it is kept (see the README).

// Summary is what a central file holds, counted in one read transaction:
// enough to tell that a copy holds all of what it was copied from.
type Summary struct {
	Devices int   `json:"devices"`
	Logs    int   `json:"logs"`
	Events  int64 `json:"events"` // the sum of every log's size
	Audit   int   `json:"audit"`  // audit rows
	Bytes   int64 `json:"bytes"`  // the file's size as the transaction sees it
	// Key is the central record's verifier key, as the file holds it.
	Key string `json:"key"`
}

func (d *DB) summarize(tx *bolt.Tx) (Summary, error) {
	s := Summary{Key: d.vkey, Bytes: tx.Size()}
	s.Devices = tx.Bucket(bucketDevices).Stats().KeyN
	s.Audit = tx.Bucket(bucketAudit).Stats().KeyN
	err := tx.Bucket(bucketLogs).ForEach(func(k, v []byte) error {
		var r logRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("log record %s: %v", k, err)
		}
		s.Logs++
		s.Events += r.Size
		return nil
	})
	return s, err
}

// Summary counts what the file holds now.
func (d *DB) Summary() (Summary, error) {
	var s Summary
	err := d.view(func(tx *bolt.Tx) error {
		var err error
		s, err = d.summarize(tx)
		return err
	})
	return s, err
}

// Backup writes the whole file, as one read transaction sees it, to w,
// and returns what that transaction counted in it. The key is not
// written: it is not in the file.
func (d *DB) Backup(w io.Writer) (Summary, error) {
	var s Summary
	err := d.view(func(tx *bolt.Tx) error {
		var err error
		if s, err = d.summarize(tx); err != nil {
			return err
		}
		_, err = tx.WriteTo(w)
		return err
	})
	return s, err
}

// ErrCopyDiffers: a backup copy, read back, does not hold what was copied.
var ErrCopyDiffers = errors.New("the copy does not hold what the central record held")

// VerifyCopy checks a backup copy at path, read back from the disk, as
// restoring it would: it opens as a central record (format, schema,
// buckets, the structure of every page), every log in it verifies whole
// (CheckLogs: chains, signatures with the enrolled keys, trees, roots),
// and it holds what want counted in the original at the moment of the
// copy, under the same key.
func VerifyCopy(path string, want Summary) error {
	c, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.CheckLogs(); err != nil {
		return err
	}
	got, err := c.Summary()
	if err != nil {
		return err
	}
	if got != want {
		return fmt.Errorf("%w: %+v, not %+v", ErrCopyDiffers, got, want)
	}
	return nil
}

// Health is the central record's answer to "is the file sound": what it
// holds, read in one transaction of the open file (its meta says it is a
// central record of this key, every log record reads), and whether it can
// sign receipts.
func (d *DB) Health() (Summary, error) {
	var s Summary
	err := d.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || string(meta.Get(keyFormat)) != formatMark || string(meta.Get(keyPublicKey)) != string(d.pub) {
			return fmt.Errorf("%w (its meta is not the one it was opened with)", ErrDamaged)
		}
		var err error
		s, err = d.summarize(tx)
		return err
	})
	if err == nil && d.signer == nil {
		err = ErrReadOnly
	}
	return s, err
}
